"""Say in English the span a figure's label counts: a span the vocabulary lists, a named year,
since a year, so many years up to now, a Five-Year Plan period, or up to a year's end.

Reports name their spans in a few set ways (过去五年, 近三年, 五年来, “十三五”时期, 2023年以来,
截至2025年底): each is said as written, the number of years as a word; None for any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

_YEAR = re.compile(r"(?:19|20)[0-9]{2}年")
_SINCE = re.compile(r"((?:19|20)[0-9]{2})年以来")
# Up to the end of a named year, summed or not (截至2025年底累计).
_AS_OF = re.compile(r"截至((?:19|20)[0-9]{2})年(?:底|末)，?(累计)?")
# 累计 opens a label as an opener (english_nouns), the figure's span being said already.
_OPENERS_SPANS = ("累计",)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _forms(words: dict[str, Any]) -> Iterator[tuple[re.Pattern[str], str, dict[str, str]]]:
    """Yield each span's pattern, its English and the English of the number it finds: years
    (三: three) or a plan's (三: 13th)."""
    spans = words["span_forms"]
    for kind, names in (("forms", spans["numbers"]), ("plans", spans["ordinals"])):
        for pattern, english in spans[kind].items():
            yield _compiled(pattern), str(english), names


def _patterned(period: str, words: dict[str, Any], whole: bool = True) -> tuple[str, str] | None:
    """Return the span a pattern finds (whole, or opening ``period``) and its English, or None."""
    for pattern, english, names in _forms(words):
        found = pattern.fullmatch(period) if whole else pattern.match(period)
        number = None if found is None else names.get(found[1], found[1] if found[1].isdigit() else "")
        if found is not None and number:
            return found[0], english.format(number)
    return None


def span_english(period: str, words: dict[str, Any]) -> str | None:
    """Return the English a label ends with for ``period`` (over the past three years, in 2019,
    since 2023, during the 13th Five-Year Plan period), or None where it is not known."""
    if period in words["periods"]:
        return str(words["periods"][period])
    if _YEAR.fullmatch(period):
        return f"in {period.removesuffix('年')}"
    since = _SINCE.fullmatch(period)
    if since is not None:
        return f"since {since[1]}"
    found = _patterned(period, words)
    return found[1] if found is not None else None


def opening_span(text: str, words: dict[str, Any]) -> str | None:
    """Return the span a label drafted without a period opens with (五年来审结…, 近三年受理…), if
    it has English and more follows it; else None."""
    listed = next((span for span in words["periods"] if span not in _OPENERS_SPANS and
                   text.startswith(span) and text != span), None)
    if listed is not None:
        return listed
    found = _patterned(text, words, whole=False)
    return found[0] if found is not None and len(found[0]) < len(text) else None


def as_of(text: str) -> tuple[str, str] | None:
    """Return what a label says after the year's end it counts up to (截至2025年底累计调解…) and the
    English it ends with (in total as of the end of 2025), or None."""
    found = _AS_OF.match(text)
    if found is None:
        return None
    return text[found.end():], f"{' in total' if found[2] else ''} as of the end of {found[1]}"
