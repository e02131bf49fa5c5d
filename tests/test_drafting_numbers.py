"""The drafter's number reader: each kind of number, qualifier and change, with seed sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from webapp.drafting.numbers import Found, find_figures
from webapp.drafting.periods import period_of


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
        ("发出家庭教育指导令23份。", "23", "orders"),
        # A verb alone counts what the figure before it in its sentence counts, in its measure.
        ("诉前调解纠纷3456件，调解成功2134件。", "2134", "disputes"),
        # A verb with its own object does not (公益诉讼 are cases, not the suggestions before).
        ("发出诉前检察建议512件，提起公益诉讼45件。", "45", "cases"),
        ("审结民事案件300件，结案率95%，调解成功120件。", "120", "cases"),
        # 争议 counts disputes only where it ends what is counted; a kind of work counts cases.
        ("化解行政争议213件。", "213", "disputes"),
        ("开展行政争议实质性化解72件。", "72", "cases"),
        ("移送涉嫌拒执犯罪线索16件。", "16", "leads"),
        ("办理代表建议、议案11件。", "11", "suggestions-motions"),
        # A noun that picks its unit only where it ends the words before the number.
        ("办理群众信访4372件。", "4372", "letters-received"),
        ("化解信访积案17件。", "17", "cases"),
        ("新建示范法院3家。", "3", "courts"),
        # Lengths patrolled and sites put right are units of their own.
        ("巡查铁路沿线2160公里。", "2160", "kilometres"),
        ("督促整改安全隐患438处。", "438", "sites"),
        ("全市法院走访企业1260家。", "1260", "organisations"),
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
        # 送达 is a verb (serving documents), its 达 no qualifier; the label keeps it whole.
        ("电子送达法律文书2.3万次", "2.3万", None),
        ("直接送达1200次", "1200", None),
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
        ("平均审理天数为58.3天，较上年缩短6.4天", "58.3", (Decimal("6.4"), "days", "down", "6.4")),
        # So many more or fewer concluded or received.
        ("法官人均结案396件，比上年多结42件", "396", (Decimal(42), "cases", "up", "42")),
        ("全年收案1200件，比上年少收36件", "1200", (Decimal(36), "cases", "down", "36")),
    ],
)
def test_changes(sentence: str, written: str, change: tuple[Decimal, str, str, str]) -> None:
    found = only(sentence, written).change
    assert found is not None
    assert (found.value, found.unit, found.direction, found.written) == change


def test_a_fall_by_a_fold_is_not_a_change() -> None:
    assert only("审结案件300件，同比下降2倍", "300").change is None


def test_a_change_without_its_figure_is_never_a_figure() -> None:
    # The level of what fell is not stated: a 15.2% drawn as a figure would read as a count.
    assert find_figures("十类诉源治理重点案件同比下降15.2%，金融类纠纷下降33.5%") == []
    assert find_figures("经复议案件行政机关败诉率同比下降0.7个百分点") == []
    assert find_figures("协助送达民商事文书平均时间缩短12天") == []


@pytest.mark.parametrize(
    ("sentence", "changes"),
    [
        ("最高人民法院收案29154件，结案31958件，同比分别下降16.5%、1.8%。",
         {"29154": ("16.5", "16.5%", "down"), "31958": ("1.8", "1.8%", "down")}),
        ("受理审查逮捕案件5.2万件，审结4.8万件，分别同比上升3.1%和2.2%",
         {"5.2万": ("3.1", "3.1%", "up"), "4.8万": ("2.2", "2.2%", "up")}),
        ("撤销监护人资格997名，发出禁令435份，同比分别增长66.7%、90.8%。",
         {"997": ("66.7", "66.7%", "up"), "435": ("90.8", "90.8%", "up")}),
        ("收案1.2万件，同比增幅为12.5%。", {"1.2万": ("12.5", "12.5%", "up")}),
        ("结案率98.1%，自动履行率85.2%，同比分别提高2.4个、0.6个百分点",
         {"98.1": ("2.4", "2.4", "up"), "85.2": ("0.6", "0.6", "up")}),
        # A list that turns direction midway: each amount goes the way the word before it says.
        ("批准逮捕2.14万人、提起公诉5.36万人，同比分别下降4.3%、上升2.1%。",
         {"2.14万": ("4.3", "4.3%", "down"), "5.36万": ("2.1", "2.1%", "up")}),
        ("审结甲案件1.36万件、乙案件218件、丙案件90件，同比分别上升3.2%、下降26.1%、8%。",
         {"1.36万": ("3.2", "3.2%", "up"), "218": ("26.1", "26.1%", "down"),
          "90": ("8", "8%", "down")}),
        # Its figures may stand in clauses a semicolon parts, within the sentence.
        ("对应当立案而不立案的，监督立案2.4万件；对不应当立案而立案的，监督撤案3.6万件，同比分别上升5.1%、2.8%。",
         {"2.4万": ("5.1", "5.1%", "up"), "3.6万": ("2.8", "2.8%", "up")}),
        # A comma may part the items where the direction turns.
        ("受理案件128.6万件，审结119.4万件，结案标的额2863.5亿元，同比分别增长3.2%、4.1%，下降6.8%。",
         {"128.6万": ("3.2", "3.2%", "up"), "119.4万": ("4.1", "4.1%", "up"),
          "2863.5亿": ("6.8", "6.8%", "down")}),
        # Two changes after cases and their people (X件Y人): one each.
        ("审结电信网络诈骗犯罪案件1157件2036人，同比分别上升8.6%、11.2%。",
         {"1157": ("8.6", "8.6%", "up"), "2036": ("11.2", "11.2%", "up")}),
        # After a list of such pairs, the changes are the cases' (件数, 下同), and not told apart
        # from what stands between: none is attached.
        ("审结甲案件10件20人、乙案件5件8人，同比分别上升1%、2%。",
         {"10": None, "20": None, "5": None, "8": None}),
        # A sentence of its own naming earlier figures: the last of the unit its noun says.
        ("批准逮捕142件191人；提起公诉428件572人。批准逮捕、提起公诉人数同比分别下降11.6%、上升5.3%。",
         {"142": None, "191": ("11.6", "11.6%", "down"), "428": None,
          "572": ("5.3", "5.3%", "up")}),
        # Named otherwise than the figures are labelled, or each year on average: none.
        ("批准逮捕142件191人；提起公诉428件572人。逮捕、公诉人数年均分别下降11.6%、5.3%。",
         {"142": None, "191": None, "428": None, "572": None}),
    ],
)
def test_a_list_of_changes_goes_to_its_figures_in_order(
        sentence: str, changes: dict[str, tuple[str, str, str] | None]) -> None:
    figures = find_figures(sentence)
    assert {figure.written for figure in figures} == set(changes)
    for figure in figures:
        expected = changes[figure.written]
        if expected is None:
            assert figure.change is None
            continue
        assert figure.change is not None
        assert (str(figure.change.value), figure.change.written, figure.change.direction) == expected
        assert figure.change.written in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # Average annual rates and rates against another span are not year-on-year changes.
        "五年来审结物权纠纷、人格权纠纷案件分别为175.2万件、96万件，年均分别增长0.7%、5.1%",
        "过去五年审结危害网络安全犯罪案件9326件，较上一个五年增长158.5%",
        # A list against another span: its amounts are no figures either.
        "五年来受理案件98.64万件、审结96.87万件，分别比上一个五年增长31.4%、30.2%",
        # Nor is a count a change against another span stands on.
        "五年来审结案件3412件，比上一个五年增加120件",
        # The rates of something else (上访), or more rates than figures.
        "巡回审判3959人次，相关上访分别下降23.9%、2.1%",
    ],
)
def test_a_change_of_another_basis_or_subject_is_not_attached(sentence: str) -> None:
    figures = find_figures(sentence)
    assert figures and all(figure.change is None for figure in figures)
    assert all(figure.unit != "percent" for figure in figures)


@pytest.mark.parametrize(
    ("sentence", "against", "change"),
    [
        # Against the end of last year, or a named year: read with what it is against.
        ("一年以上长期未结案件21件，较上年末减少36件。", "", (Decimal(36), "cases", "down")),
        ("审结行政案件53件，比2024年增加8件。", "2024年", (Decimal(8), "cases", "up")),
        # Against the year's start, which is last year's end.
        ("十二个月以上长期未结案件267件，较年初下降38.9%。", "", (Decimal("38.9"), "percent", "down")),
        # A change in the figure's own measure word counts what the figure does.
        ("发出人身安全保护令23份，同比增加9份。", "", (Decimal(9), "orders", "up")),
    ],
)
def test_a_change_against_last_year_s_end_or_a_named_year(
        sentence: str, against: str, change: tuple[Decimal, str, str]) -> None:
    figures = find_figures(sentence)
    assert len(figures) == 1 and figures[0].change is not None
    found = figures[0].change
    assert (found.value, found.unit, found.direction) == change and found.against == against


def test_a_change_after_an_earlier_level_is_the_figure_s_compared_with_it() -> None:
    text = "受理涉侨案件2186件，比2024年的2037件上升7.3%。"
    now, before = find_figures(text)
    assert now.change is not None and now.change.value == Decimal("7.3") and before.change is None
    assert period_of(text, before.start, 2025) == "2024年" and period_of(text, now.start, 2025) is None


def test_cases_and_their_people_share_the_changes_named_by_their_counts() -> None:
    cases, people = find_figures("提起公诉612件823人，件数、人数同比分别上升4.6%和3.9%。")
    assert cases.change is not None and people.change is not None
    assert (cases.change.value, people.change.value) == (Decimal("4.6"), Decimal("3.9"))


def test_changes_naming_the_acts_they_count_go_to_those_figures() -> None:
    accepted, concluded = find_figures(
        "市高院受理案件21438件，审结20817件，受理数同比下降1.8%，审结数同比增长2.2%。")
    assert accepted.change is not None and concluded.change is not None
    assert (accepted.change.direction, accepted.change.value) == ("down", Decimal("1.8"))
    assert (concluded.change.direction, concluded.change.value) == ("up", Decimal("2.2"))


@pytest.mark.parametrize(("sentence", "changed"), [
    ("审结未成年人犯罪案件87件，判处未成年被告人103人，人数同比下降14.2%。", "people"),
    ("起诉非法捕捞水产品犯罪37件82人，件数同比上升15.6%。", "cases"),
    ("审结电信网络诈骗犯罪案件206件361人，案件数同比上升11.4%。", "cases"),
    ("审结毒品犯罪案件50件61人，人数同比下降3%。", "people"),
])
def test_a_change_naming_its_count_goes_to_that_count(sentence: str, changed: str) -> None:
    cases, people = find_figures(sentence)[-2:]
    named, other = (cases, people) if changed == "cases" else (people, cases)
    assert named.change is not None and named.change.unit == "percent" and other.change is None


def test_a_list_of_changes_against_a_named_year_is_read_with_that_year() -> None:
    rates = find_figures("不捕率48.3%、不诉率29.6%，分别比2024年上升2.4个和1.7个百分点。")
    assert [(rate.change.value, rate.change.unit, rate.change.against) for rate in rates
            if rate.change] == [(Decimal("2.4"), "points", "2024年"), (Decimal("1.7"), "points", "2024年")]


def test_cases_and_their_people_are_two_figures_with_two_labels() -> None:
    figures = find_figures("审结故意杀人等严重暴力犯罪案件4.6万件5.3万人，同比下降7.3%（件数，下同）。")
    cases, people = figures
    assert (cases.written, cases.unit, people.written, people.unit) == ("4.6万", "cases", "5.3万", "people")
    assert cases.label == "审结故意杀人等严重暴力犯罪案件"
    assert people.label == "审结故意杀人等严重暴力犯罪案件涉案人数"
    assert cases.key and people.key
    # The change after the pair is the cases' (件数).
    assert cases.change is not None and cases.change.written == "7.3%" and people.change is None


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
        # A count of one character opens no clause, quotation or story, nor is 一 or 两 one.
        "两名青年非法获取并散布他人隐私信息，被依法定罪判刑。",
        "办好“四件大事”，坚持一案一策、一人一档。",
    ],
)
def test_what_is_not_a_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("召开首次知识产权保护工作会议,发布典型案例 **2** 批 **10** 件", "2"),  # A batch.
        ("召开首次知识产权保护工作会议,发布典型案例 **2** 批 **10** 件", "10"),  # Routine publicity.
        ("审结环境资源案件368件，召开新闻发布会6场", "6"),  # Publicity said in passing.
    ],
)
def test_figures_read_but_not_key(sentence: str, written: str) -> None:
    figures = [figure for figure in find_figures(sentence) if figure.written == written]
    assert figures and not figures[0].key


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        ("深化司法公开，召开新闻发布会14场，发布典型案例96个。", "14", "召开新闻发布会"),
        ("深化司法公开，召开新闻发布会14场，发布典型案例96个。", "96", "发布典型案例"),
        ("召开6场新闻发布会，刊发普法稿件两千余篇", "6", "召开新闻发布会"),
        ("召开新闻发布会23场，新媒体平台发布信息8600余条。", "23", "召开新闻发布会"),
    ],
)
def test_publicity_counts_are_figures_in_a_sentence_about_publicity(
        sentence: str, written: str, label: str) -> None:
    figure = next(figure for figure in find_figures(sentence) if figure.written == written)
    assert figure.key and figure.label == label


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        # What was set up or done is a figure wherever the clause puts its number.
        ("扎实推进“无讼四区”建设，建成11个“法官工作站”", "11", "建成“法官工作站”"),
        ("防范化解重大矛盾风险，开展8次专项矛盾排查，圆满完成任务", "8", "开展专项矛盾排查"),
        # Those sentenced in the cases just counted.
        ("审理养老诈骗案件6件，判处罪犯51人、挽回老年人损失500万余元", "51", "审理养老诈骗案件判处罪犯"),
        # …so too after a share said of those cases.
        ("审结毒品犯罪案件736件，占全部刑事案件的25.7%，判处罪犯842人", "842", "审结毒品犯罪案件判处罪犯"),
    ],
)
def test_figures_done_or_set_up_are_key(sentence: str, written: str, label: str) -> None:
    figure = only(sentence, written)
    assert figure.key and figure.label == label


def test_labels_come_from_the_phrase_the_number_belongs_to() -> None:
    labels = [figure.label for figure in find_figures(
        "审理非法吸收公众存款犯罪案件123件，涉投资人58.2万人、犯罪金额2659亿余元")]
    # The investors and the sums are those cases': alone, 涉投资人 names nothing.
    assert labels == ["审理非法吸收公众存款犯罪案件", "审理非法吸收公众存款犯罪案件涉投资人",
                      "审理非法吸收公众存款犯罪案件犯罪金额"]
    assert only("严惩生产销售假冒食品药品行为，涉案金额1000万余元", "1000万").label == \
        "生产销售假冒食品药品行为涉案金额"
    # Those a verb acts on after 向, 将, 对: what was done to them, then who they are.
    assert only("向19名困难群众发放救助金139.3万余元", "19").label == "发放救助金的困难群众"
    assert only("向19名困难群众发放救助金139.3万余元", "139.3万").label == "发放救助金"
    assert only("将42家区属基层治理单位纳入法院调解平台，推进在线调解", "42").label == \
        "纳入法院调解平台的区属基层治理单位"
    # A number that opens its clause: what became of those counted (the measure word 案 names cases).
    assert only("7案入选涉数据反不正当竞争十大典型案例。", "7").label == \
        "入选涉数据反不正当竞争十大典型案例的案件"
    assert only("2项调研成果获市高院专项课题奖，", "2").label == "获市高院专项课题奖的调研成果"
    assert only("与天津高院等6家法院建立常态化交流机制，", "6").label == "建立常态化交流机制的法院"
    assert only("引入家庭教育指导；在10案中启用社会观护程序", "10").label == "启用社会观护程序的案件"
    # Where and how it was done are not what is counted.
    assert only("在海淀图书馆、圆明园等单位挂牌6家“普法驿站”", "6").label == "挂牌“普法驿站”"
    assert only("顺利腾退中关村、永定路街道违建房屋2500余平方米", "2500").label == \
        "腾退中关村、永定路街道违建房屋"


@pytest.mark.parametrize(
    "sentence",
    [
        "依法惩治离职员工侵犯商业秘密，张某等14人非法获取原公司芯片技术信息。",
        "某上市公司虚增营收11亿元，法院依法判令公司赔偿投资者损失7.7亿元。",
    ],
)
def test_the_numbers_of_a_case_told_as_a_story_are_not_key(sentence: str) -> None:
    # Reports name a case's parties with 某: its numbers are the case's, not the court's work.
    assert find_figures(sentence) and not any(figure.key for figure in find_figures(sentence))


def test_a_place_or_body_whose_name_is_withheld_tells_no_story() -> None:
    # 某某铁路公安处 is a body whose name is left out, no party to a case.
    found = find_figures("与某某铁路公安处共建侦查监督与协作配合办公室，监督立案5件、监督撤案3件。")
    assert [figure.written for figure in found if figure.key] == ["5", "3"]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("3700多名退休法官为化解矛盾纠纷贡献力量。", "退休法官"),
        ("34万名人民陪审员为弘扬司法民主发挥着更大作用。", "人民陪审员"),
        ("向3.8万名涉诉困难群众发放司法救助金8.5亿元。", "发放司法救助金的涉诉困难群众"),
        # Where they were sent is what they were counted by, as what they did is; a word of
        # its own opening with 到 (到位) is no place they were sent to.
        ("选派3名审判业务专家到最高人民法院跟班学习。", "选派到最高人民法院跟班学习的审判业务专家"),
        ("选派两名青年法官到州中级人民法院跟班学习。", "选派到州中级人民法院跟班学习的青年法官"),
        ("与11家仲裁机构、商事调解组织签订合作协议。", "签订合作协议的仲裁机构、商事调解组织"),
        ("1130名被执行人迫于信用惩戒压力主动履行义务。", "迫于信用惩戒压力主动履行义务的被执行人"),
    ],
)
def test_a_leading_number_counts_the_noun_after_it(sentence: str, label: str) -> None:
    assert find_figures(sentence)[0].label == label


@pytest.mark.parametrize(
    "sentence",
    [
        "浙江法院对非法排放废盐酸污染湖泊的涉案企业及10名责任人员定罪判刑，并判令赔偿修复费用等4.8亿元。",
        "江西多部门在党委领导下联动治理“执行难”，化解积案2.5万件。",
    ],
)
def test_the_numbers_of_a_local_example_are_not_key(sentence: str) -> None:
    # A national or provincial report illustrates with a place's courts: the example's numbers.
    assert find_figures(sentence) and not any(figure.key for figure in find_figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("最高人民法院制发司法解释15件、指导性案例20件。",
         ["最高人民法院制发司法解释", "最高人民法院制发指导性案例"]),
        ("办结申请承认（认可）与执行境外仲裁裁决案件108件。", ["办结申请承认（认可）与执行境外仲裁裁决案件"]),
        ("向3.8万名涉诉困难群众发放司法救助金8.5亿元。", ["发放司法救助金的涉诉困难群众", "发放司法救助金"]),
        ("“总对总”多元解纷合作单位增至18家。", ["“总对总”多元解纷合作单位"]),
        ("办理全国政协提案185件。", ["办理全国政协提案"]),
    ],
)
def test_labels_along_a_sentence(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


def test_a_named_noun_outweighs_a_case_noun_it_ends_with() -> None:
    assert find_figures("办理全国政协提案185件。")[0].unit == "proposals"  # 提案 ends with 案.


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        # A count in words with 余 is a count, as 30余场 is; one character (百余场) is a figure of
        # speech, as 上百 and 数十 are.
        ("开展法治进校园活动三十余场。", ["三十"]),
        ("判令被告人补植复绿一百二十余亩。", ["一百二十"]),
        ("普法百余场，数十余件。", []),
    ],
)
def test_a_count_in_words_with_yu_is_a_figure_over_it(sentence: str, key: list[str]) -> None:
    figures = [figure for figure in find_figures(sentence) if figure.key]
    assert [figure.written for figure in figures] == key
    assert all(figure.qualifier == "over" for figure in figures)


def test_a_qualifier_between_number_and_scale() -> None:
    # Written as the quote writes it (220余万), so that it is drafted and the check holds it.
    figure = only("减少衍生案220余万件。", "220余万")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(2200000), "cases", "over")
    assert figure.key


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # The year a clause opens with is the figures' period, not what they count.
        ("2024年审结知识产权案件1932件。", ["审结知识产权案件"]),
        ("2024年依法对3名被告人宣告无罪。", ["宣告无罪的被告人"]),
        # A year that says more than the year (since, the end of) stays.
        ("2024年以来审结案件3件。", ["2024年以来审结案件"]),
        # The level reached after 增至/提升至 is of what the first level counts.
        ("法官年人均结案数由2019年的248件增至2024年的371件。", ["法官年人均结案数"] * 2),
        ("行政机关负责人出庭应诉率由2020年的41.6%提升至2024年的96.8%。",
         ["行政机关负责人出庭应诉率"] * 2),
        ("民事案件平均审理天数由48天缩短至42天。", ["民事案件平均审理天数"] * 2),
        # Those something was done for (为…) are counted as those it was done for.
        ("为2600多名劳动者追回劳动报酬5400多万元。", ["追回劳动报酬的劳动者", "追回劳动报酬"]),
        # Cases and their people counted by a verb alone: the cases it was done in.
        ("批准逮捕142件191人。", ["批准逮捕案件", "批准逮捕案件涉案人数"]),
        # A negated act is an act of its own; ending the label, it is done to whom the 对-phrase
        # names, which stays (不起诉 of minors is not 不起诉 of all suspects).
        ("对涉罪未成年人附条件不起诉9人。", ["对涉罪未成年人附条件不起诉"]),
        # A class (…类) of the whole (其中) is said before the whole's kind.
        ("审结知识产权案件1.2万件，其中技术类案件2863件。", ["审结知识产权案件", "审结技术类知识产权案件"]),
        # A charge a sentence was passed for (以…罪判处) names what is counted; 将 is whom to.
        ("将1376人纳入失信被执行人名单，以拒不执行判决、裁定罪判处5人。",
         ["纳入失信被执行人名单", "以拒不执行判决、裁定罪判处"]),
        # A share with no whole named after 占 is their share (占比); for whom (为…) stays.
        ("审结毒品犯罪案件1196件，判处五年以上有期徒刑至死刑的罪犯占41.7%。",
         ["审结毒品犯罪案件", "判处五年以上有期徒刑至死刑的罪犯占比"]),
        ("为投资者挽回损失9.26亿元。", ["为投资者挽回损失"]),
        # 审（执）结 alone, across a semicolon, counts the cases received before it.
        ("受理各类案件16842件；审（执）结16215件。", ["受理各类案件", "审（执）结各类案件"]),
        # A 分别 list may join its last item with 和; 涉 and the head are every item's.
        ("审结物权纠纷、侵权责任纠纷案件分别为12件和13件。", ["审结物权纠纷案件", "审结侵权责任纠纷案件"]),
        ("审结网络服务合同纠纷案件6420件，其中涉网络游戏、在线教育的案件分别为1132件和864件。",
         ["审结网络服务合同纠纷案件", "审结涉网络游戏网络服务合同纠纷案件",
          "审结涉在线教育网络服务合同纠纷案件"]),
        # A part is of the last whole of its own unit; 在线 is a word, no 在 of where; how it
        # was done (通过…方式) says nothing of what is counted.
        ("审结一审民商事案件28.64万件，诉讼标的额1375亿元，其中合同纠纷案件13.2万件。",
         ["审结一审民商事案件", "审结一审民商事案件诉讼标的额", "审结合同纠纷案件"]),
        ("在线诉前调解纠纷1.38万件。", ["在线诉前调解纠纷"]),
        ("通过诉讼平台、短信等方式电子送达文书28.7万次。", ["电子送达文书"]),
        # How it went for them (妥善安置) says what became of those counted.
        ("帮助3.6万名职工妥善安置。", ["妥善安置的职工"]),
        # A rate of what a list names (…的…率) keeps the list.
        ("依法改判、发回重审案件的改发率为4.7%。", ["改判、发回重审案件的改发率"]),
        # A part (其中) of a listed whole, or a crime, names its own kind.
        ("起诉盗窃、诈骗等侵财犯罪89人，其中电信网络诈骗犯罪53人。",
         ["起诉盗窃、诈骗等侵财犯罪", "起诉电信网络诈骗犯罪"]),
        ("审结刑事案件100件，其中毒品犯罪案件12件。", ["审结刑事案件", "审结毒品犯罪案件"]),
    ],
)
def test_labels_leave_out_what_is_not_counted(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [("督促纠正脱管漏管等问题12个。", "issues"), ("新建、改扩建人民法庭6个。", "tribunals"),
     ("实施重点项目12个。", "projects"), ("设立法官工作室182个。", "count")],
)
def test_the_noun_counted_by_ge_picks_its_unit(sentence: str, unit: str) -> None:
    assert [figure.unit for figure in find_figures(sentence)] == [unit]


def test_a_listed_label_that_says_what_was_done_keeps_its_own_words() -> None:
    labels = [figure.label for figure in find_figures("依法驳回起诉2331件、司法处罚694件。")]
    assert labels == ["驳回起诉", "司法处罚"]


def test_related_cases_are_the_cases_of_the_crimes_the_sentence_names() -> None:
    cases, people = find_figures("严惩非法集资等犯罪，审结相关案件1.1万件2.2万人，同比下降0.6%。")
    assert cases.label == "审结非法集资等犯罪案件"
    assert people.label == "审结非法集资等犯罪案件涉案人数"


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # 对 + whom + number + noun + what was done: what was done to them is what counts them.
        ("对35名毒品犯罪分子判处五年以上有期徒刑。", ["判处五年以上有期徒刑的毒品犯罪分子"]),
        ("对120名初犯、偶犯依法从宽处罚。", ["依法从宽处罚的初犯、偶犯"]),
        # A verb of deciding keeps its place; a verb of helping gives way to the outcome.
        ("认定15件已起诉案件不应追究刑事责任。", ["认定不应追究刑事责任的已起诉案件"]),
        ("推动320家“僵尸企业”依法退出市场。", ["依法退出市场的“僵尸企业”"]),
        ("再审改判3名被告人、2家企业无罪。", ["再审改判无罪的被告人", "再审改判无罪的企业"]),
        # Names before 等 are examples of those counted.
        ("依法惩处刘国栋、陈志远等6名原厅级干部。", ["惩处原厅级干部"]),
        # The noun after the measure word at the clause's end is what is counted.
        ("出台优化营商环境12条措施。", ["出台优化营商环境措施"]),
        ("推广45类民事起诉状、答辩状示范文本。", ["推广民事起诉状、答辩状示范文本"]),
        # Why it happened is left out; its passive end (被查处) says what befell them.
        ("全市法院3名干警、基层法院21名干警因违纪违法被查处。",
         ["被查处的全市法院干警", "被查处的基层法院干警"]),
        ("60个“枫桥式人民法庭”示范创建。", ["示范创建的“枫桥式人民法庭”"]),
    ],
)
def test_the_noun_after_a_measure_word_and_what_became_of_it(sentence: str,
                                                            labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence) if figure.key] == labels


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("培训来自20个国家的150名法官。", "150"),
        # The courts that did what the next number counts: its scope, not a figure.
        ("12个山区法院审结各类案件3400件。", "3400"),
    ],
)
def test_a_number_describing_what_another_counts_is_not_a_figure(sentence: str, key: str) -> None:
    assert [figure.written for figure in find_figures(sentence) if figure.key] == [key]


def test_a_figure_of_an_earlier_year_before_the_years_stays_a_figure() -> None:
    figures = find_figures("受理此类案件由2021年361件增至2025年712件。")
    assert [figure.written for figure in figures if figure.key] == ["361", "712"]


def test_a_local_example_goes_on_after_a_semicolon() -> None:
    sentence = "广东法院推广示范条款；当事人选择由其管辖的案件45件。"
    assert find_figures(sentence) and not any(figure.key for figure in find_figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # The things in which something was done: 在…中.
        ("在12起案件中启用社会观护程序。", "启用社会观护程序的案件"),
        # A noun that ends in a particle's character keeps it.
        ("涉农维权案件结案标的320万元。", "涉农维权案件结案标的"),
        # A stop word inside a word (对 of 相对) does not end what is counted.
        ("精准帮扶8个相对薄弱基层法院。", "精准帮扶相对薄弱基层法院"),
        # How it was done is left out; a noun that only starts like an adverb is kept.
        ("规范办理代表建议21件。", "办理代表建议"),
        ("高效审结环境资源案件368件。", "审结环境资源案件"),
        ("集中清理规范性文件15件。", "集中清理规范性文件"),
    ],
)
def test_labels_leave_out_manner_and_keep_whole_words(sentence: str, label: str) -> None:
    assert find_figures(sentence)[0].label == label


def test_case_times_are_a_unit_of_their_own() -> None:
    figure = only("对侦查活动中的违法情形提出纠正意见2300件次。", "2300")
    assert (figure.unit, figure.label) == ("case-times", "对侦查活动中的违法情形提出纠正意见")


@pytest.mark.parametrize(("sentence", "labels"), [
    # Opinions and suggestions say nothing of what they are on: the 对-phrase names it, so that
    # those on investigation and on penalty enforcement are not one label.
    ("对刑罚执行和监管活动中的违法情形提出纠正意见9.8万件次。",
     ["对刑罚执行和监管活动中的违法情形提出纠正意见"]),
    ("对民事执行活动提出检察建议5.8万件。", ["对民事执行活动提出检察建议"]),
    # A bare rate after it is of the act's object.
    ("对侦查活动违法情形提出书面纠正意见5216件次，采纳率达96.3%。",
     ["对侦查活动违法情形提出书面纠正意见", "书面纠正意见采纳率"]),
    # An act that names its own object drops the 对-phrase as before.
    ("对涉案企业开展合规考察126件。", ["开展合规考察"]),
])
def test_the_object_of_an_opinion_or_suggestion_stays_in_its_label(sentence: str,
                                                                   labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


def test_a_bare_rate_is_of_what_the_figure_before_counts() -> None:
    labels = [figure.label for figure in find_figures("制发检察建议1200件，采纳率98%。")]
    assert labels == ["制发检察建议", "检察建议采纳率"]
    # A rate that names itself keeps its label.
    assert find_figures("受理案件100件，一审服判息诉率90.2%。")[1].label == "一审服判息诉率"


def test_a_case_told_with_its_party_after_the_number_is_no_key_figure() -> None:
    # The party named with 某 after the number, in the same clause: the case's detail.
    assert not only("对行贿数额高达3655万余元的被告人周某判处有期徒刑十年", "3655万").key


def test_those_something_was_set_up_with_are_counted_with_it() -> None:
    assert only("- 与 **12** 家单位建立诉调对接机制", "12").label == "建立诉调对接机制的单位"


@pytest.mark.parametrize(("sentence", "labels"), [
    # A meeting after a comma, of the same unit, shares the verb of the one before.
    ("召开法官会议295次，审委会38次，审委会工作经验被推广。", ["召开法官会议", "召开审委会"]),
    # A label with its own verb keeps it (never 审结审结…).
    ("审结合同纠纷案件2345件，审结民间借贷纠纷案件876件。", ["审结合同纠纷案件", "审结民间借贷纠纷案件"]),
    ("受理控告申诉案件1532件，办理国家司法救助案件238件。", ["受理控告申诉案件", "办理国家司法救助案件"]),
    # The rate of the last item of a list, and a bare rate of its verb's object.
    ("实现两年以上未结案基本清零、一年以上案件清理率达98%", ["一年以上案件清理率"]),
    ("适用小额诉讼程序结案1.05万件，同比上升1.4倍，适用率达17.0%。",
     ["适用小额诉讼程序结案", "小额诉讼程序适用率"]),
    # A share names what it is of; a second predicate (并…) is no part of the label.
    ("实现75%的劳动争议以非诉方式化解。", ["以非诉方式化解的劳动争议占比"]),
    ("收集代表意见建议108条并认真落实。", ["收集代表意见建议"]),
    # A bare verb is the body the sentence names.
    ("充分发挥速裁团队办案主力军作用，结案3.42万件。", ["速裁团队结案"]),
])
def test_labels_of_meetings_rates_shares_and_bodies(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


def test_a_panels_size_is_no_key_figure() -> None:
    assert not only("落实大合议庭陪审机制，组成7人合议庭审理重大刑事案件。", "7").key


def test_a_level_reached_is_no_share() -> None:
    assert "占比" not in only("审判质效达到95%的水平。", "95").label


@pytest.mark.parametrize(("sentence", "labels"), [
    # A verb alone takes what the figure before it counts, its subject and kind, in its own
    # verb's place; the people prosecuted are those of the crimes, not their cases. An adverb
    # between subject and verb (共, 已) says nothing of what is counted.
    ("全市两级法院共受理各类案件21.36万件，审结20.87万件。",
     ["全市两级法院受理各类案件", "全市两级法院审结各类案件"]),
    ("受理监察机关移送职务犯罪案件512件634人，已起诉588人。",
     ["受理监察机关移送职务犯罪案件", "受理监察机关移送职务犯罪案件涉案人数", "起诉监察机关移送职务犯罪"]),
    # Only from a figure of its unit: the cases, not the offenders sentenced in between.
    ("受理刑事案件100件，判处罪犯120人，审结90件。",
     ["受理刑事案件", "判处罪犯", "审结刑事案件"]),
    # Nor where the earlier object names the verb's own procedure (审查起诉案件, then 起诉).
    ("受理审查起诉案件1386件1752人，起诉1418人。",
     ["受理审查起诉案件", "受理审查起诉案件涉案人数", "起诉"]),
    # 提起公诉 names its act whole: it takes nothing from the figure before.
    ("批准逮捕犯罪嫌疑人10.2万人，提起公诉26.5万人。", ["批准逮捕犯罪嫌疑人", "提起公诉"]),
    # So do the cases and people of a verb alone (起诉41件47人), and the object after the verb's
    # own procedure (移送审查起诉职务犯罪: 起诉职务犯罪).
    ("受理监察机关移送职务犯罪案件46件53人，起诉41件47人。",
     ["受理监察机关移送职务犯罪案件", "受理监察机关移送职务犯罪案件涉案人数",
      "起诉监察机关移送职务犯罪案件", "起诉监察机关移送职务犯罪案件涉案人数"]),
    ("受理监察机关移送审查起诉职务犯罪436人，已起诉391人。",
     ["受理监察机关移送审查起诉职务犯罪", "起诉职务犯罪"]),
    # A decision on the procedure the figure before received its people for counts them too.
    ("受理审查逮捕犯罪嫌疑人3200人，批准逮捕2100人，不批准逮捕900人。",
     ["受理审查逮捕犯罪嫌疑人", "批准逮捕犯罪嫌疑人", "不批准逮捕犯罪嫌疑人"]),
    # The next field's cases after a share said of the one before.
    ("立案办理公益诉讼案件82件，其中生态环境和资源保护领域43件，占52.4%；食品药品安全、文物保护等"
     "其他领域39件。",
     ["立案办理公益诉讼案件", "立案办理生态环境和资源保护领域公益诉讼案件",
      "生态环境和资源保护领域公益诉讼案件占比", "立案办理食品药品安全、文物保护等其他领域公益诉讼案件"]),
    # An item of a 、 list without a verb of its own shares the first item's.
    ("评选表彰先进集体12个、先进个人46名。", ["评选表彰先进集体", "评选表彰先进个人"]),
    # A procedure listed alone is received too.
    ("受理审查逮捕1.42万人、审查起诉3.37万人。", ["受理审查逮捕", "受理审查起诉"]),
    ("监督侦查机关立案1264件、撤案1837件。", ["监督侦查机关立案", "监督撤案"]),
    # A bare rate after a 、 list is of the whole list.
    ("办理人大代表建议21件、政协委员提案9件，办结率100%。",
     ["办理人大代表建议", "办理政协委员提案", "人大代表建议、政协委员提案办结率"]),
    # A level held or reached (稳定在, 提高至) is no part of what is counted.
    ("认罪认罚从宽制度适用率稳定在90%以上。", ["认罪认罚从宽制度适用率"]),
    ("行政机关负责人出庭应诉率提高至96.2%。", ["行政机关负责人出庭应诉率"]),
    # Verbs listed alone (审结、执结) take what the figure before counts, as one verb does.
    ("全省法院受理案件186.7万件，审结、执结179.3万件。", ["全省法院受理案件", "全省法院审结、执结案件"]),
    # A clause opening with 对 has its own verb: it inherits none.
    ("依法办理涉民营企业刑事案件2891件，对涉案企业适用合规改革案件137件。",
     ["办理涉民营企业刑事案件", "对涉案企业适用合规改革案件"]),
    # After 对, a bare act (抗诉) keeps whom it was done to; a verb that only describes them
    # (拟不起诉等案件) is not the clause's.
    ("对认为确有错误的刑事裁判提出抗诉186件。", ["对刑事裁判提出抗诉"]),
    ("对拟不起诉等案件举行公开听证4268件。", ["举行公开听证"]),
    # A coercive measure alone, in a sentence about enforcement, is enforcement's.
    ("加强执行强制力度，移送拒执罪案件17件、拘留21人次。", ["移送拒执罪案件", "执行拘留"]),
    ("对被执行人拘留21人次。", ["对被执行人拘留"]),
    # An adverb of summing up before the number leaves the label too.
    ("办理代表建议、委员提案共32件。", ["办理代表建议、委员提案"]),
    # The amount in dispute is of the cases counted before it.
    ("审结买卖合同、金融借款等商事案件5.82万件，标的额达386.4亿元。",
     ["审结买卖合同、金融借款等商事案件", "审结买卖合同、金融借款等商事案件标的额"]),
])
def test_labels_that_take_what_the_sentence_says_before(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


@pytest.mark.parametrize(("sentence", "counted"), [
    # 一 counts where it ends its clause...
    ("提出刑事抗诉3件，法院已改判一件。", ["3", "一"]),
    ("开展看守所巡回检察一次。", ["一"]),
    # ...never in a way of working, a slogan, a frequency or a phrase.
    ("推行一人一档、一件一策。", []),
    ("坚持办理一件、回复一件、销号一件，群众满意。", []),
    ("每年至少开展一次。", []),
    ("像石榴籽一样紧紧抱在一起，共同发展。", []),
])
def test_a_count_of_one_is_read_only_where_it_ends_its_clause(sentence: str, counted: list[str]) -> None:
    assert [figure.written for figure in find_figures(sentence)] == counted


@pytest.mark.parametrize(("sentence", "unit"), [
    # Suggestions and proposals counted together take the unit naming both.
    ("办理人大代表建议、政协委员提案15件。", "suggestions-proposals"),
    ("发出督促监护令1386份。", "orders"),
    ("督促修复被污染土地1850亩。", "mu"),
    ("督促恢复林地面积120公顷。", "hectares"),
    ("督促清理生活垃圾3200吨。", "tonnes"),
    # Groups received, one a visit: not a batch of releases (发布典型案例2批).
    ("接待群众来访312批次。", "batch-times"),
    # Problems found or rectified are issues, not a bare 个.
    ("发现并督促整改问题83个。", "issues"),
])
def test_units_of_what_is_counted_together_orders_and_land(sentence: str, unit: str) -> None:
    assert [figure.unit for figure in find_figures(sentence)] == [unit]


def test_suggestions_and_proposals_counted_apart_keep_their_units() -> None:
    assert [figure.unit for figure in find_figures("办理人大代表建议21件、政协委员提案9件。")] == [
        "suggestions", "proposals"]


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        # A cause of action after 其中 names its own kind; what is involved after the parts is
        # the whole's.
        ("审结民商事案件35207件，其中合同纠纷案件21846件，公司类纠纷案件1032件，诉讼标的额总计486.3亿元。",
         "21846", "审结合同纠纷案件"),
        ("审结民商事案件35207件，其中合同纠纷案件21846件，公司类纠纷案件1032件，诉讼标的额总计486.3亿元。",
         "486.3亿", "审结民商事案件诉讼标的额"),
        ("对恶意侵权适用惩罚性赔偿6件，判赔金额2380万元。", "2380万", "对恶意侵权适用惩罚性赔偿判赔金额"),
        # 占…的N% after a figure is the share of what it counts.
        ("诉前调解成功纠纷17645件，占民商事纠纷总数的33.8%。", "33.8", "诉前调解成功纠纷占民商事纠纷总数"),
        ("办理代表建议、议案11件，办结率100%。", "100", "代表建议、议案办结率"),
        # 涉及 keeps its 及 and relates those before it to what is counted.
        ("审结涉外商事案件612件，当事人涉及32个国家和地区。", "32", "当事人涉及的国家和地区"),
        # After who did it and 与, what is counted is those it was done with.
        ("新区法院与12个街道、56个社区建立“诉调对接”工作机制。", "12", "建立“诉调对接”工作机制的街道"),
        ("新区法院与12个街道、56个社区建立“诉调对接”工作机制。", "56", "建立“诉调对接”工作机制的社区"),
    ],
)
def test_labels_of_parts_shares_and_those_related(sentence: str, written: str, label: str) -> None:
    assert only(sentence, written).label == label


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        # A bare verb after a semicolon counts what the figure before it names.
        ("受理行政案件800件，同比上升5%；审结760件。", "760", "审结行政案件"),
        # …but never the cases of the people counted with them.
        ("受理审查起诉案件410件520人，起诉480人。", "480", "起诉"),
        ("受理审查起诉案件410件；起诉480人。", "480", "起诉"),
        # 有 before the number says there were so many: what is counted follows it.
        ("全年有3个集体、7名个人受到省级以上表彰。", "3", "受到省级以上表彰的集体"),
        ("全年有3个集体、7名个人受到省级以上表彰。", "7", "受到省级以上表彰的个人"),
        # 被执行人 is a noun, its 被 no passive.
        ("将120名失信被执行人纳入失信名单。", "120", "纳入失信名单的失信被执行人"),
        # Those it was done with are not what is counted.
        ("联合公安机关、街道开展普法活动12场。", "12", "开展普法活动"),
        # …nor where or by what it was done, nor who was sent to do it.
        ("组织干警深入社区、学校开展法治宣讲40场。", "40", "开展法治宣讲"),
        ("依托流动检察室深入乡村开展巡回检察服务31次。", "31", "开展巡回检察服务"),
        # Those sent, or all those of the area's courts, are named by what they then did.
        ("选派15名法官担任中小学法治副校长。", "15", "选派担任中小学法治副校长的法官"),
        ("全省620名检察官担任中小学法治副校长。", "620", "担任中小学法治副校长的检察官"),
        ("全市法院12名法官常驻乡镇综治中心。", "12", "常驻乡镇综治中心的法官"),
        ("电子送达法律文书2.3万次。", "2.3万", "电子送达法律文书"),
        # A verb ending the label is done to whom the 对-phrase names, and keeps its negation.
        ("对犯罪情节轻微的未成年犯罪嫌疑人依法不起诉2.3万人。", "2.3万",
         "对犯罪情节轻微的未成年犯罪嫌疑人依法不起诉"),
        # How a level held (始终, 均 before 保持在) is no part of what is counted; 均 keeps a
        # list of rates whole, as the level is each one's.
        ("五年来，认罪认罚从宽制度适用率始终保持在85%以上。", "85", "认罪认罚从宽制度适用率"),
        # What was decided on them, by what means or in what event it came to them, and a bare
        # outcome of the things counted before.
        ("依法对8家企业、13名企业人员作出不起诉决定。", "13", "作出不起诉决定的企业人员"),
        ("推动48家企业通过重整、和解重获新生。", "48", "通过重整、和解重获新生的企业"),
        ("7篇裁判文书在全区法院优秀裁判文书评选中获奖。", "7", "在全区法院优秀裁判文书评选中获奖的裁判文书"),
        ("制发行政检察建议15件，已被采纳14件。", "14", "被采纳的行政检察建议"),
        # What was done to them, however long the passive; a rate whose name says what it is of.
        ("五年来，9个基层检察院被评为全国先进基层检察院。", "9", "被评为全国先进基层检察院的基层检察院"),
        ("全院2个案例被上级法院采用。", "2", "被上级法院采用的案例"),
        ("判处罪犯4.92万人，其中判处五年以上有期徒刑至死刑的罪犯5236人，重刑率10.6%。", "10.6", "重刑率"),
        # Where it was done or by whom is what a number there counts; an activity keeps what
        # it was carried out on.
        ("在全区18个街道设立“法官工作站”。", "18", "设立“法官工作站”的街道"),
        ("依托全区1286名网格员协助开展送达工作。", "1286", "协助开展送达工作的网格员"),
        ("全年对终本案件开展财产复查3.2万余次。", "3.2万", "对终本案件开展财产复查"),
        # A part naming no noun of its own is of its whole's (其中两个地处纯牧区); one that names
        # its own keeps it.
        ("我院现有三个派出人民法庭，其中两个地处纯牧区。", "两", "地处纯牧区的派出人民法庭"),
        ("全院现有法官73名，其中具有博士学位的18名。", "18", "具有博士学位的法官"),
        ("全州法院现有员额法官298名，其中少数民族法官121名。", "121", "少数民族法官"),
        # Acts alone counting cases name the cases; 结案 names them in itself.
        ("全年共受理各类案件38642件；审结、执结37915件。", "37915", "审结、执结案件"),
        # Parts listed after their whole is named take its act; how many did is no part of it.
        ("新收案件中，刑事案件318件、民事案件4236件、行政案件94件。", "4236", "新收民事案件"),
        ("全县12个乡镇全部建立“法官工作站”。", "12", "建立“法官工作站”的乡镇"),
        # A bare rate after one court's figures is that court's.
        ("地区中院受理案件4508件，审执结4379件，结案率97.14%。", "97.14", "地区中院结案率"),
        ("市中院受理案件3.17万件，审结3.24万件，结收案比102.2%。", "102.2", "市中院结收案比"),
        # A level adjusted to, as one raised to, is of what the level before counts.
        ("全省法院员额法官由2018年的5862名调整为2022年的5714名。", "5714", "全省法院员额法官"),
        # What every protest is of (确有错误的) says nothing of these.
        ("对认为确有错误的刑事判决、裁定提出抗诉38件。", "38", "对刑事判决、裁定提出抗诉"),
        # A decision made names what it is, not on whom.
        ("对犯罪情节轻微的依法作出不起诉决定154人。", "154", "作出不起诉决定"),
        # A suit filed names what it is, not whom it is against.
        ("对非法捕捞的被告人提起刑事附带民事公益诉讼21件。", "21", "提起刑事附带民事公益诉讼"),
        # The kinds a whole's cases are listed by take its act and noun.
        ("立案办理公益诉讼案件7843件，其中民事公益诉讼1052件、行政公益诉讼6791件。", "6791",
         "立案办理行政公益诉讼案件"),
        # An average time after a kind of cases is theirs, never the court's own.
        ("适用小额诉讼程序审结案件1234件，平均审理天数16.3天。", "16.3",
         "适用小额诉讼程序审结案件平均审理天数"),
        ("全年审结案件5000件，平均审理天数46.2天。", "46.2", "平均审理天数"),
        # A kind of case named by a verb (抗诉案件) shares its list's act.
        ("自觉接受检察机关法律监督，办理检察建议21件、抗诉案件9件。", "9", "办理抗诉案件"),
        # Taking part is named by who took part, where the sentence says it.
        ("全市现有人民陪审员1426名，参与审理案件2.38万件。", "2.38万", "人民陪审员参与审理案件"),
        # How it was done (主动) is no part of what is counted.
        ("主动向市人大常委会报告专项工作9次。", "9", "向市人大常委会报告专项工作"),
        # The end of a sum is its period's, not what is counted.
        ("截至2025年底累计调解涉外商事纠纷1147件。", "1147", "调解涉外商事纠纷"),
        # Those given a penalty are offenders.
        ("依法判处五年以上有期徒刑至死刑316人。", "316", "判处五年以上有期徒刑至死刑的罪犯"),
        # Those sentenced in all the area's courts' criminal cases are simply 判处罪犯.
        ("全市法院审结刑事案件1.2万件，判处罪犯1.61万人。", "1.61万", "判处罪犯"),
        # The figures after a count of campaigns are the campaigns', not the year's.
        ("开展“春雷行动”等集中执行行动5次，执结案件692件，执行到位金额6310万元。", "6310万",
         "集中执行行动执行到位金额"),
        ("全年执结案件692件，执行到位金额6310万元。", "6310万", "执行到位金额"),
        # A rate of two acts, the last named by its verb, is one rate; of two clauses, the last's.
        ("二审案件改判、发回重审率4.1%。", "4.1", "二审案件改判、发回重审率"),
        ("两年以上未结案基本清零、一年以上案件清理率达98%。", "98", "一年以上案件清理率"),
        ("7日内程序性回复、3个月内办理过程或结果答复率均保持在99%以上。", "99",
         "7日内程序性回复、3个月内办理过程或结果答复率"),
    ],
)
def test_a_label_names_what_is_counted(sentence: str, written: str, label: str) -> None:
    figure = next(figure for figure in find_figures(sentence) if figure.written == written)
    assert figure.label == label


@pytest.mark.parametrize(("sentence", "unit"), [
    # The noun after the number names the unit where all the area's courts or examples precede it.
    ("全地区法院14个集体、37名个人受到自治区级以上表彰。", "collectives"),
    ("省检察院第二检察部等五个集体、两名个人受到最高人民检察院表彰。", "collectives"),
    # Guidance a court issued is documents, whatever disputes its title names.
    ("制定《金融借款合同纠纷案件审理指引》等审判指引5件。", "documents"),
    ("出台助企纾困等指导意见23件。", "documents"),
    # Jobs kept are posts.
    ("帮助企业稳住员工岗位1300个。", "posts"),
])
def test_the_unit_follows_the_noun_counted(sentence: str, unit: str) -> None:
    assert find_figures(sentence)[0].unit == unit


@pytest.mark.parametrize(("sentence", "figures"), [
    # Counts in Chinese numerals after what they count: 十七 is as exact as 二十六, and one
    # character is a count before 件, 人 or 名.
    ("监督公安机关立案十七件、撤案二十六件。", [("十七", "监督公安机关立案"), ("二十六", "监督撤案")]),
    ("起诉涉黑涉恶犯罪三件十一人。", [("三", "起诉涉黑涉恶犯罪"), ("十一", "起诉涉黑涉恶犯罪案件涉案人数")]),
    ("对确有错误的刑事判决提出抗诉六件，法院已改判四件。",
     [("六", "对刑事判决提出抗诉"), ("四", "法院已改判的抗诉案件")]),
    ("办理人大代表建议十五件、政协委员提案八件，办结率100%。",
     [("十五", "办理人大代表建议"), ("八", "办理政协委员提案"), ("100", "人大代表建议、政协委员提案办结率")]),
    # A count after who has it (…共有) is of what follows the number.
    ("林区两级检察院共有十一个集体、二十九名个人受到省级以上表彰。",
     [("十一", "受到省级以上表彰的集体"), ("二十九", "受到省级以上表彰的个人")]),
    ("全州检察机关有7个集体、16名个人受到省级以上表彰。",
     [("7", "受到省级以上表彰的集体"), ("16", "受到省级以上表彰的个人")]),
    ("查处违纪违法检察人员两人。", [("两", "查处违纪违法检察人员")]),
    # A span in words after the number (五年以上) is no count of its own.
    ("对2356名实施严重暴力犯罪的未成年人判处五年以上重刑。",
     [("2356", "判处五年以上重刑的实施严重暴力犯罪的未成年人")]),
])
def test_counts_in_chinese_numerals_are_figures(sentence: str,
                                                figures: list[tuple[str, str]]) -> None:
    found = find_figures(sentence)
    assert [(figure.written, figure.label) for figure in found] == figures
    assert all(figure.key for figure in found)


@pytest.mark.parametrize(("sentence", "label"), [
    # A bare verb after a clause cracking down on crimes counts those of the crimes it names.
    ("依法打击盗伐滥伐林木、非法占用农用地等破坏森林资源犯罪，起诉124人，同比下降15.6%。",
     "起诉盗伐滥伐林木、非法占用农用地等破坏森林资源犯罪"),
    ("依法严惩毒品犯罪，审结8件。", "审结毒品犯罪案件"),
    # Not where the crimes are not what the clause before ends with.
    ("依法严惩毒品犯罪，开展禁毒宣传，起诉8人。", "起诉"),
    # Those sentenced are the offenders of those crimes; a focus names the crimes as a crackdown does.
    ("依法严惩性侵、虐待、拐卖等侵害未成年人犯罪，判处罪犯406人。",
     "判处性侵、虐待、拐卖等侵害未成年人犯罪罪犯"),
    ("聚焦盗窃、诈骗、涉毒等多发性犯罪，起诉913人。", "起诉盗窃、诈骗、涉毒等多发性犯罪"),
    ("紧盯电信网络诈骗及其上下游关联犯罪，起诉2143人。", "起诉电信网络诈骗及其上下游关联犯罪"),
])
def test_a_bare_verb_counts_the_crimes_the_clause_before_cracks_down_on(sentence: str,
                                                                       label: str) -> None:
    assert find_figures(sentence)[0].label == label


def test_a_part_acted_on_names_the_whole_it_is_of() -> None:
    # 对其中…: what the figure before counts, not a part of nothing.
    figures = find_figures("办理刑事申诉案件3.1万件，对其中2.2万件举行公开听证。")
    assert [figure.label for figure in figures] == ["办理刑事申诉案件", "对刑事申诉案件举行公开听证"]


@pytest.mark.parametrize(
    ("sentence", "written", "value", "unit", "label"),
    [
        ("选派两名双语法官参与全县民族团结进步创建工作。", "两", 2, "persons",
         "选派参与全县民族团结进步创建工作的双语法官"),
        ("创建民族团结进步示范人民法庭两个。", "两", 2, "tribunals", "创建民族团结进步示范人民法庭"),
        ("开展“冬季攻坚”等集中执行行动三次，兑现工资436万元。", "三", 3, "times",
         "开展“冬季攻坚”等集中执行行动"),
        ("聘请八名懂民族语言的特邀调解员参与家事调解。", "八", 8, "persons", "聘请懂民族语言的特邀调解员"),
        ("开展普法进村寨活动十二次。", "十二", 12, "times", "开展普法进村寨活动"),  # Exact, not round.
    ],
)
def test_a_count_in_one_chinese_numeral_is_a_figure(sentence: str, written: str, value: int,
                                                    unit: str, label: str) -> None:
    figure = find_figures(sentence)[0]
    assert (figure.written, figure.value, figure.unit, figure.label) == (written, value, unit, label)
    assert figure.key


@pytest.mark.parametrize(
    "sentence",
    [
        "深入学习贯彻党的二十届四次全会精神，落实中央八项规定精神。",  # Set phrases.
        "两名青年非法获取并散布他人隐私信息。",  # A story's subject opens its clause.
        "某公司因两个股东意见不合面临强制清算。",
        "连续三年与司法部工作会商，坚持两个维护，判处五年以上有期徒刑。",  # Durations, slogans.
        "审结案件一次性化解，发布一批案例，每两个月通报一次。",
    ],
)
def test_a_one_numeral_word_that_counts_nothing_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_those_a_court_has_now_are_what_is_counted() -> None:
    # 现有 says the court has them, as 有 does: nothing of what is counted.
    assert [figure.label for figure in find_figures("全院现有双语法官17名、双语书记员9名。")] == \
        ["双语法官", "双语书记员"]


def test_partners_ending_with_an_organisation_are_not_the_verb() -> None:
    # 人民调解组织 is a partner's name, not 组织 (organise) opening what was done.
    figure = find_figures("联合综治中心、司法所和人民调解组织诉前化解矛盾纠纷2156件。")[0]
    assert not figure.label.startswith("组织") and figure.label.endswith("诉前化解矛盾纠纷")


def test_the_items_of_a_list_share_the_cause_of_action_head_of_the_last() -> None:
    # 买卖合同 is a cause of action without 纠纷: it shares 纠纷案件, not only 案件; 物权纠纷 takes
    # the 案件 it lacks.
    labels = [figure.label for figure in find_figures(
        "审结买卖合同、民间借贷纠纷案件分别为412件、689件，审结物权纠纷、侵权纠纷案件分别为5件、6件。")]
    assert labels == ["审结买卖合同纠纷案件", "审结民间借贷纠纷案件", "审结物权纠纷案件", "审结侵权纠纷案件"]


def test_an_item_that_is_no_dispute_takes_only_the_cases_of_the_list() -> None:
    labels = [figure.label for figure in find_figures(
        "审结申请人身安全保护令、网络侵害虚拟财产纠纷案件分别为7件、8件。")]
    assert labels == ["审结申请人身安全保护令案件", "审结网络侵害虚拟财产纠纷案件"]


def test_an_audience_is_of_the_events_counted_before_it() -> None:
    # 受众 is no bare verb: not the tribunals' (named before), but the audience of the talks.
    figures = find_figures("创建示范人民法庭两个，开展双语宣讲46场，受众9800余人次。")
    assert figures[-1].label == "双语宣讲受众"


def test_how_measures_were_applied_to_those_counted_is_what_was_done_to_them() -> None:
    # 审慎适用… is said of the businesses: the label is what was done to them, whole, not clipped
    # at the list's comma.
    figure = find_figures("对4家经营暂时困难的企业审慎适用查封、扣押措施，帮助企业恢复生产。")[0]
    assert figure.label == "审慎适用查封、扣押措施的经营暂时困难的企业"


def test_restoration_ordered_is_counted_in_its_own_measure_words() -> None:
    figures = find_figures("判令被告人补植复绿林木1.2万株、增殖放流鱼苗8万尾。")
    assert [(figure.value, figure.unit) for figure in figures] == [(12000, "plants"), (80000, "fish")]


def test_a_part_naming_the_wholes_kind_is_not_given_it_again() -> None:
    labels = [figure.label for figure in find_figures(
        "审结专利案件4126件，其中发明专利案件1387件、实用新型专利案件1905件。")]
    assert labels == ["审结专利案件", "审结发明专利案件", "审结实用新型专利案件"]


def test_a_threshold_is_no_figure_and_names_what_the_next_number_counts() -> None:
    figures = find_figures("一审判赔金额超过500万元的案件有87件。")
    assert [figure.written for figure in figures if figure.key] == ["87"]
    assert figures[-1].label == "一审判赔金额超过500万元的案件"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # The examples before 等 go; what relates them to what is counted stays.
        ("审结涉外知识产权案件612件，当事人涉及美国、日本、德国等31个国家和地区。", "当事人涉及的国家和地区"),
        # Set up with others: what was set up, not with whom.
        ("与市知识产权局、市场监管局共建知识产权纠纷调解中心三个。", "共建知识产权纠纷调解中心"),
    ],
)
def test_who_they_are_of_and_whom_it_was_done_with(sentence: str, label: str) -> None:
    assert find_figures(sentence)[-1].label == label


def test_a_sentence_of_publicity_alone_states_figures() -> None:
    # Every clause is publicity: the sentence is about it, not another work's detail; the batches
    # (两批) are read but not key, and no part of what the cases are.
    figures = find_figures("发布典型案例两批20件，召开新闻发布会4场。")
    assert [(figure.written, figure.label) for figure in figures if figure.key] == \
        [("20", "发布典型案例"), ("4", "召开新闻发布会")]


def test_what_a_clause_opening_with_its_relating_verb_relates_is_the_cases_before() -> None:
    figures = find_figures("审结涉外海事案件418件，涉及32个国家和地区。")
    assert figures[-1].label == "审结涉外海事案件涉及的国家和地区"


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # 审执结 takes an object as 审结 does: those cases, of the court the sentence names.
        ("其中，州中级人民法院受理案件2864件，审执结2751件。",
         ["州中级人民法院受理案件", "州中级人民法院审执结案件"]),
        # What a part relates to (涉…) comes before the whole's kind, as 涉外知识产权案件 is written.
        ("审结环境资源案件187件，其中涉草原、林地案件96件。",
         ["审结环境资源案件", "审结涉草原、林地环境资源案件"]),
        # A multiple of another span's (是上一个五年的1.4倍) is no figure, nor a change of these.
        ("过去五年，共受理案件7.2万件，审执结6.9万件，分别是上一个五年的1.4倍、1.3倍。",
         ["受理案件", "审执结案件"]),
    ],
)
def test_labels_of_an_intermediate_courts_overview(sentence: str, labels: list[str]) -> None:
    figures = find_figures(sentence)
    assert [figure.label for figure in figures] == labels and not any(figure.change for figure in figures)


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # A listed item shares the list's verb, and what follows the list with it.
        ("吸纳特邀调解组织37家、特邀调解员215名入驻在线调解平台。",
         ["吸纳特邀调解组织入驻在线调解平台", "吸纳特邀调解员入驻在线调解平台"]),
        ("聘请特邀调解员80名、特约监督员12名。", ["聘请特邀调解员", "聘请特约监督员"]),
        # So do the items apart by semicolons, after a change.
        ("受理一审案件23654件，同比增长7.8%；二审案件11972件；执行案件5236件。",
         ["受理一审案件", "受理二审案件", "受理执行案件"]),
        # 其中 opening a sentence is of the whole before, and so is the next part after an amount.
        ("审结金融民商事案件36574件。其中，金融借款合同纠纷案件9826件，标的额612.08亿元；"
         "保理合同纠纷案件683件。",
         ["审结金融民商事案件", "审结金融借款合同纠纷案件", "审结金融借款合同纠纷案件标的额",
          "审结保理合同纠纷案件"]),
        # A part with a verb of its own keeps it.
        ("受理各类案件15836件。其中，州中级人民法院受理案件2864件。",
         ["受理各类案件", "州中级人民法院受理案件"]),
    ],
)
def test_a_listed_item_shares_the_verb_of_the_list(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # 此类案件 are the cases of the crimes cracked down on, as 相关案件 are.
        ("依法严惩故意伤害、寻衅滋事等暴力犯罪，审结此类案件41件。",
         ["审结故意伤害、寻衅滋事等暴力犯罪案件"]),
        # A span before a bare verb leaves it bare.
        ("严惩盗窃、诈骗等多发性侵财犯罪，五年来共起诉2.85万人。", ["五年来起诉盗窃、诈骗等多发性侵财犯罪"]),
        # Those sentenced in criminal cases of every kind need no naming; of one kind they do.
        ("审结刑事案件527件，判处罪犯681人。", ["审结刑事案件", "判处罪犯"]),
        ("审理养老诈骗案件6件，判处罪犯51人。", ["审理养老诈骗案件", "审理养老诈骗案件判处罪犯"]),
        # 全年 between subject and verb says nothing of what is counted.
        ("人民法庭全年审结案件1.46万件。", ["人民法庭审结案件"]),
        # A listed item with a verb of its own keeps it; a kind of case naming 监督 is no verb.
        ("办理民事检察监督案件2.41万件；立案办理公益诉讼案件8736件。",
         ["办理民事检察监督案件", "立案办理公益诉讼案件"]),
        ("办理行政诉讼监督案件9件、行政非诉执行监督案件28件。",
         ["办理行政诉讼监督案件", "办理行政非诉执行监督案件"]),
        # A share of cases is named without the act that counted them, as its whole says it.
        ("审结危险驾驶案件129件，占刑事案件总数的25.1%。",
         ["审结危险驾驶案件", "危险驾驶案件占刑事案件总数"]),
        # Who had fees deferred, reduced or waived, and the fees.
        ("为162名经济困难当事人缓减免诉讼费用287.4万元。",
         ["缓减免诉讼费用的经济困难当事人", "缓减免诉讼费用"]),
        # Those mediated successfully are named as the figure before names them.
        ("诉前委派调解金融纠纷1.52万件，调解成功6218件。",
         ["诉前委派调解金融纠纷", "诉前委派调解成功金融纠纷"]),
        # Verbs listed before the figures listed: each figure its own verb, in order.
        ("受理、审结各类案件14862件、14215件。", ["受理各类案件", "审结各类案件"]),
        # 民商事案件 is a case type of its own, no kind 民 of 商事案件.
        ("受理刑事案件1058件，民商事案件8197件，行政案件164件。",
         ["受理刑事案件", "受理民商事案件", "受理行政案件"]),
        # Cases received for a procedure, and the people of cases of a crime.
        ("受理审查逮捕312件428人。", ["受理审查逮捕案件", "受理审查逮捕案件涉案人数"]),
        ("起诉组织他人偷越国（边）境犯罪9件21人。",
         ["起诉组织他人偷越国（边）境犯罪", "起诉组织他人偷越国（边）境犯罪案件涉案人数"]),
        # Parts named by their field alone are the whole's cases of it, and a 分别占 list their
        # shares, in order.
        ("立案办理公益诉讼案件8736件，其中生态环境和资源保护领域4127件、食品药品安全领域1953件，"
         "分别占47.2%、22.4%。",
         ["立案办理公益诉讼案件", "立案办理生态环境和资源保护领域公益诉讼案件",
          "立案办理食品药品安全领域公益诉讼案件", "生态环境和资源保护领域公益诉讼案件占比",
          "食品药品安全领域公益诉讼案件占比"]),
        # Offenders named by their own kind need no cases before them.
        ("审结未成年人犯罪案件19件，判处未成年罪犯23人。", ["审结未成年人犯罪案件", "判处未成年罪犯"]),
        # A bare rate is of cases named without a verb, and how its level held is no part of it.
        ("一年以上长期未结案件21件，清理率达63.2%。", ["一年以上长期未结案件", "一年以上长期未结案件清理率"]),
        ("办理群众信访162件，答复率均为100%。", ["办理群众信访", "群众信访答复率"]),
        # A bare verb after what the sentence opens saying is on the rise counts those cases.
        ("证券、期货等资本市场纠纷持续增长，全年审结4385件。", ["审结证券、期货等资本市场纠纷案件"]),
        # The crimes cracked down on are named before their cases' people and amount take the label.
        ("严厉打击海上走私犯罪，起诉6件14人，涉案金额2300余万元。",
         ["起诉海上走私犯罪案件", "起诉海上走私犯罪案件涉案人数", "起诉海上走私犯罪案件涉案金额"]),
        # The amount the crimes those people were prosecuted for involve.
        ("起诉集资诈骗犯罪58人，涉案金额4.37亿元。", ["起诉集资诈骗犯罪", "起诉集资诈骗犯罪涉案金额"]),
        # A bare rate of applying, or 该制度, is of the system the sentence names.
        ("全面落实认罪认罚从宽制度，适用该制度审结案件874件，适用率91.5%。",
         ["适用认罪认罚从宽制度审结案件", "认罪认罚从宽制度适用率"]),
        # An earlier year's level compared with counts what the figure before counts.
        ("受理涉侨案件2186件，比2024年的2037件上升7.3%。", ["受理涉侨案件", "受理涉侨案件"]),
        # A part saying what was applied in its cases takes the whole's verb, not its kind first.
        ("办理涉案企业合规案件186件，其中适用第三方监督评估机制案件142件。",
         ["办理涉案企业合规案件", "办理适用第三方监督评估机制案件"]),
    ],
)
def test_what_a_label_takes_from_the_words_around_it(sentence: str, labels: list[str]) -> None:
    assert [figure.label for figure in find_figures(sentence)] == labels


def test_sites_named_after_a_tribunal_are_no_tribunals() -> None:
    site, tribunals = find_figures("建成“枫桥式人民法庭”示范点8个，新建人民法庭3个。")
    assert (site.unit, tribunals.unit) == ("count", "tribunals")


def test_disputes_a_court_s_cases_are_made_of_are_its_cases() -> None:
    figures = find_figures("审结民商事案件7864件，诉讼标的额21.37亿元。其中，买卖合同纠纷1286件，"
                           "民间借贷纠纷1047件。")
    assert [(figure.unit, figure.label) for figure in figures[2:]] == [
        ("cases", "审结买卖合同纠纷"), ("cases", "审结民间借贷纠纷")]


@pytest.mark.parametrize(("sentence", "label"), [
    # The report's year said after whoever did it is the figure's period, not what it counts;
    # nor is the report's own 我们.
    ("诉讼服务中心全年接待来访群众8.6万人次。", "诉讼服务中心接待来访群众"),
    ("中院审判委员会全年召开会议42次。", "中院审判委员会召开会议"),
    ("我们配备双语法官146名。", "配备双语法官"),
])
def test_the_year_and_the_reporter_said_inside_a_label_leave_it(sentence: str, label: str) -> None:
    assert find_figures(sentence)[0].label == label


@pytest.mark.parametrize(("sentence", "written", "label", "change"), [
    # A change stated before the level it reached is that level's, and the words before the
    # change name it.
    ("全年受理各类案件同比上升12.4%，达3120件，办结2986件。", "3120", "受理各类案件",
     ("up", "12.4", "percent")),
    ("受理审查起诉的危险驾驶案件同比下降9.7%，为356件。", "356", "受理审查起诉的危险驾驶案件",
     ("down", "9.7", "percent")),
    ("起诉帮信犯罪嫌疑人同比下降21.5%，至153人。", "153", "起诉帮信犯罪嫌疑人", ("down", "21.5", "percent")),
])
def test_a_change_stated_before_its_level_is_that_levels(sentence: str, written: str, label: str,
                                                         change: tuple[str, str, str]) -> None:
    figure = only(sentence, written)
    assert figure.label == label and figure.change is not None
    assert (figure.change.direction, str(figure.change.value), figure.change.unit) == change
    assert [found.written for found in find_figures(sentence)].count("12.4") == 0


@pytest.mark.parametrize(("sentence", "written", "label", "unit"), [
    # Those named by their post are those people, not a kind of the whole before them.
    ("我院现有干警48名，其中检察官19名。", "19", "检察官", "persons"),
    # The reporting institution as "we" opens no label; after all the area's courts, words
    # that say nothing of what is counted (现有, 共) leave it as they do at its start.
    ("我院受理各类执行案件18436件。", "18436", "受理各类执行案件", "cases"),
    ("全地区法院现有双语法官134名。", "134", "全地区法院双语法官", "persons"),
    # The work something was done by is no part of what was done.
    ("通过办案督促清理生活垃圾、建筑垃圾2400吨。", "2400", "督促清理生活垃圾、建筑垃圾", "tonnes"),
    ("在办案中督促补植复绿林木2.8万株。", "2.8万", "督促补植复绿林木", "plants"),
    # Nor is how it was decided; an order a court makes is an order.
    ("经审查批准逮捕犯罪嫌疑人147人。", "147", "批准逮捕犯罪嫌疑人", "people"),
    ("作出海事强制令15份。", "15", "作出海事强制令", "orders"),
    # Nor is what the work was about or whom it was done with.
    ("就企业破产、涉企行政争议等议题协调解决问题19个。", "19", "协调解决问题", "issues"),
    ("会同司法行政部门就地化解涉农牧纠纷300件。", "300", "就地化解涉农牧纠纷", "disputes"),
    ("协同公安、法院等部门追赃挽损1.9亿元。", "1.9亿", "追赃挽损", "yuan"),
    # Money given to those a 对/向-phrase names is what is counted.
    ("对因案致贫的困难当事人发放司法救助金3180万元。", "3180万", "发放司法救助金", "yuan"),
    # Leads counted by 条 are entries (the unit of leads is 件); protests with suggestions for
    # retrial are cases.
    ("筛查发现监督线索318条。", "318", "筛查发现监督线索", "entries"),
    ("提出抗诉和再审检察建议23件。", "23", "提出抗诉和再审检察建议", "cases"),
    # The leads that became cases.
    ("筛查发现监督线索318条，已成案241件。", "241", "监督线索成案", "cases"),
])
def test_who_and_what_a_count_names(sentence: str, written: str, label: str, unit: str) -> None:
    figure = only(sentence, written)
    assert (figure.label, figure.unit) == (label, unit)


def test_shares_of_listed_kinds_are_each_kinds() -> None:
    found = find_figures("刑事、民事、行政、公益诉讼检察案件分别占受理总数的61.2%、17.5%、8.3%、13%。")
    assert [figure.label for figure in found] == [
        "刑事检察案件占受理总数", "民事检察案件占受理总数", "行政检察案件占受理总数",
        "公益诉讼检察案件占受理总数"]


def test_the_system_a_sentence_names_by_gai_is_the_one_named_before() -> None:
    found = find_figures("全面落实认罪认罚从宽制度。该制度适用率达92.4%。")
    assert found[0].label == "认罪认罚从宽制度适用率"


@pytest.mark.parametrize(("sentence", "figures"), [
    # A count in words summing up the list before it, or naming a document, is no figure...
    ("突出稳定、生态、民生三个重点，做好边境地区、农牧区、民族团结三篇文章。", []),
    ("出台服务保障民营经济高质量发展二十条措施。", []),
    # ...while one counting what the list's kind names, or articles in digits, is.
    ("与林草局、生态环境分局、水利局等单位会签协作文件三份。", ["三"]),
    ("出台服务保障措施16条。", ["16"]),
])
def test_counts_in_words_that_sum_up_or_name_are_no_figures(sentence: str, figures: list[str]) -> None:
    assert [figure.written for figure in find_figures(sentence)] == figures


@pytest.mark.parametrize(("sentence", "written", "label"), [
    # A rate after an outcome (被采纳) is of what the outcome is of, whoever made them.
    ("全省法院发出司法建议1096件，被采纳963件，采纳率87.9%。", "963", "被采纳的司法建议"),
    ("全省法院发出司法建议1096件，被采纳963件，采纳率87.9%。", "87.9", "司法建议采纳率"),
    # The suggestions made are what was adopted; a rate of suggestions made is of the suggestions.
    ("办理羁押必要性审查案件158件，建议释放或者变更强制措施112人，采纳率92.9%。", "92.9",
     "建议释放或者变更强制措施采纳率"),
    ("提出确定刑量刑建议采纳率97.3%。", "97.3", "确定刑量刑建议采纳率"),
])
def test_a_rate_names_what_it_is_of(sentence: str, written: str, label: str) -> None:
    assert only(sentence, written).label == label


@pytest.mark.parametrize(("sentence", "written", "label", "unit"), [
    # What a court or those addressed did with what was put to them is of those things.
    ("提出刑事抗诉5件，法院已改判3件。", "3", "法院已改判的刑事抗诉案件", "cases"),
    ("对刑事裁判提出抗诉34件，法院已改判19件。", "19", "法院已改判的抗诉案件", "cases"),
    ("提出再审检察建议30件，法院采纳27件。", "27", "法院采纳的再审检察建议", "suggestions"),
    ("发出司法建议46件，已收到反馈41件。", "41", "已收到反馈的司法建议", "suggestions"),
])
def test_what_others_did_with_what_was_put_to_them(sentence: str, written: str, label: str,
                                                   unit: str) -> None:
    figure = only(sentence, written)
    assert (figure.label, figure.unit) == (label, unit)
