"""What filing promises, enforced at the flush: a finalised item is read-only to every code path.

Service functions refuse first with friendlier messages; this guard catches any other path (another
area, a script, a future bug) before a row reaches the database. Only the archivist (FINALISE_ARCHIVES)
may make an item final, and only inside ``amendment(session)`` — the archivist's recorded amendment —
may a finalised item's descriptive fields change or a file be added to it. Its number and group never
change; SQLite triggers of migration 0006 hold that line even against raw SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from .errors import PermissionDenied, Problem, ValidationError
from .models.archives import ArchiveFile, ArchiveItem
from .roles import Actor, Permission, require

FINAL = "final"
AMENDING = "sgz_archive_amending"
NUMBERING = ("status", "fonds_code", "category", "year", "retention", "org_code", "item_number", "danghao")


@contextmanager
def amendment(session: Session) -> Iterator[None]:
    """Changes made inside are the archivist's recorded amendment of finalised items."""
    session.info[AMENDING] = True
    try:
        yield
    finally:
        session.info.pop(AMENDING, None)


def _refuse(text: str) -> None:
    raise ValidationError(Problem("已归档档案", text))


def _committed(obj: Any, key: str) -> Any:
    state = inspect(obj)
    if key not in state.committed_state:  # not set since loaded or flushed: the value is the committed one
        return getattr(obj, key)
    history = state.attrs[key].history
    if history.deleted:
        return history.deleted[0]
    return history.unchanged[0] if history.unchanged else getattr(obj, key)


def _changed(obj: Any) -> set[str]:
    state = inspect(obj)
    # Only attributes set since the last flush can have changes (``unmodified`` is cheap, history is not).
    touched = set(state.mapper.column_attrs.keys()) - state.unmodified
    return {key for key in touched if state.attrs[key].history.has_changes()}


def _item_is_final(session: Session, item_id: int | None) -> bool:
    if item_id is None:
        return False
    item = session.identity_map.get(inspect(ArchiveItem).identity_key_from_primary_key((item_id,)))
    if isinstance(item, ArchiveItem):
        return bool(_committed(item, "status") == FINAL)
    with session.no_autoflush:
        return session.scalar(select(ArchiveItem.status).where(ArchiveItem.id == item_id)) == FINAL


def _require_archivist(session: Session) -> None:
    from .audit import ACTOR_KEY  # audit imports every model: not at module level (models import this)

    actor = session.info.get(ACTOR_KEY)
    if not isinstance(actor, Actor):
        raise PermissionDenied("只有档案员才能归档或更正档案。")
    require(actor, Permission.FINALISE_ARCHIVES)


def guard_flush(session: Session, _context: Any, _instances: Any) -> None:
    amending = bool(session.info.get(AMENDING))
    for obj in session.new:
        if isinstance(obj, ArchiveItem) and obj.status == FINAL:
            _require_archivist(session)
        elif isinstance(obj, ArchiveFile) and _item_is_final(session, obj.item_id):
            if not amending:
                _refuse("已归档的档案只能由档案员通过“更正”补充文件")
            _require_archivist(session)
    for obj in session.dirty:
        if isinstance(obj, ArchiveItem):
            changed = _changed(obj)
            if _committed(obj, "status") == FINAL:
                if changed & set(NUMBERING):
                    _refuse(f"{obj.danghao} 的档号、件号、门类、年度、保管期限和机构不能更改")
                if changed and not amending:
                    _refuse(f"{obj.danghao} 已归档，只能由档案员通过“更正”修改，并留下更正记录")
                if changed:
                    _require_archivist(session)
            elif obj.status == FINAL:
                _require_archivist(session)
        elif isinstance(obj, ArchiveFile) and _changed(obj) and _item_is_final(session, _committed(obj, "item_id")):
            _refuse("已归档档案的文件不能更改")
    for obj in session.deleted:
        if isinstance(obj, ArchiveItem) and _committed(obj, "status") == FINAL:
            _refuse(f"{obj.danghao} 已归档，不能删除")
        if isinstance(obj, ArchiveFile) and _item_is_final(session, obj.item_id):
            _refuse("已归档档案的文件不能删除")


event.listen(Session, "before_flush", guard_flush)
