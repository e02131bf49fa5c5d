"""English labels and digests built from the vetted vocabulary, never guessed."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import yaml

from webapp.content.reports import Content
from webapp.content.style import EnglishStyle
from webapp.drafting.digest import digest_sentence, section_digest
from webapp.drafting.draft import draft_briefing
from webapp.drafting.english import ENGLISH_PATH, english_label, label_english
from webapp.drafting.english_gaps import NO_ACTION, NO_MODIFIER, NO_OBJECT, NO_RATE, STRUCTURE, gap, gaps

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def content(real_content: Content) -> Content:
    """The real content: its glossary and units are what a draft is labelled with."""
    return real_content


@pytest.mark.parametrize(
    ("zh", "unit", "period", "en"),
    [
        ("审结故意杀人等严重暴力犯罪案件", "cases", None, "Cases of serious violent crime concluded"),
        ("审结知识产权案件", "cases", None, "Intellectual property cases concluded"),
        ("最高人民法院收案", "cases", None, "Cases received by the Supreme People's Court"),
        ("全国各级法院受理审判执行案件", "cases", None,
         "Trial and enforcement cases accepted by courts at all levels"),
        ("过去五年审结危害网络安全犯罪案件", "cases", "过去五年",
         "Cases of cybersecurity crime concluded over the past five years"),
        ("审结涉外知识产权案件", "cases", None, "Foreign-related intellectual property cases concluded"),
        ("追缴、没收违法所得", "yuan", None, "Illegal gains recovered or confiscated"),
        ("审结故意杀人等严重暴力犯罪案件涉案人数", "people", None,
         "People in cases of serious violent crime concluded"),
    ],
)
def test_a_label_is_built_from_known_parts(zh: str, unit: str, period: str | None, en: str) -> None:
    built = english_label(zh, unit, period, "涉案人数")
    assert built is not None and built.label == en


@pytest.mark.parametrize(
    ("zh", "period"),
    [
        ("审结涉债券、票据等案件", None),  # Not "cases": the unknown examples name the category.
        ("审结某某新型案件", None),  # A word the vocabulary does not know.
        ("对缅北“四大家族”犯罪集团", None),  # No action: not a label it can build.
        ("历年审结知识产权案件", "历年"),  # A span without known English (over the years: how many?).
    ],
)
def test_a_label_the_vocabulary_cannot_build_stays_empty(zh: str, period: str | None) -> None:
    assert english_label(zh, "cases", period) is None


def test_a_digest_sentence_states_the_figure_and_its_change() -> None:
    built = english_label("审结故意杀人等严重暴力犯罪案件", "cases")
    assert built is not None
    change = {"value": 7.3, "unit": "percent", "direction": "down", "written": "7.3%"}
    assert digest_sentence(built, Decimal(46000), ("case", "cases"), "cases", change) == \
        "Concluded 46,000 cases of serious violent crime, down 7.3%."
    money = english_label("追缴、没收违法所得", "yuan")
    assert money is not None
    assert digest_sentence(money, Decimal("18140000000"), ("yuan", "yuan"), "yuan", None) == \
        "Recovered or confiscated RMB 18.14 billion of illegal gains."
    recovered = english_label("追赃挽损", "yuan")
    assert recovered is not None  # 追赃挽损5亿余元: the qualifier is kept.
    assert digest_sentence(recovered, Decimal("500000000"), ("yuan", "yuan"), "yuan", None, "over") == \
        "Recovered over RMB 500 million."
    higher = english_label("上级法院提级审理案件", "cases")
    assert higher is not None
    assert digest_sentence(higher, Decimal(3200), ("case", "cases"), "cases", None) == \
        "3,200 cases tried at a higher level by higher courts."
    visits = english_label("走访、接待全国政协委员", "person-times")
    assert visits is not None
    assert digest_sentence(visits, Decimal(204), ("person-time", "person-times"), "person-times",
                           None) == "Visited or received CPPCC National Committee members 204 person-times."


@pytest.mark.slow
def test_most_drafted_figures_of_the_national_report_have_english_labels(content: Content) -> None:
    text = (FIXTURES / "drafting" / "spc-2026.txt").read_text(encoding="utf-8")
    draft = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                           measures=content.measures)
    labelled = [figure for figure in draft.figures if figure.data["label"]["en"]]
    # Measured on the SPC report (80.5 %); the floor is 80 %.
    assert len(labelled) / len(draft.figures) >= 0.78
    digest = draft.data["sections"]["stability"]["digest"]
    assert digest["en"].startswith("Concluded 46,000 cases of serious violent crime, down 7.3%. "
                                   "Concluded 41,000 cases of telecommunications and online fraud, up 1.2%.")
    assert digest["zh-Hans"].startswith("审结故意杀人等严重暴力犯罪案件4.6万件，同比下降7.3%。"
                                        "审结电信网络诈骗犯罪案件4.1万件，同比增长1.2%。")
    assert digest["drafted"]
    # A qualifier stands where each language writes it (5亿余元, over RMB 500 million).
    recovered = [figure.data for figure in draft.figures
                 if figure.data["label"]["zh-Hans"] == "追赃挽损"]
    digest = section_digest(recovered, content.units, EnglishStyle(content.glossary, None))
    assert digest == ("追赃挽损5亿余元。", "Recovered over RMB 500 million.")


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What became of those counted (…的 + noun): the noun, then the outcome.
        ("再审改判无罪的企业经营者", "persons", "Business operators acquitted on retrial"),
        ("依法出清的“僵尸企业”", "organisations", "Zombie enterprises cleared"),
        ("被查处的地方法院干警", "persons", "Staff of local courts investigated and punished"),
        # How or where it was done ends the English, or is left out where it is only a manner.
        ("依托人民法院调解平台自行调解纠纷", "disputes",
         "Disputes mediated by the parties on the people's courts' mediation platform"),
        ("适用新规审结指定遗产管理人案件", "cases",
         "Estate administrator appointment cases concluded under the new rules"),
        ("公正高效调解涉外案件", "cases", "Foreign-related cases mediated"),
        # A label that is only what is counted.
        ("退休法官", "persons", "Retired judges"),
    ],
)
def test_labels_built_from_outcomes_settings_and_objects(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize("label", ["被查处的某某单位干警", "依托某平台调解纠纷", "示范引领的法庭"])
def test_an_unknown_outcome_setting_or_object_gives_no_english(label: str) -> None:
    assert english_label(label, "persons") is None


def test_an_outcome_reads_in_a_digest_with_what_is_counted_first() -> None:
    built = english_label("再审改判无罪的企业", "organisations")
    assert built is not None
    assert digest_sentence(built, Decimal(6), ("organisation", "organisations"), "organisations",
                           None) == "6 businesses acquitted on retrial."


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # People counted for crimes are people, prosecuted or sentenced for those crimes.
        ("起诉故意杀人、抢劫、绑架等严重暴力犯罪", "people", "People prosecuted for serious violent crimes"),
        ("判处侵犯知识产权犯罪", "people", "People sentenced for intellectual property crimes"),
        # People counted with a label of cases are those cases' people.
        ("审查起诉职务犯罪案件", "people", "People in cases of job-related crime reviewed for prosecution"),
        ("决定不起诉", "people", "People not prosecuted"),
        ("监督立案", "cases", "Cases filed under procuratorial supervision"),
        ("制发检察建议", "suggestions", "Procuratorial suggestions issued"),
        ("审结一审刑事案件", "cases", "First-instance criminal cases concluded"),
        # What every court counts, as the new district court's report first lacked it.
        ("通过重整程序挽救企业", "organisations", "Businesses rescued through reorganisation"),
        ("移送涉嫌拒执犯罪线索", "leads", "Leads on suspected refusal to enforce judgments transferred"),
        ("审结涉教育、医疗、住房等民生案件", "cases", "Livelihood cases concluded"),
        ("就地化解矛盾纠纷", "disputes", "Disputes resolved locally"),
        ("代表建议、议案办结率", "percent", "Completion rate of deputies' suggestions and motions"),
        ("审结非法集资犯罪案件涉及集资参与人", "people",
         "Fund-raising participants in cases of illegal fundraising crime concluded"),
    ],
)
def test_procuratorate_and_court_statistics_in_english(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


def test_people_for_crimes_read_in_a_digest() -> None:
    built = english_label("起诉电信网络诈骗犯罪", "people")
    assert built is not None
    assert digest_sentence(built, Decimal(6800), ("person", "people"), "people",
                           {"value": 12.5, "unit": "percent", "direction": "down"}) == \
        "Prosecuted 6,800 people for telecommunications and online fraud crimes, down 12.5%."


@pytest.mark.parametrize(
    ("label", "english"),
    [
        # Cases named only by examples (…等案件) are those and others like them.
        ("审结故意杀人、强奸、抢劫等案件", "Intentional homicide, rape, robbery and similar cases concluded"),
        # A list of modifiers before one head.
        ("审结危险驾驶、交通肇事犯罪案件", "Cases of dangerous driving and traffic accident crime concluded"),
        # A category after 等 is what is counted; its examples are left out.
        ("审结故意杀人等严重暴力犯罪案件", "Cases of serious violent crime concluded"),
    ],
)
def test_examples_and_lists_of_kinds_of_cases(label: str, english: str) -> None:
    built = english_label(label, "cases")
    assert built is not None and built.label == english


def test_the_vocabulary_renders_glossary_terms_as_the_glossary_does(content: Content) -> None:
    # The glossary holds the official renderings: a drafted label must not say otherwise
    # (the content's English style would refuse it, and the label would stay empty).
    # A word holding a glossary term (诉调对接机制 holds 诉调对接) renders it as the glossary does.
    glossary = {form.strip("“”"): term.term.en for term in content.glossary
                for form in term.forms("zh-Hans")}
    style = EnglishStyle(content.glossary, None)
    vocabulary = yaml.safe_load(ENGLISH_PATH.read_text(encoding="utf-8"))
    for section in ("objects", "modifiers", "rates", "heads", "subjects", "outcomes"):
        for chinese, english in vocabulary[section].items():
            official = glossary.get(chinese.strip("“”"))
            assert official is None or official.lower() in english.lower(), (chinese, english, official)
            assert not style.text_problems(chinese, english.replace("{}", "some")), (chinese, english)


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # Invented labels in the words every court and procuratorate report uses.
        ("全省检察机关批准逮捕各类犯罪嫌疑人", "people",
         "Criminal suspects approved for arrest by procuratorates across the province"),
        ("受理控告申诉案件", "cases", "Complaint and appeal cases accepted"),
        ("立案办理行政公益诉讼案件", "cases",
         "Administrative public interest litigation cases docketed and handled"),
        ("提出纠正违法意见", "case-times", "Notices to correct violations lodged"),
        ("审结商标、专利、著作权纠纷案件", "cases",
         "Trademark, patent and copyright dispute cases concluded"),
        ("审结海事海商案件", "cases", "Maritime and maritime commercial cases concluded"),
        ("发回重审", "cases", "Cases remanded for retrial"),
        ("新收行政非诉执行案件", "cases", "Administrative non-litigation enforcement cases newly received"),
        ("审结减刑假释案件", "cases", "Commutation and parole cases concluded"),
        # A kind (…类案件) is its modifier's; openers in a row are all taken off.
        ("审结社会保险类案件", "cases", "Social insurance cases concluded"),
        ("全年共办理国家司法救助案件", "cases", "State judicial aid cases handled"),
        ("适用速裁程序审结刑事案件", "cases", "Criminal cases concluded under the fast-track procedure"),
        ("化解矛盾纠纷", "disputes", "Disputes resolved"),
        ("选任人民陪审员", "persons", "People's assessors selected"),
        ("司法拘留", "people", "People placed in judicial detention"),
        ("纳入失信被执行人名单", "people", "People put on the list of dishonest judgment debtors"),
        ("拘留拒不履行义务被执行人", "people", "Judgment debtors refusing to comply detained"),
        ("实质性化解行政争议", "cases", "Administrative disputes substantively resolved"),
        ("调解成功", "disputes", "Disputes mediated successfully"),
        # An opening word that is no action here (调解 of 调解组织): the label is what is counted.
        ("调解组织", "organisations", "Mediation organisations"),
        # A label that is only what is counted may be built from modifier and head too.
        ("再审审查案件", "cases", "Retrial review cases"),
        ("省法院受理案件", "cases", "Cases accepted by the provincial Higher People's Court"),
        ("县法院共受理各类案件", "cases", "Cases of all kinds accepted by the county court"),
        ("为农民工追索劳动报酬", "yuan", "Labour remuneration recovered for migrant workers"),
        ("发出诉前检察建议", "suggestions", "Pre-litigation procuratorial suggestions issued"),
        ("上网公开裁判文书", "articles", "Judgments published online"),
        # Things counted together, each known.
        ("办理人大代表建议、政协委员提案", "proposals",
         "Deputies' suggestions and CPPCC members' proposals handled"),
    ],
)
def test_general_court_and_procuratorate_labels(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(
    ("label", "english"),
    [
        ("结收比", "Closure-to-intake ratio"),
        ("全市法院结收比", "Closure-to-intake ratio of courts across the city"),
        ("一审服判息诉率", "First-instance judgment acceptance rate"),
        ("量刑建议采纳率", "Adoption rate of sentencing recommendations"),
        ("推动行政机关负责人出庭应诉率", "Court appearance rate of heads of administrative organs"),
        ("民事案件调解率", "Mediation rate of civil cases"),
    ],
)
def test_a_rate_is_named_with_what_it_is_of(label: str, english: str) -> None:
    built = english_label(label, "percent")
    assert built is not None and built.label == english


@pytest.mark.parametrize("label", ["某某率", "某某案件调解率", "审结知识产权案件"])
def test_a_percent_that_is_no_known_rate_gets_no_english(label: str) -> None:
    # A share of concluded cases is not "Intellectual property cases concluded".
    assert english_label(label, "percent") is None


def test_a_rate_reads_in_a_digest_as_its_value() -> None:
    built = english_label("结收比", "percent")
    assert built is not None
    change = {"value": 2, "unit": "points", "direction": "up"}
    assert digest_sentence(built, Decimal("96.5"), ("%", "%"), "percent", change) == \
        "Closure-to-intake ratio: 96.5%, up 2 percentage points."


@pytest.mark.parametrize(
    ("label", "unit", "cause"),
    [
        ("审结某某新型案件", "cases", NO_MODIFIER),
        ("举办某某活动", "events", NO_OBJECT),
        ("某某率", "percent", NO_RATE),
        ("为某某指定辩护", "person-times", NO_ACTION),
        ("示范引领的法庭", "count", STRUCTURE),
        ("审结知识产权案件", "cases", None),
    ],
)
def test_a_label_without_english_says_what_is_missing(label: str, unit: str, cause: str | None) -> None:
    assert gap(label, unit) == cause


def test_labels_without_english_are_grouped_by_cause() -> None:
    grouped = gaps([("审结某某新型案件", "cases", None), ("审结某甲新型案件", "cases", None),
                    ("某某率", "percent", None), ("审结知识产权案件", "cases", None)])
    assert grouped == {NO_MODIFIER: ["审结某某新型案件 (cases)", "审结某甲新型案件 (cases)"],
                       NO_RATE: ["某某率 (percent)"]}


@pytest.mark.slow
def test_the_seed_reports_drafts_have_english_labels_from_general_vocabulary(content: Content) -> None:
    # Measured on the two seed reports (Haidian 45.7 % and Tibet 37.6 % before the general
    # vocabulary; 60.5 % and 59.6 % after; 82.1 % and 67.9 % once labels named what they count
    # and shares and what cases involve had English; 82.4 % and 72.5 % with the vocabulary of
    # aid, commendation, assigned suggestions and meetings attended; 84.7 % and 74.3 % with
    # subjects, relative clauses and glossary terms composed): most of the rest are labels a
    # person must reword, or names (《…》, “…”) the vocabulary cannot know.
    for report_id, floor in (("haidian-2023", 0.8), ("tibet-2024", 0.7)):
        draft = draft_briefing(content.reports[report_id].source.text, content.units, content.glossary,
                               datetime.date(2026, 3, 20), measures=content.measures)
        labelled = [figure for figure in draft.figures if figure.data["label"]["en"]]
        assert len(labelled) / len(draft.figures) >= floor, report_id


@pytest.mark.parametrize(
    ("label", "english"),
    [
        ("邀请人大代表旁听庭审", "Deputies to people's congresses invited to observe court hearings"),
        ("全市法院邀请人大代表、政协委员旁听庭审、见证执行",
         "Deputies to people's congresses and CPPCC members invited by courts across the city "
         "to observe court hearings and witness enforcement"),
        ("邀请检察长列席审委会会议", "Chief procurators invited to attend adjudication committee meetings"),
        # Without a known activity, those invited are what is counted.
        ("邀请特约监督员", "Special supervisors invited"),
    ],
)
def test_those_invited_and_what_they_came_to_do(label: str, english: str) -> None:
    built = english_label(label, "person-times")
    assert built is not None and built.label == english


def test_an_invitation_to_an_unknown_activity_gives_no_english() -> None:
    assert english_label("邀请人大代表参观某某基地", "person-times") is None


def test_an_invitation_reads_in_a_digest_with_the_inviting_verb_first() -> None:
    built = english_label("邀请人大代表旁听庭审", "person-times")
    assert built is not None
    assert digest_sentence(built, Decimal(123), ("person-time", "person-times"), "person-times", None) == \
        "Invited deputies to people's congresses 123 person-times to observe court hearings."


def test_an_unlabelled_blind_report_gets_english_on_most_figures(content: Content) -> None:
    # A financial court's report to the standing committee, written after the maritime court's
    # mechanisms and measured before anything was fitted to it: 68.0 % (17/25); 72.0 % once the
    # report's own name was the court's and 各类 said of a known kind; 80.0 % with the enforcement
    # measures of the Civil Procedure Law (冻结、扣划) and the 案由 虚假陈述责任. Not labelled: the
    # share is all it measures.
    text = (FIXTURES / "drafting" / "invented-financial-court.txt").read_text(encoding="utf-8")
    draft = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                           measures=content.measures)
    labelled = [figure for figure in draft.figures if figure.data["label"]["en"]]
    assert len(draft.figures) >= 20
    assert len(labelled) / len(draft.figures) >= 0.8


@pytest.mark.parametrize("name", ["invented-procuratorate.txt", "invented-county-court.txt"])
def test_invented_reports_in_the_genres_words_get_english_labels(name: str, content: Content) -> None:
    # Invented reports (no real institution's wording) of a city procuratorate and a county
    # court, in the sentences such reports are written in: the floor for an unseen report is 80 %.
    text = (FIXTURES / "drafting" / name).read_text(encoding="utf-8")
    draft = draft_briefing(text, content.units, content.glossary, datetime.date(2026, 3, 20),
                           measures=content.measures)
    labelled = [figure for figure in draft.figures if figure.data["label"]["en"]]
    assert len(draft.figures) >= 40
    assert len(labelled) / len(draft.figures) >= 0.9


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What the cases before the label involve: those cases' English, then whose they are.
        ("审理非法吸收公众存款犯罪案件涉投资人", "people",
         "Investors in cases of illegal deposit-taking crime tried"),
        ("审理非法吸收公众存款犯罪案件犯罪金额", "yuan",
         "Sums involved in cases of illegal deposit-taking crime tried"),
        ("审理养老诈骗案件判处罪犯", "people", "Offenders sentenced in elderly fraud cases tried"),
        # A share: of what, and what became of them.
        ("以非诉方式化解的劳动争议占比", "percent", "Share of labour disputes resolved without litigation"),
        # What was done to those counted, from an action and its object.
        ("发放救助金的困难群众", "persons", "People in hardship paid aid funds"),
    ],
)
def test_what_cases_involve_shares_and_what_was_done_to_them(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(("label", "unit"), [
    ("审理某某案件涉投资人", "people"),  # Cases the vocabulary does not know.
    ("某某行为涉案金额", "yuan"),
    ("以某某方式化解的某某占比", "percent"),
    ("发放某某的困难群众", "persons"),
])
def test_involved_shares_and_outcomes_with_an_unknown_part_stay_empty(label: str, unit: str) -> None:
    assert english_label(label, unit) is None


def test_what_cases_involve_is_left_to_their_cases_sentence_in_a_digest(content: Content) -> None:
    cases = ("审理非法吸收公众存款犯罪案件", "Cases of illegal deposit-taking crime tried",
             "cases", 123, "123")
    sums = ("审理非法吸收公众存款犯罪案件犯罪金额",
            "Sums involved in cases of illegal deposit-taking crime tried", "yuan", 265900000000, "2659亿")
    figures = [{"label": {"zh-Hans": label, "en": english}, "unit": unit, "value": value, "written": written}
               for label, english, unit, value, written in (cases, sums)]
    digest = section_digest(figures, content.units, EnglishStyle(content.glossary, None))
    assert digest is not None and "2659亿" not in digest[0] and "Tried 123 cases" in digest[1]


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # Whom it was done to, after 对, then what was done.
        ("对拒不履行义务的被执行人司法拘留", "person-times",
         "Judgment debtors refusing to comply placed in judicial detention"),
        ("对认为确有错误的刑事裁判提出抗诉", "cases", "Criminal judgments deemed erroneous protested"),
        # Things counted together with 和, each known.
        ("组织政治轮训和业务培训", "sessions",
         "Political rotation training sessions and professional training sessions organised"),
        # A head's word the modifier already ends with is said once.
        ("审结涉黑恶犯罪案件", "cases", "Cases of organised crime concluded"),
        # For whom, and where it was posted.
        ("为困难群众缓减免诉讼费", "yuan",
         "Litigation fees deferred, reduced or waived for people in hardship"),
        ("微信公众号推送信息", "entries", "Information items posted on WeChat official accounts"),
        # The amount in dispute of the cases before it; a span since the plan began.
        ("审结买卖合同、金融借款等商事案件标的额", "yuan",
         "Amounts in dispute in commercial cases concluded"),
        ("“十四五”以来提起公诉", "people", "People prosecuted since the 14th Five-Year Plan period began"),
        ("起诉监察机关移送职务犯罪", "people",
         "People prosecuted for job-related crimes referred by supervisory commissions"),
        ("人大代表建议、政协委员提案办结率", "percent",
         "Completion rate of deputies' suggestions and CPPCC members' proposals"),
        ("纠正漏捕", "people", "People added to arrests after being missed"),
        ("审结一审商事案件诉讼标的额", "yuan",
         "Amounts in dispute in first-instance commercial cases concluded"),
        # A national procuratorate's: decisions to prosecute, petitions, visits and invitations.
        ("决定起诉", "people", "People prosecuted"),
        ("起诉掩饰隐瞒犯罪所得犯罪", "people",
         "People prosecuted for crimes of concealing or disguising criminal proceeds"),
        ("附条件不起诉率", "percent", "Conditional non-prosecution rate"),
        ("办理刑事申诉案件", "cases", "Criminal petition cases handled"),
        ("检察长接待群众来访", "times", "Visits from the public received by the chief procurator"),
        ("邀请全国人大代表参加检察开放日、案件公开听证等活动", "person-times",
         "NPC deputies invited to attend procuratorial open days, public hearings and other events"),
        ("办理食品药品安全领域公益诉讼案件", "cases",
         "Food and drug safety public interest litigation cases handled"),
        # A branch's own, a forest region's procuratorates, crimes said once.
        ("分院本级受理各类案件", "cases", "Cases of all kinds accepted by the branch itself"),
        ("林区两级检察机关批准逮捕各类犯罪嫌疑人", "people",
         "Criminal suspects approved for arrest by procuratorates at both levels across the forest region"),
        ("起诉涉黑涉恶犯罪", "cases", "Organised crimes prosecuted"),
        ("发现并督促整改问题", "issues", "Problems found and urged to be rectified"),
        ("对确有错误的刑事判决提出抗诉", "cases", "Erroneous criminal judgments protested"),
        # An ethnic region's: in its languages, and what minors were given.
        ("用藏汉双语开展普法宣传", "events",
         "Public legal education campaigns conducted in Tibetan and Chinese"),
        ("对涉罪未成年人附条件不起诉", "people",
         "Minors involved in crimes given conditional non-prosecution"),
        ("对刑事申诉案件举行公开听证", "cases", "Criminal petition cases given public hearings"),
        # A municipality's higher court and a county-level city's court.
        ("市高院受理案件", "cases", "Cases accepted by the municipal Higher People's Court"),
        ("全市法院累计受理案件", "cases", "Cases accepted by courts across the city"),
        ("审（执）结各类案件", "cases", "Cases of all kinds concluded or enforced"),
        ("员额法官人均结案", "cases", "Cases concluded per quota judge"),
        ("以拒不执行判决、裁定罪判处", "people",
         "People convicted of refusing to enforce judgments or rulings"),
        ("简易程序适用率", "percent", "Application rate of the simplified procedure"),
    ],
)
def test_labels_of_the_held_out_reports_kinds(label: str, unit: str, english: str) -> None:
    period = "“十四五”以来" if label.startswith("“十四五”以来") else None
    built = english_label(label, unit, period)
    assert built is not None and built.label == english


def test_whom_an_unknown_action_was_done_to_gives_no_english() -> None:
    assert english_label("对拒不履行义务的被执行人某某处理", "person-times") is None
    assert english_label("对某某裁判提出抗诉", "cases") is None
    assert english_label("对某某活动中的违法情形提出纠正意见", "case-times") is None


@pytest.mark.parametrize(("label", "unit", "english"), [
    # An act's object counted, on what the 对-phrase names.
    ("对侦查活动中的违法情形提出书面纠正意见", "case-times",
     "Written correction notices lodged on unlawful conduct in investigations"),
    ("对刑罚执行和监管活动中的违法情形提出纠正意见", "case-times",
     "Correction notices lodged on unlawful conduct in penalty enforcement and custody"),
    ("对刑事审判活动提出纠正意见", "cases", "Correction notices lodged on criminal trials"),
])
def test_what_an_act_was_on_follows_what_it_counts(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # Who did it, composed of area, levels and body where no subject lists it.
        ("全州两级法院审结刑事案件", "cases",
         "Criminal cases concluded by courts at both levels across the prefecture"),
        ("全盟检察机关批准逮捕犯罪嫌疑人", "people",
         "Criminal suspects approved for arrest by procuratorates across the league"),
        ("全县人民法庭化解纠纷", "disputes", "Disputes resolved by people's tribunals across the county"),
        ("派出法庭开展巡回审判", "times", "Circuit tribunal hearings conducted by detached tribunals"),
    ],
)
def test_a_subject_is_composed_of_its_area_levels_and_body(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize("label", ["法院审结刑事案件", "全州某某法院审结刑事案件"])
def test_a_bare_or_unknown_body_is_no_subject(label: str) -> None:
    # A bare 法院 does not say whose courts; an unknown word between area and body is no guess.
    assert english_label(label, "cases") is None


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What those counted did themselves: a relative clause after them.
        ("获国家级荣誉的人员", "person-times", "Personnel who received national-level honours"),
        ("荣获国家级荣誉的人员", "person-times", "Personnel who won national-level honours"),
        # 获得 is received, whatever was got: aid is not won.
        ("获得司法救助金的当事人", "persons", "Parties who received judicial aid funds"),
        ("建立诉调对接机制的单位", "organisations",
         "Organisations that set up litigation–mediation coordination mechanisms"),
        # What was done to them (they were paid, they did not pay): the participle, not a clause.
        ("发放司法救助金的涉诉困难群众", "persons", "Litigants in hardship paid judicial aid funds"),
        # What a court ordered paid.
        ("判令赔偿生态环境修复费用", "yuan",
         "Environmental restoration costs ordered to be paid in compensation"),
    ],
)
def test_what_those_counted_did_and_what_was_ordered(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


def test_an_action_not_known_to_be_done_by_those_counted_gives_no_relative_clause() -> None:
    # 聘任特约监督员的法院: whether the courts appointed or were appointed is not guessed from 的.
    built = english_label("发放救助金的单位", "organisations")
    assert built is None or "that" not in built.label


@pytest.mark.parametrize(
    ("label", "english"),
    [
        # Causes of action (民事案件案由规定, the Maritime Code's English) composed with each other.
        ("审结海上货物运输合同纠纷案件", "Carriage of goods by sea contract dispute cases concluded"),
        ("审结船员劳务合同纠纷案件", "Crew labour service contract dispute cases concluded"),
        ("审结船舶碰撞损害责任纠纷案件", "Ship collision damage liability dispute cases concluded"),
        ("受理海洋环境公益诉讼案件", "Marine environmental public interest litigation cases accepted"),
        ("审结劳务合同纠纷案件", "Labour service contract dispute cases concluded"),
        ("审结机动车交通事故责任纠纷案件", "Motor vehicle accident liability dispute cases concluded"),
    ],
)
def test_causes_of_action_are_composed(label: str, english: str) -> None:
    built = english_label(label, "cases")
    assert built is not None and built.label == english


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # 涉 before a known word: related to it.
        ("审结涉知识产权案件", "cases", "Intellectual property-related cases concluded"),
        # 等 closing what is counted: the kind named and others counted with it.
        ("举办专题培训班等", "sessions", "Thematic training courses and others held"),
        # Whom it was done for or to, before a known action.
        ("为电信网络诈骗被害人追赃挽损", "yuan",
         "Amount recovered for telecommunications and online fraud victims"),
        ("向涉诉困难群众发放司法救助金", "yuan", "Judicial aid funds paid to litigants in hardship"),
    ],
)
def test_structural_words_around_known_parts(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(("label", "unit"), [
    ("审结涉某某案件", "cases"),  # 涉 before an unknown word.
    ("举办某某班等", "sessions"),
    ("为某某群体追赃挽损", "yuan"),  # Whom it was done for is unknown.
    # A name the report gives (《…》, “…”) is not translated: the label stays for a person, who
    # knows the name's official English if it has one; pinyin or a guess would pass for a name.
    ("制发《企业法律风险防控指南》", "copies"),
    ("举办“民企法律大讲堂”", "sessions"),
    ("审理涉川藏铁路案件", "cases"),
])
def test_an_unknown_word_or_a_name_leaves_the_label_empty(label: str, unit: str) -> None:
    assert english_label(label, unit) is None


def test_a_glossary_term_is_the_label_once_who_did_it_is_taken_off(content: Content) -> None:
    glossary = {form: term.term.en for term in content.glossary for form in term.forms("zh-Hans")}
    assert glossary["诉前调解"] == "pre-litigation mediation"
    style = EnglishStyle(content.glossary, None)
    assert label_english("边境法院诉前调解", "times", None, glossary, style) == \
        "Pre-litigation mediation by border courts"
    assert label_english("边境法院某某调解", "times", None, glossary, style) == ""


@pytest.mark.parametrize(("label", "unit", "english"), [
    # The genre's general words the first unseen reports lacked: 扣押/拍卖, 节约, 减少.
    ("扣押船舶", "vessel-times", "Ships seized"),
    ("为当事人节约诉讼成本", "yuan", "Litigation costs saved for parties"),
    ("减少衍生案件", "cases", "Derivative cases reduced"),
])
def test_enforcement_and_saving_words(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(("label", "institution", "english"), [
    # A label opening with the report's own name, as its title writes it or without 人民.
    ("某某金融法院审结金融案件", "某某金融法院", "Financial cases concluded by the court"),
    ("某某区检察院办理公益诉讼案件", "某某区人民检察院",
     "Public interest litigation cases handled by the procuratorate"),
    # A subject the vocabulary lists says more than "the court": it is kept.
    ("最高人民法院收案", "最高人民法院", "Cases received by the Supreme People's Court"),
])
def test_the_reports_own_name_is_the_court_or_procuratorate(
        label: str, institution: str, english: str) -> None:
    built = english_label(label, "cases", institution=institution)
    assert built is not None and built.label == english


def test_another_institutions_name_is_not_the_reports_own() -> None:
    assert english_label("某某海事法院审结金融案件", "cases", institution="某某金融法院") is None


def test_of_all_kinds_is_said_of_a_known_kind() -> None:
    built = english_label("审结各类金融案件", "cases")
    assert built is not None and built.label == "Financial cases of all kinds concluded"
    assert english_label("审结各类某某案件", "cases") is None


@pytest.mark.parametrize(("label", "unit", "english"), [
    ("受到省级以上表彰的集体", "collectives", "Collectives commended at provincial level or above"),
    ("获得市级奖励的干警", "persons", "Staff rewarded at municipal level"),
])
def test_an_honour_at_a_level(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english
    # A level the vocabulary does not know is not guessed.
    assert english_label(label.replace("省级", "某级").replace("市级", "某级"), unit) is None


def test_the_vocabulary_names_each_word_once_in_each_part() -> None:
    """A word written twice in one part of english.yaml is read as its last: the first English
    would be silently lost."""
    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:  # type: ignore[type-arg]
        keys = [loader.construct_object(key) for key, _value in node.value]
        assert len(keys) == len(set(keys)), [key for key in keys if keys.count(key) > 1]
        return dict(loader.construct_pairs(node))

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    assert yaml.load(ENGLISH_PATH.read_text(encoding="utf-8"), Loader=Strict)  # noqa: S506


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What a basic court of an ethnic autonomous area counts: bilingual litigation, its staff,
        # rural land and forest disputes, as the autonomous county court's report first lacked it.
        ("双语法官", "persons", "Bilingual judges"),
        ("使用双语开庭审理案件", "cases", "Cases heard in bilingual hearings"),
        ("创建民族团结进步示范人民法庭", "tribunals",
         "Model people's tribunals for ethnic unity and progress created"),
        ("审结土地承包经营权纠纷案件", "cases", "Land contractual management right dispute cases concluded"),
        ("审理山林权属纠纷案件", "cases", "Forest ownership dispute cases tried"),
        ("化解林地争议面积", "mu", "Area of forest land in dispute resolved"),
        ("纳入失信名单的失信被执行人", "persons",
         "Dishonest judgment debtors put on the list of dishonest judgment debtors"),
        ("兑现农民工工资", "yuan", "Migrant workers' wages paid out"),
        ("诉讼服务中心现场立案", "cases", "Cases filed in person at the litigation service centre"),
        ("受到州级以上表彰的集体", "collectives", "Collectives commended at prefectural level or above"),
        ("民事案件调解撤诉率", "percent", "Mediation and withdrawal rate of civil cases"),
        # Restoration ordered of the defendants, named or not: the longer order is the one read.
        ("判令被告人补植复绿林木", "plants", "Trees ordered to be replanted"),
        ("判令增殖放流鱼苗", "fish", "Fry ordered to be released to restock waters"),
    ],
)
def test_an_autonomous_area_basic_court_in_english(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english


@pytest.mark.parametrize(
    ("label", "english"),
    [
        ("少数民族干警占干警总数", "Ethnic minority staff as a share of all staff"),
        # The part's own subject is the part's, not the share's; the court's own whole (全院) says
        # no more than the whole, and 全部 says all of it.
        ("人民法庭审结案件占全院民事案件", "Cases concluded by people's tribunals as a share of civil cases"),
        ("使用双语开庭审理案件占全部开庭案件",
         "Cases heard in bilingual hearings as a share of all cases heard in court"),
        ("某某调解占民事案件", ""),  # A part without English: none for the share either.
    ],
)
def test_a_share_of_a_whole_is_built_from_its_parts(label: str, english: str, content: Content) -> None:
    assert label_english(label, "percent", None, {}, EnglishStyle(content.glossary, None)) == english


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What an intellectual property court counts, as its report first lacked it.
        ("审结发明专利案件", "cases", "Invention patent cases concluded"),
        ("受理技术类案件", "cases", "Technical cases accepted"),
        ("审结技术秘密案件判赔金额", "yuan", "Damages awarded in technical secret cases concluded"),
        ("对恶意侵权、重复侵权等行为适用惩罚性赔偿", "cases",
         "Punitive damages applied against malicious and repeated infringement"),
        ("诉前委派调解知识产权纠纷", "disputes",
         "Intellectual property disputes referred to mediation before filing"),
        ("一审判决上诉率", "percent", "First-instance judgment appeal rate"),
        ("建院以来受理各类知识产权案件", "cases",
         "Intellectual property cases of all kinds accepted since the court was founded"),
        # 共 opens 共建, an action, and is no opener there (共审结 is still 审结).
        ("共建知识产权纠纷调解中心", "count",
         "Intellectual property dispute mediation centres set up jointly"),
        ("共审结案件", "cases", "Cases concluded"),
    ],
)
def test_an_intellectual_property_court_in_english(label: str, unit: str, english: str) -> None:
    period = "建院以来" if label.startswith("建院以来") else None
    built = english_label(label, unit, period)
    assert built is not None and built.label == english


@pytest.mark.parametrize(
    ("label", "unit", "english"),
    [
        # What an autonomous prefecture's courts count, as its intermediate court's report lacked it.
        ("州中级人民法院受理案件", "cases", "Cases accepted by the prefecture's intermediate court"),
        ("设立生态保护巡回法庭", "tribunals", "Ecological protection circuit tribunals set up"),
        ("为农牧民追回劳动报酬", "yuan", "Labour remuneration recovered for farmers and herders"),
        ("救助困难群众", "people", "People in hardship given aid"),
        # What a body has (现有) is its own: of, not by.
        ("全州法院现有员额法官", "persons", "Quota judges of courts across the prefecture"),
    ],
)
def test_an_autonomous_prefecture_court_in_english(label: str, unit: str, english: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == english
