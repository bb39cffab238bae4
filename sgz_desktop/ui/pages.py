"""The areas of the main window. Every page has one shape: a QWidget built as ``Page(st, actor, parent)``.

Pages are imported on first visit, so start-up only pays for the dashboard.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

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


def lazy_page(module: str, class_name: str) -> PageFactory:
    """A factory that imports ``sgz_desktop.ui.<module>`` only when the page is first shown."""

    def make(st: Station, actor: Actor, parent: QWidget | None = None) -> QWidget:
        page_class = getattr(importlib.import_module(f"{__package__}.{module}"), class_name)
        page: QWidget = page_class(st, actor, parent)
        return page

    return make


def page_specs() -> list[PageSpec]:
    """The navigation, in order. Titles are translated when this is called."""
    return [
        PageSpec("dashboard", translate("pages", "Dashboard"), "dashboard.svg",
                 lazy_page("dashboard", "DashboardPage")),
        PageSpec("staff", translate("pages", "Staff"), "staff.svg", lazy_page("staff_page", "StaffPage")),
        PageSpec("training", translate("pages", "Training"), "training.svg",
                 lazy_page("training_page", "TrainingPage")),
        PageSpec("volunteers", translate("pages", "Volunteers"), "volunteers.svg",
                 lazy_page("volunteers_page", "VolunteersPage")),
        PageSpec("finance", translate("pages", "Projects & Finance"), "finance.svg",
                 lazy_page("finance_page", "FinancePage")),
        PageSpec("archives", translate("pages", "Archives"), "archives.svg",
                 lazy_page("archives_page", "ArchivesPage")),
        PageSpec("export", translate("pages", "Yearly Export"), "export.svg", lazy_page("export_page", "ExportPage")),
        PageSpec("audit", translate("pages", "Audit Log"), "audit.svg", lazy_page("audit_page", "AuditPage")),
        PageSpec("settings", translate("pages", "Settings"), "settings.svg",
                 lazy_page("settings_page", "SettingsPage")),
    ]
