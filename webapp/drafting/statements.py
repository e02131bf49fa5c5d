"""Draft what the report states of itself at its end: its shortcomings and its plans.

Both come from the report's own words: list items, 一是…/第一，… items within paragraphs, the
clauses of a list a sentence opens with a colon and parts with semicolons (…还存在一些差距和不足：
…还需提升；…不够均衡；…。), else the first sentence of each paragraph. Where none is found the draft
says so, as the drafter's finding for a person to check: it never asserts that the report states
none.
"""

from __future__ import annotations

import re
from typing import Any

from ..content.sources import Block
from ..content.texts import drafted_digest
from .lexicon import lexicon

_OUTLOOK_ITEMS = 8
# What the drafter says where it finds no part: its own finding, never the report's.
NOT_FOUND_SHORTCOMINGS = ("起草程序未在报告中找到所述不足，请人工核对报告。",
                          "Shortcomings not found by the drafter: check the report.")
NOT_FOUND_OUTLOOK = ("起草程序未在报告中找到下一年的工作安排，请人工核对报告。",
                     "Plans for the next year not found by the drafter: check the report.")


def drafted(zh_hans: str, en: str = "") -> dict[str, str]:
    """Return a text as the drafter writes it: both languages and the digest of them."""
    return {"zh-Hans": zh_hans, "en": en, "drafted": drafted_digest(zh_hans, en)}


def _first_sentence(block: Block) -> str:
    return _first_sentence_of(" ".join(block.visible_text.split()))


def _first_sentence_of(text: str) -> str:
    text = text.lstrip("-—•· ")
    match = re.match(r"[^。！？]+[。！？]?", text)
    sentence = (match.group() if match else text).strip()
    return sentence if sentence[-1:] in "。！？" else sentence + "。"


def _items(blocks: list[Block]) -> list[str]:
    """Return a list's items: list-item blocks, else the 一是…/第一，… items within paragraphs,
    else the clauses of a colon's list apart by semicolons."""
    marker = re.compile(lexicon().mapping("parts")["list_items"])
    listed = [block for block in blocks if block.kind == "list-item"]
    items: list[str] = []
    # A list item may hold the items after it too (一是…。二是…。三是…。 in one paragraph).
    for block in listed or blocks:
        text = " ".join(block.visible_text.split())
        starts = [match.start() for match in marker.finditer(text)
                  if match.start() == 0 or text[match.start() - 1] in "。；;：:"]
        if block.kind == "list-item" and len(starts) <= 1:
            items.append(_first_sentence(block))
            continue
        for start, end in zip(starts, [*starts[1:], len(text)], strict=False):
            items.append(_first_sentence_of(text[start:end]))
    if not items:
        for block in blocks:
            items.extend(_colon_list(" ".join(block.visible_text.split())))
    return items


def _colon_list(text: str) -> list[str]:
    """Return the clauses of a list a sentence opens with a colon and parts with semicolons
    (…还存在一些差距和不足：…还需提升；…不够均衡；…仍然短缺。), or with a comma after the words
    naming them (…相比还有一定差距，一些…；有的…；个别…。), or [] where no sentence is one."""
    naming = lexicon().words("parts", "shortcomings_named")
    named = "|".join(map(re.escape, naming))
    for sentence in re.findall(r"[^。！？]+[。！？]?", text):
        opening, colon, listed = sentence.partition("：")
        if not colon:
            opened = re.search(rf"(?:{named})[，,]", sentence.split("；")[0])
            listed = sentence[opened.end():] if opened is not None and "；" in sentence else ""
        clauses = [clause.strip() for clause in listed.rstrip("。！？").split("；") if clause.strip()]
        if colon and len(clauses) == 1 and any(word in opening for word in naming):
            # …还存在一些问题和不足：A，B，C。 a list of them in one run apart by commas.
            clauses = [clause.strip() for clause in re.split(r"[，,]", clauses[0]) if clause.strip()]
        if (colon or listed) and len(clauses) >= 2:
            return [clause + "。" for clause in clauses]
    return []


def _closing(block: Block) -> bool:
    """Tell whether a block closes the report: the address (各位代表，…) or a dateline."""
    text = block.text.strip()
    address = lexicon().words("parts", "address")
    return text.startswith(tuple(address)) or bool(re.fullmatch(r"[（(][^）)]{2,30}电?[）)]", text))


def shortcomings(blocks: list[Block]) -> list[dict[str, str]]:
    """Return the stated shortcomings: list items, 一是… items, else the paragraphs after the first.

    Where none is found the draft says so, as the drafter's finding, for a person to check: it
    never asserts that the report states none.
    """
    chosen = _items(blocks) or [_first_sentence(block) for block in blocks[1:]
                                if block.kind == "paragraph" and not _closing(block)] or \
        (_sentences_after_opening(blocks[0]) if blocks else [])
    return [drafted(text) for text in chosen] or [drafted(*NOT_FOUND_SHORTCOMINGS)]


def _sentences_after_opening(block: Block) -> list[str]:
    """Return the shortcomings one paragraph states sentence by sentence after the one naming
    them (…相比，还有一定差距。…还不够强…。…仍需提升…。对此，我们将…): each sentence up to the
    one that says what will be done about them; [] where the first names no shortcomings."""
    words = lexicon()
    named = tuple(words.words("parts", "shortcomings_named"))
    sentences = re.findall(r"[^。！？]+[。！？]?", " ".join(block.visible_text.split()))
    if len(sentences) < 3 or not any(word in sentences[0] for word in named):
        return []
    stated: list[str] = []
    for sentence in sentences[1:]:
        if sentence.startswith(tuple(words.words("parts", "shortcomings_closing"))):
            break
        stated.append(sentence.strip())
    return stated if len(stated) >= 2 else []


def outlook(blocks: list[Block]) -> dict[str, Any]:
    """Return the plans: the opening sentence, and the first sentence of each item."""
    prose = [block for block in blocks if block.kind in {"paragraph", "list-item"} and not _closing(block)]
    items = _items(prose) or [_first_sentence(block) for block in prose[1:]]
    summary = drafted(_first_sentence(prose[0])) if prose else drafted(*NOT_FOUND_OUTLOOK)
    return {"summary": summary, "items": [drafted(item) for item in items[:_OUTLOOK_ITEMS]]}
