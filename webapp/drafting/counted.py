"""Say what each figure counts: its label, its unit by the noun it counts, its companions.

A label is the phrase before the number in its clause (审结知识产权案件49.6万件), or after it when
the number leads (3700多名退休法官为… counts 退休法官); what it takes from the figures before it
in the sentence (a 分别 list's items, a list's verb, a verb alone, a bare rate, the people of
cases) is ``along.py``'s, what a part takes from its whole ``wholes.py``'s; 相关案件 names the
crimes its sentence names; a case told as a story, a local example or publicity said in passing
is marked.
"""

from __future__ import annotations

import re

from ..markup import closed_up
from .along import (
    LABEL_MAX,
    inherit_verbs,
    label_lists,
    mark_companions,
    share_what_is_counted,
)
from .changes import full_sentence_start, sentence_start
from .found import (
    Found,
    Words,
    count_in_words,
    number_words,
    qualifier_before,
)
from .nouns import (
    FOLLOWER_MAX,
    TO_LEVEL,
    clause_start,
    describes_next,
    first_stop,
    next_break,
    noun_and_predicate,
    share_label,
    with_noun,
    without_openers,
)
from .periods import without_span
from .rates import name_courts_rates, name_rates
from .wholes import (
    name_kinds_of_the_whole,
    name_parts_acted_on,
    name_parts_by_their_whole,
    name_parts_of_a_named_whole,
)
from .whose import (
    name_audience,
    name_campaigns,
    name_crimes,
    name_doers,
    name_involved,
    name_outcomes,
    name_related,
    name_systems,
    resolve_related,
    resolve_the_one_named,
)

_YEAR_AT_END = re.compile(rf"(?:由|从|{TO_LEVEL})?(?:19|20)[0-9]{{2}}年(?:底|末)?(?:的)?$|(?:{TO_LEVEL}|达到"
                          r"|稳定在|保持在|维持在|控制在|由|从)$")
# A verb whose object is a bare act (提出抗诉, 发出建议) counts acts done to whom the 对-phrase
# before it names (对…刑事裁判提出抗诉): that phrase stays in the label.
_BARE_ACT_MAX = 2
# A verb right before these describes what follows (拟不起诉等案件, 起诉的案件): not the clause's.
_ATTRIBUTIVE = re.compile(r"等|的|案件")
_PREPOSITIONS = ("向", "对", "与", "为", "以", "在", "将", "把")
# Words opening with a preposition's character that are none (在线, 在押, 向上, 对外 …).
_WORDS_NOT_PREPOSITIONS = ("在线", "在押", "在建", "在校", "在职", "在逃", "在册", "在岗", "对外", "对口",
                           "为民", "以来")
_MEANS = re.compile(r"^(?:通过|采取|采用)[^，,；;]{1,24}?方式")
_BY, _IN, _DURING = "通过", "在", "中"
# 以拒不执行判决、裁定罪判处5人: the charge a sentence was passed for names what is counted.
_CHARGE = re.compile(r"^以[^，,；;]{2,24}罪")
# A verb's negation is its own (不起诉, 不批准逮捕, 未成年 is no verb at all).
_NEGATIONS = "不未"
_LEADING_NOUN_SPAN = 8
# A label this short naming no noun is a verb alone (结案, 调解成功), 提起公益诉讼 is not.
_BARE_VERB_MAX = 4
# What a verb alone says came of it (调解成功): it counts those of the figure before that it
# succeeded in.
_SUCCEEDED = "成功"
_OCCURRENCES = {"times", "events", "events-times", "person-times", "case-times"}


def label_figures(text: str, found: list[Found], words: Words) -> None:
    """Give every figure found in ``text`` its label and unit, and mark stories and companions."""
    _label_all(text, found, words)
    label_lists(text, found, words)
    inherit_verbs(text, found, words)
    for figure in found:
        if figure.unit == "disputes" and figure.label.startswith(words.court_case_verbs):
            figure.unit = "cases"  # 审结…纠纷117件: disputes a court concluded are its cases.
        if figure.unit in {"people", "persons"} and figure.label.startswith(words.sentencing) and \
                figure.label.endswith(words.penalties):
            figure.label += "的" + words.sentenced[0]  # 判处…有期徒刑至死刑316人: the offenders.
    name_parts_acted_on(text, found, words)
    name_parts_by_their_whole(text, found, words)
    name_kinds_of_the_whole(text, found, words)
    name_parts_of_a_named_whole(text, found, words)
    name_rates(text, found, words)
    # The crimes a bare verb counts are named before its cases' people take its label
    # (严厉打击…海上走私犯罪，起诉6件14人).
    name_crimes(text, found, words)
    mark_companions(text, found, words)
    share_what_is_counted(text, found, words)
    name_courts_rates(text, found, words)
    resolve_related(text, found, words)
    resolve_the_one_named(text, found, words)
    name_involved(text, found, words)
    name_audience(text, found, words)
    name_related(text, found, words)
    name_doers(text, found, words)
    name_systems(text, found, words)
    name_campaigns(text, found, words)
    name_outcomes(text, found, words)
    for figure in found:
        # (结案, 收案 and 立案办理 name the case in themselves.)
        if figure.unit == "cases" and figure.label and "案" not in figure.label and \
                all(verb in words.verbs for verb in without_span(figure.label).split("、")):
            figure.label += words.case_nouns[0]  # 审结、执结37915件: the cases, named by nothing else.

def _label_all(text: str, found: list[Found], words: Words) -> None:
    """Give each figure the phrase it counts: the words before it in its clause, else after it."""
    previous_end = 0
    previous: Found | None = None
    previous_raw = previous_noun = ""
    for figure in found:
        # 受理各类案件同比上升12.4%，达3120件: the words before its change name it.
        phrase_end = figure.start if figure.named_end is None else figure.named_end
        clause_begins = max(previous_end, clause_start(text, phrase_end))
        if previous is not None and previous.companion and previous_end > clause_begins - 1 and \
                closed_up(text[previous_end:phrase_end]).startswith("的"):
            # 判赔金额超过500万元的案件有87件: what the number before describes is what this one counts.
            clause_begins = clause_start(text, phrase_end)
        raw = closed_up(text[clause_begins:phrase_end])
        if previous is not None and clause_begins == previous_end and "、" in raw:
            # 9名干警、地方法院995名干警: the words before 、 are the figure before's; with none
            # of its own (改判6家企业、12名企业经营者), the item shares the list's verb.
            raw = raw[raw.rindex("、") + 1:] or previous_raw
            listed = True
        else:
            listed = False
        previous_raw = raw
        label = _clean_label(raw, words, figure.unit in _OCCURRENCES)
        after = figure.change.end if figure.change else figure.end
        noun, predicate = noun_and_predicate(text, after, words)
        # 来自38个国家和地区的419名法官: a number in what describes the noun another number
        # counts tells of that figure; 21个边境县法院审结各类案件9151件: a number of those who
        # did what the next number counts is its scope. Neither is a figure of its own.
        figure.companion = figure.companion or describes_next(text, after, words)
        share = share_label(text, after, words) if figure.unit == "percent" else None
        # 44人次获…荣誉: a number of people that opens its clause counts those the rest is of.
        measure_noun = words.measure_nouns.get(figure.measure, "") or \
            (words.people_noun if figure.unit in {"people", "persons", "person-times"} and not label else "")
        label = share or with_noun(raw, label, noun, predicate, words, measure_noun)
        if figure.unit in {"people", "persons"} and text.startswith(words.groups, figure.end):
            figure.companion = True  # 组成7人合议庭: the size of a panel, nothing done.
        if not label and found.index(figure) > 0:
            label = found[found.index(figure) - 1].label  # 64期758场: both count one thing.
        if previous is not None and previous_noun and label.startswith(previous_noun) and \
                len(label) > len(previous_noun) and clause_begins == previous_end and not listed:
            # 向3.8万名涉诉困难群众发放司法救助金8.5亿元: the money is what was paid, not the people.
            label = label[len(previous_noun):]
        figure.label = label[-LABEL_MAX:]
        previous_noun = noun or figure.label
        counted = text[clause_start(text, figure.start):figure.end] + _follower(text, figure.end)
        # A case told as a story (张某等14人…, 某上市公司虚增营收11亿元) gives its details, not the
        # court's figures: reports name the parties of such cases with 某.
        figure.routine = _in_passing(text, figure.start, counted, words) or \
            _in_story(text, figure.start, words)
        before = _clean_label(text[clause_begins:phrase_end], words)
        figure.unit = _unit_by_noun(figure, before, _follower(text, figure.end), words)
        if previous is not None and previous.measure == figure.measure and \
                previous.start >= sentence_start(text, figure.start) and \
                len(before) <= _BARE_VERB_MAX and not _names_noun(before, figure.measure, words):
            # 诉前调解纠纷3456件，调解成功2134件: a verb alone, in the same measure, counts the
            # same things as the figure before it (disputes, not cases), and names them as it
            # does (诉前调解成功纠纷).
            figure.unit = previous.unit
            done = figure.label.removesuffix(_SUCCEEDED)
            at = previous.label.find(done) if done != figure.label and done else -1
            if at >= 0:
                figure.label = previous.label[:at] + figure.label + previous.label[at + len(done):]
        previous_end = figure.change.end if figure.change else figure.end
        previous = figure


def _in_passing(text: str, start: int, counted: str, words: Words) -> bool:
    """Tell whether a count of routine publicity (典型案例, 新闻发布会) is said in passing.

    Said of other work (审结环境资源案件368件，发布典型案例2批16件) it is a detail; in a sentence
    about publicity or openness itself (深化司法公开，召开新闻发布会14场…) it is a figure.
    """
    if not any(word in counted for word in words.routine):
        return False
    end = text.find("。", start)
    sentence = text[sentence_start(text, start):end if end >= 0 else len(text)]
    clauses = [clause for clause in re.split(r"[，,；;]", sentence) if clause.strip()]
    if all(any(word in clause for word in words.routine) for clause in clauses):
        return False  # 发布典型案例20件，召开新闻发布会4场: a sentence of publicity alone.
    for word in words.routine:
        sentence = sentence.replace(word, "")
    return not any(topic in sentence for topic in words.publicity_topics)


def _in_story(text: str, start: int, words: Words) -> bool:
    """Tell whether a number stands in a case told as a story or a local example.

    A case names its parties with 某 (张某等14人…, 某上市公司…, 对行贿数额…的被告人周某判处…)
    in the number's own clause or in its sentence's first; a local example opens its sentence
    with a place's court or authorities (浙江法院对…, 江西多部门…), whose numbers are the
    example's, not the report's.
    """
    sentence = sentence_start(text, start)
    first_clause = words.withheld_names.sub("", text[sentence:next_break(text, sentence)])
    own_clause = words.withheld_names.sub("", text[clause_start(text, start):next_break(text, start)])
    if any(marker in first_clause or marker in own_clause for marker in words.story):
        return True
    # An example goes on after a semicolon (上海海事法院推广…；2025年…选择由其管辖23件).
    whole = full_sentence_start(text, start)
    return any(words.example.match(text, opening) is not None for opening in {sentence, whole})


def _clean_label(phrase: str, words: Words, occurrences: bool = False) -> str:
    """Strip markup, qualifiers and words that say nothing of what is counted.

    ``occurrences``: the figure counts how often something was done (次, 场), which an activity's
    对-phrase says what of (对终本案件开展财产复查3.2万次).
    """
    label = re.sub(r"^\d+[.．、]", "", closed_up(phrase)).lstrip("-—•·、")
    label = without_openers(label, words)
    # 全市法院现有员额法官: whose they are stays, the words after it that say nothing go too.
    subject = words.area_subject.match(label)
    if subject is not None and subject.end() < len(label):
        label = label[:subject.end()] + without_openers(label[subject.end():], words)
    # …的案件有87件: there were so many of them; 有 is no part of what is counted, and no one has them.
    label = label.removesuffix("有") if label.endswith(tuple(noun + "有" for noun in words.countable)) \
        else label
    if label in words.existential or label.endswith(words.existential_after):
        return ""
    label = words.partners.sub("", label)  # 联合…开展…活动: what was held, not with whom.
    # 围绕…等问题向有关部门发出司法建议: what was done, not what prompted it.
    grounds = words.grounds.match(label)
    label = label[grounds.end():] if grounds is not None and len(label) > grounds.end() + 1 else label
    # 对认为确有错误的刑事裁判提出抗诉: what every protest is of says nothing of these.
    for said in words.inherent:
        label = label.replace(said, "")
    label = _MEANS.sub("", label)  # 通过诉讼平台、短信等方式电子送达…: how, not what.
    # 通过办案督促清理…, 通过公益诉讼督促…: the work it was done by, not what was done.
    # 在办案中督促补植复绿…: so is the work it was done in.
    by_means = next((len(opening) for means in words.means_of_work
                     for opening in (_BY + means, _IN + means + _DURING) if label.startswith(opening)), 0)
    label = label[by_means:] if len(label) > by_means + 2 else label
    # 规范办理代表建议, 高效审结…: how it was done says nothing of what is counted.
    manner = next((word for word in words.manner if label.startswith(word)
                   and label[len(word):].startswith(words.verbs)), "")
    label = label.removeprefix(manner)
    # 顺利腾退…, 妥善化解…: these never start what is counted, whatever verb follows.
    manner = next((word for word in words.manner_always if label.startswith(word)
                   and len(label) > len(word) + 1), "")
    label = label.removeprefix(manner)
    label = words.verb_adverbs.sub("", words.year_adverbs.sub("", label))
    # …提案共32件: the adverb before the number is no part of what is counted either.
    label = next((label.removesuffix(word) for word in words.sums if label.endswith(word)), label)
    qualifier = qualifier_before(label, words)
    label = label.removesuffix(qualifier[0]) if qualifier else label
    # 由2021年361件增至2025年712件: the years are the figures' periods, not what is counted.
    level = _YEAR_AT_END.sub("", label)
    if level != label:
        # 适用率始终保持在…, 答复率均保持在…: how the level held is no part of what is counted.
        level = next((level.removesuffix(word) for word in words.level_adverbs
                      if level.endswith(word) and len(level) > len(word)), level)
    label = level
    # A noun ending in a particle's character (结案标的) keeps it.
    kept = next((noun for noun in words.particle_nouns if label.endswith(noun)), "")
    label = label.removesuffix(kept).rstrip("的为了是在对向与和及、") + kept
    # …答复率均为100%: how the level held (均, 始终) is no part of what is counted either.
    label = next((label.removesuffix(word) for word in words.level_adverbs
                  if label.endswith(word) and len(label) > len(word) + 1), label)
    if label.startswith(_PREPOSITIONS) and len(label) <= 2:
        return ""
    if label.startswith(_WORDS_NOT_PREPOSITIONS):
        return label  # 在线诉前调解纠纷: 在线 is a word, no 在 of where.
    # 为投资者挽回损失: for whom it was done says whose the amount is, and stays.
    if label.startswith(_PREPOSITIONS) and not _CHARGE.match(label) and not label.startswith("为"):
        # 对抢夺、藏匿未成年子女的父母依法发出人格权侵害禁令: whom it was done to is said first,
        # what is counted after the verb.
        # 在…等单位挂牌6家“普法驿站”: where it was done is said first too. A verb that only
        # describes whom (对拟不起诉等案件举行公开听证) is not the clause's.
        verbs = [(position, verb) for verb in (*words.verbs, *words.arrangement, *words.giving)
                 if (position := label.find(verb, 2)) > 0
                 and not _ATTRIBUTIVE.match(label, position + len(verb))]
        if verbs:
            position, verb = min(verbs)
            act = len(label) - position - len(verb)
            # 对…未成年犯罪嫌疑人依法不起诉: a verb ending the label is done to the 对-phrase,
            # which is what is counted; a verb cut at keeps its negation (不起诉, never 起诉).
            # 对…违法情形提出纠正意见: opinions and suggestions say nothing of what they are on.
            bare = act <= _BARE_ACT_MAX or label[position + len(verb):] in words.bare_acts or \
                (occurrences and verb in words.activities)
            if not (label.startswith("对") and bare):
                position -= label[position - 1] in _NEGATIONS
                label = label[position:]
    return label


def _follower(text: str, end: int) -> str:
    """Return the words after a figure that name what a leading number counts.

    They run to the clause's end, a listing comma, or the first word that starts what is said
    of them (为, 被, 因 … in the lexicon): 3700多名退休法官为化解… counts 退休法官.
    """
    tail = closed_up(text[end:next_break(text, end)])
    tail = re.split(rf"{count_in_words().pattern}|、", tail.lstrip("的"))[0]
    return tail[:first_stop(tail, number_words())][:FOLLOWER_MAX]


def _names_noun(phrase: str, measure: str, words: Words) -> bool:
    """Tell whether ``phrase`` names a noun a unit of ``measure`` counts (纠纷, 建议, 案件 …)."""
    nouns = [noun for units in words.nouns.get(measure, {}).values() for noun in units]
    return any(noun in phrase for noun in (*nouns, *words.case_nouns))


def _unit_by_noun(figure: Found, before: str, after: str, words: Words) -> str:
    """Pick among units sharing a measure word by the noun the figure counts (纠纷 → disputes).

    The noun counted stands nearest the number: at the end of the words before it, or, for a
    number that comes first (将42家单位纳入法院…), at the start of the words after it.
    """
    measure = next((word for word, unit in words.measures if unit == figure.unit), "")
    before = re.sub(rf"{words.each}为?$", "", before)
    choices = words.nouns.get(measure)
    if not choices:
        return figure.unit
    # The noun follows a number that opens its clause, or that comes after all the area's courts
    # (全地区法院14个集体…) or examples (第二检察部等五个集体…), which it does not count.
    leading = len(before) <= 2 or words.area_subject.fullmatch(before) is not None or before.endswith("等")
    # After a leading number, a noun further than a few characters on is the rest of the
    # clause's (纳入法院调解平台), not what the number counts.
    phrase = after[:_LEADING_NOUN_SPAN] if leading else before
    together = next((unit for unit, nouns in words.together.get(measure, {}).items()
                     if all(noun in phrase for noun in nouns)), None)
    if together is not None:
        return together
    ending = next((unit for unit, nouns in words.ending.get(measure, {}).items()
                   if not leading and phrase.endswith(tuple(nouns))), None)
    if ending is not None:
        return ending
    named = any(phrase.endswith(noun) for nouns in choices.values() for noun in nouns)
    if figure.unit == "cases" and not leading and phrase.endswith(words.case_nouns) and not named:
        return figure.unit
    best: tuple[int, str] = (len(phrase) + 1, figure.unit)
    for unit, nouns in choices.items():
        ending_only = () if leading else words.ending.get(measure, {}).get(unit, ())
        for noun in nouns:
            if noun in ending_only:
                continue  # Only where it ends the words before the number, as read above.
            position = phrase.find(noun) if leading else phrase.rfind(noun)
            distance = position if leading else len(phrase) - position - len(noun)
            if position >= 0 and distance < best[0]:
                best = (distance, unit)
    return best[1]
