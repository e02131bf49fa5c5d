"""PDF briefings for the web layer: from the cache, else rendered under admission, apart.

A request's PDF is looked up in the PDF cache (``webapp.disk_cache``, one folder per generation);
a miss takes one of the machine's render slots, has its print template rendered here
(``render``) and is laid out and written by a render process (``webapp.pdf_processes``, which
loads only ``webapp.printing``) or, where there are none, here. The addresses of PDFs and their
selections of sections are read in ``selections``; what a machine needs to render them is
checked in ``webapp.printing.requirements`` (and by ``flask doctor``). The address readers
reach the site at, which a PDF prints in its links, is passed in by the factory: nothing here
imports the views.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path

from flask import Flask, current_app
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from ..cache import page_cache_of
from ..config import LANGUAGES, Language
from ..content.briefing import SECTION_IDS
from ..content.reports import Report
from ..disk_cache import CachedFacts, OpenPdf, PdfCache
from ..pdf_processes import RenderFailed, RenderProcesses, RenderSlots
from ..printing.writer import PdfUnavailable, RenderedPdf
from ..recent import Recent
from ..web.content import current_content
from ..web.locale import current_language
from .render import Drawings, PrintRenderer, chart_drawings, unavailable
from .selections import (
    TEXT,
    BadSections,
    download_name,
    in_report_order,
    most_read,
    requested_sections,
    selection_values,
    selections,
    text_name,
)

__all__ = ["TEXT", "BadSections", "Briefings", "PdfBusy", "PdfUnavailable", "briefing_pdf",
           "cached_pdf_label", "download_name", "in_report_order", "init_app", "most_read",
           "renderer", "requested_sections", "selection_values", "selections", "text_name", "warm", "warmth"]

LOGGER = logging.getLogger(__name__)
# `pdf warm` holds no reader's request: its renders (each process starting its app first, on
# every core at once) get the time they take, not a worker's PDF_RENDER_TIMEOUT.
WARM_RENDER_TIMEOUT_S = 600.0
# The charts a worker keeps drawn for its render process: a report in a language each (a few
# tens of KB), the reports whose PDFs are being asked for.
KEPT_DRAWINGS = 32


class PdfBusy(Exception):
    """Too many PDFs are rendering; the client should retry later."""


def init_app(app: Flask, public_base: Callable[[], str]) -> None:
    """Set up PDF briefings for ``app``, and let templates tell the facts of a cached PDF.

    ``public_base`` returns the address readers reach the site at (within a request): PDFs
    print it in their links, so it is part of their key in the cache.
    """
    briefings = Briefings(app, public_base)
    app.extensions["pdf"] = briefings
    app.context_processor(lambda: {"cached_pdf_label": cached_pdf_label, "pdf_text": TEXT,
                                   "pdf_text_name": text_name})
    # Pages tell the facts of PDFs already made: a new PDF is a new version of those pages.
    page_cache_of(app).epochs.append(briefings.cache.epoch)


class Briefings:
    """The PDF briefings of one app: cached, admitted a slot at a time, rendered apart."""

    def __init__(self, app: Flask, public_base: Callable[[], str]) -> None:
        cache_dir = Path(app.config["PDF_CACHE_DIR"])
        # PDFs are kept per generation of content, code, templates and static files: the same
        # generation as the page cache's (webapp/cache.py), one mechanism for both.
        self.cache = PdfCache(cache_dir, page_cache_of(app).generation,
                              int(app.config["PDF_CACHE_MAX_BYTES"]))
        self.public_base = public_base
        # One limit for every worker of this site: a worker's own semaphore never blocks when a
        # sync worker serves one request at a time, and renders then stalled every page.
        self.slots = RenderSlots(cache_dir, int(app.config["PDF_MAX_CONCURRENT"]))
        self.printer = PrintRenderer(app)
        processes = int(app.config["PDF_PROCESSES"])
        self.processes = RenderProcesses(self.printer.writer, processes,
                                         int(app.config["PDF_RENDERS_PER_PROCESS"]),
                                         float(app.config["PDF_RENDER_TIMEOUT"])) \
            if processes > 0 else None
        self._drawings: Recent[tuple[str, str], Drawings] = Recent(KEPT_DRAWINGS)

    def briefing_pdf(self, report: Report, section_ids: list[str], language: Language,
                     limited: bool = True) -> OpenPdf:
        """Return the cached PDF, rendering it first if needed.

        A render needs one of the machine's render slots (``limited``; `pdf warm`, run before
        readers come, uses every core instead): with none free, PdfBusy at once, for a 503
        with Retry-After, rather than a wait that holds the worker from pages.
        """
        path = self.cache_path(report, section_ids, language)
        cached = self.cache.open(path)
        if cached is not None:
            return cached
        with self.slots.taken() if limited else nullcontext(True) as admitted:
            if not admitted:
                raise PdfBusy(_("Too many PDFs are being made right now. Please try again in a "
                                "few seconds."))
            # Another worker may have made this very PDF since this one looked.
            cached = self.cache.open(path)
            if cached is not None:
                return cached
            rendered = self.render_apart(report, section_ids, language)
            self.cache.put(path, rendered.data, rendered.pages)
            return OpenPdf.of(rendered.data)

    def cache_path(self, report: Report, section_ids: list[str], language: Language) -> Path:
        """Return where the PDF of this canonical address is kept in the current generation.

        The address readers use is printed in the PDF (its links back to the site): part of the key.
        """
        return self.cache.path(f"{report.id}-{language.code}",
                               [report.id, language.code, ",".join(section_ids),
                                self.public_base().rstrip("/")])

    def cached_facts(self, report: Report, section_ids: list[str],
                     language: Language) -> CachedFacts | None:
        """Return the size and page count of the cached PDF, or None if it is not cached."""
        return self.cache.facts(self.cache_path(report, section_ids, language))

    def render_apart(self, report: Report, section_ids: list[str],
                     language: Language) -> RenderedPdf:
        """Render in a render process (PDF_PROCESSES), or here where there are none.

        The print template is rendered here (its charts drawn once per report and language); the
        render process lays it out and writes the PDF.
        """
        if self.processes is None:
            return self.render(report, section_ids, language, self.drawings(report, language))
        html = self.printer.html(report, section_ids, language, self.drawings(report, language))
        try:
            rendered = self.processes.render(html)
        except PdfUnavailable as error:  # Raised there, said here in the reader's language.
            raise unavailable(error.problems) from None
        except RenderFailed as error:
            LOGGER.error("PDF of %s (%s, %s) not made: %s", report.id, language.code,
                         ",".join(section_ids), error)
            raise PdfBusy(_("The PDF could not be made just now. Please try again in a few "
                            "seconds.")) from None
        LOGGER.info("PDF of %s (%s) made by render process %d", report.id, language.code,
                    rendered.process)
        return RenderedPdf(rendered.data, rendered.pages)

    def render(self, report: Report, section_ids: list[str], language: Language,
               drawings: Drawings | None = None) -> RenderedPdf:
        """Render the briefing all in this process (where there are no render processes)."""
        return self.printer.render(report, section_ids, language, drawings)

    def drawings(self, report: Report, language: Language) -> Drawings:
        """Return the charts of ``report`` in ``language`` drawn, for the print template.

        Drawn once per report and language among those asked for lately: every PDF of a
        report shows the same charts.
        """
        key = (report.id, language.code)
        kept = self._drawings.get([key])
        if key in kept:
            return kept[key]
        drawn = chart_drawings(report, current_content(), language)
        self._drawings.put({key: drawn})
        return drawn


def renderer() -> Briefings:
    """Return the PDF briefings of the current app."""
    found: Briefings = current_app.extensions["pdf"]
    return found


def briefing_pdf(report: Report, section_ids: list[str], language: Language) -> OpenPdf:
    """Return the PDF briefing of ``report``, open (rendered first if it is not in the cache)."""
    return renderer().briefing_pdf(report, section_ids, language)


def cached_pdf_label(report: Report, section_ids: Sequence[str] | None = None) -> str | None:
    """Return "PDF, 307 KB, 25 pages" if the cache holds that PDF, else None.

    The PDF is that of ``section_ids`` (all if None) in the language of the request. Nothing is
    rendered to find out: a page tells what it can at no cost.
    """
    facts = renderer().cached_facts(report, list(section_ids or SECTION_IDS), current_language())
    if facts is None:
        return None
    return ngettext("PDF, %(size)s KB, %(num)d page", "PDF, %(size)s KB, %(num)d pages",
                    facts.pages, size=format_decimal(max(1, round(facts.size / 1024))))


def warm(app: Flask, chosen: Sequence[list[str]],
         progress: Callable[[str], None] = lambda _message: None) -> int:
    """Render into the cache the ``chosen`` selections of every report in every language.

    On every core: as many render processes as there are, each fed by a thread. Return how many
    PDFs were made or already there.
    """
    briefings: Briefings = app.extensions["pdf"]
    with app.app_context():
        jobs = [(report, sections, language) for report in current_content().reports.values()
                for sections in chosen for language in LANGUAGES]
    cores = os.cpu_count() or 2
    pool = RenderProcesses(briefings.printer.writer, cores,
                           int(app.config["PDF_RENDERS_PER_PROCESS"]), WARM_RENDER_TIMEOUT_S)
    previous, briefings.processes = briefings.processes, pool
    base_url = app.config.get("PUBLIC_URL") or "http://localhost/"

    def make(report: Report, sections: list[str], language: Language) -> str:
        with app.test_request_context(base_url=base_url), \
                briefings.briefing_pdf(report, sections, language, limited=False) as made:
            return f"{download_name(report, sections, language)}: {made.size // 1024} KB"

    try:
        with concurrent.futures.ThreadPoolExecutor(cores) as threads:
            futures = [threads.submit(make, *job) for job in jobs]
            for number, future in enumerate(concurrent.futures.as_completed(futures), start=1):
                progress(f"{number}/{len(jobs)} {future.result()}")
    finally:
        briefings.processes = previous
        pool.shutdown()
    return len(jobs)


def warmth() -> dict[str, int]:
    """Count the most-read PDFs of every report and language, and how many the cache holds.

    After a deploy the cache of the new generation starts empty: a load balancer or an operator
    can wait until ``cached`` reaches ``of`` before moving traffic. Only files are looked at.
    """
    found = renderer()
    jobs = [(report, sections, language) for report in current_content().reports.values()
            for sections in most_read() for language in LANGUAGES]
    cached = sum(found.cached_facts(*job) is not None for job in jobs)
    return {"cached": cached, "of": len(jobs)}
