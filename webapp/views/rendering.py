"""Render a page whole, or only its title and content for a plain htmx request."""

from __future__ import annotations

from typing import Any

from flask import Response, make_response, render_template, request
from jinja2_fragments.flask import render_block
from markupsafe import Markup

from .. import page_keys
from ..cache import mark_cacheable
from ..web.locale import current_language


def render_page(template: str, status: int = 200, **context: Any) -> Response:
    """Render a page, or only its title and content block for a plain htmx request.

    Boosted requests and history restores get the full page, as htmx 4 swaps the body.
    """
    if is_fragment_request():
        title = render_block(template, "title", **context)
        body = render_block(template, "content", **context)
        html = Markup("<title>{}</title>").format(Markup(title)) + Markup(body)
    else:
        html = Markup(render_template(template, **context))
    response = make_response(html, status)
    response.vary.update(page_keys.HTMX_HEADERS)
    mark_cacheable(current_language().code)
    return response


def fragment_of(page: bytes) -> bytes:
    """Return the fragment a plain htmx request gets, cut from the page others get (UTF-8).

    ``render_page`` gives such a request the title and content blocks, which the page holds
    as they are (``base.html``: the only ``<title>``, and the content alone in ``#page``):
    ``flask freeze`` cuts the fragment out rather than rendering every page twice. Raise
    ValueError for a page not framed by ``base.html``.
    """
    title_start, title_end = page.find(b"<title>"), page.find(b"</title>")
    start, end = page.find(_CONTENT_START), page.rfind(_CONTENT_END)
    if min(title_start, title_end, start, end) < 0 or not title_start < title_end < start < end:
        raise ValueError("the page is not framed by base.html: it has no fragment to cut")
    return page[title_start:title_end + len(b"</title>")] + page[start + len(_CONTENT_START):end]


# Where base.html puts the content block: alone inside #page, the last element of the body.
_CONTENT_START = b'<div id="page">'
_CONTENT_END = b"</div>\n</body>"


def is_fragment_request() -> bool:
    """Tell whether the request is a plain htmx request (not boosted, not a history restore).

    The page cache's own reading, so that a page is never kept as the other variant.
    """
    return page_keys.is_fragment_request(request.environ)
