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
    digits_value,
)
from .changes import ListedChange, full_sentence_start, listed_changes, sentence_start, year_on_year
from .counted import label_figures
from .found import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    SENTENCE_BREAK,
    SINGLE_COUNT,
    Found,
    FoundChange,
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
# A count named by what it counts (受理数: the cases accepted).
_COUNT_OF = "数"
_MULTIPLE = re.compile(r"(?:是|为|相当于)[^，。；,;]*的")
_CLAUSE_BREAKS = "，。；：、！？,;:!?（()）“”\"\n"
# An earlier level a figure is compared with, just before it (比2024年的2037件上升…).
_LEVEL_COMPARED = re.compile(r"^[，,]?(?:比|较)(?:(?:19|20)[0-9]{2}年|上年|去年)(?:同期)?的?$")
# A comparison a count's change is stated against (同比, 较上年, 比上一个五年 …).
_COMPARED = re.compile(r"同比|环比|较|比(?!例|重)")


def find_figures(text: str) -> list[Found]:
    """Return every figure stated in ``text`` (one block's text), in reading order."""
    words = number_words()
    lists = listed_changes(text)
    found = _located_figures(text, lists, words)
    compared = _changes_of_the_compared(text, found)
    label_figures(text, found, words)
    _changes_naming_their_figure(text, found, words)
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
        _attach_list(text, listed, found, words)
    return found


def _changes_of_the_compared(text: str, found: list[Found]) -> list[tuple[Found, Found]]:
    """Give a change stated after an earlier year's level to the figure compared with it:
    受理…2186件，比2024年的2037件上升7.3% is 2186's rise; 2037 is 2024's level. Return the
    pairs (figure, its earlier level)."""
    compared = []
    for previous, figure in zip(found, found[1:], strict=False):
        if figure.change is not None and previous.change is None and previous.unit == figure.unit and \
                _LEVEL_COMPARED.search(closed_up(text[previous.end:figure.start])):
            previous.change, figure.change = figure.change, None
            compared.append((previous, figure))
    return compared


def _changes_naming_their_figure(text: str, found: list[Found], words: Words) -> None:
    """Give a change that names its subject to the figure it names: …37件82人，件数同比上升15.6% is
    the cases' rise, …人数同比… the people's; 受理案件21438件，审结20817件，受理数同比下降1.8%，审结数
    同比增长2.2% the accepted and the concluded cases' (named by their acts: 受理数, 审结数)."""
    for index, figure in enumerate(found):
        position = figure.change.end if figure.change else figure.end
        while (match := words.subject_change.match(text, position)) is not None:
            change = _change_from(match, words)
            target = _named_figure(text, match["subject"], found[:index + 1], words)
            if change is None or target is None or target.change is not None:
                break
            target.change = change
            position = match.end()


def _named_figure(text: str, subject: str, before: list[Found], words: Words) -> Found | None:
    """Return the figure of the sentence a change's subject names: the last of the units a count
    names (人数: people), or the last whose label holds the act an act's count names (受理数)."""
    sentence = [figure for figure in before if figure.start >= sentence_start(text, before[-1].start)]
    units = words.change_subjects.get(subject)
    act = subject.removesuffix(_COUNT_OF)
    return next((figure for figure in reversed(sentence)
                 if (units is not None and figure.unit in units) or
                 (units is None and act in figure.label)), None)


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


def _attach_list(text: str, listed: ListedChange, found: list[Found], words: Words) -> None:
    """Give each of the figures a list of changes follows its change, in order, if they match.

    The figures are the last ones of the sentence before the list, one for each amount, none
    with a change of its own, nothing but punctuation and a year-on-year basis after the last.
    Where the clause the list ends has too few, they run back across its semicolons to the full
    stop (…，监督立案2.4万件；…，监督撤案3.6万件，同比分别上升5.1%、2.8%).
    """
    if listed.other_basis:
        return
    start = sentence_start(text, listed.start)
    before = [figure for figure in found if start <= figure.start and figure.end <= listed.start]
    if not before:
        _attach_list_by_name(text[start:listed.start], listed, [
            figure for figure in found if figure.end <= start], words)
        return
    targets = _cases_and_their_people(text, before, len(listed.amounts)) or \
        [figure for figure in before if not figure.people_of_cases][-len(listed.amounts):]
    if len(targets) < len(listed.amounts):
        # Too few in the clause the list ends: back across its semicolons to the full stop.
        wide = full_sentence_start(text, listed.start)
        targets = [figure for figure in found if wide <= figure.start and
                   figure.end <= listed.start and not figure.people_of_cases][-len(listed.amounts):]
    if len(targets) != len(listed.amounts) or any(figure.change for figure in targets) or \
            not year_on_year(text[targets[-1].end:listed.start]):
        return
    _give_changes(targets, listed)


def _attach_list_by_name(subject: str, listed: ListedChange, earlier: list[Found],
                         words: Words) -> None:
    """Give earlier figures the changes of a sentence that names them (批准逮捕、提起公诉人数同比
    分别下降11.6%、上升5.3%): each item names the last figure whose label starts with it, of the
    unit the subject's last word says; all are found, none with a change, or none is given."""
    subject = closed_up(subject)
    noun = next((noun for noun in sorted(words.change_subjects, key=len, reverse=True)
                 if subject.endswith(noun)), None)
    items = subject.removesuffix(noun or "").split("、")
    if noun is None or len(items) != len(listed.amounts) or not all(items):
        return
    units = words.change_subjects[noun]
    targets = [figure for item in items
               if (figure := next((figure for figure in reversed(earlier)
                                   if figure.unit in units and figure.label.startswith(item)), None))]
    if len(targets) == len(items) == len({id(figure) for figure in targets}) and \
            not any(figure.change for figure in targets):
        _give_changes(targets, listed)


def _give_changes(targets: list[Found], listed: ListedChange) -> None:
    """Give each of ``targets`` its change of ``listed``, in order."""
    for figure, (value, unit, written, _start, _end, direction) in zip(targets, listed.amounts,
                                                                        strict=True):
        figure.change = FoundChange(value, unit, direction, written, listed.end, True, listed.against)


def _cases_and_their_people(text: str, before: list[Found], amounts: int) -> list[Found]:
    """Return the cases and their people a list of two changes follows (审结…1157件2036人，同比
    分别上升8.6%、11.2%), or nothing where the pair is one of a list of pairs, whose changes
    are the cases' (A案件10件20人、B案件5件8人，同比分别上升…)."""
    pair = before[-2:]
    if amounts != 2 or len(pair) != 2 or not pair[1].people_of_cases:
        return []
    if len(before) > 2 and "、" in text[before[-3].end:pair[0].start] and \
            not any(char in text[before[-3].end:pair[0].start] for char in "，,；;"):
        return []
    return pair


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
    figure.change = _change_after(text, end, words) or _change_before_level(text, figure, words)
    return figure


def _change_before_level(text: str, figure: Found, words: Words) -> FoundChange | None:
    """Read a change stated before the level it reached (…同比上升12.4%，达3120件), and mark where
    the words naming the figure end: before the change."""
    match = words.change_then_level.search(text, sentence_start(text, figure.start), figure.start)
    if match is None or match.start() == sentence_start(text, figure.start):
        return None  # 同比上升12.4%，达3120件 opening a sentence names nothing of what rose.
    change = _change_from(match, words)
    if change is None:
        return None
    figure.named_end = match.start()
    return replace(change, end=figure.end)  # Read up to the figure: what follows is after it.


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


def _change_after(text: str, end: int, words: Words) -> FoundChange | None:
    """Read a change stated right after a figure: ，同比上升10.2% / 同比上升48件."""
    match = words.change.match(text, end)
    if match is None:
        return None
    return _change_from(match, words)


def _change_from(match: re.Match[str], words: Words) -> FoundChange | None:
    unit = dict(words.measures)[match["unit"]]
    direction = "up" if match["direction"] in words.up else "down"
    if unit == "fold" and direction == "down":
        return None  # 下降1倍 would be -100%: not a change a figure can state.
    amount = match["amount"]
    written = amount + ("%" if unit == "percent" and match["unit"] == "%" else "")
    if unit == "percent" and match["unit"] != "%":
        written = amount + match["unit"]
    return FoundChange(digits_value(amount), unit, direction, written, match.end(),
                       bool(match["basis"]), match["against"] or "")


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
