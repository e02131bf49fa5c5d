"""Commands: ``flask content check``, ``flask pdf warm`` and ``flask doctor``."""

from __future__ import annotations

import datetime
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
import yaml
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from . import pdf
from .build import ensure_built
from .content import load_content
from .content.loading import check_report_folder
from .content.reports import Report
from .content.sources import SourceText, parse_source
from .content.texts import SLUG_MAX_LENGTH, is_slug
from .content.translations import template
from .content.yamlfile import ContentError
from .drafting import DraftError
from .freeze import freeze
from .pdf.requirements import (
    CJK_FAMILIES,
    HOW_TO_FIX,
    TEXT_FAMILIES,
    missing_fonts,
    missing_subsetter,
)
from .security import unsafe_settings
from .web.content import all_content

if TYPE_CHECKING:
    from .drafting.draft import Draft


class ReportIdType(click.ParamType):
    """A report id, checked before the command runs: it names a folder and files."""

    name = "report id"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        if isinstance(value, str) and is_slug(value):
            return value
        self.fail(f"{str(value)[:SLUG_MAX_LENGTH + 1]!r} is not a report id: kebab-case "
                  f"(lowercase letters, digits, -), at most {SLUG_MAX_LENGTH} characters",
                  param, ctx)


REPORT_ID = ReportIdType()
content_cli = AppGroup("content", help="Work with the content in content/.")
pdf_cli = AppGroup("pdf", help="Work with the PDF briefings.")
report_cli = AppGroup("report", help="Draft a new report's briefing, and measure the drafts.")


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


def _progress(message: str) -> None:
    click.echo(f"  … {message}", err=True)


@report_cli.command("draft")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--id", "report_id", type=REPORT_ID, required=True,
              help="The new report's id (kebab-case).")
@click.option("--force", is_flag=True, help="Replace the report if it exists.")
def draft_report(source: Path, report_id: str, force: bool) -> None:
    """Draft content/reports/ID/ from a report (text, HTML, Markdown or PDF with text)."""
    from .drafting.draft import draft_briefing
    from .drafting.read import read_source
    from .drafting.write import ensure_writable, write_report

    content_dir = Path(current_app.config["CONTENT_DIR"])
    content = all_content()
    started = time.perf_counter()
    try:
        ensure_writable(content_dir, report_id, force)
        text, kind = read_source(source, _progress)
        draft = draft_briefing(text, content.units, content.glossary, datetime.date.today(),
                               _progress, content.measures)
        checked: list[Report] = []

        def check(staged: Path) -> list[str]:
            report, problems = check_report_folder(content, staged, report_id)
            checked.extend([report] if report is not None else [])
            return [str(problem) for problem in problems]

        _progress("checking the draft as `content check` does")
        folder = write_report(content_dir, report_id, draft, force, check=check)
    except DraftError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Drafted {folder} from {kind} in {time.perf_counter() - started:.1f} s: "
               f"{len(draft.figures)} figures, {len(draft.data['parts'])} runs of parts, "
               f"{len(draft.candidates)} glossary candidates; {checked[0].briefing.review()}.")


@report_cli.command("publish")
@click.argument("report_id", type=REPORT_ID)
@click.option("--force", is_flag=True,
              help="Publish though texts are still machine-drafted or await English.")
@click.option("--by", "forced_by", help="With --force: who decided to publish it so.")
@click.option("--why", help="With --force: why it cannot wait for the review.")
def publish_report(report_id: str, force: bool, forced_by: str | None, why: str | None) -> None:
    """Make a draft final (public) once nothing is left to review; --force records who and why."""
    from .drafting.publish import Forcing, published_text, write_atomically

    report = all_content().reports.get(report_id)
    if report is None or not report.briefing.is_draft:
        _fail(f"{report_id}: not published: " + ("no such report" if report is None
                                                 else "it is final already"))
    review = report.briefing.review()
    left = review.to_review or review.to_translate
    if left and not force:
        _fail(f"{report_id}: not published: {review} (review them, or --force --by --why)")
    if force and not (forced_by and forced_by.strip() and why and why.strip()):
        _fail(f"{report_id}: not published: --force needs --by NAME and --why TEXT")
    forcing = Forcing(forced_by or "", why or "", str(review), datetime.date.today()) \
        if force and left else None
    path = Path(current_app.config["CONTENT_DIR"]) / "reports" / report_id / "briefing.yaml"
    try:
        text = published_text(path.read_text(encoding="utf-8"), forcing)
    except (OSError, DraftError) as error:
        _fail(f"{report_id}: not published: {error}")
    # Final is checked harder than draft (every English written, three highlights…): the
    # result must pass `content check`, forced or not, or the site would not start.
    with tempfile.TemporaryDirectory() as staging:
        staged = Path(staging) / report_id
        shutil.copytree(path.parent, staged)
        (staged / "briefing.yaml").write_text(text, encoding="utf-8")
        _report, problems = check_report_folder(all_content(), staged, report_id)
    if problems:
        _fail(f"{report_id}: not published: as final it would not pass `content check`:\n"
              + "\n".join(str(problem) for problem in problems))
    write_atomically(path, text)
    click.echo(f"Published {report_id}" + (f" (forced by {forcing.by}: {review})"
                                            if forcing else "") + ".")


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(1)


@report_cli.command("evaluate")
@click.argument("report_id", type=REPORT_ID)
@click.option("--runs", default=3, show_default=True, help="Warm drafts to time.")
@click.option("--labels", "labels_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A hand-labelled TSV of the report's figures (content/README.md, § Drafts).")
@click.option("--source", "source_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Draft this file instead of the report's source.txt (a report not in the content).")
def evaluate_report(report_id: str, runs: int, labels_path: Path | None,
                    source_path: Path | None) -> None:
    """Draft a report afresh and measure the draft: against its hand-written briefing, if the
    content has one, and against a hand-labelled list of its figures, if given."""
    started = time.perf_counter()
    from .drafting.draft import draft_briefing
    from .drafting.evaluate import MAX_DRAFT_SECONDS, evaluate
    from .drafting.labels import read_labels, score_labels
    from .drafting.read import read_source

    content = all_content()
    report = content.reports.get(report_id)
    try:
        if source_path is not None:
            text, _kind = read_source(source_path)
        elif report is not None:
            text = report.source.text
        else:
            raise DraftError(f"no report {report_id!r} in the content (give its file with --source)")
        labels = read_labels(labels_path) if labels_path is not None else None
        today = datetime.date.today()
        draft = draft_briefing(text, content.units, content.glossary, today, measures=content.measures)
    except DraftError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    first = time.perf_counter() - started
    timings = []
    for _run in range(max(runs, 1)):
        begin = time.perf_counter()
        draft = draft_briefing(text, content.units, content.glossary, today, measures=content.measures)
        timings.append(time.perf_counter() - begin)
    warm = sorted(timings)[len(timings) // 2]
    failures: list[str] = []
    if report is not None and source_path is None:
        result = evaluate(draft, report)
        click.echo(f"{report_id}: draft compared with the hand-written briefing")
        for name, value in result.rows():
            click.echo(f"  {name:<30} {value}")
        failures.extend(result.failures())
        _echo_saved(report_id, draft, report)
    if labels is not None:
        scored = score_labels(draft, labels)
        click.echo(f"{report_id}: draft measured against the labelled figures of {labels_path}")
        for name, value in scored.rows():
            click.echo(f"  {name:<30} {value}")
        for data, problem in scored.wrong:
            click.echo(f"  wrong: {data['written']} {data['label']['zh-Hans']}: {problem}")
        for row in scored.missed:
            click.echo(f"  missed: line {row.line}: {row.written} {row.counted_zh[0]}")
    _echo_english_gaps(report_id, draft)
    click.echo(f"  {'time to draft, warm (median)':<30} {warm:6.2f} s  (floor {MAX_DRAFT_SECONDS} s)")
    click.echo(f"  {'first draft (imports, jieba)':<30} {first:6.2f} s")
    if warm >= MAX_DRAFT_SECONDS:
        failures.append(f"{report_id}: warm draft {warm:.2f} s >= {MAX_DRAFT_SECONDS} s")
    for failure in failures:
        click.echo(f"  below the floor: {failure}")
    if failures:
        raise SystemExit(1)


def _echo_english_gaps(report_id: str, draft: Draft) -> None:
    """Print the share of drafted figures with an English label, and the others by what is missing."""
    from .drafting.english_gaps import gaps
    from .drafting.lexicon import lexicon

    figures = [figure.data for figure in draft.figures]
    labelled = sum(1 for data in figures if data["label"]["en"])
    click.echo(f"{report_id}: English labels {labelled}/{len(figures)}; the others by what is missing")
    missing = ((data["label"]["zh-Hans"], data["unit"], data.get("period", {}).get("zh-Hans"))
               for data in figures if not data["label"]["en"])
    for cause, labels in gaps(missing, lexicon().mapping("numbers")["people_of_cases"]).items():
        click.echo(f"  {cause} ({len(labels)}): {'; '.join(labels)}")


def _echo_saved(report_id: str, draft: Draft, report: Report) -> None:
    """Print what the finished briefing kept of the fresh draft (issue 18: the drafter's value)."""
    from .drafting.saved import saved

    if report.briefing.is_draft:
        click.echo(f"{report_id}: still a draft: what a finished briefing kept is measured once "
                   "it is published")
        return
    path = Path(current_app.config["CONTENT_DIR"]) / "reports" / report_id / "briefing.yaml"
    finished = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = saved(draft.data, finished, report.source.text, draft.assignment.parts, report.parts)
    click.echo(f"{report_id}: what the finished briefing kept of a fresh draft")
    for line in result.table():
        click.echo(line)


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
