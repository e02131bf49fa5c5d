"""What the number reader finds, and the words it reads by: figures, changes, the lexicon's lists.

Shared by ``numbers`` (reading numbers, qualifiers and changes) and ``counted`` (what each
figure counts: its label and unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..content.statistics import Qualifier
from ..markup import GAP
from ..numerals import GROUPED_DIGITS, NUMERAL_CHARACTERS
from .lexicon import lexicon

OPENING_QUOTES = "“「『《〈"
CLOSING_QUOTES = "”」』》〉"
# Where a label starts: after a clause's punctuation.
CLAUSE_BREAK = "，,；;。：:！？!?（(）)\n"
SENTENCE_BREAK = "。！？；;!?\n"
# A count of one Chinese numeral character (提出抗诉六件, 起诉…犯罪三件, 查处…人员两人): only before
# 件, 人 or 名, never 一 (一人一档, 一件一策), never part of a longer numeral (read whole).
SINGLE_COUNT = rf"(?<![{NUMERAL_CHARACTERS}])[二两三四五六七八九十](?=[余多]?[件人名])"


@dataclass(frozen=True)
class FoundChange:
    """A change stated right after a figure (or on its own)."""

    value: Decimal
    unit: str
    direction: str
    written: str
    end: int
    basis: bool
    # The earlier year it is against (比2024年增加8件): year-on-year only in the report on the
    # year after.
    against: str = ""


@dataclass
class Found:
    """A figure found in a text: offsets are into that text."""

    start: int
    end: int
    value: Decimal
    written: str
    unit: str
    qualifier: Qualifier | None = None
    change: FoundChange | None = None
    label: str = ""
    vague: bool = False
    companion: bool = False
    routine: bool = False
    # The number of people right after a number of cases (4.6万件5.3万人): a figure of its own.
    people_of_cases: bool = False
    # The measure word as written (件, 案, 人次): some name what is counted by themselves (7案入选…).
    measure: str = ""
    # Where the words naming it end, when its change stands between them and it (受理各类案件同比
    # 上升12.4%，达3120件): else the words before the number name it.
    named_end: int | None = None

    @property
    def key(self) -> bool:
        """Tell whether the figure is a key figure of the report (see the module's rules)."""
        return not (self.vague or self.companion or self.routine
                    or self.unit == "batches")


@dataclass(frozen=True)
class Words:
    measures: tuple[tuple[str, str], ...]
    qualifiers_before: tuple[tuple[str, str], ...]
    qualifiers_after: dict[str, str]
    trailing: tuple[tuple[str, str], ...]
    change: re.Pattern[str]
    # A change stated before the level it reached, up to that level's number.
    change_then_level: re.Pattern[str]
    # A change naming whose it is, after a pair of cases and their people (…37件82人，件数同比上升15.6%).
    subject_change: re.Pattern[str]
    up: frozenset[str]
    # The words a change's amount follows (上升, 缩短, 增幅为 …): a number after one is no figure.
    change_ends: tuple[str, ...]
    nouns: dict[str, dict[str, list[str]]]
    together: dict[str, dict[str, list[str]]]
    ending: dict[str, dict[str, list[str]]]
    case_nouns: tuple[str, ...]
    ordinal_before: tuple[str, ...]
    rank_after: tuple[str, ...]
    duration_before: tuple[str, ...]
    openers: tuple[str, ...]
    verb_adverbs: re.Pattern[str]
    year_adverbs: re.Pattern[str]
    sums: tuple[str, ...]
    routine: tuple[str, ...]
    publicity_topics: tuple[str, ...]
    arrangement: tuple[str, ...]
    sentencing: tuple[str, ...]
    all_criminal_cases: tuple[str, ...]
    # The verbs a label says inside it only as what was done itself (州中级人民法院受理案件).
    inner_verbs: tuple[str, ...]
    applied: tuple[str, ...]
    court_case_verbs: tuple[str, ...]
    procedures: tuple[str, ...]
    fields: tuple[str, ...]
    sentenced: tuple[str, ...]
    suspects: tuple[str, ...]
    finding: tuple[str, ...]
    leads: tuple[str, ...]
    document_kinds: tuple[str, ...]
    means_of_work: tuple[str, ...]
    issuing: tuple[str, ...]
    giving: tuple[str, ...]
    summary_nouns: tuple[str, ...]
    adopting: re.Pattern[str]
    trend: re.Pattern[str]
    # A system or procedure a sentence names it applies (落实认罪认罚从宽制度), what 该制度 and a
    # bare 适用率 after it are of.
    system: re.Pattern[str]
    this_system: tuple[str, ...]
    applied_rate: str
    # The noun of crimes (…犯罪9件21人): the cases a number of them counts are 犯罪案件.
    crimes: str
    people_of_cases: str
    each: str
    follower_stops: tuple[str, ...]
    follower_stops_where: tuple[str, ...]
    words_not_where: tuple[str, ...]
    story: tuple[str, ...]
    withheld_names: re.Pattern[str]
    example: re.Pattern[str]
    verbs: tuple[str, ...]
    case_types: tuple[str, ...]
    of_which: str
    cause_heads: tuple[str, ...]
    countable: tuple[str, ...]
    related: tuple[str, ...]
    crackdown: re.Pattern[str]
    heads: tuple[str, ...]
    work_lines: tuple[str, ...]
    pivots: tuple[str, ...]
    relating: tuple[str, ...]
    causative: tuple[str, ...]
    particle_nouns: tuple[str, ...]
    manner: tuple[str, ...]
    manner_always: tuple[str, ...]
    measure_nouns: dict[str, str]
    people_noun: str
    doers: tuple[str, ...]
    enforcement_measures: tuple[str, ...]
    enforcement: tuple[str, str]
    object_markers: tuple[str, ...]
    involved: tuple[str, ...]
    crackdown_verbs: tuple[str, ...]
    share: str
    share_of: str
    second_predicate: tuple[str, ...]
    groups: tuple[str, ...]
    meetings: tuple[str, ...]
    post_endings: tuple[str, ...]
    qualifier_verbs: tuple[str, ...]
    existential: tuple[str, ...]
    partners: re.Pattern[str]
    area_subject: re.Pattern[str]
    grounds: re.Pattern[str]
    campaigns: tuple[str, ...]
    complete_rates: tuple[str, ...]
    activities: tuple[str, ...]
    penalties: tuple[str, ...]
    taking_part: tuple[str, ...]
    nominal_verbs: tuple[str, ...]
    inherent: tuple[str, ...]
    level_adverbs: tuple[str, ...]
    bare_acts: tuple[str, ...]
    existential_after: tuple[str, ...]
    change_subjects: dict[str, tuple[str, ...]]
    joined_verbs: tuple[str, ...]
    disputed: tuple[str, ...]
    audiences: tuple[str, ...]

    def opening_verb(self, label: str) -> str:
        """Return the verb ``label`` opens with, the longest it may be, or ''."""
        return next((verb for verb in self.verbs if label.startswith(verb)), "")

    def without_area_subject(self, label: str) -> str:
        """Return ``label`` without all the area's courts or procuratorates it opens with (全省法院
        发出司法建议: 发出司法建议)."""
        subject = self.area_subject.match(label)
        return label[subject.end():] if subject is not None else label


@cache
def number_words() -> Words:
    numbers = lexicon().mapping("numbers")
    longest_first = sorted(numbers["measures"].items(), key=lambda item: -len(item[0]))
    basis = "|".join(map(re.escape, numbers["change_basis"]))
    directions = "|".join(map(re.escape, [*numbers["change_up"], *numbers["change_down"]]))
    amount_units = "|".join(map(re.escape, [word for word, _ in longest_first]))
    against = r"(?:较|比)(?P<against>(?:19|20)[0-9]{2}年)(?:底|末|同期)?"
    change = (rf"(?P<basis>{basis}|{against})?(?:了|进一步|再)?(?P<direction>{directions})了?"
              rf"{_rate_link()}{GAP}"
              rf"(?P<amount>{GROUPED_DIGITS}){GAP}(?P<unit>{amount_units})")
    return Words(
        measures=tuple(longest_first),
        qualifiers_before=tuple(sorted(numbers["qualifiers_before"].items(), key=lambda i: -len(i[0]))),
        qualifiers_after=dict(numbers["qualifiers_after"]),
        trailing=tuple(numbers["qualifiers_trailing"].items()),
        change=re.compile(rf"{GAP}[，,]?{GAP}" + change),
        change_then_level=re.compile(change + rf"{GAP}[，,]{GAP}"
                                     rf"(?:{_alternatives(numbers['change_then_level'])})?{GAP}$"),
        subject_change=re.compile(rf"{GAP}[，,]?{GAP}(?P<subject>{_alternatives(list(numbers['change_subjects']))}"
                                  rf"|[\u4e00-\u9fff]{{2}}数)" + change),
        up=frozenset(numbers["change_up"]),
        change_ends=(*numbers["change_up"], *numbers["change_down"],
                     *(noun + link for noun in numbers["change_rate_nouns"]
                       for link in numbers["change_links"])),
        nouns={measure: dict(units) for measure, units in numbers["nouns"].items()},
        together={measure: dict(units) for measure, units in numbers["nouns_together"].items()},
        ending={measure: dict(units) for measure, units in numbers["nouns_ending"].items()},
        case_nouns=tuple(numbers["case_nouns"]),
        ordinal_before=tuple(numbers["ordinal_before"]),
        rank_after=tuple(numbers["rank_after"]),
        duration_before=tuple(numbers["duration_before"]),
        openers=tuple(sorted(numbers["label_openers"], key=len, reverse=True)),
        sums=tuple(sorted(numbers["sum_adverbs"], key=len, reverse=True)),
        verb_adverbs=re.compile(_alternatives(numbers["verb_adverbs"])
                                + "(?=" + _alternatives(numbers["label_verbs"]) + ")"),
        year_adverbs=re.compile(r"(?<=[\u4e00-\u9fff])" + _alternatives(numbers["year_adverbs"])
                                + r"(?=[\u4e00-\u9fff])"),
        routine=tuple(numbers["routine_objects"]),
        publicity_topics=tuple(numbers["publicity_topics"]),
        arrangement=tuple(numbers["arrangement_verbs"]),
        sentencing=tuple(numbers["sentencing_verbs"]),
        all_criminal_cases=tuple(numbers["all_criminal_cases"]),
        applied=tuple(numbers["applied_verbs"]),
        court_case_verbs=tuple(numbers["court_case_verbs"]),
        procedures=tuple(numbers["procedures"]),
        fields=tuple(numbers["fields"]),
        sentenced=tuple(numbers["sentenced"]),
        suspects=tuple(numbers["suspects"]),
        finding=tuple(numbers["finding_verbs"]),
        leads=tuple(numbers["leads"]),
        document_kinds=tuple(numbers["document_kinds"]),
        means_of_work=tuple(numbers["means_of_work"]),
        issuing=tuple(numbers["issuing_verbs"]),
        giving=tuple(numbers["giving_verbs"]),
        summary_nouns=tuple(numbers["summary_nouns"]),
        adopting=re.compile(numbers["adopting_verbs"]),
        system=re.compile(_alternatives(numbers["system_verbs"])
                          + r"(?P<system>[\u4e00-\u9fff]{2,14}?(?:制度|程序|机制))"),
        this_system=tuple(numbers["this_system"]),
        applied_rate=numbers["applied_rate"],
        trend=re.compile(r"^(?P<topic>[^，,。；;]{2,40}?(?:纠纷|案件|犯罪))(?:数量)?"
                         + _alternatives(numbers["trend_predicates"]) + r"[，,]"),
        crimes="犯罪",
        inner_verbs=tuple(verb for verb in numbers["label_verbs"] if verb not in numbers["nominal_verbs"]),
        people_of_cases=numbers["people_of_cases"],
        each=numbers["change_each"],
        follower_stops=tuple(numbers["follower_stops"]),
        follower_stops_where=tuple(numbers["follower_stops_where"]),
        words_not_where=tuple(numbers["words_not_where"]),
        story=tuple(numbers["case_story"]),
        withheld_names=re.compile(numbers["withheld_names"]),
        example=re.compile("(?:" + "|".join(map(re.escape, numbers["places"])) + ")"
                           r"[\u4e00-\u9fff]{0,8}?(?:法院|检察院|多部门|各级)"),
        verbs=tuple(sorted(numbers["label_verbs"], key=len, reverse=True)),
        case_types=tuple(numbers["case_types"]),
        of_which=numbers["of_which"],
        cause_heads=tuple(numbers["cause_heads"]),
        countable=tuple(numbers["countable_nouns"]),
        related=tuple(numbers["related"]),
        crackdown=re.compile("(?:" + "|".join(map(re.escape, numbers["crackdown_verbs"]))
                             + r")(?P<crime>[^，,。；;]{2,30}?犯罪)"),
        heads=tuple(sorted(numbers["head_nouns"], key=len, reverse=True)),
        work_lines=tuple(numbers["work_lines"]),
        pivots=tuple(numbers["pivot_verbs"]),
        relating=tuple(numbers["relating_verbs"]),
        causative=tuple(numbers["causative_verbs"]),
        particle_nouns=tuple(numbers["particle_nouns"]),
        manner=tuple(sorted(numbers["manner_adverbs"], key=len, reverse=True)),
        manner_always=tuple(numbers["manner_adverbs_always"]),
        measure_nouns=dict(numbers["measure_nouns"]),
        people_noun=numbers["people_noun"],
        doers=tuple(numbers["doers"]),
        enforcement_measures=tuple(numbers["enforcement_measures"]),
        enforcement=(numbers["enforcement"], numbers["enforcement_not"]),
        object_markers=tuple(numbers["object_markers"]),
        involved=tuple(numbers["involved"]),
        crackdown_verbs=tuple(sorted(numbers["crackdown_verbs"], key=len, reverse=True)),
        share=numbers["share"],
        share_of=numbers["share_of"],
        second_predicate=tuple(numbers["second_predicate"]),
        groups=tuple(numbers["group_nouns"]),
        meetings=tuple(numbers["meeting_nouns"]),
        post_endings=tuple(numbers["post_endings"]),
        qualifier_verbs=tuple(numbers["qualifier_verbs"]),
        existential=tuple(numbers["existential"]),
        partners=re.compile(rf"^(?:(?:{_alternatives(numbers['approach_organisers'])})[^，。；]{{0,6}}?"
                            rf"(?={_alternatives(numbers['approaches'])}))?"
                            rf"(?:{_alternatives([*numbers['partners'], *numbers['approaches']])})"
                            rf"[^，。；]{{1,24}}?(?=(?:{_alternatives(numbers['partner_verbs'])}))"),
        area_subject=re.compile(numbers["area_subjects"]),
        grounds=re.compile(numbers["grounds"]),
        campaigns=tuple(numbers["campaigns"]),
        complete_rates=tuple(numbers["complete_rates"]),
        activities=tuple(numbers["activity_verbs"]),
        penalties=tuple(numbers["penalties"]),
        taking_part=tuple(numbers["taking_part"]),
        nominal_verbs=tuple(numbers["nominal_verbs"]),
        inherent=tuple(numbers["inherent_qualifiers"]),
        level_adverbs=tuple(numbers["level_adverbs"]),
        bare_acts=tuple(numbers["bare_acts"]),
        existential_after=tuple(numbers["existential_after"]),
        change_subjects={noun: tuple(units) for noun, units in numbers["change_subjects"].items()},
        joined_verbs=tuple(numbers["joined_verbs"]),
        disputed=tuple(numbers["disputed"]),
        audiences=tuple(numbers["audiences"]),
    )

@cache
def count_in_words() -> re.Pattern[str]:
    """Return the pattern of a number in the words around a figure (what it counts, what follows):
    digits, or Chinese numerals right before a measure word (起诉…犯罪三件十一人, 立案十七件、撤案…),
    which no noun is written with."""
    # Not 年: 五年以上重刑, 二十年 are spans, not counts.
    measures = _alternatives([word for word, unit in lexicon().mapping("numbers")["measures"].items()
                              if unit != "years"])
    return re.compile(rf"[0-9０-９.．]+|[{NUMERAL_CHARACTERS}]{{2,}}(?=[余多]?{measures})|{SINGLE_COUNT}")


def qualifier_before(before: str, words: Words) -> tuple[str, str] | None:
    """Return the qualifier word ``before`` ends with and its id, or None (送达 is a verb, not 达)."""
    if before.endswith(words.qualifier_verbs):
        return None
    return next(((word, qualifier) for word, qualifier in words.qualifiers_before if before.endswith(word)),
                None)


def _alternatives(words: list[str]) -> str:
    """Return a pattern matching any of ``words``, the longest first."""
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


def _rate_link() -> str:
    """Return the pattern of a link after a noun of change (增幅为12%): never after a verb,
    as 上升为5% states the level reached, not the change."""
    numbers = lexicon().mapping("numbers")
    after = "|".join(f"(?<={re.escape(noun)})" for noun in numbers["change_rate_nouns"])
    links = "|".join(map(re.escape, sorted(numbers["change_links"], key=len, reverse=True)))
    return rf"(?:(?:{after})(?:{links}))?"
