"""Run the production stack on this machine: nginx in front of gunicorn (``make serve``).

gunicorn's sync workers each hold one connection until its request is read and its answer
written: two clients sending a byte a second would hold two workers for as long as they like.
nginx holds such connections instead, for a few seconds at most, buffers requests and answers
whole, limits each client's connections and rate, serves the static files itself, and hands
gunicorn only complete requests over a Unix socket, with a fixed Host and only the headers the
app reads (deploy/serve.conf). This module writes that configuration, starts gunicorn and then
nginx, and stops both when either stops or on SIGTERM or Ctrl-C; a SIGHUP goes to gunicorn
(new content, README § Production).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit

from . import security
from .assets import file_digest
from .config import PROJECT_ROOT
from .digests import files

TEMPLATE = PROJECT_ROOT / "deploy" / "serve.conf"
STATIC = PROJECT_ROOT / "static"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The request headers the app's answers depend on, the only ones nginx passes on (with Host,
# X-Forwarded-For and X-Forwarded-Proto, which nginx sets itself).
PASSED_HEADERS = ("Accept", "Accept-Encoding", "Accept-Language", "Cookie", "If-None-Match",
                  "If-Modified-Since", "If-Range", "Range", "User-Agent", "HX-Request",
                  "HX-Boosted", "HX-History-Restore-Request", "HX-Current-URL", "HX-Target",
                  "HX-Trigger", "HX-Trigger-Name")
# How long a stop waits for gunicorn's workers to finish their requests (its graceful_timeout).
STOP_WAIT_S = 35


def nginx_config(listen: str, app_socket: Path, host: str, state: Path,
                 static_folder: Path = STATIC) -> str:
    """Return deploy/serve.conf filled in: nginx on ``listen`` in front of the app's socket.

    ``host`` is the Host every request reaches the app with; ``state`` is nginx's own folder.
    """
    headers = "\n".join(f'    proxy_set_header {name} $http_{name.lower().replace("-", "_")};'
                        for name in PASSED_HEADERS)
    return (TEMPLATE.read_text(encoding="utf-8")
            .replace("@STATE@", str(state.resolve())).replace("@LISTEN@", listen)
            .replace("@APP@", f"unix:{app_socket.resolve()}").replace("@HOST@", host)
            .replace("@HSTS@", security.STRICT_TRANSPORT_SECURITY)
            .replace("@PASSED_HEADERS@", headers)
            .replace("@ASSETS@", asset_locations(static_folder.resolve())))


def asset_locations(static_folder: Path) -> str:
    """Return an nginx location per static file, at the digest address the app links it by."""
    served = [*security.nginx_headers("      ").split("\n"),
              "      add_header Strict-Transport-Security $hsts always;"]
    blocks = []
    for path in files(static_folder):
        relative = path.relative_to(static_folder).as_posix()
        blocks.append("\n".join([
            f"    location = /assets/{file_digest(path)}/{relative} {{",
            f"      alias {path};",
            '      add_header Cache-Control "public, max-age=31536000, immutable" always;',
            *served, "    }"]))
    return "\n".join(blocks)


def app_host(port: int) -> str:
    """Return the Host the app is addressed by: PUBLIC_URL's, else this machine's port."""
    public_url = os.environ.get("FLASK_PUBLIC_URL")
    return urlsplit(public_url).netloc if public_url else f"localhost:{port}"


def nginx_command(config: Path, state: Path, *extra: str) -> list[str]:
    """Return the nginx command for ``config``, with its prefix and first error log in ``state``.

    Without ``-e``, nginx opens /var/log/nginx/error.log before it reads the configuration.
    """
    return [NGINX, "-p", f"{state.resolve()}/", "-e", str(state.resolve() / "error.log"),
            "-c", str(config.resolve()), *extra]


def main() -> int:
    """Serve on PORT (8080) of HOST (127.0.0.1) until SIGTERM or Ctrl-C; return the exit code."""
    port = int(os.environ.get("PORT", "8080"))
    listen = f"{os.environ.get('HOST', '127.0.0.1')}:{port}"
    state = Path(os.environ.get("SERVE_STATE", PROJECT_ROOT / "instance" / "serve"))
    state.mkdir(parents=True, exist_ok=True)
    socket = state / "app.sock"
    socket.unlink(missing_ok=True)
    host = app_host(port)
    config = state / "nginx.conf"
    config.write_text(nginx_config(listen, socket, host, state), encoding="utf-8")
    checked = subprocess.run(nginx_command(config, state, "-t", "-q"), check=False)
    if checked.returncode != 0:
        return checked.returncode
    # Flask answers 400 to any other Host: nothing but nginx's fixed one reaches it this way.
    env = {**os.environ, "FLASK_TRUSTED_HOSTS": json.dumps([urlsplit(f"//{host}").hostname])}
    gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                 "--bind", f"unix:{socket}", "wsgi:app"], cwd=PROJECT_ROOT,
                                env=env)
    while not socket.exists():
        if gunicorn.poll() is not None:  # It refused to start, and said why.
            return gunicorn.returncode
        time.sleep(0.1)
    nginx = subprocess.Popen(nginx_command(config, state))
    print(f"Serving on http://{listen}/ (nginx, logs in {state}); Ctrl-C stops.", flush=True)
    stopping: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)

    def reload(_signum: int, _frame: FrameType | None) -> None:
        gunicorn.send_signal(signal.SIGHUP)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, reload)
    while not stopping and gunicorn.poll() is None and nginx.poll() is None:
        time.sleep(0.2)
    # nginx first (SIGQUIT: it finishes the answers under way), then gunicorn's workers theirs.
    for process, sig in ((nginx, signal.SIGQUIT), (gunicorn, signal.SIGTERM)):
        if process.poll() is None:
            process.send_signal(sig)
    for process in (nginx, gunicorn):
        try:
            process.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return 0 if stopping else (gunicorn.returncode or nginx.returncode or 1)


if __name__ == "__main__":
    sys.exit(main())
