"""Build the English of who a label names and what it counts, from the vetted vocabulary.

Who did it: a subject the vocabulary lists, or one composed of area, levels and body. What is
counted: an object whole, a head noun with its modifiers (涉外知识产权案件), the examples before
等, a list of things counted together. None wherever a part is unknown: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# A word said twice, the second maybe plural (organised crime crimes: organised crimes).
_REPEATED_WORD = re.compile(r"\b(\w+) \1(s?)\b")
_SIMILAR_CRIME = re.compile(r"\bsimilar crime\b")
# Areas whose staff are not said as across it (_across), and how staff end (检察官, 干警,
# 人民陪审员): a body (全地区法院) is a subject's, not what is counted.
_NOT_ACROSS = ("全国", "全区")
_RELATED = "-related"
_STAFF = ("官", "警", "员")
# 累计 sums over the figure's period, which its English says already (over five years).
# 主动 (of its own accord) says how, not what: 主动记录报告有关事项 counts the matters.
# 一年来, 今年 name the report's year, which a figure without a period counts already.
# 共有 (there are, in all) is tried before 共, 当年 (that year) names the report's year too.
_OPENERS = ("依法", "依约", "共计", "合计", "总计", "累计", "共有", "共", "并", "其中", "全年", "一年来",
            "过去一年", "今年", "当年", "先后", "帮助", "已", "现有", "主动")

# The units of people counted (人, 名).
PEOPLE = frozenset({"people", "persons"})


def subject_of(text: str, words: dict[str, Any]) -> tuple[str, str] | None:
    """Return who a label opens with, as written, and its English (by courts across the city).

    A subject the vocabulary lists is taken first; else one composed of an area, the levels and
    the body (全州两级法院: by courts at both levels across the prefecture), which needs an area or
    a level: a bare 法院 does not say whose courts. An area alone before an act (全市建成…) says
    where it was done (across the city), not by whom; never 全国 or 全区 (see _across).
    """
    if text in words["objects"]:
        return None  # 审判委员会会议: what is counted, not who did it.
    listed = next((name for name in sorted(words["subjects"], key=len, reverse=True)
                   if text.startswith(name)), None)
    if listed is not None:
        return listed, str(words["subjects"][listed])
    parts = words["subject_parts"]
    area = next((name for name in parts["areas"] if text.startswith(name)), "")
    level = next((name for name in parts["levels"] if text[len(area):].startswith(name)), "")
    rest = text[len(area + level):]
    body = next((name for name in sorted(parts["bodies"], key=len, reverse=True)
                 if rest.startswith(name) and rest != name), None)
    if body is None and area and not level and area not in _NOT_ACROSS and \
            open_label(rest, words).startswith(tuple(words["actions"])):
        # 全市建成人民法庭: done across the city, by whom it does not say.
        return area, str(parts["areas"][area])
    if body is None or not (area or level):
        return None
    english = " ".join(str(part) for part in (parts["bodies"][body], parts["levels"].get(level),
                                              parts["areas"].get(area)) if part)
    return area + level + body, f"by {english}"

def thing_english(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of what is counted, whole or built from modifier and head."""
    if text in words["objects"]:
        return str(words["objects"][text])
    across = _across(text, words) or _issued(text, words)
    if across is not None:
        return across
    audience = next((noun for noun in words["audiences"] if text.endswith(noun) and text != noun), None)
    if audience is not None:
        return thing_english(audience, words)  # …宣讲受众: people reached, whatever reached them.
    unquoted = text.replace("“", "").replace("”", "")
    if unquoted != text and unquoted in words["objects"]:
        # “法官工作站”, “法治进校园”活动: a name quoted as the report writes it.
        return str(words["objects"][unquoted])
    if text.startswith("各类") and len(text) > 2 and text not in words["heads"]:
        # 各类金融案件: the kind counted, of all its sorts.
        kinds = thing_english(text[2:], words)
        return f"{kinds} of all kinds" if kinds is not None else None
    if text.endswith("等") and len(text) > 1:
        # 专题培训班等: the kind named, and others the report counts with it; a list named so
        # (人大代表、政协委员、人民监督员等) ends with the others, never "…, B and C and others".
        listed = _listed(text[:-1].split("、"), words) if "、" in text else None
        named = ", ".join(listed) if listed is not None else thing_english(text[:-1], words)
        return f"{named} and others" if named is not None else None
    # 故意杀人等严重暴力犯罪案件: the examples before 等 are left out, the category counted kept.
    # A category that is only a head noun (涉证券、期货、基金等案件) is named by its examples: kept.
    category = text.rsplit("等", 1)[-1] if "等" in text else text
    if category in words["heads"]:
        category = text
    # 草场租金等款项: money is no kind the examples could be dropped for.
    if category != text and (_acts_before(text.rsplit("等", 1)[0], words) or
                             category in words["vague_kinds"]):
        return None
    if category != text and category in words["objects"]:
        return str(words["objects"][category])
    named, _mark, kind = text.rpartition("等")
    whose, mark, given = named.rpartition("的")
    if mark and given and whose + mark + kind in words["objects"]:
        # 司法工作人员利用职权实施的非法拘禁、刑讯逼供等犯罪: the examples after 的 are left out.
        return str(words["objects"][whose + mark + kind])
    for head in sorted(words["heads"], key=len, reverse=True):
        charged = _charged(category.removesuffix(head), head, words) if category.endswith(head) else None
        if charged is not None:
            return charged
        if category.endswith(head):
            # 破产类案件, 社会治理类检察建议: the kind (类) is the modifier's.
            modifier = modifier_english(category.removesuffix(head).removesuffix("类"), words["modifiers"])
            if modifier is None and category == text and "等" in text and not text.startswith("涉"):
                # 故意杀人、强奸、抢劫等案件: the examples name the cases, and others like them (not
                # 涉A、B等: 涉 governs every example, which said one by one it would not).
                examples = [modifier_english(example, words["modifiers"])
                            for example in text.rsplit("等", 1)[0].split("、")]
                modifier = None if None in examples else \
                    ", ".join(str(example) for example in examples) + " and similar"
            if modifier is not None:
                # 涉黑恶犯罪案件: organised crime, in cases of … crime, is said once; 盗窃、诈骗等犯罪案件:
                # cases of theft, fraud and similar crimes, the others being many.
                said = _REPEATED_WORD.sub(r"\1\2", str(words["heads"][head]).format(modifier))
                return _SIMILAR_CRIME.sub("similar crimes", said)
    damaged = next((word for word in words["damaged"]["zh"] if text.startswith(word) and text != word), None)
    if damaged is not None:
        # 被损毁耕地、林地: all the land listed was damaged (damaged cultivated land and forest land).
        land = thing_english(text.removeprefix(damaged), words)
        return None if land is None else str(words["damaged"]["en"]).format(land)
    for mark in ("、", "和", "及"):
        # 代表建议、政协提案, 政治轮训和业务培训: a list of things counted together, each known; not
        # 涉A、B等纠纷案件, whose 涉 and 等 are the whole list's, not its first and last things'.
        listed = _listed(text.split(mark), words) if mark in text and not (
            text.startswith("涉") and "等" in text) else None
        if listed is not None:
            return ", ".join(listed[:-1]) + " and " + listed[-1]
    return None


def _acts_before(examples: str, words: dict[str, Any]) -> bool:
    """Return whether what precedes 等 says what was done, which the category alone would drop.

    查封、扣押、冻结不动产…等财产: acts listed are no examples of the category; 直接立案办理跨市流域
    污染…等重大公益诉讼案件: an act the rules do not know opens the first example. What was done
    is unsaid either way, so nothing is built rather than the bare category.
    """
    listed = examples.split("、")
    first = listed[0]
    if first.startswith("涉"):
        return False  # 涉侦查、起诉、审判等国家赔偿案件: the acts the cases concern.
    if any(example in words["actions"] for example in listed):
        return True
    if first in words["objects"] or first in words["modifiers"]:
        return False  # 执行异议、执行复议等: a kind known whole.
    # An act with what it was done to after it (办理跨市流域污染), not a word ending in one.
    return any(0 <= first.find(action) < len(first) - len(action) - 1
               for action in words["actions"] if len(action) >= 2)


def _across(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of staff of an area (全市检察官: prosecutors across the city;
    全州现有人民陪审员: people's assessors across the prefecture), or None.

    Not 全国 (全国审判业务专家 is a national title, not experts across the country) nor 全区 (a
    district's or a region's: which, the label does not say).
    """
    areas = words["subject_parts"]["areas"]
    area = next((name for name in areas if text.startswith(name) and name not in _NOT_ACROSS), None)
    rest = open_label(text.removeprefix(area), words) if area is not None else ""
    if area is None or rest not in words["objects"] or not rest.endswith(_STAFF):
        return None
    return f"{words['objects'][rest]} {areas[area]}"


def _issued(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of cases a body issued (最高人民检察院指导性案例和典型案例: guiding cases and
    typical cases issued by the Supreme People's Procuratorate), or None unless both are known."""
    issued = words["issued"]
    issuer = next((name for name in issued["by"] if text.startswith(name) and text != name), None)
    if issuer is None or not text.endswith(tuple(issued["kinds"])):
        return None
    kinds = thing_english(text.removeprefix(issuer), words)
    return None if kinds is None else f"{kinds} issued by {issued['by'][issuer]}"


def _listed(parts: list[str], words: dict[str, Any]) -> list[str] | None:
    """Return the English of each thing of a list, or None if any is unknown.

    A thing is known whole, or with the head noun the last one ends with, which the list shares
    (电信网络诈骗及帮助信息网络犯罪活动犯罪: … fraud crimes and crimes of assisting …).
    """
    *first, last = parts
    head = next((head for head in sorted(words["heads"], key=len, reverse=True)
                 if last.endswith(head) and last != head), "")
    listed: list[str] = []
    for part in first:
        english = words["objects"].get(part)
        if english is None and head and part and not part.endswith(head):
            english = thing_english(part + head, words)
        if english is None:
            return None
        listed.append(str(english))
    english = words["objects"].get(last) or thing_english(last, words)
    return [*listed, str(english)] if english is not None else None

def modifier_english(text: str, modifiers: dict[str, str]) -> str | None:
    """Return the English of modifiers written together (涉外知识产权: foreign-related intellectual
    property), each known, longest first; None if any part is unknown."""
    if text in modifiers:
        return modifiers[text]
    related = _related(text, modifiers)
    if related is not None:
        return related
    if "、" in text:
        # 危险驾驶、交通肇事: a list of modifiers, each known; 涉 before a whole first one governs
        # all of it (涉民族团结、宗教: _related), which said one by one it would not.
        written = text.split("、")
        parts = [modifier_english(part, modifiers) for part in written]
        if any(part is None for part in parts) or (
                written[0][1:] in modifiers and not all(part.startswith("涉") for part in written)):
            return None
        listed = [str(part) for part in parts]
        return ", ".join(listed[:-1]) + " and " + listed[-1]
    for known in known_prefixes(text, modifiers):
        if text.startswith(known):
            # 生态环境和资源保护领域公益诉讼: a field (领域) is named by its kind.
            after = text.removeprefix(known)
            if after == "领域":
                return modifiers[known]
            # 征收拆迁类行政: the kind (类) is the modifier's, as 领域 is.
            rest = modifier_english(after.removeprefix("领域").removeprefix("类"), modifiers)
            if rest is not None and modifiers[known].endswith(_RELATED) and (
                    rest.endswith(_RELATED) or rest.split(" ", 1)[0].endswith(_RELATED)):
                # 涉海涉农: sea- and agriculture-related, not sea-related agriculture-related (涉农涉牧
                # 民商事: agriculture- and herding-related civil and commercial).
                return f"{modifiers[known].removesuffix(_RELATED)}- and {rest}"
            if rest is not None:
                return f"{modifiers[known]} {rest}"
    # 涉X: what is related to a known X (涉知识产权: intellectual property-related).
    involving = modifier_english(text[1:], modifiers) if text.startswith("涉") and len(text) > 1 else None
    if involving is not None:
        return f"{involving}-related"
    # 行政诉讼监督和行政非诉执行监督: two kinds, each known (after the whole, as 生态环境和资源保护
    # is one kind).
    parts = [modifier_english(part, modifiers) for part in text.split("和")] if "和" in text else [None]
    return None if None in parts else " and ".join(str(part) for part in parts)


def _related(text: str, modifiers: dict[str, str]) -> str | None:
    """Return the English of a kind qualified by what it concerns (涉网络游戏网络服务合同: online
    game-related online service contract; 涉短视频、网络直播著作权: short video and livestreaming-
    related copyright), or None unless 涉 opens it and every part is known.

    涉 governs the whole list before the kind: the list is said together, then the kind, never one
    item with the kind (short video-related and livestreaming copyright).
    """
    *first, last = text[1:].split("、")
    if not text.startswith("涉") or (last in modifiers and not first):
        return None  # 涉互联网金融: what is known whole is what it concerns (not internet-related finance).
    listed = [modifier_english(part, modifiers) for part in first]
    if None in listed:
        return None
    whole = modifier_english(last, modifiers) if first and all(part in modifiers for part in first) and \
        last.removesuffix("领域") in modifiers else None
    if whole is not None:
        # 涉民族团结、宗教领域: all the list is what the cases concern (ethnic unity and religion-related).
        return f"{and_listed([*(str(part) for part in listed), whole])}-related"
    for known in known_prefixes(last, modifiers):
        # 涉治安管理类行政: the kind (类) is what it concerns, as 领域 is.
        rest = last.removeprefix(known).removeprefix("类")
        kind = modifier_english(rest, modifiers) if rest else None
        if kind is not None:
            return f"{and_listed([*(str(part) for part in listed), modifiers[known]])}-related {kind}"
    return None


def known_prefixes(text: str, known: Mapping[str, Any]) -> list[str]:
    """Return the known words ``text`` opens with, longest first (a lookup per length, not a
    pass over the whole vocabulary)."""
    return [text[:size] for size in range(len(text), 0, -1) if text[:size] in known]


def known_suffixes(text: str, known: Mapping[str, Any]) -> list[str]:
    """Return the known words ``text`` ends with, longest first."""
    return [text[-size:] for size in range(len(text), 0, -1) if text[-size:] in known]


def _charged(text: str, head: str, words: dict[str, Any]) -> str | None:
    """Return the English of crimes named by their charges (假冒注册商标、销售假冒注册商标的商品犯罪:
    crimes of counterfeiting registered trademarks and selling …), or None unless every one
    listed is a charge the vocabulary knows and the head says crimes."""
    if head not in words["charge_heads"] or not text:
        return None
    named = _goods_charge(text, words)
    if named is None:
        charges = re.split("[、和及]", text)
        if any(charge not in words["charges"] for charge in charges):
            return None
        named = and_listed([str(words["modifiers"][charge]) for charge in charges])
    return str(words["charge_heads"][head]).format(named)


def _goods_charge(text: str, words: dict[str, Any]) -> str | None:
    """Return the English of a charge named by the goods it concerns (生产、销售伪劣种子、化肥、农药:
    producing and selling fake or substandard seeds, fertilisers and pesticides), or None."""
    acts = words["charge_goods"]["acts"]
    act = next((act for act in sorted(acts, key=len, reverse=True) if text.startswith(act)), None)
    goods = text.removeprefix(act).split("、") if act is not None else []
    if act is None or any(name not in words["charge_goods"]["goods"] for name in goods):
        return None
    return str(acts[act]).format(and_listed([str(words["charge_goods"]["goods"][name]) for name in goods]))


def and_listed(listed: list[str]) -> str:
    """Return a list said in English (a, b and c)."""
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def open_label(text: str, words: dict[str, Any]) -> str:
    """Take off the words that open a label without saying what is counted (全年共, 其中依法), never
    an action's own first characters (共建)."""
    opened, actions = None, tuple(words["actions"])
    while opened != text:
        opened = text
        for opener in _OPENERS:
            if text.startswith(opener) and \
                    not any(action.startswith(opener) and text.startswith(action) for action in actions):
                text = text.removeprefix(opener)
    return text
