"""Checks for the personal numbers staff type every day: resident ID numbers and mobile numbers.

ID numbers follow GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence (odd for
men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_ID_RE = re.compile(r"^\d{17}[\dX]$")
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_CHECK_CHARS = "10X98765432"
# First two digits: provinces (GB/T 2260), 71/81/82/83 for Taiwan, Hong Kong and Macao residents'
# residence permits, 9x for foreigners' permanent residence cards (same check digit).
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83", "91", "92", "93", "94", "95", "96", "97", "98", "99",
})
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalise_id_number(value: str) -> str:
    """Full-width digits (Chinese IMEs), spaces and a lower-case x are common in typed numbers."""
    return unicodedata.normalize("NFKC", value).replace(" ", "").strip().upper()


def id_check_char(first17: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def id_number_problem(value: str, *, today: dt.date | None = None) -> str | None:
    """Why this is not a valid 18-digit resident ID number, in Chinese; None when it is valid."""
    number = normalise_id_number(value)
    if not number:
        return "身份证号不能为空"
    if len(number) != 18:
        return f"身份证号应为 18 位，这里是 {len(number)} 位"
    if not _ID_RE.match(number):
        return "身份证号前 17 位必须是数字，最后一位是数字或 X"
    if number[:6] == "000000" or number[:2] not in _PROVINCES:
        return f"身份证号前 6 位 {number[:6]} 不是有效的地区代码"
    try:
        birth = _birth(number)
    except ValueError:
        return f"身份证号中的出生日期 {number[6:14]} 不是有效日期"
    if birth.year < 1900:
        return f"身份证号中的出生日期 {birth:%Y-%m-%d} 早于 1900 年"
    if birth > (today or dt.date.today()):
        return f"身份证号中的出生日期 {birth:%Y-%m-%d} 晚于今天"
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return "身份证号校验位不对（可能有数字输错），请核对"
    return None


def _birth(number: str) -> dt.date:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def birth_date_from_id(value: str) -> dt.date:
    """The birth date in a valid ID number (raises ValueError for an invalid one)."""
    number = normalise_id_number(value)
    problem = id_number_problem(number)
    if problem:
        raise ValueError(problem)
    return _birth(number)


def gender_from_id(value: str) -> str:
    """男 or 女 from the parity of the 17th digit of a valid ID number."""
    number = normalise_id_number(value)
    problem = id_number_problem(number)
    if problem:
        raise ValueError(problem)
    return "男" if int(number[16]) % 2 else "女"


def mask_id_number(value: str) -> str:
    """For screens and printouts: 420102********1234 (region code and last four stay readable)."""
    number = normalise_id_number(value)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def make_id_number(region: str, birth: dt.date, seq: int) -> str:
    """A well-formed ID number (demo data, tests): ``seq`` 0-999, odd for men, even for women."""
    if not (len(region) == 6 and region.isdigit()) or not 0 <= seq <= 999:
        raise ValueError("地区代码应为 6 位数字，顺序码应在 0–999 之间")
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def normalise_mobile(value: str) -> str:
    """Drop spaces, hyphens and a +86 / 0086 prefix, which people often type."""
    digits = unicodedata.normalize("NFKC", value).strip()
    digits = re.sub(r"[\s\-()]", "", digits)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
    return digits


def mobile_problem(value: str) -> str | None:
    """Why this is not a mainland mobile number (11 digits, 1[3-9]…), in Chinese; None when valid."""
    number = normalise_mobile(value)
    if not number:
        return "手机号不能为空"
    if not number.isdigit():
        return "手机号只能包含数字"
    if len(number) != 11:
        return f"手机号应为 11 位，这里是 {len(number)} 位"
    if not _MOBILE_RE.match(number):
        return "手机号应以 13–19 开头"
    return None
