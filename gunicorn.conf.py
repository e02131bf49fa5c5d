"""Gunicorn settings: `.venv/bin/gunicorn wsgi:app` reads this file from the repo root."""

bind = "127.0.0.1:8000"
workers = 2
# A PDF render takes about a second; a request queued for a render slot waits up to
# PDF_QUEUE_TIMEOUT (10 s) before its 503, well within this.
timeout = 60
# WeasyPrint's memory grows across renders before levelling off (Kozea/WeasyPrint#1950, #2130):
# recycle each worker after a bounded number of requests, staggered so they do not restart together.
max_requests = 500
max_requests_jitter = 50
