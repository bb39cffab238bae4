"""Interns (Art. 16): every placement with university, supervisor and period. A new intern is put on the
roster and given the placement in one step; an existing placement can be corrected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import internships, staff
from ..core.errors import SgzError
from ..core.internships import InternshipInfo, InternshipInput
from ..core.roles import Actor, Permission
from ..core.staff_tables import internship_table
from ..core.station import Station
from . import dialogs
from .staff_forms import FieldErrors, action_button, date_edit, read_only_note, to_date
from .staff_person_dialog import PersonDialog, supervisor_combo
from .table_page import TablePage

D = TypeVar("D", bound=QDialog)


class InternsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_STAFF)
        self.dialog: QDialog | None = None
        self.titles = {"name": self.tr("Name"), "university": self.tr("University"), "major": self.tr("Major"),
                       "supervisor": self.tr("Supervisor"), "start_date": self.tr("From"),
                       "end_date": self.tr("To"), "notes": self.tr("Notes")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("Add an intern…"), self, self.add_intern, enabled=self.can_edit)
        self.edit_button = action_button(self.tr("Change the placement…"), self, self.edit_placement,
                                         enabled=self.can_edit)
        self.person_button = action_button(self.tr("Open the roster entry…"), self, self.open_person)
        for button in (self.add_button, self.edit_button, self.person_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot change internships.")))
        self.table = TablePage(internship_table(st, actor, self.titles), self.tr("Interns"), self)
        self.table.row_activated.connect(lambda _row: self.open_person())
        self.table.current_row_changed.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        note = read_only_note(self, self.tr("Interns are on the roster with the post 实习生; a supervisor must be a "
                                            "social worker or supervisor in post when the internship starts."))
        note.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(note)
        self._selection_changed(None)

    def reload(self) -> None:
        try:
            rows = internship_table(self.st, self.actor, self.titles).rows
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Interns"))
            return
        self.table.model.source.rows = rows  # type: ignore[attr-defined]
        self.table.refresh()

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        self.edit_button.setEnabled(self.can_edit and values is not None)
        self.person_button.setEnabled(values is not None)

    def selected_staff_id(self) -> int | None:
        values = self.table.current_values()
        if values is None:
            dialogs.show_error(self, self.tr("Choose an intern in the list first."), self.tr("Interns"))
            return None
        staff_id = values[len(self.table.model.columns)]
        return staff_id if isinstance(staff_id, int) else None

    def add_intern(self) -> PersonDialog:
        dialog = PersonDialog(self.st, self.actor, None, self, post=staff.INTERN)
        dialog.post.setEnabled(False)
        return self._open(dialog)

    def edit_placement(self) -> InternshipDialog | None:
        staff_id = self.selected_staff_id()
        if staff_id is None:
            return None
        info = internships.get_internship(self.st, self.actor, staff_id)
        if info is None:
            return None
        return self._open(InternshipDialog(self.st, self.actor, info, self))

    def open_person(self) -> PersonDialog | None:
        staff_id = self.selected_staff_id()
        if staff_id is None:
            return None
        return self._open(PersonDialog(self.st, self.actor, staff.get_staff(self.st, self.actor, staff_id), self))

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog


class InternshipDialog(QDialog):
    """Correct one placement (university, major, supervisor, period, notes)."""

    def __init__(self, st: Station, actor: Actor, info: InternshipInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.info = st, actor, info
        self.saved: InternshipInfo | None = None
        self.setWindowTitle(self.tr("Internship of %1").replace("%1", info.name))
        layout = QVBoxLayout(self)
        self.errors = FieldErrors(QLabel(self))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        e = self.errors
        self.university = QLineEdit(info.university, self)
        self.major = QLineEdit(info.major, self)
        self.supervisor = supervisor_combo(st, actor, self)
        if info.supervisor_id is not None and self.supervisor.findData(info.supervisor_id) < 0:
            self.supervisor.addItem(info.supervisor_name, info.supervisor_id)  # since left: still the record
        self.supervisor.setCurrentIndex(max(self.supervisor.findData(info.supervisor_id), 0))
        self.start = date_edit(info.start_date, self)
        self.end = date_edit(info.end_date, self)
        self.notes = QPlainTextEdit(info.notes, self)
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("University"), e.field("所在高校", self.university))
        form.addRow(self.tr("Major"), self.major)
        form.addRow(self.tr("Supervisor"), e.field("实习督导", self.supervisor))
        form.addRow(self.tr("From"), e.field("实习开始日期", self.start))
        form.addRow(self.tr("To"), e.field("实习结束日期", self.end))
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:
        data = InternshipInput(university=self.university.text(), start_date=to_date(self.start.date()),
                               end_date=to_date(self.end.date()), major=self.major.text(),
                               supervisor_id=self.supervisor.currentData(), notes=self.notes.toPlainText())
        try:
            self.saved = internships.set_internship(self.st, self.actor, self.info.staff_id, data)
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()
