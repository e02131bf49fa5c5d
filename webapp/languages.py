"""Languages by their codes and tags, the pairs of a bilingual view, and Simplified→Traditional
conversion with curated overrides.

Knows no request: choosing the language of one is the web layer's (``webapp.web.locale``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import opencc
from babel import Locale, UnknownLocaleError

from .config import LANGUAGES, LANGUAGES_BY_CODE, Language

TRADITIONAL_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
# Taiwan-standard character forms without vocabulary localization: s2twp would rewrite
# 支持 → 支援 and 高级人民法院 → 高階人民法院 in official text.
OPENCC_CONFIG = "s2tw"


def language_for_code(code: str | None) -> Language | None:
    """Return the language whose URL code is ``code`` (canonical lowercase spelling only)."""
    return LANGUAGES_BY_CODE.get(code or "")


def language_for_spelling(spelling: str) -> Language | None:
    """Return the language a URL code or any other spelling of it names (``zh-TW``, ``EN``)."""
    return language_for_code(spelling) or language_for_tag(spelling)


def canonical_code(spelling: str) -> str | None:
    """Map another spelling of a language (``zh-Hans``, ``zh_TW``, ``zh-cn``) to its URL code."""
    language = language_for_tag(spelling)
    if language is None or language.code == spelling:
        return None
    return language.code


def language_for_tag(tag: str) -> Language | None:
    """Match one BCP 47 tag to a published language by script, not by string.

    zh-TW, zh-HK and zh-MO are Traditional; zh-CN, zh-SG and bare zh are Simplified.
    """
    try:
        locale = Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if locale.language == "zh":
        script = locale.script or "Hans"
        return next((lang for lang in LANGUAGES if lang.script == script), None)
    return next((lang for lang in LANGUAGES if lang.babel == locale.language), None)


def pairs_with(language: Language, other: Language) -> bool:
    """Tell whether two languages make a bilingual view: one Chinese script beside English."""
    return (language.script is None) != (other.script is None)


def default_companion(language: Language) -> Language:
    """Return the language shown beside ``language`` by default.

    That is English beside Chinese, and the Simplified original beside English.
    """
    return next(other for other in LANGUAGES if pairs_with(language, other))


def companion_for(language: Language, code: str | None) -> Language | None:
    """Return the companion a bilingual URL names (its ``with``), or None for one language.

    Raises ValueError when ``code`` is no language or cannot stand beside ``language``
    (繁體中文 beside 简体中文 would only show the same text twice).
    """
    if code is None:
        return None
    companion = language_for_spelling(code)
    if companion is None or not pairs_with(language, companion):
        raise ValueError(code)
    return companion


def companion_after_switch(language: Language, companion: Language, target: Language) -> Language:
    """Return the companion that keeps the pair when the reader switches to ``target``.

    Switching to the companion swaps the two; switching between the Chinese scripts keeps
    English beside them.
    """
    return next(other for other in (companion, language) if pairs_with(target, other))


class TraditionalConverter:
    """Convert Simplified Chinese to Taiwan-standard Traditional characters.

    ``overrides`` map Simplified phrases that OpenCC gets wrong (总结发布 → 總結髮布) to curated
    forms, and each holds wherever its phrase occurs, even inside a word of OpenCC's dictionary
    (发布 in 发布会): the text is cut at every occurrence (leftmost first, and there the longest
    override), each occurrence takes its curated form, and only the pieces between go through
    OpenCC.
    """

    def __init__(self, overrides: Mapping[str, str]) -> None:
        self._overrides = dict(overrides)
        # Longest first, so that at any position the longest override there wins.
        phrases = sorted(self._overrides, key=len, reverse=True)
        self._phrase = re.compile("|".join(map(re.escape, phrases))) if phrases else None

    def __reduce__(self) -> tuple[type[TraditionalConverter], tuple[dict[str, str]]]:
        """Pickle by the overrides: OpenCC's converter is the process's own, not copied (a build artifact)."""
        return TraditionalConverter, (self._overrides,)

    def convert(self, text: str) -> str:
        """Return ``text`` in Traditional characters, with Taiwan's 「」 quotation marks."""
        pieces: list[str] = []
        end = 0
        for match in self._phrase.finditer(text) if self._phrase else ():
            pieces.append(self._s2tw(text[end:match.start()]))
            pieces.append(self._overrides[match.group()])
            end = match.end()
        pieces.append(self._s2tw(text[end:]))
        return "".join(pieces).translate(TRADITIONAL_QUOTES)

    def _s2tw(self, text: str) -> str:
        """Return ``text`` as OpenCC alone converts it."""
        if not text:
            return text
        return str(_opencc().convert(text))


@functools.cache
def _opencc() -> opencc.OpenCC:
    """Return OpenCC's converter, loaded once a process at its first conversion: a process
    serving a content build converts nothing, and the dictionaries take 0.2–0.4 s to load
    (a reload, or a test session, makes new content with the same converter)."""
    return opencc.OpenCC(OPENCC_CONFIG)
