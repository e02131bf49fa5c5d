"""The drafter never crashes: on random and hostile text it drafts or refuses in one line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp.content import load_content
from webapp.content.models import Content
from webapp.drafting import DraftError
from webapp.drafting.draft import draft_briefing
from webapp.drafting.numbers import find_figures

from .conftest import FIXTURES

REPORT = (FIXTURES / "drafting" / "report.txt").read_text(encoding="utf-8")
PIECES = ["法院", "审结", "案件", "件", "万", "亿元", "同比上升", "下降", "个百分点", "倍", "余", "近",
          "突破", "达", "以上", "%", "**", "“", "”", "《", "》", "一、", "（一）", "附件", "01", "\t",
          "\n", "\n\n", "。", "，", "；", "<p>", "</div>", "# ", "- ", "２０２４", "二千九百", "十四五",
          "第", "年", "人次", "1.", "——", "各位代表：", "主要工作", "工作安排", "不足", "Ω", "🙂",
          "\u200b", "abc", "العربية", "Ж", " " * 40]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12),
                             st.integers(0, 10**15).map(str),
                             st.decimals(0, 10**6, places=2, allow_nan=False).map(str)),
                   max_size=80).map("".join)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(Path(__file__).parent.parent / "content")


def draft_or_refuse(text: str, content: Content) -> None:
    try:
        draft = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 1, 1))
    except DraftError as refused:
        assert str(refused) and "\n" not in str(refused)
        return
    for figure in draft.figures:
        assert figure.data["quote"] in text
        assert text.count(figure.data["quote"]) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_hostile_text_is_drafted_or_refused(text: str, content: Content) -> None:
    draft_or_refuse(text, content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(insert=hostile, at=st.integers(0, len(REPORT)))
def test_a_report_with_hostile_text_inside_is_drafted_or_refused(insert: str, at: int,
                                                                content: Content) -> None:
    draft_or_refuse(REPORT[:at] + insert + REPORT[at:], content)


@pytest.mark.parametrize("text", [
    "审结" + "1" * 5000 + "件",
    "法院审结案件" * 2000,  # A very long line without punctuation.
    "9" * 100_000,
    "**" * 5000 + "法院工作报告",
])
def test_extreme_lines(text: str, content: Content) -> None:
    draft_or_refuse(text, content)
    find_figures(text)


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_number_reader_finds_only_what_stands_in_the_text(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.written.replace(",", "") in text.replace("**", "").replace(" ", "") or \
            figure.written in text
