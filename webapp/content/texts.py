"""Texts in every language, quotes of a report, and what every content model is built on.

Texts are written in zh-Hans and en; zh-Hant is converted from zh-Hans while a model is
validated (the converter comes in the validation context), once, with the curated overrides,
and every model keeps all three. Rendering code only picks a language.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..languages import TraditionalConverter
from ..markup import visible_line

# An id names a folder and goes into file names and addresses: kebab-case, and short enough
# that a file named for it (with language, digest and suffix) stays within a file system's 255.
SLUG_MAX_LENGTH = 100
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
Slug = Annotated[str, StringConstraints(pattern=rf"^{SLUG.pattern}$", max_length=SLUG_MAX_LENGTH)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def is_slug(text: str) -> bool:
    """Tell whether ``text`` is a valid id: kebab-case, at most SLUG_MAX_LENGTH characters.

    Whole-string match: ``re.match(…$)`` would take an id with a trailing newline.
    """
    return len(text) <= SLUG_MAX_LENGTH and SLUG.fullmatch(text) is not None


# Where a text comes from: the drafter wrote it and nobody has changed it since, or a person did.
Origin = Literal["draft", "person"]


def converter_of(info: ValidationInfo) -> TraditionalConverter:
    """Return the converter to zh-Hant that the content is validated with (its context)."""
    context = info.context or {}
    converter = context.get("converter")
    if not isinstance(converter, TraditionalConverter):
        raise TypeError("content models are validated with a converter in the context")
    return converter


def is_draft(info: ValidationInfo) -> bool:
    """Tell whether the model is validated as part of a draft briefing (``status: draft``)."""
    return bool((info.context or {}).get("draft"))


def drafted_digest(zh_hans: str, en: str) -> str:
    """Return the digest a drafted text carries: of both languages exactly as drafted."""
    payload = f"{zh_hans.strip()}\n{en.strip()}".encode()
    return hashlib.blake2b(payload, digest_size=6).hexdigest()


def with_converted(data: Any, info: ValidationInfo, source: str, target: str) -> Any:
    """Add the Traditional conversion of ``data[source]`` as ``data[target]``, before validation."""
    if isinstance(data, dict) and isinstance(data.get(source), str):
        return {**data, target: converter_of(info).convert(data[source].strip())}
    return data


class Model(BaseModel):
    """A frozen model that rejects unknown keys (a misspelt key is an error, not ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(Model):
    """A text in every published language; zh-Hant is generated, never written.

    A text the drafter wrote carries ``drafted``, the digest of both languages as drafted: it
    counts as machine-drafted exactly while it is unchanged (``origin``). Only in a draft
    briefing may ``en`` be empty, awaiting translation.
    """

    zh_hans: NonEmpty = Field(alias="zh-Hans")
    en: str
    zh_hant: str = Field(default="", alias="zh-Hant")
    drafted: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and "zh-Hant" in data:
            raise ValueError("zh-Hant is generated from zh-Hans: do not write it")
        return with_converted(data, info, "zh-Hans", "zh-Hant")

    @field_validator("en")
    @classmethod
    def _english_unless_draft(cls, en: str, info: ValidationInfo) -> str:
        en = en.strip()
        if not en and not is_draft(info):
            raise ValueError("empty: every text needs English (only a draft may leave it empty)")
        return en

    def get(self, tag: str) -> str:
        """Return the text for a language tag (``zh-Hans``, ``zh-Hant``, ``en``)."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}[tag]

    def shown_in(self, tag: str) -> tuple[str, str]:
        """Return the text a reader of ``tag`` sees and the tag it is in.

        English awaiting translation falls back to the Chinese, and says so by its tag.
        """
        text = self.get(tag)
        return (text, tag) if text else (self.zh_hans, "zh-Hans")

    @property
    def origin(self) -> Origin:
        """Return ``draft`` while the text is as the drafter wrote it, else ``person``."""
        if self.drafted is not None and self.drafted == drafted_digest(self.zh_hans, self.en):
            return "draft"
        return "person"

    @property
    def awaiting_translation(self) -> bool:
        """Tell whether the English is still to be written."""
        return not self.en


class Quoted(Model):
    """A model holding a verbatim quote of a report, shown converted to zh-Hant readers."""

    quote: NonEmpty
    quote_zh_hant: str = ""

    @model_validator(mode="before")
    @classmethod
    def _convert_quote(cls, data: Any, info: ValidationInfo) -> Any:
        return with_converted(data, info, "quote", "quote_zh_hant")

    def quote_in(self, tag: str) -> str:
        """Return the quote as a reader of ``tag`` sees it, on one line.

        Characters are converted for zh-Hant, and the source's markup (an infographic's
        ``**`` emphasis, a list item's bullet) is dropped: ``quote`` keeps it only to find the
        place. A quote across a table's cells reads as the cells with a space between (刑事案件
        1337 1770 32.39%), a cell wrapped over two lines as one.
        """
        return visible_line(self.quote_zh_hant if tag == "zh-Hant" else self.quote)


class Override(Model):
    """A phrase OpenCC converts wrongly, with its curated Traditional form (and why)."""

    zh_hans: NonEmpty = Field(alias="zh-Hans")
    zh_hant: NonEmpty = Field(alias="zh-Hant")
    why: NonEmpty


