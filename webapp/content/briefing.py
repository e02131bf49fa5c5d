"""A report's briefing as ``briefing.yaml`` writes it: sections, outlook, versions, its original."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .statistics import Figure, Scope
from .texts import Model, Slug, Text, is_draft

# A section's lead stands in for its summary on the overview: one sentence, not a second summary.
LEAD_MAX_CHARACTERS = 90
LEAD_MAX_WORDS = 45
SECTION_IDS = ("stability", "economy", "livelihood", "team", "supervision")
SectionId = Literal["stability", "economy", "livelihood", "team", "supervision"]
# The parts a report's text is divided into: the five sections and what stands around them.
Part = Literal["front-matter", "overview", "stability", "economy", "livelihood", "team",
               "supervision", "shortcomings", "outlook", "appendix"]
DocumentKind = Literal["full-text", "infographic"]
BriefingStatus = Literal["draft", "final"]


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


