"""What templates may call: the current language, figures, glossary marking, dates."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from babel.dates import format_date
from flask import Flask, g, request, url_for
from flask_babel import gettext as _

from ..config import LANGUAGES, Language
from ..content.figures import FigureDisplay
from ..content.statistics import Figure
from ..content.terms import Term
from ..content.texts import Text
from ..glossary import Entry, TermMarker, by_initial, entry, pinyin
from ..languages import companion_after_switch, companion_for, default_companion
from ..page_keys import read_parameters
from ..search import MAX_QUERY_LENGTH
from ..web.content import current_content
from ..web.locale import current_language
from . import links
from .documents import document_words
from .links import BILINGUAL_ENDPOINTS, COMPANION_ARG
from .presenters import display_figure


def init_app(app: Flask) -> None:
    """Give every template of ``app`` the helpers below and the ``local`` and ``label`` filters."""
    app.context_processor(template_context)
    app.add_template_filter(localized, "local")
    app.add_template_filter(label, "label")


def language_links() -> list[tuple[Language, str]]:
    """Return each language with the URL of the current page in it.

    The query stays (a glossary filter, a search), and so does a bilingual view: switching
    keeps its pair of languages (see ``companion_after_switch``).
    """
    endpoint = request.endpoint
    if not endpoint or not endpoint.startswith("site.") or "language" not in g:
        return [(language, url_for("site.home.index", lang=language.code)) for language in LANGUAGES]
    values = _page_values()
    values.pop(COMPANION_ARG, None)
    companion = shown_companion()
    links = []
    for language in LANGUAGES:
        if companion is not None:
            values[COMPANION_ARG] = companion_after_switch(current_language(), companion,
                                                           language).code
        links.append((language, url_for(endpoint, **values, lang=language.code)))
    return links


def _page_values() -> dict[str, Any]:
    """Return what builds the current page's URL: its path values and its query.

    The query is the parameters the view read (``page_keys.read_parameters``), the ones the
    page cache keeps it under. Query keys that ``url_for`` would read as its own arguments
    (``lang``, ``_anchor`` …) or that would replace a path value are not the page's either.
    """
    path_values = dict(request.view_args or {})
    query = {key: values for key, values in read_parameters(request.args).items()
             if key != "lang" and not key.startswith("_") and key not in path_values}
    return {**query, **path_values}


def shown_companion() -> Language | None:
    """Return the language the current page shows beside its own, if it is a bilingual view.

    Only the pages that have a bilingual view read ``with``: elsewhere it is a stray parameter.
    """
    if request.endpoint not in BILINGUAL_ENDPOINTS:
        return None
    try:
        return companion_for(current_language(), request.args.get(COMPANION_ARG))
    except ValueError:
        return None


def bilingual_link() -> tuple[str, str]:
    """Return the label and URL that turn the current page's bilingual view on or off."""
    endpoint = request.endpoint or "site.home.index"
    values = _page_values()
    language = current_language()
    if shown_companion() is not None:
        values[COMPANION_ARG] = None
        return _("%(language)s only", language=language.name), url_for(endpoint, **values)
    values[COMPANION_ARG] = default_companion(language).code
    return _("Bilingual view"), url_for(endpoint, **values)


def label(text: str) -> str:
    """Return a label ("Reported by:") with the space that follows it, none after a full-width
    colon (报告法院：), which carries its own."""
    return text if text.endswith("：") else text + " "


def figure_display(figure: Figure, language: Language | None = None) -> FigureDisplay:
    """Format a figure in the current language, or in ``language`` (a bilingual view's other)."""
    return display_figure(figure, current_content(), language or current_language())


def localized(text: Text | None) -> str:
    """Pick the current language of a content text (the Chinese where a draft's English waits)."""
    return text.shown_in(current_language().tag)[0] if text is not None else ""


def term_marker(scope: str, linked: bool = True, tag: str | None = None) -> TermMarker:
    """Return a marker for one section of a page (or, unlinked, of a PDF) in the language, or
    for texts in ``tag`` (the original beside its translation)."""
    glossary, tag = current_content().glossary, tag or current_language().tag
    if not linked:
        return TermMarker(glossary, tag, scope, None)
    return TermMarker(glossary, tag, scope,
                      lambda term: url_for("site.glossary.page", _anchor=f"term-{term.id}"),
                      _("More in the glossary"), _("Close"))


def glossary_index(terms: list[Term]) -> list[tuple[str, list[Term]]]:
    """Group the glossary's terms by the letter they are indexed under in the language."""
    return by_initial(terms, current_language().tag)


def glossary_entry(term: Term) -> Entry:
    """Return what the glossary page says about a term in the language, each thing once."""
    return entry(term, current_language().tag)


def term_pinyin(term: Term) -> str:
    """Return a term's pinyin with tone marks, syllables apart."""
    return " ".join(pinyin(term))


def long_date(value: date) -> str:
    """Format a date as 2024年1月5日 / 5 January 2024."""
    language = current_language()
    return _long_date(value, "en_GB" if language.code == "en" else language.babel)


@functools.lru_cache(maxsize=4096)
def _long_date(value: date, locale: str) -> str:
    """Format a date in ``locale``, once: a page of the listing says a few hundred dates, the
    same few over and over (each report's last change, publication and delivery)."""
    return format_date(value, format="long", locale=locale)


def template_context() -> dict[str, Any]:
    """Return the names every template sees."""
    content = current_content()
    return {
        "language": current_language(),
        "language_links": language_links,
        "bilingual_link": bilingual_link,
        "figure_display": figure_display,
        "term_marker": term_marker,
        "glossary_index": glossary_index,
        "glossary_entry": glossary_entry,
        "term_pinyin": term_pinyin,
        "long_date": long_date,
        "sections": content.sections,
        "content": content,
        "links": links,
        "part_name": part_name,
        "document_words": document_words,
        "canonical_path": canonical_path,
        "excerpt": excerpt,
        "shared": None,
        "max_query_length": MAX_QUERY_LENGTH,
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
