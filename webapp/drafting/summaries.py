"""Pick the sentences that carry a part of the report: TextRank over its sentences.

Sentences are the nodes; two sentences are linked by the words they share (jieba tokens),
normalized by their lengths as in Mihalcea and Tarau's TextRank (2004). A sentence stating a
figure weighs more, as a reader of a work report looks for its numbers first. The chosen
sentences stay verbatim (markup aside) and in reading order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..content.sources import Block
from .lexicon import tokens
from .numbers import find_figures

_SENTENCE = re.compile(r"[^。！？；!?\n]+[。！？；!?]?")
_DAMPING = 0.85
_ITERATIONS = 30
_FIGURE_BONUS = 0.5
_MIN_CHARS = 8


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block, as a reader sees it (without the source's markup)."""

    text: str
    block: Block
    order: int


def sentences_of(blocks: Sequence[Block]) -> list[Sentence]:
    """Split blocks into their sentences (tables and headings left out)."""
    found: list[Sentence] = []
    for block in blocks:
        if block.kind in {"table", "heading", "title", "caption"}:
            continue
        plain = " ".join(block.visible_text.split())
        plain = re.sub(r"(?<=[\d\u4e00-\u9fff%]) (?=[\d\u4e00-\u9fff%])", "", plain)
        for match in _SENTENCE.finditer(plain):
            text = match.group().strip(" -—•")
            if len(text) >= _MIN_CHARS:
                found.append(Sentence(_closed(text), block, len(found)))
    return found


def _closed(text: str) -> str:
    """End a sentence with 。 (a list item or a ； clause stands alone as a sentence)."""
    text = text.rstrip("；;，, ")
    return text if text[-1] in "。！？!?" else text + "。"


def rank(sentences: Sequence[Sentence]) -> list[float]:
    """Return each sentence's TextRank score."""
    words = [set(tokens(sentence.text)) for sentence in sentences]
    count = len(sentences)
    links: list[list[float]] = [[0.0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            shared = len(words[i] & words[j])
            if shared and len(words[i]) > 1 and len(words[j]) > 1:
                weight = shared / (math.log(len(words[i])) + math.log(len(words[j])))
                links[i][j] = links[j][i] = weight
    totals = [sum(row) for row in links]
    # Each sentence's incoming links, normalized once: the iterations then touch only links.
    incoming = [[(j, links[j][i] / totals[j]) for j in range(count) if links[j][i] and totals[j]]
                for i in range(count)]
    scores = [1.0] * count
    for _ in range(_ITERATIONS):
        scores = [(1 - _DAMPING) + _DAMPING * sum(share * scores[j] for j, share in incoming[i])
                  for i in range(count)]
    return [score + (_FIGURE_BONUS if any(f.key for f in find_figures(s.text)) else 0.0)
            for score, s in zip(scores, sentences, strict=True)]


def ranked(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Return ``sentences`` best-ranked first."""
    if not sentences:
        return []
    scores = rank(sentences)
    return [sentences[index] for index in sorted(range(len(sentences)), key=lambda index: -scores[index])]


def choose(best_first: Sequence[Sentence], limit: int, max_chars: int | None = None) -> list[Sentence]:
    """Return up to ``limit`` of the sentences ranked ``best_first``, in reading order."""
    chosen: list[Sentence] = []
    length = 0
    for sentence in best_first:
        if max_chars is not None and chosen and length + len(sentence.text) > max_chars:
            continue
        chosen.append(sentence)
        length += len(sentence.text)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda sentence: sentence.order)
