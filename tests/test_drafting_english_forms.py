"""Phrase shapes reports use whatever they count: events listed before 等活动 that those invited
came to, a share of A in B (A在B中的占比), an average time taken on cases: each built only where every
part is known."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label


def english(label: str, unit: str, period: str | None = None) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit, period)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("邀请人大代表、政协委员参加检察开放日、公开听证等活动", "person-times",
     "Deputies to people's congresses and CPPCC members invited to take part in procuratorial open "
     "days, public hearings and other activities"),
    # The last joining verb opens the list; what comes before it is an activity of its own.
    ("邀请人大代表、政协委员视察检察工作、参与公开听证和案件评查等活动", "person-times",
     "Deputies to people's congresses and CPPCC members invited to inspect procuratorial work and "
     "take part in public hearings, case reviews and other activities"),
    ("邀请人民监督员监督案件公开听证、不起诉公开审查等检察办案活动", "case-times",
     "People's supervisors invited to oversee public hearings of cases, public reviews of "
     "non-prosecution and other procuratorial case handling"),
])
def test_events_listed_before_others_of_their_kind(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_an_unknown_event_in_the_list_builds_nothing() -> None:
    assert english("邀请人大代表、政协委员参加检察开放日、某某论坛等活动", "person-times") is None


@pytest.mark.parametrize(("label", "period", "en"), [
    ("醉驾案件在刑事案件中的占比", None, "Drunk driving cases as a share of criminal cases"),
    ("2021年醉驾案件在刑事案件中的占比", "2021年",
     "Drunk driving cases as a share of criminal cases in 2021"),
])
def test_a_share_of_a_part_within_a_whole(label: str, period: str | None, en: str) -> None:
    assert english(label, "percent", period) == en


def test_an_average_time_taken_on_cases() -> None:
    assert english("首次执行案件平均用时", "days") == "Average time taken on first enforcement cases"
