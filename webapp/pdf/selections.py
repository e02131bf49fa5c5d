"""Which sections a PDF briefing holds: reading them from an address, and each one's canonical form.

A selection has one address, its sections in the report's order: a finite set of PDFs (31 per
report and language) to cache, warm and freeze. Beside the sections, a reader may choose the
report's text with this site's English translation (``TEXT``), alone or with sections, where
the report has a translation: the same addresses and cache, rendered when asked for, never warmed.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Sequence

from flask_babel import gettext as _

from ..config import Language
from ..content.briefing import SECTION_IDS
from ..content.reports import Report

# The report's text, each paragraph with its English translation: a part a PDF may hold, named
# after the sections (its canonical place) and in their query, though not one of the briefing's.
TEXT = "text"


class BadSections(ValueError):
    """The sections asked for make no briefing; ``known`` holds those of them that exist."""

    def __init__(self, message: str, known: list[str]) -> None:
        super().__init__(message)
        self.known = known


def requested_sections(values: Iterable[str], from_form: bool = False,
                       translated: bool = False) -> list[str]:
    """Parse ``?sections=economy,livelihood`` (or repeated, as the form sends it) into section ids.

    Empty items (a trailing comma) are not sections. None at all means the whole briefing, except
    ``from_form``, where it means that no box was ticked. ``TEXT`` is a part only of a report
    that is ``translated``. Raise BadSections with a localized message.
    """
    parts = (*SECTION_IDS, TEXT) if translated else SECTION_IDS
    chosen = [part.strip() for value in values for part in value.split(",") if part.strip()]
    known = [section_id for section_id in parts if section_id in chosen]
    if not chosen:
        if from_form:
            raise BadSections(_("Choose at least one section for the PDF."), known)
        return list(SECTION_IDS)
    for section_id in chosen:
        if section_id == TEXT and not translated:
            raise BadSections(_("This report has no English translation to include."), known)
        if section_id not in parts:
            raise BadSections(_("There is no section %(id)s.", id=_printable(section_id)), known)
        if chosen.count(section_id) > 1:
            raise BadSections(_("The section %(id)s is asked for twice.", id=section_id), known)
    return chosen


def text_name(report: Report) -> str:
    """Name the part ``TEXT`` of ``report`` in the current language: the report's or the
    infographic's text, with the English translation."""
    if report.briefing.document_kind == "infographic":
        return _("The infographic's text, with the English translation")
    return _("The report's text, with the English translation")


def _printable(text: str) -> str:
    """Return what a reader typed with its control characters (a NUL) shown as �, for an echo."""
    return "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in text)


def in_report_order(section_ids: Iterable[str]) -> list[str]:
    """Return sections in the order the report gives them, its text after them (a selection's
    one canonical form)."""
    chosen = set(section_ids)
    return [section_id for section_id in (*SECTION_IDS, TEXT) if section_id in chosen]


def briefing_sections(section_ids: Iterable[str]) -> list[str]:
    """Return the sections of the briefing among ``section_ids``, without the report's text."""
    return [section_id for section_id in section_ids if section_id != TEXT]


def selections() -> list[list[str]]:
    """Return every selection of sections a PDF can be made of, in report order (31 of them)."""
    return [list(chosen) for size in range(len(SECTION_IDS), 0, -1)
            for chosen in itertools.combinations(SECTION_IDS, size)]


def most_read() -> list[list[str]]:
    """Return the selections readers ask for most: the whole briefing, then each one section."""
    return [list(SECTION_IDS), *([section_id] for section_id in SECTION_IDS)]


def selection_values(section_ids: Sequence[str]) -> dict[str, list[str]]:
    """Return the query of a selection's one address: none for the whole briefing alone."""
    return {"sections": list(section_ids)} if set(section_ids) != set(SECTION_IDS) else {}


def is_extract(section_ids: Sequence[str]) -> bool:
    """Tell whether a briefing of ``section_ids`` leaves some section out."""
    return set(briefing_sections(section_ids)) != set(SECTION_IDS)


def download_name(report: Report, section_ids: Sequence[str], language: Language) -> str:
    """Name the PDF's file: ``haidian-2023-en.pdf``, or ``haidian-2023-en-economy-team.pdf``.

    An extract names its sections in the report's order, whatever order they were asked in, and
    the report's text last (``haidian-2023-en-text.pdf``).
    """
    ordered = in_report_order(section_ids)
    named = [part for part in ordered if part == TEXT or is_extract(section_ids)]
    return "-".join([report.id, language.code, *named]) + ".pdf"
