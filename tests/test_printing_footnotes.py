"""Footnote areas sized a note at a time: the same pages, and the same text on each, as
WeasyPrint's own way of laying the whole area out again for each note."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from flask import Flask
from pypdf import PdfReader

from webapp.config import LANGUAGES_BY_CODE
from webapp.content.briefing import SECTION_IDS
from webapp.printing import footnotes
from webapp.printing.writer import PdfWriter
from webapp.web.content import current_content

from .conftest import EXAMPLE, LANGUAGE_CODES

pytestmark = pytest.mark.slow

NOTE = '<span class="note">Note {n}: {words}</span>'
# Pages crowded with notes of every length, some too long to stay with their call's page. Each
# footnote has its call and marker of its own, as the writer's user-agent sheet gives none
# (webapp/printing/styles.py).
CROWDED = """<!doctype html><html lang="en"><head><style>
@page { size: A6; margin: 12mm; @footnote { margin-top: 3mm; } }
.note { float: footnote; footnote-policy: line; font-size: 7pt; }
.note::footnote-call { content: "[" counter(footnote) "]"; vertical-align: super;
  font-size: smaller; line-height: inherit; }
.note::footnote-marker { content: counter(footnote) ". "; }
</style></head><body>{paragraphs}</body></html>"""


def crowded() -> str:
    paragraphs = []
    for number in range(14):
        notes = " and ".join(
            NOTE.format(n=number * 3 + k, words=" ".join(["definition"] * (3 + 9 * k + number)))
            for k in range(3))
        paragraphs.append(f"<p>Paragraph {number} names terms {notes} in a sentence that runs "
                          f"on {'and on ' * (number % 5 * 6)}to its end.</p>")
    return CROWDED.replace("{paragraphs}", "".join(paragraphs))


def pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def both_ways(html: str, static: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    """Return ``html`` written with notes sized a note at a time, then as WeasyPrint does."""
    from weasyprint.layout import LayoutContext

    writer = PdfWriter(static, "/static")
    by_note = writer.write(html).data
    assert getattr(LayoutContext._update_footnote_area, "_one_note_at_a_time", False)
    with monkeypatch.context() as patched:
        patched.setattr(footnotes, "install", lambda: False)
        patched.setattr(LayoutContext, "_update_footnote_area",
                        LayoutContext._update_footnote_area.original)
        whole = writer.write(html).data
    return by_note, whole


def test_crowded_notes_stay_with_their_calls_on_no_more_pages(
        fixture_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    by_note, whole = both_ways(crowded(), Path(str(fixture_app.static_folder)), monkeypatch)
    found = pages(by_note)
    notes_by_page = [set(re.findall(r"^(\d+)\. Note", text, flags=re.M)) for text in found]
    # Each note on the page of its call ([n] in the text, "n. Note" at the foot), every note
    # once, and no page more than WeasyPrint's own way (which moves a note on when the area
    # overflows its own height by a rounding error, 1e-13 px, as on this crowded text).
    assert notes_by_page == [set(re.findall(r"\[(\d+)\]", text)) for text in found]
    assert sorted(int(note) for notes in notes_by_page for note in notes) == list(range(1, 43))
    assert len(found) <= len(pages(whole))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_briefing_prints_the_same(fixture_app: Flask, monkeypatch: pytest.MonkeyPatch,
                                    code: str) -> None:
    briefings = fixture_app.extensions["pdf"]
    with fixture_app.test_request_context(f"/{code}/"):
        report = current_content().reports[EXAMPLE]
        html = briefings.printer.html(report, list(SECTION_IDS), LANGUAGES_BY_CODE[code])
    assert 'class="term__tip"' in html
    by_note, whole = both_ways(html, Path(str(fixture_app.static_folder)), monkeypatch)
    assert pages(by_note) == pages(whole)


def test_it_is_in_effect_on_the_weasyprint_it_was_checked_against() -> None:
    # A new WeasyPrint (pyproject.toml pins it) keeps its own way until this file is checked
    # again: compare its PDFs as the tests above do, then change CHECKED_VERSION.
    import weasyprint

    assert weasyprint.__version__ == footnotes.CHECKED_VERSION
    assert footnotes.install()
