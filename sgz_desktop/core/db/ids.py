"""Primary keys given to a batch of new rows before they are flushed.

SQLite cannot say which id each row of a multi-row INSERT got, so SQLAlchemy's unit of work inserts
new rows one statement at a time (an execute and a fetch each) when it must learn their ids. Ids set
beforehand let it send the whole batch as one ``executemany``: a batch of a thousand scans is recorded
in a fraction of the time, and holds the interpreter lock far less while its files are being copied.

Only inside ``Station.begin``: its ``BEGIN IMMEDIATE`` holds SQLite's write lock from the start, so no
other writer can take the same ids before the flush. The ids are those SQLite would have chosen
(one past the largest; the tables have no ``AUTOINCREMENT``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from .base import Base


def assign_ids(s: Session, rows: Sequence[Base]) -> None:
    """Give each new row of one mapped class the next free id, in order. The rows are not yet in the
    session: rows already added (flushed by the query below) would take ids of their own."""
    if not rows:
        return
    mapper = inspect(type(rows[0]))
    (column,) = mapper.primary_key
    attr = mapper.get_property_by_column(column).key
    if any(type(row) is not mapper.class_ or not inspect(row).transient or getattr(row, attr) is not None
           for row in rows):
        raise ValueError("assign_ids: new rows of one class, not yet added, without ids")
    first = (s.scalar(select(func.max(column))) or 0) + 1
    for offset, row in enumerate(rows):
        setattr(row, attr, first + offset)
