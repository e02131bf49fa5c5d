"""Content: typed models of ``content/``, loaded and validated once at start-up.

``loading`` reads and validates the files (``checks`` what the schema cannot), ``models``
holds what they become, ``yamlfile`` keeps the line of every field for error messages,
``figures`` formats figures per language, and ``style`` checks the English of every text.
"""

from __future__ import annotations

from .loading import all_content, current_content, init_app, load_content, load_converter

__all__ = ["all_content", "current_content", "init_app", "load_content", "load_converter"]
