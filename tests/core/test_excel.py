"""Excel export read back with openpyxl: values, formats, header, and no partial file ever."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sgz_desktop.core.excel import FEN_FORMAT, display_width, read_rows, sheet_title, write_table_xlsx
from sgz_desktop.core.progress import Cancelled, Progress

HEADERS = ["姓名", "月工资（元）", "入职日期", "记录时间", "五险一金", "人数"]
KINDS = ["text", "fen", "date", "datetime", "bool", "int"]
ROWS = [
    ("王丽", 123456, dt.date(2024, 3, 1), dt.datetime(2026, 3, 2, 9, 30, 5), True, 3),
    ("李强", -5, dt.date(2023, 12, 31), dt.datetime(2026, 1, 1, 0, 0), False, 0),
    ("张三", 1, None, None, None, None),
]


def test_values_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    assert write_table_xlsx(path, "人员花名册", HEADERS, ROWS, kinds=KINDS) == 3
    rows = list(read_rows(path))
    assert rows[0] == tuple(HEADERS)
    assert rows[1] == ("王丽", 1234.56, dt.datetime(2024, 3, 1), dt.datetime(2026, 3, 2, 9, 30, 5), "是", 3)
    assert rows[2][:2] == ("李强", -0.05)
    assert rows[2][4] == "否"
    assert rows[3] == ("张三", 0.01, None, None, None, None)


def test_fen_is_an_exact_yuan_number_with_money_format(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    fens = [10, 20, 30, 999_999_999_99, 7]  # 0.1+0.2 style sums must stay exact in the XML
    write_table_xlsx(path, "账目", ["金额"], [(f,) for f in fens], kinds=["fen"])
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    cells = [ws.cell(row=i + 2, column=1) for i in range(len(fens))]
    assert [round(Decimal(str(c.value)) * 100) for c in cells] == fens
    assert {c.number_format for c in cells} == {FEN_FORMAT}
    assert ws.cell(row=2, column=1).data_type == "n"


def test_header_is_bold_and_frozen_and_dates_are_dates(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table_xlsx(path, "人员", HEADERS, ROWS, kinds=KINDS)
    ws = load_workbook(path).active
    assert ws is not None
    assert ws.freeze_panes == "A2"
    assert all(ws.cell(row=1, column=c).font.b for c in range(1, len(HEADERS) + 1))
    assert not ws.cell(row=2, column=1).font.b
    assert ws.cell(row=2, column=3).is_date and ws.cell(row=2, column=3).number_format == "yyyy-mm-dd"
    assert ws.cell(row=2, column=4).is_date
    assert ws.title == "人员"
    assert ws.auto_filter.ref == "A1:F4"


def test_columns_are_wide_enough_for_chinese(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    long_name = "武汉市江汉区同心社会工作服务中心"
    write_table_xlsx(path, "t", ["机构", "n"], [(long_name, 1)], kinds=["text", "int"])
    ws = load_workbook(path).active
    assert ws is not None
    assert ws.column_dimensions["A"].width >= display_width(long_name) == 2 * len(long_name)
    assert ws.column_dimensions["B"].width < 12


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_table_xlsx(path, "t", ["备注"], [("=HYPERLINK(\"http://x\")",), ("a\x07b",)])
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=HYPERLINK(\"http://x\")"
    assert ws["A3"].value == "ab"  # control characters Excel refuses are dropped


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"previous export")
    progress = Progress()

    def rows():  # type: ignore[no-untyped-def]
        for i in range(5000):
            if i == 1200:
                progress.cancel()
            yield (f"row{i}", i)

    with pytest.raises(Cancelled):
        write_table_xlsx(path, "t", ["a", "b"], rows(), progress, ["text", "int"])
    assert path.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_crash_mid_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "crash.xlsx"

    def rows():  # type: ignore[no-untyped-def]
        yield ("a",)
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError):
        write_table_xlsx(path, "t", ["a"], rows())
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_with_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _text: seen.append((done, total)))
    n = write_table_xlsx(tmp_path / "p.xlsx", "t", ["i"], ((i,) for i in range(1200)), progress, total=1200)
    assert n == 1200
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]


def test_empty_table_still_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    assert write_table_xlsx(path, "空表", ["甲", "乙"], []) == 0
    assert list(read_rows(path)) == [("甲", "乙")]


def test_sheet_title_is_made_acceptable_to_excel() -> None:
    assert sheet_title("2026/03 操作日志[全部]") == "2026_03 操作日志_全部_"
    assert len(sheet_title("长" * 40)) == 31
    assert sheet_title("") == "Sheet1"


def test_kinds_must_match_headers(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_table_xlsx(tmp_path / "x.xlsx", "t", ["a", "b"], [], kinds=["text"])
