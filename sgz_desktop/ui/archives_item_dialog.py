"""The form of one archive item: register a new one with its files, edit a draft, or — for a finalised
item, by the archivist — correct it with a recorded amendment (its group and number stay fixed).

Saving copies the files into the attachment store on the background worker (a scan may be large); the
core's problems appear under the fields they concern, and nothing is saved until all are right.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import archive_filing, archives
from ..core.archive_numbering import ACCOUNTING, categories, organisations
from ..core.archive_retention import ACCOUNTING_KINDS, RETENTIONS, proposed_retention, retention_label
from ..core.archives import CLASSIFICATIONS, DEFAULT_CLASSIFICATION, LABELS, FileInfo, ItemInfo, ItemInput
from ..core.errors import Problem, SgzError, ValidationError
from ..core.progress import Progress
from ..core.projects import list_projects
from ..core.roles import Actor, Permission
from ..core.sizes import human_size
from ..core.station import Station
from . import dialogs
from .staff_forms import FieldErrors, date_edit, to_date, to_qdate
from .worker import Task, run_in_background

NEW, EDIT, AMEND = "new", "edit", "amend"
REASON = "更正原因"
FILE_FILTER = "PDF、扫描图像 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)"


class ItemDialog(QDialog):
    saved = Signal(object)  # the ItemInfo after saving

    def __init__(self, st: Station, actor: Actor, item: ItemInfo | None, parent: QWidget | None = None, *,
                 files: Sequence[FileInfo] = (), preset: ItemInput | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.item = st, actor, item
        self.mode = NEW if item is None else AMEND if item.is_final else EDIT
        self.existing = list(files)
        self.removed: list[FileInfo] = []
        self.added: list[Path] = []
        self.task: Task[ItemInfo] | None = None
        self.result_item: ItemInfo | None = None
        title = {NEW: self.tr("Register an archive item"), EDIT: self.tr("Edit a draft archive item"),
                 AMEND: self.tr("Correct a filed archive item")}[self.mode]
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self._build()
        values = preset or (item.as_input() if item is not None else None)
        if values is not None:
            self.set_values(values)
        self._refresh_files()

    # --- building -------------------------------------------------------------------------------------

    def _combo(self, pairs: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        for text, data in pairs:
            combo.addItem(text, data)
        return combo

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        if self.mode == AMEND and self.item is not None:
            note = QLabel(self.tr("%1 is filed. Its category, year, retention and organisation are part of its "
                                  "archive number and cannot change; every other correction is recorded with the "
                                  "reason.").replace("%1", self.item.danghao), self)
            note.setWordWrap(True)
            note.setObjectName("hintLabel")
            layout.addWidget(note)
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.date_edit = date_edit(self.st.clock.now().date(), self)
        self.responsible_edit = QLineEdit(self)
        self.responsible_edit.setPlaceholderText(self.tr("The station, if left empty"))
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(self.tr("e.g. 后社工〔2025〕3号"))
        self.category_combo = self._combo([(f"{name}（{code}）", code) for code, name in categories(self.st).items()])
        self.kind_combo = self._combo([(self.tr("(not an accounting record)"), "")]
                                      + [(kind, kind) for kind in ACCOUNTING_KINDS])
        self.retention_combo = self._combo([(self.tr("(choose)"), "")]
                                           + [(f"{retention_label(r)}（{r}）", r) for r in RETENTIONS])
        self.org_combo = self._combo([(f"{name}（{code}）", code) for code, name in organisations(self.st).items()])
        self.classification_combo = self._combo([(c, c) for c in CLASSIFICATIONS])
        self.classification_combo.setCurrentIndex(self.classification_combo.findData(DEFAULT_CLASSIFICATION))
        self.project_combo = self._combo([(self.tr("(none)"), None)] + [
            (p.label, p.id) for p in list_projects(self.st, self.actor)])
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(64)
        for label, widget in ((self.tr("Title"), self.title_edit), (self.tr("Date"), self.date_edit),
                              (self.tr("Responsible party"), self.responsible_edit),
                              (self.tr("Document number"), self.number_edit),
                              (self.tr("Category"), self.category_combo),
                              (self.tr("Accounting record"), self.kind_combo),
                              (self.tr("Retention"), self.retention_combo),
                              (self.tr("Organisation"), self.org_combo),
                              (self.tr("Classification"), self.classification_combo),
                              (self.tr("Service project"), self.project_combo), (self.tr("Notes"), self.notes_edit)):
            key = {self.title_edit: "title", self.date_edit: "doc_date", self.responsible_edit: "responsible",
                   self.number_edit: "doc_number", self.category_combo: "category", self.kind_combo: "record_kind",
                   self.retention_combo: "retention", self.org_combo: "org_code",
                   self.classification_combo: "classification", self.project_combo: "project_id",
                   self.notes_edit: "notes"}[widget]
            form.addRow(label, self.errors.field(LABELS[key], widget))
        self.category_combo.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.file_list = QListWidget(self)
        self.file_list.setMinimumHeight(72)
        self.file_list.setMaximumHeight(110)
        files_box = QWidget(self)
        files_row = QHBoxLayout(files_box)
        files_row.setContentsMargins(0, 0, 0, 0)
        files_row.addWidget(self.file_list, 1)
        buttons = QVBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add files…"), self)
        self.remove_file_button = QPushButton(self.tr("Remove"), self)
        self.add_files_button.clicked.connect(lambda: self.add_files())
        self.remove_file_button.clicked.connect(self.remove_selected_file)
        self.remove_file_button.setEnabled(self.mode != AMEND)
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addStretch(1)
        files_row.addLayout(buttons)
        form.addRow(self.tr("Files"), self.errors.field(LABELS["files"], files_box))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why the filed item is corrected (kept with the correction)"))
        self.reason_edit.setVisible(self.mode == AMEND)
        if self.mode == AMEND:
            form.addRow(self.tr("Reason"), self.errors.field(REASON, self.reason_edit))
            for widget in (self.category_combo, self.retention_combo, self.org_combo):
                widget.setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._category_changed()

    # --- values -------------------------------------------------------------------------------------

    def set_values(self, data: ItemInput) -> None:
        self.title_edit.setText(data.title)
        self.date_edit.setDate(to_qdate(data.doc_date))
        self.responsible_edit.setText(data.responsible)
        self.number_edit.setText(data.doc_number)
        for combo, value in ((self.category_combo, data.category), (self.org_combo, data.org_code),
                             (self.classification_combo, data.classification),
                             (self.project_combo, data.project_id), (self.kind_combo, data.record_kind)):
            index = combo.findData(value)
            if index < 0 and value:
                combo.addItem(str(value), value)  # a code since removed from the settings stays as it was
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        if data.retention:
            self.retention_combo.setCurrentIndex(max(self.retention_combo.findData(data.retention), 0))
        self.notes_edit.setPlainText(data.notes)

    def values(self) -> ItemInput:
        return ItemInput(
            title=self.title_edit.text(), doc_date=to_date(self.date_edit.date()),
            responsible=self.responsible_edit.text(), category=str(self.category_combo.currentData() or ""),
            retention=str(self.retention_combo.currentData() or ""), org_code=str(self.org_combo.currentData() or ""),
            doc_number=self.number_edit.text(), classification=str(self.classification_combo.currentData() or ""),
            record_kind=str(self.kind_combo.currentData() or "") if self.kind_combo.isEnabled() else "",
            notes=self.notes_edit.toPlainText(), project_id=self.project_combo.currentData())

    def _category_changed(self) -> None:
        accounting = self.category_combo.currentData() == ACCOUNTING
        self.kind_combo.setEnabled(accounting)
        if not accounting:
            self.kind_combo.setCurrentIndex(0)

    def _kind_changed(self) -> None:
        proposed = proposed_retention(str(self.kind_combo.currentData() or ""))
        if proposed and self.mode != AMEND:  # the period the 会计档案管理办法 sets, which the user may lengthen
            self.retention_combo.setCurrentIndex(self.retention_combo.findData(proposed))

    # --- files --------------------------------------------------------------------------------------

    def _refresh_files(self) -> None:
        self.file_list.clear()
        for f in self.existing:
            if f in self.removed:
                continue
            pages = self.tr(", %1 pages").replace("%1", str(f.pages)) if f.pages else ""
            entry = QListWidgetItem(f"{f.seq}. {f.file_name}（{f.format.upper()}，{human_size(f.size_bytes)}{pages}）")
            entry.setData(256, f)
            self.file_list.addItem(entry)
        for path in self.added:
            entry = QListWidgetItem(self.tr("New: %1").replace("%1", path.name))
            entry.setData(256, path)
            self.file_list.addItem(entry)

    def add_files(self, paths: Sequence[Path] | None = None) -> None:
        if paths is None:
            paths = ask_files(self, self.tr("Add files"))
        for path in paths:
            if path not in self.added:
                self.added.append(Path(path))
        self._refresh_files()

    def remove_selected_file(self) -> None:
        entry = self.file_list.currentItem()
        if entry is None:
            return
        value = entry.data(256)
        if isinstance(value, Path):
            self.added.remove(value)
        elif isinstance(value, FileInfo):
            self.removed.append(value)
        self._refresh_files()

    # --- saving -------------------------------------------------------------------------------------

    def save(self) -> Task[ItemInfo] | None:
        """Validate and save on the worker; ``saved`` is emitted and the dialog accepted when done."""
        self.errors.clear()
        data = self.values()
        st, actor, item = self.st, self.actor, self.item
        codes = archives.CodeLists.of(st)
        problems = archives.item_problems(archives.normalised(data, codes), codes, today=st.clock.now().date())
        if problems:  # shown at once; the worker is only for copying files and the database's own checks
            self.errors.show(ValidationError(problems))
            return None
        added, removed, reason = list(self.added), list(self.removed), self.reason_edit.text()
        if self.mode == AMEND and item is not None:
            changed = dataclasses.replace(data, category=item.category, retention=item.retention,
                                          org_code=item.org_code) != item.as_input()
            if not changed and not added:
                self.errors.show(ValidationError(Problem("更正", "没有任何改动")))
                return None

        def work(_progress: Progress) -> ItemInfo:
            if self.mode == NEW:
                return archives.register_item(st, actor, data, added)
            assert item is not None
            if self.mode == EDIT:
                result = archives.update_item(st, actor, item.id, data)
                for f in removed:
                    result = archives.remove_file(st, actor, f.id)
                return archives.add_files(st, actor, item.id, added) if added else result
            result = item
            if dataclasses.replace(data, category=item.category, retention=item.retention,
                                   org_code=item.org_code) != item.as_input():
                result = archive_filing.amend_item(st, actor, item.id, data, reason)
            if added:
                result = archive_filing.amend_add_files(st, actor, item.id, added, reason)
            return result

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, SgzError):
                self.errors.show(error)
            else:
                dialogs.show_error(self, error, self.windowTitle())

        def done(info: ItemInfo) -> None:
            self.result_item = info
            self.saved.emit(info)
            self.accept()

        self.buttons.setEnabled(False)
        self.task = run_in_background(self, self.tr("Saving the archive item…"), work, done, failed)
        return self.task


def can_open_for_change(actor: Actor, item: ItemInfo | None) -> bool:
    """Drafts are changed by those who register items; filed ones are corrected by the archivist only."""
    if item is None:
        return actor.can(Permission.EDIT_ARCHIVES)
    return actor.can(Permission.FINALISE_ARCHIVES if item.is_final else Permission.EDIT_ARCHIVES)


def ask_files(parent: QWidget | None, title: str) -> list[Path]:
    """Several files at once (a scan is often split in parts); tests replace this."""
    names, _chosen = QFileDialog.getOpenFileNames(parent, title, "", FILE_FILTER)
    return [Path(n) for n in names]
