"""A PDF's streams deflated at zlib's default level hold the same bytes as at pydyf's level 9."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pydyf
import pytest

from webapp.printing import compression
from webapp.printing.writer import PdfWriter

STATIC = Path(__file__).resolve().parent.parent / "static"
HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/css/briefing-pdf.css"></head><body>
<h2>Overview</h2><p>The court received 100,344 cases, up 10.2%.</p>
<p lang="zh-Hans">全年共收案100344件，同比上升10.2%。</p></body></html>"""
STREAM = re.compile(rb"\n(<<[^\n]*/FlateDecode[^\n]*>>)\nstream\n(.*?)\nendstream", re.S)


def streams(data: bytes) -> list[bytes]:
    """Return the PDF's deflated streams as written (pydyf writes each on lines of its own),
    but its cross-reference stream: that says where the others are, which their sizes move."""
    return [stream for head, stream in STREAM.findall(data) if b"/XRef" not in head]


def test_streams_are_deflated_at_the_default_level_to_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    writer = PdfWriter(STATIC, "/static")
    faster = writer.write(HTML).data
    assert compression.install()
    with monkeypatch.context() as patched:
        patched.setattr(compression, "install", lambda: False)
        patched.setattr(pydyf, "zlib", zlib)
        slowest = writer.write(HTML).data

    ours, theirs = streams(faster), streams(slowest)
    assert len(ours) == len(theirs) > 3  # pages, faces, their character maps, tags
    assert [zlib.decompress(stream) for stream in ours] == [
        zlib.decompress(stream) for stream in theirs]
    # Deflated at level 6, as the whole faces' streams show: not level 9's bytes.
    assert ours != theirs
    assert [zlib.compress(zlib.decompress(stream), compression.LEVEL) for stream in ours] == ours


def test_another_pydyf_compresses_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pydyf, "zlib", zlib)
    monkeypatch.setattr(pydyf, "__version__", "0.99.0")
    assert not compression.install()
    assert pydyf.zlib is zlib
