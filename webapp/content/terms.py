"""Glossary terms: a term of art in every language, its other names, and where a report uses it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import Field, ValidationInfo, model_validator

from .texts import Model, NonEmpty, Quoted, Slug, Text, converter_of


class TermSource(Quoted):
    report: str


class Aliases(Model):
    zh_hans: tuple[NonEmpty, ...] = Field(default=(), alias="zh-Hans")
    zh_hant: tuple[str, ...] = Field(default=(), alias="zh-Hant")
    en: tuple[NonEmpty, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and isinstance(data.get("zh-Hans"), list):
            converter = converter_of(info)
            forms = [converter.convert(alias) for alias in data["zh-Hans"] if isinstance(alias, str)]
            data = {**data, "zh-Hant": forms}
        return data


class Term(Model):
    """A term of art, explained in a tooltip where it is read and on the glossary page."""

    id: Slug
    term: Text
    pinyin: NonEmpty | None = None
    aliases: Aliases = Aliases()
    short: Text
    explanation: Text
    source: TermSource | None = None
    # Why the English headword is not the attested official rendering (renderings.py).
    departs_from_official: NonEmpty | None = None

    def forms(self, tag: str) -> list[str]:
        """Return every form of the term a text in ``tag`` may contain."""
        if tag == "en":
            return [self.term.en, *self.aliases.en]
        aliases = self.aliases.zh_hant if tag == "zh-Hant" else self.aliases.zh_hans
        return [self.term.get(tag), *aliases]


def forms_pattern(forms: Iterable[str], tag: str) -> re.Pattern[str]:
    """Return a pattern finding any of ``forms`` in a text in ``tag``, case-insensitively.

    At each position the longest form wins. Chinese has no word boundaries, so a Chinese form
    is found anywhere; an English one only as whole words: "ban" must not match inside "urban".
    """
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    if tag == "en":
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return re.compile(alternatives, re.IGNORECASE)


