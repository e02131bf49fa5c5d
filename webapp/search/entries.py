"""What a search can find, collected from the content: each entry with its texts as each
language's reader sees them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from ..config import LANGUAGES, SOURCE_TAG
from ..content.briefing import SECTION_IDS, Case, DocumentKind
from ..content.figures import format_figure
from ..content.reports import Content, Report
from ..content.sources import Block
from ..content.statistics import Figure
from ..content.terms import Term
from ..content.texts import Text
from ..markup import visible_line

Kind = Literal["term", "summary", "figure", "highlight", "case", "paragraph"]
# A field's role: the entry's title, another name it goes by (shown only where it matches), or
# its text (the passage shown when nothing else matches).
Role = Literal["title", "name", "text"]
GroupKey = tuple[str | None, Kind]


@dataclass(frozen=True)
class ReportRef:
    """The report an entry stands in, as search results name it: its id, its title and what
    its briefing rests on, so that a hit is listed without reading the whole report."""

    id: str
    title: Text
    document_kind: DocumentKind

    @classmethod
    def of(cls, report: Report) -> ReportRef:
        """Return what names ``report`` in search results."""
        return cls(report.id, report.briefing.title, report.briefing.document_kind)


@dataclass(frozen=True)
class Field:
    """A text of an entry as one language's reader sees it, in the language ``tag``."""

    role: Role
    text: str
    tag: str


@dataclass(frozen=True, eq=False)
class Entry:
    """Something a search can find, with its texts in each language (keyed by tag).

    ``part`` is the section id (or overview, shortcomings, outlook) an entry belongs to,
    ``number`` the 0-based place of a highlight in its section, ``item`` the figure, case,
    block or term it is.
    """

    kind: Kind
    report: ReportRef | None
    fields: Mapping[str, tuple[Field, ...]]
    part: str | None = None
    number: int | None = None
    item: Figure | Case | Block | Term | None = None
    # What the index holds, when it is not all of ``fields`` (a figure's value as written).
    indexed: Mapping[str, tuple[Field, ...]] | None = None
    # Words whose reading the content states (a glossary term's pinyin), syllable by syllable.
    readings: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def searched(self) -> Mapping[str, tuple[Field, ...]]:
        """Return the texts the index holds and ranks by: ``indexed``, else ``fields``."""
        return self.indexed or self.fields

    @property
    def group(self) -> GroupKey:
        """Return the group the entry is listed in: its report (None: the glossary), its kind."""
        return (self.report.id if self.report else None, self.kind)


def collect_entries(content: Content) -> list[Entry]:
    """Return everything that can be found, in content order (call inside an app context).

    The glossary first, then report by report: figures (what a reader looking up a number or
    a measure came for), summaries, highlights, cases and the paragraphs of the text, each
    kind in reading order.
    """
    entries = [_term_entry(term) for term in content.glossary]
    for report in content.reports.values():
        ref = ReportRef.of(report)
        entries.extend(_figure_entry(ref, figure, content) for figure in report.briefing.figures)
        entries.extend(_summary_entries(report, ref))
        for section_id in SECTION_IDS:
            section = report.briefing.sections.get(section_id)
            entries.extend(Entry("highlight", ref, _texts(highlight), section_id, index)
                           for index, highlight in enumerate(section.highlights))
        for section_id in SECTION_IDS:
            entries.extend(Entry("case", ref, _texts(("title", case.title), case.summary),
                                 section_id, item=case)
                           for case in report.briefing.sections.get(section_id).cases)
        entries.extend(_paragraph_entry(report, ref, block) for block in report.source.blocks)
    return entries


def _texts(*texts: Text | tuple[Role, Text]) -> dict[str, tuple[Field, ...]]:
    """Return the fields of content texts in each language; a bare text is the entry's text."""
    fields: dict[str, list[Field]] = {language.tag: [] for language in LANGUAGES}
    for item in texts:
        role, text = item if isinstance(item, tuple) else ("text", item)
        for tag, found in fields.items():
            found.append(Field(role, text.get(tag), tag))
    return {tag: tuple(found) for tag, found in fields.items()}


def _summary_entries(report: Report, ref: ReportRef) -> Iterator[Entry]:
    briefing = report.briefing
    yield Entry("summary", ref, _texts(briefing.summary), "overview")
    for section_id in SECTION_IDS:
        yield Entry("summary", ref, _texts(briefing.sections.get(section_id).summary), section_id)
    for index, item in enumerate(briefing.shortcomings):
        yield Entry("summary", ref, _texts(item), "shortcomings", index)
    for index, item in enumerate((briefing.outlook.summary, *briefing.outlook.items)):
        yield Entry("summary", ref, _texts(item), "outlook", index)


def _figure_entry(ref: ReportRef, figure: Figure, content: Content) -> Entry:
    """Return a figure: its label and its value as the figure's card shows it.

    Formatting a figure (Babel) costs more than indexing it, so the index holds the value as
    written (1.95万件, or 19500 for English) and the card's form is made when a search shows it.
    """
    unit = content.units[figure.unit]
    indexed = _texts(("title", figure.label))
    for tag, value in (("zh-Hans", f"{figure.written}{unit.zh_hans}"),
                       ("zh-Hant", f"{figure.written}{unit.zh_hant}"),
                       ("en", f"{figure.value.normalize():f}")):
        indexed[tag] += (Field("text", value, tag),)
    return Entry("figure", ref, _FigureFields(figure, content, indexed), figure.section,
                 item=figure, indexed=indexed)


class _FigureFields(Mapping[str, tuple[Field, ...]]):
    """A figure's fields in each language, its value formatted when first asked for."""

    def __init__(self, figure: Figure, content: Content,
                 indexed: dict[str, tuple[Field, ...]]) -> None:
        self._figure = figure
        self._units = content.units
        self._labels = {tag: fields[0] for tag, fields in indexed.items()}
        self._shown: dict[str, tuple[Field, ...]] = {}

    def __getitem__(self, tag: str) -> tuple[Field, ...]:
        if tag not in self._shown:
            language = next(language for language in LANGUAGES if language.tag == tag)
            shown = format_figure(self._figure, self._units, language)
            value = " · ".join(text for text in (shown.text, shown.change) if text)
            self._shown[tag] = (self._labels[tag], Field("text", value, tag))
        return self._shown[tag]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def _paragraph_entry(report: Report, ref: ReportRef, block: Block) -> Entry:
    """Return a block of the report's text: Chinese for every reader, Traditional for zh-Hant,
    and for readers of English the site's translation first, where the report has one."""
    simplified = Field("text", _block_text(report, block, SOURCE_TAG), SOURCE_TAG)
    traditional = Field("text", _block_text(report, block, "zh-Hant"), "zh-Hant")
    translated = report.translation.of(block.id) if report.translation is not None else None
    english = (Field("text", " ".join(translated.text.split()), "en"),) if translated else ()
    return Entry("paragraph", ref, {"zh-Hans": (simplified,), "zh-Hant": (traditional,),
                                       "en": (*english, simplified)}, report.parts[block.id],
                 item=block)


def _block_text(report: Report, block: Block, tag: str) -> str:
    """Return a block's text on one line, as a reader sees it: its lines (or cells) apart by
    spaces, a cell wrapped onto a second line as one (as in the source view)."""
    return " ".join(visible_line(report.text_in(span.start, span.end, tag))
                    for span in block.spans)


def _term_entry(term: Term) -> Entry:
    """Return a glossary term: the headword in the reader's language, and its other names.

    Each reader's glossary shows the headword with its rendering in the other language (the
    English rendering for Chinese readers, the Simplified term for English readers).
    """
    fields: dict[str, tuple[Field, ...]] = {}
    for language in LANGUAGES:
        tag = language.tag
        other = "zh-Hans" if tag == "en" else "en"
        chinese = "zh-Hant" if tag == "zh-Hant" else "zh-Hans"
        names = [Field("name", term.term.get(other), other)]
        names += [Field("name", form, chinese) for form in term.forms(chinese)[1:]]
        names += [Field("name", form, "en") for form in term.forms("en")[1:]]
        fields[tag] = (Field("title", term.term.get(tag), tag), *names,
                       Field("text", term.short.get(tag), tag),
                       Field("text", term.explanation.get(tag), tag))
    readings = (((term.term.zh_hans, tuple(term.pinyin.split())),)
                if term.pinyin is not None else ())
    return Entry("term", None, fields, item=term, readings=readings)
