"""Words every court's and procuratorate's report uses, and the rules that read a label's count
after what it counts (…案件数, …起诉人数, …平均审理天数), a field alone (…领域), damaged land, a span
opening a label and a subject within a subject: each built as the Chinese says, or left empty."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label


def english(label: str, unit: str, period: str | None = None) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit, period)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Publishing judgments, on China Judgments Online or not.
    ("公开裁判文书", "articles", "Judgments published"),
    ("在中国裁判文书网公开裁判文书", "articles", "Judgments published on China Judgments Online"),
    ("刊发普法稿件", "articles", "Public legal education articles published"),
    ("发布跨境金融典型案例", "cases", "Typical cross-border financial cases published"),
    ("发布典型案例", "cases", "Typical cases published"),
    ("发布金融审判白皮书", "copies", "White papers on financial trials published"),
    # Hearings, the adjudication committee, leads and referrals.
    ("举行公开听证会", "events", "Public hearings held"),
    ("审判委员会讨论决定案件", "cases", "Cases discussed and decided by the adjudication committee"),
    ("审判委员会讨论重大疑难复杂案件", "cases",
     "Major, difficult and complex cases discussed by the adjudication committee"),
    ("发现问题线索", "entries", "Leads identified"),
    ("运用大数据法律监督模型发现监督线索", "entries",
     "Leads for supervision identified using big data legal supervision models"),
    ("向公安机关移送犯罪线索", "entries", "Leads on crimes transferred to public security organs"),
    ("移送纪检监察机关", "cases", "Cases referred to discipline inspection and supervision organs"),
    ("移送司法机关", "people", "People referred to judicial organs"),
    ("记录报告有关事项", "entries", "Matters recorded and reported"),
    ("收集意见建议", "entries", "Opinions and suggestions collected"),
    ("向党委政府及有关部门发送司法建议", "copies",
     "Judicial suggestions sent to Party committees, governments and the authorities concerned"),
    ("12368诉讼服务热线接听群众来电", "times",
     "Calls from the public answered on the 12368 litigation service hotline"),
    # Fees, restoration, insolvency.
    ("减免诉讼费用", "yuan", "Litigation fees reduced or waived"),
    ("缴纳生态修复费用", "yuan", "Ecological restoration costs paid"),
    ("判令恢复草原植被", "mu", "Grassland vegetation ordered to be restored"),
    ("通过重整、和解挽救困境企业", "organisations",
     "Businesses in difficulty rescued through reorganisation or settlement"),
    ("保住就业岗位", "count", "Jobs saved"),
    # Procuratorates' protests and suggestions on what they found wrong.
    ("对确有错误的刑事判决、裁定提出抗诉", "cases", "Erroneous criminal judgments and rulings protested"),
    ("对民事审判和执行活动中的违法情形提出检察建议", "suggestions",
     "Procuratorial suggestions lodged on unlawful conduct in civil trials and enforcement"),
    ("对行贿犯罪判处罪犯", "people", "Offenders sentenced for bribe-giving crimes"),
    # Crimes named by what they harm, after the charges before 等.
    ("起诉合同诈骗、非法吸收公众存款等破坏市场经济秩序犯罪", "people",
     "People prosecuted for crimes undermining the order of the market economy"),
    ("起诉走私、贩卖、运输、制造毒品犯罪", "people",
     "People prosecuted for crimes of smuggling, trafficking in, transporting and manufacturing drugs"),
    ("判处缓刑、免予刑事处罚", "people",
     "People given suspended sentences or exempted from criminal punishment"),
    ("以拒不执行判决、裁定罪判处罪犯", "people",
     "Offenders convicted of refusing to enforce judgments or rulings"),
    # Causes of action of financial and pastoral courts.
    ("审结保理合同纠纷案件", "cases", "Factoring contract dispute cases concluded"),
    ("审结供应链金融纠纷案件", "cases", "Supply chain finance dispute cases concluded"),
    ("审结草原承包经营权纠纷", "disputes", "Grassland contractual management right disputes concluded"),
    ("审结技术类知识产权案件", "cases", "Technical intellectual property cases concluded"),
    ("适用代表人诉讼程序审理证券虚假陈述责任纠纷案件", "cases",
     "Securities misrepresentation liability dispute cases tried through representative actions"),
    # Rates every report gives.
    ("结收案比", "percent", "Closure-to-intake ratio"),
    ("不起诉率", "percent", "Non-prosecution rate"),
    ("重刑率", "percent", "Rate of heavy sentences"),
    ("在线开庭占开庭总数", "percent", "Online court hearings as a share of all court hearings"),
])
def test_words_every_report_uses(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "period", "en"), [
    # A count named after what is counted: the cases, those an act counts, an average time.
    ("严重暴力犯罪案件数", "cases", None, "Cases of serious violent crime"),
    ("2021年严重暴力犯罪案件数", "cases", "2021年", "Cases of serious violent crime in 2021"),
    ("全市法院收案数", "cases", None, "Cases received by courts across the city"),
    ("一线法官人均结案数", "cases", None, "Cases concluded per frontline judge"),
    ("2018年严重暴力犯罪起诉人数", "people", "2018年",
     "People prosecuted for serious violent crimes in 2018"),
    ("不起诉人数", "people", None, "People not prosecuted"),
    ("受理审查起诉人数", "people", None, "People received for review for prosecution"),
    ("商事案件平均审理天数", "days", None, "Average trial time of commercial cases"),
    ("2021年商事案件平均审理天数", "days", "2021年", "Average trial time of commercial cases in 2021"),
    ("审查起诉案件平均办理天数", "days", None, "Average handling time of prosecution review cases"),
    # A field named alone counts its cases.
    ("生态环境和资源保护领域", "cases", None, "Cases in the field of environmental and resource protection"),
    ("五年来食品药品安全领域占比", "percent", "五年来",
     "Share of cases in the field of food and drug safety over five years"),
    # Damaged land: the whole list was damaged.
    ("累计督促修复被损毁耕地、林地", "mu", "累计",
     "Damaged cultivated land and forest land restored in total"),
    ("修复受损林地、湿地", "mu", None, "Damaged forest land and wetland restored"),
    # 累计 opening a label drafted without a period says nothing of the span: no "in total".
    ("累计督促修复被损毁耕地、林地", "mu", None, "Damaged cultivated land and forest land restored"),
    # A span opening a label drafted without a period is the label's own.
    ("五年来审结各类知识产权案件", "cases", None,
     "Intellectual property cases of all kinds concluded over five years"),
    ("过去五年市法院受理各类案件", "cases", "过去五年",
     "Cases of all kinds accepted by the city court over the past five years"),
    # Those of the courts named first.
    ("全市法院院庭长办结案件", "cases", None,
     "Cases concluded by court presidents and division heads of courts across the city"),
    # Those a talk reached, whatever reached them, never the talk conducted.
    ("开展法治宣讲覆盖师生", "person-times", None, "Teachers and students reached"),
    ("开展双语宣讲受众", "person-times", None, "People reached"),
])
def test_a_count_named_after_what_it_counts(label: str, unit: str, period: str | None, en: str) -> None:
    assert english(label, unit, period) == en


@pytest.mark.parametrize(("label", "unit"), [
    # 公开 before a hearing says how it was held: never "Court hearings published".
    ("公开庭审", "times"),
    ("公开庭审直播", "times"),
    # A count after what it counts, with a part unknown, or an average of the court itself.
    ("某某犯罪案件数", "cases"),
    ("某某起诉人数", "people"),
    ("全市法院民事案件平均审理天数", "days"),
    ("某某案件平均审理天数", "days"),
    # A field the vocabulary does not know, or a field counted in money.
    ("某某领域", "cases"),
    ("生态环境和资源保护领域", "yuan"),
    # Damage to what is unknown.
    ("修复受损某某", "mu"),
    # A named campaign and a local place stay the report's own.
    ("开展“法官进园区”活动", "events"),
    ("走访旗内民营企业、牧民专业合作社", "organisations"),
    # An adjudication committee's meetings are counted, not done by it.
    ("审判委员会", "count"),
])
def test_what_the_words_cannot_say_stays_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Reports to the standing committee of the people's congress, whatever its level.
    ("向自治县人大常委会专题报告审判执行工作", "times",
     "Special reports on trial and enforcement work made to the standing committee of the people's congress"),
    ("向市人大常委会报告专项工作", "times",
     "Special work reports made to the standing committee of the people's congress"),
    ("市中院主动向市人大常委会报告专项工作", "times",
     "Special work reports made to the standing committee of the people's congress by the "
     "intermediate court"),
    # 将 names those the act was done to; 依法 before the act says nothing of them.
    ("将被执行人纳入失信被执行人名单", "person-times",
     "Judgment debtors put on the list of dishonest judgment debtors"),
    ("对涉案民营企业经营者依法不起诉", "people",
     "Private business operators involved in cases not prosecuted"),
    # 主动 says how it was done, not what is counted.
    ("主动记录报告过问干预情况", "items", "Instances of enquiry or interference recorded and reported"),
    # Who was invited, listed with 等, and what they came to do.
    ("邀请人大代表、政协委员、人民监督员等担任听证员", "person-times",
     "Deputies to people's congresses, CPPCC members, people's supervisors and others invited to "
     "serve as hearing officers"),
    ("邀请人大代表、政协委员视察、参加检察开放日等活动", "person-times",
     "Deputies to people's congresses and CPPCC members invited to make inspection visits and attend "
     "procuratorial open days and other events"),
    # Shares of the counts a court keeps.
    ("网上立案占一审立案总数", "percent", "Cases filed online as a share of all first-instance cases filed"),
    ("诉前调解成功纠纷占一审民商事收案", "percent",
     "Disputes resolved through pre-litigation mediation as a share of first-instance civil and "
     "commercial cases received"),
    ("人民法庭审结案件占全院民商事结案数", "percent",
     "Cases concluded by people's tribunals as a share of civil and commercial cases concluded"),
    # The kind (类) after a known kind; a language of an ethnic region; a correction per case.
    ("审结征收拆迁类行政案件", "cases", "Expropriation and demolition administrative cases concluded"),
    ("运用蒙汉双语审理案件", "cases", "Cases tried in Mongolian and Chinese"),
    ("纠正", "case-times", "Cases corrected"),
    ("累计追偿生态环境损害赔偿金和修复费用", "yuan",
     "Environmental damage compensation and restoration costs recovered by recourse"),
    ("监督纠正减刑、假释、暂予监外执行不当", "people",
     "People whose improper commutation, parole or temporary execution outside prison was corrected "
     "under supervision"),
])
def test_reports_invitations_and_what_acts_were_done_to(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    # A report to a body that is no people's congress's standing committee, or on what is unknown.
    ("向市政协报告专项工作", "times"),
    ("向市人大常委会专题报告某某工作", "times"),
    # A count of reports in money says nothing of reports.
    ("向市人大常委会报告专项工作", "yuan"),
    # 将 before those unknown.
    ("将某某纳入失信被执行人名单", "person-times"),
    # 追索 says claimed, not recovered, of what a procuratorate sues for.
    ("追索生态环境损害赔偿金和修复费用", "yuan"),
])
def test_reports_and_acts_the_words_cannot_say_stay_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Staff selected as experts, or given the title, and honours at a league's level.
    ("入选全国审判业务专家的法官", "persons", "Judges selected as national trial experts"),
    ("荣获全国审判业务专家称号的法官", "persons", "Judges who won the title of national trial expert"),
    ("获得盟级以上表彰的集体", "collectives", "Collectives commended at league level or above"),
    # Those a court trains or helps, listed with 等.
    ("为行政机关、高校等开展法律培训", "training-sessions",
     "Legal training sessions conducted for administrative organs, universities and others"),
    ("在线诉前调解纠纷", "disputes", "Disputes resolved through online pre-litigation mediation"),
    ("行政争议协调化解中心化解行政争议", "disputes",
     "Administrative disputes resolved by the administrative dispute coordination and resolution centre"),
    ("审结涉地理标志、老字号商标侵权案件", "cases",
     "Geographical indication and time-honoured brand-related trademark infringement cases concluded"),
    # The category after the examples 等 closes is counted, as elsewhere.
    ("审结涉网络借贷、第三方支付、数字人民币等数字金融纠纷案件", "cases",
     "Digital finance dispute cases concluded"),
    ("立案侦查司法工作人员利用职权实施的非法拘禁、刑讯逼供、徇私枉法等犯罪", "people",
     "People placed on file for investigation for crimes committed by judicial officers abusing "
     "their powers"),
    ("2021年立案查处违纪违法检察人员", "people",
     "Procuratorial staff who violated discipline or law placed on file and investigated"),
    ("建议变更强制措施", "people", "People recommended for a change of compulsory measures"),
    ("受理审查逮捕", "people", "People received for review for arrest"),
    # The longest action unless a shorter one leaves all known: 受理 cases of both kinds.
    ("受理审查逮捕、审查起诉等各类案件", "cases",
     "Arrest review, prosecution review and similar cases of all kinds accepted"),
    ("人民陪审员参审案件", "cases", "Cases heard with people's assessors"),
    # Training staff were had attend: their attendances, or the sessions, by the unit.
    ("组织干警参加各类业务培训", "person-times",
     "Staff attendances at professional training sessions of all kinds"),
    ("组织干警参加各类业务培训", "sessions", "Professional training sessions of all kinds attended by staff"),
    # The role those counted took, and who sent them.
    ("选派法官担任辖区中小学校法治副校长", "persons",
     "Judges sent to serve as rule-of-law vice-principals of primary and secondary schools in the area"),
    ("法官担任法治副校长", "persons", "Judges serving as rule-of-law vice-principals"),
])
def test_staff_honours_and_kinds_of_cases(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    # Courts not saying whose stay empty, as they do elsewhere.
    ("法院已改判", "cases"),
    # Selected as what is unknown.
    ("入选某某人才库的检察官", "persons"),
    # Training or a role counted in money says nothing of either.
    ("组织干警参加各类业务培训", "yuan"),
    ("选派法官担任法治副校长", "yuan"),
    # A role taken by those unknown.
    ("某某担任法治副校长", "persons"),
    # Examples after 的 left out only before a category known with what comes before 的.
    ("某某人员实施的非法拘禁、刑讯逼供等犯罪", "people"),
])
def test_whose_courts_or_what_selection_unknown_stay_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


def test_a_committee_meeting_is_what_is_counted_not_its_subject() -> None:
    assert english("审判委员会会议", "times") == "Adjudication committee meetings"


@pytest.mark.parametrize(("label", "en"), [
    ("全地区两级法院受理各类案件",
     "Cases of all kinds accepted by courts at both levels across the prefecture"),
    ("地区中院审执结案件", "Cases concluded or enforced by the prefecture's intermediate court"),
])
def test_a_prefecture_that_is_no_city_and_its_intermediate_court(label: str, en: str) -> None:
    built = english_label(label, "cases")
    assert built is not None and built.label == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("批准逮捕侵害未成年人犯罪嫌疑人", "people", "Suspects of crimes against minors approved for arrest"),
    ("化解重复信访积案", "cases", "Long-standing repeated petition cases resolved"),
    ("召开检察听证会", "events", "Procuratorial hearings held"),
    ("确定刑量刑建议采纳率", "percent", "Adoption rate of fixed-term sentencing recommendations"),
])
def test_common_procuratorial_words(label: str, unit: str, en: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("发放执行案款", "yuan", "Enforcement payments paid"),
    ("实际执结率", "percent", "Rate of cases actually enforced"),
    ("生效裁判自动履行率", "percent", "Voluntary performance rate of effective judgments"),
])
def test_words_of_enforcement(label: str, unit: str, en: str) -> None:
    built = english_label(label, unit)
    assert built is not None and built.label == en
