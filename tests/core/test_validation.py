"""ID number (GB 11643-1999) and mobile number checks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_desktop.core.validation import (
    birth_date_from_id,
    gender_from_id,
    id_number_problem,
    make_id_number,
    mask_id_number,
    mobile_problem,
    normalise_mobile,
)

TODAY = dt.date(2026, 3, 2)
# The example number of GB 11643-1999 itself.
STANDARD_EXAMPLE = "11010519491231002X"

regions = st.sampled_from(["420102", "420103", "420106", "110105", "440305", "510104", "650102"])
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


def test_standard_example_is_valid_and_read() -> None:
    assert id_number_problem(STANDARD_EXAMPLE, today=TODAY) is None
    assert birth_date_from_id(STANDARD_EXAMPLE) == dt.date(1949, 12, 31)
    assert gender_from_id(STANDARD_EXAMPLE) == "女"


def test_lower_case_x_and_full_width_digits_are_accepted() -> None:
    assert id_number_problem(STANDARD_EXAMPLE.lower(), today=TODAY) is None
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in STANDARD_EXAMPLE)
    assert id_number_problem(full_width, today=TODAY) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "不能为空"),
        ("4201021990010112", "18 位"),
        ("42010219900101123A", "最后一位"),
        ("000000199001011234", "地区代码"),
        ("990000199001011239", None),  # 9x: foreigner's permanent residence card, region accepted
        ("420102199002301234", "不是有效日期"),
        ("420102189912311234", "1900"),
    ],
)
def test_bad_numbers_get_a_reason(value: str, words: str | None) -> None:
    problem = id_number_problem(value, today=TODAY)
    if words is None:
        assert problem is None or "地区代码" not in problem
    else:
        assert problem is not None and words in problem


def test_future_birth_date_refused() -> None:
    number = make_id_number("420102", dt.date(2026, 3, 3), 11)
    assert "晚于今天" in (id_number_problem(number, today=TODAY) or "")
    assert id_number_problem(number, today=dt.date(2026, 3, 3)) is None


def test_wrong_check_digit_refused() -> None:
    good = make_id_number("420102", dt.date(1990, 1, 1), 123)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    assert "校验位" in (id_number_problem(bad, today=TODAY) or "")


@given(regions, births, seqs)
def test_every_generated_number_passes(region: str, birth: dt.date, seq: int) -> None:
    number = make_id_number(region, birth, seq)
    assert id_number_problem(number, today=TODAY) is None
    assert birth_date_from_id(number) == birth
    assert gender_from_id(number) == ("男" if seq % 2 else "女")


@given(regions, births, seqs, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_any_single_character_change_fails(region: str, birth: dt.date, seq: int, pos: int, delta: int) -> None:
    number = make_id_number(region, birth, seq)
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    current = alphabet.index(number[pos])
    replacement = alphabet[(current + delta) % len(alphabet)]
    if replacement == number[pos]:
        return
    changed = number[:pos] + replacement + number[pos + 1:]
    assert id_number_problem(changed, today=TODAY) is not None


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id_number("420102199001011234") == "420102********1234"
    assert mask_id_number("12345") == "*****"


def test_make_id_number_refuses_bad_parts() -> None:
    with pytest.raises(ValueError):
        make_id_number("4201", dt.date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id_number("420102", dt.date(1990, 1, 1), 1000)


def test_invalid_number_cannot_give_birth_or_gender() -> None:
    with pytest.raises(ValueError):
        birth_date_from_id("420102199001011230")
    with pytest.raises(ValueError):
        gender_from_id("12")


@pytest.mark.parametrize("value", ["13800138000", "199 0000 1111", "+86 186-2700-1234", "008615912345678"])
def test_good_mobiles(value: str) -> None:
    assert mobile_problem(value) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [("", "不能为空"), ("1380013800", "11 位"), ("12800138000", "13–19"), ("1380013800a", "只能包含数字"),
     ("027-85551234", "13–19")],
)
def test_bad_mobiles(value: str, words: str) -> None:
    assert words in (mobile_problem(value) or "")


def test_normalise_mobile() -> None:
    assert normalise_mobile("+86 138-0013-8000") == "13800138000"
