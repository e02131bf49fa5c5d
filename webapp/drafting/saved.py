"""Say what a finished briefing kept of a fresh draft of its source: the drafter's real value.

Three kinds of work are counted, each as kept as drafted, corrected, removed and added by hand:

- Figures: a drafted figure is the finished one when their values agree and their quotes overlap
  in the source (one to one). Kept when unit, label (Chinese), change, period and qualifier are
  as drafted; corrected when any of them was changed. A drafted figure no finished one matches
  was removed; a finished figure no drafted one matches was added by hand.
- Parts: each paragraph of the source is kept in its drafted part or corrected to another.
- Texts: every text of the briefing but the figures' (summary, leads, themes, highlights,
  shortcomings, outlook, people, metadata …), compared in Chinese, by where it stands
  (``sections.economy.highlights``). Identical texts are kept; of the rest, a drafted and a
  finished text in the same place are one text corrected when the place holds one text, or
  when they share at least half their characters; the drafted texts left were removed, the
  finished ones left added. English written later is translation, not a correction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

_SAME_TEXT = 0.5
_FIGURE_FIELDS = ("unit", "qualifier")


@dataclass(frozen=True)
class Tally:
    """How many of one kind of work were kept, corrected, removed and added by hand."""

    kept: int = 0
    corrected: int = 0
    removed: int | None = 0
    added: int | None = 0

    def cells(self) -> list[str]:
        """Return the row's cells, a dash where a measure does not apply."""
        return [str(value) if value is not None else "-"
                for value in (self.kept, self.corrected, self.removed, self.added)]


@dataclass(frozen=True)
class Saved:
    """What a finished briefing kept of a fresh draft."""

    figures: Tally
    parts: Tally
    texts: Tally

    def rows(self) -> list[tuple[str, Tally]]:
        """Return the table's rows: what, its tally."""
        return [("figures", self.figures), ("parts", self.parts), ("texts", self.texts)]

    def table(self) -> list[str]:
        """Return the table as lines of text."""
        header = f"  {'':<10} {'kept':>6} {'corrected':>10} {'removed':>8} {'added by hand':>14}"
        lines = [header]
        for name, tally in self.rows():
            kept, corrected, removed, added = tally.cells()
            lines.append(f"  {name:<10} {kept:>6} {corrected:>10} {removed:>8} {added:>14}")
        return lines


def saved(drafted: Mapping[str, Any], finished: Mapping[str, Any], source_text: str,
          drafted_parts: Mapping[str, str], finished_parts: Mapping[str, str]) -> Saved:
    """Compare a fresh draft's data with the finished briefing's data (both as briefing.yaml holds
    them), over the source text both quote, and their parts by block id."""
    return Saved(
        figures=_figures(list(drafted.get("figures", [])), list(finished.get("figures", [])),
                         source_text),
        parts=Tally(sum(1 for block, part in drafted_parts.items() if finished_parts.get(block) == part),
                    sum(1 for block, part in drafted_parts.items()
                        if block in finished_parts and finished_parts[block] != part),
                    None, None),
        texts=_texts(drafted, finished),
    )


def _figures(drafted: list[dict[str, Any]], finished: list[dict[str, Any]], text: str) -> Tally:
    free = list(finished)
    kept = corrected = 0
    for data in drafted:
        span = _span(text, str(data.get("quote", "")))
        match = next((figure for figure in free
                      if Decimal(str(figure["value"])) == Decimal(str(data["value"]))
                      and _overlap(span, _span(text, str(figure.get("quote", ""))))), None)
        if match is None:
            continue
        free.remove(match)
        if _figure_key(data) == _figure_key(match):
            kept += 1
        else:
            corrected += 1
    return Tally(kept, corrected, len(drafted) - kept - corrected, len(free))


def _figure_key(figure: Mapping[str, Any]) -> tuple[Any, ...]:
    change = figure.get("change")
    return (*(figure.get(name) for name in _FIGURE_FIELDS), _zh(figure.get("label")),
            _zh(figure.get("period")),
            None if not change else (Decimal(str(change["value"])), change["unit"], change["direction"]))


def _zh(text: Any) -> str | None:
    return str(text["zh-Hans"]) if isinstance(text, Mapping) and "zh-Hans" in text else None


def _texts(drafted: Mapping[str, Any], finished: Mapping[str, Any]) -> Tally:
    mine, theirs = _by_place(drafted), _by_place(finished)
    kept = corrected = removed = added = 0
    for place in mine.keys() | theirs.keys():
        left, right = list(mine.get(place, [])), list(theirs.get(place, []))
        for text in list(left):
            if text in right:
                left.remove(text)
                right.remove(text)
                kept += 1
        if len(left) == 1 and len(right) == 1:
            left, right, pairs = [], [], 1  # The place's one text, rewritten.
        else:
            pairs = 0
            for text in list(left):
                best = max(right, key=partial(_shared, text), default=None)
                if best is not None and _shared(text, best) >= _SAME_TEXT:
                    left.remove(text)
                    right.remove(best)
                    pairs += 1
        corrected += pairs
        removed += len(left)
        added += len(right)
    return Tally(kept, corrected, removed, added)


def _by_place(data: Mapping[str, Any]) -> dict[str, list[str]]:
    places: dict[str, list[str]] = {}
    for place, text in _walk(data, ""):
        places.setdefault(place, []).append(text)
    return places


def _walk(value: Any, place: str) -> Iterator[tuple[str, str]]:
    """Yield (place, Chinese text) of every text in ``value``, figures' texts left out."""
    if isinstance(value, Mapping):
        if "zh-Hans" in value:
            if str(value["zh-Hans"]).strip():
                yield place, str(value["zh-Hans"])
            return
        for key, item in value.items():
            if key not in {"figures", "headline_figures", "revisions"}:
                yield from _walk(item, f"{place}.{key}" if place else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, place)


def _shared(first: str, second: str) -> float:
    """Return the share of characters two texts have in common (F1 of their characters)."""
    overlap = sum((Counter(first) & Counter(second)).values())
    if not overlap:
        return 0.0
    return 2 * overlap / (len(first) + len(second))


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote) if quote else -1
    return (start, start + len(quote)) if start >= 0 else (-1, -1)


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] >= 0 and second[0] >= 0 and first[0] < second[1] and second[0] < first[1]
