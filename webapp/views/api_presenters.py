"""The API's glossary, measures and comparisons, as the models of ``schemas`` in one language.

Call within a request (links stay in the API's language) and inside the language's locale.
"""

from __future__ import annotations

from typing import cast

from flask import url_for

from ..compare import Comparison
from ..config import Language
from ..content.reports import Content, Report
from ..content.statistics import Figure
from ..content.terms import Term
from ..glossary import ordered
from . import links, schemas
from .presenters import figure_json, scope_json


def glossary_response(content: Content, language: Language) -> schemas.Glossary:
    """Return every glossary term, in the order the glossary page lists them."""
    tag = _tag(language)
    return schemas.Glossary(language=tag, terms=[
        schemas.GlossaryTerm(
            id=term.id,
            term=term.term.get(tag),
            headwords=schemas.Headwords.model_validate(
                {"zh-Hans": term.term.zh_hans, "zh-Hant": term.term.zh_hant, "en": term.term.en}),
            forms=term.forms(tag),
            short=term.short.get(tag),
            explanation=term.explanation.get(tag),
            source=_term_source(term, content, language),
            url=url_for("site.glossary.page", _anchor=f"term-{term.id}"),
        )
        for term in ordered(content.glossary, tag)
    ])


def _term_source(term: Term, content: Content, language: Language) -> schemas.TermSource | None:
    """Describe the sentence of a report that defines ``term``, linked to its paragraph."""
    if term.source is None:
        return None
    report = content.reports[term.source.report]
    start = report.source.text.index(term.source.quote)
    block = report.source.block_holding(start, start + len(term.source.quote))
    return schemas.TermSource(
        report=report.id, quote=term.source.quote_in(language.tag),
        url=links.source_url(report, block.id if block else None))


def measures_response(content: Content, language: Language) -> schemas.Measures:
    """Return every measure, with the reports that give it."""
    tag = _tag(language)
    # Each report's figures read once, not once per measure: at 200 reports that was a third
    # of a second.
    reported_by: dict[str, list[str]] = {}
    for report in content.reports.values():
        for measure_id in dict.fromkeys(figure.measure for figure in report.briefing.figures
                                        if figure.measure is not None):
            reported_by.setdefault(measure_id, []).append(report.id)
    return schemas.Measures(language=tag, measures=[
        schemas.Measure(
            id=measure.id,
            name=measure.name.get(tag),
            definition=measure.definition.get(tag),
            basis=measure.basis,
            unit=measure.unit,
            aliases=list(measure.aliases),
            case_type=None if measure.case_type is None else schemas.CaseType(
                of=measure.case_type.of, name=measure.case_type.name.get(tag)),
            made_of=list(measure.made_of),
            reported_by=reported_by.get(measure.id, []),
        )
        for measure in content.measures.values()
    ], bases=[
        schemas.Basis(id=basis.id, name=basis.name.get(tag), term=basis.name.zh_hans,
                      definition=basis.definition.get(tag), signals=list(basis.signals),
                      parts=list(basis.parts))
        for basis in content.bases.values()
    ])


def comparison_response(comparison: Comparison, content: Content,
                        language: Language) -> schemas.Comparison:
    """Return a comparison: a row per measure, a cell per report, null where nothing is stated."""
    tag = _tag(language)

    def figure(report: Report, found: Figure) -> schemas.Figure:
        return schemas.Figure.model_validate(figure_json(report, found, content, language))

    return schemas.Comparison(
        language=tag,
        reports=[schemas.ComparedReport(
            id=report.id, title=report.briefing.title.get(tag), court=report.briefing.court.get(tag),
            level=report.briefing.level.get(tag), region=report.briefing.region.get(tag),
            year=report.briefing.year,
            scope=schemas.Scope.model_validate(scope_json(report.briefing.scope, tag)),
            document_kind=report.briefing.document_kind,
            url=url_for("api.api_report", report_id=report.id, lang=language.code))
            for report in comparison.reports],
        levels_differ=comparison.levels_differ,
        scopes_differ=comparison.scopes_differ,
        periods_differ=comparison.periods_differ,
        rows=[schemas.CompareRow(
            measure=schemas.MeasureRef(id=row.measure.id, name=row.measure.name.get(tag),
                                       unit=row.measure.unit,
                                       definition=row.measure.definition.get(tag),
                                       basis=row.basis.id, basis_name=row.basis.name.get(tag)),
            cells=[schemas.CompareCell(report=cell.report.id,
                                       scope=schemas.Scope.model_validate(scope_json(cell.scope,
                                                                                     tag)),
                                       figure=None if cell.figure is None
                                       else figure(cell.report, cell.figure),
                                       previous_year=None if cell.previous is None
                                       else figure(cell.report, cell.previous),
                                       parts=[figure(cell.report, part) for part in cell.parts])
                   for cell in row.cells])
            for row in comparison.rows],
    )


def _tag(language: Language) -> schemas.LanguageTag:
    """Return the tag of ``language``, as the schemas type it."""
    return cast(schemas.LanguageTag, language.tag)
