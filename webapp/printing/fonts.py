"""Cut the print stylesheet's Chinese faces to the characters Chinese text is written in, once.

A Noto Sans CJK face holds 65,535 glyphs. WeasyPrint subsets each face a PDF uses but keeps
every glyph's place (its id) up to the last one used: with the glyphs of a Chinese text spread
over the whole face, each face left about 140 KB of empty places in every PDF, and cutting it
from the 20 MB collection took about 60 ms a face a render. Cut here once a machine to GB 2312
and Big5's common characters, with ASCII, Latin-1 and the CJK and general punctuation (10,103
characters; 18,556 glyphs with their regional forms), a face leaves a third of that. Each cut
face has a family of its own (``Noto Sans CJK SC Briefing``): the print stylesheet names it
first and the whole face next, so a character outside it (a rare name) is drawn from the whole
face, the same glyph.

Layout features kept: HarfBuzz's defaults with ``locl`` (a Chinese run's punctuation takes its
region's forms: "2021—2025" drew a narrower dash without it), and ``tnum`` (the charts'
tables); the vertical ones are left out (no text here is set vertically). The baselines (BASE)
are kept: without them some lines of notes came out 0.6 pt taller.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .requirements import CJK_FAMILIES

LOGGER = logging.getLogger(__name__)
SUFFIX = "Briefing"
# Changed with the recipe below: faces cut by another recipe are cut again.
RECIPE = "3"
STYLES = (("Regular", 80), ("Bold", 200))  # fontconfig's weights
_ASCII_AND_LATIN_1 = [*range(0x20, 0x7F), *range(0xA0, 0x100)]
_PUNCTUATION = [*range(0x2000, 0x2070), *range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)]
_DROPPED_FEATURES = (b"vert", b"vrt2", b"vkrn", b"vpal", b"valt", b"vhal", b"vjmo")
_UNICODE_SET, _DROP_TABLE_SET, _LAYOUT_FEATURE_SET = 1, 3, 6  # hb_subset_sets_t
# Tables it cannot cut are kept whole; so are the face's Unicode ranges (OS/2).
_FLAGS = 0x20 | 0x100  # PASSTHROUGH_UNRECOGNIZED | NO_PRUNE_UNICODE_RANGES


def cut_family(family: str) -> str:
    """Return the family of ``family``'s cut face (``Noto Sans CJK SC Briefing``)."""
    return f"{family} {SUFFIX}"


def repertoire() -> list[int]:
    """Return the code points the cut faces hold: GB 2312 (every character of Simplified
    Chinese's national set), Big5's common characters (its first level), with ASCII, Latin-1
    and the punctuation Chinese and English text use."""
    found = {*_ASCII_AND_LATIN_1, *_PUNCTUATION}
    found.update(code for code, _bytes in _decoded("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)))
    # Big5's first level: 0xA140-0xC67E (symbols, then the 5,401 common characters).
    found.update(code for code, pair in _decoded("big5", range(0xA1, 0xC7),
                                                 [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
                 if pair <= (0xC6, 0x7E))
    return sorted(found)


def _decoded(encoding: str, leads: range, trails: Iterable[int]) -> Iterator[tuple[int, tuple[int, int]]]:
    """Yield each character a two-byte ``encoding`` defines in these rows and columns: its
    code point, with its bytes."""
    for lead in leads:
        for trail in trails:
            try:
                character = bytes((lead, trail)).decode(encoding)
            except UnicodeDecodeError:
                continue
            yield ord(character), (lead, trail)


def ensure_cut(folder: Path) -> list[Path]:
    """Return the cut faces in ``folder``, cutting those missing first.

    A face that cannot be cut (no such face, no HarfBuzz) is left out and logged: the print
    stylesheet then draws with the whole face.
    """
    cut = []
    for family in CJK_FAMILIES:
        for style, weight in STYLES:
            try:
                path = _ensure_face(folder, family, style, weight)
            except (OSError, ValueError) as error:
                LOGGER.warning("print face %s %s not cut, the whole face draws: %s", family,
                               style, error)
                continue
            cut.append(path)
    return cut


def _ensure_face(folder: Path, family: str, style: str, weight: int) -> Path:
    source, index = _source(family, weight)
    stat = source.stat()
    digest = hashlib.sha256(f"{RECIPE}\n{source}\n{index}\n{stat.st_size}\n{stat.st_mtime_ns}"
                            .encode()).hexdigest()[:16]
    target = folder / f"{cut_family(family).replace(' ', '')}-{style}-{digest}.otf"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    data = _renamed(_cut(source, index, repertoire()), cut_family(family), style)
    # Written whole, then renamed into place: a process starting meanwhile never reads half.
    descriptor, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    os.replace(temporary, target)
    return target


def _source(family: str, weight: int) -> tuple[Path, int]:
    """Return the file and index in it of ``family``'s face at ``weight`` (fontconfig's)."""
    if shutil.which("fc-match") is None:
        raise ValueError("no fc-match")
    found = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family[0]}\n%{weight}",
                            f"{family}:weight={weight}"], capture_output=True, text=True,
                           check=False).stdout.split("\n")
    if len(found) != 4 or found[2] != family or found[3] != str(weight):
        raise ValueError(f"fontconfig has no face {family!r} of weight {weight}")
    return Path(found[0]), int(found[1])


def _cut(source: Path, index: int, codes: list[int]) -> bytes:
    """Return face ``index`` of ``source`` holding ``codes`` only (HarfBuzz's hb-subset)."""
    harfbuzz, subset = _harfbuzz()
    blob = harfbuzz.hb_blob_create_from_file_or_fail(os.fsencode(source))
    if not blob:
        raise OSError(f"cannot read {source}")
    face = harfbuzz.hb_face_create(blob, index)
    plan = subset.hb_subset_input_create_or_fail()
    try:
        unicodes = subset.hb_subset_input_set(plan, _UNICODE_SET)
        for code in codes:
            harfbuzz.hb_set_add(unicodes, code)
        features = subset.hb_subset_input_set(plan, _LAYOUT_FEATURE_SET)
        harfbuzz.hb_set_add(features, harfbuzz.hb_tag_from_string(b"tnum", -1))
        for tag in _DROPPED_FEATURES:
            harfbuzz.hb_set_del(features, harfbuzz.hb_tag_from_string(tag, -1))
        # Its baselines (BASE), which HarfBuzz drops by default: Pango places text by them.
        dropped = subset.hb_subset_input_set(plan, _DROP_TABLE_SET)
        harfbuzz.hb_set_del(dropped, harfbuzz.hb_tag_from_string(b"BASE", -1))
        subset.hb_subset_input_set_flags(plan, _FLAGS)
        cut = subset.hb_subset_or_fail(face, plan)
        if not cut:
            raise ValueError(f"HarfBuzz could not cut {source} ({index})")
        result = harfbuzz.hb_face_reference_blob(cut)
        length = ctypes.c_uint()
        data = ctypes.string_at(harfbuzz.hb_blob_get_data(result, ctypes.byref(length)),
                                length.value)
        harfbuzz.hb_blob_destroy(result)
        harfbuzz.hb_face_destroy(cut)
        return data
    finally:
        subset.hb_subset_input_destroy(plan)
        harfbuzz.hb_face_destroy(face)
        harfbuzz.hb_blob_destroy(blob)


def _harfbuzz() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    """Return HarfBuzz and its subsetter (libharfbuzz-subset0, which WeasyPrint needs too)."""
    harfbuzz, subset = ctypes.CDLL("libharfbuzz.so.0"), ctypes.CDLL("libharfbuzz-subset.so.0")
    pointer, uint = ctypes.c_void_p, ctypes.c_uint
    signatures: tuple[tuple[Any, Any, list[Any]], ...] = (
            (harfbuzz.hb_blob_create_from_file_or_fail, pointer, [ctypes.c_char_p]),
            (harfbuzz.hb_face_create, pointer, [pointer, uint]),
            (harfbuzz.hb_face_reference_blob, pointer, [pointer]),
            (harfbuzz.hb_blob_get_data, pointer, [pointer, ctypes.POINTER(uint)]),
            (harfbuzz.hb_blob_destroy, None, [pointer]),
            (harfbuzz.hb_face_destroy, None, [pointer]),
            (harfbuzz.hb_set_add, None, [pointer, ctypes.c_uint32]),
            (harfbuzz.hb_set_del, None, [pointer, ctypes.c_uint32]),
            (harfbuzz.hb_tag_from_string, ctypes.c_uint32, [ctypes.c_char_p, ctypes.c_int]),
            (subset.hb_subset_input_create_or_fail, pointer, []),
            (subset.hb_subset_input_destroy, None, [pointer]),
            (subset.hb_subset_input_set, pointer, [pointer, ctypes.c_int]),
            (subset.hb_subset_input_set_flags, None, [pointer, uint]),
            (subset.hb_subset_or_fail, pointer, [pointer, pointer]))
    for function, result, arguments in signatures:
        function.restype, function.argtypes = result, arguments
    return harfbuzz, subset


def _renamed(data: bytes, family: str, style: str) -> bytes:
    """Return the face ``data`` under ``family`` (every name record saying its family)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    postscript = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 16: family, 4: f"{family} {style}", 6: postscript,
             3: f"{postscript};{RECIPE}"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def register(font_config: Any, faces: list[Path]) -> None:
    """Make ``faces`` known to WeasyPrint's font configuration (fontconfig and Pango's map)."""
    from weasyprint.text.ffi import ffi, fontconfig, pangoft2

    # The configuration WeasyPrint made for this FontConfiguration (it has no public way in).
    for face in faces:
        if not fontconfig.FcConfigAppFontAddFile(font_config._config, os.fsencode(face)):
            LOGGER.warning("print face %s not loaded, the whole face draws", face)
    pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", font_config.font_map))
