"""One training session (Art. 15): what it was, who attended for how long, and its materials.

Everything is applied when the user saves: the session, then the attendance list, then the materials
(added files copied into the station's store, removed ones dropped). The core's rules for the session
and each attendee are checked before anything is written, so a bad attendee never leaves a half-saved
session behind.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import staff, training, training_materials
from ..core.errors import SgzError, ValidationError
from ..core.progress import Progress
from ..core.projects import list_projects
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.training import LABELS, AttendanceInput, Attendee, SessionInfo, SessionInput
from . import dialogs
from .busy import run_and_wait
from .staff_forms import FieldErrors, action_button, date_edit, read_only_note, to_date

NAME, POST, HOURS, NOTE = range(4)
TYPE_HINTS = {
    "岗前培训": "新入职人员上岗前的培训（第十五条）",
    "督导培训": "督导为驻站社工提供的专业指导",
    "继续教育培训": "持证社工的继续教育（计入登记周期学时）",
    "实务培训": "个案、小组、社区等实务技能",
    "政策法规培训": "社会救助、儿童、养老等政策法规",
}


def open_file(path: Path) -> bool:
    """Open a file with the program the PC uses for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SessionDialog(QDialog):
    """Add (``session`` None) or change a session. ``saved`` holds it after a successful save."""

    def __init__(self, st: Station, actor: Actor, session: SessionInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.session_id = session.id if session is not None else None
        self.saved: SessionInfo | None = None
        self.editable = actor.can(Permission.EDIT_TRAINING)
        self.today = st.clock.now().date()
        self.people = {p.id: p for p in staff.list_staff(st, actor)}
        self.setWindowTitle(self.tr("New training session") if session is None
                            else self.tr("Training session — %1").replace("%1", session.title))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        if not self.editable:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot change the training log.")))
        layout.addWidget(self.errors.general)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._basics(), self.tr("Session"))
        self.tabs.addTab(self._attendees(), self.tr("Attendees"))
        self.tabs.addTab(self._materials(), self.tr("Materials"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(self)
        if self.editable:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.save)
        else:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if session is not None:
            self._load(session)
        self._fill_people()
        self.held_on.dateChanged.connect(lambda _d: self._fill_people())
        self.hours.valueChanged.connect(lambda _v: self._count())
        self.resize(820, 540)

    # --- tabs -----------------------------------------------------------------------------------------

    def _basics(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        e = self.errors
        self.title = QLineEdit(page)
        self.title.setPlaceholderText(self.tr("e.g. 个案工作实务：需求评估与服务计划"))
        self.kind = QComboBox(page)
        for kind in training.TRAINING_TYPES:
            self.kind.addItem(kind, kind)
            self.kind.setItemData(self.kind.count() - 1, TYPE_HINTS.get(kind, ""), Qt.ItemDataRole.ToolTipRole)
        self.kind.setCurrentText("实务培训")
        self.held_on = date_edit(self.today, page)
        self.held_on.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.hours = QDoubleSpinBox(page)
        self.hours.setDecimals(1)
        self.hours.setRange(0.5, float(training.MAX_SESSION_HOURS))
        self.hours.setSingleStep(0.5)
        self.hours.setValue(3)
        self.hours.setSuffix(self.tr(" h"))
        self.organiser = QLineEdit(page)
        self.trainer = QLineEdit(page)
        self.place = QLineEdit(page)
        self.project = QComboBox(page)  # the service project the training was held for, if any
        self.project.addItem(self.tr("(no project)"), None)
        for p in list_projects(self.st, self.actor):
            self.project.addItem(p.label, p.id)
        self.notes = QPlainTextEdit(page)
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Title"), e.field(LABELS["title"], self.title))
        form.addRow(self.tr("Type (Art. 15)"), e.field(LABELS["training_type"], self.kind))
        form.addRow(self.tr("Date"), e.field(LABELS["held_on"], self.held_on))
        form.addRow(self.tr("Length"), e.field(LABELS["hours"], self.hours))
        form.addRow(self.tr("Organiser"), e.field(LABELS["organiser"], self.organiser))
        form.addRow(self.tr("Trainer"), e.field(LABELS["trainer"], self.trainer))
        form.addRow(self.tr("Place"), e.field(LABELS["place"], self.place))
        form.addRow(self.tr("Service project"), e.field(LABELS["project_id"], self.project))
        form.addRow(self.tr("Notes"), e.field(LABELS["notes"], self.notes))
        page.setEnabled(self.editable)
        return page

    def _attendees(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        hint = read_only_note(page, self.tr("Tick who attended. Attended hours start as the whole session; lower "
                                            "them for someone who left early. People not in post on the date are "
                                            "not listed."))
        layout.addWidget(hint)
        self.table = QTableWidget(0, 4, page)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Post"), self.tr("Hours attended"),
                                              self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(POST, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOURS, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self._count())
        layout.addWidget(self.table, 1)
        self.attendee_errors = QLabel(page)
        self.attendee_errors.setObjectName("errorLabel")
        self.attendee_errors.setWordWrap(True)
        self.attendee_errors.hide()
        layout.addWidget(self.attendee_errors)
        row = QHBoxLayout()
        self.count_label = QLabel(page)
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(action_button(self.tr("Tick everyone listed"), page, lambda: self._tick_all(True),
                                    enabled=self.editable))
        row.addWidget(action_button(self.tr("Untick everyone"), page, lambda: self._tick_all(False),
                                    enabled=self.editable))
        layout.addLayout(row)
        self._attendance: dict[int, tuple[bool, str, str]] = {}  # staff id -> (ticked, hours text, note)
        return page

    def _materials(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(read_only_note(page, self.tr("Slides, sign-in sheet scans, photos. Files are copied into "
                                                      "the station's data folder when you save.")))
        self.material_list = QListWidget(page)
        layout.addWidget(self.material_list, 1)
        row = QHBoxLayout()
        self.add_file_button = action_button(self.tr("Add a file…"), page, self.add_file, enabled=self.editable)
        self.open_file_button = action_button(self.tr("Open"), page, self.open_material)
        self.remove_file_button = action_button(self.tr("Remove"), page, self.remove_material, enabled=self.editable)
        for button in (self.add_file_button, self.open_file_button, self.remove_file_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.material_list.itemDoubleClicked.connect(lambda _item: self.open_material())
        return page

    # --- loading --------------------------------------------------------------------------------------

    def _load(self, s: SessionInfo) -> None:
        self.title.setText(s.title)
        self.kind.setCurrentText(s.training_type)
        self.held_on.setMaximumDate(QDate(max(self.today, s.held_on).year, 12, 31))
        self.held_on.setDate(QDate(s.held_on.year, s.held_on.month, s.held_on.day))
        self.hours.setValue(float(s.hours))
        self.organiser.setText(s.organiser)
        self.trainer.setText(s.trainer)
        self.place.setText(s.place)
        self.project.setCurrentIndex(max(self.project.findData(s.project_id), 0))
        self.notes.setPlainText(s.notes)
        for a in training.list_attendance(self.st, self.actor, s.id):
            self._attendance[a.staff_id] = (True, "" if a.hours == s.hours else str(training.tidy(a.hours)), a.note)
        for m in training_materials.list_materials(self.st, self.actor, s.id):
            item = QListWidgetItem(m.file_name)
            item.setData(Qt.ItemDataRole.UserRole, ("stored", m.id))
            item.setToolTip(self.tr("%1 KB, added %2").replace("%1", f"{m.size_bytes / 1024:,.0f}")
                            .replace("%2", f"{m.added_at:%Y-%m-%d}"))
            self.material_list.addItem(item)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled in _fill_people
        return item

    def _remember(self) -> None:
        for r in range(self.table.rowCount()):
            name = self._cell(r, NAME)
            staff_id = int(name.data(Qt.ItemDataRole.UserRole))
            hours, note = self._cell(r, HOURS), self._cell(r, NOTE)
            self._attendance[staff_id] = (name.checkState() == Qt.CheckState.Checked,
                                          hours.text() if hours.text() != self._whole() else "", note.text())

    def _whole(self) -> str:
        return str(training.tidy(Decimal(f"{self.hours.value():.1f}")))

    def _listed(self, day: dt.date) -> list[staff.StaffInfo]:
        """People who could attend on ``day`` (pre-job training may come before the hire), and anyone ticked."""
        ahead = dt.timedelta(days=training.PREJOB_BEFORE_HIRE_DAYS)
        return [p for p in self.people.values()
                if self._attendance.get(p.id, (False, "", ""))[0]
                or (p.hire_date <= day + ahead and (p.leave_date is None or p.leave_date > day))]

    def _fill_people(self) -> None:
        if self.table.rowCount():
            self._remember()
        day = to_date(self.held_on.date())
        listed = self._listed(day)
        self.table.blockSignals(True)
        self.table.setRowCount(len(listed))
        for r, p in enumerate(listed):
            ticked, hours, note = self._attendance.get(p.id, (False, "", ""))
            name = QTableWidgetItem(p.name)
            name.setData(Qt.ItemDataRole.UserRole, p.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            name.setFlags(flags | (Qt.ItemFlag.ItemIsUserCheckable if self.editable else Qt.ItemFlag.NoItemFlags))
            name.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            post = QTableWidgetItem(p.post)
            post.setFlags(flags)
            editable = flags | (Qt.ItemFlag.ItemIsEditable if self.editable else Qt.ItemFlag.NoItemFlags)
            hours_item = QTableWidgetItem(hours or self._whole())
            hours_item.setFlags(editable)
            hours_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            note_item = QTableWidgetItem(note)
            note_item.setFlags(editable)
            for c, item in enumerate((name, post, hours_item, note_item)):
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._count()

    def _tick_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for r in range(self.table.rowCount()):
            self._cell(r, NAME).setCheckState(state)

    def _count(self) -> None:
        if not self.table.rowCount():
            self.count_label.setText(self.tr("Nobody on the roster was in post on that date."))
            return
        ticked = sum(self._cell(r, NAME).checkState() == Qt.CheckState.Checked
                     for r in range(self.table.rowCount()))
        self.count_label.setText(self.tr("%1 of %2 ticked").replace("%1", str(ticked))
                                 .replace("%2", str(self.table.rowCount())))
        self.tabs.setTabText(1, self.tr("Attendees (%1)").replace("%1", str(ticked)))

    # --- attendance and materials ----------------------------------------------------------------------

    def tick(self, staff_id: int, hours: str = "", note: str = "") -> None:
        """Tick a person (tests, and a future "repeat last session" button)."""
        for r in range(self.table.rowCount()):
            name = self._cell(r, NAME)
            if name.data(Qt.ItemDataRole.UserRole) == staff_id:
                name.setCheckState(Qt.CheckState.Checked)
                if hours:
                    self._cell(r, HOURS).setText(hours)
                if note:
                    self._cell(r, NOTE).setText(note)
                return
        raise KeyError(staff_id)

    def attendance(self) -> list[tuple[Attendee, Decimal | None, str, str]] | None:
        """(person, hours or None for the whole session, note, hours as typed) of everyone ticked; None
        with the reasons shown when an hours cell is not a number."""
        out, bad = [], []
        whole = Decimal(self._whole())
        for r in range(self.table.rowCount()):
            name = self._cell(r, NAME)
            if name.checkState() != Qt.CheckState.Checked:
                continue
            p = self.people[int(name.data(Qt.ItemDataRole.UserRole))]
            text = self._cell(r, HOURS).text().strip()
            try:
                hours = training.parse_hours(text) if text else whole
            except ValueError as err:
                bad.append(f"{p.name}：{err}")
                continue
            person = Attendee(p.id, p.name, p.post, p.hire_date, p.leave_date)
            out.append((person, None if hours == whole else hours, self._cell(r, NOTE).text(), text))
        if bad:
            self._attendee_problems(bad)
            return None
        return out

    def _attendee_problems(self, lines: list[str]) -> None:
        self.attendee_errors.setText("\n".join(lines))
        self.attendee_errors.show()
        self.tabs.setCurrentIndex(1)

    def add_file(self, path: Path | None = None) -> None:
        if path is None:
            path = dialogs.ask_open_path(self, self.tr("Add a training material"), self.tr("All files (*)"))
            if path is None:
                return
        item = QListWidgetItem(self.tr("%1 (added when you save)").replace("%1", path.name))
        item.setData(Qt.ItemDataRole.UserRole, ("new", str(path)))
        self.material_list.addItem(item)

    def open_material(self) -> None:
        item = self.material_list.currentItem()
        if item is None:
            return
        kind, ref = item.data(Qt.ItemDataRole.UserRole)
        try:
            path = training_materials.material_path(self.st, self.actor, int(ref), verify=True) if kind == "stored" \
                else Path(ref)
        except SgzError as err:
            dialogs.show_error(self, err, self.windowTitle())
            return
        if not open_file(path):
            dialogs.show_error(self, self.tr("No program on this PC opens %1.").replace("%1", path.name),
                               self.windowTitle())

    def remove_material(self) -> None:
        item = self.material_list.currentItem()
        if item is None:
            return
        kind, ref = item.data(Qt.ItemDataRole.UserRole)
        if kind == "new":
            self.material_list.takeItem(self.material_list.row(item))
            return
        removing = kind == "stored"
        item.setData(Qt.ItemDataRole.UserRole, ("removed" if removing else "stored", ref))
        font = QFont(item.font())
        font.setStrikeOut(removing)
        item.setFont(font)
        item.setForeground(Qt.GlobalColor.gray if removing else Qt.GlobalColor.black)
        item.setToolTip(self.tr("Removed when you save (choose Remove again to keep it)") if removing else "")

    def _material_changes(self) -> tuple[list[Path], list[int]]:
        added, removed = [], []
        for i in range(self.material_list.count()):
            kind, ref = self.material_list.item(i).data(Qt.ItemDataRole.UserRole)
            if kind == "new":
                added.append(Path(ref))
            elif kind == "removed":
                removed.append(int(ref))
        return added, removed

    # --- saving ---------------------------------------------------------------------------------------

    def values(self) -> SessionInput:
        return SessionInput(title=self.title.text(), training_type=self.kind.currentText(),
                            held_on=to_date(self.held_on.date()), hours=Decimal(f"{self.hours.value():.1f}"),
                            organiser=self.organiser.text(), trainer=self.trainer.text(), place=self.place.text(),
                            notes=self.notes.toPlainText(), project_id=self.project.currentData())

    def save(self) -> None:
        self.errors.clear()
        self.attendee_errors.hide()
        data = self.values()
        people = self.attendance()
        if people is None:
            return
        problems = training.session_problems(data, today=self.today)
        attendee_lines = []
        for person, hours, _note, _text in people:
            attendee_lines += [p.reason for p in training.attendance_problems(person, hours or data.hours, data)]
        if problems:
            self.errors.show(ValidationError(problems))
            self.tabs.setCurrentIndex(0)
            return
        if attendee_lines:
            self._attendee_problems(attendee_lines)
            return
        items = [AttendanceInput(person.id, hours, note) for person, hours, note, _text in people]
        try:
            self._write(data, items)
        except SgzError as err:
            self._show_write_error(err)
            return
        self.accept()

    def _write(self, data: SessionInput, items: list[AttendanceInput]) -> None:
        st, actor = self.st, self.actor
        if self.session_id is None:
            self.saved = training.add_session(st, actor, data)
            self.session_id = self.saved.id  # from here on a second Save corrects this session
        else:
            self.saved = training.update_session(st, actor, self.session_id, data)
        session_id = self.session_id
        training.set_attendance(st, actor, session_id, items)
        added, removed = self._material_changes()
        if added or removed:
            def work(progress: Progress) -> None:
                for material_id in removed:
                    training_materials.remove_material(st, actor, material_id)
                for n, path in enumerate(added, start=1):
                    progress.report(n - 1, len(added), path.name)
                    training_materials.add_material(st, actor, session_id, path)

            run_and_wait(self, self.tr("Copying training materials…"), work)
        self.saved = training.get_session(st, actor, session_id)

    def _show_write_error(self, err: SgzError) -> None:
        problems = err.problems if isinstance(err, ValidationError) else []
        attendee = [p for p in problems if p.field in (LABELS["attendee"], LABELS["attended"])]
        if attendee:
            self._attendee_problems([p.reason for p in attendee])
        rest = [p for p in problems if p not in attendee]
        if rest or not problems:
            self.errors.show(ValidationError(rest) if rest else err)
            if self.tabs.currentIndex() != 1:
                self.tabs.setCurrentIndex(0)

