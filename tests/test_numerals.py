"""Numbers as Chinese texts write them: read, found and written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.languages import TraditionalConverter
from webapp.numerals import (
    FOLDED_NUMBER,
    NUMBER,
    TRADITIONAL_OVER,
    TRADITIONAL_SCALES,
    chinese_numeral,
    chinese_numeral_value,
    chinese_scale,
    digit_by_digit,
    digits_value,
    find_written,
    folded_digits,
    folded_value,
    parse_written,
)


@pytest.mark.parametrize(
    ("written", "value"),
    [("100344", 100344), ("1.95万", 19500), ("72.58亿", 7258000000), ("2659亿", 265900000000),
     ("105.5%", Decimal("105.5")), ("835.49万", 8354900), ("10万", 100000),
     # Full-width digits and Chinese numerals, as some reports write them.
     ("１２３", 123), ("１．９５万", 19500), ("二千九百一十二", 2912), ("一万", 10000),
     ("两千", 2000), ("1.5万亿", 1500000000000),
     # A count of one character, where the drafter read one (提出抗诉六件).
     ("六", 6), ("十", 10),
     # A count in one numeral (选派两名法官, 三个人民法庭), which the drafter reads.
     ("两", 2), ("三", 3),
     # 余/多 between a number and its scale: the qualifier's, not the value's.
     ("8600余万", 86000000), ("220多万", 2200000)],
)
def test_parse_written(written: str, value: int | Decimal) -> None:
    assert parse_written(written) == Decimal(value)


@pytest.mark.parametrize("written", ["", "十四五", "1,000", "12.5千", "abc", "8600余", "余万"])
def test_parse_written_rejects_what_is_not_a_number(written: str) -> None:
    assert parse_written(written) is None


@pytest.mark.parametrize(("written", "text", "found"), [
    ("1337", "刑事案件\t1337\t1770", "1337"),
    ("1.95万", "审结商事案件1.95万件", "1.95万"),
    ("10.2%", "同比上升10.2%", "10.2%"),
    ("１．９５万", "审结１．９５万件", "１．９５万"),
    ("二千九百一十二", "审结刑事案件二千九百一十二件", "二千九百一十二"),
    # An infographic's markup between the number and its scale.
    ("41.33亿", "执行到位金额 **41.33** 亿元", "41.33** 亿"),
    ("8600余万", "追缴违法所得8600余万元", "8600余万"),
    ("两", "选派两名双语法官", "两"),
])
def test_find_written(written: str, text: str, found: str) -> None:
    match = find_written(written, text)
    assert match is not None and match[0] == found


@pytest.mark.parametrize(("written", "text"), [
    ("1337", "收案21337件"), ("1337", "上升1337.5件"), ("1.95万", "审结1.95件"),
    ("一千", "三万一千件"), ("abc", "abc"), ("三", "审结十三件"),
    # The quote must hold the number as written: 8600万 is not what 8600余万 says, nor 600余万.
    ("8600万", "追缴违法所得8600余万元"), ("600余万", "追缴违法所得8600余万元"),
    ("8600余万", "追缴违法所得8600万元"),
    # Nor is a number without its scale: 8600 would be shown as 8,600元.
    ("8600", "追缴违法所得8600余万元"), ("1.95", "收案1.95万件"), ("1.95", "收案1.95 **万**件"),
    ("220", "涉及220多万人"), ("1.5万", "标的额1.5万亿元"),
])
def test_find_written_never_finds_a_piece_of_a_longer_number(written: str, text: str) -> None:
    assert find_written(written, text) is None


@pytest.mark.parametrize(("written", "scale"), [
    ("1.95万", "万"), ("1.5万亿", "万亿"), ("72.58亿", "亿"), ("100344", ""), ("一万", "")])
def test_chinese_scale_is_the_scale_written_after_digits(written: str, scale: str) -> None:
    assert chinese_scale(written) == scale


def test_chinese_numerals_read_and_written() -> None:
    assert chinese_numeral_value("二千九百一十二") == 2912
    assert chinese_numeral_value("两千") == 2000
    assert chinese_numeral_value("十十十") is None
    assert chinese_numeral(3) == "三"
    assert digit_by_digit("二〇二六") == "2026"


def test_digits_of_any_width_with_separators() -> None:
    assert digits_value("１,２３４.５") == Decimal("1234.5")
    assert digits_value("100,344") == 100344


def test_a_number_as_a_report_writes_it_in_digits_or_numerals() -> None:
    found = [(match["arabic"], match["chinese"]) for match in NUMBER.finditer(
        "收案100,344件，审结二千九百一十二件，一是")]
    assert found == [("100,344", None), (None, "二千九百一十二")]


@pytest.mark.parametrize(("text", "value", "digits"), [
    ("100344件", 100344, 100344), ("100,344 cases", 100344, 100344),
    ("1.95万件", 19500, Decimal("1.95")), ("7.258 billion", 7258000000, Decimal("7.258")),
    ("3 million", 3000000, 3),
    # Over 8600万: found by the number and the scale it is written with, not as 8600.
    ("8600余万元", 86000000, 8600), ("220多万人", 2200000, 220),
])
def test_a_number_of_a_folded_text(text: str, value: int, digits: Decimal) -> None:
    match = FOLDED_NUMBER.search(text)
    assert match is not None
    assert (folded_value(match), folded_digits(match)) == (value, digits)


@pytest.mark.parametrize("text", ["5g", "abc123", "x1.5"])
def test_a_folded_number_is_never_a_piece_of_a_word(text: str) -> None:
    assert FOLDED_NUMBER.search(text) is None


def test_the_traditional_forms_around_a_number_are_those_opencc_gives() -> None:
    converter = TraditionalConverter({})
    for simplified, traditional in {**TRADITIONAL_SCALES, **TRADITIONAL_OVER}.items():
        assert converter.convert(f"8600{simplified}元") == f"8600{traditional}元"
