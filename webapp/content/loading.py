"""Load everything under ``content/`` and validate it once, at start-up.

Every problem is reported as ``file:line: field: problem``; the app refuses to start on any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..config import SOURCE_TAG
from ..languages import TraditionalConverter
from .briefing import LEAD_MAX_CHARACTERS, LEAD_MAX_WORDS, SECTION_IDS, Briefing, SectionInfo
from .figures import find_written, parse_written
from .measures import measure_problems, scope_problems, validate_bases, validate_measures
from .provenance import assemble_report
from .renderings import RENDERINGS, official_problems, read_renderings
from .reports import Content, Report
from .sources import squeezed
from .statistics import Basis, Figure, Measure, Unit
from .style import SPELLING, EnglishStyle, Spelling
from .terms import Term
from .texts import Override
from .yamlfile import ContentError, Problem, YamlDocument, read_yaml

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
OVERRIDES = "conversion-overrides.yaml"


def load_content(content_dir: Path) -> Content:
    """Load and validate everything under ``content_dir``.

    Raises ContentError listing every problem (``file:line: field: problem``).
    """
    problems: list[Problem] = []

    def read(relative: str) -> YamlDocument | None:
        try:
            return read_yaml(content_dir / relative, relative)
        except ContentError as error:
            problems.extend(error.problems)
            return None

    converter = _converter(read(OVERRIDES), problems)
    context = {"converter": converter}

    sections = _validate_list(read("sections.yaml"), SectionInfo, context, problems)
    units_doc = read("units.yaml")
    units = _validate_units(units_doc, context, problems)
    glossary_doc = read("glossary.yaml")
    glossary = _validate_list(glossary_doc, Term, context, problems)
    bases_doc = read("bases.yaml")
    bases = validate_bases(bases_doc, _validate_list(bases_doc, Basis, context, problems), problems)
    measures_doc = read("measures.yaml")
    measures = validate_measures(measures_doc, _validate_list(measures_doc, Measure, context,
                                                              problems), units, bases, problems)
    spelling_doc = read(SPELLING)
    spelling = _validate(spelling_doc, Spelling, context, problems) if spelling_doc else None
    style = EnglishStyle(glossary, spelling)

    reports: dict[str, Report] = {}
    reports_dir = content_dir / "reports"
    folders = sorted(path for path in reports_dir.iterdir() if path.is_dir()) \
        if reports_dir.is_dir() else []
    if not folders:
        problems.append(Problem("reports", 1, "(folder)", "no report folders"))
    for folder in folders:
        document = read(f"reports/{folder.name}/briefing.yaml")
        source = _read_source(folder, folder.name, problems)
        if document is None or source is None:
            continue
        report = _load_report(folder.name, document, source,
                              _Checks(converter, units, glossary, measures, style, bases), problems)
        if report is not None:
            reports[folder.name] = report

    if [info.id for info in sections] != list(SECTION_IDS) and not problems:
        problems.append(Problem("sections.yaml", 1, "(file)", f"must list {', '.join(SECTION_IDS)}"))
    if glossary_doc is not None:
        problems.extend(_check_glossary(glossary_doc, glossary, reports))
        problems.extend(style.glossary_problems(glossary_doc, glossary))
        renderings, found = read_renderings(content_dir / RENDERINGS, spelling)
        problems.extend([*found, *official_problems(glossary_doc, glossary, renderings, spelling)])
    if problems:
        raise ContentError(problems)
    return Content(tuple(sections), units, measures, tuple(glossary), reports, converter, style,
                   bases)


@dataclass(frozen=True)
class _Checks:
    """What a report is checked against: the rest of the content."""

    converter: TraditionalConverter
    units: dict[str, Unit]
    glossary: list[Term]
    measures: dict[str, Measure]
    style: EnglishStyle
    bases: dict[str, Basis]


def check_report_folder(content: Content, folder: Path,
                        report_id: str) -> tuple[Report | None, list[Problem]]:
    """Validate one report folder (a draft before it is moved into place) against ``content``.

    Returns the report (None if it cannot be read) and its problems, which name the files as
    they will be, ``reports/<report_id>/…``.
    """
    problems: list[Problem] = []
    try:
        document = read_yaml(folder / "briefing.yaml", f"reports/{report_id}/briefing.yaml")
    except ContentError as error:
        return None, error.problems
    source = _read_source(folder, report_id, problems)
    if source is None:
        return None, problems
    checks = _Checks(content.converter, content.units, list(content.glossary), content.measures,
                     content.style, content.bases)
    return _load_report(report_id, document, source, checks, problems), problems


def _load_report(report_id: str, document: YamlDocument, source: str, checks: _Checks,
                 problems: list[Problem]) -> Report | None:
    """Validate a report's briefing and tie it to its source; add what is wrong to ``problems``."""
    # A draft may leave English empty and sections short (see models.is_draft).
    drafted = isinstance(document.data, dict) and document.data.get("status") == "draft"
    briefing = _validate(document, Briefing, {"converter": checks.converter, "draft": drafted},
                         problems)
    if briefing is None:
        return None
    report, found = assemble_report(report_id, document, source, briefing, checks.converter)
    problems.extend(found)
    problems.extend(_check_report(document, report, checks.units, checks.glossary))
    problems.extend(_section_problems(document, report))
    problems.extend(measure_problems(document, report, checks.measures, checks.bases))
    problems.extend(scope_problems(document, report))
    problems.extend(checks.style.briefing_problems(document, briefing))
    return report


def load_converter(content_dir: Path) -> TraditionalConverter:
    """Return the Traditional converter with the curated overrides of ``content_dir``.

    Raises ContentError if the overrides are invalid.
    """
    problems: list[Problem] = []
    converter = _converter(read_yaml(content_dir / OVERRIDES, OVERRIDES), problems)
    if problems:
        raise ContentError(problems)
    return converter


def _converter(document: YamlDocument | None, problems: list[Problem]) -> TraditionalConverter:
    overrides = _validate_list(document, Override, {}, problems)
    return TraditionalConverter({override.zh_hans: override.zh_hant for override in overrides})


def _read_source(folder: Path, report_id: str, problems: list[Problem]) -> str | None:
    """Return a report's published text, or None with a problem if it cannot be read."""
    relative = f"reports/{report_id}/source.txt"
    try:
        return (folder / "source.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(relative, 1, "(file)", "missing"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(relative, 1, "(file)", f"cannot read: {error}"))
    return None


def _validate(document: YamlDocument, model: type[Any], context: dict[str, Any],
              problems: list[Problem], prefix: tuple[str | int, ...] = ()) -> Any:
    """Validate ``document.data`` (or the part at ``prefix``) against ``model``."""
    data: Any = document.data
    for part in prefix:
        data = data[part]
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        for detail in error.errors():
            field = (*prefix, *detail["loc"])
            message = detail["msg"]
            if detail["type"] == "missing":
                message = "missing (every text needs zh-Hans and en)" if field[-1] in (
                    "zh-Hans", "en") else "missing"
            problems.append(document.problem(field, message))
        return None


def _validate_list(document: YamlDocument | None, model: type[Any], context: dict[str, Any],
                   problems: list[Problem]) -> list[Any]:
    if document is None:
        return []
    if not isinstance(document.data, list):
        problems.append(document.problem((), "must be a list"))
        return []
    items = [_validate(document, model, context, problems, (index,))
             for index in range(len(document.data))]
    return [item for item in items if item is not None]


def _validate_units(document: YamlDocument | None, context: dict[str, Any],
                    problems: list[Problem]) -> dict[str, Unit]:
    if document is None:
        return {}
    if not isinstance(document.data, dict):
        problems.append(document.problem((), "must be a mapping of unit ids"))
        return {}
    units = {}
    for unit_id, entry in document.data.items():
        data = {"id": unit_id, **entry} if isinstance(entry, dict) else entry
        try:
            units[unit_id] = Unit.model_validate(data, context=context)
        except ValidationError as error:
            for detail in error.errors():
                problems.append(document.problem((unit_id, *detail["loc"]), detail["msg"]))
    return units


def _check_report(document: YamlDocument, report: Report, units: dict[str, Unit],
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
    if squeezed(briefing.original_title.zh_hans) not in squeezed(report.source.text):
        problems.append(document.problem(("original_title", SOURCE_TAG),
                                         "not found in source.txt (spacing aside)"))
    for text_field, text in _texts(briefing.model_dump(by_alias=True, exclude={"figures"})):
        for number in _DIGITS.findall(text):
            if number not in report.source.text:
                problems.append(document.problem(
                    (*text_field, SOURCE_TAG), f"the number {number} does not occur in source.txt"))
    return problems


def _section_problems(document: YamlDocument, report: Report) -> list[Problem]:
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


def _check_glossary(document: YamlDocument, glossary: list[Term],
                    reports: dict[str, Report]) -> list[Problem]:
    problems: list[Problem] = []
    term_ids: set[str] = set()
    owners: dict[str, str] = {}
    for index, term in enumerate(glossary):
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
