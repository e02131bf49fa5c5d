"""The report's own facts: institution, date, speaker, shortcomings, plans; and what is refused."""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable
from pathlib import Path

import pytest

from webapp.content.reports import Content
from webapp.content.sources import parse_source
from webapp.drafting import DraftError
from webapp.drafting.draft import draft_briefing
from webapp.drafting.metadata import find_metadata
from webapp.drafting.read import normalize, read_source, without_furniture
from webapp.drafting.statements import NOT_FOUND_SHORTCOMINGS

from .conftest import FIXTURES

SPC = (FIXTURES / "drafting" / "spc-2026.txt").read_text(encoding="utf-8")  # A seed.


@pytest.fixture(scope="module")
def content(real_content: Content) -> Content:
    return real_content


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


@pytest.mark.parametrize(("title", "court", "region"), [
    # A branch is named whole, of its parent's kind, for the area it serves unless numbered.
    ("某某省人民检察院某某林区分院", "某某省人民检察院某某林区分院", "某某林区"),
    ("北京市人民检察院第一分院", "北京市人民检察院第一分院", "北京市"),
])
def test_a_branch_is_named_as_its_title_writes_it(title: str, court: str, region: str) -> None:
    text = (f"{title}工作报告\n\n（2025年1月17日在某某第九届人民代表大会第五次会议上）\n\n"
            f"{title}检察长  孙某某\n\n各位代表：\n")
    metadata = find_metadata(parse_source(text))
    assert (metadata.court, metadata.region, metadata.date) == (court, region, datetime.date(2025, 1, 17))
    assert metadata.level is not None and metadata.level.en == "branch people's procuratorate"
    assert metadata.speaker == f"{title}检察长 孙某某"


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


# The national seed, and a held-out city court's report whose delivery line writes its date in
# Chinese numerals (二〇二五年一月十六日).
REPORTS = {"spc-2026": SPC, "invented-intermediate-court": (
    FIXTURES / "drafting" / "invented-intermediate-court.txt").read_text(encoding="utf-8"),
    # Its delivery line in brackets, its name a branch's.
    "invented-forest-procuratorate-branch": (
        FIXTURES / "drafting" / "invented-forest-procuratorate-branch.txt").read_text(encoding="utf-8")}


def lines_of(report: str) -> list[str]:
    return [line for line in report.split("\n") if line.strip()]


def windows_lines(tmp_path: Path, report: str) -> Path:
    """The report as text with Windows line endings and no blank lines."""
    path = tmp_path / "report.txt"
    path.write_bytes("\r\n".join(lines_of(report)).encode())
    return path


def newspaper_header(tmp_path: Path, report: str) -> Path:
    """The report with a newspaper page's header lines on top and its footer under it."""
    path = tmp_path / "page.txt"
    path.write_text("人民日报 2026年3月17日 第2版\n第 2 版\n责编：王某\n" + report + "\n上一篇\n下一篇\n",
                    encoding="utf-8")
    return path


def saved_page(tmp_path: Path, report: str) -> Path:
    """The report as a saved newspaper web page: header, navigation, byline, 责编, footer."""
    lines = lines_of(report)
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>报告--人民日报</title></head><body>"
        "<header><div class='logo'>人民网</div><div>人民日报 2026年3月17日 第2版</div></header>"
        "<nav><a href='/'>首页</a> | <a href='#'>要闻</a> | <a href='#'>评论</a></nav>"
        f"<div class='article'><h1>{lines[0]}</h1><p class='byline'>来源：人民日报</p>"
        f"{body}<p>（责编：王某、李某）</p></div>"
        "<div class='share'>分享到：微信 微博</div>"
        "<footer><a href='#'>上一篇</a> <a href='#'>下一篇</a> <a href='#'>返回顶部</a></footer>"
        "</body></html>", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("report_id", sorted(REPORTS))
@pytest.mark.parametrize("form", [windows_lines, newspaper_header, saved_page])
def test_the_report_in_another_form_drafts_to_the_same_figures_and_date(
        tmp_path: Path, content: Content, form: Callable[[Path, str], Path], report_id: str) -> None:
    report = REPORTS[report_id]
    text, _kind = read_source(form(tmp_path, report))
    assert text.startswith(lines_of(report)[0] + "\n")
    assert not any(line.startswith(("责编", "（责编", "人民日报 2026", "上一篇", "首页", "来源", "分享到"))
                   for line in text.split("\n"))
    plain, other = draft(report, content), draft(text, content)
    assert other["delivered"] == plain["delivered"] and other["court"] == plain["court"]
    assert plain["delivered"]["date"] in {"2026-03-09", "2025-01-16", "2025-01-17"}

    def figures(data: dict) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
        return [(f["value"], f["unit"], f["label"]["zh-Hans"], f.get("change"), f.get("period"))
                for f in data["figures"]]

    assert figures(other) == figures(plain)


def test_furniture_lines_are_left_out_and_nothing_else() -> None:
    assert without_furniture("第3版\n审结案件5件。\n- 12 -\n").strip() == "审结案件5件。"
    assert normalize(without_furniture(SPC)) == normalize(SPC)


def test_a_websites_publication_line_buttons_and_footer_are_furniture() -> None:
    page = ("发布时间：2026-01-12 10:30:15 来源：某某区人民法院 字号：大 中 小\n审结案件5件。\n"
            "【打印本页】　【关闭窗口】\n版权所有：某某市某某区人民法院　地址：某某路88号\n")
    assert without_furniture(page).split() == ["审结案件5件。"]
    # Nor is a newspaper's masthead above the report.
    assert without_furniture("某某日报\n某某市人民检察院工作报告\n").split() == ["某某市人民检察院工作报告"]
    # A body line that opens with such a word is no furniture.
    assert without_furniture("时间紧、任务重，审结案件5件。") == "时间紧、任务重，审结案件5件。"


def test_the_institution_is_the_one_the_title_names_not_a_site_name_above_it(content: Content) -> None:
    text = ("某某市某某区人民法院\n某某区人民法院工作报告\n"
            "——二〇二六年一月六日在某某市某某区第十八届人民代表大会第六次会议上\n\n"
            "各位代表：\n\n2025年，全院受理各类案件68437件。\n")
    drafted = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                             measures=content.measures)
    assert drafted.data["court"]["zh-Hans"] == "某某区人民法院"


@pytest.mark.slow
def test_a_procuratorate_branchs_supervision_is_its_own_work(content: Content) -> None:
    text = (FIXTURES / "drafting" / "invented-forest-procuratorate-branch.txt").read_text(encoding="utf-8")
    drafted = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                             measures=content.measures)
    assert drafted.data["court"]["zh-Hans"] == "某某省人民检察院某某林区分院"
    # 四、坚持强化监督… over 刑事诉讼监督: the branch's supervision of others, not supervision accepted.
    block = next(block for block in drafted.source.blocks if block.text.startswith("强化刑事诉讼监督"))
    assert drafted.assignment.parts[block.id] == "stability"


def test_a_running_head_naming_the_congress_document_is_left_out() -> None:
    # A PDF's pages each open with the document line the report is printed as; the line is
    # furniture though it does not say 报告, and the title after it is the report's.
    head = "某某县第十八届人民代表大会第五次会议文件"
    pages = [f"{head}\n\n审结案件{n}件。\n\n— {n} —" for n in range(1, 4)]
    assert without_furniture("\n".join(pages)).split() == ["审结案件1件。", "审结案件2件。",
                                                           "审结案件3件。"]
    # A short line said twice is no running head.
    assert head in without_furniture("\n".join(pages[:2]))


@pytest.mark.parametrize(("against", "attached"), [("2024年", True), ("2021年", False)])
def test_a_change_against_a_named_year_is_year_on_year_only_against_the_year_before(
        against: str, attached: bool, content: Content) -> None:
    text = ("某某县人民法院工作报告\n\n——2026年1月8日在某某县第十八届人民代表大会第五次会议上\n\n"
            "各位代表：\n\n一、2025年主要工作\n\n2025年，全院受理各类案件6842件。\n\n（一）依法审理行政案件\n\n"
            f"审结行政案件53件，比{against}增加8件。\n")
    drafted = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                             measures=content.measures)
    figure = next(figure for figure in drafted.figures if figure.data["written"] == "53")
    assert ("change" in figure.data) is attached
    # Either way the 8 is no figure of its own.
    assert all(figure.data["written"] != "8" for figure in drafted.figures)


def test_a_term_review_s_figures_are_the_span_s_until_a_paragraph_opens_on_the_year(
        content: Content) -> None:
    text = ("某某市人民检察院工作报告\n\n——2026年1月9日在某某市第十届人民代表大会第一次会议上\n\n"
            "各位代表：\n\n一、过去五年主要工作\n\n（一）维护安全稳定\n\n依法打击犯罪，起诉各类犯罪1.2万人。\n\n"
            "2025年，全市检察机关共办理各类案件6640件。\n\n维护安全稳定方面，起诉危险驾驶犯罪312人。\n\n"
            "（二）服务发展大局\n\n办理涉企案件2186件。\n")
    drafted = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                             measures=content.measures)
    periods = {figure.data["written"]: figure.data.get("period", {}).get("zh-Hans")
               for figure in drafted.figures}
    assert periods == {"1.2万": "过去五年", "6640": None, "312": None, "2186": "过去五年"}
