"""Listings of every report a page at a time: the home page and the corrections log.

A page listing every report grows with the reports: with hundreds it is slow to make, to
freeze and to read. Each listing shows ``REPORTS_PER_PAGE`` reports, newest first; page 1 is
at the listing's own address and page n at ``<address>/page/<n>``, a plain address that a
static export holds as a file (``flask freeze`` writes each, see ``page_numbers``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from flask import abort, current_app, redirect, request, url_for
from flask_babel import gettext as _

from ..content.reports import Content, Report
from ..web.content import per_content


@dataclass(frozen=True)
class Listing:
    """One page of a listing: its reports, its number, and where its other pages are."""

    reports: list[Report]
    number: int
    count: int
    first: int
    total: int
    endpoint: str

    @property
    def last(self) -> int:
        """Return the position in the whole list of this page's last report (1-based)."""
        return self.first + len(self.reports) - 1

    def url(self, number: int) -> str:
        """Return the address of page ``number`` of this listing (page 1: the listing's own)."""
        return url_for(self.endpoint, number=number)

    def numbers(self) -> list[int | None]:
        """Return the page numbers to link: the first, the last, and two either side of this one.

        None stands for the numbers left out between them.
        """
        shown = sorted({1, self.count, *range(max(1, self.number - 2),
                                               min(self.count, self.number + 2) + 1)})
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - (numbers[-1] or 0) > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers


def newest_first(reports: Iterable[Report]) -> list[Report]:
    """Return reports newest first: by the year they report on, then the last changed first.

    The id breaks ties, so that every page of a listing is the same from one request to the next.
    """
    ordered = sorted(reports, key=lambda report: report.id)
    ordered.sort(key=lambda report: report.last_changed, reverse=True)
    ordered.sort(key=lambda report: report.briefing.year, reverse=True)
    return ordered


def every_report() -> list[Report]:
    """Return every report the site shows, newest first."""
    return _newest_first()[0]


def _newest_first() -> tuple[list[Report], dict[str, int]]:
    """Return every report newest first and each one's position, ordered once per content.

    Every report page links its page of the corrections log (``page_of``): sorted for each
    page, the reports would cost each of them more the more there are.
    """
    return per_content("newest first", _ordered)


def _ordered(content: Content) -> tuple[list[Report], dict[str, int]]:
    ordered = newest_first(content.reports.values())
    return ordered, {report.id: index for index, report in enumerate(ordered)}


def per_page() -> int:
    """Return how many reports a page of a listing holds, as configured."""
    count: int = current_app.config["REPORTS_PER_PAGE"]
    return count


def page_count(total: int, size: int) -> int:
    """Return how many pages ``total`` reports fill, ``size`` a page (an empty list has one)."""
    return max(1, math.ceil(total / size))


def listing(endpoint: str, number: int) -> Listing:
    """Return page ``number`` of the listing of every report at ``endpoint``, or answer 404.

    The 404 says how many pages there are, in the reader's language.
    """
    reports = every_report()
    size = per_page()
    count = page_count(len(reports), size)
    if not 1 <= number <= count:
        abort(404, description=_("There is no page %(number)s of this list: it has %(count)s.",
                                 number=number, count=count))
    first = (number - 1) * size
    found = Listing(reports[first:first + size], number, count, first + 1, len(reports), endpoint)
    canonical = found.url(number)
    if request.script_root + request.path != canonical:
        # /page/02 or /page/２ (the route reads any digits): one page, one address.
        abort(redirect(canonical, code=301))
    return found


def page_of(report_id: str) -> int:
    """Return the number of the page of a listing of every report that lists ``report_id``."""
    return _newest_first()[1][report_id] // per_page() + 1


def page_numbers(reports: int, size: int) -> list[int]:
    """Return the numbers of a listing's pages past the first, for ``flask freeze`` to write."""
    return list(range(2, page_count(reports, size) + 1))
