"""Turn content models into what a page or the API shows in one language."""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale

from ..config import Language
from ..content.figures import FigureDisplay, format_figure
from ..content.models import SECTION_IDS, Content, Figure, Report, Text


def display_figure(figure: Figure, content: Content, language: Language) -> FigureDisplay:
    """Format ``figure`` in ``language`` (call inside that language's locale)."""
    return format_figure(figure, content.units, language)


def report_summary_json(report: Report, language: Language) -> dict[str, Any]:
    """Describe a report briefly, for the list of reports."""
    briefing = report.briefing
    return {
        "id": report.id,
        "title": briefing.title.get(language.tag),
        "court": briefing.court.get(language.tag),
        "year": briefing.year,
    }


def briefing_json(report: Report, content: Content, language: Language) -> dict[str, Any]:
    """Return the whole structured briefing of ``report`` in ``language``."""
    tag = language.tag
    briefing = report.briefing

    def text(value: Text | None) -> str | None:
        return value.get(tag) if value is not None else None

    with force_locale(language.babel):
        figures = [_figure_json(figure, content, language) for figure in briefing.figures]
    delivered = briefing.delivered
    return {
        "id": report.id,
        "language": tag,
        "title": text(briefing.title),
        "court": text(briefing.court),
        "level": text(briefing.level),
        "region": text(briefing.region),
        "year": briefing.year,
        "document": text(briefing.document),
        "delivered": None if delivered is None else {
            "date": delivered.date.isoformat() if delivered.date else None,
            "occasion": text(delivered.occasion),
            "speaker": text(delivered.speaker),
        },
        "summary": text(briefing.summary),
        "headline_figures": list(briefing.headline_figures),
        "sections": [
            _section_json(report, content, section_id, tag) for section_id in SECTION_IDS
        ],
        "shortcomings": [text(item) for item in briefing.shortcomings],
        "outlook": {
            "summary": text(briefing.outlook.summary),
            "items": [text(item) for item in briefing.outlook.items],
        },
        "figures": figures,
    }


def _section_json(report: Report, content: Content, section_id: str, tag: str) -> dict[str, Any]:
    section = report.briefing.sections.get(section_id)
    info = content.section_info(section_id)
    return {
        "id": section_id,
        "name": info.name.get(tag) if info else section_id,
        "draws_on": section.draws_on.get(tag),
        "summary": section.summary.get(tag),
        "highlights": [item.get(tag) for item in section.highlights],
        "cases": [
            {
                "id": case.id,
                "title": case.title.get(tag),
                "summary": case.summary.get(tag),
                "source": case.source.get(tag),
            }
            for case in section.cases
        ],
        "terms": list(section.terms),
        "figures": [figure.id for figure in report.figures_in(section_id)],
    }


def _figure_json(figure: Figure, content: Content, language: Language) -> dict[str, Any]:
    display = display_figure(figure, content, language)
    change = figure.change
    return {
        "id": figure.id,
        "section": figure.section,
        "label": figure.label.get(language.tag),
        "value": float(figure.value) if figure.value % 1 else int(figure.value),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "change": None if change is None else {
            "value": float(change.value),
            "unit": change.unit,
            "direction": change.direction,
            "basis": change.basis,
            "display": display.change,
        },
        "display": display.text,
        "written": figure.written,
        "quote": figure.quote,
        "quote_display": figure.quote_in(language.tag),
    }
