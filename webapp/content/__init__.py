"""Content: typed models of ``content/``, loaded and validated once at start-up.

``loading`` reads and checks the files, ``models`` holds what they become, ``yamlfile`` keeps
the line of every field for error messages, ``figures`` reads and formats numbers, and ``style``
checks the English of every text.
"""

from __future__ import annotations

from .loading import load_content, load_converter

__all__ = ["load_content", "load_converter"]
