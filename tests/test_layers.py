"""The layers hold in the imports: the core loads without the web framework, and keeps its contracts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from webapp.config import PROJECT_ROOT

WEB_FRAMEWORK = ("flask", "flask_babel", "werkzeug", "jinja2", "click")
CORE = ("webapp.drafting", "webapp.content", "webapp.search", "webapp.compare", "webapp.charts",
        "webapp.glossary", "webapp.citation", "webapp.languages")


def test_importing_the_core_loads_no_web_framework() -> None:
    # In a fresh interpreter: the test session itself has loaded Flask long ago.
    check = (f"import {', '.join(CORE)}; import sys; "
             f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {set(WEB_FRAMEWORK)!r}); "
             "assert not loaded, loaded")
    result = subprocess.run([sys.executable, "-c", check], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120, check=False,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr


def test_the_import_contracts_are_kept() -> None:
    # The contracts are in pyproject.toml ([tool.importlinter]).
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
