"""Find the figures a report states: number, unit, qualifier, change and the phrase they count.

A figure is a number followed by a measure word (件, 人次, 万元, %, 个百分点 …), with an optional
qualifier before it (突破, 超过, 达, 近, 约) or after it (余, 多, 以上), and an optional change
right after it (同比上升10.2%, 上升5.5个百分点, 上升1.4倍, 同比下降). Numbers are read as reports
write them: 1.95万, 72.58亿, full-width digits, and Chinese numerals of more than one character
(二千九百一十二). What is not a quantity is left alone: years and dates, ordinals (第四次), ranks
(十大), numbers inside quotation marks or titles (“十四五”, “1+1+1”, 《…》), and the one-character
Chinese numerals of set phrases (三个规定, 一站式). A one-character numeral is a count only right
after what is counted and before 件, 人 or 名 (提起公益诉讼十二件 is two characters; 提出抗诉六件,
起诉…犯罪三件, 查处…人员两人): never 一, never opening a clause or a quotation (两名青年…,
“四件大事”).

Each figure is also judged *key* or not, by rules of the genre: vague round numbers written in
words (两千余篇), a number that only describes what another counts (来自38个国家和地区的419名法官),
batches (2批) and routine publicity (典型案例, 新闻发布会) are read but not key. What is done or set
up is key however the clause is ordered (建成11个“法官工作站”, 开展8次专项矛盾排查), and so are
the people counted with cases (4.6万件5.3万人; 6件，判处罪犯51人: those sentenced in them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..content.statistics import Qualifier
from ..markup import GAP, closed_up
from ..numerals import (
    CHINESE_DIGITS,
    CHINESE_SCALES,
    NUMBER,
    NUMERAL_CHARACTERS,
    SCALE,
    ascii_digits,
    chinese_numeral_value,
)
from .changes import (
    ListedChange,
    attach_list,
    change_after,
    change_before_level,
    changes_naming_their_figure,
    changes_of_the_compared,
    listed_changes,
)
from .counted import label_figures
from .found import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    SENTENCE_BREAK,
    SINGLE_COUNT,
    Found,
    Words,
    number_words,
    qualifier_before,
)
from .lexicon import lexicon

_GAP = re.compile(GAP)
# The shared reading of numbers, and a one-character count after what it counts (see above).
# Or a count in one numeral before another measure word (两个, 三次, 十余次), read only where its
# clause makes it one (_counted_in_one_numeral).
_NUMBERS = re.compile(NUMBER.pattern.removesuffix(")") + rf"|(?<=[\u4e00-\u9fff]){SINGLE_COUNT})"
                      rf"|(?<![{NUMERAL_CHARACTERS}])(?P<one>[一二两三四五六七八九十])(?![{NUMERAL_CHARACTERS}])")
_MULTIPLE = re.compile(r"(?:是|为|相当于)[^，。；,;]*的")
_CLAUSE_BREAKS = "，。；：、！？,;:!?（()）“”\"\n"
# A comparison a count's change is stated against (同比, 较上年, 比上一个五年 …).
_COMPARED = re.compile(r"同比|环比|较|比(?!例|重)")


def find_figures(text: str) -> list[Found]:
    """Return every figure stated in ``text`` (one block's text), in reading order."""
    words = number_words()
    lists = listed_changes(text)
    found = _located_figures(text, lists, words)
    compared = changes_of_the_compared(text, found)
    label_figures(text, found, words)
    changes_naming_their_figure(text, found, words)
    units = dict(words.measures)
    for figure in found:
        change = figure.change
        if change is not None and change.unit != figure.unit and change.unit == units.get(figure.measure):
            # 发出人身安全保护令23份，同比增加9份: nine more of what the figure counts (orders),
            # whatever else the measure word may count.
            figure.change = replace(change, unit=figure.unit)
    for previous, figure in compared:
        figure.label = previous.label  # The earlier level of what the figure before counts.
    for listed in lists:
        attach_list(text, listed, found, words)
    return found


def figure_starts(text: str) -> set[int]:
    """Return where each figure stated in ``text`` starts, without labelling them (the content
    check asks only which numbers are figures)."""
    return {figure.start for figure in _located_figures(text, listed_changes(text),
                                                          number_words())}


def _located_figures(text: str, lists: list[ListedChange], words: Words) -> list[Found]:
    """Return the figures of ``text`` in reading order, unlabelled, outside quotations and the
    amounts of a list of changes (read with the list, never as figures)."""
    skipped = _quoted_spans(text) + [(listed.start, listed.end) for listed in lists]
    found: list[Found] = []
    position = 0
    for match in _NUMBERS.finditer(text):
        if match.start() < position or _in_spans(match.start(), skipped):
            continue
        figure = _figure_at(text, match, words)
        if figure is None:
            continue
        found.append(figure)
        position = figure.change.end if figure.change else figure.end
    return found


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans inside quotation marks and book-title marks (names, not quantities)."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in OPENING_QUOTES:
            opened.append(index)
        elif char in CLOSING_QUOTES and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, index + 1))
    return spans


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _figure_at(text: str, match: re.Match[str], words: Words) -> Found | None:
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
    chinese = match["chinese"] or match["one"]
    if chinese:
        numeral = chinese
        value = chinese_numeral_value(numeral)
        if value is None or numeral[0] in "万亿":
            return None
        written = numeral
    else:
        digits = ascii_digits(match["arabic"]).replace(",", "")
        if len(digits.split(".")[0]) > 12:
            return None  # A telephone or document number, not a quantity.
        value = Decimal(digits)
        written = match["arabic"]
        gap = _GAP.match(text, cursor)
        at = gap.end() if gap else cursor
        # 220余万件: the qualifier stands between the number and its scale.
        early = text[at:at + 1] if text[at:at + 1] in words.qualifiers_after and \
            SCALE.match(text, at + 1) else ""
        scale = SCALE.match(text, at + 1 if early else at)
        if scale:
            value *= CHINESE_SCALES[scale[0]]
            written += early + scale[0]  # 8600余万, as the quote writes it.
            cursor = scale.end()
    rest = _GAP.match(text, cursor)
    cursor = rest.end() if rest else cursor
    qualifier: str | None = words.qualifiers_after.get(early) if early else None
    vague = approximate = False
    after = text[cursor:cursor + 1]
    if after in words.qualifiers_after or (chinese and after == "来"):
        qualifier = words.qualifiers_after.get(after, "over")
        cursor = (_GAP.match(text, cursor + 1) or rest).end() if rest else cursor + 1
        # 十来件 is vague; 三十余场 and 一百二十余亩 are counts as 30余场 is, but one character
        # (百余场, 十余次) is a figure of speech, as 上百 or 数十 are.
        vague = bool(chinese) and (after not in words.qualifiers_after or len(chinese) == 1 or
                                   text[max(0, start - 1):start] in {"上", "数", "几"})
        approximate = True
    measure = next(((word, unit) for word, unit in words.measures if text.startswith(word, cursor)), None)
    if measure is None:
        return None
    word, unit = measure
    end = cursor + len(word)
    if not _is_quantity(text, start, end, word, unit, value, match, words):
        return None
    if chinese and (_restates_a_list(text, start, end, value, words) or
                    _names_a_document(text, end, words)):
        return None
    if chinese and not vague and not approximate:
        # A count below a hundred written in words (两名, 三个, 二十场) is exact, not round.
        vague = (value >= 100 and _is_round(chinese)) or text[max(0, start - 1):start] in {"上", "数", "几"}
    after_measure = _GAP.match(text, end)
    for trailing, trailing_qualifier in words.trailing:
        if after_measure and text.startswith(trailing, after_measure.end()):
            qualifier = qualifier or trailing_qualifier
            end = after_measure.end() + len(trailing)
    if qualifier is None:
        qualifier = _qualifier_before(text, start, words)
    figure = Found(start, end, value, written.replace(",", ""), unit, qualifier, vague=vague,  # type: ignore[arg-type]
                   measure=word)
    if _change_before(text, start, words) and (unit in {"percent", "points", "fold", "days"} or
                                               _COMPARED.search(text, clause_begin(text, start), start)):
        # The amount of a change (下降15.2%, 平均时间缩短12天, 比上一个五年增加120件): a change is
        # never a figure of its own.
        return None
    figure.change = change_after(text, end, words) or change_before_level(text, figure, words)
    return figure


def _is_quantity(text: str, start: int, end: int, word: str, unit: str, value: Decimal,
                 match: re.Match[str], words: Words) -> bool:
    """Tell whether a number with a measure word counts something (not a date, rank or name)."""
    following = text[end:end + 1]
    if match["one"] and not _counted_in_one_numeral(text, start, end, word):
        return False
    if unit == "fold" and _MULTIPLE.search(re.split(r"[，。；,;]", text[max(0, start - 30):start])[-1]):
        return False  # 分别是上一个五年的1.4倍、1.3倍: a multiple of another quantity, no change of its own.
    if unit == "years":
        # 2023年 is a date; 连续18年 a duration.
        return value < 100 and not (following and following in "月度底初末前后级") and any(
            closed_up(text[max(0, start - 6):start]).endswith(cue) for cue in words.duration_before)
    if unit == "count" and following == "月":
        return False  # 三个月: a duration.
    if following and following.isascii() and following.isalpha():
        return False  # 5G, 3D: a name, not a measure.
    if match["arabic"] and any(text.startswith(rank, match.end()) for rank in words.rank_after):
        return False
    if word in {"人", "名", "家", "个"} and text[end:end + 2] in {"民法", "民陪", "民调"}:
        return False  # 5人民法庭: the number belongs to something else.
    return True


def _restates_a_list(text: str, start: int, end: int, value: Decimal, words: Words) -> bool:
    """Tell whether a count in words restates the list just before it (突出稳定、生态、民生三个
    重点, 做好A、B、C三篇文章): the items are named, the number only sums them up as so many
    points, tasks or articles."""
    if not text.startswith(words.summary_nouns, end):
        return False
    listed = re.search(r"[\u4e00-\u9fff“”]{1,8}(?:、[\u4e00-\u9fff“”]{1,8})+$",
                       text[max(0, start - 60):start])
    return listed is not None and len(listed.group().split("、")) == value


def _names_a_document(text: str, end: int, words: Words) -> bool:
    """Tell whether a count in words of articles names a document (出台…十六条措施: the Sixteen
    Measures), not how many there are: a number of them would be written in digits."""
    return text.startswith(words.document_kinds, end)


def _counted_in_one_numeral(text: str, start: int, end: int, word: str) -> bool:
    """Tell whether a one-character Chinese numeral counts something (创建示范法庭两个, 三个人民
    法庭, 改判一件), not a set phrase (八项规定, 二十届四次全会, 一人一档) nor the subject a story
    opens with (两个股东…)."""
    words = lexicon().mapping("numbers")["one_numeral"]
    previous = text[start - 1:start]
    if word not in words["measures"] or not previous or previous in _CLAUSE_BREAKS:
        return False
    if text[start] == "一":
        # 法院已改判一件。 is a count, ending its clause; 一人一档, 一件一策, 办理一件、回复一件, 每年
        # 一次 and 抱在一起 are ways of working, slogans and phrases.
        clause = text[clause_begin(text, start):end]
        if word not in words["one_measures"] or (end < len(text) and text[end] not in "，,。；;") \
                or clause.count("一" + word) > 1 or "每" in clause or previous in words["not_before_one"]:
            return False
    return previous not in words["not_after"] and not any(
        text.startswith(phrase, end) for phrase in words["not_before"])


def _is_round(numeral: str) -> bool:
    """Tell whether a Chinese numeral is a round figure of speech (百, 两千, 数十), not a count."""
    significant = [char for char in numeral if char in CHINESE_DIGITS and char not in "零〇"]
    # 十七 is 一十七 written short: its 十 is a digit, and the count exact; so is a count of one
    # character (六件), read only where it is one.
    return len(numeral) > 1 and len(significant) + numeral.startswith("十") <= 1


def _qualifier_before(text: str, start: int, words: Words) -> Qualifier | None:
    found = qualifier_before(closed_up(text[max(0, start - 8):start]), words)
    return found[1] if found else None  # type: ignore[return-value]


def clause_begin(text: str, start: int) -> int:
    """Return where the clause of the number at ``start`` begins (after ，；。！？ or a line)."""
    return max((text.rfind(char, 0, start) for char in "，,；;。！？\n"), default=-1) + 1


def is_change_amount(text: str, start: int) -> bool:
    """Tell whether the number at ``start`` of ``text`` is the amount of a change (下降15.2%)."""
    return _change_before(text, start, number_words())


def _change_before(text: str, start: int, words: Words) -> bool:
    return closed_up(text[max(0, start - 6):start]).rstrip("了").endswith(words.change_ends)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the sentence of ``text`` holding ``start:end`` (ended by 。！？； or the line)."""
    begin = max((text.rfind(char, 0, start) for char in SENTENCE_BREAK), default=-1) + 1
    stops = [position for char in SENTENCE_BREAK if (position := text.find(char, end)) >= 0]
    finish = min(stops, default=len(text))
    if finish < len(text) and text[finish] in "。！？!?":
        finish += 1
    while begin < start and text[begin] in " \t-—•":
        begin += 1
    return begin, finish
