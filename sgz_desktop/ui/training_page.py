"""The Training page (Art. 15–16): the log of sessions, hours per person, continuing education and
pre-job training, as tabs. Social workers may enter training (EDIT_TRAINING); the 站长 only reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QTabWidget, QVBoxLayout, QWidget

from ..core import training, training_excel
from ..core.errors import SgzError
from ..core.projects import list_projects
from ..core.roles import Actor, Permission
from ..core.staff_excel import ImportResult
from ..core.staff_tables import SessionSource
from ..core.station import Station
from ..core.tables import TableQuery
from ..core.training import SessionInfo
from . import dialogs
from .staff_forms import action_button, read_only_note
from .staff_import import ExcelImport, save_template
from .table_page import TablePage
from .training_progress import ContinuingEducationTab, HoursTab, PrejobTab, print_training_summary, year_combo
from .training_session_dialog import SessionDialog
from .worker import run_in_background


class SessionsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_TRAINING)
        self.dialog: SessionDialog | None = None
        self.excel_import: ExcelImport | None = None
        titles = {"held_on": self.tr("Date"), "title": self.tr("Title"), "training_type": self.tr("Type"),
                  "hours": self.tr("Hours"), "organiser": self.tr("Organiser"), "trainer": self.tr("Trainer"),
                  "place": self.tr("Place"), "attendees": self.tr("Attendees"), "materials": self.tr("Materials"),
                  "project": self.tr("Project")}
        self.source = SessionSource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot change the training log.")))
        self.year = year_combo(st, self, everything=self.tr("All years"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All types"), "")
        for kind in training.TRAINING_TYPES:
            self.kind.addItem(kind, kind)
        self.project = QComboBox(self)
        self.project.addItem(self.tr("All projects"), None)
        for p in list_projects(st, actor):
            self.project.addItem(p.label, p.id)
        self.table = TablePage(self.source, self.tr("Training sessions"), self,
                               query=TableQuery(sort_key="held_on", descending=True))
        self.table.add_filter(self.year)
        self.table.add_filter(self.kind)
        self.table.add_filter(self.project)
        self.year.currentIndexChanged.connect(lambda _i: self.table.set_filter("year", self.year.currentData()))
        self.kind.currentIndexChanged.connect(lambda _i: self.table.set_filter("training_type",
                                                                                self.kind.currentData()))
        self.project.currentIndexChanged.connect(lambda _i: self.table.set_filter("project_id",
                                                                                   self.project.currentData()))
        self.table.row_activated.connect(lambda _row: self.open_session())
        self.table.current_row_changed.connect(lambda values: self._selection_changed(values is not None))
        layout.addWidget(self.table, 1)
        self._selection_changed(False)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("New session…"), self, self.add_session, enabled=self.can_edit)
        self.open_button = action_button(self.tr("Open…"), self, self.open_session)
        self.delete_button = action_button(self.tr("Delete…"), self, self.delete_session, enabled=self.can_edit)
        self.excel_button = action_button(self.tr("Excel"), self)
        menu = QMenu(self.excel_button)
        self.template_action = menu.addAction(self.tr("Download the sign-in template…"), self.save_template)
        self.import_action = menu.addAction(self.tr("Import attendance from Excel…"), self.import_attendance)
        self.import_action.setEnabled(self.can_edit)
        self.export_action = menu.addAction(self.tr("Export attendance lines…"), self.export_attendance)
        self.excel_button.setMenu(menu)
        self.print_button = action_button(self.tr("Print the training summary…"), self, self.print_summary)
        for button in (self.add_button, self.open_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.excel_button)
        row.addWidget(self.print_button)
        return row

    def _selection_changed(self, chosen: bool) -> None:
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(self.can_edit and chosen)

    def selected(self) -> SessionInfo | None:
        values = self.table.current_values()
        if values is None:
            dialogs.show_error(self, self.tr("Choose a session in the list first."), self.tr("Training sessions"))
            return None
        session_id = values[len(self.source.columns)]
        try:
            return training.get_session(self.st, self.actor, int(session_id))  # type: ignore[call-overload]
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Training sessions"))
            return None

    def add_session(self) -> SessionDialog:
        return self._open(SessionDialog(self.st, self.actor, None, self))

    def open_session(self) -> SessionDialog | None:
        session = self.selected()
        return None if session is None else self._open(SessionDialog(self.st, self.actor, session, self))

    def _open(self, dialog: SessionDialog) -> SessionDialog:
        self.dialog = dialog
        dialog.accepted.connect(self.table.refresh)
        dialog.open()
        return dialog

    def delete_session(self) -> None:
        session = self.selected()
        if session is None or not dialogs.confirm(self, self.tr("Delete a session"), self.tr(
                "Delete “%1” of %2 with its %3 attendance lines and %4 materials? Only do this for a session entered "
                "by mistake.").replace("%1", session.title).replace("%2", str(session.held_on))
                .replace("%3", str(session.attendees)).replace("%4", str(session.materials))):
            return
        try:
            training.delete_session(self.st, self.actor, session.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Training sessions"))
        self.table.refresh()

    # --- Excel and print ----------------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        return save_template(self, self.tr("Sign-in template"), "培训签到导入模板.xlsx",
                             training_excel.attendance_template)

    def import_attendance(self, path: Path | None = None) -> ExcelImport:
        st, actor = self.st, self.actor
        self.excel_import = ExcelImport(
            self, self.tr("Import training attendance"),
            lambda file, progress, dry: training_excel.import_attendance(st, actor, file, progress, dry_run=dry),
            lambda result: self.tr("%1 attendance lines will be added.").replace("%1", str(result.rows)),
            self._imported)
        self.excel_import.start(path)
        return self.excel_import

    def _imported(self, result: ImportResult) -> None:
        self.table.refresh()
        dialogs.show_info(self, self.tr("Import training attendance"), self.tr(
            "%1 attendance lines were added, with %2 new sessions.").replace("%1", str(result.added))
            .replace("%2", str(result.sessions_added)))

    def export_attendance(self, path: Path | None = None) -> None:
        year = self.year.currentData()
        if path is None:
            suffix = str(year) if year else "全部"
            path = dialogs.ask_save_path(self, self.tr("Export attendance lines"), f"培训签到明细-{suffix}.xlsx",
                                         "Excel (*.xlsx)")
            if path is None:
                return
        st, actor, target = self.st, self.actor, path

        def done(count: int) -> None:
            dialogs.show_info(self, self.tr("Export attendance lines"), self.tr("%1 lines were exported to %2.")
                              .replace("%1", str(count)).replace("%2", str(target)))

        run_in_background(self, self.tr("Exporting attendance…"),
                          lambda progress: training_excel.export_attendance(st, actor, target, year, progress), done)

    def print_summary(self) -> None:
        year = self.year.currentData()
        if year is None:
            years = [str(y) for y in range(self.st.clock.now().year, self.st.clock.now().year - 10, -1)]
            chosen = dialogs.ask_choice(self, self.tr("Print the training summary"), self.tr("Which year?"), years)
            if chosen is None:
                return
            year = int(chosen)
        print_training_summary(self, self.st, self.actor, int(year))


class TrainingPage(QWidget):
    """培训: sessions, hours per person, continuing education, pre-job training."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(self)
        self.sessions = SessionsTab(st, actor, self.tabs)
        self.hours = HoursTab(st, actor, self.tabs)
        self.continuing = ContinuingEducationTab(st, actor, self.tabs)
        self.prejob = PrejobTab(st, actor, self.tabs)
        self.tabs.addTab(self.sessions, self.tr("Sessions"))
        self.tabs.addTab(self.hours, self.tr("Hours per person"))
        self.tabs.addTab(self.continuing, self.tr("Continuing education"))
        self.tabs.addTab(self.prejob, self.tr("Pre-job training"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, HoursTab | ContinuingEducationTab | PrejobTab):
            widget.reload()  # the log may have changed since the tab was last shown
