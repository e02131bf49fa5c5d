"""Render PDFs in processes of their own, replaced after a number of renders.

WeasyPrint's memory grows across renders before it levels off (Kozea/WeasyPrint#1950, #2130).
Recycling the web workers for it took every page request down with them; here only the
processes that render PDFs are recycled (``max_tasks_per_child``), so the workers serving pages
never restart under load. A render process is given the print template rendered (the worker
renders it, with the content and the web layer it has): it loads WeasyPrint alone
(``webapp.printing.writer``), neither Flask nor the content, once (the spawn start method:
about a second), and renders with it until it is replaced.

Each render runs in a child forked from the render process for it (``_forked``), which answers
and ends: the render process stays as it started, with WeasyPrint loaded, and nothing of a
render outlives it. A render's document is garbage in cycles once dropped: a process that lived
on had to collect it, which took about a tenth of a render (benchmarks/bench.py); a child that
ends leaves its memory to the system instead, at once, and needs no collection at all.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import ctypes.util
import fcntl
import gc
import hashlib
import logging
import multiprocessing
import os
import pickle
import resource
import signal
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .printing.writer import PdfUnavailable, PdfWriter, RenderedPdf

LOGGER = logging.getLogger(__name__)
# Set in each render process by ``_start``: what it renders with.
_process_writer: PdfWriter | None = None
# How often a render process looks whether the worker that started it is still there.
PARENT_CHECK_S = 0.5
# A render process yields the processor to the workers serving pages (a page takes
# milliseconds, a render a second or more): added to its niceness.
RENDER_NICENESS = 10
# Every pool of this process, for gunicorn's worker_exit hook to stop.
_POOLS: weakref.WeakSet[RenderProcesses] = weakref.WeakSet()


class RenderSlots:
    """At most ``limit`` renders at once on this machine, whichever worker asks: a lock a slot.

    Each slot is a file locked with flock(2) for the time of a render. A lock goes with the
    process holding it, so a worker killed mid-render frees its slot. The folder is in the
    machine's temporary folder, named for the PDF cache: the workers of one site share it,
    another site (or a test) has its own, and app servers sharing a PDF cache over the network
    each keep their own limit.
    """

    def __init__(self, pdf_cache_dir: Path, limit: int) -> None:
        name = hashlib.sha256(str(pdf_cache_dir.resolve()).encode()).hexdigest()[:16]
        self.folder = Path(tempfile.gettempdir()) / f"briefings-render-slots-{name}"
        self.limit = limit

    @contextmanager
    def taken(self) -> Iterator[bool]:
        """Take a free slot for the block if there is one (True), else take none (False) at once."""
        self.folder.mkdir(mode=0o700, exist_ok=True)
        for number in range(self.limit):
            descriptor = os.open(self.folder / f"slot-{number}", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            try:
                yield True
            finally:
                os.close(descriptor)  # Closing the last descriptor releases the lock.
            return
        yield False


@dataclass(frozen=True)
class Rendered:
    """A PDF from a render process: its bytes, its page count and the process that made it."""

    data: bytes
    pages: int
    process: int


class RenderFailed(Exception):
    """A render process died or gave no answer in time; nothing was kept, a retry renders afresh."""


class RenderProcesses:
    """A pool of render processes, each writing as ``writer`` does, started on first use and
    restarted if it breaks."""

    def __init__(self, writer: PdfWriter, processes: int, renders_per_process: int,
                 timeout: float) -> None:
        self.processes = processes
        self.renders_per_process = renders_per_process
        self.timeout = timeout
        # What each process's writer reads the print stylesheet from (the app's static files)
        # and where it finds the cut Chinese faces.
        self.setup = (writer.static_folder, writer.static_url_path, writer.fonts_folder)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        # Set once the processes have started (WeasyPrint loaded) and can render at once.
        self.ready = threading.Event()
        _POOLS.add(self)

    def render(self, html: str) -> Rendered:
        """Lay out ``html`` (the print template rendered) in a render process; return the PDF's
        bytes, page count and process.

        Raise RenderFailed if the process died or did not finish within the timeout, and
        PdfUnavailable, from the process, if this machine lacks what rendering needs.
        """
        pool = self._started()
        try:
            future = pool.submit(_render, html)
            return future.result(timeout=self.timeout)
        except BrokenProcessPool as error:
            # A process was killed (out of memory, a signal): start afresh for the next request.
            self._discard(pool)
            raise RenderFailed(str(error) or "a render process died") from None
        except concurrent.futures.TimeoutError:
            # Stop the render too: left running, it would hold a core for no one.
            self._discard(pool, kill=True)
            raise RenderFailed(f"no PDF after {self.timeout:.0f} s") from None

    def warm(self) -> None:
        """Start the processes now, so the first reader's PDF does not wait for them."""
        pool = self._started()
        for future in [pool.submit(_ready) for _ in range(self.processes)]:
            future.result(timeout=self.timeout)
        self.ready.set()

    def peak_memory_mb(self) -> float:
        """Return the peak resident memory of a render process or of a render's child (of the
        one there is, for ``benchmarks/bench.py``), in MB."""
        return float(self._started().submit(_peak_memory_mb).result(timeout=self.timeout))

    def cpu_seconds(self) -> float:
        """Return the processor time a render process and its renders' children have used so
        far (of the one there is, for ``benchmarks/bench.py``: a figure the machine's load
        changes less than the wall time)."""
        return float(self._started().submit(_cpu_seconds).result(timeout=self.timeout))

    def shutdown(self, wait: bool = True) -> None:
        """Stop the processes: after the renders under way, or (``wait`` False) at once."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            if wait:
                pool.shutdown(wait=True, cancel_futures=True)
            else:
                _stop(pool)

    def _started(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start, initargs=(*self.setup[:2], os.getpid(), self.setup[2]),
                    max_tasks_per_child=self.renders_per_process)
            return self._pool

    def _discard(self, pool: concurrent.futures.ProcessPoolExecutor, kill: bool = False) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        if kill:
            _stop(pool)
        else:
            pool.shutdown(wait=False, cancel_futures=True)


def shutdown_all() -> None:
    """Stop every render process of this process at once (gunicorn's worker_exit hook).

    A worker that exits must not leave renders running for no one, nor wait for them.
    """
    for processes in list(_POOLS):
        processes.shutdown(wait=False)


def _stop(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """End a pool's processes now, renders under way too, and let the pool go."""
    # The executor keeps its processes in _processes (since Python 3.2); it has no public way
    # to end a render under way.
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()


def _start(static_folder: Path, static_url_path: str, parent: int,
           fonts_folder: Path | None = None) -> None:
    """Make the writer a render process renders with (once per process); die with ``parent``."""
    global _process_writer
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch",
                     daemon=True).start()
    os.nice(RENDER_NICENESS)
    import weasyprint  # noqa: F401  Loaded now (about 0.7 s), not by the first reader's render.

    _process_writer = PdfWriter(static_folder, static_url_path, fonts_folder)
    # The font configuration made and the faces opened and measured here, once (fontconfig's and
    # Pango's set-up, the cut faces), not in every render's child. On a machine lacking what
    # rendering needs, nothing is warmed: each render then says what is missing (_render).
    if not _process_writer.missing():
        _process_writer.warm_up()
    # What start-up made lives as long as the process, and each render's child inherits it:
    # kept out of the collector's sight, no collection writes to it, and its memory stays
    # shared with the children rather than copied into each.
    gc.collect()
    gc.freeze()


def _watch_parent(parent: int) -> None:
    """End this process once ``parent`` (the worker that started it) is gone.

    A worker killed by gunicorn's timeout or a signal runs no exit hook, and its render
    processes would render on for no one. Not prctl(PR_SET_PDEATHSIG): that fires when the
    *thread* that started the process ends, and the pool starts processes from whichever
    thread asks first (a request's, the warm-up's, its own manager's).
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _ready() -> bool:
    return _process_writer is not None


def _render(html: str) -> Rendered:
    """Lay out and write ``html`` in a child of this render process (``_forked``)."""
    writer = _process_writer
    if writer is None:
        raise RuntimeError("render process started without its writer")
    problems = writer.missing()  # Checked here, once found complete: the child only renders.
    if problems:
        raise PdfUnavailable(problems)
    rendered = _forked(writer, html)
    return Rendered(rendered.data, rendered.pages, os.getpid())


def _forked(writer: PdfWriter, html: str) -> RenderedPdf:
    """Render ``html`` with ``writer`` in a child forked for it; return its PDF.

    The child starts as this process is (WeasyPrint loaded, the font configuration made),
    sends the PDF or its error back through a pipe and ends without cleaning up: the system
    takes its memory back whole. Raise RenderFailed if it ended without an answer (killed).
    """
    read_end, write_end = os.pipe()
    parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover  (the child ends with os._exit: coverage never sees it)
        os.close(read_end)
        _end(_answer(writer, html, parent), write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(child, 0)
    if not answer:
        raise RenderFailed("a render's child ended without an answer")
    outcome: RenderedPdf | BaseException = pickle.loads(answer)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _answer(writer: PdfWriter, html: str, parent: int) -> bytes:
    """Render ``html`` in a render's child; return the PDF or the error, pickled."""
    # Stopped with its render process (a timeout kills that one): never a render for no one.
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    gc.disable()  # Everything goes with the child: nothing to collect.
    try:
        return pickle.dumps(writer.write(html, collect=False))
    except BaseException as error:  # Said in the render process, as if raised there.
        try:
            return pickle.dumps(error)
        except Exception:
            return pickle.dumps(RuntimeError(repr(error)))


def _end(answer: bytes, write_end: int) -> None:
    """Send a render's child's answer and end the child at once (no clean-up: the system's)."""
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(answer)
    finally:
        os._exit(0)


def _cpu_seconds() -> float:
    """Return the processor time of this process and of its ended children, in seconds."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _peak_memory_mb() -> float:
    """Return the peak resident memory of this process or of a child of it, whichever is
    higher, in MB (Linux: VmHWM; a child's counts what it shares with this process too)."""
    own = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        library = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return library if library is not None and hasattr(library, "prctl") else None


_LIBC = _libc()
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
