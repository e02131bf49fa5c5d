"""Hold the glossary to the attested official English of the terms ``official-renderings.tsv`` lists.

A researcher quoting a briefing should find a term as official English texts write it (the
Government Work Report's official English, the courts' own English sites). The file lists such
terms, one a row, tab-separated: ``zh_term``, ``en_rendering``, ``source``, ``note``, ``theme``.
Its conventions, read here as they are written there:

- ``zh_term`` is the term, with quotation marks (“放管服”改革) and, in （ ）, either the fuller
  phrase it stands in (普法（“八五”普法规划）, 扫黑除恶（常态化开展扫黑除恶斗争）) or a remark
  (全面从严治党（法院语境：…）); a fuller phrase that holds the term is a form of it too;
- ``en_rendering`` gives alternatives apart by ``;``, optional words in ( ) ("(eighth five-year
  plan for) increasing public knowledge of the law"), alternative words apart by ``/``
  (internet/online) and explanations in ``(= …)``, which are no part of the rendering;
- a ``note`` with ``UNVERIFIED`` marks a rendering seen only on machine-translated pages: not
  attested, so not enforced.

A glossary entry holds a listed term where one of its Chinese forms is the term or its fuller
phrase (quotation marks aside). Its English headword or one of its English aliases must then be
an attested rendering, compared without case, a leading article, quotation marks or hyphens, and
with American spellings read as British (organized crime is organised crime); or the entry says
why not in ``departs_from_official``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .models import Term
from .style import Spelling
from .yamlfile import Indexed, Problem, YamlDocument

RENDERINGS = "official-renderings.tsv"
COLUMNS = ("zh_term", "en_rendering", "source", "note", "theme")
_QUOTES = str.maketrans("", "", "“”‘’\"「」")
_REMARK = re.compile(r"（([^（）]*)）")
_EXPLANATION = re.compile(r"\s*\(=[^()]*\)")
_OPTIONAL = re.compile(r"\(([^()]*)\)")
_CHOICE = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)+")
_ARTICLE = re.compile(r"^(?:the|a|an) ")


@dataclass(frozen=True)
class OfficialRendering:
    """A listed term: its Chinese forms, its renderings as the file writes them, and their forms."""

    line: int
    chinese: tuple[str, ...]
    written: str
    forms: frozenset[str]
    attested: bool


def read_renderings(path: Path, spelling: Spelling | None) -> tuple[list[OfficialRendering],
                                                                     list[Problem]]:
    """Read the renderings file at ``path`` (none if it is absent), with its problems."""
    if not path.is_file():
        return [], []
    renderings: list[OfficialRendering] = []
    problems: list[Problem] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(cells) != COLUMNS:
                problems.append(Problem(RENDERINGS, number, "(header)",
                                        f"columns must be {', '.join(COLUMNS)} (tab-separated)"))
                return [], problems
            continue
        if len(cells) != len(COLUMNS) or not cells[0].strip() or not cells[1].strip():
            problems.append(Problem(RENDERINGS, number, "(row)", f"needs {len(COLUMNS)} "
                                    "tab-separated cells, with zh_term and en_rendering not empty"))
            continue
        renderings.append(OfficialRendering(
            number, chinese_forms(cells[0]), cells[1].strip(),
            frozenset(key for form in english_forms(cells[1]) for key in [english_key(form, spelling)]),
            "UNVERIFIED" not in cells[3]))
    return renderings, problems


def chinese_forms(zh_term: str) -> tuple[str, ...]:
    """Return the forms of a listed term: the term, and the fuller phrase in （ ） that holds it."""
    term = chinese_key(_REMARK.sub("", zh_term))
    fuller = [chinese_key(remark) for remark in _REMARK.findall(zh_term)]
    return (term, *(phrase for phrase in fuller if term in phrase and phrase != term))


def chinese_key(text: str) -> str:
    """Return a Chinese form as compared: without quotation marks or spaces."""
    return "".join(text.translate(_QUOTES).split())


def english_forms(en_rendering: str) -> list[str]:
    """Return every form the renderings of a row allow: each alternative, with and without its
    optional words, and each choice of its alternative words."""
    forms: list[str] = []
    for alternative in en_rendering.split(";"):
        text = _EXPLANATION.sub("", alternative).strip()
        optional = _OPTIONAL.findall(text)
        pieces = _OPTIONAL.split(text)  # text, optional, text, optional, …, text
        for kept in itertools.product((True, False), repeat=len(optional)):
            chosen = "".join(piece if index % 2 == 0 else (piece if kept[index // 2] else "")
                             for index, piece in enumerate(pieces))
            choices = _CHOICE.findall(chosen)
            parts = _CHOICE.split(chosen)
            for picked in itertools.product(*(choice.split("/") for choice in choices)):
                forms.append("".join(itertools.chain.from_iterable(
                    itertools.zip_longest(parts, picked, fillvalue=""))))
    return forms


def english_key(text: str, spelling: Spelling | None) -> str:
    """Return an English form as compared: lower case, British, no article, quotes or hyphens."""
    text = text.replace("’", "'").translate(_QUOTES).replace("-", " ").casefold()
    if spelling is not None:
        text = re.sub(r"[a-z]+", lambda word: spelling.british(word.group(0)) or word.group(0), text)
    return _ARTICLE.sub("", " ".join(text.split()))


def official_problems(document: YamlDocument, glossary: Indexed[Term],
                      renderings: Sequence[OfficialRendering],
                      spelling: Spelling | None) -> list[Problem]:
    """Name each glossary entry that renders a listed term otherwise, without saying why."""
    listed = {form: rendering for rendering in renderings if rendering.attested
              for form in rendering.chinese}
    problems: list[Problem] = []
    for index, term in glossary:
        held = list(dict.fromkeys(listed[form] for form in map(chinese_key, term.forms("zh-Hans"))
                                  if form in listed))
        english = {english_key(form, spelling) for form in term.forms("en")}
        departing = [rendering for rendering in held if not english & rendering.forms]
        if departing and term.departs_from_official is None:
            problems.extend(document.problem((index, "term", "en"), (
                f"the attested official English of {rendering.chinese[0]} is "
                f"{rendering.written!r} ({RENDERINGS}:{rendering.line}): make it the headword or "
                "an alias, or say why not in departs_from_official")) for rendering in departing)
        elif not departing and term.departs_from_official is not None:
            problems.append(document.problem((index, "departs_from_official"), (
                f"the term follows the attested official English ({RENDERINGS})" if held else
                f"no term of {RENDERINGS} is a form of this entry") + ": nothing to depart from"))
    return problems
