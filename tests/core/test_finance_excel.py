"""Ledger entries from Excel (a bank statement with the accounts filled in): every row checked first,
a preview, nothing written on any error; possible duplicates confirmed; export read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sgz_desktop.core import ledger, ledger_excel
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, SECOND_CLERK, make_contract, make_entry

HEADERS = ["交易日期", "摘要", "收入金额", "支出金额", "对方户名", "明细科目", "合同编号", "余额", "超限说明"]


def _book(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["中国工商银行 账户明细"])  # a title row above the header, as bank exports have
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [
    [dt.date(2026, 2, 3), "收到区民政局拨款", "100,000.00", None, "江岸区民政局", "财政拨款", "", 100000, ""],
    [dt.date(2026, 2, 1), "1 月社工工资", None, 8500, "王丽", "薪资", "JA-MZ-2025-018", 91500, ""],
    [dt.date(2026, 2, 5), "入户探访交通费", None, "36.5", "滴滴出行", "交通费", None, 91463.5, None],
]


def test_preview_then_import_in_date_order(station: Station, tmp_path: Path) -> None:
    make_contract(station, CLERK)
    path = _book(tmp_path / "流水.xlsx", GOOD)
    preview = ledger_excel.import_ledger(station, CLERK, path, dry_run=True)
    assert preview.dry_run and len(preview.rows) == 3 and preview.ignored_columns == ("余额",)
    assert [r.summary for r in preview.rows] == ["1 月社工工资", "收到区民政局拨款", "入户探访交通费"]
    assert preview.rows[1].direction == "income" and preview.rows[1].amount_fen == 10_000_000
    assert ledger.list_entries(station, CLERK) == []
    done = ledger_excel.import_ledger(station, CLERK, path)
    assert done.added == 3 and (done.first_voucher, done.last_voucher) == ("2026-0001", "2026-0003")
    entries = ledger.list_entries(station, CLERK, year=2026)
    assert [(e.voucher, e.summary, e.amount_fen, e.status) for e in entries] == [
        ("2026-0001", "1 月社工工资", 850_000, "未审核"), ("2026-0002", "收到区民政局拨款", 10_000_000, "未审核"),
        ("2026-0003", "入户探访交通费", 3_650, "未审核")]
    assert entries[2].category == "服务质量保障经费" and entries[2].entered_by == "caiwu"


def test_every_bad_row_is_listed_and_nothing_written(station: Station, tmp_path: Path) -> None:
    make_contract(station, CLERK)
    rows = [*GOOD,
            ["2026-13-01", "日期错", None, 10, "", "交通费", "", None, ""],
            [dt.date(2026, 2, 6), "两个金额", 10, 10, "", "交通费", "", None, ""],
            [dt.date(2026, 2, 6), "收入用了支出科目", 10, None, "", "薪资", "", None, ""],
            [dt.date(2026, 2, 6), "没有这个科目", None, 10, "", "茶水费", "", None, ""],
            [dt.date(2026, 2, 6), "三位小数", None, "1.234", "", "交通费", "", None, ""],
            [dt.date(2026, 2, 6), "没有的合同", None, 10, "", "交通费", "X-1", None, ""],
            [dt.date(2024, 2, 6), "合同之前", None, 10, "", "交通费", "JA-MZ-2025-018", None, ""]]
    with pytest.raises(ValidationError) as err:
        ledger_excel.import_ledger(station, CLERK, _book(tmp_path / "bad.xlsx", rows))
    found = {(p.row, p.field) for p in err.value.problems}
    assert found == {(6, "日期"), (7, "收入金额"), (8, "明细科目"), (9, "明细科目"), (10, "支出金额"),
                     (11, "合同编号"), (12, "日期")}
    assert "第 10 行，「支出金额」：「1.234」最多保留两位小数（到分）" in str(err.value)
    assert ledger.list_entries(station, CLERK) == []


def test_missing_required_column(station: Station, tmp_path: Path) -> None:
    path = _book(tmp_path / "no-subject.xlsx", [[dt.date(2026, 2, 1), "x", None, 1]], ["日期", "摘要", "收入金额",
                                                                                      "支出金额"])
    with pytest.raises(ValidationError, match="「明细科目」：表头中没有这一列"):
        ledger_excel.import_ledger(station, CLERK, path)


def test_management_fee_limit_counts_the_rows_above(station: Station, tmp_path: Path) -> None:
    make_contract(station, CLERK)
    rows = [[dt.date(2026, 2, 1), "办公租金", None, 60_000, "房东", "行政管理费", "", None, ""],
            [dt.date(2026, 2, 2), "税费", None, 40_000, "税务局", "相关税费", "", None, ""],
            [dt.date(2026, 2, 3), "审计费", None, 100, "会计师事务所", "行政管理费", "", None, ""]]
    with pytest.raises(ValidationError) as err:
        ledger_excel.import_ledger(station, CLERK, _book(tmp_path / "fee.xlsx", rows))
    assert [(p.row, p.field) for p in err.value.problems] == [(5, "超限说明")]
    assert "¥100,100.00" in str(err.value)
    rows[2][-1] = "年度审计，经街道同意"
    assert ledger_excel.import_ledger(station, CLERK, _book(tmp_path / "fee2.xlsx", rows)).added == 3


def test_closed_month_rows_are_refused(station: Station, tmp_path: Path) -> None:
    from sgz_desktop.core import ledger_periods

    contract = make_contract(station, CLERK)
    entry = make_entry(station, CLERK, contract.id, entry_date=dt.date(2026, 1, 5))
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    ledger_periods.close_month(station, SECOND_CLERK, 2026, 1)
    rows = [[dt.date(2026, 1, 30), "补录", None, 10, "", "交通费", "", None, ""]]
    with pytest.raises(ValidationError, match="2026 年 1 月已经结账"):
        ledger_excel.import_ledger(station, CLERK, _book(tmp_path / "late.xlsx", rows))


def test_possible_duplicates_need_confirmation(station: Station, tmp_path: Path) -> None:
    make_contract(station, CLERK)
    path = _book(tmp_path / "流水.xlsx", GOOD)
    ledger_excel.import_ledger(station, CLERK, path)
    preview = ledger_excel.import_ledger(station, CLERK, path, dry_run=True)
    assert len(preview.warnings) == 3 and "与已有凭证 2026-0002 相同" in str(preview.warnings[0])
    with pytest.raises(ValidationError, match="可能重复导入"):
        ledger_excel.import_ledger(station, CLERK, path)
    assert len(ledger.list_entries(station, CLERK)) == 3
    assert ledger_excel.import_ledger(station, CLERK, path, allow_duplicates=True).added == 3


def test_template_and_export(station: Station, tmp_path: Path) -> None:
    contract = make_contract(station, CLERK)
    make_entry(station, CLERK, contract.id, summary="=1+1")  # never a formula in Excel
    template = ledger_excel.ledger_template(station, CLERK, tmp_path / "模板.xlsx")
    wb = load_workbook(template)
    assert [c.value for c in wb["账目"][1]][:5] == ["日期", "摘要", "收入金额", "支出金额", "明细科目"]
    assert "JA-MZ-2025-018" in [c.value for c in wb["选项"]["D"]]
    count = ledger_excel.export_ledger(station, CLERK, tmp_path / "账目.xlsx", 2026)
    rows = list(read_rows(tmp_path / "账目.xlsx"))
    assert count == 1 and rows[0][:3] == ("凭证号", "日期", "摘要")
    assert rows[1][0] == "2026-0001" and rows[1][2] == "=1+1" and float(rows[1][6]) == 8500.0
