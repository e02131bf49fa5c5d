"""Freeze the site: every read-only page, its htmx fragment and every PDF as static files.

Readers outgrow one app server long before content does. ``flask freeze OUTDIR`` asks the app
itself (through its test client, so nothing renders differently) for every page of every
language that needs no query, and writes it in both forms a browser asks for (the page, and the
fragment an htmx request gets, cut from the page by the app's own ``fragment_of``), the assets
under their digest addresses, the figure downloads and the PDFs, with an nginx configuration
(deploy/nginx.conf) that serves them and passes everything else (search, compare with custom
choices, the API) to the app.

OUTDIR is written whole or not at all: the site is built beside it and swapped in.
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
from flask import Flask, url_for
from flask.testing import FlaskClient
from werkzeug.routing import AnyConverter, Rule
from werkzeug.test import TestResponse

from . import pdf, security
from .config import LANGUAGES, PROJECT_ROOT
from .content.briefing import SECTION_IDS
from .views.paging import listing_pages
from .views.rendering import fragment_of
from .web.content import current_content

NGINX_TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf"
# The two forms of a page, each in a folder of its own: what a browser gets, and what a plain
# htmx request gets (nginx picks the folder by the HX-Request header).
VARIANTS = ("page", "fragment")
# Text worth storing compressed beside itself, for nginx's gzip_static and brotli_static.
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".csv")
BROTLI_QUALITY = 8  # See _compressed.
# Pages not written as pages: PDFs (written apart, a file per selection of sections) and
# citation downloads, answered per request (they carry the day they are downloaded).
NOT_PAGES = ("site.downloads.briefing_pdf", "site.citations.download")
_ASSET_LINK = re.compile(rb'(?:href|src)="(/assets/[0-9a-f]+/[^"]+)"')


@dataclass(frozen=True)
class Frozen:
    """What a freeze wrote."""

    pages: int
    fragments: int
    assets: int
    pdfs: int
    skipped: list[str]


def page_paths(app: Flask) -> list[str]:
    """Return the path of every page of the site that needs no query, in every language.

    A ``number`` is a page of a listing past its first (``views.paging``): each listing has
    its own.
    """
    values: dict[str, list[Any]] = {
        "lang": [language.code for language in LANGUAGES],
        "report_id": list(current_content().reports),
        "section_id": list(SECTION_IDS),
    }
    numbers = listing_pages()
    paths: list[str] = []
    for rule in app.url_map.iter_rules():
        # Charts (.svg) are asked for with their generation (?v=): the app answers them.
        if not rule.endpoint.startswith("site.") or "GET" not in (rule.methods or ()) \
                or rule.endpoint in NOT_PAGES or rule.rule.endswith(".svg"):
            continue
        # The address's own variables: a default (a listing's page 1) is no choice.
        choices = {name: numbers.get(rule.endpoint, []) if name == "number"
                   else _choices(rule, name, values)
                   for name in sorted(rule.arguments - set(rule.defaults or ()))}
        if any(not options for options in choices.values()):
            continue
        for combination in itertools.product(*choices.values()):
            arguments = dict(zip(choices, combination, strict=True))
            paths.append(_build(app, rule, arguments))
    return sorted(set(paths))


def pdf_paths(app: Flask, every_selection: bool) -> list[str]:
    """Return the address of each whole PDF briefing, or of every selection, in each language."""
    paths = []
    with app.test_request_context():
        for report_id in current_content().reports:
            for language in LANGUAGES:
                for sections in pdf.selections() if every_selection else [list(SECTION_IDS)]:
                    values: dict[str, Any] = {"report_id": report_id, "lang": language.code,
                                              **pdf.selection_values(sections)}
                    paths.append(url_for("site.downloads.briefing_pdf", **values))
    return paths


def freeze(app: Flask, outdir: Path, app_upstream: str, listen: str, state: Path,
           every_pdf: bool = True,
           progress: Callable[[str], None] = lambda _message: None) -> Frozen:
    """Write the frozen site to ``outdir`` (replacing what was there only once it is complete).

    The nginx configuration written beside it serves ``outdir`` on ``listen``, keeps its own
    files in ``state`` and passes the rest to the app at ``app_upstream``. ``every_pdf``: every
    selection of sections, not only the whole briefings (rendered first, on every core).
    """
    outdir = outdir.resolve()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
    staging.chmod(0o755)  # Readable by the web server's own user, as a site must be.
    try:
        pdf.warm(app, pdf.selections() if every_pdf else [list(SECTION_IDS)], progress)
        frozen, names = _freeze_into(app, staging, every_pdf, progress)
        (staging / "nginx.conf").write_text(
            nginx_config(outdir, app_upstream, listen, state, names,
                         app.config["LANGUAGE_COOKIE"]), encoding="utf-8")
        _swap(staging, outdir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return frozen


def nginx_config(root: Path, app_upstream: str, listen: str, state: Path,
                 pdf_names: dict[str, str], cookie: str) -> str:
    """Return deploy/nginx.conf filled in for a frozen site at ``root`` in front of the app.

    ``pdf_names`` maps each frozen PDF's address to the Content-Disposition the app gives it;
    ``cookie`` is the name of the language cookie (nginx negotiates the language at / with it).
    """
    if not re.fullmatch(r"[A-Za-z0-9_]+", cookie):
        raise ValueError(f"nginx reads no cookie named {cookie!r}: use letters, digits and _")
    template = NGINX_TEMPLATE.read_text(encoding="utf-8")
    names = "\n".join(f'    "{path}" "{disposition}";' for path, disposition in pdf_names.items())
    longest = max(map(len, pdf_names), default=0)
    return (template.replace("@ROOT@", str(root)).replace("@APP@", app_upstream)
            .replace("@LISTEN@", listen).replace("@STATE@", str(state.resolve()))
            .replace("@LANGUAGE_COOKIE@", cookie)
            .replace("@SECURITY_HEADERS@", security.nginx_headers("    "))
            .replace("@HSTS@", security.STRICT_TRANSPORT_SECURITY)
            .replace("@MAP_BUCKET@", str(map_bucket_size(longest)))
            .replace("@MAP_MAX@", str(max(1024, 8 * len(pdf_names))))
            .replace("    @PDF_NAMES@", names))


def map_bucket_size(longest_key: int) -> int:
    """Return an nginx map bucket size that holds a key of ``longest_key`` bytes.

    A bucket holds at least one element (the key, its length and a pointer, aligned) and an end
    mark; nginx wants a power of two no smaller than its default (64).
    """
    size = 64
    while size < longest_key + 32:
        size *= 2
    return size


def _freeze_into(app: Flask, root: Path, every_pdf: bool,
                 progress: Callable[[str], None]) -> tuple[Frozen, dict[str, str]]:
    client = app.test_client()
    # No reader: what is written must be no reader's own.
    client.set_cookie(app.config["LANGUAGE_COOKIE"], "")
    counts = {"page": 0, "fragment": 0}
    skipped: list[str] = []
    with app.app_context():
        paths = page_paths(app)
    pdfs = pdf_paths(app, every_pdf)
    names: dict[str, str] = {}
    # PDFs first: the pages then state each PDF's size and page count, as the app's do.
    for path in pdfs:
        response = _get(client, path)
        if response.status_code != 200:
            skipped.append(f"{path}: {response.status_code}")
            continue
        # A folder per briefing.pdf address, a file per selection in it, as nginx looks for it.
        address, _, query = path.partition("?")
        _write(response.get_data(), root / "pdf" / address.lstrip("/") / f"{query or 'whole'}.pdf")
        names[path] = response.headers["Content-Disposition"]
        response.close()
    assets: set[str] = set()
    for path in paths:
        response = freeze_page(client, root, path)
        if response.status_code != 200:
            skipped.extend(f"{path} ({variant}): {response.status_code}" for variant in VARIANTS)
            continue
        for variant in VARIANTS:
            counts[variant] += 1
        if response.mimetype == "text/html":
            assets.update(_asset_links(response.get_data()))
        progress(f"{path}")
    for asset in sorted(assets):
        response = _get(client, asset)
        if response.status_code == 200:
            _write(response.get_data(), root / asset.lstrip("/"))
    return Frozen(counts["page"], counts["fragment"], len(assets), len(names), skipped), names


def freeze_page(client: FlaskClient, root: Path, path: str) -> TestResponse:
    """Write the page at ``path`` under ``root`` in both its forms (VARIANTS); return the answer.

    The app renders the page once: an HTML page's fragment is cut from it as the app would
    render it (``fragment_of``), and anything else (a figure download) is the same bytes for an
    htmx request. An answer other than 200 is not written.
    """
    response = _get(client, path)
    if response.status_code == 200:
        body = response.get_data()
        page_file, fragment_file = (root / variant / _file_for(path) for variant in VARIANTS)
        if response.mimetype == "text/html":
            _write(body, page_file)
            _write(fragment_of(body), fragment_file)
        else:
            _write(body, page_file, fragment_file)
    return response


def _get(client: FlaskClient, path: str) -> TestResponse:
    """Ask for ``path`` in an app context of its own, as a server's request has: the freeze
    command runs in one app context, and what a request keeps there (``g``, Flask-Babel's
    locale) would carry over to the next page."""
    with client.application.app_context():
        return client.get(path)


def _choices(rule: Rule, name: str, values: dict[str, list[Any]]) -> list[Any]:
    converter = rule._converters.get(name)  # The rule's own choices, for any(csv, json).
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)
    return values.get(name, [])


def _build(app: Flask, rule: Rule, arguments: dict[str, Any]) -> str:
    adapter = app.url_map.bind("localhost")
    return adapter.build(rule.endpoint, arguments)


def _file_for(path: str) -> str:
    """Return the file a page path is written to: ``/en/`` → ``en/index.html``."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        return relative + "index.html"
    return relative if Path(relative).suffix in (".csv", ".json") else relative + ".html"


def _asset_links(body: bytes) -> Iterator[str]:
    for found in _ASSET_LINK.finditer(body):
        yield found[1].decode()


def _write(data: bytes, *paths: Path) -> None:
    """Write ``data`` to each of ``paths``, and its compressed forms beside each where they pay.

    The same bytes at several paths (a download's two forms) are compressed once.
    """
    compressed = None
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if path.suffix in COMPRESSIBLE and len(data) > 1024:
            compressed = compressed or _compressed(data)
            gzipped, brotlied = compressed
            (path.parent / f"{path.name}.gz").write_bytes(gzipped)
            (path.parent / f"{path.name}.br").write_bytes(brotlied)


def _compressed(data: bytes) -> tuple[bytes, bytes]:
    """Return ``data`` gzipped and brotli-compressed, for files written once and served often.

    Brotli at quality 8: compressing was most of a freeze's time, and past quality 8 each step
    costs far more than it saves. On today's pages in both forms (132 files, 10.2 MB) quality
    10 took 32.7 ms a file and wrote 1,374,640 bytes, quality 8 took 3.0 ms (a tenth) and wrote
    1,472,681: 7.1% more, about 0.7 KB a page. Quality 9 took 20.9 ms for 1,468,538, quality
    11 111 ms for 1,350,296; at 200 reports (276 files, 25.6 MB) 10 took 17.7 ms, 8 1.0 ms for
    8.0% more. A larger window (lgwin) or block (lgblock) changed neither.
    """
    return gzip.compress(data, 9, mtime=0), brotli.compress(data, quality=BROTLI_QUALITY)


def _swap(staging: Path, outdir: Path) -> None:
    """Put the complete site at ``outdir``; remove the one it replaces."""
    old = None
    if outdir.exists():
        old = outdir.with_name(f".{outdir.name}-old-{os.getpid()}")
        os.rename(outdir, old)
    os.rename(staging, outdir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

