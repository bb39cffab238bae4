"""The Volunteers page (Art. 17, 21, 22): the registry, activities, hours awaiting approval, the points
ledger, redemptions, stars, certificates and points rules, as tabs.

Every list is a ``TablePage`` over a core source (filtered, sorted and paged in SQL). Buttons a role may
not use are disabled, and the core refuses anyway. The dashboard opens this page on the volunteers a
card names (``show_people``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import profile, volunteer_excel, volunteers
from ..core.errors import SgzError
from ..core.reports.volunteers import write_registry_pdf
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import TableQuery
from ..core.volunteer_stars import STAR_NAMES
from ..core.volunteer_tables import RegistrySource
from ..core.volunteers import VolunteerInfo
from . import dialogs, volunteers_audit  # noqa: F401 - the audit log names this area's tables
from .pdf_preview import preview_report
from .staff_forms import action_button, date_edit, to_date
from .staff_import import ExcelImport, export_workbook, save_template
from .table_page import TablePage
from .volunteers_common import hidden, note
from .volunteers_dialogs import VolunteerDialog


class WithdrawDialog(QDialog):
    """One date, e.g. the day a volunteer withdrew."""

    def __init__(self, title: str, label: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.day = date_edit(day, self)
        form.addRow(label, self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RegistryTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor, self.page = st, actor, page
        self.can_edit = actor.can(Permission.EDIT_VOLUNTEERS)
        self.dialog: VolunteerDialog | None = None
        self.excel_import: ExcelImport | None = None
        titles = {
            "volunteer_no": self.tr("Volunteer no."), "name": self.tr("Name"), "gender": self.tr("Gender"),
            "community": self.tr("Community"), "skills": self.tr("Skills"), "registered_on": self.tr("Registered"),
            "status": self.tr("Status"), "hours": self.tr("Approved hours"), "star": self.tr("Stars"),
            "balance": self.tr("Points"), "phone": self.tr("Mobile"), "id_number": self.tr("ID number"),
        }
        self.source = RegistrySource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(note(self, self.tr(
                "Read only: your role can view the registry but not change it.")))
        self.people_bar = self._people_bar()
        layout.addWidget(self.people_bar)
        self.table = TablePage(self.source, self.tr("Volunteer registry"), self,
                               query=TableQuery(filters={"status": volunteers.ACTIVE}))
        self._filters()
        layout.addWidget(self.table, 1)
        self.table.row_activated.connect(lambda _row: self.open_volunteer())
        self.table.current_row_changed.connect(self._selection_changed)
        self._selection_changed(None)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        edit = self.can_edit
        self.add_button = action_button(self.tr("Register a volunteer…"), self, self.add_volunteer, enabled=edit)
        self.open_button = action_button(self.tr("Open…"), self, self.open_volunteer)
        self.points_button = action_button(self.tr("Points"), self, self.show_points)
        self.certificate_button = action_button(self.tr("Service certificate…"), self, self.issue_certificate)
        self.status_button = action_button(self.tr("Status"), self, enabled=edit)
        menu = QMenu(self.status_button)
        self.pause_action = menu.addAction(self.tr("Pause"), lambda: self.set_status(volunteers.PAUSED))
        self.withdraw_action = menu.addAction(self.tr("Withdraw…"), lambda: self.withdraw())
        self.reinstate_action = menu.addAction(self.tr("Back to active"), lambda: self.set_status(volunteers.ACTIVE))
        menu.addSeparator()
        self.delete_action = menu.addAction(self.tr("Delete (only an entry made by mistake)…"), self.delete_volunteer)
        self.status_button.setMenu(menu)
        self.excel_button = action_button(self.tr("Excel"), self)
        menu = QMenu(self.excel_button)
        menu.addAction(self.tr("Download the import template…"), self.save_template)
        self.import_action = menu.addAction(self.tr("Import volunteers from Excel…"), lambda: self.import_registry())
        self.export_action = menu.addAction(self.tr("Export the registry with ID numbers…"),
                                            lambda: self.export_full())
        self.import_action.setEnabled(edit)
        self.export_action.setEnabled(edit)
        self.excel_button.setMenu(menu)
        self.print_button = action_button(self.tr("Print the registry…"), self, self.print_registry)
        for button in (self.add_button, self.open_button, self.points_button, self.certificate_button,
                       self.status_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.excel_button)
        row.addWidget(self.print_button)
        return row

    def _people_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("placeholderBox")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 10, 4)
        self.people_label = QLabel(bar)
        self.people_label.setWordWrap(True)
        row.addWidget(self.people_label, 1)
        everyone = QPushButton(self.tr("Show everyone"), bar)
        everyone.clicked.connect(self.clear_people)
        row.addWidget(everyone)
        bar.hide()
        return bar

    def _filters(self) -> None:
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in volunteers.STATUSES:
            self.status_filter.addItem(status, status)
        self.status_filter.setCurrentIndex(self.status_filter.findData(volunteers.ACTIVE))
        self.community_filter = QComboBox(self)
        self.community_filter.addItem(self.tr("All communities"), None)
        for c in profile.list_communities(self.st, include_inactive=True):
            self.community_filter.addItem(c.name, c.id)
        self.star_filter = QComboBox(self)
        self.star_filter.addItem(self.tr("All stars"), None)
        for level, name in enumerate(STAR_NAMES):
            self.star_filter.addItem(name, level)
        for combo in (self.status_filter, self.community_filter, self.star_filter):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(self.apply_filters)

    def apply_filters(self) -> None:
        self.table.set_filters({"status": self.status_filter.currentData(),
                                "community_id": self.community_filter.currentData(),
                                "star": self.star_filter.currentData()})

    def show_people(self, names: Sequence[str], reason: str) -> None:
        """Only the volunteers a dashboard card names ("张三（ZY000001）" or plain names)."""
        plain = tuple(dict.fromkeys(n.split("（")[0] for n in names))
        for combo in (self.status_filter, self.community_filter, self.star_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.table.filter_edit.clear()
        self.table.model.set_query(TableQuery(filters={"names": plain}))
        self.people_label.setText(self.tr("%1 — %2 volunteers: %3").replace("%1", reason)
                                  .replace("%2", str(len(plain))).replace("%3", "、".join(plain)))
        self.people_bar.show()

    def clear_people(self) -> None:
        self.people_bar.hide()
        self.table.set_filter("names", None)
        self.status_filter.setCurrentIndex(self.status_filter.findData(volunteers.ACTIVE))
        self.apply_filters()

    # --- the selected volunteer ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        value = hidden(self.table)
        return value if isinstance(value, int) else None

    def selected(self) -> VolunteerInfo | None:
        volunteer_id = self.selected_id()
        if volunteer_id is None:
            dialogs.show_error(self, self.tr("Choose a volunteer in the list first."), self.tr("Volunteers"))
            return None
        try:
            return volunteers.get_volunteer(self.st, self.actor, volunteer_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Volunteers"))
            return None

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        chosen = values is not None
        status = values[6] if values is not None else None
        for button in (self.open_button, self.points_button, self.certificate_button):
            button.setEnabled(chosen)
        self.pause_action.setEnabled(self.can_edit and status == volunteers.ACTIVE)
        self.withdraw_action.setEnabled(self.can_edit and chosen and status != volunteers.WITHDRAWN)
        self.reinstate_action.setEnabled(self.can_edit and chosen and status != volunteers.ACTIVE)
        self.delete_action.setEnabled(self.can_edit and chosen)

    def select(self, volunteer_id: int) -> None:
        model = self.table.model
        width = len(model.columns)
        while True:
            for row in range(model.rowCount()):
                if model.row_values(row)[width] == volunteer_id:
                    self.table.view.selectRow(row)
                    return
            if not model.canFetchMore():
                return
            model.fetchMore()

    # --- actions ------------------------------------------------------------------------------------------

    def _after_save(self, volunteer_id: int | None) -> None:
        self.table.refresh()
        if volunteer_id is not None:
            self.select(volunteer_id)

    def add_volunteer(self) -> VolunteerDialog:
        dialog = VolunteerDialog(self.st, self.actor, None, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(dialog.saved.id if dialog.saved else None))
        dialog.open()
        return dialog

    def open_volunteer(self) -> VolunteerDialog | None:
        person = self.selected()
        if person is None:
            return None
        dialog = VolunteerDialog(self.st, self.actor, person, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(person.id))
        dialog.open()
        return dialog

    def _do(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Volunteers"))
            return False
        self.table.refresh()
        return True

    def set_status(self, status: str) -> None:
        person = self.selected()
        if person is not None:
            self._do(lambda: volunteers.set_status(self.st, self.actor, person.id, status))

    def withdraw(self, on: dt.date | None = None) -> None:
        person = self.selected()
        if person is None:
            return
        if on is None:
            ask = WithdrawDialog(self.tr("Withdraw"), self.tr("%1 withdrew on").replace("%1", person.label),
                             self.st.clock.now().date(), self)
            if ask.exec() != QDialog.DialogCode.Accepted:
                return
            on = to_date(ask.day.date())
        day = on
        self._do(lambda: volunteers.set_status(self.st, self.actor, person.id, volunteers.WITHDRAWN, day))

    def delete_volunteer(self) -> None:
        person = self.selected()
        if person is None or not dialogs.confirm(self, self.tr("Delete an entry made by mistake"), self.tr(
                "Delete %1 from the registry? Only an entry made by mistake can be deleted: a volunteer with "
                "hours, points or certificates withdraws instead.").replace("%1", person.label)):
            return
        self._do(lambda: volunteers.delete_volunteer(self.st, self.actor, person.id))

    def show_points(self) -> None:
        person = self.selected()
        if person is not None:
            self.page.show_points(person.id, person.label)

    def issue_certificate(self) -> None:
        person = self.selected()
        if person is not None:
            self.page.issue_certificate(person.id)

    # --- Excel and print ----------------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        return save_template(self, self.tr("Volunteer import template"), "志愿者名册导入模板.xlsx",
                             lambda path: volunteer_excel.registry_template(self.st, path))

    def import_registry(self, path: Path | None = None) -> ExcelImport:
        st, actor = self.st, self.actor
        self.excel_import = ExcelImport(
            self, self.tr("Import volunteers"),
            lambda file, progress, dry: volunteer_excel.import_registry(st, actor, file, progress, dry_run=dry),
            lambda result: self.tr("%1 volunteers will be registered.").replace("%1", str(result.rows)),
            self._imported)
        self.excel_import.start(path)
        return self.excel_import

    def _imported(self, result: volunteer_excel.ImportResult) -> None:
        self.table.refresh()
        dialogs.show_info(self, self.tr("Import volunteers"),
                          self.tr("%1 volunteers were registered.").replace("%1", str(result.added)))

    def export_full(self, path: Path | None = None) -> None:
        st, actor, title = self.st, self.actor, self.tr("Export the registry")

        def message(count: int, target: Path) -> str:
            return self.tr("%1 volunteers were exported to %2. The file holds full ID and phone numbers: keep it safe."
                           ).replace("%1", str(count)).replace("%2", str(target))

        export_workbook(self, title, self.tr("Exporting the registry…"),
                        f"志愿者名册（完整）-{st.clock.now():%Y%m%d}.xlsx", path,
                        lambda target, progress: volunteer_excel.export_registry(st, actor, target, progress),
                        message)

    def print_registry(self) -> None:
        st, actor = self.st, self.actor
        preview_report(self, self.tr("Volunteer registry"), f"志愿者名册-{st.clock.now():%Y%m%d}.pdf",
                       lambda path: write_registry_pdf(st, actor, path))


class VolunteersPage(QWidget):
    """志愿者: registry, activities, hours, points, rewards, stars, certificates and rules."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        from .volunteers_activities import ServiceHoursTab, VolunteerActivitiesTab
        from .volunteers_certificates import CertificatesTab, StarsTab
        from .volunteers_points import PointsLedgerTab, PointsRulesTab
        from .volunteers_rewards import RewardsTab

        super().__init__(parent)
        self.st, self.actor = st, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(self)
        self.registry = RegistryTab(st, actor, self)
        self.activities = VolunteerActivitiesTab(st, actor, self)
        self.hours = ServiceHoursTab(st, actor, self)
        self.ledger = PointsLedgerTab(st, actor, self)
        self.rewards = RewardsTab(st, actor, self)
        self.stars = StarsTab(st, actor, self)
        self.certificates = CertificatesTab(st, actor, self)
        self.rules = PointsRulesTab(st, actor, self)
        for tab, title in ((self.registry, self.tr("Registry")), (self.activities, self.tr("Activities")),
                           (self.hours, self.tr("Service hours")), (self.ledger, self.tr("Points ledger")),
                           (self.rewards, self.tr("Rewards")), (self.stars, self.tr("Stars")),
                           (self.certificates, self.tr("Certificates")), (self.rules, self.tr("Points rules"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        reload = getattr(widget, "reload", None)
        if callable(reload):
            reload()  # another tab may have changed what it shows (approvals earn points, redemptions spend)

    def show_people(self, names: Sequence[str], reason: str = "") -> None:
        """For the dashboard: the registry showing only ``names``."""
        self.tabs.setCurrentWidget(self.registry)
        self.registry.show_people(names, reason)

    def show_points(self, volunteer_id: int, label: str) -> None:
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.show_volunteer(volunteer_id, label)

    def show_hours(self, activity_id: int, title: str) -> None:
        self.tabs.setCurrentWidget(self.hours)
        self.hours.show_activity(activity_id, title)

    def issue_certificate(self, volunteer_id: int) -> None:
        self.tabs.setCurrentWidget(self.certificates)
        self.certificates.issue(volunteer_id)
