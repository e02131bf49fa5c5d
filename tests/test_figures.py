"""Numbers as reports write them, and per-language display."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import Flask

from webapp.content.figures import parse_written

from .conftest import displayed


@pytest.mark.parametrize(
    ("written", "value"),
    [("100344", 100344), ("1.95万", 19500), ("72.58亿", 7258000000), ("2659亿", 265900000000),
     ("105.5%", Decimal("105.5")), ("835.49万", 8354900), ("10万", 100000),
     # Full-width digits and Chinese numerals, as some reports write them.
     ("１２３", 123), ("１．９５万", 19500), ("二千九百一十二", 2912), ("一万", 10000),
     ("两千", 2000), ("1.5万亿", 1500000000000)],
)
def test_parse_written(written: str, value: int | Decimal) -> None:
    assert parse_written(written) == Decimal(value)


@pytest.mark.parametrize("written", ["", "十四五", "1,000", "12.5千", "abc"])
def test_parse_written_rejects_what_is_not_a_number(written: str) -> None:
    assert parse_written(written) is None


@pytest.mark.parametrize(
    ("figure_id", "code", "expected"),
    [
        ("enforcement-recovered", "en", "RMB 7.258 billion"),
        ("enforcement-recovered", "zh-hans", "72.58亿元"),
        ("enforcement-recovered", "zh-hant", "72.58億元"),
        ("commercial-concluded", "en", "19,500 cases"),
        ("commercial-concluded", "zh-hans", "1.95万件"),
        ("fraud-amount", "en", "over RMB 265.9 billion"),
        ("fraud-amount", "zh-hans", "2659亿余元"),
        ("fraud-amount", "zh-hant", "2659億餘元"),
        ("cases-received", "en", "100,344 cases"),
        ("closure-ratio", "en", "105.5%"),
    ],
)
def test_display_per_language(app: Flask, figure_id: str, code: str, expected: str) -> None:
    assert displayed(app, "sample-2023", figure_id, code).text == expected


@pytest.mark.parametrize(
    ("app_fixture", "report_id", "figure_id", "code", "expected"),
    [
        ("app", "sample-2023", "closure-ratio", "en", "up 5.5 percentage points year on year"),
        ("app", "sample-2023", "closure-ratio", "zh-hans", "同比上升5.5个百分点"),
        ("app", "sample-2023", "closure-ratio", "zh-hant", "同比上升5.5個百分點"),
        # 上升1.4倍 is an increase of 140%: "up 1.4 times" would read to many as 1.4 times as many.
        ("real_app", "haidian-2023", "small-claims-concluded", "en", "up 140% year on year"),
        ("real_app", "haidian-2023", "small-claims-concluded", "zh-hans", "同比上升1.4倍"),
        ("real_app", "haidian-2023", "small-claims-concluded", "zh-hant", "同比上升1.4倍"),
    ],
)
def test_change_per_language(request: pytest.FixtureRequest, app_fixture: str, report_id: str,
                             figure_id: str, code: str, expected: str) -> None:
    app: Flask = request.getfixturevalue(app_fixture)
    assert displayed(app, report_id, figure_id, code).change == expected


@pytest.mark.content
@pytest.mark.parametrize(("code", "expected"), [("zh-hans", "达17.0%"), ("zh-hant", "達17.0%"),
                                                ("en", "17.0%")])
def test_a_number_keeps_the_decimals_the_report_wrote(real_app: Flask, code: str,
                                                      expected: str) -> None:
    # 适用率达17.0%: the report's trailing zero is part of what it says, and kept.
    assert displayed(real_app, "haidian-2023", "small-claims-rate", code).text == expected
