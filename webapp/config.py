"""Default settings and the one table of languages the site is published in."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from babel import Locale
from babel.support import NullTranslations, Translations

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The interface catalogs (compiled by `make setup`), which Flask-Babel reads for the web layer too.
TRANSLATIONS_DIR = PROJECT_ROOT / "translations"


@dataclass(frozen=True)
class Language:
    """A language the site is published in.

    ``code`` is the URL prefix, ``babel`` the gettext catalog id, ``tag`` the BCP 47 tag used
    for ``<html lang>``, hreflang and as the key of texts in content files. ``name`` is written
    in the language's own script on every page (简体中文 on a 繁體中文 page too, marked by its tag).
    ``og_locale`` is the locale Open Graph names it by (language_TERRITORY).

    A language formats and translates by itself (``locale``, ``gettext``): whatever is rendered
    in it says so by this object, never by the locale of a request around it.
    """

    code: str
    babel: str
    tag: str
    name: str
    script: str | None
    og_locale: str

    @property
    def quote_tag(self) -> str:
        """Return the tag a report's sentences are quoted in: converted for zh-Hant readers."""
        return "zh-Hant" if self.tag == "zh-Hant" else SOURCE_TAG

    @cached_property
    def locale(self) -> Locale:
        """Return the Babel locale numbers, dates and lists are formatted in."""
        return Locale.parse(self.babel)

    @cached_property
    def translations(self) -> NullTranslations:
        """Return the interface catalog of this language (``translations/<babel>``)."""
        return Translations.load(str(TRANSLATIONS_DIR), [self.babel])

    def gettext(self, message: str, **variables: Any) -> str:
        """Translate ``message`` into this language, then fill in its named ``variables``."""
        translated = self.translations.ugettext(message)
        return translated % variables if variables else translated

    def pgettext(self, context: str, message: str, **variables: Any) -> str:
        """Translate ``message`` in ``context`` into this language, then fill in ``variables``."""
        translated = self.translations.upgettext(context, message)
        return translated % variables if variables else translated

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> str:
        """Translate the form of a message for ``num`` (also available as ``%(num)s``)."""
        variables.setdefault("num", num)
        return self.translations.ungettext(singular, plural, num) % variables


LANGUAGES: tuple[Language, ...] = (
    Language(code="zh-hans", babel="zh_Hans", tag="zh-Hans", name="简体中文", script="Hans",
             og_locale="zh_CN"),
    Language(code="zh-hant", babel="zh_Hant", tag="zh-Hant", name="繁體中文", script="Hant",
             og_locale="zh_TW"),
    Language(code="en", babel="en", tag="en", name="English", script=None, og_locale="en_GB"),
)
LANGUAGES_BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT_LANGUAGE = LANGUAGES[0]
# The language texts are written in; zh-Hant is converted from it.
SOURCE_TAG = "zh-Hans"


class DefaultConfig:
    """Settings every app starts from; override with FLASK_* environment variables."""

    CONTENT_DIR = str(PROJECT_ROOT / "content")
    BABEL_TRANSLATION_DIRECTORIES = str(TRANSLATIONS_DIR)
    BABEL_DEFAULT_LOCALE = DEFAULT_LANGUAGE.babel
    # The cookie that remembers a reader's language (the views set it, the page cache and the
    # frozen site's nginx read it).
    LANGUAGE_COOKIE = "lang"
    PDF_CACHE_DIR = str(PROJECT_ROOT / "instance" / "pdf-cache")
    # The print stylesheet's Chinese faces cut to common characters, once a machine
    # (webapp/printing/fonts.py): faster, smaller PDFs.
    PDF_FONTS_DIR = str(PROJECT_ROOT / "instance" / "print-fonts")
    # Rendered pages kept per worker, per content generation (about 30–130 KB a page).
    PAGE_CACHE = True
    PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024
    # Pages with no query are a finite set (pages × languages × 2 forms); these caps are for
    # many more reports than today's. Pages with a query (searches, comparisons, shared
    # figures), which strangers can make without end, have a smaller store of their own.
    PAGE_CACHE_MAX_ENTRIES = 8192
    PAGE_CACHE_QUERY_MAX_BYTES = 8 * 1024 * 1024
    PAGE_CACHE_QUERY_MAX_ENTRIES = 512
    # Read the content and its search index from a build made once per content generation
    # (webapp/build.py) rather than validating and indexing it in every process. None: on,
    # except in apps made for tests (TESTING), which load their content as it is.
    CONTENT_BUILD: bool | None = None
    CONTENT_BUILD_DIR = str(PROJECT_ROOT / "instance" / "content-build")
    # The last content that validated, served when a reload finds the content invalid.
    CONTENT_SNAPSHOTS_DIR = str(PROJECT_ROOT / "instance" / "content-snapshots")
    # How many PDFs may render at once on this machine, all workers together (webapp/pdf_processes.py):
    # half the cores, so pages keep the others. A request beyond it gets a 503 at once.
    PDF_MAX_CONCURRENT = max(1, (os.cpu_count() or 2) // 2)
    # PDFs are rendered in processes of their own, replaced after a number of renders
    # (webapp/pdf_processes.py): 0 renders in the serving process itself.
    PDF_PROCESSES = 1
    PDF_RENDERS_PER_PROCESS = 50
    # Below gunicorn's timeout (60 s): the worker gives up on a render before it is killed.
    PDF_RENDER_TIMEOUT = 30.0
    # The PDF cache's cap: a whole briefing is about 0.5 MB, so this keeps some 500 of them.
    PDF_CACHE_MAX_BYTES = 256 * 1024 * 1024
    SEND_FILE_MAX_AGE_DEFAULT = 3600
    # Reports on a page of the home page's listing, and corrections on a page of the
    # corrections log: more pages rather than longer ones, so that each costs about the same
    # with hundreds of reports.
    REPORTS_PER_PAGE = 12
    CORRECTIONS_PER_PAGE = 12
    # The address readers reach the site at (https://briefings.example.org), for the absolute
    # links of citations, downloads and PDFs; unset, the request's own host is used.
    PUBLIC_URL: str | None = None
    # Who publishes the site, as the About page and citations name it; unset, the site's name.
    PUBLISHER: str | None = None
    # Where readers report an error (a mailto: or https: address), shown on every report page and
    # the corrections page. A placeholder: set FLASK_REPORT_ERROR_URL before serving readers.
    REPORT_ERROR_URL = "mailto:corrections@example.org"
    JSON_SORT_KEYS = False
    # Show draft briefings (status: draft), marked and kept from search engines. Off, a draft is
    # nowhere: its addresses answer 404 and no list, search, comparison, API answer or frozen
    # copy names it. On by default under `flask run` (webapp.create_app), off otherwise.
    PREVIEW_DRAFTS = False
