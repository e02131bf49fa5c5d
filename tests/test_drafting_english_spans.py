"""The spans a label counts, said in English as written: a listed span, a named year, since a
year, so many years up to now, a Five-Year Plan period, up to a year's end; None otherwise."""

from __future__ import annotations

import pytest

from webapp.drafting.english import vocabulary
from webapp.drafting.english_spans import as_of, opening_span, span_english


@pytest.mark.parametrize(("period", "en"), [
    ("过去五年", "over the past five years"),
    ("近三年", "over the past three years"),
    ("近10年", "over the past 10 years"),
    ("三年来", "over three years"),
    ("五年以来", "over five years"),
    ("2019年", "in 2019"),
    ("2023年以来", "since 2023"),
    ("“十三五”时期", "during the 13th Five-Year Plan period"),
    ("十五五期间", "during the 15th Five-Year Plan period"),
    ("“十三五”以来", "since the 13th Five-Year Plan period began"),
])
def test_a_span_is_said_as_written(period: str, en: str) -> None:
    assert span_english(period, vocabulary()) == en


@pytest.mark.parametrize("period", ["历年", "近几年", "2021年至2025年", "一年来", "“十二五”时期"])
def test_a_span_it_cannot_say_exactly_is_none(period: str) -> None:
    assert span_english(period, vocabulary()) is None


@pytest.mark.parametrize(("text", "span"), [
    ("近三年审结案件", "近三年"),
    ("五年来审结案件", "五年来"),
    ("累计审结案件", None),  # 累计 sums over the figure's period: an opener, not a span
    ("近三年", None),  # nothing follows the span
    ("三年以上未结案件", None),  # years of a case, not a span
])
def test_the_span_a_label_opens_with(text: str, span: str | None) -> None:
    assert opening_span(text, vocabulary()) == span


def test_up_to_a_years_end_summed_or_not() -> None:
    assert as_of("截至2025年底累计调解涉外商事纠纷") == \
        ("调解涉外商事纠纷", " in total as of the end of 2025")
    assert as_of("截至2024年末审结案件") == ("审结案件", " as of the end of 2024")
    assert as_of("审结案件") is None
