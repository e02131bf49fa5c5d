"""Build the content once per generation, so that no process validates or indexes it again.

A build validates the content (``load_content``), with every zh-Hant text converted once, and
makes its search index; it keeps both in one SQLite file under ``instance/`` named for the
content's generation: a digest of every content file (its name and bytes) and of the code that
reads them. A changed content file makes a new generation, hence a new file. The file holds the
search index's FTS5 tables, the content without its reports, each report pickled by itself,
and each search entry pickled by itself with the names it is ranked by beside it: a process
opens the file read-only, reads the rest of the content at start-up, a report the first time
it is asked for, and of the entries only those a search lists (or ranks). An entry names its
report by a ``ReportRef`` (id, title, document kind), kept once for all entries, so listing a
hit never reads a report.

A build is written to a temporary file in the same folder, flushed to disk and renamed into
place in one step, so no process ever opens half of one; a lock file keeps two processes from
building the same generation at once (the second waits, then opens the first one's).
"""

from __future__ import annotations

import copyreg
import fcntl
import hashlib
import io
import json
import os
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from .content import load_content
from .content.reports import Content, Report, StoredReports
from .digests import code_digest, files, fingerprint
from .recent import Recent
from .search import Entry, Field, ReportRef, SearchIndex, StoredIndex, collect_entries
from .search.check import naming
from .search.text import Pinyin

T = TypeVar("T")
# Bumped when what a build holds changes shape in a way the code digest would not show.
FORMAT = 2
SUFFIX = ".sqlite"
# Generations kept in the folder: the newest, and the one before it, which processes started
# before the newest was built may still open (a render process started by an older worker).
KEEP = 2
# How many search entries a process keeps read (each a few kB), and how many entries' names
# (a few hundred bytes each): enough for the pages of the searches most asked for.
KEPT_ENTRIES = 2048
KEPT_NAMES = 16384
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
    entries = collect_entries(content.published())
    refs = {entry.report.id: entry.report for entry in entries if entry.report is not None}
    temporary = target.with_name(f".{target.stem}-{os.getpid()}-{threading.get_ident()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(temporary)) as db:
            groups, pinyin = SearchIndex(entries).save(db)
            db.executescript("CREATE TABLE build (key TEXT PRIMARY KEY, value BLOB);"
                             "CREATE TABLE reports (id TEXT PRIMARY KEY, value BLOB);"
                             "CREATE TABLE entries (id INTEGER PRIMARY KEY, names BLOB,"
                             " value BLOB);")
            drafts = frozenset(report_id for report_id, report in content.reports.items()
                               if report.briefing.is_draft)
            rest = replace(content, reports={})
            db.executemany("INSERT INTO build VALUES (?, ?)", (
                ("content", _dumps((rest, tuple(content.reports), drafts))),
                ("search", _dumps((tuple(groups), tuple(refs.values())))),
                ("pinyin", _dumps(pinyin))))
            db.executemany("INSERT INTO reports VALUES (?, ?)",
                           ((report_id, _dumps(report))
                            for report_id, report in content.reports.items()))
            db.executemany("INSERT INTO entries VALUES (?, ?, ?)",
                           ((number, _dumps(_names(entry)), _dumps(_kept(entry), refs_by_id=True))
                            for number, entry in enumerate(entries)))
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


def _kept(entry: Entry) -> Entry:
    """Return an entry as a build keeps it: its fields made once (a figure's formatted value)."""
    return replace(entry, fields={tag: entry.fields[tag] for tag in entry.fields})


def _names(entry: Entry) -> dict[str, tuple[Field, ...]]:
    """Return what ranks an entry, in each language (``EntrySource.names``)."""
    return {tag: naming(fields) for tag, fields in entry.searched.items()}


class _Reader:
    """Read one build: its database opened read-only, each report unpickled once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # immutable: a build never changes once renamed into place, so SQLite need not lock it.
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()
        self._pinyin: Pinyin | None = None

    def build(self) -> Build:
        rest, ids, drafts = pickle.loads(self._value("content"))
        reports = StoredReports(ids, drafts, self._report)
        return Build(self.path, replace(rest, reports=reports), self)

    def search_index(self) -> SearchIndex:
        groups, refs = pickle.loads(self._value("search"))
        entries = _StoredEntries(self, {ref.id: ref for ref in refs})
        return SearchIndex(StoredIndex(self._db, entries, groups, self.pinyin))

    def pinyin(self) -> Pinyin:
        """Return the index's pinyin, read the first time a search needs it."""
        # Two threads may both read it at first: each reads the same, one is kept.
        if self._pinyin is None:
            pinyin: Pinyin = pickle.loads(self._value("pinyin"))
            self._pinyin = pinyin
        return self._pinyin

    def rows(self, column: str, numbers: Sequence[int]) -> dict[int, bytes]:
        """Return a column (``names`` or ``value``) of the entries numbered ``numbers``."""
        with self._lock:
            return dict(self._db.execute(
                f"SELECT id, {column} FROM entries WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(numbers),)))

    def _report(self, report_id: str) -> Report:
        """Read a report (StoredReports keeps it once read)."""
        with self._lock:
            (value,) = self._db.execute("SELECT value FROM reports WHERE id = ?",
                                        (report_id,)).fetchone()
        report: Report = pickle.loads(value)
        return report

    def _value(self, key: str) -> bytes:
        with self._lock:
            (value,) = self._db.execute("SELECT value FROM build WHERE key = ?", (key,)).fetchone()
        return bytes(value)


class _StoredEntries:
    """The search entries of a build (an ``EntrySource``), read only when asked for, the
    last ones read kept; an entry read names its report by the ``ReportRef`` read with the
    index."""

    def __init__(self, reader: _Reader, refs: Mapping[str, ReportRef]) -> None:
        self._reader = reader
        self._refs = refs
        self._entries: Recent[int, Entry] = Recent(KEPT_ENTRIES)
        self._names: Recent[int, dict[str, tuple[Field, ...]]] = Recent(KEPT_NAMES)

    def entries(self, numbers: Sequence[int]) -> list[Entry]:
        """Return the entries numbered ``numbers``, in that order."""
        def load(value: bytes) -> Entry:
            entry: Entry = _EntryUnpickler(io.BytesIO(value), self._refs).load()
            return entry

        return self._read(self._entries, "value", numbers, load)

    def names(self, numbers: Sequence[int], tag: str) -> list[tuple[Field, ...]]:
        """Return the title and other names of the entries numbered ``numbers`` in ``tag``."""
        return [names[tag] for names in self._read(self._names, "names", numbers, pickle.loads)]

    def _read(self, kept: Recent[int, T], column: str, numbers: Sequence[int],
              load: Callable[[bytes], T]) -> list[T]:
        """Return what ``load`` makes of a column of entries, read from the database only
        where it is not kept."""
        found = kept.get(numbers)
        missing = [number for number in numbers if number not in found]
        if missing:
            rows = self._reader.rows(column, missing)
            read = {number: load(rows[number]) for number in missing}
            kept.put(read)
            found.update(read)
        return [found[number] for number in numbers]


class _EntryUnpickler(pickle.Unpickler):
    """Read an entry pickled with ``refs_by_id``, its report's ``ReportRef`` one of ``refs``."""

    def __init__(self, file: io.BytesIO, refs: Mapping[str, ReportRef]) -> None:
        super().__init__(file)
        self._refs = refs

    def persistent_load(self, pid: Any) -> ReportRef:
        return self._refs[pid]


class _Pickler(pickle.Pickler):
    """Pickle read-only mappings (a translation's blocks) as their contents; and, with
    ``refs_by_id``, a ``ReportRef`` as its report's id (``_EntryUnpickler`` puts it back)."""

    def __init__(self, file: io.BytesIO, refs_by_id: bool) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}
        self._refs_by_id = refs_by_id

    def persistent_id(self, obj: Any) -> str | None:
        return obj.id if self._refs_by_id and isinstance(obj, ReportRef) else None


def _dumps(value: object, refs_by_id: bool = False) -> bytes:
    """Pickle ``value`` (see ``_Pickler``)."""
    buffer = io.BytesIO()
    _Pickler(buffer, refs_by_id).dump(value)
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
