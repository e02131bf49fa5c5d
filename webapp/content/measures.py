"""Check what figures count: bases, measures, and each figure's measure and scope.

A comparison is only true if the figures it sets side by side count the same thing: on the
same basis (受理 is not 收案, 审结 is not 结案 of all cases) and in the unit of their measure.
The basis a figure counts on is read from the report's own words: the word nearest before the
number in its clause (受理案件突破10万件 is 受理), or for a table cell the heading of its column
(2022年收案数 is 收案). A figure whose measure counts on another basis is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..markup import squeezed
from ..numerals import find_written
from .models import Basis, Figure, Measure, Report, Unit
from .provenance import column_heading
from .yamlfile import Indexed, Problem, YamlDocument

# What ends a clause: a number's basis is stated within its own clause. A comma between digits
# (1,263) is part of the number.
_CLAUSE_END = re.compile(r"[，；。！？;!?\n]|,(?!\d)")
# What the report's text carries that is not words: an infographic's emphasis markers.


def validate_bases(document: YamlDocument | None, validated: Indexed[Basis],
                   problems: list[Problem]) -> dict[str, Basis]:
    """Index the bases by id; report duplicates, unknown parts and words signalling two bases."""
    bases: dict[str, Basis] = {}
    if document is None:
        return bases
    owners: dict[str, str] = {}
    for index, basis in validated:
        if basis.id in bases:
            problems.append(document.problem((index, "id"), f"duplicate basis id {basis.id!r}"))
        bases[basis.id] = basis
        for word in basis.signals:
            owner = owners.setdefault(word, basis.id)
            if owner != basis.id:
                problems.append(document.problem((index, "signals"),
                                                 f"{word!r} already signals {owner!r}"))
    for index, basis in validated:
        for part in basis.parts:
            if part not in bases or part == basis.id:
                problems.append(document.problem((index, "parts"), f"no other basis {part!r}"))
    return bases


def validate_measures(document: YamlDocument | None, validated: Indexed[Measure],
                      units: dict[str, Unit], bases: dict[str, Basis],
                      problems: list[Problem]) -> dict[str, Measure]:
    """Index the measures by id; check units, bases, case types and what a measure is made of."""
    measures: dict[str, Measure] = {}
    if document is None:
        return measures
    for index, measure in validated:
        if measure.id in measures:
            problems.append(document.problem((index, "id"), f"duplicate measure id {measure.id!r}"))
        if units and measure.unit not in units:
            problems.append(document.problem((index, "unit"),
                                             f"unknown unit {measure.unit!r} (see units.yaml)"))
        if bases and measure.basis not in bases:
            problems.append(document.problem((index, "basis"),
                                             f"unknown basis {measure.basis!r} (see bases.yaml)"))
        measures[measure.id] = measure
    for index, measure in validated:
        if measure.case_type is None:
            continue
        field = (index, "case_type", "of")
        whole = measures.get(measure.case_type.of)
        if whole is None or whole.id == measure.id:
            problems.append(document.problem(field, f"no other measure {measure.case_type.of!r}"))
        elif whole.unit != measure.unit:
            problems.append(document.problem(
                field, f"{measure.id} counts {measure.unit}, {whole.id} {whole.unit}: one unit for both"))
        elif whole.basis in bases and measure.basis not in (whole.basis, *bases[whole.basis].parts):
            problems.append(document.problem(
                field, f"{measure.id} counts on the basis {measure.basis}, {whole.id} on "
                       f"{whole.basis}: a case type's counts must add up to its whole's"))
    for index, measure in validated:
        problems.extend(document.problem((index, "made_of"), message)
                        for message in _made_of_problems(measure, measures))
    return measures


def _made_of_problems(whole: Measure, measures: dict[str, Measure]) -> list[str]:
    """Check that a measure is made of two or more other measures, of its unit and basis."""
    if not whole.made_of:
        return []
    if len(set(whole.made_of)) < 2 or len(set(whole.made_of)) < len(whole.made_of):
        return ["name two different measures or more: the parts that together are the whole"]
    found: list[str] = []
    for part_id in whole.made_of:
        part = measures.get(part_id)
        if part is None or part.id == whole.id:
            found.append(f"no other measure {part_id!r}")
        elif part.unit != whole.unit:
            found.append(f"{part.id} counts {part.unit}, {whole.id} {whole.unit}: one unit for all")
        elif part.basis != whole.basis:
            found.append(f"{part.id} counts on the basis {part.basis}, {whole.id} on {whole.basis}: "
                         "parts on the whole's basis only")
    return found


def stated_basis(report: Report, figure: Figure, bases: Iterable[Basis]) -> tuple[str, Basis] | None:
    """Return the word the report states the figure's basis with, and that basis, or None.

    For a table cell, the heading of its column (2022年收案数), else its row's label; in prose,
    the signal nearest before the number within its clause, else the first after it
    (案件受理10万件 and 10万件已受理 alike). Where two signals overlap, the longer wins
    (未结案 is 未结, not 结案).
    """
    by_word = {word: basis for basis in bases for word in basis.signals}
    if not by_word:
        return None
    signals = re.compile("|".join(re.escape(word) for word in sorted(by_word, key=len, reverse=True)))
    found = find_written(figure.written, figure.quote)
    if found is None:
        return None
    where = report.quotes.get(figure.id)
    if where is not None and where.block.rows:
        offset = where.start + found.start()
        heading = column_heading(where.block, offset)
        row = next((cells for cells in where.block.rows
                    if any(cell.start <= offset < cell.end for cell in cells)), ())
        # The column's heading (2022年收案数), else the row's label (受理案件 | 10万).
        for cell in (heading, *row[:1]):
            words = signals.findall(cell.text) if cell is not None else []
            if words:
                return words[-1], by_word[words[-1]]
        return None
    before = _CLAUSE_END.split(figure.quote[:found.start()])[-1]
    after = _CLAUSE_END.split(figure.quote[found.end():])[0]
    words = signals.findall(before) or list(reversed(signals.findall(after)))
    return (words[-1], by_word[words[-1]]) if words else None


def states(measure: Measure, stated: Basis) -> bool:
    """Tell whether wording of the basis ``stated`` states the basis ``measure`` counts on.

    It does where the bases are one, and for a measure of one case type where the measure's
    basis is a part of it: 刑事案件结案 is 审结刑事案件, 执行案件结案 is 执结.
    """
    return stated.id == measure.basis or (measure.case_type is not None
                                          and measure.basis in stated.parts)


def measure_problems(document: YamlDocument, report: Report, measures: dict[str, Measure],
                     bases: dict[str, Basis]) -> list[Problem]:
    """Check each figure's measure: known, in its unit, once a year, on the quote's basis."""
    problems: list[Problem] = []
    reported: dict[tuple[str, int], str] = {}
    for index, figure in enumerate(report.briefing.figures):
        if figure.measure is None:
            continue
        field = ("figures", index, "measure")
        year = report.year_of(figure)
        measure = measures.get(figure.measure)
        if measure is None:
            problems.append(document.problem(field, f"unknown measure {figure.measure!r} "
                                                    "(see measures.yaml)"))
            continue
        if measure.unit != figure.unit:
            problems.append(document.problem(
                field, f"{figure.measure} counts {measure.unit}, the figure {figure.unit}"))
        elif (figure.measure, year) in reported:
            problems.append(document.problem(
                field, f"{figure.measure} for {year} is already reported by "
                       f"{reported[figure.measure, year]!r}: one figure per measure and year"))
        reported.setdefault((figure.measure, year), figure.id)
        basis = bases.get(measure.basis)
        if basis is not None:
            problems.extend(document.problem(field, message)
                            for message in _basis_problems(report, figure, measure, basis, bases))
    return problems


def _basis_problems(report: Report, figure: Figure, measure: Measure, basis: Basis,
                    bases: dict[str, Basis]) -> list[str]:
    found = stated_basis(report, figure, bases.values())
    if found is None:
        return [f"{measure.id} counts {basis.name.zh_hans} ({basis.id}), but the quote does not "
                f"say on what basis its number counts ({'/'.join(basis.signals)} …): quote the "
                "words that say it"]
    word, stated = found
    if states(measure, stated):
        return []
    return [f"{measure.id} counts {basis.name.zh_hans} ({basis.id}), but the quote says {word} "
            f"({stated.id}): name a measure of that basis, or none"]


def scope_problems(document: YamlDocument, report: Report) -> list[Problem]:
    """Check that the courts a report's and its figures' scopes name are named in its text."""
    problems: list[Problem] = []
    text = report.source.squeezed
    briefing = report.briefing
    fields: list[tuple[tuple[Any, ...], Any]] = [(("scope",), briefing.scope)]
    for index, figure in enumerate(briefing.figures):
        if figure.scope is None:
            continue
        if figure.scope == briefing.scope:
            problems.append(document.problem(("figures", index, "scope"),
                                             "the report's own scope: leave it out"))
        fields.append((("figures", index, "scope"), figure.scope))
    for field, scope in fields:
        # A figure's courts are named where its number stands, not anywhere in the report: a
        # name found elsewhere says nothing of whose number this is.
        where = ("".join(report.quotes[briefing.figures[field[1]].id].block.visible_text.split())
                 if field[0] == "figures" else text)
        if squeezed(scope.courts.zh_hans) not in where:
            problems.append(document.problem(
                (*field, "courts", "zh-Hans"),
                "not found in the figure's paragraph (spacing aside): name the courts as it does"
                if field[0] == "figures" else
                "not found in source.txt (spacing aside): name the courts as the report does"))
    return problems

