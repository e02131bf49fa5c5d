"""The API's query parameters: documented from these models, read by the views."""

from __future__ import annotations

from pydantic import Field

from ...search.entries import Kind
from .base import LanguageCode, Schema


class LanguageQuery(Schema):
    lang: LanguageCode = Field(
        "zh-hans", description="The language of texts and formatted numbers. Other spellings of "
                               "the same languages (zh-Hant, zh-TW, EN) are accepted too.")


class CompareQuery(LanguageQuery):
    reports: str | None = Field(
        None, description="Report ids separated by commas (haidian-2023,tibet-2024), in the "
                          "order of the columns. Absent or empty: every report.")
    measures: str | None = Field(
        None, description="Measure ids separated by commas (see /api/v1/measures). Absent or "
                          "empty: every measure any of the reports gives.")


class SearchQuery(LanguageQuery):
    q: str = Field("", description="What to find: words in either Chinese script, pinyin, "
                                   "English, numbers as written (100,344, 10万). 1 to 100 "
                                   "characters; empty or longer is a 400.")
    kind: Kind | None = Field(
        None, description="List every hit of one group, not the first few of each: glossary "
                          "terms (term), or a kind of result in the report ``report`` names. "
                          "A group's ``all`` address says it.")
    report: str | None = Field(None, description="With ``kind`` (not term): the report's id. "
                                                 "An unknown report is a 404.")
    page: int = Field(1, ge=1, description="Which page of results: see ``pages``. A page past "
                                           "the last is a 404.")
