"""Find the figures a report states: number, unit, qualifier, change and the phrase they count.

A figure is a number followed by a measure word (件, 人次, 万元, %, 个百分点 …), with an optional
qualifier before it (突破, 超过, 达, 近, 约) or after it (余, 多, 以上), and an optional change
right after it (同比上升10.2%, 上升5.5个百分点, 上升1.4倍, 同比下降). Numbers are read as reports
write them: 1.95万, 72.58亿, full-width digits, and Chinese numerals of more than one character
(二千九百一十二). What is not a quantity is left alone: years and dates, ordinals (第四次), ranks
(十大), numbers inside quotation marks or titles (“十四五”, “1+1+1”, 《…》), and the one-character
Chinese numerals of set phrases (三个规定, 一站式).

Each figure is also judged *key* or not, by rules of the genre: vague round numbers written in
words (百余场), the number of people counted with a number of cases (143件211人, 6件，判处罪犯51人:
the defendants of those cases), batches (2批), routine publicity (典型案例, 新闻发布会), and a number
put between a verb of holding or setting up and what was held (召开6场…, 建成11个…: Chinese puts
the figure it stresses at the end of the clause, 审结刑事案件1857件) are read but not key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from ..content.models import Qualifier
from .changes import ListedChange, listed_changes, sentence_start, year_on_year
from .lexicon import lexicon

_ARABIC = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
_CHINESE = "零〇一二两三四五六七八九十百千万亿"
_CHINESE_DIGITS = "零〇一二两三四五六七八九"
_NUMBER = re.compile(rf"(?P<arabic>{_ARABIC})|(?P<chinese>[{_CHINESE}]{{2,}})")
_GAP = re.compile(r"[\s*]*")
_SCALE = re.compile(r"万亿|[万亿]")
_OPENING_QUOTES = "“「『《〈"
_CLOSING_QUOTES = "”」』》〉"
# Where a label starts: after a clause's punctuation.
_CLAUSE_BREAK = "，,；;。：:！？!?（(）)\n"
_SENTENCE_BREAK = "。！？；;!?\n"
_SCALE_VALUES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
_LABEL_MAX = 40
_YEAR_AT_END = re.compile(r"(?:由|从|增至|降至|升至|到|至)?(?:19|20)[0-9]{2}年(?:的)?$"
                          r"|(?:增至|升至|降至|增加到|提高到|达到)$")
_PREPOSITIONS = ("向", "对", "与", "为", "以", "在")
_FOLLOWER_MAX = 16
_LEADING_NOUN_SPAN = 8


@dataclass(frozen=True)
class FoundChange:
    """A change stated right after a figure (or on its own)."""

    value: Decimal
    unit: str
    direction: str
    written: str
    end: int
    basis: bool


@dataclass
class Found:
    """A figure found in a text: offsets are into that text."""

    start: int
    end: int
    value: Decimal
    written: str
    unit: str
    qualifier: Qualifier | None = None
    change: FoundChange | None = None
    label: str = ""
    vague: bool = False
    companion: bool = False
    routine: bool = False
    split: bool = False
    # The number of people right after a number of cases (4.6万件5.3万人): a figure of its own.
    people_of_cases: bool = False
    arrangement: bool = False

    @property
    def key(self) -> bool:
        """Tell whether the figure is a key figure of the report (see the module's rules)."""
        return not (self.vague or self.companion or self.routine or self.arrangement or self.split
                    or self.unit == "batches")


def to_ascii_digits(text: str) -> str:
    """Return ``text`` with full-width digits and points as ASCII (NFKC leaves CJK alone)."""
    return unicodedata.normalize("NFKC", text)


def chinese_value(numeral: str) -> Decimal | None:
    """Read a Chinese numeral (二千九百一十二 → 2912) with cn2an, or None if it is not one."""
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None


@dataclass(frozen=True)
class _Words:
    measures: tuple[tuple[str, str], ...]
    qualifiers_before: tuple[tuple[str, str], ...]
    qualifiers_after: dict[str, str]
    trailing: tuple[tuple[str, str], ...]
    change: re.Pattern[str]
    up: frozenset[str]
    nouns: dict[str, dict[str, list[str]]]
    case_nouns: tuple[str, ...]
    ordinal_before: tuple[str, ...]
    rank_after: tuple[str, ...]
    duration_before: tuple[str, ...]
    openers: tuple[str, ...]
    routine: tuple[str, ...]
    arrangement: tuple[str, ...]
    sentencing: tuple[str, ...]
    people_of_cases: str
    each: str
    follower_stops: tuple[str, ...]
    story: tuple[str, ...]
    example: re.Pattern[str]
    verbs: tuple[str, ...]
    case_types: tuple[str, ...]
    of_which: str
    countable: tuple[str, ...]
    related: str
    crackdown: re.Pattern[str]
    heads: tuple[str, ...]


@cache
def _words() -> _Words:
    numbers = lexicon().mapping("numbers")
    longest_first = sorted(numbers["measures"].items(), key=lambda item: -len(item[0]))
    basis = "|".join(map(re.escape, numbers["change_basis"]))
    directions = "|".join(map(re.escape, [*numbers["change_up"], *numbers["change_down"]]))
    amount_units = "|".join(map(re.escape, [word for word, _ in longest_first]))
    change = (rf"(?P<basis>{basis})?(?:了|进一步|再)?(?P<direction>{directions})了?{_rate_link()}[\s*]*"
              rf"(?P<amount>{_ARABIC})[\s*]*(?P<unit>{amount_units})")
    return _Words(
        measures=tuple(longest_first),
        qualifiers_before=tuple(sorted(numbers["qualifiers_before"].items(), key=lambda i: -len(i[0]))),
        qualifiers_after=dict(numbers["qualifiers_after"]),
        trailing=tuple(numbers["qualifiers_trailing"].items()),
        change=re.compile(r"[\s*]*[，,]?[\s*]*" + change),
        up=frozenset(numbers["change_up"]),
        nouns={measure: dict(units) for measure, units in numbers["nouns"].items()},
        case_nouns=tuple(numbers["case_nouns"]),
        ordinal_before=tuple(numbers["ordinal_before"]),
        rank_after=tuple(numbers["rank_after"]),
        duration_before=tuple(numbers["duration_before"]),
        openers=tuple(sorted(numbers["label_openers"], key=len, reverse=True)),
        routine=tuple(numbers["routine_objects"]),
        arrangement=tuple(numbers["arrangement_verbs"]),
        sentencing=tuple(numbers["sentencing_verbs"]),
        people_of_cases=numbers["people_of_cases"],
        each=numbers["change_each"],
        follower_stops=tuple(numbers["follower_stops"]),
        story=tuple(numbers["case_story"]),
        example=re.compile("(?:" + "|".join(map(re.escape, numbers["places"])) + ")"
                           r"[\u4e00-\u9fff]{0,8}?(?:法院|检察院|多部门|各级)"),
        verbs=tuple(sorted(numbers["label_verbs"], key=len, reverse=True)),
        case_types=tuple(numbers["case_types"]),
        of_which=numbers["of_which"],
        countable=tuple(numbers["countable_nouns"]),
        related=numbers["related"],
        crackdown=re.compile("(?:" + "|".join(map(re.escape, numbers["crackdown_verbs"]))
                             + r")(?P<crime>[^，,。；;]{2,20}?犯罪)"),
        heads=tuple(sorted(numbers["head_nouns"], key=len, reverse=True)),
    )


def find_figures(text: str) -> list[Found]:
    """Return every figure stated in ``text`` (one block's text), in reading order."""
    words = _words()
    quoted = _quoted_spans(text)
    lists = listed_changes(text)
    # The amounts of a list of changes are read with the list, never as figures.
    skipped = quoted + [(listed.start, listed.end) for listed in lists]
    found: list[Found] = []
    position = 0
    for match in _NUMBER.finditer(text):
        if match.start() < position or _in_spans(match.start(), skipped):
            continue
        figure = _figure_at(text, match, words)
        if figure is None:
            continue
        found.append(figure)
        position = figure.change.end if figure.change else figure.end
    _label_all(text, found, words)
    _label_lists(text, found, words)
    _inherit_verbs(text, found, words)
    _resolve_related(text, found, words)
    _mark_companions(text, found, words)
    for listed in lists:
        _attach_list(text, listed, found)
    return found


def _attach_list(text: str, listed: ListedChange, found: list[Found]) -> None:
    """Give each of the figures a list of changes follows its change, in order, if they match.

    The figures are the last ones of the sentence before the list, one for each amount, none
    with a change of its own, nothing but punctuation and a year-on-year basis after the last.
    """
    start = sentence_start(text, listed.start)
    before = [figure for figure in found
              if start <= figure.start and figure.end <= listed.start and not figure.people_of_cases]
    targets = before[-len(listed.amounts):]
    if len(targets) != len(listed.amounts) or any(figure.change for figure in targets) or \
            not year_on_year(text[targets[-1].end:listed.start]):
        return
    for figure, (value, unit, written, _start, _end) in zip(targets, listed.amounts, strict=True):
        figure.change = FoundChange(value, unit, listed.direction, written, listed.end, True)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans inside quotation marks and book-title marks (names, not quantities)."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in _OPENING_QUOTES:
            opened.append(index)
        elif char in _CLOSING_QUOTES and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, index + 1))
    return spans


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _figure_at(text: str, match: re.Match[str], words: _Words) -> Found | None:
    """Read the figure whose number ``match`` found, or None if it is not a quantity."""
    start, cursor = match.start(), match.end()
    before = text[max(0, start - 4):start]
    after_number = text[cursor:cursor + 2]
    if any(before.endswith(word) for word in words.ordinal_before):
        return None
    previous, following = before[-1:], after_number[:1]
    if (previous and previous in "+＋-—–/／.．") or (following and following in "+＋-—–/／") or \
            (previous.isascii() and previous.isalpha()):
        return None
    early = ""
    if match["chinese"]:
        numeral = match["chinese"]
        value = chinese_value(numeral)
        if value is None or numeral[0] in "万亿":
            return None
        written = numeral
    else:
        digits = to_ascii_digits(match["arabic"]).replace(",", "")
        if len(digits.split(".")[0]) > 12:
            return None  # A telephone or document number, not a quantity.
        value = Decimal(digits)
        written = match["arabic"]
        gap = _GAP.match(text, cursor)
        at = gap.end() if gap else cursor
        # 220余万件: the qualifier stands between the number and its scale.
        early = text[at:at + 1] if text[at:at + 1] in words.qualifiers_after and \
            _SCALE.match(text, at + 1) else ""
        scale = _SCALE.match(text, at + 1 if early else at)
        if scale:
            value *= _SCALE_VALUES[scale[0]]
            written += scale[0]
            cursor = scale.end()
    rest = _GAP.match(text, cursor)
    cursor = rest.end() if rest else cursor
    qualifier: str | None = words.qualifiers_after.get(early) if early else None
    vague = False
    after = text[cursor:cursor + 1]
    if after in words.qualifiers_after or (match["chinese"] and after == "来"):
        qualifier = words.qualifiers_after.get(after, "over")
        cursor = (_GAP.match(text, cursor + 1) or rest).end() if rest else cursor + 1
        vague = bool(match["chinese"])
    measure = next(((word, unit) for word, unit in words.measures if text.startswith(word, cursor)), None)
    if measure is None:
        return None
    word, unit = measure
    end = cursor + len(word)
    if not _is_quantity(text, start, end, word, unit, value, match, words):
        return None
    if match["chinese"] and not vague:
        vague = _is_round(match["chinese"]) or text[max(0, start - 1):start] in {"上", "数", "几"}
    after_measure = _GAP.match(text, end)
    for trailing, trailing_qualifier in words.trailing:
        if after_measure and text.startswith(trailing, after_measure.end()):
            qualifier = qualifier or trailing_qualifier
            end = after_measure.end() + len(trailing)
    if qualifier is None:
        qualifier = _qualifier_before(text, start, words)
    figure = Found(start, end, value, written.replace(",", ""), unit, qualifier, vague=vague)  # type: ignore[arg-type]
    # 220余万: read, but its wording (220万) does not stand in the text as a figure's `written`
    # must; left for a person rather than drafted against the content check.
    figure.split = bool(early)
    if unit in {"percent", "points", "fold"} and _change_before(text, start, words):
        return None  # The amount of a change: a change is never a figure of its own.
    figure.change = _change_after(text, end, words)
    return figure


def _is_quantity(text: str, start: int, end: int, word: str, unit: str, value: Decimal,
                 match: re.Match[str], words: _Words) -> bool:
    """Tell whether a number with a measure word counts something (not a date, rank or name)."""
    following = text[end:end + 1]
    if unit == "years":
        # 2023年 is a date; 连续18年 a duration.
        return value < 100 and not (following and following in "月度底初末前后级") and any(
            text[max(0, start - 6):start].rstrip("* ").endswith(cue) for cue in words.duration_before)
    if unit == "count" and following == "月":
        return False  # 三个月: a duration.
    if following and following.isascii() and following.isalpha():
        return False  # 5G, 3D: a name, not a measure.
    if match["arabic"] and any(text.startswith(rank, match.end()) for rank in words.rank_after):
        return False
    if word in {"人", "名", "家", "个"} and text[end:end + 2] in {"民法", "民陪", "民调"}:
        return False  # 5人民法庭: the number belongs to something else.
    return not (len(match.group()) == 1 and not match["arabic"])


def _is_round(numeral: str) -> bool:
    """Tell whether a Chinese numeral is a round figure of speech (百, 两千, 数十), not a count."""
    significant = [char for char in numeral if char in _CHINESE_DIGITS and char not in "零〇"]
    return len(significant) <= 1


def _qualifier_before(text: str, start: int, words: _Words) -> Qualifier | None:
    before = re.sub(r"[\s*]+", "", text[max(0, start - 8):start])
    for word, qualifier in words.qualifiers_before:
        if before.endswith(word):
            return qualifier  # type: ignore[return-value]
    return None


def is_change_amount(text: str, start: int) -> bool:
    """Tell whether the number at ``start`` of ``text`` is the amount of a change (下降15.2%)."""
    return _change_before(text, start, _words())


def _change_before(text: str, start: int, words: _Words) -> bool:
    before = text[max(0, start - 6):start].rstrip(" *了")
    numbers = lexicon().mapping("numbers")
    directions = [*words.up, *numbers["change_down"],
                  *(noun + link for noun in numbers["change_rate_nouns"] for link in numbers["change_links"])]
    return any(before.endswith(word) for word in directions)


def _rate_link() -> str:
    """Return the pattern of a link after a noun of change (增幅为12%): never after a verb,
    as 上升为5% states the level reached, not the change."""
    numbers = lexicon().mapping("numbers")
    after = "|".join(f"(?<={re.escape(noun)})" for noun in numbers["change_rate_nouns"])
    links = "|".join(map(re.escape, sorted(numbers["change_links"], key=len, reverse=True)))
    return rf"(?:(?:{after})(?:{links}))?"


def _change_after(text: str, end: int, words: _Words) -> FoundChange | None:
    """Read a change stated right after a figure: ，同比上升10.2% / 同比上升48件."""
    match = words.change.match(text, end)
    if match is None:
        return None
    return _change_from(match, words)


def _change_from(match: re.Match[str], words: _Words) -> FoundChange | None:
    unit = dict(words.measures)[match["unit"]]
    direction = "up" if match["direction"] in words.up else "down"
    if unit == "fold" and direction == "down":
        return None  # 下降1倍 would be -100%: not a change a figure can state.
    amount = match["amount"]
    written = amount + ("%" if unit == "percent" and match["unit"] == "%" else "")
    if unit == "percent" and match["unit"] != "%":
        written = amount + match["unit"]
    return FoundChange(Decimal(to_ascii_digits(amount)), unit, direction, written, match.end(),
                       bool(match["basis"]))


def _label_all(text: str, found: list[Found], words: _Words) -> None:
    """Give each figure the phrase it counts: the words before it in its clause, else after it."""
    previous_end = 0
    previous: Found | None = None
    for figure in found:
        clause_start = max(previous_end, _last_break(text, figure.start))
        phrase_end = figure.start
        label = _clean_label(text[clause_start:phrase_end], words)
        if len(label) <= 2:
            # A leading number (向19名困难群众…) or a bare verb (开展8次…): the words after it
            # say what it counts.
            label += _follower(text, figure.change.end if figure.change else figure.end)
        if not label and found.index(figure) > 0:
            label = found[found.index(figure) - 1].label  # 64期758场: both count one thing.
        if previous is not None and previous.label and label.startswith(previous.label) and \
                len(label) > len(previous.label) and clause_start == previous_end:
            # 向3.8万名涉诉困难群众发放司法救助金8.5亿元: the money is what was paid, not the people.
            label = label[len(previous.label):]
        figure.label = label[-_LABEL_MAX:]
        counted = text[_last_break(text, figure.start):figure.end] + _follower(text, figure.end)
        # A case told as a story (张某等14人…, 某上市公司虚增营收11亿元) gives its details, not the
        # court's figures: reports name the parties of such cases with 某.
        figure.routine = any(word in counted for word in words.routine) or \
            _in_story(text, figure.start, words)
        before = _clean_label(text[clause_start:phrase_end], words)
        figure.unit = _unit_by_noun(figure, before, _follower(text, figure.end), words)
        figure.arrangement = len(before) <= 2 and any(
            re.sub(r"[\s*]+", "", text[clause_start:figure.start]).endswith(verb)
            for verb in words.arrangement) and bool(_follower(text, figure.end))
        previous_end = figure.change.end if figure.change else figure.end
        previous = figure


def _in_story(text: str, start: int, words: _Words) -> bool:
    """Tell whether a number stands in a case told as a story or a local example.

    A case names its parties with 某 (张某等14人…, 某上市公司…) in the number's own clause or in
    its sentence's first; a local example opens its sentence with a place's court or authorities
    (浙江法院对…, 江西多部门…), whose numbers are the example's, not the report's.
    """
    sentence = _last_sentence_break(text, start)
    first_clause = text[sentence:_next_break(text, sentence)]
    own_clause = text[_last_break(text, start):start]
    if any(marker in first_clause or marker in own_clause for marker in words.story):
        return True
    return words.example.match(text, sentence) is not None


def _last_sentence_break(text: str, offset: int) -> int:
    return max((text.rfind(char, 0, offset) for char in _SENTENCE_BREAK), default=-1) + 1


def _last_break(text: str, offset: int) -> int:
    """Return where the clause holding ``offset`` starts; a short aside in brackets, （认可）, is
    part of it."""
    start = max((text.rfind(char, 0, offset) for char in _CLAUSE_BREAK), default=-1) + 1
    if start >= 1 and text[start - 1] in "）)":
        opening = max(text.rfind("（", 0, start - 1), text.rfind("(", 0, start - 1))
        if 0 <= opening and start - 1 - opening <= 5:
            return _last_break(text, opening)
    return start


def _next_break(text: str, offset: int) -> int:
    ends = [position for char in _CLAUSE_BREAK if (position := text.find(char, offset)) >= 0]
    return min(ends, default=len(text))


def _clean_label(phrase: str, words: _Words) -> str:
    """Strip markup, qualifiers and words that say nothing of what is counted."""
    label = re.sub(r"^\d+[.．、]", "", re.sub(r"[\s*]+", "", phrase)).lstrip("-—•·、")
    changed = True
    while changed and label:
        changed = False
        for opener in words.openers:
            if label.startswith(opener) and len(label) > len(opener):
                label, changed = label[len(opener):], True
    for word, _qualifier in words.qualifiers_before:
        if label.endswith(word):
            label = label[: -len(word)]
            break
    # 由2021年361件增至2025年712件: the years are the figures' periods, not what is counted.
    label = _YEAR_AT_END.sub("", label)
    label = label.rstrip("的为了是在对向与和及、")
    if label.startswith(_PREPOSITIONS) and len(label) <= 2:
        return ""
    if label.startswith(_PREPOSITIONS):
        # 对抢夺、藏匿未成年子女的父母依法发出人格权侵害禁令: whom it was done to is said first,
        # what is counted after the verb.
        verbs = [position for verb in words.verbs if (position := label.find(verb, 2)) > 0]
        if verbs:
            label = label[min(verbs):]
    return label


def _follower(text: str, end: int) -> str:
    """Return the words after a figure that name what a leading number counts.

    They run to the clause's end, a listing comma, or the first word that starts what is said
    of them (为, 被, 因 … in the lexicon): 3700多名退休法官为化解… counts 退休法官.
    """
    tail = re.sub(r"[\s*]+", "", text[end:_next_break(text, end)])
    tail = re.split(r"[0-9０-９、]", tail.lstrip("的"))[0]
    stops = [position for word in _words().follower_stops if (position := tail.find(word, 2)) > 0]
    return tail[:min(stops, default=len(tail))][:_FOLLOWER_MAX]


def _unit_by_noun(figure: Found, before: str, after: str, words: _Words) -> str:
    """Pick among units sharing a measure word by the noun the figure counts (纠纷 → disputes).

    The noun counted stands nearest the number: at the end of the words before it, or, for a
    number that comes first (将42家单位纳入法院…), at the start of the words after it.
    """
    measure = next((word for word, unit in words.measures if unit == figure.unit), "")
    before = re.sub(rf"{words.each}为?$", "", before)
    choices = words.nouns.get(measure)
    if not choices:
        return figure.unit
    leading = len(before) <= 2
    # After a leading number, a noun further than a few characters on is the rest of the
    # clause's (纳入法院调解平台), not what the number counts.
    phrase = after[:_LEADING_NOUN_SPAN] if leading else before
    named = any(phrase.endswith(noun) for nouns in choices.values() for noun in nouns)
    if figure.unit == "cases" and not leading and phrase.endswith(words.case_nouns) and not named:
        return figure.unit
    best: tuple[int, str] = (len(phrase) + 1, figure.unit)
    for unit, nouns in choices.items():
        for noun in nouns:
            position = phrase.find(noun) if leading else phrase.rfind(noun)
            distance = position if leading else len(phrase) - position - len(noun)
            if position >= 0 and distance < best[0]:
                best = (distance, unit)
    return best[1]


def _label_lists(text: str, found: list[Found], words: _Words) -> None:
    """Label each figure of a 分别 list by its own item: 审结A、B、C案件分别为X件、Y件、Z件.

    The items share the verb of the first (审结) and the head noun of the last (案件); where the
    items and the figures do not pair up, the figures keep the list's phrase without 分别.
    """
    index = 0
    while index < len(found):
        group = [found[index]]
        while index + len(group) < len(found) and re.sub(r"[\s*]", "", text[
                group[-1].end:found[index + len(group)].start]) == "、":
            group.append(found[index + len(group)])
        index += len(group)
        head = re.sub(rf"{words.each}为?$", "", group[0].label)
        if len(group) < 2 or head == group[0].label:
            continue
        items = [item for item in head.split("、") if item]
        if len(items) != len(group):
            for figure in group:
                figure.label = head
            continue
        verbs = [(items[0].find(verb), verb) for verb in words.verbs if verb in items[0]]
        prefix = items[0][:min(verbs)[0] + len(min(verbs)[1])] if verbs else ""
        # The shortest head the last item ends with: 物权纠纷、侵权责任纠纷案件 share 案件.
        noun = min((noun for noun in words.heads if items[-1].endswith(noun)), key=len, default="")
        for figure, item in zip(group, items, strict=True):
            item = item if item.startswith(prefix) else prefix + item
            # 物权纠纷 of …纠纷案件 takes only the 案件 it lacks.
            kept = next((size for size in range(len(noun), 0, -1) if item.endswith(noun[:size])), 0)
            figure.label = item + noun[kept:]


def _inherit_verbs(text: str, found: list[Found], words: _Words) -> None:
    """Give a label without a verb the verb of the figure before it in the sentence.

    办理代表建议469件、代表审议意见4072条: the comments were handled too. Where the earlier
    label names a kind of a case type (审结生态环境资源刑事案件2.4万件，民事案件16.4万件), the
    later type is of the same kind: 审结生态环境资源民事案件, never all civil cases.
    """
    prefixes: dict[int, str] = {}
    for previous, figure in zip(found, found[1:], strict=False):
        if sentence_start(text, figure.start) > previous.start or figure.people_of_cases:
            continue
        if not figure.label:
            figure.label = previous.label
        if figure.label.startswith(words.verbs) or not figure.label.endswith(words.countable):
            continue  # It says what was done itself (司法处罚), or is no noun of things counted.
        # The earlier label up to its verb: 办理…, or 最高人民法院制发… with its subject.
        at = min(((position, verb) for verb in words.verbs
                  if (position := previous.label.find(verb)) >= 0), default=None)
        if at is None:
            continue
        verb = previous.label[:at[0] + len(at[1])]
        rest = previous.label.removeprefix(verb)
        kind = next((rest.removesuffix(head) for head in words.case_types
                     if rest.endswith(head) and rest != head), None)
        between = text[previous.end:figure.start]
        parent = next((rest.removesuffix(head) for head in words.heads if rest.endswith(head)), rest)
        if figure.label in words.case_types and kind is not None:
            figure.label = verb + kind + figure.label
        elif words.of_which in between:
            # 审结涉外案件15.9万件，其中知识产权案件4.9万件: 审结涉外知识产权案件.
            figure.label = verb + parent + figure.label
            prefixes[id(figure)] = verb + parent
        elif id(previous) in prefixes and "、" in between:
            figure.label = prefixes[id(previous)] + figure.label
            prefixes[id(figure)] = prefixes[id(previous)]
        elif re.sub(r"[\s*、，,]", "", text[previous.end:figure.start]).endswith(figure.label) and \
                "、" in text[previous.end:figure.start]:
            figure.label = verb + figure.label


def _resolve_related(text: str, found: list[Found], words: _Words) -> None:
    """Name what 相关案件 refers to: 严惩非法集资等犯罪，审结相关案件 counts 非法集资等犯罪案件."""
    for figure in found:
        if words.related not in figure.label:
            continue
        before = text[_last_sentence_break(text, figure.start):figure.start]
        named = list(words.crackdown.finditer(before))
        if named:
            figure.label = figure.label.replace(words.related, named[-1]["crime"] + "案件", 1)


def _mark_companions(text: str, found: list[Found], words: _Words) -> None:
    """Read the people counted with cases: 4.6万件5.3万人, 6件，判处罪犯51人.

    Written together (X件Y人), the people are a figure of their own, labelled as the people
    of those cases, and a change stated after the pair is the cases' (reports say 件数，下同
    where they spell it out). After a verb of sentencing (6件，判处罪犯51人) they are the
    defendants of those cases, read but not a key figure.
    """
    for first, second in zip(found, found[1:], strict=False):
        between = re.sub(r"[\s*]+", "", text[first.end:second.start])
        if first.unit != "cases" or second.unit not in {"people", "persons"}:
            continue
        if not between and first.change is None:
            second.people_of_cases = True
            second.label = first.label + words.people_of_cases
            first.change, second.change = second.change, None
        elif len(between) <= 8 and between.lstrip("，,、").startswith(words.sentencing):
            second.companion = True


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the sentence of ``text`` holding ``start:end`` (ended by 。！？； or the line)."""
    begin = max((text.rfind(char, 0, start) for char in _SENTENCE_BREAK), default=-1) + 1
    stops = [position for char in _SENTENCE_BREAK if (position := text.find(char, end)) >= 0]
    finish = min(stops, default=len(text))
    if finish < len(text) and text[finish] in "。！？!?":
        finish += 1
    while begin < start and text[begin] in " \t-—•":
        begin += 1
    return begin, finish
