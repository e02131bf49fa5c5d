"""Content: typed models of ``content/``, loaded and validated once at start-up.

``loading`` reads and validates the files into what they become (``checks`` what the schema
cannot): ``texts`` (texts in every language, quotes, the base of every model), ``statistics``
(figures and what they count), ``briefing`` (a report's briefing), ``terms`` (the glossary) and
``reports`` (each report loaded, and the whole ``Content``). ``yamlfile`` keeps the line of
every field for error messages, ``figures`` formats figures per language, and ``style`` checks
the English of every text. Knows no app: the web layer keeps the loaded content on one
(``webapp.web.content``).
"""

from __future__ import annotations

from .loading import load_content, load_converter

__all__ = ["load_content", "load_converter"]
