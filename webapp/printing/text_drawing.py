"""Draw each line of text from the Pango layout that laid it out, and read its glyphs at once.

WeasyPrint 70 lays a line of text out with Pango, then drops the layout (``Layout.deactivate``);
drawing the line makes it again (``Layout.reactivate``: a new layout, the text set and shaped
anew), then reads its glyphs one C structure field at a time and writes each one's piece of
the PDF's text afresh. English costs more there than Chinese: on the Haidian briefing about
2,500 lines drawn against 2,150, 65,000 glyphs against 22,000. Measured on the Haidian
briefing (English, CPU time of forked warm renders, medians of interleaved runs, load 2-3):
drawing 0.68 s of a 2.45 s render with WeasyPrint's own, 0.36 s drawn from the kept layouts
with the glyphs read at once; then each glyph's piece kept per face, size, width and
offsets, written once: drawing 0.40 to 0.33 s (English), 0.25 to 0.22 s (zh-Hans). The PDFs
byte for byte the same in the three languages.

Here a line's layout is kept from layout to drawing and drawn as it was laid out, where that
draws the same: the style is the one it was laid out in, and it has no justification spacing
(which WeasyPrint adds only when drawing). Pango lays a layout out again whenever its
single-paragraph mode changes, and WeasyPrint sets it just before drawing; so a layout's text
without a paragraph separator is laid out in that mode from the start, where it changes
nothing. Any other line, and any line ellipsized or drawn in a colour (PNG, COLR) or SVG
face, is drawn by WeasyPrint's own code.

Installed only on the WeasyPrint it was checked against (``CHECKED_VERSION``, pinned in
pyproject.toml), as ``text_layouts``.
"""

from __future__ import annotations

import re
import struct
from typing import Any

from .text_layouts import CHECKED_VERSION

_MARK = "_drawn_as_laid_out"
_PIECES = "_drawn_pieces"
# What Pango or Unicode treat as ending a paragraph or a line: text holding one is laid out
# and drawn WeasyPrint's way (single-paragraph mode off until drawn).
_SEPARATORS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# A PangoGlyphInfo: the glyph, its width and offsets (Pango units), and its attributes.
_GLYPH_INFO = struct.Struct("=IiiiI")


def install() -> bool:
    """Draw lines from their kept layouts in this process; return whether it is in effect."""
    import weasyprint
    from weasyprint.draw import text as draw_text
    from weasyprint.text import line_break
    from weasyprint.text.ffi import ffi, pango

    layout_class = line_break.Layout
    if getattr(layout_class.reactivate, _MARK, False):
        return True
    if weasyprint.__version__ != CHECKED_VERSION:
        return False
    if ffi.sizeof("PangoGlyphInfo") != _GLYPH_INFO.size:
        return False
    set_text, deactivate = layout_class.set_text, layout_class.deactivate
    reactivate, draw_first_line = layout_class.reactivate, draw_text.draw_first_line

    def set_text_in_one_paragraph(self: Any, text: str, justify: bool = False) -> None:
        set_text(self, text, justify)
        pango.pango_layout_set_single_paragraph_mode(
            self.layout, _SEPARATORS.search(self.text) is None)

    def keep(self: Any) -> None:
        """Keep the layout for drawing (WeasyPrint dropped it)."""

    def reactivate_unless_kept(self: Any, style: Any) -> None:
        if style is not vars(self).get("style") or self.justification_spacing:
            reactivate(self, style)

    def draw_kept_first_line(stream: Any, textbox: Any, text_overflow: str, block_ellipsis: str,
                             matrix: Any) -> list[Any]:
        layout = textbox.pango_layout
        if text_overflow == "ellipsis" or block_ellipsis != "none":
            # WeasyPrint's own, on a layout made afresh, dropped after (it changes its text).
            reactivate(layout, textbox.style)
            drawn = draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
            deactivate(layout)
            return drawn
        return _draw_glyphs(stream, textbox, matrix, draw_first_line, ffi, pango)

    for function, original in ((set_text_in_one_paragraph, set_text), (keep, deactivate),
                               (reactivate_unless_kept, reactivate),
                               (draw_kept_first_line, draw_first_line)):
        setattr(function, _MARK, True)
        vars(function)["original"] = original  # WeasyPrint's own, for tests to compare with
    layout_class.set_text = set_text_in_one_paragraph
    layout_class.deactivate = keep
    layout_class.reactivate = reactivate_unless_kept
    # SVG text imports it from this module when drawn.
    draw_text.draw_first_line = draw_kept_first_line
    return True


def _draw_glyphs(stream: Any, textbox: Any, matrix: Any, original: Any, ffi: Any,
                 pango: Any) -> list[Any]:
    """Draw ``textbox``'s first line as WeasyPrint 70's ``draw_first_line`` draws it, reading
    each run's glyphs in one piece; faces drawn as images go to ``original``."""
    from weasyprint.logger import LOGGER
    from weasyprint.text.ffi import FROM_UNITS

    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return []
    layout = textbox.pango_layout
    pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
    first_line, _second = layout.get_first_line()
    runs = []
    run = first_line.runs[0]
    while run != ffi.NULL:
        runs.append(run.data)
        run = run.next
    # In the order WeasyPrint adds them; a face drawn as images (emoji) is drawn its way.
    fonts = [stream.add_font(glyph_item.item.analysis.font) for glyph_item in runs]
    if any(font.svg or font.png or font.colr for font, _size in fonts):
        return list(original(stream, textbox, "none", "none", matrix))
    style_size = textbox.style["font_size"] if pango.pango_version() < 14802 else None
    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ""
    utf8_text = None
    for glyph_item, (font, font_size) in zip(runs, fonts, strict=True):
        pango_font = glyph_item.item.analysis.font
        font_size = style_size or font_size
        if pango_font != previous_pango_font:
            previous_pango_font = pango_font
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
        string += "<"
        glyph_string = glyph_item.glyphs
        count, clusters = glyph_string.num_glyphs, glyph_string.log_clusters
        widths, to_unicode = font.widths, font.to_unicode
        form = "02x" if font.bitmap else "04x"
        # What a glyph adds to the string, by its size, width and offsets: the same each time
        # it comes again in the face (kept on the face, which lives as long as the document).
        pieces = vars(font).setdefault(_PIECES, {}).setdefault(font_size, {})
        infos = _GLYPH_INFO.iter_unpack(ffi.buffer(glyph_string.glyphs, count * _GLYPH_INFO.size))
        for i, info in enumerate(infos):
            piece = pieces.get(info)
            if piece is not None:
                string += piece
                continue
            glyph_id, width, x_offset, y_offset, _attributes = info
            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                string += f">{-width / font_size}<"
                continue
            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                codepoint = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
                LOGGER.warning(".notdef glyph rendered for Unicode string unsupported by fonts: "
                               '"%s" (U+%04X)', chr(codepoint), codepoint)
                glyph_id = font.get_unused_glyph_id(codepoint)
                widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in widths:
                    widths[0] = widths[glyph_id]
            if glyph_id not in to_unicode:
                item = glyph_item.item
                start = clusters[i]
                if item.analysis.level % 2:  # right to left
                    end = item.length if i == 0 else clusters[i - 1]
                else:
                    end = item.length if i == count - 1 else clusters[i + 1]
                utf8_text = utf8_text or layout.text.encode()
                to_unicode[glyph_id] = utf8_text[item.offset + start:item.offset + end].decode()
            offset = x_offset / font_size
            rise = y_offset / 1000
            if rise:
                string = string[:-1] if string[-1] == "<" else string + ">"
                if string:
                    stream.show_text(string)
                stream.set_text_rise(-rise)
                string = f"{-offset}" if offset else ""
                string += f"<{glyph_id:{form}}>"
                stream.show_text(string)
                stream.set_text_rise(0)
                string = "<"
                piece = None
            else:
                piece = f">{-offset}<" if offset else ""
                piece += f"{glyph_id:{form}}"
            logical_width = widths.get(glyph_id)
            if logical_width is None:
                pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect,
                                                   stream.logical_rect)
                logical_width = widths[glyph_id] = round(
                    stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
            kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
            if piece is None:  # Raised or lowered: shown apart already.
                if kerning:
                    string += f">{int(kerning)}<"
                continue
            if kerning:
                piece += f">{int(kerning)}<"
            if info[0] == glyph_id:  # Not a .notdef: one is drawn, and said, each time.
                pieces[info] = piece
            string += piece
        string = string[:-1] if string[-1] == "<" else string + ">"
    stream.show_text(string)
    return []
