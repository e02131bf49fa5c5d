"""Make a reviewed draft final: ``status: final`` in its briefing.yaml, nothing else changed.

The file is edited as text, not dumped again, so the editor's comments, order and quoting stay
as they wrote them; the command checks the result as ``content check`` does before it replaces
the file (webapp/cli.py).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import DraftError

# The top-level key as the drafter writes it, with any comment after it.
_DRAFT_STATUS = re.compile(r"^status:[ \t]*(['\"]?)draft\1[ \t]*(#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Forcing:
    """Who made a draft final before it was wholly reviewed, why, and what was left then."""

    by: str
    why: str
    left: str
    date: datetime.date


def published_text(text: str, forcing: Forcing | None) -> str:
    """Return ``text`` (a briefing.yaml) with ``status: final``, and the forcing recorded if any.

    Raises DraftError if the file has no top-level ``status: draft`` line to change.
    """
    found = list(_DRAFT_STATUS.finditer(text))
    if len(found) != 1:
        raise DraftError("briefing.yaml has no single top-level `status: draft` line to change")
    comment = f"  {found[0][2]}" if found[0][2] else ""
    text = text[:found[0].start()] + "status: final" + comment + text[found[0].end():]
    if forcing is not None:
        # JSON strings are YAML strings: quoted and escaped, whatever the editor typed.
        text = text.rstrip("\n") + "\n" + "\n".join([
            "# Made final before every text was reviewed (flask report publish --force).",
            "forced:",
            f"  date: {forcing.date.isoformat()}",
            f"  by: {json.dumps(forcing.by, ensure_ascii=False)}",
            f"  why: {json.dumps(forcing.why, ensure_ascii=False)}",
            f"  left: {json.dumps(forcing.left, ensure_ascii=False)}",
        ]) + "\n"
    return text


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` at once: a reader sees the old file or the new, never half."""
    handle, staged = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(staged, path.stat().st_mode & 0o777)
        os.replace(staged, path)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
