"""Lines drawn from the layouts that laid them out, their glyphs read at once: the same PDF as
WeasyPrint's own drawing."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import weasyprint
from weasyprint.draw import text as draw_text
from weasyprint.formatting_structure import boxes
from weasyprint.text import line_break

from webapp.printing import text_drawing
from webapp.printing.writer import PdfWriter

from .test_printing_text_layouts import drawn

pytestmark = pytest.mark.slow

STATIC = Path(__file__).resolve().parent.parent / "static"
# What WeasyPrint draws its own ways, beside plain lines in each language: a preserved newline,
# justified text (spacing added when drawn), an ellipsis, letter spacing, a decoration, a
# character no face has (.notdef), a footnote, a superscript and an SVG text.
HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/css/briefing-pdf.css"><style>
.pre { white-space: pre-wrap; } .justified { text-align: justify; width: 60mm; }
.cut { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 30mm; }
.spaced { letter-spacing: 1pt; } u { text-decoration: underline; }</style></head><body>
<h2>Overview</h2><p class="summary">The court received <u>100,344 cases</u><span
class="term__tip">Cases received: every case the court registered.</span>, up 10.2%<sup>3</sup>.</p>
<p class="pre">First line
second line\u2029third</p>
<p class="justified">The court concluded 105,890 cases, mediated many more before filing, and
enforced judgments worth 7.258 billion yuan over the year.</p>
<p class="cut">A heading far too long for its narrow box, cut with an ellipsis</p>
<p class="spaced">Spaced out</p><p>Unknown \U000f0000 character</p>
<p lang="zh-Hans">全年共收案100344件，同比上升10.2%；“公正与效率”，2021—2025年。</p>
<p lang="zh-Hant">全年共收案100344件，同比上升10.2%；「公正與效率」，2021—2025年。</p>
<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20" width="100pt"
height="20pt"><text x="2" y="14" style="font-size: 11px; font-family: 'Liberation Sans'">2,514
</text></svg></figure></body></html>"""


def weasyprint_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put WeasyPrint's own layout keeping and line drawing back, for this test."""
    monkeypatch.setattr(text_drawing, "install", lambda: False)
    for name in ("set_text", "deactivate", "reactivate"):
        monkeypatch.setattr(line_break.Layout, name, getattr(line_break.Layout, name).original)
    monkeypatch.setattr(draw_text, "draw_first_line", draw_text.draw_first_line.original)


def test_a_document_prints_as_with_weasyprint_s_drawing(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    writer = PdfWriter(STATIC, "/static")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        ours = writer.write(HTML)
    assert getattr(line_break.Layout.reactivate, "_drawn_as_laid_out", False)
    # The character no face has is drawn as .notdef, and said, as WeasyPrint says it.
    assert "U+F0000" in caplog.text
    with monkeypatch.context() as patched:
        weasyprint_s_own(patched)
        theirs = writer.write(HTML)
    assert ours.pages == theirs.pages
    assert len(drawn(ours.data)) > 3
    assert drawn(ours.data) == drawn(theirs.data)


def test_lines_are_drawn_from_the_layouts_that_laid_them_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert text_drawing.install()
    document = weasyprint.HTML(string="<p>The court received 100,344 cases.</p>").render()
    lines = [box for page in document.pages for box in page._page_box.descendants()
             if isinstance(box, boxes.TextBox)]
    kept = lines[0].pango_layout.layout
    made_again = []
    setup = line_break.Layout.setup
    monkeypatch.setattr(line_break.Layout, "setup",
                        lambda self, style: made_again.append(style) or setup(self, style))
    assert document.write_pdf()
    assert lines[0].pango_layout.layout == kept
    assert made_again == []


def test_another_weasyprint_draws_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    install = text_drawing.install
    assert install()
    weasyprint_s_own(monkeypatch)
    monkeypatch.setattr(text_drawing, "install", install)
    monkeypatch.setattr(weasyprint, "__version__", "99.0")
    assert not text_drawing.install()
    assert not getattr(line_break.Layout.reactivate, "_drawn_as_laid_out", False)
    assert not getattr(draw_text.draw_first_line, "_drawn_as_laid_out", False)
