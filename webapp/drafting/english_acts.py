"""Build the English of what was done: the action a label opens with, to whom or what (对…, 将…),
what those invited came to do, an honour at a level, a rate.

对拒不履行义务的被执行人司法拘留: what the action ended the label with was done to those named
(Judgment debtors refusing to comply placed in judicial detention). 对侦查活动中的违法情形提出纠正
意见: the act's object is counted, on what the 对-phrase names (Correction notices lodged on
unlawful conduct in investigations). Every part must be known to the vocabulary, else None.
"""

from __future__ import annotations

import re
from typing import Any

from .english_nouns import and_listed, known_prefixes, known_suffixes, modifier_english, thing_english

# Rates the English of which names what they count first: the kind of those is put before it.
_RATE_OF = "rate of "
_RATES_OF = (f"{_RATE_OF}cases", f"{_RATE_OF}judgments")
# What an act after it is done to (首次执行案件执结): cases and disputes, never who acted.
_ACTED_ON = ("案件", "纠纷", "案")
# What names cases or judgments of a kind (first enforcement cases, cases with property …).
_KINDS_END = (" cases", " judgments")
_KINDS_START = ("cases ", "judgments ")


def done_to(text: str, people: bool, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return what is counted and the participle of a label opening with 对 (… placed in
    judicial detention; correction notices lodged on …), 就 or 针对 (… given public hearings;
    procuratorial suggestions lodged on …), or None if it is no such label or a part is unknown."""
    marker = next((marker for marker in words["done_to_markers"] if text.startswith(marker)), None)
    if marker is None or people:
        return None
    action = next((action for action in known_suffixes(text, words["actions"])
                   if len(text) > len(action) + len(marker)), None)
    # 对涉案民营企业经营者依法不起诉: 依法 before the act says nothing of those it was done to.
    thing = thing_english(text[len(marker):-len(action)].removesuffix("依法"), words) \
        if action is not None else None
    if action is not None and thing is not None:
        return thing, str(words["actions"][action][0])
    if marker in words["done_to_names_only"]:
        return None  # 将X…: X is what the act was done to, never what it names.
    # 对X提出纠正意见: the act's object is what is counted, X what it is on.
    for end in range(len(text) - 1, len(marker), -1):
        action = next(iter(known_prefixes(text[end:], words["actions"])), None)
        if action is None:
            continue
        whom = thing_english(text[len(marker):end], words)
        thing = thing_english(text[end + len(action):], words)
        if whom is not None and thing is not None:
            on = words["done_to_on"].get(action, "on")
            return thing, f"{words['actions'][action][0]} {on} {whom}"
    return None


def invited(rest: str, tail: str, words: dict[str, Any]) -> tuple[str, str]:
    """Take off what those invited came to do (邀请人大代表旁听庭审、见证执行: … to observe court
    hearings and witness enforcement) into the English's end, leaving who was invited."""
    done: list[str] = []
    while True:
        activity = _activity(rest, words)
        if activity is None:
            break
        done.insert(0, activity[1])
        rest = rest.removesuffix(activity[0])
        before = rest.removesuffix("、")
        if before == rest or _activity(before, words) is None:
            break
        rest = before
    if not done:
        return rest, tail
    listed = and_listed(done)
    # Who invited them comes first: … invited by courts across the region to observe ….
    return rest, f"{tail} to {listed}"


def _activity(rest: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return the activity those invited came to that ``rest`` ends with, as written, and its
    English without "to" (observe court hearings): one the vocabulary names whole, else events
    listed before 等活动 (参加检察开放日、公开听证等活动: take part in procuratorial open days,
    public hearings and other activities), each event known; None otherwise."""
    to = words["invitations"]["to"]
    named = next((name for name in sorted(to, key=len, reverse=True) if rest.endswith(name) and rest != name),
                 None)
    if named is not None:
        return named, str(to[named]).removeprefix("to ")
    events = words["invitations"]["events"]
    end = next((end for end in events["ends"] if rest.endswith(end)), None)
    body = rest.removesuffix(end) if end is not None else ""
    # The last joining verb opens the list (视察检察工作、参与公开听证和案件评查等活动).
    verb = max(events["verbs"], key=lambda verb: body.rfind(verb))
    start = body.rfind(verb)
    if end is None or start <= 0:
        return None
    listed = [events["named"].get(event) for event in re.split("[、和]", body[start + len(verb):])]
    if None in listed:
        return None
    named = ", ".join(str(event) for event in listed)
    return rest[start:], f"{events['verbs'][verb]} {named} {events['ends'][end]}"


def honoured(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of an honour at a level (受到省级以上表彰: commended at provincial level
    or above; 获得市级奖励: rewarded at municipal level) or by a body (受到最高人民检察院表彰:
    commended by the Supreme People's Procuratorate), or None."""
    honours = words["honours"]
    given = next((word for word in honours["given"] if text.startswith(word)), "")
    kind = next((word for word in honours["kinds"] if text.endswith(word)), None)
    if kind is None:
        return None
    level = text[len(given):-len(kind)]
    # 受到最高人民检察院和市委、市政府表彰: each body named, all of them known.
    bodies = [honours["bodies"].get(body) for body in re.split("[和、及]", level)]
    if level and all(bodies):
        named = and_listed([str(body) for body in bodies])
        return f"{honours['kinds'][kind]} by {named}"
    above = level.endswith("以上")
    level = level.removesuffix("以上")
    if level not in honours["levels"]:
        return None
    return f"{honours['kinds'][kind]} at {honours['levels'][level]} level" + (" or above" if above else "")


def rate_english(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of a rate (结收比, 一审服判息诉率, 简易案件化解率): the rate, after what
    qualifies it (first-instance judgment acceptance rate) or before what it is of (… of simple
    cases); None unless the label ends with a known rate and all before it is known."""
    rate = next(iter(known_suffixes(text, words["rates"])), None)
    if rate is None:
        return None
    # 一审判决案件被改判发回重审率: the rate of those cases that were (被) revised.
    before = text.removesuffix(rate).removesuffix("被")
    for opener in words["rate_openers"]:
        before = before.removeprefix(opener)
    english = str(words["rates"][rate])
    if before:
        thing = thing_english(before, words) or words["objects"].get(before)
        modifier = None if thing is not None else modifier_english(before, words["modifiers"])
        if thing is None and modifier is None:
            return None
        counted = next((start for start in _RATES_OF if english.startswith(start)), None)
        if counted is not None and (modifier is not None or thing.endswith(_KINDS_END) or
                                    thing.startswith(_KINDS_START)):
            # A rate of cases or judgments (法定期限内结案率: rate of cases closed within …) names
            # the kind it is of among them (首次执行案件: rate of first enforcement cases closed …).
            noun = counted.removeprefix(_RATE_OF)
            # 一审判决改判发回重审率: first-instance judgments, never "first-instance judgment judgments".
            kind = thing if modifier is None else \
                f"{modifier.removesuffix(' ' + noun.removesuffix('s'))} {noun}"
            return f"{_RATE_OF}{kind}{english.removeprefix(counted)}"
        english = f"{english} of {thing}" if thing is not None else f"{modifier} {english}"
    return english


def supported(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of suits a procuratorate supported (支持农民工起诉讨薪: lawsuits by migrant
    workers to recover unpaid wages supported), or None unless who sued, and why, are known."""
    suits = words["supported_suits"]
    if not text.startswith(suits["zh"]) or suits["suit"] not in text:
        return None
    who, _mark, why = text.removeprefix(suits["zh"]).partition(suits["suit"])
    plaintiffs = thing_english(who, words) if who else None
    purpose = suits["purposes"].get(why.removesuffix("案件")) if why else ""
    if plaintiffs is None or purpose is None:
        return None
    return str(suits["en"]).format(" ".join(part for part in (plaintiffs, purpose) if part))


def action_of(text: str, words: dict[str, Any]) -> tuple[str, str, str] | None:
    """Return the action a label opens with, as written, and its participle and verb.

    Two actions listed (追缴、没收违法所得) are either's: recovered or confiscated.
    """
    if text in words["names_not_acts"]:
        return None  # 执行案件: enforcement cases, not cases enforced.
    narrow = words["only_before"]
    # 公开 publishes documents only (公开裁判文书): 公开庭审 is no hearing published.
    never = words["never_before_endings"]
    opening = [action for action in known_prefixes(text, words["actions"]) if (
        action not in narrow or text.removeprefix(action) in narrow[action]) and
        not text.endswith(tuple(never.get(action, ())))]
    if not opening:
        return None
    # The longest action, unless it leaves what is not known and a shorter one leaves what is
    # (举行公开听证会: 举行 public hearings, not 举行公开听证 and a 会; 受理审查逮捕、审查起诉等
    # 各类案件: 受理 the cases of both kinds, not two acts).
    first = next((action for action in opening if _known_after(text.removeprefix(action), words)),
                 opening[0])
    participle, verb = words["actions"][first]
    rest = text.removeprefix(first)
    # 发放 pays money, but issues certificates and distributes materials (发放信用修复证明书).
    worded = next((wording["as"] for wording in words["worded_by_object"].get(first, ())
                   if rest.endswith(tuple(wording["ends"]))), None)
    participle, verb = worded if worded is not None else (participle, verb)
    if rest.startswith("、"):
        second = _second(rest, words["actions"])
        if second is None or rest[1 + len(second):].startswith("、"):
            return None  # 查封、扣押、冻结: a third act, which would go unsaid.
        other_participle, _verb = words["actions"][second]
        return f"{first}、{second}", f"{participle} or {other_participle}", f"{verb} or {other_participle}"
    return first, participle, verb


def _second(rest: str, actions: dict[str, Any]) -> str | None:
    """Return the action listed after 、 (追缴、没收), the longest known, or None."""
    return next(iter(known_prefixes(rest[1:], actions)), None)


def _known_after(rest: str, words: dict[str, Any]) -> bool:
    """Say whether what an action leaves is all known: nothing, what is counted, or a second
    action listed after 、 and what is counted."""
    second = _second(rest, words["actions"]) if rest.startswith("、") else None
    after = rest[1 + len(second):] if second is not None else rest
    return (second is not None or not rest.startswith("、")) and (
        after == "" or thing_english(after, words) is not None)


def serving(rest: str, participle: str | None, words: dict[str, Any]) -> str | None:
    """Return the English of those counted and the role they took (法官担任法治副校长: judges serving
    as rule-of-law vice-principals; after 选派, judges sent to serve as …), or None unless both are
    known. ``participle`` is the English of the action before them, if any."""
    who, mark, role = rest.partition(words["serving"])
    who_english = thing_english(who, words) if mark else None
    role_english = thing_english(role, words) if mark else None
    if who_english is None or role_english is None:
        return None
    return f"{who_english} {participle + ' to serve' if participle else 'serving'} as {role_english}"


def done_after(text: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return what is counted and its participle where the act follows it (首次执行案件执结: first
    enforcement cases enforced to conclusion), or None unless both are known."""
    action = max((name for name in words["actions"] if text.endswith(name) and text != name),
                 key=len, default=None)
    counted = text.removesuffix(action) if action is not None else ""
    # Cases or disputes only: 法院改判 is courts that revised, not courts revised.
    thing = thing_english(counted, words) if counted.endswith(_ACTED_ON) else None
    return None if action is None or thing is None else (thing, str(words["actions"][action][0]))
