"""Write a drafted report into ``content/reports/<id>/``, atomically, never over one unasked.

The folder is written whole in a staging folder beside ``reports/`` and renamed into place, so
a reader (the app, a content check) sees the old report or the new one, never half of either.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..content.texts import SLUG_MAX_LENGTH, is_slug
from . import DraftError
from .draft import Draft

HEADER = """\
# A draft briefing, written by `flask --app webapp report draft` ({date}).
# Every text marked `drafted` is machine-drafted: it shows as such on the site until a person
# edits it (or deletes its `drafted` key, to accept it unchanged). Empty `en` awaits
# translation. When the whole briefing is reviewed, set `status: final`. Schema: content/README.md.
"""


def report_folder(content_dir: Path, report_id: str) -> Path:
    """Return the folder of ``report_id``; raise DraftError if it is not a valid id.

    Checked before the id names any file: a long one made the file system raise.
    """
    if not is_slug(report_id):
        raise DraftError(f"report id {report_id[:SLUG_MAX_LENGTH + 1]!r} must be kebab-case "
                         f"(lowercase letters, digits, -), at most {SLUG_MAX_LENGTH} characters")
    return content_dir / "reports" / report_id


def ensure_writable(content_dir: Path, report_id: str, force: bool) -> Path:
    """Return the report's folder; raise DraftError if it exists and ``force`` is not given."""
    folder = report_folder(content_dir, report_id)
    if folder.exists() and not force:
        raise DraftError(f"{folder} exists: use --force to replace it")
    return folder


def write_report(content_dir: Path, report_id: str, draft: Draft, force: bool = False,
                 check: Callable[[Path], list[str]] | None = None) -> Path:
    """Write ``source.txt``, ``briefing.yaml`` and ``glossary-candidates.yaml``; return the folder.

    ``check`` validates the staged folder before it takes the report's place: a problem it
    names stops the write (DraftError), and nothing in ``reports/`` changes.
    """
    folder = ensure_writable(content_dir, report_id, force)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".draft-{report_id}-", dir=content_dir))
    try:
        (staging / "source.txt").write_text(draft.text, encoding="utf-8")
        (staging / "briefing.yaml").write_text(briefing_yaml(draft), encoding="utf-8")
        (staging / "glossary-candidates.yaml").write_text(candidates_yaml(draft), encoding="utf-8")
        problems = check(staging) if check is not None else []
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DraftError(f"the draft fails the content check: {problems[0]}{more}")
        _replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _replace(staging: Path, folder: Path) -> None:
    """Move ``staging`` to ``folder``; an old folder is moved aside first and removed after."""
    if not folder.exists():
        os.replace(staging, folder)
        return
    old = staging.with_name(staging.name + "-old")
    os.replace(folder, old)
    try:
        os.replace(staging, folder)
    except OSError:
        os.replace(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)


def briefing_yaml(draft: Draft) -> str:
    """Return the briefing as YAML: the fields, then the parts with the line each run starts."""
    data = dict(draft.data)
    parts = data.pop("parts")
    date = data["revisions"][0]["date"]
    body = _dump(data)
    lines = ["parts:"]
    for run in parts:
        block = draft.source.block(run["from"])
        where = f"line {block.line}: {block.text[:24]}" if block else ""
        where = " ".join(where.split())
        lines.append(f"  - {{from: {run['from']}, part: {run['part']}}}  # {where}")
    return HEADER.format(date=date) + "\n" + body + "\n" + "\n".join(lines) + "\n"


def candidates_yaml(draft: Draft) -> str:
    """Return the glossary candidates as YAML, for a person to turn into glossary.yaml entries."""
    entries = [{"term": candidate.term, "occurrences": candidate.occurrences,
                **({"known": candidate.known} if candidate.known else {}),
                **({"definition": candidate.definition} if candidate.definition else {})}
               for candidate in draft.candidates]
    header = ("# Glossary candidates found by the drafter: terms the report quotes or defines.\n"
              "# `known` names the glossary entry that already has the term.\n")
    return header + _dump({"candidates": entries})


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000,
                          default_flow_style=False)
