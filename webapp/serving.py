"""Start the app for a production server, so that a bad content edit never takes the site down.

``create_app()`` refuses invalid content, as it must on a developer's machine and in CI. A
serving site is different: a reload (gunicorn's HUP) after an edit that fails validation would
end the old workers while every new one refuses to start. So each time the content validates,
a copy of it is kept as the last good version; when it does not, the problems are logged with
their ``file:line`` and the server goes on with that copy.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from flask import Config, Flask

from . import create_app
from .build import ensure_built
from .config import PROJECT_ROOT, DefaultConfig
from .content import load_content
from .content.yamlfile import ContentError

LOGGER = logging.getLogger(__name__)
LAST_GOOD = "last-good"


def create_serving_app(snapshots: Path | None = None) -> Flask:
    """Create the app on the current content, or on the last content that validated.

    Render processes never read the content: the worker renders the print template of what it
    serves and gives them the HTML, so an edit not yet reloaded cannot break PDFs. Raises
    ContentError when the content is invalid and no version of it ever validated here.
    """
    try:
        app = create_app()
    except ContentError as error:
        folder = (snapshots or _snapshots_dir()) / LAST_GOOD
        if not folder.is_dir():
            raise  # Nothing ever validated here: refusing is all that is left.
        LOGGER.error("Invalid content:\n%s\nServing the last content that validated, from %s, "
                     "until this is fixed.", error, folder.resolve())
        return create_app({"CONTENT_DIR": str(folder.resolve())})
    try:
        keep_last_good(Path(app.config["CONTENT_DIR"]), snapshots or _snapshots_dir(app))
    except OSError as error:
        # Serving valid content comes first: only a later bad edit loses its fallback.
        LOGGER.warning("The content is valid but could not be kept as the last good version "
                       "(%s): a reload with invalid content will find none to serve.", error)
    return app


def refuse_unservable() -> None:
    """Exit with the content's problems if it is invalid and no good version was ever kept.

    Run once by gunicorn's master before any worker boots (gunicorn.conf.py): otherwise each
    worker would refuse to start, and the master would boot new ones in a loop. Where the
    workers read a content build (CONTENT_BUILD), the master builds the content's generation
    here, so that they all open it and none builds.
    """
    config = _config()
    try:
        _validate(config)
    except ContentError as error:
        folder = Path(config["CONTENT_SNAPSHOTS_DIR"]) / LAST_GOOD
        if not folder.is_dir():
            raise SystemExit(f"Invalid content, and no good version to serve instead:\n{error}"
                             ) from None


def build_for_reload() -> None:
    """Build the new content's generation in gunicorn's master at a reload (HUP), before the new
    workers boot, so that they open it and none builds it.

    Invalid content is left to the workers: each logs the problems and serves the last good
    version (``create_serving_app``).
    """
    try:
        _validate(_config())
    except ContentError:
        pass


def _config() -> Config:
    config = Config(str(PROJECT_ROOT))
    config.from_object(DefaultConfig)
    config.from_prefixed_env()
    return config


def _validate(config: Config) -> None:
    """Validate the content: by building its generation, where the app reads builds."""
    content_dir = Path(config["CONTENT_DIR"])
    if config["CONTENT_BUILD"] is False:
        load_content(content_dir)
    else:
        ensure_built(content_dir, Path(config["CONTENT_BUILD_DIR"]))


def keep_last_good(content_dir: Path, snapshots: Path) -> Path:
    """Copy ``content_dir`` (just validated) as the last good version; return where it went.

    Each version goes in a folder named for a digest of its files, and ``last-good`` is a
    symbolic link swapped in one step, so workers starting at once never see half a copy.
    """
    digest = _digest(content_dir)
    target = snapshots / digest
    if not target.is_dir():
        snapshots.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=snapshots, prefix=".copy-"))
        shutil.copytree(content_dir, staging / "content")
        try:
            os.rename(staging / "content", target)
        except OSError:
            if not target.is_dir():  # Not another worker's copy of the same version: a fault.
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    link = snapshots / f".{LAST_GOOD}-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(digest)
    os.replace(link, snapshots / LAST_GOOD)
    _prune(snapshots, keep=digest)
    return target


def _snapshots_dir(app: Flask | None = None) -> Path:
    folder = app.config["CONTENT_SNAPSHOTS_DIR"] if app else DefaultConfig.CONTENT_SNAPSHOTS_DIR
    return Path(os.environ.get("FLASK_CONTENT_SNAPSHOTS_DIR", folder))


def _digest(content_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(content_dir)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _prune(snapshots: Path, keep: str) -> None:
    """Remove older versions: only the last good one is ever served from here."""
    for entry in snapshots.iterdir():
        if entry.name not in (keep, LAST_GOOD) and entry.is_dir() and not entry.is_symlink() \
                and not entry.name.startswith("."):
            shutil.rmtree(entry, ignore_errors=True)
