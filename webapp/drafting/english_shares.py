"""Build the English of a share of a whole (少数民族干警占干警总数: Share of ethnic minority staff
in all staff) from the English of its two parts, as ``english.py`` builds each.

Reports state such shares after a figure (…审结案件2317件，占全院民事案件的46.8%), and the drafter
labels them part 占 whole; the English is written only where both parts have one.
"""

from __future__ import annotations

from typing import Any

from . import english


def whole_share(zh_label: str, institution: str = "") -> english.Label | None:
    """Return the English of a label ``part占whole``, or None where either part has none."""
    words: dict[str, Any] = english.vocabulary()["whole_share"]
    part, mark, whole = zh_label.partition(words["zh"])
    if not mark or not part or not whole or words["zh"] in whole:
        return None
    every = next((word for word in words["all"] if whole.endswith(word)), "") or \
        next((word for word in words["all_openers"] if whole.startswith(word)), "")
    whole = whole.removesuffix(every).removeprefix(every)
    whole = next((whole.removeprefix(word) for word in words["openers"] if whole.startswith(word)), whole)
    part_english, whole_english = _phrase(part, institution), _phrase(whole, institution)
    if part_english is None or whole_english is None:
        return None
    if every:
        whole_english = str(words["all_en"]).format(whole_english)
    label = str(words["en"]).format(part=part_english, whole=whole_english)
    return english.Label(label[:1].upper() + label[1:], "", label, "", "", passive=True, rate=True)


def _phrase(zh: str, institution: str) -> str | None:
    """Return a count's English as it reads inside a sentence (its first letter small unless it
    opens a name: Deputies', CPPCC)."""
    built = english.english_label(zh, "cases", institution=institution)
    if built is None or not zh:
        return None
    text = built.label
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
