"""Blocks to parts: chapters, sub-headings and runs, read as the institution's own work."""

from __future__ import annotations

from webapp.content.sources import parse_source
from webapp.drafting.parts import assign_parts


def parts_of(text: str) -> dict[str, str]:
    source = parse_source(text)
    assignment = assign_parts(source, procuratorate="检察院工作报告" in text)
    return {block.text[:6]: assignment.parts[block.id] for block in source.blocks}


HEAD = ("示例市人民检察院工作报告\n\n各位代表：\n\n现在，我代表市人民检察院向大会报告工作，请予审议。"
        "\n\n2025年主要工作\n\n")


def test_a_procuratorates_legal_supervision_is_its_own_work_not_accepting_supervision() -> None:
    parts = parts_of(HEAD + "一、依法惩治犯罪，维护国家安全和社会稳定\n\n"
                     "批准逮捕各类犯罪嫌疑人1200人，提起公诉2300人。\n\n"
                     "（一）强化刑事立案和侦查活动法律监督\n\n"
                     "监督侦查机关立案120件，纠正漏捕30人。\n\n"
                     "（二）加强刑事审判检察监督\n\n"
                     "提出刑事抗诉45件。\n\n"
                     "二、自觉接受人大监督和民主监督\n\n办理代表建议12件。\n")
    assert parts["（一）强化刑"] == parts["监督侦查机关"] == "stability"
    assert parts["（二）加强刑"] == parts["提出刑事抗诉"] == "stability"
    assert parts["二、自觉接受"] == parts["办理代表建议"] == "supervision"


def test_a_sub_heading_moves_its_own_run_and_the_next_returns_to_the_chapter() -> None:
    parts = parts_of(HEAD + "一、服务高质量发展，优化营商环境\n\n审结商事案件1.2万件。\n\n"
                     "（一）自觉接受人大监督\n\n邀请人大代表旁听庭审30人次。\n\n"
                     "（二）加强知识产权司法保护\n\n审结知识产权案件3000件。\n\n"
                     "（三）推进网络生态治理\n\n审结涉网络案件500件。\n")
    assert parts["（一）自觉接"] == parts["邀请人大代表"] == "supervision"
    assert parts["（二）加强知"] == parts["审结知识产权"] == "economy"
    # 网络生态 is order online, not the environment: it does not move the run to anything.
    assert parts["（三）推进网"] == "economy"


def test_the_years_work_as_a_numbered_chapter_is_the_overview_and_its_sub_headings_the_chapters() -> None:
    parts = parts_of(HEAD.replace("2025年主要工作", "一、2025年主要工作") +
                     "2025年，全市检察机关依法履行法律监督职责。\n\n"
                     "（一）维护社会稳定\n\n批准逮捕犯罪嫌疑人500人。\n\n"
                     "（二）服务发展大局\n\n办理涉企案件1200件。\n\n"
                     "（三）坚持强化法律监督\n\n监督撤案40件，开展羁押必要性审查300人。\n\n"
                     "（四）自觉接受监督\n\n办理代表建议10件。\n\n"
                     "二、存在的问题\n\n一是案多人少矛盾突出。\n\n三、2026年工作安排\n\n依法履职。\n")
    assert parts["一、2025"] == parts["2025年，"] == "overview"
    assert parts["（一）维护社"] == parts["批准逮捕犯罪"] == "stability"
    # Each sub-heading is weighed as a chapter: 发展 alone says the economy.
    assert parts["（二）服务发"] == parts["办理涉企案件"] == "economy"
    # Supervising criminal proceedings (撤案, 羁押) is the work on safety and order.
    assert parts["（三）坚持强"] == parts["监督撤案40"] == "stability"
    assert parts["（四）自觉接"] == "supervision" and parts["二、存在的问"] == "shortcomings"


COURT = ("示例市中级人民法院工作报告\n\n各位代表：\n\n现在，我代表市中级人民法院向大会报告工作。\n\n"
         "一、2024年工作回顾\n\n全市法院受理案件1万件。\n\n")


def test_chapters_named_by_the_genres_own_phrases() -> None:
    parts = parts_of(COURT + "（一）坚持服务高质量发展\n\n起诉破坏社会主义市场经济秩序犯罪36人。\n\n"
                     "（二）践行以人民为中心的发展思想\n\n审结劳动争议案件400件。\n\n"
                     "（三）坚持审判监督指导，提升全市法院审判质效\n\n开展案件质量评查230件。\n\n"
                     "（四）聚焦自身建设，锻造过硬法院队伍\n\n开展业务培训32期。\n\n"
                     "（五）加强对下级法院的监督指导\n\n发布参考性案例18个。\n\n"
                     "（六）自觉接受监督\n\n办理代表建议10件。\n")
    # A crime against the market economy's order opens a paragraph of the economy's chapter.
    assert parts["起诉破坏社会"] == "economy"
    # 以人民为中心 is justice for the people: its 发展 is no economy.
    assert parts["（二）践行以"] == parts["审结劳动争议"] == "livelihood"
    # A higher court's guidance of the courts below and their trial quality: the team's work,
    # never accepting supervision.
    assert parts["（三）坚持审"] == parts["开展案件质量"] == "team"
    # jieba reads 法院队伍, 检察队伍 as one word: still the team's.
    assert parts["（四）聚焦自"] == parts["开展业务培训"] == "team"
    assert parts["（五）加强对"] == "team"
    assert parts["（六）自觉接"] == "supervision"


def test_disputes_resolved_at_their_source_and_administrative_trials_are_the_courts_own_work() -> None:
    parts = parts_of(COURT + "（一）践行新时代“枫桥经验”，做实诉源治理\n\n"
                     "把非诉讼纠纷解决机制挺在前面，诉前调解成功纠纷1200件。\n\n"
                     "（二）推进依法行政，支持和监督政府依法履职\n\n"
                     "审结行政案件300件，化解行政争议40件。\n\n"
                     "（三）自觉接受人大监督\n\n办理代表建议10件。\n")
    # Resolving disputes before they are sued on is a service to those who would sue.
    assert parts["（一）践行新"] == parts["把非诉讼纠纷"] == "livelihood"
    # Supervising the government (监督政府) is what administrative trials do, not supervision
    # the court accepts.
    assert parts["（二）推进依"] == parts["审结行政案件"] == "economy"
    assert parts["（三）自觉接"] == "supervision"


def test_a_procuratorates_four_functions_go_where_the_work_they_supervise_goes() -> None:
    parts = parts_of(HEAD + "一、全面履行法律监督职责，推动高质量发展\n\n"
                     "办理各类监督案件3200件。\n\n"
                     "（一）做优刑事检察\n\n监督侦查机关立案120件。\n\n"
                     "（二）做强民事检察\n\n受理民事生效裁判监督申请860件。\n\n"
                     "（三）做实行政检察\n\n办理行政诉讼监督案件410件。\n")
    assert parts["（一）做优刑"] == parts["监督侦查机关"] == "stability"
    assert parts["（二）做强民"] == parts["受理民事生效"] == "livelihood"
    assert parts["（三）做实行"] == parts["办理行政诉讼"] == "economy"


def test_the_thanks_of_the_closing_review_are_the_overview_whoever_they_name() -> None:
    parts = parts_of(HEAD + "一、依法惩治犯罪，维护社会稳定\n\n批准逮捕各类犯罪嫌疑人1200人。\n\n"
                     "二、自觉接受人大监督和民主监督\n\n办理代表建议12件。\n\n"
                     "各位代表，过去一年取得的成绩，是人大及其常委会有力监督、政府和政协大力支持，"
                     "人大代表和政协委员关心帮助的结果。在此，我代表市人民检察院表示衷心感谢！\n")
    assert parts["办理代表建议"] == "supervision"
    assert parts["各位代表，过"] == "overview"


def test_a_specialised_courts_name_tells_no_chapter_apart() -> None:
    # Every chapter of an IP court's report says 知识产权: its chapter on resolving disputes by
    # many means is the people's, as a basic court's is, and its description of itself the overview.
    parts = parts_of("某某知识产权法院工作报告\n\n主任、各位副主任、秘书长、各位委员：\n\n一、基本情况\n\n"
                     "本院集中管辖全市技术类知识产权案件，现有员额法官28名。\n\n二、主要工作\n\n"
                     "（一）加强知识产权司法保护\n\n审结专利案件4126件。\n\n（二）推进知识产权纠纷多元化解\n\n"
                     "诉前委派调解知识产权纠纷4508件，调解成功2217件。\n")
    assert parts["本院集中管辖"] == "overview"
    assert parts["诉前委派调解"] == "livelihood" and parts["审结专利案件"] == "economy"


def test_the_plans_may_open_with_a_paragraph_after_the_shortcomings() -> None:
    parts = parts_of(HEAD + "一、依法惩治犯罪\n\n提起公诉2300人。\n\n"
                     "同时，我们也清醒看到，工作还存在一些不足：第一，办案质效有待提升；第二，队伍建设仍需加强。\n\n"
                     "2026年是“十五五”开局之年。全院将重点做好以下工作：\n\n"
                     "（一）坚持政治建院。\n")
    assert parts["同时，我们也"] == "shortcomings"
    assert parts["2026年是"] == parts["（一）坚持政"] == "outlook"


def test_the_closing_review_to_a_standing_committee_opens_with_its_address() -> None:
    parts = parts_of("某某知识产权法院工作报告\n\n主任、各位副主任、秘书长、各位委员：\n\n"
                     "一、依法审理案件\n\n审结专利案件4126件。\n\n二、自觉接受人大监督\n\n办理代表建议12件。\n\n"
                     "主任、各位副主任、秘书长、各位委员，一年来我院各项工作取得的成绩，是市委坚强领导、"
                     "市人大及其常委会有力监督的结果。\n")
    assert parts["办理代表建议"] == "supervision"
    # The address before the report and the closing review open alike: the later one is kept.
    assert parts["主任、各位副"] == "overview"


def test_a_heading_weighing_as_much_towards_two_sections_is_decided_by_its_text() -> None:
    parts = parts_of(HEAD + "一、依法惩治犯罪\n\n提起公诉2300人。\n\n"
                     "二、做实公益诉讼和民事行政检察，守护群众身边的公平正义\n\n"
                     "依法支持农民工起诉讨薪，为困难群众发放司法救助金，办理群众信访件件有回复。\n")
    assert parts["二、做实公益"] == parts["依法支持农民"] == "livelihood"


def test_shortcomings_may_follow_thanks_in_their_paragraph() -> None:
    parts = parts_of(HEAD + "一、依法惩治犯罪\n\n提起公诉2300人。\n\n"
                     "各位代表，过去一年取得的成绩，是各方大力支持的结果。同时我们也清醒看到，工作与人民群众的"
                     "期待相比仍有差距：一是办案质效有待提升；二是队伍建设仍需加强。\n\n"
                     "2026年是“十五五”开局之年。全院将着力抓好以下工作：一要维护安全稳定。\n")
    assert parts["各位代表，过"] == "shortcomings"
    assert parts["2026年是"] == "outlook"


def test_a_special_report_s_measures_taken_hold_its_chapters() -> None:
    parts = parts_of("某某区人民法院关于执行工作情况的报告\n\n主任、各位副主任、各位委员：\n\n"
                     "一、基本情况\n\n受理执行案件1.2万件。\n\n二、主要做法及成效\n\n（一）坚持善意文明执行，服务保障法治化营商环境\n\n"
                     "对264家企业采取“活封活扣”措施。\n\n（二）自觉接受监督，提升执行公信力\n\n"
                     "邀请人大代表见证执行46人次。\n")
    assert parts["（一）坚持善"] == "economy" and parts["（二）自觉接"] == "supervision"


def test_a_paragraph_naming_the_work_it_tells_of_goes_there_whatever_its_chapter() -> None:
    parts = parts_of(HEAD + "一、自觉接受监督\n\n主动接受人大监督，办理代表建议43件。\n\n"
                     "维护安全稳定方面：批准逮捕犯罪嫌疑人2186人，提起公诉6640人。\n\n"
                     "司法为民方面：办理群众信访4372件，发放司法救助金365万元。\n\n"
                     "深化检务公开，举行公开听证2810场。\n")
    assert parts["主动接受人大"] == "supervision"
    assert parts["维护安全稳定"] == "stability"
    assert parts["司法为民方面"] == "livelihood"
    # The next paragraph is the chapter's again.
    assert parts["深化检务公开"] == "supervision"


def test_a_procuratorate_accepting_the_publics_watch_is_accepting_supervision() -> None:
    parts = parts_of(HEAD + "一、加强自身建设，锻造过硬检察队伍\n\n开展政治轮训，培训干警1200人次。\n\n"
                     "主动接受社会监督。完善人民监督员制度，邀请人民监督员监督公开听证86次。\n")
    assert parts["开展政治轮训"] == "team"
    assert parts["主动接受社会"] == "supervision"


def test_a_procuratorates_own_words_for_its_chapters() -> None:
    parts = parts_of(HEAD + "一、坚持检察为民，做实民事检察\n\n受理民事诉讼监督案件396件。\n\n"
                     "二、坚持从严治检，自觉接受各方监督\n\n开展岗位练兵，培训干警300人次。\n\n"
                     "三、自觉接受各方面监督\n\n办理代表建议31件、政协委员提案18件。\n")
    assert parts["一、坚持检察"] == parts["受理民事诉讼"] == "livelihood"
    assert parts["二、坚持从严"] == parts["开展岗位练兵"] == "team"
    assert parts["三、自觉接受"] == parts["办理代表建议"] == "supervision"
