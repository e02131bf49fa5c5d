"""Typed content models: reports, sections, figures, glossary terms.

Texts are written in zh-Hans and en; zh-Hant is converted from zh-Hans while a model is
validated (the converter comes in the validation context), once, with the curated overrides,
and every model keeps all three. Rendering code only picks a language.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..languages import TraditionalConverter
from ..markup import visible_line
from .sources import Located, SourceText

if TYPE_CHECKING:
    from .style import EnglishStyle

# A section's lead stands in for its summary on the overview: one sentence, not a second summary.
LEAD_MAX_CHARACTERS = 90
LEAD_MAX_WORDS = 45
SECTION_IDS = ("stability", "economy", "livelihood", "team", "supervision")
SectionId = Literal["stability", "economy", "livelihood", "team", "supervision"]
# The parts a report's text is divided into: the five sections and what stands around them.
Part = Literal["front-matter", "overview", "stability", "economy", "livelihood", "team",
               "supervision", "shortcomings", "outlook", "appendix"]
DocumentKind = Literal["full-text", "infographic"]
FigureSection = Literal["overview", "stability", "economy", "livelihood", "team", "supervision"]
Qualifier = Literal["over", "exceeds", "more-than", "at-least", "reached", "nearly", "about"]
# An id names a folder and goes into file names and addresses: kebab-case, and short enough
# that a file named for it (with language, digest and suffix) stays within a file system's 255.
SLUG_MAX_LENGTH = 100
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
Slug = Annotated[str, StringConstraints(pattern=rf"^{SLUG.pattern}$", max_length=SLUG_MAX_LENGTH)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def is_slug(text: str) -> bool:
    """Tell whether ``text`` is a valid id: kebab-case, at most SLUG_MAX_LENGTH characters.

    Whole-string match: ``re.match(…$)`` would take an id with a trailing newline.
    """
    return len(text) <= SLUG_MAX_LENGTH and SLUG.fullmatch(text) is not None

BriefingStatus = Literal["draft", "final"]
# Where a text comes from: the drafter wrote it and nobody has changed it since, or a person did.
Origin = Literal["draft", "person"]


def _converter(info: ValidationInfo) -> TraditionalConverter:
    context = info.context or {}
    converter = context.get("converter")
    if not isinstance(converter, TraditionalConverter):
        raise TypeError("content models are validated with a converter in the context")
    return converter


def is_draft(info: ValidationInfo) -> bool:
    """Tell whether the model is validated as part of a draft briefing (``status: draft``)."""
    return bool((info.context or {}).get("draft"))


def drafted_digest(zh_hans: str, en: str) -> str:
    """Return the digest a drafted text carries: of both languages exactly as drafted."""
    payload = f"{zh_hans.strip()}\n{en.strip()}".encode()
    return hashlib.blake2b(payload, digest_size=6).hexdigest()


def _with_converted(data: Any, info: ValidationInfo, source: str, target: str) -> Any:
    """Add the Traditional conversion of ``data[source]`` as ``data[target]``, before validation."""
    if isinstance(data, dict) and isinstance(data.get(source), str):
        return {**data, target: _converter(info).convert(data[source].strip())}
    return data


class Model(BaseModel):
    """A frozen model that rejects unknown keys (a misspelt key is an error, not ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(Model):
    """A text in every published language; zh-Hant is generated, never written.

    A text the drafter wrote carries ``drafted``, the digest of both languages as drafted: it
    counts as machine-drafted exactly while it is unchanged (``origin``). Only in a draft
    briefing may ``en`` be empty, awaiting translation.
    """

    zh_hans: NonEmpty = Field(alias="zh-Hans")
    en: str
    zh_hant: str = Field(default="", alias="zh-Hant")
    drafted: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and "zh-Hant" in data:
            raise ValueError("zh-Hant is generated from zh-Hans: do not write it")
        return _with_converted(data, info, "zh-Hans", "zh-Hant")

    @field_validator("en")
    @classmethod
    def _english_unless_draft(cls, en: str, info: ValidationInfo) -> str:
        en = en.strip()
        if not en and not is_draft(info):
            raise ValueError("empty: every text needs English (only a draft may leave it empty)")
        return en

    def get(self, tag: str) -> str:
        """Return the text for a language tag (``zh-Hans``, ``zh-Hant``, ``en``)."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}[tag]

    def shown_in(self, tag: str) -> tuple[str, str]:
        """Return the text a reader of ``tag`` sees and the tag it is in.

        English awaiting translation falls back to the Chinese, and says so by its tag.
        """
        text = self.get(tag)
        return (text, tag) if text else (self.zh_hans, "zh-Hans")

    @property
    def origin(self) -> Origin:
        """Return ``draft`` while the text is as the drafter wrote it, else ``person``."""
        if self.drafted is not None and self.drafted == drafted_digest(self.zh_hans, self.en):
            return "draft"
        return "person"

    @property
    def awaiting_translation(self) -> bool:
        """Tell whether the English is still to be written."""
        return not self.en


class Unit(Model):
    """A unit: the Chinese measure word and the English noun, singular and plural."""

    id: str
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(default="", alias="zh-Hant")
    en: tuple[str, str]

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        return _with_converted(data, info, "zh-Hans", "zh-Hant")

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


class Highlight(Text):
    """A highlight of a section, with the source paragraphs (block ids) it draws on."""

    paragraphs: tuple[str, ...] = Field(min_length=1)


class Case(Model):
    id: Slug
    title: Text
    summary: Text
    source: Text
    paragraphs: tuple[str, ...] = Field(min_length=1)


class Theme(Model):
    """A theme a section's figures are grouped by, shown as one panel (as 一图读懂 panels are).

    ``lead`` names the figure the panel shows large; without it, the theme's first figure.
    """

    id: Slug
    title: Text
    lead: Slug | None = None


class Section(Model):
    lead: Text
    # Optional: the section's figures stated in sentences built by the drafter from their labels
    # (machine-built English for readers while the section awaits translation).
    digest: Text | None = None
    themes: tuple[Theme, ...] = ()
    draws_on: Text
    summary: Text
    highlights: tuple[Highlight, ...] = Field(max_length=8)
    cases: tuple[Case, ...] = ()
    terms: tuple[str, ...] = ()

    @field_validator("highlights")
    @classmethod
    def _enough_highlights(cls, highlights: tuple[Highlight, ...],
                           info: ValidationInfo) -> tuple[Highlight, ...]:
        # A draft holds what the report gives: a section it says little or nothing about has
        # fewer highlights, for a person to write.
        if len(highlights) < 3 and not is_draft(info):
            raise ValueError(f"{len(highlights)} highlights: a section needs 3 to 8")
        return highlights


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
        return _with_converted(data, info, "quote", "quote_zh_hant")

    def quote_in(self, tag: str) -> str:
        """Return the quote as a reader of ``tag`` sees it, on one line.

        Characters are converted for zh-Hant, and the source's markup (an infographic's
        ``**`` emphasis, a list item's bullet) is dropped: ``quote`` keeps it only to find the
        place. A quote across a table's cells reads as the cells with a space between (刑事案件
        1337 1770 32.39%), a cell wrapped over two lines as one.
        """
        return visible_line(self.quote_zh_hant if tag == "zh-Hant" else self.quote)


class CaseType(Model):
    """The case type a measure counts, within the measure of all cases (``of``)."""

    of: Slug
    name: Text


class Basis(Model):
    """What stage of a case's course (or what act) a count counts: 受理, 新收, 审结, 执结 ….

    ``signals`` are the words that state the basis where a report gives a number (受理案件10万件);
    ``parts`` the bases whose counts make up this one, case type by type (结案 is 审结 of trial
    cases and 执结 of enforcement cases), so that for one type of case this basis's words state
    the part's basis too (刑事案件结案 is 审结刑事案件).
    """

    id: Slug
    name: Text
    definition: Text
    signals: tuple[NonEmpty, ...] = Field(min_length=1)
    parts: tuple[Slug, ...] = ()


class Measure(Model):
    """What a figure counts, named once so that reports can be compared on it.

    ``basis`` (an id of ``bases.yaml``) says at what stage it counts (受理 is not 收案), and
    ``definition`` what it counts, for readers. ``case_type`` says that the measure counts one
    type of case of another measure (criminal cases concluded, of cases concluded): charts
    show a report's caseload by type from these. ``made_of`` names the measures that together
    are this one by definition (民商事 is 民事 and 商事), so that a report stating only the parts
    is shown stating them, never their sum.
    """

    id: Slug
    name: Text
    definition: Text
    basis: Slug
    unit: str
    aliases: tuple[NonEmpty, ...] = ()
    case_type: CaseType | None = None
    made_of: tuple[Slug, ...] = ()


# Whose figures a report gives: the reporting court's own, all courts of its area (全区法院,
# 全国法院, 地方各级人民法院 …), or some courts it names (拉萨、山南法院).
ScopeKind = Literal["court", "all-courts", "some-courts"]


class Scope(Model):
    """The courts a figure counts, with the words the report names them by (``courts``)."""

    kind: ScopeKind
    courts: Text


class Figure(Quoted):
    """A key figure, with the verbatim sentence of the report it comes from."""

    id: Slug
    section: FigureSection
    measure: Slug | None = None
    theme: Slug | None = None
    label: Text
    value: Decimal
    unit: str
    written: NonEmpty
    qualifier: Qualifier | None = None
    change: Change | None = None
    # The year the figure is about, where a report states an earlier year's value (a table
    # of 2022 against 2023); unset, the report's own year.
    year: int | None = None
    # Where the figure counts other courts than the report's ``scope`` (拉萨法院 in a region's).
    scope: Scope | None = None
    # The span the figure counts, where the sentence names one other than the report's year
    # (过去五年, “十四五”时期, 累计, 2021年): such a figure is never the year's.
    period: Text | None = None

    @model_validator(mode="after")
    def _period_is_not_the_year(self) -> Figure:
        if self.period is not None and (self.measure is not None or self.year is not None):
            raise ValueError("a figure with a period counts another span than a year: it takes "
                             "no measure and no year")
        return self

    @property
    def origin(self) -> Origin:
        """Return ``draft`` while the drafter's label stands unchanged (the rest is checked)."""
        return self.label.origin


class Outlook(Model):
    summary: Text
    items: tuple[Text, ...]

    @field_validator("items")
    @classmethod
    def _some_items(cls, items: tuple[Text, ...], info: ValidationInfo) -> tuple[Text, ...]:
        if not items and not is_draft(info):
            raise ValueError("empty: list the report's plans for the next year")
        return items


class PartRun(Model):
    """Blocks of the source, from ``start`` up to the next run, that belong to one part."""

    start: str = Field(alias="from")
    part: Part


class Revision(Model):
    """A dated change to the briefing, so a citation can name the version it quotes."""

    date: datetime.date
    note: Text


class ForcedPublication(Model):
    """The record of a draft made final before it was wholly reviewed: who forced it, and why."""

    date: datetime.date
    by: str = Field(min_length=1, pattern=r"\S")
    why: str = Field(min_length=1, pattern=r"\S")
    # What was still left to review then, as `flask report publish` counted it.
    left: str = Field(min_length=1)


def _https_url(url: str) -> str:
    """Accept an absolute https address as written, without spaces (a reader follows it)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or re.search(r"\s", url):
        raise ValueError(f"not an https address: {url!r}")
    return url


HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_url)]
# The facts a located original must give; `published` only where the page gives a date.
_LOCATED_FIELDS = ("publisher", "url", "retrieved")


class Original(Model):
    """Where the report was first published, or that its original has not been located.

    ``located``: ``publisher``, ``url`` (https) and ``retrieved`` (when it was read there), and
    ``published`` where the page gives a date. ``not-located``: none of these, and optionally
    ``searched``, where it was looked for, so an editor can add the address once it is found.
    """

    status: Literal["located", "not-located"]
    publisher: Text | None = None
    url: HttpsUrl | None = None
    published: datetime.date | None = None
    retrieved: datetime.date | None = None
    searched: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Original:
        if self.status == "located":
            missing = [name for name in _LOCATED_FIELDS if getattr(self, name) is None]
            if missing:
                raise ValueError(f"a located original needs {', '.join(missing)}")
            if self.searched is not None:
                raise ValueError("searched is for an original not located")
        else:
            given = [name for name in (*_LOCATED_FIELDS, "published") if getattr(self, name) is not None]
            if given:
                raise ValueError(f"an original not located has no {', '.join(given)} "
                                 "(set status: located)")
        if self.published and self.retrieved and self.retrieved < self.published:
            raise ValueError("retrieved is before published")
        return self

    @property
    def located(self) -> bool:
        """Tell whether the original's address is known."""
        return self.status == "located"


class Correction(Model):
    """A correction of the briefing, dated: what was wrong and what it says now."""

    date: datetime.date
    note: Text


class Briefing(Model):
    """The structured briefing of one report, as written in ``briefing.yaml``."""

    court: Text
    level: Text
    region: Text
    title: Text
    original_title: Text
    year: int
    document: Text
    document_kind: DocumentKind
    scope: Scope
    delivered: Delivered | None = None
    summary: Text
    headline_figures: tuple[str, ...] = Field(min_length=1)
    sections: Sections
    shortcomings: tuple[Text, ...]
    outlook: Outlook
    figures: tuple[Figure, ...] = Field(min_length=1)
    parts: tuple[PartRun, ...] = Field(min_length=1)
    revisions: tuple[Revision, ...] = Field(min_length=1)
    original: Original
    corrections: tuple[Correction, ...] = ()
    status: BriefingStatus = "final"
    forced: ForcedPublication | None = None

    @field_validator("forced")
    @classmethod
    def _forced_only_when_final(cls, forced: ForcedPublication | None,
                                info: ValidationInfo) -> ForcedPublication | None:
        if forced is not None and info.data.get("status") == "draft":
            raise ValueError("a draft is not published yet: remove `forced`, or set status: final")
        return forced

    @property
    def is_draft(self) -> bool:
        """Tell whether the briefing is a draft, still to be reviewed before it is final."""
        return self.status == "draft"

    def texts(self) -> Iterator[Text]:
        """Yield every text of the briefing (figure labels, highlights and cases included)."""
        yield from _texts_in(self)

    def review(self) -> Review:
        """Count what is left to do on the briefing: texts to review and to translate."""
        texts = list(self.texts())
        return Review(len(texts), sum(text.origin == "draft" for text in texts),
                      sum(text.awaiting_translation for text in texts))


@dataclass(frozen=True)
class Review:
    """How much of a briefing is still machine-drafted and how much awaits English."""

    texts: int
    to_review: int
    to_translate: int

    def __str__(self) -> str:
        return (f"{self.to_review} of {self.texts} texts machine-drafted (to review), "
                f"{self.to_translate} awaiting English")


def _texts_in(model: BaseModel) -> Iterator[Text]:
    for name in type(model).model_fields:
        yield from _texts_of(getattr(model, name))


def _texts_of(value: Any) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        yield from _texts_in(value)
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts_of(item)


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
    pinyin: NonEmpty | None = None
    aliases: Aliases = Aliases()
    short: Text
    explanation: Text
    source: TermSource | None = None
    # Why the English headword is not the attested official rendering (renderings.py).
    departs_from_official: NonEmpty | None = None

    def forms(self, tag: str) -> list[str]:
        """Return every form of the term a text in ``tag`` may contain."""
        if tag == "en":
            return [self.term.en, *self.aliases.en]
        aliases = self.aliases.zh_hant if tag == "zh-Hant" else self.aliases.zh_hans
        return [self.term.get(tag), *aliases]


def forms_pattern(forms: Iterable[str], tag: str) -> re.Pattern[str]:
    """Return a pattern finding any of ``forms`` in a text in ``tag``, case-insensitively.

    At each position the longest form wins. Chinese has no word boundaries, so a Chinese form
    is found anywhere; an English one only as whole words: "ban" must not match inside "urban".
    """
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    if tag == "en":
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return re.compile(alternatives, re.IGNORECASE)


class Override(Model):
    zh_hans: NonEmpty = Field(alias="zh-Hans")
    zh_hant: NonEmpty = Field(alias="zh-Hant")
    why: NonEmpty


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
    the same offsets (a quote's Traditional form is a slice of it).
    """

    id: str
    source: SourceText
    briefing: Briefing
    source_hant: str
    parts: Mapping[str, Part]
    quotes: Mapping[str, Located]

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
    reports: dict[str, Report]
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
        if not any(report.briefing.is_draft for report in self.reports.values()):
            return self
        reports = {report_id: report for report_id, report in self.reports.items()
                   if not report.briefing.is_draft}
        glossary = tuple(term.model_copy(update={"source": None})
                         if term.source is not None and term.source.report not in reports
                         else term for term in self.glossary)
        return replace(self, reports=reports, glossary=glossary)
