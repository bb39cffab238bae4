"""The year's content from the station: finalised archive items with their files, and what blocks an
export (drafts, unreviewed ledger entries, files missing from the attachment store)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from ..archive_numbering import categories, organisations
from ..attachments import attachment_store
from ..models import ArchiveAmendment, ArchiveFile, ArchiveItem, LedgerEntry, Project
from ..roles import Actor, Permission, require
from ..settings import DANGHAO_PATTERN, get
from ..station import Station


@dataclass(frozen=True)
class PackageFile:
    seq: int
    original_name: str
    sha256: str
    size: int
    format: str
    pages: int | None


@dataclass(frozen=True)
class Amendment:
    at: dt.datetime
    by: str
    field: str
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class PackageItem:
    id: int
    danghao: str
    fonds: str
    category: str
    category_name: str
    year: int
    retention: str
    org: str
    org_name: str
    item_number: int
    doc_number: str
    responsible: str
    title: str
    doc_date: dt.date
    classification: str
    pages: int
    notes: str
    record_kind: str
    project: str
    finalised_at: dt.datetime | None
    finalised_by: str
    files: tuple[PackageFile, ...]
    amendments: tuple[Amendment, ...]

    @property
    def bytes(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class GroupCount:
    category: str
    category_name: str
    retention: str
    items: int
    files: int
    bytes: int
    pages: int
    first_number: int
    last_number: int


@dataclass(frozen=True)
class Blocker:
    kind: str  # draft / ledger / missing
    label: str  # what, for the list the archivist sees
    detail: str


@dataclass(frozen=True)
class PreCheck:
    year: int
    items: int
    files: int
    bytes: int
    pages: int
    groups: tuple[GroupCount, ...]
    blockers: tuple[Blocker, ...]
    pattern: str

    @property
    def blocked(self) -> bool:
        return bool(self.blockers)


def collect_items(st: Station, year: int) -> list[PackageItem]:
    """Every finalised item of ``year`` in 档号 order, with its files and amendments (three queries)."""
    cats, orgs = categories(st), organisations(st)
    with st.read() as s:
        rows = s.execute(select(ArchiveItem, Project.name).outerjoin(Project, Project.id == ArchiveItem.project_id)
                         .where(ArchiveItem.year == year, ArchiveItem.status == "final")
                         .order_by(ArchiveItem.category, ArchiveItem.retention, ArchiveItem.org_code,
                                   ArchiveItem.item_number)).all()
        ids = [r[0].id for r in rows]
        files: dict[int, list[PackageFile]] = defaultdict(list)
        amendments: dict[int, list[Amendment]] = defaultdict(list)
        for chunk in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            part = ids[chunk:chunk + 900]
            for f in s.scalars(select(ArchiveFile).where(ArchiveFile.item_id.in_(part))
                               .order_by(ArchiveFile.item_id, ArchiveFile.seq)):
                files[f.item_id].append(PackageFile(f.seq, f.file_name, f.sha256, f.size_bytes, f.format, f.pages))
            for a in s.scalars(select(ArchiveAmendment).where(ArchiveAmendment.item_id.in_(part))
                               .order_by(ArchiveAmendment.item_id, ArchiveAmendment.id)):
                amendments[a.item_id].append(Amendment(a.amended_at, a.amended_by, a.field, a.old_value, a.new_value,
                                                       a.reason))
        items = [PackageItem(
            r.id, r.danghao or "", r.fonds_code, r.category, cats.get(r.category, r.category), r.year, r.retention,
            r.org_code, orgs.get(r.org_code, r.org_code), r.item_number or 0, r.doc_number, r.responsible, r.title,
            r.doc_date, r.classification, r.pages, r.notes, r.record_kind, project or "", r.finalised_at,
            r.finalised_by, tuple(files[r.id]), tuple(amendments[r.id])) for r, project in rows]
    return items



def group_counts(items: list[PackageItem]) -> tuple[GroupCount, ...]:
    groups: dict[tuple[str, str], list[PackageItem]] = defaultdict(list)
    for item in items:
        groups[(item.category, item.retention)].append(item)
    order = {"Y": 0, "D30": 1, "D10": 2}
    return tuple(GroupCount(cat, members[0].category_name, ret, len(members), sum(len(i.files) for i in members),
                            sum(i.bytes for i in members), sum(i.pages for i in members),
                            min(i.item_number for i in members), max(i.item_number for i in members))
                 for (cat, ret), members in sorted(groups.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 9))))


def _drafts(st: Station, year: int) -> list[Blocker]:
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.id, ArchiveItem.title, ArchiveItem.doc_date)
                         .where(ArchiveItem.year == year, ArchiveItem.status != "final")
                         .order_by(ArchiveItem.doc_date, ArchiveItem.id)).all()
    return [Blocker("draft", f"草稿：{title}", f"{day:%Y-%m-%d} 登记的档案尚未归档（编号 {item_id}）")
            for item_id, title, day in rows]


def _unreviewed_ledger(st: Station, year: int) -> list[Blocker]:
    try:
        with st.read() as s:
            rows = s.execute(select(LedgerEntry.voucher_no, LedgerEntry.summary, LedgerEntry.amount_fen)
                             .where(LedgerEntry.year == year, LedgerEntry.reviewed_at.is_(None))
                             .order_by(LedgerEntry.voucher_no)).all()
    except OperationalError:  # a station from before the finance area has no ledger table
        return []
    return [Blocker("ledger", f"未审核账目：第 {no} 号凭证", f"{summary}（{amount / 100:,.2f} 元）")
            for no, summary, amount in rows]


def _missing_files(st: Station, items: list[PackageItem]) -> list[Blocker]:
    store = attachment_store(st)
    return [Blocker("missing", f"文件丢失：{item.danghao}", f"{f.original_name}（{f.sha256[:12]}…）不在附件库中")
            for item in items for f in item.files if not store.exists(f.sha256)]


def precheck(st: Station, actor: Actor, year: int) -> PreCheck:
    """What the year's package would hold, and what must be settled first."""
    require(actor, Permission.EXPORT_YEAR)
    items = collect_items(st, year)
    return _precheck(st, year, items)


def _precheck(st: Station, year: int, items: list[PackageItem]) -> PreCheck:
    blockers = _drafts(st, year) + _unreviewed_ledger(st, year) + _missing_files(st, items)
    if not items:
        blockers.append(Blocker("empty", f"{year} 年没有已归档的档案", "请先在“档案”中登记并归档"))
    return PreCheck(year, len(items), sum(len(i.files) for i in items), sum(i.bytes for i in items),
                    sum(i.pages for i in items), group_counts(items), tuple(blockers), str(get(st, DANGHAO_PATTERN)))


def archive_years(st: Station) -> list[int]:
    """Years that have archive items, newest first (the wizard's choices)."""
    with st.read() as s:
        return list(s.scalars(select(ArchiveItem.year).group_by(ArchiveItem.year)
                              .order_by(func.max(ArchiveItem.year).desc())))
