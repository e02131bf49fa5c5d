"""The original publication and the corrections log in briefing.yaml: checked as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BRIEFING, edit, problems

LOCATED = """original:
  status: located
  publisher: {zh-Hans: 示例区人民法院, en: Sample District People's Court}
  url: https://court.example.org/reports/2023?id=1&lang=zh
  published: 2024-01-08
  retrieved: 2024-02-01
"""


def with_original(content_dir: Path, text: str) -> int:
    """Put ``text`` in place of the fixture's original; return the line it starts on."""
    return edit(content_dir, BRIEFING, LOCATED, text)


def test_an_original_address_must_be_https(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "url: https://court.example.org", "url: http://court.example.org")
    found = problems(content_dir)
    assert any(problem.startswith(f"{BRIEFING}:{line}: original.url: ") and "not an https address"
               in problem for problem in found), found


@pytest.mark.parametrize(("text", "offset", "message"), [
    ("original:\n  status: located\n  url: https://example.org/r\n",
     0, "original: Value error, a located original needs publisher, retrieved"),
    ("original:\n  status: not-located\n  url: https://example.org/r\n",
     0, "original: Value error, an original not located has no url (set status: located)"),
    ("original:\n  status: located\n  publisher: {zh-Hans: 某报, en: A Daily}\n"
     "  url: https://example.org/r\n  published: 2024-02-01\n  retrieved: 2024-01-01\n",
     0, "original: Value error, retrieved is before published"),
    ("original:\n  status: located\n  publisher: {zh-Hans: 某报, en: A Daily}\n"
     "  url: https://example.org/r\n  retrieved: 2024-13-01\n", 4, "original.retrieved: "),
    ("original:\n  status: found\n", 1, "original.status: "),
])
def test_an_original_is_located_in_full_or_not_at_all(content_dir: Path, text: str, offset: int,
                                                       message: str) -> None:
    line = with_original(content_dir, text)
    found = problems(content_dir)
    assert any(problem.startswith(f"{BRIEFING}:{line + offset}: {message}") for problem in found), found


def test_an_original_not_located_may_say_where_it_was_looked_for(content_dir: Path) -> None:
    with_original(content_dir, "original:\n  status: not-located\n"
                               "  searched: {zh-Hans: 法院网站, en: the court's website}\n")
    from webapp.content import load_content
    original = load_content(content_dir).reports["sample-2023"].briefing.original
    assert not original.located and original.searched and original.searched.en == "the court's website"


def test_every_briefing_says_where_its_original_is(content_dir: Path) -> None:
    with_original(content_dir, "")
    assert f"{BRIEFING}:1: original: missing" in problems(content_dir)


def test_a_correction_comes_with_a_revision(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "  - date: 2024-03-15\n    note: {zh-Hans: 更正",
                "  - date: 2024-03-16\n    note: {zh-Hans: 更正")
    assert f"{BRIEFING}:{line}: corrections[0].date: no revision on 2024-03-16: add one for " \
           "the version the correction made" in problems(content_dir)


def test_corrections_are_listed_oldest_first(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "corrections:\n", "corrections:\n  - date: 2024-02-01\n"
         "    note: {zh-Hans: 更正标签。, en: A label corrected.}\n")
    edit(content_dir, BRIEFING, "  - date: 2024-02-01\n    note: {zh-Hans: 更正标签。",
         "  - date: 2024-03-15\n    note: {zh-Hans: 更正标签。")
    line = edit(content_dir, BRIEFING, "  - date: 2024-03-15\n    note: {zh-Hans: 更正商事",
                "  - date: 2024-02-01\n    note: {zh-Hans: 更正商事")
    assert f"{BRIEFING}:{line}: corrections[1].date: corrections are listed oldest first" in \
        problems(content_dir)


def test_a_correction_note_follows_the_english_style(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "en: The label of the commercial cases figure corrected.",
                "en: The label of the commercial cases figure was corrected to “organize”.")
    assert any(problem.startswith(f"{BRIEFING}:{line}: corrections[0].note.en: ")
               and "organise" in problem for problem in problems(content_dir))
