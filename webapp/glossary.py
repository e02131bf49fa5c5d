"""Glossary terms: marking them in rendered text, ordering and filtering the glossary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import opencc
from markupsafe import Markup, escape
from pypinyin import lazy_pinyin

from .config import SOURCE_TAG
from .content.models import SECTION_IDS, Report, Term


class TermMarker:
    """Mark glossary terms in texts, each term only at its first occurrence.

    One marker serves one section of a page: the first occurrence in the section is marked,
    later ones are left as plain text. Matching is by substring for Chinese (it has no word
    boundaries) and by whole word, case-insensitively, for English; at each position the
    longest form wins, and text inside a marked term is never marked again. Without
    ``term_url`` (a printed document) terms are marked for footnotes, not linked.
    """

    def __init__(self, glossary: Sequence[Term], tag: str, scope: str,
                 term_url: Callable[[Term], str] | None, more_label: str = "") -> None:
        self.tag = tag
        self.scope = scope
        self.term_url = term_url
        self.more_label = more_label
        self.used: list[Term] = []
        self._pattern, self._owners = _term_pattern(tuple(glossary), tag)

    def mark(self, text: str) -> Markup:
        """Return ``text`` escaped, with the first occurrence of each unseen term marked."""
        if self._pattern is None:
            return escape(text)
        pieces: list[Markup] = []
        position = 0
        for match in self._pattern.finditer(text):
            term = self._owners[match.group(0).casefold()]
            if term in self.used:
                continue
            self.used.append(term)
            pieces.append(escape(text[position:match.start()]))
            pieces.append(self._markup(term, match.group(0)))
            position = match.end()
        pieces.append(escape(text[position:]))
        return Markup("").join(pieces)

    def _markup(self, term: Term, shown: str) -> Markup:
        # On a page the trigger is a link, so the term wraps with the text around it and,
        # without JavaScript, leads to the glossary entry. A printed document has nowhere to
        # link to: there the tooltip becomes a footnote. The note number is shown only in a
        # printed page, where the list of terms after the section stands in for tooltips.
        # The PDF's markup is as lean as it can be: each element costs WeasyPrint time.
        tip_id = f"tip-{self.scope}-{term.id}"
        values = {"id": term.id, "tip": tip_id, "shown": shown, "number": len(self.used),
                  "short": term.short.get(self.tag)}
        if self.term_url is None:
            return Markup(
                '<span class="term" data-term="{id}">{shown}'
                '<span class="term__tip" id="{tip}">{name}{short}</span></span>'
            ).format(name=self._note_name(term), **values)
        return Markup(
            '<span class="term" data-term="{id}">'
            '<a class="term__trigger" href="{url}" aria-describedby="{tip}"'
            ' aria-expanded="false">{shown}</a>'
            '<sup class="term__ref" aria-hidden="true">{number}</sup>'
            '<span class="term__tip" role="tooltip" id="{tip}">'
            '<span class="term__short">{short}</span>'
            '<a class="term__more" href="{url}">{more}</a></span></span>'
        ).format(url=self.term_url(term), more=self.more_label, **values)

    def _note_name(self, term: Term) -> Markup:
        """Return how a printed note names its term: "简易程序 — summary procedure: ", "简易程序：".

        A note far from its call must say what it explains. English gives the Chinese headword,
        which a reader can find in the report and cite, and its rendering (the text may use an
        alias); Chinese gives the headword in the text's own script, as the text uses it. Plain
        text, not bold: an element in each note made the Haidian PDF about 10 % slower to render.
        """
        if self.tag == "en":
            return Markup("{headword} — {rendering}: ").format(
                headword=term.term.get(SOURCE_TAG), rendering=term.term.en)
        return Markup("{headword}：").format(headword=term.term.get(self.tag))


@lru_cache(maxsize=16)
def _term_pattern(glossary: tuple[Term, ...], tag: str) -> tuple[re.Pattern[str] | None,
                                                                dict[str, Term]]:
    owners: dict[str, Term] = {}
    for term in glossary:
        for form in term.forms(tag):
            owners.setdefault(form.casefold(), term)
    if not owners:
        return None, owners
    alternatives = "|".join(re.escape(form) for form in sorted(owners, key=len, reverse=True))
    if tag == "en":
        # Whole words only: "ban" must not match inside "urban".
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), owners
    return re.compile(alternatives, re.IGNORECASE), owners


def sort_key(term: Term, tag: str) -> tuple[str, ...]:
    """Order terms by pinyin for Chinese and alphabetically for English."""
    if tag == "en":
        return (term.term.en.casefold().lstrip("\"'“‘"),)
    return _pinyin(term.term.zh_hans)


def ordered(glossary: Sequence[Term], tag: str) -> list[Term]:
    """Return the glossary in reading order for ``tag``."""
    return sorted(glossary, key=lambda term: sort_key(term, tag))


@lru_cache(maxsize=1024)
def _pinyin(text: str) -> tuple[str, ...]:
    # Terms are few and fixed; every glossary request sorts and filters the same ones.
    return tuple(lazy_pinyin(text))


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=256)
def _query_forms(query: str) -> tuple[str, ...]:
    """Return the query as typed and in Simplified characters, casefolded (once per query)."""
    needle = query.strip().casefold()
    if not needle:
        return ()
    return (needle, str(_to_simplified().convert(needle)))


def matches(term: Term, query: str) -> bool:
    """Tell whether ``term`` matches a filter query typed in any script.

    楓橋 finds 枫桥经验: the query is also compared in Simplified characters. Pinyin without
    tones matches too (fengqiao).
    """
    forms = _query_forms(query)
    if not forms:
        return True
    haystacks = [
        *term.forms("zh-Hans"), *term.forms("en"), term.short.zh_hans, term.short.en,
        "".join(_pinyin(term.term.zh_hans)),
    ]
    return any(form in hay.casefold() for hay in haystacks for form in forms)


def backlinks(reports: Iterable[Report]) -> dict[str, list[tuple[Report, str]]]:
    """Map each term id to the report sections that use it, in reading order."""
    links: dict[str, list[tuple[Report, str]]] = {}
    for report in reports:
        for section_id in SECTION_IDS:
            for term_id in report.briefing.sections.get(section_id).terms:
                links.setdefault(term_id, []).append((report, section_id))
    return links
