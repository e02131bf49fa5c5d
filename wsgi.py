"""The WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""

import gc

from webapp import create_app

app = create_app()
# What start-up made (content, catalogs, OpenCC, templates) lives as long as the worker: kept
# out of the collector's sight, the full collection after a PDF render took about 11 ms of CPU
# instead of 68 ms (benchmarks/bench.py renders; measured with gc.collect()).
gc.freeze()
