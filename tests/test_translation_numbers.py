"""Numbers of a Chinese block against those of its English translation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.content.translation_numbers import english_numbers, number_problems


@pytest.mark.parametrize(("chinese", "english"), [
    ("受理案件突破 **10万** 件", "Cases accepted exceeded 100,000"),
    ("审结商事案件1.95万件", "concluded 19,500 commercial cases"),
    ("信息 **2.1** 万余条", "over 21,000 items"),
    ("执行到位金额72.58亿元", "RMB 7.258 billion recovered"),
    ("执行到位金额72.58亿元", "RMB 7,258,000,000 recovered"),
    ("新收3748.6万件", "37.486 million new cases"),
    ("结收比105.5%，同比上升5.5个百分点", "a ratio of 105.5%, up 5.5 percentage points"),
    ("同比上升1.4倍", "up 1.4-fold"),
    ("同比上升1.4倍", "up 140%"),
    ("——2024年1月5日在", "— on 5 January 2024 at"),
    ("2024年3月", "March 2024"),
    ("1-11月，同比上升", "January to November, up"),
    ("2025年工作计划", "Work plan for 2025"),
    ("发布典型案例2批10件", "released two batches of 10 typical cases"),
    ("赴全国二十多个省市", "to more than 20 provinces"),
    ("判处有期徒刑十年", "sentenced to 10 years"),
    ("推动“十四五”规划项目", "projects of the “14th Five-Year” Plan"),
    ("第十七届人民代表大会", "the 17th People's Congress"),
    ("-23.46%", "-23.46%"),
    ("2021-2025年", "2021–2025"),
])
def test_the_same_numbers_in_english_form_pass(chinese: str, english: str) -> None:
    assert number_problems(chinese, english) == []


@pytest.mark.parametrize(("chinese", "english", "problems"), [
    ("审结商事案件1.95万件", "concluded 1.95 million commercial cases",
     ["1.95万 is not in the translation as 19,500", "1.95 million is not a number of the original"]),
    ("上升5.5个百分点", "up 5.5%",
     ["5.5个百分点 is not in the translation as 5.5 percentage points",
      "5.5% is not a number of the original"]),
    ("-23.46%", "23.46%",
     ["-23.46% is not in the translation as -23.46%", "23.46% is not a number of the original"]),
    ("2024年1月5日", "January 5 2024",
     ["2024年1月5日 is not in the translation as 5 January 2024",
      "5 is not a number of the original", "2024 is not a number of the original"]),
    ("审结1026件1035人", "concluded 1,026 cases",
     ["1035 is not in the translation as 1,035"]),
    ("审结刑事案件2912件", "concluded 2912 criminal cases",
     ["write 2,912, not 2912 (thousands apart by commas)"]),
    ("2023年", "in 2,023", ["write the year 2023, not 2,023"]),
    ("审结143件", "concluded 143 cases and 12 more", ["12 is not a number of the original"]),
])
def test_a_lost_changed_or_added_number_is_named(chinese: str, english: str,
                                                 problems: list[str]) -> None:
    assert number_problems(chinese, english) == problems


def test_a_number_is_matched_once() -> None:
    # Two 10s in the Chinese need two in the English.
    assert number_problems("2批10件，另10件", "2 batches of 10 cases") == [
        "10 is not in the translation as 10"]


def test_a_table_cell_may_copy_a_count_as_written() -> None:
    assert number_problems("1857", "1857", table=True) == []
    assert number_problems("审结1857件", "1857", table=True) == []


def test_english_numbers_read_scales_kinds_and_words() -> None:
    found = english_numbers("RMB 4.133 billion, up 5.5 percentage points, 86.1% and twenty-one")
    assert [(number.value, number.kind) for number in found] == [
        (Decimal("4133000000"), "plain"), (Decimal("5.5"), "points"), (Decimal("86.1"), "percent"),
        (Decimal(21), "plain")]


def test_a_date_in_chinese_numerals_is_a_date() -> None:
    # A delivery line writes its date in Chinese numerals: the English names it as any date.
    assert number_problems("——二〇二六年三月九日在第十四届全国人民代表大会", "— on 9 March 2026 at the") == []
    assert number_problems("二〇二六年三月九日", "10 March 2026") == [
        "二〇二六年三月九日 is not in the translation as 9 March 2026",
        "10 March 2026 is not a number of the original"]
