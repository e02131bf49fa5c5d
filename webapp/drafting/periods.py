"""Tell the span a figure counts: the report's year, or the span its sentence names.

Reports mostly count the year they cover, but state longer spans in the same paragraphs:
过去五年审结…, “十四五”时期共审结…, 民法典施行五年来…, 累计…, or a named earlier year
(由2021年361件增至2025年712件). 累计 sums over the span or year named before it
in the sentence (五年来，累计…; 全年累计…), and names a span of its own only alone.
A span stated in a sentence holds for the figures after it in that sentence, until
another is named; the report's year named again (2025年审结…) or a word for it
(一年来, 全年) returns to the year. A span after 较/比 is the basis of a comparison
(较“十三五”增长66%), not the span counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .changes import FULL_STOP
from .lexicon import lexicon

# A span of so many years up to now, however written (过去五年, 五年来, 近五年, 五年以来).
_SPAN_YEARS = re.compile(r"(?:过去|近)?([一二两三四五六七八九十]+|[0-9]{1,2})年(?:来|以来|间)?")
_COMPARED_LEVEL = re.compile(r"(?:比|较)((?:19|20)[0-9]{2}年)(?:同期)?的$")
_UP_TO = ("截至", "截止", "截止到", "截至到")
# A year named (2021年), or its end (2021年底: a stock then).
_NAMED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年(?:底|末)?(?![0-9]|月|度)")


@dataclass(frozen=True)
class _PeriodWords:
    spans: re.Pattern[str]
    this_year: tuple[str, ...]
    comparison: tuple[str, ...]
    summing: tuple[str, ...]


@cache
def _period_words() -> _PeriodWords:
    periods = lexicon().mapping("periods")
    return _PeriodWords(re.compile("|".join(f"(?:{pattern})" for pattern in periods["spans"])),
                        tuple(periods["this_year"]), tuple(periods["comparison_before"]),
                        tuple(periods["summing"]))


def without_span(label: str) -> str:
    """Return a label without the span or year word it opens with (五年来起诉: 起诉)."""
    words = _period_words()
    opening = words.spans.match(label)
    if opening is not None:
        return label[opening.end():]
    return next((label.removeprefix(word) for word in words.this_year if label.startswith(word)), label)


def chapter_span(heading: str) -> str | None:
    """Return the span a chapter's heading names as what it reviews (一、过去五年工作回顾), or None."""
    words = _period_words()
    named = words.spans.search(heading)
    if named is None or named.group() in words.this_year or _NAMED_YEAR.search(heading) or \
            any(word in heading for word in words.this_year):
        return None  # 一、过去五年和2024年工作回顾 reviews the year too: its figures say which.
    return named.group()


def opens_the_year(text: str, year: int | None) -> bool:
    """Tell whether a paragraph opens on the report's own year (2025年，…, 一年来，…): in a chapter
    reviewing a span, what follows it is that year's (a term review's year in brief)."""
    words = _period_words()
    named = _NAMED_YEAR.match(text.strip())
    return (named is not None and year is not None and int(named[1]) == year) or \
        text.strip().startswith(words.this_year)


def same_span(one: str, other: str) -> bool:
    """Tell whether two spans as written are the same span (过去五年, 五年来, 近五年, 五年间)."""
    first, second = _SPAN_YEARS.fullmatch(one), _SPAN_YEARS.fullmatch(other)
    return one == other or (first is not None and second is not None and first[1] == second[1])


def period_of(text: str, start: int, year: int | None, chapter: str | None = None) -> str | None:
    """Return the span the figure at ``start`` of ``text`` counts, as written, or None for the year.

    A span named in the figure's sentence is its period. A span that opens one of the paragraph's
    first two sentences frames the paragraph, as a review of a congress's term is written
    (五年来，…审结…。依法严惩…，审结此类案件1127件 counts five years too), until a sentence names
    another span or a year. Where neither says, the span the chapter reviews (``chapter``: a
    review of a congress's term, 一、过去五年工作回顾) is the period.
    """
    words = _period_words()
    compared = _COMPARED_LEVEL.search(text[:start])
    if compared is not None:
        # 比2024年的2037件: the level of the year it is compared with.
        return None if year is not None and compared[1] == f"{year}年" else compared[1]
    begin = max((text.rfind(char, 0, start) for char in FULL_STOP), default=-1) + 1
    in_sentence = _period_in(text[begin:start], year, words)
    if in_sentence is not _NONE_NAMED:
        return in_sentence
    framing = _framing_span(text[:begin], year, words, reviewing=chapter is not None)
    return chapter if framing is _NONE_NAMED else framing


# No span or year named (distinct from None, the year named).
_NONE_NAMED = "\0"


def _framing_span(before: str, year: int | None, words: _PeriodWords, reviewing: bool = False) -> str | None:
    """Return the span framing the paragraph ``before`` a sentence, None for the year, or
    _NONE_NAMED where the paragraph names neither.

    Only a span opening the first or second sentence frames (服务保障高质量发展。五年来，…); a later
    sentence opening with a span or a year (2025年，…) ends the frame. In a chapter ``reviewing``
    a span, any sentence naming a span frames what follows it.
    """
    sentences = [sentence.strip() for sentence in re.split(f"[{FULL_STOP}]", before)
                 if sentence.strip()]
    frame: str | None = _NONE_NAMED
    for index, sentence in enumerate(sentences):
        opening = words.spans.match(sentence)
        named = _period_in(sentence, year, words) if reviewing else _NONE_NAMED
        if named is not _NONE_NAMED and named is not None:
            frame = named
        elif opening is not None and index < 2 and opening.group() not in words.this_year:
            frame = opening.group()
        elif opening is not None or _NAMED_YEAR.match(sentence) or sentence.startswith(words.this_year):
            frame = None
    return frame


def _period_in(before: str, year: int | None, words: _PeriodWords) -> str | None:
    """Return the last span or year named in ``before`` (None for the year), or _NONE_NAMED."""
    markers: list[tuple[int, str | None]] = []
    for match in words.spans.finditer(before):
        if not before[:match.start()].endswith(words.comparison):
            # 一年来 and 过去一年 read as spans too, but name the year itself.
            span = match.group()
            markers.append((match.end(), None if span in words.this_year else span))
    for word in words.this_year:
        position = before.rfind(word)
        if position >= 0:
            markers.append((position + len(word), None))
    for match in _NAMED_YEAR.finditer(before):
        if before[:match.start()].endswith(words.comparison):
            continue
        if before[:match.start()].endswith(_UP_TO):
            continue  # 截至2025年底累计…: the end of what is summed, not the year it counts.
        named = int(match[1])
        markers.append((match.end(), None if named == year else match.group()))
    if not markers:
        return _NONE_NAMED
    markers.sort(key=lambda marker: marker[0])
    # 五年来，累计审结…: the summing word counts over the span named before it.
    while len(markers) > 1 and markers[-1][1] in words.summing:
        markers.pop()
    return markers[-1][1]
