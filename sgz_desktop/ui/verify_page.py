"""The receiving side's verifier: open a package, see the four properties (真实性, 完整性, 可用性, 安全性)
with their 15 checks and every failure, and open or save the report (PDF + JSON).

Needs nothing from the station: the same ``verify_package`` as ``sgz verify``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.package.layout import form_name
from ..core.package.report import VerifyReport
from ..core.package.verify import verify_package
from ..core.progress import Cancelled, Progress
from ..core.reports.package import write_verify_pdf
from . import dialogs
from .busy import run_and_wait

PASS, FAIL = QColor("#1E7B34"), QColor("#B3261E")


class VerifyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: VerifyReport | None = None
        self._auto_form = ""  # the form filled in from beside the package, not chosen by the user
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.package = self._path_row(form, self.tr("Package (.zip):"), self.tr("Zip files (*.zip)"))
        self.key = self._path_row(form, self.tr("Registered public key (optional):"),
                                  self.tr("Public keys (*.pem);;All files (*)"))
        self.form = self._path_row(form, self.tr("Registration form (optional):"), self.tr("PDF files (*.pdf)"))
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.run)
        buttons.addWidget(self.verify_button)
        self.open_report = QPushButton(self.tr("Open the report"))
        self.open_report.clicked.connect(self._open_report)
        buttons.addWidget(self.open_report)
        self.save_report = QPushButton(self.tr("Save the report (PDF and JSON)…"))
        self.save_report.clicked.connect(self._save_report)
        buttons.addWidget(self.save_report)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.tree.setColumnWidth(0, 620)
        layout.addWidget(self.tree, 1)
        self._set_report(None)

    def _path_row(self, form: QFormLayout, label: str, file_filter: str) -> QLineEdit:
        row = QHBoxLayout()
        edit = QLineEdit()
        row.addWidget(edit)
        browse = QPushButton(self.tr("Browse…"))

        def choose() -> None:
            chosen = dialogs.ask_open_path(self, label.rstrip(":："), file_filter)
            if chosen is not None:
                edit.setText(str(chosen))

        browse.clicked.connect(choose)
        row.addWidget(browse)
        form.addRow(label, row)
        return edit

    @staticmethod
    def _optional(edit: QLineEdit) -> Path | None:
        text = edit.text().strip()
        return Path(text) if text else None

    def check(self, package: Path, form: Path | None = None) -> None:
        """Verify ``package`` (and compare it with ``form``) as if the user had chosen them."""
        self.package.setText(str(package))
        self._auto_form = "" if form is None else str(form)  # the one beside it: follows the next package
        self.form.setText(self._auto_form)
        self.run()

    def _form_beside(self, package: Path) -> None:
        """The registration form lying beside the package (``…-登记表.pdf``, as the exporter writes it) is used
        when no other form was chosen; one filled in this way follows the package when another is opened."""
        if self.form.text().strip() not in ("", self._auto_form):
            return  # chosen by the user
        beside = package.with_name(form_name(package.stem))
        self._auto_form = str(beside) if beside.is_file() else ""
        self.form.setText(self._auto_form)

    def run(self) -> None:
        package = self._optional(self.package)
        if package is None or not package.is_file():
            dialogs.show_error(self, self.tr("Choose the package (.zip) to verify."))
            return
        self._form_beside(package)
        key, form = self._optional(self.key), self._optional(self.form)
        for path in (key, form):
            if path is not None and not path.is_file():
                dialogs.show_error(self, self.tr("File not found: %1").replace("%1", str(path)))
                return

        def work(progress: Progress) -> VerifyReport:
            return verify_package(package, public_key=key, form_pdf=form, progress=progress)

        try:
            report = run_and_wait(self, self.tr("Verifying the package"), work)
        except Cancelled:
            return
        except Exception as err:
            dialogs.show_error(self, err, self.tr("Verification failed"))
            return
        self._set_report(report)

    def _set_report(self, report: VerifyReport | None) -> None:
        self.report = report
        self.tree.clear()
        self.open_report.setEnabled(report is not None)
        self.save_report.setEnabled(report is not None)
        if report is None:
            self.verdict.setText(self.tr("Open a package to check its authenticity, completeness, usability and "
                                         "security (DA/T 70)."))
            self.details.setText("")
            return
        s = report.summary
        if report.passed:
            head = self.tr("Passed: all 15 checks.")
        else:
            head = self.tr("Not passed: %1 of 15 checks failed.").replace("%1", str(len(report.failed)))
        details = self.tr("%1 · %2 · year %3 · %4 items · SHA-256 %5").replace("%1", s.identifier or "—") \
            .replace("%2", s.station or "—").replace("%3", s.year or "—") \
            .replace("%4", "—" if s.items is None else str(s.items)).replace("%5", report.zip_sha256)
        if s.scope:  # a project package: its project and cycle instead of the year
            details = self.tr("%1 · %2 · %3 · %4 items · SHA-256 %5").replace("%1", s.identifier or "—") \
                .replace("%2", s.station or "—").replace("%3", s.scope) \
                .replace("%4", "—" if s.items is None else str(s.items)).replace("%5", report.zip_sha256)
        self.verdict.setText(head)
        self.details.setText(details)
        self.verdict.setStyleSheet(f"color: {(PASS if report.passed else FAIL).name()}; font-weight: bold;")
        for _key, label, checks in report.by_property():
            ok = all(c.passed for c in checks)
            top = QTreeWidgetItem([label, self.tr("Passed") if ok else self.tr("Failed")])
            top.setForeground(1, QBrush(PASS if ok else FAIL))
            self.tree.addTopLevelItem(top)
            for c in checks:
                result = self.tr("Passed") if c.passed else self.tr("Failed (%1)").replace("%1", str(c.failure_count))
                child = QTreeWidgetItem([f"{c.number}. {c.title}", result])
                child.setForeground(1, QBrush(PASS if c.passed else FAIL))
                top.addChild(child)
                for text in (*c.failures, *c.notes):
                    leaf = QTreeWidgetItem([text, ""])
                    leaf.setToolTip(0, text)
                    child.addChild(leaf)
                child.setExpanded(not c.passed)
            top.setExpanded(True)

    def _write(self, folder: Path, *, with_json: bool = True) -> Path:
        assert self.report is not None
        stem = f"{Path(self.report.package).stem}-校验报告"
        if with_json:
            self.report.write_json(folder / f"{stem}.json")
        return write_verify_pdf(folder / f"{stem}.pdf", self.report)

    def _open_report(self) -> None:
        if self.report is None:
            return
        from .pdf_preview import report_folder, show_pdf_preview

        # the preview's own Save as… keeps it; the JSON copy is for Save report
        pdf = self._write(report_folder(), with_json=False)
        show_pdf_preview(self, pdf, self.tr("Verification report"))

    def _save_report(self) -> None:
        if self.report is None:
            return
        folder = dialogs.ask_directory(self, self.tr("Save the report to"))
        if folder is None:
            return
        pdf = self._write(folder)
        dialogs.show_info(self, self.tr("Report saved"), self.tr("Saved %1 and its JSON copy.").replace("%1", str(pdf)))
