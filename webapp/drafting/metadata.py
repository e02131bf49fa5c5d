"""Find what a report says about itself: court, level, region, year, date, occasion, speaker.

Only what the text states: the title block of a work report names the court (海淀区人民法院工作
报告), the date and occasion (——2024年1月5日在…第四次会议上) and the speaker (…院长 邵明艳); the
year covered is the one its account of the year names (2023年的主要工作), else the year before
the report was delivered.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from ..content.sources import SourceText
from ..numerals import chinese_numeral_value, digit_by_digit
from .lexicon import Level, lexicon

# A branch keeps the name of the institution it is a branch of (某某省人民检察院某某林区分院,
# 北京市人民检察院第一分院): the name ends with its 分院.
_INSTITUTION = r"(?:人民法院|知识产权法院|海事法院|互联网法院|金融法院|法院|人民检察院|检察院)" \
    r"(?:[\u4e00-\u9fff]{1,10}?分院)?"
_BRANCH = re.compile(r"^(?P<parent>.+?(?:人民法院|人民检察院))(?P<branch>[\u4e00-\u9fff]{1,10}?)分院$")
_COURT = re.compile(rf"([\u4e00-\u9fff]{{2,24}}?{_INSTITUTION})")
# The name as a title writes it, at the start of a line: never composed from running text.
_TITLE_NAME = re.compile(rf"^[\s　]*([\u4e00-\u9fff]{{2,24}}?{_INSTITUTION})[\s　]*工作报告", re.MULTILINE)
_CHINESE_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DELIVERED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:在)?(.{4,60}(?:会议|大会))上")
_SPEAKER = re.compile(
    rf"((?:[\u4e00-\u9fff]{{2,24}}?{_INSTITUTION})?(?:代理院长|代院长|院长|代理检察长|代检察长|检察长))"
    r"[\s　]+([\u4e00-\u9fff·](?:[\s　]*[\u4e00-\u9fff·]){1,4})$")
_YEAR_OF_WORK = re.compile(r"(\d{4})年(?:的)?(?:主要)?工作")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})年")
_INFOGRAPHIC = ("一图读懂", "图解", "一图看懂", "图说")


@dataclass(frozen=True)
class Metadata:
    """What the report says about itself; None where it does not say."""

    court: str | None
    level: Level | None
    region: str | None
    year: int | None
    date: datetime.date | None
    occasion: str | None
    speaker: str | None
    original_title: str | None
    infographic: bool
    appendices: int


def find_metadata(source: SourceText) -> Metadata:
    """Read the metadata of a report from its title block and its structure."""
    title_block = next((block for block in source.blocks if block.kind == "title"), None)
    head_lines = [span.text for span in title_block.spans] if title_block else []
    head = "".join(head_lines)
    court = _court(head_lines, source.text)
    # A branch is of its parent's kind: 某某省人民检察院某某林区分院 is a 人民检察院分院.
    branch = _BRANCH.match(court) if court else None
    kind = branch["parent"] + "分院" if branch else court
    level = next((level for level in lexicon().levels if kind and kind.endswith(level.ending)), None)
    delivered = _DELIVERED.search(_arabic_dates(re.sub(r"[\s　]+", "", head)))
    date = None
    occasion = None
    if delivered:
        try:
            date = datetime.date(int(delivered[1]), int(delivered[2]), int(delivered[3]))
        except ValueError:
            date = None
        occasion = delivered[4].lstrip("在")
    speaker = next((match[1] + " " + "".join(match[2].split()) for line in head_lines
                    if (match := _SPEAKER.search(" ".join(line.split())))), None)
    return Metadata(
        court=court,
        level=level,
        region=_region(court),
        year=_year(source, date),
        date=date,
        occasion=occasion,
        speaker=speaker,
        original_title=_original_title(head_lines),
        infographic=any(word in head for word in _INFOGRAPHIC),
        appendices=sum(1 for block in source.blocks
                       if block.kind == "heading" and re.match(r"^附件\s*\d*", block.text)),
    )


def _arabic_dates(text: str) -> str:
    """Write the Chinese-numeral dates of ``text`` in digits: 二〇二六年三月九日 → 2026年3月9日."""
    def arabic(match: re.Match[str]) -> str:
        month, day = (chinese_numeral_value(part) for part in (match[2], match[3]))
        if month is None or day is None:
            return match[0]  # Not a date after all (十十月): left as written.
        return f"{digit_by_digit(match[1])}年{month}月{day}日"

    return _CHINESE_DATE.sub(arabic, text)


def _court(head_lines: list[str], text: str) -> str | None:
    """Return the institution the report is of, as its title writes it; None if no title names one.

    The name is taken whole from the title (or a line opening …工作报告), never put together
    from running text, where a name stands inside longer phrases (联合最高人民法院…).
    """
    # The name on the line that names the report (…工作报告), else the last before 报告 where
    # the title wraps: a website's or newspaper's own name may stand above it (某某市某某区人民法院
    # / 某某区人民法院工作报告, 某某日报 / 某某市人民检察院工作报告).
    titled = next((re.sub(r"\s+", "", line) for line in head_lines if "报告" in line), "")
    head = re.sub(r"\s+", "", "".join(head_lines))
    before_report = _COURT.findall(head.partition("报告")[0])[-1:] if "报告" in head else []
    found = _COURT.findall(titled.partition("报告")[0])[-1:] or before_report or _COURT.findall(head)
    if found:
        return str(found[0]).removeprefix("一图读懂").lstrip("0123456789年")
    counts = Counter(_TITLE_NAME.findall(text[:5000]))
    return counts.most_common(1)[0][0] if counts else None


def _region(court: str | None) -> str | None:
    if court is None:
        return None
    branch = _BRANCH.match(court)
    if branch is not None and not branch["branch"].startswith("第"):
        return branch["branch"]  # The area a branch serves (某某林区), not its parent's.
    name = branch["parent"] if branch is not None else court
    for ending in ("高级人民法院", "中级人民法院", "人民法院", "法院", "人民检察院分院", "人民检察院",
                   "检察院"):
        if name.endswith(ending):
            name = name[: -len(ending)]
            break
    return name or None


def _year(source: SourceText, date: datetime.date | None) -> int | None:
    for block in source.blocks:
        if block.kind == "heading":
            match = _YEAR_OF_WORK.match(block.text)
            if match and not re.search(r"(?:思路|计划|安排|打算|建议)", block.text):
                return int(match[1])
    if date is not None:
        return date.year - 1
    counts = Counter(int(year) for year in _YEAR.findall(source.text[:3000]))
    return counts.most_common(1)[0][0] if counts else None


def _original_title(lines: list[str]) -> str | None:
    """Return the lines of the title block up to the one naming the report."""
    kept: list[str] = []
    for line in lines:
        kept.append(" ".join(line.split()))
        if "报告" in line:
            return " ".join(kept)
    return None
