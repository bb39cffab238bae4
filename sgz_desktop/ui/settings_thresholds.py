"""Settings → Thresholds: every setting with its value, default and the article it comes from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import settings
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .formatting import fen_to_yuan_text

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def value_text(kind: str, value: Any) -> str:
    if kind == "bool":
        return translate("thresholds", "Yes") if value else translate("thresholds", "No")
    if kind == "percent":
        return f"{value:g} %"
    if kind == "fen":
        return f"¥{fen_to_yuan_text(int(value))}"
    return str(value)


class ThresholdsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .settings_page import read_only_note

        self.st = st
        self.actor = actor
        self.rows: list[settings.SettingValue] = []
        allowed = actor.can(Permission.EDIT_SETTINGS)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value"), self.tr("Default"),
                                              self.tr("Article"), self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):  # long values (the 档号 pattern) are elided; the tooltip shows them whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 190)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if allowed:
            self.table.cellDoubleClicked.connect(lambda *_: self.edit())
        layout.addWidget(self.table)
        layout.addWidget(read_only_note(self, allowed))
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change…"))
        self.reset_button = QPushButton(self.tr("Reset to default"))
        for button, slot in ((self.edit_button, self.edit), (self.reset_button, self.reset)):
            button.setEnabled(allowed)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.load()

    def load(self) -> None:
        self.rows = settings.list_settings(self.st)
        self.table.setRowCount(len(self.rows))
        for r, sv in enumerate(self.rows):
            d = sv.definition
            value = value_text(d.kind, sv.value)
            if not sv.is_default:
                value = self.tr("%1 (changed)").replace("%1", value)
            for c, text in enumerate((d.label, value, value_text(d.kind, d.default), d.article, d.help)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def select_key(self, key: str) -> None:
        for r, sv in enumerate(self.rows):
            if sv.definition.key == key:
                self.table.setCurrentCell(r, 0)

    def selected(self) -> settings.SettingValue | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        dialogs.show_error(self, self.tr("Choose a setting in the list first."))
        return None

    def edit(self) -> None:
        sv = self.selected()
        if sv is None:
            return
        d = sv.definition
        raw = dialogs.ask_text(self, self.tr("Change a setting"), f"{d.label}（{d.article}）" if d.article else d.label,
                               str(sv.value))
        if raw is None:
            return
        try:
            settings.set_value(self.st, self.actor, d.key, raw)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        self.load()
        self.select_key(d.key)

    def reset(self) -> None:
        sv = self.selected()
        if sv is None:
            return
        try:
            settings.reset(self.st, self.actor, sv.definition.key)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        self.load()
        self.select_key(sv.definition.key)
