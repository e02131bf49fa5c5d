"""Charts of what reports state, drawn as SVG by matplotlib; knows no request.

A chart is built from content (``Chart``: title, description, labelled groups of bars, each
bar a figure with its text as the site shows it) and then drawn (``render_svg``). The same
``Chart`` gives the table of its data beside it, so what the bars show and what the table
links to its sentences are one thing. Built and drawn in the language passed in.

Two kinds: a report's caseload by case type (the measures whose ``case_type`` is of one
whole, for the report's year and, where it states it, the year before, drawn only where the
types add up to the whole the report states), and the measures that every report of a
comparison gives, each report's series named by the courts its figures count. Bars of a
caseload share one scale; a comparison's measures each have their own (cases and yuan do not
share an axis), so its bars compare the reports on one measure at a time. No axis is drawn:
every bar carries its number as written.
"""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any
from unicodedata import east_asian_width
from xml.sax.saxutils import escape

from babel.dates import format_skeleton
from babel.lists import format_list

from .compare import Comparison
from .config import Language
from .content.figures import format_figure
from .content.reports import Content, Report
from .content.statistics import Figure, Measure

# The faces of the page's language (site.css, briefing-pdf.css): the Traditional face draws
# characters as Taiwan writes them. matplotlib measures text with the first; readers' browsers
# take the first of the stack they have.
FACES = {"zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC", "en": "Liberation Sans"}
FALLBACKS = {
    "zh-Hans": "'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    "zh-Hant": "'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif",
    "en": "Arial, Helvetica, sans-serif",
}
# Sizes in points. A chart is 360 pt (480 CSS px) wide; shown on a phone at about 360 px, its
# 12 pt labels stay about 12 px.
WIDTH = 360.0
PAD = 4.0
LABEL_SIZE = 12.0
VALUE_SIZE = 11.0
LEGEND_STEP = 20.0
LABEL_STEP = 19.0
BAR = 13.0
BAR_STEP = 17.0
GROUP_GAP = 8.0
VALUE_PAD = 4.0
# A legend line holds about this many Latin letters (a Chinese character takes two).
LEGEND_UNITS = 50
INK = "#1d2433"
MUTED = "#4f5a6b"
# Each at least 4.5:1 against white; the report's own year in the site's accent.
SERIES_COLOURS = ("#8b1d1d", "#1a4f8b", "#1f6f5c", "#8a5a00", "#5b3a8c", "#4f5a6b")
EARLIER_YEAR_COLOUR = "#6b7a90"
_RC: dict[Any, Any] = {"svg.fonttype": "none", "svg.hashsalt": "court-report-briefings",
                       "axes.unicode_minus": False}
# matplotlib's state (its font cache, rc_context) is shared: one drawing at a time.
_DRAWING = threading.Lock()


def warm_up() -> None:
    """Load matplotlib and its SVG backend (about a second), so the first chart need not wait."""
    from matplotlib.backends import backend_svg  # noqa: F401


@dataclass(frozen=True)
class Bar:
    """One figure of a report, with its text as the site shows it in the chart's language."""

    report: Report
    figure: Figure
    text: str


@dataclass(frozen=True)
class Group:
    """A labelled group of bars, one per series of the chart (None where nothing is stated)."""

    label: str
    bars: tuple[Bar | None, ...]


@dataclass(frozen=True)
class Chart:
    """What a chart shows, in one language: drawn by ``render_svg``, tabled beside it."""

    title: str
    description: str
    category: str
    series: tuple[str, ...]
    colours: tuple[str, ...]
    groups: tuple[Group, ...]
    shared_scale: bool
    legend_columns: int

    @property
    def legend(self) -> list[str]:
        """Return the series' names as the legend shows them, broken into lines that fit."""
        return ["\n".join(_lines(name)) for name in self.series]

    @property
    def legend_height(self) -> float:
        """Return the height of the legend: its rows, each as high as its longest name."""
        lines = [name.count("\n") + 1 for name in self.legend]
        rows = [max(lines[start:start + self.legend_columns])
                for start in range(0, len(lines), self.legend_columns)]
        return sum(rows) * LEGEND_STEP

    @property
    def size(self) -> tuple[float, float]:
        """Return the width and height of the drawing, in points."""
        height = PAD + self.legend_height + GROUP_GAP
        height += len(self.groups) * (LABEL_STEP + len(self.series) * BAR_STEP + GROUP_GAP)
        return WIDTH, height + PAD


def caseload_wholes(content: Content) -> list[Measure]:
    """Return the measures that others count case types of (cases received, concluded …)."""
    wholes = {measure.case_type.of for measure in content.measures.values() if measure.case_type}
    return [measure for measure in content.measures.values() if measure.id in wholes]


def caseload_charts(report: Report, content: Content, language: Language) -> list[Chart]:
    """Return the charts of a report's caseload by case type, one per whole it breaks down."""
    charts = (caseload_chart(report, content, whole, language) for whole in caseload_wholes(content))
    return [chart for chart in charts if chart is not None]


def caseload_chart(report: Report, content: Content, whole: Measure,
                   language: Language) -> Chart | None:
    """Return the chart of ``whole`` (cases concluded …) by case type, as the report gives it.

    Bars of case types side by side say that they are the parts of a whole, so a year is drawn
    only where its types add up to the whole the report states (``parts_add_up``). None where
    no year does: types contained in others (a region's IP cases, within its civil and criminal
    ones) or a whole the report does not state are no breakdown.
    """
    types = [measure for measure in content.measures.values()
             if measure.case_type is not None and measure.case_type.of == whole.id]
    year = report.briefing.year
    years = [earlier for earlier in (year - 1, year) if parts_add_up(report, whole, types, earlier)]
    if not years:
        return None
    given = [measure for measure in types
             if any(report.figure_for(measure.id, each) for each in years)]
    tag = language.tag
    groups = tuple(
        Group(measure.case_type.name.get(tag) if measure.case_type else measure.name.get(tag),
              tuple(_bar(report, report.figure_for(measure.id, each), content, language)
                    for each in years))
        for measure in given)
    shown_years = [year_text(each, language) for each in years]
    gettext = language.gettext
    if len(years) == 1:
        title = gettext("%(measure)s by case type, %(year)s", measure=whole.name.get(tag),
                        year=shown_years[0])
    else:
        title = gettext("%(measure)s by case type, %(earlier)s and %(later)s",
                        measure=whole.name.get(tag), earlier=shown_years[0], later=shown_years[1])
    stated = [report.figure_for(whole.id, each) for each in years]
    totals = [gettext("%(year)s: %(total)s", year=shown,
                      total=format_figure(total, content.units, language).text)
              for total, shown in zip(stated, shown_years, strict=True) if total is not None]
    description = gettext("A bar for each case type the report gives and each year it gives it, all "
                          "on one scale; each year's types add up to the total the report states "
                          "(%(totals)s). The table with the chart gives every figure, linked to its "
                          "source sentence.", totals=format_list(totals, locale=language.locale))
    colours = (EARLIER_YEAR_COLOUR, SERIES_COLOURS[0])[-len(years):]
    return Chart(title, description, gettext("Case type"), tuple(shown_years), colours, groups,
                 shared_scale=True, legend_columns=len(years))


def parts_add_up(report: Report, whole: Measure, types: list[Measure], year: int) -> bool:
    """Tell whether the case types a report gives for ``year`` make up the whole it states.

    They do where the report states the whole exactly (not 突破10万), gives two types or more,
    every one exact and of the same courts as the whole, and their sum is the whole: Haidian's
    six types of 2023 add up to its 105,890 cases concluded.
    """
    total = report.figure_for(whole.id, year)
    parts = [figure for figure in (report.figure_for(measure.id, year) for measure in types)
             if figure is not None]
    if total is None or len(parts) < 2:
        return False
    figures = [total, *parts]
    return (all(figure.qualifier is None for figure in figures)
            and all(report.scope_of(figure) == report.scope_of(total) for figure in parts)
            and sum(figure.value for figure in parts) == total.value)


def comparison_chart(comparison: Comparison, content: Content, language: Language) -> Chart | None:
    """Return the chart of the measures every compared report gives for its year.

    A series is named by the courts its report's figures count, so a row where a figure counts
    other courts (``Cell.scope_differs``) stays in the table only. None for fewer than two
    reports or when they share no such measure.
    """
    rows = [row for row in comparison.shared_rows()
            if not any(cell.scope_differs for cell in row.cells)]
    if len(comparison.reports) < 2 or not rows:
        return None
    tag = language.tag
    groups = tuple(
        Group(row.measure.name.get(tag),
              tuple(_bar(cell.report, cell.figure, content, language) for cell in row.cells))
        for row in rows)
    series = tuple(report_label(report, language) for report in comparison.reports)
    colours = tuple(SERIES_COLOURS[index % len(SERIES_COLOURS)] for index in range(len(series)))
    gettext = language.gettext
    return Chart(
        gettext("Measures every report gives"),
        gettext("For each measure that every report compared gives for its year, a bar for each "
                "report; each measure has its own scale. The table with the chart gives every "
                "figure, linked to its source sentence."),
        gettext("Measure"), series, colours, groups, shared_scale=False, legend_columns=1)


def year_text(year: int, language: Language) -> str:
    """Return a year as the language writes it alone: 2023年, 2023."""
    return format_skeleton("y", date(year, 1, 1), locale=language.locale)


def report_label(report: Report, language: Language) -> str:
    """Return whose figures a report gives and for which year, to tell series apart.

    The courts its figures count, not the court that reports them (全区法院（2024年）, not the
    Higher People's Court's name), and whether the briefing rests on the official infographic.
    """
    briefing = report.briefing
    courts = briefing.scope.courts.get(language.tag)
    year = year_text(briefing.year, language)
    if briefing.document_kind == "infographic":
        return language.gettext("%(courts)s (%(year)s, from the infographic)", courts=courts, year=year)
    return language.gettext("%(courts)s (%(year)s)", courts=courts, year=year)


def _bar(report: Report, figure: Figure | None, content: Content, language: Language) -> Bar | None:
    if figure is None:
        return None
    return Bar(report, figure, format_figure(figure, content.units, language).text)


def render_svg(chart: Chart, language: Language) -> str:
    """Draw ``chart`` as an SVG document with its title and description, labels in ``language``."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as Drawing
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch
    from matplotlib.textpath import TextToPath

    width, height = chart.size
    face = FACES[language.tag]
    with _DRAWING, rc_context({**_RC, "font.family": [face]}):
        drawing = Drawing(figsize=(width / 72, height / 72), dpi=72)
        FigureCanvasSVG(drawing)
        # One axes over the whole drawing, in points, y downwards: the layout below is in points.
        axes = drawing.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        axes.set_xlim(0, width)
        axes.set_ylim(height, 0)
        axes.legend(
            handles=[Patch(facecolor=colour, label=name)
                     for name, colour in zip(chart.legend, chart.colours, strict=True)],
            loc="upper left", bbox_to_anchor=(PAD / width, 1 - PAD / height),
            ncols=chart.legend_columns, frameon=False, fontsize=LABEL_SIZE, labelcolor=INK,
            handlelength=0.8, handleheight=0.8, handletextpad=0.4, borderaxespad=0,
            borderpad=0, columnspacing=1.2, labelspacing=0.45)
        measure = TextToPath()
        value_font = FontProperties(family=face, size=VALUE_SIZE)
        widest = max(measure.get_text_width_height_descent(bar.text, value_font, ismath=False)[0]
                     for group in chart.groups for bar in group.bars if bar is not None)
        longest = width - 2 * PAD - VALUE_PAD - widest
        overall = _largest(chart.groups)
        y = PAD + chart.legend_height + GROUP_GAP
        for group in chart.groups:
            axes.text(PAD, y + LABEL_STEP - 6, group.label, fontsize=LABEL_SIZE, color=INK,
                      va="baseline")
            y += LABEL_STEP
            largest = overall if chart.shared_scale else _largest((group,))
            for colour, bar in zip(chart.colours, group.bars, strict=True):
                middle = y + BAR_STEP / 2
                if bar is None:
                    axes.text(PAD, middle, language.gettext("not reported"), fontsize=VALUE_SIZE,
                              color=MUTED, va="center")
                else:
                    length = float(bar.figure.value) / largest * longest if largest else 0
                    bars = axes.barh(middle, length, height=BAR, left=PAD, color=colour)
                    axes.bar_label(bars, labels=[bar.text], padding=VALUE_PAD,
                                   fontsize=VALUE_SIZE, color=INK)
                y += BAR_STEP
            y += GROUP_GAP
        buffer = io.StringIO()
        drawing.savefig(buffer, format="svg", metadata={"Title": chart.title, "Date": None})
    return _described(buffer.getvalue(), chart, language)


def _lines(name: str) -> list[str]:
    """Break a name into lines of at most LEGEND_UNITS, a Chinese character counting two."""
    lines = [""]
    for word in re.findall(r"[^\s]+\s*", name) if " " in name else name:
        if lines[-1] and _units(lines[-1] + word.rstrip()) > LEGEND_UNITS:
            lines.append("")
        lines[-1] += word
    return [line.rstrip() for line in lines]


def _units(text: str) -> int:
    return sum(2 if east_asian_width(character) in "WF" else 1 for character in text)


def inline_svg(svg: str) -> str:
    """Return a drawing as an element to place in HTML (for print): without its XML prolog."""
    return svg[svg.index("<svg "):]


def _largest(groups: tuple[Group, ...]) -> float:
    return max((float(bar.figure.value) for group in groups for bar in group.bars
                if bar is not None), default=0.0)


def _described(svg: str, chart: Chart, language: Language) -> str:
    """Add the description and language to matplotlib's SVG, and the readers' fallback faces."""
    title = f"<title>{escape(chart.title)}</title>"
    if title not in svg:
        raise ValueError("matplotlib wrote no <title>")
    svg = svg.replace(title, f"{title}\n <desc>{escape(chart.description)}</desc>", 1)
    svg = svg.replace("<svg ", f'<svg lang="{language.tag}" role="img" ', 1)
    face = FACES[language.tag]
    return svg.replace(f"font-family: '{face}'", f"font-family: '{face}', {FALLBACKS[language.tag]}")
