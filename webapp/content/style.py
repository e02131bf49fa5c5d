"""Check the English of content texts: one rendering per term, British spelling, curly quotes.

A researcher cites one rendering of a term, so every English text follows three rules, each
general enough for reports not yet written:

- Terms: where a text's zh-Hans holds a glossary term's Chinese form, its en holds one of the
  term's English forms (headword or declared alias). Forms are found as the glossary marker finds
  them, so a text that passes is one whose term the marker can mark in both languages: Chinese
  forms by substring with the longest winning where two overlap (2+N联动联治诉源治理机制 is the
  2+N mechanism, not also 诉源治理), English forms as whole words, case-insensitively. A term's
  own short and explanation are exempt from that term: Chinese repeats a term where English says
  "it", and a short form can sit inside a name there (枫桥 in 枫桥镇, Fengqiao Town).
- Spelling: British, with -ise (organise, modernisation). The words and endings that are
  American are data (``content/spelling.yaml``); each problem names the British spelling.
- Quotation marks: curly “ ” and ‘ ’, in pairs; no straight double quotes, and a straight single
  quote only as an apostrophe (People's, judges').
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from .models import Briefing, Model, NonEmpty, Term, forms_pattern
from .yamlfile import FieldPath, Indexed, Problem, YamlDocument

SPELLING = "spelling.yaml"
_WORD = re.compile(r"[A-Za-z]+")
# A straight ' opening a quotation: at the start of a word, not inside one (People's) or after
# one (judges').
_STRAIGHT_OPENING_SINGLE = re.compile(r"(?<![\w'])'(?=\w)")
_PAIRS = {"”": "“", "’": "‘"}
# Entries are compared with casefolded words of a text: an entry in capitals would never match.
LowerWord = Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]


class Spelling(Model):
    """American spellings and their British forms, as ``spelling.yaml`` lists them."""

    words: dict[LowerWord, NonEmpty]
    endings: dict[LowerWord, NonEmpty]
    exceptions: tuple[LowerWord, ...] = Field(default=(), alias="except")
    names: tuple[NonEmpty, ...] = ()

    def british(self, word: str) -> str | None:
        """Return the British spelling of an American ``word``, or None if it is not American."""
        lower = word.casefold()
        if lower in self.exceptions:
            return None
        british = self.words.get(lower)
        if british is None:
            ending = next((ending for ending in sorted(self.endings, key=len, reverse=True)
                           if lower.endswith(ending) and len(lower) > len(ending)), None)
            if ending is None:
                return None
            british = lower[: -len(ending)] + self.endings[ending]
        if word.isupper() and len(word) > 1:
            return british.upper()
        return british[0].upper() + british[1:] if word[0].isupper() else british


class EnglishStyle:
    """The three rules, set up once for a glossary and a spelling list."""

    def __init__(self, glossary: Sequence[Term], spelling: Spelling | None) -> None:
        self.spelling = spelling
        self._owners = {form.casefold(): term for term in glossary for form in term.forms("zh-Hans")}
        self._chinese = forms_pattern(self._owners, "zh-Hans") if self._owners else None
        self._english = {term.id: forms_pattern(term.forms("en"), "en") for term in glossary}

    def briefing_problems(self, document: YamlDocument, briefing: Briefing) -> list[Problem]:
        """Return the style problems of every text of a briefing (English awaiting a draft aside)."""
        return [document.problem(field, message)
                for field, text in texts(briefing.model_dump(by_alias=True)) if text["en"]
                for message in self.text_problems(text["zh-Hans"], text["en"])]

    def glossary_problems(self, document: YamlDocument, glossary: Indexed[Term]) -> list[Problem]:
        """Return the style problems of every text and English alias of the glossary."""
        problems: list[Problem] = []
        for index, term in glossary:
            for field, text in texts(term.model_dump(by_alias=True), (index,)):
                problems.extend(document.problem(field, message) for message in
                                self.text_problems(text["zh-Hans"], text["en"], own=term.id))
            for number, alias in enumerate(term.aliases.en):
                problems.extend(document.problem((index, "aliases", "en", number), message)
                                for message in self.english_problems(alias))
        return problems

    def text_problems(self, zh_hans: str, en: str, own: str | None = None) -> list[str]:
        """Return what is wrong with the English of a text (``own``: the term it defines)."""
        return [*self.term_problems(zh_hans, en, own), *self.english_problems(en)]

    def term_problems(self, zh_hans: str, en: str, own: str | None = None) -> list[str]:
        """Name each glossary term of ``zh_hans`` that ``en`` renders in none of its forms."""
        if self._chinese is None:
            return []
        problems: list[str] = []
        seen: set[str] = set()
        for match in self._chinese.finditer(zh_hans):
            term = self._owners[match.group(0).casefold()]
            if term.id in seen or term.id == own:
                continue
            seen.add(term.id)
            if not self._english[term.id].search(en):
                forms = " | ".join(term.forms("en"))
                problems.append(f"zh-Hans has {match.group(0)} (glossary term {term.id!r}) but en has "
                                f"none of its English forms: {forms}")
        return problems

    def english_problems(self, en: str) -> list[str]:
        """Return the spelling and quotation-mark problems of an English text."""
        return [*self.spelling_problems(en), *quotation_problems(en)]

    def spelling_problems(self, en: str) -> list[str]:
        """Name each American spelling in ``en`` once, with its British spelling."""
        if self.spelling is None:
            return []
        for name in self.spelling.names:
            en = en.replace(name, " ")
        problems: list[str] = []
        for word in dict.fromkeys(_WORD.findall(en)):
            british = self.spelling.british(word)
            if british is not None:
                problems.append(f"American spelling {word!r}: write {british!r} (British spelling)")
        return problems


def quotation_problems(en: str) -> list[str]:
    """Name straight quotation marks and curly ones that are not paired in ``en``."""
    problems: list[str] = []
    if '"' in en:
        problems.append('straight double quote ": write “ ” (curly)')
    if _STRAIGHT_OPENING_SINGLE.search(en):
        problems.append("straight single quotation mark ': write ‘ ’ (curly; ' is only an apostrophe)")
    open_marks: list[str] = []
    for index, mark in enumerate(en):
        if mark in "“‘":
            open_marks.append(mark)
        elif mark == "’" and en[index - 1:index].isalpha() and en[index + 1:index + 2].isalpha():
            problems.append("curly apostrophe ’ inside a word: write ' (People's)")
        elif mark in _PAIRS:
            if open_marks and open_marks[-1] == _PAIRS[mark]:
                open_marks.pop()
            else:
                problems.append(f"{mark} closes no {_PAIRS[mark]}")
    problems.extend(f"{mark} is never closed" for mark in open_marks)
    return problems


def texts(data: Any, field: FieldPath = ()) -> Iterator[tuple[FieldPath, dict[str, str]]]:
    """Find every text (a mapping with zh-Hans and en) in dumped content, with its en field."""
    if isinstance(data, dict):
        if isinstance(data.get("zh-Hans"), str) and isinstance(data.get("en"), str):
            yield (*field, "en"), data
            return
        for key, value in data.items():
            yield from texts(value, (*field, key))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from texts(value, (*field, index))
