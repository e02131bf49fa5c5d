"""What every documented JSON object is: no undeclared keys, keys as the JSON spells them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LanguageTag = Literal["zh-Hans", "zh-Hant", "en"]
# Who wrote a text: the drafter (unchanged since it drafted it) or a person.
Origin = Literal["draft", "person"]
LanguageCode = Literal["zh-hans", "zh-hant", "en"]


class Schema(BaseModel):
    """A documented JSON object: no undeclared keys, keys as the JSON spells them."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ApiError(Schema):
    """What every API error answers, with its 4xx status."""

    error: str = Field(description="What went wrong, in the language asked for where known.")
