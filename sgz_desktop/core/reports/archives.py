"""Printed registers of the archive area: 归档文件目录 (DA/T 22-2015) as PDF and Excel, and the list of
items due for appraisal (到期档案鉴定清单).

The catalogue holds every finalised item of the year, one section per (门类, 保管期限, 机构) — the group its
件号 runs in — each starting on a new page, as the printed catalogues are bound per period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Spacer

from ..archive_numbering import categories, organisations
from ..archive_retention import RETENTIONS, expires_after, retention_label
from ..archive_tables import CATALOGUE_COLUMNS, DAT22_WIDTH, catalogue_items, catalogue_row, dat22_date, due_items
from ..archives import ItemInfo
from ..excel import write_table_xlsx
from ..profile import get_profile
from ..progress import Progress
from ..roles import Actor, Permission, require
from ..station import Station
from .register import RegisterPage, chinese_date, frame_width, heading, note, table, widths, write_register

CHUNK = 250  # rows per table: reportlab splits long tables slowly
CATALOGUE_WIDTHS = (5, 21, 14, 12, 32, 8, 5, 5, 8)


def _subtitle(year: int, category: str | None, retention: str | None, names: dict[str, str]) -> str:
    parts = [f"{year} 年度"]
    if category:
        parts.append(f"{names.get(category, category)}（{category}）")
    if retention:
        parts.append(retention_label(retention))
    return " · ".join(parts)


def in_station_order(items: list[ItemInfo], names: dict[str, str], orgs: dict[str, str]) -> list[ItemInfo]:
    """门类 and 机构 in the order the station lists them (文书 before 会计), periods Y, D30, D10."""
    def key(i: ItemInfo) -> tuple[int, str, int, int, str, int]:
        return (list(names).index(i.category) if i.category in names else len(names), i.category,
                RETENTIONS.index(i.retention) if i.retention in RETENTIONS else 9,
                list(orgs).index(i.org_code) if i.org_code in orgs else len(orgs), i.org_code, i.item_number or 0)
    return sorted(items, key=key)


def _tables(headers: Sequence[str], rows: Sequence[Sequence[object]], col_widths: list[float],
            align: str) -> list[Flowable]:
    if not rows:
        return [table(headers, [], col_widths, align=align)]
    return [table(headers, rows[i:i + CHUNK], col_widths, align=align) for i in range(0, len(rows), CHUNK)]


def write_catalogue_pdf(st: Station, actor: Actor, out: Path, year: int, category: str | None = None,
                        retention: str | None = None, progress: Progress | None = None) -> Path:
    """归档文件目录 of ``year`` (optionally one 门类 / one 期限), the DA/T 22 columns:
    序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注."""
    require(actor, Permission.VIEW)
    names, orgs = categories(st), organisations(st)
    items = in_station_order(catalogue_items(st, actor, year, category, retention), names, orgs)
    if progress is not None:
        progress.report(0, 2, "正在排版归档文件目录…")
    page = RegisterPage("归档文件目录", get_profile(st).name, _subtitle(year, category, retention, names),
                        st.clock.now().date(), wide=True, signatures=("整理人", "检查人"))
    headers = [c.title for c in CATALOGUE_COLUMNS[:DAT22_WIDTH]]
    col_widths = widths(frame_width(page), CATALOGUE_WIDTHS)
    body: list[Flowable] = [note(f"共 {len(items)} 件，{sum(i.pages for i in items)} 页。"
                                 "依据 DA/T 22-2015《归档文件整理规则》；日期以 8 位数字表示。")]
    if not items:
        body.append(note("该年度还没有已归档的档案。"))
    groups = groupby(items, key=lambda i: (i.category, i.retention, i.org_code))
    for n, ((cat, ret, org), members) in enumerate(groups):
        group = list(members)
        if n:
            body.append(PageBreak())
        body.append(heading(f"门类：{names.get(cat, cat)}（{cat}）　保管期限：{retention_label(ret)}（{ret}）　"
                            f"机构（问题）：{orgs.get(org, org)}（{org}）　共 {len(group)} 件"))
        rows = [catalogue_row(i, item)[:DAT22_WIDTH] for i, item in enumerate(group, start=1)]
        body += _tables(headers, rows, col_widths, "clllllccl")
    body.append(Spacer(1, 4))
    path = write_register(out, page, body)
    if progress is not None:
        progress.report(2, 2, "归档文件目录已生成")
    return path


def write_catalogue_xlsx(st: Station, actor: Actor, out: Path, year: int, category: str | None = None,
                         retention: str | None = None, progress: Progress | None = None) -> int:
    """The same catalogue as one Excel sheet (the DA/T 22 columns, then 门类, 年度, 期限, 机构, 件号)."""
    require(actor, Permission.VIEW)
    items = in_station_order(catalogue_items(st, actor, year, category, retention), categories(st),
                             organisations(st))
    rows = [catalogue_row(i, item) for i, item in enumerate(items, start=1)]
    return write_table_xlsx(out, f"{year}年归档文件目录", [c.title for c in CATALOGUE_COLUMNS], rows, progress,
                            [c.kind for c in CATALOGUE_COLUMNS], total=len(rows))


def write_due_pdf(st: Station, actor: Actor, out: Path, on: dt.date | None = None) -> Path:
    """到期档案鉴定清单: finalised items whose retention has run out, for the appraisal group."""
    require(actor, Permission.VIEW)
    on = on or st.clock.now().date()
    items: list[ItemInfo] = due_items(st, actor, on)
    page = RegisterPage("到期档案鉴定清单", get_profile(st).name, f"截至 {chinese_date(on)}", st.clock.now().date(),
                        wide=True, signatures=("鉴定小组成员", "单位负责人"))
    rows = [(i, item.danghao, item.title, dat22_date(item.doc_date), item.retention_label,
             f"{expires_after(item.year, item.retention)} 年底", item.pages, "")
            for i, item in enumerate(items, start=1)]
    body: list[Flowable] = [
        note(f"保管期限已满的档案共 {len(items)} 件。请逐件鉴定：仍有保存价值的延长保管期限；确无保存价值的，"
             "按规定编制销毁清册、报批后销毁（会计档案由单位负责人、档案机构和会计机构共同鉴定）。"),
        *_tables(("序号", "档号", "题名", "日期", "保管期限", "保管至", "页数", "鉴定意见"), rows,
                 widths(frame_width(page), (5, 19, 39, 8, 8, 8, 5, 14)), "cllccccl"),
    ]
    return write_register(out, page, body)
