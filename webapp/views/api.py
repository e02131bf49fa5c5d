"""The JSON API under /api/v1: the same briefings as the pages, as data."""

from __future__ import annotations

from flask import Blueprint, Response, abort, g, jsonify, request, url_for

from ..config import LANGUAGES, Language
from ..content import current_content
from ..languages import language_for_spelling
from .pages import get_report
from .presenters import briefing_json, report_summary_json, source_json
from .search_view import run_search

api = Blueprint("api", __name__, url_prefix="/api/v1")


@api.get("/reports")
def api_reports() -> Response:
    language = api_language()
    reports = current_content().reports.values()
    return jsonify(reports=[
        {**report_summary_json(found, language),
         "url": url_for("api.api_report", report_id=found.id, lang=language.code)}
        for found in reports
    ])


@api.get("/reports/<report_id>")
def api_report(report_id: str) -> Response:
    language = api_language()
    return jsonify(briefing_json(get_report(report_id), current_content(), language))


@api.get("/reports/<report_id>/source")
def api_source(report_id: str) -> Response:
    language = api_language()
    return jsonify(source_json(get_report(report_id), language))


@api.get("/search")
def api_search() -> Response:
    """Search every report and the glossary: see SearchResponse in views/search_view.py."""
    language = api_language()
    outcome = run_search(request.args.get("q", ""), language)
    if outcome.results is None:
        abort(400, description=outcome.message)
    return jsonify(outcome.results.model_dump(mode="json"))


def api_language() -> Language:
    """Return the language the ``lang`` query parameter names (default zh-hans), or 400."""
    code = request.args.get("lang", LANGUAGES[0].code)
    language = language_for_spelling(code)
    if language is None:
        codes = ", ".join(lang.code for lang in LANGUAGES)
        abort(400, description=f"Unknown language {code!r}: use one of {codes}.")
    g.language = language
    return language


