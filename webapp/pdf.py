"""PDF briefings: the print template rendered by WeasyPrint, cached on disk."""

from __future__ import annotations

import concurrent.futures
import gc
import hashlib
import io
import itertools
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from flask import Flask, current_app, render_template
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from markupsafe import Markup
from werkzeug.security import safe_join

from .cache import page_cache_of, stat
from .config import LANGUAGES, PROJECT_ROOT, Language
from .content.briefing import SECTION_IDS
from .content.reports import Report
from .pdf_processes import RenderFailed, RenderProcesses, RenderSlots
from .views import links
from .views.documents import document_words
from .web.content import current_content
from .web.locale import current_language, rendering_in

PRINT_TEMPLATE = "print/briefing.html"
PRINT_STYLESHEET = "css/briefing-pdf.css"
# The faces the print stylesheet names; fontconfig must know each of them.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK TC")
TEXT_FAMILIES = ("Liberation Serif", "Liberation Sans")
HOW_TO_FIX = "install fonts-noto-cjk, fonts-liberation and libharfbuzz-subset0: run make setup"
# Resources resolve against this origin and are read from the static folder, never fetched.
ORIGIN = "https://briefing.invalid"
# Tagged (PDF/UA-1): readers that copy or quote the text, and screen readers, get its structure
# and language. On the Haidian briefing it costs 4-8 % more render time (CPU, interleaved with
# untagged renders in one process) and about 45 KB; benchmarks/bench.py measures the whole.
PDF_VARIANT: str | None = "pdf/ua-1"
_PAGE, _PAGES = "\ue000", "\ue001"
# Beside each cached PDF, its page count (the PDF's name with this suffix), so a page can tell
# the reader how long the PDF is without opening or rendering it.
PAGES_SUFFIX = ".pages"
# The cache keeps a folder per generation (content, code and templates); pruning looks only there.
GENERATION_NAME = re.compile(r"[0-9a-f]{16}")
# A file of the cache unused this long is litter: a temporary file a dead process left, or a PDF
# of another generation. Not sooner: a worker that has not reloaded yet still serves its own.
UNUSED_AFTER_S = 3600
LOGGER = logging.getLogger(__name__)
# `pdf warm` holds no reader's request: its renders (each process starting its app first, on
# every core at once) get the time they take, not a worker's PDF_RENDER_TIMEOUT.
WARM_RENDER_TIMEOUT_S = 600.0


class PdfUnavailable(Exception):
    """PDFs cannot be made on this machine (no CJK font or no HarfBuzz subsetter)."""


class PdfBusy(Exception):
    """Too many PDFs are rendering; the client should retry later."""


class BadSections(ValueError):
    """The sections asked for make no briefing; ``known`` holds those of them that exist."""

    def __init__(self, message: str, known: list[str]) -> None:
        super().__init__(message)
        self.known = known


@dataclass(frozen=True)
class RenderedPdf:
    """A briefing just rendered: its bytes and how many pages it has."""

    data: bytes
    pages: int


@dataclass(frozen=True)
class PdfFacts:
    """What a reader may know of a cached PDF before downloading it."""

    size: int
    pages: int

    def label(self) -> str:
        """Return the format, size and length, e.g. "PDF, 307 KB, 25 pages", localized."""
        return ngettext("PDF, %(size)s KB, %(num)d page", "PDF, %(size)s KB, %(num)d pages",
                        self.pages, size=format_decimal(max(1, round(self.size / 1024))))


@dataclass(frozen=True)
class OpenPdf:
    """A briefing PDF open for reading (so pruning cannot take it away); close it when done.

    The ETag is a digest of the bytes: a briefing rendered again (it prints the date it was
    generated) differs, and a range request must not mix the two.
    """

    file: BinaryIO
    size: int
    etag: str

    def __enter__(self) -> OpenPdf:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.file.close()


def init_app(app: Flask) -> None:
    """Set up PDF rendering for ``app``, and let templates tell the facts of a cached PDF."""
    renderer = Renderer(app)
    app.extensions["pdf"] = renderer
    app.context_processor(lambda: {"cached_pdf_label": cached_pdf_label})
    # Pages tell the facts of PDFs already made: a new PDF is a new version of those pages.
    page_cache_of(app).epochs.append(renderer.epoch)


def requested_sections(values: Iterable[str], from_form: bool = False) -> list[str]:
    """Parse ``?sections=economy,livelihood`` (or repeated, as the form sends it) into section ids.

    Empty items (a trailing comma) are not sections. None at all means the whole briefing, except
    ``from_form``, where it means that no box was ticked. Raise BadSections with a localized message.
    """
    chosen = [part.strip() for value in values for part in value.split(",") if part.strip()]
    known = [section_id for section_id in SECTION_IDS if section_id in chosen]
    if not chosen:
        if from_form:
            raise BadSections(_("Choose at least one section for the PDF."), known)
        return list(SECTION_IDS)
    for section_id in chosen:
        if section_id not in SECTION_IDS:
            raise BadSections(_("There is no section %(id)s.", id=_printable(section_id)), known)
        if chosen.count(section_id) > 1:
            raise BadSections(_("The section %(id)s is asked for twice.", id=section_id), known)
    return chosen


def _printable(text: str) -> str:
    """Return what a reader typed with its control characters (a NUL) shown as �, for an echo."""
    return "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in text)


def in_report_order(section_ids: Iterable[str]) -> list[str]:
    """Return sections in the order the report gives them (a selection's one canonical form)."""
    chosen = set(section_ids)
    return [section_id for section_id in SECTION_IDS if section_id in chosen]


def selections() -> list[list[str]]:
    """Return every selection of sections a PDF can be made of, in report order (31 of them)."""
    return [list(chosen) for size in range(len(SECTION_IDS), 0, -1)
            for chosen in itertools.combinations(SECTION_IDS, size)]


def selection_values(section_ids: Sequence[str]) -> dict[str, list[str]]:
    """Return the query of a selection's one address: none for the whole briefing."""
    return {"sections": list(section_ids)} if is_extract(section_ids) else {}


def is_extract(section_ids: Sequence[str]) -> bool:
    """Tell whether a briefing of ``section_ids`` leaves some section out."""
    return set(section_ids) != set(SECTION_IDS)


def download_name(report: Report, section_ids: Sequence[str], language: Language) -> str:
    """Name the PDF's file: ``haidian-2023-en.pdf``, or ``haidian-2023-en-economy-team.pdf``.

    An extract names its sections in the report's order, whatever order they were asked in.
    """
    named = in_report_order(section_ids)
    return "-".join([report.id, language.code, *(named if is_extract(section_ids) else [])]) + ".pdf"


def briefing_pdf(report: Report, section_ids: list[str], language: Language) -> OpenPdf:
    """Return the PDF briefing of ``report``, open (rendered first if it is not in the cache)."""
    return renderer().briefing_pdf(report, section_ids, language)


def cached_pdf_label(report: Report, section_ids: Sequence[str] | None = None) -> str | None:
    """Return "PDF, 307 KB, 25 pages" if the cache holds that PDF, else None.

    The PDF is that of ``section_ids`` (all if None) in the language of the request. Nothing is
    rendered to find out: a page tells what it can at no cost.
    """
    facts = renderer().cached_facts(report, list(section_ids or SECTION_IDS), current_language())
    return facts.label() if facts else None


def warm(app: Flask, every_selection: bool,
         progress: Callable[[str], None] = lambda _message: None) -> int:
    """Render into the cache every whole briefing (or every selection) in every language.

    On every core: as many render processes as there are, each fed by a thread. Return how many
    PDFs were made or already there.
    """
    renderer: Renderer = app.extensions["pdf"]
    with app.app_context():
        jobs = [(report, sections, language) for report in current_content().reports.values()
                for sections in (selections() if every_selection else [list(SECTION_IDS)])
                for language in LANGUAGES]
    cores = os.cpu_count() or 2
    pool = RenderProcesses(app, cores, int(app.config["PDF_RENDERS_PER_PROCESS"]),
                           WARM_RENDER_TIMEOUT_S)
    previous, renderer.processes = renderer.processes, pool
    base_url = app.config.get("PUBLIC_URL") or "http://localhost/"

    def make(report: Report, sections: list[str], language: Language) -> str:
        with app.test_request_context(base_url=base_url), \
                renderer.briefing_pdf(report, sections, language, limited=False) as made:
            return f"{download_name(report, sections, language)}: {made.size // 1024} KB"

    try:
        with concurrent.futures.ThreadPoolExecutor(cores) as threads:
            futures = [threads.submit(make, *job) for job in jobs]
            for number, future in enumerate(concurrent.futures.as_completed(futures), start=1):
                progress(f"{number}/{len(jobs)} {future.result()}")
    finally:
        renderer.processes = previous
        pool.shutdown()
    return len(jobs)


def most_read() -> list[list[str]]:
    """Return the selections readers ask for most: the whole briefing, then each one section."""
    return [list(SECTION_IDS), *([section_id] for section_id in SECTION_IDS)]


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


def diagnose() -> list[tuple[str, bool, str]]:
    """Return (name, ok, detail) for each thing PDF rendering needs."""
    return renderer().diagnose()


def renderer() -> Renderer:
    """Return the renderer of the current app."""
    found: Renderer = current_app.extensions["pdf"]
    return found


class Renderer:
    """Render briefings to PDF for one app: reused fonts, bounded concurrency, a disk cache."""

    def __init__(self, app: Flask) -> None:
        self.cache_dir = Path(app.config["PDF_CACHE_DIR"])
        self.cache_max_bytes = int(app.config["PDF_CACHE_MAX_BYTES"])
        self.static_folder = Path(app.static_folder or PROJECT_ROOT / "static")
        self.static_url_path = app.static_url_path or "/static"
        # One limit for every worker of this site: a worker's own semaphore never blocks when a
        # sync worker serves one request at a time, and renders then stalled every page.
        self.slots = RenderSlots(self.cache_dir, int(app.config["PDF_MAX_CONCURRENT"]))
        # PDFs are kept per generation of content, code, templates and static files: the same
        # generation as the page cache's (webapp/cache.py), one mechanism for both.
        self.generation = page_cache_of(app).generation
        processes = int(app.config["PDF_PROCESSES"])
        self.processes = RenderProcesses(app, processes, int(app.config["PDF_RENDERS_PER_PROCESS"]),
                                         float(app.config["PDF_RENDER_TIMEOUT"])) \
            if processes > 0 else None
        # Loaded now, the print template is the one fingerprinted (Jinja keeps it unless reloading).
        app.jinja_env.get_template(PRINT_TEMPLATE)
        self._ready = False
        self._font_config: Any = None
        self._setup_lock = threading.Lock()

    def briefing_pdf(self, report: Report, section_ids: list[str], language: Language,
                     limited: bool = True) -> OpenPdf:
        """Return the cached PDF, rendering it first if needed.

        A render needs one of the machine's render slots (``limited``; `pdf warm`, run before
        readers come, uses every core instead): with none free, PdfBusy at once, for a 503
        with Retry-After, rather than a wait that holds the worker from pages.
        """
        path = self.cache_path(report, section_ids, language)
        cached = _open_cached(path)
        if cached is not None:
            return cached
        with self.slots.taken() if limited else nullcontext(True) as admitted:
            if not admitted:
                raise PdfBusy(_("Too many PDFs are being made right now. Please try again in a "
                                "few seconds."))
            return self._render_into(path, report, section_ids, language)

    def _render_into(self, path: Path, report: Report, section_ids: list[str],
                     language: Language) -> OpenPdf:
        """Render the PDF (unless another worker just did) and keep it at ``path``."""
        # Another worker may have made this very PDF since this one looked.
        cached = _open_cached(path)
        if cached is not None:
            return cached
        rendered = self.render_apart(report, section_ids, language)
        buffer = io.BytesIO(rendered.data)
        cached = OpenPdf(buffer, len(rendered.data), _digest(buffer))
        try:
            # The page count first, so that a cached PDF always has it beside it.
            _write_atomically(_pages_path(path), f"{rendered.pages}\n".encode())
            _write_atomically(path, rendered.data)
            self.prune(path.parent)
        except OSError as error:
            # Serving what was rendered comes first: the disk may be full, or another
            # worker may have removed the folder mid-write.
            LOGGER.warning("PDF cache not updated: %s", error)
        return cached

    def cache_path(self, report: Report, section_ids: list[str], language: Language) -> Path:
        """Return where the PDF for this generation, address, language and sections is kept.

        The address readers use is printed in the PDF (its links back to the site): part of the key.
        """
        key = hashlib.sha256("\n".join([report.id, language.code, ",".join(section_ids),
                                        links.external("")]).encode())
        return (self.cache_dir / self.generation.key
                / f"{report.id}-{language.code}-{key.hexdigest()[:16]}.pdf")

    def epoch(self) -> str:
        """Return a mark that changes whenever a PDF of this generation is added or removed.

        Pages state the size and page count of PDFs already made: the page cache keys pages by
        this mark too, so a page made before its PDF does not stay without them.
        """
        return str(stat(self.cache_dir / self.generation.key)[1])

    def cached_facts(self, report: Report, section_ids: list[str],
                     language: Language) -> PdfFacts | None:
        """Return the size and page count of the cached PDF, or None if it is not cached.

        The PDF is not opened, so asking does not count as a use for pruning.
        """
        path = self.cache_path(report, section_ids, language)
        try:
            size = path.stat().st_size
            pages = int(_pages_path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # Not cached, or its page count is missing or unreadable.
            return None
        return PdfFacts(size, pages)

    def prune(self, current: Path) -> None:
        """Remove litter from the cache, then its least recently used PDFs beyond the cap.

        Only PDFs, their page counts and temporary files in generation folders are removed, and
        emptied folders: nothing else that may share PDF_CACHE_DIR. A page count goes with its
        PDF, and alone once unused (a write that failed between the two); the cap counts PDFs.
        """
        now_ns = time.time_ns()
        kept = []
        for generation in self.cache_dir.iterdir():
            if not (GENERATION_NAME.fullmatch(generation.name) and generation.is_dir()):
                continue
            for path in generation.iterdir():
                _name, used_ns, size = stat(path)
                unused = size >= 0 and (now_ns - used_ns) / 1e9 > UNUSED_AFTER_S
                if path.name.startswith(".") and path.suffix == ".tmp":
                    if unused:
                        path.unlink(missing_ok=True)
                elif path.suffix == PAGES_SUFFIX:
                    if unused and not path.with_suffix(".pdf").exists():
                        path.unlink(missing_ok=True)
                elif path.suffix == ".pdf" and size >= 0:
                    if unused and generation != current:
                        _remove_cached(path)
                    else:
                        kept.append((used_ns, size, path))
            with suppress(OSError):  # Not empty: kept as it is.
                generation.rmdir()
        kept.sort()
        total = sum(size for _used, size, _path in kept)
        for _used, size, path in kept:
            if total <= self.cache_max_bytes:
                break
            _remove_cached(path)
            total -= size

    def render_apart(self, report: Report, section_ids: list[str],
                     language: Language) -> RenderedPdf:
        """Render in a render process (PDF_PROCESSES), or here where there are none."""
        if self.processes is None:
            return self.render(report, section_ids, language)
        try:
            rendered = self.processes.render(report.id, section_ids, language.code,
                                             links.public_base())
        except RenderFailed as error:  # PdfUnavailable, raised there, comes back as it is.
            LOGGER.error("PDF of %s (%s, %s) not made: %s", report.id, language.code,
                         ",".join(section_ids), error)
            raise PdfBusy(_("The PDF could not be made just now. Please try again in a few "
                            "seconds.")) from None
        LOGGER.info("PDF of %s (%s) made by render process %d", report.id, language.code,
                    rendered.process)
        return RenderedPdf(rendered.data, rendered.pages)

    def render(self, report: Report, section_ids: list[str], language: Language) -> RenderedPdf:
        """Render the briefing of ``report`` in ``language`` to PDF, in this process.

        Raise PdfUnavailable if this machine lacks what rendering needs (checked where it
        renders: in a render process, the serving process never loads WeasyPrint).
        """
        problems = self.missing()
        if problems:
            raise PdfUnavailable(_("PDF briefings cannot be made on this server: %(problems)s. "
                                   "To fix it, %(fix)s.", problems="; ".join(problems), fix=HOW_TO_FIX))
        import weasyprint

        with _collector_paused():
            html = self.html(report, section_ids, language)
            document = weasyprint.HTML(string=html, base_url=f"{ORIGIN}/",
                                       url_fetcher=_static_fetcher(self.static_folder,
                                                                   self.static_url_path))
            # Both steps read the variant: layout (tags) and writing (the PDF's conformance).
            options = {"pdf_variant": PDF_VARIANT}
            laid_out = document.render(font_config=self.font_config(), **options)
            return RenderedPdf(laid_out.write_pdf(**options), len(laid_out.pages))

    def html(self, report: Report, section_ids: list[str], language: Language) -> str:
        """Render the print template of the briefing in ``language``."""
        content = current_content()
        chosen = [(content.section_info(section_id), report.briefing.sections.get(section_id))
                  for section_id in section_ids]
        # Template helpers (|local, figure_display) read the language of the request; make it
        # the PDF's for the time of the rendering.
        with rendering_in(language):
            names = [info.name.get(language.tag) for info, _section in chosen if info is not None]
            extract = (_("Extract: %(sections)s", sections=_(", ").join(names))
                       if is_extract(section_ids) else None)
            return render_template(
                PRINT_TEMPLATE, report=report, language=language, chosen=chosen, extract=extract,
                appendix=[figure for figure in report.briefing.figures
                          if figure.section == "overview" or figure.section in section_ids],
                generated=date.today(), page_footer=_page_footer(),
                page_head=_page_head(document_words(report.briefing).kind_label),
                stylesheet=f"{self.static_url_path}/{PRINT_STYLESHEET}")

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
        problems = [*_missing_fonts(), *_missing_subsetter()]
        self._ready = not problems
        return problems

    def diagnose(self) -> list[tuple[str, bool, str]]:
        """Return (name, ok, detail) for fonts, the HarfBuzz subsetter and the cache folder."""
        fonts = _missing_fonts()
        subsetter = _missing_subsetter()
        writable = _writable(self.cache_dir)
        return [
            ("pdf fonts", not fonts,
             "; ".join(fonts) + f" ({HOW_TO_FIX})" if fonts
             else ", ".join((*CJK_FAMILIES, *TEXT_FAMILIES)) + " found by fontconfig"),
            ("pdf subsetter", not subsetter,
             "; ".join(subsetter) + f" ({HOW_TO_FIX})" if subsetter
             else "WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset0)"),
            ("pdf cache", writable, f"{self.cache_dir} is writable" if writable
             else f"{self.cache_dir} cannot be written: set PDF_CACHE_DIR or fix its permissions"),
        ]


class _CollectorPause:
    """Pause Python's cyclic garbage collector while any thread renders a PDF.

    WeasyPrint allocates hundreds of thousands of short-lived objects, almost all freed by
    reference counting; the collections they trigger found little to free and took about
    0.2 s of a 1.2 s render (benchmarks/bench.py). Collection resumes when the last render
    ends, and reclaims any cycles then.
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


def font_families(pattern: str) -> set[str]:
    """Return the family names fontconfig lists for ``pattern`` (e.g. ``:lang=zh``)."""
    if shutil.which("fc-list") is None:
        return set()
    listed = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True,
                            check=False).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


def harfbuzz_subsetter() -> bool:
    """Tell whether WeasyPrint found HarfBuzz's subsetter (else it subsets slowly, with fontTools)."""
    try:
        from weasyprint.text import ffi
    except OSError:
        return False
    return ffi.harfbuzz_subset is not None


def _missing_fonts() -> list[str]:
    cjk = font_families(":lang=zh")
    text = font_families(":lang=en")
    return [f"no font {family!r}" for family in CJK_FAMILIES if family not in cjk] + [
        f"no font {family!r}" for family in TEXT_FAMILIES if family not in text]


def _missing_subsetter() -> list[str]:
    return [] if harfbuzz_subsetter() else ["no HarfBuzz subsetter (libharfbuzz-subset0)"]


def _page_head(kind_label: str) -> Markup:
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


def _pages_path(pdf_path: Path) -> Path:
    return pdf_path.with_suffix(PAGES_SUFFIX)


def _remove_cached(pdf_path: Path) -> None:
    """Remove a cached PDF, then its page count (a PDF is never left without it)."""
    pdf_path.unlink(missing_ok=True)
    _pages_path(pdf_path).unlink(missing_ok=True)


def _open_cached(path: Path) -> OpenPdf | None:
    """Open a cached PDF and mark it used (its mtime orders pruning); None if it is not there."""
    try:
        file = path.open("rb")
    except OSError:  # Not there, or a cache that cannot be read: render, as for a miss.
        return None
    try:
        # An explicit time: the kernel's own may be coarse, tying with a file written just before.
        now = time.time_ns()
        os.utime(file.fileno(), ns=(now, now))
    except OSError:
        pass  # A read-only cache still serves; it is only pruned less well.
    return OpenPdf(file, os.fstat(file.fileno()).st_size, _digest(file))


def _digest(file: io.BufferedReader | io.BytesIO) -> str:
    """Return a digest of ``file``'s bytes (about 1 ms for a briefing), leaving it at the start."""
    digest = hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
    file.seek(0)
    return digest


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the whole file or none of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", suffix=".tmp",
                                     delete=False) as temporary:
        try:
            temporary.write(data)
            temporary.flush()
            os.fsync(temporary.fileno())
        except BaseException:
            os.unlink(temporary.name)
            raise
    os.replace(temporary.name, path)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False
