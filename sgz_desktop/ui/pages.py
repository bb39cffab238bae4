"""The areas of the main window. Every page has one shape: a QWidget built as ``Page(st, actor, parent)``.

An area that is not built yet gets an honest placeholder saying what will be there and which
articles of the regulation it serves. A new area replaces its placeholder factory in ``page_specs``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..core.roles import Actor
from ..core.station import Station

translate = QCoreApplication.translate  # a plain name lupdate still recognises

PageFactory = Callable[[Station, Actor, QWidget | None], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str  # file name in resources/icons
    factory: PageFactory




class PlaceholderPage(QWidget):
    """An area that will come in a later version: what it will hold, and the articles behind it."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None, *, title: str = "",
                 description: str = "", articles: str = "") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        box = QFrame()
        box.setObjectName("placeholderBox")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(20, 16, 20, 16)
        soon = QLabel(self.tr("Coming in a later version"))
        soon.setObjectName("placeholderSoon")
        inner.addWidget(soon)
        text = QLabel(description)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(text)
        if articles:
            basis = QLabel(self.tr("Basis: %1 of the Wuhan social work station regulation (武民政规〔2022〕1号).")
                           .replace("%1", articles))
            basis.setWordWrap(True)
            basis.setObjectName("hintLabel")
            inner.addWidget(basis)
        layout.addWidget(box)
        layout.addStretch()
        self.description = description
        self.articles = articles


def placeholder(title: str, description: str, articles: str) -> PageFactory:
    return partial(_make_placeholder, title=title, description=description, articles=articles)


def _make_placeholder(st: Station, actor: Actor, parent: QWidget | None = None, **info: str) -> QWidget:
    return PlaceholderPage(st, actor, parent, **info)


def _dashboard(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .dashboard import DashboardPage

    return DashboardPage(st, actor, parent)


def _settings(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .settings_page import SettingsPage

    return SettingsPage(st, actor, parent)


def _audit(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    try:
        from .audit_page import AuditPage
    except ImportError:
        text = translate("pages", "Every change made in the app — who, when, which record, values before and "
                                  "after — will be listed here, with filters.")
        return PlaceholderPage(st, actor, parent, title=translate("pages", "Audit Log"), description=text)
    return AuditPage(st, actor, parent)


def _staff(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .staff_page import StaffPage

    return StaffPage(st, actor, parent)


def _training(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .training_page import TrainingPage

    return TrainingPage(st, actor, parent)


def _export(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .export_page import ExportPage

    return ExportPage(st, actor, parent)


def _volunteers(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .volunteers_page import VolunteersPage

    return VolunteersPage(st, actor, parent)


def _volunteers_text() -> str:
    return translate("pages", "Volunteers and their service hours, approved records, a points ledger with "
                              "redemptions, star levels by cumulative hours, numbered volunteer service "
                              "certificates (PDF) and import of sign-in sheets from Excel.")


def _finance(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .finance_page import FinancePage

    return FinancePage(st, actor, parent)


def _archives(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
    from .archives_page import ArchivesPage

    return ArchivesPage(st, actor, parent)


def _export_text() -> str:
    return translate("pages", "The yearly handover package for the subdistrict: one signed, checksummed archive "
                              "of the year's items, catalogue, handover list and registers, with a printable "
                              "registration form, and a verifier for the receiving side.")


def page_specs() -> list[PageSpec]:
    """The navigation, in order. Titles are translated when this is called."""
    staff, training = translate("pages", "Staff"), translate("pages", "Training")
    volunteers, finance = translate("pages", "Volunteers"), translate("pages", "Projects & Finance")
    archives, export = translate("pages", "Archives"), translate("pages", "Yearly Export")
    return [
        PageSpec("dashboard", translate("pages", "Dashboard"), "dashboard.svg", _dashboard),
        PageSpec("staff", staff, "staff.svg", _staff),
        PageSpec("training", training, "training.svg", _training),
        PageSpec("volunteers", volunteers, "volunteers.svg", _volunteers),
        PageSpec("finance", finance, "finance.svg", _finance),
        PageSpec("archives", archives, "archives.svg", _archives),
        PageSpec("export", export, "export.svg", _export),
        PageSpec("audit", translate("pages", "Audit Log"), "audit.svg", _audit),
        PageSpec("settings", translate("pages", "Settings"), "settings.svg", _settings),
    ]
