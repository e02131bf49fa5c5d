"""Marking glossary terms in text, and the glossary page."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from webapp.content import load_content
from webapp.content.models import Term
from webapp.glossary import TermMarker, matches, ordered

from .conftest import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def glossary() -> tuple[Term, ...]:
    return load_content(FIXTURE_CONTENT).glossary


def marker(glossary: tuple[Term, ...], tag: str = "zh-Hans") -> TermMarker:
    return TermMarker(glossary, tag, "s1", lambda term: f"/glossary#term-{term.id}", "More")


def test_marks_inside_chinese_text_without_word_boundaries(glossary: tuple[Term, ...]) -> None:
    html = marker(glossary).mark("坚持和发展新时代枫桥经验")
    assert 'data-term="fengqiao-experience"' in html
    assert ('<a class="term__trigger" href="/glossary#term-fengqiao-experience" '
            'aria-describedby="tip-s1-fengqiao-experience"') in html
    assert 'role="tooltip" id="tip-s1-fengqiao-experience"' in html
    assert html.startswith("坚持和发展新时代<span")


def test_only_the_first_occurrence_in_a_section_is_marked(glossary: tuple[Term, ...]) -> None:
    one = marker(glossary)
    first = one.mark("枫桥经验，再谈枫桥经验")
    second = one.mark("又一次枫桥经验")
    assert first.count("data-term=") == 1
    assert "data-term=" not in second
    assert [term.id for term in one.used] == ["fengqiao-experience"]


def test_longest_match_wins_and_marks_never_nest(glossary: tuple[Term, ...]) -> None:
    html = marker(glossary).mark("建设枫桥式人民法庭")
    assert 'data-term="fengqiao-style-tribunal"' in html
    assert 'data-term="fengqiao-experience"' not in html
    assert html.count('class="term"') == 1


def test_aliases_match_and_point_to_the_same_term(glossary: tuple[Term, ...]) -> None:
    assert 'data-term="fengqiao-experience"' in marker(glossary).mark("发扬枫桥精神")


def test_traditional_forms(glossary: tuple[Term, ...]) -> None:
    html = marker(glossary, "zh-Hant").mark("堅持和發展新時代楓橋經驗")
    assert ">楓橋經驗</a>" in html
    assert "就地化解矛盾的基層治理經驗。" in html


def test_english_whole_words_case_insensitive(glossary: tuple[Term, ...]) -> None:
    english = marker(glossary, "en")
    html = english.mark("Courts apply the fengqiao experience; the Fengqiao modelling is not it.")
    assert ">fengqiao experience</a>" in html
    assert html.count("data-term=") == 1
    assert "data-term=" not in marker(glossary, "en").mark("the Fengqiao modelling")


def test_hostile_text_is_escaped(glossary: tuple[Term, ...]) -> None:
    html = marker(glossary).mark("<b>结收比</b>")
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;结案与收案之比" in html




def test_pinyin_and_alphabetical_order(glossary: tuple[Term, ...]) -> None:
    assert [t.id for t in ordered(glossary, "zh-Hans")] == [
        "fengqiao-experience", "fengqiao-style-tribunal", "hostile"]
    assert [t.id for t in ordered(glossary, "en")] == [
        "hostile", "fengqiao-experience", "fengqiao-style-tribunal"]


@pytest.mark.parametrize("query", ["楓橋", "枫桥", "Fengqiao", "fengqiao", "FENGQIAO MODEL"])
def test_filter_in_any_script(glossary: tuple[Term, ...], query: str) -> None:
    found = [term.id for term in glossary if matches(term, query)]
    assert "fengqiao-experience" in found
    assert "hostile" not in found


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
def test_glossary_page_filters_and_links_back(client: FlaskClient, code: str) -> None:
    html = client.get(f"/{code}/glossary?q=楓橋").get_data(as_text=True)
    assert 'id="term-fengqiao-experience"' in html
    assert 'id="term-hostile"' not in html
    assert f'href="/{code}/reports/sample-2023/stability"' in html


def test_glossary_filter_htmx_returns_the_content_block(client: FlaskClient) -> None:
    html = client.get("/en/glossary?q=ratio", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'id="glossary-results"' in html and "<html" not in html
    assert 'id="term-hostile"' in html and 'id="term-fengqiao-experience"' not in html


def test_section_page_marks_terms_and_lists_them(client: FlaskClient) -> None:
    html = client.get("/en/reports/sample-2023/stability").get_data(as_text=True)
    assert html.count('data-term="fengqiao-experience"') == 1
    assert 'href="/en/glossary#term-fengqiao-experience"' in html
