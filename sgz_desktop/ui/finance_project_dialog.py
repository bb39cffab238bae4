"""A service project of the "1+4+N" structure (Art. 20): kind and field, period, lead social worker,
goals and the need / resource / service lists."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import projects
from ..core.errors import SgzError
from ..core.projects import BASIC, BASIC_FIELDS, CORE, CORE_FIELD, FEATURED, LABELS, ProjectInfo, ProjectInput
from ..core.roles import Actor, Permission
from ..core.staff import list_staff
from ..core.station import Station
from .finance_widgets import select_data
from .staff_forms import FieldErrors, OptionalDate, date_edit, to_date, to_qdate


class ProjectDialog(QDialog):
    def __init__(self, st: Station, actor: Actor, project: ProjectInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.project = st, actor, project
        self.saved: ProjectInfo | None = None
        self.setWindowTitle(self.tr("New service project") if project is None else project.name)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when errors appear
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        e = self.errors
        today = st.clock.now().date()
        self.kind = QComboBox(self)
        for key, label in ((CORE, self.tr("Core project (1): Party building")),
                           (BASIC, self.tr("Basic project (4)")), (FEATURED, self.tr("Featured project (N)"))):
            self.kind.addItem(label, key)
        self.field = QComboBox(self)
        self.field.setEditable(True)
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(420)  # sets the dialog's width (the layout keeps it at least this)
        self.start = date_edit(today, self)
        self.end = OptionalDate(self.tr("Ends on"), None, self, today=today)
        self.lead = QComboBox(self)
        self.lead.addItem(self.tr("(not set)"), None)
        for person in list_staff(st, actor, on=today):
            self.lead.addItem(f"{person.name}（{person.post}）", person.id)
        self.goals = self._text()
        self.needs = self._text()
        self.resources = self._text()
        self.services = self._text()
        self.notes = QLineEdit(self)
        form.addRow(self.tr("Kind"), e.field(LABELS["kind"], self.kind))
        form.addRow(self.tr("Field"), e.field(LABELS["field"], self.field))
        form.addRow(self.tr("Name"), e.field(LABELS["name"], self.name))
        form.addRow(self.tr("Starts"), e.field(LABELS["start_date"], self.start))
        form.addRow("", e.field(LABELS["end_date"], self.end))
        form.addRow(self.tr("Lead social worker"), e.field(LABELS["lead_staff_id"], self.lead))
        form.addRow(self.tr("Goals"), self.goals)
        form.addRow(self.tr("Needs list"), self.needs)
        form.addRow(self.tr("Resources list"), self.resources)
        form.addRow(self.tr("Services list"), self.services)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(self)
        if actor.can(Permission.EDIT_PROJECTS):
            buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._fields())
        self._fields()
        self._fill(project)

    def _text(self) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setMaximumHeight(64)
        return edit

    def _fields(self) -> None:
        kind = self.kind.currentData()
        current = self.field.currentText()
        self.field.clear()
        if kind == CORE:
            self.field.addItem(CORE_FIELD)
        elif kind == BASIC:
            self.field.addItems(list(BASIC_FIELDS))
        self.field.setEditable(kind == FEATURED)
        if kind == FEATURED or current in [self.field.itemText(i) for i in range(self.field.count())]:
            self.field.setCurrentText(current)

    def _fill(self, p: ProjectInfo | None) -> None:
        if p is None:
            return
        select_data(self.kind, p.kind)
        self._fields()
        self.field.setCurrentText(p.field)
        self.name.setText(p.name)
        self.start.setDate(to_qdate(p.start_date))
        self.end.set_value(p.end_date)
        select_data(self.lead, p.lead_staff_id)
        self.goals.setPlainText(p.goals)
        self.needs.setPlainText(p.need_list)
        self.resources.setPlainText(p.resource_list)
        self.services.setPlainText(p.service_list)
        self.notes.setText(p.notes)

    def values(self) -> ProjectInput:
        return ProjectInput(self.kind.currentData(), self.name.text(), to_date(self.start.date()),
                            self.field.currentText(), self.end.value(), self.lead.currentData(),
                            self.goals.toPlainText(), self.needs.toPlainText(), self.resources.toPlainText(),
                            self.services.toPlainText(), self.notes.text())

    def save(self) -> bool:
        try:
            if self.project is None:
                self.saved = projects.add_project(self.st, self.actor, self.values())
            else:
                self.saved = projects.update_project(self.st, self.actor, self.project.id, self.values())
        except SgzError as err:
            self.errors.show(err)
            return False
        self.accept()
        return True
