"""Find glossary candidates: quoted terms, and the definitions of an appendix of terms.

Reports put their terms of art in quotation marks (“枫桥经验”, “一站式”) and some define them in
an appendix (有关用语说明: ``1.“浦江经验”：…``). A candidate says where it was found and, when the
site's glossary already knows the term, which entry it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.models import Term
from ..content.sources import SourceText
from ..markup import visible_text
from .lexicon import lexicon

_QUOTED = re.compile(r"“([^“”]+)”")
_DEFINITION = re.compile(r"^\d+[.．、]\s*(?P<term>[^：:]{2,40}?)[：:](?P<definition>.+)$")


@dataclass(frozen=True)
class Candidate:
    """A term the report uses: how often it is quoted, its definition if the report gives one."""

    term: str
    occurrences: int
    definition: str | None = None
    known: str | None = None


def glossary_candidates(source: SourceText, parts: dict[str, str],
                        glossary: Iterable[Term]) -> list[Candidate]:
    """Return the report's glossary candidates: defined terms first, then quoted ones by use."""
    words = lexicon().mapping("glossary")
    known = {form: term.id for term in glossary for form in term.forms("zh-Hans")}
    defined: dict[str, str] = {}
    in_definitions = False
    for block in source.blocks:
        if block.kind == "heading":
            in_definitions = parts.get(block.id) == "appendix" and any(
                word in block.text for word in words["definition_headings"])
            continue
        match = _DEFINITION.match(block.text) if in_definitions else None
        if match:
            term = match["term"].strip()
            quoted = _QUOTED.search(term)
            defined.setdefault(quoted[1] if quoted else term, block.text)
    counts: Counter[str] = Counter(
        term for term in _QUOTED.findall(visible_text(source.text))
        if words["quote_min"] <= len(term) <= words["quote_max"] and not term.isdigit())
    candidates = [Candidate(term, counts.get(term, 0), definition, known.get(term))
                  for term, definition in defined.items()]
    candidates.extend(Candidate(term, count, None, known.get(term))
                      for term, count in counts.most_common() if term not in defined)
    return candidates


def terms_in(text: str, glossary: Iterable[Term]) -> list[str]:
    """Return the ids of glossary terms ``text`` uses, in the glossary's order."""
    return [term.id for term in glossary if any(form in text for form in term.forms("zh-Hans"))]
