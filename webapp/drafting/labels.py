"""Measure a draft against a hand-labelled list of a report's figures (a TSV, content/README.md).

Each row is one figure as a person reads it: where it stands, its value, unit and wording, what it
counts (Chinese and English), its period, qualifier and change, and its role (``figure``, a
figure of its own; ``part-of``, a part of the figure before it, still a figure; ``change-only``,
a change stated without its level, never a figure). Lines starting ``#`` hold what the report says
of itself (``#institution``, ``#delivered``, ``#shortcomings`` with their count, ``#parts`` with
the first line of each run of parts) or are comments.

A drafted figure is right when a labelled figure of its line has its value, unit and wording,
the same change, the same period, and a label that names what is counted as the labeller wrote
it (one of the alternatives given, ``|`` between them).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import DraftError
from .draft import Draft, DraftFigure
from .found import number_words
from .periods import same_span, without_span

# Words that say nothing of what a label counts (审结各类案件 counts what 审结案件 does; 的 joins
# the same words either way), and a
# subject that is all the courts or procuratorates the report speaks for (全市法院…, 全省检察机关…,
# 全院…) or all those of its area (全县人民法庭, 全市检察官, and a county's one court, 县法院), which
# labels leave unsaid; a court of its own among others (市高院, 市中院) is never left out.
_NEUTRAL = re.compile(r"各类|累计|依法|主动|的|(?:认为)?确有错误"
                      r"|^全(?:地区|市|省|区|县|州|国|旗|盟)?(?:[两三]级)?(?:法院|检察机关|检察院)|^全院"
                      r"|^全(?:地区|市|省|区|县|州|国|旗|盟)(?=[\u4e00-\u9fff])"
                      # A county's, district's or banner's one court or procuratorate is all of
                      # its area's (县法院审结… is 全县法院审结…).
                      r"|^(?:县|区|旗)(?:人民)?(?:法院|检察院)")
_CAMPAIGN = re.compile(r"^[\u4e00-\u9fff“”]{2,12}?行动(?=[\u4e00-\u9fff])")
# Examples listed before 等 (涉私募基金、非法集资等): two or more, each no more than a name.
_EXAMPLES = re.compile(r"[^、，,；;等“”]{2,16}(?:、[^、，,；;等“”]{2,16})+等(?=[\u4e00-\u9fff])")
# Acts of reporting, after which a list of topics may stand (报告A、B等专项工作).
_REPORTING = ("报告", "专题报告", "专项报告")
# What describes whom an act was done to, inside its 对-phrase (对罪行较轻、有悔罪表现的涉罪未成年人…).
_DESCRIBED_WHOM = re.compile(r"^对[^对，,；;]{1,30}?的(?=[\u4e00-\u9fff])")
_CASES_PEOPLE, _PEOPLE_INVOLVED = "案件涉案人数", "涉案人数"
_SHARE_OF = "占"
_PEOPLE = {"people", "persons"}
_PROPORTION = re.compile(r"(?:比例|比重)$")
COLUMNS = ("line", "value", "unit", "written", "snippet", "counted_zh", "counted_en", "period",
           "qualifier", "change", "role")
ROLES = {"figure", "part-of", "change-only"}
_CHANGE = re.compile(r"^(up|down) ([0-9.]+) ([a-z-]+)$")


@dataclass(frozen=True)
class Row:
    """One labelled figure."""

    line: int
    value: Decimal
    unit: str
    written: str
    snippet: str
    counted_zh: tuple[str, ...]
    counted_en: str
    period: str
    qualifier: str
    change: str
    role: str


@dataclass
class Labels:
    """A report's labelled figures and what it says of itself."""

    rows: list[Row]
    institution: str | None = None
    delivered: str | None = None
    shortcomings: int | None = None
    parts: list[tuple[int, str]] = field(default_factory=list)


def read_labels(path: Path) -> Labels:
    """Read a labels TSV; raise DraftError naming the line of a malformed row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DraftError(f"{path}: cannot read: {error.strerror or error}") from None
    labels = Labels([])
    body = [line for line in lines if line.strip()]
    for line in lines:
        if line.startswith("#"):
            _directive(line, labels)
    reader = csv.DictReader((line for line in body if not line.startswith("#")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise DraftError(f"{path}: the header must be: {' '.join(COLUMNS)}")
    for number, record in enumerate(reader, start=2):
        try:
            labels.rows.append(_row(record))
        except (KeyError, ValueError, InvalidOperation) as error:
            raise DraftError(f"{path}: row {number}: {error}") from None
    return labels


def _directive(line: str, labels: Labels) -> None:
    name, _, rest = line[1:].partition("\t")
    values = [value for value in rest.split("\t") if value]
    if name == "institution" and values:
        labels.institution = values[0]
    elif name == "delivered" and values:
        labels.delivered = values[0]
    elif name == "shortcomings" and values:
        labels.shortcomings = int(values[0])
    elif name == "parts":
        for value in values:
            start, part = value.split(" ", 1)
            labels.parts.append((int(start), part.strip()))


def _row(record: dict[str, str]) -> Row:
    role = record["role"].strip()
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(sorted(ROLES))}")
    change = record["change"].strip()
    if change and not _CHANGE.match(change):
        raise ValueError(f"change {change!r} must read like 'down 7.3 percent'")
    return Row(int(record["line"]), Decimal(record["value"]), record["unit"].strip(),
               record["written"].strip(), record["snippet"].strip(),
               tuple(part.strip() for part in record["counted_zh"].split("|")),
               record["counted_en"].strip(), record["period"].strip(), record["qualifier"].strip(),
               change, role)


@dataclass(frozen=True)
class LabelScore:
    """How a draft measures against the labels: each measure as (matched, total) and the misses."""

    right: tuple[int, int]
    found: tuple[int, int]
    english: tuple[int, int]
    english_right: tuple[int, int]
    parts: tuple[int, int]
    shortcomings: tuple[int, int]
    institution: bool
    delivered: bool
    wrong: list[tuple[dict[str, Any], str]]
    missed: list[Row]

    def rows(self) -> list[tuple[str, str]]:
        """Return the table's rows: measure, value."""
        def share(score: tuple[int, int]) -> str:
            matched, total = score
            return f"{matched / total if total else 1.0:6.1%}  ({matched}/{total})"

        return [("drafted figures right", share(self.right)),
                ("labelled figures found", share(self.found)),
                ("figures with an English label", share(self.english)),
                ("English labels as labelled", share(self.english_right)),
                ("paragraphs in the right part", share(self.parts)),
                ("shortcomings found", share(self.shortcomings)),
                ("institution as written", "yes" if self.institution else "no"),
                ("delivery date as written", "yes" if self.delivered else "no")]


def score_labels(draft: Draft, labels: Labels) -> LabelScore:
    """Measure ``draft`` against ``labels``."""
    figures = [row for row in labels.rows if row.role != "change-only"]
    right = 0
    found: set[int] = set()
    wrong: list[tuple[dict[str, Any], str]] = []
    english_right = 0
    wholes = _wholes(figures)
    for figure in draft.figures:
        candidates = [row for row in figures if _same_figure(figure, row)]
        if not candidates:
            wrong.append((figure.data, "no labelled figure has this value and wording on this line"))
            continue
        row = candidates[0]
        found.add(id(row))
        problem = _problem(figure.data, row, wholes.get(id(row), ()))
        if problem:
            wrong.append((figure.data, problem))
        else:
            right += 1
        english_right += bool(figure.data["label"]["en"]) and figure.data["label"]["en"] == row.counted_en
    drafted_parts: dict[int, str] = {block.line: draft.assignment.parts[block.id]
                                     for block in draft.source.blocks}
    return LabelScore(
        right=(right, len(draft.figures)),
        found=(len(found), len(figures)),
        english=(sum(1 for figure in draft.figures if figure.data["label"]["en"]), len(draft.figures)),
        english_right=(english_right, len(draft.figures)),
        parts=_parts(drafted_parts, labels.parts),
        shortcomings=_shortcomings(draft, labels.shortcomings),
        institution=labels.institution == draft.data["court"]["zh-Hans"],
        delivered=labels.delivered == draft.data.get("delivered", {}).get("date"),
        wrong=wrong,
        missed=[row for row in figures if id(row) not in found],
    )


def _wholes(rows: list[Row]) -> dict[int, tuple[str, ...]]:
    """Return the labels of the whole each part-of row is a part of (the figure before it)."""
    wholes: dict[int, tuple[str, ...]] = {}
    whole: tuple[str, ...] = ()
    for row in rows:
        if row.role == "part-of":
            wholes[id(row)] = whole
        else:
            whole = row.counted_zh
    return wholes


def _same_figure(figure: DraftFigure, row: Row) -> bool:
    """Tell whether a drafted figure is the labelled one: its line, value, wording and place
    (the row's snippet stands over the figure's number)."""
    data = figure.data
    if figure.block.line != row.line or Decimal(str(data["value"])) != row.value or \
            data["written"] != row.written:
        return False
    text, start = figure.block.text, figure.found.start
    position = text.find(row.snippet)
    while position >= 0:
        if position <= start < position + len(row.snippet):
            return True
        position = text.find(row.snippet, position + 1)
    return False


def _problem(data: dict[str, Any], row: Row, whole: tuple[str, ...] = ()) -> str:
    """Return what is wrong with a drafted figure against its labelled row, or ''."""
    if data["unit"] != row.unit:
        return f"unit {data['unit']}, labelled {row.unit}"
    change = data.get("change")
    drafted_change = f"{change['direction']} {Decimal(str(change['value'])).normalize():f} {change['unit']}" \
        if change else ""
    labelled_change = ""
    if row.change:
        direction, amount, unit = row.change.split()
        labelled_change = f"{direction} {Decimal(amount).normalize():f} {unit}"
    if drafted_change != labelled_change:
        return f"change {drafted_change or 'none'}, labelled {labelled_change or 'none'}"
    period = data.get("period", {}).get("zh-Hans", "")
    if not same_span(period, row.period):
        return f"period {period or 'the year'}, labelled {row.period or 'the year'}"
    if (data.get("qualifier") or "") != row.qualifier:
        return f"qualifier {data.get('qualifier') or 'none'}, labelled {row.qualifier or 'none'}"
    label = data["label"]["zh-Hans"]
    said = {label.removeprefix(period), label}
    if data["unit"] in _PEOPLE:
        # 提起公诉犯罪嫌疑人 beside 提起公诉, of people: those an act on people alone counts.
        said |= {text.removesuffix(suspects) for text in said for suspects in number_words().suspects}
    if not any(names_as_labelled(text, row.counted_zh, whole) for text in said):
        return f"label {label}, labelled {' | '.join(row.counted_zh)}"
    return ""


def names_as_labelled(label: str, alternatives: tuple[str, ...], whole: tuple[str, ...] = ()) -> bool:
    """Tell whether a drafted label says what one of the labelled ones does.

    Words that say nothing of what is counted (各类, 累计, 依法, 的, 全市法院…), the campaign it
    was done in (集中执行行动执结案件 beside 执结案件) and examples listed before 等 (审结金融借款、
    证券等金融纠纷案件 beside 审结金融纠纷案件) are left out of both; the noun after a
    label's last 的 may stand before what describes it (选派担任法治副校长的法官 beside
    选派法官担任法治副校长); a part one alternative puts before another (全市法院 in 全市法院判处罪犯
    beside 判处罪犯) may stand before any of them (全市法院审结一审刑事案件判处罪犯 beside
    审结一审刑事案件判处罪犯). A part of a whole (``whole``: the whole's labels) may also name, in
    one place, words of the whole's label that the part's labels leave unsaid: a part of
    审结网络侵权责任纠纷案件 is such a case (审结涉网络暴力网络侵权责任纠纷案件 beside 审结涉网络暴力案件).
    """
    said = {_said(alternative) for alternative in alternatives}
    optional = {longer.removesuffix(shorter) for longer in said for shorter in said
                if longer != shorter and longer.endswith(shorter)}
    if any(_said(restated) in said for restated in _head_moved(label)):
        return True
    label = _said(label)
    if label in said or any(label.startswith(part) and label.removeprefix(part) in said
                            for part in optional):
        return True
    wholes = [_NEUTRAL.sub("", alternative) for alternative in whole]
    return any(label[:start] + label[end:] in said and any(label[start:end] in named for named in wholes)
               for start in range(len(label)) for end in range(start + 2, len(label) + 1))


def _said(label: str) -> str:
    """Return what a label says of what is counted: without the span it opens with (its
    period's, said apart), the words that say nothing of it, the campaign it was done in
    (集中执行行动执结案件: 执结案件) and the examples listed before 等 of what it counts
    (审结涉私募基金、非法集资等涉众型金融犯罪案件: 审结涉众型金融犯罪案件); a share as its part and
    whole say it. Whom an act was done to may be described or not (对不敢诉、不会诉的农民工支持起诉:
    对农民工支持起诉), and the people involved in crimes named with their cases or without
    (起诉涉黑组织犯罪案件涉案人数: 起诉涉黑组织犯罪涉案人数)."""
    label = _DESCRIBED_WHOM.sub("对", without_span(label))
    label = _CAMPAIGN.sub("", _NEUTRAL.sub("", label)).replace(_CASES_PEOPLE, _PEOPLE_INVOLVED)
    return _share_said(_without_examples(label))


def _without_examples(label: str) -> str:
    """Return ``label`` without the examples listed before 等 at its start or right after an act
    (审结涉私募基金、非法集资等涉众型金融犯罪案件, 向常委会报告人民法庭建设、行政审判等专项工作)."""
    listed = label.find("、")
    if listed < 0:
        return label
    words = number_words()
    # The examples start after the last act before the list, or where the label does.
    start = max((position + len(act) for act in (*words.verbs, *words.arrangement, *_REPORTING)
                 if 0 <= (position := label.rfind(act, 0, listed)) and position + len(act) < listed),
                default=0)
    examples = _EXAMPLES.match(label, start)
    return label[:start] + label[examples.end():] if examples is not None else label


def _head_moved(label: str) -> list[str]:
    """Return ``label`` said with the noun after its last 的 before what describes it, wherever
    it may stand (选派担任法治副校长的法官: 法官担任法治副校长, 选派法官担任法治副校长): the same
    people or things, counted either way."""
    describing, mark, head = label.rpartition("的")
    if not mark or not describing or not head:
        return []
    return [describing[:at] + head + describing[at:] for at in range(len(describing) + 1)]


def _share_said(label: str) -> str:
    """Return a share's label as its part and whole say it: without the act its part opens with
    (审结危险驾驶案件占刑事案件 is 危险驾驶案件占刑事案件, the whole saying what counts) or a noun of
    proportion after the whole (占刑事案件的比重)."""
    part, mark, whole = label.partition(_SHARE_OF)
    if not mark or not part or not whole:
        return label
    part = part.removeprefix(number_words().opening_verb(part))
    return part + mark + _PROPORTION.sub("", whole)


def _parts(drafted: dict[int, str], runs: list[tuple[int, str]]) -> tuple[int, int]:
    """Return the paragraphs whose drafted part is the labelled one (runs by first line)."""
    if not runs:
        return (0, 0)
    starts = sorted(runs)
    matched = 0
    for line, part in drafted.items():
        labelled = next((run_part for start, run_part in reversed(starts) if start <= line), starts[0][1])
        matched += part == labelled
    return matched, len(drafted)


def _shortcomings(draft: Draft, expected: int | None) -> tuple[int, int]:
    """Return how many of the report's stated shortcomings the draft lists (from its own text)."""
    if expected is None:
        return (0, 0)
    texts = [item["zh-Hans"] for item in draft.data["shortcomings"]]
    listed = sum(1 for text in texts if text.rstrip("。") in draft.text)
    return min(listed, expected), expected
