"""What the page cache keeps a page under: its canonical address and variant.

A stranger can vary a request without end (a junk parameter, a header value): the page cache
(webapp/cache.py) keeps a page only under what the view reads of it. The query counts as its
parameters in a fixed order, and only when the view read every one of them; the htmx headers
count only as the variant (fragment or page) they choose, read here for the views too, so a page
is never kept as the other variant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

import werkzeug.urls  # noqa: F401 (registers the "werkzeug.url_quote" error handler)
from flask import request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

# Set in the WSGI environ once a view parsed the query: the RecordingArgs it read.
ARGS = "webapp.args"
# The request headers that choose a page's variant (webapp/views/rendering.py, render_page): a
# page's Vary names them, as shared caches must key by them too.
HTMX_HEADERS = ("HX-Request", "HX-Boosted", "HX-History-Restore-Request")


class RecordingArgs(ImmutableMultiDict[str, str]):
    """A request's query parameters, remembering which of them the view read.

    A page is kept only if its view read every parameter of the query: otherwise a stranger's
    ``?anything=…`` would make as many copies of a page as they send.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()
        self.read_all = False

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key: str, type: Any = None) -> list[Any]:  # noqa: A002 (Werkzeug's name)
        self.read.add(key)
        return super().getlist(key, type)

    def items(self, multi: bool = False) -> Any:
        self.read_all = True
        return super().items(multi)

    def lists(self) -> Any:
        self.read_all = True
        return super().lists()

    def to_dict(self, flat: bool = True) -> Any:
        self.read_all = True
        return super().to_dict() if flat else super().to_dict(flat=False)


def record_query_reads() -> None:
    """Give the view its query as RecordingArgs, left in the environ for the cache to read.

    Run before every view (the first of the app's before_request functions). Not by a request
    class of the cache's: htmx-flask installs its own after the cache is set up.
    """
    if request.query_string:
        args = RecordingArgs(request.args)
        request.args = args  # type: ignore[misc]  # Werkzeug's cached_property allows the set.
        request.environ[ARGS] = args


def read_whole_query(environ: WSGIEnvironment) -> bool:
    """Tell whether the view answering ``environ`` read every parameter of its query."""
    if not environ.get("QUERY_STRING"):
        return True
    args = environ.get(ARGS)  # Parsed only if the view asked for a parameter.
    if not isinstance(args, RecordingArgs):
        return False
    return args.read_all or set(args.keys()) <= args.read


def read_parameters(args: MultiDict[str, str]) -> dict[str, list[str]]:
    """Return the parameters of a request's query that its view has read, with their values.

    They are the page's query, as the page cache keys it: links to the same page (in another
    language, as a bilingual view) carry these and no others, so a stranger's ``?utm=…``
    neither spreads to them nor, read for them, makes the page one to keep.
    """
    if not isinstance(args, RecordingArgs) or args.read_all:
        return args.to_dict(flat=False)
    return {key: args.getlist(key) for key in args.keys() if key in args.read}


def canonical_query(query_string: str) -> str | None:
    """Return a query's parameters in a fixed order (by name, values as given), or None.

    Parsed as Werkzeug parses ``request.args`` (invalid escapes stay escaped), so two queries
    with the same key give the view the same parameters. None when the query is not UTF-8.
    """
    if not query_string:
        return ""
    try:
        pairs = parse_qsl(query_string.encode("latin-1").decode(), keep_blank_values=True,
                          errors="werkzeug.url_quote")
    except UnicodeError:
        return None
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def is_fragment_request(environ: WSGIEnvironment) -> bool:
    """Tell whether a request asks for a page's fragment, as htmx-flask reads its headers."""
    def flag(name: str) -> bool:
        return str(environ.get(f"HTTP_{name.upper().replace('-', '_')}", "")).lower() == "true"

    htmx, boosted, restore = (flag(name) for name in HTMX_HEADERS)
    return htmx and not boosted and not restore
