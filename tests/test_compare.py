"""Comparing reports: cells are the reports' own figures, linked to their sentences; what a
report does not give is "not reported"; both years where a report states them, never one
worked out from a rate; the choice lives in the URL, and unknown ids get a localized 400.
"""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale

from webapp import charts, create_app
from webapp.compare import chosen_ids, compare, stated_parts
from webapp.config import LANGUAGES_BY_CODE, Language
from webapp.content.measures import stated_basis, states
from webapp.content.reports import Content, Report
from webapp.views import links
from webapp.views.presenters import display_figure
from webapp.web.content import current_content

from .conftest import BRIEFING, LANGUAGE_CODES, edit, name_courts_in_overview

BOTH = "/{code}/compare?reports=haidian-2023,tibet-2024"
PAIR = ["haidian-2023", "tibet-2024"]  # The two reports BOTH compares.
ENGLISH = LANGUAGES_BY_CODE["en"]
NOT_REPORTED = {"zh-hans": "未报告", "zh-hant": "未報告", "en": "not reported"}


def rows_of(page: str) -> dict[str, list[str]]:
    """Return each row of the compare table: its measure's name and its cells' HTML."""
    body = page.split('<table class="data-table compare-table">', 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>\s*<th scope=\"row\">\s*<span class=\"compare-table__measure\">"
                          r"(.*?)</span>.*?</th>(.*?)</tr>", body, flags=re.S):
        rows[html_module.unescape(row[0])] = re.findall(r"<td[^>]*>(.*?)</td>", row[1], flags=re.S)
    return rows


def links_in(cell: str) -> list[tuple[str, str]]:
    """Return the (href, text) of every link in a cell."""
    return [(href, html_module.unescape(text))
            for href, text in re.findall(r'<a class="compare-table__value" href="([^"]+)">([^<]+)</a>',
                                         cell)]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_cell_is_the_report_s_figure_linked_to_its_sentence(real_app: Flask,
                                                                  real_client: FlaskClient,
                                                                  code: str) -> None:
    response = real_client.get(BOTH.format(code=code))
    assert response.status_code == 200
    rows = rows_of(response.get_data(as_text=True))
    language = LANGUAGES_BY_CODE[code]
    with real_app.test_request_context(f"/{code}/compare"), force_locale(language.babel):
        from flask import g

        g.language = language
        content = current_content()
        reports = [content.reports["haidian-2023"], content.reports["tibet-2024"]]
        assert_cells_are_the_reports_figures(rows, reports, content, language, code)


def assert_cells_are_the_reports_figures(rows: dict[str, list[str]], reports: list[Report],
                                         content: Content, language: Language, code: str) -> None:
    """Check every row of a comparison page against the reports: each cell holds the report's
    figures of the measure (the year's, then the year before's) or, where it states only
    parts, the parts, each linked to its sentence; a row for every measure given, no other."""
    given = {figure.measure for report in reports for figure in report.briefing.figures}
    assert len(rows) == len(given - {None})
    for measure in content.measures.values():
        if measure.id not in given:
            assert measure.name.get(language.tag) not in rows
            continue
        cells = rows[measure.name.get(language.tag)]
        for report, cell in zip(reports, cells, strict=True):
            year = report.briefing.year
            expected = [figure for figure in (report.figure_for(measure.id, year),
                                              report.figure_for(measure.id, year - 1))
                        if figure is not None]
            parts = () if expected else stated_parts(report, measure)
            assert links_in(cell) == [
                (links.figure_source_url(report, figure),
                 display_figure(figure, content, language).text)
                for figure in [*expected, *parts]]
            if not expected:
                assert (NOT_REPORTED[code] in cell) == (not parts)


@pytest.mark.content
def test_a_measure_a_report_does_not_give_is_not_reported(real_client: FlaskClient) -> None:
    rows = rows_of(real_client.get(BOTH.format(code="en")).get_data(as_text=True))
    haidian, tibet = rows["Cases pending"]
    assert "26,025 cases" in haidian
    assert "not reported" in tibet and "href" not in tibet
    # Tibet states its civil and commercial cases as one figure, not as parts: the whole alone.
    haidian, tibet = rows["Civil and commercial cases concluded"]
    assert "43,158 cases" in tibet and "Not stated as one figure" not in tibet


@pytest.mark.content
def test_haidian_s_civil_and_commercial_cases_are_its_two_stated_parts(
        real_client: FlaskClient) -> None:
    # Regression (issue 16): Haidian gives civil 41,956 and commercial 19,489 cases concluded in
    # its table, not their sum; the row said "not reported".
    rows = rows_of(real_client.get(BOTH.format(code="en")).get_data(as_text=True))
    haidian, _ = rows["Civil and commercial cases concluded"]
    assert "not reported" not in haidian
    assert "Not stated as one figure; the report gives:" in haidian
    assert links_in(haidian) == [
        ("/en/reports/haidian-2023/source#quote-civil-concluded-2023", "41,956 cases"),
        ("/en/reports/haidian-2023/source#quote-commercial-concluded-2023", "19,489 cases")]
    assert "61,445" not in haidian  # Their sum is never worked out.


@pytest.mark.content
def test_both_years_where_the_report_states_last_year_s_figure(real_client: FlaskClient) -> None:
    rows = rows_of(real_client.get(BOTH.format(code="en")).get_data(as_text=True))
    haidian, tibet = rows["Civil cases concluded"]
    # The table's exact 41,956, not the prose's rounded 4.19万, and the table's 2022 figure.
    assert links_in(haidian) == [
        ("/en/reports/haidian-2023/source#quote-civil-concluded-2023", "41,956 cases"),
        ("/en/reports/haidian-2023/source#quote-civil-concluded-2022", "29,342 cases")]
    assert "2022: " in haidian and "up 42.99% year on year" in haidian
    assert "not reported" in tibet


@pytest.mark.content
def test_a_rate_alone_is_shown_as_written_and_no_year_before_is_worked_out(
        real_client: FlaskClient) -> None:
    page = real_client.get(BOTH.format(code="en")).get_data(as_text=True)
    haidian, _tibet = rows_of(page)["Cases pending"]
    assert "down 17.6% year on year" in haidian
    assert len(links_in(haidian)) == 1 and "2022" not in haidian
    # 26,025 after a fall of 17.6% would put 2022 at about 31,584: nowhere on the page.
    assert not re.search(r"31,?58\d", page)


@pytest.mark.content
def test_the_columns_are_headed_by_court_level_region_and_period(real_client: FlaskClient) -> None:
    page = real_client.get(BOTH.format(code="zh-hans")).get_data(as_text=True)
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    for text in ("海淀区人民法院", "基层人民法院", "北京市海淀区", "2023年度",
                 "西藏自治区高级人民法院", "高级人民法院", "西藏自治区", "2024年度"):
        assert text in head
    assert head.index("海淀区人民法院") < head.index("西藏自治区高级人民法院")


@pytest.mark.content
def test_a_note_says_what_differs_courts_source_and_years(real_client: FlaskClient) -> None:
    page = real_client.get(BOTH.format(code="en")).get_data(as_text=True)
    notes = page.split('<div class="notice compare-notes"', 1)[1].split("</div>", 1)[0]
    assert ("The figures count different courts: Haidian District People&#39;s Court (one court) "
            "and All courts in the Tibet Autonomous Region (every court of its area).") in notes
    assert ("2024 Work Report of the Higher People&#39;s Court of the Tibet Autonomous Region: the "
            "briefing rests on the official infographic (一图读懂), not on the full text") in notes
    assert "The reports cover different years: 2023 and 2024." in notes
    assert "different levels" not in page
    alone = real_client.get("/en/compare?reports=haidian-2023").get_data(as_text=True)
    assert "compare-notes" not in alone


@pytest.mark.content
def test_the_columns_follow_the_order_chosen(real_client: FlaskClient) -> None:
    page = real_client.get("/en/compare?reports=tibet-2024,haidian-2023").get_data(as_text=True)
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert head.index("Higher People&#39;s Court") < head.index("Haidian District People")
    haidian, tibet = rows_of(page)["Criminal cases concluded"][::-1]
    assert "2,912 cases" in tibet and "1,857 cases" in haidian


@pytest.mark.content
def test_chosen_measures_are_the_rows(real_client: FlaskClient) -> None:
    page = real_client.get("/en/compare?measures=cases-pending,ip-concluded").get_data(as_text=True)
    assert list(rows_of(page)) == ["Cases pending", "Intellectual property cases concluded"]
    # The form shows the choice: those two ticked, the measures opened.
    assert re.search(r'value="cases-pending" checked', page)
    assert re.search(r'value="ip-concluded" checked', page)
    assert not re.search(r'value="cases-received" checked', page)
    assert '<details class="compare-form__measures" open>' in page


def test_the_form_works_without_javascript_and_its_url_is_the_choice(
        real_client: FlaskClient) -> None:
    page = real_client.get("/en/compare").get_data(as_text=True)
    form = page.split('<form class="compare-form"', 1)[1].split("</form>", 1)[0]
    assert 'action="/en/compare" method="get"' in form
    assert "hx-" not in form  # A plain GET form: the browser submits it.
    with real_client.application.app_context():
        every_report = list(current_content().reports)
    # Today's reports are fewer than the newest compared by default: all are ticked (the
    # form lists them by region).
    assert sorted(re.findall(r'name="reports" value="([^"]+)" checked', form)) == \
        sorted(every_report)
    assert '<button class="button" type="submit">' in form
    # What the form submits and the shared comma form are the same comparison.
    submitted = real_client.get("/en/compare?reports=tibet-2024&reports=haidian-2023"
                                "&measures=ip-concluded").get_data(as_text=True)
    shared = real_client.get("/en/compare?reports=tibet-2024,haidian-2023"
                             "&measures=ip-concluded").get_data(as_text=True)
    assert rows_of(submitted) == rows_of(shared)


@pytest.mark.parametrize(("path", "message"), [
    ("/en/compare?reports=haidian-2023,nope", "There is no report nope."),
    ("/zh-hans/compare?reports=nope", "没有编号为 nope 的报告。"),
    ("/zh-hant/compare?measures=cases-received,no-such", "沒有編號為 no-such 的指標。"),
    ("/en/compare/chart.svg?reports=nope", "There is no report nope."),
])
def test_unknown_ids_get_a_localized_400(real_client: FlaskClient, path: str,
                                        message: str) -> None:
    response = real_client.get(path)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_chosen_ids_read_commas_and_repeats() -> None:
    assert chosen_ids(["a,b", "c", "", "b,,d,"]) == ["a", "b", "c", "d"]
    assert chosen_ids([]) == []


@pytest.mark.content
def test_a_comparison_is_built_from_content_without_a_request(real_app: Flask) -> None:
    with real_app.app_context():
        content = current_content()
        comparison = compare(content, language=ENGLISH)
        assert [report.id for report in comparison.reports] == list(content.reports)
        assert comparison.levels_differ and comparison.periods_differ
        shared = [row.measure.id for row in compare(content, PAIR, language=ENGLISH).shared_rows()]
        assert "criminal-concluded" in shared and "cases-pending" not in shared
        # 受理 (Tibet) and 收案 (Haidian) are two measures: neither row is shared.
        assert "cases-received" not in shared and "cases-accepted" not in shared
        one = compare(content, ["haidian-2023"], ["civil-concluded"], language=ENGLISH)
        (row,) = one.rows
        (cell,) = row.cells
        assert cell.figure is not None and cell.figure.value == 41956
        assert cell.previous is not None and cell.previous.value == 29342
        # The error is in the language passed in, whatever locale is around.
        with pytest.raises(ValueError, match="^There is no report nope.$"):
            compare(content, ["nope"], language=ENGLISH)
        with pytest.raises(ValueError, match="^没有编号为 nope 的报告。$"):
            compare(content, ["nope"], language=LANGUAGES_BY_CODE["zh-hans"])


def test_the_site_links_to_the_compare_page(real_client: FlaskClient) -> None:
    for path in ("/en/", "/en/reports/haidian-2023/", "/en/glossary"):
        assert 'href="/en/compare"' in real_client.get(path).get_data(as_text=True)


@pytest.mark.content
def test_the_compare_api_gives_the_same_cells(real_client: FlaskClient) -> None:
    data = real_client.get("/api/v1/compare?reports=haidian-2023,tibet-2024&lang=en").get_json()
    assert [report["id"] for report in data["reports"]] == ["haidian-2023", "tibet-2024"]
    assert data["levels_differ"] and data["periods_differ"]
    rows = {row["measure"]["id"]: row["cells"] for row in data["rows"]}
    haidian, tibet = rows["civil-concluded"]
    assert haidian["figure"]["display"] == "41,956 cases" and haidian["figure"]["year"] == 2023
    assert haidian["previous_year"]["display"] == "29,342 cases"
    assert haidian["previous_year"]["year"] == 2022
    assert haidian["previous_year"]["source"]["url"] == \
        "/en/reports/haidian-2023/source#quote-civil-concluded-2022"
    assert tibet == {"report": "tibet-2024", "figure": None, "previous_year": None, "parts": [],
                     "scope": {"kind": "all-courts",
                               "courts": "All courts in the Tibet Autonomous Region"}}
    pending, _ = rows["cases-pending"]
    assert pending["previous_year"] is None and pending["figure"]["change"]["direction"] == "down"


@pytest.mark.parametrize(("path", "status"), [
    ("/api/v1/compare?reports=nope&lang=en", 400),
    ("/api/v1/compare?measures=nope&lang=zh-hant", 400),
    ("/api/v1/compare?lang=xx", 400),
])
def test_compare_api_errors_are_json(real_client: FlaskClient, path: str, status: int) -> None:
    response = real_client.get(path)
    assert response.status_code == status and response.is_json
    assert set(response.get_json()) == {"error"} and response.get_json()["error"]


def test_the_language_switch_keeps_the_choice(real_client: FlaskClient) -> None:
    page = real_client.get("/en/compare?reports=tibet-2024&measures=ip-concluded"
                           ).get_data(as_text=True)
    switch = page.split('<nav class="language-switch"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/zh-hant/compare?reports=tibet-2024&amp;measures=ip-concluded"' in switch
    assert 'href="/zh-hans/compare?reports=tibet-2024&amp;measures=ip-concluded"' in switch


# Comparisons that compare the same thing (issue 16): a row holds one basis, each column names
# the courts its figures count, each measure's definition is a click away.

@pytest.mark.content
def test_a_row_holds_figures_of_one_basis_only(real_app: Flask) -> None:
    # Over every measure and every report of the real content: each figure of a row states, in
    # its report's own words, the basis of the row's measure.
    with real_app.app_context():
        content = current_content()
        comparison = compare(content, (), list(content.measures), language=ENGLISH)
        assert len(comparison.rows) == len(content.measures)
        checked = 0
        for row in comparison.rows:
            assert row.basis == content.bases[row.measure.basis]
            for cell in row.cells:
                for figure in (cell.figure, cell.previous):
                    if figure is None:
                        continue
                    found = stated_basis(cell.report, figure, content.bases.values())
                    assert found is not None and states(row.measure, found[1]), (
                        f"{cell.report.id} {figure.id} on the row {row.measure.id}: {found}")
                    checked += 1
        assert checked == sum(figure.measure is not None for report in content.reports.values()
                              for figure in report.briefing.figures)


@pytest.mark.content
def test_cases_accepted_and_cases_newly_received_are_two_rows(real_client: FlaskClient) -> None:
    # Regression: Tibet's 受理案件突破10万件 stood beside Haidian's 收案100344件 on one row.
    rows = rows_of(real_client.get(BOTH.format(code="en")).get_data(as_text=True))
    haidian, tibet = rows["Cases accepted"]
    assert "not reported" in haidian and "href" not in haidian
    assert links_in(tibet) == [("/en/reports/tibet-2024/source#quote-cases-accepted",
                                "more than 100,000 cases")]
    haidian, tibet = rows["New cases received"]
    assert "100,344 cases" in haidian and "not reported" in tibet and "href" not in tibet
    data = real_client.get("/api/v1/compare?reports=haidian-2023,tibet-2024"
                           "&measures=cases-accepted,cases-received&lang=en").get_json()
    accepted, received = data["rows"]
    assert (accepted["measure"]["basis"], received["measure"]["basis"]) == ("accepted", "new")
    assert [cell["figure"] and cell["figure"]["value"] for cell in accepted["cells"]] == [None, 100000]
    assert [cell["figure"] and cell["figure"]["value"] for cell in received["cells"]] == [100344, None]


SCOPES = {"zh-hans": ("数据范围：海淀区人民法院", "数据范围：全区法院"),
          "zh-hant": ("數據範圍：海淀區人民法院", "數據範圍：全區法院"),
          "en": ("Figures of: Haidian District People&#39;s Court",
                 "Figures of: All courts in the Tibet Autonomous Region")}
LEGEND = {"zh-hans": ("海淀区人民法院（2023年）", "全区法院（2024年，据图解）"),
          "zh-hant": ("海淀區人民法院（2023年）", "全區法院（2024年，據圖解）"),
          "en": ("Haidian District People's Court (2023)",
                 "All courts in the Tibet Autonomous Region (2024, from the infographic)")}
INFOGRAPHIC = {"zh-hans": "依据官方图解，而非报告全文", "zh-hant": "依據官方圖解，而非報告全文",
               "en": "From the official infographic, not the full report"}


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_column_and_the_legend_name_the_courts_counted(real_app: Flask,
                                                            real_client: FlaskClient,
                                                            code: str) -> None:
    page = real_client.get(BOTH.format(code=code)).get_data(as_text=True)
    haidian_head, tibet_head = page.split("<thead>", 1)[1].split("</thead>", 1)[0].split(
        'class="compare-table__report"')[1:]
    assert SCOPES[code][0] in haidian_head and SCOPES[code][1] in tibet_head
    assert INFOGRAPHIC[code] in tibet_head and INFOGRAPHIC[code] not in haidian_head
    language = LANGUAGES_BY_CODE[code]
    with real_app.test_request_context(f"/{code}/compare"), force_locale(language.babel):
        content = current_content()
        chart = charts.comparison_chart(compare(content, PAIR, language=language), content, language)
    assert chart is not None and chart.series == LEGEND[code]
    # The chart's table, beside the drawing, heads its columns with the same names.
    table = page.split('id="chart-shared-measures"', 1)[1].split("</thead>", 1)[0]
    for name in LEGEND[code]:
        assert f'<th scope="col">{name}</th>' in html_module.unescape(table)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_measure_s_definition_and_basis_are_a_click_away(real_app: Flask,
                                                              real_client: FlaskClient,
                                                              code: str) -> None:
    page = real_client.get(BOTH.format(code=code)).get_data(as_text=True)
    definitions = dict(re.findall(r'<details class="measure-definition" id="measure-([a-z-]+)">'
                                  r"(.*?)</details>", page, flags=re.S))
    tag = LANGUAGES_BY_CODE[code].tag
    with real_app.app_context():
        content = current_content()
        rows = compare(content, PAIR, language=ENGLISH).rows
        assert list(definitions) == [row.measure.id for row in rows]
        for row in rows:
            shown = html_module.unescape(definitions[row.measure.id])
            assert "<summary>" in shown
            assert row.measure.definition.get(tag) in shown
            assert row.basis.name.get(tag) in shown and row.basis.definition.get(tag) in shown


def test_a_cell_names_its_courts_where_a_figure_counts_others(content_dir: Path,
                                                               tmp_path: Path) -> None:
    name_courts_in_overview(content_dir)
    edit(content_dir, "reports/sample-2023/briefing.yaml", "    measure: cases-received\n",
         "    measure: cases-received\n    scope: {kind: some-courts, courts: {zh-Hans: 示例区法院, "
         "en: The Sample District courts}}\n")
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    client = app.test_client()
    rows = rows_of(client.get("/en/compare?reports=sample-2023").get_data(as_text=True))
    (received,) = rows["Cases received"]
    (recovered,) = rows["Amount recovered in enforcement"]
    assert "Figures of: The Sample District courts" in received
    assert "Figures of" not in recovered  # The report's own courts, named in the column.
    data = client.get("/api/v1/compare?reports=sample-2023&lang=en").get_json()
    scopes = {row["measure"]["id"]: row["cells"][0]["scope"] for row in data["rows"]}
    assert scopes["cases-received"] == {"kind": "some-courts", "courts": "The Sample District courts"}
    assert scopes["enforcement-recovered"] == {"kind": "court",
                                               "courts": "Sample District People's Court"}


@pytest.mark.content
def test_the_api_names_scopes_sources_definitions_and_bases(real_client: FlaskClient) -> None:
    data = real_client.get("/api/v1/compare?reports=haidian-2023,tibet-2024&lang=zh-hant"
                           ).get_json()
    haidian, tibet = data["reports"]
    assert haidian["scope"] == {"kind": "court", "courts": "海淀區人民法院"}
    assert tibet["scope"] == {"kind": "all-courts", "courts": "全區法院"}
    assert (haidian["document_kind"], tibet["document_kind"]) == ("full-text", "infographic")
    assert data["scopes_differ"]
    row = next(row for row in data["rows"] if row["measure"]["id"] == "cases-accepted")
    assert row["measure"]["basis"] == "accepted" and row["measure"]["basis_name"] == "受理"
    assert "舊存" in row["measure"]["definition"]
    measures = real_client.get("/api/v1/measures?lang=en").get_json()
    by_id = {measure["id"]: measure for measure in measures["measures"]}
    assert by_id["cases-received"]["basis"] == "new"
    assert by_id["cases-accepted"]["reported_by"] == ["spc-2025", "tibet-2024"]
    bases = {basis["id"]: basis for basis in measures["bases"]}
    assert bases["accepted"]["term"] == "受理" and "carried over" in bases["accepted"]["definition"]
    assert bases["concluded"]["parts"] == ["tried", "enforced"]
    assert set(bases) >= {"accepted", "new", "tried", "concluded", "enforced", "tried-and-enforced"}


# A measure a report states only in parts (issue 16): the fixture's measure of civil and
# commercial cases is made of civil and commercial cases; the sample report states commercial
# cases (1.95万) and, where a test adds it, civil cases (4.19万) but never the two as one.
PARTS_MEASURES = """- id: civil-concluded
  name: {zh-Hans: 审结民事案件, en: Civil cases concluded}
  basis: tried
  definition: {zh-Hans: 当年审结的民事案件，不含商事案件。, en: Civil cases concluded by trial.}
  unit: cases
- id: civil-commercial-concluded
  name: {zh-Hans: 审结民商事案件, en: Civil and commercial cases concluded}
  basis: tried
  definition: {zh-Hans: 民事案件与商事案件合计。, en: Civil and commercial cases together.}
  unit: cases
  made_of: [civil-concluded, commercial-concluded]
"""
CIVIL_FIGURE = """  - id: civil-concluded
    section: economy
    measure: civil-concluded
    label: {zh-Hans: 审结民事案件, en: Civil cases concluded}
    value: 41900
    unit: cases
    written: "4.19万"
    quote: 审结民事案件4.19万件
"""
PARTS_URL = "/{code}/compare?reports=sample-2023&measures=civil-commercial-concluded"
PARTS_API = "/api/v1/compare?reports=sample-2023&measures=civil-commercial-concluded&lang=en"
GIVES_PARTS = {"zh-hans": "报告未作为一个数字列出；报告给出：",
               "zh-hant": "報告未作為一個數字列出；報告給出：",
               "en": "Not stated as one figure; the report gives:"}
WHOLE = {"zh-hans": "审结民商事案件", "zh-hant": "審結民商事案件",
         "en": "Civil and commercial cases concluded"}
PART_NAMES = {"zh-hans": ("审结民事案件", "审结商事案件"), "zh-hant": ("審結民事案件", "審結商事案件"),
              "en": ("Civil cases concluded", "Commercial cases concluded")}


def parts_client(content_dir: Path, tmp_path: Path, civil: str | None = "") -> FlaskClient:
    """Serve the fixture with the measure made of parts; the report states civil cases unless
    ``civil`` is None (then commercial cases only), with ``civil`` added to the figure."""
    path = content_dir / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8") + PARTS_MEASURES, encoding="utf-8")
    if civil is not None:
        # A figure's courts are named where its number stands.
        courts = "示例区法院" if "示例区法院" in civil else ""
        edit(content_dir, "reports/sample-2023/source.txt", "审结商事案件1.95万件。\n",
             f"审结商事案件1.95万件。\n{courts}审结民事案件4.19万件。\n")
        edit(content_dir, BRIEFING, "\nparts:\n", "\n" + CIVIL_FIGURE + civil + "parts:\n")
        # The added paragraph has no English: comparisons do not read the translation.
        (content_dir / "reports" / "sample-2023" / "translation.yaml").unlink()
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    return app.test_client()


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_measure_stated_only_in_parts_shows_the_parts_as_stated(content_dir: Path,
                                                                  tmp_path: Path, code: str) -> None:
    client = parts_client(content_dir, tmp_path)
    rows = rows_of(client.get(PARTS_URL.format(code=code)).get_data(as_text=True))
    (cell,) = rows[WHOLE[code]]
    assert GIVES_PARTS[code] in cell and NOT_REPORTED[code] not in cell
    civil, commercial = PART_NAMES[code]
    assert cell.index(civil) < cell.index(commercial)  # In the order of made_of.
    assert [href for href, _ in links_in(cell)] == [
        f"/{code}/reports/sample-2023/source#quote-civil-concluded",
        f"/{code}/reports/sample-2023/source#quote-commercial-concluded"]
    assert "61,400" not in cell and "6.14" not in cell  # Never added up.


def test_an_infographic_s_parts_are_said_to_be_the_infographic_s(content_dir: Path,
                                                                 tmp_path: Path) -> None:
    edit(content_dir, BRIEFING, "document_kind: full-text", "document_kind: infographic")
    client = parts_client(content_dir, tmp_path)
    rows = rows_of(client.get(PARTS_URL.format(code="en")).get_data(as_text=True))
    (cell,) = rows[WHOLE["en"]]
    assert "Not stated as one figure; the infographic gives:" in cell and "the report" not in cell


def test_the_api_gives_the_parts_and_no_figure(content_dir: Path, tmp_path: Path) -> None:
    client = parts_client(content_dir, tmp_path)
    data = client.get(PARTS_API).get_json()
    ((cell,),) = [row["cells"] for row in data["rows"]]
    assert cell["figure"] is None and cell["previous_year"] is None
    assert [(part["measure"], part["value"], part["source"]["url"]) for part in cell["parts"]] == [
        ("civil-concluded", 41900, "/en/reports/sample-2023/source#quote-civil-concluded"),
        ("commercial-concluded", 19500, "/en/reports/sample-2023/source#quote-commercial-concluded")]
    measures = {measure["id"]: measure for measure in
                client.get("/api/v1/measures?lang=en").get_json()["measures"]}
    assert measures["civil-commercial-concluded"]["made_of"] == ["civil-concluded",
                                                                 "commercial-concluded"]
    assert measures["civil-concluded"]["made_of"] == []


@pytest.mark.parametrize("civil", [
    None,  # One part alone would be read as the whole.
    "    scope: {kind: some-courts, courts: {zh-Hans: 示例区法院, en: The Sample District courts}}\n",
])
def test_parts_not_all_stated_or_of_other_courts_leave_the_measure_not_reported(
        content_dir: Path, tmp_path: Path, civil: str | None) -> None:
    client = parts_client(content_dir, tmp_path, civil)
    rows = rows_of(client.get(PARTS_URL.format(code="en")).get_data(as_text=True))
    (cell,) = rows["Civil and commercial cases concluded"]
    assert "not reported" in cell and "href" not in cell
    data = client.get(PARTS_API).get_json()
    assert data["rows"][0]["cells"][0]["parts"] == []


@pytest.mark.content
def test_the_compare_chart_names_no_report_for_an_infographic(real_app: Flask) -> None:
    # Tibet's briefing rests on its infographic: the chart's description must not say its
    # figures link to sentences "in the report".
    with real_app.test_request_context("/en/compare"), force_locale("en"):
        content = current_content()
        chart = charts.comparison_chart(compare(content, language=ENGLISH), content, ENGLISH)
        assert chart is not None
        assert "source sentence" in chart.description and "in the report" not in chart.description
