"""Read the noun after a figure's measure word and what its clause says became of it.

对2356名…未成年人判处五年以上重刑, 认定69件已诉案件不应作为犯罪处理, 推动2.9万家“僵尸企业”依法
出清, 在10起案件中启用…: the label names the noun counted with its outcome, as an editor writes it
(counted.py gives every figure its label; this is the part after the number).
"""

from __future__ import annotations

import re

from ..markup import closed_up
from .found import CLAUSE_BREAK, CLOSING_QUOTES, OPENING_QUOTES, Words, count_in_words
from .lexicon import segmenter

FOLLOWER_MAX = 16
# What a clause says of people or things after a preposition (为化解…, 因…) is no outcome of
# theirs, except its passive end (因…违纪违法被查处: 被查处).
_PREPOSITION_STOPS = ("为", "被", "因", "在", "对", "将", "于", "从", "向", "以")
_PASSIVE = re.compile(r"被[\u4e00-\u9fff]{1,4}$")
_PASSIVE_MARK = "被"
_WHERE = ("在", "依托", "借助")
_ALL = "全部"
# 在…评选中获奖: the event in which what is counted came to what follows.
_IN_EVENT = re.compile(r"在[^，,；;。]{2,24}?中")
# 2024年审结…: a year opening the clause is the figures' period (periods.py), not what they
# count; 2024年以来, 2024年底 and dates say more than the year and stay.
# 增至, 提升到: the verb of a level reached (由2019年的248件增至2024年的371件).
TO_LEVEL = r"(?:(?:提高|提升|上升|增长|增加|下降|降低|减少|回落|缩短|延长|调整|增|升|降)?(?:至|到)|调整为)"
_NEXT_LEVEL = re.compile(rf"{TO_LEVEL}(?:(?:19|20)[0-9]{{2}}年)?(?:的)?")
# The words that join a list's last item (12件和13件); with 或, no noun of what a figure counts.
LIST_JOINS = ("和", "及", "以及")
# What stands between the figures or items of a list (12件、13件和14件).
ITEM_JOINS = ("、", *LIST_JOINS)
_JOINS = (*LIST_JOINS, "或")
_YEAR_AT_START = re.compile(r"^(?:19|20)[0-9]{2}年(?![0-9月度底初末前后以])"
                            # 截至2025年底累计…: the end of a sum, said by its period (累计).
                            r"|^(?:截至|截止)到?(?:19|20)[0-9]{2}年(?:底|末|[0-9]{1,2}月(?:底|末)?)?")


def without_openers(phrase: str, words: Words) -> str:
    """Return ``phrase`` without the words that open a clause and say nothing of what is
    counted (全年共, 依法, 其中 …), however many stand in a row, and the year it opens with."""
    changed = True
    while changed and phrase:
        phrase, years = _YEAR_AT_START.subn("", phrase)
        changed = years > 0
        for opener in words.openers:
            if phrase.startswith(opener):
                phrase, changed = phrase[len(opener):], True
    return phrase


def clause_start(text: str, offset: int) -> int:
    """Return where the clause holding ``offset`` starts; a short aside in brackets, （认可）, is
    part of it."""
    start = max((text.rfind(char, 0, offset) for char in CLAUSE_BREAK), default=-1) + 1
    if start >= 1 and text[start - 1] in "）)":
        opening = max(text.rfind("（", 0, start - 1), text.rfind("(", 0, start - 1))
        if 0 <= opening and start - 1 - opening <= 5:
            return clause_start(text, opening)
    return start


def next_break(text: str, offset: int) -> int:
    """Return where the clause holding ``offset`` ends."""
    ends = [position for char in CLAUSE_BREAK if (position := text.find(char, offset)) >= 0]
    return min(ends, default=len(text))


def with_noun(raw: str, before: str, noun: str, predicate: str, words: Words,
              measure_noun: str = "") -> str:
    """Return the label of a figure whose measure word is followed by the noun it counts.

    对2356名…未成年人判处五年以上重刑 counts 判处五年以上重刑的…未成年人; 认定69件已诉案件不应作为
    犯罪处理, 认定不应作为犯罪处理的已诉案件 (a verb of deciding stays: what was decided of them);
    推动2.9万家“僵尸企业”依法出清, 依法出清的“僵尸企业” (a verb of helping goes: the outcome is
    what is counted); 惩处唐仁健、罗保铭等57名原中管干部, 惩处原中管干部 (the names before 等 are
    examples); 出台…25条举措, 出台…举措; 9名干警…被查处, 被查处的…干警.
    """
    if raw.endswith("在") and noun.startswith("中") and measure_noun:
        noun, predicate = "", noun + predicate  # 在10案中启用…: the measure word names the cases.
    if not noun and predicate.startswith(words.second_predicate):
        return before
    if not noun and predicate:
        # 7案入选…: what the measure word names is what is counted; a measure word that names
        # nothing (宣告294人无罪) leaves the words after it as they are.
        noun, predicate = (measure_noun, predicate) if measure_noun else (predicate, "")
    if not noun:
        return before
    whole = noun + predicate
    inside = whole.find("中")
    if raw.endswith("在") and 0 < inside <= FOLLOWER_MAX // 2 and whole[inside + 1:]:
        # 在10起案件中启用社会观护程序: the cases in which it was done.
        return whole[inside + 1:] + "的" + whole[:inside]
    if before.endswith("等"):
        first = before.split("、", 1)[0]
        relating = max((first.find(verb) + len(verb) for verb in words.relating if verb in first), default=0)
        # 当事人涉及美国、日本等31个国家和地区: the examples go, whose they are stays.
        before = first[:relating] or words.opening_verb(first)
        raw = before
    raw = without_openers(raw, words)
    # The clause opens with the number (100个“枫桥式人民法庭”示范引领), or with words that say
    # nothing of it (全院共有9个集体…, 全年有5个集体…).
    # 9个基层检察院被评为全国先进基层检察院, 2篇案例被上级法院采用: what was done to them,
    # however long, is what they are counted by.
    passive_end = _PASSIVE.search(predicate)
    passive = predicate if predicate.startswith(_PASSIVE_MARK) else passive_end.group() if passive_end else ""
    # Those of all the area's courts are what the rest says of them (全省1600名检察官担任…); to
    # what was done to them, the courts they are of stay said (全市法院3名干警…被查处).
    leading = not raw or raw in words.existential or raw.endswith(words.existential_after) or \
        (words.area_subject.fullmatch(raw) is not None and not passive)
    event = _IN_EVENT.match(predicate)
    if event is not None and predicate.startswith(words.follower_stops, event.end()):
        pass  # 7篇裁判文书在…评选中获奖: what they won in is what is said of them.
    elif predicate.startswith(_PREPOSITION_STOPS):
        predicate = passive
    if not predicate and before.endswith(words.relating):
        return before + "的" + noun  # 当事人涉及32个国家和地区: the countries the parties involve.
    if not predicate:
        return before + noun
    raw = raw.lstrip("-—•·")  # A list item's bullet says nothing of it.
    marker = next((word for word in words.object_markers if raw.startswith(word)), None)
    if marker is not None and not any(verb in raw for verb in words.verbs):
        # 对2356名…未成年人判处…, 将42家单位纳入…, 向19名困难群众发放…: what was done to them;
        # people named by nothing but the measure word (将1376人纳入…) by what was done alone.
        whom = raw.removeprefix(marker) + noun
        return predicate if whom == words.people_noun else predicate + "的" + whom
    if raw.startswith(_WHERE) and not any(verb in raw for verb in words.verbs) and predicate:
        # 在全区18个街道设立“法官工作站”, 依托全区1286名网格员协助…: where it was done, or by
        # whom, is what is counted.
        return predicate + "的" + noun
    if raw.endswith(words.object_markers) and not any(verb in raw for verb in words.verbs):
        # 新区法院与12个街道建立…机制: so too after who did it, who is not what is counted.
        return predicate + "的" + noun
    causative = next((verb for verb in words.causative if before.endswith(verb)), None)
    if causative is not None:
        return predicate + "的" + before.removesuffix(causative) + noun
    if before.endswith(words.pivots):
        return before + predicate + "的" + noun
    if leading:
        # 12个乡镇全部建立…: how many of them did is no part of what they did.
        return predicate.removeprefix(_ALL) + "的" + noun
    if passive and not before.startswith(words.verbs):
        return predicate + "的" + before + noun  # Those of a named body: 最高人民法院9名干警.
    # Another verb before the number (选派248名优秀干部援藏): what it did, to whom.
    return before + noun if len(before) <= 2 else before


def share_label(text: str, end: int, words: Words) -> str | None:
    """Return the label of a percentage that is a share (实现75%的劳动争议以非诉方式化解: 以非诉
    方式化解的劳动争议占比), or None if the percentage is not followed by 的 and what it is of.

    What it is of runs to the first preposition or word that starts what is said of it.
    """
    tail = closed_up(text[end:next_break(text, end)])
    if not tail.startswith("的") or len(tail) < 3:
        return None
    tail = tail[1:]
    stops = [position for word in (*_PREPOSITION_STOPS, *words.follower_stops)
             if (position := tail.find(word, 2)) > 0]
    at = min(stops, default=len(tail))
    noun, predicate = tail[:at], tail[at:]
    if not predicate and not noun.endswith(words.countable):
        return None  # 达到95%的水平: a level, not a share of things counted.
    return (predicate + "的" if predicate else "") + noun + words.share


def noun_and_predicate(text: str, end: int, words: Words) -> tuple[str, str]:
    """Return the noun after a figure's measure word and what its clause says of it after.

    The noun runs to a word that starts what is said of it (依法, 判处, 被, 为 … in the lexicon),
    or to the closing quote of a quoted name (100个“枫桥式人民法庭”示范引领); a list of counted
    items (6家企业、12名企业经营者无罪) shares what is said of the last.
    """
    tail = closed_up(text[end:next_break(text, end)]).lstrip("的")
    if tail.startswith(words.second_predicate):
        return "", tail  # 收集代表意见建议108条并认真落实: what else was done is no part of it.
    numbers = list(count_in_words().finditer(tail))
    if numbers:
        item = tail[:numbers[0].start()]
        if _NEXT_LEVEL.fullmatch(item) or item in _JOINS:
            # 由248件增至371件, 分别为12件和13件: what follows is the level reached, or the next
            # item of a list, no noun.
            return "", ""
        if "、" not in item:
            return _split_noun(item, words)
        rest = tail[numbers[-1].end():]
        measure = next((word for word, _unit in words.measures if rest.startswith(word)), "")
        return item[:item.rindex("、")], _split_noun(rest.removeprefix(measure), words)[1]
    return _split_noun(tail, words)


def describes_next(text: str, end: int, words: Words) -> bool:
    """Tell whether the number ending at ``end`` describes what the next number of its clause
    counts (来自38个国家和地区的419名法官; 21个边境县法院审结各类案件9151件)."""
    tail = closed_up(text[end:next_break(text, end)])
    number = count_in_words().search(tail)
    if number is None or "、" in tail[:number.start()]:
        return False
    between = tail[:number.start()]
    # …超过500万元的案件有87件: a threshold of what the next number counts.
    return between.endswith("的") or between.startswith("的") or \
        any(between.find(verb, 2) > 0 for verb in words.verbs)


def _split_noun(phrase: str, words: Words) -> tuple[str, str]:
    if phrase[:1] and phrase[0] in OPENING_QUOTES:
        close = min((position for char in CLOSING_QUOTES
                     if (position := phrase.find(char)) > 0), default=-1)
        if close > 0:
            return phrase[:close + 1], phrase[close + 1:]
    at = first_stop(phrase, words)
    return phrase[:at][:FOLLOWER_MAX], phrase[at:]



def first_stop(phrase: str, words: Words) -> int:
    """Return where the first word that starts what is said of those counted stands, or the
    phrase's length: a stop counts only where a word begins (对 in 相对薄弱 is none).

    It may stand first where the measure word names what is counted itself (7案入选…): a stop
    of two characters there, or a one-character one that is a word of its own.
    """
    stops = sorted(position for word in words.follower_stops
                   if (position := phrase.find(word, 2)) > 0)
    tokens = segmenter().lcut(phrase)
    if tokens and any(phrase.startswith(word) and (len(word) > 1 or tokens[0] == word)
                      for word in words.follower_stops):
        return 0
    starts, where, offset = set(), set(), 0
    for token in tokens:
        starts.add(offset)
        if offset >= 2 and token.startswith(words.follower_stops_where) and \
                token not in words.words_not_where:
            where.add(offset)
        offset += len(token)
    return min((position for position in (*stops, *where) if position in starts), default=len(phrase))
