"""What the site calls the document a briefing rests on: the report's full text, or an infographic.

A briefing built on an official infographic (一图读懂) must never be said to quote, or to
have read, the full report: every page, the PDF, the CSV and the API name the document by
these words, in one place. Each is a whole sentence or phrase per kind, as Chinese words them
differently (报告 / 图解), never one phrase with the document's name put in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flask_babel import get_locale
from flask_babel import gettext as _

from ..content.briefing import Briefing, DocumentKind


@dataclass(frozen=True)
class DocumentWords:
    """The words, in the current language, for one kind of document a briefing rests on."""

    # What the document is, said where a reader might take it for the full report (a search
    # result); empty for the full text.
    kind_note: str
    # The same, short enough for the PDF's running head beside the title.
    kind_label: str
    # The PDF's subject, to be filled in with the title, court and year (%-format).
    described: str
    # A shared figure's page description, filled in with its label, value and quote.
    figure_said: str
    # What the PDF's appendix of figures and their sentences is.
    appendix_note: str
    text: str  # The source view's title: "The report's text".
    headings: str  # Its table of contents: "The report's headings".
    in_it: str  # A link to where a figure or highlight stands: "In the report".
    in_it_at: str  # Before where a case stands: "In the report:".
    shortcomings: str  # "Shortcomings the report names".
    no_shortcomings: str  # Said where it names none.
    # Before the parts it states of a measure it does not state as one figure (compare page).
    gives_parts: str


def document_words(briefing: Briefing) -> DocumentWords:
    """Return the words for the document ``briefing`` rests on, in the current language."""
    return words_for(briefing.document_kind)


def words_for(kind: DocumentKind) -> DocumentWords:
    """Return the words for a kind of document a briefing rests on, in the current language.

    Translated once per kind and language: a page asks for them at each of its figures (a
    page of the listing, at 72), and each asks for a dozen translations.
    """
    return _words_in(kind, str(get_locale()))


@functools.cache
def _words_in(kind: DocumentKind, _locale: str) -> DocumentWords:
    """Return the words for ``kind`` in the current locale, ``_locale`` (what gettext reads)."""
    if kind == "infographic":
        return DocumentWords(
            kind_note=_("Built on the official infographic summary (一图读懂), not the full "
                        "report"),
            kind_label=_("Infographic summary (一图读懂)"),
            described=_("A briefing of the official infographic summary (一图读懂) of "
                        "“%(title)s” by %(court)s, covering %(year)s"),
            figure_said=_("%(label)s: %(value)s. From the infographic: %(quote)s"),
            appendix_note=_("Each figure with the sentence of the infographic it comes from, "
                            "verbatim."),
            text=_("The infographic's text"),
            headings=_("The infographic's headings"),
            in_it=_("In the infographic"),
            in_it_at=_("In the infographic:"),
            shortcomings=_("Shortcomings the infographic names"),
            no_shortcomings=_("The infographic lists no shortcomings."),
            gives_parts=_("Not stated as one figure; the infographic gives:"),
        )
    return DocumentWords(
        kind_note="",
        kind_label="",
        described=_("A briefing of “%(title)s” by %(court)s, covering %(year)s"),
        figure_said=_("%(label)s: %(value)s. From the report: %(quote)s"),
        appendix_note=_("Each figure with the sentence of the report it comes from, verbatim."),
        text=_("The report's text"),
        headings=_("The report's headings"),
        in_it=_("In the report"),
        in_it_at=_("In the report:"),
        shortcomings=_("Shortcomings the report names"),
        no_shortcomings=_("This report states no shortcomings."),
        gives_parts=_("Not stated as one figure; the report gives:"),
    )
