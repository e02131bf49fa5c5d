"""Write a briefing's print HTML to PDF with WeasyPrint: all a render process loads.

The print template is rendered where the content and the web layer are (a worker, ``render``):
a render process is given the HTML and lays it out, with the print stylesheet read from the
static folder. It imports neither Flask nor the content, so it starts with WeasyPrint alone
and its memory is WeasyPrint's. WeasyPrint is imported at the first render, so a process that
only serves pages never loads it.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import compression, fonts, footnotes, styles, text_drawing, text_layouts
from .requirements import HOW_TO_FIX, missing_fonts, missing_subsetter

# Resources resolve against this origin and are read from the static folder, never fetched.
ORIGIN = "https://briefing.invalid"
# Tagged (PDF/UA-1): readers that copy or quote the text, and screen readers, get its structure
# and language. On the Haidian briefing it costs 4-8 % more render time (CPU, interleaved with
# untagged renders in one process) and about 45 KB; benchmarks/bench.py measures the whole.
PDF_VARIANT: str | None = "pdf/ua-1"
# Parsed afresh by each render, from the template's <link>: about 18 ms of a 3 s render (CPU,
# measured on a loaded machine). A parsed stylesheet passed to WeasyPrint would be a user
# stylesheet, below the author's in the cascade (the Haidian briefing came out a page longer),
# and its page rules are collected while it is parsed: reuse would reach into WeasyPrint.
PRINT_STYLESHEET = "css/briefing-pdf.css"
# What a render process lays out and writes once before its renders (``PdfWriter.warm_up``):
# the print template's kinds of text in its sizes, faces and weights, in each language.
_WARM_UP_TEXT = (("en", "The court received 100,344 cases (up 10.2%) and concluded 105,890; "
                  "“fairness and efficiency”, mediation—fast-track."),
                 ("zh-Hans", "全年共收案100344件，同比上升10.2%；结案105890件。报告称“公正与效率”，"
                  "诉源治理、多元调解+速裁、执行到位金额72.58亿元。"),
                 ("zh-Hant", "全年共收案100344件，同比上升10.2%；結案105890件。報告稱「公正與效率」，"
                  "訴源治理、多元調解+速裁、執行到位金額72.58億元。"))
_WARM_UP_PART = """<section class="chapter" lang="{lang}"><p class="cover__court">{text}</p>
<h1 class="cover__title">{text}</h1><p class="cover__extract">{text}</p><h2>{text}</h2>
<p class="summary">{text}<span class="term__tip">{text}</span></p><p class="draws-on">{text}</p>
<table class="figures"><caption>{text}</caption><thead><tr><th scope="col">{text}</th></tr></thead>
<tbody><tr><th scope="row">{text} <span class="figures__scope">{text}</span></th>
<td class="figures__value">{text}</td></tr></tbody></table><h3>{text}</h3><ul><li>{text}</li></ul>
<article class="case"><h4>{text}</h4><p>{text}</p><p class="case__source">{text}</p></article>
<p><b>{text}</b></p></section>"""


class PdfUnavailable(Exception):
    """PDFs cannot be made on this machine (no CJK font or no HarfBuzz subsetter).

    ``problems`` travel from a render process (pickled as the exception's only argument); the
    worker says them in the reader's language (``message``).
    """

    def __init__(self, problems: Sequence[str], message: str | None = None) -> None:
        super().__init__(tuple(problems))
        self.problems = tuple(problems)
        self.message = message or (f"PDF briefings cannot be made on this server: "
                                   f"{'; '.join(self.problems)}. To fix it, {HOW_TO_FIX}.")

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RenderedPdf:
    """A briefing just rendered: its bytes and how many pages it has."""

    data: bytes
    pages: int


class PdfWriter:
    """Lay out print HTML and write it as a PDF, reusing the font configuration across renders."""

    def __init__(self, static_folder: Path, static_url_path: str,
                 fonts_folder: Path | None = None) -> None:
        self.static_folder = static_folder
        self.static_url_path = static_url_path
        # Where the cut Chinese faces are kept (``fonts``); None: the whole faces draw.
        self.fonts_folder = fonts_folder
        self._ready = False
        self._font_config: Any = None
        self._setup_lock = threading.Lock()

    def write(self, html: str, collect: bool = True) -> RenderedPdf:
        """Lay out ``html`` (the print template rendered) and return the PDF, in this process.

        ``collect``: free layout's garbage before writing, to bound the memory of a process that
        lives on; a process that ends with the render (``webapp.pdf_processes``) needs not.
        Raise PdfUnavailable if this machine lacks what rendering needs (checked where it
        renders: in a render process, the serving process never loads WeasyPrint).
        """
        problems = self.missing()
        if problems:
            raise PdfUnavailable(problems)
        footnotes.install()
        compression.install()
        styles.install()
        text_layouts.install()
        text_drawing.install()
        with _collector_paused():
            document = styles.html_class()(string=html, base_url=f"{ORIGIN}/",
                                       url_fetcher=_static_fetcher(self.static_folder,
                                                                   self.static_url_path))
            # Both steps read the variant: layout (tags) and writing (the PDF's conformance).
            options = {"pdf_variant": PDF_VARIANT}
            laid_out = document.render(font_config=self.font_config(), **options)
            if collect:
                # A render's document is garbage in cycles once dropped, and layout leaves some
                # (pages and footnote areas laid out again); left to the end of the next render
                # they raised a process's peak from about 450 to 630 MB. One collection here
                # frees them before the PDF is written.
                gc.collect()
            return RenderedPdf(laid_out.write_pdf(**options), len(laid_out.pages))

    def warm_up(self) -> RenderedPdf:
        """Lay out and write a sample of the print template's text; return its PDF.

        A render process does this once, before it forks a child for each render
        (``webapp.pdf_processes``): fontconfig's matches, the faces Pango opens and what
        HarfBuzz reads of them are then made once and inherited, where each child made them
        again. Measured on the whole Haidian briefing (zh-Hans, under callgrind): a render's
        child ran 5 % fewer instructions, fontconfig's 100 million of them all gone.
        """
        parts = "".join(_WARM_UP_PART.format(lang=lang, text=text)
                        for lang, text in _WARM_UP_TEXT)
        return self.write(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><link '
                   f'rel="stylesheet" href="{self.static_url_path}/{PRINT_STYLESHEET}"></head>'
                   f"<body>{parts}</body></html>")

    def font_config(self) -> Any:
        """Return the one FontConfiguration every rendering of this writer shares, knowing the
        cut Chinese faces (cut first if missing)."""
        with self._setup_lock:
            if self._font_config is None:
                from weasyprint.text.fonts import FontConfiguration

                font_config = FontConfiguration()
                if self.fonts_folder is not None:
                    fonts.register(font_config, fonts.ensure_cut(self.fonts_folder))
                self._font_config = font_config
            return self._font_config

    def missing(self) -> list[str]:
        """Return what rendering lacks on this machine (checked until found complete)."""
        if self._ready:
            return []
        problems = [*missing_fonts(), *missing_subsetter()]
        self._ready = not problems
        return problems


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


def _static_fetcher(static_folder: Path, static_url_path: str) -> Any:
    """Return a WeasyPrint URL fetcher that reads the app's static files and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            prefix = f"{static_url_path}/"
            if f"{parts.scheme}://{parts.netloc}" != ORIGIN or not parts.path.startswith(prefix):
                raise ValueError(f"not a static file of the app: {url}")
            root = os.path.abspath(static_folder)
            found = os.path.normpath(os.path.join(root, parts.path.removeprefix(prefix)))
            # Within the static folder only (no "..", no absolute path), as a real file.
            if not found.startswith(root + os.sep) or not os.path.isfile(found):
                raise ValueError(f"no static file {parts.path}")
            mimetype = "text/css" if found.endswith(".css") else "application/octet-stream"
            return URLFetcherResponse(url, Path(found).read_bytes(),
                                      {"Content-Type": f"{mimetype}; charset=utf-8"})

    # A stylesheet that cannot be read must fail the rendering, not give an unstyled PDF.
    return StaticFetcher(fail_on_errors=True)
