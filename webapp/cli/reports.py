"""``flask report``: draft a new report's briefing, publish it once reviewed, measure drafts."""

from __future__ import annotations

import datetime
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
import yaml
from flask import current_app
from flask.cli import AppGroup

from ..content.loading import check_report_folder
from ..content.reports import Report
from ..drafting import DraftError
from ..web.content import all_content
from .params import REPORT_ID

if TYPE_CHECKING:
    from ..drafting.draft import Draft

report_cli = AppGroup("report", help="Draft a new report's briefing, and measure the drafts.")


def _progress(message: str) -> None:
    click.echo(f"  … {message}", err=True)


@report_cli.command("draft")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--id", "report_id", type=REPORT_ID, required=True,
              help="The new report's id (kebab-case).")
@click.option("--force", is_flag=True, help="Replace the report if it exists.")
def draft_report(source: Path, report_id: str, force: bool) -> None:
    """Draft content/reports/ID/ from a report (text, HTML, Markdown or PDF with text)."""
    from ..drafting.draft import draft_briefing
    from ..drafting.read import read_source
    from ..drafting.write import ensure_writable, write_report

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
    from ..drafting.publish import Forcing, published_text, write_atomically

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
    from ..drafting.draft import draft_briefing
    from ..drafting.evaluate import MAX_DRAFT_SECONDS, evaluate
    from ..drafting.labels import read_labels, score_labels
    from ..drafting.read import read_source

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
    from ..drafting.english_gaps import gaps
    from ..drafting.lexicon import lexicon

    figures = [figure.data for figure in draft.figures]
    labelled = sum(1 for data in figures if data["label"]["en"])
    click.echo(f"{report_id}: English labels {labelled}/{len(figures)}; the others by what is missing")
    missing = ((data["label"]["zh-Hans"], data["unit"], data.get("period", {}).get("zh-Hans"))
               for data in figures if not data["label"]["en"])
    for cause, labels in gaps(missing, lexicon().mapping("numbers")["people_of_cases"]).items():
        click.echo(f"  {cause} ({len(labels)}): {'; '.join(labels)}")


def _echo_saved(report_id: str, draft: Draft, report: Report) -> None:
    """Print what the finished briefing kept of the fresh draft (issue 18: the drafter's value)."""
    from ..drafting.saved import saved

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
