"""Say whose a figure is where its label alone does not: the crimes 相关案件 or a bare verb refers
to, the cases an amount or a number of people involved is of, the body a bare verb's figure is of.

Run after each figure has its label (``counted.py``), on one block's figures in reading order.
"""

from __future__ import annotations

import re

from .changes import sentence_start
from .found import Found, Words
from .nouns import clause_start
from .periods import without_span

_BARE_PASSIVE = re.compile(r"(?:已经|已)?(?P<outcome>被[\u4e00-\u9fff]{1,3})")
_BECAME_CASES = re.compile(r"(?:已经|已)?(?P<outcome>成案)")
# What a court, an authority or those addressed did with what was put to them.
_ANSWERED = re.compile(r"(?:法院|行政机关|有关部门|相关部门|有关单位)?(?:均|已经|已)?"
                       r"(?:采纳|改判|发回重审|改判、发回重审|改判或发回重审|收到反馈|收到回复|书面回复|回复|整改)")
# A system, mechanism or platform a sentence names by 该 (该制度适用率), and such a thing named.
_KINDS_OF_ONE = "制度|机制|模式|平台|程序"
_THIS_ONE = re.compile(rf"该(?P<kind>{_KINDS_OF_ONE})")
_NAMED_ONE = re.compile(rf"[\u4e00-\u9fff“”]{{2,12}}?(?:{_KINDS_OF_ONE})")


def resolve_related(text: str, found: list[Found], words: Words) -> None:
    """Name what 相关案件 (此类案件 …) refers to: 严惩非法集资等犯罪，审结相关案件 counts
    非法集资等犯罪案件."""
    for figure in found:
        related = next((word for word in words.related if word in figure.label), None)
        if related is None:
            continue
        before = text[sentence_start(text, figure.start):figure.start]
        named = list(words.crackdown.finditer(before))
        if named:
            figure.label = figure.label.replace(related, named[-1]["crime"] + "案件", 1)


def resolve_the_one_named(text: str, found: list[Found], words: Words) -> None:
    """Name what 该制度 (该机制, 该平台 …) refers to: 全面落实认罪认罚从宽制度。该制度适用率…
    is 认罪认罚从宽制度适用率, the last such thing the text names before it, without the verb
    of putting it in place (全面落实)."""
    for figure in found:
        this = _THIS_ONE.search(figure.label)
        if this is None:
            continue
        named = [words.adopting.sub("", match.group()) for match in _NAMED_ONE.finditer(text, 0, figure.start)
                 if match.group().endswith(this["kind"]) and "该" not in match.group()]
        if named and len(named[-1]) > len(this["kind"]):
            figure.label = figure.label.replace(this.group(), named[-1], 1)


def name_crimes(text: str, found: list[Found], words: Words) -> None:
    """Name the crimes a bare verb of people or cases counts: 依法打击…等破坏森林资源犯罪，起诉124人
    counts those prosecuted for them (起诉…破坏森林资源犯罪), as the clause before says."""
    sentenced = {verb + noun: (verb, noun) for verb in words.sentencing for noun in words.sentenced
                 if noun != words.people_noun}
    for figure in found:
        # 严惩性侵、虐待、拐卖等侵害未成年人犯罪，判处罪犯406人: the offenders of those crimes.
        offenders = sentenced.get(figure.label) if figure.unit in {"people", "persons"} else None
        # 五年来共起诉2.85万人: the span is the figure's period, the verb still bare.
        if (without_span(figure.label) not in words.verbs and offenders is None) or \
                figure.unit not in {"people", "persons", "cases"}:
            continue
        before = text[sentence_start(text, figure.start):clause_start(text, figure.start)]
        named = list(words.crackdown.finditer(before))
        if named and before.rstrip("，, ").endswith(named[-1]["crime"]):
            if offenders is not None:
                figure.label = offenders[0] + named[-1]["crime"] + offenders[1]
            else:
                figure.label += named[-1]["crime"] + ("案件" if figure.unit == "cases" else "")
            continue
        if offenders is not None:
            continue
        # 证券、期货…等资本市场纠纷持续增长，全年审结4385件: the cases of what the sentence opens
        # saying is on the rise.
        topic = words.trend.match(before)
        if topic is not None and figure.unit == "cases":
            figure.label += topic["topic"] + ("" if topic["topic"].endswith("案件") else "案件")


def name_outcomes(text: str, found: list[Found], words: Words) -> None:
    """Name what a bare passive outcome counts: 制发行政检察建议15件，被采纳14件 counts 被采纳的
    行政检察建议, those of the figure before it in its sentence."""
    for previous, figure in zip(found, found[1:], strict=False):
        if sentence_start(text, figure.start) > previous.start:
            continue
        became = _BECAME_CASES.fullmatch(figure.label)
        if became is not None and previous.label.endswith(words.leads):
            # 发现监督线索318条，已成案241件: the leads that became cases.
            found_at = max((position + len(verb) for verb in words.finding
                            if (position := previous.label.rfind(verb)) >= 0), default=0)
            leads = previous.label[found_at:]
            figure.label = leads + became["outcome"]
            continue
        outcome = _BARE_PASSIVE.fullmatch(figure.label)
        # 提出抗诉34件，法院已改判19件; 发出司法建议41件，已收到反馈: what others did with them.
        answered = _ANSWERED.fullmatch(figure.label) if figure.measure == previous.measure else None
        if (outcome is None or figure.unit != previous.unit) and answered is None:
            continue
        # 全省法院发出司法建议…，被采纳…: the suggestions, whoever made them.
        made = words.without_area_subject(previous.label)
        verb = next((verb for verb in (*words.verbs, *words.arrangement) if made.startswith(verb)), "")
        things = made.removeprefix(verb)
        if answered is not None and made.startswith(words.object_markers):
            # 对刑事裁判提出抗诉34件，法院已改判19件: the protests, after whatever they were of.
            done = max((position + len(verb) for verb in words.verbs
                        if (position := made.rfind(verb)) >= 0 and position + len(verb) < len(made)),
                       default=0)
            things = made[done:]
        if answered is not None and previous.unit == "cases" and not things.endswith(words.countable):
            things += words.case_nouns[0]  # 提出刑事抗诉5件，法院已改判3件: the protest cases.
        if things:
            figure.label = (outcome["outcome"] if outcome is not None else figure.label) + "的" + things
            figure.unit = previous.unit


def name_campaigns(text: str, found: list[Found], words: Words) -> None:
    """Say that the figures after a count of campaigns in its sentence are the campaigns':
    开展“春雷行动”等集中执行行动5次，执结案件692件，执行到位金额6310万元 counts the cases and the
    money of those campaigns (集中执行行动执结案件), never the year's enforcement."""
    for index, figure in enumerate(found):
        if figure.unit not in {"times", "events"} or not figure.label.endswith(words.campaigns):
            continue
        campaign = figure.label.rsplit("等", 1)[-1]
        campaign = campaign.removeprefix(next((verb for verb in words.arrangement
                                               if campaign.startswith(verb)), ""))
        for later in found[index + 1:]:
            if sentence_start(text, later.start) > figure.start:
                break
            if campaign not in later.label:
                later.label = campaign + later.label


def name_involved(text: str, found: list[Found], words: Words) -> None:
    """Say whose an amount or a number of people involved is: 审理…案件123件，涉投资人58.2万人、
    犯罪金额2659亿余元 are those cases' (审理…案件涉投资人), 严惩生产销售假冒食品药品行为，涉案金额
    1000万余元 is that conduct's. A label that is only such a word names nothing by itself."""
    for index, figure in enumerate(found):
        if figure.label not in words.involved:
            continue
        sentence = sentence_start(text, figure.start)
        # After a list of parts (…案件A件，其中X案件B件，Y案件C件，诉讼标的额…), what is involved is
        # the whole's: the parts are said in passing.
        of_which = text.find(words.of_which, sentence, figure.start)
        parts = [other for other in found[:index] if of_which >= 0 and other.start > of_which
                 and other.unit == "cases"]
        last = sentence if len(parts) < 2 else -1
        cases = next((other for other in reversed(found[:index]) if other.start >= sentence
                      and other.unit == "cases" and other.label not in words.involved
                      and (last >= 0 or other.end <= of_which)), None)
        if cases is not None:
            figure.label = cases.label + figure.label
            continue
        # 起诉非法吸收公众存款、集资诈骗犯罪58人，涉案金额4.37亿元: the amount the crimes those
        # people were prosecuted for involve.
        charged = found[index - 1] if index > 0 else None
        if charged is not None and charged.start >= sentence and charged.unit in {"people", "persons"} \
                and charged.label.endswith(words.crimes):
            figure.label = charged.label + figure.label
            continue
        clause = clause_start(text, figure.start)
        opening = text[clause_start(text, max(clause - 1, 0)):max(clause - 1, 0)]
        verb = next((verb for verb in words.crackdown_verbs if opening.startswith(verb)), None)
        if verb is not None and len(opening) > len(verb) + 1:
            figure.label = opening.removeprefix(verb) + figure.label


def name_systems(text: str, found: list[Found], words: Words) -> None:
    """Name the system a bare rate of applying or 该制度 is of: 全面落实认罪认罚从宽制度，适用率92.3%
    is the plea leniency system's rate (认罪认罚从宽制度适用率), as the sentence names it first."""
    for figure in found:
        pronoun = next((word for word in words.this_system if word in figure.label), None)
        if figure.label != words.applied_rate and pronoun is None:
            continue
        named = list(words.system.finditer(text, sentence_start(text, figure.start), figure.start))
        if not named:
            continue
        system = named[-1]["system"]
        figure.label = system + figure.label if pronoun is None else figure.label.replace(pronoun, system)


def name_doers(text: str, found: list[Found], words: Words) -> None:
    """Name who did what a bare verb counts: 充分发挥速裁团队…作用，结案3.42万件 counts 速裁团队结案,
    保障人民陪审员参审权利，参审案件…、出庭10115人次 counts 人民陪审员出庭. The body is the last of
    the lexicon's that the sentence names before the figure; with none, a coercive measure in a
    sentence about enforcement is enforcement's (执行拘留), and any other label stays."""
    for figure in found:
        # 现有人民陪审员1426名，参与审理案件2.38万件: those who took part are said before.
        taking_part = figure.label.startswith(words.taking_part)
        if (len(figure.label) > 2 and not taking_part) or not figure.label or \
                figure.label in words.audiences:
            continue
        before = text[sentence_start(text, figure.start):figure.start]
        named = max(((before.rfind(body), body) for body in words.doers if body in before), default=None)
        if named is not None:
            figure.label = named[1] + figure.label
        elif not taking_part and figure.label in words.enforcement_measures and \
                words.enforcement[0] in before.replace(words.enforcement[1], ""):
            figure.label = words.enforcement[0] + figure.label  # 加强执行强制力度…拘留21人次.


def name_audience(text: str, found: list[Found], words: Words) -> None:
    """Say whose audience a bare count of those reached is: 开展…宣讲46场，受众9800余人次 counts
    the audience of the talks (…宣讲受众), the events counted just before it in the sentence, their
    verb of holding aside. Such a noun is no verb, so no body the sentence names did it."""
    for previous, figure in zip(found, found[1:], strict=False):
        if figure.label in words.audiences and previous.start >= sentence_start(text, figure.start) \
                and previous.unit in {"events", "events-times", "times", "sessions"}:
            held = next((verb for verb in words.arrangement if previous.label.startswith(verb)), "")
            figure.label = previous.label.removeprefix(held) + figure.label


def name_related(text: str, found: list[Found], words: Words) -> None:
    """Say what relates to what a label opening with 涉及 counts: 审结涉外海事案件418件，涉及32个
    国家和地区 counts the countries those cases involve (审结涉外海事案件涉及的国家和地区)."""
    for previous, figure in zip(found, found[1:], strict=False):
        if figure.label.startswith(words.relating) and previous.unit == "cases" and \
                previous.start >= sentence_start(text, figure.start):
            figure.label = previous.label + figure.label
