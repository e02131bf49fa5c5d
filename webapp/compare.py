"""Reports side by side on the measures they report: what each states, and nothing estimated.

A comparison lines reports up by measure (``measures.yaml``) and nothing else, so a row holds
figures of one basis only (the content check proves each figure's quote states its measure's
basis: 受理 and 收案 are two rows). A cell holds the report's figure for its own year and,
where the report states it, for the year before; a report that gives no figure for a measure
has none in its cell. Each cell says whose courts its figures count (``scope``): a region's
courts and one district court are not alike, and the page says so. Where a report does not
state a measure but states every measure it is made of (``made_of``: 民商事 is 民事 plus 商事)
for its year and of the same courts, the cell carries those parts, as stated. Nothing is
computed: not a last year's value from a rate, not a whole from its parts. Knows no request: the view passes
the choice and the reader's language in, and gets errors (ValueError) in that language for ids
that do not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .config import Language
from .content.reports import Content, Report
from .content.statistics import Basis, Figure, Measure, Scope


@dataclass(frozen=True)
class Cell:
    """What one report states for one measure: for its own year, and for the year before.

    ``parts`` are the report's figures for the measures the measure is made of, for its own
    year, where it states every one of them but not the measure itself; never added up.
    """

    report: Report
    figure: Figure | None
    previous: Figure | None
    parts: tuple[Figure, ...] = ()

    @property
    def reported(self) -> bool:
        """Tell whether the report gives the measure for either year."""
        return self.figure is not None or self.previous is not None

    @property
    def scope(self) -> Scope:
        """Return the courts the cell's figures count: the figure's own scope, else the report's."""
        figure = self.figure or self.previous or next(iter(self.parts), None)
        return self.report.briefing.scope if figure is None else self.report.scope_of(figure)

    @property
    def scope_differs(self) -> bool:
        """Tell whether the cell's figures count other courts than the report's column says."""
        return self.scope != self.report.briefing.scope


@dataclass(frozen=True)
class Row:
    """One measure, on its one basis, with a cell for each report compared."""

    measure: Measure
    basis: Basis
    cells: tuple[Cell, ...]

    @property
    def shared(self) -> bool:
        """Tell whether every report gives the measure for its own year."""
        return all(cell.figure is not None for cell in self.cells)


@dataclass(frozen=True)
class Comparison:
    """The chosen reports, in the order chosen, and a row for each measure compared."""

    reports: tuple[Report, ...]
    rows: tuple[Row, ...]

    @property
    def scopes_differ(self) -> bool:
        """Tell whether the reports' figures count different courts (one court, a region's …)."""
        return len({report.briefing.scope for report in self.reports}) > 1

    @property
    def infographics(self) -> tuple[Report, ...]:
        """Return the reports whose briefing rests on the official infographic, not the full text."""
        return tuple(report for report in self.reports
                     if report.briefing.document_kind == "infographic")

    @property
    def levels_differ(self) -> bool:
        """Tell whether the courts compared are of different levels (basic, intermediate …)."""
        return len({report.briefing.level.zh_hans for report in self.reports}) > 1

    @property
    def periods_differ(self) -> bool:
        """Tell whether the reports cover different years."""
        return len({report.briefing.year for report in self.reports}) > 1

    def shared_rows(self) -> list[Row]:
        """Return the rows every report gives for its own year (what a chart can set side by side)."""
        return [row for row in self.rows if row.shared]


def chosen_ids(values: Iterable[str]) -> list[str]:
    """Read ids from query values, each one id or several joined by commas, dropping repeats.

    ``?reports=a,b`` and a form's ``?reports=a&reports=b`` give the same choice; empty items (a
    trailing comma, an empty form field) are no ids.
    """
    ids: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part and part not in ids:
                ids.append(part)
    return ids


def compare(content: Content, report_ids: Sequence[str] = (), measure_ids: Sequence[str] = (),
            *, language: Language) -> Comparison:
    """Compare the reports ``report_ids`` (all, when none) on ``measure_ids``.

    Without chosen measures, every measure any of the reports gives is compared, in the order
    of ``measures.yaml``. Raises ValueError with a message in ``language`` for an unknown id.
    """
    for report_id in report_ids:
        if report_id not in content.reports:
            raise ValueError(language.gettext("There is no report %(id)s.", id=report_id))
    for measure_id in measure_ids:
        if measure_id not in content.measures:
            raise ValueError(language.gettext("There is no measure %(id)s.", id=measure_id))
    reports = tuple(content.reports[report_id] for report_id in report_ids) \
        or tuple(content.reports.values())
    if measure_ids:
        measures = [measure for measure in content.measures.values() if measure.id in measure_ids]
    else:
        measures = reported_measures(content, reports)
    rows = tuple(Row(measure, content.basis_of(measure),
                     tuple(_cell(report, measure) for report in reports))
                 for measure in measures)
    return Comparison(reports, rows)


def reported_measures(content: Content, reports: Iterable[Report]) -> list[Measure]:
    """Return the measures any of ``reports`` gives, for any year, in the order of measures.yaml."""
    given = {figure.measure for report in reports for figure in report.briefing.figures}
    return [measure for measure in content.measures.values() if measure.id in given]


def _cell(report: Report, measure: Measure) -> Cell:
    year = report.briefing.year
    figure = report.figure_for(measure.id, year)
    previous = report.figure_for(measure.id, year - 1)
    return Cell(report, figure, previous, () if figure is not None else stated_parts(report, measure))


def stated_parts(report: Report, measure: Measure) -> tuple[Figure, ...]:
    """Return the report's figures for every part ``measure`` is made of, for the report's year.

    Empty unless the report states each part, all of the same courts: a part alone would be
    read as the whole, and parts of different courts do not make one whole.
    """
    year = report.briefing.year
    found = [report.figure_for(part, year) for part in measure.made_of]
    parts = tuple(figure for figure in found if figure is not None)
    if not parts or len(parts) < len(found):
        return ()
    if len({report.scope_of(figure) for figure in parts}) > 1:
        return ()
    return parts
