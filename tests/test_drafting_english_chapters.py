"""Labels court and procuratorate reports commonly state in their chapters on crime, trials,
enforcement and deputies' suggestions: each said as the Chinese says it, or left empty where the
rules would garble it."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label


def english(label: str, unit: str) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit, None)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Crimes named as the Criminal Law and reports on telecommunications fraud name them.
    ("审结电信网络诈骗及其关联犯罪案件", "cases",
     "Cases of telecommunications and online fraud and related crimes concluded"),
    ("起诉帮助信息网络犯罪活动、掩饰隐瞒犯罪所得等关联犯罪", "people",
     "People prosecuted for crimes of assisting criminal activities online, concealing or disguising"
     " criminal proceeds and other related crimes"),
    ("审结危害生产安全犯罪案件", "cases", "Cases of crimes endangering work safety concluded"),
    ("审结组织、运送他人偷越国（边）境犯罪案件", "cases",
     "Cases of organising or transporting others to cross the national border illegally concluded"),
    ("审结涉私募基金、非法集资等涉众型金融犯罪案件", "cases",
     "Cases of financial crimes with many victims concluded"),
    ("判处未成年被告人", "people", "Juvenile defendants sentenced"),
    ("判处侵犯知识产权犯罪被告人", "people",
     "Defendants in crimes of infringing intellectual property rights sentenced"),
    # Civil and commercial cases by who or what they concern.
    ("审结涉少数民族当事人案件", "cases", "Cases involving ethnic minority parties concluded"),
    ("审结涉外、涉边贸民商事案件", "cases",
     "Foreign-related and border trade-related civil and commercial cases concluded"),
    ("审结涉新就业形态劳动争议案件", "cases",
     "Labour dispute cases involving new forms of employment concluded"),
    ("清理久拖不决涉企案件", "cases", "Long-unresolved business-related cases cleared"),
    ("清理涉企积案", "cases", "Backlogged business-related cases cleared"),
    # How cases were tried, and what they took.
    ("巡回审理案件", "cases", "Cases tried on circuit"),
    ("人民陪审员参与审理案件", "cases", "Cases heard with people's assessors"),
    ("适用惩罚性赔偿案件", "cases", "Cases in which punitive damages were applied"),
    ("平均调解时长", "days", "Average mediation time"),
    ("组织开展业务培训", "sessions", "Professional training sessions organised"),
    ("办理市人大代表建议、议案", "suggestions-motions", "Deputies' suggestions and motions handled"),
    # Enforcement's measures of quality, after the Supreme People's Court's indicators.
    ("有财产可供执行案件法定审限内结清率", "percent",
     "Rate of cases with property available for enforcement closed within the statutory time limit"),
    ("终本案件合规率", "percent",
     "Compliance rate of cases closed by termination of the current enforcement procedure"),
    ("网络司法拍卖成交标的额", "yuan", "Value of online judicial auction sales"),
    ("改判、发回重审率", "percent", "Rate of judgments revised or remanded for retrial"),
    # What a procuratorate protests, accepts, clears and refers; whom its judicial aid goes to.
    ("对认为确有错误的刑事判决、裁定提出抗诉", "cases",
     "Criminal judgments and rulings deemed erroneous protested"),
    ("受理民事生效裁判监督申请", "cases",
     "Applications for supervision of effective civil judgments accepted"),
    ("提出抗诉或再审检察建议", "suggestions", "Protests or procuratorial suggestions for retrial lodged"),
    ("清理涉民营企业刑事“挂案”", "cases", "Long-pending private business-related criminal cases cleared"),
    ("发现并移送侵害未成年人犯罪线索", "leads", "Leads on crimes against minors found and referred"),
    ("向因案致困的被害人及其近亲属发放司法救助金", "yuan",
     "Judicial aid funds paid to victims and their close relatives left in hardship by the cases"),
    ("起诉偷越国（边）境、组织他人偷越国（边）境犯罪", "people",
     "People prosecuted for crimes of illegally crossing the national border and organising others"
     " to cross the national border illegally"),
    ("自治区检察院办理刑事申诉案件", "cases",
     "Criminal petition cases handled by the autonomous region's procuratorate"),
    ("起诉破坏生态环境资源犯罪", "people",
     "People prosecuted for crimes damaging the ecological environment and resources"),
    ("审结危险驾驶罪案件", "cases", "Cases of the crime of dangerous driving concluded"),
    ("七日内程序回复率", "percent", "Rate of procedural replies within seven days"),
    # An average time of cases named by the act that closed them.
    ("审结机动车交通事故责任纠纷案件平均审理天数", "days",
     "Average trial time of motor vehicle accident liability dispute cases concluded"),
    ("办理审查逮捕案件平均办案天数", "days", "Average handling time of arrest review cases handled"),
    # Sentences, recognitions and suggestions as a court's criminal and enforcement chapters say.
    ("以拒不执行判决、裁定罪判处刑罚", "people",
     "People convicted and sentenced for refusing to enforce judgments or rulings"),
    ("判处五年有期徒刑以上刑罚", "people",
     "People sentenced to five years' imprisonment or heavier penalties"),
    ("承认和执行外国法院判决、仲裁裁决", "cases",
     "Judgments of foreign courts and arbitral awards recognised and enforced"),
    ("向党政机关和有关单位发送司法建议", "copies",
     "Judicial suggestions sent to Party and government bodies and relevant organisations"),
    ("出台审判管理规范性文件", "documents", "Normative documents on trial management issued"),
    ("全市法院办理涉诉信访事项", "case-times",
     "Litigation-related petitioning matters handled by courts across the city"),
    ("提出减刑、假释、暂予监外执行纠正意见", "case-times",
     "Correction notices on commutation, parole and temporary execution outside prison lodged"),
    ("帮扶困难群众", "people", "People in hardship assisted"),
    ("审结人身安全保护令案件", "cases", "Personal safety protection order cases concluded"),
    ("审结涉疫情案件", "cases", "Epidemic-related cases concluded"),
    ("网络拍卖成交额", "yuan", "Value of online auction sales"),
])
def test_what_reports_chapters_commonly_count(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_damages_of_a_remedy_named_by_its_act_stay_empty() -> None:
    # 对…案件适用惩罚性赔偿判赔金额: the damages of the cases, which 'damages awarded in punitive
    # damages applied' would garble; the act alone is still said where it is what is counted.
    assert english("对恶意侵权、重复侵权案件适用惩罚性赔偿判赔金额", "yuan") is None
    assert english("对恶意侵权、重复侵权等行为适用惩罚性赔偿", "cases") == (
        "Punitive damages applied against malicious and repeated infringement")


@pytest.mark.parametrize("label", [
    # An act the rules do not know opens the examples before 等: the category alone ('Major public
    # interest litigation cases') would drop that the cases were filed directly by the procuratorate.
    "省检察院直接立案办理跨市流域污染、草原生态破坏等重大公益诉讼案件",
    # Money recovered for herders is no bare 'Money'.
    "帮助牧民追回草场租金等款项",
])
def test_a_category_after_an_act_it_would_drop_stays_empty(label: str) -> None:
    assert english(label, "cases" if "案件" in label else "yuan") is None


def test_acts_a_category_concerns_are_no_act_dropped() -> None:
    # 涉侦查、起诉、审判: what the state compensation cases concern, which the category names.
    assert english("审结涉侦查、起诉、审判等国家赔偿案件", "cases") == "State compensation cases concluded"


def test_an_average_time_of_what_is_no_cases_stays_empty() -> None:
    # 审结批量案件: cases the vocabulary cannot name; the act alone says nothing of them.
    assert english("审结批量案件平均审理周期", "days") is None
