"""Render PDFs in processes of their own, replaced after a number of renders.

WeasyPrint's memory grows across renders before it levels off (Kozea/WeasyPrint#1950, #2130).
Recycling the web workers for it took every page request down with them; here only the
processes that render PDFs are recycled (``max_tasks_per_child``), so the workers serving pages
never restart under load. Each process starts the app once (the spawn start method: about a
second for WeasyPrint and the content) and renders with it until it is replaced.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import pickle
import threading
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from flask import Flask

from .config import LANGUAGES_BY_CODE

LOGGER = logging.getLogger(__name__)
# Set in each render process by ``_start``: the app it renders with.
_process_app: Flask | None = None


@dataclass(frozen=True)
class Rendered:
    """A PDF from a render process: its bytes, its page count and the process that made it."""

    data: bytes
    pages: int
    process: int


class RenderFailed(Exception):
    """A render process died or gave no answer in time; nothing was kept, a retry renders afresh."""


class RenderProcesses:
    """A pool of render processes for one app, started on first use and restarted if it breaks."""

    def __init__(self, app: Flask, processes: int, renders_per_process: int,
                 timeout: float) -> None:
        self.processes = processes
        self.renders_per_process = renders_per_process
        self.timeout = timeout
        # What each process creates its app from: this app's settings, rendering in-process.
        self.config = _picklable({**app.config, "PDF_PROCESSES": 0, "PAGE_CACHE": False})
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        # Set once the processes have started their app and can render at once.
        self.ready = threading.Event()

    def render(self, report_id: str, section_ids: list[str], language_code: str,
               base_url: str) -> Rendered:
        """Render a briefing in a render process; return its bytes, page count and process.

        ``base_url`` is the address the PDF's links are built on (the request's, or PUBLIC_URL).
        Raise RenderFailed if the process died or did not finish within the timeout.
        """
        pool = self._started()
        try:
            future = pool.submit(_render, report_id, section_ids, language_code, base_url)
            return future.result(timeout=self.timeout)
        except BrokenProcessPool as error:
            # A process was killed (out of memory, a signal): start afresh for the next request.
            self._discard(pool)
            raise RenderFailed(str(error) or "a render process died") from None
        except concurrent.futures.TimeoutError:
            raise RenderFailed(f"no PDF after {self.timeout:.0f} s") from None

    def warm(self) -> None:
        """Start the processes now, so the first reader's PDF does not wait for them."""
        pool = self._started()
        for future in [pool.submit(_ready) for _ in range(self.processes)]:
            future.result(timeout=self.timeout)
        self.ready.set()

    def shutdown(self) -> None:
        """Stop the processes (waiting for renders under way)."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _started(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start, initargs=(self.config,),
                    max_tasks_per_child=self.renders_per_process)
            return self._pool

    def _discard(self, pool: concurrent.futures.ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)


def _picklable(config: dict[str, Any]) -> dict[str, Any]:
    """Return the settings that can be sent to another process (all the app's own are)."""
    kept = {}
    for key, value in config.items():
        try:
            pickle.dumps(value)
        except (pickle.PicklingError, TypeError, AttributeError):
            LOGGER.debug("setting %s is not sent to render processes", key)
            continue
        kept[key] = value
    return kept


def _start(config: dict[str, Any]) -> None:
    """Create the app a render process renders with (once per process)."""
    global _process_app
    from . import create_app

    _process_app = create_app(config)


def _ready() -> bool:
    return _process_app is not None


def _render(report_id: str, section_ids: list[str], language_code: str,
            base_url: str) -> Rendered:
    from .content import current_content

    app = _process_app
    if app is None:
        raise RuntimeError("render process started without its app")
    with app.test_request_context(base_url=base_url):
        report = current_content().reports[report_id]
        rendered = app.extensions["pdf"].render(report, section_ids, LANGUAGES_BY_CODE[language_code])
        return Rendered(rendered.data, rendered.pages, os.getpid())
