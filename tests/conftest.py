"""Shared fixtures: an app on the small fixture content, and one on the real content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_babel import force_locale

from webapp import create_app
from webapp.config import LANGUAGES_BY_CODE
from webapp.content import current_content
from webapp.content.figures import FigureDisplay
from webapp.views.presenters import display_figure

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CONTENT = FIXTURES / "content"
LANGUAGE_CODES = ("zh-hans", "zh-hant", "en")


def displayed(app: Flask, report_id: str, figure_id: str, code: str) -> FigureDisplay:
    """Return how ``app`` shows a figure of a report in the language ``code``."""
    language = LANGUAGES_BY_CODE[code]
    with app.test_request_context(), force_locale(language.babel):
        content = current_content()
        return display_figure(content.reports[report_id].figure(figure_id), content, language)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """An app serving the small fixture report ``sample-2023``."""
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def real_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app serving the real content in content/ (loaded once per session)."""
    cache = tmp_path_factory.mktemp("pdf-cache")
    return create_app({"TESTING": True, "PDF_CACHE_DIR": str(cache)})


@pytest.fixture
def real_client(real_app: Flask) -> FlaskClient:
    return real_app.test_client()
