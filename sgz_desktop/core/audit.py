"""The audit log: every change made through the core, recorded in the same transaction.

Changes are captured from the ORM flush, so no service can forget to log; personal fields are
never written to the log in clear.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, insert, inspect, or_, select
from sqlalchemy.orm import Session

from .db.types import EncryptedText
from .models import AuditEntry
from .roles import Actor, Permission, require

if TYPE_CHECKING:
    from .station import Station

ACTOR_KEY = "sgz_actor"
CLOCK_KEY = "sgz_clock"
ENCRYPTED_MARK = "〈已加密〉"
HIDDEN_MARK = "〈已隐藏〉"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _mark(column: Any) -> str | None:
    """What stands in the log for this column's values: a mark, or None for the value itself."""
    if isinstance(column.type, EncryptedText):
        return ENCRYPTED_MARK
    if column.info.get("audit") == "hidden":
        return HIDDEN_MARK
    return None


def _masked(column: Any, value: Any) -> Any:
    if value in (None, ""):
        return value
    mark = _mark(column)
    return _plain(value) if mark is None else mark


@cache
def _columns(mapper: Any) -> tuple[tuple[str, str | None], ...]:
    # Per table, once: a flush of a thousand rows asks the same question a thousand times.
    return tuple((attr.key, _mark(attr.columns[0])) for attr in mapper.column_attrs)


def _row_values(obj: Any) -> dict[str, Any]:
    values = {}
    for key, mark in _columns(inspect(obj).mapper):
        value = getattr(obj, key)
        values[key] = value if value in (None, "") else (_plain(value) if mark is None else mark)
    return values


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in state.unmodified:  # cheap; the history below is not
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        col = attr.columns[0]
        before[attr.key] = _masked(col, hist.deleted[0] if hist.deleted else None)
        after[attr.key] = _masked(col, hist.added[0] if hist.added else None)
    return before, after


def _record_id(obj: Any) -> str:
    # During after_flush a new row has its primary key but not yet its identity key.
    ident = inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(v) for v in ident if v is not None)


def capture_flush(session: Session, _flush_context: Any) -> None:
    """``after_flush`` hook installed on every station session."""
    rows: list[dict[str, Any]] = []
    for kind, objs in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objs:
            if isinstance(obj, AuditEntry):
                continue
            if kind == "update":
                if not session.is_modified(obj, include_collections=False):
                    continue
                before, after = _changes(obj)
            elif kind == "insert":
                before, after = {}, _row_values(obj)
            else:
                before, after = _row_values(obj), {}
            rows.append(_entry(session, kind, inspect(obj).mapper.local_table.name, _record_id(obj), "",
                               before, after))
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def _entry(session: Session, action: str, table: str, record_id: str, summary: str,
           before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    actor: Actor | None = session.info.get(ACTOR_KEY)
    if actor is None:
        raise RuntimeError("a change was flushed outside Station.begin(actor): it would not be audited")
    return {
        "at": session.info[CLOCK_KEY].now(),
        "user_id": actor.user_id,
        "username": actor.username,
        "action": action,
        "table_name": table,
        "record_id": record_id,
        "summary": summary,
        "before_json": json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
        "after_json": json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
    }


def record_event(session: Session, action: str, summary: str, *, table: str = "", record_id: str = "",
                 actor: Actor | None = None) -> None:
    """Log something that is not a row change: a login, a backup, an export."""
    if actor is not None:
        session.info[ACTOR_KEY] = actor
    session.connection().execute(insert(AuditEntry), [_entry(session, action, table, record_id, summary, {}, {})])


# --- reading the log ------------------------------------------------------------------------------

@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    table_name: str
    record_id: str
    summary: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditFilter:
    text: str = ""
    username: str = ""
    action: str = ""
    table_name: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


AUDIT_COLUMNS = ("id", "at", "username", "action", "table_name", "record_id", "summary", "before_json",
                 "after_json")


def _filtered(stmt: Select[Any], flt: AuditFilter) -> Select[Any]:
    if flt.text:
        like = f"%{flt.text}%"
        stmt = stmt.where(or_(AuditEntry.summary.like(like), AuditEntry.before_json.like(like),
                              AuditEntry.after_json.like(like), AuditEntry.record_id == flt.text,
                              AuditEntry.username.like(like), AuditEntry.table_name.like(like)))
    if flt.username:
        stmt = stmt.where(AuditEntry.username == flt.username)
    if flt.action:
        stmt = stmt.where(AuditEntry.action == flt.action)
    if flt.table_name:
        stmt = stmt.where(AuditEntry.table_name == flt.table_name)
    if flt.since:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(flt.since, dt.time.min))
    if flt.until:
        stmt = stmt.where(AuditEntry.at <= dt.datetime.combine(flt.until, dt.time.max))
    return stmt


def count_entries(st: Station, actor: Actor, flt: AuditFilter) -> int:
    require(actor, Permission.VIEW_AUDIT)
    with st.read() as s:
        return s.scalar(_filtered(select(func.count(AuditEntry.id)), flt)) or 0


def page_entries(st: Station, actor: Actor, flt: AuditFilter, offset: int, limit: int,
                 sort: str = "id", descending: bool = True) -> list[AuditRow]:
    require(actor, Permission.VIEW_AUDIT)
    col = getattr(AuditEntry, sort if sort in AUDIT_COLUMNS else "id")
    order = [col.desc() if descending else col.asc(), AuditEntry.id.desc() if descending else AuditEntry.id]
    stmt = _filtered(select(AuditEntry), flt).order_by(*order).offset(offset).limit(limit)
    with st.read() as s:
        return [
            AuditRow(e.id, e.at, e.username, e.action, e.table_name, e.record_id, e.summary,
                     e.before_json, e.after_json)
            for e in s.scalars(stmt)
        ]
