"""The report's own shortcomings and plans, as the drafter reads them from its closing parts."""

from __future__ import annotations

from webapp.content.sources import parse_source
from webapp.drafting.statements import NOT_FOUND_SHORTCOMINGS, outlook, shortcomings


def blocks_of(text: str) -> list:  # type: ignore[type-arg]
    return parse_source(text).blocks


def test_a_colons_list_apart_by_semicolons_gives_each_shortcoming() -> None:
    found = shortcomings(blocks_of(
        "二、存在的问题\n\n我们也清醒地认识到，检察工作还存在一些差距和不足：服务生态保护的能力还需提升；"
        "法律监督质效不够均衡；基层基础建设相对薄弱。我们将采取有力措施加以解决。\n"))
    assert [item["zh-Hans"] for item in found] == [
        "服务生态保护的能力还需提升。", "法律监督质效不够均衡。", "基层基础建设相对薄弱。"]


def test_a_colons_list_in_one_run_apart_by_commas_gives_each_shortcoming() -> None:
    found = shortcomings(blocks_of(
        "在肯定成绩的同时，我们也清醒地认识到，全市法院工作还存在一些问题和不足：执行难问题尚未根本解决，"
        "一些基层法院人员紧缺、双语法官储备不足，少数干警担当意识不强。对此，我们将切实加以解决。\n"))
    assert [item["zh-Hans"] for item in found] == [
        "执行难问题尚未根本解决。", "一些基层法院人员紧缺、双语法官储备不足。", "少数干警担当意识不强。"]


def test_numbered_items_are_read_before_a_colons_list() -> None:
    found = shortcomings(blocks_of("二、存在的问题\n\n还存在一些不足：一是能力不足；"
                                   "二是队伍建设有待加强。\n"))
    assert [item["zh-Hans"][:2] for item in found] == ["一是", "二是"]


def test_a_colon_without_a_list_is_no_list() -> None:
    found = shortcomings(blocks_of("二、存在的问题\n\n问题如下：工作还有差距。\n"))
    assert [item["zh-Hans"] for item in found] == ["问题如下：工作还有差距。"]
    assert (found[0]["zh-Hans"], found[0]["en"]) != NOT_FOUND_SHORTCOMINGS


def test_plans_listed_after_a_colon_are_items_too() -> None:
    plans = outlook(blocks_of("三、2025年工作安排\n\n2025年，重点做好以下工作：维护林区安全稳定；"
                              "服务绿色转型发展；提升法律监督质效。\n"))
    assert [item["zh-Hans"] for item in plans["items"]] == [
        "维护林区安全稳定。", "服务绿色转型发展。", "提升法律监督质效。"]


def test_a_list_after_the_words_naming_the_shortcomings_gives_each() -> None:
    found = shortcomings(blocks_of(
        "二、存在的问题\n\n各位代表，我们的工作与人民群众的期待相比还有一定差距，一些人员能力不够强；"
        "有的领域还存在短板；个别干警作风还不够严实。对此，我们将认真加以解决。\n"))
    assert [item["zh-Hans"] for item in found] == [
        "一些人员能力不够强。", "有的领域还存在短板。", "个别干警作风还不够严实。"]


def test_shortcomings_stated_sentence_by_sentence_after_the_one_naming_them() -> None:
    found = shortcomings(blocks_of(
        "在肯定成绩的同时，我们也清醒地认识到，检察工作与人民群众的期待相比，还有一定差距。"
        "服务新兴领域发展的能力还不够强。法律监督的精准性仍需提升。个别干警作风还不够扎实。"
        "对此，我们将在今后的工作中认真加以解决。\n"))
    assert [item["zh-Hans"] for item in found] == [
        "服务新兴领域发展的能力还不够强。", "法律监督的精准性仍需提升。", "个别干警作风还不够扎实。"]


def test_numbered_items_in_one_paragraph_after_a_colon_are_each_read() -> None:
    # The colon's paragraph, then one holding all the items (as a PDF's copy joins them).
    found = shortcomings(blocks_of(
        "我们也清醒认识到，检察工作还存在一些问题和不足：\n\n一是服务大局的精准度还不够。"
        "二是法律监督的质效还不够强。三是队伍专业化水平还有差距。对此，我们将认真加以解决。\n"))
    assert [item["zh-Hans"][:2] for item in found] == ["一是", "二是", "三是"]
