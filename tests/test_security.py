"""Security headers on every kind of answer, and what strangers may send as a report id."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from webapp import security

PAGE = "/en/reports/sample-2023/economy"


def test_every_answer_carries_the_security_headers(app: Flask, client: FlaskClient) -> None:
    html = client.get(PAGE).get_data(as_text=True)
    stylesheet = html.split('href="/assets/', 1)[1].split('"', 1)[0]
    answers = {
        "page": client.get(PAGE),
        "kept page": client.get(PAGE),
        "fragment": client.get(PAGE, headers={"HX-Request": "true"}),
        "asset": client.get(f"/assets/{stylesheet}"),
        "not found": client.get("/en/nowhere"),
        "api": client.get("/api/v1/reports?lang=en"),
        "api error": client.get("/api/v1/compare?reports=nope&lang=en"),
        "redirect": client.get("/"),
        "csv": client.get("/en/reports/sample-2023/figures.csv"),
    }
    for kind, answer in answers.items():
        assert answer.headers["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert answer.headers["Cross-Origin-Resource-Policy"] == "same-origin", kind
        assert answer.headers["X-Content-Type-Options"] == "nosniff", kind
        assert "Strict-Transport-Security" not in answer.headers, kind  # Plain HTTP here.


def test_hsts_is_sent_over_https(fixture_client: FlaskClient) -> None:
    answer = fixture_client.get(PAGE, base_url="https://localhost")
    assert answer.headers["Strict-Transport-Security"] == security.STRICT_TRANSPORT_SECURITY


@pytest.mark.parametrize("report_id", ["x" * 260, "sample-2023%0A", "sample-2023%0D%0A",
                                       "Sample-2023", "sample_2023", "%00"])
@pytest.mark.parametrize("address", ["/en/reports/{}/", "/en/reports/{}/economy",
                                     "/en/reports/{}/briefing.pdf", "/en/reports/{}/figures.csv",
                                     "/en/reports/{}/source", "/api/v1/reports/{}?lang=en"])
def test_a_report_id_that_is_not_one_is_404(fixture_client: FlaskClient, report_id: str,
                                            address: str) -> None:
    answer = fixture_client.get(address.format(report_id))
    assert answer.status_code == 404
    assert "Traceback" not in answer.get_data(as_text=True)


@pytest.mark.parametrize("arguments", [
    ["report", "draft", "report.txt", "--id", "x" * 260],
    ["report", "draft", "report.txt", "--id", "new-report\n"],
    ["report", "evaluate", "x" * 260],
    ["content", "blocks", "sample-2023\n"],
])
def test_the_commands_check_a_report_id_before_anything_else(runner: FlaskCliRunner,
                                                             arguments: list[str]) -> None:
    result = runner.invoke(args=arguments)
    assert result.exit_code == 2
    assert "is not a report id" in result.output and "at most 100 characters" in result.output
    assert not isinstance(result.exception, OSError)
