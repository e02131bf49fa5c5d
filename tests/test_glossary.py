"""Marking glossary terms in text, and the glossary page."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.content import load_content
from webapp.content.terms import Term
from webapp.glossary import (
    Entry,
    TermMarker,
    by_initial,
    entry,
    ordered,
    pinyin,
    restates,
    sort_key,
)
from webapp.web.search import index_built

from .conftest import FIXTURE_CONTENT

# Every term of the fixture glossary, in English alphabetical order.
ALL_IN_ENGLISH_ORDER = ["hostile", "fengqiao-experience", "fengqiao-style-tribunal",
                        "litigation-free-village", "simple-complex-separation"]


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
    # 繁简分流 (fán) before 枫桥 (fēng); closure-to-filing ratio before Fengqiao.
    assert [t.id for t in ordered(glossary, "zh-Hans")] == [
        "simple-complex-separation", "fengqiao-experience", "fengqiao-style-tribunal", "hostile",
        "litigation-free-village"]
    assert [t.id for t in ordered(glossary, "en")] == ALL_IN_ENGLISH_ORDER


def filtered(client: FlaskClient, code: str, query: str, htmx: bool = False) -> list[str]:
    """Return the ids of the terms the glossary page (or its htmx fragment) lists for a query."""
    response = client.get(f"/{code}/glossary", query_string={"q": query},
                          headers={"HX-Request": "true"} if htmx else {})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ("<html" in html) is not htmx
    return re.findall(r'class="glossary__entry" id="term-([^"]+)"', html)


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
@pytest.mark.parametrize("query", ["楓橋", "枫桥", "Fengqiao", "fengqiao", "FENGQIAO MODEL",
                                   "feng qiao", "Feng Qiao jing yan", "fengqiaojingy"])
def test_filter_in_any_script_and_in_pinyin_with_or_without_spaces(
        fixture_client: FlaskClient, code: str, query: str) -> None:
    found = filtered(fixture_client, code, query)
    assert "fengqiao-experience" in found
    assert "hostile" not in found


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize(("query", "found"), [
    # Pinyin with spaces, as the search reads it (the filter refused it before).
    ("jie shou bi", ["hostile"]),
    ("jieshoubi", ["hostile"]),
    ("feng qiao shi", ["fengqiao-style-tribunal"]),
    # English by stem, in any case.
    ("RATIOS", ["hostile"]),
    # Nothing to search for is no term, not every term; an empty field is every term.
    ("？", []),
    ("", ALL_IN_ENGLISH_ORDER),
])
def test_the_filter_reads_a_query_as_the_search_does(fixture_client: FlaskClient, htmx: bool,
                                                     query: str, found: list[str]) -> None:
    assert filtered(fixture_client, "en", query, htmx) == found


@pytest.mark.parametrize(("code", "query", "message"), [
    ("en", "grassroots", "No term is called “grassroots”; 1 mentions it."),
    ("zh-hans", "基层", "没有名为“基层”的术语；有1个术语的释义提到它。"),
])
def test_the_filter_looks_for_names_first_then_mentions(fixture_client: FlaskClient, code: str,
                                                        query: str, message: str) -> None:
    # Only the Fengqiao Experience's definition says "grassroots" (基层): no name does.
    assert filtered(fixture_client, code, query) == ["fengqiao-experience"]
    html = fixture_client.get(f"/{code}/glossary", query_string={"q": query}).get_data(as_text=True)
    assert f'id="glossary-count" role="status">{message}</p>' in html
    # Where a name holds the query, a definition that mentions it does not list its term:
    # 枫桥经验 is the tribunal's definition too (践行枫桥经验的人民法庭), not its name.
    assert filtered(fixture_client, "zh-hans", "枫桥经验") == ["fengqiao-experience"]


@pytest.mark.content
@pytest.mark.parametrize("query", ["su tiao dui jie", "sutiao", "su diao dui jie"])
def test_the_filter_finds_a_term_by_the_reading_the_glossary_states(real_client: FlaskClient,
                                                                   query: str) -> None:
    # The real glossary says 诉调对接 reads sù tiáo duì jiē (调 is tiáo here, not pypinyin's
    # diào); a reader who types pypinyin's reading still finds it.
    assert "litigation-mediation-coordination" in filtered(real_client, "en", query)


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
@pytest.mark.parametrize(("query", "term_id"), [
    ("zhi xing nan", "enforcement-difficulty"),            # 解决执行难
    ("suyuan zhili", "litigation-source-governance"),     # 诉源治理
    ("su yuan zhi li", "litigation-source-governance"),
])
@pytest.mark.content
def test_the_filter_takes_the_pinyin_it_refused(real_client: FlaskClient, code: str, query: str,
                                                term_id: str) -> None:
    assert term_id in filtered(real_client, code, query)


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
def test_glossary_page_filters_and_links_back(fixture_client: FlaskClient, code: str) -> None:
    html = fixture_client.get(f"/{code}/glossary?q=楓橋").get_data(as_text=True)
    assert 'id="term-fengqiao-experience"' in html
    assert 'id="term-hostile"' not in html
    assert f'href="/{code}/reports/sample-2023/stability"' in html


def test_glossary_filter_htmx_returns_the_content_block(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/glossary?q=ratio", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'id="glossary-results"' in html and "<html" not in html
    assert 'id="term-hostile"' in html and 'id="term-fengqiao-experience"' not in html


def test_section_page_marks_terms_and_lists_them(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/reports/sample-2023/stability").get_data(as_text=True)
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
        ("#", ["two-plus-n"]),
        ("F", ["simple-complex-separation", "fengqiao-experience", "fengqiao-style-tribunal"]),
        ("J", ["hostile"]), ("W", ["litigation-free-village"])]
    assert [letter for letter, _members in by_initial(ordered(glossary, "en"), "en")] == [
        "C", "F", "L", "S"]


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
def test_glossary_page_announces_the_count_and_offers_an_index(fixture_client: FlaskClient,
                                                              code: str) -> None:
    html = fixture_client.get(f"/{code}/glossary").get_data(as_text=True)
    count = re.search(r'<p class="muted" id="glossary-count" role="status">(.*?)</p>', html)
    assert count is not None and "5" in count.group(1)
    # The live region is the count alone, not the list.
    assert "aria-live" not in html
    assert re.search(r'<nav class="glossary-index"[^>]*>.*href="#letter-F"', html, flags=re.S)
    assert 'lang="zh-Latn-pinyin">fēng qiáo jīng yàn</span>' in html


def test_glossary_without_matches_says_so_outside_the_list(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/glossary?q=nothing-like-it").get_data(as_text=True)
    count = re.search(r'id="glossary-count" role="status">(.*?)</p>', html)
    assert count is not None and "No term matches “nothing-like-it”." in count.group(1)
    assert "<dl" not in html


# Tooltips: the term's names in both languages, and its definition ----------------------------

TIP_NAMES = {
    # The page's headword first, then the other language's (with pinyin for English readers).
    "en": ['<span class="term__name">Fengqiao Experience</span>',
           '<span class="term__name" lang="zh-Hans">枫桥经验</span>',
           '<span class="term__pinyin" lang="zh-Latn-pinyin">fēng qiáo jīng yàn</span>'],
    "zh-Hans": ['<span class="term__name">枫桥经验</span>',
                '<span class="term__name" lang="en">Fengqiao Experience</span>'],
    "zh-Hant": ['<span class="term__name">楓橋經驗</span>',
                '<span class="term__name" lang="en">Fengqiao Experience</span>'],
}
TIP_TEXT = {"en": "the Fengqiao model", "zh-Hans": "枫桥", "zh-Hant": "楓橋"}


@pytest.mark.parametrize("tag", ["en", "zh-Hans", "zh-Hant"])
def test_a_tip_names_the_term_in_both_languages_before_its_definition(
        glossary: tuple[Term, ...], tag: str) -> None:
    # The text uses an alias (Fengqiao model, 枫桥): the tip still gives both headwords.
    html = TermMarker(glossary, tag, "s1", lambda term: f"/glossary#term-{term.id}", "More",
                      "Close").mark(TIP_TEXT[tag])
    tip = re.search(r'<span class="term__tip" role="tooltip" id="tip-s1-fengqiao-experience">'
                    r'(.*?)</span></span>$', html)
    assert tip, html
    names = re.search(r'<span class="term__names">(.*?)</span><span class="term__short">',
                      tip.group(1))
    assert names, tip.group(1)
    positions = [names.group(1).find(part) for part in TIP_NAMES[tag]]
    assert -1 not in positions and positions == sorted(positions), names.group(1)
    short = next(term for term in glossary if term.id == "fengqiao-experience").short.get(tag)
    assert f'<span class="term__short">{short}</span>' in tip.group(1)
    # The trigger is described by the tip: its names and definition are what a screen reader
    # gives after the term's own words.
    assert '<a class="term__trigger" href="/glossary#term-fengqiao-experience" ' \
           'aria-describedby="tip-s1-fengqiao-experience"' in html


@pytest.mark.parametrize(("code", "tag"), [("en", "en"), ("zh-hans", "zh-Hans"),
                                           ("zh-hant", "zh-Hant")])
def test_the_section_pages_tips_name_the_term_in_both_languages(fixture_client: FlaskClient, code: str,
                                                                tag: str) -> None:
    html = fixture_client.get(f"/{code}/reports/sample-2023/stability").get_data(as_text=True)
    tip = html[html.index('id="tip-'):]
    tip = tip[:tip.index('<span class="term__short">')]
    term_id = re.match(r'id="tip-[^"]*?-(fengqiao-experience|fengqiao-style-tribunal|hostile)"',
                       tip)
    assert term_id, tip
    other = "en" if tag != "en" else "zh-Hans"
    assert f'<span class="term__name" lang="{other}">' in tip


def test_printed_notes_keep_their_own_wording(glossary: tuple[Term, ...]) -> None:
    # A PDF note names its term once, as before: no names block, no tip markup.
    html = TermMarker(glossary, "en", "s1", None).mark("the Fengqiao Experience")
    assert "term__names" not in html
    # The term is its words alone, its note after it: no element around it to lay out.
    assert html.startswith('the Fengqiao Experience<span class="term__tip"')
    assert TermMarker(glossary, "zh-Hans", "s1", None).mark("<b>结收比</b>").startswith(
        '&lt;b&gt;结收比<span class="term__tip"')
    assert '<span class="term__tip" id="tip-s1-fengqiao-experience">枫桥经验 — Fengqiao ' \
           'Experience: A grassroots approach of resolving disputes locally.</span>' in html


def test_the_glossary_without_a_filter_builds_no_search_index(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/en/glossary").status_code == 200
    assert not index_built(app)
    assert client.get("/en/glossary?q=fengqiao").status_code == 200
    assert index_built(app)


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
