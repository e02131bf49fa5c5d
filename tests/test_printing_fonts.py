"""The print stylesheet's Chinese faces cut to common characters, and the whole faces behind them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from webapp.config import PROJECT_ROOT
from webapp.printing import fonts
from webapp.printing.writer import PdfWriter


def test_the_cut_holds_both_scripts_common_characters_and_punctuation() -> None:
    codes = set(fonts.repertoire())
    for character in "国國法院审判審判ABC09，。、；：“”「」（）—《》%":
        assert ord(character) in codes, character
    # A rare character (CJK Extension B) is left to the whole face.
    assert 0x20000 not in codes
    assert 9_000 < len(codes) < 12_000


@pytest.fixture(scope="module")
def cut(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return fonts.ensure_cut(tmp_path_factory.mktemp("print-fonts"))


@pytest.mark.slow
def test_each_face_is_cut_once_under_a_family_of_its_own(cut: list[Path]) -> None:
    assert len(cut) == 4
    families = set()
    for path in cut:
        with TTFont(path, lazy=True) as font:
            families.add(font["name"].getDebugName(1))
            assert font["maxp"].numGlyphs < 20_000  # of 65,535
            cmap = font.getBestCmap()
            assert ord("國") in cmap and ord("国") in cmap
    assert families == {"Noto Sans CJK SC Briefing", "Noto Sans CJK TC Briefing"}
    made = [path.stat().st_mtime_ns for path in cut]
    assert fonts.ensure_cut(cut[0].parent) == cut
    assert [path.stat().st_mtime_ns for path in cut] == made, "cut again"


@pytest.mark.slow
def test_a_character_outside_the_cut_is_drawn_from_the_whole_face(cut: list[Path],
                                                                   tmp_path: Path) -> None:
    writer = PdfWriter(PROJECT_ROOT / "static", "/static", cut[0].parent)
    # 饋 is in neither GB 2312 nor Big5's first level.
    html = ('<html lang="zh-Hant"><head><link rel="stylesheet" href="/static/css/briefing-pdf.css">'
            "</head><body><p>回饋社會，審判公開</p></body></html>")
    target = tmp_path / "text.pdf"
    target.write_bytes(writer.write(html).data)
    faces = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True,
                           check=True).stdout
    names = {row.split()[0].split("+", 1)[1] for row in faces.splitlines()[2:]}
    assert names == {"Noto-Sans-CJK-TC-Briefing", "Noto-Sans-CJK-TC"}
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "回饋社會，審判公開" in text and "\ufffd" not in text


@pytest.mark.slow
def test_the_warm_up_draws_every_face_the_print_stylesheet_names(cut: list[Path],
                                                                 tmp_path: Path) -> None:
    # A render process warms up once so that each render's child finds them all open.
    target = tmp_path / "warm-up.pdf"
    target.write_bytes(PdfWriter(PROJECT_ROOT / "static", "/static", cut[0].parent).warm_up().data)
    faces = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True,
                           check=True).stdout
    names = {row.split()[0].split("+", 1)[1] for row in faces.splitlines()[2:]}
    assert names == {f"{family}{style}" for family in (
        "Liberation-Serif", "Liberation-Sans", "Noto-Sans-CJK-SC-Briefing",
        "Noto-Sans-CJK-TC-Briefing") for style in ("", "-Bold")}
