"""Labels along a sentence: what a figure's label takes from the figures before it.

The items of a 分别 list each get their own (审结A、B案件分别为…); a listed figure inherits the
list's verb; a verb alone takes what the earlier figure counts (受理各类案件…，审结… → 审结各类案件);
the people counted with cases are labelled as theirs (4.6万件5.3万人); rates and shares are
named in ``rates.py``. Run by ``counted.label_figures`` once each
figure has the phrase it counts.
"""

from __future__ import annotations

import re

from ..markup import closed_up
from .changes import FULL_STOP, sentence_start
from .found import Found, Words
from .nouns import ITEM_JOINS

LABEL_MAX = 40
# What opens a modifier of what cases relate to (涉外, 涉草原): written before the kind of case.
_RELATED_TO = "涉"
_CLASS = "类案件"


def label_lists(text: str, found: list[Found], words: Words) -> None:
    """Label each figure of a 分别 list by its own item: 审结A、B、C案件分别为X件、Y件、Z件.

    The items share the verb of the first (审结) and the head noun of the last (案件); where the
    items and the figures do not pair up, the figures keep the list's phrase without 分别.
    """
    index = 0
    while index < len(found):
        group = [found[index]]
        while index + len(group) < len(found) and closed_up(text[
                group[-1].end:found[index + len(group)].start]) in ITEM_JOINS:
            group.append(found[index + len(group)])
        index += len(group)
        head = re.sub(rf"{words.each}为?$", "", group[0].label)
        if len(group) < 2 or head == group[0].label:
            if len(group) >= 2:
                _label_by_listed_verbs(group, words)
            continue
        items = [item for item in head.split("、") if item]
        if len(items) != len(group):
            for figure in group:
                figure.label = head
            continue
        verbs = [(items[0].find(verb), verb) for verb in words.verbs if verb in items[0]]
        prefix = items[0][:min(verbs)[0] + len(min(verbs)[1])] if verbs else ""
        # The shortest head the last item ends with: 物权纠纷、侵权责任纠纷案件 share 案件, and
        # 申请人身安全保护令、…纠纷案件 takes no 纠纷 it may not be.
        noun = min((noun for noun in words.heads if items[-1].endswith(noun)), key=len, default="")
        # An item naming what a dispute is over (买卖合同、民间借贷纠纷案件) shares the last item's
        # cause of action head whole: 买卖合同纠纷案件.
        cause = next((head for head in words.cause_heads if items[-1].endswith(head)), noun)
        # 涉A、B、C的案件: 涉 and the head are every item's (涉B案件), the 的 none's.
        if noun and items[-1].endswith("的" + noun):
            items[-1] = items[-1].removesuffix("的" + noun) + noun
        related = _RELATED_TO if items[0].startswith(_RELATED_TO) and not prefix else ""
        for figure, item in zip(group, items, strict=True):
            item = item if item.startswith(prefix) else prefix + item
            item = item if item.startswith(related) else related + item
            shared = cause if item.endswith(words.disputed) else noun
            # 物权纠纷 of …纠纷案件 takes only the 案件 it lacks.
            kept = next((size for size in range(len(shared), 0, -1) if item.endswith(shared[:size])), 0)
            figure.label = item + shared[kept:]


def _kind_of(counted: str, words: Words) -> str | None:
    """Return the kind a label of a case type names before it (生态环境资源 of
    生态环境资源刑事案件), or None where it names a case type alone (民商事案件, not 民 of 商事案件)."""
    case_type = max((head for head in words.case_types if counted.endswith(head)), key=len, default=None)
    return counted.removesuffix(case_type) or None if case_type is not None else None


def _label_by_listed_verbs(group: list[Found], words: Words) -> None:
    """Label figures listed after verbs listed (受理、审结各类案件14862件、14215件): each by its
    own verb, in order, with the object they share."""
    *acts, last = group[0].label.split("、")
    verb = words.opening_verb(last) or None
    if verb is None or len(acts) + 1 != len(group) or not all(act in words.verbs for act in acts):
        return
    thing = last.removeprefix(verb)
    for figure, act in zip(group, [*acts, verb], strict=True):
        figure.label = act + thing


# A sentence opening with the whole its parts are of (新收案件中，…).
def share_what_is_counted(text: str, found: list[Found], words: Words) -> None:
    """Give a label that is a verb alone what the figure before it in the sentence counts.

    受理各类案件21.36万件，审结20.87万件: the cases concluded are of the same kind and the same
    courts (全市两级法院审结各类案件); 受理…职务犯罪案件512件634人，已起诉588人: those prosecuted
    are the people of those crimes (起诉…职务犯罪), their verb put in the earlier one's place.
    """
    for index, figure in enumerate(found):
        people = found[index + 1] if index + 1 < len(found) and found[index + 1].people_of_cases else None
        # 起诉41件47人: the cases and people of a verb alone, named as its cases until now.
        act = figure.label.removesuffix(words.case_nouns[0]) if people is not None else figure.label
        # A verb of two characters takes an object (审结, 起诉; listed, 审结、执结), as 审执结 does;
        # 提起公诉 names its act whole.
        if not all((verb in words.verbs and len(verb) == 2) or verb in words.joined_verbs
                   for verb in act.split("、")):
            if act in words.verbs and figure.unit in {"people", "persons"}:
                _name_people_acted_on(text, found[:index], figure, words)
            continue
        figure.label = act
        sentence = sentence_start(text, figure.start)
        # Of the same unit (受理刑事案件…件，判处罪犯…人，审结…件: the cases), or the crimes of
        # cases for people.
        previous = next((other for other in reversed(found[:index]) if other.start >= sentence
                         and not other.people_of_cases and other.label not in words.verbs
                         and (other.unit == figure.unit or (other.unit == "cases" and figure.unit in
                                                             {"people", "persons"}))), None)
        if previous is None:
            continue
        at = min(((position, verb) for verb in words.verbs
                  if (position := previous.label.find(verb)) >= 0), default=None)
        if at is None:
            continue
        rest = previous.label[at[0] + len(at[1]):]
        # 受理…移送审查起诉职务犯罪436人，已起诉391人: what follows the verb's own procedure in
        # the object is what it counts (起诉职务犯罪).
        for verb in figure.label.split("、"):
            rest = rest[rest.rfind(verb) + len(verb):] if verb in rest else rest
        if figure.unit in {"people", "persons"} and previous.unit == "cases":
            rest = rest.removesuffix("案件")  # The people of those crimes, not their cases.
        if not rest:
            continue  # 受理审查起诉案件…，起诉1418人: its object named nothing but the procedure.
        figure.label = (previous.label[:at[0]] + figure.label + rest)[-LABEL_MAX:]
        if people is not None:
            people.label = figure.label + words.people_of_cases


def _name_people_acted_on(text: str, before: list[Found], figure: Found, words: Words) -> None:
    """Name the people a longer verb alone counts by those the figure before it in the sentence
    counts: 受理审查逮捕犯罪嫌疑人3200人，批准逮捕2100人 counts 批准逮捕犯罪嫌疑人, the suspects
    named after the earlier figure's last verb, the decision being on its procedure (逮捕);
    提起公诉 after 审查起诉 names its act whole."""
    sentence = sentence_start(text, figure.start)
    previous = next((other for other in reversed(before) if other.start >= sentence
                     and other.unit == figure.unit and not other.people_of_cases), None)
    if previous is None:
        return
    ends = [(position + len(verb), verb) for verb in (*words.verbs, *words.procedures)
            if (position := previous.label.rfind(verb)) >= 0]
    end, verb = max(ends, default=(0, ""))
    rest = previous.label[end:]
    if verb[-2:] == figure.label[-2:] and rest.endswith(words.suspects):
        figure.label = (figure.label + rest)[-LABEL_MAX:]


def _names_cases(label: str, words: Words) -> bool:
    """Tell whether a label is a kind of case named by a verb that is no act of its own there
    (抗诉案件, 监督案件: protest cases, not cases protested)."""
    return any(label == verb + noun for verb in words.nominal_verbs for noun in words.case_nouns)


def inherit_verbs(text: str, found: list[Found], words: Words) -> None:
    """Give a label without a verb the verb of the figure before it in the sentence.

    办理代表建议469件、代表审议意见4072条: the comments were handled too. Where the earlier
    label names a kind of a case type (审结生态环境资源刑事案件2.4万件，民事案件16.4万件), the
    later type is of the same kind: 审结生态环境资源民事案件, never all civil cases.
    """
    prefixes: dict[int, str] = {}
    related: dict[int, tuple[str, str]] = {}  # The verb and whole 涉… parts are said before.
    for previous, figure in zip(found, found[1:], strict=False):
        if (figure.label in words.verbs or figure.label in words.joined_verbs) and \
                figure.unit == previous.unit == "cases" and \
                not any(char in text[previous.end:figure.start] for char in FULL_STOP):
            # 受理行政案件2364件；审结2297件: a bare verb of cases counts the cases the figure
            # before it names, across the semicolon that parts a 受理 from its 审结.
            rest = next((previous.label[len(verb):] for verb in sorted(words.verbs, key=len, reverse=True)
                         if previous.label.startswith(verb)), "")
            if rest.endswith(words.countable):
                figure.label += rest
            continue
        scope = sentence_start(text, figure.start)
        if scope > 0 and (text[scope - 1] in "；;" or
                          closed_up(text[scope:figure.start]).startswith(words.of_which)):
            # …审结金融民商事案件36574件。其中，金融借款合同纠纷案件9826件: 其中 opening a sentence
            # is of the sentence before, and a semicolon only parts the clauses of one.
            scope = sentence_start(text, scope - 1)
        if scope > previous.start or figure.people_of_cases:
            continue
        if not figure.label:
            figure.label = previous.label
        between = text[previous.change.end if previous.change else previous.end:figure.start]
        listed = closed_up(between).startswith("、")
        # 受理一审案件23654件，同比增长7.8%；二审案件11972件: the items of a list apart by
        # semicolons share its verb as those apart by commas do.
        named = re.sub(r"[\s*，,；;]", "", between).lstrip("、")
        # 受理审查逮捕1.42万人、审查起诉3.37万人: a procedure listed alone is received too.
        procedure = listed and figure.label in words.procedures
        # 吸纳特邀调解组织37家、特邀调解员215名入驻…: a listed item says what follows the list too.
        if (figure.unit == previous.unit or listed) and \
                (named == figure.label or (listed and named and figure.label.startswith(named))) and \
                (figure.label.endswith((*words.countable, *words.meetings)) or
                 (listed and figure.label not in words.involved)) and \
                (not figure.label.startswith((*words.verbs, *words.arrangement, *words.object_markers))
                 or _names_cases(figure.label, words) or procedure) and \
                (procedure or not any(verb in figure.label for verb in words.inner_verbs)) and \
                not figure.label.endswith(words.fields):
            # 召开法官会议295次，审委会38次: the same verb, what it was done to alone; so in a
            # list (评选表彰先进集体12个、先进个人46名, 监督立案…件、撤案…件) whatever it counts.
            # A clause opening with 对, 将 … (对涉案企业适用合规改革案件) has a verb of its own.
            verb = next((verb for verb in (*words.verbs, *words.arrangement)
                         if previous.label.startswith(verb)), None)
            if verb is not None:
                # 审结生态环境资源刑事案件…，民事案件…: a case type is of the kind named before.
                rest = previous.label.removeprefix(verb)
                of_kind = _kind_of(rest, words) or ""
                figure.label = verb + (of_kind if figure.label in words.case_types else "") + figure.label
                continue
        part = next((other for other in reversed(found[:found.index(figure)])
                     if other.unit == figure.unit and other.start >= scope), None)
        if previous.unit != figure.unit and named == figure.label and part is not None and \
                id(part) in prefixes:
            # 其中，A案件9826件，标的额612.08亿元；B案件2417件: the next part, after the first
            # part's amount, is of the same whole.
            figure.label = prefixes[id(part)] + figure.label
            prefixes[id(figure)] = prefixes[id(part)]
            continue
        field = figure.label.endswith(words.fields)
        if field and part is not None and id(part) in related:
            # …其中生态环境和资源保护领域43件，占52.4%；…其他领域39件: the next field's cases, after
            # a share said of the one before.
            verb, rest = related[id(part)]
            figure.label = verb + figure.label + rest
            related[id(figure)] = (verb, rest)
            continue
        if figure.label.startswith(words.verbs) or not (figure.label.endswith(words.countable) or field) or \
                (any(verb in figure.label for verb in words.inner_verbs) and not field):
            # It says what was done itself (司法处罚, 州中级人民法院受理案件), or is no noun of things
            # counted; a field's name may hold a verb (文物保护领域).
            continue
        # 审结…案件28.64万件，诉讼标的额1375亿元，…其中合同纠纷案件13.2万件: a part is of the
        # last whole of its own unit in the sentence.
        # 审结民商事案件7864件…。其中，买卖合同纠纷1286件: disputes a court's cases are made of are cases.
        of_unit = {figure.unit, "cases"} if figure.unit == "disputes" else {figure.unit}
        whole = previous if previous.unit == figure.unit or words.of_which not in between else next(
            (other for other in reversed(found[:found.index(figure)]) if other.unit in of_unit
             and other.start >= scope), previous)
        disputed = words.of_which in between and whole.unit == "cases" and figure.unit == "disputes"
        if disputed:
            figure.unit = "cases"
        # The earlier label up to its verb: 办理…, or 最高人民法院制发… with its subject.
        at = min(((position, verb) for verb in words.verbs
                  if (position := whole.label.find(verb)) >= 0), default=None)
        if at is None:
            continue
        verb = whole.label[:at[0] + len(at[1])]
        rest = whole.label.removeprefix(verb)
        kind = _kind_of(rest, words)
        parent = next((rest.removesuffix(head) for head in words.heads if rest.endswith(head)), rest)
        if figure.label in words.case_types and kind is not None:
            figure.label = verb + kind + figure.label
        elif field and (words.of_which in between or id(previous) in related):
            # 立案办理公益诉讼案件8736件，其中生态环境和资源保护领域4127件、食品药品安全领域1953件:
            # the whole's cases of each field.
            verb, rest = related.get(id(previous), (verb, rest))
            figure.label = verb + figure.label + rest
            related[id(figure)] = (verb, rest)
        elif words.of_which in between:
            # 审结涉外案件15.9万件，其中知识产权案件4.9万件: 审结涉外知识产权案件; a cause of action
            # names its own kind (审结民商事案件…，其中合同纠纷案件…: 审结合同纠纷案件), and so does a
            # part naming the whole's (审结专利案件…，其中发明专利案件…: 审结发明专利案件). A whole that is
            # a list (盗窃、诈骗等…) is no kind to put before a part either.
            prefix = verb if figure.label.endswith(words.cause_heads) or disputed or \
                parent in figure.label or "、" in parent or "等" in parent or \
                figure.label.startswith(words.applied) else verb + parent
            head = next((head for head in words.heads if figure.label.endswith(head)), "")
            if prefix != verb and figure.label.startswith(_RELATED_TO) and \
                    not parent.startswith(_RELATED_TO) and head:
                # 审结环境资源案件…，其中涉草原、林地案件…: what they relate to comes first
                # (审结涉草原、林地环境资源案件), as 涉外知识产权案件 is written.
                figure.label = verb + figure.label.removesuffix(head) + rest
                related[id(figure)] = (verb, rest)
                continue
            # 审结知识产权案件…，其中技术类案件…: a class (…类) of the whole is said before its kind.
            classed = figure.label.endswith(_CLASS) and prefix != verb
            figure.label = verb + figure.label.removesuffix(_CLASS[1:]) + rest if classed \
                else prefix + figure.label
            prefixes[id(figure)] = prefix
        elif id(previous) in related and (listed or closed_up(between) in ITEM_JOINS):
            # …其中涉A、B的案件分别为…: each item relates to the same whole.
            verb, rest = related[id(previous)]
            head = next((head for head in words.heads if figure.label.endswith(head)), "")
            figure.label = verb + figure.label.removesuffix(head) + rest
            related[id(figure)] = (verb, rest)
        elif id(previous) in prefixes and (listed or closed_up(between) in ITEM_JOINS or (
                named == figure.label and not figure.label.startswith(words.object_markers))):
            # 其中，A纠纷1286件，B纠纷1047件: the next part named alone is of the same whole.
            figure.label = prefixes[id(previous)] + figure.label
            prefixes[id(figure)] = prefixes[id(previous)]
            if figure.unit == "disputes" and previous.unit == "cases":
                figure.unit = "cases"  # The next disputes of the same whole's cases.
        elif re.sub(r"[\s*、，,]", "", text[previous.end:figure.start]).endswith(figure.label) and \
                "、" in text[previous.end:figure.start]:
            figure.label = verb + figure.label


def mark_companions(text: str, found: list[Found], words: Words) -> None:
    """Read the people counted with cases: 4.6万件5.3万人, 6件，判处罪犯51人.

    Written together (X件Y人), the people are a figure of their own, labelled as the people
    of those cases, and a change stated after the pair is the cases' (reports say 件数，下同
    where they spell it out). After a verb of sentencing (6件，判处罪犯51人) they are the
    defendants of those cases, read but not a key figure.
    """
    for index, second in enumerate(found[1:], 1):
        first = found[index - 1]
        # 审结毒品犯罪案件736件，占全部刑事案件的25.7%，判处罪犯842人: a share said of the
        # cases stands between them and those sentenced in them.
        while first.unit == "percent" and index > 1 and \
                sentence_start(text, second.start) <= found[index - 2].start:
            index -= 1
            first = found[index - 1]
        between = closed_up(text[first.end:second.start])
        shares = [figure for figure in found if first.end <= figure.start < second.start]
        if shares:
            between = closed_up(text[shares[-1].end:second.start])
        if first.unit != "cases" or second.unit not in {"people", "persons"}:
            continue
        if not between and first.change is None and not shares:
            if first.label in words.verbs or first.label.endswith(words.procedures):
                # 批准逮捕142件191人, 受理审查逮捕312件428人: the cases approved or received.
                first.label += words.case_nouns[0]
            second.people_of_cases = True
            # …犯罪9件21人: the people of the cases of those crimes.
            cases = first.label + (words.case_nouns[0] if first.label.endswith(words.crimes) else "")
            second.label = cases + words.people_of_cases
            first.change, second.change = second.change, None
        elif len(between) <= 8 and between.lstrip("，,、").startswith(words.sentencing):
            # 审理养老诈骗案件6件，判处罪犯51人: those sentenced in those cases; in criminal cases
            # of every kind (审结刑事案件527件，判处罪犯681人) they need no naming.
            # 全市法院审结刑事案件…: all the area's courts' criminal cases are criminal cases.
            cases = words.without_area_subject(first.label)
            verb = words.opening_verb(cases)
            # …判处未成年罪犯23人: offenders the label names by kind need no cases before them.
            named = second.label.removeprefix(next((verb for verb in words.sentencing
                                                    if second.label.startswith(verb)), ""))
            if cases.removeprefix(verb) not in words.all_criminal_cases and \
                    named in words.sentenced:
                second.label = first.label + second.label
