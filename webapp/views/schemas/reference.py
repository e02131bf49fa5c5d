"""The glossary and the measures, as the API gives them."""

from __future__ import annotations

from pydantic import Field

from .base import LanguageTag, Schema


class Headwords(Schema):
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(alias="zh-Hant")
    en: str


class TermSource(Schema):
    report: str
    quote: str = Field(description="The report's sentence defining the term, as a reader of "
                                   "the language sees it.")
    url: str


class GlossaryTerm(Schema):
    id: str
    term: str = Field(description="The headword in the language asked for.")
    headwords: Headwords
    forms: list[str] = Field(description="The headword and its aliases in the language.")
    short: str
    explanation: str
    source: TermSource | None
    url: str = Field(description="The term on the site's glossary page.")


class Glossary(Schema):
    language: LanguageTag
    terms: list[GlossaryTerm]


class CaseType(Schema):
    of: str = Field(description="The measure of all cases this one counts a type of.")
    name: str


class Basis(Schema):
    """At what stage of a case's course (or by what act) a count counts: 受理, 新收, 审结 …."""

    id: str
    name: str
    term: str = Field(description="The basis as reports write it, in Simplified Chinese (受理).")
    definition: str
    signals: list[str] = Field(description="The words that state it in a report, in Simplified "
                                           "Chinese; a figure's quote must use one of its "
                                           "measure's basis.")
    parts: list[str] = Field(description="The bases whose counts make it up, type by type "
                                         "(结案 is 审结 of trial cases and 执结 of enforcement).")


class Measure(Schema):
    id: str
    name: str
    definition: str = Field(description="What the measure counts.")
    basis: str = Field(description="The basis it counts on (see `bases`): a comparison's row "
                                   "holds figures of one basis only.")
    unit: str
    aliases: list[str] = Field(description="Phrases reports use for it, in Simplified Chinese.")
    case_type: CaseType | None
    made_of: list[str] = Field(description="The measures that together are this one by "
                                           "definition, of its unit and basis (civil and "
                                           "commercial cases: civil cases, commercial cases); "
                                           "empty for most.")
    reported_by: list[str] = Field(description="The reports that give it, for any year.")


class Measures(Schema):
    language: LanguageTag
    measures: list[Measure]
    bases: list[Basis]
