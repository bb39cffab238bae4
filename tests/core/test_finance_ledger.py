"""The ledger: voucher numbers without gaps, review by a second person, reviewed entries that never
change (core and database), red-ink reversals, the management-fee limit, closed periods, scans."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from sgz_desktop.core import ledger, ledger_periods
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.ledger import ManagementFeeOverLimit
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, SECOND_CLERK, WORKER, entry_input, make_contract, make_entry


@pytest.fixture
def contract_id(station: Station) -> int:
    return make_contract(station, CLERK).id


def test_voucher_numbers_run_per_year_without_gaps(station: Station, contract_id: int) -> None:
    a = make_entry(station, CLERK, contract_id, entry_date=dt.date(2025, 12, 30))
    b = make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 1, 5))
    c = make_entry(station, CLERK, contract_id, entry_date=dt.date(2025, 12, 31))
    d = make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 1, 6))
    assert [a.voucher, b.voucher, c.voucher, d.voucher] == ["2025-0001", "2026-0001", "2025-0002", "2026-0002"]
    with pytest.raises(ValidationError, match="只能删除 2026 年最后一张凭证（2026-0002）"):
        ledger.delete_entry(station, CLERK, b.id)
    ledger.delete_entry(station, CLERK, d.id)
    assert make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 2, 1)).voucher == "2026-0002"
    with pytest.raises(ValidationError, match="只能在 2026 年内改日期"):
        ledger.update_entry(station, CLERK, b.id, replace(b.as_input(), entry_date=dt.date(2025, 12, 1)))


def test_entry_values_are_checked_together(station: Station, contract_id: int) -> None:
    with pytest.raises(ValidationError) as err:
        make_entry(station, CLERK, contract_id, summary="", sub_category="财政拨款", amount_fen=0,
                   entry_date=dt.date(2026, 3, 3), payment_method="赊账")
    fields = {p.field for p in err.value.problems}
    assert {"摘要", "科目类别", "金额", "日期", "结算方式"} <= fields
    with pytest.raises(ValidationError, match="不在合同「JA-MZ-2025-018」的期限内"):
        make_entry(station, CLERK, contract_id, entry_date=dt.date(2024, 12, 31))
    assert ledger.list_entries(station, CLERK) == []


def test_the_same_user_cannot_enter_and_review(station: Station, contract_id: int) -> None:
    entry = make_entry(station, CLERK, contract_id)
    with pytest.raises(ValidationError, match="录入人以外的人员"):
        ledger.review_entries(station, CLERK, [entry.id])
    with pytest.raises(PermissionDenied):
        ledger.review_entries(station, WORKER, [entry.id])
    assert not ledger.get_entry(station, CLERK, entry.id).reviewed
    done = ledger.review_entries(station, SECOND_CLERK, [entry.id])
    assert done[0].reviewed_by_name == "周出纳" and done[0].status == "已审核"
    with pytest.raises(ValidationError, match="已由周出纳审核过"):
        ledger.review_entries(station, SECOND_CLERK, [entry.id])


def test_a_reviewed_entry_is_never_changed_through_the_core(station: Station, contract_id: int) -> None:
    entry = make_entry(station, CLERK, contract_id)
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    with pytest.raises(ValidationError, match="已经审核，不能修改"):
        ledger.update_entry(station, CLERK, entry.id, replace(entry.as_input(), amount_fen=1))
    with pytest.raises(ValidationError, match="已经审核，不能删除"):
        ledger.delete_entry(station, CLERK, entry.id)
    assert ledger.get_entry(station, CLERK, entry.id).amount_fen == entry.amount_fen


def test_the_database_refuses_changes_to_reviewed_entries(station: Station, contract_id: int) -> None:
    entry = make_entry(station, CLERK, contract_id)
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    conn = sqlite3.connect(station.data.database)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="已审核的账目不能修改或删除"):
            conn.execute("UPDATE ledger_entry SET amount_fen = 1 WHERE id = ?", (entry.id,))
        with pytest.raises(sqlite3.IntegrityError, match="已审核的账目不能修改或删除"):
            conn.execute("DELETE FROM ledger_entry WHERE id = ?", (entry.id,))
    finally:
        conn.close()


def test_a_correction_is_a_reversing_entry(station: Station, contract_id: int) -> None:
    original = make_entry(station, CLERK, contract_id, amount_fen=850_000)
    with pytest.raises(ValidationError, match="尚未审核，直接修改即可"):
        ledger.reverse_entry(station, CLERK, original.id, dt.date(2026, 3, 1), "金额录错")
    ledger.review_entries(station, SECOND_CLERK, [original.id])
    with pytest.raises(ValidationError, match="必须说明原因"):
        ledger.reverse_entry(station, CLERK, original.id, dt.date(2026, 3, 1), " ")
    reversal = ledger.reverse_entry(station, CLERK, original.id, dt.date(2026, 3, 1), "金额录错")
    assert reversal.amount_fen == -850_000 and reversal.reverses_id == original.id
    assert reversal.reverses_voucher == original.voucher and reversal.status == "冲销凭证"
    assert reversal.summary == "冲销 2026-0001 号凭证：金额录错"
    again = ledger.get_entry(station, CLERK, original.id)
    assert again.status == "已冲销" and again.reversed_by_voucher == reversal.voucher
    with pytest.raises(ValidationError, match="已经冲销过"):
        ledger.reverse_entry(station, CLERK, original.id, dt.date(2026, 3, 1), "再冲")
    with pytest.raises(ValidationError, match="冲销凭证不能修改"):
        ledger.update_entry(station, CLERK, reversal.id, original.as_input())
    ledger.review_entries(station, SECOND_CLERK, [reversal.id])
    with pytest.raises(ValidationError, match="本身是冲销凭证"):
        ledger.reverse_entry(station, CLERK, reversal.id, dt.date(2026, 3, 1), "x")


def test_management_fee_past_the_limit_needs_a_reason(station: Station, contract_id: int) -> None:
    make_entry(station, CLERK, contract_id, sub_category="行政管理费", amount_fen=9_000_000, summary="办公场地租金")
    with pytest.raises(ManagementFeeOverLimit) as err:
        make_entry(station, CLERK, contract_id, sub_category="相关税费", amount_fen=1_500_000, summary="税费")
    assert err.value.spent_fen == 9_000_000 and err.value.limit_fen == 10_000_000
    text = str(err.value)
    assert "¥90,000.00" in text and "¥105,000.00" in text and "10.50%" in text and "超限说明" in text
    made = make_entry(station, CLERK, contract_id, sub_category="相关税费", amount_fen=1_500_000, summary="税费",
                      over_limit_reason="年末补缴上年度税款，经街道同意")
    assert made.over_limit_reason.startswith("年末补缴")
    # Spending up to the limit exactly needs no reason.
    other = make_contract(station, CLERK, contract_no="B-2")
    make_entry(station, CLERK, other.id, sub_category="行政管理费", amount_fen=10_000_000)


def test_closed_months_lock_their_entries(station: Station, clock: FixedClock, contract_id: int) -> None:
    jan = make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 1, 20))
    feb = make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 2, 3))
    with pytest.raises(ValidationError, match="2026-0001"):
        ledger_periods.close_month(station, SECOND_CLERK, 2026, 1)  # unreviewed entry
    with pytest.raises(ValidationError, match="请先为 2026 年 1 月结账"):
        ledger_periods.close_month(station, SECOND_CLERK, 2026, 2)
    ledger.review_entries(station, SECOND_CLERK, [jan.id])
    ledger_periods.close_month(station, SECOND_CLERK, 2026, 1)
    with pytest.raises(ValidationError, match="2026 年 1 月已经结账"):
        make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 1, 25))
    with pytest.raises(ValidationError, match="还没有结束"):
        ledger_periods.close_month(station, SECOND_CLERK, 2026, 3)
    # A reversal of a January entry goes into an open month.
    with pytest.raises(ValidationError, match="1 月已经结账"):
        ledger.reverse_entry(station, CLERK, jan.id, dt.date(2026, 1, 30), "错")
    assert ledger.reverse_entry(station, CLERK, jan.id, dt.date(2026, 2, 10), "错").voucher == "2026-0003"
    ledger_periods.reopen_month(station, SECOND_CLERK, 2026, 1, "补录一张遗漏的发票")
    assert make_entry(station, CLERK, contract_id, entry_date=dt.date(2026, 1, 25)).voucher == "2026-0004"
    assert feb.voucher == "2026-0002"


def test_closing_a_year_closes_its_months(station: Station, contract_id: int) -> None:
    entry = make_entry(station, CLERK, contract_id, entry_date=dt.date(2025, 6, 1))
    with pytest.raises(ValidationError, match="未审核"):
        ledger_periods.close_year(station, SECOND_CLERK, 2025)
    assert ledger_periods.list_closings(station, CLERK, 2025) == []  # all or nothing
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    ledger_periods.close_year(station, SECOND_CLERK, 2025)
    labels = [c.label for c in ledger_periods.list_closings(station, CLERK, 2025)]
    assert labels[0] == "2025 年度" and len(labels) == 13
    with pytest.raises(ValidationError, match="2025 年度已经结账"):
        make_entry(station, CLERK, contract_id, entry_date=dt.date(2025, 12, 1))
    with pytest.raises(ValidationError, match="不能再反结账"):
        ledger_periods.reopen_month(station, SECOND_CLERK, 2025, 12, "x")


def _pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_voucher_scans_until_review(station: Station, contract_id: int, tmp_path: Path) -> None:
    entry = make_entry(station, CLERK, contract_id)
    scan = ledger.add_attachment(station, CLERK, entry.id, _pdf(tmp_path / "发票.pdf"))
    assert scan.format == "pdf" and scan.pages == 1 and scan.file_name == "发票.pdf"
    with pytest.raises(ValidationError, match="已经添加过"):
        ledger.add_attachment(station, CLERK, entry.id, tmp_path / "发票.pdf")
    exe = tmp_path / "x.exe"
    exe.write_bytes(b"MZ" + b"\0" * 64)
    with pytest.raises(ValidationError, match="可执行程序"):
        ledger.add_attachment(station, CLERK, entry.id, exe)
    assert ledger.attachment_path(station, CLERK, scan.id).read_bytes().startswith(b"%PDF")
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    with pytest.raises(ValidationError, match="已经审核"):
        ledger.remove_attachment(station, CLERK, scan.id)
    assert len(ledger.get_entry(station, CLERK, entry.id).attachments) == 1


def test_unreviewed_entries_can_be_edited(station: Station, contract_id: int) -> None:
    entry = make_entry(station, CLERK, contract_id)
    changed = ledger.update_entry(station, SECOND_CLERK, entry.id, replace(entry.as_input(), amount_fen=860_000,
                                                                           summary="2 月工资（更正）"))
    assert changed.amount_fen == 860_000 and changed.voucher == entry.voucher
    assert ledger.find_voucher(station, CLERK, 2026, 1).summary == "2 月工资（更正）"
    assert entry_input(contract_id).category == ""  # derived on save
    assert changed.category == "人员劳务费"
