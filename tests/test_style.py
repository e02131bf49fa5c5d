"""The English style of content texts: one rendering per term, British spelling, curly quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.content import load_content
from webapp.content.style import EnglishStyle, Spelling, quotation_problems

from .conftest import BRIEFING, FIXTURE_CONTENT, edit, problems

SPELLING = Spelling.model_validate({
    "words": {"center": "centre", "toward": "towards", "percent": "per cent"},
    "endings": {"ize": "ise", "ized": "ised", "ization": "isation", "yze": "yse"},
    "except": ["size", "prize"],
    "names": ["World Health Organization"],
})


@pytest.fixture(scope="module")
def style() -> EnglishStyle:
    """The rules over the fixture glossary: 枫桥经验, 枫桥式人民法庭 and 结收比."""
    return EnglishStyle(load_content(FIXTURE_CONTENT).glossary, SPELLING)


@pytest.mark.parametrize(
    ("zh_hans", "en"),
    [
        ("结收比105.5%。", "The closure-to-filing ratio was 105.5%."),
        # Case does not matter; a declared alias is a form of the term.
        ("结收比105.5%。", "Closure-To-Filing Ratio: 105.5%."),
        ("坚持枫桥经验。", "It upheld the Fengqiao model."),
        # 枫桥式人民法庭 holds 枫桥 (a form of 枫桥经验), but the longest form is the term found.
        ("建设枫桥式人民法庭。", "It built a Fengqiao-style people's tribunal."),
        ("审结商事案件。", "Commercial cases were concluded."),
    ],
)
def test_term_rendered_in_one_of_its_forms(style: EnglishStyle, zh_hans: str, en: str) -> None:
    assert style.term_problems(zh_hans, en) == []


@pytest.mark.parametrize(
    ("zh_hans", "en", "term_id"),
    [
        ("结收比105.5%。", "The ratio of cases closed to cases filed was 105.5%.", "hostile"),
        # Whole words, as the glossary marker finds them: a plural needs its own alias.
        ("结收比105.5%。", "The closure-to-filing ratios rose.", "hostile"),
        ("坚持枫桥经验。", "It upheld the Maple Bridge approach.", "fengqiao-experience"),
    ],
)
def test_term_in_another_rendering_is_a_problem(style: EnglishStyle, zh_hans: str, en: str,
                                                term_id: str) -> None:
    [problem] = style.term_problems(zh_hans, en)
    assert f"(glossary term {term_id!r})" in problem


def test_a_term_may_call_itself_it_in_its_own_definition(style: EnglishStyle) -> None:
    assert style.term_problems("枫桥经验的要旨。", "Its gist.", own="fengqiao-experience") == []
    assert style.term_problems("枫桥经验的要旨。", "Its gist.", own="hostile") != []


def test_term_problem_names_file_line_and_field(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "en: The closure-to-filing ratio was 105.5%.",
                "en: The ratio of cases closed to cases filed was 105.5%.")
    assert (f"{BRIEFING}:{line}: sections.stability.highlights[1].en: zh-Hans has 结收比 (glossary "
            "term 'hostile') but en has none of its English forms: closure-to-filing ratio"
            ) in problems(content_dir)


def test_term_rule_covers_figure_labels_and_glossary_texts(content_dir: Path) -> None:
    label = edit(content_dir, BRIEFING, "label: {zh-Hans: 结收比, en: Closure-to-filing ratio}",
                 "label: {zh-Hans: 结收比, en: Cases closed per case filed}")
    short = edit(content_dir, "glossary.yaml",
                 "short: {zh-Hans: 践行枫桥经验的人民法庭。, en: \"A people's tribunal that applies the "
                 "Fengqiao Experience.\"}",
                 "short: {zh-Hans: 践行枫桥经验的人民法庭。, en: \"A people's tribunal that applies it.\"}")
    found = problems(content_dir)
    assert any(p.startswith(f"{BRIEFING}:{label}: figures[1].label.en: zh-Hans has 结收比") for p in found)
    assert any(p.startswith(f"glossary.yaml:{short}: [1].short.en: zh-Hans has 枫桥经验 (glossary term "
                            "'fengqiao-experience')") for p in found)


@pytest.mark.parametrize(
    ("word", "british"),
    [("organized", "organised"), ("Modernization", "Modernisation"), ("CENTER", "CENTRE"),
     ("analyze", "analyse"), ("toward", "towards"), ("percent", "per cent"),
     ("size", None), ("prize", None), ("organised", None), ("centre", None), ("rise", None)],
)
def test_british_spelling(word: str, british: str | None) -> None:
    assert SPELLING.british(word) == british


def test_spelling_problems_name_the_british_word(style: EnglishStyle) -> None:
    assert style.spelling_problems("A well-organized centre, organized toward reform.") == [
        "American spelling 'organized': write 'organised' (British spelling)",
        "American spelling 'toward': write 'towards' (British spelling)",
    ]
    assert style.spelling_problems("The World Health Organization's prize.") == []


def test_spelling_problem_in_a_briefing_and_in_a_glossary_alias(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "en: Team building.}", "en: Team organization.}")
    alias = edit(content_dir, "glossary.yaml", "en: [Fengqiao model]", "en: [Fengqiao center]")
    found = problems(content_dir)
    assert (f"{BRIEFING}:{line}: sections.team.summary.en: American spelling 'organization': "
            "write 'organisation' (British spelling)") in found
    assert (f"glossary.yaml:{alias}: [0].aliases.en[0]: American spelling 'center': write 'centre' "
            "(British spelling)") in found


def test_spelling_entries_are_lower_case(content_dir: Path) -> None:
    line = edit(content_dir, "spelling.yaml", "  center: centre", "  Center: centre")
    assert any(p.startswith(f"spelling.yaml:{line}: words.Center") for p in problems(content_dir))


@pytest.mark.parametrize(
    "en",
    ["The “Four Unifications”, in “‘two zones’ work”.", "People's assessors; the judges' meetings.",
     "A ‘first-responsibility’ rule.", "No quotation marks at all."],
)
def test_curly_paired_quotation_marks_pass(en: str) -> None:
    assert quotation_problems(en) == []


@pytest.mark.parametrize(
    ("en", "problem"),
    [
        ('The "Five Stories".', 'straight double quote ": write “ ” (curly)'),
        ("A 'Feng' scene.", "straight single quotation mark ': write ‘ ’ (curly; ' is only an apostrophe)"),
        ("The “Five Stories.", "“ is never closed"),
        ("The Five Stories”.", "” closes no “"),
        ("“A ‘b” c.", "” closes no “"),
        ("People’s courts.", "curly apostrophe ’ inside a word: write ' (People's)"),
        ("The judges’ meetings.", "’ closes no ‘"),
    ],
)
def test_straight_or_unpaired_quotation_marks_are_problems(en: str, problem: str) -> None:
    assert problem in quotation_problems(en)


def test_quotation_problem_names_file_line_and_field(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, 'summary: {zh-Hans: 队伍建设。, en: Team building.}',
                'summary: {zh-Hans: 队伍建设。, en: "Team \\"building\\"."}')
    assert (f"{BRIEFING}:{line}: sections.team.summary.en: straight double quote \": write “ ” (curly)"
            ) in problems(content_dir)
