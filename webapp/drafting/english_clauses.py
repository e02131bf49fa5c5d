"""Build the English of labels said as clauses: how, where and for whom it was done (依托…平台,
为被害人…), what became of those counted (再审改判无罪的企业), what those counted did (建立…机制的
单位), what a court ordered (判令赔偿…), what an act was done to (对…), a share of those done so.

Every part must be known to the vocabulary, else None: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .english_acts import action_of, done_to, honoured, serving
from .english_counts import field_cases
from .english_nouns import PEOPLE, open_label, subject_of, thing_english


@dataclass(frozen=True)
class Label:
    """A label's English: the noun phrase (Cases of … concluded) and the digest's verb and object."""

    label: str
    verb: str
    thing: str
    tail: str
    participle: str
    # No verb of the institution's to open a sentence with: what is counted comes first.
    passive: bool = False
    # A share (结收比, 服判息诉率): the digest states it as the rate's value.
    rate: bool = False


def settings(text: str, tail: str, words: dict[str, Any]) -> tuple[str, str]:
    """Take off how or where it was done (依托…平台, 适用新规, 以…方式), each into the English's
    end where it says something of what is counted, and the adverbs of manner (公正高效)."""
    changed = True
    while changed:
        changed = False
        for pattern, english in words["settings"].items():
            match = re.match(pattern, text)
            if match and match.end() < len(text):
                text, changed = text[match.end():], True
                tail = (f" {english}" if english else "") + tail
        recipient = _recipient(text, words)
        if recipient is not None:
            text, changed = text[recipient[0]:], True
            tail = f" {recipient[1]}{tail}"
    return text, tail


def _recipient(text: str, words: dict[str, Any]) -> tuple[int, str] | None:
    """Return where whom it was done for or to ends and its English (为电信网络诈骗被害人追赃挽损:
    for telecommunications and online fraud victims), where a known action follows; else None."""
    marker = next((name for name in words["recipients"] if text.startswith(name)), None)
    if marker is None:
        return None
    for end in range(len(text) - 1, len(marker), -1):
        whom = thing_english(text[len(marker):end], words)
        if whom is not None and action_of(text[end:], words) is not None:
            return end, f"{words['recipients'][marker]} {whom}"
    return None


def share_of(text: str, tail: str, words: dict[str, Any]) -> Label | None:
    """Return the English of a share (以非诉方式化解的劳动争议占比: share of labour disputes
    resolved without litigation), or None where a part is unknown."""
    done, mark, counted = text.removesuffix(words["share"]["zh"]).rpartition("的")
    if mark and not counted:
        # 具有硕士以上学位的占比: the clause before 的 names those counted itself.
        done, mark, counted = "", "", done
    thing = thing_english(counted, words) or field_cases(counted, words)
    outcome = _done(done, words) if mark else ""
    if thing is None or outcome is None:
        return None
    label = str(words["share"]["en"]).format(" ".join(part for part in (thing, outcome) if part)) + tail
    return Label(label[:1].upper() + label[1:], "", label, tail, "", passive=True, rate=True)


def _done(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of what was done, as said before the 的 of a label (发放救助金: paid aid
    funds; 以非诉方式化解: resolved without litigation), or None where a part is unknown."""
    if text in words["outcomes"]:
        return str(words["outcomes"][text])
    honour = honoured(text, words)
    if honour is not None:
        return honour
    title = next((word for word in words["titles_conferred"] if text.startswith(word)), None)
    named = thing_english(text.removeprefix(title), words) if title is not None else None
    if named is not None:
        return f"{words['titles_conferred'][title]} {named}"
    text, setting = settings(text, "", words)
    found = action_of(text, words)
    if found is None:
        return None
    rest = text.removeprefix(found[0])
    thing = thing_english(rest, words) if rest else ""
    return None if thing is None else " ".join(part for part in (found[1], thing) if part) + setting


def outcome_label(text: str, tail: str, people: bool, unit: str, words: dict[str, Any]) -> Label | None:
    """Return the English of a label saying what became of those counted (再审改判无罪的企业:
    Businesses acquitted on retrial) or what they did (建立诉调对接机制的单位: Organisations that
    set up …), or None if it is not one or a part is unknown."""
    before, mark, after = text.partition("的")
    if not mark or people:
        return None
    before = open_label(before, words)
    served = _serving_before(before, after, unit, words)
    if served is not None:
        return Label(served[:1].upper() + served[1:] + tail, "", served, tail, "", passive=True)
    outcome = _did(before, unit, words) or _done(before, words)
    subject = subject_of(after, words)
    if subject is not None and subject[0] == after:
        subject = None
    thing = thing_english(after.removeprefix(subject[0]) if subject else after, words)
    if outcome is None or thing is None:
        return None
    if subject is not None:
        thing = f"{thing} {subject[1].replace('by ', 'of ', 1)}"
    label = f"{thing} {outcome}{tail}"
    return Label(label[:1].upper() + label[1:], "", str(thing), tail, str(outcome), passive=True)


def _serving_before(before: str, after: str, unit: str, words: dict[str, Any]) -> str | None:
    """Return the English of those counted by the role they took, said before the 的 that names
    them (担任中小学法治副校长的检察官: prosecutors serving as …; 选派担任…的法官: judges sent to
    serve as …), read as 检察官担任… would be; None if it is no such clause or a part is unknown."""
    if unit not in PEOPLE:
        return None
    found = action_of(before, words)
    sent = found if found is not None and before.removeprefix(found[0]).startswith(words["serving"]) else None
    if not before.startswith(words["serving"]) and sent is None:
        return None
    return serving(after + before.removeprefix(sent[0] if sent else ""), sent[1] if sent else None, words)


def _did(text: str, unit: str, words: dict[str, Any]) -> str | None:
    """Return what those counted did, as a relative clause (建立诉调对接机制: that set up mechanisms
    linking litigation and mediation; 获国家级荣誉: who won national-level honours), or None.

    Only an action the vocabulary knows its doers to be named after (``done_by_them``), done to
    something named, or one done for them (``done_for_them``: 追回欠薪的农民工, migrant workers who
    had unpaid wages recovered): else the clause says what became of them (再审改判无罪: acquitted on retrial;
    发放救助金的困难群众: paid aid funds), as ``_done`` reads it.
    """
    text, setting = settings(text, "", words)
    found = action_of(text, words)
    if found is None or found[0] == text or found[0] not in (*words["done_by_them"], *words["done_for_them"]):
        return None
    thing = thing_english(text.removeprefix(found[0]), words)
    if thing is None:
        return None
    who = "who" if unit in PEOPLE | {"person-times"} else "that"
    if found[0] in words["done_for_them"]:
        return f"{who} had {thing} {found[1]}{setting}"  # 追回欠薪的农民工: done for them, not by them.
    return f"{who} {found[1]} {thing}{setting}"


def ordered(text: str, tail: str, words: dict[str, Any]) -> Label | None:
    """Return the English of what a court ordered paid or done (判令赔偿生态环境修复费用:
    Environmental restoration costs ordered to be paid in compensation), or None."""
    order = max((name for name in words["ordered"] if text.startswith(name)), key=len, default=None)
    found = action_of(text.removeprefix(order), words) if order is not None else None
    if order is None or found is None:
        return None
    thing = thing_english(text.removeprefix(order + found[0]), words)
    if thing is None:
        return None
    participle = str(words["ordered"][order]).format(found[1])
    label = f"{thing} {participle}{tail}"
    return Label(label[:1].upper() + label[1:], "", thing, tail, participle, passive=True)


def done_to_label(text: str, tail: str, people: bool, words: dict[str, Any]) -> Label | None:
    """Return the English of a label naming whom or what an action was done to (对…), or None."""
    found = done_to(text, people, words)
    if found is None:
        return None
    label = f"{found[0]} {found[1]}{tail}"
    return Label(label[:1].upper() + label[1:], "", found[0], tail, found[1], passive=True)
