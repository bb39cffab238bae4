"""Forms of the volunteer area: a volunteer, an activity, and hours for several volunteers at once.

Saving calls the core; on a ValidationError the dialog stays open with the input as typed and each reason
under its field (the core names fields with the labels of ``volunteers.LABELS`` / ``volunteer_activities.LABELS``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import profile, volunteer_activities, volunteer_hours, volunteers
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.validation import gender_from_id, id_number_problem
from ..core.volunteer_activities import ActivityInfo, ActivityInput
from ..core.volunteer_hours import HoursInput, RecordInfo
from ..core.volunteers import VolunteerInfo, VolunteerInput
from .staff_forms import FieldErrors, date_edit, list_table, read_only_note, to_date, to_qdate
from .volunteers_common import VolunteerPicker, hours_text


def _buttons(dialog: QDialog, editable: bool) -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    if editable:
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    else:
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class VolunteerDialog(QDialog):
    """Register (``person`` None) or edit a volunteer; ``saved`` holds the result."""

    def __init__(self, st: Station, actor: Actor, person: VolunteerInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.person = st, actor, person
        self.saved: VolunteerInfo | None = None
        self.editable = actor.can(Permission.EDIT_VOLUNTEERS)
        self.setWindowTitle(self.tr("Register a volunteer") if person is None
                            else self.tr("%1 — volunteer").replace("%1", person.label))
        labels = volunteers.LABELS
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        if not self.editable:
            layout.addWidget(read_only_note(self, self.tr(
                "Read only: your role cannot change the registry. ID and phone numbers are shown masked.")))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        e = self.errors
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Leave empty to number automatically (ZY000001…)"))
        self.name = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.id_number.setPlaceholderText(self.tr("18 digits, the last may be X"))
        self.id_number.setMaxLength(22)
        self.gender = QLabel(self)
        self.gender.setObjectName("hintLabel")
        self.id_number.textChanged.connect(self._show_gender)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("11-digit mobile number"))
        self.community = QComboBox(self)
        self.community.addItem(self.tr("(none)"), None)
        for c in profile.list_communities(st, include_inactive=person is not None):
            self.community.addItem(c.name, c.id)
        self.skills = QLineEdit(self)
        self.skills.setPlaceholderText(self.tr("e.g. haircuts, appliance repair, counselling"))
        self.registered_on = date_edit(st.clock.now().date(), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(56)
        form.addRow(self.tr("Volunteer number"), e.field(labels["volunteer_no"], self.number))
        form.addRow(self.tr("Name"), e.field(labels["name"], self.name))
        form.addRow(self.tr("ID number"), e.field(labels["id_number"], self.id_number))
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Mobile"), e.field(labels["phone"], self.phone))
        form.addRow(self.tr("Community"), e.field(labels["community_id"], self.community))
        form.addRow(self.tr("Skills"), e.field(labels["skills"], self.skills))
        form.addRow(self.tr("Registered on"), e.field(labels["registered_on"], self.registered_on))
        form.addRow(self.tr("Notes"), e.field(labels["notes"], self.notes))
        if person is not None:
            status = QLabel(f"{person.status}" + (f"（{person.left_on:%Y-%m-%d}）" if person.left_on else ""), self)
            form.addRow(self.tr("Status"), status)
            self._load(person)
        layout.addLayout(form)
        buttons = _buttons(self, self.editable)
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        for widget in (self.number, self.name, self.id_number, self.phone, self.community, self.skills,
                       self.registered_on, self.notes):
            widget.setEnabled(self.editable)
        self.resize(520, 480)

    def _load(self, p: VolunteerInfo) -> None:
        self.number.setText(p.volunteer_no)
        self.name.setText(p.name)
        self.id_number.setText(p.id_number)
        self.phone.setText(p.phone)
        index = self.community.findData(p.community_id)
        self.community.setCurrentIndex(max(index, 0))
        self.skills.setText(p.skills)
        self.registered_on.setDate(to_qdate(p.registered_on))
        self.notes.setPlainText(p.notes)

    def _show_gender(self, text: str) -> None:
        ok = id_number_problem(text, today=self.st.clock.now().date()) is None
        self.gender.setText(gender_from_id(text) if ok else "")

    def value(self) -> VolunteerInput:
        return VolunteerInput(name=self.name.text(), id_number=self.id_number.text(),
                              registered_on=to_date(self.registered_on.date()), phone=self.phone.text(),
                              community_id=self.community.currentData(), skills=self.skills.text(),
                              volunteer_no=self.number.text(), notes=self.notes.toPlainText())

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.person is None:
                self.saved = volunteers.add_volunteer(self.st, self.actor, self.value())
            else:
                self.saved = volunteers.update_volunteer(self.st, self.actor, self.person.id, self.value())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class VolunteerActivityDialog(QDialog):
    """A new activity (``activity`` None) or an existing one; ``saved`` holds the result."""

    def __init__(self, st: Station, actor: Actor, activity: ActivityInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.activity = st, actor, activity
        self.saved: ActivityInfo | None = None
        self.editable = actor.can(Permission.RECORD_HOURS)
        self.setWindowTitle(self.tr("New service activity") if activity is None
                            else self.tr("%1 — service activity").replace("%1", activity.title))
        labels = volunteer_activities.LABELS
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        if not self.editable:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot record service.")))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        e = self.errors
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItems(list(volunteers.ACTIVITY_TYPES))
        self.held_on = date_edit(st.clock.now().date(), self)
        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.timed = QCheckBox(self.tr("from"), times)
        self.starts_at = QTimeEdit(QTime(9, 0), times)
        self.ends_at = QTimeEdit(QTime(11, 0), times)
        for edit in (self.starts_at, self.ends_at):
            edit.setDisplayFormat("HH:mm")
        row.addWidget(self.timed)
        row.addWidget(self.starts_at)
        row.addWidget(QLabel(self.tr("to"), times))
        row.addWidget(self.ends_at)
        row.addStretch(1)
        self.timed.setChecked(True)
        self.timed.toggled.connect(self.starts_at.setEnabled)
        self.timed.toggled.connect(self.ends_at.setEnabled)
        self.place = QLineEdit(self)
        self.community = QComboBox(self)
        self.community.addItem(self.tr("(none)"), None)
        for c in profile.list_communities(st, include_inactive=activity is not None):
            self.community.addItem(c.name, c.id)
        self.project = QComboBox(self)
        self.project.addItem(self.tr("(no project)"), None)
        for pid, name in volunteer_activities.project_choices(st):
            self.project.addItem(name, pid)
        self.organiser = QLineEdit(self)
        self.content = QPlainTextEdit(self)
        self.content.setPlaceholderText(self.tr("What the volunteers did (printed on service certificates)"))
        self.content.setFixedHeight(64)
        form.addRow(self.tr("Title"), e.field(labels["title"], self.title))
        form.addRow(self.tr("Type of service"), e.field(labels["activity_type"], self.kind))
        form.addRow(self.tr("Date"), e.field(labels["held_on"], self.held_on))
        form.addRow(self.tr("Time"), e.field([labels["starts_at"], labels["ends_at"]], times))
        form.addRow(self.tr("Place"), e.field(labels["place"], self.place))
        form.addRow(self.tr("Community"), e.field(labels["community_id"], self.community))
        form.addRow(self.tr("Service project"), e.field(labels["project_id"], self.project))
        form.addRow(self.tr("Organiser"), e.field(labels["organiser"], self.organiser))
        form.addRow(self.tr("Content"), e.field(labels["content"], self.content))
        layout.addLayout(form)
        if activity is not None:
            self._load(activity)
        buttons = _buttons(self, self.editable)
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _load(self, a: ActivityInfo) -> None:
        self.title.setText(a.title)
        self.kind.setCurrentText(a.activity_type)
        self.held_on.setDate(to_qdate(a.held_on))
        self.timed.setChecked(a.starts_at is not None)
        if a.starts_at and a.ends_at:
            self.starts_at.setTime(QTime(a.starts_at.hour, a.starts_at.minute))
            self.ends_at.setTime(QTime(a.ends_at.hour, a.ends_at.minute))
        self.place.setText(a.place)
        self.community.setCurrentIndex(max(self.community.findData(a.community_id), 0))
        self.project.setCurrentIndex(max(self.project.findData(a.project_id), 0))
        self.organiser.setText(a.organiser)
        self.content.setPlainText(a.content)

    def value(self) -> ActivityInput:
        timed = self.timed.isChecked()
        start, end = self.starts_at.time(), self.ends_at.time()
        return ActivityInput(
            title=self.title.text(), activity_type=self.kind.currentText(), held_on=to_date(self.held_on.date()),
            starts_at=dt.time(start.hour(), start.minute()) if timed else None,
            ends_at=dt.time(end.hour(), end.minute()) if timed else None, place=self.place.text(),
            project_id=self.project.currentData(), community_id=self.community.currentData(),
            organiser=self.organiser.text(), content=self.content.toPlainText())

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.activity is None:
                self.saved = volunteer_activities.add_activity(self.st, self.actor, self.value())
            else:
                self.saved = volunteer_activities.update_activity(self.st, self.actor, self.activity.id, self.value())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class ServiceHoursDialog(QDialog):
    """Hours of several volunteers at one activity, recorded together (all or none) as pending."""

    def __init__(self, st: Station, actor: Actor, activity: ActivityInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.activity = st, actor, activity
        self.saved: list[RecordInfo] = []
        self.entries: list[tuple[int, str]] = []  # (volunteer id, label)
        self.setWindowTitle(self.tr("Record hours — %1").replace("%1", activity.title))
        layout = QVBoxLayout(self)
        when = f"{activity.held_on:%Y-%m-%d} {activity.time_text}".strip()
        head = QLabel(self.tr("%1, %2. The hours wait for the deputy head's approval.")
                      .replace("%1", activity.title).replace("%2", when), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        top = QHBoxLayout()
        self.picker = VolunteerPicker(st, actor, self)
        top.addWidget(self.picker, 1)
        side = QVBoxLayout()
        self.hours = QDoubleSpinBox(self)
        self.hours.setDecimals(1)
        self.hours.setRange(0.1, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(self._default_hours())
        side.addWidget(QLabel(self.tr("Hours"), self))
        side.addWidget(self.hours)
        self.add_button = QPushButton(self.tr("Add to the list"), self)
        self.add_button.clicked.connect(self.add_chosen)
        side.addWidget(self.add_button)
        self.remove_button = QPushButton(self.tr("Remove from the list"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        top.addLayout(side)
        layout.addLayout(top)
        self.table: QTableWidget = list_table(self)
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Volunteer"), self.tr("Hours")])
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _default_hours(self) -> float:
        a = self.activity
        if a.starts_at and a.ends_at:
            minutes = (a.ends_at.hour * 60 + a.ends_at.minute) - (a.starts_at.hour * 60 + a.starts_at.minute)
            return max(minutes // 6 / 10, 0.1)
        return 2.0

    def add_chosen(self) -> None:
        choice = self.picker.choice
        if choice is None or any(vid == choice.id for vid, _l in self.entries):
            return
        self.entries.append((choice.id, choice.label))
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(choice.label))
        self.table.setItem(row, 1, QTableWidgetItem(f"{self.hours.value():.1f}"))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self.entries[row]

    def values(self) -> list[HoursInput]:
        out = []
        for row, (vid, _label) in enumerate(self.entries):
            item = self.table.item(row, 1)
            text = item.text().strip() if item is not None else ""
            try:
                hours = Decimal(text) if text else None
            except ArithmeticError:
                hours = Decimal(-1)  # the core names the bad value
            out.append(HoursInput(vid, hours))
        return out

    def save(self) -> None:
        self.error.hide()
        try:
            self.saved = volunteer_hours.record_hours(self.st, self.actor, self.activity.id, self.values())
        except SgzError as err:
            self.error.setText(str(err).replace("；", "\n"))
            self.error.show()
            return
        self.accept()


def record_summary(records: list[RecordInfo]) -> str:
    return "、".join(f"{r.volunteer_name} {hours_text(r.hours)}" for r in records)
