"""Language negotiation, and Simplified→Traditional conversion with curated overrides."""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import opencc
from babel import Locale, UnknownLocaleError
from flask import Flask, g
from flask_babel import Babel
from werkzeug.datastructures import LanguageAccept

from .config import DEFAULT_LANGUAGE, LANGUAGES, LANGUAGES_BY_CODE, Language

TRADITIONAL_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")
# Taiwan-standard character forms without vocabulary localization: s2twp would rewrite
# 支持 → 支援 and 高级人民法院 → 高階人民法院 in official text.
OPENCC_CONFIG = "s2tw.json"


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


def negotiate(accept: LanguageAccept, cookie: str | None) -> Language:
    """Choose a language from the cookie, then Accept-Language, then the default.

    A browser that asks for no Chinese gets English; one that asks for nothing gets the
    default. Malformed values are ignored.
    """
    from_cookie = language_for_code(cookie)
    if from_cookie is not None:
        return from_cookie
    ranked = sorted(
        ((quality, index, tag) for index, (tag, quality) in enumerate(accept)
         if quality > 0 and _LANGUAGE_TAG.match(tag)),
        key=lambda item: (-item[0], item[1]),
    )
    for _quality, _index, tag in ranked:
        language = language_for_tag(tag)
        if language is not None:
            return language
    if ranked:
        return LANGUAGES_BY_CODE["en"]
    return DEFAULT_LANGUAGE


class TraditionalConverter:
    """Convert Simplified Chinese to Taiwan-standard Traditional characters.

    ``overrides`` map phrases that OpenCC gets wrong (于某某 → 於某某, 总结发布 → 總結髮布) to
    curated forms. They go first in segmentation and in the first conversion stage, and each
    output is mapped to itself in every later stage, so nothing rewrites it again.
    """

    def __init__(self, overrides: Mapping[str, str]) -> None:
        self.overrides = dict(overrides)
        config = _config_with_overrides(self.overrides)
        handle, path = tempfile.mkstemp(prefix="opencc-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(config, file, ensure_ascii=False)
            self._opencc = opencc.OpenCC(path)
        finally:
            os.unlink(path)

    def convert(self, text: str) -> str:
        """Return ``text`` in Traditional characters, with Taiwan's 「」 quotation marks."""
        return str(self._opencc.convert(text)).translate(TRADITIONAL_QUOTES) if text else text


def _config_with_overrides(overrides: Mapping[str, str]) -> dict[str, Any]:
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = json.loads((share / OPENCC_CONFIG).read_text(encoding="utf-8"))
    for stage in _dicts(config):
        if stage.get("type") == "ocd2":
            stage["file"] = str(share / stage["file"])
    if not overrides:
        return dict(config)
    first = {"type": "inline", "entries": dict(overrides)}
    identity = {"type": "inline", "entries": {value: value for value in overrides.values()}}
    config["segmentation"]["dict"] = _first_match(copy.deepcopy(first), config["segmentation"]["dict"])
    chain = config["conversion_chain"]
    chain[0]["dict"] = _first_match(first, chain[0]["dict"])
    for stage in chain[1:]:
        stage["dict"] = _first_match(copy.deepcopy(identity), stage["dict"])
    return dict(config)


def _first_match(*dicts: dict[str, Any]) -> dict[str, Any]:
    """Group dictionaries so that the first one holding a phrase decides it."""
    return {"type": "group", "match_policy": "short_circuit", "dicts": list(dicts)}


def _dicts(config: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Yield every dictionary of an OpenCC config, nested groups included."""
    pending = [stage["dict"] for stage in config.get("normalization", [])]
    pending.append(config["segmentation"]["dict"])
    pending.extend(stage["dict"] for stage in config["conversion_chain"])
    while pending:
        entry = pending.pop()
        yield entry
        pending.extend(entry.get("dicts", []))


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the language the URL names."""
    Babel(app, locale_selector=select_locale)


def current_language() -> Language:
    """Return the language of the current request (from its URL), or the default."""
    language: Language = g.get("language", DEFAULT_LANGUAGE)
    return language


def select_locale() -> str:
    """Return exactly the catalog id (``zh_Hant``, never ``zh_Hant_TW``)."""
    return current_language().babel
