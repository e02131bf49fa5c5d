"""The page blueprints: pages in each language and the root redirect. Thin by design."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    has_request_context,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from jinja2_fragments.flask import render_block
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.http import dump_cookie
from werkzeug.routing import RoutingException

from .. import page_keys, pdf
from ..cache import is_cacheable, mark_cacheable
from ..config import DEFAULT_LANGUAGE, LANGUAGE_COOKIE, Language
from ..content.briefing import Section
from ..content.reports import Report
from ..content.statistics import Figure
from ..glossary import backlinks, ordered
from ..languages import canonical_code, companion_for, language_for_code, language_for_spelling
from ..search import MAX_QUERY_LENGTH
from ..web.content import current_content
from ..web.locale import current_language, negotiate
from ..web.search import index_built
from .links import BILINGUAL_ENDPOINTS, CASE_ARG, COMPANION_ARG, HIGHLIGHT_ARG, marking_args
from .presenters import figure_records, records_csv
from .search_view import glossary_filter, run_search
from .source_view import Chosen, find_chosen, headings, present_source
from .templating import shown_companion

root = Blueprint("root", __name__)
site = Blueprint("site", __name__, url_prefix="/<lang>")

COOKIE_MAX_AGE = 365 * 24 * 3600
RETRY_AFTER_SECONDS = 5


@root.get("/")
def home() -> ResponseReturnValue:
    """Send the reader to the home page in the language they most likely read."""
    language = negotiate(request.accept_languages, request.cookies.get(LANGUAGE_COOKIE))
    response = redirect(url_for("site.index", lang=language.code))
    response.vary.update(("Accept-Language", "Cookie"))
    return response


@root.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Answer browsers that ask for /favicon.ico without reading the page's icon link."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@root.get("/healthz")
def healthz() -> Response:
    """Report that the app is up, how much content it serves, and what is warm yet."""
    processes = pdf.renderer().processes
    return jsonify(status="ok", reports=len(current_content().reports),
                   search_index=index_built(current_app),
                   pdf_processes=None if processes is None else processes.ready.is_set(),
                   pdf_cache=pdf.warmth())


@site.url_value_preprocessor
def pull_language(endpoint: str | None, values: dict[str, Any] | None) -> None:
    g.url_language_code = (values or {}).pop("lang", None)


@site.url_defaults
def add_language(endpoint: str, values: dict[str, Any]) -> None:
    """Keep links in the page's language and, between bilingual pages, in its bilingual view."""
    values.setdefault("lang", current_language().code)
    if endpoint in BILINGUAL_ENDPOINTS and has_request_context():
        companion = shown_companion()
        if companion is not None:
            values.setdefault(COMPANION_ARG, companion.code)


@site.before_request
def resolve_language() -> ResponseReturnValue | None:
    """Accept a canonical language code, redirect another spelling of it, 404 the rest."""
    code = g.url_language_code
    language = language_for_code(code)
    if language is not None:
        g.language = language
        return None
    canonical = canonical_code(code)
    if canonical is None:
        abort(404)
    path = "/" + canonical + request.full_path[len(code) + 1:].rstrip("?")
    return redirect(path, code=301)


@site.after_request
def remember_language(response: Response) -> Response:
    """Remember the reader's language, for a page the page cache does not do it for."""
    language = g.get("language")
    if language is not None and not is_cacheable() \
            and request.cookies.get(LANGUAGE_COOKIE) != language.code:
        for name, value in language_cookie_headers(language.code, request.is_secure):
            response.headers[name] = value
    return response


def language_cookie_headers(code: str, secure: bool) -> list[tuple[str, str]]:
    """Return the headers that remember a reader's language, keeping the answer private.

    A shared cache must not hand this reader's cookie to the next one.
    """
    cookie = dump_cookie(LANGUAGE_COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax",
                         httponly=True, secure=secure)
    return [("Set-Cookie", cookie), ("Cache-Control", "private")]


@site.get("/")
def index() -> Response:
    content = current_content()
    return render_page("index.html", reports=list(content.reports.values()))


@site.get("/about")
def about() -> Response:
    return render_page("about.html")


@site.get("/reports/<report_id>/")
def report(report_id: str) -> Response:
    found = get_report(report_id)
    return render_page("report.html", report=found, shared=shared_figure(found, "overview"),
                       companion=requested_companion())


@site.get("/reports/<report_id>/<section_id>")
def section(report_id: str, section_id: str) -> Response:
    found = get_report(report_id)
    return render_page("section.html", report=found, section_id=section_id,
                       section=get_section(found, section_id),
                       shared=shared_figure(found, section_id), companion=requested_companion())


@site.get("/reports/<report_id>/source")
def source(report_id: str) -> ResponseReturnValue:
    found = get_report(report_id)
    chosen = requested_marking(found)
    # One address per marking: another query (a stray argument, both kinds) redirects to it,
    # so the page cache keeps one page for each.
    marking: dict[str, Any] = marking_args(chosen) if chosen else {}
    canonical = url_for("site.source", report_id=found.id, **marking)
    if request.full_path.rstrip("?") != canonical:
        return redirect(canonical)
    views = present_source(found, current_language().tag, chosen)
    return render_page("source.html", report=found, blocks=views, toc=headings(views),
                       chosen=chosen)


def requested_marking(found: Report) -> Chosen | None:
    """Return the highlight or case whose blocks the source view is asked to mark, or 404."""
    highlight, case = request.args.get(HIGHLIGHT_ARG), request.args.get(CASE_ARG)
    if highlight is None and case is None:
        return None
    chosen = find_chosen(found, highlight, case)
    if chosen is None:
        raise NotFoundNearby([(_("The report's text"), url_for("site.source",
                                                                report_id=found.id))])
    return chosen


@site.get("/reports/<report_id>/figures.<any(csv, json):kind>")
def figures_download(report_id: str, kind: str) -> Response:
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


@site.get("/glossary")
def glossary() -> Response:
    query = request.args.get("q", "")[:MAX_QUERY_LENGTH]
    language = current_language()
    found = glossary_filter(query, language)
    terms = [term for term in ordered(current_content().glossary, language.tag)
             if found.ids is None or term.id in found.ids]
    return render_page("glossary.html", terms=terms, query=query, named=found.named,
                       backlinks=backlinks(current_content().reports.values()))


@site.get("/search")
def search() -> Response:
    outcome = run_search(request.args, current_language())
    return render_page("search.html", status=outcome.status, search=outcome)


@site.get("/reports/<report_id>/briefing.pdf")
def briefing_pdf(report_id: str) -> ResponseReturnValue:
    found = get_report(report_id)
    language = current_language()
    try:
        # The form of chosen sections always sends `chosen`: with no section named, it was sent
        # with no box ticked, whereas a plain link without sections asks for the whole briefing.
        section_ids = pdf.requested_sections(request.args.getlist("sections"),
                                             from_form="chosen" in request.args)
    except pdf.BadSections as error:
        return render_page("briefing_pdf.html", status=400, report=found, message=str(error),
                           checked=error.known)
    # One address per selection, in the report's order: a finite set of PDFs to keep and freeze.
    section_ids = pdf.in_report_order(section_ids)
    values: dict[str, Any] = {"report_id": found.id, **pdf.selection_values(section_ids)}
    canonical = url_for("site.briefing_pdf", **values)
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


class NotFoundNearby(NotFound):
    """A 404 that offers the pages the reader most likely meant, as (label, URL) pairs."""

    def __init__(self, suggestions: list[tuple[str, str]]) -> None:
        super().__init__()
        self.suggestions = suggestions


def get_report(report_id: str) -> Report:
    """Return the report with id ``report_id`` or answer 404, offering every report."""
    reports = current_content().reports
    found = reports.get(report_id)
    if found is None:
        tag = current_language().tag
        raise NotFoundNearby([(report.briefing.title.get(tag), url_for("site.report",
                                                                       report_id=report.id))
                              for report in reports.values()])
    return found


def get_section(found: Report, section_id: str) -> Section:
    """Return the section ``section_id`` of a report or answer 404, offering its sections."""
    content = current_content()
    if content.section_info(section_id) is None:
        tag = current_language().tag
        raise NotFoundNearby(
            [(_("Overview"), url_for("site.report", report_id=found.id))]
            + [(info.name.get(tag), url_for("site.section", report_id=found.id,
                                             section_id=info.id)) for info in content.sections])
    return found.briefing.sections.get(section_id)


def shared_figure(found: Report, section_id: str) -> Figure | None:
    """Return the figure a shared link names (``?figure=``), if its card is on this page."""
    figure_id = request.args.get("figure")
    figures = found.overview_figures() if section_id == "overview" else found.figures_in(section_id)
    return next((figure for figure in figures if figure.id == figure_id), None)


def requested_companion() -> Language | None:
    """Return the language a bilingual view shows beside the page's, or answer 400."""
    code = request.args.get(COMPANION_ARG)
    try:
        return companion_for(current_language(), code)
    except ValueError:
        abort(400, description=_("A bilingual view shows Chinese beside English: “%(code)s” "
                                 "cannot be shown beside this page.", code=code))


def without_trailing_slash() -> str | None:
    """Return the address of the page a path with a stray trailing slash means, if there is one.

    ``/en/reports/x`` is redirected to ``/en/reports/x/`` by the routing itself; this is the
    other direction, so that both mistakes lead to the page.
    """
    path = request.path
    if request.method not in ("GET", "HEAD") or len(path) < 2 or not path.endswith("/"):
        return None
    stripped = path.rstrip("/")
    try:
        current_app.url_map.bind_to_environ(request.environ).match(stripped, method="GET")
    except (HTTPException, RoutingException):
        return None
    query = request.query_string.decode("utf-8", "replace")
    return stripped + ("?" + query if query else "")


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


def is_fragment_request() -> bool:
    """Tell whether the request is a plain htmx request (not boosted, not a history restore).

    The page cache's own reading, so that a page is never kept as the other variant.
    """
    return page_keys.is_fragment_request(request.environ)


def register_error_handlers(app: Flask) -> None:
    """Answer errors with a localized page (or JSON under /api), never a traceback."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        in_api = request.path.startswith("/api/")
        if error.code == 404 and not in_api:
            target = without_trailing_slash()
            if target is not None:
                return redirect(target, code=308)
        if "language" not in g and in_api:
            # The API speaks the language its `lang` names, by default the API's default.
            g.language = language_for_spelling(request.args.get("lang", "")) or DEFAULT_LANGUAGE
        elif "language" not in g:
            # No page matched: speak the language the address names, else the reader's.
            first_segment = request.path.strip("/").split("/", 1)[0]
            g.language = (language_for_spelling(first_segment)
                          or negotiate(request.accept_languages,
                                       request.cookies.get(LANGUAGE_COOKIE)))
        messages = {
            404: _("There is no page at this address."),
            405: _("This address does not accept that kind of request."),
            400: _("The request could not be understood."),
        }
        message = messages.get(error.code or 500, _("Something went wrong."))
        if error.description != type(error).description:
            message = error.description or message
        if in_api:
            response = jsonify(error=message)
            response.status_code = error.code or 500
        else:
            response = render_page("error.html", status=error.code or 500, code=error.code,
                                   message=message, suggestions=getattr(error, "suggestions", ()))
        # A 405 names the methods the address accepts (RFC 9110), as Werkzeug's own page does.
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        if error.code == 503:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> ResponseReturnValue:
        app.logger.exception("unhandled error", exc_info=error)
        return http_error(_InternalError())


class _InternalError(HTTPException):
    code = 500
    description = "Internal error."
