"""The WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""

import gc
import threading

from webapp import charts
from webapp.content.yamlfile import ContentError
from webapp.serving import create_serving_app
from webapp.web import search

# A content edit that fails validation keeps the last good content serving (webapp/serving.py);
# with no good version to fall back on, the worker stops with the problems, not a traceback.
try:
    app = create_serving_app()
except ContentError as error:
    raise SystemExit(f"Invalid content, and no good version to serve instead:\n{error}") from None
# What start-up made (content, catalogs, OpenCC, templates) lives as long as the worker: kept
# out of the collector's sight, a full collection after a PDF render takes about 3 ms of CPU
# instead of 70 ms (measured with gc.collect() after rendering the Haidian briefing).
gc.collect()
gc.freeze()
# The search index is built beside the first requests, not before them (start-up stays short),
# and then kept out of the collector's sight too; so is matplotlib loaded for the first chart.
search.warm_up(app, then=gc.freeze)
threading.Thread(target=charts.warm_up, name="charts-warm", daemon=True).start()
# PDFs render in processes of their own (webapp/pdf_processes.py): start them beside the first
# requests too, so the first reader's PDF does not wait for WeasyPrint to load.
if app.extensions["pdf"].processes is not None:
    threading.Thread(target=app.extensions["pdf"].processes.warm, name="pdf-warm",
                     daemon=True).start()
