"""Charts of the fixture reports: ``example-2023``'s appendix table states four case types and
their total for two years, so its caseload is drawn; the comparison of the two fixture reports
draws the measures both give, leaving out a row whose figure counts other courts."""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as ElementTree

import pytest
from flask import Flask, g
from flask.testing import FlaskClient

from webapp import charts
from webapp.compare import compare
from webapp.config import LANGUAGES_BY_CODE
from webapp.views import links
from webapp.views.chart_routes import generation

from .conftest import EXAMPLE, LANGUAGE_CODES
from .test_charts import SVG, bar_widths, caseload, in_language

TYPES = {"zh-hans": ["刑事", "民事", "行政", "执行"], "zh-hant": ["刑事", "民事", "行政", "執行"],
         "en": ["Criminal", "Civil", "Administrative", "Enforcement"]}
# As the appendix table writes them: 2022 and 2023, type by type.
VALUES = [[2104, 2315], [26850, 28406], [612, 644], [13977, 14210]]
LEGEND = {"zh-hans": ("示例区人民法院（2023年）", "全市法院（2023年）"),
          "en": ("Sample District People's Court (2023)", "All courts of Example City (2023)")}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_appendix_table_s_types_are_drawn_for_both_years(fixture_app: Flask,
                                                             code: str) -> None:
    chart = caseload(fixture_app, EXAMPLE, "cases-concluded", code)
    assert chart.series == (("2022", "2023") if code == "en" else ("2022年", "2023年"))
    assert [group.label for group in chart.groups] == TYPES[code]
    assert [[bar.figure.value for bar in group.bars if bar] for group in chart.groups] == VALUES
    # Each year's types add up to the total the table states, which the description gives.
    total = {"en": "(2022: 43,543 cases and 2023: 45,575 cases)"}.get(code)
    assert total is None or total in chart.description


def test_only_a_whole_the_types_add_up_to_is_broken_down(fixture_app: Flask) -> None:
    with in_language(fixture_app, "en") as (content, language):
        example = content.reports[EXAMPLE]
        assert [chart.title for chart in charts.caseload_charts(example, content, language)] == [
            "Cases concluded by case type, 2022 and 2023"]
        # sample-2023 states cases received but no case type of them.
        assert charts.caseload_charts(content.reports["sample-2023"], content, language) == []
        whole = content.measures["cases-concluded"]
        types = [measure for measure in content.measures.values()
                 if measure.case_type and measure.case_type.of == whole.id]
        assert charts.parts_add_up(example, whole, types, 2023)
        assert not charts.parts_add_up(example, whole, types[:-1], 2023)  # Short of the whole.


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_drawing_shows_the_data_to_scale_in_the_page_s_language(fixture_app: Flask,
                                                                    code: str) -> None:
    chart = caseload(fixture_app, EXAMPLE, "cases-concluded", code)
    with in_language(fixture_app, code) as (_content, language):
        svg = charts.render_svg(chart, language)
    root = ElementTree.fromstring(svg)
    assert root.get("lang") == LANGUAGES_BY_CODE[code].tag and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == chart.title
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert TYPES[code][-1] in texts
    values = [float(bar.figure.value) for group in chart.groups for bar in group.bars if bar]
    widths = bar_widths(svg, chart.colours)
    assert len(widths) == len(values) == 8
    for value, width in zip(values, widths, strict=True):
        assert width / widths[0] == pytest.approx(value / values[0], rel=1e-3)


def test_the_overview_shows_the_caseload_with_its_table(fixture_app: Flask,
                                                        fixture_client: FlaskClient) -> None:
    page = fixture_client.get(f"/en/reports/{EXAMPLE}/").get_data(as_text=True)
    figures = re.findall(r'<figure class="chart" id="chart-([a-z-]+)">(.*?)</figure>', page, re.S)
    assert [anchor for anchor, _body in figures] == ["cases-concluded"]
    chart = caseload(fixture_app, EXAMPLE, "cases-concluded", "en")
    with fixture_app.test_request_context("/en/"):
        g.language = LANGUAGES_BY_CODE["en"]
        src = f"/en/reports/{EXAMPLE}/charts/cases-concluded.svg?v={generation()}"
        expected = [(links.figure_source_url(bar.report, bar.figure), bar.text)
                    for group in chart.groups for bar in group.bars if bar]
    body = figures[0][1]
    assert f'src="{src}"' in body and chart.title in body
    found = [(href, html_module.unescape(text))
             for href, text in re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td>', body)]
    assert found == expected
    assert found[0] == (f"/en/reports/{EXAMPLE}/source#quote-concluded-criminal-2022",
                        "2,104 cases")
    assert "<svg" not in page
    assert '<figure class="chart"' not in fixture_client.get(
        "/en/reports/sample-2023/").get_data(as_text=True)


@pytest.mark.parametrize("code", ["zh-hans", "en"])
def test_the_comparison_chart_draws_shared_measures_of_the_report_s_own_courts(
        fixture_app: Flask, code: str) -> None:
    with in_language(fixture_app, code) as (content, language):
        comparison = compare(content, ["sample-2023", EXAMPLE], language=language)
        chart = charts.comparison_chart(comparison, content, language)
        names = {row.measure.id: row.measure.name.get(language.tag)
                 for row in comparison.shared_rows()}
    assert chart is not None and chart.series == LEGEND[code]
    # Commercial cases are shared, but example-2023's count only its intermediate court's:
    # set under a name of all courts of the city they would be a false comparison.
    assert [group.label for group in chart.groups] == [names["cases-received"],
                                                       names["enforcement-recovered"]]
    assert [[bar.figure.value for bar in group.bars if bar] for group in chart.groups] == [
        [100344, 48760], [7258000000, 1260000000]]


@pytest.mark.parametrize("path", [
    f"/en/reports/{EXAMPLE}/charts/cases-received.svg",  # Only the whole, no breakdown.
    f"/en/reports/{EXAMPLE}/charts/concluded-civil.svg",  # A type, not a whole.
    "/en/reports/sample-2023/charts/cases-concluded.svg",  # A whole it does not state.
    "/en/compare/chart.svg?reports=sample-2023",  # One report: nothing to set side by side.
])
def test_a_chart_that_does_not_exist_is_a_404(fixture_client: FlaskClient, path: str) -> None:
    assert fixture_client.get(path).status_code == 404


def test_chart_files_are_svg_cached_per_generation(fixture_app: Flask,
                                                   fixture_client: FlaskClient) -> None:
    with fixture_app.test_request_context():
        current = generation()
    for path in (f"/zh-hant/reports/{EXAMPLE}/charts/cases-concluded.svg?v={current}",
                 f"/en/compare/chart.svg?reports=sample-2023,{EXAMPLE}&v={current}"):
        response = fixture_client.get(path)
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert "immutable" in response.headers["Cache-Control"]
        assert "<script" not in response.get_data(as_text=True)
