"""Assign every block of a report to its part, by the report's own structure and a lexicon.

Court work reports follow one plan: greeting (各位代表), the year's work (2023年的主要工作 or
过去一年) with an overview and numbered chapters (一、 二、 …, or an infographic's 01 02 panels),
the shortcomings (存在的不足), the plans for the next year (2024年的工作思路), then appendices
(附件). A basic-level report often numbers the year's work as its first chapter
(一、2025年工作回顾) with its chapters as sub-headings under it (（一）…): that heading and what
precedes the first sub-heading are the overview, and the sub-headings are the chapters. The
drafter walks the blocks in that order. Each chapter goes to the section its heading
and text weigh towards (``sections`` in the lexicon, words found with jieba); a sub-heading, or
the lead sentence of a paragraph (坚决依法惩治各类犯罪。), moves its run to another section only
when it clearly names that section's work and says nothing of the chapter's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..content.briefing import SECTION_IDS, Part
from ..content.sources import Block, SourceText
from .lexicon import lexicon, tokens

_NEXT_YEAR_HEADING = re.compile(r"^(?:\d{4}年|今年|明年|新的一年)")
_LEAD = re.compile(r"^[^。！？；]{2,24}[。！？；]")
_SUBCHAPTER = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_CHAPTER_WEIGHT = 3.0
# A sub-heading or a lead sentence moves its run only on at least this weight for a section
# the chapter scores nothing for.
_DECISIVE = 3.0
# A paragraph opening with the work it tells of (维护安全稳定方面：…, 在服务经济发展方面，…).
_TOPIC = re.compile(r"^(?:在)?([^，,。：:；;]{2,14})方面[：:，,]")


@dataclass(frozen=True)
class Assignment:
    """The part of every block, in reading order, and the heading each block stands under."""

    parts: dict[str, Part]
    headings: dict[str, str]

    def runs(self, source: SourceText) -> list[tuple[str, Part]]:
        """Return the runs ``{from, part}`` a briefing's ``parts`` lists."""
        runs: list[tuple[str, Part]] = []
        for block in source.blocks:
            part = self.parts[block.id]
            if not runs or runs[-1][1] != part:
                runs.append((block.id, part))
        return runs

    def blocks_of(self, source: SourceText, part: str) -> list[Block]:
        """Return the blocks of ``part`` in reading order."""
        return [block for block in source.blocks if self.parts[block.id] == part]


Weights = dict[str, dict[str, float]]
_NAMED = 0.1


def weights_for(procuratorate: bool, name: str = "") -> Weights:
    """Return the section words and weights for a court's report or a procuratorate's, named
    ``name`` in its title.

    A procuratorate's supervision of others (监督, 检察 …) is its own work, the matter of its
    chapters: those words weigh nothing towards the section on supervision it accepts.
    """
    weights = lexicon().section_weights
    if not procuratorate and not name:
        return weights
    own = set(lexicon().words("parts", "procuratorate_own_work")) if procuratorate else set()
    # What a specialised court's name says (知识产权法院, 海事法院) its every chapter says: it
    # decides a chapter only where nothing else weighs.
    return {section: {word: weight * (_NAMED if len(word) > 1 and word in name else 1)
                      for word, weight in words.items() if word not in own}
            for section, words in weights.items()}


def section_scores(text: str, weights: Weights | None = None) -> dict[str, float]:
    """Weigh ``text`` towards each section by the lexicon words jieba finds in it."""
    weights = weights if weights is not None else lexicon().section_weights
    scores = dict.fromkeys(SECTION_IDS, 0.0)
    for token in tokens(text):
        for section, words in weights.items():
            scores[section] += words.get(token, 0.0)
    return scores


def best_section(text: str, fallback: str | None = None, weights: Weights | None = None) -> str | None:
    """Return the section ``text`` weighs most towards, or ``fallback`` if it weighs nothing."""
    scores = section_scores(text, weights)
    section, score = max(scores.items(), key=lambda item: item[1])
    return section if score > 0 else fallback


def _has(text: str, words: Iterable[str]) -> bool:
    return any(word in text for word in words)


def assign_parts(source: SourceText, procuratorate: bool = False) -> Assignment:
    """Assign every block of ``source`` to a part (of a procuratorate's report, if it is one)."""
    words = lexicon()
    blocks = source.blocks
    title = next((block.visible_text for block in blocks if block.kind == "title"), "")
    name = re.match(r"^.*?(?:法院|检察院)", title)
    weights = weights_for(procuratorate, name[0] if name else "")
    parts: dict[str, Part] = {}
    headings: dict[str, str] = {}
    state: Part = "front-matter"
    chapter: str | None = None
    chapter_scores: dict[str, float] = {}
    current: str | None = None
    seen_work = False
    after_credits = False
    closing = False
    heading = ""
    chapter_level = 2
    for index, block in enumerate(blocks):
        text = block.visible_text
        is_heading = block.kind == "heading"
        if is_heading:
            heading = text
        if state == "appendix" or (is_heading and block.level <= 2 and _is_appendix(text)):
            state = "appendix"
        elif block.kind == "title":
            state = "front-matter"
        elif _is_shortcomings(text, block) and seen_work and state not in {"outlook"}:
            state, closing = "shortcomings", False
        elif (_is_outlook(text, block, seen_work) or _opens_plans(text, block, state)) and state != "outlook":
            state, after_credits = "outlook", False
        elif state in {"outlook", "back-matter"} and _is_credit(text, block):
            parts[block.id] = "front-matter"
            headings[block.id] = heading
            after_credits = True
            continue
        elif after_credits:
            # Panels printed after the credits of an infographic: each goes where it weighs.
            section = best_section(text, None, weights)
            state = section if section is not None else state  # type: ignore[assignment]
        elif is_heading and _is_chapter(block) and state not in {"shortcomings", "outlook"} and \
                _starts_overview(text, block, index) and _has_subchapters(blocks, index):
            # 一、2025年工作回顾 over （一）… chapters: the year's work, its sub-headings the chapters.
            state, chapter, chapter_level, seen_work = "overview", None, 3, True
        elif is_heading and _is_chapter(block, chapter_level) and \
                state not in {"shortcomings", "outlook"} and _has(text, words.words("parts", "description")):
            state, chapter, seen_work = "overview", None, True
        elif is_heading and _is_chapter(block, chapter_level) and \
                state not in {"shortcomings", "outlook"}:
            chapter_scores = _chapter_scores(blocks, index, weights)
            chapter = max(chapter_scores.items(), key=lambda item: item[1])[0] \
                if any(chapter_scores.values()) else (chapter or "stability")
            current = chapter
            state = chapter  # type: ignore[assignment]
            seen_work = True
        elif state == "front-matter" and _starts_overview(text, block, index):
            state = "overview"
            seen_work = True
        elif chapter is not None and (state in SECTION_IDS or closing) and \
                text.startswith(tuple(words.words("parts", "address"))):
            # 各位代表，… after the chapters: the closing review of the year, an overview.
            closing = True
            state = _closing_part(text, weights)
        elif closing:
            state = _closing_part(text, weights)
        elif chapter is not None and state in SECTION_IDS:
            moved, current = _moved(text, block, chapter, current or chapter,
                                    _under(blocks, index) if is_heading else "", weights)
            state = moved  # type: ignore[assignment]
        elif state == "front-matter" and block.kind != "title" and not _has(text, words.words(
                "parts", "front_matter")) and index > 0:
            state, seen_work = "overview", True
        parts[block.id] = state
        headings[block.id] = heading
    return Assignment(parts, headings)


def _closing_part(text: str, weights: Weights) -> Part:
    """Return the part of a block of the closing review: overview, unless it is about a section.

    The thanks (…表示衷心感谢) name every body that led, supervised and supported the work: they
    are the review's, never a section's.
    """
    if _has(text, lexicon().words("parts", "thanks")):
        return "overview"
    scores = section_scores(text, weights)
    section, score = max(scores.items(), key=lambda item: item[1])
    return section if score >= 2 * _DECISIVE else "overview"  # type: ignore[return-value]


def _is_appendix(text: str) -> bool:
    return any(text.startswith(word) for word in lexicon().words("parts", "appendix"))


def _is_shortcomings(text: str, block: Block) -> bool:
    """Tell whether a block opens the stated shortcomings, by its words or its first sentence."""
    if block.kind not in {"heading", "paragraph"}:
        return False
    first = re.split(r"[。！？]", text, maxsplit=1)[0]
    return _has(text, lexicon().words("parts", "shortcomings")) or any(
        re.search(pattern, first) for pattern in lexicon().words("parts", "shortcomings_openers"))


def _is_outlook(text: str, block: Block, seen_work: bool) -> bool:
    """Tell whether a block opens the plans for the next year."""
    if not seen_work or not _has(text, lexicon().words("parts", "outlook")):
        return False
    if block.kind == "heading":
        return True
    return block.kind == "paragraph" and len(text) <= 40 and bool(_NEXT_YEAR_HEADING.match(text))


def _opens_plans(text: str, block: Block, state: str) -> bool:
    """Tell whether a paragraph after the shortcomings opens the plans without a heading of
    its own (2026年是“十五五”开局之年。…重点做好以下工作：)."""
    if state != "shortcomings" or block.kind != "paragraph":
        return False
    first = re.split(r"[。！？]", text, maxsplit=1)[0]
    return bool(_NEXT_YEAR_HEADING.match(first)) or _has(text, lexicon().words("parts", "plan_openers"))


def _is_credit(text: str, block: Block) -> bool:
    """Tell whether a block is a byline or a credit standing after the text."""
    if block.kind not in {"paragraph", "caption"} or len(text) > 40:
        return False
    return text.endswith("法院") or _has(text, lexicon().words("parts", "credits"))


def _is_chapter(block: Block, level: int = 2) -> bool:
    """Tell whether a heading is one of the report's numbered chapters (一、 or an 01 panel), or,
    where the year's work is itself a numbered chapter (``level`` 3), one of its （一） sub-headings.
    """
    if block.level == 3 and level == 3:
        return bool(_SUBCHAPTER.match(block.text))
    return block.level == 2 and bool(re.match(r"^(?:[一二三四五六七八九十]+、|\d{2}\s)", block.text))


def _has_subchapters(blocks: Sequence[Block], index: int) -> bool:
    """Tell whether numbered sub-headings (（一）…) stand under the chapter heading at ``index``."""
    for block in blocks[index + 1:]:
        if block.kind == "heading" and block.level <= 2:
            return False
        if block.kind == "heading" and _SUBCHAPTER.match(block.text):
            return True
    return False


def _starts_overview(text: str, block: Block, index: int) -> bool:
    return block.kind == "heading" and _has(text, lexicon().words("parts", "overview"))


def _chapter_scores(blocks: Sequence[Block], index: int, weights: Weights) -> dict[str, float]:
    """Weigh a chapter by its heading, three times; where the heading weighs nothing, or as much
    towards two sections (做实公益诉讼和民事行政检察，守护群众身边的公平正义), the text up to the
    next chapter decides."""
    scores = {section: score * _CHAPTER_WEIGHT
              for section, score in section_scores(blocks[index].text, weights).items()}
    highest = max(scores.values())
    if highest and list(scores.values()).count(highest) == 1:
        return scores
    for block in blocks[index + 1:]:
        if block.kind == "heading" and (block.level <= blocks[index].level or _is_chapter(block)):
            break
        for section, score in section_scores(block.visible_text, weights).items():
            scores[section] += score
    return scores


def _under(blocks: Sequence[Block], index: int) -> str:
    """Return the text of the blocks under the heading at ``index``, up to the next heading."""
    texts: list[str] = []
    for block in blocks[index + 1:]:
        if block.kind == "heading":
            break
        texts.append(block.visible_text)
    return "".join(texts)


def _moved(text: str, block: Block, chapter: str, run: str, under: str,
           weights: Weights) -> tuple[str, str]:
    """Return the section of a block in a chapter, and of the run it leaves for the next blocks.

    A sub-heading that clearly names another section's work (and nothing of the chapter's)
    moves its run there; one weighing more towards the run (by itself, or by what stands under
    it when it names nothing the lexicon knows) continues it; any other sub-heading returns the
    run to its chapter, so one heading never drags the rest of the chapter along. A paragraph
    whose lead sentence clearly names another section moves that paragraph only.
    """
    if block.kind == "heading":
        scores = section_scores(text, weights)
        section, score = max(scores.items(), key=lambda item: item[1])
        if score >= _DECISIVE and scores.get(chapter, 0.0) == 0.0:
            return section, section
        # It goes on with the run only where it, or else what stands under it, weighs more
        # towards the run than towards the chapter.
        weighed = scores if any(scores.values()) else section_scores(under, weights)
        if weighed.get(run, 0.0) > weighed.get(chapter, 0.0):
            return run, run
        return chapter, chapter
    topic = _TOPIC.match(text)
    if topic is not None:
        # 维护安全稳定方面：…: a paragraph naming the work it tells of goes there, whatever the
        # chapter it stands in (a term review's year in brief, section by section).
        scores = section_scores(topic[1], weights)
        section, score = max(scores.items(), key=lambda item: item[1])
        if score >= _DECISIVE:
            return section, run
    match = _LEAD.match(text)
    if match is None:
        return run, run
    scores = section_scores(match.group(), weights)
    section, score = max(scores.items(), key=lambda item: item[1])
    if score >= _DECISIVE and scores.get(chapter, 0.0) == 0.0 and scores.get(run, 0.0) == 0.0:
        return section, run
    return run, run
