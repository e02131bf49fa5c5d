"""One cache of rendered output per content generation: pages in memory, PDFs on disk.

Pages change only when content, code, templates, catalogs or static files do: a page is
rendered once per generation and language (full page or htmx fragment), kept with its gzip and
brotli forms, and served with a strong ETag. The PDF cache keys its files by the same generation.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import brotli
from flask import Flask, Request, Response, current_app

from .config import PROJECT_ROOT

# Pages change when a deployment does; browsers and shared caches revalidate (cheaply, by
# ETag) after two minutes, so a corrected figure reaches readers soon.
CACHE_CONTROL = "public, max-age=120"
# Smaller bodies gain nothing from compression that their headers do not cost.
COMPRESS_FROM = 1024
ENCODINGS = ("br", "gzip")


class Generation:
    """A digest of everything that shapes rendered output, as the app loaded it.

    Content, code, templates and catalogs take effect when the app (re)starts, so in production
    the digest is taken once. In debug mode templates and static files are read afresh at each
    use: then they are watched, and the digest changes with them.
    """

    def __init__(self, app: Flask) -> None:
        content_dir = Path(app.config["CONTENT_DIR"])
        root = Path(app.root_path)
        read_at_use = [*files(root / (app.template_folder or "templates")),
                       *files(Path(app.static_folder or PROJECT_ROOT / "static"))]
        self.watched = read_at_use if app.debug else []
        self._startup = "\n".join([
            fingerprint(files(content_dir), content_dir),
            fingerprint([*files(root, ".py"),
                         *files(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]), ".mo"),
                         *([] if app.debug else read_at_use)], PROJECT_ROOT),
            app_version(),
        ])
        self._memo: tuple[tuple[tuple[str, int, int], ...], str] | None = None
        self._fixed = None if self.watched else _short(self._startup)

    @property
    def key(self) -> str:
        """Return the current generation's id (16 hex digits)."""
        if self._fixed is not None:
            return self._fixed
        stats = tuple(stat(path) for path in self.watched)
        if self._memo is None or self._memo[0] != stats:
            self._memo = (stats, _short(self._startup + fingerprint(self.watched, PROJECT_ROOT)))
        return self._memo[1]


@dataclass
class CachedPage:
    """A rendered page: its body, what it is, and its compressed forms once asked for."""

    body: bytes
    mimetype: str
    vary: tuple[str, ...]
    etag: str
    encoded: dict[str, bytes] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(data) for data in self.encoded.values())

    def encode(self, encoding: str) -> bytes:
        """Return the body in ``encoding`` (``br`` or ``gzip``), compressing it once."""
        if encoding not in self.encoded:
            if encoding == "br":
                self.encoded[encoding] = brotli.compress(self.body, quality=9)
            else:
                self.encoded[encoding] = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self.encoded[encoding]


class PageCache:
    """Rendered pages of the current generation, least recently used dropped beyond a cap."""

    def __init__(self, app: Flask) -> None:
        self.generation = Generation(app)
        self.max_bytes = int(app.config["PAGE_CACHE_MAX_BYTES"])
        self.enabled = bool(app.config["PAGE_CACHE"])
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._pages)

    def key(self, request: Request, variant: str) -> str:
        """Return the key of a page: generation, address (query sorted), variant and host.

        Absolute links name the request's host unless PUBLIC_URL is set: then the host is part
        of what the page says.
        """
        query = "&".join(sorted(f"{name}={value}" for name, value in request.args.items(multi=True)))
        host = "" if current_app.config.get("PUBLIC_URL") else request.host
        return "\n".join((self.generation.key, request.path, query, variant, host))

    def get(self, key: str) -> CachedPage | None:
        """Return the page kept under ``key``, marking it as recently used."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, response: Response) -> CachedPage | None:
        """Keep a successful page response; return what was kept (None if it is not kept)."""
        if not self.enabled or response.status_code != 200 or response.direct_passthrough \
                or response.is_streamed or "Set-Cookie" in response.headers:
            return None
        body = response.get_data()
        page = CachedPage(body, response.mimetype or "text/html", tuple(response.vary),
                          hashlib.blake2b(body, digest_size=12).hexdigest())
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes -= old.size if old else 0
            self._pages[key] = page
            self._bytes += page.size
            self._evict()
        return page

    def grew(self, page: CachedPage, before: int) -> None:
        """Account for compressed forms added to ``page`` (its size was ``before``)."""
        with self._lock:
            self._bytes += page.size - before
            self._evict()

    def _evict(self) -> None:
        while self._bytes > self.max_bytes and len(self._pages) > 1:
            _key, dropped = self._pages.popitem(last=False)
            self._bytes -= dropped.size


def respond(page: CachedPage, request: Request, cache: PageCache) -> Response:
    """Build the response for a cached page, compressed as the client accepts, with its ETag."""
    encoding = None
    if len(page.body) >= COMPRESS_FROM:
        encoding = next((name for name in ENCODINGS if request.accept_encodings[name]), None)
    if encoding is None:
        body, etag = page.body, page.etag
    else:
        before = page.size
        body, etag = page.encode(encoding), f"{page.etag}-{encoding}"
        if page.size != before:
            cache.grew(page, before)
    response = Response(body, mimetype=page.mimetype)
    if encoding is not None:
        response.headers["Content-Encoding"] = encoding
    response.vary.update((*page.vary, "Accept-Encoding"))
    response.set_etag(etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.make_conditional(request)
    return response


def init_app(app: Flask) -> None:
    """Give ``app`` its page cache."""
    app.extensions["page_cache"] = PageCache(app)


def page_cache() -> PageCache:
    """Return the page cache of the current app."""
    cache: PageCache = current_app.extensions["page_cache"]
    return cache


def files(folder: Path, suffix: str = "") -> list[Path]:
    """Return the files under ``folder`` (ending in ``suffix``) in a stable order."""
    return sorted(path for path in folder.rglob(f"*{suffix}")
                  if path.is_file() and "__pycache__" not in path.parts)


def stat(path: Path) -> tuple[str, int, int]:
    """Return a file's name, modification time and size (-1 for a file that is not there)."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return (str(path), -1, -1)
    return (str(path), found.st_mtime_ns, found.st_size)


def fingerprint(paths: Iterable[Path], root: Path) -> str:
    """Hash the names (relative to ``root``, so a moved checkout keeps its cache) and bytes of ``paths``."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.path.relpath(path, root).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def app_version() -> str:
    """Return the installed version of the app's package."""
    try:
        return metadata.version("court-report-briefings")
    except metadata.PackageNotFoundError:
        return "unknown"


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]
