"""Digests of files, which name generations: of the content, and of the code that reads it."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def files(folder: Path, suffix: str = "") -> list[Path]:
    """Return the files under ``folder`` (ending in ``suffix``) in a stable order."""
    return sorted(path for path in folder.rglob(f"*{suffix}")
                  if path.is_file() and "__pycache__" not in path.parts)


def fingerprint(paths: Iterable[Path], root: Path) -> str:
    """Hash the names (relative to ``root``, so a moved checkout keeps its cache) and bytes of ``paths``."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.path.relpath(path, root).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def code_digest(leaving_out: frozenset[str] = frozenset()) -> str:
    """Return the digest of the app's Python modules, but for the packages named in ``leaving_out``.

    Taken once per process: a process runs the code it imported, whatever the files say later
    (and a test session that makes a thousand apps hashes the code once, not a thousand times).
    """
    modules = [path for path in files(PACKAGE, ".py")
               if path.relative_to(PACKAGE).parts[0] not in leaving_out]
    return fingerprint(modules, PACKAGE)
