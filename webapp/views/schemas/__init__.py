"""The shapes of the API's JSON, as pydantic models: responses are dumped from them, and the
OpenAPI document (``openapi.py``) is generated from their JSON Schema.

A model forbids keys it does not declare, so a presenter that drifts from the documented shape
fails its tests instead of answering with undocumented JSON.
"""

from __future__ import annotations

from .base import ApiError, LanguageCode, LanguageTag, Origin, Schema
from .briefing import (
    Briefing,
    Case,
    Change,
    CitationLinks,
    Correction,
    Delivered,
    Figure,
    Highlight,
    OriginalPublication,
    OriginalTitle,
    Outlook,
    ParagraphsLink,
    ReportList,
    ReportSummary,
    Review,
    Scope,
    Section,
    Source,
    SourceBlock,
    SourceLink,
    Theme,
)
from .comparison import CompareCell, ComparedReport, CompareRow, Comparison, MeasureRef
from .queries import CompareQuery, LanguageQuery, SearchQuery
from .reference import Basis, CaseType, Glossary, GlossaryTerm, Headwords, Measure, Measures, TermSource

__all__ = [
    "ApiError",
    "Basis",
    "Briefing",
    "Case",
    "CaseType",
    "Change",
    "CitationLinks",
    "CompareCell",
    "CompareQuery",
    "CompareRow",
    "ComparedReport",
    "Comparison",
    "Correction",
    "Delivered",
    "Figure",
    "Glossary",
    "GlossaryTerm",
    "Headwords",
    "Highlight",
    "LanguageCode",
    "LanguageQuery",
    "LanguageTag",
    "Measure",
    "MeasureRef",
    "Measures",
    "Origin",
    "OriginalPublication",
    "OriginalTitle",
    "Outlook",
    "ParagraphsLink",
    "ReportList",
    "ReportSummary",
    "Review",
    "Schema",
    "Scope",
    "SearchQuery",
    "Section",
    "Source",
    "SourceBlock",
    "SourceLink",
    "TermSource",
    "Theme",
]
