"""Build the English of a label naming whom or what an act was done to, before its verb (对…).

对拒不履行义务的被执行人司法拘留: what the action ended the label with was done to those named
(Judgment debtors refusing to comply placed in judicial detention). 对侦查活动中的违法情形提出纠正
意见: the act's object is counted, on what the 对-phrase names (Correction notices lodged on
unlawful conduct in investigations). Every part must be known to the vocabulary, else None.
"""

from __future__ import annotations

from typing import Any

from .english_nouns import thing_english


def done_to(text: str, people: bool, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return what is counted and the participle of a label opening with 对 (… placed in
    judicial detention; correction notices lodged on …), or None if it is no such label or a
    part is unknown."""
    if not text.startswith("对") or people:
        return None
    actions = sorted(words["actions"], key=len, reverse=True)
    action = next((action for action in actions
                   if text.endswith(action) and len(text) > len(action) + 1), None)
    if action is not None:
        thing = thing_english(text[1:-len(action)], words)
        return None if thing is None else (thing, str(words["actions"][action][0]))
    # 对X提出纠正意见: the act's object is what is counted, X what it is on.
    for end in range(len(text) - 1, 1, -1):
        action = next((action for action in actions if text.startswith(action, end)), None)
        if action is None:
            continue
        whom = thing_english(text[1:end], words)
        thing = thing_english(text[end + len(action):], words)
        if whom is not None and thing is not None:
            on = words["done_to_on"].get(action, "on")
            return thing, f"{words['actions'][action][0]} {on} {whom}"
    return None
