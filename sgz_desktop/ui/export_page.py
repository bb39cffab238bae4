"""The "Yearly Export" page: the archive officer starts the export wizard here; the receiving side (or the
station itself, before handing over) verifies a package on the second tab. Below the wizard's button, the
handover register lists every package written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..core.errors import SgzError
from ..core.package.station_key import save_station_key, station_key
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import audit_page, dialogs
from .export_history import ExportHistory
from .export_wizard import ExportWizard
from .verify_page import VerifyPage

# What the audit log shows for this area's events (the audit page falls back to the raw action name).
audit_page.ACTIONS.setdefault("export_year", QT_TRANSLATE_NOOP("AuditPage", "Handover package exported"))
audit_page.ACTIONS.setdefault("export_public_key", QT_TRANSLATE_NOOP("AuditPage", "Station key saved"))
audit_page.TABLES.setdefault("package_export", QT_TRANSLATE_NOOP("AuditPage", "Handover register"))
for _key, _label in {
    "scope_kind": QT_TRANSLATE_NOOP("AuditFields", "Package kind"),
    "scope_label": QT_TRANSLATE_NOOP("AuditFields", "Scope"),
    "zip_path": QT_TRANSLATE_NOOP("AuditFields", "Written to"),
    "zip_sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256 of the zip"),
    "tagmanifest_sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256 of the tag manifest"),
    "zip_bytes": QT_TRANSLATE_NOOP("AuditFields", "Size of the zip (bytes)"),
    "items": QT_TRANSLATE_NOOP("AuditFields", "Items"),
    "files": QT_TRANSLATE_NOOP("AuditFields", "Files"),
    "record_bytes": QT_TRANSLATE_NOOP("AuditFields", "Size of the records (bytes)"),
    "exported_at": QT_TRANSLATE_NOOP("AuditFields", "Exported at"),
    "exported_by": QT_TRANSLATE_NOOP("AuditFields", "Exported by"),
    "override_reason": QT_TRANSLATE_NOOP("AuditFields", "Reason for exporting anyway"),
}.items():
    audit_page.FIELDS.setdefault(_key, _label)  # another area may have named a shared key already


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
        self.save_key = QPushButton(self.tr("Save the station's public key…"))
        self.save_key.setToolTip(self.tr("For the subdistrict to register once: it then checks every package's "
                                         "signature against this key."))
        self.save_key.clicked.connect(self.save_station_key)
        allowed = actor.can(Permission.EXPORT_YEAR)
        row = QHBoxLayout()
        for button in (self.start, self.save_key):
            button.setEnabled(allowed)
            row.addWidget(button)
        row.addStretch()
        inner.addLayout(row)
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

    def save_station_key(self) -> Path | None:
        folder = dialogs.ask_directory(self, self.tr("Save the station's public key to"))
        if folder is None:
            return None
        try:
            path = save_station_key(self.st, self.actor, folder)
        except SgzError as err:
            dialogs.show_error(self, err)
            return None
        fingerprint = station_key(self.st, self.actor).fingerprint
        dialogs.show_info(self, self.tr("Station's public key"), self.tr(
            "Saved %1.\n\nFingerprint: %2\n(the same as the 站点公钥指纹 on every registration form).\n\nGive it to "
            "the subdistrict to register once; when it verifies a package it chooses this file as the registered "
            "public key.").replace("%1", str(path)).replace("%2", fingerprint))
        return path

    def verify_exported(self, package: Path, form: Path | None) -> None:
        """A package from the register, checked where it lies (with its form, when that is beside it)."""
        self.tabs.setCurrentWidget(self.verify)
        self.verify.check(package, form)
