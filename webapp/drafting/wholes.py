"""Labels of parts: what a part of a whole named before it takes from that whole.

现有法官73名，其中具有博士学位的18名 counts 具有博士学位的法官; 立案办理公益诉讼案件7843件，其中民事
公益诉讼1052件 counts 立案办理民事公益诉讼案件; 新收案件中，刑事案件318件 counts 新收刑事案件; 对其中
2.2万件举行公开听证 counts the petition cases so heard. Run by ``counted.label_figures`` once each
figure has the phrase it counts.
"""

from __future__ import annotations

import re

from ..markup import closed_up
from .changes import sentence_start
from .found import Found, Words
from .nouns import clause_start

_WHOLE_NAMED = re.compile(r"^(?P<whole>[\u4e00-\u9fff]{2,12}?)中[，,]")
# Units whose figures are named by what was done, not by a noun of things (cases, money, times).
_NAMED_BY_ACT = {"cases", "yuan", "times", "percent", "points", "days", "people", "person-times",
                 "case-times"}


def name_parts_acted_on(text: str, found: list[Found], words: Words) -> None:
    """Say what 其中 after 对 refers to: 办理刑事申诉案件3.1万件，对其中2.2万件举行公开听证 counts
    the petition cases given hearings (对刑事申诉案件举行公开听证), not a part of nothing."""
    for previous, figure in zip(found, found[1:], strict=False):
        marker = next((marker for marker in words.object_markers
                       if figure.label.startswith(marker + words.of_which)), None)
        if marker is None or previous.unit != figure.unit or \
                sentence_start(text, figure.start) > previous.start:
            continue
        verb = words.opening_verb(previous.label) or None
        if verb is not None and previous.label != verb:
            whole = previous.label.removeprefix(verb)
            figure.label = marker + whole + figure.label.removeprefix(marker + words.of_which)


def name_parts_by_their_whole(text: str, found: list[Found], words: Words) -> None:
    """Name a part by the noun of its whole where it names none: 现有法官73名，其中具有博士学位的
    18名 counts 具有博士学位的法官; 现有三个派出人民法庭，其中两个地处纯牧区, 地处纯牧区的派出人民法庭."""
    for previous, figure in zip(found, found[1:], strict=False):
        opening = closed_up(text[clause_start(text, figure.start):figure.start])
        whole = previous.label
        if figure.unit != previous.unit or figure.unit in _NAMED_BY_ACT or \
                not opening.startswith(words.of_which) or len(whole) < 2 or \
                sentence_start(text, figure.start) > previous.start or \
                whole.startswith((*words.verbs, *words.arrangement)) or \
                figure.label.endswith((whole[-2:], *words.countable)) or \
                (figure.unit in {"people", "persons"} and figure.label.endswith(words.post_endings)):
            continue
        figure.label = figure.label.removesuffix("的") + "的" + whole


def name_kinds_of_the_whole(text: str, found: list[Found], words: Words) -> None:
    """Name the kinds a whole's cases are listed by with its act and noun: 立案办理公益诉讼案件7843件，
    其中民事公益诉讼1052件、行政公益诉讼6791件 counts 立案办理民事公益诉讼案件 and …行政公益诉讼案件."""
    case_noun = words.case_nouns[0]
    whole: Found | None = None
    for figure in found:
        opening = closed_up(text[sentence_start(text, figure.start):figure.start])
        if words.of_which not in opening or whole is None or \
                sentence_start(text, figure.start) > whole.start:
            whole = figure if figure.unit == "cases" else whole
            continue
        verb = words.opening_verb(whole.label)
        kind = whole.label.removeprefix(verb)
        # The kind says of the whole's cases only what a type of case does (民事, 行政 …).
        named = (figure.label + case_noun).removesuffix(kind)
        if figure.unit == "cases" and verb and kind.endswith(case_noun) and len(kind) > 4 and \
                not figure.label.endswith(words.countable) and \
                (figure.label + case_noun).endswith(kind) and named + case_noun in words.case_types:
            figure.label = verb + figure.label + case_noun


def name_parts_of_a_named_whole(text: str, found: list[Found], words: Words) -> None:
    """Give the parts a sentence lists after naming their whole (新收案件中，刑事案件318件、民事
    案件4236件…) the whole's act: 新收刑事案件, 新收民事案件."""
    for figure in found:
        opening = _WHOLE_NAMED.match(closed_up(text[sentence_start(text, figure.start):figure.start]))
        if opening is None or figure.label.startswith((*words.verbs, *words.arrangement)) or \
                not figure.label.endswith(words.countable):
            continue
        act = words.opening_verb(opening["whole"])
        if act:
            figure.label = act + figure.label
