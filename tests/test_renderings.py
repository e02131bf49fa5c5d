"""The glossary against the attested official English renderings (official-renderings.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.content import load_content
from webapp.content.renderings import RENDERINGS, chinese_forms, english_forms, english_key

from .conftest import edit, problems
from .test_style import SPELLING

GLOSSARY = "glossary.yaml"
TRIBUNAL = "term: {zh-Hans: 枫桥式人民法庭, en: Fengqiao-style people's tribunal}"


def add_row(content_dir: Path, row: str) -> int:
    """Append a row to the fixture's renderings file; return its line."""
    path = content_dir / RENDERINGS
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    ("zh_term", "forms"),
    [
        ("枫桥经验", ("枫桥经验",)),
        # A fuller phrase in （ ） that holds the term is a form of it too; quotation marks go.
        ("普法（“八五”普法规划）", ("普法", "八五普法规划")),
        ("扫黑除恶（常态化开展扫黑除恶斗争）", ("扫黑除恶", "常态化开展扫黑除恶斗争")),
        # A remark is not.
        ("全面从严治党（法院语境：全面从严管党治院）", ("全面从严治党",)),
        ("“放管服”改革", ("放管服改革",)),
    ],
)
def test_chinese_forms_of_a_listed_term(zh_term: str, forms: tuple[str, ...]) -> None:
    assert chinese_forms(zh_term) == forms


@pytest.mark.parametrize(
    ("en_rendering", "forms"),
    [
        ("(eighth five-year plan for) increasing public knowledge of the law",
         {"eighth five-year plan for increasing public knowledge of the law",
          "increasing public knowledge of the law"}),
        ("telecom and cyber fraud; telecommunications and internet/online fraud",
         {"telecom and cyber fraud", "telecommunications and internet fraud",
          "telecommunications and online fraud"}),
        # An explanation in (= …) is no part of the rendering.
        ("the two upholds (= uphold Comrade Xi Jinping's core position ...)", {"the two upholds"}),
    ],
)
def test_english_forms_of_a_rendering(en_rendering: str, forms: set[str]) -> None:
    assert {" ".join(form.split()) for form in english_forms(en_rendering)} == forms


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("combat organized crime", "Combat organised crime"),
        ("the Fengqiao experience", "Fengqiao Experience"),
        ("a holistic approach to national security", "holistic approach to national security"),
        ("the “three provisions”", "three provisions"),
    ],
)
def test_renderings_compare_without_case_article_quotes_or_american_spelling(one: str,
                                                                             other: str) -> None:
    assert english_key(one, SPELLING) == english_key(other, SPELLING)


def test_the_fixture_follows_its_renderings(content_dir: Path) -> None:
    load_content(content_dir)


def test_a_headword_that_departs_is_a_problem_on_its_line(content_dir: Path) -> None:
    row = add_row(content_dir, "枫桥式人民法庭\tFengqiao-style people's tribunals\tsite\t\tT3")
    line = edit(content_dir, GLOSSARY, TRIBUNAL, TRIBUNAL)
    [problem] = problems(content_dir)
    assert problem.startswith(f"glossary.yaml:{line}: [1].term.en: the attested official English "
                              f"of 枫桥式人民法庭 is \"Fengqiao-style people's tribunals\" "
                              f"({RENDERINGS}:{row})")


def test_an_alias_may_carry_the_attested_rendering(content_dir: Path) -> None:
    add_row(content_dir, "枫桥式人民法庭\tFengqiao-style people's tribunals\tsite\t\tT3")
    edit(content_dir, GLOSSARY, TRIBUNAL,
         TRIBUNAL + "\n  aliases: {en: [Fengqiao-style people's tribunals]}")
    load_content(content_dir)


def test_a_departure_with_its_reason_passes(content_dir: Path) -> None:
    add_row(content_dir, "枫桥式人民法庭\tFengqiao-style courts\tsite\t\tT3")
    edit(content_dir, GLOSSARY, TRIBUNAL,
         TRIBUNAL + "\n  departs_from_official: A tribunal is a 法庭, not a court (法院).")
    load_content(content_dir)


def test_a_reason_without_a_departure_is_a_problem(content_dir: Path) -> None:
    line = edit(content_dir, GLOSSARY, TRIBUNAL, TRIBUNAL + "\n  departs_from_official: Why not.")
    assert problems(content_dir) == [
        f"glossary.yaml:{line + 1}: [1].departs_from_official: no term of {RENDERINGS} is a form "
        "of this entry: nothing to depart from"]


def test_a_term_is_held_through_the_fuller_phrase_of_a_row(content_dir: Path) -> None:
    # The row lists 法庭 in the fuller phrase 枫桥式人民法庭, which the entry is.
    add_row(content_dir, "法庭（枫桥式人民法庭）\t(Fengqiao-style) courts\tsite\t\tT3")
    [problem] = problems(content_dir)
    assert "[1].term.en: the attested official English of 法庭 is '(Fengqiao-style) courts'" in problem


def test_an_unverified_rendering_is_not_enforced(content_dir: Path) -> None:
    add_row(content_dir, "结收比\tratio of closure to filing\tpage\tUNVERIFIED\tT3")
    load_content(content_dir)


def test_a_malformed_row_names_its_line(content_dir: Path) -> None:
    row = add_row(content_dir, "结收比\t\tsource\t\tT3")
    assert problems(content_dir) == [
        f"{RENDERINGS}:{row}: (row): needs 5 tab-separated cells, with zh_term and en_rendering "
        "not empty"]
