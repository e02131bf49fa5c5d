"""The drafter's words, read once from ``data/lexicon.yaml``, and the segmenter that knows them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.yaml"


@dataclass(frozen=True)
class Level:
    ending: str
    zh_hans: str
    en: str


@dataclass(frozen=True)
class Lexicon:
    """Every word list and weight the drafting rules use."""

    data: dict[str, Any]

    def words(self, *path: str) -> list[str]:
        """Return the word list at ``path`` (``words("parts", "outlook")``)."""
        found: Any = self.data
        for key in path:
            found = found[key]
        return list(found)

    def mapping(self, *path: str) -> dict[str, Any]:
        """Return the mapping at ``path``."""
        found: Any = self.data
        for key in path:
            found = found[key]
        return dict(found)

    @property
    def section_weights(self) -> dict[str, dict[str, float]]:
        """Return each section's words and their weights."""
        return {section: {word: float(weight) for word, weight in words.items()}
                for section, words in self.data["sections"].items()}

    @property
    def levels(self) -> list[Level]:
        """Return the court levels in the order their name endings are tried."""
        return [Level(entry["ending"], entry["zh-Hans"], entry["en"]) for entry in self.data["levels"]]


@cache
def lexicon() -> Lexicon:
    """Return the lexicon (read once)."""
    return Lexicon(yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8")))


@cache
def segmenter() -> Any:
    """Return jieba's tokenizer, initialized once, knowing every word of the section lexicon.

    The section words are added to its dictionary so that 诉源治理 or 司法为民 stay one token, and
    the nouns of ``tokens`` (被执行人: its 被 is no passive).
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for words in lexicon().section_weights.values():
        for word in words:
            tokenizer.add_word(word, freq=2000)
    for word in lexicon().words("tokens"):
        tokenizer.add_word(word, freq=2000)
    return tokenizer


def tokens(text: str) -> list[str]:
    """Return the words of ``text`` (jieba, precise mode), without spaces and punctuation."""
    return [token for token in segmenter().lcut(text) if token.strip() and not _is_punctuation(token)]


def _is_punctuation(token: str) -> bool:
    return all(not char.isalnum() for char in token)
