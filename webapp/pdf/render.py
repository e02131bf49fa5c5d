"""Render a briefing's print template, for WeasyPrint to lay out (``webapp.printing.writer``).

Rendering only: what is cached, who may render and in which process is decided by the caller
(``webapp.pdf``). The template is rendered here, where the content and the web layer's helpers
are (its links, its words in the language); a render process is given the HTML.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from flask import Flask, render_template
from flask_babel import gettext as _
from markupsafe import Markup

from .. import charts
from ..config import PROJECT_ROOT, Language
from ..content.reports import Content, Report
from ..printing.fonts import cut_family
from ..printing.requirements import CJK_FAMILIES, HOW_TO_FIX
from ..printing.writer import PRINT_STYLESHEET, PdfUnavailable, PdfWriter, RenderedPdf
from ..web.content import current_content
from ..web.locale import rendering_in
from .lean_svg import lean
from .selections import TEXT, briefing_sections, is_extract, text_name
from .source_text import printed_text

PRINT_TEMPLATE = "print/briefing.html"
_PAGE, _PAGES = "\ue000", "\ue001"
# A report's charts in one language, drawn: SVG elements by the charts' titles (one per whole).
Drawings = dict[str, str]


class PrintRenderer:
    """Render briefings of one app: the print template here, laid out by a ``PdfWriter``."""

    def __init__(self, app: Flask) -> None:
        static_url_path = app.static_url_path or "/static"
        self.static_url_path = static_url_path
        self.writer = PdfWriter(Path(app.static_folder or PROJECT_ROOT / "static"), static_url_path,
                                Path(app.config["PDF_FONTS_DIR"]))
        # Loaded now, the print template is the one fingerprinted (Jinja keeps it unless reloading).
        app.jinja_env.get_template(PRINT_TEMPLATE)

    def render(self, report: Report, section_ids: list[str], language: Language,
               drawings: Drawings | None = None) -> RenderedPdf:
        """Render the briefing of ``report`` in ``language`` to PDF, all in this process.

        ``drawings``: its charts drawn already (``chart_drawings``), else drawn here.
        Raise PdfUnavailable if this machine lacks what rendering needs.
        """
        html = self.html(report, section_ids, language, drawings)
        try:
            return self.writer.write(html)
        except PdfUnavailable as error:
            raise unavailable(error.problems) from None

    def html(self, report: Report, section_ids: list[str], language: Language,
             drawings: Drawings | None = None) -> str:
        """Render the print template of the briefing in ``language``.

        With ``TEXT`` among ``section_ids``, the report's text and its translation follow the
        briefing; chosen alone, they follow the cover (no overview, outlook or appendix).
        ``drawings``: its charts drawn already (``chart_drawings``), else drawn here.
        """
        content = current_content()
        # Template helpers (|local, figure_display) read the language of the request; make it
        # the PDF's for the time of the rendering.
        chosen = [(content.section_info(section_id), report.briefing.sections.get(section_id))
                  for section_id in briefing_sections(section_ids)]
        with_text = TEXT in section_ids and report.translation is not None
        # The charts drawn for print (their faces as the print stylesheet's), by the caller or
        # here, stand in for the template's own drawing.
        drawn = drawings if drawings is not None else chart_drawings(report, content, language)
        with rendering_in(language):
            names = [info.name.get(language.tag) for info, _section in chosen if info is not None]
            if with_text:
                names.append(text_name(report))
            extract = (_("Extract: %(sections)s", sections=_(", ").join(names))
                       if is_extract(section_ids) else None)
            return render_template(
                PRINT_TEMPLATE, report=report, language=language, chosen=chosen, extract=extract,
                with_briefing=bool(chosen),
                text=printed_text(report, language) if with_text else None,
                appendix=[figure for figure in report.briefing.figures
                          if figure.section == "overview" or figure.section in section_ids],
                generated=date.today(), page_footer=_page_footer(), page_head=page_head,
                # On every page of the text, not only where it begins: a page printed or
                # quoted alone still says whose translation it is and what is authoritative.
                text_footer=Markup(_css_string(
                    _("Unofficial translation; the Chinese is authoritative."))),
                stylesheet=f"{self.static_url_path}/{PRINT_STYLESHEET}",
                chart_svg=lambda shown: Markup(drawn[shown.chart.title]))


def chart_drawings(report: Report, content: Content, language: Language) -> Drawings:
    """Draw the charts a PDF of ``report`` in ``language`` shows, as inline SVG, by title.

    A worker draws them once per report and language (and keeps them, ``Briefings``): every
    PDF of a report shows the same charts. The worker has matplotlib loaded already for the
    charts of the pages; render processes, given the HTML, never load it.
    """
    face = charts.FACES[language.tag]
    # A Chinese face's cut first, as the print stylesheet has it (webapp/printing/fonts.py),
    # the whole face next. No space after the comma: WeasyPrint 70 reads an SVG's faces by
    # splitting at commas and stripping quotes only, so " 'Noto…'" would name no face.
    faces = f"'{cut_family(face)}','{face}'" if face in CJK_FAMILIES else f"'{face}'"
    # Lean: without what draws nothing (groups that only name, zero turns, whole-figure clips,
    # metadata), which WeasyPrint walked and drew around for each bar and label.
    return {chart.title: lean(charts.inline_svg(charts.render_svg(chart, language)).replace(
                f"font-family: '{face}'", f"font-family: {faces}"))
            for chart in charts.caseload_charts(report, content, language)}


def page_head(kind_label: str) -> Markup:
    """Return the CSS ``content`` value of the running head: the title, and what the briefing
    rests on where it is not the full report."""
    if not kind_label:
        return Markup("string(title)")
    return Markup(f"string(title) {_css_string(' · ' + kind_label)}")


def _page_footer() -> Markup:
    """Return the CSS ``content`` value of the localized "Page 3 of 12" footer."""
    pattern = _("Page %(page)s of %(pages)s", page=_PAGE, pages=_PAGES)
    parts = []
    for piece in re.split(f"([{_PAGE}{_PAGES}])", pattern):
        if piece == _PAGE:
            parts.append("counter(page)")
        elif piece == _PAGES:
            parts.append("counter(pages)")
        elif piece:
            parts.append(_css_string(piece))
    return Markup(" ".join(parts))


def _css_string(text: str) -> str:
    """Quote ``text`` as a CSS string that is also safe inside an HTML <style> element."""
    escaped = "".join(f"\\{ord(char):x} " if char in '\\"<>\n' else char for char in text)
    return f'"{escaped}"'


def unavailable(problems: tuple[str, ...]) -> PdfUnavailable:
    """Return the refusal of a machine lacking ``problems``, said in the request's language."""
    return PdfUnavailable(problems, _("PDF briefings cannot be made on this server: %(problems)s. "
                                      "To fix it, %(fix)s.", problems="; ".join(problems),
                                      fix=HOW_TO_FIX))
