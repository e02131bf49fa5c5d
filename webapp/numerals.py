"""Read numbers as Chinese texts write them: digits of any width, Chinese numerals, 万 and 亿.

One reading of numbers for the whole app. The content checks a figure's ``written`` against
its quote and its value (``parse_written``, ``find_written``); the drafter finds the numbers of
a report's text (``NUMBER``, ``SCALE``, ``digits_value``, ``chinese_numeral_value``); search
reads the numbers of folded texts and queries, with English scales too (``FOLDED_NUMBER``,
``folded_value``). What a number counts, and whether it is a figure at all, is the drafter's
business, not this module's.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .markup import GAP

# Longest first, so that 万亿 is read before 万.
CHINESE_SCALES = {"万亿": Decimal(10) ** 12, "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
# The Taiwan-standard forms of the words written around a number (OpenCC's s2tw gives the same).
TRADITIONAL_SCALES = {"万": "萬", "亿": "億"}
TRADITIONAL_OVER = {"余": "餘", "多": "多"}
# Largest first: an amount is written with the largest scale it reaches (RMB 2.2 trillion).
ENGLISH_SCALES = {"trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "million": Decimal(10) ** 6}
SCALES = {**CHINESE_SCALES, **ENGLISH_SCALES}
SCALE = re.compile("|".join(CHINESE_SCALES))
NUMERAL_CHARACTERS = "零〇一二两三四五六七八九十百千万亿"
CHINESE_DIGITS = "零〇一二两三四五六七八九"
# Digits of any width (１２３ as 123), with decimals after a point of either width.
DIGITS = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
# The same, with thousands separators (100,344).
GROUPED_DIGITS = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
# A number as a report writes it: in digits, or in Chinese numerals of two characters or more
# (a single 一 or 十 is a word more often than a number).
NUMBER = re.compile(rf"(?P<arabic>{GROUPED_DIGITS})|(?P<chinese>[{NUMERAL_CHARACTERS}]{{2,}})")
# A number in a folded text (half-width, small letters; see search.text.fold): 100344, 100,344,
# 1.95万, 8600余万 (its value 8600万: the 余 is a qualifier), 7.258 billion; never a piece of a
# word or of a longer number.
FOLDED_NUMBER = re.compile(
    r"(?<![0-9a-z.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
    r"(?![0-9a-z])(?:\s?(?:[余多]\s?)?(?P<scale>[万亿]|million\b|billion\b|trillion\b))?")

# A figure's written value in Chinese numerals: of one character too, where the drafter read a
# count (提出抗诉六件); finding numbers in a text (NUMBER) still asks two.
_CHINESE_NUMERAL = re.compile(rf"^[{NUMERAL_CHARACTERS}]+$")
# 8600余万, 220多万: the 余 or 多 (over) a report writes between a number and its scale stays in
# what is written, so that the quote holds the number as written; the figure's qualifier says it.
_WRITTEN = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?:[余多](?=[万亿]))?(?P<scale>万亿|[万亿]?)$")
# As a quote may write a number: digits of any width (\d is Unicode's), or Chinese numerals.
_WRITTEN_AS_IS = re.compile(
    r"^(?P<number>\d+(?:[.．]\d+)?)(?P<over>[余多](?=[万亿]))?(?P<scale>万亿|[万亿]?)(?P<percent>[%％]?)$")
_NUMERAL_CHARACTER = f"[{NUMERAL_CHARACTERS}]"
_DIGITS_OF_YEARS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def ascii_digits(text: str) -> str:
    """Return ``text`` with full-width digits and points as ASCII (NFKC leaves CJK alone)."""
    return unicodedata.normalize("NFKC", text)


def digits_value(written: str) -> Decimal:
    """Return the value of a number in digits of any width, separators aside (１,２３４.５)."""
    return Decimal(ascii_digits(written).replace(",", ""))


def chinese_numeral_value(numeral: str) -> Decimal | None:
    """Read a Chinese numeral (二千九百一十二 → 2912, 两千 → 2000), or None if it is not one."""
    import cn2an  # Only a text that writes numbers in characters needs it.

    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None


def chinese_numeral(number: int) -> str:
    """Write a whole number in Chinese numerals (3 → 三, 12 → 十二)."""
    import cn2an

    return str(cn2an.an2cn(number))


def digit_by_digit(numeral: str) -> str:
    """Write Chinese digits read one by one, as years are (二〇二六 → 2026)."""
    return numeral.translate(_DIGITS_OF_YEARS)


def is_chinese_numeral(written: str) -> bool:
    """Tell whether ``written`` is a number in Chinese numerals."""
    return _CHINESE_NUMERAL.match(written) is not None


def parse_written(written: str) -> Decimal | None:
    """Read a number as a Chinese report writes it: ``1.95万`` → 19500, ``105.5%`` → 105.5,
    ``8600余万`` → 86000000 (the 余 is the figure's qualifier, not its value).

    Full-width digits (１２３) and Chinese numerals (二千九百一十二) are read too. Returns None
    when ``written`` is not a plain number with an optional 万/亿 and %.
    """
    plain = ascii_digits(written.strip()).removesuffix("%")
    if is_chinese_numeral(plain):
        return chinese_numeral_value(plain)
    match = _WRITTEN.match(plain)
    if match is None:
        return None
    try:
        number = Decimal(match["number"])
    except InvalidOperation:
        return None
    return number * CHINESE_SCALES.get(match["scale"], Decimal(1))


def find_written(written: str, text: str) -> re.Match[str] | None:
    """Find a number as a report writes it (``1.95万``, ``10.2%``) standing whole in ``text``.

    Never a piece of a longer number: 1337 is not in 21337 nor in 1337.5, and a quote across
    table cells holds each cell's number apart. Digits of any width and Chinese numerals
    (二千九百一十二) are found as written; an infographic's markup may stand between a number
    and its scale (``**41.33** 亿元``). None if ``written`` is no number.
    """
    written = written.strip()
    if is_chinese_numeral(written):
        return re.search(rf"(?<!{_NUMERAL_CHARACTER}){re.escape(written)}(?!{_NUMERAL_CHARACTER})",
                         text)
    match = _WRITTEN_AS_IS.match(written)
    if match is None:
        return None
    pattern = rf"(?<![\d.．]){re.escape(match['number'])}(?![.．]?\d)"
    for suffix in (match["over"], match["scale"], match["percent"]):
        if suffix:
            pattern += GAP + re.escape(suffix)
    if not match["scale"]:
        # 8600 is not in 8600万 nor in 8600余万: without its scale the number is another.
        pattern += rf"(?!{GAP}[余多]?{GAP}[万亿])"
    elif match["scale"] == "万":
        pattern += "(?!亿)"  # Nor is 1.5万 in 1.5万亿.
    return re.search(pattern, text)


def over_inside(written: str) -> str:
    """Return the 余 or 多 written between a number and its scale (8600余万 → 余), or ''."""
    match = _WRITTEN_AS_IS.match(written.strip())
    return match["over"] or "" if match else ""


def chinese_scale(written: str) -> str:
    """Return the 万/亿 scale a report used for a number written in digits, or ''."""
    if is_chinese_numeral(written):
        return ""
    return next((scale for scale in CHINESE_SCALES if scale in written), "")


def folded_value(match: re.Match[str]) -> Decimal:
    """Return the value of a number matched by ``FOLDED_NUMBER`` (1.95万 → 19500)."""
    return folded_digits(match) * SCALES.get(match["scale"] or "", Decimal(1))


def folded_digits(match: re.Match[str]) -> Decimal:
    """Return the digits of a number matched by ``FOLDED_NUMBER``, its scale aside (1.95万 → 1.95)."""
    return Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
