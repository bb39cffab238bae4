"""The Activities tab (service activities, recording hours, sign-in sheets, the year summary) and the
Service hours tab (the deputy head approves, rejects or revokes; several rows at a time)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import volunteer_activities, volunteer_hours, volunteer_signin, volunteers
from ..core.errors import SgzError
from ..core.reports.volunteers import write_year_pdf, write_year_xlsx
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import TableQuery
from ..core.volunteer_activities import PENDING, STATUS_LABELS, ActivityInfo
from ..core.volunteer_hours import HoursInput
from ..core.volunteer_signin import SignInResult
from ..core.volunteer_tables import ActivitySource, RecordSource
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import action_button
from .staff_import import save_template
from .table_page import TablePage
from .volunteers_common import hidden, note, selected_ids
from .volunteers_dialogs import ServiceHoursDialog, VolunteerActivityDialog
from .volunteers_signin import SignInImport
from .worker import run_in_background

if TYPE_CHECKING:
    from .volunteers_page import VolunteersPage

YEARS_BACK = 6


def year_combo(parent: QWidget, this_year: int, everything: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(everything, None)
    for year in range(this_year, this_year - YEARS_BACK, -1):
        combo.addItem(str(year), year)
    return combo


class VolunteerActivitiesTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor, self.page = st, actor, page
        self.can_record = actor.can(Permission.RECORD_HOURS)
        self.dialog: VolunteerActivityDialog | ServiceHoursDialog | None = None
        self.sign_in: SignInImport | None = None
        titles = {"held_on": self.tr("Date"), "time": self.tr("Time"), "title": self.tr("Activity"),
                  "activity_type": self.tr("Type"), "place": self.tr("Place"), "community": self.tr("Community"),
                  "project": self.tr("Project"), "organiser": self.tr("Organiser"), "volunteers": self.tr("People"),
                  "hours": self.tr("Hours"), "pending": self.tr("Pending")}
        self.source = ActivitySource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_record:
            layout.addWidget(note(self, self.tr("Read only: your role cannot record service.")))
        self.table = TablePage(self.source, self.tr("Service activities"), self)
        self._filters()
        layout.addWidget(self.table, 1)
        self.table.row_activated.connect(lambda _row: self.open_activity())
        self.table.current_row_changed.connect(lambda values: self._selection_changed(values is not None))
        self._selection_changed(False)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        rec = self.can_record
        self.add_button = action_button(self.tr("New activity…"), self, self.add_activity, enabled=rec)
        self.open_button = action_button(self.tr("Open…"), self, self.open_activity)
        self.record_button = action_button(self.tr("Record hours…"), self, self.record_hours, enabled=rec)
        self.hours_button = action_button(self.tr("Its hours"), self, self.show_hours)
        self.sheet_button = action_button(self.tr("Sign-in sheet"), self)
        menu = QMenu(self.sheet_button)
        menu.addAction(self.tr("Download the sign-in sheet template…"), self.save_template)
        self.import_action = menu.addAction(self.tr("Import a sign-in sheet…"), lambda: self.import_sheet())
        self.import_action.setEnabled(rec)
        self.sheet_button.setMenu(menu)
        self.delete_button = action_button(self.tr("Delete…"), self, self.delete_activity)
        self.summary_button = action_button(self.tr("Year summary"), self)
        menu = QMenu(self.summary_button)
        menu.addAction(self.tr("Print the year summary…"), lambda: self.print_summary())
        menu.addAction(self.tr("Year summary to Excel…"), lambda: self.export_summary())
        self.summary_button.setMenu(menu)
        for button in (self.add_button, self.open_button, self.record_button, self.hours_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.sheet_button)
        row.addWidget(self.summary_button)
        return row

    def _filters(self) -> None:
        self.year_filter = year_combo(self, self.st.clock.now().year, self.tr("All years"))
        self.type_filter = QComboBox(self)
        self.type_filter.addItem(self.tr("All types"), "")
        for kind in volunteers.ACTIVITY_TYPES:
            self.type_filter.addItem(kind, kind)
        self.pending_only = QCheckBox(self.tr("With hours awaiting approval"), self)
        for widget in (self.year_filter, self.type_filter, self.pending_only):
            self.table.add_filter(widget)
        self.year_filter.currentIndexChanged.connect(self.apply_filters)
        self.type_filter.currentIndexChanged.connect(self.apply_filters)
        self.pending_only.toggled.connect(lambda _on: self.apply_filters())

    def apply_filters(self) -> None:
        self.table.set_filters({"year": self.year_filter.currentData(), "activity_type": self.type_filter.currentData(),
                                "pending": True if self.pending_only.isChecked() else None})

    def reload(self) -> None:
        self.table.refresh()

    def _selection_changed(self, chosen: bool) -> None:
        for button in (self.open_button, self.hours_button):
            button.setEnabled(chosen)
        self.record_button.setEnabled(self.can_record and chosen)
        self.delete_button.setEnabled(self.can_record and chosen)

    def selected(self) -> ActivityInfo | None:
        activity_id = hidden(self.table)
        if not isinstance(activity_id, int):
            dialogs.show_error(self, self.tr("Choose an activity in the list first."), self.tr("Activities"))
            return None
        try:
            return volunteer_activities.get_activity(self.st, self.actor, activity_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Activities"))
            return None

    def add_activity(self) -> VolunteerActivityDialog:
        dialog = VolunteerActivityDialog(self.st, self.actor, None, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def open_activity(self) -> VolunteerActivityDialog | None:
        activity = self.selected()
        if activity is None:
            return None
        dialog = VolunteerActivityDialog(self.st, self.actor, activity, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def record_hours(self) -> ServiceHoursDialog | None:
        activity = self.selected()
        if activity is None:
            return None
        dialog = ServiceHoursDialog(self.st, self.actor, activity, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def show_hours(self) -> None:
        activity = self.selected()
        if activity is not None:
            self.page.show_hours(activity.id, activity.title)

    def delete_activity(self) -> None:
        activity = self.selected()
        if activity is None or not dialogs.confirm(self, self.tr("Delete an activity"), self.tr(
                "Delete the activity %1? Only an activity without recorded hours can be deleted.")
                .replace("%1", activity.title)):
            return
        try:
            volunteer_activities.delete_activity(self.st, self.actor, activity.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Activities"))
            return
        self.reload()

    # --- sign-in sheets ------------------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        return save_template(self, self.tr("Sign-in sheet template"), "志愿服务签到表模板.xlsx",
                             lambda path: volunteer_signin.sign_in_template(self.st, path))

    def import_sheet(self, path: Path | None = None, into_selected: bool | None = None) -> SignInImport | None:
        """Into the selected activity, or with the activities named in the sheet's own columns."""
        activity_id = hidden(self.table)
        if isinstance(activity_id, int) and into_selected is None:
            title = str((self.table.current_values() or [None, None, ""])[2])
            into = self.tr("Into the selected activity: %1").replace("%1", title)
            own = self.tr("The activities named in the sheet (activity and date columns)")
            answer = dialogs.ask_choice(self, self.tr("Import a sign-in sheet"), self.tr("Record the sheet's hours"),
                                        [into, own])
            if answer is None:
                return None
            into_selected = answer == into
        self.sign_in = SignInImport(self, self.st, self.actor,
                                    activity_id if into_selected and isinstance(activity_id, int) else None,
                                    self._imported)
        self.sign_in.start(path)
        return self.sign_in

    def _imported(self, result: SignInResult) -> None:
        self.reload()
        dialogs.show_info(self, self.tr("Import a sign-in sheet"), self.tr(
            "%1 entries were recorded and wait for the deputy head's approval.").replace("%1", str(len(result.lines))))

    # --- year summary ----------------------------------------------------------------------------------------

    def _year(self) -> int:
        year = self.year_filter.currentData()
        return year if isinstance(year, int) else self.st.clock.now().year

    def print_summary(self) -> None:
        st, actor, year = self.st, self.actor, self._year()
        preview_report(self, self.tr("Volunteer service year summary"), f"志愿服务年度汇总-{year}.pdf",
                       lambda path: write_year_pdf(st, actor, year, path))

    def export_summary(self, path: Path | None = None) -> None:
        year = self._year()
        if path is None:
            path = dialogs.ask_save_path(self, self.tr("Year summary to Excel"), f"志愿服务年度汇总-{year}.xlsx",
                                         "Excel (*.xlsx)")
            if path is None:
                return
        st, actor, target = self.st, self.actor, path
        run_in_background(self, self.tr("Writing the year summary…"),
                          lambda _progress: write_year_xlsx(st, actor, year, target),
                          lambda out: dialogs.show_info(self, self.tr("Year summary to Excel"),
                                                        self.tr("Saved to %1.").replace("%1", str(out))))


class ServiceHoursTab(QWidget):
    """Hours waiting for approval first; the deputy head approves, rejects or revokes."""

    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor, self.page = st, actor, page
        self.can_approve = actor.can(Permission.APPROVE_HOURS)
        self.can_record = actor.can(Permission.RECORD_HOURS)
        titles = {"held_on": self.tr("Date"), "activity": self.tr("Activity"), "volunteer_no": self.tr("Volunteer no."),
                  "name": self.tr("Name"), "time": self.tr("Signed in–out"), "hours": self.tr("Hours"),
                  "status": self.tr("Status"), "recorded_by": self.tr("Recorded by"),
                  "recorded_at": self.tr("Recorded at"), "decided_by": self.tr("Approved by"),
                  "decided_at": self.tr("Decided at"), "decision_note": self.tr("Remark")}
        self.source = RecordSource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_approve:
            layout.addWidget(note(self, self.tr(
                "Hours are approved by the deputy head; your role can list them and correct pending ones.")))
        self.activity_bar = self._activity_bar()
        layout.addWidget(self.activity_bar)
        self.table = TablePage(self.source, self.tr("Service hours"), self,
                               query=TableQuery(filters={"status": PENDING}))
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._filters()
        layout.addWidget(self.table, 1)
        self.table.current_row_changed.connect(self._selection_changed)
        self._selection_changed(None)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        ok = self.can_approve
        self.approve_button = action_button(self.tr("Approve selected"), self, self.approve_selected, enabled=ok)
        self.approve_all_button = action_button(self.tr("Approve all pending listed…"), self, self.approve_listed,
                                                enabled=ok)
        self.reject_button = action_button(self.tr("Reject…"), self, lambda: self.reject_selected(), enabled=ok)
        self.revoke_button = action_button(self.tr("Revoke approved…"), self, lambda: self.revoke(), enabled=ok)
        self.correct_button = action_button(self.tr("Correct hours…"), self, lambda: self.correct(),
                                            enabled=self.can_record)
        self.delete_button = action_button(self.tr("Delete…"), self, self.delete, enabled=self.can_record)
        for button in (self.approve_button, self.approve_all_button, self.reject_button, self.revoke_button,
                       self.correct_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _activity_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("placeholderBox")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 10, 4)
        self.activity_label = QLabel(bar)
        row.addWidget(self.activity_label, 1)
        everything = QPushButton(self.tr("Show all activities"), bar)
        everything.clicked.connect(self.clear_activity)
        row.addWidget(everything)
        bar.hide()
        return bar

    def _filters(self) -> None:
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, code)
        self.status_filter.setCurrentIndex(self.status_filter.findData(PENDING))
        self.year_filter = year_combo(self, self.st.clock.now().year, self.tr("All years"))
        for combo in (self.status_filter, self.year_filter):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(self.apply_filters)

    def apply_filters(self) -> None:
        self.table.set_filters({"status": self.status_filter.currentData(), "year": self.year_filter.currentData()})

    def reload(self) -> None:
        self.table.refresh()

    def show_activity(self, activity_id: int, title: str) -> None:
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.status_filter.blockSignals(False)
        self.table.set_filters({"activity_id": activity_id, "status": None})
        self.activity_label.setText(self.tr("Only the hours of %1").replace("%1", title))
        self.activity_bar.show()

    def clear_activity(self) -> None:
        self.activity_bar.hide()
        self.table.set_filter("activity_id", None)

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        status = hidden(self.table, 1) if values is not None else None
        self.reject_button.setEnabled(self.can_approve and status == PENDING)
        self.revoke_button.setEnabled(self.can_approve and status == "approved")
        self.correct_button.setEnabled(self.can_record and status in (PENDING, "rejected"))
        self.delete_button.setEnabled(self.can_record and status in (PENDING, "rejected"))

    def _do(self, action: Callable[[], object]) -> object | None:
        try:
            result = action()
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Service hours"))
            return None
        self.reload()
        return result

    def _chosen(self) -> list[int]:
        ids = selected_ids(self.table)
        if not ids:
            dialogs.show_error(self, self.tr("Choose one or more rows first."), self.tr("Service hours"))
        return ids

    def approve_selected(self) -> None:
        ids = self._chosen()
        if ids:
            self._approve(ids)

    def approve_listed(self) -> None:
        query = self.table.model.query.with_filter("status", PENDING)
        ids = [row[len(self.source.columns)] for row in _all_rows(self.source, query)]
        wanted = [i for i in ids if isinstance(i, int)]
        if not wanted:
            dialogs.show_info(self, self.tr("Service hours"), self.tr("Nothing listed is waiting for approval."))
            return
        if dialogs.confirm(self, self.tr("Approve hours"), self.tr(
                "Approve all %1 pending entries listed? Each earns points at the rule of its service day.")
                .replace("%1", str(len(wanted)))):
            self._approve(wanted)

    def _approve(self, ids: list[int]) -> None:
        result = self._do(lambda: volunteer_hours.approve_records(self.st, self.actor, ids))
        if isinstance(result, volunteer_hours.ApprovalResult):
            text = self.tr("%1 entries approved, %2 hours, %3 points earned.").replace("%1", str(result.approved)) \
                .replace("%2", str(result.hours)).replace("%3", str(result.points))
            if result.without_points:
                text += "\n" + self.tr("%1 of them fall on days no points rule covers: no points.").replace(
                    "%1", str(result.without_points))
            dialogs.show_info(self, self.tr("Approve hours"), text)

    def reject_selected(self, reason: str | None = None) -> None:
        ids = self._chosen()
        if not ids:
            return
        if reason is None:
            reason = dialogs.ask_text(self, self.tr("Reject hours"), self.tr(
                "Why are these %1 entries rejected? The person who recorded them will see it.")
                .replace("%1", str(len(ids))))
            if reason is None:
                return
        text = reason
        self._do(lambda: volunteer_hours.reject_records(self.st, self.actor, ids, text))

    def revoke(self, reason: str | None = None) -> None:
        record_id = hidden(self.table)
        if not isinstance(record_id, int):
            return
        if reason is None:
            reason = dialogs.ask_text(self, self.tr("Revoke approved hours"), self.tr(
                "Why are these hours withdrawn? Their points are reversed, if not yet spent."))
            if reason is None:
                return
        text = reason
        self._do(lambda: volunteer_hours.revoke_record(self.st, self.actor, record_id, text))

    def correct(self, hours: str | None = None) -> None:
        record_id = hidden(self.table)
        values = self.table.current_values()
        if not isinstance(record_id, int) or values is None:
            return
        if hours is None:
            hours = dialogs.ask_text(self, self.tr("Correct hours"), self.tr("Hours of %1").replace(
                "%1", str(values[3])), str(values[5]))
            if hours is None:
                return
        try:
            amount = Decimal(hours.strip())
        except InvalidOperation:
            dialogs.show_error(self, self.tr("“%1” is not a number of hours.").replace("%1", hours),
                               self.tr("Correct hours"))
            return
        try:
            record = volunteer_hours.get_record(self.st, self.actor, record_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Correct hours"))
            return
        self._do(lambda: volunteer_hours.update_record(self.st, self.actor, record_id,
                                                       HoursInput(record.volunteer_id, amount, record.starts_at,
                                                                  record.ends_at, record.note)))

    def delete(self) -> None:
        record_id = hidden(self.table)
        values = self.table.current_values()
        if not isinstance(record_id, int) or values is None or not dialogs.confirm(
                self, self.tr("Delete hours"), self.tr("Delete the hours of %1 at %2 (entered by mistake)?")
                .replace("%1", str(values[3])).replace("%2", str(values[1]))):
            return
        self._do(lambda: volunteer_hours.delete_record(self.st, self.actor, record_id))


def _all_rows(source: RecordSource, query: TableQuery) -> list[Sequence[object]]:
    """Every row of the query with its hidden values (``tables.iter_rows`` keeps only the visible ones)."""
    total = source.count(query)
    return source.page(query, 0, total) if total else []
