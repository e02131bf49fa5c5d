"""What the content becomes once loaded: each report with its text and briefing, and the whole."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..languages import TraditionalConverter
from .briefing import Briefing, Part, SectionInfo, Theme
from .sources import Located, SourceText
from .statistics import Basis, Figure, Measure, Scope, Unit
from .terms import Term

if TYPE_CHECKING:
    from .style import EnglishStyle
    from .translations import Translation


@dataclass(frozen=True)
class Panel:
    """A theme's figures, the first of them its lead (shown large); ``theme`` None for the rest."""

    theme: Theme | None
    figures: tuple[Figure, ...]

    @property
    def lead(self) -> Figure:
        """Return the figure the panel leads with."""
        return self.figures[0]

    @property
    def others(self) -> tuple[Figure, ...]:
        """Return the panel's figures after its lead."""
        return self.figures[1:]


@dataclass(frozen=True)
class Report:
    """A report: its id, its published text read into blocks, and its briefing.

    ``parts`` maps every block id to the part it belongs to, ``quotes`` every figure id to
    where its quote stands, and ``source_hant`` is the whole text converted to zh-Hant with
    the same offsets (a quote's Traditional form is a slice of it). ``translation`` is this
    site's unofficial English of every block, where the report has one.
    """

    id: str
    source: SourceText
    briefing: Briefing
    source_hant: str
    parts: Mapping[str, Part]
    quotes: Mapping[str, Located]
    translation: Translation | None = None

    def text_in(self, start: int, end: int, tag: str) -> str:
        """Return a stretch of the source as a reader of ``tag`` sees it (converted for zh-Hant)."""
        text = self.source_hant if tag == "zh-Hant" else self.source.text
        return text[start:end]

    @property
    def version(self) -> int:
        """Return the number of the briefing's current version (one per revision)."""
        return len(self.briefing.revisions)

    def version_on(self, day: datetime.date) -> int:
        """Return the version the briefing had at the end of ``day`` (0 before the first)."""
        return sum(revision.date <= day for revision in self.briefing.revisions)

    @property
    def last_changed(self) -> datetime.date:
        """Return the date of the briefing's latest revision."""
        return max(revision.date for revision in self.briefing.revisions)

    def year_of(self, figure: Figure) -> int:
        """Return the year a figure is about: its own, or else the report's."""
        return figure.year if figure.year is not None else self.briefing.year

    def scope_of(self, figure: Figure) -> Scope:
        """Return the courts a figure counts: its own scope, or else the report's."""
        return figure.scope if figure.scope is not None else self.briefing.scope

    def figure_for(self, measure_id: str, year: int) -> Figure | None:
        """Return the figure giving ``measure_id`` for ``year``, or None if the report does not."""
        return next((figure for figure in self.briefing.figures
                     if figure.measure == measure_id and self.year_of(figure) == year), None)

    def figure(self, figure_id: str) -> Figure:
        """Return the figure with id ``figure_id``."""
        return next(figure for figure in self.briefing.figures if figure.id == figure_id)

    def headline_figures(self) -> list[Figure]:
        """Return the figures the briefing names as its headline, in that order."""
        return [self.figure(figure_id) for figure_id in self.briefing.headline_figures]

    def overview_figures(self) -> list[Figure]:
        """Return the headline figures, then any other overview figures, for the overview page.

        The overview, the list of reports and the PDF lead with the same headline figures.
        """
        headline = self.headline_figures()
        return headline + [figure for figure in self.figures_in("overview") if figure not in headline]

    def figures_in(self, section: str) -> list[Figure]:
        """Return the figures of ``section`` (or ``overview``) in content order."""
        return [figure for figure in self.briefing.figures if figure.section == section]

    def panels(self, section_id: str) -> list[Panel]:
        """Return a section's figures grouped by theme, in the order the section lists themes.

        Figures without a theme follow in a last panel without a title, so a figure added
        before its theme is chosen is still shown.
        """
        figures = self.figures_in(section_id)
        panels = []
        for theme in self.briefing.sections.get(section_id).themes:
            members = [figure for figure in figures if figure.theme == theme.id]
            # The lead comes first; the others keep the briefing's order.
            members.sort(key=lambda figure: figure.id != theme.lead)
            panels.append(Panel(theme, tuple(members)))
        unthemed = tuple(figure for figure in figures if figure.theme is None)
        if unthemed:
            panels.append(Panel(None, unthemed))
        return [panel for panel in panels if panel.figures]


@dataclass(frozen=True)
class Content:
    """Everything the site publishes."""

    sections: tuple[SectionInfo, ...]
    units: dict[str, Unit]
    measures: dict[str, Measure]
    glossary: tuple[Term, ...]
    reports: Mapping[str, Report]
    converter: TraditionalConverter
    # The English style a briefing is checked against, for a report added later (a draft).
    style: EnglishStyle
    bases: dict[str, Basis] = field(default_factory=dict)

    def basis_of(self, measure: Measure) -> Basis:
        """Return the basis a measure counts on (checked to exist when the content loaded)."""
        return self.bases[measure.basis]

    def section_info(self, section_id: str) -> SectionInfo | None:
        """Return the section with id ``section_id``, or None."""
        return next((info for info in self.sections if info.id == section_id), None)

    def term(self, term_id: str) -> Term | None:
        """Return the glossary term with id ``term_id``, or None."""
        return next((term for term in self.glossary if term.id == term_id), None)

    def published(self) -> Content:
        """Return the content without its drafts, as readers may see it.

        A glossary term quoting a draft loses that quote: it would cite a report not yet public.
        """
        reports: Mapping[str, Report]
        if isinstance(self.reports, StoredReports):
            # Known without reading a report: a built content keeps its drafts' ids.
            if not self.reports.drafts:
                return self
            reports = self.reports.without_drafts()
        elif not any(report.briefing.is_draft for report in self.reports.values()):
            return self
        else:
            reports = {report_id: report for report_id, report in self.reports.items()
                       if not report.briefing.is_draft}
        glossary = tuple(term.model_copy(update={"source": None})
                         if term.source is not None and term.source.report not in reports
                         else term for term in self.glossary)
        return replace(self, reports=reports, glossary=glossary)


class StoredReports(Mapping[str, Report]):
    """Reports kept in a content build (``webapp.build``), each read the first time it is asked
    for and kept from then on: a process holds only the reports its readers asked for.

    ``read`` returns a report by its id; ``ids`` are in content order, ``drafts`` those of drafts.
    """

    def __init__(self, ids: tuple[str, ...], drafts: frozenset[str],
                 read: Callable[[str], Report]) -> None:
        self.ids = ids
        self.drafts = drafts
        self._read = read
        self._known = frozenset(ids)
        self._loaded: dict[str, Report] = {}
        self._lock = threading.Lock()

    def __getitem__(self, report_id: str) -> Report:
        if report_id not in self._known:
            raise KeyError(report_id)
        report = self._loaded.get(report_id)
        if report is None:
            # One read per report, even when two threads ask for it at once.
            with self._lock:
                report = self._loaded.get(report_id)
                if report is None:
                    report = self._loaded[report_id] = self._read(report_id)
        return report

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def without_drafts(self) -> StoredReports:
        """Return the published reports, sharing what was read (and is read) with this mapping."""
        return StoredReports(tuple(report_id for report_id in self.ids
                                   if report_id not in self.drafts), frozenset(), self.__getitem__)
