"""Hostile requests: odd paths, queries, cookies and headers never give a 5xx or leak a file."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp.config import PROJECT_ROOT

# Pieces a path of the site is made of, and pieces an attacker tries instead.
SEGMENTS = ["en", "zh-hans", "zh-hant", "zh-TW", "EN", "reports", "sample-2023", "stability",
            "economy", "source", "glossary", "briefing.pdf", "figures.csv", "figures.json",
            "api", "v1", "static", "css", "site.css", "vendor", "..", ".", "", "%2e%2e",
            "%2f", "%00", "%zz", "%ff%fe", "..%2f..%2f", "etc", "passwd", "pyproject.toml",
            "\x00", "中文", "𝓤𝓷𝓲𝓬𝓸𝓭𝓮", "a" * 300, "%", "~", "\\", "..\\..\\"]
ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
SECRETS = [(PROJECT_ROOT / "pyproject.toml").read_bytes()[:60], b"root:x:0:0"]


def raw_segment() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(SEGMENTS), ODD_TEXT.map(lambda text: quote(text, safe="")),
                     ODD_TEXT.filter(lambda text: "?" not in text and "#" not in text))


def check(app: Flask, response_status: int, body: bytes) -> None:
    assert response_status < 500
    assert b"Traceback" not in body
    for secret in SECRETS:
        assert secret not in body


@pytest.mark.slow
@settings(max_examples=250, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(segments=st.lists(raw_segment(), min_size=1, max_size=6),
       query=st.dictionaries(st.sampled_from(["q", "lang", "sections", "reports", "x", ""]),
                             ODD_TEXT, max_size=3),
       raw_query=st.one_of(st.just(""), ODD_TEXT.map(lambda text: quote(text, safe="=&%"))),
       cookie=ODD_TEXT, accept_language=st.one_of(
           ODD_TEXT, st.sampled_from(["zh-TW,zh;q=0.9", "*", "zh-Hant-HK", "q=2", ";;;,", "x" * 500])),
       htmx=st.sampled_from([None, "true", "false", "\x00"]))
def test_no_request_gives_a_server_error(app: Flask, segments: list[str], query: dict[str, str],
                                         raw_query: str, cookie: str, accept_language: str,
                                         htmx: str | None) -> None:
    client = app.test_client()
    client.set_cookie("lang", cookie.replace("\x00", ""))
    headers = {"Accept-Language": accept_language.replace("\n", " ").replace("\r", " ")}
    if htmx is not None:
        headers["HX-Request"] = htmx
    # The path goes to the app as a server hands it over (PATH_INFO: the raw bytes as latin-1),
    # past the test client's own URL parsing, which would refuse some of these paths itself.
    path = ("/" + "/".join(segments)).encode("utf-8", "surrogatepass").decode("latin-1")
    query_string = raw_query or {key: value for key, value in query.items()}
    response = client.get("/", query_string=query_string, headers=headers,
                          environ_overrides={"PATH_INFO": path})
    check(app, response.status_code, response.get_data())
    response.close()


def test_static_files_stay_inside_the_static_folder(app: Flask) -> None:
    client = app.test_client()
    for path in ("/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml",
                 "/static/..%2fpyproject.toml", "/static/css/../../pyproject.toml",
                 "/static//etc/passwd", "/static/%2fetc%2fpasswd"):
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 404, path
        check(app, response.status_code, response.get_data())
