"""Set up Pango once per style, not once per piece of text laid out or drawn; measure a
style's line height once.

WeasyPrint 70 makes each text layout (``Layout.setup``: 4,464 of them on the Haidian briefing,
zh-Hans, two or three for each line of text: breaking it, measuring it, drawing it) with a
Pango context, language, font description and font features of its own, all made again from
the box's style. Boxes of one style get the same ones, so here they are made once per style
(kept on the style object, which lives as long as the document) and each layout is made on
them: the context is not changed once made, the description is copied by each layout, and
the features attribute is the one WeasyPrint already shares through its font configuration.
A style with text decorations (their metrics are read from the context) is set up as
WeasyPrint does. WeasyPrint changes the font properties of a style only on copies made before
any layout (``character_ratio``, SVG text).

Measured on the Haidian briefing (CPU time of forked warm renders, 8 rounds interleaved with
WeasyPrint's own setup, load 2.3): zh-Hans 1.94 to 1.77 s (median), en 2.33 to 2.22 s; every
page the same image at 60 dpi in the three languages.

Likewise a style's strut (the line height and baseline of its text, ``strut``): WeasyPrint
keeps it by a key it writes out from fourteen of the style's values at each of its 3,422 calls
(on 692 styles), 4 % of a render's samples (py-spy); kept here on the style.

Installed only on the WeasyPrint it was checked against (``CHECKED_VERSION``, pinned in
pyproject.toml): another version sets up its own way until this is checked again.
"""

from __future__ import annotations

from typing import Any

CHECKED_VERSION = "70.0"
_MARK = "_once_per_style"
# Where a style keeps what its layouts are made on, and its strut.
_KEPT = "_pango_setup"
_STRUT = "_strut"


def install() -> bool:
    """Set up Pango once per style in this process; return whether it is in effect."""
    import weasyprint
    from weasyprint.css import computed_values, units
    from weasyprint.layout import inline
    from weasyprint.text import line_break
    from weasyprint.text.constants import LST_TO_ISO, PANGO_DIRECTION
    from weasyprint.text.ffi import ffi, gobject, pango, unicode_to_char_p
    from weasyprint.text.fonts import font_features, get_font_description

    setup = line_break.Layout.setup
    if getattr(setup, _MARK, False):
        return True
    if weasyprint.__version__ != CHECKED_VERSION:
        return False

    def made_for(style: Any) -> tuple[Any, Any, Any, Any]:
        """Return the context, language, font description and features attribute of layouts
        in ``style``: as WeasyPrint's ``Layout.setup`` makes them."""
        context = ffi.gc(pango.pango_font_map_create_context(style.font_config.font_map),
                         gobject.g_object_unref)
        pango.pango_context_set_round_glyph_positions(context, False)
        pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
        override = style["font_language_override"]
        tag = (LST_TO_ISO.get(override.lower(), override) if override != "normal"
               else style["lang"])
        if tag:
            language = pango.pango_language_from_string(unicode_to_char_p(tag)[0])
            pango.pango_context_set_language(context, language)
        else:
            language = pango.pango_language_get_default()
        features = font_features(
            style["font_kerning"], style["font_variant_ligatures"],
            style["font_variant_position"], style["font_variant_caps"],
            style["font_variant_numeric"], style["font_variant_alternates"],
            style["font_variant_east_asian"], style["font_feature_settings"])
        attribute = None
        if features:
            key = ",".join(f"{name} {value}" for name, value in features.items()).encode()
            attribute = style.font_config.font_features.setdefault(
                key, pango.pango_attr_font_features_new(key))
        return context, language, get_font_description(style), attribute

    def setup_once(self: Any, style: Any) -> None:
        made = vars(style).get(_KEPT)
        if made is None:
            if style["text_decoration_line"] != "none":
                setup(self, style)
                return
            made = vars(style)[_KEPT] = made_for(style)
        context, self.language, description, attribute = made
        self.style = style
        self.first_line_direction = 0
        self.layout = ffi.gc(pango.pango_layout_new(context), gobject.g_object_unref)
        pango.pango_layout_set_auto_dir(self.layout, False)
        pango.pango_layout_set_font_description(self.layout, description)
        self.ascent = self.underline_position = self.strikethrough_position = None
        if attribute is not None:
            # A list of its own: setting the text may add spacing attributes to it.
            attributes = pango.pango_attr_list_new()
            pango.pango_attr_list_insert(attributes, attribute)
            pango.pango_layout_set_attributes(self.layout, attributes)

    strut = line_break.strut

    def strut_once(style: Any) -> tuple[float, float]:
        kept: tuple[float, float] | None = vars(style).get(_STRUT)
        if kept is None:
            kept = vars(style)[_STRUT] = strut(style)
        return kept

    for function, original in ((setup_once, setup), (strut_once, strut)):
        setattr(function, _MARK, True)
        vars(function)["original"] = original  # WeasyPrint's own, for tests to compare with
    line_break.Layout.setup = setup_once
    # Each module calls the strut it imported.
    for module in (line_break, inline, units, computed_values):
        module.strut = strut_once
    return True
