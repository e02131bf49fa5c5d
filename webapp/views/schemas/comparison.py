"""Reports side by side on their measures, as the API gives them."""

from __future__ import annotations

from pydantic import Field

from ...content.models import DocumentKind
from .base import LanguageTag, Schema
from .briefing import Figure, Scope


class ComparedReport(Schema):
    id: str
    title: str
    court: str = Field(description="The court that reports; its figures may count more courts "
                                   "(`scope`).")
    level: str
    region: str
    year: int
    scope: Scope = Field(description="The courts the report's figures count.")
    document_kind: DocumentKind = Field(description="What the briefing rests on: the full text, "
                                                    "or the official infographic only.")
    url: str


class MeasureRef(Schema):
    id: str
    name: str
    unit: str
    definition: str = Field(description="What the measure counts.")
    basis: str = Field(description="The one basis every figure of the row counts on (see "
                                   "/api/v1/measures).")
    basis_name: str


class CompareCell(Schema):
    """What one report states for one measure: nothing is estimated where it states nothing."""

    report: str
    scope: Scope = Field(description="The courts the cell's figures count: the report's, or "
                                     "others where a figure says so.")
    figure: Figure | None = Field(description="The figure for the report's own year; null if "
                                              "the report does not give it.")
    previous_year: Figure | None = Field(description="The figure for the year before, where the "
                                                     "report states it; never worked out from a "
                                                     "rate.")
    parts: list[Figure] = Field(description="Where `figure` is null but the report states every "
                                            "measure the measure is made of (`made_of`) for its "
                                            "year, of the same courts: those figures, in the "
                                            "order of `made_of`, each with its sentence. Never "
                                            "added up; empty otherwise.")


class CompareRow(Schema):
    measure: MeasureRef
    cells: list[CompareCell] = Field(description="One per report, in the order of `reports`.")


class Comparison(Schema):
    language: LanguageTag
    reports: list[ComparedReport]
    levels_differ: bool = Field(description="Whether the courts are of different levels.")
    scopes_differ: bool = Field(description="Whether the reports' figures count different courts "
                                            "(one court's own, all courts of a region …).")
    periods_differ: bool = Field(description="Whether the reports cover different years.")
    rows: list[CompareRow]
