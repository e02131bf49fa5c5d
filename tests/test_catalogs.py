"""Interface catalogs: every string translated, zh_Hant generated from zh_Hans."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from webapp.catalogs import convert_catalog, main
from webapp.config import PROJECT_ROOT
from webapp.languages import TraditionalConverter

TRANSLATIONS = PROJECT_ROOT / "translations"


def catalog(locale: str):  # noqa: ANN201 - babel has no stubs
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=locale)


def template_ids() -> set[object]:
    with (TRANSLATIONS / "messages.pot").open("rb") as file:
        return {(m.context, m.id) for m in read_po(file) if m.id}


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_interface_string_is_translated(locale: str) -> None:
    messages = {(m.context, m.id): m for m in catalog(locale) if m.id}
    assert template_ids() <= set(messages), template_ids() - set(messages)
    untranslated = [key for key, m in messages.items()
                    if not m.string or (isinstance(m.string, tuple) and not all(m.string))]
    assert not untranslated
    assert not any(m.fuzzy for m in messages.values())


def test_traditional_catalog_is_the_converted_simplified_one() -> None:
    converted = convert_catalog(catalog("zh_Hans"), TraditionalConverter({}))
    assert converted.get("Court Report Briefings").string == "法院工作報告簡報"
    assert converted.get("Glossary").string == "術語表"
    assert converted.get("over %(number)s", context="余 after a number").string == "%(number)s餘"


def test_generated_catalog_takes_the_content_overrides(tmp_path: Path) -> None:
    for relative in ("content/conversion-overrides.yaml", "translations/zh_Hans/LC_MESSAGES/messages.po"):
        (tmp_path / relative).parent.mkdir(parents=True)
        shutil.copy(PROJECT_ROOT / relative, tmp_path / relative)
    main(tmp_path)
    with (tmp_path / "translations" / "zh_Hant" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        generated = read_po(file, locale="zh_Hant")
    footer = generated.get("Briefings summarize the official reports; every figure links to the "
                           "sentence it comes from. Traditional Chinese is converted from the "
                           "Simplified text.").string
    # s2tw alone writes 發佈; the override 发布 → 發布 holds here as in the content.
    assert footer == "簡報概括官方發布的報告；每個數據均附原文出處。繁體中文由簡體文本轉換而來。"
