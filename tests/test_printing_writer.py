"""The writer a render process lays print HTML out with: it reads the app's static files only."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from webapp.printing.writer import ORIGIN, PdfUnavailable, _static_fetcher


def test_the_fetcher_reads_static_files_and_nothing_else(tmp_path: Path) -> None:
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "print.css").write_text("p { color: red }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for PDFs", encoding="utf-8")
    fetcher = _static_fetcher(static, "/static")
    fetched = fetcher.fetch(f"{ORIGIN}/static/css/print.css")
    assert fetched.read() == b"p { color: red }"
    for refused in (f"{ORIGIN}/static/../secret.txt", f"{ORIGIN}/static/%2e%2e/secret.txt",
                    f"{ORIGIN}/static//etc/passwd", f"{ORIGIN}/static/css/missing.css",
                    f"{ORIGIN}/static/css", "https://elsewhere.example/static/css/print.css",
                    f"{ORIGIN}/secret.txt"):
        with pytest.raises(ValueError):
            fetcher.fetch(refused)


def test_a_refusal_crosses_processes_with_its_problems() -> None:
    # Raised in a render process, said again in the reader's language by the worker.
    refusal = pickle.loads(pickle.dumps(PdfUnavailable(["no font 'Noto Sans CJK SC'"])))
    assert refusal.problems == ("no font 'Noto Sans CJK SC'",)
    assert "no font 'Noto Sans CJK SC'" in str(refusal) and "make setup" in str(refusal)
