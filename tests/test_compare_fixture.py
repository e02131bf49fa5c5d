"""Comparing the two fixture reports: each cell the report's own figure linked to its
sentence, both years where a table gives them, a row of one basis only (受理 accepted is not
收案 received), a figure of other courts named as such, and "not reported" where a report
gives nothing; so that the rules are tested without the real reports."""

from __future__ import annotations

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from flask_babel import force_locale

from webapp.compare import compare
from webapp.config import LANGUAGES_BY_CODE
from webapp.content.measures import stated_basis, states
from webapp.web.content import current_content

from .conftest import EXAMPLE, LANGUAGE_CODES
from .test_compare import assert_cells_are_the_reports_figures, links_in, rows_of

CHOSEN = ("sample-2023", EXAMPLE)
BOTH = "/{code}/compare?reports=sample-2023,example-2023"

ENGLISH = LANGUAGES_BY_CODE["en"]


def page_rows(client: FlaskClient, code: str = "en", query: str = "") -> dict[str, list[str]]:
    response = client.get(BOTH.format(code=code) + query)
    assert response.status_code == 200
    return rows_of(response.get_data(as_text=True))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_cell_is_the_report_s_figure_linked_to_its_sentence(
        fixture_app: Flask, fixture_client: FlaskClient, code: str) -> None:
    rows = page_rows(fixture_client, code)
    language = LANGUAGES_BY_CODE[code]
    with fixture_app.test_request_context(f"/{code}/compare"), force_locale(language.babel):
        g.language = language
        content = current_content()
        reports = [content.reports[report_id] for report_id in CHOSEN]
        assert len(rows) == 9
        assert_cells_are_the_reports_figures(rows, reports, content, language, code)


def test_both_years_where_the_table_gives_last_year_s_figure(fixture_client: FlaskClient) -> None:
    sample, example = page_rows(fixture_client)["Cases concluded"]
    assert links_in(example) == [
        (f"/en/reports/{EXAMPLE}/source#quote-cases-concluded", "45,575 cases"),
        (f"/en/reports/{EXAMPLE}/source#quote-cases-concluded-2022", "43,543 cases")]
    assert "2022: " in example and "up 4.67% year on year" in example
    assert "not reported" in sample and "href" not in sample


def test_a_rate_alone_gives_no_year_before(fixture_client: FlaskClient) -> None:
    # 48,760 cases, up 6.4%: last year's count is never worked out from the rate.
    page = fixture_client.get(BOTH.format(code="en")).get_data(as_text=True)
    _sample, example = rows_of(page)["Cases received"]
    assert links_in(example) == [(f"/en/reports/{EXAMPLE}/source#quote-cases-received",
                                  "48,760 cases")]
    assert "2022" not in example and "45,827" not in page and "45827" not in page


def test_cases_accepted_and_cases_received_are_two_rows(fixture_client: FlaskClient) -> None:
    # 受理各类案件6.2万件 counts the cases carried over too: never on the row of 收案 (new).
    rows = page_rows(fixture_client)
    sample, example = rows["Cases accepted"]
    assert "not reported" in sample and "href" not in sample
    assert links_in(example) == [(f"/en/reports/{EXAMPLE}/source#quote-cases-accepted",
                                  "62,000 cases")]
    sample, example = rows["Cases received"]
    assert "100,344 cases" in sample and "48,760 cases" in example
    data = fixture_client.get("/api/v1/compare?reports=sample-2023,example-2023"
                              "&measures=cases-accepted,cases-received&lang=en").get_json()
    by_measure = {row["measure"]["id"]: row for row in data["rows"]}
    accepted, received = by_measure["cases-accepted"], by_measure["cases-received"]
    assert (accepted["measure"]["basis"], received["measure"]["basis"]) == ("accepted", "new")
    assert [cell["figure"] and cell["figure"]["value"] for cell in accepted["cells"]] == [None, 62000]
    assert [cell["figure"] and cell["figure"]["value"] for cell in received["cells"]] == [
        100344, 48760]


def test_a_row_holds_figures_of_one_basis_only(fixture_app: Flask) -> None:
    with fixture_app.app_context():
        content = current_content()
        comparison = compare(content, (), list(content.measures), language=ENGLISH)
        checked = 0
        for row in comparison.rows:
            assert row.basis == content.bases[row.measure.basis]
            for cell in row.cells:
                for figure in (cell.figure, cell.previous):
                    if figure is not None:
                        found = stated_basis(cell.report, figure, content.bases.values())
                        assert found is not None and states(row.measure, found[1]), figure.id
                        checked += 1
        assert checked == sum(figure.measure is not None for report in content.reports.values()
                              for figure in report.briefing.figures) == 17


def test_a_figure_of_other_courts_says_whose_it_is(fixture_client: FlaskClient) -> None:
    rows = page_rows(fixture_client)
    sample, example = rows["Commercial cases concluded"]
    assert "Figures of: the Intermediate People&#39;s Court" in example
    assert "Figures of" not in sample
    _sample, example = rows["Cases received"]
    assert "Figures of" not in example  # The report's own courts, named in its column.
    data = fixture_client.get("/api/v1/compare?reports=sample-2023,example-2023"
                              "&measures=commercial-concluded,cases-received&lang=en").get_json()
    scopes = {row["measure"]["id"]: [cell["scope"] for cell in row["cells"]] for row in data["rows"]}
    commercial, received = scopes["commercial-concluded"], scopes["cases-received"]
    assert commercial == [{"kind": "court", "courts": "Sample District People's Court"},
                          {"kind": "court", "courts": "the Intermediate People's Court"}]
    assert received[1] == {"kind": "all-courts", "courts": "All courts of Example City"}


def test_a_note_says_the_reports_count_different_courts(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(BOTH.format(code="en")).get_data(as_text=True)
    notes = page.split('<div class="notice compare-notes"', 1)[1].split("</div>", 1)[0]
    assert ("The figures count different courts: Sample District People&#39;s Court (one court) "
            "and All courts of Example City (every court of its area).") in notes
    assert "different years" not in notes  # Both cover 2023.
    assert "infographic" not in notes


def test_shared_rows_are_the_measures_both_reports_give(fixture_app: Flask) -> None:
    with fixture_app.app_context():
        comparison = compare(current_content(), list(CHOSEN), language=ENGLISH)
    assert [row.measure.id for row in comparison.shared_rows()] == [
        "cases-received", "commercial-concluded", "enforcement-recovered"]
    assert not comparison.periods_differ


def test_the_columns_follow_the_order_chosen(fixture_client: FlaskClient) -> None:
    page = fixture_client.get("/en/compare?reports=example-2023,sample-2023").get_data(
        as_text=True)
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert head.index("Example City") < head.index("Sample District")
    example, sample = rows_of(page)["Cases received"]
    assert "48,760 cases" in example and "100,344 cases" in sample
