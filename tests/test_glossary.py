"""Marking glossary terms in text, and the glossary page."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from webapp.content import load_content
from webapp.content.models import Term
from webapp.glossary import (
    Entry,
    TermMarker,
    by_initial,
    entry,
    matches,
    ordered,
    pinyin,
    restates,
    sort_key,
)

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


def test_the_tips_link_waits_out_of_the_tab_order_and_its_close_button_hidden(
        glossary: tuple[Term, ...]) -> None:
    html = TermMarker(glossary, "en", "s1", lambda term: f"/glossary#term-{term.id}", "More",
                      "Close").mark("the Fengqiao Experience")
    assert '<a class="term__more" href="/glossary#term-fengqiao-experience" tabindex="-1">' in html
    assert '<button class="term__close" type="button" hidden>Close</button>' in html
    # The trigger itself stays a plain link in the tab order: Enter opens the entry.
    assert re.search(r'<a class="term__trigger" href="/glossary#term-fengqiao-experience"'
                     r'(?![^>]*tabindex)', html)


def test_pinyin_with_tones_and_the_glossary_s_own_reading(glossary: tuple[Term, ...]) -> None:
    fengqiao = next(term for term in glossary if term.id == "fengqiao-experience")
    assert pinyin(fengqiao) == ("fēng", "qiáo", "jīng", "yàn")
    # pypinyin reads 诉调对接 as sù diào …: the glossary's own reading wins, for order too.
    corrected = fengqiao.model_copy(update={"pinyin": "sù tiáo duì jiē"})
    assert pinyin(corrected) == ("sù", "tiáo", "duì", "jiē")
    assert sort_key(corrected, "zh-Hans") == ("su", "tiao", "dui", "jie")


def test_terms_are_indexed_by_initial_with_digits_first(glossary: tuple[Term, ...]) -> None:
    two_plus_n = glossary[0].model_copy(update={"id": "two-plus-n", "pinyin": None,
                                                "term": glossary[0].term.model_copy(
                                                    update={"zh_hans": "2+N机制", "en": "2+N"})})
    terms = ordered((*glossary, two_plus_n), "zh-Hans")
    assert [(letter, [t.id for t in members]) for letter, members in by_initial(terms, "zh-Hans")] == [
        ("#", ["two-plus-n"]), ("F", ["fengqiao-experience", "fengqiao-style-tribunal"]),
        ("J", ["hostile"])]
    assert [letter for letter, _members in by_initial(ordered(glossary, "en"), "en")] == ["C", "F"]


def test_an_entry_says_each_thing_once() -> None:
    content = load_content(FIXTURE_CONTENT)
    fengqiao, tribunal, hostile = (content.term(i) for i in (
        "fengqiao-experience", "fengqiao-style-tribunal", "hostile"))
    assert fengqiao is not None and tribunal is not None and hostile is not None
    # The short definition and the explanation of the tribunal are the same words: once.
    assert entry(tribunal, "zh-Hans") == Entry(None, "践行枫桥经验的人民法庭。", None)
    assert entry(tribunal, "en").short is None
    # Different texts all stay; the defining quote is the report's, in the reader's script.
    shown = entry(fengqiao, "zh-Hant")
    assert shown.short == "就地化解矛盾的基層治理經驗。" and shown.explanation is not None
    assert shown.quote is not None and shown.quote.startswith("「楓橋經驗」")
    assert entry(hostile, "en") == Entry(hostile.short.en, hostile.explanation.en, None)


def test_an_explanation_retelling_the_defining_quote_gives_way_to_it_in_chinese() -> None:
    term = load_content(FIXTURE_CONTENT).term("fengqiao-experience")
    assert term is not None and term.source is not None
    retelling = term.model_copy(update={"explanation": term.explanation.model_copy(
        update={"zh_hans": "小事不出村，大事不出镇，矛盾不上交，就地化解。"})})
    assert entry(retelling, "zh-Hans").explanation is None
    assert entry(retelling, "zh-Hans").quote == term.source.quote
    # English readers keep the English explanation; the quote is Chinese.
    assert entry(retelling, "en").explanation == term.explanation.en


def test_restates_compares_characters_in_order_punctuation_aside() -> None:
    assert restates("就地化解，矛盾。", "矛盾要就地化解矛盾")
    assert not restates("就地化解矛盾的基层治理经验", "浙江省诸暨市枫桥镇创造的基层治理经验")


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
def test_glossary_page_announces_the_count_and_offers_an_index(client: FlaskClient,
                                                              code: str) -> None:
    html = client.get(f"/{code}/glossary").get_data(as_text=True)
    count = re.search(r'<p class="muted" id="glossary-count" role="status">(.*?)</p>', html)
    assert count is not None and "3" in count.group(1)
    # The live region is the count alone, not the list.
    assert "aria-live" not in html
    assert re.search(r'<nav class="glossary-index"[^>]*>.*href="#letter-F"', html, flags=re.S)
    assert 'lang="zh-Latn-pinyin">fēng qiáo jīng yàn</span>' in html


def test_glossary_without_matches_says_so_outside_the_list(client: FlaskClient) -> None:
    html = client.get("/en/glossary?q=nothing-like-it").get_data(as_text=True)
    count = re.search(r'id="glossary-count" role="status">(.*?)</p>', html)
    assert count is not None and "No term matches “nothing-like-it”." in count.group(1)
    assert "<dl" not in html


def printed(glossary: tuple[Term, ...], text: str, tag: str = "zh-Hans") -> str:
    """Return ``text`` as the PDF marks it, each note shown as [its term's id]."""
    html = TermMarker(glossary, tag, "s1", None).mark(text)
    html = re.sub(r'<span class="term__tip" id="tip-s1-([a-z-]+)">.*?</span>', r"[\1]", html)
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(("text", "tag", "shown"), [
    # Before a number, the call goes after it and its unit, at the end of the clause.
    ("结收比105.5%，同比上升", "zh-Hans", "结收比105.5%[hostile]，同比上升"),
    ("结收比105.5%、收案100344件", "zh-Hans", "结收比105.5%[hostile]、收案100344件"),
    ("结收比105.5%", "zh-Hans", "结收比105.5%[hostile]"),
    # Inside a quotation, after its closing mark; and past a number after that.
    ("坚持“枫桥经验”，继续努力", "zh-Hans", "坚持“枫桥经验”[fengqiao-experience]，继续努力"),
    ("坚持「楓橋經驗」25年", "zh-Hant", "坚持「楓橋經驗」25年[fengqiao-experience]"),
    ("It applied the “Fengqiao Experience” widely.", "en",
     "It applied the “Fengqiao Experience”[fengqiao-experience] widely."),
    # A decimal point or a thousands comma does not end the clause; a comma before a space does.
    ("“枫桥”1,263.5件, 此外", "zh-Hans", "“枫桥”1,263.5件[fengqiao-experience], 此外"),
    # Elsewhere right after the term.
    ("坚持枫桥经验，继续努力", "zh-Hans", "坚持枫桥经验[fengqiao-experience]，继续努力"),
    ("The closure-to-filing ratio was 105.5%.", "en",
     "The closure-to-filing ratio[hostile] was 105.5%."),
])
def test_a_printed_note_is_called_where_copying_keeps_it_off_numbers_and_quotations(
        glossary: tuple[Term, ...], text: str, tag: str, shown: str) -> None:
    assert printed(glossary, text, tag) == shown


def test_printed_notes_keep_their_order_when_calls_share_a_place(
        glossary: tuple[Term, ...]) -> None:
    # Both calls wait for the end of the clause; the first term's note stays first.
    assert printed(glossary, "“结收比与枫桥”2项，此外") == (
        "“结收比与枫桥”2项[hostile][fengqiao-experience]，此外")
