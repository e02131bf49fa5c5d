"""Read labels that name a count after what is counted, or reports made, not an act and its object.

严重暴力犯罪案件数 counts the cases; 严重暴力犯罪起诉人数 those prosecuted for the crimes, as
起诉严重暴力犯罪 says; 商事案件平均审理天数 an average time of the cases; 生态环境和资源保护领域,
in a list of fields, the field's cases; 向市人大常委会报告专项工作 the reports made to the standing
committee of the people's congress; 组织干警参加各类业务培训 the staff's attendances, or the
sessions they attended, by the unit. Every part must be known to the vocabulary, else None.
"""

from __future__ import annotations

from typing import Any

from .english_nouns import PEOPLE, and_listed, known_prefixes, modifier_english, thing_english


def recounted(text: str, unit: str, words: dict[str, Any]) -> str | None:
    """Return what a label counting after what is counted says as an act and its object
    (严重暴力犯罪案件数: 严重暴力犯罪案件; 严重暴力犯罪起诉人数: 起诉严重暴力犯罪), or None."""
    counts = words["counts"]
    if text in words["objects"]:
        return None  # 法官年人均结案数: known as it is.
    ending = next((name for name in counts["bare"] if text.endswith(name)), None)
    if ending is not None:
        return text.removesuffix(counts["bare"][ending])
    if not text.endswith(counts["people"]) or unit not in PEOPLE:
        return None
    rest = text.removesuffix(counts["people"])
    if rest in words["actions"]:
        return rest  # 不起诉人数: those not prosecuted.
    action = max((name for name in words["actions"] if rest.endswith(name) and rest != name),
                 key=len, default=None)
    return None if action is None else action + rest.removesuffix(action)


def average_time(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of an average time of the cases a label names (商事案件平均审理天数:
    average trial time of commercial cases), or None."""
    averages = words["counts"]["averages"]
    average = next((name for name in averages if text.endswith(name) and text != name and
                    text not in words["objects"]), None)  # 案件平均审理周期 is known as it is.
    if average is None:
        return None
    named = text.removesuffix(average)
    thing = thing_english(named, words)
    # 审结机动车交通事故责任纠纷案件平均审理天数: the cases as the act that closed them names them
    # (average trial time of motor vehicle accident liability dispute cases concluded).
    act = next((act for act in known_prefixes(named, words["actions"]) if named != act),
               None) if thing is None else None
    done = thing_english(named.removeprefix(act), words) if act is not None else None
    if act is not None and done is not None and done.endswith("cases"):
        thing = f"{done} {words['actions'][act][0]}"
    return None if thing is None else str(averages[average]).format(thing)


def field_cases(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of the cases of a field named alone (生态环境和资源保护领域: cases in the
    field of environmental and resource protection), or None."""
    fields = words["fields"]
    kind = modifier_english(text.removesuffix(fields["zh"]), words["modifiers"]) \
        if text.endswith(fields["zh"]) and text != fields["zh"] else None
    return None if kind is None else str(fields["en"]).format(kind)


def reported(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of reports made to the standing committee of the people's congress the
    report is given to (向市人大常委会专题报告执行工作情况: special reports on enforcement work made
    to …), whatever its level, or None unless every part is known."""
    reports = words["reports"]
    if not text.startswith(reports["to"]):
        return None
    body = text.find(reports["body"])
    if body < 0 or text[len(reports["to"]):body] not in reports["levels"]:
        return None
    rest = text[body + len(reports["body"]):]
    act = next(iter(known_prefixes(rest, reports["acts"])), None)
    # 报告公益诉讼检察工作、未成年人检察工作等专项工作: the topics named, and others of their kind.
    others = next((name for name in reports["others"] if rest.endswith(name) and rest != name), None)
    listed = rest.removeprefix(act or "").removesuffix(others or "")
    topics = [reports["topics"].get(topic) for topic in listed.split("、")] \
        if act is not None and listed else []
    if act is None or None in topics:
        return None
    if others is not None:
        topics.append(reports["others"][others])
    about = f" on {and_listed([str(topic) for topic in topics])}" if topics else ""
    return str(reports["en"]).format(f"{reports['acts'][act]}{about}")


def attended(text: str, unit: str, words: dict[str, Any]) -> str | None:
    """Return the English of training a body had its staff attend (组织干警参加各类业务培训): their
    attendances where counted in person-times, the sessions they attended where counted so; None
    in any other unit or where what they attended is unknown."""
    attending = words["attending"]
    opener = next((name for name in attending["zh"] if text.startswith(name) and text != name), None)
    form = attending["units"].get(unit) if opener is not None else None
    thing = thing_english(text.removeprefix(opener), words) if opener is not None else None
    return None if form is None or thing is None else str(form).format(thing)


