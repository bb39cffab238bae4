"""Money as official forms write it: ¥1,234.56 and 人民币大写, exact for the values that trip people up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.finance_amounts import format_fen, parse_yuan, rmb_upper


@pytest.mark.parametrize(("fen", "expected"), [
    (5, "人民币伍分"),  # 0.05: no 零元, no 零角
    (1_000, "人民币壹拾元整"),  # 10.00: 壹拾, not 拾
    (10_000_010, "人民币壹拾万元零壹角"),  # 100 000.10: 零 between 元 and 角 when the 元 digit is zero
    (100_000_000_000, "人民币壹拾亿元整"),  # 1 000 000 000.00
    (168_032, "人民币壹仟陆佰捌拾元零叁角贰分"),  # the 支付结算办法's own examples
    (10_700_053, "人民币壹拾万柒仟元零伍角叁分"),
    (140_950, "人民币壹仟肆佰零玖元伍角"),
    (32_504, "人民币叁佰贰拾伍元零肆分"),
    (600_714, "人民币陆仟零柒元壹角肆分"),
    (0, "人民币零元整"),
    (50, "人民币伍角"),
    (1_000_000_100, "人民币壹仟万零壹元整"),
    (10_000_000_100, "人民币壹亿零壹元整"),
    (10_500_000, "人民币壹拾万伍仟元整"),
    (1_010_101_010, "人民币壹仟零壹拾万壹仟零壹拾元零壹角"),
    (100_001, "人民币壹仟元零壹分"),
    (-85_000, "人民币负捌佰伍拾元整"),
])
def test_capitals(fen: int, expected: str) -> None:
    assert rmb_upper(fen) == expected


def test_capitals_without_prefix() -> None:
    assert rmb_upper(123_456, prefix=False) == "壹仟贰佰叁拾肆元伍角陆分"


_DIGITS = dict(zip("零壹贰叁肆伍陆柒捌玖", range(10), strict=True))
_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _read_back(text: str) -> int:
    """Parse capitals back to fen (a reader independent of the writer)."""
    text = text.removeprefix("人民币").removesuffix("整")
    yuan_part, _, rest = text.partition("元") if "元" in text else ("", "", text)
    total, section, digit = 0, 0, 0
    for ch in yuan_part:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += digit * _UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    yuan = total + section + digit
    jiao = fen = 0
    for i, ch in enumerate(rest):
        if ch == "角":
            jiao = _DIGITS[rest[i - 1]]
        elif ch == "分":
            fen = _DIGITS[rest[i - 1]]
    return yuan * 100 + jiao * 10 + fen


@given(st.integers(min_value=0, max_value=10**12))
def test_capitals_read_back_to_the_same_amount(fen: int) -> None:
    text = rmb_upper(fen)
    assert _read_back(text) == fen
    assert ("零零" not in text and not text.removeprefix("人民币").startswith("零")) or fen == 0
    assert text.endswith("整") == (fen % 100 == 0)


def test_format_and_parse() -> None:
    assert format_fen(123_456) == "¥1,234.56"
    assert format_fen(-5) == "-¥0.05"
    assert parse_yuan("1,234.56") == 123_456
    assert parse_yuan("¥8500元") == 850_000
    assert parse_yuan("0.1") == 10
    with pytest.raises(ValidationError, match="两位小数"):
        parse_yuan("1.234")
    with pytest.raises(ValidationError, match="大于零"):
        parse_yuan("0")
    with pytest.raises(ValidationError, match="不是金额"):
        parse_yuan("一百")
