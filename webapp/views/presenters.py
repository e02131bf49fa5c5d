"""Turn content models into what a page or the API shows in one language."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Any

from flask import url_for
from flask_babel import force_locale

from ..config import SOURCE_TAG, Language
from ..content.briefing import SECTION_IDS
from ..content.figures import FigureDisplay, format_figure
from ..content.reports import Content, Report
from ..content.statistics import Figure, Scope
from ..content.texts import Text
from . import links
from .documents import document_words
from .source_view import plain_text, present_source


def display_figure(figure: Figure, content: Content, language: Language) -> FigureDisplay:
    """Format ``figure`` in ``language``."""
    return format_figure(figure, content.units, language)


def _number(value: Decimal) -> int | float:
    """Return a figure's value as JSON writes numbers: whole numbers without a fraction."""
    return float(value) if value % 1 else int(value)


def report_summary_json(report: Report, language: Language) -> dict[str, Any]:
    """Describe a report briefly, for the list of reports."""
    briefing = report.briefing
    return {
        "id": report.id,
        "title": briefing.title.get(language.tag),
        "court": briefing.court.get(language.tag),
        "year": briefing.year,
        "document_kind": briefing.document_kind,
        "scope": scope_json(briefing.scope, language.tag),
        "version": report.version,
        "last_changed": report.last_changed.isoformat(),
    }


def briefing_json(report: Report, content: Content, language: Language) -> dict[str, Any]:
    """Return the whole structured briefing of ``report`` in ``language``."""
    tag = language.tag
    briefing = report.briefing

    def text(value: Text | None) -> str | None:
        return value.get(tag) if value is not None else None

    figures = [figure_json(report, figure, content, language) for figure in briefing.figures]
    with force_locale(language.babel):  # The document's words are the web layer's messages.
        no_shortcomings = document_words(briefing).no_shortcomings
    delivered = briefing.delivered
    return {
        "id": report.id,
        "language": tag,
        "title": text(briefing.title),
        "court": text(briefing.court),
        "level": text(briefing.level),
        "region": text(briefing.region),
        "year": briefing.year,
        "original_title": {"zh-Hans": briefing.original_title.zh_hans,
                           "en": briefing.original_title.en},
        "document": text(briefing.document),
        "document_kind": briefing.document_kind,
        "scope": scope_json(briefing.scope, tag),
        "version": report.version,
        "last_changed": report.last_changed.isoformat(),
        "source_url": links.source_url(report),
        **_record_json(report, tag),
        "delivered": None if delivered is None else {
            "date": delivered.date.isoformat() if delivered.date else None,
            "occasion": text(delivered.occasion),
            "speaker": text(delivered.speaker),
        },
        "status": briefing.status,
        "review": _review_json(report),
        "summary": text(briefing.summary),
        "summary_origin": briefing.summary.origin,
        "headline_figures": list(briefing.headline_figures),
        "sections": [
            _section_json(report, content, section_id, tag) for section_id in SECTION_IDS
        ],
        "shortcomings": [text(item) for item in briefing.shortcomings],
        "shortcomings_note": None if briefing.shortcomings else no_shortcomings,
        "outlook": {
            "summary": text(briefing.outlook.summary),
            "items": [text(item) for item in briefing.outlook.items],
        },
        "figures": figures,
    }


def _record_json(report: Report, tag: str) -> dict[str, Any]:
    """Describe where the report was published, the briefing's corrections and its citations."""
    original = report.briefing.original
    return {
        "original": {
            "status": original.status,
            "publisher": original.publisher.get(tag) if original.publisher else None,
            "url": original.url,
            "published": original.published.isoformat() if original.published else None,
            "retrieved": original.retrieved.isoformat() if original.retrieved else None,
            "searched": original.searched.get(tag) if original.searched else None,
        },
        "corrections": [{"date": correction.date.isoformat(),
                         "version": report.version_on(correction.date),
                         "note": correction.note.get(tag)}
                        for correction in report.briefing.corrections],
        "corrections_url": links.corrections_url(report),
        "citation": {kind: url_for("site.citations.download", report_id=report.id, kind=extension)
                     for kind, extension in (("bibtex", "bib"), ("csl_json", "json"))},
    }


def _section_json(report: Report, content: Content, section_id: str, tag: str) -> dict[str, Any]:
    section = report.briefing.sections.get(section_id)
    info = content.section_info(section_id)
    return {
        "id": section_id,
        "name": info.name.get(tag) if info else section_id,
        "draws_on": section.draws_on.get(tag),
        "lead": section.lead.get(tag),
        "summary": section.summary.get(tag),
        "summary_origin": section.summary.origin,
        "highlights": [
            {"text": item.get(tag), "origin": item.origin,
             "source": links.paragraphs_json(
                 item.paragraphs, links.highlight_source_url(report, section_id, index))}
            for index, item in enumerate(section.highlights)
        ],
        "cases": [
            {
                "id": case.id,
                "title": case.title.get(tag),
                "summary": case.summary.get(tag),
                "where": case.source.get(tag),
                # Machine-drafted while its title or summary is as the drafter wrote it.
                "origin": "draft" if "draft" in (case.title.origin, case.summary.origin)
                else "person",
                "source": links.paragraphs_json(case.paragraphs,
                                                links.case_source_url(report, section_id, case)),
            }
            for case in section.cases
        ],
        "terms": list(section.terms),
        "figures": [figure.id for figure in report.figures_in(section_id)],
        # The panels the page shows: each theme's figures, its lead first.
        "themes": [
            {"id": panel.theme.id, "title": panel.theme.title.get(tag),
             "figures": [figure.id for figure in panel.figures]}
            for panel in report.panels(section_id) if panel.theme is not None
        ],
    }


def figure_json(report: Report, figure: Figure, content: Content,
                language: Language) -> dict[str, Any]:
    """Describe a figure for the API in ``language``."""
    display = display_figure(figure, content, language)
    change = figure.change
    return {
        "id": figure.id,
        "section": figure.section,
        "theme": figure.theme,
        "label": figure.label.get(language.tag),
        "measure": figure.measure,
        "year": report.year_of(figure),
        "period": None if figure.period is None else figure.period.get(language.tag),
        "value": _number(figure.value),
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
        "quote": figure.quote_in(SOURCE_TAG),
        "quote_display": figure.quote_in(language.tag),
        "scope": scope_json(report.scope_of(figure), language.tag),
        "origin": figure.origin,
        "source": links.figure_source_json(report, figure),
    }


def scope_json(scope: Scope, tag: str) -> dict[str, str]:
    """Describe the courts figures count, named in the language ``tag``."""
    return {"kind": scope.kind, "courts": scope.courts.get(tag)}


def _review_json(report: Report) -> dict[str, int] | None:
    """Say what is left to review and translate in a draft (None for a finished briefing)."""
    if not report.briefing.is_draft:
        return None
    review = report.briefing.review()
    return {"texts": review.texts, "to_review": review.to_review,
            "to_translate": review.to_translate}


def source_json(report: Report, language: Language) -> dict[str, Any]:
    """Return the report's text as its blocks, each with its part and its URL in the source view.

    zh-Hant readers get the converted text; everyone else the Simplified original.
    """
    blocks = []
    for view in present_source(report, language.tag):
        block = view.block
        blocks.append({
            "id": block.id,
            "kind": block.kind,
            "level": block.level or None,
            "line": block.line,
            "text": "\n".join("\t".join(plain_text(cell) for cell in row)
                              for row in view.rows) if view.rows else
                    "\n".join(plain_text(line) for line in view.lines),
            "section": view.part,
            "url": links.source_url(report, block.id),
            "translation": _translated_text(report, block.id),
        })
    translation = report.translation
    return {"id": report.id, "language": language.tag, "source_language": language.quote_tag,
            "translation": None if translation is None else {
                "language": "en", "official": False, "translator": translation.translator,
                "updated": translation.updated, "note": translation.note},
            "blocks": blocks}


def _translated_text(report: Report, block_id: str) -> str | None:
    """Return this site's English of a block, as ``text`` gives the original, or None."""
    entry = report.translation.of(block_id) if report.translation is not None else None
    return entry.text if entry is not None else None


def figure_records(report: Report, content: Content, language: Language) -> list[dict[str, Any]]:
    """Return one flat record per figure, for CSV and JSON downloads (absolute source links)."""
    records = []
    for figure in report.briefing.figures:
        shown = display_figure(figure, content, language)
        records.append({
            "id": figure.id,
            # On every row, as a spreadsheet keeps no note: what the quotes come from.
            "document_kind": report.briefing.document_kind,
            "section": figure.section,
            "label": figure.label.get(language.tag),
            "measure": figure.measure or "",
            # A span other than the year (过去五年) is said, so the row is never the year's.
            "year": "" if figure.period is not None else report.year_of(figure),
            "period": "" if figure.period is None else figure.period.get(language.tag),
            # Which courts the number counts: one court's and all courts' are not alike.
            "courts": report.scope_of(figure).courts.get(language.tag),
            "value": _number(figure.value),
            "unit": figure.unit,
            "display": shown.text,
            "written": figure.written,
            "qualifier": figure.qualifier or "",
            "change": shown.change,
            "quote": figure.quote_in(language.tag),
            "source": links.external(links.figure_source_url(report, figure)),
        })
    return records


def records_csv(records: list[dict[str, Any]]) -> str:
    """Write records as CSV text, opening with a BOM so spreadsheets read it as UTF-8.

    Text a spreadsheet would take for a formula is neutralized (``spreadsheet_safe``).
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    if records:
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({name: spreadsheet_safe(value) for name, value in record.items()}
                         for record in records)
    return buffer.getvalue()


# A cell a spreadsheet reads as a formula (CSV injection, OWASP): one opening with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?")


def spreadsheet_safe(value: Any) -> Any:
    """Return ``value`` as a spreadsheet should get it: text that would start a formula is
    prefixed with ``'`` (shown as text, as OWASP recommends); numbers, and text that is only a
    number (``-5``, ``+3.2%``), stay as they are: they are data."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
