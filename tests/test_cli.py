"""flask doctor: names what the machine lacks and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_doctor_warns_about_unsafe_settings(app: Flask, runner: FlaskCliRunner,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    app.config.update(PUBLIC_URL="http://briefings.example.org", SECRET_KEY="unused")
    monkeypatch.setenv("FLASK_DEBUG", "1")  # As a server started with debug mode would have it.
    result = runner.invoke(args=["doctor"])
    assert "warn settings: debug mode is on" in result.output
    assert "warn settings: PUBLIC_URL 'http://briefings.example.org' is not https" in result.output
    assert "warn settings: SECRET_KEY is set but the app uses no signed session" in result.output
    # A warning is not a missing requirement.
    assert result.exit_code == 0, result.output
