"""Build each drafted section's digest: its figures stated in English sentences from their labels.

"Concluded 46,000 cases of serious violent crime, down 7.3%.": each sentence is built from the
English of a figure's label (``english.english_label``), never translated prose, and marked
machine-built as every drafted text is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..content.statistics import Unit
from ..content.style import EnglishStyle
from ..numerals import ENGLISH_SCALES
from .english import Label, english_label, vocabulary
from .lexicon import lexicon

_DIGEST_SENTENCES = 6
# A qualifier as the digest writes it, in English and around the Chinese number (5亿余元).
_QUALIFIERS_EN = {"over": "over ", "exceeds": "over ", "more-than": "more than ",
                  "at-least": "at least ", "nearly": "nearly ", "about": "about "}
_QUALIFIERS_ZH = {"over": ("", "余", ""), "exceeds": ("突破", "", ""), "more-than": ("超过", "", ""),
                  "at-least": ("", "", "以上"), "reached": ("达", "", ""), "nearly": ("近", "", ""),
                  "about": ("约", "", "")}
# Units counting occasions rather than the things counted: 204 person-times of visits.
_OCCASIONS = {"person-times", "events-times", "times", "case-times"}
# Units measuring what is counted rather than counting it: 326 mu of cultivated land.
_MEASURING = {"tonnes", "mu", "hectares", "square-metres"}
# Units of a level the label names, stated as its value: Average trial duration: 46.3 days.
_LEVELS = {"days"}


def digest_sentence(label: Label, value: Decimal, unit_en: tuple[str, str], unit: str,
                    change: dict[str, Any] | None, qualifier: str | None = None) -> str:
    """Return one sentence of a section's digest: Concluded 46,000 cases of …, down 7.3%.

    A verb of several words reads better after what it counts (3,200 cases tried at a higher
    level); a count of visits names them (… members 204 person-times); an amount of money is
    of what it counts (RMB 4 trillion of debts), or alone where the label names nothing more.
    """
    if label.rate or unit in _LEVELS:
        level = "%" if label.rate else f" {unit_en[1]}"
        sentence = f"{label.label}: {_QUALIFIERS_EN.get(qualifier or '', '')}{value.normalize():f}{level}"
        if change is not None:
            sentence += ", " + _change(change) + ("" if change["unit"] in _CHANGE_WORDS else level)
        return sentence + "."
    amount = _QUALIFIERS_EN.get(qualifier or "", "") + _amount(value, unit)
    if unit in _OCCASIONS:
        counted = f"{label.thing} {amount} {unit_en[1]}"
    elif unit in _MEASURING:
        counted = f"{amount} {unit_en[1]} of {label.thing}"
    elif label.thing == "amount":
        counted = amount
    elif unit == "yuan":
        counted = f"{amount} of {label.thing}"
    else:
        counted = f"{amount} {label.thing}"
    if label.passive or (" " in label.verb and " or " not in label.verb):
        sentence = " ".join(part for part in (counted[:1].upper() + counted[1:], label.participle)
                            if part) + label.tail
    else:
        sentence = f"{label.verb} {counted}{label.tail}"
    if change is not None:
        sentence += ", " + _change(change)
    return sentence + "."


def _amount(value: Decimal, unit: str) -> str:
    prefix = "RMB " if unit == "yuan" else ""
    for word, size in ENGLISH_SCALES.items():
        if value >= size:
            return f"{prefix}{(value / size).normalize():f} {word}"
    number = f"{value.normalize():f}"
    whole, _, fraction = number.partition(".")
    return prefix + f"{int(whole):,}" + (f".{fraction}" if fraction else "")


# Change units the change's own words name (7.3%, 2 percentage points, a fold as a percentage).
_CHANGE_WORDS = {"percent", "points", "fold"}


def _change(change: dict[str, Any]) -> str:
    value = Decimal(str(change["value"]))
    if change["unit"] == "fold":
        value, unit = value * 100, "percent"
    else:
        unit = change["unit"]
    amount = f"{value.normalize():f}"
    written = {"percent": f"{amount}%", "points": f"{amount} percentage points"}.get(unit, amount)
    return f"{change['direction']} {written}"


def section_digest(figures: Sequence[dict[str, Any]], units: Mapping[str, Unit],
                   style: EnglishStyle) -> tuple[str, str] | None:
    """Return a section's digest (zh-Hans, en): its figures whose labels the vocabulary builds."""
    people = lexicon().mapping("numbers")["people_of_cases"]
    zh_sentences: list[str] = []
    en_sentences: list[str] = []
    for data in figures:
        if data["label"]["zh-Hans"].endswith((people, *vocabulary()["involved"])):
            continue  # What the cases involve: their cases' sentence states what was done.
        period = data.get("period", {}).get("zh-Hans")
        built = english_label(data["label"]["zh-Hans"], data["unit"], period, people)
        if built is None or data["label"]["en"] == "":
            continue
        unit = units[data["unit"]]
        change = data.get("change")
        before, after, trailing = _QUALIFIERS_ZH.get(data.get("qualifier") or "", ("", "", ""))
        zh = (data["label"]["zh-Hans"] + before + data["written"] + after + unit.zh_hans + trailing
              + _change_zh(change, units) + "。")
        en = digest_sentence(built, Decimal(str(data["value"])), unit.en, data["unit"], change,
                             data.get("qualifier"))
        if style.text_problems(zh, en):
            continue
        zh_sentences.append(zh)
        en_sentences.append(en)
        if len(en_sentences) == _DIGEST_SENTENCES:
            break
    return ("".join(zh_sentences), " ".join(en_sentences)) if en_sentences else None


def _change_zh(change: dict[str, Any] | None, units: Mapping[str, Unit]) -> str:
    """Return a change as the digest's Chinese states it: ，同比下降7.3%."""
    if change is None:
        return ""
    direction = "增长" if change["direction"] == "up" else "下降"
    unit = "" if change["unit"] == "percent" else units[change["unit"]].zh_hans
    return f"，同比{direction}{change['written']}{unit}"
