"""The report's own facts: institution, date, speaker, shortcomings, plans; and what is refused."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

import pytest

from webapp.content import load_content
from webapp.content.models import Content
from webapp.drafting import DraftError
from webapp.drafting.draft import NOT_FOUND_SHORTCOMINGS, draft_briefing
from webapp.drafting.read import normalize, read_source, without_furniture

from .conftest import FIXTURES

SPC = (FIXTURES / "drafting" / "spc-2026.txt").read_text(encoding="utf-8")  # A seed.


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(Path(__file__).parent.parent / "content")


def draft(text: str, content: Content) -> dict:  # type: ignore[type-arg]
    return draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                          measures=content.measures).data


@pytest.mark.slow
def test_the_delivery_line_gives_date_occasion_and_speaker(content: Content) -> None:
    data = draft(SPC, content)
    assert data["court"]["zh-Hans"] == "最高人民法院"
    # 二〇二六年三月九日, in Chinese numerals, and the speaker's name spaced out as printed.
    assert data["delivered"]["date"] == "2026-03-09"
    assert data["delivered"]["occasion"]["zh-Hans"] == "第十四届全国人民代表大会第四次会议"
    assert data["delivered"]["speaker"]["zh-Hans"] == "最高人民法院院长 张军"


@pytest.mark.slow
def test_a_procuratorate_is_named_as_its_title_writes_it(content: Content) -> None:
    text = SPC.replace("最高人民法院院长", "最高人民检察院检察长").replace(
        "最高人民法院工作报告", "最高人民检察院工作报告")
    data = draft(text, content)
    assert data["court"]["zh-Hans"] == "最高人民检察院"
    assert data["level"]["en"] == "Supreme People's Procuratorate"
    assert data["delivered"]["speaker"]["zh-Hans"] == "最高人民检察院检察长 张军"


@pytest.mark.slow
def test_shortcomings_and_plans_come_from_the_reports_own_lists(content: Content) -> None:
    data = draft(SPC, content)
    shortcomings = [text["zh-Hans"] for text in data["shortcomings"]]
    assert [text[:2] for text in shortcomings] == ["一是", "二是", "三是", "四是", "五是"]
    assert all(text in SPC for text in shortcomings)
    items = [text["zh-Hans"] for text in data["outlook"]["items"]]
    assert [text[:2] for text in items] == ["第一", "第二", "第三"]


@pytest.mark.slow
def test_where_no_shortcomings_are_found_the_draft_says_so_as_its_own_finding(content: Content) -> None:
    start = SPC.index("我们清醒认识到")
    text = SPC[:start] + SPC[SPC.index("2026年工作安排"):]
    data = draft(text, content)
    assert [(item["zh-Hans"], item["en"]) for item in data["shortcomings"]] == [NOT_FOUND_SHORTCOMINGS]
    assert "not found by the drafter" in NOT_FOUND_SHORTCOMINGS[1]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("十四届全国人大四次会议3月9日下午举行第二次全体会议，最高人民法院院长张军作最高人民法院工作报告。"
         "报告显示，2025年最高人民法院受理案件29154件，审结31958件。全国法院审结执结案件3620万件。" * 3,
         "a news story about one"),
        ("示例区人民法院召开新闻发布会，通报2025年审判执行工作情况。全年受理案件1.2万件，审结1.1万件，同比上升5%。",
         "a news item"),
    ],
)
def test_a_text_that_is_not_a_work_report_is_refused_in_one_line(text: str, reason: str,
                                                                 content: Content) -> None:
    with pytest.raises(DraftError, match=reason) as refused:
        draft(text, content)
    assert "\n" not in str(refused.value)


@pytest.mark.slow
def test_page_furniture_is_left_out_and_the_same_figures_are_drafted(tmp_path: Path,
                                                                     content: Content) -> None:
    lines = [line for line in SPC.split("\n") if line.strip()]
    noisy = tmp_path / "page.txt"
    noisy.write_bytes(("人民日报 2026年3月17日 第2版\r\n责编：王某\r\n" + "\r\n".join(lines)
                       + "\r\n上一篇\r\n").encode())
    text, _kind = read_source(noisy)
    assert text.startswith("最高人民法院工作报告\n")
    assert not any(line.startswith(("责编", "人民日报 2026", "上一篇")) for line in text.split("\n"))
    plain, noisy_data = draft(SPC, content), draft(text, content)
    assert noisy_data["delivered"] == plain["delivered"]
    assert [(f["value"], f["unit"]) for f in noisy_data["figures"]] == [
        (f["value"], f["unit"]) for f in plain["figures"]]
    assert without_furniture("第3版\n审结案件5件。\n- 12 -\n").strip() == "审结案件5件。"
    assert normalize(without_furniture(SPC)) == normalize(SPC)


@pytest.mark.slow
def test_a_saved_newspaper_page_drafts_to_the_same_figures_and_date(tmp_path: Path,
                                                                   content: Content) -> None:
    paragraphs = [line for line in SPC.split("\n") if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in paragraphs[1:])
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>报告--人民日报</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> | <a href='#'>要闻</a></div>"
        "<div>人民日报 2026年3月17日 第2版</div>"
        f"<div class='article'><h1>{paragraphs[0]}</h1>{body}<p>（责编：王某、李某）</p></div>"
        "<div class='footer'><a href='#'>上一篇</a> <a href='#'>下一篇</a></div></body></html>",
        encoding="utf-8")
    text, kind = read_source(page)
    assert kind == "html" and text.startswith("最高人民法院工作报告\n") and "责编" not in text
    plain, from_page = draft(SPC, content), draft(text, content)
    assert from_page["delivered"] == plain["delivered"]
    assert [(f["value"], f["unit"], f.get("change")) for f in from_page["figures"]] == [
        (f["value"], f["unit"], f.get("change")) for f in plain["figures"]]
