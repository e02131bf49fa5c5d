"""What the browser tests share: the two screens they read on, and the page's landmarks."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SCREENS = {"390": PHONE, "1280": DESKTOP}
LANGS = ("zh-hans", "zh-hant", "en")
TAGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
NAMES = {"zh-hans": "简体中文", "zh-hant": "繁體中文", "en": "English"}

# The id and top of the first element with an id that is on screen below the sticky header:
# what the language switch keeps in place.
FIRST_VISIBLE_ID = """() => {
    const ceiling = document.querySelector(".site-header").getBoundingClientRect().bottom;
    for (const element of document.querySelectorAll("#main [id]")) {
        const box = element.getBoundingClientRect();
        if (box.height > 0 && box.top >= ceiling) { return [element.id, box.top]; }
    }
    return null;
}"""


def switch_link(page: Page, lang: str) -> Locator:
    """Return the language switch's link to ``lang``."""
    return page.locator(".language-switch").get_by_role("link", name=NAMES[lang], exact=True)


def tip_of(trigger: Locator) -> Locator:
    """Return the tooltip a term's trigger describes."""
    tip_id = trigger.get_attribute("aria-describedby")
    assert tip_id, "a term trigger has no aria-describedby"
    tip = trigger.page.locator(f"#{tip_id}")
    expect(tip).to_have_attribute("role", "tooltip")
    return tip
