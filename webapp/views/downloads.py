"""A report's downloads in a language: its figures as CSV or JSON, its briefing as a PDF."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, jsonify, make_response, redirect, request, send_file, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from .. import pdf
from ..web.content import current_content
from ..web.locale import current_language
from .lookups import get_report
from .presenters import figure_records, records_csv
from .rendering import render_page

blueprint = Blueprint("downloads", __name__)


@blueprint.get("/reports/<report_id>/figures.<any(csv, json):kind>")
def figures(report_id: str, kind: str) -> Response:
    found = get_report(report_id)
    records = figure_records(found, current_content(), current_language())
    name = f"{found.id}-{current_language().code}-figures.{kind}"
    if kind == "csv":
        response = make_response(records_csv(records))
        response.mimetype = "text/csv"
    else:
        response = jsonify(report=found.id, language=current_language().tag, figures=records)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@blueprint.get("/reports/<report_id>/briefing.pdf")
def briefing_pdf(report_id: str) -> ResponseReturnValue:
    found = get_report(report_id)
    language = current_language()
    try:
        # The form of chosen sections always sends `chosen`: with no section named, it was sent
        # with no box ticked, whereas a plain link without sections asks for the whole briefing.
        section_ids = pdf.requested_sections(request.args.getlist("sections"),
                                             from_form="chosen" in request.args,
                                             translated=found.translation is not None)
    except pdf.BadSections as error:
        return render_page("briefing_pdf.html", status=400, report=found, message=str(error),
                           checked=error.known)
    # One address per selection, in the report's order: a finite set of PDFs to keep and freeze.
    section_ids = pdf.in_report_order(section_ids)
    values: dict[str, Any] = {"report_id": found.id, **pdf.selection_values(section_ids)}
    canonical = url_for("site.downloads.briefing_pdf", **values)
    if request.full_path.rstrip("?") != canonical:
        return redirect(canonical)
    try:
        briefing = pdf.briefing_pdf(found, section_ids, language)
    except (pdf.PdfBusy, pdf.PdfUnavailable) as error:
        abort(503, description=str(error))
    response = send_file(briefing.file, mimetype="application/pdf", max_age=0, etag=briefing.etag,
                         download_name=pdf.download_name(found, section_ids, language),
                         conditional=False)
    # An open file has no length Werkzeug can see: give it, for the Content-Length and ranges.
    response.content_length = briefing.size
    try:
        response.make_conditional(request, accept_ranges=True, complete_length=briefing.size)
    except HTTPException:
        briefing.file.close()  # A range it cannot satisfy (416): the response is not sent.
        raise
    return response
