"""The Staff page (Art. 12–14, 16, 30, 34): the roster, the annual assessments and the interns, as tabs.

The roster is a ``TablePage`` over the core's ``RosterSource`` (filtered, sorted and paged in SQL, one page
decrypted). Actions call the core; a role without EDIT_STAFF sees the buttons disabled and the core would
refuse anyway. The dashboard opens this page on the people a check names (``show_people``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
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

from ..core import profile, staff, staff_excel
from ..core.errors import SgzError
from ..core.reports.staff import write_roster_pdf
from ..core.roles import Actor, Permission
from ..core.staff import StaffInfo
from ..core.staff_tables import RosterSource
from ..core.station import Station
from ..core.tables import Column, TableQuery
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import action_button, date_edit, read_only_note, to_date
from .staff_import import ExcelImport, export_workbook, save_template
from .staff_person_dialog import LeaveDialog, PersonDialog
from .table_page import TablePage

IN_POST, LEFT, EVERYONE, IN_POST_ON = "in_post", "left", "all", "on"


class NamedPeople:
    """The roster narrowed to the people a dashboard card names. A station's roster is tens of people,
    so the other filters run in SQL and the names are picked here."""

    def __init__(self, inner: RosterSource) -> None:
        self.inner = inner

    @property
    def columns(self) -> Sequence[Column]:
        return self.inner.columns

    def _rows(self, query: TableQuery) -> list[Sequence[object]]:
        names = query.filters.get("names")
        if not isinstance(names, tuple):
            raise TypeError("the names filter is a tuple")
        rest = query.with_filter("names", None)
        wanted = set(names)
        return [r for r in self.inner.page(rest, 0, self.inner.count(rest)) if r[0] in wanted]

    def count(self, query: TableQuery) -> int:
        return len(self._rows(query)) if "names" in query.filters else self.inner.count(query)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        if "names" in query.filters:
            return self._rows(query)[offset:offset + limit]
        return self.inner.page(query, offset, limit)


class RosterTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_STAFF)
        self.person_dialog: PersonDialog | None = None
        self.excel_import: ExcelImport | None = None
        titles = {
            "name": self.tr("Name"), "gender": self.tr("Gender"), "post": self.tr("Post"),
            "employment": self.tr("Full/part time"), "cert_level": self.tr("Certificate"),
            "sw_background": self.tr("SW graduate"), "community": self.tr("Community"),
            "hire_date": self.tr("Hired on"), "leave_date": self.tr("Left on"),
            "contract_end": self.tr("Contract ends"),
            "monthly_pay_fen": self.tr("Monthly pay"), "social_insurance": self.tr("Social insurance"),
            "experience_years": self.tr("Years in SW"), "id_number": self.tr("ID number"), "phone": self.tr("Mobile"),
        }
        self.source = NamedPeople(RosterSource(st, actor, titles))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr(
                "Read only: your role can view the roster but not change it.")))
        self.people_bar = self._people_bar()
        layout.addWidget(self.people_bar)
        self.table = TablePage(self.source, self.tr("Staff roster"), self,
                               query=TableQuery(filters={"left": False}))
        self._filters()
        layout.addWidget(self.table, 1)
        self.table.row_activated.connect(lambda _row: self.edit_person())
        self.table.current_row_changed.connect(self._selection_changed)
        self._selection_changed(None)

    # --- layout ---------------------------------------------------------------------------------------

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        edit = self.can_edit
        self.add_button = action_button(self.tr("Add a person…"), self, self.add_person, enabled=edit)
        self.edit_button = action_button(self.tr("Open…"), self, self.edit_person)
        self.leave_button = action_button(self.tr("Leave…"), self, self.leave_person, enabled=edit)
        self.more_button = action_button(self.tr("More"), self, enabled=edit)
        more = QMenu(self.more_button)
        self.reinstate_action = more.addAction(self.tr("Undo the leave (entered by mistake)"), self.reinstate_person)
        self.delete_action = more.addAction(self.tr("Delete (only an entry made by mistake)…"), self.delete_person)
        self.more_button.setMenu(more)
        self.excel_button = action_button(self.tr("Excel"), self)
        menu = QMenu(self.excel_button)
        self.template_action = menu.addAction(self.tr("Download the import template…"), self.save_template)
        self.import_action = menu.addAction(self.tr("Import the roster from Excel…"), self.import_roster)
        self.export_full_action = menu.addAction(self.tr("Export the whole roster with ID numbers…"),
                                                 self.export_full)
        for action in (self.import_action, self.export_full_action):
            action.setEnabled(edit)
        self.excel_button.setMenu(menu)
        self.print_button = action_button(self.tr("Print the roster…"), self, self.print_roster)
        for button in (self.add_button, self.edit_button, self.leave_button, self.more_button):
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
        show_all = QPushButton(self.tr("Show everyone"), bar)
        show_all.clicked.connect(self.clear_people)
        row.addWidget(show_all)
        bar.hide()
        return bar

    def _filters(self) -> None:
        t = self.table
        self.post_filter = QComboBox(self)
        self.post_filter.addItem(self.tr("All posts"), "")
        for post in staff.POSTS:
            self.post_filter.addItem(post, post)
        self.cert_filter = QComboBox(self)
        self.cert_filter.addItem(self.tr("All certificates"), "")
        self.cert_filter.addItem(self.tr("No certificate"), staff.NO_CERT)
        for level in staff.CERT_LEVELS[1:]:
            self.cert_filter.addItem(level, level)
        self.community_filter = QComboBox(self)
        self.community_filter.addItem(self.tr("All communities"), None)
        for c in profile.list_communities(self.st, include_inactive=True):
            self.community_filter.addItem(c.name, c.id)
        self.status_filter = QComboBox(self)
        for label, key in ((self.tr("In post today"), IN_POST), (self.tr("Left"), LEFT),
                           (self.tr("Everyone"), EVERYONE), (self.tr("In post on…"), IN_POST_ON)):
            self.status_filter.addItem(label, key)
        self.on_date = date_edit(self.st.clock.now().date(), self)
        self.on_date.hide()
        for widget in (self.post_filter, self.cert_filter, self.community_filter, self.status_filter, self.on_date):
            t.add_filter(widget)
        for combo in (self.post_filter, self.cert_filter, self.community_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.on_date.dateChanged.connect(lambda _d: self.apply_filters())

    # --- filters --------------------------------------------------------------------------------------

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.on_date.setVisible(status == IN_POST_ON)
        self.table.set_filters({
            "post": self.post_filter.currentData(),
            "cert_level": self.cert_filter.currentData(),
            "community_id": self.community_filter.currentData(),
            "left": {IN_POST: False, LEFT: True}.get(status),
            "in_post_on": to_date(self.on_date.date()) if status == IN_POST_ON else None,
        })

    def show_people(self, names: Sequence[str], reason: str) -> None:
        """Only these people (everyone on the roster with those names, whatever the other filters)."""
        for combo in (self.post_filter, self.cert_filter, self.community_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(self.status_filter.findData(EVERYONE))
        self.status_filter.blockSignals(False)
        self.on_date.hide()
        self.table.filter_edit.clear()
        query = TableQuery(filters={"names": tuple(names)})
        self.table.model.set_query(query)
        self.people_label.setText(self.tr("%1 — %2 people: %3").replace("%1", reason)
                                  .replace("%2", str(len(names))).replace("%3", "、".join(names)))
        self.people_bar.show()

    def clear_people(self) -> None:
        self.people_bar.hide()
        self.table.set_filter("names", None)
        self.status_filter.setCurrentIndex(self.status_filter.findData(IN_POST))
        self.apply_filters()

    # --- the selected person ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        values = self.table.current_values()
        if values is None:
            return None
        staff_id = values[len(self.source.columns)]
        return staff_id if isinstance(staff_id, int) else None

    def selected(self) -> StaffInfo | None:
        staff_id = self.selected_id()
        if staff_id is None:
            dialogs.show_error(self, self.tr("Choose a person in the list first."), self.tr("Staff roster"))
            return None
        try:
            return staff.get_staff(self.st, self.actor, staff_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Staff roster"))
            return None

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        chosen = values is not None
        left = chosen and values is not None and values[8] is not None  # the leave date column
        self.edit_button.setEnabled(chosen)
        self.leave_button.setEnabled(self.can_edit and chosen and not left)
        self.reinstate_action.setEnabled(self.can_edit and bool(left))
        self.delete_action.setEnabled(self.can_edit and chosen)

    def select_person(self, staff_id: int) -> None:
        model = self.table.model
        model.fetch_all()
        width = len(self.source.columns)
        for row in range(model.rowCount()):
            if model.row_values(row)[width] == staff_id:
                self.table.view.selectRow(row)
                return

    # --- actions ----------------------------------------------------------------------------------------

    def _after_save(self, staff_id: int | None) -> None:
        self.table.refresh()
        if staff_id is not None:
            self.select_person(staff_id)

    def add_person(self, post: str | None = None) -> PersonDialog:
        dialog = PersonDialog(self.st, self.actor, None, self, post=post or None)
        self.person_dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(_staff_id(dialog.saved)))
        dialog.open()
        return dialog

    def edit_person(self) -> PersonDialog | None:
        person = self.selected()
        if person is None:
            return None
        dialog = PersonDialog(self.st, self.actor, person, self)
        self.person_dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(person.id))
        dialog.open()
        return dialog

    def leave_person(self) -> LeaveDialog | None:
        person = self.selected()
        if person is None:
            return None
        dialog = LeaveDialog(self.st, self.actor, person, self)
        dialog.accepted.connect(lambda: self._after_save(None))
        dialog.open()
        return dialog

    def reinstate_person(self) -> None:
        person = self.selected()
        if person is None or not dialogs.confirm(self, self.tr("Undo the leave"), self.tr(
                "Put %1 back in post and remove the leave date %2?").replace("%1", person.name)
                .replace("%2", str(person.leave_date))):
            return
        self._do(lambda: staff.reinstate(self.st, self.actor, person.id))

    def delete_person(self) -> None:
        person = self.selected()
        if person is None or not dialogs.confirm(self, self.tr("Delete an entry made by mistake"), self.tr(
                "Delete %1 from the roster? Only an entry made by mistake can be deleted: a person with training, "
                "assessments or an internship leaves instead.").replace("%1", person.name)):
            return
        self._do(lambda: staff.delete_staff(self.st, self.actor, person.id))

    def _do(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Staff roster"))
            return
        self.table.refresh()

    # --- Excel and print ----------------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        return save_template(self, self.tr("Roster import template"), "人员花名册导入模板.xlsx",
                             lambda path: staff_excel.roster_template(self.st, path))

    def import_roster(self, path: Path | None = None) -> ExcelImport:
        st, actor = self.st, self.actor
        self.excel_import = ExcelImport(
            self, self.tr("Import the roster"),
            lambda file, progress, dry: staff_excel.import_roster(st, actor, file, progress, dry_run=dry),
            lambda result: self.tr("%1 people will be added to the roster.").replace("%1", str(result.rows)),
            self._imported)
        self.excel_import.start(path)
        return self.excel_import

    def _imported(self, result: staff_excel.ImportResult) -> None:
        self.table.refresh()
        dialogs.show_info(self, self.tr("Import the roster"),
                          self.tr("%1 people were added to the roster.").replace("%1", str(result.added)))

    def export_full(self, path: Path | None = None) -> None:
        st, actor, title = self.st, self.actor, self.tr("Export the whole roster")
        export_workbook(self, title, self.tr("Exporting the roster…"),
                        f"人员花名册（完整）-{st.clock.now():%Y%m%d}.xlsx", path,
                        lambda target, progress: staff_excel.export_roster(st, actor, target, progress),
                        lambda count, target: self.tr(
                            "%1 people were exported to %2. The file holds full ID and phone numbers: keep it safe.")
                        .replace("%1", str(count)).replace("%2", str(target)))

    def print_roster(self) -> None:
        options = PrintRosterDialog(self.st, self.actor, self)
        if self.status_filter.currentData() == IN_POST_ON:
            options.on.setDate(self.on_date.date())
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        on, full = to_date(options.on.date()), options.full_phone.isChecked()
        st, actor = self.st, self.actor
        preview_report(self, self.tr("Staff roster"), f"人员花名册-{on:%Y%m%d}.pdf",
                       lambda path: write_roster_pdf(st, actor, path, on, full_phone=full))


def _staff_id(saved: object) -> int | None:
    if isinstance(saved, StaffInfo):
        return saved.id
    return getattr(saved, "staff_id", None)


class PrintRosterDialog(QDialog):
    """人员花名册 options: who is in post on which day, and whether phones print in full."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print the roster"))
        form = QFormLayout(self)
        self.on = date_edit(st.clock.now().date(), self)
        form.addRow(self.tr("Staff in post on"), self.on)
        self.full_phone = QCheckBox(self.tr("Print mobile numbers in full"), self)
        self.full_phone.setEnabled(actor.can(Permission.EDIT_STAFF))
        self.full_phone.setToolTip(self.tr("Otherwise the middle four digits are hidden, as on a notice board."))
        form.addRow("", self.full_phone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class StaffPage(QWidget):
    """人员: the roster, annual assessments and interns."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        from .staff_assessments import AssessmentsTab
        from .staff_interns import InternsTab

        super().__init__(parent)
        self.st, self.actor = st, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(self)
        self.roster = RosterTab(st, actor, self.tabs)
        self.assessments = AssessmentsTab(st, actor, self.tabs)
        self.interns = InternsTab(st, actor, self.tabs)
        self.tabs.addTab(self.roster, self.tr("Roster"))
        self.tabs.addTab(self.assessments, self.tr("Annual assessments"))
        self.tabs.addTab(self.interns, self.tr("Interns"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        reload = getattr(widget, "reload", None)
        if callable(reload):
            reload()  # another tab may have changed what it shows (a new intern, a leave)

    def show_people(self, names: Sequence[str], reason: str = "") -> None:
        """For the dashboard: the roster showing only ``names``."""
        self.tabs.setCurrentWidget(self.roster)
        self.roster.show_people(names, reason)

