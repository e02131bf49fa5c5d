"""flask doctor: names what the machine lacks and how to fix it."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskCliRunner


def test_doctor_passes_on_a_set_up_machine(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["doctor"])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output


def test_doctor_fails_without_htmx_and_says_how_to_fix(app: Flask, runner: FlaskCliRunner,
                                                        tmp_path: Path) -> None:
    app.static_folder = str(tmp_path)
    result = runner.invoke(args=["doctor"])
    assert result.exit_code == 1
    assert "FAIL htmx: static/vendor/htmx.min.js is missing: run `make setup`" in result.output
