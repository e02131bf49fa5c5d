"""Lighthouse (mobile) on every page type in every language, served as in production.

Run with ``make bench`` (or ``python benchmarks/lighthouse.py``). Lighthouse comes from the npm
registry (package.json, installed by ``make setup``) and drives Debian's Chromium. Floor: 0.95 in
performance, accessibility, best practices and SEO on every page. Exit 1 if a page misses it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from html import unescape
from pathlib import Path
from urllib.parse import quote, urljoin

from pages import ROOT, Server

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_SCORE = 0.95
PAGE_TYPES = {
    "home": "/{lang}/",
    "overview": "/{lang}/reports/haidian-2023/",
    "section": "/{lang}/reports/tibet-2024/livelihood",
    "source": "/{lang}/reports/haidian-2023/source",
    "glossary": "/{lang}/glossary",
    "search": "/{lang}/search?q=" + quote("执行"),
    "compare": "/{lang}/compare",
    "about": "/{lang}/about",
}
CHROMIUM_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                  "--disable-component-update --disable-sync --no-first-run")


def warm(url: str) -> None:
    """Ask for a page and what it shows (charts) a few times: every worker has it rendered.

    Pages are rendered once per content generation; the audit measures what readers get then.
    """
    for _ in range(4):
        with urllib.request.urlopen(url, timeout=60) as response:
            html = response.read().decode()
        for image in re.findall(r'<img[^>]+src="([^"]+)"', html):
            urllib.request.urlopen(urljoin(url, unescape(image)), timeout=60).close()


def scores(url: str, output: Path) -> dict[str, float]:
    """Return Lighthouse's mobile scores of ``url``, by category."""
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                    f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
                    f"--chrome-flags={CHROMIUM_FLAGS}"],
                   env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True,
                   capture_output=True)
    report = json.loads(output.read_text(encoding="utf-8"))
    return {name: float(report["categories"][name]["score"] or 0) for name in CATEGORIES}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `make setup` (npm installs it)", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    app = Server("wsgi:app", "sync", 1, {"FLASK_PDF_CACHE_DIR": str(scratch / "pdf"),
                                         "FLASK_CONTENT_SNAPSHOTS_DIR": str(scratch / "snap")})
    failures = []
    try:
        app.wait_until_warm()
        print(f"{'page':<10} {'lang':<8} " + " ".join(f"{name:>15}" for name in CATEGORIES))
        for name, path in PAGE_TYPES.items():
            for lang in ("zh-hans", "zh-hant", "en"):
                url = app.base + path.format(lang=lang)
                warm(url)
                found = scores(url, scratch / "report.json")
                print(f"{name:<10} {lang:<8} " + " ".join(f"{found[c]:>15.2f}" for c in CATEGORIES))
                failures += [f"{name} {lang}: {category} {score:.2f}"
                             for category, score in found.items() if score < MIN_SCORE]
    finally:
        app.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    for failure in failures:
        print(f"FLOOR MISSED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
