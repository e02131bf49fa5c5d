"""The drafter's number reader: each kind of number, qualifier and change, with seed sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.drafting.numbers import Found, find_figures


def only(text: str, written: str) -> Found:
    """Return the one figure of ``text`` written ``written``."""
    found = [figure for figure in find_figures(text) if figure.written == written]
    assert len(found) == 1, [figure.written for figure in find_figures(text)]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "written", "value", "unit"),
    [
        ("全年共收案100344件，同比上升10.2%", "100344", 100344, "cases"),
        ("做好优化营商环境“加减乘除”法，审结商事案件1.95万件。", "1.95万", 19500, "cases"),
        ("执结案件3.83万件，执行到位总金额72.58亿元", "72.58亿", 7258000000, "yuan"),
        ("受理案件突破 **10万** 件", "10万", 100000, "cases"),
        ("对行贿数额高达 **3655** 万余元的被告人周某判处有期徒刑十年", "3655万", 36550000, "yuan"),
        ("结收比105.5%，同比上升5.5个百分点", "105.5", Decimal("105.5"), "percent"),
        ("法官人均结案486件，同比上升48件", "486", 486, "cases"),
        ("接待群众1263人次，初访当场化解率89.8%", "1263", 1263, "person-times"),
        ("顺利腾退中关村、永定路街道违建房屋2500余平方米", "2500", 2500, "square-metres"),
        ("连续18年发布行政审判白皮书", "18", 18, "years"),
        ("7案入选北京知产法院发布的涉数据反不正当竞争十大典型案例", "7", 7, "cases"),
        # Full-width digits and Chinese numerals, as other reports write them.
        ("全年共受理案件８６５４３件", "８６５４３", 86543, "cases"),
        ("审结刑事案件二千九百一十二件", "二千九百一十二", 2912, "cases"),
    ],
)
def test_numbers_as_reports_write_them(sentence: str, written: str, value: int | Decimal,
                                       unit: str) -> None:
    figure = only(sentence, written)
    assert (figure.value, figure.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "written", "unit"),
    [
        ("依托调解组织成功调解纠纷 **18137** 件", "18137", "disputes"),
        ("全区法院制定酒驾醉驾、保护未成年人权益等司法建议 **220** 件", "220", "suggestions"),
        ("办理群众来信579件", "579", "letters-received"),
        ("办理工单24万余件", "24万", "work-orders"),
        ("审结追索劳动报酬案件 **267** 件", "267", "cases"),
        ("向区委、区党委政法委呈报专题报告 **19** 个", "19", "reports"),
        ("与天津高院、滨海新区法院等6家法院建立常态化交流机制", "6", "courts"),
        ("将42家区属基层治理单位纳入法院调解平台", "42", "organisations"),
        ("为行政机关、高校等开展法律培训29次", "29", "training-sessions"),
        ("加强妇女权益保护，制发人身安全保护令25份。", "25", "orders"),
    ],
)
def test_a_shared_measure_word_takes_the_unit_of_the_noun_counted(sentence: str, written: str,
                                                                  unit: str) -> None:
    assert only(sentence, written).unit == unit


@pytest.mark.parametrize(
    ("sentence", "written", "qualifier"),
    [
        ("涉案金额1000万余元，守护食药安全。", "1000万", "over"),
        ("受教育干部群众和游客达 **3** 万余人次", "3万", "over"),
        ("受理案件突破 **10万** 件", "10万", "exceeds"),
        ("简易案件化解率超90%", "90", "more-than"),
        ("确保 **90%** 以上资金投入中基层", "90", "at-least"),
        ("文书自动履行率达59.8%，同比提升11个百分点", "59.8", "reached"),
        ("推动行政机关负责人出庭应诉率达到 **100%**", "100", "reached"),
        ("向困难群众发放司法救助金近300万元", "300万", "nearly"),
        ("涉案标的额约58.6亿元", "58.6亿", "about"),
        ("审结刑事案件1857件", "1857", None),
    ],
)
def test_qualifiers(sentence: str, written: str, qualifier: str | None) -> None:
    assert only(sentence, written).qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "written", "change"),
    [
        ("全年共收案100344件，同比上升10.2%", "100344", (Decimal("10.2"), "percent", "up", "10.2%")),
        ("未结案26025件，同比下降17.6%", "26025", (Decimal("17.6"), "percent", "down", "17.6%")),
        ("结收比105.5%，同比上升5.5个百分点", "105.5", (Decimal("5.5"), "points", "up", "5.5")),
        ("文书自动履行率达59.8%，同比提升11个百分点", "59.8", (Decimal(11), "points", "up", "11")),
        ("适用小额诉讼程序结案1.05万件，同比上升1.4倍，适用率达17.0%。", "1.05万",
         (Decimal("1.4"), "fold", "up", "1.4")),
        ("法官人均结案486件，同比上升48件", "486", (Decimal(48), "cases", "up", "48")),
        ("审理电信网络诈骗犯罪案件138件，同比上升100%", "138", (Decimal(100), "percent", "up", "100%")),
    ],
)
def test_changes(sentence: str, written: str, change: tuple[Decimal, str, str, str]) -> None:
    found = only(sentence, written).change
    assert found is not None
    assert (found.value, found.unit, found.direction, found.written) == change


def test_a_fall_by_a_fold_is_not_a_change() -> None:
    assert only("审结案件300件，同比下降2倍", "300").change is None


def test_a_change_without_a_level_is_a_figure_of_its_own() -> None:
    figure = only("十类诉源治理重点案件同比下降15.2%，金融类纠纷下降33.5%", "15.2")
    assert (figure.value, figure.unit, figure.change) == (Decimal("15.2"), "percent", None)
    assert figure.label == "十类诉源治理重点案件同比降幅"
    assert only("十类诉源治理重点案件同比下降15.2%，金融类纠纷下降33.5%", "33.5").label == "金融类纠纷降幅"


@pytest.mark.parametrize(
    "sentence",
    [
        "——2024年1月5日在海淀区第十七届人民代表大会第四次会议上",  # A date, ordinals.
        "2024年是贯彻实施“十四五”规划承上启下的关键之年。",  # A year, a plan's name.
        "完成调研课题“1+7”项，深化“1+1+1”递进教惩模式",  # Names in quotation marks.
        "畅通12368热线联系法官渠道",  # A telephone number.
        "入选中国法院10大知识产权案件",  # A rank.
        "依据京0108民初12345号判决书",  # A document number.
        "严格落实防止干预司法“三个规定”，贯彻三个“做实”理念",  # Set phrases.
        "判处有期徒刑十年并处罚金，两年以上未结案基本清零",  # A sentence, a duration.
        "《关于推进知识产权人民调解工作的实施意见》凝聚合力",
        "宣讲团普法百余场",  # One character: a figure of speech.
    ],
)
def test_what_is_not_a_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("审结故意杀人、强奸、抢劫等案件 **143** 件 **211** 人", "211"),  # The cases' defendants.
        ("审理养老诈骗案件6件，判处罪犯51人、挽回老年人损失500万余元", "51"),
        ("刊发普法稿件两千余篇", "两千"),  # A round figure of speech.
        ("召开首次知识产权保护工作会议,发布典型案例 **2** 批 **10** 件", "2"),  # A batch.
        ("召开首次知识产权保护工作会议,发布典型案例 **2** 批 **10** 件", "10"),  # Routine publicity.
        ("召开6场新闻发布会，刊发普法稿件", "6"),
        ("扎实推进“无讼四区”建设，建成11个“法官工作站”", "11"),  # An arrangement, not a result.
    ],
)
def test_figures_read_but_not_key(sentence: str, written: str) -> None:
    figures = [figure for figure in find_figures(sentence) if figure.written == written]
    assert figures and not figures[0].key


def test_labels_come_from_the_phrase_the_number_belongs_to() -> None:
    labels = [figure.label for figure in find_figures(
        "审理非法吸收公众存款犯罪案件123件，涉投资人58.2万人、犯罪金额2659亿余元")]
    assert labels == ["审理非法吸收公众存款犯罪案件", "涉投资人", "犯罪金额"]
    assert only("向19名困难群众发放救助金139.3万余元", "19").label.startswith("困难群众")
