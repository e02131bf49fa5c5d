"""Build the content once per generation, so that no process validates or indexes it again.

A build validates the content (``load_content``), with every zh-Hant text converted once, and
makes its search index; it keeps both in one SQLite file under ``instance/`` named for the
content's generation: a digest of every content file (its name and bytes) and of the code that
reads them. A changed content file makes a new generation, hence a new file. The file holds the
search index's FTS5 tables, the content without its reports, and each report (with the search
entries it holds) pickled by itself: a process opens the file read-only, reads the rest of the
content at start-up and a report the first time it is asked for.

A build is written to a temporary file in the same folder, flushed to disk and renamed into
place in one step, so no process ever opens half of one; a lock file keeps two processes from
building the same generation at once (the second waits, then opens the first one's).
"""

from __future__ import annotations

import copyreg
import fcntl
import hashlib
import io
import os
import pickle
import sqlite3
import threading
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, overload

from .content import load_content
from .content.reports import Content, Report, StoredReports
from .digests import code_digest, files, fingerprint
from .search import Entry, SearchIndex, StoredIndex, collect_entries

# Bumped when what a build holds changes shape in a way the code digest would not show.
FORMAT = 1
SUFFIX = ".sqlite"
# Generations kept in the folder: the newest, and the one before it, which processes started
# before the newest was built may still open (a render process started by an older worker).
KEEP = 2
# What shapes no model a build holds: the web layer's packages.
_WEB_LAYER = frozenset({"views", "web", "templates"})


@dataclass(frozen=True)
class Build:
    """A content build, opened read-only: the content and the search index of its public view."""

    path: Path
    content: Content
    _reader: _Reader

    def search_index(self) -> SearchIndex:
        """Open the search index of the published content (reads only what searches list)."""
        return self._reader.search_index()


def generation(content_dir: Path) -> str:
    """Return the digest naming the content's generation: every file's name and bytes, and the
    code that reads them (a build pickles its models): all but the web layer's, so that an edit
    to a view or a template does not rebuild the content."""
    digest = hashlib.sha256(f"format {FORMAT}\0".encode())
    digest.update(fingerprint(files(content_dir), content_dir).encode())
    digest.update(code_digest(_WEB_LAYER).encode())
    return digest.hexdigest()[:24]


def ensure_built(content_dir: Path, build_dir: Path) -> Path:
    """Return the build of the content's current generation, building it first if there is none.

    Raises ContentError (naming every problem) if the content is invalid.
    """
    name = generation(content_dir) + SUFFIX
    target = build_dir / name
    if target.exists():
        return target
    build_dir.mkdir(parents=True, exist_ok=True)
    with _locked(build_dir / ".lock"):
        if not target.exists():  # Not built by another process while this one waited.
            _write(load_content(content_dir), target)
            _prune(build_dir, keep=name)
    return target


def open_build(path: Path) -> Build:
    """Open a build read-only: the content at once, each report when first asked for."""
    return _Reader(path).build()


def _write(content: Content, target: Path) -> None:
    """Write the build of ``content`` to ``target``: to a temporary file first, then renamed."""
    published = content.published()
    entries = collect_entries(published)
    # Entries stand glossary first, then report by report; each report keeps its own.
    by_report: dict[str, list[Entry]] = {report_id: [] for report_id in published.reports}
    glossary_entries = []
    for entry in entries:
        if entry.report is None:
            glossary_entries.append(entry)
        else:
            by_report[entry.report.id].append(entry)
    starts = [0]
    for found in [glossary_entries, *by_report.values()]:
        starts.append(starts[-1] + len(found))
    if starts[-1] != len(entries):
        raise AssertionError("search entries must stand glossary first, then report by report")
    temporary = target.with_name(f".{target.stem}-{os.getpid()}-{threading.get_ident()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(temporary)) as db:
            stored = SearchIndex(entries).save(db)
            db.executescript("CREATE TABLE build (key TEXT PRIMARY KEY, value BLOB);"
                             "CREATE TABLE reports (id TEXT PRIMARY KEY, value BLOB);")
            drafts = frozenset(report_id for report_id, report in content.reports.items()
                               if report.briefing.is_draft)
            rest = replace(content, reports={})
            db.execute("INSERT INTO build VALUES ('content', ?)",
                       (_dumps((rest, tuple(content.reports), drafts, glossary_entries)),))
            db.execute("INSERT INTO build VALUES ('search', ?)",
                       (_dumps((stored.groups, stored.pinyin, starts[:-1],
                                tuple(published.reports))),))
            db.executemany("INSERT INTO reports VALUES (?, ?)",
                           ((report_id, _dumps((report, by_report.get(report_id, []))))
                            for report_id, report in content.reports.items()))
            db.commit()
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # The rename itself survives a crash.
        finally:
            os.close(directory)
    finally:
        temporary.unlink(missing_ok=True)


class _Reader:
    """Read one build: its database opened read-only, each report unpickled once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # immutable: a build never changes once renamed into place, so SQLite need not lock it.
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()
        self._reports: dict[str, tuple[Report, list[Entry]]] = {}

    def build(self) -> Build:
        rest, ids, drafts, self._glossary_entries = pickle.loads(self._value("content"))
        reports = StoredReports(ids, drafts, lambda report_id: self._report(report_id)[0])
        return Build(self.path, replace(rest, reports=reports), self)

    def search_index(self) -> SearchIndex:
        groups, pinyin, starts, report_ids = pickle.loads(self._value("search"))
        entries = _StoredEntries(self, starts, report_ids, len(groups))
        return SearchIndex(entries, StoredIndex(self._db, groups, pinyin))

    def entries(self, report_id: str | None) -> list[Entry]:
        """Return the search entries of a report (None: the glossary's)."""
        return self._glossary_entries if report_id is None else self._report(report_id)[1]

    def _report(self, report_id: str) -> tuple[Report, list[Entry]]:
        found = self._reports.get(report_id)
        if found is None:
            with self._lock:
                found = self._reports.get(report_id)
                if found is None:
                    row = self._db.execute("SELECT value FROM reports WHERE id = ?",
                                           (report_id,)).fetchone()
                    found = self._reports[report_id] = pickle.loads(row[0])
        return found

    def _value(self, key: str) -> bytes:
        with self._lock:
            (value,) = self._db.execute("SELECT value FROM build WHERE key = ?", (key,)).fetchone()
        return bytes(value)


class _StoredEntries(Sequence[Entry]):
    """The search entries of a build, read a report at a time when an entry of it is asked for."""

    def __init__(self, reader: _Reader, starts: list[int], report_ids: tuple[str, ...],
                 length: int) -> None:
        self._reader = reader
        self._starts = starts
        # The glossary's entries come first (None), then each published report's.
        self._owners: list[str | None] = [None, *report_ids]
        self._length = length

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._length))]
        if not 0 <= index < self._length:
            raise IndexError(index)
        chunk = bisect_right(self._starts, index) - 1
        return self._reader.entries(self._owners[chunk])[index - self._starts[chunk]]

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Entry]:
        return (self[index] for index in range(self._length))


def _dumps(value: object) -> bytes:
    """Pickle ``value``, with read-only mappings (a translation's blocks) as their contents."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[MappingProxyType] = _reduce_proxy
    pickler.dump(value)
    return buffer.getvalue()


def _reduce_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _proxy, (dict(proxy),)


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (made if missing), waiting for another holder."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(build_dir: Path, keep: str) -> None:
    """Remove all builds but the newest ``KEEP`` (``keep`` among them); a process that opened
    one removed goes on reading it (an open file outlives its name)."""
    builds = sorted((path for path in build_dir.glob(f"*{SUFFIX}") if path.name != keep),
                    key=lambda path: path.stat().st_mtime, reverse=True)
    for path in builds[KEEP - 1:]:
        path.unlink(missing_ok=True)
