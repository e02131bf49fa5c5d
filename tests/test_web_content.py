"""The content an app shows, and what is derived from it once per content (per_content)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.conftest import FIXTURE_CONTENT
from webapp import create_app
from webapp.content.reports import Content
from webapp.web.content import current_content, per_content


def test_per_content_makes_each_key_once_per_content_and_afresh_for_new_content(
        tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path)})
    made: list[tuple[str, Content]] = []

    def make(key: str) -> object:
        def made_from(content: Content) -> object:
            made.append((key, content))
            return object()
        return made_from

    with app.app_context():
        first = per_content("a", make("a"))
        assert per_content("a", make("a")) is first
        other = per_content("b", make("b"))
        assert other is not first
        assert made == [("a", current_content()), ("b", current_content())]
        # Content loaded again (a test's edit, a reload): nothing made from the old is kept.
        app.extensions["content"] = dataclasses.replace(app.extensions["content"])
        again = per_content("a", make("a"))
        assert again is not first
        assert made[-1] == ("a", current_content())
        assert len(made) == 3
