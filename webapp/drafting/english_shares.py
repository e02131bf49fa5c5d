"""Build the English of a share stated as a part of a whole (起诉…危险驾驶犯罪占起诉总人数).

Reports give a share by naming the part, 占, and the whole (A占B): its English is the part's
label as a share of the whole's, each built as a label of its own, and nothing where either is
unknown. The whole's ending (总人数, 总数) says all of it is counted, and in which unit. A share
of A in B (A在B中的占比) is the same share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def part_of(text: str, words: dict[str, Any], build: Callable[[str, str], str | None]) -> str | None:
    """Return the English of a share ``text`` states as part of a whole, or None.

    ``build`` gives the English of a label counted in a unit (``english_label``'s), or None. The
    last 占 parts them, as 占 may open a word before it (非法占用农用地…占起诉总人数).
    """
    shares = words["part_of"]
    # 醉驾案件在刑事案件中的占比 says the same as 醉驾案件占刑事案件.
    within = re.fullmatch(shares["within"], text)
    text = f"{within[1]}{shares['zh']}{within[2]}" if within is not None else text
    part, mark, whole = text.rpartition(shares["zh"])
    # 占结案总数的比例 names the share it is: the whole is 结案总数.
    whole = next((whole.removesuffix(end) for end in shares["endings"] if whole.endswith(end)), whole)
    if not mark or not part or not whole:
        return None
    total = next((name for name in shares["totals"] if whole.endswith(name) and whole != name), None)
    unit = str(shares["totals"][total]) if total is not None else "cases"
    # 占全部开庭案件 is all of them too; 占全院民事案件, the court's own, says no more than 民事案件.
    every = next((word for word in shares["all_openers"] if whole.startswith(word)), "")
    whole = next((whole.removeprefix(word) for word in (every, *shares["openers"]) if word and
                  whole.startswith(word)), whole)
    part_english = build(part, unit)
    whole_english = build(whole.removesuffix(total) if total is not None else whole, unit)
    if part_english is None or whole_english is None:
        return None
    whole_english = ("all " if total is not None or every else "") + whole_english[:1].lower() + \
        whole_english[1:]
    return str(shares["en"]).format(part_english[:1].lower() + part_english[1:], whole_english)
