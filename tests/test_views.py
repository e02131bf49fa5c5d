"""Every page in every language, htmx fragments, redirects, errors and headers."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.freeze import page_paths
from webapp.views.rendering import fragment_of
from webapp.web.content import current_content

from .conftest import LANGUAGE_CODES

SECTIONS = ("stability", "economy", "livelihood", "team", "supervision")
PAGES = ("/", "/reports/sample-2023/", *(f"/reports/sample-2023/{s}" for s in SECTIONS),
         "/reports/sample-2023/source",
         "/glossary")
HTML_LANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}


def visible_text(html: str) -> str:
    """Return the text a reader sees (tags and attributes removed)."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def text_in_page_language(html: str) -> str:
    """Return the visible text without elements marked as Simplified Chinese.

    Such an element (the language switch's 简体中文) is in its own language on purpose. A
    non-greedy match ends at the first closing tag of its kind, so it never hides more.
    """
    return visible_text(re.sub(r'<(\w+)\b[^>]*\blang="zh-Hans"[^>]*>.*?</\1>', " ", html,
                               flags=re.S))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_every_language(fixture_client: FlaskClient, code: str, path: str) -> None:
    response = fixture_client.get(f"/{code}{path}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{HTML_LANG[code]}">' in html
    for other in LANGUAGE_CODES:
        assert f'hreflang="{HTML_LANG[other]}" href="http://localhost/{other}{path}"' in html
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("code", "title", "summary"),
    [("zh-hans", "维护安全稳定", "坚持和发展新时代"), ("zh-hant", "維護安全穩定", "堅持和發展新時代"),
     ("en", "Safety and Stability", "The court applied the")],
)
def test_section_page_content(fixture_client: FlaskClient, code: str, title: str, summary: str) -> None:
    html = fixture_client.get(f"/{code}/reports/sample-2023/stability").get_data(as_text=True)
    assert f"<title>{title}" in html
    assert summary in html


def test_htmx_request_gets_only_the_content_block(fixture_client: FlaskClient) -> None:
    full = fixture_client.get("/en/reports/sample-2023/economy").get_data(as_text=True)
    fragment = fixture_client.get("/en/reports/sample-2023/economy",
                          headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.startswith("<title>Serving Development")
    assert "<html" not in fragment and "<head>" not in fragment
    assert 'id="main"' in fragment and 'id="main"' in full
    # The fragment is the page's own content block, not a copy of it.
    assert fragment.split("</title>", 1)[1].strip() in full


def test_the_fragment_cut_from_each_page_is_the_one_htmx_gets(fixture_app: Flask,
                                                             fixture_client: FlaskClient) -> None:
    # flask freeze writes the fragment cut from the page: for every page it writes, that must
    # be what the app answers an htmx request, byte for byte.
    with fixture_app.app_context():
        paths = page_paths(fixture_app)
    cut = 0
    for path in paths:
        page = fixture_client.get(path)
        if page.mimetype != "text/html":
            continue
        fragment = fixture_client.get(path, headers={"HX-Request": "true"}).get_data()
        assert fragment_of(page.get_data()) == fragment, path
        cut += 1
    assert cut >= 3 * (len(SECTIONS) + 4)


def test_requests_sharing_an_app_context_each_speak_their_own_language(
        fixture_app: Flask, fixture_client: FlaskClient) -> None:
    # flask freeze asks for every page inside one app context (a command's): the views' own
    # messages (the bilingual switch, "In the report") must not keep the first page's language.
    with fixture_app.app_context():
        fixture_client.get("/en/reports/sample-2023/")
        for path in ("/zh-hans/reports/sample-2023/", "/zh-hans/"):
            html = fixture_client.get(path).get_data(as_text=True)
            assert "中英对照" in html or "报告出处" in html or "最后更新于" in html, path
            assert "Bilingual view" not in html and "In the report" not in html, path
            assert "Last changed" not in html, path


def test_a_page_not_framed_by_the_base_template_has_no_fragment_to_cut() -> None:
    with pytest.raises(ValueError, match="not framed"):
        fragment_of(b"<title>x</title><p>No #page here</p>")
    with pytest.raises(ValueError, match="not framed"):
        fragment_of(b'<div id="page"><title>Out of order</title></div>\n</body>')


@pytest.mark.parametrize("header", ["HX-Boosted", "HX-History-Restore-Request"])
def test_boosted_and_history_restore_get_the_full_page(fixture_client: FlaskClient, header: str) -> None:
    html = fixture_client.get("/en/reports/sample-2023/economy",
                      headers={"HX-Request": "true", header: "true"}).get_data(as_text=True)
    assert html.startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("headers", "cookie", "target"),
    [({"Accept-Language": "zh-TW,zh;q=0.9,en;q=0.8"}, None, "/zh-hant/"),
     ({"Accept-Language": "zh-HK"}, None, "/zh-hant/"),
     ({"Accept-Language": "zh-CN"}, None, "/zh-hans/"),
     ({"Accept-Language": "en-US,en;q=0.9"}, None, "/en/"),
     ({"Accept-Language": "de-DE"}, None, "/en/"),
     ({}, None, "/zh-hans/"),
     ({"Accept-Language": ";;;,,q=="}, None, "/zh-hans/"),
     ({"Accept-Language": "en-US"}, "zh-hant", "/zh-hant/"),
     ({"Accept-Language": "zh-TW"}, "bogus<>", "/zh-hant/")],
)
def test_root_redirects_by_cookie_then_accept_language(
        fixture_client: FlaskClient, headers: dict[str, str], cookie: str | None, target: str) -> None:
    if cookie is not None:
        fixture_client.set_cookie("lang", cookie)
    response = fixture_client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


def test_visiting_a_language_remembers_it(fixture_client: FlaskClient) -> None:
    fixture_client.get("/zh-hant/")
    assert fixture_client.get("/", headers={"Accept-Language": "en"}).headers["Location"] == "/zh-hant/"


@pytest.mark.parametrize(
    ("path", "target"),
    [("/zh-Hans/", "/zh-hans/"), ("/zh-TW/reports/sample-2023/", "/zh-hant/reports/sample-2023/"),
     ("/zh-cn/reports/sample-2023/economy", "/zh-hans/reports/sample-2023/economy"),
     ("/EN/glossary?q=x", "/en/glossary?q=x")],
)
def test_other_spellings_redirect_to_the_canonical_code(fixture_client: FlaskClient, path: str,
                                                        target: str) -> None:
    response = fixture_client.get(path)
    assert response.status_code == 301
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    ("path", "message"),
    [("/en/reports/no-such-report/", "There is no page at this address."),
     ("/zh-hans/reports/sample-2023/no-such-section", "此地址没有页面。"),
     ("/zh-hant/reports/nope/economy", "此地址沒有頁面。"),
     ("/fr/", "There is no page at this address."),
     ("/en/nothing-here", "There is no page at this address.")],
)
def test_localized_404(fixture_client: FlaskClient, path: str, message: str) -> None:
    response = fixture_client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "lang", "message"),
    [("/en/nope/deeper", "en", "There is no page at this address."),
     ("/zh-hant/glossary/x", "zh-Hant", "此地址沒有頁面。"),
     ("/zh-hans/reports/a/b/c", "zh-Hans", "此地址没有页面。")],
)
def test_404_without_a_matching_page_speaks_the_language_of_the_address(
        fixture_client: FlaskClient, path: str, lang: str, message: str) -> None:
    fixture_client.set_cookie("lang", "zh-hant" if lang != "zh-Hant" else "en")
    response = fixture_client.get(path, headers={"Accept-Language": "de"})
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html and message in html


def test_unknown_language_404_speaks_the_readers_language(fixture_client: FlaskClient) -> None:
    response = fixture_client.get("/xx/", headers={"Accept-Language": "zh-TW"})
    assert response.status_code == 404
    assert "此地址沒有頁面。" in response.get_data(as_text=True)


def test_security_headers(fixture_client: FlaskClient) -> None:
    response = fixture_client.get("/en/reports/sample-2023/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    html = response.get_data(as_text=True)
    assert "<script>" not in html and " style=" not in html and "hx-on" not in html


@pytest.mark.parametrize("path", PAGES)
def test_traditional_pages_hold_no_simplified_only_characters(app: Flask, client: FlaskClient,
                                                                path: str) -> None:
    text = text_in_page_language(client.get(f"/zh-hant{path}").get_data(as_text=True))
    with app.app_context():
        converter = current_content().converter
    # Converting Traditional text again changes nothing unless a Simplified form slipped in.
    leftovers = {a for a, b in zip(text, converter.convert(text), strict=True) if a != b}
    assert not leftovers, leftovers


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_language_switch_names_each_language_in_its_own_script(fixture_client: FlaskClient,
                                                               code: str) -> None:
    html = fixture_client.get(f"/{code}/").get_data(as_text=True)
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, flags=re.S)
    assert switch is not None
    names = re.findall(r'<(?:a|span)\b[^>]*\blang="([^"]+)"[^>]*>([^<]+)<', switch.group())
    assert names == [("zh-Hans", "简体中文"), ("zh-Hant", "繁體中文"), ("en", "English")]


def test_traditional_page_text_is_checked_outside_simplified_elements(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/zh-hant/").get_data(as_text=True)
    assert "简体中文" in visible_text(html)
    assert "简体中文" not in text_in_page_language(html)
    assert "繁體中文" in text_in_page_language(html)


def test_traditional_overrides_apply(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/zh-hant/reports/sample-2023/stability").get_data(as_text=True)
    assert "于某某案總結發布" in html
    assert "於某某" not in html and "總結髮布" not in html


def test_dates_formatted_per_locale(fixture_client: FlaskClient) -> None:
    assert "2024年1月5日" in fixture_client.get("/zh-hans/reports/sample-2023/").get_data(as_text=True)
    assert "5 January 2024" in fixture_client.get("/en/reports/sample-2023/").get_data(as_text=True)


def test_figures_show_their_source(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/reports/sample-2023/").get_data(as_text=True)
    assert "RMB" not in html or "72.58" not in html
    assert "全年共收案100344件，同比上升10.2%" in html
    assert "up 10.2% year on year" in html


def test_text_is_escaped(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/glossary").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_api_lists_reports(fixture_client: FlaskClient) -> None:
    data = fixture_client.get("/api/v1/reports?lang=en").get_json()
    assert [report["id"] for report in data["reports"]] == ["example-2023", "sample-2023"]
    assert data["reports"][1]["url"] == "/api/v1/reports/sample-2023?lang=en"


@pytest.mark.parametrize(
    ("code", "display"),
    [("en", "RMB 7.258 billion"), ("zh-hans", "72.58亿元"), ("zh-hant", "72.58億元")],
)
def test_api_briefing(fixture_client: FlaskClient, code: str, display: str) -> None:
    data = fixture_client.get(f"/api/v1/reports/sample-2023?lang={code}").get_json()
    assert [section["id"] for section in data["sections"]] == list(SECTIONS)
    figure = next(f for f in data["figures"] if f["id"] == "enforcement-recovered")
    assert figure["value"] == 7258000000
    assert figure["unit"] == "yuan"
    assert figure["display"] == display
    assert figure["quote"] == "执行到位总金额72.58亿元"
    received = next(f for f in data["figures"] if f["id"] == "cases-received")
    assert received["change"]["value"] == 10.2 and received["change"]["direction"] == "up"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/v1/reports/nope?lang=en", 404), ("/api/v1/reports/sample-2023?lang=fr", 400)],
)
def test_api_errors_are_json(fixture_client: FlaskClient, path: str, status: int) -> None:
    response = fixture_client.get(path)
    assert response.status_code == status
    assert response.is_json and response.get_json()["error"]


def test_healthz(client: FlaskClient) -> None:
    # A new app renders PDFs in its own process (no render processes); nothing is warm yet.
    # The most-read PDFs: the whole briefing and each of 5 sections, in 3 languages, of 2 reports.
    assert client.get("/healthz").get_json() == {"status": "ok", "reports": 2,
                                                 "search_index": False, "pdf_processes": None,
                                                 "pdf_cache": {"cached": 0, "of": 36}}


@pytest.mark.slow
def test_healthz_counts_the_most_read_pdfs_the_cache_holds(fixture_client: FlaskClient) -> None:
    fixture_client.get("/en/reports/sample-2023/briefing.pdf")
    fixture_client.get("/zh-hans/reports/sample-2023/briefing.pdf?sections=economy")
    assert fixture_client.get("/healthz").get_json()["pdf_cache"] == {"cached": 2, "of": 36}


def test_unexpected_error_is_a_page_not_a_traceback(app: Flask) -> None:
    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret detail")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "secret detail" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_powerful_features_are_denied(fixture_client: FlaskClient) -> None:
    policy = fixture_client.get("/en/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_hsts_and_secure_cookies_only_over_https(app: Flask) -> None:
    plain = app.test_client().get("/en/")
    assert "Strict-Transport-Security" not in plain.headers
    assert "Secure" not in plain.headers["Set-Cookie"]
    secure = app.test_client().get("/en/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=63072000")
    cookie = secure.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_describes_itself_for_search_and_sharing(fixture_client: FlaskClient, code: str,
                                                           path: str) -> None:
    html = fixture_client.get(f"/{code}{path}").get_data(as_text=True)
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description is not None
    if path.startswith("/reports/"):
        # A report's pages describe themselves, not the site.
        assert description[1] not in fixture_client.get(f"/{code}/").get_data(as_text=True).split(
            '<meta name="description"')[1][:400]
    for meta in ("og:title", "og:description", "og:url", "og:locale", "og:site_name"):
        assert f'<meta property="{meta}" content="' in html
    assert f'<link rel="canonical" href="http://localhost/{code}{path}">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_a_shared_figure_link_names_the_figure(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/reports/sample-2023/economy?figure=commercial-concluded").get_data(
        as_text=True)
    assert "<title>Commercial cases concluded: 19,500 cases · " in html
    assert 'content="Commercial cases concluded: 19,500 cases. From the report: 审结商事案件1.95万件"' \
           in html
    assert 'href="http://localhost/en/reports/sample-2023/economy?figure=commercial-concluded"' in html
    # A figure not on the page is not shared from it: the page is the plain section page.
    other = fixture_client.get("/en/reports/sample-2023/economy?figure=cases-received").get_data(
        as_text=True)
    assert '<link rel="canonical" href="http://localhost/en/reports/sample-2023/economy">' in other


@pytest.mark.parametrize(
    ("path", "target"),
    [("/en/reports/sample-2023/economy/", "/en/reports/sample-2023/economy"),
     ("/zh-hant/glossary/?q=x", "/zh-hant/glossary?q=x"),
     ("/en/reports/sample-2023/source//", "/en/reports/sample-2023/source"),
     ("/en/about/", "/en/about")],
)
def test_a_stray_trailing_slash_redirects_to_the_page(fixture_client: FlaskClient, path: str,
                                                      target: str) -> None:
    response = fixture_client.get(path)
    assert response.status_code == 308
    assert response.headers["Location"] == target
    # The other direction is the routing's own: both lead to a page.
    assert fixture_client.get("/en/reports/sample-2023").status_code == 308


def test_a_trailing_slash_on_no_page_is_still_a_404(fixture_client: FlaskClient) -> None:
    assert fixture_client.get("/en/nothing-here/").status_code == 404
    assert fixture_client.post("/en/reports/sample-2023/economy/").status_code in (404, 405)


@pytest.mark.parametrize(("code", "overview"), [("en", "Overview"), ("zh-hant", "概覽")])
def test_a_mistyped_section_offers_the_report_s_pages(fixture_client: FlaskClient, code: str,
                                                      overview: str) -> None:
    response = fixture_client.get(f"/{code}/reports/sample-2023/economics")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    suggestions = re.search(r'<ul class="suggestions">(.*?)</ul>', html, flags=re.S)
    assert suggestions is not None
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', suggestions.group(1))
    assert links[0] == (f"/{code}/reports/sample-2023/", overview)
    assert [url for url, _label in links[1:]] == [
        f"/{code}/reports/sample-2023/{section}" for section in SECTIONS]


def test_an_unknown_report_offers_the_reports(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/reports/sample-2022/").get_data(as_text=True)
    assert re.search(r'<ul class="suggestions">\s*(?:<li>.*?</li>\s*)?<li><a href="/en/reports/sample-2023/">'
                     r"Work Report of the Sample District People&#39;s Court</a>", html)


def language_links(html: str) -> dict[str, str]:
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, flags=re.S)
    assert switch is not None
    return dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switch.group()))


def test_the_language_switch_keeps_the_query(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/glossary?q=Fengqiao").get_data(as_text=True)
    links = {tag: url for url, tag in language_links(html).items()}
    assert links == {"zh-Hans": "/zh-hans/glossary?q=Fengqiao",
                     "zh-Hant": "/zh-hant/glossary?q=Fengqiao"}
    # What url_for would read as its own arguments is not carried over.
    html = fixture_client.get("/en/glossary?q=a&lang=fr&_anchor=x&_external=1").get_data(as_text=True)
    assert set(language_links(html)) == {"/zh-hans/glossary?q=a", "/zh-hant/glossary?q=a"}


@pytest.mark.parametrize(
    ("page", "expected"),
    [("/zh-hans/reports/sample-2023/stability?with=en",
      {"/zh-hant/reports/sample-2023/stability?with=en": "zh-Hant",
       "/en/reports/sample-2023/stability?with=zh-hans": "en"}),
     ("/en/reports/sample-2023/?with=zh-hant",
      {"/zh-hans/reports/sample-2023/?with=en": "zh-Hans",
       "/zh-hant/reports/sample-2023/?with=en": "zh-Hant"})],
)
def test_switching_language_keeps_the_bilingual_pair(fixture_client: FlaskClient, page: str,
                                                     expected: dict[str, str]) -> None:
    assert language_links(fixture_client.get(page).get_data(as_text=True)) == expected


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_bilingual_view_pairs_each_item_with_its_companion(fixture_client: FlaskClient,
                                                               code: str) -> None:
    companion = "zh-hans" if code == "en" else "en"
    html = fixture_client.get(f"/{code}/reports/sample-2023/stability?with={companion}").get_data(
        as_text=True)
    tag = HTML_LANG[companion]
    # The companion paragraph, not a tooltip's name of a term in the other language.
    pairs = re.findall(rf'<div class="pair[^"]*">.*?class="pair__text[^"]*" lang="{tag}">(.*?)</',
                       html, flags=re.S)
    # The summary, three highlights and the case, each beside its companion text.
    assert len(pairs) == 5
    assert ("The court applied the Fengqiao Experience" in pairs[0]) == (companion == "en")
    assert f'<p class="figure-card__companion" lang="{tag}">' in html or \
        f'<span class="figure-card__companion" lang="{tag}">' in html
    # Links between bilingual pages keep the view; the citation names the page itself.
    assert f'href="/{code}/reports/sample-2023/economy?with={companion}"' in html
    assert f"/{code}/reports/sample-2023/stability</a>" in html
    toggle = re.search(r'<a class="language-switch__pair is-on" href="([^"]+)"', html)
    assert toggle is not None and toggle.group(1) == f"/{code}/reports/sample-2023/stability"


def test_the_switch_offers_the_bilingual_view_only_where_there_is_one(
        fixture_client: FlaskClient) -> None:
    report = fixture_client.get("/zh-hans/reports/sample-2023/").get_data(as_text=True)
    assert re.search(r'<a class="language-switch__pair" href="/zh-hans/reports/sample-2023/'
                     r'\?with=en"[^>]*>中英对照</a>', report)
    english = fixture_client.get("/en/reports/sample-2023/economy").get_data(as_text=True)
    assert 'href="/en/reports/sample-2023/economy?with=zh-hans"' in english
    for path in ("/en/glossary", "/en/", "/en/reports/sample-2023/source", "/en/about"):
        assert "language-switch__pair" not in fixture_client.get(path).get_data(as_text=True)


@pytest.mark.parametrize("query", ["with=zh-hant", "with=fr", "with="])
def test_a_pair_that_cannot_be_shown_is_a_localized_400(fixture_client: FlaskClient, query: str) -> None:
    response = fixture_client.get(f"/zh-hans/reports/sample-2023/stability?{query}")
    assert response.status_code == 400
    assert "中英对照视图将中文与英文并列显示" in response.get_data(as_text=True)


@pytest.mark.parametrize(("path", "companion"), [
    ("/zh-hans/reports/sample-2023/stability?with=EN", "en"),
    ("/en/reports/sample-2023/stability?with=zh-Hans", "zh-Hans"),
])
def test_a_pair_named_in_another_spelling_is_shown(fixture_client: FlaskClient, path: str,
                                                   companion: str) -> None:
    # zh-Hans and EN name languages the rest of the app accepts in these spellings too.
    response = fixture_client.get(path)
    assert response.status_code == 200
    assert f'lang="{companion}"' in response.get_data(as_text=True)


def test_the_overview_gives_each_section_its_lead_and_a_link(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/reports/sample-2023/").get_data(as_text=True)
    cards = re.findall(r'<li class="section-card">(.*?)</li>', html, flags=re.S)
    assert len(cards) == 5
    assert 'href="/en/reports/sample-2023/economy"' in cards[1]
    assert "19,500 commercial cases concluded." in cards[1]
    # The lead, not the summary.
    assert "19,500 commercial cases.<" not in cards[1]
    contents = re.search(r'<nav class="contents".*?</nav>', html, flags=re.S)
    assert contents is not None
    for anchor in re.findall(r'href="#([^"]+)"', contents.group()):
        assert f'id="{anchor}"' in html


def test_a_section_shows_its_figures_in_panels_by_theme(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/zh-hans/reports/sample-2023/livelihood").get_data(as_text=True)
    panel = re.search(r'<section class="panel[^"]*" aria-labelledby="panel-enforcement">(.*?)'
                      r"</section>", html, flags=re.S)
    assert panel is not None
    assert '<h3 class="panel__title" id="panel-enforcement">执行</h3>' in panel.group(1)
    assert 'id="figure-enforcement-recovered"' in panel.group(1)
    # A section without themes keeps a plain grid; the eyebrow no longer repeats the title.
    economy = fixture_client.get("/zh-hans/reports/sample-2023/economy").get_data(as_text=True)
    assert 'class="panels"' not in economy and 'class="figure-grid' in economy
    assert 'class="eyebrow"' not in economy


@pytest.mark.parametrize(("code", "text"), [("en", "unofficial translation"),
                                            ("zh-hans", "非官方译文"), ("zh-hant", "非官方譯文")])
def test_the_about_page_and_the_footer_link_to_it(fixture_client: FlaskClient, code: str,
                                                  text: str) -> None:
    assert text in fixture_client.get(f"/{code}/about").get_data(as_text=True)
    assert f'href="/{code}/about"' in fixture_client.get(f"/{code}/").get_data(as_text=True)


@pytest.mark.parametrize(("code", "infographic", "report_only"), [
    ("en", "of the infographic", "the sentence of the report it comes from"),
    ("zh-hans", "出自该图解", "所出自的报告原句"),
])
def test_the_about_page_does_not_say_every_sentence_is_the_report_s(
        fixture_client: FlaskClient, code: str, infographic: str, report_only: str) -> None:
    # An infographic's briefing quotes the infographic, not the report (issue 16).
    page = fixture_client.get(f"/{code}/about").get_data(as_text=True)
    assert infographic in page and report_only not in page


def test_api_gives_each_section_its_lead_and_themes(fixture_client: FlaskClient) -> None:
    data = fixture_client.get("/api/v1/reports/sample-2023?lang=en").get_json()
    livelihood = next(section for section in data["sections"] if section["id"] == "livelihood")
    assert livelihood["lead"] == "38,300 enforcement cases concluded."
    assert livelihood["themes"] == [{"id": "enforcement", "title": "Enforcement",
                                     "figures": ["enforcement-recovered"]}]
    economy = next(section for section in data["sections"] if section["id"] == "economy")
    assert economy["themes"] == []
    themes = {figure["id"]: figure["theme"] for figure in data["figures"]}
    assert themes["enforcement-recovered"] == "enforcement" and themes["cases-received"] is None


def test_each_blueprint_holds_the_views_of_its_own_module(app: Flask) -> None:
    # No module hangs its routes on another's blueprint: each role's module has its own,
    # registered by views.register (pages in a language under `site`, which has none itself).
    roles = set()
    for endpoint, view in app.view_functions.items():
        if endpoint == "static":
            continue
        name = endpoint.rpartition(".")[0]
        assert view.__module__ == app.blueprints[name].import_name, endpoint
        roles.add(name)
    assert {"site.home", "site.briefing", "site.source", "site.downloads", "site.glossary",
            "site.search", "site.compare", "site.charts", "site.citations", "root", "api",
            "openapi"} <= roles
    assert "site" not in roles


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_label_s_full_width_colon_is_not_followed_by_a_space(fixture_client: FlaskClient,
                                                               code: str) -> None:
    # 数字数据下载： CSV showed a gap after the colon, which carries its own space.
    for path in ("/reports/sample-2023/", "/reports/sample-2023/source",
                 "/compare?reports=sample-2023"):
        page = fixture_client.get(f"/{code}{path}").get_data(as_text=True)
        labelled = [text for text in re.findall(
            r'class="(?:downloads|cite__label|cite__downloads|source-part|compare-table__facts)"'
            r'>([^<]*)<', page) if text.rstrip().endswith((":", "："))]
        assert labelled, path
        for text in labelled:
            if code == "en":
                assert text.endswith(": "), (path, text)
            else:
                assert text.endswith("：") and not text.endswith(" "), (path, text)
