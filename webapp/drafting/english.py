"""Build the English of drafted figure labels from a vetted vocabulary.

No translation model: a label's English is put together by rule from ``data/english.yaml``
(what was done, to what, by whom, over which span), only when every part of the label is
known; otherwise it stays empty for a person to write. Section digests are built from these
labels (``digest.py``). Who did it and what is counted: english_nouns; the act and rates:
english_acts; clauses (…的…, 对…, 判令…) and settings: english_clauses; spans: english_spans.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..content.style import EnglishStyle
from .english_acts import action_of, done_after, invited, rate_english, serving, supported
from .english_clauses import Label, done_to_label, ordered, outcome_label, settings, share_of
from .english_counts import attended, average_time, field_cases, recounted, reported
from .english_nouns import PEOPLE, open_label, subject_of, thing_english
from .english_shares import part_of
from .english_spans import as_of, opening_span, span_english
from .lexicon import lexicon

ENGLISH_PATH = Path(__file__).parent / "data" / "english.yaml"
# Units a count of reports made is counted in (向…人大常委会报告…次).
_REPORTS = {"times", "count", "items"}
_CRIME = "犯罪"
_CHARGE = "罪"
_CHARGE_ENGLISH = "the crime of "
_HAS = "现有"
# A participle that names what it was done as (selected as), the thing after it.
_AS = " as"
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}年")
# A district's court or procuratorate (海淀区人民法院), whose 全区 is the district; an autonomous
# region's (自治区) is a region.
_DISTRICT = re.compile(r"区人民(?:法院|检察院)$")
_AUTONOMOUS_REGION = "自治区"
_ACROSS_REGION = "across the region"
_ACROSS_DISTRICT = "across the district"
# A subject of many courts or procuratorates, whose heads are many (heads_of_many).
_MANY = re.compile(r"\b(?:courts|procuratorates)\b")
_CASES = re.compile(r"\bcases\b")
_PROCURATORATE = "检察院"


@cache
def vocabulary() -> dict[str, Any]:
    return dict(yaml.safe_load(ENGLISH_PATH.read_text(encoding="utf-8")))


def english_label(zh_label: str, unit: str, period: str | None = None,
                  people_suffix: str = "", institution: str = "") -> Label | None:
    """Return the English of a drafted label, or None where the vocabulary cannot build all of it.

    ``institution`` is the report's own name as its title writes it (某某金融法院): a label
    opening with it is the court's or procuratorate's own work.
    """
    words = vocabulary()
    core = label_core(zh_label, period, people_suffix, institution)
    if core is None:
        return None
    text, tail, subject, people = core
    again = recounted(text, unit, words) if zh_label.endswith(text) else None
    if again is not None:
        # 严重暴力犯罪案件数, 严重暴力犯罪起诉人数: built as the cases, or the act on them, are.
        return english_label(zh_label.removesuffix(text) + again, unit, period, people_suffix,
                             institution)
    # 商事案件平均审理天数: the cases' own average (a court's, never one done by it).
    named = (average_time(text, words) if subject is None else None) or \
        (field_cases(text, words) if unit == "cases" else None) or \
        (reported(text, words) if unit in _REPORTS else None) or attended(text, unit, words)
    if named is not None:
        # 生态环境和资源保护领域…件: the field's cases; 向…人大常委会报告…: the reports made.
        label = named + tail
        return Label(label[:1].upper() + label[1:], "", named, tail, "", passive=True)
    involved = _involved(zh_label, text, period, institution, words)
    if isinstance(involved, Label):
        return involved
    # 以拒不执行判决、裁定罪判处罪犯 ends as …判处罪犯 does, yet names no cases: read as a whole.
    audience = next((noun for noun in words["audiences"] if text.endswith(noun) and text != noun), None)
    if audience is not None and unit not in PEOPLE:
        # 开展双语宣讲受众, 开展法治宣讲覆盖师生: those reached, whatever reached them.
        reached = thing_english(audience, words)
        if reached is None:
            return None
        label = f"{reached}{tail}"
        return Label(label[:1].upper() + label[1:], "", reached, tail, "", passive=True)
    if unit == "percent":
        # The part names its own subject (人民法庭审结案件占…); each side is a count, never a rate.
        # A span (五年来) or a named year (2018年) is the whole share's, said after it: the part
        # keeps its own subject (院庭长办案, never "cases handled … by court presidents").
        whole, span = (zh_label, "") if period is None else \
            (zh_label.removeprefix(period), f" {span_english(period, words)}")
        part = part_of(whole, words, lambda zh, whole_unit: built.label if (
            built := english_label(zh, whole_unit)) is not None and not built.rate else None)
        if part is not None:
            return Label(part[:1].upper() + part[1:] + span, "", part, span, "", passive=True, rate=True)
        if text.endswith(words["share"]["zh"]):
            return share_of(text, tail, words)
        rate = rate_english(text, words)
        if rate is None:
            return None
        # 全市法院结收比: the courts' own ratio (of courts across the city).
        label = rate + (tail.replace(" by ", " of ", 1) if subject is not None else tail)
        return Label(label[:1].upper() + label[1:], "", rate, label.removeprefix(rate), "", passive=True,
                     rate=True)
    outcome = outcome_label(text, tail, people, unit, words) or done_to_label(text, tail, people, words) or \
        ordered(text, tail, words)
    if outcome is not None:
        return outcome
    suits = supported(text, words) if unit == "cases" else None
    if suits is not None:
        # 支持农民工起诉讨薪…件: the suits of those supported, not the people.
        return Label(suits[:1].upper() + suits[1:] + tail, "", suits, tail, "", passive=True)
    found = action_of(text, words)
    rest = text.removeprefix(found[0]) if found is not None else text
    if found is not None and found[0] in words["invitations"]["actions"]:
        rest, tail = invited(rest, tail, words)
    served = serving(rest, found[1] if found else None, words) if unit in PEOPLE else None
    if served is not None:
        # 选派法官担任…法治副校长: the judges, and the role they were sent to take.
        return Label(served[:1].upper() + served[1:] + tail, "", served, tail, "", passive=True)
    # 收案, 审结执结 …件, 追赃挽损 …元, 宣告无罪 …人: the action alone says what is counted.
    implied = words["implied"].get(unit) if found and unit not in words["implied_never"].get(found[0], ()) \
        else None
    thing = (implied if not rest else thing_english(rest, words)) if found else None
    about = words["about_people"].get(text) if unit in PEOPLE and not people else None
    if thing is None and about is not None:
        # 监督纠正减刑、假释、暂予监外执行不当…人: those it was done about, named as a whole.
        return Label(f"People {about}{tail}", "", "people", tail, about, passive=True)
    if thing is None:
        # A label that is only what is counted (退休法官, 调解组织, whose 调解 is no action
        # here): its English alone.
        thing = thing_english(text, words)
        after = done_after(text, words) if thing is None and not people and unit not in PEOPLE else None
        if after is not None:
            # 首次执行案件执结: the cases, then what was done to them.
            label = f"{after[0]} {after[1]}{tail}"
            return Label(label[:1].upper() + label[1:], "", after[0], tail, after[1], passive=True)
        if thing is None or people:
            return None
        if unit in PEOPLE and _CASES.search(str(thing)) and not str(thing).startswith("people"):
            # 退回补充侦查…人: the people of the cases counted, never the cases.
            thing = words["people_of_cases"].format(thing)
        # 全州法院现有员额法官, 全院干警: what a body has, and its staff, are its own, not done by it.
        own = subject and (_HAS in zh_label or text.endswith(tuple(words["people_endings"])))
        label = f"{thing}{tail.replace(' by ', ' of ', 1) if own else tail}"
        return Label(label[:1].upper() + label[1:], "", str(thing), tail, "", passive=True)
    assert found is not None
    _action_written, participle, verb = found
    # 起诉帮助信息网络犯罪活动罪: a charge (…罪, the crime of …) is a crime too.
    crime = rest.endswith(_CRIME) or (rest.endswith(_CHARGE) and thing.startswith(_CHARGE_ENGLISH))
    if unit in PEOPLE and rest and not people and not rest.endswith("案件") and not crime and \
            not rest.endswith(tuple(words["people_endings"])):
        # 对2300人提出量刑建议: the people the recommendations were for, named only where known.
        about = words["about_people"].get(text)
        return None if about is None else Label(f"People {about}{tail}", "", "people", tail, about,
                                                 passive=True)
    if unit == "yuan" and not rest and verb.endswith(" to"):
        return None  # 开展司法救助…万元: the aid's amount, not the people given it.
    if people:
        # 批准逮捕…件…人: the people of the cases the act alone counts, never people in people.
        thing = words["people_of_cases"].format(thing if rest else words["implied"]["cases"])
    elif unit in PEOPLE and rest.endswith("案件"):
        thing = words["people_of_cases"].format(thing)  # 审查起诉…案件230人: the cases' people.
    elif unit in PEOPLE and crime:
        # 起诉严重暴力犯罪1200人: people prosecuted for the crimes, not crimes prosecuted.
        thing, tail = "people", f" for {thing}{tail}"
    if participle.endswith(_AS):
        # 入选典型案例: what was selected is counted, as what (cases selected as typical cases).
        selected = words["implied"].get(unit)
        if selected is None:
            return None
        label = f"{selected} {participle} {thing}{tail}"
        return Label(label[:1].upper() + label[1:], "", selected, f" {thing}{tail}", participle, passive=True)
    label = f"{thing} {participle}{tail}"
    return Label(label[:1].upper() + label[1:], verb, thing, tail, participle)


def label_core(zh_label: str, period: str | None = None, people_suffix: str = "",
               institution: str = "") -> tuple[str, str, str | None, bool] | None:
    """Return what a label says once its span, openers, subject and setting are taken off:
    the rest, the English those end with, the subject and whether it counts the cases' people;
    None for a span without English."""
    words = vocabulary()
    text = zh_label
    tail = ""
    # A span opening a label drafted without a period (五年来审结…) is the label's own words.
    period = opening_span(text, words) if period is None else period
    if period is not None:
        # A named earlier year (2019年法官年人均结案数) is said as the year it is, a span from one
        # up to now (2023年以来) as since that year.
        span = span_english(period, words)
        if span is None:
            return None
        text = text.removeprefix(period)
        tail = f" {span}"
    counted_to = as_of(text) if period is None else None
    if counted_to is not None:
        # 截至2025年底累计调解…: what was done up to the end of that year, as the label says.
        text, tail = counted_to
    # A label naming the report's year (2025年审结…): a figure of another year has a period.
    text = _YEAR.sub("", text) if period is None else text
    people = bool(people_suffix) and text.endswith(people_suffix)
    text = text.removesuffix(people_suffix) if people else text
    # A setting may hold an opener's word (帮助中小企业…): it is tried before the openers too.
    text, tail = settings(text, tail, words)
    text = open_label(text, words)
    found = subject_of(text, words) or _own(text, institution, words) or _answering(text, institution, words)
    found = _ours(found, institution, words)
    subject = found[0] if found is not None else None
    if found is not None:
        text = open_label(text.removeprefix(found[0]), words)
        within = subject_of(text, words)
        if within is not None:
            # 全市法院院庭长办结案件: those of the courts named first (by court presidents and
            # division heads of courts across the city); each court's head, of many courts.
            text = open_label(text.removeprefix(within[0]), words)
            many = words["heads_of_many"].get(within[0]) if _MANY.search(found[1]) else None
            found = found[0], f"{many or within[1]} {found[1].replace('by ', 'of ', 1)}"
        tail = " " + found[1] + tail
    text, tail = settings(text, tail, words)
    return text, tail, subject, people


def _own(text: str, institution: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return the report's own name a label opens with (某某金融法院, or without 人民) and its
    English (by the court), or None."""
    body = next((body for body in words["own_institution"] if institution.endswith(body)), None)
    if body is None:
        return None
    name = next((name for name in (institution, institution.replace("人民", ""))
                 if len(name) > len(body) and text.startswith(name)), None)
    return (name, str(words["own_institution"][body])) if name is not None else None


def _answering(text: str, institution: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return the courts a procuratorate's report names bare (法院已改判, 法院采纳: by courts), those
    that answered its protests and suggestions, and their English; None in a court's report, where
    a bare 法院 does not say whose courts, and for a rate named whole (法院判决支持率)."""
    answering = words["courts_answering"]
    if _PROCURATORATE not in institution or text in words["rates"]:
        return None
    name = next((name for name in answering if text.startswith(name) and text != name), None)
    return (name, str(answering[name])) if name is not None else None


def _ours(found: tuple[str, str] | None, institution: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return a subject the report names as its own (本院, 我院, 院领导) said as the report's
    institution is (by the procuratorate, in a procuratorate's report), else ``found`` as it is."""
    own = words["own_subjects"].get(found[0]) if found is not None else None
    bodies = words["own_bodies"]
    # 某某市人民检察院分院: a procuratorate's branch is a procuratorate.
    body = next((str(bodies[body]) for body in bodies if body in institution), None)
    return found if found is None or own is None or body is None else (found[0], str(own).format(body))


def _involved(zh_label: str, text: str, period: str | None, institution: str,
              words: dict[str, Any]) -> Label | None | bool:
    """Return the English of what the cases before a label involve (审理…案件涉投资人: investors
    in … cases tried), False where those cases' English is unknown, None if it is no such label."""
    suffix = next((suffix for suffix in sorted(words["involved"], key=len, reverse=True)
                   if text.endswith(suffix) and text != suffix), None)  # 诉讼标的额 before 标的额.
    if suffix is None:
        return None
    cases = english_label(zh_label.removesuffix(suffix), "cases", period, institution=institution)
    if cases is None or cases.rate:
        return False
    whose = cases.label if cases.label[1:2].isupper() else cases.label[:1].lower() + cases.label[1:]
    label = str(words["involved"][suffix]).format(whose)
    return Label(label[:1].upper() + label[1:], "", label, "", "", passive=True)


def label_english(label: str, unit: str, period: str | None, glossary_english: Mapping[str, str],
                  style: EnglishStyle, institution: str = "") -> str:
    """Return a label's English: built from the vocabulary, else the glossary's, else empty.

    English that would break the content's English style (a glossary term rendered otherwise)
    is left empty rather than written wrong.
    """
    people_suffix = lexicon().mapping("numbers")["people_of_cases"]
    built = english_label(label, unit, period, people_suffix, institution)
    english = built.label if built is not None else glossary_english.get(label, "")
    core = label_core(label, period, people_suffix, institution) if not english else None
    if core is not None and not core[3] and core[0] in glossary_english:
        # 边境法院诉前调解: a glossary term once who did it and when are taken off.
        named = glossary_english[core[0]] + core[1]
        english = named[:1].upper() + named[1:]
    if _DISTRICT.search(institution) and _AUTONOMOUS_REGION not in institution:
        # 全区 of a district's own report is the district, not a region.
        english = english.replace(_ACROSS_REGION, _ACROSS_DISTRICT)
    return english if english and not style.text_problems(label, english) else ""
