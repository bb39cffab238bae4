"""Printing the finance registers: choose the report, the year and (for the journal and budget
execution) the contract; the core writes the PDF on the worker and the preview shows it, or the
Excel file is written where the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from ..core.contracts import list_contracts
from ..core.reports import finance as reports
from ..core.reports import finance_notice
from ..core.roles import Actor
from ..core.station import Station
from . import dialogs
from .finance_widgets import contract_combo, first_year, year_combo
from .pdf_preview import preview_report
from .worker import run_in_background

KINDS = ("journal", "budget", "final", "disclosure", "evaluations")
FILE_NAMES = {"journal": "日记账", "budget": "预算执行情况表", "final": "经费决算表", "disclosure": "资金信息公开",
              "evaluations": "购买服务项目评估记录"}


class ReportDialog(QDialog):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.setWindowTitle(self.tr("Print finance reports"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        labels = {"journal": self.tr("Journal (日记账) with running balance"),
                  "budget": self.tr("Budget execution per contract and category"),
                  "final": self.tr("Year-end final accounts (经费决算表)"),
                  "disclosure": self.tr("Public disclosure notice of project funds (Art. 28)"),
                  "evaluations": self.tr("Evaluation records and renewal (Art. 33)")}
        for key in KINDS:
            self.kind.addItem(labels[key], key)
        self.year = year_combo(st, self, first=first_year(list_contracts(st, actor), st.clock.now().year))
        self.contract = contract_combo(st, actor, self, self.tr("All contracts"))
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Contract"), self.contract)
        buttons = QDialogButtonBox(self)
        self.pdf_button = buttons.addButton(self.tr("Preview PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.excel_button = buttons.addButton(self.tr("Save as Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button.clicked.connect(self.preview)
        self.excel_button.clicked.connect(lambda: self.save_excel())
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._enable())
        self._enable()

    def _enable(self) -> None:
        kind = self.kind.currentData()
        self.year.setEnabled(kind != "evaluations")
        self.contract.setEnabled(kind in ("journal", "budget"))

    def _file_name(self, suffix: str) -> str:
        kind = self.kind.currentData()
        year = "" if kind == "evaluations" else f"-{self.year.currentData()}"
        return f"{FILE_NAMES[kind]}{year}{suffix}"

    def write_pdf(self, path: Path) -> Path:
        """The core's writer for the chosen report (runs on the worker)."""
        st, actor, kind = self.st, self.actor, self.kind.currentData()
        year, contract = int(self.year.currentData()), self.contract.currentData()
        if kind == "journal":
            return reports.journal_pdf(st, actor, path, year, contract)
        if kind == "budget":
            return reports.budget_pdf(st, actor, path, year, contract)
        if kind == "final":
            return reports.final_accounts_pdf(st, actor, path, year)
        if kind == "disclosure":
            return finance_notice.disclosure_pdf(st, actor, path, year)
        return finance_notice.evaluations_pdf(st, actor, path)

    def write_xlsx(self, path: Path) -> int:
        st, actor, kind = self.st, self.actor, self.kind.currentData()
        year, contract = int(self.year.currentData()), self.contract.currentData()
        if kind == "journal":
            return reports.journal_xlsx(st, actor, path, year, contract)
        if kind == "budget":
            return reports.budget_xlsx(st, actor, path, year, contract)
        if kind == "final":
            return reports.final_accounts_xlsx(st, actor, path, year)
        if kind == "disclosure":
            return finance_notice.disclosure_xlsx(st, actor, path, year)
        return finance_notice.evaluations_xlsx(st, actor, path)

    def preview(self) -> None:
        title = self.kind.currentText()
        write = self.write_pdf
        self.accept()
        preview_report(self.parentWidget(), title, self._file_name(".pdf"), write)

    def save_excel(self, path: Path | None = None) -> None:
        if path is None:
            path = dialogs.ask_save_path(self, self.tr("Save as Excel"), self._file_name(".xlsx"), "Excel (*.xlsx)")
            if path is None:
                return
        parent, target, write = self.parentWidget(), path, self.write_xlsx
        self.accept()

        def done(_rows: int) -> None:
            dialogs.show_info(parent, self.tr("Save as Excel"), self.tr("Saved to %1.").replace("%1", str(target)))

        run_in_background(parent, self.tr("Writing %1…").replace("%1", target.name), lambda _p: write(target), done)
