"""Figures and what they count: units, measures, the bases they count on, the courts counted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, model_validator

from .texts import Model, NonEmpty, Origin, Quoted, Slug, Text, with_converted

FigureSection = Literal["overview", "stability", "economy", "livelihood", "team", "supervision"]
Qualifier = Literal["over", "exceeds", "more-than", "at-least", "reached", "nearly", "about"]


class Unit(Model):
    """A unit: the Chinese measure word and the English noun, singular and plural."""

    id: str
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(default="", alias="zh-Hant")
    en: tuple[str, str]

    @model_validator(mode="before")
    @classmethod
    def _convert(cls, data: Any, info: ValidationInfo) -> Any:
        return with_converted(data, info, "zh-Hans", "zh-Hant")

    def measure(self, tag: str) -> str:
        """Return the Chinese measure word (or, for English, the plural noun)."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant}.get(tag, self.en[1])

    def noun(self, value: Decimal) -> str:
        """Return the English noun agreeing with ``value``."""
        return self.en[0] if value == 1 else self.en[1]


class Change(Model):
    value: Decimal
    unit: str
    direction: Literal["up", "down"]
    basis: Literal["year-on-year"] = "year-on-year"
    written: NonEmpty


class CaseType(Model):
    """The case type a measure counts, within the measure of all cases (``of``)."""

    of: Slug
    name: Text


class Basis(Model):
    """What stage of a case's course (or what act) a count counts: 受理, 新收, 审结, 执结 ….

    ``signals`` are the words that state the basis where a report gives a number (受理案件10万件);
    ``parts`` the bases whose counts make up this one, case type by type (结案 is 审结 of trial
    cases and 执结 of enforcement cases), so that for one type of case this basis's words state
    the part's basis too (刑事案件结案 is 审结刑事案件).
    """

    id: Slug
    name: Text
    definition: Text
    signals: tuple[NonEmpty, ...] = Field(min_length=1)
    parts: tuple[Slug, ...] = ()


class Measure(Model):
    """What a figure counts, named once so that reports can be compared on it.

    ``basis`` (an id of ``bases.yaml``) says at what stage it counts (受理 is not 收案), and
    ``definition`` what it counts, for readers. ``case_type`` says that the measure counts one
    type of case of another measure (criminal cases concluded, of cases concluded): charts
    show a report's caseload by type from these. ``made_of`` names the measures that together
    are this one by definition (民商事 is 民事 and 商事), so that a report stating only the parts
    is shown stating them, never their sum.
    """

    id: Slug
    name: Text
    definition: Text
    basis: Slug
    unit: str
    aliases: tuple[NonEmpty, ...] = ()
    case_type: CaseType | None = None
    made_of: tuple[Slug, ...] = ()


# Whose figures a report gives: the reporting court's own, all courts of its area (全区法院,
# 全国法院, 地方各级人民法院 …), or some courts it names (拉萨、山南法院).
ScopeKind = Literal["court", "all-courts", "some-courts"]


class Scope(Model):
    """The courts a figure counts, with the words the report names them by (``courts``)."""

    kind: ScopeKind
    courts: Text


class Figure(Quoted):
    """A key figure, with the verbatim sentence of the report it comes from."""

    id: Slug
    section: FigureSection
    measure: Slug | None = None
    theme: Slug | None = None
    label: Text
    value: Decimal
    unit: str
    written: NonEmpty
    qualifier: Qualifier | None = None
    change: Change | None = None
    # The year the figure is about, where a report states an earlier year's value (a table
    # of 2022 against 2023); unset, the report's own year.
    year: int | None = None
    # Where the figure counts other courts than the report's ``scope`` (拉萨法院 in a region's).
    scope: Scope | None = None
    # The span the figure counts, where the sentence names one other than the report's year
    # (过去五年, “十四五”时期, 累计, 2021年): such a figure is never the year's.
    period: Text | None = None

    @model_validator(mode="after")
    def _period_is_not_the_year(self) -> Figure:
        if self.period is not None and (self.measure is not None or self.year is not None):
            raise ValueError("a figure with a period counts another span than a year: it takes "
                             "no measure and no year")
        return self

    @property
    def origin(self) -> Origin:
        """Return ``draft`` while the drafter's label stands unchanged (the rest is checked)."""
        return self.label.origin


