"""What procuratorates' and courts' reports count of protests, leads, non-prosecution, community
corrections and compliance, and the courts' answers to them (法院已改判, 法院采纳): each built from
the vocabulary as the Chinese says it, or left empty where the label does not say what is counted."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label

# A procuratorate's report: its bare 法院 are the courts that answered its protests.
PROCURATORATE = "某某市人民检察院"


def english(label: str, unit: str, institution: str = PROCURATORATE) -> str | None:
    """The English the vocabulary builds for a label of a report of ``institution`` (with the
    drafter's people suffix), or None."""
    built = english_label(label, unit, None, "涉案人数", institution)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Protests against judgments, and referrals up for protest.
    ("对刑事裁判提出抗诉", "cases", "Criminal judgments protested"),
    ("对刑事判决、裁定提出抗诉", "cases", "Criminal judgments and rulings protested"),
    ("对生效民事裁判提请抗诉", "cases",
     "Effective civil judgments referred to the higher procuratorate for protest"),
    # What the courts did with them: revised, remanded, suggestions adopted.
    ("法院已改判", "cases", "Cases revised on appeal or retrial by courts"),
    ("法院已改判、发回重审", "cases", "Cases revised on appeal or retrial or remanded for retrial by courts"),
    ("法院采纳", "suggestions", "Suggestions adopted by courts"),
    ("二审改判、发回重审案件", "cases", "Cases revised on appeal or remanded for retrial"),
    ("裁定再审", "cases", "Cases ordered to be retried"),
    # Leads for supervision and those that became cases.
    ("已成案", "cases", "Leads that became cases"),
    ("监督成案", "cases", "Leads for supervision that became cases"),
    ("筛查发现监督线索", "entries", "Leads for supervision identified through screening"),
    ("过去五年成案率", "percent", "Rate of leads that became cases over the past five years"),
    # Non-prosecution, discretionary and conditional; suspects added to arrests.
    ("作出相对不起诉决定", "people", "People not prosecuted at discretion"),
    ("作出附条件不起诉", "people", "People given conditional non-prosecution"),
    ("五年来追加逮捕", "people", "People additionally arrested over five years"),
    # Community corrections: those out of supervision or never under it, corrected.
    ("监督纠正社区矫正对象脱管漏管", "people",
     "People under community corrections whose escape or omission from supervision was corrected "
     "under supervision"),
    ("纠正社区矫正对象脱管漏管", "people",
     "People under community corrections whose escape or omission from supervision was corrected"),
    # Roving inspections, crimes by the organs that referred them, organised crime.
    ("开展监狱、看守所巡回检察", "times", "Roving inspections of prisons and detention houses conducted"),
    ("受理县监察委员会移送审查起诉的职务犯罪案件", "cases",
     "Job-related crime cases referred by the county supervisory commission for prosecution accepted"),
    ("起诉涉黑组织犯罪案件", "cases", "Cases of mafia-style organised crime prosecuted"),
    ("受理审查逮捕涉铁犯罪案件", "cases", "Cases of railway-related crime received for review for arrest"),
    ("移送涉嫌拒不执行判决、裁定犯罪线索", "leads",
     "Leads on the suspected crime of refusing to enforce judgments or rulings transferred"),
    # Compliance, jobs, meetings and study of the Party leadership group.
    ("开展合规整改的涉案企业", "organisations",
     "Businesses involved in cases that conducted compliance rectification"),
    ("稳住就业岗位", "posts", "Jobs kept"),
    ("召开府院联席会议", "times", "Joint meetings of the court and the government held"),
    ("院党组理论学习中心组集中学习", "times", "Party leadership group theory study sessions"),
    ("记录报告过问案件情况", "cases", "Instances of enquiry into cases recorded and reported"),
])
def test_supervision_and_its_outcomes(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Intellectual property and competition cases by kind.
    ("审结计算机软件纠纷案件", "cases", "Computer software dispute cases concluded"),
    ("审结植物新品种权纠纷案件", "cases", "Plant variety right dispute cases concluded"),
    ("审结侵害技术秘密纠纷案件", "cases", "Technical secret infringement dispute cases concluded"),
    ("审结垄断协议纠纷", "cases", "Monopoly agreement disputes concluded"),
    ("技术调查官参与案件", "cases", "Cases technical investigators took part in"),
    ("审查行为保全申请", "cases", "Applications for conduct preservation reviewed"),
    # How cases were closed, filed across regions for parties from elsewhere.
    ("调解、撤诉结案", "cases", "Cases concluded by mediation or withdrawal"),
    ("终结本次执行程序结案", "cases", "Cases closed by termination of the current enforcement procedure"),
    ("为外地当事人办理跨域立案", "cases",
     "Cross-regional case filings handled for parties from other places"),
    ("缓刑适用率", "percent", "Suspended sentence application rate"),
    ("发放蒙汉双语宣传材料", "copies", "Publicity materials in Mongolian and Chinese distributed"),
])
def test_court_words(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # What a 就- or 针对-phrase names: those the act was done to, or what the act's object is on.
    ("就疑难复杂信访案件公开听证", "cases", "Difficult and complex petition cases given public hearings"),
    ("针对行政违法行为提出检察建议", "suggestions",
     "Procuratorial suggestions lodged on unlawful administrative acts"),
    ("对疑难复杂案件开展公开听证", "events", "Public hearings conducted on difficult and complex cases"),
    # Models, land restored, businesses given a new start, reports on the divisions' work.
    ("研发应用大数据法律监督模型", "items", "Big data legal supervision models developed and applied"),
    ("通过模型发现监督线索", "leads", "Leads for supervision identified using models"),
    ("督促补植复绿", "mu", "Land replanted"),
    ("复垦被非法占用的耕地", "mu", "Illegally occupied cultivated land reclaimed"),
    ("通过重整、和解重获新生的企业", "organisations",
     "Businesses given a new start through reorganisation or settlement"),
    ("向市人大常委会专题报告民商事审判、执行等工作", "times",
     "Special reports on civil and commercial trial work, enforcement work and other work made to the "
     "standing committee of the people's congress"),
    ("全省共有人民陪审员", "persons", "People's assessors across the province"),
    ("小额诉讼程序审结案件", "cases", "Cases concluded under the small-claims procedure"),
    ("用国家通用语言文字和少数民族语言审理案件", "cases",
     "Cases tried in the national common language and ethnic minority languages"),
    ("全市法院院庭长办案数占结案总数的比例", "percent",
     "Cases handled by court presidents and division heads of courts across the city as a share of all "
     "cases concluded"),
])
def test_phrases_naming_what_it_was_done_to_and_how(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Railway transport procuratorates' and courts' crimes.
    ("起诉危害铁路运营安全犯罪", "people",
     "People prosecuted for crimes endangering the safety of railway operations"),
    ("起诉盗窃铁路物资犯罪涉案金额", "yuan",
     "Sums involved in crimes of stealing railway materials prosecuted"),
    # Pastoral and border areas, IP courts' causes of action and damages, mediation referred out.
    ("开展草原生态巡查", "times", "Grassland ecological patrols conducted"),
    ("制作蒙古文裁判文书", "copies", "Judgments in Mongolian produced"),
    ("联合开展边境地区反走私专项行动", "times",
     "Special anti-smuggling campaigns in border areas conducted jointly"),
    ("知识产权民事案件判赔总额", "yuan", "Total damages awarded in intellectual property civil cases"),
    ("委派、委托调解成功案件", "cases", "Cases successfully mediated after referral or entrustment"),
    ("通过新闻媒体通报典型案例", "cases", "Typical cases announced through the news media"),
    ("纠正监外执行不当", "people",
     "People whose improper execution of sentence outside prison was corrected"),
])
def test_words_of_specialised_and_border_institutions(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("修复被毁耕地、林地", "mu", "Damaged cultivated land and forest land restored"),
    ("公安机关提请复议复核案件", "cases",
     "Cases submitted for reconsideration or review by public security organs"),
    ("审结劳动争议案件涉及劳动者", "people", "Workers involved in labour dispute cases concluded"),
    ("巡回审理赡养纠纷", "disputes", "Elderly support disputes tried on circuit"),
    ("具有博士学位的法官", "persons", "Judges holding doctoral degrees"),
    ("具有硕士以上学历的干警占比", "percent", "Share of staff with master's-level education or above"),
])
def test_land_reviews_workers_and_degrees(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("为经济困难当事人缓减免交诉讼费", "yuan",
     "Litigation fees deferred, reduced or waived for parties in financial difficulty"),
    ("适用小额诉讼程序和简易程序审结案件平均审理天数", "days",
     "Average trial time of cases concluded under the small-claims and simplified procedures"),
    ("落实强制报告制度发现侵害未成年人犯罪线索", "leads",
     "Leads on crimes against minors identified through mandatory reporting"),
    ("市中院赔偿委员会审结国家赔偿案件", "cases",
     "State compensation cases concluded by the compensation committee of the intermediate court"),
    ("适用缓刑", "people", "People given suspended sentences"),
    # 涉农涉牧: both said once, before what they qualify.
    ("审结涉农涉牧民商事案件", "cases",
     "Agriculture- and herding-related civil and commercial cases concluded"),
])
def test_fees_procedures_reporting_and_compensation(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Specialised courts a higher court reports for, and what they conclude.
    ("金融法院审结案件标的额", "yuan", "Amounts in dispute in cases concluded by the financial court"),
    ("海事法院审结海事海商案件", "cases",
     "Maritime and maritime commercial cases concluded by the maritime court"),
    # Both reorganisation and settlement: the longer setting is read first.
    ("通过破产重整、和解盘活资产", "yuan",
     "Assets put back to use through bankruptcy reorganisation or settlement"),
    ("支持农民工起诉讨要欠薪", "cases", "Lawsuits by migrant workers to recover unpaid wages supported"),
    ("对看守所监管活动违法提出纠正意见", "case-times",
     "Correction notices lodged on violations in custody at detention houses"),
])
def test_specialised_courts_insolvency_and_custody(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # A pool is one those counted are admitted to, not selected as.
    ("入选省级检察业务人才库的检察官", "persons",
     "Prosecutors admitted to the provincial pool of procuratorial talent"),
    ("获评全市“优秀检察官”的干警", "persons", "Staff named as outstanding prosecutors of the city"),
    ("入选全省法院优秀案例的案例", "articles",
     "Cases selected as outstanding cases of the province's courts"),
    ("选派担任全县中小学法治副校长的检察官", "persons",
     "Prosecutors sent to serve as rule-of-law vice-principals of primary and secondary schools in "
     "the county"),
])
def test_titles_pools_and_roles_of_staff(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("检察长带队走访企业", "organisations", "Businesses visited by teams led by the chief procurator"),
    ("监督收监执行", "people", "People committed to prison through procuratorial supervision"),
    ("通过人民法院调解平台在线调解", "cases",
     "Cases mediated online on the people's courts' mediation platform"),
    ("通过公益诉讼督促清理固体废物", "tonnes", "Solid waste cleared through public interest litigation"),
    ("通过网络查控系统查询被执行人财产", "case-times",
     "Judgment debtors' property searched through the online enforcement search and control system"),
    # Special work reported counted in items (项) as it is in times.
    ("向市人大常委会报告公益诉讼检察工作、未成年人检察工作等专项工作", "items",
     "Reports on public interest litigation work, procuratorial work on minors and other special work "
     "made to the standing committee of the people's congress"),
])
def test_visits_custody_platforms_and_reports(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Those counted signed with the court or procuratorate: each party signs.
    ("签订合作协议的仲裁机构、商事调解组织", "organisations",
     "Arbitration institutions and commercial mediation organisations that signed cooperation "
     "agreements"),
    ("会签知识产权协同保护机制的单位", "organisations",
     "Organisations that jointly signed coordinated intellectual property protection mechanisms"),
    ("检察官参训", "person-times", "Training attendances by prosecutors"),
    ("追缴返还被害人资金", "yuan", "Victims' funds recovered and returned"),
    ("建立执行联动机制的单位", "organisations",
     "Organisations that set up enforcement coordination mechanisms"),
])
def test_signatories_training_and_returns(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_for_migrant_workers_from_farming_areas_is_not_for_farmers() -> None:
    # 为农牧民工: the workers, not 为农牧民 (for farmers and herders) with a stray 工.
    assert english("为农牧民工追回劳动报酬", "yuan") == \
        "Labour remuneration recovered for migrant workers from farming and pastoral areas"


@pytest.mark.parametrize(("label", "unit"), [
    # Adopted is said of suggestions and protests: cases adopted would be a guess at what was.
    ("法院已采纳", "cases"),
    # The earlier figure's kind (此类) is not in the label: nothing to build.
    ("审结此类案件", "cases"),
])
def test_labels_that_do_not_say_what_is_counted_stay_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


def test_bare_courts_are_those_answering_a_procuratorate_only() -> None:
    # In a court's report a bare 法院 does not say whose courts.
    assert english("法院已改判", "cases", "某某市中级人民法院") is None
    # 法院 opens 法院已改判 as who did it, but 法院判决支持率 is a rate whole.
    assert english("法院判决支持率", "percent") == "Rate of claims upheld by court judgments"
