"""Assemble a draft briefing from a report's text: the data a ``briefing.yaml`` holds.

Every text the drafter writes carries the digest of its words as drafted (``drafted``), so the
site shows it as machine-drafted until a person edits it; English is written only where it is
known (a figure's number, unit and change are formatted by the site; a label the glossary
knows), and is otherwise left empty, awaiting translation.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..content.briefing import LEAD_MAX_CHARACTERS, SECTION_IDS
from ..content.sources import Block, SourceText, parse_source
from ..content.statistics import Measure, Unit
from ..content.style import EnglishStyle
from ..content.terms import Term
from ..numerals import chinese_numeral
from . import DraftError
from .digest import section_digest
from .english import label_english
from .found import number_words
from .glossary import Candidate, glossary_candidates, terms_in
from .lexicon import lexicon
from .metadata import Metadata, find_metadata
from .numbers import Found, clause_begin, find_figures, sentence_bounds
from .parts import Assignment, assign_parts
from .periods import chapter_span, opens_the_year, period_of
from .statements import drafted, outlook, shortcomings
from .summaries import Sentence, choose, ranked, sentences_of

Progress = Callable[[str], None]
_QUOTE_MAX = 120
_HEADLINES = 6
_HIGHLIGHTS = 6
_SUMMARY_SENTENCES = 3
_SUMMARY_CHARS = 260
_ID_SYLLABLES = 5
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
REVISION_NOTE = "由起草程序生成的初稿，待人工审校。"


@dataclass(frozen=True)
class DraftFigure:
    """A key figure as drafted, with the block it was found in."""

    data: dict[str, Any]
    block: Block
    found: Found


@dataclass(frozen=True)
class Draft:
    """A drafted briefing: its data, the source it was drafted from, and what was found."""

    text: str
    source: SourceText
    data: dict[str, Any]
    assignment: Assignment
    figures: list[DraftFigure]
    candidates: list[Candidate]
    metadata: Metadata


def draft_briefing(text: str, units: Mapping[str, Unit], glossary: Sequence[Term],
                   today: datetime.date, progress: Progress | None = None,
                   measures: Mapping[str, Measure] | None = None) -> Draft:
    """Draft the briefing of the report ``text``; raise DraftError if it cannot be drafted.

    ``measures`` (content/measures.yaml) name what a figure counts when its label is one of a
    measure's aliases and its unit the measure's, and give the label's English.
    """
    say = progress or (lambda _message: None)
    _check_work_report(text)
    say("reading paragraphs")
    source = parse_source(text)
    metadata = find_metadata(source)
    say(f"assigning {len(source.blocks)} blocks to parts")
    procuratorate = bool(metadata.court and "检察院" in metadata.court)  # …检察院第一分院 too.
    assignment = assign_parts(source, procuratorate=procuratorate)
    if metadata.court is None:
        raise DraftError("cannot find the institution's name (…人民法院, …人民检察院) in the title")
    if metadata.year is None:
        raise DraftError("cannot tell which year the report covers")
    say("finding figures")
    figures = _key_figures(source, assignment, units, glossary, measures or {}, metadata.year,
                           metadata.court)
    if not figures:
        raise DraftError("found no figures of the court's work: is this a court work report?")
    say("choosing sentences for summaries")
    style = EnglishStyle(glossary, None)
    # Each part's sentences are ranked once, for its section and for the overall summary.
    best = {part: ranked(sentences_of(assignment.blocks_of(source, part)))
            for part in ("overview", *SECTION_IDS)}
    sections = {section: _section(source, assignment, section, glossary, best[section])
                for section in SECTION_IDS}
    for section_id, section in sections.items():
        digest = section_digest([figure.data for figure in figures
                                 if figure.data["section"] == section_id], units, style)
        if digest is not None:
            section["digest"] = drafted(*digest)
    candidates = glossary_candidates(source, dict(assignment.parts), glossary)
    data = {
        "status": "draft",
        **_about(metadata),
        "summary": drafted(_overall_summary(best)),
        "headline_figures": _headlines(figures),
        "sections": sections,
        "shortcomings": shortcomings(assignment.blocks_of(source, "shortcomings")),
        "outlook": outlook(assignment.blocks_of(source, "outlook")),
        "figures": [figure.data for figure in figures],
        "parts": [{"from": start, "part": part} for start, part in assignment.runs(source)],
        "revisions": [{"date": today.isoformat(), "note": drafted(REVISION_NOTE)}],
        # Where the report was published is not in its text: a person adds the address.
        "original": {"status": "not-located"},
    }
    return Draft(text, source, data, assignment, figures, candidates, metadata)


def _check_work_report(text: str) -> None:
    """Refuse a text that is not a work report, in one line saying why."""
    words = lexicon().mapping("report")
    found = [marker for marker in words["markers"] if marker in text]
    if not any(name in text for name in words["institutions"]) or len(found) < words["min_markers"]:
        raise DraftError("not a work report: it does not name a court (法院) or procuratorate "
                         f"(检察院) and its work ({', '.join(words['markers'][:5])} …)")
    if any(address in text for address in words["address"]) or \
            any(word in text[:300] for word in ("一图读懂", "图解")):
        return
    if any(re.search(pattern, text[:300], re.MULTILINE) for pattern in words["news"]):
        raise DraftError("not a work report: a news story about one (it names the report in the "
                         "third person and never addresses the congress)")
    if len(text) < words["min_characters"]:
        raise DraftError(f"not a work report: {len(text)} characters and no address to the congress "
                         "(各位代表): a news item?")


def _about(metadata: Metadata) -> dict[str, Any]:
    """Return the briefing's fields about the report itself, only what the report says."""
    court, year = metadata.court or "", metadata.year
    level = metadata.level
    document = "官方“一图读懂”图解" if metadata.infographic else "报告全文"
    if metadata.appendices:
        document += f"，含{chinese_numeral(metadata.appendices)}个附件"
    about: dict[str, Any] = {
        "court": drafted(court),
        "level": drafted(level.zh_hans, level.en) if level else drafted("人民法院"),
        "region": drafted(metadata.region or court),
        "title": drafted(f"{year}年{court}工作报告"),
        "original_title": drafted(metadata.original_title or f"{court}工作报告"),
        "year": year,
        "document": drafted(document),
        "document_kind": "infographic" if metadata.infographic else "full-text",
        # Whose figures the report gives: the court's own until a person who reads the report
        # says otherwise (全区法院 in a higher court's report).
        "scope": {"kind": "court", "courts": drafted(court)},
    }
    delivered: dict[str, Any] = {}
    if metadata.date is not None:
        delivered["date"] = metadata.date.isoformat()
    if metadata.occasion:
        delivered["occasion"] = drafted(metadata.occasion)
    if metadata.speaker:
        delivered["speaker"] = drafted(metadata.speaker)
    if delivered:
        about["delivered"] = delivered
    return about


def _key_figures(source: SourceText, assignment: Assignment, units: Mapping[str, Unit],
                 glossary: Sequence[Term], measures: Mapping[str, Measure],
                 year: int, institution: str) -> list[DraftFigure]:
    """Return the key figures of the overview and the sections, with unique verbatim quotes.

    A figure of another span than the report's year (过去五年…) carries its ``period``, names
    it in its label, and never takes a measure: it is not the year's.
    """
    english = {form: term.term.en for term in glossary for form in term.forms("zh-Hans")}
    style = EnglishStyle(glossary, None)
    by_alias = {(alias, measure.unit): measure for measure in measures.values()
                for alias in (measure.name.zh_hans, *measure.aliases)}
    measured: set[str] = set()
    figures: list[DraftFigure] = []
    ids: set[str] = set()
    # The span the chapter reviews (一、过去五年工作回顾), and what is reviewed now: the chapter's span
    # again under each of its sub-headings, none after a paragraph opening on the year.
    chapter: str | None = None
    reviewed: str | None = None
    for block in source.blocks:
        part = assignment.parts[block.id]
        if block.kind == "heading":
            chapter = chapter_span(block.text) if block.level <= 2 else chapter
            reviewed = chapter
        elif block.kind == "paragraph" and opens_the_year(block.text, year):
            reviewed = None
        if block.kind in {"table", "title", "caption"} or part not in {"overview", *SECTION_IDS}:
            continue
        for found in find_figures(block.text):
            if not found.key or found.unit not in units or (
                    found.change is not None and found.change.unit not in units):
                continue
            quote = _quote(source, block, found)
            if quote is None:
                continue
            if not found.label:
                continue  # What it counts is not said where the drafter can read it: never guessed.
            label = found.label
            period = period_of(block.text, found.start, year, reviewed)
            # A measure names only what the figure counts exactly, once in a report.
            measure = by_alias.get((label, found.unit))
            if measure is not None and (measure.id in measured or period is not None or
                                        not _says_its_verb(block.text, found.start, label)):
                measure = None
            if period is not None and period not in label:
                label = period + label
            figure: dict[str, Any] = {
                "id": _figure_id(label, ids),
                "section": part,
                **({"measure": measure.id} if measure is not None else {}),
                "label": drafted(label, measure.name.en if measure else label_english(
                    label, found.unit, period, english, style, institution)),
                "value": _number(found.value),
                "unit": found.unit,
                "written": found.written,
            }
            if period is not None:
                figure["period"] = drafted(period)
            if found.qualifier:
                figure["qualifier"] = found.qualifier
            # 比2024年增加8件 is year-on-year in the report on 2025 alone; else it is left out.
            if found.change is not None and (not found.change.against or
                                             found.change.against == f"{year - 1 if year else ''}年"):
                change = found.change
                figure["change"] = {"value": _number(change.value), "unit": change.unit,
                                    "direction": change.direction, "basis": "year-on-year",
                                    "written": change.written}
            figure["quote"] = quote
            if measure is not None:
                measured.add(measure.id)
            figures.append(DraftFigure(figure, block, found))
    return figures


def _says_its_verb(text: str, start: int, label: str) -> bool:
    """Tell whether the clause of the number at ``start`` says the verb its label opens with.

    A label may take its verb from a clause before (受理一审案件…；二审案件…): the figure then
    names no measure, whose basis the number's own clause must state.
    """
    verb = number_words().opening_verb(label) or None
    return verb is None or verb in text[clause_begin(text, start):start]


def _quote(source: SourceText, block: Block, found: Found) -> str | None:
    """Return the sentence stating a figure, narrowed to its clauses when long, if unique."""
    text = block.text
    end = found.change.end if found.change else found.end
    begin, finish = sentence_bounds(text, found.start, end)
    candidates = [text[begin:finish]]
    if finish - begin > _QUOTE_MAX:
        clause_start = max(text.rfind(char, begin, found.start) for char in "，,；") + 1
        clause_end = min((position for char in "，,；。" if (position := text.find(char, end)) >= 0),
                         default=finish)
        candidates.insert(0, text[max(begin, clause_start):clause_end])
    candidates.append(text)
    for quote in candidates:
        quote = quote.strip()
        if quote and len(source.occurrences(quote)) == 1:
            return quote
    return None


def _number(value: Decimal) -> int | float:
    """Return a value as YAML writes it: an integer when it is one."""
    return int(value) if value == value.to_integral_value() else float(value)


def _figure_id(label: str, taken: set[str]) -> str:
    """Return a readable kebab-case id from the label's pinyin, unique in the report."""
    from pypinyin import lazy_pinyin

    syllables = [re.sub(r"[^a-z0-9]", "", syllable.lower()) for syllable in lazy_pinyin(label)]
    base = "-".join(syllable for syllable in syllables if syllable)[:60].strip("-")
    base = "-".join(base.split("-")[:_ID_SYLLABLES]) or "figure"
    identifier, count = base, 1
    while identifier in taken:
        count += 1
        identifier = f"{base}-{count}"
    taken.add(identifier)
    return identifier


def _headlines(figures: list[DraftFigure]) -> list[str]:
    """Return the ids of the overview's figures, or the sections' first ones if it has none.

    Headline figures are the year's: a figure of another span is one only where the report
    states no figure of its year (its label names its span, so it never reads as the year's).
    """
    figures = [figure for figure in figures if "period" not in figure.data] or figures
    overview = [figure.data["id"] for figure in figures if figure.data["section"] == "overview"]
    firsts = [next(figure.data["id"] for figure in figures if figure.data["section"] == section)
              for section in SECTION_IDS
              if any(figure.data["section"] == section for figure in figures)]
    chosen = overview[:_HEADLINES]
    chosen.extend(identifier for identifier in firsts if identifier not in chosen)
    return chosen[:_HEADLINES]


def _section(source: SourceText, assignment: Assignment, section: str,
             glossary: Sequence[Term], best_first: list[Sentence]) -> dict[str, Any]:
    blocks = assignment.blocks_of(source, section)
    summary = choose(best_first, _SUMMARY_SENTENCES, _SUMMARY_CHARS)
    highlights = choose(best_first, _HIGHLIGHTS)
    lead = _lead(best_first, blocks, assignment)
    headings = list(dict.fromkeys(assignment.headings[block.id] for block in blocks
                                  if assignment.headings[block.id]))
    draws_on = "；".join(f"“{heading}”" for heading in headings[:4]) or "报告正文"
    missing = "报告中没有找到属于这一部分的段落。"
    return {
        "lead": drafted(lead or missing),
        "draws_on": drafted(draws_on),
        "summary": drafted("".join(sentence.text for sentence in summary) or missing),
        "highlights": [{**drafted(sentence.text), "paragraphs": [sentence.block.id]}
                       for sentence in highlights],
        "terms": terms_in("".join(block.text for block in blocks), glossary),
    }


def _lead(best_first: list[Sentence], blocks: list[Block], assignment: Assignment) -> str | None:
    """Return the overview's one line on a section: its best sentence short enough to be one.

    A lead holds at most LEAD_MAX_CHARACTERS; where every sentence is longer (reports write
    long ones), the section's chapter heading, the report's own one line on it, stands in.
    """
    short = next((sentence.text for sentence in best_first
                  if len(sentence.text) <= LEAD_MAX_CHARACTERS), None)
    if short is not None:
        return short
    for heading in dict.fromkeys(assignment.headings[block.id] for block in blocks):
        text = _HEADING_NUMBER.sub("", heading).strip().rstrip("。")
        if 4 <= len(text) < LEAD_MAX_CHARACTERS:
            return text + "。"
    return None


def _overall_summary(best: dict[str, list[Sentence]]) -> str:
    """Return the overview's best sentences and the best sentence of each section."""
    chosen: list[Sentence] = choose(best["overview"], 2)
    for section in SECTION_IDS:
        chosen.extend(choose(best[section], 1))
    text = "".join(sentence.text for sentence in chosen[:6])
    return text or "报告正文中没有找到概述。"
