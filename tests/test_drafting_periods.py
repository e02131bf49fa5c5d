"""The span a figure counts: the report's year, or the span its sentence names."""

from __future__ import annotations

import pytest

from webapp.drafting.numbers import find_figures
from webapp.drafting.periods import chapter_span, period_of, same_span


@pytest.mark.parametrize(
    ("sentence", "written", "period"),
    [
        ("过去五年审结危害网络安全犯罪案件9326件2.2万人，较上一个五年增长158.5%。", "9326", "过去五年"),
        ("“十四五”时期，共审结涉外案件15.9万件，较“十三五”增长66%，其中海事案件1.2万件。",
         "1.2万", "“十四五”时期"),  # 较“十三五” is the comparison's basis, not the span.
        ("民法典施行五年来，审结物权纠纷案件175.2万件。", "175.2万", "五年来"),
        ("累计化解纠纷3.2万件。", "3.2万", "累计"),
        # 累计 sums over the span named before it, or the year.
        ("五年来，累计审结各类案件8.1万件。", "8.1万", "五年来"),
        ("全年累计化解纠纷4200件。", "4200", None),
        # A stock at an earlier year's end is of that year's end.
        ("一年以上未结案件由2021年底的3127件下降至2025年底的412件。", "3127", "2021年底"),
        ("一年以上未结案件由2021年底的3127件下降至2025年底的412件。", "412", None),
        # …but not over the year it ends in (截至2025年底累计: to date).
        ("截至2025年底累计调解涉外商事纠纷1147件。", "1147", "累计"),
        ("当事人约定由其管辖的案件由2021年361件增至2025年712件。", "361", "2021年"),
        ("当事人约定由其管辖的案件由2021年361件增至2025年712件。", "712", None),
        ("一年来，全院共审结案件9.8万件。", "9.8万", None),
        ("过去五年审结案件1万件；2025年审结案件3000件。", "3000", None),
        ("全年受理案件3748.6万件。", "3748.6万", None),
        # The plan named alone, as when, is the span (回顾“十四五”，…).
        ("回顾“十四五”，累计受理各类案件8.12万件。", "8.12万", "“十四五”"),
    ],
)
def test_a_figure_counts_the_span_its_sentence_names(sentence: str, written: str,
                                                     period: str | None) -> None:
    figure = next(figure for figure in find_figures(sentence) if figure.written == written)
    assert period_of(sentence, figure.start, 2025) == period


def test_the_items_of_a_list_each_name_what_they_count() -> None:
    sentence = "审结物权纠纷、人格权纠纷、侵权责任纠纷案件分别为175.2万件、96万件、556.6万件"
    figures = find_figures(sentence)
    assert [(figure.label, figure.unit) for figure in figures] == [
        ("审结物权纠纷案件", "cases"), ("审结人格权纠纷案件", "cases"), ("审结侵权责任纠纷案件", "cases")]
    # Items that do not pair up with the figures keep the phrase, never a bare 、.
    odd = find_figures("审结甲、乙、丙案件分别为3件、4件")
    assert all(figure.label and not figure.label.startswith("、") and "分别" not in figure.label
               for figure in odd)


def test_since_the_court_was_founded_is_a_span() -> None:
    text = "建院以来，共受理各类知识产权案件3.86万件。"
    assert period_of(text, text.index("3.86"), 2024) == "建院以来"


@pytest.mark.parametrize(
    ("paragraph", "written", "period"),
    [
        # A span opening the paragraph's first or second sentence frames what follows.
        ("五年来，全市法院审结一审刑事案件3.86万件。依法严惩暴力犯罪，审结此类案件1127件。",
         "1127", "五年来"),
        ("服务保障高质量发展。五年来，审结民商事案件52.7万件。审结金融案件8.43万件。", "8.43万", "五年来"),
        # A later sentence opening with the year ends the frame.
        ("五年来，审结执行案件35.9万件。2025年，执行到位金额138.6亿元。审结涉民生案件3120件。",
         "3120", None),
        # A span later in the paragraph, or not opening its sentence, frames nothing after it.
        ("用心办好民生案件。审结劳动争议案件3847件。五年来，累计追回欠薪1.86亿元。审结教育纠纷案件2139件。",
         "2139", None),
        ("审结破产案件3.2万件。助力停滞近10年的项目复工。审结重整案件181件。", "181", None),
    ],
)
def test_a_span_opening_a_paragraph_frames_it(paragraph: str, written: str, period: str | None) -> None:
    figure = next(figure for figure in find_figures(paragraph) if figure.written == written)
    assert period_of(paragraph, figure.start, 2025) == period


@pytest.mark.parametrize(
    ("paragraph", "written", "period"),
    [
        # In a chapter reviewing five years, what names no span is of those years ...
        ("健全企业破产处置机制，审结破产案件372件。", "372", "过去五年"),
        # ... and a span named later frames what follows it, until the year opens a sentence.
        ("2025年，审结民商事案件11.2万件。持续优化营商环境，五年来审结涉企案件21.8万件。"
         "审结破产案件372件。", "372", "五年来"),
        ("五年来审结涉企案件21.8万件。2025年，审结民商事案件11.2万件。审结破产案件372件。", "372", None),
    ],
)
def test_a_chapter_reviewing_a_span_frames_its_figures(paragraph: str, written: str,
                                                      period: str | None) -> None:
    figure = next(figure for figure in find_figures(paragraph) if figure.written == written)
    assert period_of(paragraph, figure.start, 2025, chapter_span("一、过去五年工作回顾")) == period


def test_a_chapter_reviewing_the_year_too_frames_nothing() -> None:
    assert chapter_span("一、过去五年和2024年工作回顾") is None
    assert chapter_span("一、2025年主要工作") is None


@pytest.mark.parametrize(("one", "other", "same"), [
    ("过去五年", "五年来", True), ("近五年", "五年以来", True), ("五年来", "三年来", False),
    ("2021年", "2021年以来", False), ("“十四五”时期", "过去五年", False),
])
def test_spans_written_otherwise_are_the_same_span(one: str, other: str, same: bool) -> None:
    assert same_span(one, other) is same
