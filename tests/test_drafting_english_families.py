"""Families of words every court's and procuratorate's report uses, and the rules that read the
suits a procuratorate supported, an area's staff, a rate of a kind of cases and a span since a
year: each built as the Chinese says, or left empty where a part would go unsaid."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.content.reports import Content
from webapp.content.style import EnglishStyle
from webapp.drafting.digest import digest_sentence
from webapp.drafting.english import english_label, label_english


def english(label: str, unit: str, period: str | None = None) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit, period)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Orders and enforcement: issued, ordered made good, searches launched, staff deployed.
    ("签发人身安全保护令", "orders", "Personal safety protection orders issued"),
    ("判令退赔经济损失", "yuan", "Economic losses ordered to be made good"),
    ("发起网络查控", "case-times", "Online asset searches launched"),
    ("出动干警", "person-times", "Staff deployed"),
    ("移出失信被执行人名单", "person-times", "People removed from the list of dishonest judgment debtors"),
    ("采取限制高消费措施", "person-times", "High-consumption restriction measures taken"),
    ("兑付悬赏金", "yuan", "Rewards paid out"),
    ("依申请发布悬赏执行公告", "cases", "Reward notices for enforcement published on application"),
    ("为当事人节省佣金", "yuan", "Commissions saved for parties"),
    ("执行罚金、没收财产等财产刑", "yuan", "Property penalties enforced"),
    # Quality reviews, problems found and put right, funds raised and collected.
    ("评查案件", "cases", "Cases reviewed for quality"),
    ("排查整改问题", "issues", "Problems found and rectified"),
    ("帮助企业排查法律风险", "items", "Legal risks screened for businesses"),
    ("筹措帮扶资金", "yuan", "Assistance funds raised"),
    ("收缴生态修复金", "yuan", "Ecological restoration funds collected"),
    # Advice and services given; settlements and resolutions brought about.
    ("解答法律咨询", "person-times", "Legal consultations given"),
    ("提供法律咨询和风险提示", "times", "Legal consultations and risk alerts provided"),
    ("促成和解", "cases", "Cases settled"),
    ("促成行政争议实质性化解", "cases", "Substantive resolutions of administrative disputes brought about"),
    # Jointly with, or in support of, others.
    ("协助公安机关追赃挽损", "yuan", "Amount recovered in support of public security organs"),
    ("省检察院向省高级人民法院提出抗诉", "cases",
     "Cases protested to the provincial Higher People's Court by the provincial procuratorate"),
    ("合议庭审理案件", "cases", "Cases tried by collegial panels"),
    # Tribunals, teams and stations set up; staff newly selected.
    ("建成“共享法庭”", "tribunals", "Shared courts set up"),
    ("建成“枫桥式人民法庭”", "tribunals", "Fengqiao-style people's tribunals set up"),
    ("设立检察联络站", "count", "Procuratorial liaison stations set up"),
    ("新遴选员额法官", "persons", "Quota judges newly selected"),
    # Crimes named by what they harm, after the charges before 等.
    ("起诉重大责任事故、危险物品肇事等危害安全生产犯罪", "people",
     "People prosecuted for crimes endangering work safety"),
    ("起诉性侵害未成年人犯罪", "people", "People prosecuted for crimes of sexual assault against minors"),
    ("审结危害公共安全犯罪案件", "cases", "Cases of crimes endangering public security concluded"),
    # Kinds of cases: a capital market's, after its examples; what a kind (类) of case concerns.
    ("审结证券、期货、基金、信托、保险等资本市场纠纷案件", "cases", "Capital market dispute cases concluded"),
    ("审结涉治安管理类行政案件", "cases",
     "Public security administration-related administrative cases concluded"),
    ("审结执行异议、执行复议等执行审查类案件", "cases", "Enforcement review cases concluded"),
    ("审结赡养、抚养、扶养纠纷案件", "cases",
     "Elderly support, child support and maintenance dispute cases concluded"),
])
def test_words_of_every_report_build_their_label(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    # 收缴 of what is not a fund or fine (weapons, gains) confiscates: not said as collected.
    ("收缴违法所得", "yuan"),
    # 解答 answers questions only where what it answers is advice asked for.
    ("解答群众疑问", "times"),
    # A third act listed (查封、扣押、冻结) would go unsaid: the label stays empty.
    ("查封、扣押、冻结不动产、车辆、股权等财产", "items"),
    # 涉 and 等 are the whole list's: neither the first example's nor the last's.
    ("审结涉房地产开发、商品房买卖等纠纷案件", "cases"),
])
def test_a_part_that_would_go_unsaid_or_wrong_leaves_the_label_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


def test_an_enforcement_settlement_is_no_settlement_enforced() -> None:
    assert english("执行和解", "cases") == "Enforcement settlements"


@pytest.mark.parametrize(("label", "unit", "period", "en"), [
    ("支持农民工起诉", "cases", None, "Lawsuits by migrant workers supported"),
    ("支持农民工起诉讨薪", "cases", "五年来",
     "Lawsuits by migrant workers to recover unpaid wages supported over five years"),
    ("支持农民工起诉追索劳动报酬", "cases", None,
     "Lawsuits by migrant workers to recover labour remuneration supported"),
    # The group named after the examples before 等, as crimes are.
    ("支持农民工、残疾人、老年人等特殊群体起诉", "cases", None, "Lawsuits by special groups supported"),
])
def test_suits_a_procuratorate_supported_name_who_sued(label: str, unit: str, period: str | None,
                                                       en: str) -> None:
    assert english(label, unit, period) == en


@pytest.mark.parametrize(("label", "unit"), [
    ("支持农民工起诉", "people"),  # those supported, whom the English would call suits
    ("支持某某起诉", "cases"),  # who sued is unknown
    ("支持农民工起诉离婚", "cases"),  # why they sued is unknown
])
def test_suits_supported_stay_empty_unless_counted_and_known(label: str, unit: str) -> None:
    assert english(label, unit) is None


@pytest.mark.parametrize(("label", "unit", "period", "en"), [
    ("全市检察官担任中小学法治副校长", "persons", "过去五年",
     "Prosecutors across the city serving as rule-of-law vice-principals of primary and secondary "
     "schools over the past five years"),
    ("全市现有人民陪审员", "persons", None, "People's assessors across the city"),
])
def test_an_areas_staff_are_those_across_it(label: str, unit: str, period: str | None, en: str) -> None:
    assert english(label, unit, period) == en


def test_staff_of_a_national_or_unclear_area_or_a_body_alone_are_not_said_across_it() -> None:
    # 全国审判业务专家 is a national title, not experts across the country; 全区 is a district's or
    # a region's, which the label does not say; 全地区法院 names whose work, not what is counted.
    assert english("全国审判业务专家", "persons") == "National trial experts"
    assert english("全区检察官", "persons") is None
    assert english("全地区法院", "persons") is None


@pytest.mark.parametrize(("label", "en"), [
    ("首次执行案件法定期限内结案率",
     "Rate of first enforcement cases closed within the statutory time limit"),
    ("首次执行案件法定审限内结案率",
     "Rate of first enforcement cases closed within the statutory time limit"),
    ("二审改判发回率", "Rate of second-instance cases revised or remanded"),
    ("行政案件协调撤诉率", "Rate of administrative cases withdrawn after coordination"),
    ("一审服判率", "First-instance judgment acceptance rate"),
    ("群众满意度", "Public satisfaction rate"),
])
def test_a_rate_of_cases_names_their_kind_first(label: str, en: str) -> None:
    assert english(label, "percent") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # How disputes were resolved, how leads were found, by video; the place a thing was done
    # says nothing of what is counted.
    ("通过诉前调解化解金融纠纷", "disputes", "Financial disputes resolved through pre-litigation mediation"),
    ("通过协调化解行政争议", "disputes", "Administrative disputes resolved through coordination"),
    ("通过大数据分析发现监督线索", "leads", "Leads for supervision identified through big data analysis"),
    ("通过远程视频为海外侨胞提供法律咨询", "person-times",
     "Legal consultations provided for overseas Chinese by video link"),
    ("在县内主要河流增殖放流鱼苗", "fish", "Fry released to restock waters"),
    ("在全区街道设立“法官工作站”", "count", "Judges' workstations set up"),
    # Only before the act: mediated in court, heard bilingually, a procedure named alone.
    ("当庭调解结案", "cases", "Cases concluded by mediation in court"),
    ("双语开庭审理案件", "cases", "Cases heard bilingually"),
    ("双语调解员", "persons", "Bilingual mediators"),
    ("速裁程序审结刑事案件", "cases", "Criminal cases concluded under the fast-track procedure"),
    # Problems put right, violations others were made to correct.
    ("督促整改安全隐患和执法问题", "issues", "Safety hazards and law enforcement problems rectified"),
    ("纠正侦查活动违法", "case-times", "Violations in investigations corrected"),
    ("监督纠正社区矫正违法问题", "issues", "Violations in community corrections corrected under supervision"),
    # Sentences of a length, charges, former officials by rank, those referred on.
    ("判处五年以上有期徒刑至死刑", "people",
     "People sentenced to penalties from five years' imprisonment up to death"),
    ("起诉帮助信息网络犯罪活动罪", "people",
     "People prosecuted for the crime of assisting criminal activities online"),
    ("起诉各类犯罪", "people", "People prosecuted for crimes of all kinds"),
    ("原科级以上干部", "people", "Former officials at section level or above"),
    ("移送追究刑事责任", "people", "People referred for criminal prosecution"),
    # Quoted names, averages, a sort of petition first made.
    ("开展“法治进校园”活动", "events", "Rule-of-law-in-schools activities conducted"),
    ("首次执行案件平均执行天数", "days", "Average enforcement time of first enforcement cases"),
    ("诉前委派调解成功纠纷", "disputes", "Disputes resolved through mediation referred before filing"),
])
def test_how_where_and_to_whom_it_was_done_is_said_or_left_out(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_charge_that_names_cases_is_no_crime_people_were_prosecuted_for() -> None:
    # 拒执罪 counts cases of the crime: those prosecuted are not said for cases.
    assert english("起诉拒执罪", "people") is None


@pytest.mark.parametrize(("label", "en"), [
    ("有财产可供执行案件法定期限内执结率",
     "Rate of cases with property available for enforcement enforced to conclusion within the "
     "statutory time limit"),
    ("一审判决案件被改判发回重审率", "Rate of first-instance judgment cases revised or remanded for retrial"),
    ("一审裁判被改判发回重审率", "Rate of first-instance judgments revised or remanded for retrial"),
    ("首次信访化解率", "First-time petition resolution rate"),
    ("三个月内办理过程或者结果答复率", "Rate of replies on progress or outcome within three months"),
    ("蒙汉双语审理案件占结案总数", "Cases tried in Mongolian and Chinese as a share of all cases concluded"),
])
def test_rates_of_kinds_of_cases_and_replies(label: str, en: str) -> None:
    assert english(label, "percent") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Cases a body issued, those selected as them, and those a body commended.
    ("入选最高人民检察院典型案例的案例", "cases",
     "Cases selected as typical cases issued by the Supreme People's Procuratorate"),
    ("入选最高人民检察院指导性案例和典型案例的案例", "cases",
     "Cases selected as guiding cases and typical cases issued by the Supreme People's Procuratorate"),
    ("受到最高人民检察院表彰的集体", "count", "Collectives commended by the Supreme People's Procuratorate"),
    ("判处十五年以上有期徒刑的罪犯", "persons", "Offenders sentenced to fifteen years' imprisonment or more"),
    ("发放救助金的因案致困的当事人", "persons", "Parties in hardship because of their cases paid aid funds"),
    # Reports to the standing committee on topics listed, and others of their kind.
    ("向市人大常委会专题报告公益诉讼检察、未成年人检察工作", "times",
     "Special reports on public interest litigation work and procuratorial work on minors made to the "
     "standing committee of the people's congress"),
    ("主动向区人大常委会报告金融审判、执行工作等专项工作", "times",
     "Reports on financial trial work, enforcement work and other special work made to the standing "
     "committee of the people's congress"),
    # What those invited came to do, each listed.
    ("邀请人大代表、政协委员见证执行、参与执行听证", "person-times",
     "Deputies to people's congresses and CPPCC members invited to witness enforcement and take part "
     "in enforcement hearings"),
    # Training of a kind, debts a court's cases involved, times to pay out.
    ("举办执行业务培训", "sessions", "Enforcement training sessions held"),
    ("审结破产案件涉及债务", "yuan", "Debts involved in bankruptcy cases concluded"),
    ("执行案款平均发放用时", "days", "Average time to pay out enforcement payments"),
    ("为不通晓汉语的当事人提供翻译服务", "person-times",
     "Translation services provided for parties who do not speak Chinese"),
])
def test_bodies_that_issued_or_commended_and_reports_made_to_them(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    ("受到某某单位表彰的集体", "count"),  # a body the vocabulary does not know
    ("入选最高人民检察院某某库的案例", "cases"),  # what it was selected for is unknown
    ("向市人大常委会报告某某工作等专项工作", "times"),  # a topic unknown
])
def test_an_unknown_body_or_topic_leaves_the_label_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # 发放 pays money, issues certificates, distributes materials.
    ("发放司法救助金", "yuan", "Judicial aid funds paid"),
    ("发放信用修复证明书", "copies", "Credit repair certificates issued"),
    ("发放普法宣传资料", "copies", "Public legal education materials distributed"),
    # Cases named by a charge are cases of it, as crimes are.
    ("审结非法采矿案件", "cases", "Cases of illegal mining concluded"),
    ("审结侵犯公民个人信息案件", "cases", "Cases of infringing citizens' personal information concluded"),
    # Crimes by the Criminal Law's chapters, and violations in others' work corrected.
    ("起诉渎职侵权犯罪", "people",
     "People prosecuted for crimes of dereliction of duty and infringement of rights"),
    ("起诉妨害社会管理秩序犯罪", "people",
     "People prosecuted for crimes obstructing the administration of public order"),
    ("纠正刑罚执行违法", "cases", "Violations in penalty enforcement corrected"),
    ("监督纠正减刑假释不当", "people",
     "People whose improper commutation or parole was corrected under supervision"),
    ("对未成年人附条件不起诉", "people", "Minors given conditional non-prosecution"),
    ("挽回国有财产损失", "yuan", "Losses of state assets recovered"),
    ("新任命法官", "persons", "Judges newly appointed"),
])
def test_acts_worded_by_their_object_and_crimes_by_their_chapter(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # The act after what it was done to.
    ("首次执行案件执结", "cases", "First enforcement cases enforced to conclusion"),
    ("涉企执行案件执结", "cases", "Business-related enforcement cases enforced to conclusion"),
    # An area alone before the act: where it was done, by whom not said.
    ("全市建成人民法庭", "tribunals", "People's tribunals set up across the city"),
    # Up to the end of a named year, summed.
    ("截至2025年底累计调解涉外商事纠纷", "disputes",
     "Foreign-related commercial disputes mediated in total as of the end of 2025"),
])
def test_an_act_after_its_object_an_area_alone_and_a_span_up_to_a_years_end(label: str, unit: str,
                                                                              en: str) -> None:
    assert english(label, unit) == en


def test_an_area_alone_is_no_subject_of_what_the_label_counts() -> None:
    # 全国 and 全区 say too much or too little; an area before no act is what is counted's.
    assert english("全国建成人民法庭", "tribunals") is None
    assert english("全区建成人民法庭", "tribunals") is None
    # People counted are not read as a thing the act after them was done to.
    assert english("罪犯执结", "people") is None


@pytest.fixture(scope="module")
def style(real_content: Content) -> EnglishStyle:
    return EnglishStyle(real_content.glossary, None)


@pytest.mark.parametrize(("institution", "en"), [
    # A district's 全区 is the district; an autonomous region's (and an unknown report's) a region.
    ("北京市海淀区人民法院", "Cases concluded by courts across the district"),
    ("某某区人民检察院", "Cases concluded by courts across the district"),
    ("新疆维吾尔自治区高级人民法院", "Cases concluded by courts across the region"),
    ("", "Cases concluded by courts across the region"),
])
def test_a_districts_whole_area_is_the_district(style: EnglishStyle, institution: str, en: str) -> None:
    assert label_english("全区法院审结案件", "cases", None, {}, style, institution) == en


@pytest.mark.parametrize(("label", "unit", "institution", "en"), [
    # 本院, 我院, 院领导 are the report's own: a procuratorate's in a procuratorate's report.
    ("我院办理案件", "cases", "某某区人民检察院", "Cases handled by the procuratorate"),
    ("院领导接待来访群众", "person-times", "某某市人民检察院分院",
     "Visitors received by procuratorate leaders"),
    ("本院审结案件", "cases", "某某区人民法院", "Cases concluded by the court"),
    # Its staff are its own, not done by it.
    ("全院干警", "persons", "某某县人民检察院", "Staff of the procuratorate"),
    ("全市法院员额法官", "persons", "某某市中级人民法院", "Quota judges of courts across the city"),
    # What it did is done by it.
    ("全市法院庭审直播", "events", "某某市中级人民法院",
     "Live-streamed court hearings by courts across the city"),
])
def test_the_reports_own_institution_and_staff(label: str, unit: str, institution: str, en: str) -> None:
    built = english_label(label, unit, None, "", institution)
    assert built is not None and built.label == en


@pytest.mark.parametrize(("label", "unit", "institution", "en"), [
    # 院 alone, of the report's own kind; the heads of many are many.
    ("两级院办理案件", "cases", "某某市人民检察院", "Cases handled by procuratorates at both levels"),
    ("基层院审结案件", "cases", "某某市中级人民法院", "Cases concluded by basic-level courts"),
    ("市、县两级检察院检察长接待来访群众", "batch-times", "某某市人民检察院",
     "Visitors received by chief procurators of procuratorates at city and county levels"),
    ("县检察院检察长接待来访群众", "batch-times", "某某县人民检察院",
     "Visitors received by the chief procurator of the county procuratorate"),
])
def test_courts_or_procuratorates_named_by_levels_and_their_heads(label: str, unit: str, institution: str,
                                                                    en: str) -> None:
    built = english_label(label, unit, None, "", institution)
    assert built is not None and built.label == en


@pytest.mark.parametrize(("label", "period", "en"), [
    # So many years up to now, however written, the number said as a word.
    ("近三年审结案件", None, "Cases concluded over the past three years"),
    ("审结案件", "三年来", "Cases concluded over three years"),
    ("审结案件", "五年间", "Cases concluded over five years"),
    ("十年来受理案件", None, "Cases accepted over ten years"),
    # The Five-Year Plan periods, each its own.
    ("审结案件", "“十三五”时期", "Cases concluded during the 13th Five-Year Plan period"),
    ("审结案件", "“十三五”以来", "Cases concluded since the 13th Five-Year Plan period began"),
    # The report's own year named (一年来, 今年): the figure is the year's, said without a span.
    ("一年来审结案件", None, "Cases concluded"),
])
def test_spans_of_years_however_written(label: str, period: str | None, en: str) -> None:
    assert english(label, "cases", period) == en


def test_a_span_of_years_opening_a_share_is_the_whole_shares() -> None:
    assert english("结收比", "percent", "近三年") == "Closure-to-intake ratio over the past three years"


@pytest.mark.parametrize("period", ["历年", "近几年", "2021年至2025年"])
def test_a_span_without_a_number_or_of_named_years_is_not_guessed(period: str) -> None:
    assert english("审结案件", "cases", period) is None


@pytest.mark.parametrize(("label", "en"), [
    ("一审判决改判发回重审率", "Rate of first-instance judgments revised or remanded for retrial"),
    ("终本率", "Rate of cases closed by termination of the current enforcement procedure"),
    ("裁判文书上网率", "Rate of judgments published online"),
    ("人民陪审员参审率", "Rate of cases heard with people's assessors"),
    ("诉前检察建议整改率", "Rectification rate of pre-litigation procuratorial suggestions"),
    ("捕后不诉率", "Rate of non-prosecution after arrest"),
    ("诉讼服务满意率", "Litigation service satisfaction rate"),
])
def test_rates_courts_and_procuratorates_state(label: str, en: str) -> None:
    assert english(label, "percent") == en


@pytest.mark.parametrize(("label", "en"), [
    ("执行案件", "Enforcement cases"),
    ("其中执行案件", "Enforcement cases"),
    ("审结执行案件", "Enforcement cases concluded"),
])
def test_enforcement_cases_are_no_cases_enforced(label: str, en: str) -> None:
    assert english(label, "cases") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Non-prosecution by its ground; suspects added after being missed.
    ("存疑不起诉", "people", "People not prosecuted for insufficient evidence"),
    ("相对不起诉", "people", "People not prosecuted at discretion"),
    ("纠正漏捕漏诉", "people", "People added to arrests or prosecutions after being missed"),
    ("提出确定刑量刑建议", "people", "People for whom fixed-term sentencing recommendations were made"),
    # Charges named as acts, in short forms too.
    ("起诉聚众斗殴犯罪", "people", "People prosecuted for crimes of assembling a crowd to fight"),
    ("起诉危害珍贵濒危野生动物犯罪", "people",
     "People prosecuted for crimes of endangering precious and endangered wildlife"),
    ("起诉帮信犯罪", "people", "People prosecuted for crimes of assisting criminal activities online"),
    # Judicial officers investigated; fields of public interest litigation the laws added.
    ("立案侦查司法工作人员", "people", "Judicial officers placed on file for investigation"),
    ("立案办理英烈权益保护领域公益诉讼案件", "cases",
     "Heroes' and martyrs' rights protection public interest litigation cases docketed and handled"),
])
def test_procuratorial_acts_charges_and_fields(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_who_acted_is_never_read_as_what_the_act_was_done_to() -> None:
    # 法院改判: the courts revised judgments; the courts were not revised.
    assert english("法院改判", "cases") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("起诉涉黑恶犯罪", "people", "People prosecuted for organised crimes"),
    ("审结涉黑恶犯罪案件", "cases", "Cases of organised crime concluded"),
])
def test_a_word_the_kind_and_its_head_share_is_said_once(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "en"), [
    # 涉 before a list of what cases concern governs all of it.
    ("审结涉民族团结、宗教领域案件", "Ethnic unity and religion-related cases concluded"),
    # 涉 of one thing before a list of kinds governs the thing only.
    ("办理涉侨刑事、民事、行政案件",
     "Overseas Chinese-related criminal, civil and administrative cases handled"),
    ("审结涉未成年人网络充值、打赏纠纷案件",
     "Juvenile-related online top-up and tipping dispute cases concluded"),
    # Courts of a level within an area; languages of ethnic areas; crimes of border administration.
    ("全州基层法院审结案件", "Cases concluded by basic-level courts across the prefecture"),
    ("使用民族语言审理案件", "Cases tried in ethnic minority languages"),
    ("审结妨害国（边）境管理犯罪案件", "Cases of obstructing national border administration concluded"),
    ("审结彩礼纠纷", "Bride price disputes concluded"),
])
def test_what_cases_concern_and_courts_of_ethnic_and_border_areas(label: str, en: str) -> None:
    assert english(label, "cases") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("制定工作制度", "items", "Working rules drawn up"),
    ("出台服务保障措施", "items", "Support measures issued"),
    ("召开联席会议", "times", "Joint meetings held"),
    ("开展专项行动", "times", "Special campaigns conducted"),
    ("具有研究生以上学历", "persons", "People with postgraduate education or above"),
])
def test_rules_meetings_campaigns_and_staff_by_education(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_violations_of_an_unnamed_kind_of_work_stay_empty() -> None:
    # 行政违法: the kind is an adjective, not work violations can be "in".
    assert english("督促纠正行政违法", "cases") is None


@pytest.mark.parametrize(("label", "unit", "unit_en", "sentence"), [
    # Done by others (the police, those urged, the standing committee): said done, not by whom.
    ("推动撤案", "cases", ("case", "cases"), "30 cases withdrawn."),
    ("督促整改安全隐患", "issues", ("issue", "issues"), "30 safety hazards rectified."),
    ("新任命法官", "persons", ("person", "persons"), "30 judges newly appointed."),
    # Done by the report's own institution: said as its act.
    ("签发人身安全保护令", "orders", ("order", "orders"), "Issued 30 personal safety protection orders."),
])
def test_a_digest_says_who_acted_only_where_the_report_did(label: str, unit: str, unit_en: tuple[str, str],
                                                           sentence: str) -> None:
    built = english_label(label, unit)
    assert built is not None
    assert digest_sentence(built, Decimal(30), unit_en, unit, None) == sentence


@pytest.mark.parametrize(("label", "unit", "en"), [
    # What was selected is counted, as what it was selected (never "Typical cases selected as").
    ("入选典型案例", "cases", "Cases selected as typical cases"),
    ("入选全国审判业务专家", "persons", "People selected as national trial experts"),
    # A court imposes fines; it sentences people.
    ("判处罚金", "yuan", "Fines imposed"),
    ("判处死刑", "people", "People sentenced to death"),
    ("不捕", "people", "People not approved for arrest"),
    ("处分干警", "people", "Staff disciplined"),
])
def test_what_was_selected_and_what_was_imposed(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_selection_counted_in_a_unit_that_names_nothing_stays_empty() -> None:
    assert english("入选典型案例", "copies") is None


@pytest.mark.parametrize(("label", "en"), [
    # What cases concern, as reports on the economy, the countryside and rights count them.
    ("审结涉营商环境案件", "Business environment-related cases concluded"),
    ("审结涉乡村振兴案件", "Rural revitalisation-related cases concluded"),
    ("审结涉一带一路案件", "Belt and Road-related cases concluded"),
    ("审结涉老年人权益案件", "Older people's rights-related cases concluded"),
    # 涉 before an adjective's kind is said by the noun; two 涉 share one "related".
    ("审结涉生态环境案件", "Environment-related cases concluded"),
    ("起诉涉海涉农犯罪案件", "Cases of sea- and agriculture-related crime prosecuted"),
    # Infringement, not tort, in intellectual property.
    ("审结专利侵权纠纷", "Patent infringement disputes concluded"),
    ("审结侵害商业秘密纠纷", "Trade secret infringement disputes concluded"),
])
def test_what_cases_concern_as_reports_on_the_economy_and_rights_say_it(label: str, en: str) -> None:
    assert english(label, "cases") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("在中央媒体刊发稿件", "articles", "Articles published in central media"),
    ("开展谈心谈话", "person-times", "Heart-to-heart talks conducted"),
    ("获得集体荣誉", "items", "Collective honours received"),
    ("开展专项巡察", "times", "Special Party inspections conducted"),
    ("荣立集体一等功", "count", "First-class collective merit citations awarded"),
])
def test_publicity_inspection_study_and_honours_of_a_reports_ranks(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_people_counted_by_a_citation_they_were_given_stay_empty() -> None:
    # 荣立个人二等功…人: the people, whom the citation's English would not name.
    assert english("荣立个人二等功", "persons") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # 执行 before cases names their kind: never cases enforced.
    ("执行信访案件", "cases", "Enforcement petitioning cases"),
    ("恢复执行案件", "cases", "Resumed enforcement cases"),
    ("执行异议", "cases", "Enforcement objections"),
    # Rights won in court are realised; money is paid out.
    ("为中小微企业兑现胜诉权益", "yuan",
     "Rights and interests won in court realised for micro, small and medium-sized enterprises"),
    ("为农民工兑现工资", "yuan", "Wages paid out for migrant workers"),
    ("扣押车辆", "vehicles", "Vehicles seized"),
    ("追究拒执罪刑事责任", "people",
     "People held criminally liable for refusing to enforce judgments or rulings"),
])
def test_enforcement_as_every_courts_chapter_on_it_counts_it(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en
