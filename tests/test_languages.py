"""Language negotiation and Simplified→Traditional conversion."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from webapp.languages import TraditionalConverter, canonical_code, negotiate


def accept(header: str) -> LanguageAccept:
    return parse_accept_header(header, LanguageAccept)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-TW,zh;q=0.9,en;q=0.8", "zh-hant"),
        ("zh-HK", "zh-hant"),
        ("zh-MO,en;q=0.5", "zh-hant"),
        ("zh-Hant", "zh-hant"),
        ("zh-CN,zh;q=0.9", "zh-hans"),
        ("zh-SG", "zh-hans"),
        ("zh", "zh-hans"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR,de;q=0.8", "en"),
        ("en;q=0.5,zh-TW;q=0.9", "zh-hant"),
        ("", "zh-hans"),
        ("%%%;q=abc", "zh-hans"),
    ],
)
def test_negotiation_matches_by_script(header: str, expected: str) -> None:
    assert negotiate(accept(header), None).code == expected


def test_cookie_wins_over_accept_language() -> None:
    assert negotiate(accept("en-US"), "zh-hant").code == "zh-hant"


def test_malformed_cookie_is_ignored() -> None:
    assert negotiate(accept("zh-TW"), "klingon").code == "zh-hant"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("zh-Hans", "zh-hans"), ("zh-TW", "zh-hant"), ("zh-cn", "zh-hans"), ("zh_HK", "zh-hant"),
     ("EN", "en"), ("zh-hans", None), ("xx", None), ("", None)],
)
def test_canonical_codes(spelling: str, canonical: str | None) -> None:
    assert canonical_code(spelling) == canonical


@pytest.fixture(scope="module")
def plain() -> TraditionalConverter:
    return TraditionalConverter({})


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("支持", "支持"),
        ("高质量发展", "高質量發展"),
        ("信息", "信息"),
        ("高级人民法院", "高級人民法院"),
        ("简易程序", "簡易程序"),
        ("北京知识产权法院", "北京知識產權法院"),
        ("互联网法院", "互聯網法院"),
        ("群众", "群眾"),
        ("着力", "著力"),
    ],
)
def test_s2tw_converts_characters_not_vocabulary(plain: TraditionalConverter, simplified: str,
                                                  traditional: str) -> None:
    assert plain.convert(simplified) == traditional


def test_overrides_fix_what_opencc_gets_wrong(plain: TraditionalConverter) -> None:
    # The regression list from TECH-NOTES: what s2tw alone does wrong.
    assert plain.convert("总结发布") == "總結髮布"
    assert plain.convert("于某某") == "於某某"
    fixed = TraditionalConverter({"总结发布": "總結發布", "于某某": "于某某", "被发回": "被發回"})
    assert fixed.convert("总结发布年度行政案件情况") == "總結發布年度行政案件情況"
    assert fixed.convert("被告人于某某案件被发回重审") == "被告人于某某案件被發回重審"
