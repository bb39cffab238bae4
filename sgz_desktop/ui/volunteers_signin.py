"""Importing a sign-in sheet: choose the file, check every row on the worker (a dry run), then either list
each bad row, column and reason, or preview exactly what would be recorded and ask before writing it all
in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..core import volunteer_signin
from ..core.errors import ValidationError
from ..core.roles import Actor
from ..core.station import Station
from ..core.volunteer_signin import SignInResult
from . import dialogs
from .staff_forms import fill_table, list_table
from .staff_import import XLSX_FILTER, ImportProblemsDialog, show_problems
from .volunteers_common import hours_text
from .worker import Task, run_in_background

translate = QCoreApplication.translate  # a plain name lupdate still recognises


class SignInPreviewDialog(QDialog):
    """The dry run's lines: row, date, activity, volunteer, hours; Import writes them all."""

    def __init__(self, result: SignInResult, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign-in sheet — what will be recorded"))
        layout = QVBoxLayout(self)
        text = (self.tr("Every row of %1 was checked and is correct. %2 entries, %3 volunteers, %4 hours in all; "
                        "they will wait for the deputy head's approval.")
                .replace("%1", file_name).replace("%2", str(len(result.lines)))
                .replace("%3", str(result.volunteers)).replace("%4", hours_text(result.hours)))
        if result.new_activities:
            text += "\n" + self.tr("New activities: %1").replace("%1", "；".join(result.new_activities))
        if result.ignored_columns:
            text += "\n" + self.tr("Columns not used: %1").replace("%1", "、".join(result.ignored_columns))
        self.summary = QLabel(text, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = list_table(self)
        fill_table(self.table, [self.tr("Row"), self.tr("Date"), self.tr("Activity"), self.tr("Volunteer no."),
                                self.tr("Name"), self.tr("Signed in–out"), self.tr("Hours")],
                   [(line.row, line.held_on, line.activity_title + (self.tr(" (new)") if line.new_activity else ""),
                     line.volunteer_no, line.volunteer_name,
                     f"{line.starts_at:%H:%M}–{line.ends_at:%H:%M}" if line.starts_at and line.ends_at else "",
                     hours_text(line.hours)) for line in result.lines], align_right=(0, 6))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record them"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)


class SignInImport:
    """One import from choosing the file to the refreshed lists; ``state`` says where it ended (for tests):
    "problems", "previewed", "declined", "imported", "failed" or "" while running."""

    def __init__(self, parent: QWidget, st: Station, actor: Actor, activity_id: int | None,
                 on_imported: Callable[[SignInResult], None]) -> None:
        self.parent, self.st, self.actor, self.activity_id = parent, st, actor, activity_id
        self.on_imported = on_imported
        self.path: Path | None = None
        self.state = ""
        self.task: Task[Any] | None = None
        self.preview: SignInPreviewDialog | None = None
        self.problems: ImportProblemsDialog | None = None
        self.title = translate("SignInImport", "Import a sign-in sheet")

    def _run(self, dry_run: bool) -> Task[Any]:
        st, actor, path, activity = self.st, self.actor, self.path, self.activity_id
        assert path is not None
        text = (translate("SignInImport", "Checking %1…") if dry_run
                else translate("SignInImport", "Recording %1…")).replace("%1", path.name)
        return run_in_background(self.parent, text, lambda progress: volunteer_signin.import_sign_in(
            st, actor, path, activity_id=activity, dry_run=dry_run, progress=progress),
            self._checked if dry_run else self._imported, self._failed)

    def start(self, path: Path | None = None) -> bool:
        if path is None:
            path = dialogs.ask_open_path(self.parent, self.title, XLSX_FILTER)
            if path is None:
                return False
        self.path = path
        self.task = self._run(dry_run=True)
        return True

    def _failed(self, error: BaseException) -> None:
        assert self.path is not None
        if isinstance(error, ValidationError) and any(p.row is not None for p in error.problems):
            self.state = "problems"
            self.problems = show_problems(self.parent, error, self.path.name)
            return
        self.state = "failed"
        dialogs.show_error(self.parent, error, self.title)

    def _checked(self, result: SignInResult) -> None:
        assert self.path is not None
        self.state = "previewed"
        self.preview = SignInPreviewDialog(result, self.path.name, self.parent)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.accepted.connect(self.confirm)
        self.preview.rejected.connect(self._declined)
        self.preview.open()

    def _declined(self) -> None:
        self.state = "declined"

    def confirm(self) -> None:
        self.task = self._run(dry_run=False)

    def _imported(self, result: SignInResult) -> None:
        self.state = "imported"
        self.on_imported(result)
