"""Compute fewer styles: pseudo-elements only where the print template has them, and one style
for elements alike in all but their place in the text.

WeasyPrint computes a style for each element and pseudo-element its stylesheets give
declarations to, and shares one between elements of the same parent style matching the same
rules (WeasyPrint 70's ``StyleFor``). Two things made it compute far more than the print
template needs:

- Its user-agent stylesheet gives *every* element six pseudo-elements (``::marker``,
  ``::footnote-call``, ``::footnote-marker``, ``::note-call``, ``::note-marker``,
  ``::note-callback``): on the Haidian briefing 9,354 styles for 1,559 elements, each built and
  read. Here ``::marker`` is given to list items only (the only elements WeasyPrint gives a
  marker), and the notes' pseudo-elements to none: the print stylesheet gives its one kind of
  footnote (``.term__tip``) its call and marker in full (tests/test_printing_styles.py checks
  each footnote of the stylesheet has both), and the template uses no ``position: note()``.
  Kept for every element, the two footnote rules alone cost 5.5 % more Python calls. So a
  footnote in HTML written by ``PdfWriter`` must have its own ``::footnote-call`` and
  ``::footnote-marker`` rules (WeasyPrint fails the render without them).
- It reads an element's ``lang`` attribute as a declaration of its own, a new object for each
  element, so no two elements with a ``lang`` shared a style, nor did anything inside them:
  each of the appendix's 108 quoted sentences (``<td lang="zh-Hans"><a>…``) computed its cell's
  and its link's styles afresh. Here elements of one language share one declaration.

Measured on the Haidian briefing (one render, zh-Hans; en and zh-Hant alike): 4.44 to 4.12
million Python calls, 28 % fewer style properties computed (125,681 to 88,471). The PDFs are
the same to the pixel (every page compared as images at 60 dpi in the three languages).

Installed only on the WeasyPrint it was checked against (``CHECKED_VERSION``, pinned in
pyproject.toml): another version computes its own way until this is checked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

CHECKED_VERSION = "70.0"
# The user-agent rules given to every element, and to whom they are given here (None: no one).
_SCOPED = {"marker": "li", "footnote-call": None, "footnote-marker": None, "note-call": None,
           "note-marker": None, "note-callback": None}
_MARK = "_one_declaration_a_language"
_html_class: Any = None


def html_class() -> Any:
    """Return the class to parse print HTML with: WeasyPrint's ``HTML`` whose user-agent
    stylesheet gives pseudo-elements only where the template has them (on the WeasyPrint it
    was checked against; WeasyPrint's own ``HTML`` elsewhere)."""
    global _html_class
    if _html_class is None:
        import weasyprint

        sheet = _user_agent_sheet() if weasyprint.__version__ == CHECKED_VERSION else None
        if sheet is None:
            _html_class = weasyprint.HTML
        else:
            class PrintHTML(weasyprint.HTML):  # type: ignore[misc,name-defined]
                """WeasyPrint's HTML with the print template's user-agent stylesheet."""

                def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
                    # The print template has no forms: WeasyPrint's form sheet is never asked for.
                    return [sheet]

            _html_class = PrintHTML
    return _html_class


def _user_agent_sheet() -> Any:
    """Return the print template's user-agent stylesheet parsed (``user_agent_text``); None
    if WeasyPrint's has not the rules expected."""
    from weasyprint import CSS
    from weasyprint.html import UA_COUNTER_STYLE

    text = user_agent_text()
    return None if text is None else CSS(string=text, counter_style=UA_COUNTER_STYLE)


def user_agent_text() -> str | None:
    """Return WeasyPrint's user-agent stylesheet with its pseudo-element rules scoped
    (``_SCOPED``); None if it has not each of them once, alone on its line."""
    from weasyprint.html import UA

    text = UA
    for pseudo, scope in _SCOPED.items():
        rule = re.compile(rf"^::{pseudo} (\{{[^}}]*\}})$", re.M)
        if len(rule.findall(text)) != 1:
            return None
        text = rule.sub(rf"{scope}::{pseudo} \1" if scope else "", text)
    return text


def install() -> bool:
    """Make elements of one language share their ``lang`` declaration in this process, so
    that elements alike share a style, and compute the properties no rule sets the short way;
    return whether it is in effect."""
    import weasyprint
    from weasyprint import css

    found = css.find_style_attributes
    if getattr(found, _MARK, False):
        return True
    if weasyprint.__version__ != CHECKED_VERSION:
        return False

    def shared_languages(tree: Any, presentational_hints: bool = False,
                         base_url: str | None = None) -> Iterator[tuple[Any, Any, Any, Any]]:
        # WeasyPrint keys an element's style by the last declarations it yields here (lang,
        # then id: an element with an id keeps a style of its own). An element with a style
        # attribute or presentational hints keeps its own declaration: its key would
        # otherwise leave those out.
        shared: dict[tuple[str, str | None], Any] = {}
        for specificity, element, declarations, url in found(tree, presentational_hints,
                                                              base_url):
            if (not presentational_hints and len(declarations) == 1
                    and getattr(declarations[0], "lower_name", None) == "-weasy-lang"
                    and element.get("style") is None):
                declarations = shared.setdefault((element.get("lang"), url), declarations)
            yield specificity, element, declarations, url

    setattr(shared_languages, _MARK, True)
    vars(shared_languages)["__wrapped__"] = found  # WeasyPrint's own, for tests to compare with
    # StyleFor reads it from the module at each document.
    css.find_style_attributes = shared_languages
    css.ComputedStyle.__missing__ = _inherited_or_initial(css.ComputedStyle.__missing__)
    return True


def _inherited_or_initial(missing: Any) -> Any:
    """Return ``ComputedStyle.__missing__`` (``missing``) with a short way for a property no
    rule sets on the element: its parent's value if it is inherited, else its initial value.

    WeasyPrint's way goes through every special case (logical properties, variables, math
    functions, text decorations, named pages, float and display) for each property of each
    style; most properties of most styles are set by no rule. Those that are, and the special
    properties, go WeasyPrint's way. Measured on the Haidian briefing: 3.93 to 3.80 million
    Python calls a render, the same PDF.
    """
    from weasyprint.css import INHERITED, INITIAL_NOT_COMPUTED, INITIAL_VALUES
    from weasyprint.css.computed_values import PHYSICAL_FUNCTIONS
    from weasyprint.css.functions import check_math

    plain = frozenset(key for key, value in INITIAL_VALUES.items()
                      if key not in INITIAL_NOT_COMPUTED and not check_math(value)
                      and key not in ("float", "display", "position", "page")
                      and not key.startswith(("text_decoration_", "__")))

    def inherited_or_initial(style: Any, key: str) -> Any:
        if key in plain and key not in style.cascaded:
            # A physical property (margin_left) takes the value of its logical one if set.
            logical = PHYSICAL_FUNCTIONS.get(key)
            if logical is None or logical(block="ttb", inline=style["direction"]) \
                    not in style.cascaded:
                if key not in INHERITED:
                    value = style[key] = INITIAL_VALUES[key]
                    return value
                parent = style.parent_style
                if parent is not None:
                    value = parent[key]
                    if not check_math(value):  # Else computed again in the element.
                        style[key] = value
                        return value
        return missing(style, key)

    vars(inherited_or_initial)["original"] = missing  # For tests to compare with.
    return inherited_or_initial
