"""The archive officer's export wizard: choose the year or a service project's cycle (项目周期) and see what
blocks it, choose the folder (a USB drive), export with progress and cancel, then the hash and the
registration form to print.

Every step calls the core (``precheck`` / ``precheck_project``, ``export_year`` / ``export_project``); the
export runs on the shared worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core.errors import SgzError
from ..core.package.collect import PreCheck, archive_years, precheck, precheck_project, project_choices
from ..core.package.export import (
    OVERRIDABLE,
    ExportResult,
    export_project,
    export_year,
    free_bytes,
    needed_bytes,
)
from ..core.package.history import earlier_exports
from ..core.package.layout import RETENTION_LABELS
from ..core.progress import Cancelled, Progress
from ..core.roles import Actor
from ..core.settings import METADATA_XML, get
from ..core.sizes import human_size
from ..core.station import Station
from . import dialogs
from .busy import run_and_wait


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hintLabel")
    label.setWordWrap(True)
    return label


class YearPage(QWizardPage):
    """Step 1: the year or the project's cycle, its counts per 门类 and 保管期限, and what must be settled
    first."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Scope and pre-check"))
        self.setSubTitle(self.tr("A year's package holds the year's finalised archive items; a project's package "
                                 "holds the project's items dated within its cycle. Both carry the catalogue, the "
                                 "handover list and the registers."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.by_year = QRadioButton(self.tr("Archival year:"))
        self.by_year.setChecked(True)
        row.addWidget(self.by_year)
        self.year = QComboBox()
        today = wizard.st.clock.now().date()
        years = sorted(set(archive_years(wizard.st)) | {today.year - 1}, reverse=True)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(years.index(today.year - 1))
        self.year.currentIndexChanged.connect(self.refresh)
        row.addWidget(self.year)
        row.addSpacing(24)
        self.by_project = QRadioButton(self.tr("Project cycle:"))
        row.addWidget(self.by_project)
        self.project = QComboBox()
        self.project.setMinimumContentsLength(28)
        for c in project_choices(wizard.st, wizard.actor):
            end = c.end_date.isoformat() if c.end_date else self.tr("open")
            self.project.addItem(f"{c.label}（{c.start_date.isoformat()} – {end}）", c.id)
        self.project.currentIndexChanged.connect(self._project_changed)
        self.by_project.setEnabled(self.project.count() > 0)
        self.project.setEnabled(False)
        row.addWidget(self.project, 1)
        layout.addLayout(row)
        self.by_year.toggled.connect(self._scope_toggled)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.groups = QTableWidget(0, 6)
        self.groups.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Retention"), self.tr("Items"),
                                               self.tr("Files"), self.tr("Pages"), self.tr("Size")])
        self.groups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups.verticalHeader().setVisible(False)
        self.groups.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.groups)
        self.blocked_label = QLabel(self.tr("To settle before the export:"))
        layout.addWidget(self.blocked_label)
        self.blockers = QListWidget()
        # A blocker's detail may run to two lines (what is wrong and what to do): wrapped, never cut off.
        self.blockers.setWordWrap(True)
        self.blockers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.blockers)
        self.override = QCheckBox(self.tr("Export anyway (the archivist's decision, recorded in the audit log)"))
        self.override.toggled.connect(self._override_toggled)
        layout.addWidget(self.override)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for exporting anyway"))
        self.reason.textChanged.connect(self.completeChanged)
        layout.addWidget(self.reason)
        self.check: PreCheck | None = None

    def initializePage(self) -> None:
        self.refresh()

    @property
    def selected_year(self) -> int:
        return int(self.year.currentData())

    @property
    def selected_project(self) -> int | None:
        """The project's number when the project's cycle is chosen, else None (the year)."""
        return int(self.project.currentData()) if self.by_project.isChecked() and self.project.count() else None

    def _scope_toggled(self, by_year: bool) -> None:
        self.year.setEnabled(by_year)
        self.project.setEnabled(not by_year)
        self.refresh()

    def _project_changed(self) -> None:
        if self.by_project.isChecked():
            self.refresh()

    def refresh(self) -> None:
        project = self.selected_project
        try:
            self.check = (precheck(self.wiz.st, self.wiz.actor, self.selected_year) if project is None
                          else precheck_project(self.wiz.st, self.wiz.actor, project))
        except SgzError as err:
            self.check = None
            self.summary.setText(str(err))
            self.completeChanged.emit()
            return
        c = self.check
        text = self.tr("%1 items, %2 files, %3 pages, %4.").replace("%1", f"{c.items:,}") \
            .replace("%2", f"{c.files:,}").replace("%3", f"{c.pages:,}").replace("%4", human_size(c.bytes))
        if c.scope.is_project:
            text = self.tr("Project cycle %1 to %2: ").replace("%1", c.scope.first.isoformat()) \
                .replace("%2", c.scope.last.isoformat()) + text
            if c.scope.open_ended:
                text += " " + self.tr("The project has no end date: its cycle runs to today.")
        earlier = earlier_exports(self.wiz.st, self.wiz.actor, c.scope)
        if earlier:
            text += "\n" + self.tr("Already exported on %1 by %2 (%3, %4 items). Exporting again writes a new "
                                   "package with a new hash; sign its registration form again.") \
                .replace("%1", f"{earlier[0].exported_at:%Y-%m-%d %H:%M}").replace("%2", earlier[0].exported_by) \
                .replace("%3", earlier[0].name).replace("%4", f"{earlier[0].items:,}")
        self.summary.setText(text)
        self.groups.setRowCount(len(c.groups))
        for r, g in enumerate(c.groups):
            name = " · ".join(part for part in (f"{g.category_name}（{g.category}）", g.org, str(g.year or "")) if part)
            values = [name, RETENTION_LABELS.get(g.retention, g.retention),
                      f"{g.items:,}", f"{g.files:,}", f"{g.pages:,}", human_size(g.bytes)]
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if col >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.groups.setItem(r, col, cell)
        self.blockers.clear()
        for b in c.blockers:
            self.blockers.addItem(f"{b.label} — {b.detail}")
        blocked = c.blocked
        overridable = blocked and all(b.kind in OVERRIDABLE for b in c.blockers)
        for w in (self.blocked_label, self.blockers):
            w.setVisible(blocked)
        self.override.setVisible(overridable)
        self.override.setChecked(False)
        self.reason.setVisible(False)
        self.completeChanged.emit()

    def _override_toggled(self, on: bool) -> None:
        self.reason.setVisible(on)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        c = self.check
        if c is None:
            return False
        if not c.blocked:
            return True
        # From the check, not from the box's visibility: Qt asks again while the page is being laid out, when
        # the box reads as hidden, and the Next button then stayed greyed out after a reason was given.
        overridable = all(b.kind in OVERRIDABLE for b in c.blockers)
        return overridable and self.override.isChecked() and bool(self.reason.text().strip())

    @property
    def override_reason(self) -> str | None:
        return self.reason.text().strip() if self.override.isChecked() else None


class TargetPage(QWizardPage):
    """Step 2: the folder (a USB drive); Next runs the export with progress and cancel."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Target folder"))
        self.setSubTitle(self.tr("Choose where to write the package, for example a USB drive. Beside the zip come "
                                 "its .sha256 file and the registration form to print."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self.completeChanged)
        row.addWidget(self.folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        self.room = _hint()
        self.folder.textChanged.connect(self._show_room)
        layout.addWidget(self.room)
        self.replace = QCheckBox(self.tr("Replace a package of the same name in this folder"))
        layout.addWidget(self.replace)
        self.xml = QCheckBox(self.tr("Also give each item its metadata as XML (metadata.xml), for archive systems "
                                     "that take XML"))
        self.xml.setChecked(bool(get(wizard.st, METADATA_XML)))
        layout.addWidget(self.xml)
        self.status = _hint(self.tr("Next starts the export; it can be cancelled, and a cancelled export leaves "
                                    "nothing behind."))
        layout.addWidget(self.status)
        layout.addStretch()

    def _browse(self) -> None:
        chosen = dialogs.ask_directory(self, self.tr("Choose the target folder"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def initializePage(self) -> None:
        self._show_room()  # the year or project may have changed since

    def _room(self) -> tuple[int, int] | None:
        """(free, needed) bytes on the chosen folder's drive, when both are known."""
        text, check = self.folder.text().strip(), self.wiz.year_page.check
        free = free_bytes(Path(text)) if text and check is not None and Path(text).is_dir() else None
        return None if free is None or check is None else (free, needed_bytes(check))

    def _show_room(self) -> None:
        room = self._room()
        short = room is not None and room[0] < room[1]
        text = "" if room is None else self.tr("Free on this drive: %1; the package needs about %2.") \
            .replace("%1", human_size(room[0])).replace("%2", human_size(room[1]))
        if short:
            text += "\n" + self.tr("Not enough room: choose a larger drive or make room first.")
        self.room.setText(text)
        self.room.setObjectName("errorLabel" if short else "hintLabel")
        self.room.style().unpolish(self.room)
        self.room.style().polish(self.room)

    def isComplete(self) -> bool:
        text = self.folder.text().strip()
        room = self._room()
        return bool(text) and Path(text).is_dir() and (room is None or room[0] >= room[1])

    def validatePage(self) -> bool:
        year_page = self.wiz.year_page
        year, project, reason = year_page.selected_year, year_page.selected_project, year_page.override_reason
        target, replace, xml = Path(self.folder.text().strip()), self.replace.isChecked(), self.xml.isChecked()
        st, actor = self.wiz.st, self.wiz.actor

        def work(progress: Progress) -> ExportResult:
            if project is not None:
                return export_project(st, actor, project, target, override_reason=reason, progress=progress,
                                      replace=replace, xml=xml)
            return export_year(st, actor, year, target, override_reason=reason, progress=progress, replace=replace,
                               xml=xml)

        title = self.tr("Exporting the yearly package") if project is None else \
            self.tr("Exporting the project's package")
        try:
            self.wiz.exported = run_and_wait(self, title, work)
        except Cancelled:
            self.status.setText(self.tr("Cancelled: nothing was written."))
            return False
        except Exception as err:  # core errors carry their sentence; anything else is shown as a fault
            dialogs.show_error(self, err, self.tr("Export failed"))
            return False
        return True


class ResultPage(QWizardPage):
    """Step 3: where the package is, its hash, and the registration form to print and sign."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Package written"))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.hash = QLineEdit()
        self.hash.setReadOnly(True)
        layout.addWidget(self.hash)
        self.print_form = QPushButton(self.tr("Print the registration form…"))
        self.print_form.clicked.connect(self._show_form)
        layout.addWidget(self.print_form, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(_hint(self.tr("Both sides sign the form. The receiver checks the package with the verifier "
                                       "(Yearly Export → Verify a package, or sgz verify).")))
        layout.addStretch()

    def initializePage(self) -> None:
        r = self.wiz.exported
        if r is None:
            return
        lines = [self.tr("Package: %1").replace("%1", str(r.zip_path)),
                 self.tr("%1 items, %2 files, %3; zip %4.").replace("%1", f"{r.items:,}").replace("%2", f"{r.files:,}")
                 .replace("%3", human_size(r.record_bytes)).replace("%4", human_size(r.zip_bytes)),
                 self.tr("SHA-256 of the zip (also in %1):").replace("%1", r.sha256_path.name)]
        if r.scope is not None and r.scope.is_project:
            lines.insert(0, self.tr("Project %1, cycle %2.").replace("%1", r.scope.project_name)
                         .replace("%2", r.scope.period_text))
        if r.overridden:
            anyway = self.tr("Exported anyway with %1 open matters; the reason is in the audit log.")
            lines.insert(len(lines) - 1, anyway.replace("%1", str(len(r.overridden))))  # before the hash line
        self.text.setText("\n".join(lines))
        self.hash.setText(r.zip_sha256)

    def _show_form(self) -> None:
        r = self.wiz.exported
        if r is not None:
            from .pdf_preview import show_pdf_preview

            show_pdf_preview(self, r.form_path, self.tr("Registration form"))


class ExportWizard(QWizard):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("Export a handover package"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.year_page = YearPage(self)
        self.target_page = TargetPage(self)
        self.result_page = ResultPage(self)
        for page in (self.year_page, self.target_page, self.result_page):
            self.addPage(page)
        self.resize(720, 560)
