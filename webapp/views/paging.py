"""Listings that grow with the reports, a page at a time: the home page and the corrections log.

A page listing every report grows with the reports: with hundreds it is slow to make, to
freeze and to read. The home page lists ``REPORTS_PER_PAGE`` reports a page, newest first; the
corrections log ``CORRECTIONS_PER_PAGE`` corrections, newest first. Page 1 is at the listing's
own address and page n at ``<address>/page/<n>``, a plain address that a static export holds
as a file (``flask freeze`` writes each, see ``listing_pages``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import abort, current_app, redirect, request, url_for
from flask_babel import gettext as _

from ..content.briefing import Correction
from ..content.reports import Report
from ..web.content import per_content

T = TypeVar("T")
HOME = "site.home.index"
CORRECTIONS = "site.citations.corrections"


@dataclass(frozen=True)
class Listing(Generic[T]):
    """One page of a listing: its items, its number, and where its other pages are."""

    items: list[T]
    number: int
    count: int
    first: int
    total: int
    endpoint: str

    @property
    def last(self) -> int:
        """Return the position in the whole list of this page's last item (1-based)."""
        return self.first + len(self.items) - 1

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
    """Return every report the site shows, newest first, ordered once per content."""
    return per_content("newest first", lambda content: newest_first(content.reports.values()))


def every_correction() -> list[tuple[Report, Correction]]:
    """Return every correction of every briefing, newest first, listed once per content.

    A day's corrections follow the reports' order (newest first), and a report's own the
    order its briefing gives them in, the last first.
    """
    return per_content("every correction", lambda _content: _corrections(every_report()))


def _corrections(reports: list[Report]) -> list[tuple[Report, Correction]]:
    found = [(report, correction) for report in reports
             for correction in reversed(report.briefing.corrections)]
    return sorted(found, key=lambda pair: pair[1].date, reverse=True)  # Stable: as listed.


def per_page(endpoint: str) -> int:
    """Return how many items a page of the listing at ``endpoint`` holds, as configured."""
    count: int = current_app.config[
        "CORRECTIONS_PER_PAGE" if endpoint == CORRECTIONS else "REPORTS_PER_PAGE"]
    return count


def page_count(total: int, size: int) -> int:
    """Return how many pages ``total`` items fill, ``size`` a page (an empty list has one)."""
    return max(1, math.ceil(total / size))


def listing(endpoint: str, number: int, items: Sequence[T]) -> Listing[T]:
    """Return page ``number`` of the listing of ``items`` at ``endpoint``, or answer 404.

    The 404 says how many pages there are, in the reader's language.
    """
    size = per_page(endpoint)
    count = page_count(len(items), size)
    if not 1 <= number <= count:
        abort(404, description=_("There is no page %(number)s of this list: it has %(count)s.",
                                 number=number, count=count))
    first = (number - 1) * size
    found = Listing(list(items[first:first + size]), number, count, first + 1, len(items), endpoint)
    canonical = found.url(number)
    if request.script_root + request.path != canonical:
        # /page/02 or /page/２ (the route reads any digits): one page, one address.
        abort(redirect(canonical, code=301))
    return found


def page_numbers(items: int, size: int) -> list[int]:
    """Return the numbers of a listing's pages past the first."""
    return list(range(2, page_count(items, size) + 1))


def listing_pages() -> dict[str, list[int]]:
    """Return the numbers of each listing's pages past the first, for ``flask freeze`` to write."""
    return {HOME: page_numbers(len(every_report()), per_page(HOME)),
            CORRECTIONS: page_numbers(len(every_correction()), per_page(CORRECTIONS))}
