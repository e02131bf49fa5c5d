"""Find what an address names (a report, a section), or answer 404 offering what there is."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from ..content import current_content
from ..content.models import Report, Section
from ..languages import current_language


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
        raise NotFoundNearby([(report.briefing.title.get(tag),
                               url_for("site.briefing.report", report_id=report.id))
                              for report in reports.values()])
    return found


def get_section(found: Report, section_id: str) -> Section:
    """Return the section ``section_id`` of a report or answer 404, offering its sections."""
    content = current_content()
    if content.section_info(section_id) is None:
        tag = current_language().tag
        raise NotFoundNearby(
            [(_("Overview"), url_for("site.briefing.report", report_id=found.id))]
            + [(info.name.get(tag), url_for("site.briefing.section", report_id=found.id,
                                             section_id=info.id)) for info in content.sections])
    return found.briefing.sections.get(section_id)
