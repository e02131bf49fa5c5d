"""Commands: ``flask content check``, ``flask pdf warm`` and ``flask doctor``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from . import pdf
from .config import LANGUAGES
from .content import current_content, load_content
from .content.models import SECTION_IDS
from .content.sources import parse_source
from .content.yamlfile import ContentError

content_cli = AppGroup("content", help="Work with the content in content/.")
pdf_cli = AppGroup("pdf", help="Work with the PDF briefings.")


@content_cli.command("check")
def check_content() -> None:
    """Validate all content; print each problem as file:line: field: problem."""
    try:
        loaded = load_content(Path(current_app.config["CONTENT_DIR"]))
    except ContentError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    figures = sum(len(report.briefing.figures) for report in loaded.reports.values())
    click.echo(f"Content OK: {len(loaded.reports)} reports, {figures} figures, "
               f"{len(loaded.glossary)} glossary terms.")
    for report in loaded.reports.values():
        if report.briefing.is_draft:
            click.echo(f"{report.id}: draft: {report.briefing.review()}")


@content_cli.command("blocks")
@click.argument("report_id")
def list_blocks(report_id: str) -> None:
    """List the blocks of a report's source.txt: line, id, kind and the start of the text.

    Works on a report whose briefing is not written yet, to find the ids `parts`, highlights and
    cases refer to.
    """
    path = Path(current_app.config["CONTENT_DIR"]) / "reports" / report_id / "source.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"{path}: cannot read: {error}", err=True)
        raise SystemExit(1) from None
    for block in parse_source(text).blocks:
        first_line = block.text.replace("\n", " / ").replace("\t", " ")
        click.echo(f"{block.line:>5}  {block.id:<13} {block.kind:<10} {first_line[:60]}")


@pdf_cli.command("warm")
def warm_pdfs() -> None:
    """Render every whole briefing in every language into the cache, ahead of readers."""
    for report in current_content().reports.values():
        for language in LANGUAGES:
            with current_app.test_request_context(), \
                    pdf.briefing_pdf(report, list(SECTION_IDS), language) as briefing:
                click.echo(f"{report.id} {language.code}: {briefing.size // 1024} KB")


@click.command("doctor")
@with_appcontext
def doctor() -> None:
    """Check everything the app needs on this machine; exit 1 if anything is missing."""
    static = Path(current_app.static_folder or "static")
    translations = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    htmx = (static / "vendor" / "htmx.min.js").is_file()
    catalogs = all((translations / code / "LC_MESSAGES" / "messages.mo").is_file()
                   for code in ("zh_Hans", "zh_Hant", "en"))
    checks = [
        ("content", True, f"{len(current_content().reports)} reports load and validate"),
        ("htmx", htmx, "static/vendor/htmx.min.js " + (
            "is there" if htmx else "is missing: run `make setup`")),
        ("catalogs", catalogs, "compiled gettext catalogs " + (
            "are there" if catalogs else "are missing from translations/: run `make setup`")),
        *pdf.diagnose(),
    ]
    for name, ok, detail in checks:
        click.echo(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    if not all(ok for _name, ok, _detail in checks):
        raise SystemExit(1)


def init_app(app: Flask) -> None:
    """Register the commands on ``app``."""
    app.cli.add_command(content_cli)
    app.cli.add_command(pdf_cli)
    app.cli.add_command(doctor)
