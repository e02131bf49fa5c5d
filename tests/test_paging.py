"""Listings a page at a time (webapp/views/paging.py): the home page and the corrections log.

The fixture content with one report a page, and two corrections added to its one (three, two a
page), so that each listing has two pages.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from tests.conftest import FIXTURE_CONTENT, edit
from webapp import create_app
from webapp.config import LANGUAGES_BY_CODE
from webapp.freeze import page_paths
from webapp.glossary import backlinks
from webapp.views import compare_page, glossary_page, home
from webapp.views.paging import Listing, every_correction, newest_first, page_numbers
from webapp.web.content import current_content

LANGUAGE_CODES = ("zh-hans", "zh-hant", "en")
LISTINGS = ("", "corrections")
# The corrections added to the fixture content, newest first: the log's order.
LATEST = {"zh-Hans": "更正案件数字的口径。", "en": "What the cases figure counts corrected."}
SECOND = {"zh-Hans": "更正收案数字的标签。", "en": "The label of the cases received corrected."}


@pytest.fixture(scope="module")
def paged_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app on the fixture content listing one report and two corrections a page, rendering
    each page it is asked for (a test may change how many figures a listing shows)."""
    content = tmp_path_factory.mktemp("paged") / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    edit(content, "reports/example-2023/briefing.yaml", "original: {status: not-located",
         "  - date: 2024-04-01\n    note: {zh-Hans: 更正。, en: Corrected.}\n"
         f"corrections:\n  - date: 2024-04-01\n    note: {{zh-Hans: {LATEST['zh-Hans']}, "
         f"en: {LATEST['en']}}}\noriginal: {{status: not-located")
    first = "en: The label of the commercial cases figure corrected.}"
    edit(content, "reports/sample-2023/briefing.yaml", first,
         f"{first}\n  - date: 2024-03-15\n    note: {{zh-Hans: {SECOND['zh-Hans']}, en: {SECOND['en']}}}")
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content),
                       "PDF_CACHE_DIR": str(tmp_path_factory.mktemp("pdf-cache")),
                       "REPORTS_PER_PAGE": 1, "CORRECTIONS_PER_PAGE": 2, "PAGE_CACHE": False})


@pytest.fixture
def paged(paged_app: Flask) -> FlaskClient:
    return paged_app.test_client()


def order(app: Flask) -> list[str]:
    """Return the fixture reports' ids newest first, as the listings order them."""
    with app.app_context():
        return [report.id for report in newest_first(current_content().reports.values())]


def listed(page: str) -> list[str]:
    """Return the ids of the reports a listing page lists, in order: the home page's cards and
    lines, or the reports of the corrections log's entries."""
    return re.findall(r'(?:<h2>|<li class="report-row">|<p class="corrections-log__report">)'
                      r'<a href="/[^/]+/reports/([^/"]+)/', page)


def in_order(app: Flask, listing: str) -> list[str]:
    """Return the ids of the reports a listing lists, as it lists them."""
    with app.app_context():
        if listing == "corrections":
            return [report.id for report, _correction in every_correction()]
        return [report.id for report in newest_first(current_content().reports.values())]


def pagination(page: str) -> str:
    """Return the pagination nav of a page ('' when it has none)."""
    found = re.search(r'<nav class="pagination".*?</nav>', page, re.S)
    return found[0] if found else ""


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_listing_shows_a_page_of_reports_newest_first(paged_app: Flask, paged: FlaskClient,
                                                        code: str, listing: str) -> None:
    base = f"/{code}/{listing}" if listing else f"/{code}/"
    second = f"{base.rstrip('/')}/page/2"
    first_page = paged.get(base).get_data(as_text=True)
    second_page = paged.get(second).get_data(as_text=True)
    assert listed(first_page) + listed(second_page) == in_order(paged_app, listing)
    # Each page links to the other: page 1 at the listing's own address, never /page/1.
    assert f'href="{second}" rel="next"' in pagination(first_page)
    assert f'href="{base}" rel="prev"' in pagination(second_page)
    assert '<span aria-current="page">2</span>' in pagination(second_page)
    assert "/page/1" not in first_page + second_page
    title = {"zh-hans": "第2页，共2页", "zh-hant": "第2頁，共2頁", "en": "Page 2 of 2"}[code]
    assert title in re.search(r"<title>(.*?)</title>", second_page)[1]
    assert title not in re.search(r"<title>(.*?)</title>", first_page)[1]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_first_page_s_reports_show_their_first_headline_figures(
        paged_app: Flask, paged: FlaskClient, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The newest report shows its first headline figures, each a link to its card in its report,
    which gives its sentence and cites it; the listing says how many more the briefing has."""
    monkeypatch.setattr(home, "FIGURES_LISTED", 1)
    newest = order(paged_app)[0]
    with paged_app.app_context():
        headline = current_content().reports[newest].headline_figures()
    assert len(headline) > 1
    page = paged.get(f"/{code}/").get_data(as_text=True)
    links = re.findall(r'<li class="listed-figure"><a href="([^"]+)">', page)
    assert links == [f"/{code}/reports/{newest}/#figure-{headline[0].id}"]
    assert "<blockquote" not in page and 'class="figure-cite"' not in page
    others = len(headline) - 1
    more = {"zh-hans": f"简报另有{others}项关键数据", "zh-hant": f"簡報另有{others}項關鍵數據",
            "en": f"{others} more key figure{'s' if others > 1 else ''} in the briefing"}[code]
    assert f'<a href="/{code}/reports/{newest}/">{more}</a>' in page
    card = paged.get(links[0]).get_data(as_text=True).split(f'id="figure-{headline[0].id}"', 1)[1]
    card = card.split("</figure>", 1)[0]
    assert "<blockquote" in card and 'class="figure-cite"' in card


def test_past_the_newest_reports_each_is_a_line(paged_app: Flask, paged: FlaskClient,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the first few reports, a report is its title, court, year and last change, no figures."""
    newest, older = order(paged_app)
    second = paged.get("/en/page/2").get_data(as_text=True)
    assert listed(second) == [older] and 'class="listed-figure"' not in second
    assert "More reports" not in second
    row = second.split('<li class="report-row">', 1)[1].split("</li>", 1)[0]
    with paged_app.app_context():
        briefing = current_content().reports[older].briefing
    assert f"Work in {briefing.year}" in row and escape(briefing.court.shown_in("en")[0]) in row
    monkeypatch.setattr(home, "FEATURED", 1)
    monkeypatch.setitem(paged_app.config, "REPORTS_PER_PAGE", 2)
    first = paged.get("/en/").get_data(as_text=True)
    assert listed(first) == [newest, older]
    cards, rows = first.split('<h2 class="report-rows__heading">More reports</h2>', 1)
    assert 'class="listed-figure"' in cards and 'class="listed-figure"' not in rows
    assert 'class="report-row"' in rows and 'class="report-row"' not in cards


def test_the_extent_of_a_page_is_said(paged: FlaskClient) -> None:
    page = paged.get("/en/page/2").get_data(as_text=True)
    assert "Reports 2–2 of 2, newest first." in page
    assert "第1至1份报告，共2份，最新的在前。" in paged.get("/zh-hans/").get_data(as_text=True)


@pytest.mark.parametrize("listing", LISTINGS)
def test_an_htmx_request_gets_the_page_s_fragment_with_its_links(paged: FlaskClient,
                                                                 listing: str) -> None:
    path = f"/en/{listing}/page/2" if listing else "/en/page/2"
    fragment = paged.get(path, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.startswith("<title>") and "<html" not in fragment
    assert 'rel="prev"' in pagination(fragment)


def test_the_language_switch_keeps_the_page(paged: FlaskClient) -> None:
    page = paged.get("/en/page/2").get_data(as_text=True)
    assert 'href="/zh-hant/page/2"' in page and 'href="/zh-hans/page/2"' in page


@pytest.mark.parametrize("listing", LISTINGS)
def test_page_one_by_number_is_the_listing_s_own_address(paged: FlaskClient, listing: str) -> None:
    prefix = f"/en/{listing}" if listing else "/en"
    response = paged.get(f"{prefix}/page/1")
    assert response.status_code == 308
    assert response.headers["Location"].endswith(f"{prefix}/" if not listing else prefix)


@pytest.mark.parametrize(("path", "message"), [
    ("/zh-hans/page/3", "此列表没有第3页：共2页。"),
    ("/zh-hant/corrections/page/3", "此列表沒有第3頁：共2頁。"),
    ("/en/page/0", "There is no page 0 of this list: it has 2."),
    ("/en/corrections/page/99999999999999999999", "There is no page 99999999999999999999 of this list"),
    ("/en/page/two", "There is no page at this address."),
    ("/en/page/-1", "There is no page at this address."),
    ("/en/page/", "There is no page at this address."),
])
def test_a_page_out_of_range_or_not_a_number_is_a_localized_404(paged: FlaskClient, path: str,
                                                                message: str) -> None:
    response = paged.get(path, follow_redirects=True)
    assert response.status_code == 404
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("written", ["02", "２", "\u0662"])
def test_a_page_number_written_otherwise_is_sent_to_its_one_address(paged: FlaskClient,
                                                                    written: str) -> None:
    response = paged.get(f"/en/corrections/page/{written}")
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/corrections/page/2"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_corrections_log_lists_every_correction_newest_first(paged: FlaskClient,
                                                                 code: str) -> None:
    """Across briefings, by date; each entry names its briefing, linked to its own corrections."""
    tag = LANGUAGES_BY_CODE[code].tag
    first = paged.get(f"/{code}/corrections").get_data(as_text=True)
    second = paged.get(f"/{code}/corrections/page/2").get_data(as_text=True)
    notes = [LATEST["en" if tag == "en" else "zh-Hans"], SECOND["en" if tag == "en" else "zh-Hans"]]
    if tag == "zh-Hant":
        notes = ["更正案件數字的口徑。", "更正收案數字的標籤。"]
    assert first.index(notes[0]) < first.index(notes[1])
    assert listed(first) == ["example-2023", "sample-2023"] and listed(second) == ["sample-2023"]
    assert f'<a href="/{code}/reports/example-2023/#corrections-heading">' in first
    when = {"zh-hans": "2024年4月1日</time>，第2版", "zh-hant": "2024年4月1日</time>，第2版",
            "en": "1 April 2024</time>, version 2"}[code]
    assert when in first
    extent = {"zh-hans": "第1至2条更正，共3条，最新的在前。", "zh-hant": "第1至2條更正，共3條，最新的在前。",
              "en": "Corrections 1–2 of 3, newest first."}[code]
    assert extent in first


@pytest.mark.parametrize("path", ["/en/reports/sample-2023/", "/en/reports/sample-2023/economy"])
def test_a_report_links_to_its_own_corrections(paged: FlaskClient, path: str) -> None:
    page = paged.get(path).get_data(as_text=True)
    assert 'href="/en/reports/sample-2023/#corrections-heading"' in page
    overview = paged.get("/en/reports/sample-2023/").get_data(as_text=True)
    corrections = overview.split('id="corrections-heading"', 1)[1].split("</section>", 1)[0]
    assert SECOND["en"] in corrections and "The label of the commercial cases figure" in corrections


def test_one_page_has_no_page_links(fixture_client: FlaskClient) -> None:
    page = fixture_client.get("/en/").get_data(as_text=True)
    assert pagination(page) == "" and "newest first" not in page
    assert len(listed(page)) == 2


def test_the_freeze_writes_every_page_of_every_listing(paged_app: Flask, fixture_app: Flask) -> None:
    with paged_app.app_context():
        paths = page_paths(paged_app)
    for code in LANGUAGE_CODES:
        assert {f"/{code}/", f"/{code}/page/2", f"/{code}/corrections",
                f"/{code}/corrections/page/2"} <= set(paths)
        assert f"/{code}/page/3" not in paths
    with fixture_app.app_context():
        assert not [path for path in page_paths(fixture_app) if "/page/" in path]


def test_page_numbers_past_the_first() -> None:
    assert page_numbers(0, 12) == [] and page_numbers(12, 12) == []
    assert page_numbers(13, 12) == [2]
    assert page_numbers(200, 12) == list(range(2, 18))


def report(report_id: str, year: int, changed: str) -> SimpleNamespace:
    return SimpleNamespace(id=report_id, last_changed=datetime.date.fromisoformat(changed),
                           briefing=SimpleNamespace(year=year))


def test_newest_first_by_year_then_last_changed_then_id() -> None:
    reports = [report("a", 2022, "2025-01-01"), report("b", 2024, "2024-06-01"),
               report("c", 2024, "2025-02-01"), report("d", 2024, "2025-02-01")]
    assert [found.id for found in newest_first(reports)] == ["c", "d", "b", "a"]  # type: ignore[arg-type]


def test_page_links_leave_out_the_far_pages(paged_app: Flask) -> None:
    def numbers(number: int, count: int) -> list[int | None]:
        return Listing([], number, count, 1, count, "site.home.index").numbers()

    assert numbers(9, 17) == [1, None, 7, 8, 9, 10, 11, None, 17]
    assert numbers(1, 17) == [1, 2, 3, None, 17]
    assert numbers(3, 5) == [1, 2, 3, 4, 5]
    assert numbers(1, 1) == [1]


def test_compare_by_default_the_newest_reports(paged_app: Flask, paged: FlaskClient,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_page, "DEFAULT_COMPARED", 1)
    newest, older = order(paged_app)
    page = paged.get("/en/compare").get_data(as_text=True)
    form = page.split('<form class="compare-form"', 1)[1].split("</form>", 1)[0]
    assert re.findall(r'name="reports" value="([^"]+)" checked', form) == [newest]
    assert f'value="{older}">' in form
    assert "None ticked: the newest report." in form
    # The chart shows what the table does.
    chart = re.search(r'src="(/en/compare/chart\.svg\?[^"]+)"', page)
    assert chart is None or f"reports={newest}" in chart[1].replace("&amp;", "&")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_compare_picker_groups_reports_by_region(fixture_app: Flask,
                                                     fixture_client: FlaskClient,
                                                     code: str) -> None:
    form = fixture_client.get(f"/{code}/compare?reports=example-2023").get_data(as_text=True)
    form = form.split('<form class="compare-form"', 1)[1].split("</form>", 1)[0]
    groups = re.findall(r'<details class="compare-form__region"( open)?>\s*<summary>([^<]+?) <',
                        form)
    region = {"zh-hans": "范例市", "zh-hant": "範例市", "en": "Example City"}[code]
    assert (" open", region) in groups
    # Every report is offered once.
    with fixture_app.app_context():
        ids = sorted(current_content().reports)
    assert sorted(re.findall(r'name="reports" value="([^"]+)"', form)) == ids


def _using_a_term_once_more(content_dir: Path, tmp_path: Path, term: str) -> tuple[Flask, list[Any]]:
    """Return an app whose example report's overview uses ``term`` too, and the term's uses."""
    edit(content_dir, "reports/example-2023/briefing.yaml", "terms: [simple-complex-separation]",
         f"terms: [simple-complex-separation, {term}]")
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    with app.app_context():
        uses = backlinks(newest_first(current_content().reports.values()))[term]
    return app, uses


def test_the_glossary_names_a_few_uses_of_a_term_and_searches_for_the_rest(
        content_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A term used in two sections of a report (the fixture's terms are used once each).
    app, uses = _using_a_term_once_more(content_dir, tmp_path, "litigation-free-village")
    assert len(uses) == 2
    monkeypatch.setattr(glossary_page, "USES_SHOWN", 1)
    page = app.test_client().get("/en/glossary").get_data(as_text=True)
    entry = page.split('id="term-litigation-free-village"', 1)[1].split("</dd>", 1)[0]
    (first, section), = uses[:1]
    assert re.findall(r'href="(/en/reports/[^"]+)"', entry) == [f"/en/reports/{first.id}/{section}"]
    with app.app_context():
        name = current_content().section_info(section).name.shown_in("en")[0]
    assert f"{escape(first.briefing.title.shown_in('en')[0])} · {name}</a>" in entry
    more = re.search(r'<a href="(/en/search\?q=[^"]+)">1 more: search for the term</a>', entry)
    assert more is not None
    assert app.test_client().get(more[1]).status_code == 200
    # Two sections, one report: the count is of reports.
    assert "Used in 1 report:" in entry
    page = app.test_client().get("/zh-hans/glossary").get_data(as_text=True)
    assert "1份报告使用：" in page.split('id="term-litigation-free-village"', 1)[1].split("</dd>", 1)[0]


def test_the_glossary_counts_the_reports_that_use_a_term(content_dir: Path, tmp_path: Path) -> None:
    app, uses = _using_a_term_once_more(content_dir, tmp_path, "fengqiao-experience")
    assert len({report.id for report, _section in uses}) == 2
    page = app.test_client().get("/en/glossary").get_data(as_text=True)
    assert "Used in 2 reports:" in page.split('id="term-fengqiao-experience"', 1)[1].split("</dd>", 1)[0]


def test_regions_that_read_alike_are_not_interleaved() -> None:
    # 山西 and 陕西 are both shan xi: sorted by reading alone, newest first, they interleaved.
    def report(report_id: str, year: int, region: str) -> Any:
        briefing = SimpleNamespace(year=year, region={"zh-Hans": region})
        return SimpleNamespace(id=report_id, last_changed=datetime.date(2026, 1, 1), briefing=briefing)

    reports = [report("a", 2025, "山西"), report("b", 2024, "陕西"), report("c", 2023, "山西")]
    groups = compare_page.by_region(reports, LANGUAGES_BY_CODE["zh-hans"])
    assert sorted((region, [member.id for member in members]) for region, members in groups) == [
        ("山西", ["a", "c"]), ("陕西", ["b"])]
