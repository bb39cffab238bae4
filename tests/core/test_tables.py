"""Table building blocks without Qt: money and date display, in-memory sources, paging for export."""

from __future__ import annotations

import datetime as dt

import pytest

from sgz_desktop.core.progress import Progress
from sgz_desktop.core.tables import Column, ListSource, TableQuery, display_text, format_fen, iter_rows


@pytest.mark.parametrize(("fen", "text"), [
    (0, "¥0.00"), (5, "¥0.05"), (123456, "¥1,234.56"), (-123456, "-¥1,234.56"),
    (100_000_000_00, "¥100,000,000.00"),
])
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_display_text_by_kind() -> None:
    assert display_text(123456, "fen") == "¥1,234.56"
    assert display_text(True, "bool") == "是" and display_text(False, "bool") == "否"
    assert display_text(True, "bool", yes="Yes", no="No") == "Yes"
    assert display_text(dt.date(2026, 3, 2), "date") == "2026-03-02"
    assert display_text(dt.datetime(2026, 3, 2, 9, 30), "datetime") == "2026-03-02 09:30:00"
    assert display_text(None, "fen") == ""
    assert display_text(42, "int") == "42"


def test_numbers_align_right_unless_told() -> None:
    assert Column("a", "A", kind="fen").resolved_align == "right"
    assert Column("a", "A", kind="int").resolved_align == "right"
    assert Column("a", "A").resolved_align == "left"
    assert Column("a", "A", align="center", kind="int").resolved_align == "center"


COLS = [Column("name", "姓名"), Column("pay", "工资", kind="fen"), Column("post", "岗位")]
ROWS = [("王丽", 800_000, "副站长", "extra-1"), ("李强", 500_000, "驻站社工", "extra-2"),
        ("张敏", None, "驻站社工", "extra-3")]


def test_list_source_filters_sorts_and_pages() -> None:
    src = ListSource(COLS, ROWS)
    assert src.count(TableQuery()) == 3
    assert src.count(TableQuery(text="社工")) == 2
    assert src.count(TableQuery(text="¥8,000")) == 1  # searches what the user sees
    assert src.count(TableQuery(filters={"post": "副站长"})) == 1
    by_pay = src.page(TableQuery(sort_key="pay", descending=True), 0, 10)
    assert [r[0] for r in by_pay] == ["王丽", "李强", "张敏"]
    assert [r[0] for r in src.page(TableQuery(sort_key="name"), 1, 1)] == ["李强"]  # code point order, as SQL


def test_with_filter_sets_and_clears() -> None:
    q = TableQuery().with_filter("post", "督导").with_filter("year", 2026)
    assert dict(q.filters) == {"post": "督导", "year": 2026}
    assert dict(q.with_filter("post", None).filters) == {"year": 2026}
    assert dict(q.with_filter("post", "").filters) == {"year": 2026}


def test_iter_rows_drops_extra_values_and_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    src = ListSource(COLS, ROWS * 5)
    rows = list(iter_rows(src, TableQuery(), Progress(lambda d, t, _x: seen.append((d, t))), page_size=4))
    assert len(rows) == 15 and all(len(r) == 3 for r in rows)
    assert seen == [(4, 15), (8, 15), (12, 15), (15, 15)]
