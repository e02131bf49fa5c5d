"""Generate the zh-Hant interface catalog from the zh-Hans one (``python -m webapp.catalogs``).

The Traditional catalog is a character conversion of the Simplified one, with the same OpenCC
config and overrides as the content, so the two never drift apart.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .config import PROJECT_ROOT
from .content import load_converter
from .content.yamlfile import ContentError
from .languages import TraditionalConverter


def convert_catalog(simplified: Catalog, converter: TraditionalConverter) -> Catalog:
    """Return a zh_Hant catalog holding ``simplified``'s messages, converted."""
    traditional = Catalog(locale="zh_Hant", project=simplified.project, fuzzy=False)
    for message in simplified:
        if not message.id:
            continue
        if isinstance(message.string, tuple | list):
            string: str | tuple[str, ...] = tuple(converter.convert(s) for s in message.string)
        else:
            string = converter.convert(message.string or "")
        traditional.add(message.id, string, locations=message.locations,
                        flags=message.flags, auto_comments=message.auto_comments,
                        context=message.context)
    return traditional


def main(root: Path = PROJECT_ROOT) -> None:
    """Write translations/zh_Hant/LC_MESSAGES/messages.po atomically."""
    try:
        converter = load_converter(root / "content")
    except ContentError as error:
        raise SystemExit(f"Invalid content:\n{error}") from None
    source = root / "translations" / "zh_Hans" / "LC_MESSAGES" / "messages.po"
    with source.open("rb") as file:
        simplified = read_po(file, locale="zh_Hans")
    target = root / "translations" / "zh_Hant" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as file:
        write_po(file, convert_catalog(simplified, converter))
    os.replace(temporary, target)


if __name__ == "__main__":
    main()
