"""Glossary terms: marking them in rendered text, ordering the glossary.

Filtering it is the search's work (``views.search_view.glossary_filter``): a filter reads a
query as the search does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby

from markupsafe import Markup, escape

from .config import SOURCE_TAG
from .content.briefing import SECTION_IDS
from .content.reports import Report
from .content.terms import Term, forms_pattern


class TermMarker:
    """Mark glossary terms in texts, each term only at its first occurrence.

    One marker serves one section of a page: the first occurrence in the section is marked,
    later ones are left as plain text. Matching is by substring for Chinese (it has no word
    boundaries) and by whole word, case-insensitively, for English; at each position the
    longest form wins, and text inside a marked term is never marked again. Without
    ``term_url`` (a printed document) terms are marked for footnotes, not linked.
    """

    def __init__(self, glossary: Sequence[Term], tag: str, scope: str,
                 term_url: Callable[[Term], str] | None, more_label: str = "",
                 close_label: str = "") -> None:
        self.tag = tag
        self.scope = scope
        self.term_url = term_url
        self.more_label = more_label
        self.close_label = close_label
        self.used: list[Term] = []
        self._pattern, self._owners = _term_pattern(tuple(glossary), tag)

    def mark(self, text: str) -> Markup:
        """Return ``text`` escaped, with the first occurrence of each unseen term marked.

        In a printed document a term's note is called where the call keeps apart from what a
        reader copies (``call_position``), not always right after the term.
        """
        if self._pattern is None:
            return escape(text)
        pieces: list[Markup] = []
        calls: list[tuple[int, Markup]] = []  # Notes waiting for their place: (offset, note).
        position = 0
        for match in self._pattern.finditer(text):
            term = self._owners[match.group(0).casefold()]
            if term in self.used:
                continue
            self.used.append(term)
            pieces.append(self._text(text, position, match.start(), calls))
            pieces.append(self._markup(term, match.group(0)))
            if self.term_url is None:
                calls.append((call_position(text, match.start(), match.end()), self._note(term)))
            position = match.end()
        pieces.append(self._text(text, position, len(text), calls))
        return Markup("").join(pieces)

    @staticmethod
    def _text(text: str, start: int, end: int, calls: list[tuple[int, Markup]]) -> Markup:
        """Return ``text[start:end]`` escaped, with the notes called within it put in place.

        A note called within a later marked term waits for the text after it.
        """
        pieces: list[Markup] = []
        while calls and calls[0][0] <= end:
            offset, note = calls.pop(0)
            offset = max(offset, start)
            pieces.append(escape(text[start:offset]))
            pieces.append(note)
            start = offset
        pieces.append(escape(text[start:end]))
        return Markup("").join(pieces)

    def _note(self, term: Term) -> Markup:
        """Return a term's printed note, which the PDF floats to the foot of the page."""
        return Markup('<span class="term__tip" id="{tip}">{name}{short}</span>').format(
            tip=f"tip-{self.scope}-{term.id}", name=self._note_name(term),
            short=term.short.get(self.tag))

    def _markup(self, term: Term, shown: str) -> Markup:
        # On a page the trigger is a link, so the term wraps with the text around it and,
        # without JavaScript, leads to the glossary entry. A printed document has nowhere to
        # link to: there the tooltip becomes a footnote. The note number is shown only in a
        # printed page, where the list of terms after the section stands in for tooltips.
        # The PDF's markup is as lean as it can be: each element costs WeasyPrint time. There
        # the term is its words alone, its note after it: a span around it showed nothing and
        # took 3 % of the Haidian briefing's render (callgrind, zh-Hans: 70 terms).
        if self.term_url is None:
            return escape(shown)
        # The tip's own link leads where the term does: it stays out of the tab order until
        # the tip is opened (site.js), and the close button, useless without JavaScript, stays
        # hidden until then too.
        tip_id = f"tip-{self.scope}-{term.id}"
        values = {"id": term.id, "tip": tip_id, "shown": shown, "number": len(self.used),
                  "short": term.short.get(self.tag)}
        return Markup(
            '<span class="term" data-term="{id}">'
            '<a class="term__trigger" href="{url}" aria-describedby="{tip}"'
            ' aria-expanded="false">{shown}</a>'
            '<sup class="term__ref" aria-hidden="true">{number}</sup>'
            '<span class="term__tip" role="tooltip" id="{tip}">{names}'
            '<span class="term__short">{short}</span>'
            '<a class="term__more" href="{url}" tabindex="-1">{more}</a>'
            '<button class="term__close" type="button" hidden>{close}</button></span></span>'
        ).format(url=self.term_url(term), more=self.more_label, close=self.close_label,
                 names=self._tip_names(term), **values)

    def _tip_names(self, term: Term) -> Markup:
        """Return how a tip names its term: in the page's language and in the other one.

        The text may use an alias or another form, and a reader learning the vocabulary
        needs both names: on an English page the English headword, the Chinese term (in
        Simplified, the report's own script) and its pinyin; on a Chinese page the headword
        in the page's script and its English rendering. Being in the tip, they are also
        what a screen reader gives as the term's description.
        """
        if self.tag == "en":
            return Markup(
                '<span class="term__names"><span class="term__name">{english}</span> '
                '<span class="term__name" lang="{source}">{chinese}</span> '
                '<span class="term__pinyin" lang="zh-Latn-pinyin">{reading}</span></span>'
            ).format(english=term.term.en, source=SOURCE_TAG,
                     chinese=term.term.get(SOURCE_TAG), reading=" ".join(pinyin(term)))
        return Markup(
            '<span class="term__names"><span class="term__name">{chinese}</span> '
            '<span class="term__name" lang="en">{english}</span></span>'
        ).format(chinese=term.term.get(self.tag), english=term.term.en)

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


# Quotation marks and title marks a note's call must not stand inside, opening and closing. The
# single ‘ ’ are left out: ’ is also the English apostrophe.
_OPENING = "“「『《"
_CLOSING = "”」』》"
# Where a clause ends: the Chinese marks always, the Latin ones before a space or the end (not
# the point of 7.258 or the comma of 100,344).
_CLAUSE_END = re.compile(r"[，。；：、！？]|[,.;:!?](?=\s|$)")


def call_position(text: str, start: int, end: int) -> int:
    """Return where the call of the note of the term at ``text[start:end]`` goes.

    Right after the term, unless that would put it where copied text goes wrong: inside a
    quotation (“seven platforms[3]”), where it goes after the closing mark; or right before
    a number (诉前调解[7]25335件), where it goes at the end of the clause, after the number
    and its unit (诉前调解25335件[7]，), outside any quotation that opens on the way.
    """
    position = end
    open_marks = _open_before(text, start)
    if open_marks:
        depth = open_marks
        for index in range(end, len(text)):
            depth += (text[index] in _OPENING) - (text[index] in _CLOSING)
            if depth == 0:
                position = index + 1
                break
        else:
            position = len(text)
    if position < len(text) and text[position].isdigit():
        position = _clause_end(text, position)
    return position


def _open_before(text: str, position: int) -> int:
    """Return how many quotations are open at ``position``."""
    depth = 0
    for char in text[:position]:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
    return depth


def _clause_end(text: str, position: int) -> int:
    """Return the offset of the mark ending the clause at ``position`` outside quotations,
    or the end of the text."""
    depth = 0
    for index in range(position, len(text)):
        char = text[index]
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and _CLAUSE_END.match(text, index):
            return index
    return len(text)


@lru_cache(maxsize=16)
def _term_pattern(glossary: tuple[Term, ...], tag: str) -> tuple[re.Pattern[str] | None,
                                                                dict[str, Term]]:
    owners: dict[str, Term] = {}
    for term in glossary:
        for form in term.forms(tag):
            owners.setdefault(form.casefold(), term)
    if not owners:
        return None, owners
    return forms_pattern(owners, tag), owners


# How much of a text must stand in another, in order, for it to say nothing the other does not.
RESTATEMENT_SHARE = 0.85
_NOT_WORDS = re.compile(r"[\W_]+")


def sort_key(term: Term, tag: str) -> tuple[str, ...]:
    """Order terms by pinyin for Chinese and alphabetically for English."""
    if tag == "en":
        return (term.term.en.casefold().lstrip("\"'“‘"),)
    return tuple(_toneless(syllable) for syllable in pinyin(term))


def ordered(glossary: Sequence[Term], tag: str) -> list[Term]:
    """Return the glossary in reading order for ``tag``."""
    return sorted(glossary, key=lambda term: sort_key(term, tag))


def initial(term: Term, tag: str) -> str:
    """Return the letter a term is indexed under: of its pinyin (Chinese) or its English name.

    A term that opens with a digit or a sign (2+N联动…, 1+N) is indexed under “#”.
    """
    first = next(iter(sort_key(term, tag)[0]), "")
    return first.upper() if first.isascii() and first.isalpha() else "#"


def by_initial(terms: Sequence[Term], tag: str) -> list[tuple[str, list[Term]]]:
    """Group terms already in reading order by their index letter, “#” first."""
    groups = [(letter, list(members)) for letter, members in groupby(terms, lambda t: initial(t, tag))]
    return sorted(groups, key=lambda group: group[0] != "#")


def pinyin(term: Term) -> tuple[str, ...]:
    """Return a term's pinyin, syllable by syllable with tone marks (``fēng qiáo jīng yàn``).

    The reading is pypinyin's unless the glossary gives the term's own (``pinyin``), for the
    characters whose reading depends on the word (调 is tiáo in 诉调对接, not diào).
    """
    if term.pinyin is not None:
        return tuple(term.pinyin.split())
    return _pinyin(term.term.zh_hans)


@lru_cache(maxsize=1024)
def _pinyin(text: str) -> tuple[str, ...]:
    # Terms are few and fixed; every glossary request sorts and filters the same ones.
    # pypinyin is imported here: its dictionaries hold about 55 MB, which a process that only
    # renders PDFs (terms marked, never sorted by pinyin) need not load.
    from pypinyin import Style, lazy_pinyin

    return tuple(syllable.strip() for syllable in lazy_pinyin(text, style=Style.TONE)
                 if syllable.strip())


def _toneless(syllable: str) -> str:
    """Return a syllable without its tone mark (fēng → feng), casefolded."""
    decomposed = unicodedata.normalize("NFD", syllable.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ü", "v")


@dataclass(frozen=True)
class Entry:
    """What the glossary page says about a term in one language, each thing once.

    A text another one shown already says is None: the short definition where the
    explanation holds it, the explanation where it only retells the report's defining quote
    (on Chinese pages, which show that quote in full).
    """

    short: str | None
    explanation: str | None
    quote: str | None


def entry(term: Term, tag: str) -> Entry:
    """Return the texts of a term's glossary entry in ``tag``, leaving out restatements.

    What restates what is judged on the Simplified texts, as they were written; the English,
    translated from them, follows.
    """
    short, explanation = term.short.zh_hans, term.explanation.zh_hans
    quote = term.source.quote_in(SOURCE_TAG) if term.source else None
    quote_in_full = quote is not None and tag != "en"
    fullest = quote if quote_in_full and restates(explanation, quote) else explanation
    short_said = restates(short, fullest)
    # An explanation no longer than the short definition gives way to it, unless the short
    # definition gives way first.
    explanation_said = fullest is not explanation or (
        not short_said and restates(explanation, short))
    return Entry(
        short=None if short_said else term.short.get(tag),
        explanation=None if explanation_said else term.explanation.get(tag),
        quote=term.source.quote_in(tag) if term.source else None,
    )


@lru_cache(maxsize=1024)
def restates(text: str, other: str) -> bool:
    """Tell whether Chinese ``text`` says nothing that ``other`` does not.

    True when most of its characters (punctuation aside) stand in ``other`` in the same order.
    """
    mine, theirs = _NOT_WORDS.sub("", text), _NOT_WORDS.sub("", other)
    if not mine:
        return True
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= RESTATEMENT_SHARE * len(mine)


def backlinks(reports: Iterable[Report]) -> dict[str, list[tuple[Report, str]]]:
    """Map each term id to the report sections that use it, in reading order."""
    links: dict[str, list[tuple[Report, str]]] = {}
    for report in reports:
        for section_id in SECTION_IDS:
            for term_id in report.briefing.sections.get(section_id).terms:
                links.setdefault(term_id, []).append((report, section_id))
    return links
