"""Languages by their spellings, and Simplified→Traditional conversion."""

from __future__ import annotations

import pytest

from webapp.config import PROJECT_ROOT
from webapp.content import load_converter
from webapp.languages import TraditionalConverter, canonical_code


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("zh-Hans", "zh-hans"), ("zh-TW", "zh-hant"), ("zh-cn", "zh-hans"), ("zh_HK", "zh-hant"),
     ("EN", "en"), ("zh-hans", None), ("xx", None), ("", None)],
)
def test_canonical_codes(spelling: str, canonical: str | None) -> None:
    assert canonical_code(spelling) == canonical


@pytest.fixture(scope="module")
def plain() -> TraditionalConverter:
    return TraditionalConverter({})


@pytest.fixture(scope="module")
def curated() -> TraditionalConverter:
    """The converter with the real content's overrides."""
    return load_converter(PROJECT_ROOT / "content")


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("支持", "支持"),
        ("高质量发展", "高質量發展"),
        ("信息", "信息"),
        ("高级人民法院", "高級人民法院"),
        ("简易程序", "簡易程序"),
        ("北京知识产权法院", "北京知識產權法院"),
        ("互联网法院", "互聯網法院"),
        ("群众", "群眾"),
        ("着力", "著力"),
    ],
)
def test_s2tw_converts_characters_not_vocabulary(plain: TraditionalConverter, simplified: str,
                                                  traditional: str) -> None:
    assert plain.convert(simplified) == traditional


def test_overrides_fix_what_opencc_gets_wrong(plain: TraditionalConverter) -> None:
    # The regression list from TECH-NOTES: what s2tw alone does wrong.
    assert plain.convert("总结发布") == "總結髮布"
    assert plain.convert("于某某") == "於某某"
    fixed = TraditionalConverter({"总结发布": "總結發布", "于某某": "于某某", "被发回": "被發回"})
    assert fixed.convert("总结发布年度行政案件情况") == "總結發布年度行政案件情況"
    assert fixed.convert("被告人于某某案件被发回重审") == "被告人于某某案件被發回重審"


def test_an_override_holds_inside_a_word_of_opencc(plain: TraditionalConverter) -> None:
    # 发布会 is one word of OpenCC's dictionary, so its segmentation never cut at 发布.
    assert plain.convert("新闻发布会") == "新聞發佈會"
    fixed = TraditionalConverter({"发布": "發布"})
    assert fixed.convert("召开新闻发布会发布五起典型案例") == "召開新聞發布會發布五起典型案例"


def test_the_longest_override_at_a_position_wins() -> None:
    converter = TraditionalConverter({"签": "簽", "书签": "書籤", "书签收": "書簽收"})
    assert converter.convert("所签") == "所簽"
    assert converter.convert("电子书签") == "電子書籤"
    assert converter.convert("诉讼文书签收") == "訴訟文書簽收"


def test_the_leftmost_override_wins() -> None:
    converter = TraditionalConverter({"中签": "中籤", "签名": "簽名"})
    assert converter.convert("中签名单") == "中籤名單"
    assert converter.convert("亲笔签名") == "親筆簽名"


def test_text_between_overrides_is_plain_s2tw_with_taiwan_quotes(plain: TraditionalConverter) -> None:
    converter = TraditionalConverter({"于某": "于某"})
    before, after = "被告人", "在发布会上说“软件里的鼠标”"
    assert converter.convert(before + "于某" + after) == plain.convert(before) + "于某" + plain.convert(after)
    assert plain.convert(after) == "在發佈會上說「軟件裡的鼠標」"


# Real phrases, most from the seed reports and glossary, that s2tw alone converts wrongly.
FIXED = [
    # 签 "to sign" is 簽: OpenCC's character dictionary puts 籤 first for 签.
    ("物流服务商与消费者所签服务协议", "物流服務商與消費者所簽服務協議"),
    ("合同已签", "合同已簽"),
    ("诉讼文书签收", "訴訟文書簽收"),
    ("在笔录中签名", "在筆錄中簽名"),
    # 发布 holds inside OpenCC's word 发布会.
    ("召开新闻发布会发布五起典型案例", "召開新聞發布會發布五起典型案例"),
    # 巡迴 in every word, in one text too.
    ("昌都法院的“铁路巡回法庭”、商事巡回审判", "昌都法院的「鐵路巡迴法庭」、商事巡迴審判"),
    ("林芝法院设立旅游巡回法庭", "林芝法院設立旅遊巡迴法庭"),
    # 回音 (a reply) is not 迴音 (an echo).
    ("确保“件件有着落，事事有回音”", "確保「件件有著落，事事有回音」"),
    # 系 as the copula of court writing is 係; 系统 stays a system.
    ("该案系全市首例廉洁义务类纠纷", "該案係全市首例廉潔義務類糾紛"),
    ("本案系因合同履行引发", "本案係因合同履行引發"),
    # 周 "week" is 週.
    ("发送工作周动态50次", "發送工作週動態50次"),
    ("周例会", "週例會"),
    ("审理周期缩短2周", "審理週期縮短2週"),
    # 布 in words of announcing is 布.
    ("向社会公布并通报有关部门", "向社會公布並通報有關部門"),
    ("2019年宣布这一目标如期实现", "2019年宣布這一目標如期實現"),
    ("颁布实施", "頒布實施"),
    # 占 is the standard form, 佔 a variant.
    ("劳动争议占比", "勞動爭議占比"), ("侵占", "侵占"),
    # Reconsideration is 復議.
    ("行政复议", "行政復議"), ("被诉复议案件", "被訴復議案件"),
    # 复 "to reply" is 覆 throughout, as in 回覆.
    ("“有信必复”", "「有信必覆」"),
    # A name keeps its bearer's character (栖, not 棲).
    ("杨德嘉、王栖鸾分别获评", "楊德嘉、王栖鸞分別獲評"),
]
# Phrases s2tw already converts rightly, next to those overrides: they must stay so.
KEPT = [
    ("签订", "簽訂"), ("签署", "簽署"), ("标签", "標籤"), ("抽签", "抽籤"), ("书签", "書籤"),
    ("牙签", "牙籤"), ("摇号中签", "搖號中籤"), ("中签名单", "中籤名單"),
    ("常态化开展商事巡回审判", "常態化開展商事巡迴審判"),
    ("每周", "每週"), ("本周", "本週"), ("上周", "上週"), ("下周", "下週"), ("周末", "週末"),
    ("周年", "週年"), ("周报", "週報"), ("周刊", "週刊"), ("缩短鉴定周期", "縮短鑑定週期"),
    ("每周工作动态", "每週工作動態"), ("被告人周某判处有期徒刑十年", "被告人周某判處有期徒刑十年"),
    ("周围", "周圍"), ("周到", "周到"), ("周边", "周邊"), ("服务周到", "服務周到"),
    ("工作周到细致", "工作周到細緻"),
    ("占卜", "占卜"), ("按期回复", "按期回覆"), ("答复", "答覆"), ("信用修复", "信用修復"),
]


@pytest.mark.content
@pytest.mark.parametrize(("simplified", "traditional"), FIXED)
def test_overrides_fix_real_phrases(plain: TraditionalConverter, curated: TraditionalConverter,
                                    simplified: str, traditional: str) -> None:
    assert plain.convert(simplified) != traditional
    assert curated.convert(simplified) == traditional


@pytest.mark.parametrize(("simplified", "traditional"), KEPT)
def test_overrides_keep_what_s2tw_gets_right(plain: TraditionalConverter,
                                             curated: TraditionalConverter, simplified: str,
                                             traditional: str) -> None:
    assert plain.convert(simplified) == traditional
    assert curated.convert(simplified) == traditional
