"""The "Yearly Export" page: the archive officer starts the export wizard here; the receiving side (or the
station itself, before handing over) verifies a package on the second tab. Below the wizard's button, the
handover register lists every package written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..core.roles import Actor, Permission
from ..core.station import Station
from .export_history import ExportHistory
from .export_wizard import ExportWizard
from .verify_page import VerifyPage


class ExportPage(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.wizard: ExportWizard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Yearly Export"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        export_tab = QWidget()
        inner = QVBoxLayout(export_tab)
        text = QLabel(self.tr(
            "Once a year the station hands its archives to the subdistrict (Article 24): one zip with a BagIt bag of "
            "the year's finalised items and their files, the catalogue, the handover list and the registers, signed "
            "with the station's key. Beside it: its SHA-256 and a registration form for both sides to sign. A "
            "service project's cycle can be handed over the same way, with the project's items and registers."))
        text.setWordWrap(True)
        inner.addWidget(text)
        self.start = QPushButton(self.tr("Export a year or a project…"))
        self.start.clicked.connect(self.open_wizard)
        allowed = actor.can(Permission.EXPORT_YEAR)
        self.start.setEnabled(allowed)
        inner.addWidget(self.start, alignment=Qt.AlignmentFlag.AlignLeft)
        note = QLabel(self.tr("Only the archivist (or the administrator) can export.") if not allowed else "")
        note.setObjectName("hintLabel")
        note.setVisible(not allowed)
        inner.addWidget(note)
        self.history = ExportHistory(st, actor)
        inner.addWidget(self.history, 1)
        self.tabs.addTab(export_tab, self.tr("Export"))
        self.verify = VerifyPage()
        self.tabs.addTab(self.verify, self.tr("Verify a package"))
        self.history.verify_requested.connect(self.verify_exported)

    def open_wizard(self) -> ExportWizard:
        self.wizard = ExportWizard(self.st, self.actor, self)
        self.wizard.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.wizard.finished.connect(lambda _result: self.history.refresh())
        self.wizard.show()
        return self.wizard

    def verify_exported(self, package: Path, form: Path | None) -> None:
        """A package from the register, checked where it lies (with its form, when that is beside it)."""
        self.tabs.setCurrentWidget(self.verify)
        self.verify.check(package, form)
