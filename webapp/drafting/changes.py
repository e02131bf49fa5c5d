"""Attach the changes a report states to the figures they are changes of.

Reports state a change right after its figure (收案100344件，同比上升10.2%), or once for several
figures with 分别 (收案29154件，结案31958件，同比分别下降16.5%、1.8%: the first rate is the first
figure's, the second the second's; a list may turn direction midway, 同比分别下降3.2%、上升26.1%,
each amount then going the way the word before it says), or as 增幅/降幅 (增幅为12%). A change is
never a figure of its own: one stated without its figure (败诉率同比下降0.7个百分点) is left for a person.

A change may also be stated before the level it reached (同比上升12.4%，达3120件), or name its
figure (…37件82人，件数同比上升15.6%), or follow an earlier year's level it is measured from
(比2024年的2037件上升7.3%: the later figure's). ``numbers.find_figures`` reads the figures, then
gives them their changes here.

Only a year-on-year change is attached (its basis is 同比, 较上年 … or none at all): an average
annual rate (年均增长) or one against another span (较上一个五年, 较“十三五”) is a change over a
different period, which the content model cannot state, and is left out rather than misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from ..markup import GAP, closed_up
from ..numerals import DIGITS, digits_value
from .found import Found, FoundChange, Words
from .lexicon import lexicon

_SENTENCE_BREAK = "。！？；;!?\n"
_NAMED_YEAR = re.compile(r"(?:较|比)(?P<year>(?:19|20)[0-9]{2}年)(?:底|末|同期)?")
# What ends a sentence outright (a semicolon only parts its clauses).
FULL_STOP = "。！？!?\n"


@dataclass(frozen=True)
class ListedChange:
    """A change of a list (同比分别下降16.5%、1.8%): its amounts, in the order of their figures."""

    start: int
    end: int
    # value, unit, written, start, end, direction (分别下降3.2%、上升26.1%: each its own)
    amounts: tuple[tuple[Decimal, str, str, int, int, str], ...]
    # Against another span or year (分别比上一个五年增长…): read, so never figures, but no
    # year-on-year change of the figures before it.
    other_basis: bool = False
    # Against a named year (分别比2024年上升…): year-on-year only in the report on the year after,
    # as the draft decides (FoundChange.against).
    against: str = ""


@dataclass(frozen=True)
class _ChangeWords:
    pattern: re.Pattern[str]
    amount: re.Pattern[str]
    up: frozenset[str]
    basis: tuple[str, ...]
    units: dict[str, str]
    # What may stand between figures and their list of changes, longest first: a year-on-year
    # basis, or the counts named (件数、人数同比分别…), and 分别.
    between: tuple[str, ...]


@cache
def _change_words() -> _ChangeWords:
    numbers = lexicon().mapping("numbers")
    units = {word: unit for word, unit in numbers["measures"].items()
             if unit in {"percent", "points", "fold"}}
    unit_words = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    directions = "|".join(map(re.escape, sorted([*numbers["change_up"], *numbers["change_down"]],
                                                key=len, reverse=True)))
    basis = "|".join(map(re.escape, sorted(numbers["change_basis"], key=len, reverse=True)))
    after = "|".join(f"(?<={re.escape(noun)})" for noun in numbers["change_rate_nouns"])
    links = "|".join(map(re.escape, sorted(numbers["change_links"], key=len, reverse=True)))
    each = re.escape(numbers["change_each"])
    amount = rf"{DIGITS}{GAP}(?:个)?{GAP}(?:{unit_words})?"
    other = r"(?P<other>(?:较|比)[^，,。；;、%％]{1,12}?)"
    pattern = re.compile(
        rf"(?:{basis})?{each}(?:{basis}|{other})?(?:了|进一步|再)?(?P<direction>{directions})"
        rf"(?:(?:{after})(?:{links}))?{GAP}"
        # 分别增长3.2%、4.1%，下降6.8%: a comma may part the items where the direction turns.
        rf"(?P<amounts>{amount}(?:{GAP}(?:[、和及]{GAP}(?:{directions})?|[，,]{GAP}(?:{directions})){GAP}{amount})+)")
    one = re.compile(rf"(?:(?P<direction>{directions}){GAP})?(?P<number>{DIGITS}){GAP}"
                     rf"(?P<unit>(?:个)?{GAP}(?:{unit_words})?)")
    between = tuple(sorted((*numbers["change_basis"], *numbers["change_counts"]), key=len, reverse=True))
    return _ChangeWords(pattern, one, frozenset(numbers["change_up"]), tuple(numbers["change_basis"]), units,
                        (*between, numbers["change_each"]))


def listed_changes(text: str) -> list[ListedChange]:
    """Return the changes ``text`` states for several figures at once, with 分别."""
    words = _change_words()
    found: list[ListedChange] = []
    for match in words.pattern.finditer(text):
        amounts = [(amount, closed_up(amount["unit"]))
                   for amount in words.amount.finditer(match["amounts"])]
        last_unit = amounts[-1][1]
        read: list[tuple[Decimal, str, str, int, int, str]] = []
        offset = match.start("amounts")
        direction = match["direction"]
        for amount, written_unit in amounts:
            direction = amount["direction"] or direction
            word = written_unit if written_unit not in {"", "个"} else last_unit
            unit = words.units.get(word.removeprefix("个"), "")
            written = amount["number"] + (written_unit if written_unit in {"%", "％"} else "")
            read.append((digits_value(amount["number"]), unit, written,
                         offset + amount.start("number"), offset + amount.end(),
                         "up" if direction in words.up else "down"))
        if all(unit for _value, unit, *_rest in read):
            named = _NAMED_YEAR.fullmatch(match["other"] or "")
            found.append(ListedChange(match.start(), match.end(), tuple(read),
                                      bool(match["other"]) and named is None,
                                      named["year"] if named else ""))
    return found


def year_on_year(words_between: str) -> bool:
    """Tell whether the words between a figure and its change leave the change year-on-year.

    Only punctuation, 分别 and a year-on-year basis may stand there: anything else names
    another basis (年均, 较上一个五年) or another subject (相关上访), and the change is not the
    figure's year-on-year change.
    """
    rest = re.sub(r"[\s*，,、和]", "", words_between)
    # 件数、人数同比分别…: the changes of the cases and of their people, as the figures say them.
    for word in _change_words().between:
        rest = rest.replace(word, "")
    return rest == ""


def full_sentence_start(text: str, offset: int) -> int:
    """Return where the sentence holding ``offset`` starts, its semicolons inside it."""
    return max((text.rfind(char, 0, offset) for char in FULL_STOP), default=-1) + 1


def sentence_start(text: str, offset: int) -> int:
    """Return where the sentence holding ``offset`` starts."""
    return max((text.rfind(char, 0, offset) for char in _SENTENCE_BREAK), default=-1) + 1


# An earlier level a figure is compared with, just before it (比2024年的2037件上升…).
_LEVEL_COMPARED = re.compile(r"^[，,]?(?:比|较)(?:(?:19|20)[0-9]{2}年|上年|去年)(?:同期)?的?$")
# A count named by what it counts (受理数: the cases accepted).
_COUNT_OF = "数"


def changes_of_the_compared(text: str, found: list[Found]) -> list[tuple[Found, Found]]:
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


def changes_naming_their_figure(text: str, found: list[Found], words: Words) -> None:
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


def attach_list(text: str, listed: ListedChange, found: list[Found], words: Words) -> None:
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


def change_before_level(text: str, figure: Found, words: Words) -> FoundChange | None:
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


def change_after(text: str, end: int, words: Words) -> FoundChange | None:
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
