"""Load everything under ``content/`` and validate it once, at start-up.

Every problem is reported as ``file:line: field: problem``; the app refuses to start on any.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from pydantic import ValidationError

from ..languages import TraditionalConverter
from .checks import correction_problems, glossary_problems, report_problems, section_problems
from .measures import measure_problems, scope_problems, validate_bases, validate_measures
from .models import (
    SECTION_IDS,
    Basis,
    Briefing,
    Content,
    Measure,
    Override,
    Report,
    SectionInfo,
    Term,
    Unit,
)
from .provenance import assemble_report
from .renderings import RENDERINGS, official_problems, read_renderings
from .style import SPELLING, EnglishStyle, Spelling
from .yamlfile import ContentError, Indexed, Problem, YamlDocument, read_yaml

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

    sections = [info for _, info in _validate_list(read("sections.yaml"), SectionInfo, context,
                                                    problems)]
    units_doc = read("units.yaml")
    units = _validate_units(units_doc, context, problems)
    glossary_doc = read("glossary.yaml")
    indexed_glossary = _validate_list(glossary_doc, Term, context, problems)
    glossary = [term for _, term in indexed_glossary]
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
        problems.extend(glossary_problems(glossary_doc, indexed_glossary, reports))
        problems.extend(style.glossary_problems(glossary_doc, indexed_glossary))
        renderings, found = read_renderings(content_dir / RENDERINGS, spelling)
        problems.extend([*found, *official_problems(glossary_doc, indexed_glossary, renderings,
                                                    spelling)])
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
    problems.extend(report_problems(document, report, checks.units, checks.glossary))
    problems.extend(correction_problems(document, report.briefing))
    problems.extend(section_problems(document, report))
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
    return TraditionalConverter({override.zh_hans: override.zh_hant for _, override in overrides})


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
                   problems: list[Problem]) -> Indexed[Any]:
    """Validate each item of a list file; return the valid ones with their indexes in the file."""
    if document is None:
        return []
    if not isinstance(document.data, list):
        problems.append(document.problem((), "must be a list"))
        return []
    items = [(index, _validate(document, model, context, problems, (index,)))
             for index in range(len(document.data))]
    return [(index, item) for index, item in items if item is not None]


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


def init_app(app: Flask) -> None:
    """Load the content once for ``app``; raise ContentError if it is invalid."""
    app.extensions["content"] = load_content(Path(app.config["CONTENT_DIR"]))


def all_content() -> Content:
    """Return every report of the current app, drafts included: for commands, not for readers."""
    content: Content = current_app.extensions["content"]
    return content


def current_content() -> Content:
    """Return the content the site shows: drafts only where previews are on (PREVIEW_DRAFTS).

    Every page, list, search index, comparison, API answer and frozen copy reads the
    content here, so a draft kept from readers is kept from all of them at once.
    """
    content = all_content()
    if current_app.config["PREVIEW_DRAFTS"]:
        return content
    # Made once per loaded content: the view is asked for on every request.
    memo: tuple[Content, Content] | None = current_app.extensions.get("published_content")
    if memo is None or memo[0] is not content:
        memo = (content, content.published())
        current_app.extensions["published_content"] = memo
    return memo[1]
