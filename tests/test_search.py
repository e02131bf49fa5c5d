"""Search: any script, short Chinese words, pinyin, English stems, numbers, limits, links."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app, search
from webapp.content.reports import Content
from webapp.search import (
    MAX_HITS,
    PER_GROUP,
    HanPiece,
    LatinPiece,
    NumberPiece,
    QueryError,
    collect_entries,
    fold,
    parse_query,
)
from webapp.search.text import Pinyin
from webapp.views.search_view import SearchResponse
from webapp.web import search as web_search
from webapp.web.content import current_content
from webapp.web.search import current_index, warm_up

from .conftest import FIXTURE_CONTENT, LANGUAGE_CODES

TAGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}


def api(client: FlaskClient, query: str, lang: str) -> SearchResponse:
    """Return the API's answer to a query, checked against the response model."""
    response = client.get(f"/api/v1/search?q={quote(query)}&lang={lang}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return SearchResponse.model_validate(response.get_json())


def hits(found: SearchResponse) -> Iterator[tuple[str, str, str]]:
    """Yield (kind, url, text) of every listed hit, title and passage together."""
    for group in found.groups:
        for kind in group.kinds:
            for hit in kind.hits:
                title = hit.title.text if hit.title else ""
                yield kind.kind, hit.url, f"{title} {hit.passage.text}"


def current_reports(client: FlaskClient) -> list[str]:
    return [report["id"] for report in client.get("/api/v1/reports").get_json()["reports"]]


def marked(found: SearchResponse) -> list[str]:
    """Return the text of every mark of every listed hit."""
    texts = []
    for group in found.groups:
        for kind in group.kinds:
            for hit in kind.hits:
                for passage in (hit.title, hit.passage):
                    if passage is not None:
                        texts.extend(passage.text[start:end] for start, end in passage.marks)
    return texts


# Any script ------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "lang", "shown", "unseen"), [
    ("楓橋", "zh-hans", "枫桥经验", "楓"),   # Traditional query, Simplified page
    ("枫桥", "zh-hant", "楓橋經驗", "枫"),   # Simplified query, Traditional page
    ("楓橋經驗", "zh-hant", "楓橋經驗", "枫"),
])
def test_either_script_finds_both_and_results_are_in_the_pages_script(
        fixture_client: FlaskClient, query: str, lang: str, shown: str, unseen: str) -> None:
    found = api(fixture_client, query, lang)
    texts = [text for _kind, _url, text in hits(found)]
    assert any(shown in text for text in texts)
    assert not any(unseen in text for text in texts)
    assert {fold(text) for text in marked(found)} == {fold(query)}
    # The glossary entry, a summary and the report's own paragraph are all found.
    assert {"term", "summary", "paragraph"} <= {kind for kind, _url, _text in hits(found)}


@pytest.mark.parametrize(("query", "mark"), [
    ("案", "案"),             # one character
    ("执行", "执行"),          # two
    ("枫桥经", "枫桥经"),        # three
    ("執行", "执行"),          # two, Traditional
])
def test_one_two_and_three_character_chinese(fixture_client: FlaskClient, query: str, mark: str) -> None:
    found = api(fixture_client, query, "zh-hans")
    assert found.total > 0
    assert set(marked(found)) == {mark}


def test_a_one_character_query_finds_every_entry_holding_it(app: Flask) -> None:
    with app.test_request_context():
        entries = collect_entries(current_content())
        found = current_index().search("案", "zh-Hans")
    holding = [entry for entry in entries if any("案" in field.text for field in entry.fields["zh-Hans"])]
    assert found.total == len(holding) > 0


@pytest.mark.parametrize(("query", "lang", "mark"), [
    ("fengqiao", "zh-hans", "枫桥"),
    ("fengqiao", "zh-hant", "楓橋"),
    ("FengQiao", "zh-hans", "枫桥"),
    ("feng qiao", "zh-hans", "枫桥"),
    ("fengqiaojingyan", "zh-hans", "枫桥经验"),
    ("zhixing", "zh-hans", "执行"),
])
def test_toneless_pinyin_finds_chinese(fixture_client: FlaskClient, query: str, lang: str, mark: str) -> None:
    assert mark in marked(api(fixture_client, query, lang))


def test_pinyin_still_being_typed_finds_what_it_may_become(fixture_client: FlaskClient) -> None:
    assert "枫桥" in marked(api(fixture_client, "fengqia", "zh-hans"))
    # Typed in full (followed by a space), an unfinished syllable is not taken as one.
    assert "枫桥" not in marked(api(fixture_client, "fengqia ", "zh-hans"))


def test_an_unfinished_syllable_reads_as_every_pair_it_may_begin_in_the_order_learnt() -> None:
    pinyin = Pinyin()
    pinyin.learn_all({"执行", "枫桥", "执法", "治理", "直接"})
    # Learnt after the readings were sorted once for an unfinished syllable: sorted again.
    assert pinyin.forms(["zhi", "x"], partial_last=True) == ["执行"]
    pinyin.learn_all({"支线"})
    assert pinyin.forms(["zhi", "x"], partial_last=True) == ["执行", "支线"]
    assert pinyin.forms(["zhi", "j"], partial_last=True) == ["直接"]
    assert pinyin.forms(["zhi", "f"], partial_last=True) == ["执法"]
    assert pinyin.forms(["zhi", "q"], partial_last=True) == []


def test_one_syllable_is_not_read_as_pinyin(fixture_client: FlaskClient) -> None:
    # "an" would otherwise mark every 案 and 安: short English words are not pinyin.
    assert "案" not in marked(api(fixture_client, "an", "zh-hans"))


@pytest.mark.parametrize(("query", "mark"), [
    ("enforce", "Enforcement"),
    ("ENFORCEMENT", "enforcement"),
    ("receive", "received"),
    ("enforcem", "Enforcement"),   # still being typed
])
def test_english_finds_english_by_stem_whatever_the_case(fixture_client: FlaskClient, query: str,
                                                         mark: str) -> None:
    assert mark in marked(api(fixture_client, query, "en"))


@pytest.mark.content
def test_mediate_finds_mediation(real_client: FlaskClient) -> None:
    found = api(real_client, "mediate", "en")
    assert {text.lower() for text in marked(found)} >= {"mediation"}


def test_english_readers_find_the_chinese_text_and_the_glossary_headwords(
        fixture_client: FlaskClient) -> None:
    found = api(fixture_client, "枫桥", "en")
    kinds = {kind for kind, _url, _text in hits(found)}
    assert kinds == {"term", "paragraph"}  # Their briefing is English: only its Chinese parts.
    assert any(group.report is None for group in found.groups)


def test_english_finds_the_translation_and_leads_to_its_paragraph(fixture_client: FlaskClient) -> None:
    found = api(fixture_client, "summed up", "en")
    paragraphs = [hit for group in found.groups for kind in group.kinds for hit in kind.hits
                  if kind.kind == "paragraph"]
    assert [(hit.url, hit.passage.text, hit.passage.lang) for hit in paragraphs] == [
        ("/en/reports/sample-2023/source#p-fa7bd7bc", "The case of Yu was summed up and published.",
         "en")]
    assert marked(found) == ["summed", "up"]
    # Chinese readers search the Chinese: the translation is not theirs.
    assert not [hit for hit in hits(api(fixture_client, "summed up", "zh-hans")) if hit[0] == "paragraph"]
    page = fixture_client.get("/en/search?q=summed+up").get_data(as_text=True)
    assert "Unofficial translation; the Chinese is authoritative." in page


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("query", ["100344", "100,344", "10万", "10萬", "１００３４４"])
def test_numbers_find_the_figure_however_written(fixture_client: FlaskClient, query: str,
                                                 lang: str) -> None:
    found = api(fixture_client, query, lang)
    figures = [url for kind, url, _text in hits(found) if kind == "figure"]
    assert figures == [f"/{lang}/reports/sample-2023/#figure-cases-received"]


@pytest.mark.parametrize(("query", "lang", "mark"), [
    ("19500", "zh-hans", "1.95万"),
    ("19,500", "zh-hant", "1.95萬"),
    ("1.95万", "en", "19,500"),
    ("7.258 billion", "zh-hans", "72.58亿"),
    ("72.58亿", "en", "7.258 billion"),
    # The digits as the text prints them, copied without their scale.
    ("1.95", "zh-hans", "1.95万"),
    ("7.258", "en", "7.258 billion"),
])
def test_numbers_match_across_their_ways_of_writing(fixture_client: FlaskClient, query: str, lang: str,
                                                    mark: str) -> None:
    assert mark in marked(api(fixture_client, query, lang))


def test_an_exact_number_is_not_a_rounded_one(fixture_client: FlaskClient) -> None:
    assert api(fixture_client, "100000", "zh-hans").total == 0
    assert api(fixture_client, "100345", "zh-hans").total == 0


def test_words_and_numbers_together_all_count(fixture_client: FlaskClient) -> None:
    found = api(fixture_client, "收案 10万", "zh-hans")
    assert found.total > 0
    marks = " ".join(marked(found))
    assert "收案" in marks and "100344" in marks
    assert api(fixture_client, "商事 10万", "zh-hans").total == 0


# Reading queries -------------------------------------------------------------------------

def test_a_query_is_read_into_pieces() -> None:
    assert parse_query("楓橋 fengqiao 10万 1.95万 100,344") == [
        HanPiece("枫桥"), LatinPiece(("fengqiao",), partial_last=False),
        NumberPiece(95000, 110000), NumberPiece(19450, 19600),
        NumberPiece(100344, math.nextafter(100344, math.inf)),
    ]
    assert parse_query("Fengqiao Experience") == [LatinPiece(("fengqiao", "experience"), True)]
    assert parse_query("5G网络") == [LatinPiece(("5g",), False), HanPiece("网络")]


@pytest.mark.parametrize(("query", "reason"), [
    ("", "empty"), ("   ", "empty"), ("\x00", "empty"), ("x" * 101, "too-long"),
    ('"*():^', "nothing-to-search"), ("。，、", "nothing-to-search"),
])
def test_queries_that_cannot_be_searched(query: str, reason: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(query)
    assert raised.value.reason == reason


def test_folding_keeps_every_character_in_its_place(real_app: Flask) -> None:
    with real_app.test_request_context():
        entries = collect_entries(current_content())
    texts = [field.text for entry in entries for fields in entry.fields.values() for field in fields]
    assert all(len(fold(text)) == len(text) for text in texts)
    assert fold("楓橋經驗 ＡＢＣ１２３ Müller") == "枫桥经验 abc123 mvller"


# Limits and odd input --------------------------------------------------------------------

@pytest.mark.parametrize(("query", "message"), [
    ("", "Type a word"), ("x" * 101, "at most 100 characters"),
    ('"*():^', "nothing to search for"),
])
def test_the_api_answers_an_unsearchable_query_with_a_json_400(fixture_client: FlaskClient, query: str,
                                                              message: str) -> None:
    response = fixture_client.get(f"/api/v1/search?q={quote(query)}&lang=en")
    assert response.status_code == 400
    assert response.is_json
    assert message in response.get_json()["error"]


def test_the_api_error_is_in_the_language_asked_for(fixture_client: FlaskClient) -> None:
    response = fixture_client.get("/api/v1/search?q=&lang=zh-hant")
    assert response.status_code == 400
    assert "輸入字詞" in response.get_json()["error"]


def test_the_api_without_a_query_or_with_a_bad_language(fixture_client: FlaskClient) -> None:
    assert fixture_client.get("/api/v1/search?lang=en").status_code == 400
    response = fixture_client.get("/api/v1/search?q=x&lang=xx")
    assert response.status_code == 400 and response.is_json
    # The API's own default language says which languages there are.
    assert response.get_json()["error"] == "未知语言“xx”：请使用 zh-hans, zh-hant, en 之一。"


@pytest.mark.parametrize(("lang", "message"), [
    ("zh-hans", "输入字词"), ("zh-hant", "輸入字詞"), ("en", "Type a word"),
])
def test_the_page_explains_an_empty_query_in_its_language(fixture_client: FlaskClient, lang: str,
                                                          message: str) -> None:
    for path in (f"/{lang}/search", f"/{lang}/search?q=", f"/{lang}/search?q=%20"):
        response = fixture_client.get(path)
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)


def test_the_page_refuses_a_query_too_long_with_a_400(fixture_client: FlaskClient) -> None:
    response = fixture_client.get(f"/zh-hans/search?q={'调' * 101}")
    assert response.status_code == 400
    assert "最多100个字符" in response.get_data(as_text=True)


ODD = ['"', "*", "(", ")", ":", "^", '"*():^', "\x00", "枫\x00桥", "AND", "OR NOT", "NEAR(a b)",
       'views : "en"', 'pair : "x"', "🙂", "％", "x'y", "-", "1,2,3", "9" * 100, "0.5万",
       "\u200b枫桥", "枫桥\"*", "a" * 100, "feng" * 25, "xian" * 25, "<script>", "%", "\\"]


@pytest.mark.parametrize("query", ODD)
def test_odd_input_is_never_a_server_error(fixture_client: FlaskClient, query: str) -> None:
    for lang in LANGUAGE_CODES:
        response = fixture_client.get(f"/api/v1/search?q={quote(query)}&lang={lang}")
        assert response.status_code in (200, 400) and response.is_json
        page = fixture_client.get(f"/{lang}/search?q={quote(query)}")
        assert page.status_code == 200 and page.mimetype == "text/html"


def test_fts_syntax_in_a_query_is_searched_as_text(fixture_client: FlaskClient) -> None:
    assert set(marked(api(fixture_client, '枫桥"*', "zh-hans"))) == {"枫桥"}
    assert api(fixture_client, 'views : "en"', "zh-hans").total == 0


def test_text_is_escaped_around_the_marks(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/search?q=script").get_data(as_text=True)
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in html
    assert "<script>alert" not in html


@pytest.mark.content
def test_a_common_word_lists_some_of_each_group_and_counts_all(real_client: FlaskClient) -> None:
    found = api(real_client, "的", "zh-hans")
    kinds = [kind for group in found.groups for kind in group.kinds]
    assert found.shown == sum(len(kind.hits) for kind in kinds) <= MAX_HITS
    # Every match is counted, listed or not; each listed group says how many it holds.
    assert found.total >= sum(kind.total for kind in kinds) > found.shown
    # Each kind of each report lists as many as the others, so that every report is shown.
    cap = max(len(kind.hits) for kind in kinds)
    assert cap <= PER_GROUP
    assert all(len(kind.hits) == min(kind.total, cap) for kind in kinds[:-1])
    # The glossary's many matches do not crowd the reports out.
    glossary = next(group for group in found.groups if group.report is None)
    assert glossary.kinds[0].total > PER_GROUP
    assert [group.report for group in found.groups][1:] == current_reports(real_client)
    html = real_client.get(f"/zh-hans/search?q={quote('的')}").get_data(as_text=True)
    assert f"{found.total}条结果" in html and "条未列出" in html


# Links -----------------------------------------------------------------------------------

QUERIES = ["调解", "执行", "枫桥", "fengqiao", "mediation", "100344", "10万", "案", "法院"]


def check_result_links(client: FlaskClient) -> int:
    """Follow every listed hit of QUERIES in each language to its page; return how many there were.

    Each page answers, and the fragment a hit links to is an element of it.
    """
    ids_by_path: dict[str, set[str]] = {}
    checked = 0
    for lang in LANGUAGE_CODES:
        for query in QUERIES:
            for _kind, url, _text in hits(api(client, query, lang)):
                parts = urlsplit(url)
                if parts.path not in ids_by_path:
                    response = client.get(parts.path)
                    assert response.status_code == 200, url
                    ids_by_path[parts.path] = set(re.findall(r'\bid="([^"]+)"',
                                                             response.get_data(as_text=True)))
                if parts.fragment:
                    assert parts.fragment in ids_by_path[parts.path], url
                checked += 1
    return checked


def test_every_result_links_to_a_page_and_an_anchor_on_it(fixture_client: FlaskClient) -> None:
    assert check_result_links(fixture_client) > 150


@pytest.mark.slow
@pytest.mark.content
def test_every_result_in_the_real_reports_links_to_a_page_and_an_anchor_on_it(
        real_client: FlaskClient) -> None:
    assert check_result_links(real_client) > 300


def test_results_link_to_the_exact_place(fixture_client: FlaskClient) -> None:
    urls = {url for _kind, url, _text in hits(api(fixture_client, "执行", "zh-hans"))}
    assert "/zh-hans/reports/sample-2023/economy#highlight-economy-2" in urls
    assert "/zh-hans/reports/sample-2023/livelihood#figure-enforcement-recovered" in urls
    urls = {url for _kind, url, _text in hits(api(fixture_client, "于某某", "zh-hans"))}
    assert "/zh-hans/reports/sample-2023/stability#case-yu-case" in urls
    assert "/zh-hans/reports/sample-2023/source#p-fa7bd7bc" in urls
    urls = {url for _kind, url, _text in hits(api(fixture_client, "枫桥", "zh-hans"))}
    assert "/zh-hans/glossary#term-fengqiao-experience" in urls


# The page --------------------------------------------------------------------------------

def test_the_page_shows_grouped_marked_results(fixture_client: FlaskClient) -> None:
    html = fixture_client.get(f"/zh-hant/search?q={quote('楓橋')}").get_data(as_text=True)
    assert 'value="楓橋"' in html
    assert "<mark>楓橋</mark>經驗" in html
    assert '<h2 id="search-group-1"><a href="/zh-hant/glossary">術語表</a></h2>' in html
    assert re.search(r'role="status">\d+條結果</p>', html)


def test_an_htmx_request_gets_the_content_block(fixture_client: FlaskClient) -> None:
    response = fixture_client.get("/en/search?q=enforce", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert html.startswith("<title>“enforce” · Search")
    assert 'id="search-list"' in html and 'id="search-count"' in html and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    restored = fixture_client.get("/en/search?q=enforce",
                          headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert restored.get_data(as_text=True).startswith("<!doctype html>")


def test_the_language_switch_keeps_the_query(fixture_client: FlaskClient) -> None:
    html = fixture_client.get(f"/zh-hans/search?q={quote('枫桥')}").get_data(as_text=True)
    assert f'href="/zh-hant/search?q={quote("枫桥")}"' in html
    assert f'href="/en/search?q={quote("枫桥")}"' in html


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_page_has_a_search_box_in_its_header(fixture_client: FlaskClient, code: str) -> None:
    for path in ("/", "/reports/sample-2023/", "/reports/sample-2023/economy", "/glossary"):
        html = fixture_client.get(f"/{code}{path}").get_data(as_text=True)
        assert re.search(rf'<form class="site-search" role="search" aria-label="[^"]+" '
                         rf'action="/{code}/search"', html)
    search_page = fixture_client.get(f"/{code}/search").get_data(as_text=True)
    assert 'class="site-search"' not in search_page
    assert search_page.count('role="search"') == 1


# The index -------------------------------------------------------------------------------

def test_the_index_is_built_once_at_the_first_search_not_at_start_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = web_search.index_in_memory

    def counting(content: Content) -> search.SearchIndex:
        built.append(len(content.reports))
        return original(content)

    monkeypatch.setattr(web_search, "index_in_memory", counting)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    assert built == []
    client = app.test_client()
    for lang in LANGUAGE_CODES:
        api(client, "枫桥", lang)
        api(client, "fengqiao", lang)
    assert len(built) == 1


def test_the_index_can_be_built_ahead_in_the_background() -> None:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    warm_up(app).join(timeout=30)
    assert app.extensions["search"].index is not None
    with app.test_request_context():
        assert current_index() is app.extensions["search"].index


def test_after_building_ahead_the_next_step_runs() -> None:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    built: list[bool] = []
    warm_up(app, then=lambda: built.append(app.extensions["search"].index is not None)
                   ).join(timeout=30)
    assert built == [True]
