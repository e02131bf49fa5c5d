"""Citations: the report first, then the briefing of it, as BibTeX and CSL-JSON.

A plain library (no Flask): the caller passes the language, the addresses and the few words a
citation needs in that language. What it says of the report is only what the briefing records:
a delivery date or occasion the report does not state is left out, never guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from .content.reports import Report

# What a reader of each language is given as the report's title: always the title as
# published, and for readers of English its rendering beside it, in brackets (as APA does).
RENDERED_FOR = ("en",)
# Characters BibTeX and LaTeX read as commands, and what stands for each in a field's text.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIALS = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIAL))
# A URL field is read verbatim, but its braces must balance: these are percent-encoded.
_URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}


@dataclass(frozen=True)
class ReportReference:
    """The report as a citation names it, in one language."""

    key: str
    court: str
    title: str
    title_rendered: str | None
    delivered: datetime.date | None
    occasion: str | None
    infographic: bool
    original_url: str | None
    publisher: str | None
    published: datetime.date | None
    retrieved: datetime.date | None

    @property
    def full_title(self) -> str:
        """Return the title as published, with its rendering in brackets where there is one."""
        return f"{self.title} [{self.title_rendered}]" if self.title_rendered else self.title

    @property
    def issued(self) -> datetime.date | None:
        """Return the report's date: its publication's where known, else the day it was delivered."""
        return self.published or self.delivered


@dataclass(frozen=True)
class BriefingReference:
    """The briefing as a citation names it: its address, version, last change and access."""

    key: str
    publisher: str
    site: str
    title: str
    url: str
    version: int
    changed: datetime.date
    accessed: datetime.date
    language: str


def report_reference(report: Report, tag: str) -> ReportReference:
    """Return what a citation in ``tag`` says of ``report`` itself."""
    briefing = report.briefing
    delivered = briefing.delivered
    original = briefing.original
    return ReportReference(
        key=report.id,
        court=briefing.court.shown_in(tag)[0],
        title=briefing.original_title.zh_hans,
        title_rendered=briefing.original_title.en if tag in RENDERED_FOR else None,
        delivered=delivered.date if delivered else None,
        occasion=delivered.occasion.shown_in(tag)[0] if delivered and delivered.occasion else None,
        infographic=briefing.document_kind == "infographic",
        original_url=original.url,
        publisher=original.publisher.shown_in(tag)[0] if original.publisher else None,
        published=original.published,
        retrieved=original.retrieved,
    )


def briefing_reference(report: Report, tag: str, code: str, *, url: str, site: str,
                       publisher: str, accessed: datetime.date) -> BriefingReference:
    """Return what a citation in ``tag`` (URL code ``code``) says of the briefing of ``report``."""
    return BriefingReference(
        key=f"{report.id}-briefing-{code}", publisher=publisher, site=site,
        title=report.briefing.title.shown_in(tag)[0], url=url, version=report.version,
        changed=report.last_changed, accessed=accessed, language=tag)


def bibtex(report: ReportReference, briefing: BriefingReference, not_located: str,
           genre: str = "") -> str:
    """Return the report and its briefing as two BibTeX entries (biblatex field names).

    ``not_located`` is the note, in the citation's language, for a report whose original
    publication has not been found; ``genre`` names what the cited document is where it is not
    the report's full text (its official infographic summary), in that language.
    """
    report_fields: list[tuple[str, str]] = [
        ("author", "{" + _bibtex_text(report.court) + "}"),
        ("title", "{" + _bibtex_text(report.full_title) + "}"),
    ]
    if report.issued:
        report_fields += [("date", report.issued.isoformat()), ("year", str(report.issued.year))]
    if report.occasion:
        report_fields.append(("eventtitle", _bibtex_text(report.occasion)))
    if report.delivered:
        report_fields.append(("eventdate", report.delivered.isoformat()))
    if report.publisher:
        report_fields.append(("publisher", _bibtex_text(report.publisher)))
    if report.original_url:
        report_fields.append(("url", _bibtex_url(report.original_url)))
        if report.retrieved:
            report_fields.append(("urldate", report.retrieved.isoformat()))
    else:
        report_fields.append(("note", _bibtex_text(not_located)))
    if genre:
        report_fields.append(("type", _bibtex_text(genre)))
    report_fields.append(("langid", "chinese"))
    briefing_fields = [
        ("author", "{" + _bibtex_text(briefing.publisher) + "}"),
        ("title", "{" + _bibtex_text(briefing.title) + "}"),
        ("organization", _bibtex_text(briefing.site)),
        ("version", str(briefing.version)),
        ("date", briefing.changed.isoformat()),
        ("year", str(briefing.changed.year)),
        ("url", _bibtex_url(briefing.url)),
        ("urldate", briefing.accessed.isoformat()),
        ("language", _bibtex_text(briefing.language)),
        ("related", report.key),
    ]
    return _entry("misc", report.key, report_fields) + "\n" + \
        _entry("online", briefing.key, briefing_fields)


def csl_json(report: ReportReference, briefing: BriefingReference, not_located: str,
             genre: str = "") -> list[dict[str, Any]]:
    """Return the report and its briefing as CSL-JSON items, as Zotero and citeproc read them
    (``not_located`` and ``genre`` as for ``bibtex``)."""
    cited: dict[str, Any] = {
        "id": report.key,
        "type": "report",
        "author": [{"literal": report.court}],
        "title": report.full_title,
        "language": "zh-Hans",
    }
    if report.issued:
        cited["issued"] = _csl_date(report.issued)
    if report.occasion:
        cited["event"] = report.occasion
    if report.delivered:
        cited["event-date"] = _csl_date(report.delivered)
    if report.publisher:
        cited["publisher"] = report.publisher
    if report.original_url:
        cited["URL"] = report.original_url
        if report.retrieved:
            cited["accessed"] = _csl_date(report.retrieved)
    else:
        cited["note"] = not_located
    if genre:
        cited["genre"] = genre
    return [cited, {
        "id": briefing.key,
        "type": "webpage",
        "author": [{"literal": briefing.publisher}],
        "title": briefing.title,
        "container-title": briefing.site,
        "version": str(briefing.version),
        "issued": _csl_date(briefing.changed),
        "URL": briefing.url,
        "accessed": _csl_date(briefing.accessed),
        "language": briefing.language,
    }]


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _bibtex_text(value: str) -> str:
    """Escape what BibTeX and LaTeX would read as markup; keep every other character."""
    return _BIBTEX_SPECIALS.sub(lambda match: _BIBTEX_SPECIAL[match[0]], " ".join(value.split()))


def _bibtex_url(url: str) -> str:
    return "".join(_URL_UNSAFE.get(char, char) for char in url)


def _csl_date(day: datetime.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}
