"""Say what a rate or a share is of: 制发检察建议1200件，采纳率98% is 检察建议采纳率, 其中A领域
4127件、B领域1953件，分别占47.2%、22.4% are A's and B's shares. Run by ``counted.label_figures``
once each figure has the phrase it counts.
"""

from __future__ import annotations

import re

from ..markup import closed_up
from .changes import sentence_start
from .found import Found, Words
from .nouns import ITEM_JOINS

_BARE_RATE = re.compile(r"^[\u4e00-\u9fff]{1,3}率$")
# A rate or ratio named by itself alone (结案率, 结收案比).
_BARE_MEASURE = re.compile(r"^[\u4e00-\u9fff]{1,4}[率比]$")
# A court or procuratorate a label opens with (市中院受理案件…, 地区中院…).
_OWN_COURT = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:中院|高院|法院|检察院)(?=[\u4e00-\u9fff])")
_BARE_AVERAGE = re.compile(r"^平均[\u4e00-\u9fff]{2,4}(?:天数|周期|时间|用时)$")
_SHARE_OF, _SHARE = "占", "比"
_PASSIVE = "被"
_ADOPTION, _SUGGESTED = "采纳率", "建议"
_EACH = "均"
_EACH_SPAN = 6


def name_rates(text: str, found: list[Found], words: Words) -> None:
    """Say what a bare rate is of: 制发检察建议1200件，采纳率98% is 检察建议采纳率.

    A rate (…率) whose label names nothing more is of the things the figure before it in
    the sentence counts, named without their verb.
    """
    for figure in found:
        if figure.unit == "percent" and figure.label.endswith(_SHARE_OF):
            figure.label += _SHARE  # …的罪犯占41.7%: their share (占比) of the whole said before.
        # 两年以上未结案基本清零、一年以上案件清理率达98%: the rate is the last item's alone.
        items = figure.label.split("、")
        # …回复、…答复率均保持在99%以上: 均 says the level is each item's, the list stays whole;
        # so does 依法改判、发回重审案件的改发率, a rate of what the list names (…的…率).
        each = _EACH in closed_up(text[max(0, figure.start - _EACH_SPAN):figure.start])
        # 改判、发回重审率: a rate of two acts, the last named by its verb, is one rate.
        if figure.unit == "percent" and len(items) > 1 and items[-1].endswith("率") and \
                not items[-2].endswith("率") and len(items[-1]) > 3 and not each and \
                "的" not in items[-1] and not items[-1].startswith(words.verbs):
            figure.label = items[-1]
    _name_listed_shares(text, found, words)
    _name_shares_of_listed_kinds(found, words)
    for figure in found:
        issued = next((verb for verb in words.issuing if figure.label.startswith(verb)), "")
        if figure.unit == "percent" and issued and figure.label.endswith("率") and \
                figure.label[len(issued):-3].endswith(words.countable):
            # 提出确定刑量刑建议采纳率: the rate of the suggestions, whoever made them.
            figure.label = figure.label.removeprefix(issued)
    _name_averages(text, found, words)
    for index, figure in enumerate(found[1:], 1):
        previous = found[index - 1]
        if previous.label.startswith(_PASSIVE) and index > 1 and previous.unit == found[index - 2].unit:
            # 发出司法建议1096件，被采纳963件，采纳率87.9%: a rate of what the outcome is of.
            previous = found[index - 2]
        if figure.unit == "percent" and figure.label.startswith(words.share_of) and \
                sentence_start(text, figure.start) <= previous.start and previous.unit != "percent":
            # 诉前调解成功纠纷17645件，占民商事纠纷总数的33.8%: the share of those in the whole;
            # cases are named without the act that counted them (审结危险驾驶案件…，占刑事案件总数的
            # 25.1%: 危险驾驶案件占刑事案件总数), as the whole after 占 says it.
            figure.label = _share_of(previous, words) + figure.label
            continue
        if figure.unit != "percent" or not _BARE_RATE.match(figure.label) or \
                figure.label in words.complete_rates or sentence_start(text, figure.start) > previous.start:
            continue
        # 全省法院发出司法建议…，采纳率…: a rate of what they did is of the things, whoever did them.
        made = words.without_area_subject(previous.label)
        verb = words.opening_verb(made) or None
        counted = made.removeprefix(verb) if verb else _acted_on(previous.label, words) or (
            # 一年以上长期未结案件21件…，清理率达63.2%: things named without a verb are what it is of.
            previous.label if previous.label.endswith(words.case_nouns[0]) and
            not _acts_in(previous.label, words) else "")
        if counted and counted.endswith(words.countable):
            # 办理代表建议21件、委员提案9件，办结率100%: the rate is of the whole list.
            listed = _listed_before(text, found, found.index(previous))
            if verb and all(words.without_area_subject(other.label).startswith(verb) for other in listed):
                counted = "、".join(words.without_area_subject(other.label).removeprefix(verb)
                                   for other in (*listed, previous))
            figure.label = counted + figure.label
            continue
        if figure.label == _ADOPTION and previous.label.startswith(_SUGGESTED):
            # 建议释放或者变更强制措施112人，采纳率92.9%: the suggestions made are what was adopted.
            figure.label = previous.label + figure.label
            continue
        # 适用小额诉讼程序结案1.05万件，适用率达17%: the rate's own verb names what it is of.
        own = figure.label.removesuffix("率")
        if len(own) == 2 and previous.label.startswith(own):
            rest = previous.label.removeprefix(own)
            cut = min((position for verb in words.verbs if (position := rest.find(verb, 2)) > 0),
                      default=len(rest))
            figure.label = rest[:cut] + figure.label


def name_courts_rates(text: str, found: list[Found], words: Words) -> None:
    """Say whose a bare rate is where the figures before it in its sentence are one court's:
    地区中院受理案件4508件，审执结4379件，结案率97.14% is 地区中院结案率. Run once the figures
    before it have their courts (``along.share_what_is_counted``)."""
    for previous, figure in zip(found, found[1:], strict=False):
        court = _OWN_COURT.match(previous.label)
        if figure.unit == "percent" and _BARE_MEASURE.match(figure.label) and court is not None and \
                figure.label not in words.complete_rates and \
                sentence_start(text, figure.start) <= previous.start:
            figure.label = court.group() + figure.label


def _name_averages(text: str, found: list[Found], words: Words) -> None:
    """Say what a bare average time is of: 适用小额诉讼程序审结案件1234件，平均审理天数16.3天 is
    those cases' (适用小额诉讼程序审结案件平均审理天数), as a bare rate is; after all the cases
    (审结案件5000件，平均审理天数…) it is the court's own."""
    for previous, figure in zip(found, found[1:], strict=False):
        verb = words.opening_verb(previous.label)
        kind = previous.label.removeprefix(verb).removeprefix("各类")
        if figure.unit == "days" and _BARE_AVERAGE.match(figure.label) and previous.unit == "cases" \
                and kind not in {"", *words.case_nouns} and kind.endswith(words.case_nouns[0]) \
                and sentence_start(text, figure.start) <= previous.start:
            figure.label = previous.label + figure.label


def _share_of(figure: Found, words: Words) -> str:
    """Return how a share names the part it is of: cases without the act that counted them."""
    act = next((verb for verb in (*words.verbs, *words.applied) if figure.label.startswith(verb)),
               "") if figure.unit == "cases" else ""
    return figure.label.removeprefix(act)


def _name_listed_shares(text: str, found: list[Found], words: Words) -> None:
    """Name the shares of a 分别占 list by the figures before it, in order: 其中A领域4127件、B领域
    1953件，分别占47.2%、22.4% are A's share and B's."""
    shared = words.share_of + _SHARE
    for index, figure in enumerate(found):
        if figure.unit != "percent" or figure.label != shared or index == 0 or \
                not closed_up(text[found[index - 1].end:figure.start]).endswith(words.each + words.share_of):
            continue
        run = [figure]
        while index + len(run) < len(found) and found[index + len(run)].label == shared and \
                closed_up(text[run[-1].end:found[index + len(run)].start]) in ITEM_JOINS:
            run.append(found[index + len(run)])
        parts = found[max(0, index - len(run)):index]
        if len(run) < 2 or len(parts) != len(run) or any(part.unit == "percent" for part in parts) or \
                sentence_start(text, figure.start) > parts[0].start:
            continue
        for part, share in zip(parts, run, strict=True):
            share.label = _share_of(part, words) + shared


def _name_shares_of_listed_kinds(found: list[Found], words: Words) -> None:
    """Name the shares a list of kinds has, in order: 刑事、民事、行政、公益诉讼检察案件分别占受理
    总数的61.2%、17.5%、8.3%、13% are 刑事检察案件's share and each other's, the noun the last
    kind ends with said of each."""
    index = 0
    while index < len(found):
        label = found[index].label
        run = [figure for figure in found[index:index + 8] if figure.label == label]
        kinds, mark, whole = label.partition(words.each + words.share_of)
        listed = kinds.split("、")
        index += max(1, len(run))
        if not mark or len(run) != len(listed) or len(run) < 2 or any(f.unit != "percent" for f in run):
            continue
        # The noun with the work it is of (检察案件, 审判案件) is said once, after the last kind.
        noun = re.search(rf"(?:{'|'.join(words.work_lines)})?(?:{'|'.join(words.heads)})$", listed[-1])
        head = noun.group() if noun is not None and noun.start() > 0 else ""
        for figure, kind in zip(run, listed, strict=True):
            figure.label = kind + ("" if kind.endswith(head) else head) + _SHARE_OF + whole


def _acts_in(label: str, words: Words) -> bool:
    """Tell whether a label says something was done: a verb of its own, not negated (未结案件
    are cases not concluded)."""
    return any(position >= 0 and label[position - 1:position] not in {"未", "不"}
               for verb in words.verbs for position in (label.find(verb),))


def _acted_on(label: str, words: Words) -> str:
    """Return what an act done to whom its 对-phrase names counts (对…违法情形提出书面纠正意见:
    书面纠正意见), or '' where the label does not open with such a phrase."""
    if not label.startswith(words.object_markers):
        return ""
    at = min(((position, verb) for verb in words.verbs if (position := label.find(verb, 2)) > 0),
             default=None)
    return label[at[0] + len(at[1]):] if at is not None else ""


def _listed_before(text: str, found: list[Found], index: int) -> list[Found]:
    """Return the figures listed with 、 right before ``found[index]`` (A12件、B9件), in order."""
    listed: list[Found] = []
    while index > 0 and closed_up(text[found[index - 1].end:found[index].start]).startswith("、"):
        index -= 1
        listed.insert(0, found[index])
    return listed
