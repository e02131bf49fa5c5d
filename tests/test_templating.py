"""What templates may call (webapp/views/templating.py)."""

from __future__ import annotations

import datetime

from flask import Flask

from webapp.config import LANGUAGES
from webapp.views.templating import long_date
from webapp.web.locale import rendering_in


def test_a_long_date_is_each_languages_own(fixture_app: Flask) -> None:
    # Formatted once per date and language: never one language's date in another's.
    said = {}
    with fixture_app.test_request_context():
        for _round in range(2):
            for language in LANGUAGES:
                with rendering_in(language):
                    said[language.code] = long_date(datetime.date(2024, 1, 5))
    assert said == {"zh-hans": "2024年1月5日", "zh-hant": "2024年1月5日", "en": "5 January 2024"}
