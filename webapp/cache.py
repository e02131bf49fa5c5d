"""One cache of rendered output per content generation: pages in memory, PDFs on disk.

Pages change only when content, code, templates, catalogs or static files do: a page is
rendered once per generation and language (full page or htmx fragment), kept with its gzip and
brotli forms, and served with a strong ETag. The PDF cache keys its files by the same generation.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import brotli
from flask import Flask, current_app, request
from werkzeug.http import parse_accept_header, parse_cookie, parse_etags, parse_set_header, quote_etag

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

from .config import PROJECT_ROOT
from .digests import code_digest, files, fingerprint
from .page_keys import (
    HTMX_HEADERS,
    canonical_query,
    is_fragment_request,
    read_whole_query,
    record_query_reads,
)

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
            code_digest(),
            fingerprint([*files(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]), ".mo"),
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
    """A rendered page: status line, headers and body, its compressed forms once asked for.

    ``language`` is the code of the page's language: a reader whose cookie names another gets
    the page from the app, which sets the cookie (pages remember the reader's language).
    """

    key: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    language: str | None
    encoded: dict[str, bytes] = field(default_factory=dict)

    @property
    def size(self) -> int:
        """Return the bytes the page holds: key, headers, bodies, and the objects around them."""
        return (ENTRY_OVERHEAD + len(self.key) + len(self.body)
                + sum(len(name) + len(value) + HEADER_OVERHEAD for name, value in self.headers)
                + sum(len(data) for data in self.encoded.values()))

    def encode(self, encoding: str) -> bytes:
        """Return the body in ``encoding`` (``br`` or ``gzip``), compressing it once."""
        if encoding not in self.encoded:
            if encoding == "br":
                self.encoded[encoding] = brotli.compress(self.body, quality=9)
            else:
                self.encoded[encoding] = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self.encoded[encoding]


class PageStore:
    """Pages by key, the least recently used dropped beyond ``max_bytes`` or ``max_entries``."""

    def __init__(self, max_bytes: int, max_entries: int) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.bytes = 0
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: str) -> CachedPage | None:
        """Return the page kept under ``key``, now the most recently used, or None."""
        page = self._pages.get(key)
        if page is not None:
            self._pages.move_to_end(key)
        return page

    def put(self, page: CachedPage) -> None:
        """Keep ``page`` under its key (replacing what was there); drop the oldest beyond the caps."""
        old = self._pages.pop(page.key, None)
        self.bytes += page.size - (old.size if old else 0)
        self._pages[page.key] = page
        self.evict()

    def grew(self, before: int, after: int) -> None:
        """Count a kept page's growth (a compressed form added), dropping the oldest if need be."""
        self.bytes += after - before
        self.evict()

    def evict(self) -> None:
        """Drop the least recently used pages until the store is within its caps (keeping one)."""
        while (self.bytes > self.max_bytes or len(self._pages) > self.max_entries) \
                and len(self._pages) > 1:
            _key, dropped = self._pages.popitem(last=False)
            self.bytes -= dropped.size


class PageCache:
    """Rendered pages of the current generation, answered before Flask sees the request.

    Wraps the app's WSGI callable. A request for a page the app marked as cacheable (see
    ``mark_cacheable``) is answered from memory, compressed as the client accepts, with a strong
    ETag and a 304 for a matching If-None-Match; everything else goes to the app.

    Memory is bounded by what a stranger cannot vary. A page is kept under its canonical address
    only: its query's parameters in a fixed order, and only when the view read every one of them
    (``?utm=…`` on any page, or any query on an asset, is answered but never kept). Pages with
    no query, a finite set, are kept in ``pages``; pages with a query (searches, comparisons,
    shared figures), which a stranger can make without end, in ``queried``, a smaller store of
    their own: no number of them evicts a page without one. Each store caps its entries and its
    bytes, counting keys, headers and overhead as well as bodies.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.wrapped = app.wsgi_app
        # The headers that remember a reader's language, for a page in another language than
        # the reader's cookie names (set by the views, which own the cookie).
        self.personalize: Callable[[str, bool], list[tuple[str, str]]] | None = None
        # The cookie that names the reader's language: a page in another gets it set.
        self.cookie_name = str(app.config["LANGUAGE_COOKIE"])
        # Marks of other state pages show (the PDFs already made): each is part of every key.
        self.epochs: list[Callable[[], str]] = []
        self.generation = Generation(app)
        self.enabled = bool(app.config["PAGE_CACHE"])
        self.pages = PageStore(int(app.config["PAGE_CACHE_MAX_BYTES"]),
                               int(app.config["PAGE_CACHE_MAX_ENTRIES"]))
        self.queried = PageStore(int(app.config["PAGE_CACHE_QUERY_MAX_BYTES"]),
                                 int(app.config["PAGE_CACHE_QUERY_MAX_ENTRIES"]))
        # Links are built on SCRIPT_NAME: a request with another (forged through a proxy) is
        # answered by the app, never kept for others nor answered from what others were given.
        self.script_name = str(app.config.get("APPLICATION_ROOT") or "/").rstrip("/")
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.pages) + len(self.queried)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not self.enabled \
                or environ.get("SCRIPT_NAME", "") != self.script_name:
            return self.wrapped(environ, start_response)
        key = self.key(environ)
        if key is None:
            return self.wrapped(environ, start_response)
        store = self.queried if environ.get("QUERY_STRING") else self.pages
        with self._lock:
            page = store.get(key)
        if page is not None:
            return self.respond(page, store, environ, start_response)
        return self._render(key, store, environ, start_response)

    def key(self, environ: WSGIEnvironment) -> str | None:
        """Return the key of a request: generation, scheme, canonical address, variant and host.

        Absolute links name the request's host unless PUBLIC_URL is set: then the host is part
        of what the page says. Over HTTPS a page carries HSTS, over HTTP it does not. The htmx
        headers count only as the variant they choose (fragment or page), as the views read
        them. None for a query that is not text: the app answers it, the cache keeps nothing.
        """
        host = "" if self.app.config.get("PUBLIC_URL") else environ.get("HTTP_HOST", "")
        query = canonical_query(environ.get("QUERY_STRING", ""))
        if query is None:
            return None
        return "\n".join((self.generation.key, *(epoch() for epoch in self.epochs),
                          environ.get("wsgi.url_scheme", ""), environ.get("PATH_INFO", ""),
                          query, "fragment" if is_fragment_request(environ) else "page", host))

    def respond(self, page: CachedPage, store: PageStore, environ: WSGIEnvironment,
                start_response: StartResponse) -> Iterable[bytes]:
        """Answer from a cached page, compressed as the client accepts, or 304 by its ETag."""
        encoding = _accepted_encoding(environ.get("HTTP_ACCEPT_ENCODING", "")) \
            if len(page.body) >= COMPRESS_FROM else None
        if encoding is None:
            body, etag = page.body, page.etag
        else:
            before = page.size
            body, etag = page.encode(encoding), f"{page.etag}-{encoding}"
            if page.size != before:
                with self._lock:
                    store.grew(before, page.size)
        headers = [*page.headers, ("ETag", quote_etag(etag))]
        if page.language is not None and self.personalize is not None \
                and parse_cookie(environ).get(self.cookie_name) != page.language:
            own = self.personalize(page.language, environ.get("wsgi.url_scheme") == "https")
            names = {name.lower() for name, _value in own}
            headers = [(name, value) for name, value in headers if name.lower() not in names]
            headers.extend(own)
        if parse_etags(environ.get("HTTP_IF_NONE_MATCH")).contains_weak(etag):
            start_response("304 Not Modified", headers)
            return []
        if encoding is not None:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _render(self, key: str, store: PageStore, environ: WSGIEnvironment,
                start_response: StartResponse) -> Iterable[bytes]:
        """Have the app answer; keep its answer if it marked the page as cacheable.

        The app's status and headers are held back until it is known whether the answer is
        kept: a kept page goes out as every later hit will, compressed and with its ETag.
        """
        captured: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured[:] = [status, headers, exc_info]
            return _no_write

        # A HEAD is answered as a GET without its body: the app would answer it with an empty
        # body, and kept, that empty page would go out to every later GET.
        head = environ.get("REQUEST_METHOD") == "HEAD"
        asked = {**environ, "REQUEST_METHOD": "GET"} if head else environ
        answer = self.wrapped(asked, capture)
        status, headers, exc_info = captured
        language = asked.get(CACHEABLE)
        if language is None or not status.startswith("200 ") or not read_whole_query(asked):
            start_response(status, headers, exc_info)
            if head:
                _close(answer)
                return []
            return answer
        try:
            body = b"".join(answer)
        finally:
            _close(answer)
        page = CachedPage(key, _kept_headers(headers, language != ""), body,
                          hashlib.blake2b(body, digest_size=12).hexdigest(), language or None)
        with self._lock:
            store.put(page)
        return self.respond(page, store, environ, start_response)


# Set in the WSGI environ by a view whose answer may be kept: the page's language code, or ""
# for a page in no language (an asset). Such an answer is the same for every reader: the page
# cache, not the view, adds what is the reader's own (``personalize``).
CACHEABLE = "webapp.cacheable"
# Headers a kept page does not keep: they are made afresh for each answer.
_NOT_KEPT = {"content-length", "content-encoding", "etag", "date"}
# What a kept page costs beyond its bytes: the entry, its key and page objects (measured with
# sys.getsizeof on a kept page: about 700 bytes), and each header's tuple and strings.
ENTRY_OVERHEAD = 1024
HEADER_OVERHEAD = 160


def _close(answer: Iterable[bytes]) -> None:
    """Close a WSGI answer, as a server would once it has sent it."""
    close = getattr(answer, "close", None)
    if close is not None:
        close()


def _no_write(data: bytes) -> None:
    raise RuntimeError("the app wrote to the response directly; the page cache cannot keep it")


def _kept_headers(headers: list[tuple[str, str]], page: bool) -> list[tuple[str, str]]:
    """Return a page's headers as kept: its own, with Cache-Control and a Vary naming each
    request header the cache keys by (the htmx ones for a page, not for an asset)."""
    kept = [(name, value) for name, value in headers if name.lower() not in _NOT_KEPT]
    if not any(name.lower() == "cache-control" for name, _value in kept):
        kept.append(("Cache-Control", CACHE_CONTROL))
    varies = parse_set_header(", ".join(value for name, value in kept if name.lower() == "vary"))
    varies.update((*(HTMX_HEADERS if page else ()), "Accept-Encoding"))
    kept = [(name, value) for name, value in kept if name.lower() != "vary"]
    kept.append(("Vary", varies.to_header()))
    return kept


def mark_cacheable(language: str | None) -> None:
    """Let the page cache keep the answer to the current request (call from a view)."""
    request.environ[CACHEABLE] = language or ""


def is_cacheable() -> bool:
    """Tell whether the current request's answer is one the page cache keeps."""
    return CACHEABLE in request.environ


def _accepted_encoding(header: str) -> str | None:
    """Return the encoding of ENCODINGS an Accept-Encoding header prefers, or None for none.

    The client's qualities decide, ties go to the order of ENCODINGS; an encoding named with
    q=0 is refused even where ``*`` would allow it (RFC 9110 12.5.3).
    """
    best: str | None = parse_accept_header(header).best_match(ENCODINGS)
    return best


def init_app(app: Flask) -> None:
    """Put the page cache in front of ``app``, and have its views' query reads recorded."""
    app.before_request(record_query_reads)
    cache = PageCache(app)
    app.extensions["page_cache"] = cache
    app.wsgi_app = cache  # type: ignore[method-assign]


def page_cache() -> PageCache:
    """Return the page cache of the current app."""
    return page_cache_of(current_app)


def page_cache_of(app: Flask) -> PageCache:
    """Return the page cache of ``app``."""
    cache: PageCache = app.extensions["page_cache"]
    return cache


def stat(path: Path) -> tuple[str, int, int]:
    """Return a file's name, modification time and size (-1 for a file that cannot be seen)."""
    try:
        found = path.stat()
    except OSError:  # Not there, or behind something that is not a folder or cannot be read.
        return (str(path), -1, -1)
    return (str(path), found.st_mtime_ns, found.st_size)


def app_version() -> str:
    """Return the installed version of the app's package."""
    try:
        return metadata.version("court-report-briefings")
    except metadata.PackageNotFoundError:
        return "unknown"


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]
