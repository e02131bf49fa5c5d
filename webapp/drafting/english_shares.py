"""Build the English of a share of a whole (少数民族干警占干警总数: Share of ethnic minority staff
in all staff) from the English of its two parts, each built as a label's (``english.py``).

Reports state such shares after a figure (…审结案件2317件，占全院民事案件的46.8%), and the drafter
labels them part 占 whole; the English is written only where both parts have one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def whole_share(zh_label: str, build: Callable[[str], str | None], vocabulary: dict[str, Any]) -> str | None:
    """Return the English of a label ``part占whole``, each part's built by ``build`` (a count's
    label English), or None where either part has none."""
    words: dict[str, Any] = vocabulary["whole_share"]
    part, mark, whole = zh_label.partition(words["zh"])
    if not mark or not part or not whole or words["zh"] in whole:
        return None
    every = next((word for word in words["all"] if whole.endswith(word)), "") or \
        next((word for word in words["all_openers"] if whole.startswith(word)), "")
    whole = whole.removesuffix(every).removeprefix(every)
    whole = next((whole.removeprefix(word) for word in words["openers"] if whole.startswith(word)), whole)
    part_english, whole_english = _in_sentence(build(part)), _in_sentence(build(whole))
    if part_english is None or whole_english is None:
        return None
    if every:
        whole_english = str(words["all_en"]).format(whole_english)
    label = str(words["en"]).format(part=part_english, whole=whole_english)
    return label[:1].upper() + label[1:]


def _in_sentence(english: str | None) -> str | None:
    """Return a label's English as it reads inside a sentence: its first letter small, unless it
    opens a name (Deputies', CPPCC)."""
    if not english:
        return None
    return english[:1].lower() + english[1:] if english[1:2].islower() else english
