"""A draft on the site: a visible badge, machine-drafted texts marked, Chinese where English waits."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app
from webapp.content.briefing import SECTION_IDS
from webapp.web.content import current_content

from .conftest import FIXTURE_CONTENT, FIXTURES

DRAFT = "fixture-draft"


@pytest.fixture(scope="module")
def draft_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The fixture content with a report drafted by `flask report draft` beside it."""
    content = tmp_path_factory.mktemp("content-with-draft") / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    config = {"TESTING": True, "PREVIEW_DRAFTS": True, "PDF_PROCESSES": 0,
              "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(content.parent / "pdf")}
    result = create_app(config).test_cli_runner().invoke(
        args=["report", "draft", str(FIXTURES / "drafting" / "report.md"), "--id", DRAFT])
    assert result.exit_code == 0, result.output
    return create_app(config)


@pytest.fixture
def draft_client(draft_app: Flask) -> FlaskClient:
    return draft_app.test_client()


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
def test_a_draft_says_so_on_every_page(draft_app: Flask, draft_client: FlaskClient,
                                       code: str) -> None:
    home = draft_client.get(f"/{code}/").get_data(as_text=True)
    card = home[home.index(f'/{code}/reports/{DRAFT}/'):]
    assert 'class="draft-badge"' in card[:card.index("</h2>")]
    with draft_app.app_context():
        report = current_content().reports[DRAFT]
    for section_id in SECTION_IDS:
        html = draft_client.get(f"/{code}/reports/{DRAFT}/{section_id}").get_data(as_text=True)
        assert 'class="notice notice--draft"' in html
        # Every drafted text the page shows carries its label: summary, highlights, cases,
        # figure labels.
        section = report.briefing.sections.get(section_id)
        shown = [section.summary, *section.highlights, *(text for case in section.cases
                                                         for text in (case.title, case.summary)),
                 *(figure.label for figure in report.figures_in(section_id))]
        drafted = sum(text.origin == "draft" for text in shown)
        assert drafted and html.count('class="origin-label"') == drafted, section_id


def test_a_finished_briefing_says_nothing_of_drafts(draft_client: FlaskClient) -> None:
    html = draft_client.get("/en/reports/sample-2023/").get_data(as_text=True)
    assert "draft-badge" not in html and "origin-label" not in html


def test_english_waiting_for_its_translation_shows_the_chinese_with_a_note(
        draft_client: FlaskClient) -> None:
    html = draft_client.get(f"/en/reports/{DRAFT}/").get_data(as_text=True)
    summary = re.search(r'<p class="summary" lang="zh-Hans">(.*?)</p>', html, flags=re.S)
    assert summary is not None and re.search(r"[\u4e00-\u9fff]", summary[1])
    assert "not yet translated: the Chinese is shown" in summary[1]
    # No text block is left empty.
    assert not re.search(r"<(p|li)( [^>]*)?>\s*</\1>", html)


def test_an_edited_text_is_no_longer_machine_drafted(tmp_path: Path, draft_app: Flask) -> None:
    content = tmp_path / "content"
    shutil.copytree(draft_app.config["CONTENT_DIR"], content)
    briefing = content / "reports" / DRAFT / "briefing.yaml"
    lines = briefing.read_text(encoding="utf-8").split("\n")
    title = lines.index("title:")
    # A person writes the English title: the text is theirs now, not the drafter's.
    assert lines[title + 2].startswith("  en:")
    lines[title + 2] = "  en: 2024 Work Report of the Sample City Intermediate People's Court"
    briefing.write_text("\n".join(lines), encoding="utf-8")
    app = create_app({"TESTING": True, "PREVIEW_DRAFTS": True, "PDF_PROCESSES": 0,
                      "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(tmp_path / "pdf")})
    html = app.test_client().get(f"/en/reports/{DRAFT}/").get_data(as_text=True)
    heading = html[html.index("<h1>"):html.index("</h1>")]
    assert "2024 Work Report of the Sample City" in heading and "origin-label" not in heading


def test_the_api_says_what_is_machine_drafted(draft_client: FlaskClient) -> None:
    data = draft_client.get(f"/api/v1/reports/{DRAFT}?lang=en").get_json()
    assert data["status"] == "draft" and data["review"]["to_review"] > 0
    assert data["summary_origin"] == "draft"
    assert {figure["origin"] for figure in data["figures"]} == {"draft"}
    assert all(item["origin"] == "draft" for section in data["sections"]
               for item in section["highlights"])
    final = draft_client.get("/api/v1/reports/sample-2023?lang=en").get_json()
    assert final["status"] == "final" and final["review"] is None
    assert {figure["origin"] for figure in final["figures"]} == {"person"}
