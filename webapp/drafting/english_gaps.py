"""Say why a drafted label has no English: which part the vocabulary lacks.

A label's English is built only when every part is known (english.py). Grouping the labels left
without English by what is missing — an action, what is counted, a modifier, a rate, a unit, a
structure the rules cannot combine — shows which vocabulary or rule would help reports generally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .english import english_label, label_core, vocabulary

NO_SPAN = "span without English"
NO_RATE = "rate unknown"
RATE_OF = "what the rate is of unknown"
NO_ACTION = "no known action opens it"
NO_OBJECT = "what is counted unknown"
NO_MODIFIER = "modifier unknown"
NO_UNIT = "unit says nothing of what is counted"
STRUCTURE = "structure the rules cannot combine (…的…, A、B lists, clauses)"


def gap(zh_label: str, unit: str, period: str | None = None, people_suffix: str = "") -> str | None:
    """Return why ``zh_label`` gets no English (one of this module's causes), or None if it does."""
    if english_label(zh_label, unit, period, people_suffix) is not None:
        return None
    core = label_core(zh_label, period, people_suffix)
    if core is None:
        return NO_SPAN
    text = core[0]
    words = vocabulary()
    if unit == "percent":
        return RATE_OF if any(text.endswith(rate) for rate in words["rates"]) else NO_RATE
    action = next((name for name in sorted(words["actions"], key=len, reverse=True)
                   if text.startswith(name)), None)
    if action is None:
        return STRUCTURE if any(mark in text for mark in "的、，") else NO_ACTION
    rest = text.removeprefix(action)
    if not rest:
        return NO_UNIT
    if any(rest.endswith(head) for head in words["heads"]):
        return NO_MODIFIER
    return STRUCTURE if any(mark in rest for mark in "的，") else NO_OBJECT


def gaps(labels: Iterable[tuple[str, str, str | None]], people_suffix: str = "") -> dict[str, list[str]]:
    """Return the labels without English (label, unit, period) grouped by cause, largest first."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for zh_label, unit, period in labels:
        cause = gap(zh_label, unit, period, people_suffix)
        if cause is not None:
            grouped[cause].append(f"{zh_label} ({unit})")
    return dict(sorted(grouped.items(), key=lambda item: -len(item[1])))
