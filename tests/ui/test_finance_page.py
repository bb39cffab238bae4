"""The Projects & Finance page on a real station, in Chinese: the ledger's filters, the voucher form
with the core's reasons under the inputs, review by another user only, reviewed vouchers read only
and corrected by reversal, the management-fee reason, the Excel import preview, contracts refused at
11 %, closing, reports, and the dashboard's jump to the vouchers a card names."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from sgz_desktop.core import ledger, ledger_periods
from sgz_desktop.core.contracts import ContractInfo
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.finance_contract_dialog import ContractDialog
from sgz_desktop.ui.finance_entry_dialog import EntryDialog, ReverseDialog
from sgz_desktop.ui.finance_page import FinancePage
from sgz_desktop.ui.finance_reports import ReportDialog
from tests.core.finance_factory import BUDGET, CLERK, HEAD, SECOND_CLERK, make_contract, make_entry
from tests.ui.conftest import Shown

SHOTS = Path(os.environ.get("SGZ_SHOTS", "")) if os.environ.get("SGZ_SHOTS") else None


@pytest.fixture
def contract(station: Station) -> ContractInfo:
    return make_contract(station, CLERK)


def _page(qtbot, station: Station, actor=CLERK) -> FinancePage:  # type: ignore[no-untyped-def]
    page = FinancePage(station, actor)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    return page


def _shot(widget, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    widget.adjustSize()
    folder = SHOTS or tmp_path
    assert widget.grab().save(str(folder / f"finance-{name}.png"))


def _summaries(page: FinancePage) -> list[str]:
    model = page.ledger.table.model
    model.fetch_all()
    return [str(model.row_values(r)[2]) for r in range(model.rowCount())]


def test_ledger_lists_and_filters(qtbot, qtmodeltester, zh, station: Station, contract: ContractInfo,  # type: ignore[no-untyped-def]
                                  tmp_path: Path) -> None:
    make_entry(station, CLERK, contract.id, summary="1 月工资", entry_date=dt.date(2026, 1, 10))
    make_entry(station, CLERK, contract.id, summary="收到拨款", direction="income", sub_category="财政拨款",
               amount_fen=10_000_000, entry_date=dt.date(2026, 1, 5))
    reviewed = make_entry(station, CLERK, contract.id, summary="2 月工资")
    ledger.review_entries(station, SECOND_CLERK, [reviewed.id])
    page = _page(qtbot, station)
    qtmodeltester.check(page.ledger.table.model)
    assert page.ledger.table.model.headerData(0, Qt.Orientation.Horizontal) == "凭证号"
    assert _summaries(page) == ["2 月工资", "收到拨款", "1 月工资"]  # newest voucher first
    page.ledger.status.setCurrentIndex(page.ledger.status.findData("未审核"))
    assert _summaries(page) == ["收到拨款", "1 月工资"]
    page.ledger.status.setCurrentIndex(0)
    page.ledger.direction.setCurrentIndex(page.ledger.direction.findData("income"))
    assert _summaries(page) == ["收到拨款"]
    _shot(page, "ledger", tmp_path)


def test_new_voucher_with_errors_under_the_fields(qtbot, zh, station: Station, contract: ContractInfo) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, station)
    dialog = page.ledger.add_entry()
    dialog.amount.edit.setText("12.345")
    assert not dialog.save()
    assert "两位小数" in dialog.errors.shown()["金额"]
    dialog.amount.edit.setText("1,234.56")
    assert dialog.amount.capitals.text() == "人民币壹仟贰佰叁拾肆元伍角陆分"
    assert not dialog.save()  # no summary
    assert dialog.errors.shown()["摘要"] == "不能为空"
    dialog.summary.setText("3 月社工工资")
    dialog.counterparty.setText("王丽")
    assert dialog.save()
    saved = ledger.find_voucher(station, CLERK, 2026, 1)
    assert saved.amount_fen == 123_456 and saved.summary == "3 月社工工资" and saved.status == "未审核"
    assert _summaries(page) == ["3 月社工工资"]


def test_the_person_who_entered_cannot_review(qtbot, zh, station: Station, contract: ContractInfo,  # type: ignore[no-untyped-def]
                                              shown: Shown) -> None:
    entry = make_entry(station, CLERK, contract.id)
    page = _page(qtbot, station, CLERK)
    page.ledger.table.view.selectRow(0)
    assert page.ledger.review_button.isEnabled()
    assert not page.ledger.review_selected()
    assert "录入人以外的人员" in shown.errors[-1]
    assert not ledger.get_entry(station, CLERK, entry.id).reviewed
    other = _page(qtbot, station, SECOND_CLERK)
    other.ledger.table.view.selectRow(0)
    assert other.ledger.review_selected()
    assert ledger.get_entry(station, CLERK, entry.id).reviewed_by == "chuna"


def test_review_all_shown_skips_own_vouchers(qtbot, zh, station: Station, contract: ContractInfo,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    mine = make_entry(station, SECOND_CLERK, contract.id, summary="我录的")
    theirs = [make_entry(station, CLERK, contract.id, summary=f"第 {i} 笔").id for i in range(3)]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    page = _page(qtbot, station, SECOND_CLERK)
    assert page.ledger.review_shown()
    assert "3" in asked[0] and "1" in asked[0]
    assert all(ledger.get_entry(station, CLERK, i).reviewed for i in theirs)
    assert not ledger.get_entry(station, CLERK, mine.id).reviewed


def test_a_reviewed_voucher_is_read_only_and_reversed(qtbot, zh, station: Station, contract: ContractInfo,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    entry = make_entry(station, CLERK, contract.id, amount_fen=850_000)
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    page = _page(qtbot, station)
    page.ledger.table.view.selectRow(0)
    dialog = page.ledger.open_entry()
    assert isinstance(dialog, EntryDialog)
    assert not dialog.editable and not dialog.amount.isEnabled() and not dialog.summary.isEnabled()
    assert not hasattr(dialog, "save_button")
    assert not dialog.add_scan_button.isEnabled()
    _shot(dialog, "reviewed-voucher", tmp_path)
    dialog.close()
    assert page.ledger.reverse_button.isEnabled()
    reverse = page.ledger.reverse_entry()
    assert isinstance(reverse, ReverseDialog)
    assert not reverse.save()
    assert reverse.errors.shown()["冲销原因"] == "必须说明原因"
    reverse.reason.setText("金额录错")
    assert reverse.save()
    assert _summaries(page)[0] == "冲销 2026-0001 号凭证：金额录错"
    assert ledger.get_entry(station, CLERK, entry.id).status == "已冲销"


def test_management_fee_over_the_limit_asks_for_a_reason(qtbot, zh, station: Station,  # type: ignore[no-untyped-def]
                                                         contract: ContractInfo) -> None:
    make_entry(station, CLERK, contract.id, sub_category="行政管理费", amount_fen=9_900_000)
    dialog = EntryDialog(station, CLERK, None)
    qtbot.addWidget(dialog)
    dialog.sub_category.setCurrentIndex(dialog.sub_category.findData("相关税费"))
    dialog.amount.edit.setText("2000")
    dialog.summary.setText("缴纳税费")
    assert dialog.reason_box.isHidden()
    assert not dialog.save()
    assert not dialog.reason_box.isHidden()
    assert "¥101,000.00" in dialog.errors.shown()["超限说明"]
    dialog.reason.setPlainText("年末补缴税款，经街道同意")
    assert dialog.save() and dialog.saved is not None and dialog.saved.over_limit_reason


def _bank_statement(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["交易日期", "摘要", "收入金额", "支出金额", "对方户名", "明细科目"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_preview_then_book(qtbot, zh, station: Station, contract: ContractInfo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  shown: Shown) -> None:
    page = _page(qtbot, station)
    bad = _bank_statement(tmp_path / "bad.xlsx", [[dt.date(2026, 2, 1), "x", None, "1.234", "", "交通费"]])
    flow = page.ledger.import_entries(bad)
    qtbot.waitUntil(lambda: flow.state != "", timeout=10_000)
    assert flow.state == "problems" and flow.problems is not None
    assert "第 2 行，「支出金额」" in flow.problems.text()
    flow.problems.close()
    good = _bank_statement(tmp_path / "流水.xlsx", [
        [dt.date(2026, 2, 1), "入户探访交通费", None, "36.50", "滴滴出行", "交通费"],
        [dt.date(2026, 2, 2), "收到拨款", 100000, None, "区民政局", "财政拨款"]])
    flow = page.ledger.import_entries(good)
    qtbot.waitUntil(lambda: flow.preview is not None, timeout=10_000)
    assert flow.preview is not None and flow.preview.table.rowCount() == 2
    _shot(flow.preview, "import-preview", tmp_path)
    assert ledger.list_entries(station, CLERK) == []  # nothing before the user says so
    flow.preview.accept()
    qtbot.waitUntil(lambda: flow.state == "imported", timeout=10_000)
    assert len(ledger.list_entries(station, CLERK)) == 2
    assert "2026-0001 至 2026-0002" in shown.infos[-1]
    # The same file again: possible duplicates must be confirmed.
    flow = page.ledger.import_entries(good)
    qtbot.waitUntil(lambda: flow.preview is not None, timeout=10_000)
    assert flow.preview is not None and not flow.preview.import_button.isEnabled()
    flow.preview.allow.setChecked(True)
    assert flow.preview.import_button.isEnabled()
    flow.preview.reject()
    assert flow.state == "declined"


def test_contract_with_eleven_percent_fee_is_refused(qtbot, zh, station: Station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ContractDialog(station, CLERK)
    qtbot.addWidget(dialog)
    dialog.number.setText("JA-2026-001")
    dialog.name.setText("社工站运营项目")
    dialog.funder.setText("江岸区民政局")
    dialog.total.edit.setText("1,000,000")
    budget = {**BUDGET, "行政管理费": 8_000_000, "薪资": 55_000_000}
    for sub, fen in budget.items():
        dialog.budget[sub].set_fen(fen)
    assert "11.00%" in dialog.sum_label.text()
    assert not dialog.save()
    text = dialog.errors.shown()["承接方运营管理费"]
    assert "¥110,000.00" in text and "最多 ¥100,000.00" in text
    _shot(dialog, "contract-refused", tmp_path)
    dialog.budget["行政管理费"].set_fen(7_000_000)
    dialog.budget["薪资"].set_fen(56_000_000)
    assert dialog.save() and dialog.saved is not None and dialog.saved.management_budget_fen == 10_000_000


def test_closing_a_month(qtbot, zh, station: Station, contract: ContractInfo, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                         shown: Shown) -> None:
    entry = make_entry(station, CLERK, contract.id, entry_date=dt.date(2026, 1, 20))
    page = _page(qtbot, station, SECOND_CLERK)
    tab = page.closing
    monkeypatch.setattr(tab, "ask", lambda dialog: True)
    assert not tab.close_month()  # January still has an unreviewed voucher
    assert "2026-0001" in shown.errors[-1]
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    assert tab.close_month()
    assert [c.label for c in ledger_periods.list_closings(station, CLERK)] == ["2026 年 1 月"]
    assert tab.table.model.total == 1


def test_read_only_head_sees_disabled_buttons(qtbot, zh, station: Station, contract: ContractInfo) -> None:  # type: ignore[no-untyped-def]
    make_entry(station, CLERK, contract.id)
    page = _page(qtbot, station, HEAD)
    assert not page.ledger.add_button.isEnabled() and not page.ledger.review_all_button.isEnabled()
    page.ledger.table.view.selectRow(0)
    assert not page.ledger.review_button.isEnabled() and page.ledger.open_button.isEnabled()
    assert not page.contracts.add_button.isEnabled() and not page.projects.add_button.isEnabled()


def test_dashboard_vouchers_open_on_the_ledger(qtbot, zh, station: Station, contract: ContractInfo) -> None:  # type: ignore[no-untyped-def]
    make_entry(station, CLERK, contract.id, summary="旧的一笔", entry_date=dt.date(2026, 1, 5))
    make_entry(station, CLERK, contract.id, summary="新的一笔")
    page = _page(qtbot, station)
    page.show_people(["2026-0001"], "账目及时财务审核")
    assert page.tabs.currentWidget() is page.ledger and _summaries(page) == ["旧的一笔"]
    assert not page.ledger.people_bar.isHidden()
    page.ledger.clear_vouchers()
    assert len(_summaries(page)) == 2
    page.show_people([contract.contract_no], "管理费占比")
    assert page.tabs.currentWidget() is page.contracts


def test_reports_dialog_writes_excel(qtbot, zh, station: Station, contract: ContractInfo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     shown: Shown) -> None:
    make_entry(station, CLERK, contract.id)
    page = _page(qtbot, station)
    dialog = page.ledger.print_reports()
    assert isinstance(dialog, ReportDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
    dialog.year.setCurrentIndex(dialog.year.findData(2026))
    assert not dialog.contract.isEnabled()
    target = tmp_path / "决算.xlsx"
    dialog.save_excel(target)
    qtbot.waitUntil(lambda: target.exists() and bool(shown.infos), timeout=10_000)
    rows = list(read_rows(target))
    assert any(r[1] == "年末结余" for r in rows)
