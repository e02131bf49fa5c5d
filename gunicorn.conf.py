"""Gunicorn settings: `.venv/bin/gunicorn -c gunicorn.conf.py wsgi:app` (README § Production)."""

bind = "127.0.0.1:8000"
# Sync workers, one per core: pages come from the page cache in well under a millisecond, so
# a worker is never idle waiting on anything; measured against gthread in benchmarks/pages.py
# (README § Production).
workers = 2
# A PDF render takes about a second in a render process; a request queued for a render slot
# waits up to PDF_QUEUE_TIMEOUT (10 s) before its 503, well within this.
timeout = 60
# No max_requests: WeasyPrint's memory growth (Kozea/WeasyPrint#1950, #2130) is in the render
# processes, which are replaced after PDF_RENDERS_PER_PROCESS renders; the workers serving
# pages never restart under load.
