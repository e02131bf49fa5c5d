"""The store of recently used values that builds and PDF render processes keep."""

from __future__ import annotations

from webapp.recent import Recent


def test_the_least_recently_used_go_first_beyond_the_size() -> None:
    recent: Recent[int, str] = Recent(2)
    recent.put({1: "one", 2: "two"})
    assert recent.get([1]) == {1: "one"}  # 1 is now the most recently used.
    recent.put({3: "three"})
    assert recent.get([1, 2, 3]) == {1: "one", 3: "three"}


def test_only_what_is_kept_is_given() -> None:
    recent: Recent[tuple[str, str], int] = Recent(4)
    recent.put({("a", "en"): 1})
    assert recent.get([("a", "en"), ("b", "en")]) == {("a", "en"): 1}
