"""Charts: their data are the reports' figures, their drawing shows those data to scale, in
the page's language and face, as SVG files (the CSP blocks an inline SVG's styles) with a
table beside them whose figures link to their sentences.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from flask_babel import force_locale
from pypdf import PdfReader

from webapp import charts
from webapp.charts import Chart
from webapp.compare import compare
from webapp.config import LANGUAGES_BY_CODE, Language
from webapp.content import load_content
from webapp.content.reports import Content, Report
from webapp.content.statistics import Figure
from webapp.views import links
from webapp.views.chart_routes import generation
from webapp.web.content import current_content

from .conftest import LANGUAGE_CODES

SVG = "{http://www.w3.org/2000/svg}"
FACES = {"zh-hans": "Noto Sans CJK SC", "zh-hant": "Noto Sans CJK TC", "en": "Liberation Sans"}
# How each language writes the enforcement type and a number of cases.
ENFORCEMENT = {"zh-hans": "执行", "zh-hant": "執行", "en": "Enforcement"}
CIVIL_2022 = {"zh-hans": "28,683件", "zh-hant": "28,683件", "en": "28,683 cases"}
FIRST_SECTION = {"en": "Safety and Stability", "zh-hant": "維護安全穩定"}
HEADLINE = {"en": "Headline figures", "zh-hant": "主要數據"}


@contextmanager
def in_language(app: Flask, code: str) -> Iterator[tuple[Content, Language]]:
    """Work as a request in ``code`` would: its locale, its language on ``g``."""
    language = LANGUAGES_BY_CODE[code]
    with app.test_request_context(f"/{code}/"), force_locale(language.babel):
        g.language = language
        yield current_content(), language


def caseload(app: Flask, report_id: str, whole: str, code: str) -> Chart:
    with in_language(app, code) as (content, language):
        chart = charts.caseload_chart(content.reports[report_id], content,
                                      content.measures[whole], language)
    assert chart is not None
    return chart


def bar_widths(svg: str, colours: tuple[str, ...]) -> list[float]:
    """Return the widths of the drawn bars (not the legend's squares), top to bottom."""
    bars = []
    for element in ElementTree.fromstring(svg).iter(f"{SVG}path"):
        fill = re.search(r"fill: (#[0-9a-f]{6})", element.get("style", ""))
        points = [tuple(map(float, pair)) for pair in
                  re.findall(r"(-?[\d.]+) (-?[\d.]+)", element.get("d", ""))]
        if fill is None or fill[1] not in colours or len(points) < 4:
            continue
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        if abs((max(ys) - min(ys)) - charts.BAR) < 0.5:  # A bar, not a legend square.
            bars.append((min(ys), max(xs) - min(xs)))
    return [width for _top, width in sorted(bars)]


@pytest.mark.content
@pytest.mark.parametrize("whole", ["cases-received", "cases-concluded"])
def test_haidian_appendix_1_chart_holds_the_report_s_figures(real_app: Flask, whole: str) -> None:
    chart = caseload(real_app, "haidian-2023", whole, "en")
    assert chart.series == ("2022", "2023")
    with in_language(real_app, "en") as (content, _language):
        report = content.reports["haidian-2023"]
        types = [measure for measure in content.measures.values()
                 if measure.case_type and measure.case_type.of == whole]
        given = [measure for measure in types if report.figure_for(measure.id, 2023)]
        assert [group.label for group in chart.groups] == [
            measure.case_type.name.en for measure in given if measure.case_type]
        for measure, group in zip(given, chart.groups, strict=True):
            expected = (report.figure_for(measure.id, 2022), report.figure_for(measure.id, 2023))
            assert tuple(bar.figure if bar else None for bar in group.bars) == expected
    # As Appendix 1 writes them: civil cases 28,683 and 38,151 received, 29,342 and 41,956 concluded.
    civil = next(group for group in chart.groups if group.label == "Civil")
    values = [bar.figure.value for bar in civil.bars if bar]
    assert values == ([28683, 38151] if whole == "cases-received" else [29342, 41956])


@pytest.mark.content
def test_types_are_drawn_only_where_they_add_up_to_the_whole_stated(real_app: Flask) -> None:
    # Haidian's six types add up to its totals of both years (Appendix 1); Tibet states no
    # total of cases concluded, and its IP (334) and environmental (368) cases lie within its
    # criminal, civil-commercial and administrative ones: no chart of parts for Tibet.
    chart = caseload(real_app, "haidian-2023", "cases-concluded", "en")
    assert "(2022: 91,075 cases and 2023: 105,890 cases)" in chart.description
    for group in chart.groups:
        assert len([bar for bar in group.bars if bar]) == 2
    with in_language(real_app, "en") as (content, language):
        tibet = content.reports["tibet-2024"]
        assert charts.caseload_charts(tibet, content, language) == []
        assert len(charts.caseload_charts(content.reports["haidian-2023"], content, language)) == 2
        for whole in charts.caseload_wholes(content):
            types = [measure for measure in content.measures.values()
                     if measure.case_type and measure.case_type.of == whole.id]
            for year in (2022, 2023):
                assert charts.parts_add_up(content.reports["haidian-2023"], whole, types, year)
            assert not charts.parts_add_up(tibet, whole, types, 2024)


def with_figures(report: Report, content: Content, *figures: dict[str, object]) -> Report:
    """Return ``report`` with invented figures added (the rule is about numbers, not quotes)."""
    added = tuple(Figure.model_validate(
        {"section": "overview", "unit": "cases", "quote": "invented", **figure},
        context={"converter": content.converter}) for figure in figures)
    return dataclasses.replace(report, briefing=report.briefing.model_copy(
        update={"figures": report.briefing.figures + added}))


def part(measure: str, value: int, **more: object) -> dict[str, object]:
    return {"id": f"{measure}-{value}", "measure": measure, "label": {"zh-Hans": "件", "en": "x"},
            "value": value, "written": str(value), **more}


@pytest.mark.parametrize(("figures", "drawn"), [
    ([part("criminal-received", 60), part("civil-received", 40)], True),
    ([part("criminal-received", 60), part("civil-received", 39)], False),  # Short of the whole.
    ([part("criminal-received", 60), part("civil-received", 41)], False),  # Types within types.
    ([part("criminal-received", 100)], False),  # One type is no breakdown.
    ([part("criminal-received", 60), part("civil-received", 40, qualifier="over")], False),
    ([part("criminal-received", 60), part("civil-received", 40, scope={
        "kind": "some-courts", "courts": {"zh-Hans": "示例区法院", "en": "Some courts"}})], False),
])
def test_the_part_of_whole_rule_on_the_fixture(app: Flask, figures: list[dict[str, object]],
                                               drawn: bool, content_dir: Path) -> None:
    # The fixture states 100 cases received as a whole (an invented whole, replacing 100344).
    path = content_dir / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"""- id: {kind}-received
  name: {{zh-Hans: {name}案件收案, en: {name}}}
  basis: new
  definition: {{zh-Hans: 新收{name}案件。, en: {name}.}}
  unit: cases
  case_type: {{of: cases-received, name: {{zh-Hans: {name}, en: {name}}}}}
""" for kind, name in (("criminal", "刑事"), ("civil", "民事"))), encoding="utf-8")
    content = load_content(content_dir)
    report = content.reports["sample-2023"]
    label = report.figure("cases-received").label
    report = dataclasses.replace(report, briefing=report.briefing.model_copy(update={"figures": tuple(
        figure for figure in report.briefing.figures if figure.id != "cases-received")}))
    report = with_figures(report, content, {**part("cases-received", 100), "label": label}, *figures)
    with app.test_request_context("/en/"), force_locale("en"):
        chart = charts.caseload_chart(report, content, content.measures["cases-received"],
                                      LANGUAGES_BY_CODE["en"])
    assert (chart is not None) == drawn
    if chart is not None:
        assert [group.label for group in chart.groups] == ["刑事", "民事"]
        assert [bar.figure.value for group in chart.groups for bar in group.bars if bar] == [60, 40]


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_drawing_shows_the_data_to_scale_in_the_page_s_language(real_app: Flask,
                                                                    code: str) -> None:
    chart = caseload(real_app, "haidian-2023", "cases-received", code)
    with in_language(real_app, code) as (_content, language):
        svg = charts.render_svg(chart, language)
    root = ElementTree.fromstring(svg)
    assert root.get("lang") == LANGUAGES_BY_CODE[code].tag and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == chart.title
    assert root.findtext(f"{SVG}desc") == chart.description
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert ENFORCEMENT[code] in texts and CIVIL_2022[code] in texts
    if code == "zh-hant":
        assert "执行" not in texts
    assert f"font-family: '{FACES[code]}'" in svg
    assert "<script" not in svg
    values = [float(bar.figure.value) for group in chart.groups for bar in group.bars if bar]
    widths = bar_widths(svg, chart.colours)
    assert len(widths) == len(values)
    for value, width in zip(values, widths, strict=True):
        assert width / widths[0] == pytest.approx(value / values[0], rel=1e-3)


def test_a_comparison_chart_sets_each_shared_measure_on_its_own_scale(real_app: Flask) -> None:
    with in_language(real_app, "en") as (content, language):
        # Two reports, so that each shared measure is a pair of bars.
        comparison = compare(content, ["haidian-2023", "tibet-2024"], language=language)
        chart = charts.comparison_chart(comparison, content, language)
        assert chart is not None
        assert [group.label for group in chart.groups] == [
            row.measure.name.en for row in comparison.shared_rows()]
        for row, group in zip(comparison.shared_rows(), chart.groups, strict=True):
            assert [bar.figure if bar else None for bar in group.bars] == [
                cell.figure for cell in row.cells]
        svg = charts.render_svg(chart, language)
        assert charts.comparison_chart(compare(content, ["haidian-2023"], language=language), content,
                                       language) is None
    widths = bar_widths(svg, chart.colours)
    pairs = [[float(bar.figure.value) for bar in group.bars if bar] for group in chart.groups]
    for (first, second), (width_first, width_second) in zip(pairs, zip(widths[::2], widths[1::2],
                                                                       strict=True), strict=True):
        assert width_second / width_first == pytest.approx(second / first, rel=1e-3)
        assert max(width_first, width_second) == pytest.approx(max(widths), rel=1e-3)


def test_a_drawing_is_the_same_each_time(real_app: Flask) -> None:
    chart = caseload(real_app, "haidian-2023", "cases-concluded", "zh-hant")
    with in_language(real_app, "zh-hant") as (_content, language):
        assert charts.render_svg(chart, language) == charts.render_svg(chart, language)


@pytest.mark.content
def test_the_overview_shows_the_caseload_with_its_table(real_app: Flask,
                                                        real_client: FlaskClient) -> None:
    page = real_client.get("/zh-hant/reports/haidian-2023/").get_data(as_text=True)
    figures = re.findall(r'<figure class="chart" id="chart-([a-z-]+)">(.*?)</figure>', page, re.S)
    assert [anchor for anchor, _body in figures] == ["cases-received", "cases-concluded"]
    chart = caseload(real_app, "haidian-2023", "cases-received", "zh-hant")
    body = figures[0][1]
    with real_app.test_request_context("/zh-hant/"):
        g.language = LANGUAGES_BY_CODE["zh-hant"]
        src = f"/zh-hant/reports/haidian-2023/charts/cases-received.svg?v={generation()}"
        expected = [(links.figure_source_url(bar.report, bar.figure), bar.text)
                    for group in chart.groups for bar in group.bars if bar]
    assert f'src="{src}"' in body
    assert f'alt="{chart.description}"' in body
    assert chart.title in body
    found = [(href, html_module.unescape(text))
             for href, text in re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td>', body)]
    assert found == expected
    # An image, never an inline SVG whose styles the CSP would block.
    assert "<svg" not in page
    tibet = real_client.get("/en/reports/tibet-2024/").get_data(as_text=True)
    assert '<figure class="chart"' not in tibet  # Its types make up no whole it states.


def test_a_report_without_a_breakdown_has_no_chart(client: FlaskClient) -> None:
    assert '<figure class="chart"' not in client.get("/en/reports/sample-2023/").get_data(
        as_text=True)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_charts_are_served_as_svg_files_cached_per_generation(real_client: FlaskClient,
                                                              real_app: Flask, code: str) -> None:
    with real_app.test_request_context():
        current = generation()
    for path in (f"/{code}/reports/haidian-2023/charts/cases-concluded.svg",
                 f"/{code}/compare/chart.svg?reports=haidian-2023,tibet-2024"):
        joiner = "&" if "?" in path else "?"
        response = real_client.get(f"{path}{joiner}v={current}")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert "immutable" in response.headers["Cache-Control"]
        assert "style-src 'unsafe-inline'" in response.headers["Content-Security-Policy"]
        assert "script-src" not in response.headers["Content-Security-Policy"]
        again = real_client.get(f"{path}{joiner}v={current}",
                                headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304
        stale = real_client.get(f"{path}{joiner}v=0000")
        assert stale.status_code == 200 and stale.headers["Cache-Control"] == "no-cache"
        assert stale.data == response.data


@pytest.mark.parametrize("path", [
    "/en/reports/tibet-2024/charts/cases-received.svg",  # Only the whole, no breakdown.
    "/en/reports/tibet-2024/charts/cases-concluded.svg",  # Types, but no whole they make up.
    "/en/reports/haidian-2023/charts/criminal-concluded.svg",  # Not a whole of case types.
    "/en/reports/haidian-2023/charts/no-such.svg",
    "/en/reports/no-such/charts/cases-received.svg",
    "/en/compare/chart.svg?reports=haidian-2023",  # One report: nothing to set side by side.
])
@pytest.mark.content
def test_a_chart_that_does_not_exist_is_a_404(real_client: FlaskClient, path: str) -> None:
    assert real_client.get(path).status_code == 404


def pdf_reader(client: FlaskClient, path: str) -> PdfReader:
    response = client.get(path)
    try:
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        return PdfReader(io.BytesIO(response.get_data()))
    finally:
        response.close()


@pytest.mark.parametrize(("code", "labels"), [
    ("en", ("Intellectual property", "28,683 cases", "38,291 cases")),
    ("zh-hant", ("知識產權", "執行", "28,683件")),
])
@pytest.mark.slow
@pytest.mark.content
def test_the_pdf_has_the_caseload_where_the_overview_page_has_it(
        real_app: Flask, real_client: FlaskClient, code: str, labels: tuple[str, ...]) -> None:
    pages = [page.extract_text() for page in
             pdf_reader(real_client, f"/{code}/reports/haidian-2023/briefing.pdf").pages]
    received = caseload(real_app, "haidian-2023", "cases-received", code)
    concluded = caseload(real_app, "haidian-2023", "cases-concluded", code)
    with_charts = [index for index, text in enumerate(pages) if received.title in text]
    assert with_charts, "no chart in the PDF"
    page = pages[with_charts[0]]
    assert concluded.title in "".join(pages[with_charts[0]:with_charts[0] + 2])
    for label in labels:
        assert label in page
    # In the overview, after its headline figures and before the first section's chapter (the
    # cover and the contents come first).
    chapters = "\n".join(pages[2:])
    section = re.search(rf"^{FIRST_SECTION[code]}$", chapters, flags=re.M)
    assert section is not None
    assert chapters.index(HEADLINE[code]) < chapters.index(received.title) < section.start()


@pytest.mark.slow
@pytest.mark.content
def test_the_pdf_chart_table_links_figures_to_their_sentences(real_client: FlaskClient) -> None:
    reader = pdf_reader(real_client, "/en/reports/haidian-2023/briefing.pdf")
    uris = {annotation.get_object()["/A"]["/URI"] for page in reader.pages
            for annotation in page.get("/Annots", []) or []
            if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]}
    assert "http://localhost/en/reports/haidian-2023/source#quote-civil-received-2022" in uris
    assert "http://localhost/en/reports/haidian-2023/source#quote-cases-concluded" in uris


def test_a_row_whose_figure_counts_other_courts_is_not_drawn_under_its_report_s_name(
        real_app: Flask) -> None:
    with in_language(real_app, "en") as (content, language):
        haidian = content.reports["haidian-2023"]
        figure = haidian.figure("criminal-concluded")
        other = figure.model_copy(update={"scope": haidian.briefing.scope.model_copy(
            update={"kind": "some-courts"})})
        changed = dataclasses.replace(haidian, briefing=haidian.briefing.model_copy(update={
            "figures": tuple(other if each is figure else each
                             for each in haidian.briefing.figures)}))
        moved = dataclasses.replace(content, reports={**content.reports, "haidian-2023": changed})
        # The two reports that both state criminal cases concluded.
        pair = ["haidian-2023", "tibet-2024"]
        before = charts.comparison_chart(compare(content, pair, language=language), content, language)
        after = charts.comparison_chart(compare(moved, pair, language=language), moved, language)
    assert before is not None and after is not None
    labels = [group.label for group in before.groups]
    assert "Criminal cases concluded" in labels
    assert [group.label for group in after.groups] == [
        label for label in labels if label != "Criminal cases concluded"]
