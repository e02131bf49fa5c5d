"""PDF briefings: the print template rendered by WeasyPrint, cached on disk."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import gettext as _

from .config import Language
from .content import SECTION_IDS, Report


class PdfUnavailable(Exception):
    """PDFs cannot be made on this machine (no CJK font or no HarfBuzz subsetter)."""


class PdfBusy(Exception):
    """Too many PDFs are rendering; the client should retry later."""


def init_app(app: Flask) -> None:
    """Set up PDF rendering for ``app``."""
    app.extensions["pdf"] = None


def requested_sections(raw: str | None) -> list[str]:
    """Parse ``?sections=economy,livelihood``; raise ValueError with a localized message."""
    if raw is None or not raw.strip():
        return list(SECTION_IDS)
    chosen = [part.strip() for part in raw.split(",")]
    for section_id in chosen:
        if section_id not in SECTION_IDS:
            raise ValueError(_("There is no section %(id)s.", id=section_id))
        if chosen.count(section_id) > 1:
            raise ValueError(_("The section %(id)s is asked for twice.", id=section_id))
    return chosen


def briefing_pdf(report: Report, section_ids: list[str], language: Language) -> Path:
    """Return the path of the PDF briefing of ``report`` (rendered or from the cache)."""
    raise PdfUnavailable(_("PDF briefings are not available yet."))


def diagnose() -> list[tuple[str, bool, str]]:
    """Return (name, ok, detail) for each thing PDF rendering needs."""
    return []
