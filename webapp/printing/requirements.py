"""What a machine needs to render PDF briefings: the print stylesheet's fonts, HarfBuzz's subsetter.

Checked where PDFs are rendered (a render refuses with the fix), and by ``flask doctor``.
"""

from __future__ import annotations

import shutil
import subprocess

# The faces the print stylesheet names; fontconfig must know each of them.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK TC")
TEXT_FAMILIES = ("Liberation Serif", "Liberation Sans")
HOW_TO_FIX = "install fonts-noto-cjk, fonts-liberation and libharfbuzz-subset0: run make setup"


def font_families(pattern: str) -> set[str]:
    """Return the family names fontconfig lists for ``pattern`` (e.g. ``:lang=zh``)."""
    if shutil.which("fc-list") is None:
        return set()
    listed = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True,
                            check=False).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


def harfbuzz_subsetter() -> bool:
    """Tell whether WeasyPrint found HarfBuzz's subsetter (else it subsets slowly, with fontTools)."""
    try:
        from weasyprint.text import ffi
    except OSError:
        return False
    return ffi.harfbuzz_subset is not None


def missing_fonts() -> list[str]:
    """Return a problem for each face the print stylesheet names that fontconfig lacks."""
    cjk = font_families(":lang=zh")
    text = font_families(":lang=en")
    return [f"no font {family!r}" for family in CJK_FAMILIES if family not in cjk] + [
        f"no font {family!r}" for family in TEXT_FAMILIES if family not in text]


def missing_subsetter() -> list[str]:
    """Return the problem of a WeasyPrint without HarfBuzz's subsetter, if it is one."""
    return [] if harfbuzz_subsetter() else ["no HarfBuzz subsetter (libharfbuzz-subset0)"]
