"""What templates may call: the current language, figures, glossary marking, dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from flask import Flask, g, request, url_for
from flask_babel import gettext as _

from ..config import LANGUAGES, Language
from ..content import current_content
from ..content.figures import FigureDisplay
from ..content.models import Figure, Text
from ..glossary import TermMarker
from ..languages import current_language
from . import links
from .presenters import display_figure


def init_app(app: Flask) -> None:
    """Give every template of ``app`` the helpers below and the ``local`` filter."""
    app.context_processor(template_context)
    app.add_template_filter(localized, "local")


def language_links() -> list[tuple[Language, str]]:
    """Return each language with the URL of the current page in it."""
    endpoint = request.endpoint
    if not endpoint or not endpoint.startswith("site.") or "language" not in g:
        return [(language, url_for("site.index", lang=language.code)) for language in LANGUAGES]
    values: dict[str, Any] = dict(request.view_args or {})
    # The query is part of what the page shows (a comparison's choice, a filter): keep it.
    values.update({name: request.args.getlist(name) for name in request.args if name != "lang"})
    return [(language, url_for(endpoint, **values, lang=language.code))
            for language in LANGUAGES]


def figure_display(figure: Figure) -> FigureDisplay:
    """Format a figure in the current language."""
    return display_figure(figure, current_content(), current_language())


def localized(text: Text | None) -> str:
    """Pick the current language of a content text."""
    return text.get(current_language().tag) if text is not None else ""


def term_marker(scope: str, linked: bool = True) -> TermMarker:
    """Return a marker for one section of a page (or, unlinked, of a PDF) in the language."""
    glossary, tag = current_content().glossary, current_language().tag
    if not linked:
        return TermMarker(glossary, tag, scope, None)
    return TermMarker(glossary, tag, scope,
                      lambda term: url_for("site.glossary", _anchor=f"term-{term.id}"),
                      _("More in the glossary"))


def long_date(value: date) -> str:
    """Format a date as 2024年1月5日 / 5 January 2024."""
    language = current_language()
    return format_date(value, format="long", locale="en_GB" if language.code == "en" else language.babel)


def template_context() -> dict[str, Any]:
    """Return the names every template sees."""
    content = current_content()
    return {
        "language": current_language(),
        "language_links": language_links,
        "figure_display": figure_display,
        "term_marker": term_marker,
        "long_date": long_date,
        "sections": content.sections,
        "content": content,
        "links": links,
        "part_name": part_name,
        "canonical_path": canonical_path,
        "excerpt": excerpt,
        "shared": None,
    }


def canonical_path(shared: Figure | None = None) -> str:
    """Return the path of the current page without its query, or with the figure it shares."""
    endpoint = request.endpoint
    if not endpoint or not endpoint.startswith("site.") or "language" not in g:
        return request.path
    values: dict[str, Any] = dict(request.view_args or {})
    if shared is not None:
        values["figure"] = shared.id
    return url_for(endpoint, **values)


def excerpt(text: str, limit: int = 160) -> str:
    """Return the opening of ``text`` up to ``limit`` characters, ending at a sentence if it can.

    Meta descriptions are cut by search engines around 160 characters (fewer in Chinese).
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stops = [cut.rfind(stop) + 1 for stop in ("。", "；", ". ", "; ")]
    end = max(stops)
    return cut[:end].strip() if end > limit // 2 else cut.rstrip() + "…"


def part_name(part: str) -> str:
    """Return the localized name of a part of a report (a section's name, or 附录 / Appendix …)."""
    info = current_content().section_info(part)
    if info is not None:
        return localized(info.name)
    names = {
        "front-matter": _("Front matter"),
        "overview": _("Overview"),
        "shortcomings": _("Shortcomings"),
        "outlook": _("Outlook"),
        "appendix": _("Appendix"),
    }
    return names[part]
