"""Gunicorn settings: behind nginx with `make serve` (webapp/serve.py), README § Production."""

import os

from webapp.config import DefaultConfig

# `make serve` binds a Unix socket only nginx uses; run alone, gunicorn listens on loopback.
bind = "127.0.0.1:8000"
# Sync workers, one per core for pages: pages come from the page cache in well under a
# millisecond, so such a worker is never idle waiting on anything; measured against gthread in
# benchmarks/pages.py (README § Production). A worker asking for a PDF waits for its render (a
# second or so, in a render process): one more worker per render the machine admits at once
# (PDF_MAX_CONCURRENT, shared by all workers) keeps a worker per core for pages meanwhile.
workers = (os.cpu_count() or 1) + int(os.environ.get("FLASK_PDF_MAX_CONCURRENT",
                                                    DefaultConfig.PDF_MAX_CONCURRENT))
# A render is given up after PDF_RENDER_TIMEOUT (30 s): well within this, so a worker is never
# killed mid-request for a slow PDF (which would orphan its render, README § Production).
timeout = 60
graceful_timeout = 30
# No max_requests: WeasyPrint's memory growth (Kozea/WeasyPrint#1950, #2130) is in the render
# processes, which are replaced after PDF_RENDERS_PER_PROCESS renders; the workers serving
# pages never restart under load.

# Only nginx (the Unix socket, or loopback when run alone) may say the request came over
# HTTPS, and nothing a peer sends sets SCRIPT_NAME or PATH_INFO: the app's links are its own.
forwarded_allow_ips = "127.0.0.1,::1"
forwarder_headers = ""
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# No control socket: its default path ($HOME/.gunicorn/gunicorn.ctl) is one per user, not per
# site, and signals (HUP for new content, TERM to stop) do all this site needs.
control_socket_disable = True


def worker_exit(server: object, worker: object) -> None:
    """Stop the worker's render processes with it: none may render on for no one.

    A worker killed outright runs no hook; its render processes notice their parent is gone
    and end themselves (webapp/pdf_processes.py).
    """
    from webapp.pdf_processes import shutdown_all

    shutdown_all()


def on_starting(server: object) -> None:
    """Refuse to start, once, with the content's problems, if there is nothing good to serve.

    Run by the master before any worker boots: a worker refusing instead would be replaced
    by another that refuses, in a loop.
    """
    from webapp.serving import refuse_unservable

    refuse_unservable()


def on_reload(server: object) -> None:
    """Build the new content once, in the master, before the new workers boot and open it."""
    from webapp.serving import build_for_reload

    build_for_reload()
