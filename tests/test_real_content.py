"""The real reports: required figures, every page in every language, Traditional forms."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pydantic import BaseModel

from webapp.content.briefing import SECTION_IDS
from webapp.content.renderings import RENDERINGS, read_renderings
from webapp.content.style import texts
from webapp.web.content import current_content

from .conftest import LANGUAGE_CODES, displayed
from .test_views import text_in_page_language

# What the real reports in content/ say: their figures, wording and pages.
pytestmark = pytest.mark.content

REQUIRED = {
    "haidian-2023": {
        "cases-received": (100344, "10.2"), "cases-concluded": (105890, "16.3"),
        "cases-pending": (26025, "17.6"), "closure-ratio": (Decimal("105.5"), "5.5"),
        "first-instance-acceptance-rate": (Decimal("86.1"), None), "cases-per-judge": (486, None),
        "criminal-concluded": (1857, None), "ip-concluded": (2910, None),
        "commercial-concluded": (19500, None), "administrative-concluded": (1387, None),
        "civil-concluded": (41900, None), "enforcement-concluded": (38300, None),
        "enforcement-recovered": (7258000000, None), "assessor-cases": (5385, None),
    },
    "tibet-2024": {
        "cases-accepted": (100000, None), "criminal-concluded": (2912, None),
        "civil-commercial-concluded": (43158, None), "enterprise-concluded": (19193, None),
        "ip-concluded": (334, None), "administrative-concluded": (518, None),
        "environmental-concluded": (368, None), "pre-litigation-mediation": (25335, None),
        "enforcement-concluded": (33234, None), "enforcement-recovered": (4133000000, None),
        "livelihood-concluded": (13734, None), "judicial-aid-amount": (8354900, None),
        "judicial-aid-cases": (490, None),
    },
}
PAGES = [f"/reports/{report}/" for report in REQUIRED] + [
    f"/reports/{report}/{section}" for report in REQUIRED for section in SECTION_IDS] + [
    f"/reports/{report}/source" for report in REQUIRED]


@pytest.mark.parametrize(("report_id", "figure_id"),
                         [(r, f) for r, figures in REQUIRED.items() for f in figures])
def test_required_figures(real_app: Flask, report_id: str, figure_id: str) -> None:
    value, change = REQUIRED[report_id][figure_id]
    with real_app.app_context():
        figure = current_content().reports[report_id].figure(figure_id)
    assert figure.value == Decimal(value)
    if change is not None:
        assert figure.change is not None and figure.change.value == Decimal(change)


def test_pending_cases_went_down(real_app: Flask) -> None:
    with real_app.app_context():
        figure = current_content().reports["haidian-2023"].figure("cases-pending")
    assert figure.change is not None and figure.change.direction == "down"


@pytest.mark.parametrize(
    ("report_id", "figure_id", "code", "shown"),
    [("haidian-2023", "enforcement-recovered", "en", "RMB 7.258 billion"),
     ("haidian-2023", "enforcement-recovered", "zh-hans", "72.58亿元"),
     ("haidian-2023", "commercial-concluded", "en", "19,500 cases"),
     ("haidian-2023", "commercial-concluded", "zh-hans", "1.95万件"),
     ("haidian-2023", "illegal-deposit-amount", "en", "over RMB 265.9 billion"),
     ("haidian-2023", "illegal-deposit-amount", "zh-hans", "2659亿余元"),
     ("tibet-2024", "cases-accepted", "en", "more than 100,000 cases"),
     ("tibet-2024", "cases-accepted", "zh-hans", "突破10万件"),
     ("tibet-2024", "judicial-aid-amount", "en", "RMB 8.3549 million"),
     ("tibet-2024", "enforcement-recovered", "zh-hant", "41.33億元"),
     # 90%以上 is "90% or more", not "more than 90%".
     ("tibet-2024", "funds-to-grassroots", "en", "90% or more"),
     ("tibet-2024", "funds-to-grassroots", "zh-hans", "90%以上"),
     ("tibet-2024", "funds-to-grassroots", "zh-hant", "90%以上")],
)
def test_required_display(real_app: Flask, report_id: str, figure_id: str, code: str,
                          shown: str) -> None:
    assert displayed(real_app, report_id, figure_id, code).text == shown


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("path", PAGES)
def test_every_real_page(real_client: FlaskClient, code: str, path: str) -> None:
    response = real_client.get(f"/{code}{path}")
    assert response.status_code == 200


@pytest.mark.parametrize("path", [*PAGES, "/", "/glossary"])
def test_real_traditional_pages_hold_no_simplified_only_characters(
        real_app: Flask, real_client: FlaskClient, path: str) -> None:
    text = text_in_page_language(real_client.get(f"/zh-hant{path}").get_data(as_text=True))
    with real_app.app_context():
        content = current_content()
        # Characters s2tw itself writes (干 in 干預) are Traditional even though converting
        # them again out of context would change them.
        written_by_opencc = set(content.converter.convert(
            "".join(report.source.text for report in content.reports.values())))
        converter = content.converter
    leftovers = {a for a, b in zip(text, converter.convert(text), strict=True)
                 if a != b and a not in written_by_opencc}
    assert not leftovers, leftovers


def test_traditional_is_taiwan_standard_without_vocabulary_changes(real_client: FlaskClient) -> None:
    text = real_client.get("/zh-hant/reports/haidian-2023/").get_data(as_text=True)
    assert "高質量發展" in text and "高品質發展" not in text
    assert "邵明艷" in text


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [("总结发布年度行政案件情况", "總結發布年度行政案件情況"), ("发布典型案例", "發布典型案例"),
     ("结案分布", "結案分布"), ("固定接待日制度", "固定接待日制度"), ("邵明艳", "邵明艷"),
     ("被告人于某某", "被告人于某某"), ("高质量发展", "高質量發展"), ("支持", "支持")],
)
def test_conversion_overrides_of_the_real_content(real_app: Flask, simplified: str,
                                                   traditional: str) -> None:
    with real_app.app_context():
        assert current_content().converter.convert(simplified) == traditional


def test_glossary_covers_haidian_appendix_2(real_app: Flask) -> None:
    with real_app.app_context():
        glossary = current_content().glossary
    defined = [term for term in glossary if term.source and term.source.report == "haidian-2023"]
    assert len(glossary) >= 45
    assert len(defined) >= 29


def test_every_section_draws_on_the_report_and_has_highlights(real_app: Flask) -> None:
    with real_app.app_context():
        reports = current_content().reports
    for report in reports.values():
        for section_id in SECTION_IDS:
            section = report.briefing.sections.get(section_id)
            assert 3 <= len(section.highlights) <= 8
            assert section.draws_on.zh_hans and section.draws_on.en


def _pairs(model: BaseModel) -> list[tuple[str, str]]:
    """Return the (zh-Hans, en) pair of every text of a content model."""
    return [(text["zh-Hans"], text["en"]) for _, text in texts(model.model_dump(by_alias=True))]


def _report_texts(app: Flask, report_id: str) -> list[tuple[str, str]]:
    with app.app_context():
        return _pairs(current_content().reports[report_id].briefing)


# Shifts of meaning a fact-check found, each as (report, language, wording that must not come
# back, why). Each pattern matches the wrong sentence, not the words alone.
MEANING_SHIFTS = [
    ("haidian-2023", "zh-Hans", r"院庭长接待群众", "the court, not its heads alone, received 1,263 visits"),
    ("haidian-2023", "en", r"heads received 1,263|received by court and division heads",
     "the court, not its heads alone, received 1,263 visits"),
    ("haidian-2023", "en", r"^Regular exchange mechanisms", "the source counts 6 courts, not mechanisms"),
    ("haidian-2023", "zh-Hans", r"以“加减乘除”法审结",
     "the method and the cases concluded stand side by side"),
    ("haidian-2023", "en", r"recovering a total of RMB 7\.258 billion",
     "the total recovered stands beside the cases concluded"),
    ("tibet-2024", "en", r"campaigns[^.;]*concluded 33,234",
     "33,234 cases and RMB 4.133 billion are the year's totals, listed beside the campaigns"),
    ("tibet-2024", "zh-Hans", r"在边境地区[^。]*涉军维权", "the source does not say the military-rights "
     "figure is from border areas"),
    ("tibet-2024", "en", r"[Ii]n border areas[^.]*military", "the source does not say the military-rights "
     "figure is from border areas"),
    # The Tibet source is the 一图读懂 infographic, not the report.
    ("tibet-2024", "zh-Hans", r"报告(称|显示|说|指出|提到|列出|未)", "the source is the infographic"),
    ("tibet-2024", "en", r"\b(the|this) report (says|shows|calls|lists|notes|mentions|does not)|"
     r"according to the report", "the source is the infographic"),
]


@pytest.mark.parametrize(("report_id", "tag", "pattern", "why"), MEANING_SHIFTS)
def test_corrected_meanings_stay_corrected(real_app: Flask, report_id: str, tag: str, pattern: str,
                                           why: str) -> None:
    found = [pair[tag == "en"] for pair in _report_texts(real_app, report_id)
             if re.search(pattern, pair[tag == "en"])]
    assert not found, f"{why}: {found}"


def test_glossary_is_honest_about_the_tibet_source(real_app: Flask) -> None:
    """Say of Tibet what its infographic shows, never what 'the report' says."""
    with real_app.app_context():
        pairs = [pair for term in current_content().glossary for pair in _pairs(term)]
    wrong = re.compile(r"西藏高院报告(?!图解)|两份报告|Tibet (Higher People's Court )?report\b|"
                       r"[Bb]oth reports|in the reports")
    assert not [text for pair in pairs for text in pair if wrong.search(text)]



# A second fact-check's shifts of meaning, each as (report, language, wording that must not come
# back, why); None as the report means the glossary.
SECOND_CHECK_SHIFTS = [
    ("haidian-2023", "en", r"linkage[^;]*recovered rose 4",
     "the 4-point rise follows information-sharing with the public security branch bureau"),
    ("haidian-2023", "en", r"Sharings” mechanism[^;]*press conferences",
     "the press conferences belong to thematic legal education, not to the mechanism"),
    ("tibet-2024", "en", r"[Ss]hielded from", "屏蔽失信名单: the entries were masked"),
    (None, "en", r"including the Lhasa", "the infographic lists the Lhasa and Medog orders apart"),
    (None, "zh-Hans", r"其中拉萨法院", "the infographic lists the Lhasa and Medog orders apart"),
    ("haidian-2023", "en", r"model (workers|practitioners)", "业务标兵 is a professional pacesetter"),
    ("haidian-2023", "en", r"arbitration commission", "劳动人事争议仲裁院 is an arbitration court"),
    ("tibet-2024", "en", r"\d+ corruption|^Corruption", "贪污 is embezzlement"),
    ("tibet-2024", "en", r"gains were recovered", "追缴违法所得: the judgment ordered recovery"),
]


@pytest.mark.parametrize(("report_id", "tag", "pattern", "why"), SECOND_CHECK_SHIFTS)
def test_second_check_meanings_stay_corrected(real_app: Flask, report_id: str | None, tag: str,
                                              pattern: str, why: str) -> None:
    if report_id is None:
        with real_app.app_context():
            pairs = [pair for term in current_content().glossary for pair in _pairs(term)]
    else:
        pairs = _report_texts(real_app, report_id)
    found = [pair[tag == "en"] for pair in pairs if re.search(pattern, pair[tag == "en"])]
    assert not found, f"{why}: {found}"


def test_the_enforcement_rate_rise_is_credited_as_the_report_does(real_app: Flask) -> None:
    # 与公安分局等单位深化信息共享，提升“查人找物”能力，执行标的到位率同比提升4个百分点
    # A text that names the rate and the trial-enforcement linkage beside it says what the report
    # ties the rise to.
    pairs = [pair for pair in _report_texts(real_app, "haidian-2023")
             if "执行标的到位率" in pair[0] and "审执联动" in pair[0]]
    assert pairs
    assert all("公安分局" in zh and "public security" in en for zh, en in pairs)


def test_every_reviewed_figure_says_in_english_what_it_counts(real_app: Flask) -> None:
    """A number shown without a noun (141, 10, 44) does not say what it counts."""
    with real_app.app_context():
        content = current_content()
        bare = [(report.id, figure.id) for report in content.reports.values()
                if not report.briefing.is_draft for figure in report.briefing.figures
                if not content.units[figure.unit].en[1].strip()]
    assert not bare


@pytest.mark.parametrize(("report_id", "figure_id", "wrong"), [
    # 普法驿站 and 法治副校长 come from the 普法 paragraph, not livelihood protection.
    ("haidian-2023", "law-popularisation-stations", "livelihood-protection"),
    ("haidian-2023", "vice-principal-lessons", "livelihood-protection"),
    # 调研 comes from 深化政治建设铸魂增智, not 人才队伍建设.
    ("haidian-2023", "research-visits", "talent"),
    ("haidian-2023", "research-awards", "talent"),
])
def test_figures_are_not_filed_under_a_theme_they_are_not_from(real_app: Flask, report_id: str,
                                                                figure_id: str, wrong: str) -> None:
    with real_app.app_context():
        assert current_content().reports[report_id].figure(figure_id).theme != wrong


@pytest.mark.parametrize("path", ["/glossary", "/reports/haidian-2023/", "/reports/haidian-2023/team",
                                  "/reports/haidian-2023/supervision", "/reports/haidian-2023/source"])
def test_traditional_takes_standard_forms_and_keeps_names(real_client: FlaskClient, path: str) -> None:
    text = real_client.get(f"/zh-hant{path}").get_data(as_text=True)
    # 佔 is a variant of 占; reconsideration is 復議; reply is 覆 (回覆) throughout; 王栖鸾 keeps 栖.
    assert not [wrong for wrong in ("佔", "複議", "有信必復", "棲鸞") if wrong in text]


def test_the_bankruptcy_related_figure_is_not_compared_as_bankruptcy_cases(real_app: Flask) -> None:
    # 审结破产类案件 **49** 件: 破产类 is bankruptcy-related, wider than bankruptcy cases, so it
    # takes no measure of bankruptcy cases, and its label says what it counts.
    with real_app.app_context():
        content = current_content()
        figure = content.reports["tibet-2024"].figure("bankruptcy-concluded")
    assert figure.measure is None
    assert "破产类" in figure.label.zh_hans and "bankruptcy-related" in figure.label.en.casefold()


@pytest.mark.parametrize(("zh_hans", "en"), [
    # The attested official English (content/official-renderings.tsv) as the glossary's headword.
    ("扫黑除恶", "combat organised crime and root out local criminal gangs"),
    ("司法责任制", "judicial accountability system"),
    ("全面从严治党", "full and strict Party self-governance"),
    ("八五普法规划", "Eighth Five-Year Plan for Increasing Public Knowledge of the Law"),
    ("能动司法", "active justice"),
    ("电信网络诈骗", "telecommunications and online fraud"),
    # 普法 departs from it, and says why; one rendering, not four.
    ("普法", "public legal education"),
])
def test_glossary_headwords_take_the_attested_official_english(real_app: Flask, zh_hans: str,
                                                               en: str) -> None:
    with real_app.app_context():
        [term] = [term for term in current_content().glossary if term.term.zh_hans == zh_hans]
    assert term.term.en == en


def test_every_row_of_the_official_renderings_is_read(real_app: Flask) -> None:
    with real_app.app_context():
        spelling = current_content().style.spelling
    renderings, found = read_renderings(Path(real_app.config["CONTENT_DIR"]) / RENDERINGS, spelling)
    assert not found and len(renderings) == 68


@pytest.mark.parametrize(("figure_id", "courts"), [
    ("kyirong-dispute-screenings", "吉隆法院"), ("kyirong-foreigners-visited", "吉隆法院"),
    ("nyingchi-border-publicity", "林芝法院"), ("nyingchi-border-publicity-reach", "林芝法院"),
])
def test_one_court_s_figures_in_a_region_s_report_say_whose_they_are(real_app: Flask,
                                                                      figure_id: str,
                                                                      courts: str) -> None:
    # Their paragraphs open with the court (吉隆法院设立…，开展矛盾纠纷排查26次); without a
    # scope the API and CSV gave them as all courts' of the region (found in review).
    with real_app.app_context():
        report = current_content().reports["tibet-2024"]
        assert report.scope_of(report.figure(figure_id)).courts.zh_hans == courts
