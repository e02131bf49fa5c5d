"""The shape of CSL-JSON (CSL 1.0.2 input data), for validating what the site exports.

Written from the specification's list of item types and variables: an item has an ``id`` and
a ``type`` of the list; names are objects of name parts; dates are ``date-parts`` (one or two
dates of one to three parts), ``raw`` or ``literal``. Only the variables the site writes are
allowed, each as CSL types it, so a misspelt variable fails as Zotero would drop it.
"""

from __future__ import annotations

from typing import Any

ITEM_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
    "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score",
    "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
]
STRING_VARIABLES = ("title", "container-title", "publisher", "URL", "version", "language",
                    "note", "event", "genre")
DATE_VARIABLES = ("issued", "accessed", "event-date")

NAME: dict[str, Any] = {
    "type": "object",
    "properties": {part: {"type": "string"} for part in
                   ("family", "given", "literal", "suffix", "dropping-particle",
                    "non-dropping-particle")},
    "additionalProperties": False,
}
DATE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                       "items": {"type": "array", "minItems": 1, "maxItems": 3,
                                 "items": {"type": ["string", "number"]}}},
        "raw": {"type": "string"},
        "literal": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_DATA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": ITEM_TYPES},
            "author": {"type": "array", "items": NAME},
            **{name: {"type": "string"} for name in STRING_VARIABLES},
            **{name: DATE for name in DATE_VARIABLES},
        },
    },
}
