"""Pango set up and the strut measured once per style: the same PDF as WeasyPrint's setup for
each layout."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
import weasyprint
from weasyprint.css import computed_values, units
from weasyprint.formatting_structure import boxes
from weasyprint.layout import inline
from weasyprint.text import line_break

from webapp.printing import text_layouts
from webapp.printing.writer import PdfWriter

pytestmark = pytest.mark.slow

STATIC = Path(__file__).resolve().parent.parent / "static"
# Text in each language and face (a dash each language draws its own way, by the layout's
# language), with font features (tabular figures), a decoration (set up
# as WeasyPrint does), footnotes and an SVG text.
HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/css/briefing-pdf.css"><style>
u { text-decoration: underline; }</style></head><body>
<h2>Overview</h2><p class="summary">The court received <u>100,344 cases</u><span
class="term__tip">Cases received: every case the court registered.</span>, up 10.2%.</p>
<p lang="zh-Hans">全年共收案100344件，同比上升10.2%；“公正与效率”，2021—2025年。</p>
<p lang="zh-Hant">全年共收案100344件，同比上升10.2%；「公正與效率」，2021—2025年。</p>
<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20" width="100pt"
height="20pt"><text x="2" y="14" style="font-size: 11px; font-family: 'Liberation Sans'">2,514
</text></svg><table class="data-table"><tr><th>2023</th><td>1,337</td></tr></table></figure>
</body></html>"""
STREAM = re.compile(rb"\n(<<[^\n]*/FlateDecode[^\n]*>>)\nstream\n(.*?)\nendstream", re.S)


def drawn(data: bytes) -> list[bytes]:
    """Return what the PDF's streams hold (pages, faces, tags), but its cross-reference stream."""
    return [zlib.decompress(stream) for head, stream in STREAM.findall(data)
            if b"/XRef" not in head]


def test_a_document_prints_as_with_weasyprint_s_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    writer = PdfWriter(STATIC, "/static")
    ours = writer.write(HTML).data
    assert getattr(line_break.Layout.setup, "_once_per_style", False)
    with monkeypatch.context() as patched:
        patched.setattr(text_layouts, "install", lambda: False)
        patched.setattr(line_break.Layout, "setup", line_break.Layout.setup.original)
        strut = line_break.strut.original
        for module in (line_break, inline, units, computed_values):
            patched.setattr(module, "strut", strut)
        theirs = writer.write(HTML).data
    assert len(drawn(ours)) > 3
    assert drawn(ours) == drawn(theirs)


def test_layouts_of_one_style_are_made_on_one_setup() -> None:
    assert text_layouts.install()
    document = weasyprint.HTML(string=HTML).render()
    texts = {box.text: box.style for page in document.pages
             for box in page._page_box.descendants() if isinstance(box, boxes.TextBox)}
    english = texts["The court received "]
    chinese = next(style for text, style in texts.items() if text.startswith("全年共收案"))
    first, second = line_break.Layout(english), line_break.Layout(english)
    made = vars(english)["_pango_setup"]
    assert first.language == second.language == made[1]
    assert first.layout != second.layout  # Each its own layout, on the style's context.
    line_break.Layout(chinese)
    assert vars(chinese)["_pango_setup"][0] != made[0]
    assert vars(chinese)["_pango_setup"][1] != made[1]
    # Its strut measured once, as WeasyPrint measures it.
    assert inline.strut(english) is units.strut(english) is vars(english)["_strut"]
    assert line_break.strut.original(english) == vars(english)["_strut"]


def test_another_weasyprint_sets_up_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    assert text_layouts.install()
    monkeypatch.setattr(line_break.Layout, "setup", line_break.Layout.setup.original)
    monkeypatch.setattr(weasyprint, "__version__", "99.0")
    assert not text_layouts.install()
    assert not getattr(line_break.Layout.setup, "_once_per_style", False)
