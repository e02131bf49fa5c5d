"""The page cache: each page rendered once per generation, served compressed with a strong ETag."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import sys
from pathlib import Path

import brotli
import pytest
from flask import Flask, request
from flask.testing import FlaskClient
from werkzeug.http import parse_set_header

from webapp import cache, create_app
from webapp.cache import Generation, page_cache, page_cache_of
from webapp.config import PROJECT_ROOT

from .conftest import FIXTURE_CONTENT

PAGE = "/en/reports/sample-2023/economy"


def renders(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each template render of ``app``."""
    seen: list[str] = []
    original = app.jinja_env.get_template

    def counting(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(str(name))
        return original(name, *args, **kwargs)

    monkeypatch.setattr(app.jinja_env, "get_template", counting)
    return seen


def test_a_page_is_rendered_once_then_served_from_the_cache(app: Flask, client: FlaskClient,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    seen = renders(app, monkeypatch)
    first = client.get(PAGE)
    count = len(seen)
    assert count > 0
    second = client.get(PAGE)
    assert len(seen) == count, "the second request rendered the page again"
    assert second.get_data() == first.get_data()
    assert second.headers["ETag"] == first.headers["ETag"]


def test_fragments_and_pages_are_kept_apart(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(PAGE).get_data(as_text=True)
    fragment = fixture_client.get(PAGE, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert page.startswith("<!doctype html>") and not fragment.startswith("<!doctype html>")
    assert fixture_client.get(PAGE).get_data(as_text=True) == page
    assert "HX-Request" in fixture_client.get(PAGE).headers["Vary"]


@pytest.mark.parametrize("path", [PAGE, "/en/glossary?q=court", "/en/nowhere"])
def test_a_head_request_first_does_not_empty_the_page_for_later_readers(
        app: Flask, path: str) -> None:
    head = app.test_client().head(path)
    get = app.test_client().get(path)
    assert head.get_data() == b""
    assert head.status_code == get.status_code
    assert len(get.get_data()) > 1000, "the GET after a HEAD got the HEAD's empty body"
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


def test_a_matching_etag_gets_304(fixture_client: FlaskClient) -> None:
    etag = fixture_client.get(PAGE).headers["ETag"]
    again = fixture_client.get(PAGE, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""


@pytest.mark.parametrize(("encoding", "decode"), [("br", brotli.decompress),
                                                  ("gzip", gzip.decompress)])
def test_pages_are_compressed_as_the_client_accepts(fixture_client: FlaskClient, encoding: str,
                                                     decode: object) -> None:
    plain = fixture_client.get(PAGE, headers={"Accept-Encoding": "identity"})
    compressed = fixture_client.get(PAGE, headers={"Accept-Encoding": f"{encoding}, deflate"})
    assert compressed.headers["Content-Encoding"] == encoding
    assert decode(compressed.get_data()) == plain.get_data()  # type: ignore[operator]
    assert len(compressed.get_data()) < len(plain.get_data()) / 3
    assert "Accept-Encoding" in compressed.headers["Vary"]
    # Each encoding is its own representation: a strong ETag of its own.
    assert compressed.headers["ETag"] != plain.headers["ETag"]


def test_cached_pages_may_be_kept_by_shared_caches(app: Flask) -> None:
    client = app.test_client()
    client.set_cookie("lang", "en")  # A returning reader: no cookie to set.
    response = client.get(PAGE)
    assert response.headers["Cache-Control"] == "public, max-age=120"
    assert "Set-Cookie" not in response.headers


def test_a_response_that_sets_the_cookie_is_private_and_not_kept_with_it(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    first = app.test_client().get(PAGE)
    assert "lang=en" in first.headers["Set-Cookie"] and first.headers["Cache-Control"] == "private"
    # A returning reader gets the same page, without the first reader's cookie.
    returning = app.test_client()
    returning.set_cookie("lang", "en")
    again = returning.get(PAGE)
    assert "Set-Cookie" not in again.headers and again.get_data() == first.get_data()
    # A new reader gets the cookie set, from the cache: the page is not rendered again.
    seen = renders(app, monkeypatch)
    new = app.test_client().get(PAGE)
    assert "lang=en" in new.headers["Set-Cookie"] and new.headers["Cache-Control"] == "private"
    assert seen == [] and new.get_data() == first.get_data()
    switched = app.test_client()
    switched.set_cookie("lang", "zh-hans")
    assert "lang=en" in switched.get(PAGE).headers["Set-Cookie"]


def test_errors_are_not_kept(app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    client.get("/en/reports/nope/")
    seen = renders(app, monkeypatch)
    assert client.get("/en/reports/nope/").status_code == 404
    assert seen, "the error page came from the cache"


def test_a_new_generation_renders_afresh(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    config = {"TESTING": True, "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(tmp_path / "pdf")}
    before = Generation(create_app(config)).key
    briefing = content / "reports" / "sample-2023" / "briefing.yaml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(
        "19,500 commercial cases.", "19,500 commercial cases concluded."), encoding="utf-8")
    after_app = create_app(config)
    assert Generation(after_app).key != before
    assert "19,500 commercial cases concluded." in after_app.test_client().get(PAGE).get_data(
        as_text=True)


def test_the_cache_drops_the_least_recently_used_beyond_its_cap(app: Flask) -> None:
    client = app.test_client()
    client.get(PAGE)
    with app.app_context():
        cache = page_cache()
    assert len(cache) == 1
    cache.pages.max_bytes = 1
    client.get("/en/reports/sample-2023/livelihood")
    assert len(cache) == 1  # The newest page stays, the older one went.


def test_static_files_have_addresses_that_change_with_their_bytes(fixture_client: FlaskClient) -> None:
    html = fixture_client.get("/en/").get_data(as_text=True)
    stylesheet = re.search(r'href="(/assets/([0-9a-f]{12})/css/site\.css)"', html)
    assert stylesheet is not None
    response = fixture_client.get(stylesheet[1], headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"
    css = (PROJECT_ROOT / "static" / "css" / "site.css").read_bytes()
    assert gzip.decompress(response.get_data()) == css
    # An address of an older version leads to the current one; nothing leads outside static/.
    old = fixture_client.get("/assets/000000000000/css/site.css")
    assert old.status_code == 302 and old.headers["Location"] == stylesheet[1]
    assert fixture_client.get(f"/assets/{stylesheet[2]}/../pyproject.toml").status_code == 404
    assert fixture_client.get("/assets/000000000000/nothing.css").status_code == 404


def test_the_generation_is_fixed_at_start_up_in_production(tmp_path: Path) -> None:
    static = tmp_path / "static"
    shutil.copytree(PROJECT_ROOT / "static", static)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf")})
    app.static_folder = str(static)
    generation = Generation(app)
    before = generation.key
    (static / "css" / "briefing-pdf.css").write_text("/* edited */", encoding="utf-8")
    # Served as loaded: a deployment takes effect when the app restarts, for pages and PDFs alike.
    assert generation.key == before
    assert Generation(app).key != before


def test_debug_mode_watches_templates_and_static_files(tmp_path: Path) -> None:
    static = tmp_path / "static"
    shutil.copytree(PROJECT_ROOT / "static", static)
    app = create_app({"TESTING": True, "DEBUG": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf")})
    app.static_folder = str(static)
    generation = Generation(app)
    before = generation.key
    (static / "css" / "briefing-pdf.css").write_text("/* edited */", encoding="utf-8")
    assert generation.key != before, "what Flask reads afresh in debug mode changes the generation"


def tiny_app(**config: object) -> Flask:
    """An app of two cheap views behind the page cache: a page and a search reading ``q``."""
    app = Flask(__name__)
    app.config.from_object("webapp.config.DefaultConfig")
    app.config.update({"CONTENT_DIR": str(FIXTURE_CONTENT), **config})
    cache.init_app(app)

    @app.get("/page")
    def page() -> str:
        cache.mark_cacheable("en")
        return "a page " * 1000

    @app.get("/search")
    def search() -> str:
        cache.mark_cacheable("en")
        return f"results for {request.args.get('q')} " * 100

    return app


def get(app: Flask, path: str, query: str = "", **headers: str) -> tuple[str, bytes]:
    """Ask ``app`` (the page cache in front) directly, as a WSGI server would; return status and body.

    20,000 requests through the test client would take a minute; this way they take seconds.
    """
    answer: list[str] = []
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
               "SCRIPT_NAME": "", "SERVER_NAME": "localhost", "SERVER_PORT": "80",
               "HTTP_HOST": "localhost", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
               "wsgi.errors": sys.stderr, **{f"HTTP_{name.upper()}": value
                                             for name, value in headers.items()}}
    body = b"".join(app.wsgi_app(environ, lambda status, _headers, *_: answer.append(status)))
    return answer[0], body


@pytest.mark.slow
def test_junk_leaves_the_cache_bounded_and_the_real_pages_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    app = tiny_app(PAGE_CACHE_QUERY_MAX_BYTES=256 * 1024, PAGE_CACHE_QUERY_MAX_ENTRIES=100)
    page_cache = cache.page_cache_of(app)
    real = get(app, "/page", ACCEPT_ENCODING="br")
    rendered: list[str] = []
    original = app.view_functions["page"]
    monkeypatch.setitem(app.view_functions, "page", lambda: rendered.append("page") or original())
    for number in range(20_000):
        if number % 2:  # A parameter the page does not read: answered, never kept.
            assert get(app, "/page", f"junk={number}&" + "x" * 2000)[0] == "200 OK"
        else:  # A parameter it reads: kept, but apart from the pages without a query.
            get(app, "/search", f"q={number}", HX_REQUEST=f"junk{number}")
    assert len(rendered) == 10_000
    assert len(page_cache.pages) == 1
    assert 0 < len(page_cache.queried) <= 100 and page_cache.queried.bytes <= 256 * 1024
    # The real page is still kept: answered without the view, as before.
    assert get(app, "/page", ACCEPT_ENCODING="br") == real
    assert len(rendered) == 10_000


def test_a_kept_page_counts_its_key_and_headers() -> None:
    app = tiny_app()
    client = app.test_client()
    client.get("/search?q=" + "k" * 3000)
    page = next(iter(cache.page_cache_of(app).queried._pages.values()))
    assert page.size > len(page.body) + 3000 + sum(len(n) + len(v) for n, v in page.headers)


def test_the_cache_caps_its_entries() -> None:
    app = tiny_app(PAGE_CACHE_QUERY_MAX_ENTRIES=3)
    client = app.test_client()
    for number in range(10):
        client.get(f"/search?q={number}")
    assert len(cache.page_cache_of(app).queried) == 3


def test_a_query_is_kept_under_one_address_whatever_its_order(app: Flask,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    client = app.test_client()
    first = client.get("/en/reports/sample-2023/economy?figure=x&with=zh-hans")
    seen = renders(app, monkeypatch)
    again = client.get("/en/reports/sample-2023/economy?with=zh-hans&figure=x")
    assert seen == [] and again.get_data() == first.get_data()


def test_a_forged_script_name_never_reaches_another_reader(app: Flask) -> None:
    client = app.test_client()
    forged = client.get("/en/about", environ_overrides={"SCRIPT_NAME": "//evil.example"})
    assert "//evil.example" in forged.get_data(as_text=True)
    honest = client.get("/en/about").get_data(as_text=True)
    assert "evil.example" not in honest
    client.get("/en/about")  # Kept now: the forged request must not be answered from it either.
    assert "//evil.example" in client.get(
        "/en/about", environ_overrides={"SCRIPT_NAME": "//evil.example"}).get_data(as_text=True)
    assert "evil.example" not in client.get("/en/about").get_data(as_text=True)


def test_vary_names_every_header_the_cache_keys_by(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(PAGE)
    assert set(parse_set_header(page.headers["Vary"])) >= {
        "HX-Request", "HX-Boosted", "HX-History-Restore-Request", "Accept-Encoding"}
    html = page.get_data(as_text=True)
    stylesheet = re.search(r'href="(/assets/[0-9a-f]{12}/css/site\.css)"', html)
    assert stylesheet is not None
    assert fixture_client.get(stylesheet[1]).headers["Vary"] == "Accept-Encoding"


@pytest.mark.parametrize(("headers", "fragment"), [
    ({"HX-Request": "TRUE"}, True),
    ({"HX-Request": "true", "HX-Boosted": "True"}, False),
    ({"HX-Request": "yes"}, False),
])
def test_the_htmx_variant_is_read_as_the_views_read_it(app: Flask, headers: dict[str, str],
                                                       fragment: bool) -> None:
    client = app.test_client()
    client.get(PAGE)
    client.get(PAGE, headers={"HX-Request": "true"})
    kept = len(cache.page_cache_of(app))
    body = client.get(PAGE, headers=headers).get_data(as_text=True)
    assert body.startswith("<!doctype html>") is not fragment
    assert len(cache.page_cache_of(app)) == kept  # The same two variants: no new entry.


def test_an_encoding_refused_by_name_is_not_sent(fixture_client: FlaskClient) -> None:
    response = fixture_client.get(PAGE, headers={"Accept-Encoding": "br;q=0, *"})
    assert response.headers["Content-Encoding"] == "gzip"


def test_a_weak_or_listed_etag_gets_304(fixture_client: FlaskClient) -> None:
    etag = fixture_client.get(PAGE).headers["ETag"]
    assert fixture_client.get(PAGE, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert fixture_client.get(PAGE, headers={"If-None-Match": "*"}).status_code == 304
    assert fixture_client.get(PAGE, headers={"If-None-Match": '"other"'}).status_code == 200


@pytest.mark.parametrize(("accepted", "encoding"), [
    ("gzip;q=0", None),
    ("gzip;q=0, br;q=0.5", "br"),
    ("gzip, br;q=0.5", "gzip"),
    ("br;q=0.8, gzip;q=0.8", "br"),
    ("*;q=0", None),
    ("GZIP", "gzip"),
    ("identity", None),
])
def test_the_encoding_follows_the_clients_qualities(fixture_client: FlaskClient, accepted: str,
                                                    encoding: str | None) -> None:
    response = fixture_client.get(PAGE, headers={"Accept-Encoding": accepted})
    assert response.headers.get("Content-Encoding") == encoding


def test_an_etag_validates_only_its_own_encoding(fixture_client: FlaskClient) -> None:
    plain = fixture_client.get(PAGE).headers["ETag"]
    gzipped = fixture_client.get(PAGE, headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    asked = {"Accept-Encoding": "gzip", "If-None-Match": f'"x", W/{gzipped}, "y"'}
    unchanged = fixture_client.get(PAGE, headers=asked)
    assert unchanged.status_code == 304 and unchanged.headers["ETag"] == gzipped
    # The identity body's ETag does not vouch for the gzip body, nor the other way round.
    assert fixture_client.get(PAGE, headers={"Accept-Encoding": "gzip",
                                     "If-None-Match": plain}).status_code == 200
    assert fixture_client.get(PAGE, headers={"If-None-Match": f"W/{gzipped}"}).status_code == 200


def test_tracking_parameters_past_the_cap_add_no_entry(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Three times as many stray queries as the store of queried pages may hold: were any kept,
    # the count would grow, and the page kept under its canonical query would be evicted.
    cap = 40
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path), "PAGE_CACHE_QUERY_MAX_ENTRIES": cap})
    kept = get(app, "/en/glossary", "q=court")
    entries = len(page_cache_of(app))
    for number in range(3 * cap):
        status, body = get(app, "/en/glossary", f"utm_source=campaign{number}&q=court")
        assert status == "200 OK" and body == kept[1]
    for number in range(cap):
        assert get(app, "/en/about", f"utm_source=campaign{number}")[0] == "200 OK"
        # `with` is a parameter of the bilingual pages only: elsewhere it is a stray one too.
        assert get(app, "/en/about", f"with=x{number}")[0] == "200 OK"
    assert len(page_cache_of(app)) == entries
    # The glossary reads `q` only, and is kept under it: asked again, it is not rendered.
    seen = renders(app, monkeypatch)
    assert get(app, "/en/glossary", "q=court") == kept and seen == []


def test_the_language_cookie_is_the_one_configured(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path), "LANGUAGE_COOKIE": "reader_language"})
    rendered = app.test_client().get(PAGE)
    from_cache = app.test_client().get(PAGE)
    for response in (rendered, from_cache):
        assert response.headers["Set-Cookie"].startswith("reader_language=en;")
    returning = app.test_client()
    returning.set_cookie("reader_language", "en")
    assert "Set-Cookie" not in returning.get(PAGE).headers
    assert returning.get("/", headers={"Accept-Language": "zh-CN"}).location == "/en/"
    other_name = app.test_client()
    other_name.set_cookie("lang", "en")
    assert other_name.get("/", headers={"Accept-Language": "zh-CN"}).location == "/zh-hans/"
    assert "Set-Cookie" in other_name.get(PAGE).headers
