"""Labels said as clauses before the 的 that names those counted: the role they took (担任…的法官),
a title conferred (被评为…的), what became of them (入选人民法院案例库的案例), honours from several
bodies named at once; each only where every part is known."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label


def english(label: str, unit: str) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # The role before 的, read as 检察官担任… is: those serving, or sent to serve.
    ("担任中小学法治副校长的检察官", "persons",
     "Prosecutors serving as rule-of-law vice-principals of primary and secondary schools"),
    ("选派担任法治副校长的法官", "persons", "Judges sent to serve as rule-of-law vice-principals"),
    # A title conferred on those counted.
    ("被评为全国模范法官的法官", "persons", "Judges named as national model judges"),
    ("被评为全国先进基层检察院的基层检察院", "organisations",
     "Basic-level procuratorates named as national advanced basic-level procuratorates"),
    # Cases taken into the courts' database or by higher courts, and a place named before 的.
    ("入选人民法院案例库的案例", "cases", "Cases included in the People's Court Case Database"),
    ("被上级法院采用的案例", "articles", "Cases adopted by higher courts"),
    ("地处纯牧区的派出人民法庭", "tribunals", "Detached people's tribunals located in purely pastoral areas"),
    # Commended by several bodies at once, each named.
    ("受到最高人民检察院和市委、市政府表彰的集体", "collectives",
     "Collectives commended by the Supreme People's Procuratorate, the municipal Party committee and "
     "the municipal government"),
    ("受到自治区级以上表彰的个人", "persons", "Individuals commended at regional level or above"),
])
def test_a_clause_before_those_counted_is_said_after_them(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    ("担任中小学法治副校长的检察官", "items"),  # a role is taken by people, never by items
    ("担任某某职务的法官", "persons"),  # the role unknown
    ("受到最高人民检察院和某某单位表彰的集体", "collectives"),  # one body of the list unknown
    ("被评为某某称号的法官", "persons"),  # the title unknown
])
def test_a_clause_with_a_part_unknown_stays_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # A campaign a figure was counted in, said after it.
    ("集中执行行动执结案件", "cases", "Cases enforced to conclusion in concentrated enforcement campaigns"),
    # Violations corrected by written notice, and those whose commutation or parole was corrected.
    ("书面纠正侦查活动违法", "cases", "Violations in investigations corrected in writing"),
    ("纠正减刑假释不当", "people", "People whose improper commutation or parole was corrected"),
    ("起诉县处级以上干部", "people", "Officials at county or division level or above prosecuted"),
    # Administrative cases of land and housing taken by the state; the Criminal Law's chapters.
    ("审结土地征收案件", "cases", "Land expropriation cases concluded"),
    ("审结侵犯财产犯罪案件", "cases", "Cases of crimes of encroaching on property concluded"),
    ("判处拘役", "people", "People sentenced to criminal detention"),
    ("准许撤诉", "cases", "Cases withdrawn with the court's permission"),
])
def test_words_reports_commonly_state(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_bare_withdrawal_is_the_parties_act_and_stays_empty() -> None:
    # 撤诉 is done by the parties: no verb of the court's may say it.
    assert english("撤诉", "cases") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # A whole ending 的比例 only says a share is meant.
    ("院庭长办案占结案总数的比例", "percent",
     "Cases handled by court presidents and division heads as a share of all cases concluded"),
    ("判处缓刑、管制、单处罚金等非监禁刑的罪犯占判处罪犯总数", "percent",
     "Offenders given non-custodial sentences as a share of all offenders sentenced"),
    # Court leaders are who handled the cases: each court's, of many courts.
    ("全市法院院庭长办案", "cases",
     "Cases handled by court presidents and division heads of courts across the city"),
    ("受理监察机关移送审查起诉的职务犯罪案件", "cases",
     "Job-related crime cases referred by supervisory commissions for prosecution accepted"),
    ("通过中国庭审公开网直播庭审", "events", "Court hearings live-streamed on China Court Trial Online"),
])
def test_shares_leaders_cases_and_referrals(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_named_year_of_a_share_is_the_whole_shares_and_the_part_keeps_its_subject() -> None:
    built = english_label("2018年院庭长办案占结案总数的比例", "percent", "2018年")
    assert built is not None and built.label == \
        "Cases handled by court presidents and division heads as a share of all cases concluded in 2018"


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Civil causes of action and charges, as civil and criminal chapters name their cases.
    ("审结离婚后财产纠纷案件", "cases", "Post-divorce property dispute cases concluded"),
    ("审结确认劳动关系纠纷案件", "cases", "Labour relationship confirmation dispute cases concluded"),
    ("审结职务侵占犯罪案件", "cases", "Cases of job embezzlement concluded"),
    ("起诉袭警犯罪", "people", "People prosecuted for crimes of assaulting police officers"),
    ("审结掩饰、隐瞒犯罪所得犯罪案件", "cases",
     "Cases of concealing or disguising criminal proceeds concluded"),
])
def test_causes_of_action_and_charges(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Chapters on work with others, ranks and publicity.
    ("会签文件", "items", "Documents jointly signed"),
    ("征求意见建议", "items", "Opinions and suggestions solicited"),
    ("提拔干部", "people", "Officials promoted"),
    ("在《检察日报》刊发稿件", "items", "Articles published in the Procuratorial Daily"),
])
def test_work_with_others_ranks_and_publicity(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_talks_counted_in_people_stay_empty() -> None:
    # 诫勉谈话…人 counts the people admonished: never said as the talks.
    assert english("诫勉谈话", "people") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # A campaign a figure was counted in, said after what was done.
    ("专项行动中审结案件", "cases", "Cases concluded in special campaigns"),
    ("扫黑除恶专项斗争中起诉", "people",
     "People prosecuted in the special campaign to combat organised crime and root out local criminal gangs"),
])
def test_a_campaign_is_said_after_what_was_done_in_it(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("恢复被占用耕地", "mu", "Occupied cultivated land restored"),
    ("上网拍卖财产", "times", "Property auctioned online"),
    ("发出履行义务提示函", "copies", "Notices reminding parties to perform their obligations issued"),
    ("向公安机关移送涉嫌虚假诉讼犯罪线索", "leads",
     "Leads on suspected crimes of fraudulent litigation transferred to public security organs"),
])
def test_what_enforcement_and_environmental_chapters_count(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_acts_listed_before_a_category_are_never_dropped_for_the_bare_category() -> None:
    # 查封、扣押、冻结 are what was done, not examples of property: never "Property".
    assert english("查封、扣押、冻结不动产、车辆、股权等财产", "items") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("提前介入侦查", "cases", "Cases with early intervention in the investigation"),
    ("提请抗诉", "cases", "Cases referred to the higher procuratorate for protest"),
    ("对刑事判决提出抗诉", "cases", "Criminal judgments protested"),
    ("开展监狱巡回检察", "times", "Roving inspections of prisons conducted"),
    # Counted in people, cases named whole are the people in them.
    ("退回补充侦查", "people", "People in cases returned for supplementary investigation"),
])
def test_a_procuratorates_work_on_investigations_protests_and_prisons(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en
