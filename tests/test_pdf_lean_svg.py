"""A chart's SVG for print without what draws nothing: the same drawing, the same text and
description, fewer nodes for WeasyPrint to walk."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from flask import Flask

from webapp import charts
from webapp.config import LANGUAGES_BY_CODE
from webapp.pdf.lean_svg import SVG, lean
from webapp.printing.writer import PdfWriter
from webapp.web.content import current_content

from .conftest import EXAMPLE, LANGUAGE_CODES

STATIC = Path(__file__).resolve().parent.parent / "static"


def matplotlib_svg(app: Flask, code: str) -> str:
    """Return the example report's first chart as matplotlib draws it for the page."""
    language = LANGUAGES_BY_CODE[code]
    with app.test_request_context(f"/{code}/"):
        chart = charts.caseload_charts(current_content().reports[EXAMPLE], current_content(),
                                       language)[0]
        return charts.inline_svg(charts.render_svg(chart, language))


def nodes(svg: str, tag: str) -> list[ElementTree.Element]:
    return list(ElementTree.fromstring(svg).iter(f"{{{SVG}}}{tag}"))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_chart_keeps_its_shapes_text_and_description(fixture_app: Flask, code: str) -> None:
    drawn = matplotlib_svg(fixture_app, code)
    leaner = lean(drawn)
    for tag in ("path", "text", "title", "desc", "style"):
        assert [(node.attrib, node.text) for node in nodes(leaner, tag)] == [
            ({name: value for name, value in node.attrib.items()
              if name not in ("clip-path", "transform")}, node.text)
            for node in nodes(drawn, tag)], tag
    root = ElementTree.fromstring(leaner)
    assert root.get("lang") == LANGUAGES_BY_CODE[code].tag and root.get("role") == "img"
    # What matplotlib wraps each shape in, turns each text by and clips each bar to is gone.
    assert nodes(drawn, "g") and not nodes(leaner, "g")
    assert "rotate(-0 " in drawn and "rotate(" not in leaner
    assert "clip-path" in drawn and "clip-path" not in leaner and not nodes(leaner, "clipPath")
    assert "<metadata" in drawn and "metadata" not in leaner


def test_what_draws_something_stays() -> None:
    svg = f"""<svg xmlns="{SVG}" viewBox="0 0 100 50"><defs>
    <clipPath id="half"><rect x="0" y="0" width="50" height="50"/></clipPath>
    <clipPath id="whole"><rect x="0" y="0" width="100" height="50"/></clipPath></defs>
    <g id="named"><path d="M 0 0 L 1 1" clip-path="url(#half)"/></g>
    <g id="used"><path d="M 0 0 L 2 2" clip-path="url(#whole)"/></g><use href="#used"/>
    <g style="fill: red"><text x="1" y="1">A</text></g></svg>"""
    leaner = ElementTree.fromstring(lean(svg))
    groups = list(leaner.iter(f"{{{SVG}}}g"))
    # A group referred to, or styling its content, stays; a clip to part of the drawing stays.
    assert [group.get("id") or group.get("style") for group in groups] == ["used", "fill: red"]
    assert [path.get("clip-path") for path in leaner.iter(f"{{{SVG}}}path")] == [
        "url(#half)", None]
    assert [clip.get("id") for clip in leaner.iter(f"{{{SVG}}}clipPath")] == ["half"]


def test_a_transformed_drawing_keeps_its_clips_and_turns() -> None:
    # A clip is in the coordinates of what it clips: where anything is transformed, a clip
    # to the whole drawing may clip part of it.
    svg = f"""<svg xmlns="{SVG}" viewBox="0 0 100 50"><defs><clipPath id="whole">
    <rect x="0" y="0" width="100" height="50"/></clipPath></defs>
    <g transform="scale(2)"><path d="M 0 0 L 60 60" clip-path="url(#whole)"/></g>
    <text x="1" y="1" transform="rotate(30 1 1)">A</text></svg>"""
    leaner = lean(svg)
    assert 'clip-path="url(#whole)"' in leaner and 'transform="rotate(30 1 1)"' in leaner


@pytest.mark.slow
def test_a_chart_prints_the_same(fixture_app: Flask, tmp_path: Path) -> None:
    drawn = matplotlib_svg(fixture_app, "zh-hans")
    writer = PdfWriter(STATIC, "/static")
    images = []
    for name, svg in (("drawn", drawn), ("leaner", lean(drawn))):
        html = (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><link '
                f'rel="stylesheet" href="/static/css/briefing-pdf.css"></head><body>'
                f'<figure class="chart">{svg}</figure></body></html>')
        (tmp_path / f"{name}.pdf").write_bytes(writer.write(html).data)
        subprocess.run(["pdftoppm", "-png", "-r", "100", tmp_path / f"{name}.pdf",
                        tmp_path / name], check=True)
        images.append(sorted(tmp_path.glob(f"{name}-*.png")))
    assert len(images[0]) == len(images[1]) == 1
    assert images[0][0].read_bytes() == images[1][0].read_bytes()
    assert re.search(r"<text[^>]*>", drawn)
