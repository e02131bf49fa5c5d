"""The JSON API under /api/v1: the same briefings as the pages, as data.

Every view answers with a model of ``schemas`` (``@documented``), from which the OpenAPI
document at /api/v1/openapi.json is generated.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..compare import chosen_ids, compare
from ..config import LANGUAGES, Language
from ..content import current_content
from ..languages import language_for_spelling
from . import schemas
from .api_presenters import comparison_response, glossary_response, measures_response
from .lookups import get_report
from .openapi import documented
from .presenters import briefing_json, report_summary_json, source_json
from .search_view import SearchResponse, run_search

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


@blueprint.get("/reports")
@documented(schemas.ReportList, summary="List the reports", query=schemas.LanguageQuery)
def api_reports() -> schemas.ReportList:
    language = api_language()
    reports = current_content().reports.values()
    return schemas.ReportList.model_validate({"reports": [
        {**report_summary_json(found, language),
         "url": url_for("api.api_report", report_id=found.id, lang=language.code)}
        for found in reports
    ]})


@blueprint.get("/reports/<report_id>")
@documented(schemas.Briefing, summary="A report's whole briefing", query=schemas.LanguageQuery,
            errors=(400, 404))
def api_report(report_id: str) -> schemas.Briefing:
    language = api_language()
    return schemas.Briefing.model_validate(
        briefing_json(get_report(report_id), current_content(), language))


@blueprint.get("/reports/<report_id>/source")
@documented(schemas.Source, summary="A report's text, block by block", query=schemas.LanguageQuery,
            errors=(400, 404))
def api_source(report_id: str) -> schemas.Source:
    language = api_language()
    return schemas.Source.model_validate(source_json(get_report(report_id), language))


@blueprint.get("/compare")
@documented(schemas.Comparison, summary="Reports side by side on the measures they give",
            query=schemas.CompareQuery)
def api_compare() -> schemas.Comparison:
    language = api_language()
    content = current_content()
    try:
        comparison = compare(content, chosen_ids(request.args.getlist("reports")),
                             chosen_ids(request.args.getlist("measures")))
    except ValueError as error:
        abort(400, description=str(error))
    with force_locale(language.babel):
        return comparison_response(comparison, content, language)


@blueprint.get("/glossary")
@documented(schemas.Glossary, summary="The glossary of terms of art", query=schemas.LanguageQuery)
def api_glossary() -> schemas.Glossary:
    return glossary_response(current_content(), api_language())


@blueprint.get("/measures")
@documented(schemas.Measures, summary="What figures count, to compare reports on",
            query=schemas.LanguageQuery)
def api_measures() -> schemas.Measures:
    return measures_response(current_content(), api_language())


@blueprint.get("/search")
@documented(SearchResponse, summary="Search every report and the glossary, in any script",
            query=schemas.SearchQuery, errors=(400, 404))
def api_search() -> SearchResponse:
    language = api_language()
    outcome = run_search(request.args, language,
                         lambda **values: url_for("api.api_search", lang=language.code, **values))
    if outcome.results is None:
        abort(max(400, outcome.status), description=outcome.message)
    return outcome.results


def api_language() -> Language:
    """Return the language the ``lang`` query parameter names (default zh-hans), or 400."""
    code = request.args.get("lang", LANGUAGES[0].code)
    language = language_for_spelling(code)
    if language is None:
        codes = ", ".join(lang.code for lang in LANGUAGES)
        abort(400, description=_("Unknown language “%(code)s”: use one of %(codes)s.",
                                 code=code, codes=codes))
    g.language = language
    return language


