"""Fewer styles computed: pseudo-elements only where the print template has them, and elements of
one language sharing their declaration; the same PDF as WeasyPrint's own way."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
import tinycss2
import weasyprint
from weasyprint import css

from webapp.printing import styles
from webapp.printing.writer import PRINT_STYLESHEET, PdfWriter

pytestmark = pytest.mark.slow

STATIC = Path(__file__).resolve().parent.parent / "static"
# Lists (markers), notes (their calls and markers), elements in another language, one with a
# style attribute of its own, properties set the special ways (logical, math).
HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/css/briefing-pdf.css"></head><body>
<h2>Overview</h2><p class="summary">The court received 100,344 cases<span class="term__tip">
Cases received: every case the court registered.</span>, up 10.2%.</p>
<ol><li>First</li><li>Second, <span lang="zh-Hans">诉源治理</span></li></ol>
<ul><li lang="zh-Hans">多元调解</li><li>Mediation<span class="term__tip">Mediation: settled
by agreement.</span></li></ul>
<table class="sources"><tbody><tr><th>Cases</th><td lang="zh-Hans"><a href="/x">全年共收案100344件。</a></td>
</tr><tr><th>Closed</th><td lang="zh-Hans"><a href="/y">结案105890件。</a></td></tr></tbody></table>
<p lang="zh-Hans" style="color: red">红色</p><p lang="zh-Hans">黑色</p>
<div style="margin-inline-start: 12mm; padding-block-end: 3mm; line-height: calc(1em + 4pt)">
<p>Set by logical properties, a line height by a math function, inherited.</p></div>
</body></html>"""
STREAM = re.compile(rb"\n(<<[^\n]*/FlateDecode[^\n]*>>)\nstream\n(.*?)\nendstream", re.S)


def drawn(data: bytes) -> list[bytes]:
    """Return what the PDF's streams hold (pages, faces, tags), but its cross-reference stream."""
    return [zlib.decompress(stream) for head, stream in STREAM.findall(data)
            if b"/XRef" not in head]


def test_a_document_prints_as_with_weasyprint_s_own_styles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    writer = PdfWriter(STATIC, "/static")
    ours = writer.write(HTML).data
    assert styles.install() and styles.html_class() is not weasyprint.HTML
    with monkeypatch.context() as patched:
        patched.setattr(styles, "install", lambda: False)
        patched.setattr(styles, "html_class", lambda: weasyprint.HTML)
        patched.setattr(css, "find_style_attributes", css.find_style_attributes.__wrapped__)
        patched.setattr(css.ComputedStyle, "__missing__", css.ComputedStyle.__missing__.original)
        theirs = writer.write(HTML).data
    assert len(drawn(ours)) > 3
    assert drawn(ours) == drawn(theirs)


def test_elements_of_one_language_share_their_declaration() -> None:
    assert styles.install()
    document = weasyprint.HTML(string=HTML)
    declared: dict[str, list[object]] = {}
    for _specificity, element, declarations, _url in css.find_style_attributes(
            document.etree_element):
        if declarations[0].lower_name == "-weasy-lang":
            declared.setdefault(element.text or element.tag, []).append(declarations)
    alike = [declared[name][0] for name in ("诉源治理", "多元调解", "td", "黑色")]
    assert all(declarations is alike[0] for declarations in alike)
    # Its own style attribute keeps an element's declaration its own; the document's language
    # is another declaration.
    assert declared["红色"][0] is not alike[0]
    assert declared["html"][0] is not alike[0]


def test_pseudo_elements_are_given_where_the_template_has_them() -> None:
    text = styles.user_agent_text()
    assert text is not None
    assert re.search(r"^li::marker \{ font-variant-numeric: tabular-nums;", text, re.M)
    assert not re.search(r"^::", text, re.M)
    assert not re.search(r"::(footnote|note)-", text)


def test_each_footnote_of_the_print_stylesheet_has_its_call_and_marker() -> None:
    # The user-agent stylesheet gives notes no call or marker: a footnote without its own
    # would fail to render.
    rules = tinycss2.parse_stylesheet((STATIC / PRINT_STYLESHEET).read_text(encoding="utf-8"),
                                      skip_comments=True, skip_whitespace=True)
    declared = {tinycss2.serialize(rule.prelude).strip(): tinycss2.serialize(rule.content)
                for rule in rules if rule.type == "qualified-rule"}
    footnotes = [selector for selector, body in declared.items()
                 if re.search(r"float:\s*footnote", body)]
    assert footnotes
    for selector in footnotes:
        for pseudo in ("footnote-call", "footnote-marker"):
            assert "content:" in declared.get(f"{selector}::{pseudo}", ""), (selector, pseudo)


def test_another_weasyprint_computes_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    assert styles.install()
    monkeypatch.setattr(css, "find_style_attributes", css.find_style_attributes.__wrapped__)
    monkeypatch.setattr(css.ComputedStyle, "__missing__", css.ComputedStyle.__missing__.original)
    monkeypatch.setattr(weasyprint, "__version__", "99.0")
    monkeypatch.setattr(styles, "_html_class", None)
    assert not styles.install()
    assert styles.html_class() is weasyprint.HTML
    assert not hasattr(css.ComputedStyle.__missing__, "original")
