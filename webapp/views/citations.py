"""Citing a report and its briefing, the corrections log, and where to report an error.

The citation downloads (BibTeX, CSL-JSON) carry the day they were downloaded as the date the
briefing was accessed, so they are answered fresh, never kept by the page cache or frozen.
"""

from __future__ import annotations

import datetime
import json
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Flask, Response, current_app, make_response
from flask_babel import gettext as _

from ..citation import (
    BriefingReference,
    ReportReference,
    bibtex,
    briefing_reference,
    csl_json,
    report_reference,
)
from ..content.reports import Report
from ..web.locale import current_language
from . import links
from .documents import document_words
from .lookups import get_report
from .paging import CORRECTIONS, every_correction, listing
from .rendering import render_page

# Media types reference managers know: BibTeX's conventional one, and CSL-JSON's registered one.
MEDIA_TYPES = {"bib": "application/x-bibtex", "json": "application/vnd.citationstyles.csl+json"}
SCHEMES = ("mailto:", "https:")

blueprint = Blueprint("citations", __name__)


def init_app(app: Flask) -> None:
    """Give templates what citations and the corrections log need; refuse a bad error address."""
    address = str(app.config.get("REPORT_ERROR_URL") or "")
    if not address.startswith(SCHEMES):
        raise SystemExit(f"REPORT_ERROR_URL must be a mailto: or https: address, not {address!r}")
    app.context_processor(lambda: {
        "report_reference": current_report_reference,
        "report_error_url": report_error_url,
        "site_publisher": site_publisher,
    })


@blueprint.get("/reports/<report_id>/citation.<any(bib, json):kind>")
def download(report_id: str, kind: str) -> Response:
    """Send the report and its briefing as BibTeX or CSL-JSON, accessed today."""
    found = get_report(report_id)
    cited, briefing = references(found, datetime.date.today())
    not_located = _("Original publication not located")
    # An infographic is cited as what it is, not as the report's full text.
    genre = document_words(found.briefing).kind_label
    if kind == "bib":
        body = bibtex(cited, briefing, not_located, genre)
    else:
        body = json.dumps(csl_json(cited, briefing, not_located, genre), ensure_ascii=False,
                          indent=2)
    response = make_response(body)
    response.content_type = f"{MEDIA_TYPES[kind]}; charset=utf-8"
    name = f"{found.id}-{current_language().code}.{kind}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    # The access date is today's: a shared cache may keep it for an hour, not for days.
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@blueprint.get("/corrections", defaults={"number": 1})
@blueprint.get("/corrections/page/<int:number>")
def corrections(number: int) -> Response:
    """List the corrections of every briefing, newest first, a page of them at a time.

    Each names its report, whose overview lists all of that briefing's corrections.
    """
    return render_page("corrections.html", listing=listing(CORRECTIONS, number, every_correction()))


def references(report: Report, accessed: datetime.date) -> tuple[ReportReference, BriefingReference]:
    """Return the report and its briefing as a citation in the current language names them."""
    language = current_language()
    briefing = briefing_reference(
        report, language.tag, language.code, url=links.external(links.briefing_url(report)),
        site=_("Court Report Briefings"), publisher=site_publisher(), accessed=accessed)
    return current_report_reference(report), briefing


def current_report_reference(report: Report) -> ReportReference:
    """Return what a citation in the current language says of the report itself."""
    return report_reference(report, current_language().tag)


def site_publisher() -> str:
    """Return who publishes the site: PUBLISHER as configured, else the site's own name."""
    publisher: str | None = current_app.config.get("PUBLISHER")
    return publisher or _("Court Report Briefings")


def report_error_url(report: Report | None = None) -> str:
    """Return the address to report an error at; a mail names the briefing and its version."""
    address: str = current_app.config["REPORT_ERROR_URL"]
    if report is None or not address.startswith("mailto:"):
        return address
    tag = current_language().tag
    values: dict[str, Any] = {"title": report.briefing.title.shown_in(tag)[0],
                              "version": report.version}
    subject = _("Error in the briefing “%(title)s”, version %(version)s", **values)
    body = _("Page: %(url)s", url=links.external(links.briefing_url(report))) + "\n\n"
    separator = "&" if "?" in address else "?"
    return f"{address}{separator}subject={quote(subject)}&body={quote(body)}"
