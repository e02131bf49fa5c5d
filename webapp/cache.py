"""One cache of rendered output per content generation: pages in memory, PDFs on disk.

Pages change only when content, code, templates, catalogs or static files do: a page is
rendered once per generation and language (full page or htmx fragment), kept with its gzip and
brotli forms, and served with a strong ETag. The PDF cache keys its files by the same generation.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import brotli
from flask import Flask, current_app, request

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

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
    """A rendered page: status line, headers and body, its compressed forms once asked for.

    ``language`` is the code of the page's language: a reader whose cookie names another gets
    the page from the app, which sets the cookie (pages remember the reader's language).
    """

    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    language: str | None
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
    """Rendered pages of the current generation, answered before Flask sees the request.

    Wraps the app's WSGI callable. A request for a page the app marked as cacheable (see
    ``mark_cacheable``) is answered from memory, compressed as the client accepts, with a strong
    ETag and a 304 for a matching If-None-Match; everything else goes to the app. The least
    recently used pages go beyond ``PAGE_CACHE_MAX_BYTES``.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.wrapped = app.wsgi_app
        # The headers that remember a reader's language, for a page in another language than
        # the reader's cookie names (set by the views, which own the cookie).
        self.personalize: Callable[[str, bool], list[tuple[str, str]]] | None = None
        # Marks of other state pages show (the PDFs already made): each is part of every key.
        self.epochs: list[Callable[[], str]] = []
        self.generation = Generation(app)
        self.max_bytes = int(app.config["PAGE_CACHE_MAX_BYTES"])
        self.enabled = bool(app.config["PAGE_CACHE"])
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._pages)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not self.enabled:
            return self.wrapped(environ, start_response)
        key = self.key(environ)
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
        if page is not None:
            return self.respond(page, environ, start_response)
        return self._render(key, environ, start_response)

    def key(self, environ: WSGIEnvironment) -> str:
        """Return the key of a request: generation, scheme, address, htmx variant and host.

        Absolute links name the request's host unless PUBLIC_URL is set: then the host is part
        of what the page says. Over HTTPS a page carries HSTS, over HTTP it does not.
        """
        host = "" if self.app.config.get("PUBLIC_URL") else environ.get("HTTP_HOST", "")
        return "\n".join((self.generation.key, *(epoch() for epoch in self.epochs),
                          environ.get("wsgi.url_scheme", ""),
                          environ.get("PATH_INFO", ""),
                          environ.get("QUERY_STRING", ""), environ.get("HTTP_HX_REQUEST", ""),
                          environ.get("HTTP_HX_BOOSTED", ""),
                          environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST", ""), host))

    def respond(self, page: CachedPage, environ: WSGIEnvironment,
                start_response: StartResponse) -> Iterable[bytes]:
        """Answer from a cached page, compressed as the client accepts, or 304 by its ETag."""
        encoding = _accepted_encoding(environ.get("HTTP_ACCEPT_ENCODING", "")) \
            if len(page.body) >= COMPRESS_FROM else None
        if encoding is None:
            body, etag = page.body, f'"{page.etag}"'
        else:
            before = page.size
            body, etag = page.encode(encoding), f'"{page.etag}-{encoding}"'
            if page.size != before:
                self._grew(before, page.size)
        headers = [*page.headers, ("ETag", etag)]
        if page.language is not None and self.personalize is not None \
                and _cookie_language(environ) != page.language:
            own = self.personalize(page.language, environ.get("wsgi.url_scheme") == "https")
            names = {name.lower() for name, _value in own}
            headers = [(name, value) for name, value in headers if name.lower() not in names]
            headers.extend(own)
        if etag in environ.get("HTTP_IF_NONE_MATCH", ""):
            start_response("304 Not Modified", headers)
            return []
        if encoding is not None:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _render(self, key: str, environ: WSGIEnvironment,
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
        if language is None or not status.startswith("200 "):
            start_response(status, headers, exc_info)
            if head:
                _close(answer)
                return []
            return answer
        try:
            body = b"".join(answer)
        finally:
            _close(answer)
        page = CachedPage(_kept_headers(headers), body,
                          hashlib.blake2b(body, digest_size=12).hexdigest(), language or None)
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes += page.size - (old.size if old else 0)
            self._pages[key] = page
            self._evict()
        return self.respond(page, environ, start_response)

    def _grew(self, before: int, after: int) -> None:
        with self._lock:
            self._bytes += after - before
            self._evict()

    def _evict(self) -> None:
        while self._bytes > self.max_bytes and len(self._pages) > 1:
            _key, dropped = self._pages.popitem(last=False)
            self._bytes -= dropped.size


# Set in the WSGI environ by a view whose answer may be kept: the page's language code, or ""
# for a page in no language (an asset). Such an answer is the same for every reader: the page
# cache, not the view, adds what is the reader's own (``personalize``).
CACHEABLE = "webapp.cacheable"
# Headers a kept page does not keep: they are made afresh for each answer.
_NOT_KEPT = {"content-length", "content-encoding", "etag", "date"}
_COOKIE = re.compile(r"(?:^|;)\s*lang=([^;]*)")


def _close(answer: Iterable[bytes]) -> None:
    """Close a WSGI answer, as a server would once it has sent it."""
    close = getattr(answer, "close", None)
    if close is not None:
        close()


def _no_write(data: bytes) -> None:
    raise RuntimeError("the app wrote to the response directly; the page cache cannot keep it")


def _kept_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return a page's headers as kept: its own, with Cache-Control and Vary for encodings."""
    kept = [(name, value) for name, value in headers if name.lower() not in _NOT_KEPT]
    if not any(name.lower() == "cache-control" for name, _value in kept):
        kept.append(("Cache-Control", CACHE_CONTROL))
    varies = [value for name, value in kept if name.lower() == "vary"]
    kept = [(name, value) for name, value in kept if name.lower() != "vary"]
    kept.append(("Vary", ", ".join([*varies, "Accept-Encoding"])))
    return kept


def mark_cacheable(language: str | None) -> None:
    """Let the page cache keep the answer to the current request (call from a view)."""
    request.environ[CACHEABLE] = language or ""


def is_cacheable() -> bool:
    """Tell whether the current request's answer is one the page cache keeps."""
    return CACHEABLE in request.environ


def _cookie_language(environ: WSGIEnvironment) -> str | None:
    found = _COOKIE.search(environ.get("HTTP_COOKIE", ""))
    return found[1].strip() if found else None


def _accepted_encoding(header: str) -> str | None:
    """Return the best encoding of ENCODINGS that an Accept-Encoding header allows, or None."""
    accepted = {}
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            accepted[name.strip().lower()] = float(quality)
        except ValueError:
            continue
    return next((name for name in ENCODINGS if accepted.get(name, accepted.get("*", 0)) > 0), None)


def init_app(app: Flask) -> None:
    """Put the page cache in front of ``app``."""
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


def files(folder: Path, suffix: str = "") -> list[Path]:
    """Return the files under ``folder`` (ending in ``suffix``) in a stable order."""
    return sorted(path for path in folder.rglob(f"*{suffix}")
                  if path.is_file() and "__pycache__" not in path.parts)


def stat(path: Path) -> tuple[str, int, int]:
    """Return a file's name, modification time and size (-1 for a file that cannot be seen)."""
    try:
        found = path.stat()
    except OSError:  # Not there, or behind something that is not a folder or cannot be read.
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
