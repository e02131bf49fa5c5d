"""Render a briefing to PDF: the print template, laid out and written by WeasyPrint.

Rendering only: what is cached, who may render and in which process is decided by the caller
(``webapp.pdf``). WeasyPrint is imported at the first render, so a process that only serves
pages never loads it.
"""

from __future__ import annotations

import gc
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, render_template
from flask_babel import gettext as _
from markupsafe import Markup
from werkzeug.security import safe_join

from .. import charts
from ..config import PROJECT_ROOT, Language
from ..content.reports import Content, Report
from ..web.content import current_content
from ..web.locale import rendering_in
from .requirements import HOW_TO_FIX, missing_fonts, missing_subsetter
from .selections import TEXT, briefing_sections, is_extract, text_name
from .source_text import printed_text

PRINT_TEMPLATE = "print/briefing.html"
# Parsed afresh by each render, from the template's <link>: about 18 ms of a 3 s render (CPU,
# measured on a loaded machine). A parsed stylesheet passed to WeasyPrint would be a user
# stylesheet, below the author's in the cascade (the Haidian briefing came out a page longer),
# and its page rules are collected while it is parsed: reuse would reach into WeasyPrint.
PRINT_STYLESHEET = "css/briefing-pdf.css"
# Resources resolve against this origin and are read from the static folder, never fetched.
ORIGIN = "https://briefing.invalid"
# Tagged (PDF/UA-1): readers that copy or quote the text, and screen readers, get its structure
# and language. On the Haidian briefing it costs 4-8 % more render time (CPU, interleaved with
# untagged renders in one process) and about 45 KB; benchmarks/bench.py measures the whole.
PDF_VARIANT: str | None = "pdf/ua-1"
_PAGE, _PAGES = "\ue000", "\ue001"
# A report's charts in one language, drawn: SVG elements by the charts' titles (one per whole).
Drawings = dict[str, str]


class PdfUnavailable(Exception):
    """PDFs cannot be made on this machine (no CJK font or no HarfBuzz subsetter)."""


@dataclass(frozen=True)
class RenderedPdf:
    """A briefing just rendered: its bytes and how many pages it has."""

    data: bytes
    pages: int


class PrintRenderer:
    """Render briefings of one app to PDF, reusing fonts and stylesheets from render to render."""

    def __init__(self, app: Flask) -> None:
        self.static_folder = Path(app.static_folder or PROJECT_ROOT / "static")
        self.static_url_path = app.static_url_path or "/static"
        # Loaded now, the print template is the one fingerprinted (Jinja keeps it unless reloading).
        app.jinja_env.get_template(PRINT_TEMPLATE)
        self._ready = False
        self._font_config: Any = None
        self._setup_lock = threading.Lock()

    def render(self, report: Report, section_ids: list[str], language: Language,
               drawings: Drawings | None = None) -> RenderedPdf:
        """Render the briefing of ``report`` in ``language`` to PDF, in this process.

        ``drawings``: its charts drawn already (``chart_drawings``), else drawn here.
        Raise PdfUnavailable if this machine lacks what rendering needs (checked where it
        renders: in a render process, the serving process never loads WeasyPrint).
        """
        problems = self.missing()
        if problems:
            raise PdfUnavailable(_("PDF briefings cannot be made on this server: %(problems)s. "
                                   "To fix it, %(fix)s.", problems="; ".join(problems), fix=HOW_TO_FIX))
        import weasyprint

        with _collector_paused():
            html = self.html(report, section_ids, language, drawings)
            document = weasyprint.HTML(string=html, base_url=f"{ORIGIN}/",
                                       url_fetcher=_static_fetcher(self.static_folder,
                                                                   self.static_url_path))
            # Both steps read the variant: layout (tags) and writing (the PDF's conformance).
            options = {"pdf_variant": PDF_VARIANT}
            laid_out = document.render(font_config=self.font_config(), **options)
            # Layout leaves cycles behind (pages and footnote areas laid out again, then
            # dropped); left to the end of the render they raised a render process's peak from
            # about 450 to 630 MB. One collection here frees them before the PDF is written.
            gc.collect()
            return RenderedPdf(laid_out.write_pdf(**options), len(laid_out.pages))

    def html(self, report: Report, section_ids: list[str], language: Language,
             drawings: Drawings | None = None) -> str:
        """Render the print template of the briefing in ``language``.

        With ``TEXT`` among ``section_ids``, the report's text and its translation follow the
        briefing; chosen alone, they follow the cover (no overview, outlook or appendix).
        """
        content = current_content()
        # Template helpers (|local, figure_display) read the language of the request; make it
        # the PDF's for the time of the rendering.
        chosen = [(content.section_info(section_id), report.briefing.sections.get(section_id))
                  for section_id in briefing_sections(section_ids)]
        with_text = TEXT in section_ids and report.translation is not None
        # Charts drawn by the caller stand in for the template's own drawing (matplotlib).
        drawn = {} if drawings is None else {"chart_svg": lambda shown: Markup(drawings[shown.chart.title])}
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
                stylesheet=f"{self.static_url_path}/{PRINT_STYLESHEET}", **drawn)

    def font_config(self) -> Any:
        """Return the one FontConfiguration every rendering of this app shares."""
        with self._setup_lock:
            if self._font_config is None:
                from weasyprint.text.fonts import FontConfiguration

                self._font_config = FontConfiguration()
            return self._font_config

    def missing(self) -> list[str]:
        """Return what rendering lacks on this machine (checked until found complete)."""
        if self._ready:
            return []
        problems = [*missing_fonts(), *missing_subsetter()]
        self._ready = not problems
        return problems


def chart_drawings(report: Report, content: Content, language: Language) -> Drawings:
    """Draw the charts a PDF of ``report`` in ``language`` shows, as inline SVG, by title.

    A worker draws them for its render process (and keeps them, ``Briefings``): matplotlib,
    about 45 MB once loaded, then stays out of the render processes, which peaked over 400 MB
    with it. The worker has it loaded already for the charts of the pages.
    """
    return {chart.title: charts.inline_svg(charts.render_svg(chart, language))
            for chart in charts.caseload_charts(report, content, language)}


class _CollectorPause:
    """Pause Python's cyclic garbage collector while any thread renders a PDF.

    WeasyPrint allocates hundreds of thousands of short-lived objects, almost all freed by
    reference counting; the collections they trigger found little to free and took about
    0.2 s of a 1.2 s render (benchmarks/bench.py). A render collects once, between layout and
    writing, to bound its memory; collection resumes when the last render ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._renders = 0
        self._was_enabled = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._renders == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._renders += 1
        try:
            yield
        finally:
            with self._lock:
                self._renders -= 1
                if self._renders == 0 and self._was_enabled:
                    gc.enable()


_collector_paused = _CollectorPause()


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


def _static_fetcher(static_folder: Path, static_url_path: str) -> Any:
    """Return a WeasyPrint URL fetcher that reads the app's static files and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            prefix = f"{static_url_path}/"
            if f"{parts.scheme}://{parts.netloc}" != ORIGIN or not parts.path.startswith(prefix):
                raise ValueError(f"not a static file of the app: {url}")
            found = safe_join(str(static_folder), parts.path.removeprefix(prefix))
            if found is None or not os.path.isfile(found):
                raise ValueError(f"no static file {parts.path}")
            mimetype = "text/css" if found.endswith(".css") else "application/octet-stream"
            return URLFetcherResponse(url, Path(found).read_bytes(),
                                      {"Content-Type": f"{mimetype}; charset=utf-8"})

    # A stylesheet that cannot be read must fail the rendering, not give an unstyled PDF.
    return StaticFetcher(fail_on_errors=True)
