"""The archive area's tables: the item list (lazy, counted and paged in SQL), items due for appraisal,
and the catalogue rows shared by the catalogue's PDF and Excel.

Item list filters (``TableQuery.filters``): ``year`` (int), ``category``, ``retention``, ``org_code``,
``status`` (draft / final), ``project_id`` (int), ``refs`` (档号 or 题名 of the items a dashboard card names);
the text matches 题名, 档号, 文号 and 责任者.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select

from .archive_retention import RETENTIONS, expires_after, retention_label
from .archives import FINAL, STATUS_LABELS, ItemInfo, group_order, info_select, row_info
from .models import ArchiveFile, ArchiveItem, Project
from .roles import Actor, Permission, require
from .station import Station
from .tables import Column, ListSource, TableQuery

ITEM_COLUMNS = (
    Column("danghao", "档号"),
    Column("title", "题名"),
    Column("doc_date", "日期", kind="date"),
    Column("category", "门类", align="center"),
    Column("year", "年度", kind="int", align="center"),
    Column("retention", "保管期限", align="center"),
    Column("org_code", "机构", align="center"),
    Column("item_number", "件号", kind="int", align="center"),
    Column("doc_number", "文号"),
    Column("responsible", "责任者"),
    Column("classification", "密级", align="center"),
    Column("pages", "页数", kind="int"),
    Column("files", "文件数", kind="int"),
    Column("status", "状态", align="center"),
    Column("project", "服务项目"),
)


def _titled(columns: Sequence[Column], titles: Mapping[str, str] | None) -> tuple[Column, ...]:
    titles = titles or {}
    return tuple(Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in columns)


class ArchiveSource:
    """``page`` rows: the visible columns, then the item id (hidden)."""

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        self._columns = _titled(ITEM_COLUMNS, titles)
        self._files = (select(func.count(ArchiveFile.id)).where(ArchiveFile.item_id == ArchiveItem.id)
                       .correlate(ArchiveItem).scalar_subquery())

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        for key in ("year", "category", "retention", "org_code", "status", "project_id"):
            if f.get(key) not in (None, ""):
                where.append(getattr(ArchiveItem, key) == f[key])
        refs = f.get("refs")
        if isinstance(refs, tuple | list):
            keys = [card_ref(str(r)) for r in refs]
            where.append(or_(ArchiveItem.danghao.in_(keys), ArchiveItem.title.in_(keys)))
        text = query.text.strip()
        if text:
            where.append(or_(ArchiveItem.title.contains(text, autoescape=True),
                             ArchiveItem.danghao.contains(text, autoescape=True),
                             ArchiveItem.doc_number.contains(text, autoescape=True),
                             ArchiveItem.responsible.contains(text, autoescape=True)))
        return where

    def count(self, query: TableQuery) -> int:
        with self.st.read() as s:
            return int(s.scalar(select(func.count(ArchiveItem.id)).where(*self._conditions(query))) or 0)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts: dict[str, Any] = {
            "danghao": ArchiveItem.danghao, "title": ArchiveItem.title, "doc_date": ArchiveItem.doc_date,
            "category": ArchiveItem.category, "year": ArchiveItem.year,
            "retention": case({r: i for i, r in enumerate(RETENTIONS)}, value=ArchiveItem.retention),
            "org_code": ArchiveItem.org_code, "item_number": ArchiveItem.item_number,
            "doc_number": ArchiveItem.doc_number, "responsible": ArchiveItem.responsible,
            "classification": ArchiveItem.classification, "pages": ArchiveItem.pages, "files": self._files,
            "status": ArchiveItem.status, "project": Project.name}
        sort = sorts.get(query.sort_key or "")
        order = [sort.desc() if query.descending else sort.asc()] if sort is not None else []
        # Natural order: drafts first (they need attention), then newest year, in catalogue order.
        natural = [ArchiveItem.status != "draft", ArchiveItem.year.desc(), *group_order()[1:]]
        stmt = (select(ArchiveItem.danghao, ArchiveItem.title, ArchiveItem.doc_date, ArchiveItem.category,
                       ArchiveItem.year, ArchiveItem.retention, ArchiveItem.org_code, ArchiveItem.item_number,
                       ArchiveItem.doc_number, ArchiveItem.responsible, ArchiveItem.classification,
                       ArchiveItem.pages, self._files, ArchiveItem.status, Project.name, ArchiveItem.id)
                .outerjoin(Project, Project.id == ArchiveItem.project_id)
                .where(*self._conditions(query)).order_by(*order, *natural).offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        return [(d or "", t, on, c, y, retention_label(r), o, n, dn, resp, cl, p, int(fc),
                 STATUS_LABELS.get(st, st), pn or "", i)
                for d, t, on, c, y, r, o, n, dn, resp, cl, p, fc, st, pn, i in rows]


def card_ref(text: str) -> str:
    """The 档号 or 题名 inside a dashboard card's line: "Z109-WS·2014-D10-FW-0001 题名" or "题名（2026-01-05 登记）"."""
    head, _sep, _rest = text.partition(" ")
    if "·" in head and "-" in head:
        return head
    return text.rsplit("（", 1)[0] if text.endswith("登记）") else text


def items_by_year(st: Station, years: int = 5) -> list[tuple[int, dict[str, int]]]:
    """Items per category in each of the last ``years`` years up to this one, oldest first (the dashboard)."""
    this_year = st.clock.now().year
    first = this_year - years + 1
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.year, ArchiveItem.category, func.count(ArchiveItem.id))
                         .where(ArchiveItem.year >= first).group_by(ArchiveItem.year, ArchiveItem.category)).all()
    by_year: dict[int, dict[str, int]] = {year: {} for year in range(first, this_year + 1)}
    for year, category, count in rows:
        if int(year) in by_year:
            by_year[int(year)][str(category)] = int(count)
    return sorted(by_year.items())


# --- catalogue (归档文件目录, DA/T 22-2015) ---------------------------------------------------------------

CATALOGUE_COLUMNS = (
    Column("seq", "序号", kind="int", align="center"), Column("danghao", "档号"), Column("doc_number", "文号"),
    Column("responsible", "责任者"), Column("title", "题名"), Column("date", "日期", align="center"),
    Column("classification", "密级", align="center"), Column("pages", "页数", kind="int"), Column("notes", "备注"),
    Column("category", "门类", align="center"), Column("year", "年度", kind="int", align="center"),
    Column("retention", "保管期限", align="center"), Column("org_code", "机构", align="center"),
    Column("item_number", "件号", kind="int", align="center"),
)
DAT22_WIDTH = 9  # the first nine columns are the DA/T 22 catalogue; the rest help sorting in Excel


def catalogue_items(st: Station, actor: Actor, year: int, category: str | None = None,
                    retention: str | None = None) -> list[ItemInfo]:
    """Finalised items of the year in catalogue order (门类, 期限, 机构, 件号)."""
    require(actor, Permission.VIEW)
    stmt = info_select().where(ArchiveItem.status == FINAL, ArchiveItem.year == year).order_by(*group_order())
    if category:
        stmt = stmt.where(ArchiveItem.category == category)
    if retention:
        stmt = stmt.where(ArchiveItem.retention == retention)
    with st.read() as s:
        return [row_info(r) for r in s.execute(stmt)]


def dat22_date(day: dt.date) -> str:
    """DA/T 22 writes dates as eight digits: 20240315."""
    return f"{day:%Y%m%d}"


def catalogue_row(seq: int, item: ItemInfo) -> tuple[object, ...]:
    return (seq, item.danghao, item.doc_number, item.responsible, item.title, dat22_date(item.doc_date),
            item.classification, item.pages, item.notes, item.category, item.year, item.retention_label,
            item.org_code, item.item_number)


# --- due for appraisal (鉴定) ----------------------------------------------------------------------------

DUE_COLUMNS = (Column("danghao", "档号"), Column("title", "题名"), Column("year", "年度", kind="int", align="center"),
               Column("retention", "保管期限", align="center"), Column("expired", "保管至", kind="int", align="center"),
               Column("doc_date", "日期", kind="date"), Column("pages", "页数", kind="int"))


def due_items(st: Station, actor: Actor, on: dt.date | None = None) -> list[ItemInfo]:
    """Finalised items whose retention has run out by ``on`` (default today): they await appraisal —
    kept longer or, with approval, destroyed — never deleted by the program."""
    require(actor, Permission.VIEW)
    on = on or st.clock.now().date()
    expired = or_(*[(ArchiveItem.retention == r) & (ArchiveItem.year < on.year - years)
                    for r, years in (("D10", 10), ("D30", 30))])
    stmt = info_select().where(ArchiveItem.status == FINAL, expired).order_by(*group_order())
    with st.read() as s:
        return [row_info(r) for r in s.execute(stmt)]


def due_table(st: Station, actor: Actor, on: dt.date | None = None,
              titles: Mapping[str, str] | None = None) -> ListSource:
    """Rows end with the item id (hidden)."""
    rows = [(i.danghao, i.title, i.year, i.retention_label, expires_after(i.year, i.retention), i.doc_date, i.pages,
             i.id) for i in due_items(st, actor, on)]
    return ListSource(_titled(DUE_COLUMNS, titles), rows)
