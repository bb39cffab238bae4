"""The archive page's smaller dialogs: file a record of another area as an archive item, print or export
the catalogue (归档文件目录), and the items due for appraisal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core import archive_sources
from ..core.archive_numbering import categories
from ..core.archive_retention import RETENTIONS, retention_label
from ..core.archive_sources import Candidate, FiledFrom
from ..core.archive_tables import due_table
from ..core.archives import SourceRef, archive_years
from ..core.errors import SgzError
from ..core.progress import Progress
from ..core.reports.archives import write_catalogue_pdf, write_catalogue_xlsx, write_due_pdf
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import fill_table, list_table
from .table_page import TablePage
from .worker import Task, run_in_background


def _year_combo(st: Station, parent: QWidget, everything: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if everything:
        combo.addItem(everything, None)
    years = archive_years(st)
    this_year = st.clock.now().year
    for year in sorted({*years, this_year, this_year - 1}, reverse=True):
        combo.addItem(str(year), year)
    return combo


class FromRecordDialog(QDialog):
    """Choose a training session, a reviewed voucher or a volunteer activity; one button files it."""

    filed = Signal(object)  # FiledFrom

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.candidates: list[Candidate] = []
        self.result_filed: FiledFrom | None = None
        self.setWindowTitle(self.tr("File a record as an archive item"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The record's files (training materials and its sign-in record, voucher scans, the "
                              "activity's service record) become a draft archive item with its details filled in. "
                              "Check it, then the archivist files it."), self)
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        for kind, label in ((archive_sources.TRAINING, self.tr("Training sessions")),
                            (archive_sources.LEDGER, self.tr("Reviewed vouchers")),
                            (archive_sources.ACTIVITY, self.tr("Volunteer activities"))):
            self.kind_combo.addItem(label, kind)
        self.year_combo = _year_combo(st, self, self.tr("All years"))
        self.year_combo.setCurrentIndex(self.year_combo.findData(st.clock.now().year - 1))
        row.addWidget(QLabel(self.tr("Records:"), self))
        row.addWidget(self.kind_combo)
        row.addWidget(QLabel(self.tr("Year:"), self))
        row.addWidget(self.year_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = list_table(self)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.file_button = QPushButton(self.tr("File as archive item"), self)
        self.file_button.setEnabled(actor.can(Permission.EDIT_ARCHIVES))
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(lambda: self.file_selected())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.doubleClicked.connect(lambda _index: self.file_selected())
        self.reload()

    def reload(self) -> None:
        try:
            self.candidates = archive_sources.candidates(self.st, self.actor, str(self.kind_combo.currentData()),
                                                         self.year_combo.currentData())
        except SgzError as err:
            self.candidates = []
            dialogs.show_error(self, err, self.windowTitle())
        fill_table(self.table, [self.tr("Date"), self.tr("Record"), self.tr("Details"), self.tr("Files"),
                                self.tr("Already filed as")],
                   [(c.on, c.title, c.detail, c.files, c.filed_as) for c in self.candidates], align_right=[3])

    def select(self, ref: SourceRef) -> None:
        row = next(i for i, c in enumerate(self.candidates) if c.ref == ref)
        self.table.selectRow(row)

    def file_selected(self) -> Task[FiledFrom] | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.candidates):
            dialogs.show_error(self, self.tr("Choose a record in the list first."), self.windowTitle())
            return None
        chosen = self.candidates[row]
        if chosen.filed_as:
            dialogs.show_error(self, self.tr("This record is already filed as %1.").replace("%1", chosen.filed_as),
                               self.windowTitle())
            return None
        st, actor = self.st, self.actor

        def done(result: FiledFrom) -> None:
            self.result_filed = result
            if result.skipped:
                dialogs.show_info(self, self.windowTitle(), self.tr(
                    "These files are not PDFs or scans and were left out: %1").replace("%1", "、".join(result.skipped)))
            self.filed.emit(result)
            self.accept()

        return run_in_background(self, self.tr("Filing the record…"),
                                 lambda _p: archive_sources.file_from(st, actor, chosen.ref), done)


class CatalogueDialog(QDialog):
    """归档文件目录 of a year: print preview (PDF) or an Excel file."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.task: Task[Any] | None = None
        self.setWindowTitle(self.tr("Archive catalogue"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year_combo = _year_combo(st, self)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year or st.clock.now().year - 1), 0))
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("All categories"), None)
        for code, name in categories(st).items():
            self.category_combo.addItem(f"{name}（{code}）", code)
        self.retention_combo = QComboBox(self)
        self.retention_combo.addItem(self.tr("All retention periods"), None)
        for r in RETENTIONS:
            self.retention_combo.addItem(f"{retention_label(r)}（{r}）", r)
        form.addRow(self.tr("Year"), self.year_combo)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Retention"), self.retention_combo)
        self.pdf_radio = QRadioButton(self.tr("PDF to print (DA/T 22 columns)"), self)
        self.excel_radio = QRadioButton(self.tr("Excel workbook"), self)
        self.pdf_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf_radio)
        group.addButton(self.excel_radio)
        form.addRow(self.tr("As"), self.pdf_radio)
        form.addRow("", self.excel_radio)
        layout.addLayout(form)
        note = QLabel(self.tr("Lists every filed item of the year; drafts have no archive number yet."), self)
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(lambda: self.make())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choice(self) -> tuple[int, str | None, str | None]:
        return int(self.year_combo.currentData()), self.category_combo.currentData(), \
            self.retention_combo.currentData()

    def make(self, path: Path | None = None) -> Task[Any] | None:
        year, category, retention = self._choice()
        st, actor = self.st, self.actor
        parent = self.parentWidget()
        if self.pdf_radio.isChecked():
            self.accept()
            self.task = preview_report(parent, self.tr("Archive catalogue %1").replace("%1", str(year)),
                                       f"归档文件目录-{year}.pdf",
                                       lambda out: write_catalogue_pdf(st, actor, out, year, category, retention))
            return self.task
        if path is None:
            path = dialogs.ask_save_path(self, self.tr("Save the catalogue"), f"归档文件目录-{year}.xlsx",
                                         "Excel (*.xlsx)")
            if path is None:
                return None
        target = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        self.accept()

        def work(progress: Progress) -> object:
            return write_catalogue_xlsx(st, actor, target, year, category, retention, progress)

        def done(count: object) -> None:
            dialogs.show_info(parent, self.tr("Archive catalogue"), self.tr("%1 items were written to %2.")
                              .replace("%1", str(count)).replace("%2", str(target)))

        self.task = run_in_background(parent, self.tr("Writing the catalogue…"), work, done)
        return self.task


class DueDialog(QDialog):
    """Filed items whose retention has run out: for the appraisal group (鉴定), exportable and printable."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.setWindowTitle(self.tr("Items due for appraisal"))
        self.resize(1040, 480)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("These items have been kept for their whole retention period. An appraisal group "
                              "decides for each: keep it longer, or destroy it with approval. The program never "
                              "deletes a filed item."), self)
        note.setWordWrap(True)
        note.setObjectName("hintLabel")
        layout.addWidget(note)
        titles = {"danghao": self.tr("Archive number"), "title": self.tr("Title"), "year": self.tr("Year"),
                  "retention": self.tr("Retention"), "expired": self.tr("Kept until"), "doc_date": self.tr("Date"),
                  "pages": self.tr("Pages")}
        self.source = due_table(st, actor, titles=titles)
        self.table = TablePage(self.source, self.tr("Items due for appraisal"), self)
        self.print_button = QPushButton(self.tr("Print the list…"), self)
        self.print_button.clicked.connect(lambda: self.print_list())
        self.table.add_button(self.print_button)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def print_list(self) -> Task[Path]:
        st, actor = self.st, self.actor
        name = f"到期档案鉴定清单-{dt.date.today():%Y%m%d}.pdf"
        return preview_report(self, self.tr("Items due for appraisal"), name, lambda out: write_due_pdf(st, actor, out))
