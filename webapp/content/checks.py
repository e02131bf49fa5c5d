"""Check what the schema cannot: each briefing against its source and the rest of the content.

Every figure's quote, number and change against ``source.txt``, ids and references, section
leads and themes, corrections and their versions, and the glossary's forms and sources. Each
problem names its file, line and field: the item of a list at its own index.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..config import SOURCE_TAG
from ..markup import squeezed
from ..numerals import find_written, over_inside, parse_written
from .briefing import LEAD_MAX_CHARACTERS, LEAD_MAX_WORDS, SECTION_IDS, Briefing
from .reports import Report
from .statistics import Figure, Unit
from .terms import Term
from .yamlfile import Indexed, Problem, YamlDocument

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def report_problems(document: YamlDocument, report: Report, units: dict[str, Unit],
                  glossary: list[Term]) -> list[Problem]:
    """Check what the schema cannot: every figure against the source, ids, references."""
    problems: list[Problem] = []
    briefing = report.briefing
    seen: set[str] = set()
    for index, figure in enumerate(briefing.figures):
        field = ("figures", index)
        if figure.id in seen:
            problems.append(document.problem((*field, "id"), f"duplicate figure id {figure.id!r}"))
        seen.add(figure.id)
        problems.extend(document.problem((*field, *where), message)
                        for where, message in _figure_problems(figure, report.source.text, units))
        if figure.year is not None and figure.year not in (briefing.year, briefing.year - 1):
            problems.append(document.problem(
                (*field, "year"), f"{figure.year} is neither the report's year ({briefing.year}) "
                                  "nor the year before"))
    for index, figure_id in enumerate(briefing.headline_figures):
        if figure_id not in seen:
            problems.append(document.problem(("headline_figures", index),
                                             f"no figure with id {figure_id!r}"))
    term_ids = {term.id for term in glossary}
    case_ids: set[str] = set()
    for section_id in SECTION_IDS:
        section = briefing.sections.get(section_id)
        for index, term_id in enumerate(section.terms):
            if glossary and term_id not in term_ids:
                problems.append(document.problem(("sections", section_id, "terms", index),
                                                 f"no glossary term with id {term_id!r}"))
        for index, case in enumerate(section.cases):
            if case.id in case_ids:
                problems.append(document.problem(("sections", section_id, "cases", index, "id"),
                                                 f"duplicate case id {case.id!r}"))
            case_ids.add(case.id)
    if squeezed(briefing.original_title.zh_hans) not in report.source.squeezed:
        problems.append(document.problem(("original_title", SOURCE_TAG),
                                         "not found in source.txt (spacing aside)"))
    for text_field, text in _texts(briefing.model_dump(by_alias=True, exclude={"figures"})):
        for number in _DIGITS.findall(text):
            if number not in report.source.text:
                problems.append(document.problem(
                    (*text_field, SOURCE_TAG), f"the number {number} does not occur in source.txt"))
    return problems


def correction_problems(document: YamlDocument, briefing: Briefing) -> list[Problem]:
    """Check that corrections are listed oldest first, each with its version.

    A correction changes the briefing, so it comes with a version a citation can name.
    """
    problems: list[Problem] = []
    revised = {revision.date for revision in briefing.revisions}
    previous: datetime.date | None = None
    for index, correction in enumerate(briefing.corrections):
        field = ("corrections", index, "date")
        if previous is not None and correction.date < previous:
            problems.append(document.problem(field, "corrections are listed oldest first"))
        if correction.date not in revised:
            problems.append(document.problem(field, f"no revision on {correction.date.isoformat()}: "
                                                    "add one for the version the correction made"))
        previous = correction.date
    return problems


def section_problems(document: YamlDocument, report: Report) -> list[Problem]:
    """Check each section's lead is short and its themes are declared once and used."""
    problems: list[Problem] = []
    briefing = report.briefing
    for section_id in SECTION_IDS:
        section = briefing.sections.get(section_id)
        field: tuple[str | int, ...] = ("sections", section_id)
        if len(section.lead.zh_hans) > LEAD_MAX_CHARACTERS:
            problems.append(document.problem((*field, "lead", SOURCE_TAG),
                                             f"longer than {LEAD_MAX_CHARACTERS} characters"))
        if len(section.lead.en.split()) > LEAD_MAX_WORDS:
            problems.append(document.problem((*field, "lead", "en"),
                                             f"longer than {LEAD_MAX_WORDS} words"))
        themed = {figure.id: figure.theme for figure in report.figures_in(section_id)}
        declared: set[str] = set()
        for index, theme in enumerate(section.themes):
            theme_field = (*field, "themes", index)
            if theme.id in declared:
                problems.append(document.problem((*theme_field, "id"),
                                                 f"duplicate theme id {theme.id!r}"))
            elif theme.id not in themed.values():
                problems.append(document.problem((*theme_field, "id"),
                                                 "no figure of the section has this theme"))
            if theme.lead is not None and themed.get(theme.lead) != theme.id:
                problems.append(document.problem((*theme_field, "lead"),
                                                 f"{theme.lead!r} is not a figure of this theme"))
            declared.add(theme.id)
    for index, figure in enumerate(briefing.figures):
        if figure.theme is None:
            continue
        field = ("figures", index, "theme")
        if figure.section == "overview":
            problems.append(document.problem(field, "overview figures are not grouped by theme"))
        elif figure.theme not in {theme.id for theme in briefing.sections.get(figure.section).themes}:
            problems.append(document.problem(
                field, f"no theme {figure.theme!r} in sections.{figure.section}.themes"))
    return problems



def _figure_problems(figure: Figure, source: str,
                     units: dict[str, Unit]) -> list[tuple[tuple[str, ...], str]]:
    problems: list[tuple[tuple[str, ...], str]] = []
    if figure.quote not in source:
        problems.append((("quote",), "not found verbatim in source.txt"))
    if find_written(figure.written, figure.quote) is None:
        problems.append((("written",), f"{figure.written!r} does not occur in the quote"))
    parsed = parse_written(figure.written)
    if parsed is None:
        problems.append((("written",), f"{figure.written!r} is not a number as reports write them"))
    elif parsed != figure.value:
        problems.append((("value",), f"{figure.value} does not match {figure.written!r} "
                                     f"(= {parsed.normalize():f})"))
    over = over_inside(figure.written)
    if over and figure.qualifier != "over":
        # 8600余万 states more than 8600万: the figure must say so as the report does.
        problems.append((("qualifier",), f"{figure.written!r} says {over} (over): the qualifier "
                                         "must be over"))
    if figure.unit not in units:
        problems.append((("unit",), f"unknown unit {figure.unit!r} (see units.yaml)"))
    change = figure.change
    if change is not None:
        if find_written(change.written, figure.quote) is None:
            problems.append((("change", "written"),
                             f"{change.written!r} does not occur in the quote"))
        if parse_written(change.written) != change.value:
            problems.append((("change", "value"),
                             f"{change.value} does not match {change.written!r}"))
        if change.unit not in units:
            problems.append((("change", "unit"), f"unknown unit {change.unit!r}"))
        if change.unit == "fold" and change.direction == "down":
            # A fall of N times the base is impossible (下降1倍 would be -100%), and the English
            # would show it as one: such a sentence is not a figure the app can state.
            problems.append((("change", "direction"), "a fold change can only go up"))
    return problems


def _texts(data: Any, field: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Find every zh-Hans text in a dumped model, with its field path."""
    if isinstance(data, dict):
        if SOURCE_TAG in data and isinstance(data[SOURCE_TAG], str):
            return [(field, data[SOURCE_TAG])]
        return [found for key, value in data.items() for found in _texts(value, (*field, key))]
    if isinstance(data, (list, tuple)):  # model_dump keeps tuples: highlights, cases, items
        return [found for index, value in enumerate(data) for found in _texts(value, (*field, index))]
    return []


def glossary_problems(document: YamlDocument, glossary: Indexed[Term],
                    reports: dict[str, Report]) -> list[Problem]:
    problems: list[Problem] = []
    term_ids: set[str] = set()
    owners: dict[str, str] = {}
    for index, term in glossary:
        if term.id in term_ids:
            problems.append(document.problem((index, "id"), f"duplicate term id {term.id!r}"))
        term_ids.add(term.id)
        for form in {*term.forms("zh-Hans"), *(form.casefold() for form in term.forms("en"))}:
            owner = owners.setdefault(form, term.id)
            if owner != term.id:
                problems.append(document.problem((index, "aliases"),
                                                 f"{form!r} is already a form of {owner!r}"))
        if term.source is not None:
            report = reports.get(term.source.report)
            if report is None:
                problems.append(document.problem((index, "source", "report"),
                                                 f"no report {term.source.report!r}"))
            elif term.source.quote not in report.source.text:
                problems.append(document.problem((index, "source", "quote"),
                                                 "not found verbatim in source.txt"))
    return problems
