"""Search results: the best matches first, and every result a link away (a group's every hit,
a page at a time, on the page and through the API)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.search import SearchIndex, collect_entries
from webapp.search import index as search_index
from webapp.views.search_view import SearchResponse
from webapp.web.content import current_content

from .test_search import api


@pytest.fixture
def app(sample_app: Flask) -> Flask:
    """The fixture's sample report alone: the paging below counts its hits."""
    return sample_app


def api_at(client: FlaskClient, url: str) -> SearchResponse:
    """Return the API's answer at an address it gave (an ``all``, ``next`` or ``previous``)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True))
    return SearchResponse.model_validate(response.get_json())


def listed(found: SearchResponse) -> Iterator[tuple[str, str | None, str, str]]:
    """Yield (report, kind, title, url) of every listed hit."""
    for group in found.groups:
        for kind in group.kinds:
            for hit in kind.hits:
                yield (group.report or "", kind.kind, hit.title.text if hit.title else "",
                       hit.url)


# Ranking ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "tag"), [("经验", "zh-Hans"), ("經驗", "zh-Hant"),
                                            ("experience", "en")])
def test_a_term_whose_headword_holds_the_query_leads_a_passing_mention(app: Flask, query: str,
                                                                      tag: str) -> None:
    with app.app_context():
        entries = collect_entries(current_content())
    # The glossary in an order that puts the passing mention first: the tribunal's definition
    # mentions the Fengqiao Experience, whose own headword holds the query.
    terms = [entry for entry in entries if entry.kind == "term"]
    index = SearchIndex([*reversed(terms), *entries[len(terms):]])
    found = [(hit.entry.item.id, hit.rank) for hit in index.search(query, tag).hits  # type: ignore[union-attr]
             if hit.entry.kind == "term"]
    assert found == [("fengqiao-experience", 0), ("fengqiao-style-tribunal", 2)]
    # The group listed whole ranks the same way.
    whole = index.search(query, tag, (None, "term"), page=1).hits
    assert [hit.entry.item.id for hit in whole] == [  # type: ignore[union-attr]
        "fengqiao-experience", "fengqiao-style-tribunal"]


def test_a_word_of_the_title_and_another_of_the_definition_is_no_title_match(app: Flask) -> None:
    with app.app_context():
        index = SearchIndex(collect_entries(current_content()))

    def ranks(query: str) -> dict[str, int]:
        return {hit.entry.item.id: hit.rank  # type: ignore[union-attr]
                for hit in index.search(query, "en").hits if hit.entry.kind == "term"}

    # "Fengqiao-style people's tribunal" holds both words; "applies" stands only in its
    # definition ("A people's tribunal that applies the Fengqiao Experience").
    assert ranks("Fengqiao tribunal") == {"fengqiao-style-tribunal": 0}
    assert ranks("tribunal applies") == {"fengqiao-style-tribunal": 2}
    # Another name of a term (its Chinese, for an English reader) ranks after its headword.
    assert ranks("枫桥经验") == {"fengqiao-experience": 1}


def test_figures_lead_a_report_and_those_whose_label_matches_lead_the_figures(
        client: FlaskClient) -> None:
    # 件 stands in every count of cases (100344件) but in one label only (审结商事案件), which
    # comes later in the report.
    found = api(client, "件", "zh-hans")
    report = next(group for group in found.groups if group.report == "sample-2023")
    assert report.kinds[0].kind == "figure"
    assert [hit.title.text for hit in report.kinds[0].hits if hit.title] == ["审结商事案件", "收案"]


@pytest.mark.content
def test_the_real_glossary_term_leads_the_search_for_enforcement(real_client: FlaskClient) -> None:
    # The case: six passing mentions filled the first screen and the term itself
    # (解决执行难, "solving difficulties in enforcement") was among "11 more not listed".
    found = api(real_client, "enforcement", "en")
    glossary = found.groups[0]
    assert glossary.report is None
    assert glossary.kinds[0].hits[0].url.endswith("#term-enforcement-difficulty")
    # Each report lists its figures first, their labels holding the word.
    for group in found.groups[1:]:
        assert group.kinds[0].kind == "figure"
        assert "enforce" in group.kinds[0].hits[0].title.text.lower()  # type: ignore[union-attr]


# Every result a link away ----------------------------------------------------------------

@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists short enough for the fixture report to need a group's link and a second page."""
    monkeypatch.setattr(search_index, "PER_GROUP", 2)
    monkeypatch.setattr(search_index, "MAX_HITS", 4)


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant"])
def test_every_hit_of_a_group_is_listed_through_its_link(client: FlaskClient, lang: str) -> None:
    found = api(client, "件", lang)
    assert found.kind is None and found.pages == 1
    paragraphs = next(kind for group in found.groups for kind in group.kinds
                      if kind.kind == "paragraph")
    assert paragraphs.total == 7 and len(paragraphs.hits) == 1 and paragraphs.all
    assert parse_qs(urlsplit(paragraphs.all).query) == {
        "q": ["件"], "kind": ["paragraph"], "report": ["sample-2023"], "lang": [lang]}
    # Its pages list every hit once, in content order, and link each other.
    urls: list[str] = []
    page = api_at(client, paragraphs.all)
    assert (page.kind, page.report, page.total, page.pages) == ("paragraph", "sample-2023", 7, 2)
    assert page.previous is None and page.next
    while True:
        urls += [url for _report, _kind, _title, url in listed(page)]
        if page.next is None:
            break
        page = api_at(client, page.next)
    assert page.page == 2 and page.previous
    assert len(urls) == len(set(urls)) == 7
    assert paragraphs.hits[0].url == urls[0]
    # A group whose hits are all listed has no link.
    assert all(kind.all is None for group in found.groups for kind in group.kinds
               if kind.total == len(kind.hits))


@pytest.mark.usefixtures("small_pages")
def test_groups_that_do_not_fit_go_on_later_pages(client: FlaskClient) -> None:
    # 案 matches in six groups; with four hits a page, one of each group: two pages.
    first = api(client, "案", "zh-hans")
    assert first.pages == 2 and first.next and first.previous is None
    second = api_at(client, first.next)
    groups = [(group.report, kind.kind) for page in (first, second) for group in page.groups
              for kind in group.kinds]
    assert groups == [(None, "term"), ("sample-2023", "figure"), ("sample-2023", "summary"),
                      ("sample-2023", "highlight"), ("sample-2023", "case"),
                      ("sample-2023", "paragraph")]
    assert first.total == second.total == sum(
        kind.total for page in (first, second) for group in page.groups for kind in group.kinds)


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize("htmx", [False, True])
def test_the_page_links_to_every_hit_of_a_group_without_javascript(client: FlaskClient,
                                                                   htmx: bool) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    html = client.get(f"/en/search?q={quote('件')}", headers=headers).get_data(as_text=True)
    link = re.search(r'5 more not listed · <a href="([^"]+)" aria-describedby="([^"]+)">'
                     r'list all 7</a>', html)
    assert link, html
    assert f'<h3 class="search-group__kind" id="{link.group(2)}">' in html
    href = link.group(1).replace("&amp;", "&")
    assert urlsplit(href).path == "/en/search"
    page = client.get(href).get_data(as_text=True)
    assert page.count('class="search-hit search-hit--paragraph"') == 4
    assert "7 results, page 1 of 2." in page
    assert '<a href="/en/search?q=%E4%BB%B6">All results for “件”</a>' in page
    following = re.search(r'<a href="([^"]+)" rel="next">Next page</a>', page)
    assert following
    last = client.get(following.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert last.count('class="search-hit search-hit--paragraph"') == 3
    assert '<ol class="search-hits" start="5">' in last
    assert 'rel="prev">Previous page</a>' in last and 'rel="next"' not in last


@pytest.mark.parametrize(("query", "status", "message"), [
    ("kind=figure&report=nope", 404, "There is no report nope."),
    ("kind=figure", 400, "Say which report’s results to list."),
    ("kind=nonsense", 400, "Say which kind of results to list: one of term, summary, figure, "
                           "highlight, case, paragraph."),
    ("kind=term&report=sample-2023", 400, "Glossary terms belong to no report"),
    ("page=0", 400, "A page is a whole number from 1."),
    ("page=%EF%BC%92", 400, "A page is a whole number from 1."),   # A full-width ２.
    ("page=9", 404, "These results have no such page."),
    ("kind=term&page=2", 404, "These results have no such page."),
])
def test_a_group_or_page_that_is_not_there(client: FlaskClient, query: str, status: int,
                                           message: str) -> None:
    response = client.get(f"/api/v1/search?q=%E4%BB%B6&lang=en&{query}")
    assert response.status_code == status
    assert message in response.get_json()["error"]
    page = client.get(f"/en/search?q=%E4%BB%B6&{query}")
    assert page.status_code == status
    assert message in page.get_data(as_text=True).replace("&#39;", "’").replace("'", "’")
