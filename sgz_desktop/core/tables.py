"""What every table the user sees is made of, without Qt: columns, a query, and a source that counts
and pages rows on the database side.

Core modules provide sources; the GUI's ``LazyTableModel`` shows them a page at a time, and export to
Excel walks the same pages. A source may be called from the background worker, so it must open its
own session per call (``st.read()``), never hold one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from .progress import Progress

Kind = Literal["text", "int", "fen", "date", "datetime", "bool"]
Align = Literal["auto", "left", "right", "center"]
NUMERIC_KINDS = frozenset({"int", "fen"})


@dataclass(frozen=True)
class Column:
    key: str  # the sort key handed back to the source
    title: str  # already translated for the user
    align: Align = "auto"  # auto: numbers right, everything else left
    kind: Kind = "text"

    @property
    def resolved_align(self) -> Literal["left", "right", "center"]:
        if self.align == "auto":
            return "right" if self.kind in NUMERIC_KINDS else "left"
        return self.align


@dataclass(frozen=True)
class TableQuery:
    text: str = ""
    sort_key: str | None = None  # None: the source's natural order
    descending: bool = False
    filters: Mapping[str, object] = field(default_factory=dict)

    def with_filter(self, key: str, value: object) -> TableQuery:
        """A copy with one filter set; None or "" removes it."""
        filters = {k: v for k, v in self.filters.items() if k != key}
        if value is not None and value != "":
            filters[key] = value
        return replace(self, filters=filters)


class TableSource(Protocol):
    """Rows for one table. ``page`` returns rows whose first ``len(columns)`` values match the columns;
    a row may carry extra trailing values (an id, detail text) that are not shown or exported."""

    @property
    def columns(self) -> Sequence[Column]: ...

    def count(self, query: TableQuery) -> int: ...

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]: ...


def iter_rows(source: TableSource, query: TableQuery, progress: Progress | None = None,
              page_size: int = 1000) -> Iterator[Sequence[object]]:
    """Every row of the query, visible columns only, a page at a time (for export)."""
    total = source.count(query)
    width = len(source.columns)
    offset = 0
    while offset < total:
        rows = source.page(query, offset, page_size)
        if not rows:
            break
        for row in rows:
            yield tuple(row[:width])
        offset += len(rows)
        if progress is not None:
            progress.report(min(offset, total), total)


# --- display -----------------------------------------------------------------------------------------

def format_fen(fen: int) -> str:
    """Integer fen as the user reads money: 123456 -> ¥1,234.56 (exact, no float)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def display_text(value: object, kind: str, yes: str = "是", no: str = "否") -> str:
    """The text a cell shows; the GUI passes translated yes/no."""
    if value is None:
        return ""
    if kind == "fen" and isinstance(value, int) and not isinstance(value, bool):
        return format_fen(value)
    if kind == "bool":
        return yes if value else no
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- a source over rows already in memory (short lists: users, communities, settings) --------------

class ListSource:
    """Filtering and sorting done in Python; for tables of a few hundred rows at most."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> None:
        self._columns = tuple(columns)
        self.rows = list(rows)

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _matching(self, query: TableQuery) -> list[Sequence[object]]:
        width = len(self._columns)
        needle = query.text.strip().casefold()
        rows = [r for r in self.rows
                if not needle or any(needle in display_text(v, c.kind).casefold()
                                     for v, c in zip(r[:width], self._columns, strict=True))]
        keys = [c.key for c in self._columns]
        for key, wanted in query.filters.items():
            if key in keys:
                i = keys.index(key)
                rows = [r for r in rows if r[i] == wanted]
        if query.sort_key in keys:
            i = keys.index(query.sort_key)
            # None sorts first; mixed types compare by text so sorting never raises
            rows.sort(key=lambda r: (r[i] is not None, _sortable(r[i])), reverse=query.descending)
        return rows

    def count(self, query: TableQuery) -> int:
        return len(self._matching(query))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        return self._matching(query)[offset:offset + limit]


def _sortable(value: object) -> tuple[int, object]:
    if isinstance(value, bool | int | float):
        return (0, value)
    if isinstance(value, dt.datetime):
        return (1, value.isoformat())
    if isinstance(value, dt.date):
        return (1, value.isoformat())
    return (2, "" if value is None else str(value))
