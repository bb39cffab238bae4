"""The audit log page: who changed what and when, filterable, with the selected entry's values
before and after side by side. Reading it needs VIEW_AUDIT, which the core checks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import audit, users
from ..core.db.base import Base
from ..core.errors import PermissionDenied, SgzError
from ..core.roles import Actor
from ..core.station import Station
from ..core.tables import Column, TableQuery, format_fen
from .table_page import TablePage

NO_DATE = QDate(2000, 1, 1)  # the date edits' "no limit" value
CHANGED = QColor(255, 243, 205)

ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("AuditPage", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditPage", "Deleted"),
    "login": QT_TRANSLATE_NOOP("AuditPage", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditPage", "Login failed"),
    "logout": QT_TRANSLATE_NOOP("AuditPage", "Logged out"),
    "setup": QT_TRANSLATE_NOOP("AuditPage", "Station set up"),
    "recover_key": QT_TRANSLATE_NOOP("AuditPage", "Key recovered"),
    "backup": QT_TRANSLATE_NOOP("AuditPage", "Backup"),
    "restore": QT_TRANSLATE_NOOP("AuditPage", "Restore"),
    "export": QT_TRANSLATE_NOOP("AuditPage", "Export"),
    "import": QT_TRANSLATE_NOOP("AuditPage", "Import"),
    "show_recovery_key": QT_TRANSLATE_NOOP("AuditPage", "Recovery key shown"),
    "recovery_key": QT_TRANSLATE_NOOP("AuditPage", "Recovery key shown"),
}

TABLES = {
    "station": QT_TRANSLATE_NOOP("AuditPage", "Station profile"),
    "community": QT_TRANSLATE_NOOP("AuditPage", "Communities"),
    "setting": QT_TRANSLATE_NOOP("AuditPage", "Settings"),
    "app_user": QT_TRANSLATE_NOOP("AuditPage", "Users"),
    "staff": QT_TRANSLATE_NOOP("AuditPage", "Staff roster"),
    "assessment": QT_TRANSLATE_NOOP("AuditPage", "Annual assessments"),
    "internship": QT_TRANSLATE_NOOP("AuditPage", "Internships"),
    "training_session": QT_TRANSLATE_NOOP("AuditPage", "Training sessions"),
    "training_attendance": QT_TRANSLATE_NOOP("AuditPage", "Training attendance"),
    "training_material": QT_TRANSLATE_NOOP("AuditPage", "Training materials"),
}
# Areas whose tables come later may add their own labels here, e.g.
# TABLES["ledger_entry"] = QT_TRANSLATE_NOOP("AuditPage", "Ledger entries"), translated in their .ts.

FIELDS = {
    "id": QT_TRANSLATE_NOOP("AuditFields", "ID"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "station_uuid": QT_TRANSLATE_NOOP("AuditFields", "Station UUID"),
    "subdistrict": QT_TRANSLATE_NOOP("AuditFields", "Subdistrict"),
    "district": QT_TRANSLATE_NOOP("AuditFields", "District"),
    "district_type": QT_TRANSLATE_NOOP("AuditFields", "District type"),
    "fonds_code": QT_TRANSLATE_NOOP("AuditFields", "Fonds code"),
    "operator_org": QT_TRANSLATE_NOOP("AuditFields", "Operating organisation"),
    "responsible_person": QT_TRANSLATE_NOOP("AuditFields", "Responsible person"),
    "contact_phone": QT_TRANSLATE_NOOP("AuditFields", "Contact phone"),
    "address": QT_TRANSLATE_NOOP("AuditFields", "Address"),
    "city_avg_wage_fen": QT_TRANSLATE_NOOP("AuditFields", "City average wage"),
    "secret_location": QT_TRANSLATE_NOOP("AuditFields", "Secret kept in"),
    "key_check": QT_TRANSLATE_NOOP("AuditFields", "Key check"),
    "created_at": QT_TRANSLATE_NOOP("AuditFields", "Created at"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "sort_order": QT_TRANSLATE_NOOP("AuditFields", "Order"),
    "active": QT_TRANSLATE_NOOP("AuditFields", "Active"),
    "key": QT_TRANSLATE_NOOP("AuditFields", "Setting"),
    "value": QT_TRANSLATE_NOOP("AuditFields", "Value"),
    "username": QT_TRANSLATE_NOOP("AuditFields", "User name"),
    "display_name": QT_TRANSLATE_NOOP("AuditFields", "Display name"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "Role"),
    "password_hash": QT_TRANSLATE_NOOP("AuditFields", "Password"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditFields", "Failed logins"),
    "locked_until": QT_TRANSLATE_NOOP("AuditFields", "Locked until"),
    "must_change_password": QT_TRANSLATE_NOOP("AuditFields", "Must change password"),
    "last_login_at": QT_TRANSLATE_NOOP("AuditFields", "Last login"),
    "gender": QT_TRANSLATE_NOOP("AuditFields", "Gender"),
    "id_number": QT_TRANSLATE_NOOP("AuditFields", "ID number"),
    "id_number_index": QT_TRANSLATE_NOOP("AuditFields", "ID number index"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "Phone"),
    "post": QT_TRANSLATE_NOOP("AuditFields", "Post"),
    "employment": QT_TRANSLATE_NOOP("AuditFields", "Employment"),
    "cert_level": QT_TRANSLATE_NOOP("AuditFields", "Certificate level"),
    "cert_number": QT_TRANSLATE_NOOP("AuditFields", "Certificate number"),
    "cert_date": QT_TRANSLATE_NOOP("AuditFields", "Certificate date"),
    "sw_background": QT_TRANSLATE_NOOP("AuditFields", "Social-work background"),
    "community_id": QT_TRANSLATE_NOOP("AuditFields", "Community"),
    "hire_date": QT_TRANSLATE_NOOP("AuditFields", "Hired on"),
    "leave_date": QT_TRANSLATE_NOOP("AuditFields", "Left on"),
    "contract_end": QT_TRANSLATE_NOOP("AuditFields", "Contract ends"),
    "monthly_pay_fen": QT_TRANSLATE_NOOP("AuditFields", "Monthly pay"),
    "social_insurance": QT_TRANSLATE_NOOP("AuditFields", "Social insurance and housing fund"),
    "experience_years": QT_TRANSLATE_NOOP("AuditFields", "Years of experience"),
    "notes": QT_TRANSLATE_NOOP("AuditFields", "Notes"),
}
FIELDS_OF_TABLE = {  # where a table's field means something narrower than the common label
    ("staff", "name"): QT_TRANSLATE_NOOP("AuditFields", "Full name"),
}


def _tr(context: str, text: object) -> str:
    return QCoreApplication.translate(context, str(text))


def action_label(action: str) -> str:
    return _tr("AuditPage", ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    return _tr("AuditPage", TABLES[table]) if table in TABLES else table


def field_label(key: str, table: str = "") -> str:
    if (table, key) in FIELDS_OF_TABLE:
        return _tr("AuditFields", FIELDS_OF_TABLE[(table, key)])
    return _tr("AuditFields", FIELDS[key]) if key in FIELDS else key


def value_text(key: str, value: Any) -> str:
    """A logged value as the user reads it: money in yuan, yes/no, dates without the ISO 'T'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        yes = QCoreApplication.translate("AuditPage", "Yes")
        return yes if value else QCoreApplication.translate("AuditPage", "No")
    if isinstance(value, int) and key.endswith("_fen"):
        return format_fen(value)
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T" and value[:4].isdigit():
        return value.replace("T", " ")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _loads(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def field_changes(row: audit.AuditRow) -> list[tuple[str, str, str, bool]]:
    """(field, before, after, changed) for every field the entry mentions, in a stable order."""
    before, after = _loads(row.before), _loads(row.after)
    keys = sorted(dict.fromkeys([*before, *after]), key=_column_order(row.table_name))
    out = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        changed = old != new
        out.append((field_label(key, row.table_name), value_text(key, old), value_text(key, new), changed))
    return out


def _column_order(table: str) -> Callable[[str], int]:
    """Fields in the order of the table's columns, as the forms show them (the log sorts by name)."""
    known = Base.metadata.tables.get(table)
    order = {c.name: i for i, c in enumerate(known.columns)} if known is not None else {}
    return lambda key: order.get(key, len(order))


def record_text(row: audit.AuditRow) -> str:
    """The record's id; for entries logged without one, the id among the logged values."""
    if row.record_id:
        return row.record_id
    values = _loads(row.after or row.before)
    return str(values.get("id", "")) if values.get("id") is not None else ""


def change_summary(row: audit.AuditRow) -> str:
    """The summary column: the event's own text, or a short list of what changed."""
    if row.summary:
        return row.summary
    if row.action == "update":
        parts = [f"{name}：{old} → {new}" for name, old, new, changed in field_changes(row) if changed]
        return "；".join(parts)
    values = _loads(row.after or row.before)
    for key in ("name", "display_name", "username", "key", "title"):
        if values.get(key):
            return str(values[key])
    return ""


class AuditSource:
    """The audit log as a table source over ``core.audit``; each row carries its ``AuditRow`` last."""

    def __init__(self, st: Station, actor: Actor) -> None:
        self._st = st
        self._actor = actor
        self._columns = (
            Column("at", QCoreApplication.translate("AuditPage", "Time"), kind="datetime"),
            Column("username", QCoreApplication.translate("AuditPage", "User")),
            Column("action", QCoreApplication.translate("AuditPage", "Action")),
            Column("table_name", QCoreApplication.translate("AuditPage", "Record type")),
            Column("record_id", QCoreApplication.translate("AuditPage", "Record")),
            Column("summary", QCoreApplication.translate("AuditPage", "Details")),
        )

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    @staticmethod
    def audit_filter(query: TableQuery) -> audit.AuditFilter:
        f = query.filters

        def day(key: str) -> dt.date | None:
            value = f.get(key)
            return value if isinstance(value, dt.date) else None

        return audit.AuditFilter(text=query.text, username=str(f.get("username") or ""),
                                 action=str(f.get("action") or ""), table_name=str(f.get("table_name") or ""),
                                 since=day("since"), until=day("until"))

    def count(self, query: TableQuery) -> int:
        return audit.count_entries(self._st, self._actor, self.audit_filter(query))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sort = query.sort_key or "at"
        descending = query.descending if query.sort_key else True  # natural order: newest first
        rows = audit.page_entries(self._st, self._actor, self.audit_filter(query), offset, limit, sort, descending)
        return [(r.at, r.username, action_label(r.action), table_label(r.table_name), record_text(r),
                 change_summary(r), r) for r in rows]


class AuditPage(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._st = st
        self._actor = actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        try:
            self.table: TablePage | None = TablePage(
                AuditSource(st, actor), self.tr("Audit log"), self,
                query=TableQuery(sort_key="at", descending=True))
        except PermissionDenied as exc:
            # an honest page instead of the table: the core said no
            self.table = None
            self.refused = QLabel(str(exc), self)
            self.refused.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.refused.setWordWrap(True)
            layout.addWidget(self.refused)
            return
        self._add_filters(self.table)
        self.detail_title = QLabel(self.tr("Select an entry to see what changed."), self)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QTableWidget(0, 3, self)
        self.detail.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.detail.verticalHeader().setVisible(False)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detail.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        pane = QWidget(self)
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(8, 0, 8, 8)
        pane_layout.addWidget(self.detail_title)
        pane_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.table.current_row_changed.connect(self._show_entry)

    def _add_filters(self, table: TablePage) -> None:
        self.user_combo = QComboBox(self)
        self.user_combo.addItem(self.tr("All users"), "")
        try:
            names = [(u.username, f"{u.display_name}（{u.username}）") for u in users.list_users(self._st, self._actor)]
        except SgzError:
            names = []
        for username, label in [*names, ("system", self.tr("System"))]:
            self.user_combo.addItem(label, username)
        self.action_combo = QComboBox(self)
        self.action_combo.addItem(self.tr("All actions"), "")
        for action in ACTIONS:
            self.action_combo.addItem(action_label(action), action)
        self.table_combo = QComboBox(self)
        self.table_combo.addItem(self.tr("All records"), "")
        for name in sorted(t for t in Base.metadata.tables if t != "audit_log"):
            self.table_combo.addItem(table_label(name), name)
        self.since_edit = self._date_edit()
        self.until_edit = self._date_edit()
        table.add_filter(self.user_combo)
        table.add_filter(self.action_combo)
        table.add_filter(self.table_combo)
        table.add_filter(self.since_edit, self.tr("From"))
        table.add_filter(self.until_edit, self.tr("To"))
        for combo in (self.user_combo, self.action_combo, self.table_combo):
            combo.currentIndexChanged.connect(self._apply_filters)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._apply_filters)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))  # shown at the minimum date: no limit
        edit.setDate(NO_DATE)
        return edit

    def set_date_range(self, since: dt.date | None, until: dt.date | None) -> None:
        self.since_edit.setDate(QDate(since) if since else NO_DATE)
        self.until_edit.setDate(QDate(until) if until else NO_DATE)

    def _apply_filters(self) -> None:
        if self.table is None:
            return

        def day(edit: QDateEdit) -> dt.date | None:
            value = edit.date().toPython()
            return value if isinstance(value, dt.date) and edit.date() != NO_DATE else None

        self.table.set_filters({
            "username": self.user_combo.currentData(),
            "action": self.action_combo.currentData(),
            "table_name": self.table_combo.currentData(),
            "since": day(self.since_edit),
            "until": day(self.until_edit),
        })

    def _show_entry(self, values: Sequence[object] | None) -> None:
        row = values[-1] if values else None
        self.detail.setRowCount(0)
        if not isinstance(row, audit.AuditRow):
            self.detail_title.setText(self.tr("Select an entry to see what changed."))
            return
        record = record_text(row)
        where = table_label(row.table_name) + (f" #{record}" if record else "")
        self.detail_title.setText(
            f"{row.at:%Y-%m-%d %H:%M:%S}　{row.username}　{action_label(row.action)}　{where}"
            + (f"\n{row.summary}" if row.summary else ""))
        changes = field_changes(row)
        if not changes:
            self.detail_title.setText(self.detail_title.text() + "\n" + self.tr("No field values were recorded."))
        self.detail.setRowCount(len(changes))
        for i, (name, old, new, changed) in enumerate(changes):
            for col, text in enumerate((name, old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if changed and row.action == "update":
                    item.setBackground(QBrush(CHANGED))
                self.detail.setItem(i, col, item)
