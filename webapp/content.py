"""Typed content models, loaded from ``content/`` and validated once at start-up.

Texts are written in zh-Hans and en; zh-Hant is converted from zh-Hans here, once, with the
curated overrides, and every model keeps all three. Rendering code only picks a language.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from flask import Flask, current_app
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from .config import SOURCE_TAG
from .figures import parse_written
from .languages import TraditionalConverter
from .yamlfile import ContentError, Problem, YamlDocument, read_yaml

SECTION_IDS = ("stability", "economy", "livelihood", "team", "supervision")
SectionId = Literal["stability", "economy", "livelihood", "team", "supervision"]
FigureSection = Literal["overview", "stability", "economy", "livelihood", "team", "supervision"]
Qualifier = Literal["over", "exceeds", "more-than", "reached", "nearly", "about"]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _converter(info: ValidationInfo) -> TraditionalConverter:
    context = info.context or {}
    converter = context.get("converter")
    if not isinstance(converter, TraditionalConverter):
        raise TypeError("content models are validated with a converter in the context")
    return converter


class Model(BaseModel):
    """A frozen model that rejects unknown keys (a misspelt key is an error, not ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(Model):
    """A text in every published language; zh-Hant is generated, never written."""

    zh_hans: NonEmpty = Field(alias="zh-Hans")
    en: NonEmpty
    zh_hant: str = Field(default="", alias="zh-Hant")

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict):
            if "zh-Hant" in data:
                raise ValueError("zh-Hant is generated from zh-Hans: do not write it")
            if isinstance(data.get("zh-Hans"), str):
                data = {**data, "zh-Hant": _converter(info).convert(data["zh-Hans"].strip())}
        return data

    def get(self, tag: str) -> str:
        """Return the text for a language tag (``zh-Hans``, ``zh-Hant``, ``en``)."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}[tag]


class Unit(Model):
    """A unit: the Chinese measure word and the English noun, singular and plural."""

    id: str
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(default="", alias="zh-Hant")
    en: tuple[str, str]

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and isinstance(data.get("zh-Hans"), str):
            data = {**data, "zh-Hant": _converter(info).convert(data["zh-Hans"])}
        return data

    def measure(self, tag: str) -> str:
        """Return the Chinese measure word (or, for English, the plural noun)."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant}.get(tag, self.en[1])

    def noun(self, value: Decimal) -> str:
        """Return the English noun agreeing with ``value``."""
        return self.en[0] if value == 1 else self.en[1]


class SectionInfo(Model):
    """One of the five sections every report is split into."""

    id: SectionId
    name: Text


class Delivered(Model):
    date: datetime.date | None = None
    occasion: Text | None = None
    speaker: Text | None = None


class Case(Model):
    id: Slug
    title: Text
    summary: Text
    source: Text


class Section(Model):
    draws_on: Text
    summary: Text
    highlights: tuple[Text, ...] = Field(min_length=3, max_length=8)
    cases: tuple[Case, ...] = ()
    terms: tuple[str, ...] = ()


class Sections(Model):
    stability: Section
    economy: Section
    livelihood: Section
    team: Section
    supervision: Section

    def get(self, section_id: str) -> Section:
        """Return the section with id ``section_id``."""
        section: Section = getattr(self, section_id)
        return section


class Change(Model):
    value: Decimal
    unit: str
    direction: Literal["up", "down"]
    basis: Literal["year-on-year"] = "year-on-year"
    written: NonEmpty


class Quoted(Model):
    """A model holding a verbatim quote of a report, shown converted to zh-Hant readers."""

    quote: NonEmpty
    quote_zh_hant: str = ""

    @model_validator(mode="before")
    @classmethod
    def _convert_quote(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and isinstance(data.get("quote"), str):
            data = {**data, "quote_zh_hant": _converter(info).convert(data["quote"])}
        return data

    def quote_in(self, tag: str) -> str:
        """Return the quote as a reader of ``tag`` sees it.

        Characters are converted for zh-Hant, and an infographic's ``**`` emphasis markers,
        which are markup rather than words of the report, are dropped.
        """
        quote = self.quote_zh_hant if tag == "zh-Hant" else self.quote
        return quote.replace("**", "")


class Figure(Quoted):
    """A key figure, with the verbatim sentence of the report it comes from."""

    id: Slug
    section: FigureSection
    label: Text
    value: Decimal
    unit: str
    written: NonEmpty
    qualifier: Qualifier | None = None
    change: Change | None = None


class Outlook(Model):
    summary: Text
    items: tuple[Text, ...] = Field(min_length=1)


class Briefing(Model):
    """The structured briefing of one report, as written in ``briefing.yaml``."""

    court: Text
    level: Text
    region: Text
    title: Text
    year: int
    document: Text
    delivered: Delivered | None = None
    summary: Text
    headline_figures: tuple[str, ...] = Field(min_length=1)
    sections: Sections
    shortcomings: tuple[Text, ...]
    outlook: Outlook
    figures: tuple[Figure, ...] = Field(min_length=1)


class TermSource(Quoted):
    report: str


class Aliases(Model):
    zh_hans: tuple[NonEmpty, ...] = Field(default=(), alias="zh-Hans")
    zh_hant: tuple[str, ...] = Field(default=(), alias="zh-Hant")
    en: tuple[NonEmpty, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and isinstance(data.get("zh-Hans"), list):
            converter = _converter(info)
            forms = [converter.convert(alias) for alias in data["zh-Hans"] if isinstance(alias, str)]
            data = {**data, "zh-Hant": forms}
        return data


class Term(Model):
    """A term of art, explained in a tooltip where it is read and on the glossary page."""

    id: Slug
    term: Text
    aliases: Aliases = Aliases()
    short: Text
    explanation: Text
    source: TermSource | None = None

    def forms(self, tag: str) -> list[str]:
        """Return every form of the term a text in ``tag`` may contain."""
        if tag == "en":
            return [self.term.en, *self.aliases.en]
        aliases = self.aliases.zh_hant if tag == "zh-Hant" else self.aliases.zh_hans
        return [self.term.get(tag), *aliases]


class Override(Model):
    zh_hans: NonEmpty = Field(alias="zh-Hans")
    zh_hant: NonEmpty = Field(alias="zh-Hant")
    why: NonEmpty


@dataclass(frozen=True)
class Report:
    """A report: its id, its published source text, and its briefing."""

    id: str
    source: str
    briefing: Briefing

    def figure(self, figure_id: str) -> Figure:
        """Return the figure with id ``figure_id``."""
        return next(figure for figure in self.briefing.figures if figure.id == figure_id)

    def headline_figures(self) -> list[Figure]:
        """Return the figures the briefing names as its headline, in that order."""
        return [self.figure(figure_id) for figure_id in self.briefing.headline_figures]

    def figures_in(self, section: str) -> list[Figure]:
        """Return the figures of ``section`` (or ``overview``) in content order."""
        return [figure for figure in self.briefing.figures if figure.section == section]


@dataclass(frozen=True)
class Content:
    """Everything the site publishes."""

    sections: tuple[SectionInfo, ...]
    units: dict[str, Unit]
    glossary: tuple[Term, ...]
    reports: dict[str, Report]
    converter: TraditionalConverter

    def section_info(self, section_id: str) -> SectionInfo | None:
        """Return the section with id ``section_id``, or None."""
        return next((info for info in self.sections if info.id == section_id), None)

    def term(self, term_id: str) -> Term | None:
        """Return the glossary term with id ``term_id``, or None."""
        return next((term for term in self.glossary if term.id == term_id), None)


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

    overrides_doc = read("conversion-overrides.yaml")
    overrides = _validate_list(overrides_doc, Override, {}, problems)
    converter = TraditionalConverter({o.zh_hans: o.zh_hant for o in overrides})
    context = {"converter": converter}

    sections = _validate_list(read("sections.yaml"), SectionInfo, context, problems)
    units_doc = read("units.yaml")
    units = _validate_units(units_doc, context, problems)
    glossary_doc = read("glossary.yaml")
    glossary = _validate_list(glossary_doc, Term, context, problems)

    reports: dict[str, Report] = {}
    for folder in sorted(path for path in (content_dir / "reports").iterdir() if path.is_dir()):
        relative = f"reports/{folder.name}/briefing.yaml"
        document = read(relative)
        source_path = folder / "source.txt"
        if not source_path.is_file():
            problems.append(Problem(f"reports/{folder.name}/source.txt", 1, "(file)", "missing"))
            continue
        if document is None:
            continue
        briefing = _validate(document, Briefing, context, problems)
        if briefing is not None:
            source = source_path.read_text(encoding="utf-8")
            reports[folder.name] = Report(folder.name, source, briefing)
            problems.extend(_check_report(document, reports[folder.name], units, glossary))

    if [info.id for info in sections] != list(SECTION_IDS) and not problems:
        problems.append(Problem("sections.yaml", 1, "(file)", f"must list {', '.join(SECTION_IDS)}"))
    if glossary_doc is not None:
        problems.extend(_check_glossary(glossary_doc, glossary, reports))
    if problems:
        raise ContentError(problems)
    return Content(tuple(sections), units, tuple(glossary), reports, converter)


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
                        for where, message in _figure_problems(figure, report.source, units))
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
    for text_field, text in _texts(briefing.model_dump(by_alias=True, exclude={"figures"})):
        for number in _DIGITS.findall(text):
            if number not in report.source:
                problems.append(document.problem(
                    (*text_field, SOURCE_TAG), f"the number {number} does not occur in source.txt"))
    return problems


def _figure_problems(figure: Figure, source: str,
                     units: dict[str, Unit]) -> list[tuple[tuple[str, ...], str]]:
    problems: list[tuple[tuple[str, ...], str]] = []
    if figure.quote not in source:
        problems.append((("quote",), "not found verbatim in source.txt"))
    # Infographic sources mark figures as **41.33** 亿元: read the quote without the markup.
    plain_quote = re.sub(r"\s+", "", figure.quote.replace("**", ""))
    if figure.written not in plain_quote:
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
        if change.written not in plain_quote:
            problems.append((("change", "written"),
                             f"{change.written!r} does not occur in the quote"))
        if parse_written(change.written) != change.value:
            problems.append((("change", "value"),
                             f"{change.value} does not match {change.written!r}"))
        if change.unit not in units:
            problems.append((("change", "unit"), f"unknown unit {change.unit!r}"))
    return problems


def _texts(data: Any, field: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Find every zh-Hans text in a dumped model, with its field path."""
    if isinstance(data, dict):
        if SOURCE_TAG in data and isinstance(data[SOURCE_TAG], str):
            return [(field, data[SOURCE_TAG])]
        return [found for key, value in data.items() for found in _texts(value, (*field, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in _texts(value, (*field, index))]
    return []


def _check_glossary(document: YamlDocument, glossary: list[Term],
                    reports: dict[str, Report]) -> list[Problem]:
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for index, term in enumerate(glossary):
        if term.id in owners.values():
            problems.append(document.problem((index, "id"), f"duplicate term id {term.id!r}"))
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
            elif term.source.quote not in report.source:
                problems.append(document.problem((index, "source", "quote"),
                                                 "not found verbatim in source.txt"))
    return problems


def init_app(app: Flask) -> None:
    """Load the content once for ``app``; raise ContentError if it is invalid."""
    app.extensions["content"] = load_content(Path(app.config["CONTENT_DIR"]))


def current_content() -> Content:
    """Return the content of the current app."""
    content: Content = current_app.extensions["content"]
    return content
