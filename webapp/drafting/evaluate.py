"""Compare a draft with a report's hand-written briefing, and say how good the draft is.

- Figures: a written figure that is only a change's amount (同比下降15.2%, its level unstated)
  is left out, as a change is never a figure of its own. A drafted figure matches a written
  one when value and unit agree and their quotes overlap in the source; recall and precision
  follow, one written figure to one drafted. The written figures counted are those of the
  report's sentences: the cells of an appendix table
  (a year against the year before, by case type) are figures a person adds, not a draft's.
- Qualifiers and changes: over matched figures, recall (of the written ones that have one, the
  share drafted the same) and precision (of the drafted ones, the share the same as written).
- Paragraphs: the share of blocks assigned to the same part.
- Summaries: character ROUGE-1 and ROUGE-2 (F1, punctuation and spaces left out) of each
  drafted summary against the written one, the briefing's and each section's, averaged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..content.briefing import SECTION_IDS
from ..content.reports import Report
from ..content.statistics import Figure
from .draft import Draft
from .numbers import is_change_amount

_NOT_COUNTED = re.compile(r"[\s\W_]+", re.UNICODE)

FLOORS = {"figure recall": 0.95, "figure precision": 0.90, "paragraphs in the same part": 0.85}
MAX_DRAFT_SECONDS = 2.0


@dataclass(frozen=True)
class Score:
    """A measure: what matched out of how many."""

    matched: int
    total: int

    @property
    def share(self) -> float:
        return self.matched / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.share:6.1%}  ({self.matched}/{self.total})"


@dataclass(frozen=True)
class Evaluation:
    """How a draft compares with the hand-written briefing of one report."""

    report_id: str
    figure_recall: Score
    figure_precision: Score
    qualifier_recall: Score
    qualifier_precision: Score
    change_recall: Score
    change_precision: Score
    paragraphs: Score
    rouge1: float
    rouge2: float
    missed: list[Figure]
    extra: list[dict[str, Any]]

    def rows(self) -> list[tuple[str, str]]:
        """Return the table's rows: measure, value."""
        return [
            ("figure recall", str(self.figure_recall)),
            ("figure precision", str(self.figure_precision)),
            ("qualifier recall", str(self.qualifier_recall)),
            ("qualifier precision", str(self.qualifier_precision)),
            ("change recall", str(self.change_recall)),
            ("change precision", str(self.change_precision)),
            ("paragraphs in the same part", str(self.paragraphs)),
            ("summary ROUGE-1 (chars, F1)", f"{self.rouge1:6.1%}"),
            ("summary ROUGE-2 (chars, F1)", f"{self.rouge2:6.1%}"),
        ]

    def failures(self) -> list[str]:
        """Return the floors this draft misses."""
        shares = {"figure recall": self.figure_recall.share,
                  "figure precision": self.figure_precision.share,
                  "paragraphs in the same part": self.paragraphs.share}
        return [f"{self.report_id}: {name} {shares[name]:.1%} < {floor:.0%}"
                for name, floor in FLOORS.items() if shares[name] < floor]


def evaluate(draft: Draft, written: Report) -> Evaluation:
    """Compare ``draft`` with the hand-written briefing of ``written``."""
    source = written.source
    drafted = [figure.data for figure in draft.figures]
    # A change stated without its figure (同比下降15.2%) is not a figure a draft gives.
    sentences = [figure for figure in written.briefing.figures
                 if (figure.id not in written.quotes or written.quotes[figure.id].block.kind != "table")
                 and not _change_only(figure)]
    pairs = _match(drafted, sentences, source.text)
    matched_written = {id(figure) for _data, figure in pairs}
    matched_drafted = {id(data) for data, _figure in pairs}
    qualifier = [(data.get("qualifier"), figure.qualifier) for data, figure in pairs]
    change = [(_change_key(data.get("change")), _written_change(figure)) for data, figure in pairs]
    parts = sum(1 for block in source.blocks
                if draft.assignment.parts.get(block.id) == written.parts.get(block.id))
    rouge = [_rouge(_summary(draft.data, key), _written_summary(written, key))
             for key in ("summary", *SECTION_IDS)]
    return Evaluation(
        report_id=written.id,
        figure_recall=Score(len(pairs), len(sentences)),
        figure_precision=Score(len(pairs), len(drafted)),
        qualifier_recall=_agreement(qualifier, by_written=True),
        qualifier_precision=_agreement(qualifier, by_written=False),
        change_recall=_agreement(change, by_written=True),
        change_precision=_agreement(change, by_written=False),
        paragraphs=Score(parts, len(source.blocks)),
        rouge1=sum(score[0] for score in rouge) / len(rouge),
        rouge2=sum(score[1] for score in rouge) / len(rouge),
        missed=[figure for figure in sentences if id(figure) not in matched_written],
        extra=[data for data in drafted if id(data) not in matched_drafted],
    )


def _change_only(figure: Figure) -> bool:
    """Tell whether a written figure is the amount of a change stated without its level."""
    start = figure.quote.find(figure.written)
    return start >= 0 and figure.unit in {"percent", "points", "fold"} and \
        is_change_amount(figure.quote, start)


def _match(drafted: list[dict[str, Any]], written: list[Figure],
           text: str) -> list[tuple[dict[str, Any], Figure]]:
    """Pair drafted and written figures: same value and unit, overlapping quotes; one to one."""
    pairs: list[tuple[dict[str, Any], Figure]] = []
    free = list(written)
    for data in drafted:
        span = _span(text, data["quote"])
        for figure in free:
            if Decimal(str(data["value"])) == figure.value and data["unit"] == figure.unit \
                    and _overlap(span, _span(text, figure.quote)):
                pairs.append((data, figure))
                free.remove(figure)
                break
    return pairs


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else (-1, -1)


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] >= 0 and second[0] >= 0 and first[0] < second[1] and second[0] < first[1]


def _change_key(change: dict[str, Any] | None) -> tuple[Decimal, str, str] | None:
    if change is None:
        return None
    return Decimal(str(change["value"])), change["unit"], change["direction"]


def _written_change(figure: Figure) -> tuple[Decimal, str, str] | None:
    change = figure.change
    return None if change is None else (change.value, change.unit, change.direction)


def _agreement(pairs: Sequence[tuple[Any, Any]], by_written: bool) -> Score:
    """Score agreement on an attribute: over the pairs where the written (or drafted) has one."""
    relevant = [(mine, theirs) for mine, theirs in pairs
                if (theirs if by_written else mine) is not None]
    return Score(sum(1 for mine, theirs in relevant if mine == theirs), len(relevant))


def _summary(data: dict[str, Any], key: str) -> str:
    text = data["summary"] if key == "summary" else data["sections"][key]["summary"]
    return str(text["zh-Hans"])


def _written_summary(report: Report, key: str) -> str:
    briefing = report.briefing
    text = briefing.summary if key == "summary" else briefing.sections.get(key).summary
    return text.zh_hans


def _rouge(candidate: str, reference: str) -> tuple[float, float]:
    """Return character ROUGE-1 and ROUGE-2 F1 of ``candidate`` against ``reference``."""
    mine, theirs = _NOT_COUNTED.sub("", candidate), _NOT_COUNTED.sub("", reference)
    return _f1(Counter(mine), Counter(theirs)), _f1(_bigrams(mine), _bigrams(theirs))


def _bigrams(text: str) -> Counter[str]:
    return Counter(text[index:index + 2] for index in range(len(text) - 1))


def _f1(candidate: Counter[str], reference: Counter[str]) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)
