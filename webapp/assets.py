"""Static files under addresses that change with their bytes, so browsers may keep them a year.

``asset_url("css/site.css")`` gives ``/assets/3f2a1b9c0d4e/css/site.css``: the digest of the
file is in the path, so an edited file gets a new address and nobody keeps a stale one.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    redirect,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.security import safe_join

from .cache import mark_cacheable

ONE_YEAR = 365 * 24 * 3600
assets = Blueprint("assets", __name__)


def init_app(app: Flask) -> None:
    """Serve ``app``'s static files under digest paths too, and let templates ask for them."""
    app.extensions["asset_digests"] = {}
    app.register_blueprint(assets)
    app.add_template_global(asset_url)


def asset_url(filename: str) -> str:
    """Return the address of a static file whose path names the digest of its bytes."""
    return url_for("assets.asset", digest=digest_of(filename), filename=filename)


def digest_of(filename: str) -> str:
    """Return the digest of a static file (read once per file and modification time)."""
    path = _static_path(filename)
    if path is None:
        raise FileNotFoundError(filename)
    stat = path.stat()
    memo: dict[str, tuple[int, str]] = current_app.extensions["asset_digests"]
    found = memo.get(filename)
    if found is None or found[0] != stat.st_mtime_ns:
        found = (stat.st_mtime_ns, file_digest(path))
        memo[filename] = found
    return found[1]


def file_digest(path: Path) -> str:
    """Return the digest an asset's address names: 12 hex digits of its bytes' BLAKE2b."""
    return hashlib.blake2b(path.read_bytes(), digest_size=6).hexdigest()


@assets.get("/assets/<digest>/<path:filename>")
def asset(digest: str, filename: str) -> ResponseReturnValue:
    """Serve a static file for a year under its digest; send an old digest to the current one."""
    path = _static_path(filename)
    if path is None:
        abort(404)
    current = digest_of(filename)
    if digest != current:
        return redirect(url_for("assets.asset", digest=current, filename=filename))
    # Kept and compressed by the page cache, like pages: text assets go out as brotli or gzip.
    mark_cacheable(None)
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = Response(path.read_bytes(), mimetype=mimetype)
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response


def _static_path(filename: str) -> Path | None:
    found = safe_join(current_app.static_folder or "static", filename)
    if found is None or not Path(found).is_file():
        return None
    return Path(found)
