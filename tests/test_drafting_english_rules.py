"""Rules that compose English labels from parts: shares of a whole, named years, lists sharing a
head noun, kinds joined by 和, fields (领域), kinds qualified by what they concern (涉…) and crimes
named by their charges."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.drafting.digest import digest_sentence
from webapp.drafting.english import english_label, vocabulary
from webapp.drafting.english_shares import part_of


def english(label: str, unit: str, period: str | None = None) -> str | None:
    """The English the vocabulary builds for a label, or None."""
    built = english_label(label, unit, period)
    return built.label if built is not None else None


@pytest.mark.parametrize(("label", "en"), [
    # The whole's 总人数 says all of it, counted in people, as the part is.
    ("起诉醉酒驾驶机动车等危险驾驶犯罪占起诉总人数",
     "People prosecuted for dangerous driving crimes as a share of all people prosecuted"),
    ("诉前调解成功纠纷占民商事纠纷总数",
     "Disputes resolved through pre-litigation mediation as a share of all civil and commercial disputes"),
])
def test_a_part_of_a_whole_is_said_as_its_share(label: str, en: str) -> None:
    assert english(label, "percent") == en


@pytest.mark.parametrize("label", [
    "诉前调解成功纠纷占某某收案",  # The whole unknown.
    "非法占用农用地率",  # 占 opens a word, and no whole follows.
])
def test_a_share_with_an_unknown_part_or_whole_stays_empty(label: str) -> None:
    assert english(label, "percent") is None


def test_a_share_is_of_counts_never_of_a_rate() -> None:
    words = vocabulary()
    assert part_of("上诉率占起诉总人数", words, lambda zh, unit: None) is None
    assert part_of("起诉占起诉总人数", words, lambda zh, unit: f"{zh} in {unit}") == \
        "起诉 in people as a share of all 起诉 in people"


@pytest.mark.parametrize(("label", "unit", "period", "en"), [
    ("2019年法官年人均结案数", "cases", "2019年", "Cases concluded per judge a year in 2019"),
    ("2020年行政机关负责人出庭应诉率", "percent", "2020年",
     "Court appearance rate of heads of administrative organs in 2020"),
    # A span from a named year up to now: since that year.
    ("2019年以来法官年人均结案数", "cases", "2019年以来", "Cases concluded per judge a year since 2019"),
    ("2023年以来执行到位金额", "yuan", "2023年以来", "Amount recovered in enforcement since 2023"),
])
def test_a_named_earlier_year_is_said_as_that_year(label: str, unit: str, period: str, en: str) -> None:
    assert english(label, unit, period) == en


def test_a_span_that_is_no_year_and_not_known_stays_empty() -> None:
    assert english("2019年底以来法官年人均结案数", "cases", "2019年底以来") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # The first crime takes the head noun the last one ends with.
    ("起诉电信网络诈骗及帮助信息网络犯罪活动犯罪", "people",
     "People prosecuted for telecommunications and online fraud crimes and crimes of assisting "
     "criminal activities online"),
    ("组织业务培训和岗位练兵", "training-sessions",
     "Professional training sessions and on-the-job skills training organised"),
    ("督促复垦复绿耕地、林地", "mu", "Cultivated land and forest land reclaimed and revegetated"),
])
def test_a_list_of_things_shares_its_last_head_noun(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_list_with_an_unknown_thing_stays_empty() -> None:
    assert english("起诉某某及帮助信息网络犯罪活动犯罪", "people") is None


@pytest.mark.parametrize(("label", "en"), [
    ("办理行政诉讼监督和行政非诉执行监督案件",
     "Administrative litigation supervision and administrative non-litigation enforcement "
     "supervision cases handled"),
    # The field (领域) is what names the cases; 生态环境和资源保护 is one field, not two kinds.
    ("办理生态环境和资源保护领域公益诉讼案件",
     "Environmental and resource protection public interest litigation cases handled"),
    ("办理残疾人权益保障领域公益诉讼案件",
     "Disability rights protection public interest litigation cases handled"),
])
def test_kinds_joined_by_he_and_fields_are_modifiers(label: str, en: str) -> None:
    assert english(label, "cases") == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    ("起诉假冒注册商标、销售假冒注册商标的商品犯罪", "people",
     "People prosecuted for crimes of counterfeiting registered trademarks and selling goods "
     "bearing counterfeit registered trademarks"),
    ("审结非法采矿犯罪案件", "cases", "Cases of illegal mining concluded"),
    # Examples before 等 stay examples of a kind of crime.
    ("起诉非法占用农用地、非法采矿等犯罪", "people",
     "People prosecuted for illegal occupation of farmland, illegal mining and similar crimes"),
    # A charge that reads as a noun is not one of the listed charges: drug crimes, as before.
    ("起诉毒品犯罪", "people", "People prosecuted for drug crimes"),
])
def test_crimes_named_by_their_charges(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


def test_a_charge_listed_with_a_kind_that_is_no_charge_is_no_list_of_charges() -> None:
    # 毒品 is a kind, not a listed charge: never crimes of drug, but kinds of crimes.
    assert english("起诉非法采矿和毒品犯罪", "people") == \
        "People prosecuted for illegal mining and drug crimes"


@pytest.mark.parametrize(("label", "en"), [
    ("起诉生产、销售伪劣种子、化肥、农药犯罪",
     "People prosecuted for crimes of producing and selling fake or substandard seeds, fertilisers "
     "and pesticides"),
    ("起诉销售伪劣农药犯罪", "People prosecuted for crimes of selling fake or substandard pesticides"),
])
def test_a_charge_named_by_its_goods(label: str, en: str) -> None:
    assert english(label, "people") == en


def test_a_charge_of_unknown_goods_stays_empty() -> None:
    assert english("起诉生产、销售伪劣某某、化肥犯罪", "people") is None


@pytest.mark.parametrize(("label", "en"), [
    # Recovered for them, not by them: never "Migrant workers recovered unpaid wages".
    ("追回欠薪的农民工", "Migrant workers who had unpaid wages recovered"),
    ("追回劳动报酬的劳动者", "Workers who had labour remuneration recovered"),
])
def test_what_was_done_for_those_counted(label: str, en: str) -> None:
    assert english(label, "persons") == en


def test_a_digest_says_the_unit_that_measures_what_is_counted() -> None:
    land = english_label("督促复垦复绿耕地、林地", "mu")
    assert land is not None  # Never "326 cultivated land": the mu are what is counted of it.
    assert digest_sentence(land, Decimal(326), ("mu", "mu"), "mu", None) == \
        "326 mu of cultivated land and forest land reclaimed and revegetated."


def test_a_digest_states_a_level_in_days_as_its_value() -> None:
    days = english_label("平均审理天数", "days")
    assert days is not None
    change = {"value": 5.2, "unit": "days", "direction": "down", "written": "5.2"}
    assert digest_sentence(days, Decimal("46.3"), ("day", "days"), "days", change) == \
        "Average trial time: 46.3 days, down 5.2 days."
    share = {"value": 3.1, "unit": "percent", "direction": "up", "written": "3.1%"}
    assert digest_sentence(days, Decimal("46.3"), ("day", "days"), "days", share) == \
        "Average trial time: 46.3 days, up 3.1%."


@pytest.mark.parametrize(("label", "en"), [
    # 涉 qualifies the cause of action after it, not the other way round.
    ("审结涉网络游戏网络服务合同纠纷案件",
     "Online game-related online service contract dispute cases concluded"),
    # 涉 governs the whole list before the kind: never one item with the kind.
    ("审结涉短视频、网络直播著作权案件", "Short video and livestreaming-related copyright cases concluded"),
    ("审结涉网络暴力、网络谣言网络侵权责任纠纷案件",
     "Cyber-violence and online rumour-related online tort liability dispute cases concluded"),
    # What is known whole is what 涉 says it concerns, not a kind after part of it.
    ("审结涉农民工工资案件", "Migrant workers' wage-related cases concluded"),
])
def test_a_kind_is_qualified_by_what_it_concerns(label: str, en: str) -> None:
    assert english(label, "cases") == en


@pytest.mark.parametrize("label", [
    "审结涉某某网络服务合同纠纷案件",  # What it concerns unknown.
    "审结涉短视频、某某著作权案件",  # One item of the list unknown.
    "审结涉网络游戏某某纠纷案件",  # The kind unknown.
])
def test_what_a_kind_concerns_or_the_kind_unknown_stays_empty(label: str) -> None:
    assert english(label, "cases") is None


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Online litigation and platform governance, as internet courts and every court report them.
    ("在线立案率", "percent", "Online case filing rate"),
    ("电子送达成功率", "percent", "Electronic service success rate"),
    ("适用异步审理方式审结案件", "cases", "Cases concluded by asynchronous trial"),
    ("通过诉讼平台、短信等方式电子送达文书", "times", "Documents served electronically"),
    ("依托司法区块链平台存证数据", "entries",
     "Data deposited as evidence on the judicial blockchain platform"),
    ("判令侵权人删除侵权信息", "entries", "Infringing information ordered to be deleted"),
    ("驳回不当诉讼请求", "cases", "Improper claims dismissed"),
    ("审结网络著作权权属、侵权纠纷案件", "cases",
     "Online copyright ownership and infringement dispute cases concluded"),
    # An autonomous region's higher court and its border and bilingual trials.
    ("自治区高级人民法院审结案件", "cases",
     "Cases concluded by the autonomous region's Higher People's Court"),
    ("以双语审理案件", "cases", "Cases tried bilingually"),
    ("审结涉边贸易纠纷案件", "cases", "Border-related trade dispute cases concluded"),
    # Commended with no level said, as every report's chapter on its staff may state it.
    ("受到表彰的集体", "collectives", "Collectives commended"),
    # Financial courts' causes of action.
    ("审结证券虚假陈述责任纠纷案件", "cases",
     "Securities misrepresentation liability dispute cases concluded"),
    ("审结金融借款合同、融资租赁合同纠纷案件", "cases",
     "Financial loan contract and financial leasing contract dispute cases concluded"),
])
def test_online_litigation_and_autonomous_regions_words(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit", "en"), [
    # Charges of the Criminal Law, said as its acts (cases of …) or as named crimes.
    ("审结非法拘禁犯罪案件", "cases", "Cases of illegal detention concluded"),
    ("起诉敲诈勒索犯罪", "people", "People prosecuted for crimes of extortion"),
    ("审结组织卖淫犯罪案件", "cases", "Cases of organising prostitution concluded"),
    ("起诉虚开增值税专用发票犯罪", "people",
     "People prosecuted for crimes of falsely issuing special VAT invoices"),
    ("审结挪用公款犯罪案件", "cases", "Cases of misappropriating public funds concluded"),
    ("审结滥用职权、玩忽职守犯罪案件", "cases",
     "Cases of abuse of power and neglect of duty concluded"),
    ("审结拒不支付劳动报酬犯罪案件", "cases",
     "Cases of refusing to pay labour remuneration concluded"),
    ("审结重大责任事故犯罪案件", "cases", "Cases of major liability accident crime concluded"),
    ("审结侵犯知识产权犯罪案件", "cases", "Cases of intellectual property crimes concluded"),
    ("审结破坏环境资源犯罪案件", "cases",
     "Cases of crimes damaging the environment and resources concluded"),
    ("审结危害食品药品安全犯罪案件", "cases",
     "Cases of crimes endangering food and drug safety concluded"),
    ("审结涉众型经济犯罪案件", "cases", "Cases of economic crimes with many victims concluded"),
    ("审结过失致人死亡犯罪案件", "cases", "Cases of negligently causing death concluded"),
    ("判处猥亵儿童犯罪", "people", "People sentenced for crimes of indecency against children"),
    ("审结虐待、遗弃犯罪案件", "cases", "Cases of maltreatment and abandonment crime concluded"),
    ("审结非国家工作人员受贿犯罪案件", "cases",
     "Cases of bribe-taking by non-state functionaries concluded"),
    ("审结骗取贷款犯罪案件", "cases", "Cases of obtaining loans by deception concluded"),
    ("审结非法持有枪支犯罪案件", "cases", "Cases of illegally possessing firearms concluded"),
    # The most common civil and commercial causes of action.
    ("审结建设工程施工合同纠纷案件", "cases",
     "Construction project contract dispute cases concluded"),
    ("审结股权转让纠纷案件", "cases", "Equity transfer dispute cases concluded"),
    ("审结服务合同纠纷案件", "cases", "Service contract dispute cases concluded"),
    ("审结相邻关系纠纷案件", "cases", "Neighbouring relations dispute cases concluded"),
    ("审结承揽合同纠纷案件", "cases", "Contract for work dispute cases concluded"),
    ("审结票据纠纷案件", "cases", "Negotiable instrument dispute cases concluded"),
    ("审结不当得利纠纷", "cases", "Unjust enrichment disputes concluded"),
    ("审结追偿权纠纷案件", "cases", "Right of recourse dispute cases concluded"),
    ("审结产品责任纠纷案件", "cases", "Product liability dispute cases concluded"),
    # Administrative, criminal-procedure, petitioning and procuratorial work.
    ("受理行政赔偿案件", "cases", "Administrative compensation cases accepted"),
    ("审结行政非诉执行审查案件", "cases",
     "Non-litigation administrative enforcement review cases concluded"),
    ("审结刑事附带民事诉讼案件", "cases", "Incidental civil action cases concluded"),
    ("办理涉法涉诉信访案件", "cases", "Law- and litigation-related petitioning cases handled"),
    ("提出行政抗诉", "cases", "Administrative protests lodged"),
    ("追捕", "people", "People added to arrests after being missed"),
    ("判处未成年罪犯", "people", "Juvenile offenders sentenced"),
    ("执行完毕", "cases", "Cases fully enforced"),
    ("查处违纪违法人员", "people",
     "People who violated discipline or law investigated and punished"),
    ("审结财产保全案件", "cases", "Property preservation cases concluded"),
    ("审结少年刑事案件", "cases", "Juvenile criminal cases concluded"),
    ("发回重审率", "percent", "Rate of judgments remanded for retrial"),
    ("办理食品药品安全公益诉讼案件", "cases",
     "Food and drug safety public interest litigation cases handled"),
    # 贪污贿赂 is two crimes; 恶势力 as the Government Work Report's 除恶 says it.
    ("审结贪污贿赂犯罪案件", "cases", "Cases of embezzlement and bribery crime concluded"),
    ("审结恶势力犯罪案件", "cases", "Cases of local criminal gang crime concluded"),
    # Those the plea leniency system was applied to, never the system applied so many times.
    ("适用认罪认罚从宽制度", "people", "People dealt with under the plea leniency system"),
])
def test_common_charges_causes_of_action_and_kinds_of_work(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en



@pytest.mark.parametrize(("label", "unit", "en"), [
    # A number of people counted by an act done to something else counts those people.
    ("提出量刑建议", "people", "People for whom sentencing recommendations were made"),
    ("开展羁押必要性审查", "people", "People whose need for detention was reviewed"),
    # The same act counted as what it produced.
    ("提出量刑建议", "suggestions", "Sentencing recommendations lodged"),
    # Supervision of activities is said as such, before a head noun as a compound.
    ("民事审判活动监督", "count", "Supervision of civil trials"),
    ("办理刑事审判活动监督案件", "cases", "Criminal trial supervision cases handled"),
])
def test_what_people_or_supervision_a_label_counts(label: str, unit: str, en: str) -> None:
    assert english(label, unit) == en


@pytest.mark.parametrize(("label", "unit"), [
    ("撤销不适格父母监护人资格", "persons"),  # People, by an act the vocabulary cannot name them by.
    ("开展司法救助", "yuan"),  # The aid's amount, not the people given it.
])
def test_people_or_an_amount_an_act_cannot_name_stay_empty(label: str, unit: str) -> None:
    assert english(label, unit) is None
