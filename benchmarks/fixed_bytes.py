"""The baseline the page benchmark measures against: a Flask view returning fixed bytes.

Served by the same gunicorn settings as the app, ``/bytes/<n>`` answers ``n`` bytes of HTML
that were made at start-up: what the server and Flask cost with no work of the app at all.
"""

from __future__ import annotations

from functools import cache

from flask import Flask, Response

app = Flask(__name__)


@cache
def _body(size: int) -> bytes:
    return (b"<!doctype html><p>" + b"x" * size)[:size]


@app.get("/bytes/<int:size>")
def fixed_bytes(size: int) -> Response:
    return Response(_body(size), mimetype="text/html")
