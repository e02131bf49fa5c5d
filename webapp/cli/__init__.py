"""Commands: ``flask content check``, ``flask pdf warm``, ``flask freeze`` and ``flask doctor``;
``flask report`` in ``reports``."""

from __future__ import annotations

import datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from .. import pdf
from ..build import ensure_built
from ..content import load_content
from ..content.sources import SourceText, parse_source
from ..content.translations import template
from ..content.yamlfile import ContentError
from ..freeze import freeze
from ..printing.requirements import (
    CJK_FAMILIES,
    HOW_TO_FIX,
    TEXT_FAMILIES,
    missing_fonts,
    missing_subsetter,
)
from ..security import unsafe_settings
from ..web.content import all_content
from .params import REPORT_ID
from .reports import report_cli

content_cli = AppGroup("content", help="Work with the content in content/.")
pdf_cli = AppGroup("pdf", help="Work with the PDF briefings.")


@content_cli.command("check")
@click.option("--build", "then_build", is_flag=True,
              help="Then build the content's generation, as `flask content build` does.")
def check_content(then_build: bool) -> None:
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
        if report.translation is not None:
            click.echo(f"{report.id}: translated: all {len(report.source.blocks)} blocks")
    if then_build:
        _build()


@content_cli.command("build")
def build_content() -> None:
    """Build the content's generation once (validated, converted, indexed) for every process."""
    _build()


def _build() -> None:
    """Build the content's generation, unless built; exit 1 with its problems if it is invalid."""
    try:
        path = ensure_built(Path(current_app.config["CONTENT_DIR"]),
                            Path(current_app.config["CONTENT_BUILD_DIR"]))
    except ContentError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    click.echo(f"Content built: {path} ({path.stat().st_size / 1e6:.1f} MB).")


@content_cli.command("blocks")
@click.argument("report_id", type=REPORT_ID)
def list_blocks(report_id: str) -> None:
    """List the blocks of a report's source.txt: line, id, kind and the start of the text.

    Works on a report whose briefing is not written yet, to find the ids `parts`, highlights and
    cases refer to.
    """
    for block in _source(report_id).blocks:
        first_line = block.text.replace("\n", " / ").replace("\t", " ")
        click.echo(f"{block.line:>5}  {block.id:<13} {block.kind:<10} {first_line[:60]}")


@content_cli.command("translation-template")
@click.argument("report_id", type=REPORT_ID)
@click.option("--translator", default="Court Report Briefings", show_default=True,
              help="Who translates (shown as the translation's author).")
def translation_template(report_id: str, translator: str) -> None:
    """Print a translation.yaml to fill in: every block of the report's source.txt, in order,
    with its line, kind and Chinese as a comment and an empty English."""
    click.echo(template(_source(report_id), translator, datetime.date.today()), nl=False)


def _source(report_id: str) -> SourceText:
    """Read a report's source.txt into blocks, or stop with a message."""
    path = Path(current_app.config["CONTENT_DIR"]) / "reports" / report_id / "source.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"{path}: cannot read: {error}", err=True)
        raise SystemExit(1) from None
    return parse_source(text)


@pdf_cli.command("warm")
def warm_pdfs() -> None:
    """Render the PDFs readers ask for most into the cache ahead of them, on every core.

    Each whole briefing and each single section, in each language; other selections are
    rendered when first asked for, and cached under their canonical address.
    """
    made = pdf.warm(current_app._get_current_object(), pdf.most_read(),  # type: ignore[attr-defined]
                    progress=click.echo)
    click.echo(f"{made} PDFs in the cache.")


@click.command("freeze")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--app-upstream", default="127.0.0.1:8000", show_default=True,
              help="Where nginx passes what is not frozen (the app server, host:port).")
@click.option("--listen", default="8080", show_default=True, help="What nginx listens on.")
@click.option("--state", type=click.Path(file_okay=False, path_type=Path),
              help="Where nginx keeps its pid, temp files and logs [OUTDIR/../nginx-state].")
@click.option("--pdfs", type=click.Choice(["all", "whole"]), default="all", show_default=True,
              help="Freeze every selection of sections, or only the whole briefings.")
@with_appcontext
def freeze_site(outdir: Path, app_upstream: str, listen: str, state: Path | None,
                pdfs: str) -> None:
    """Write every read-only page, fragment, asset and PDF to OUTDIR, with OUTDIR/nginx.conf."""
    if not current_app.config.get("PUBLIC_URL"):
        click.echo("Set FLASK_PUBLIC_URL to the address readers will use (https://…): frozen "
                   "pages name it in their links.", err=True)
        raise SystemExit(1)
    state = state or outdir.resolve().parent / "nginx-state"
    for folder in ("", "client-body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (state / folder).mkdir(parents=True, exist_ok=True)
    frozen = freeze(current_app._get_current_object(),  # type: ignore[attr-defined]
                    outdir, app_upstream, listen, state, every_pdf=pdfs == "all",
                    progress=lambda message: click.echo(message, err=True))
    click.echo(f"Froze {frozen.pages} pages, {frozen.fragments} fragments, {frozen.assets} "
               f"assets and {frozen.pdfs} PDFs into {outdir}; nginx -c {outdir}/nginx.conf")
    for skipped in frozen.skipped:
        click.echo(f"not frozen: {skipped}", err=True)


@click.command("doctor")
@with_appcontext
def doctor() -> None:
    """Check everything the app needs on this machine; exit 1 if anything is missing.

    Settings that are unsafe for serving readers (debug mode, no https PUBLIC_URL) are warned of.
    """
    static = Path(current_app.static_folder or "static")
    translations = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    htmx = (static / "vendor" / "htmx.min.js").is_file()
    catalogs = all((translations / code / "LC_MESSAGES" / "messages.mo").is_file()
                   for code in ("zh_Hans", "zh_Hant", "en"))
    checks = [
        ("content", True, f"{len(all_content().reports)} reports load and validate"),
        ("htmx", htmx, "static/vendor/htmx.min.js " + (
            "is there" if htmx else "is missing: run `make setup`")),
        ("catalogs", catalogs, "compiled gettext catalogs " + (
            "are there" if catalogs else "are missing from translations/: run `make setup`")),
        *_pdf_checks(),
    ]
    for name, ok, detail in checks:
        click.echo(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    # Settings fit for a developer's machine may be unsafe for readers: said, not failed.
    for warning in unsafe_settings(current_app):
        click.echo(f"warn settings: {warning}")
    if not all(ok for _name, ok, _detail in checks):
        raise SystemExit(1)


def _pdf_checks() -> list[tuple[str, bool, str]]:
    """Return (name, ok, detail) for the fonts, the HarfBuzz subsetter and the PDF cache's folder."""
    fonts = missing_fonts()
    subsetter = missing_subsetter()
    cache = pdf.renderer().cache
    writable = cache.writable()
    return [
        ("pdf fonts", not fonts,
         "; ".join(fonts) + f" ({HOW_TO_FIX})" if fonts
         else ", ".join((*CJK_FAMILIES, *TEXT_FAMILIES)) + " found by fontconfig"),
        ("pdf subsetter", not subsetter,
         "; ".join(subsetter) + f" ({HOW_TO_FIX})" if subsetter
         else "WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset0)"),
        ("pdf cache", writable, f"{cache.folder} is writable" if writable
         else f"{cache.folder} cannot be written: set PDF_CACHE_DIR or fix its permissions"),
    ]


def init_app(app: Flask) -> None:
    """Register the commands on ``app``."""
    app.cli.add_command(content_cli)
    app.cli.add_command(pdf_cli)
    app.cli.add_command(report_cli)
    app.cli.add_command(doctor)
    app.cli.add_command(freeze_site)
