"""What financial and maritime courts' reports count (insurance and pledge-financing disputes,
freight forwarding and fishery disputes, maritime injunctions, leads and risk information passed
on), and spans a label opens with (“十四五” alone, the banner court): each built from the
vocabulary as the Chinese says it, or left empty where a word of it is not known."""

from __future__ import annotations

import pytest

from webapp.drafting.english import english_label

FINANCIAL = "某某金融法院"
MARITIME = "某某海事法院"


def english(label: str, unit: str, institution: str) -> str | None:
    """The English the vocabulary builds for a label of a report of ``institution``, or None."""
    built = english_label(label, unit, None, "涉案人数", institution)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("审结财产保险合同纠纷", "cases", "Property insurance contract disputes concluded"),
    ("审结人身保险合同纠纷", "cases", "Personal insurance contract disputes concluded"),
    ("审结知识产权质押融资纠纷案件", "cases",
     "Intellectual property pledge financing dispute cases concluded"),
    ("设立金融纠纷调解工作室", "count", "Financial dispute mediation offices set up"),
    ("向公安机关移送涉嫌金融犯罪线索", "leads",
     "Leads on suspected financial crimes transferred to public security organs"),
    # Information is shared, not announced.
    ("通报风险信息", "entries", "Risk information shared"),
    ("化解金融债务", "yuan", "Financial debts resolved"),
])
def test_financial_court_work(label: str, unit: str, en: str) -> None:
    assert english(label, unit, FINANCIAL) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("审结海上货运代理合同纠纷案件", "cases", "Marine freight forwarding contract dispute cases concluded"),
    ("审结涉渔纠纷案件", "cases", "Fishery-related dispute cases concluded"),
    ("审结渔船碰撞、渔具损害责任纠纷案件", "cases",
     "Fishing vessel collision and fishing gear damage liability dispute cases concluded"),
    # Orders and injunctions are issued, whatever court makes them.
    ("作出海事强制令", "copies", "Maritime injunctions issued"),
    ("作出人身安全保护令", "copies", "Personal safety protection orders issued"),
])
def test_maritime_court_work(label: str, unit: str, en: str) -> None:
    assert english(label, unit, MARITIME) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("“十四五”审结各类案件", "cases", "Cases of all kinds concluded during the 14th Five-Year Plan period"),
    ("“十四五”期间旗法院受理各类案件", "cases",
     "Cases of all kinds accepted by the banner court during the 14th Five-Year Plan period"),
    ("全旗法院审结各类案件", "cases", "Cases of all kinds concluded by courts across the banner"),
])
def test_five_year_plan_and_banner(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某旗人民法院") == en


@pytest.mark.parametrize(("label", "unit"), [
    # 通海水域 (waters connected to the sea) is not in the vocabulary: left empty, never guessed.
    ("审结海上、通海水域货物运输合同纠纷案件", "cases"),
    # “十四五规划” is the plan itself, not a span.
    ("“十四五”规划审结各类案件", "cases"),
])
def test_unknown_words_stay_empty(label: str, unit: str) -> None:
    assert english(label, unit, MARITIME) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Charges of forests and mountains, and those reports of cities name.
    ("起诉盗伐林木、滥伐林木犯罪案件", "cases",
     "Cases of illegal logging and indiscriminate felling of trees prosecuted"),
    ("起诉危害国家重点保护植物犯罪", "people",
     "People prosecuted for crimes of endangering plants under key state protection"),
    ("起诉自洗钱犯罪", "people", "People prosecuted for self-laundering crimes"),
    ("起诉网络赌博、网络传销犯罪", "people",
     "People prosecuted for online gambling and online pyramid selling crimes"),
    ("监督线索成案", "cases", "Leads for supervision that became cases"),
    ("移送审查起诉", "cases", "Cases transferred for review and prosecution"),
    ("涉案货值", "yuan", "Value of goods involved"),
    # Work along railways and in forests.
    ("设立生态检察工作站", "count", "Ecological procuratorial workstations set up"),
    ("接收涉林线索", "entries", "Forestry-related leads received"),
    ("关停违规养殖场", "organisations", "Non-compliant livestock farms shut down"),
    ("走访建设、施工单位", "organisations", "Project owners and construction contractors visited"),
    ("开展社区矫正巡回检察", "times", "Roving inspections of community corrections conducted"),
])
def test_procuratorial_work_in_forests_borders_and_railways(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某县人民检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("审结私募基金纠纷案件涉及投资者", "people",
     "Investors involved in private investment fund dispute cases concluded"),
    ("调减不合理利息、费用", "yuan", "Unreasonable interest and fees reduced"),
    ("办理跨境司法协助案件", "cases", "Cross-border judicial assistance cases handled"),
    # Judicial auctions: the proceeds, and the premium over the starting price.
    ("成交价款", "yuan", "Sale proceeds"),
    ("平均溢价率", "percent", "Average premium rate"),
    ("受理设立海事赔偿责任限制基金申请", "cases",
     "Applications to establish limitation funds for maritime claims accepted"),
])
def test_investors_reductions_and_auctions(label: str, unit: str, en: str) -> None:
    assert english(label, unit, FINANCIAL) == en


def test_a_part_that_does_not_say_what_it_counts_stays_empty() -> None:
    # 其中外籍船舶…艘次 counts arrests of foreign ships, which the label alone does not say.
    assert english("外籍船舶", "vessel-times", MARITIME) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Done jointly with others: the report's own work, with whom it was done (the police did not
    # recover it alone).
    ("协同公安机关追赃挽损", "yuan", "Amount recovered jointly with public security organs"),
    ("五年来会同审判机关追缴、没收涉黑恶财产", "yuan",
     "Assets of criminal gangs recovered or confiscated jointly with the courts over five years"),
    ("协同职能部门追赃挽损", "yuan", "Amount recovered jointly with the relevant departments"),
    ("集中清理涉企刑事“挂案”", "cases", "Long-pending business-related criminal cases cleared"),
    ("在办案中督促补植复绿林木", "plants", "Trees replanted"),
    ("向纪检监察机关移送职务违法犯罪线索", "leads",
     "Leads on duty-related violations and crimes transferred to discipline inspection and "
     "supervision organs"),
])
def test_done_jointly_and_in_drives(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某省人民检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Whom they urged, named or not: what is counted is what was done.
    ("督促有关部门整改安全隐患", "sites", "Safety hazards rectified"),
    ("督促行政机关整改安全隐患", "sites", "Safety hazards rectified"),
    ("向生活困难的刑事被害人及其近亲属发放司法救助金", "yuan",
     "Judicial aid funds paid to crime victims in hardship and their close relatives"),
    ("向被害人及其近亲属发放司法救助金", "yuan",
     "Judicial aid funds paid to victims and their close relatives"),
])
def test_urged_bodies_and_aid_recipients(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某铁路运输检察院") == en


@pytest.mark.parametrize(("label", "en"), [
    # The clause before 的 names those counted itself.
    ("具有硕士以上学位的占比", "Share of people holding master's degrees or above"),
    ("具有研究生以上学历的占比", "Share of people with postgraduate education or above"),
])
def test_share_of_those_a_clause_names(label: str, en: str) -> None:
    assert english(label, "percent", MARITIME) == en


def test_share_of_an_unknown_clause_stays_empty() -> None:
    # 调解成功的 names no one: what succeeded is not said.
    assert english("调解成功的占比", "percent", MARITIME) is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Border work: charges listed before 等, and the others like them, many.
    ("起诉偷越国（边）境、组织运送他人偷越国（边）境等犯罪案件", "cases",
     "Cases of illegally crossing the national border, organising or transporting others to cross "
     "the national border illegally and similar crimes prosecuted"),
    ("起诉盗窃、诈骗等犯罪案件", "cases", "Cases of theft, fraud and similar crimes prosecuted"),
    ("设立驻边境派出所检察联络室", "count",
     "Procuratorial liaison offices in border police stations set up"),
    ("办理涉草原案件", "cases", "Grassland-related cases handled"),
])
def test_border_and_grassland_work(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某自治区人民检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # The people of the cases an act alone counts (批准逮捕104件147人), never people in people.
    ("经审查批准逮捕", "cases", "Cases approved for arrest"),
    ("经审查批准逮捕涉案人数", "people", "People in cases approved for arrest"),
    ("起诉涉案人数", "people", "People in cases prosecuted"),
    ("移送主管机关处理", "people", "People referred to the competent authorities"),
    ("通过“两微一端”发布检察信息", "entries",
     "Procuratorial information items published on Weibo, WeChat and news apps"),
])
def test_review_referrals_and_channels(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某县人民检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Courts' sentences, damages, letters and papers.
    ("宣告缓刑", "people", "People given suspended sentences"),
    ("非监禁刑适用率", "percent", "Rate of non-custodial sentences"),
    ("判赔总额", "yuan", "Total damages awarded"),
    ("审结拒执犯罪案件判处罪犯", "people",
     "Offenders sentenced in cases of the crime of refusing to enforce judgments or rulings concluded"),
    ("发出法律风险提示函", "copies", "Legal risk alert letters issued"),
    ("庭审网络直播", "events", "Court hearings live-streamed online"),
    ("在核心期刊发表学术论文", "articles", "Academic papers published in core journals"),
])
def test_sentences_damages_letters_and_papers(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某市人民法院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Leading by example is no act of its own: who received the visits is said.
    ("全区三级检察院检察长带头接待群众来访", "batch-times",
     "Visits from the public received by chief procurators of procuratorates at all three levels "
     "across the region"),
    ("对涉案民营企业负责人依法不捕", "people",
     "Heads of private enterprises involved in cases not approved for arrest"),
])
def test_leading_by_example_and_those_not_arrested(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某自治区人民检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Seafarers' pay recovered, and those it was recovered for.
    ("追回劳动报酬的船员", "persons", "Seafarers who had labour remuneration recovered"),
    ("为船员追回劳动报酬", "yuan", "Labour remuneration recovered for seafarers"),
    ("判令责任主体承担生态环境修复费用", "yuan", "Environmental restoration costs ordered to be borne"),
])
def test_seafarers_and_those_liable(label: str, unit: str, en: str) -> None:
    assert english(label, unit, MARITIME) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # 邀请听证员…人次参加: invited to take part in the hearings the sentence names.
    ("邀请听证员参加", "person-times", "Hearing officers invited to take part"),
    ("“十四五”时期督促整改铁路沿线安全隐患", "sites",
     "Safety hazards along railway lines rectified during the 14th Five-Year Plan period"),
])
def test_railway_procuratorates_work(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某铁路运输检察院") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("为老年金融消费者挽回损失", "yuan", "Losses recovered for elderly financial consumers"),
    ("为投资者挽回损失", "yuan", "Losses recovered for investors"),
    ("首次执行案件平均结案用时", "days", "Average time to conclude first enforcement cases"),
])
def test_financial_consumers_and_time_to_conclude(label: str, unit: str, en: str) -> None:
    assert english(label, unit, FINANCIAL) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("特邀调解员总数", "persons", "Specially invited mediators in total"),
    ("技术咨询专家库入库专家", "persons", "Experts in the technical consultation expert pool"),
    ("平均审查时间", "days", "Average review time"),
])
def test_ip_courts_mediators_experts_and_reviews(label: str, unit: str, en: str) -> None:
    assert english(label, unit, "某某知识产权法院") == en
