"""The drafter never crashes: on random and hostile text it drafts or refuses in one line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp.content.reports import Content
from webapp.drafting import DraftError
from webapp.drafting.draft import draft_briefing
from webapp.drafting.numbers import find_figures
from webapp.markup import closed_up

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
def content(real_content: Content) -> Content:
    return real_content


def draft_or_refuse(text: str, content: Content) -> None:
    try:
        draft = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 1, 1))
    except DraftError as refused:
        assert str(refused) and "\n" not in str(refused)
        return
    for figure in draft.figures:
        assert figure.data["quote"] in text
        assert text.count(figure.data["quote"]) == 1


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_hostile_text_is_drafted_or_refused(text: str, content: Content) -> None:
    draft_or_refuse(text, content)


@pytest.mark.slow
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
        assert figure.written.replace(",", "") in closed_up(text) or \
            figure.written in text


# Report-like texts: the plan every work report follows, with its parts drawn at random from the
# ways reports write them, so that the property covers reports never seen.
INSTITUTIONS = ["最高人民法院", "最高人民检察院", "浙江省高级人民法院", "成都市中级人民法院",
                "海淀区人民法院", "广州市人民检察院", "上海海事法院", "北京知识产权法院"]
VERBS = ["审结", "受理", "办结", "批准逮捕", "提起公诉", "执结", "化解", "办理"]
OBJECTS = ["刑事案件", "民事案件", "知识产权案件", "电信网络诈骗犯罪案件", "涉外案件", "纠纷",
           "犯罪嫌疑人", "司法建议", "劳动争议案件", "行政案件"]
MEASURES = ["件", "人", "名", "人次", "件次", "万件", "亿元", "万元", "项", "条", "家", "%"]
PERIODS = ["", "", "", "过去五年", "“十四五”时期，", "累计", "2021年", "一年来，"]
CHANGES = ["", "，同比上升{r}%", "，同比下降{r}%", "，同比增长{r}个百分点", "，增幅为{r}%", "，上升{f}倍"]
CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_date(year: int, month: int, day: int) -> str:
    import cn2an

    return ("".join(CHINESE_DIGITS[int(digit)] for digit in str(year)) + "年"
            + cn2an.an2cn(month) + "月" + cn2an.an2cn(day) + "日")


numbers = st.one_of(st.integers(1, 99999).map(str),
                    st.decimals(1, 9999, places=1, allow_nan=False).map(str))


@st.composite
def figure_sentences(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        value = draw(numbers)
        sentence = draw(st.sampled_from(PERIODS)) + draw(st.sampled_from(VERBS)) + \
            draw(st.sampled_from(OBJECTS)) + value + draw(st.sampled_from(MEASURES))
        if draw(st.booleans()):  # X件Y人
            sentence += draw(numbers) + "人"
        sentence += draw(st.sampled_from(CHANGES)).format(r=draw(numbers), f=draw(st.integers(1, 9)))
        parts.append(sentence)
    if len(parts) >= 2 and draw(st.booleans()):
        parts[-1] += f"，同比分别上升{draw(numbers)}%、{draw(numbers)}%"
    return "，".join(parts) + "。"


@st.composite
def reports(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(INSTITUTIONS))
    year = draw(st.integers(2015, 2030))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    date = chinese_date(year + 1, month, day) if draw(st.booleans()) else f"{year + 1}年{month}月{day}日"
    head = "检察长" if "检察" in name else "院长"
    lines = [f"{name}工作报告", f"——{date}在第十四届人民代表大会第三次会议上", f"{name}{head}  张  三",
             "各位代表：", f"现在，我代表{name}向大会报告工作，请予审议。", f"{year}年工作回顾"]
    lines.append(draw(figure_sentences()))
    chapters = ["一、", "二、", "三、", "四、", "五、"]
    for chapter in chapters[:draw(st.integers(1, 5))]:
        lines.append(chapter + draw(st.sampled_from(
            ["依法惩治犯罪，维护安全稳定", "服务高质量发展", "坚持司法为民", "加强队伍建设",
             "自觉接受监督", "强化法律监督", "推进网络生态治理"])))
        for _ in range(draw(st.integers(1, 3))):
            lead = draw(st.sampled_from(["坚决维护国家安全。", "加强知识产权保护。", "持续解决执行难。", ""]))
            lines.append(lead + draw(figure_sentences()))
    if draw(st.booleans()):
        lines.append("我们清醒认识到，与人民群众的期待相比，工作还存在差距。"
                     "一是审判质效有待提升。二是队伍素质仍需加强。")
    lines.append(f"{year + 1}年工作安排")
    lines.append(f"{year + 1}年，我们将坚持稳中求进。第一，加强审判工作。第二，深化改革。")
    text = "\n\n".join(lines) + "\n"
    if draw(st.booleans()):  # As saved by Windows, without blank lines.
        text = text.replace("\n\n", "\r\n")
    return text


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(text=reports())
def test_every_accepted_report_like_text_drafts_into_content_that_passes_the_check(
        text: str, content: Content, tmp_path_factory: pytest.TempPathFactory) -> None:
    from webapp.content.loading import check_report_folder
    from webapp.drafting.read import normalize
    from webapp.drafting.write import write_report

    source = normalize(text)
    try:
        draft = draft_briefing(source, content.units, content.glossary, datetime.date(2026, 1, 1),
                               measures=content.measures)
    except DraftError as refused:
        assert str(refused) and "\n" not in str(refused)
        return
    # The institution and the delivery date as the text writes them.
    assert draft.data["court"]["zh-Hans"] == source.split("工作报告")[0].strip()
    assert draft.data["delivered"]["date"].startswith(str(int(draft.data["year"]) + 1))
    content_dir = tmp_path_factory.mktemp("content")

    def check(staged: Path) -> list[str]:
        return [str(problem) for problem in check_report_folder(content, staged, "generated")[1]]

    write_report(content_dir, "generated", draft, check=check)  # Raises DraftError on a problem.
    assert (content_dir / "reports" / "generated" / "briefing.yaml").exists()
