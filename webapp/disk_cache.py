"""The PDF cache: rendered PDFs on disk, kept per generation as pages are kept in memory.

The same generation as the page cache's (``cache.Generation``: content, code, templates,
catalogs and static files) names the folder a PDF is kept in: one mechanism decides for both
when rendered output is stale. Every worker and render process of a site shares the folder;
files are written whole (a temporary file renamed) and opened before use, so pruning by another
process never takes away a PDF being sent.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .cache import Generation, stat

# Beside each cached PDF, its page count (the PDF's name with this suffix), so a page can tell
# the reader how long the PDF is without opening or rendering it.
PAGES_SUFFIX = ".pages"
# The cache keeps a folder per generation; pruning looks only there.
GENERATION_NAME = re.compile(r"[0-9a-f]{16}")
# A file of the cache unused this long is litter: a temporary file a dead process left, or a PDF
# of another generation. Not sooner: a worker that has not reloaded yet still serves its own.
UNUSED_AFTER_S = 3600
LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class CachedFacts:
    """What a reader may know of a cached PDF before downloading it."""

    size: int
    pages: int


@dataclass(frozen=True)
class OpenPdf:
    """A PDF open for reading (so pruning cannot take it away); close it when done.

    The ETag is a digest of the bytes: a briefing rendered again (it prints the date it was
    generated) differs, and a range request must not mix the two.
    """

    file: BinaryIO
    size: int
    etag: str

    def __enter__(self) -> OpenPdf:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.file.close()

    @classmethod
    def of(cls, data: bytes) -> OpenPdf:
        """Return PDF bytes just rendered, open as a cached PDF would be."""
        buffer = io.BytesIO(data)
        return cls(buffer, len(data), _digest(buffer))


class PdfCache:
    """PDFs by key in a folder per generation, the least recently used pruned beyond ``max_bytes``."""

    def __init__(self, folder: Path, generation: Generation, max_bytes: int) -> None:
        self.folder = folder
        self.generation = generation
        self.max_bytes = max_bytes

    def path(self, name: str, key: Iterable[str]) -> Path:
        """Return where the PDF named ``name`` (a readable prefix) and keyed by ``key`` is kept."""
        digest = hashlib.sha256("\n".join(key).encode()).hexdigest()[:16]
        return self.folder / self.generation.key / f"{name}-{digest}.pdf"

    def open(self, path: Path) -> OpenPdf | None:
        """Open a cached PDF and mark it used (its mtime orders pruning); None if it is not there."""
        try:
            file = path.open("rb")
        except OSError:  # Not there, or a cache that cannot be read: render, as for a miss.
            return None
        try:
            # An explicit time: the kernel's own may be coarse, tying with a file written just before.
            now = time.time_ns()
            os.utime(file.fileno(), ns=(now, now))
        except OSError:
            pass  # A read-only cache still serves; it is only pruned less well.
        return OpenPdf(file, os.fstat(file.fileno()).st_size, _digest(file))

    def facts(self, path: Path) -> CachedFacts | None:
        """Return the size and page count of a cached PDF, or None if it is not cached.

        The PDF is not opened, so asking does not count as a use for pruning.
        """
        try:
            size = path.stat().st_size
            pages = int(pages_path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # Not cached, or its page count is missing or unreadable.
            return None
        return CachedFacts(size, pages)

    def put(self, path: Path, data: bytes, pages: int) -> None:
        """Keep a PDF and its page count, then prune; a cache that cannot be written is logged."""
        try:
            # The page count first, so that a cached PDF always has it beside it.
            _write_atomically(pages_path(path), f"{pages}\n".encode())
            _write_atomically(path, data)
            self.prune(path.parent)
        except OSError as error:
            # Serving what was rendered comes first: the disk may be full, or another
            # worker may have removed the folder mid-write.
            LOGGER.warning("PDF cache not updated: %s", error)

    def epoch(self) -> str:
        """Return a mark that changes whenever a PDF of this generation is added or removed.

        Pages state the size and page count of PDFs already made: the page cache keys pages by
        this mark too, so a page made before its PDF does not stay without them.
        """
        return str(stat(self.folder / self.generation.key)[1])

    def prune(self, current: Path) -> None:
        """Remove litter from the cache, then its least recently used PDFs beyond the cap.

        Only PDFs, their page counts and temporary files in generation folders are removed, and
        emptied folders: nothing else that may share the folder. A page count goes with its
        PDF, and alone once unused (a write that failed between the two); the cap counts PDFs.
        """
        now_ns = time.time_ns()
        kept = []
        for generation in self.folder.iterdir():
            if not (GENERATION_NAME.fullmatch(generation.name) and generation.is_dir()):
                continue
            for path in generation.iterdir():
                _name, used_ns, size = stat(path)
                unused = size >= 0 and (now_ns - used_ns) / 1e9 > UNUSED_AFTER_S
                if path.name.startswith(".") and path.suffix == ".tmp":
                    if unused:
                        path.unlink(missing_ok=True)
                elif path.suffix == PAGES_SUFFIX:
                    if unused and not path.with_suffix(".pdf").exists():
                        path.unlink(missing_ok=True)
                elif path.suffix == ".pdf" and size >= 0:
                    if unused and generation != current:
                        _remove(path)
                    else:
                        kept.append((used_ns, size, path))
            with suppress(OSError):  # Not empty: kept as it is.
                generation.rmdir()
        kept.sort()
        total = sum(size for _used, size, _path in kept)
        for _used, size, path in kept:
            if total <= self.max_bytes:
                break
            _remove(path)
            total -= size

    def writable(self) -> bool:
        """Tell whether the cache's folder can be made and written to."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.folder):
                return True
        except OSError:
            return False


def pages_path(pdf_path: Path) -> Path:
    """Return where the page count of the PDF at ``pdf_path`` is kept."""
    return pdf_path.with_suffix(PAGES_SUFFIX)


def _remove(pdf_path: Path) -> None:
    """Remove a cached PDF, then its page count (a PDF is never left without it)."""
    pdf_path.unlink(missing_ok=True)
    pages_path(pdf_path).unlink(missing_ok=True)


def _digest(file: io.BufferedReader | io.BytesIO) -> str:
    """Return a digest of ``file``'s bytes (about 1 ms for a briefing), leaving it at the start."""
    digest = hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
    file.seek(0)
    return digest


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the whole file or none of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", suffix=".tmp",
                                     delete=False) as temporary:
        try:
            temporary.write(data)
            temporary.flush()
            os.fsync(temporary.fileno())
        except BaseException:
            os.unlink(temporary.name)
            raise
    os.replace(temporary.name, path)
