"""The package's content from the station: the finalised archive items of a year or of a project's cycle
with their files, and what blocks an export (drafts, unreviewed ledger entries, a project's items dated
outside its cycle, files missing from the attachment store)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.exc import OperationalError

from ..archive_numbering import categories, organisations
from ..attachments import FileAttachmentStore, attachment_store
from ..errors import NotFound
from ..models import ArchiveAmendment, ArchiveFile, ArchiveItem, LedgerEntry, Project
from ..roles import Actor, Permission, require
from ..settings import DANGHAO_PATTERN, get
from ..station import Station
from .scope import Scope, as_scope
from .zipread import MAX_ENTRIES

# A package's zip entries beside the files: each item's metadata (JSON and XML), then the catalogue, handover
# list, registers and tag files, with room to spare. Past the verifier's limit, the package would be refused.
PACKAGE_ENTRIES_PER_ITEM = 2
PACKAGE_OTHER_ENTRIES = 1000


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
    year: int | None = None  # a project package counts each archival year on its own line
    org: str = ""  # 机构（问题）代码: 件号 run per 门类, 年度, 保管期限 and 机构, so each has its own line


@dataclass(frozen=True)
class Blocker:
    kind: str  # draft / ledger / outside / missing / empty / too_many
    label: str  # what, for the list the archivist sees
    detail: str


@dataclass(frozen=True)
class PreCheck:
    scope: Scope
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

    @property
    def year(self) -> int | None:
        return self.scope.year


def _in_scope(scope: Scope) -> ColumnElement[bool]:
    """A year: its items. A project: its items dated inside the cycle (any archival year)."""
    if not scope.is_project:
        return ArchiveItem.year == scope.year
    return and_(ArchiveItem.project_id == scope.project_id, ArchiveItem.doc_date.between(scope.first, scope.last))


def collect_items(st: Station, scope: Scope | int) -> list[PackageItem]:
    """Every finalised item of the year (or of the project's cycle) in 档号 order, with its files and
    amendments."""
    return list(iter_items(st, scope))


def iter_items(st: Station, scope: Scope | int, *, chunk: int = 500) -> Iterator[PackageItem]:
    """``collect_items`` one chunk at a time (three queries per chunk, in one read transaction, so one
    snapshot): a year of tens of thousands of items is never held whole."""
    scope = as_scope(scope)
    cats, orgs = categories(st), organisations(st)
    with st.read() as s:
        result = s.execute(select(ArchiveItem, Project.name).outerjoin(Project, Project.id == ArchiveItem.project_id)
                           .where(_in_scope(scope), ArchiveItem.status == "final")
                           .order_by(ArchiveItem.category, ArchiveItem.retention, ArchiveItem.year,
                                     ArchiveItem.org_code, ArchiveItem.item_number)
                           .execution_options(yield_per=chunk))
        for rows in result.partitions():  # chunk stays under SQLite's bound-parameter limit
            part = [r[0].id for r in rows]
            files: dict[int, list[PackageFile]] = defaultdict(list)
            amendments: dict[int, list[Amendment]] = defaultdict(list)
            for f in s.scalars(select(ArchiveFile).where(ArchiveFile.item_id.in_(part))
                               .order_by(ArchiveFile.item_id, ArchiveFile.seq)):
                files[f.item_id].append(PackageFile(f.seq, f.file_name, f.sha256, f.size_bytes, f.format, f.pages))
            for a in s.scalars(select(ArchiveAmendment).where(ArchiveAmendment.item_id.in_(part))
                               .order_by(ArchiveAmendment.item_id, ArchiveAmendment.id)):
                amendments[a.item_id].append(Amendment(a.amended_at, a.amended_by, a.field, a.old_value, a.new_value,
                                                       a.reason))
            for r, project in rows:
                yield PackageItem(
                    r.id, r.danghao or "", r.fonds_code, r.category, cats.get(r.category, r.category), r.year,
                    r.retention, r.org_code, orgs.get(r.org_code, r.org_code), r.item_number or 0, r.doc_number,
                    r.responsible, r.title, r.doc_date, r.classification, r.pages, r.notes, r.record_kind,
                    project or "", r.finalised_at, r.finalised_by, tuple(files[r.id]), tuple(amendments[r.id]))


class GroupTally:
    """Counts per (门类, 保管期限, 机构) — a project package's also per 年度, since its 件号 restart each year —
    added up one item at a time. Each line is one run of 件号, so its 件号起止 agree with its 件数."""

    def __init__(self, *, by_year: bool = False) -> None:
        self.by_year = by_year
        self._groups: dict[tuple[str, str, str, int], list[Any]] = {}

    def add(self, item: PackageItem) -> None:
        key = (item.category, item.retention, item.org, item.year if self.by_year else 0)
        g = self._groups.get(key)
        if g is None:
            self._groups[key] = [item.category_name, 1, len(item.files), item.bytes, item.pages, item.item_number,
                                 item.item_number]
            return
        g[1] += 1
        g[2] += len(item.files)
        g[3] += item.bytes
        g[4] += item.pages
        g[5] = min(g[5], item.item_number)
        g[6] = max(g[6], item.item_number)

    def counts(self) -> tuple[GroupCount, ...]:
        order = {"Y": 0, "D30": 1, "D10": 2}
        return tuple(GroupCount(cat, name, ret, n, files, size, pages, first, last, year if self.by_year else None, org)
                     for (cat, ret, org, year), (name, n, files, size, pages, first, last)
                     in sorted(self._groups.items(),
                               key=lambda kv: (kv[0][0], order.get(kv[0][1], 9), kv[0][3], kv[0][2])))


def group_counts(items: Iterable[PackageItem], *, by_year: bool = False) -> tuple[GroupCount, ...]:
    """Counts per (门类, 保管期限, 机构); a project package also per 年度, since its 件号 restart each year."""
    tally = GroupTally(by_year=by_year)
    for item in items:
        tally.add(item)
    return tally.counts()


def _drafts(st: Station, scope: Scope) -> list[Blocker]:
    which = ArchiveItem.year == scope.year if not scope.is_project else ArchiveItem.project_id == scope.project_id
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.id, ArchiveItem.title, ArchiveItem.doc_date)
                         .where(which, ArchiveItem.status != "final")
                         .order_by(ArchiveItem.doc_date, ArchiveItem.id)).all()
    return [Blocker("draft", f"草稿：{title}", f"{day:%Y-%m-%d} 登记的档案尚未归档（编号 {item_id}）")
            for item_id, title, day in rows]


def _outside(st: Station, scope: Scope) -> list[Blocker]:
    """A project's finalised items dated outside its cycle: not in the package unless the period is fixed."""
    if not scope.is_project:
        return []
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.danghao, ArchiveItem.title, ArchiveItem.doc_date)
                         .where(ArchiveItem.project_id == scope.project_id, ArchiveItem.status == "final",
                                ~ArchiveItem.doc_date.between(scope.first, scope.last))
                         .order_by(ArchiveItem.doc_date, ArchiveItem.id)).all()
    return [Blocker("outside", f"日期不在项目周期内：{danghao or title}",
                    f"「{title}」的日期 {day:%Y-%m-%d} 不在 {scope.period_text} 之内；请在“服务项目”中核对项目周期，"
                    "或强制导出（这件不放进移交包）") for danghao, title, day in rows]


def _unreviewed_ledger(st: Station, scope: Scope) -> list[Blocker]:
    which = LedgerEntry.year == scope.year if not scope.is_project else LedgerEntry.project_id == scope.project_id
    try:
        with st.read() as s:
            rows = s.execute(select(LedgerEntry.year, LedgerEntry.voucher_no, LedgerEntry.summary,
                                    LedgerEntry.amount_fen)
                             .where(which, LedgerEntry.reviewed_at.is_(None))
                             .order_by(LedgerEntry.year, LedgerEntry.voucher_no)).all()
    except OperationalError:  # a station from before the finance area has no ledger table
        return []
    return [Blocker("ledger", f"未审核账目：第 {no} 号凭证" if not scope.is_project else
                    f"未审核账目：{year} 年第 {no} 号凭证", f"{summary}（{amount / 100:,.2f} 元）")
            for year, no, summary, amount in rows]


def _missing_files(store: FileAttachmentStore, item: PackageItem) -> list[Blocker]:
    return [Blocker("missing", f"文件丢失：{item.danghao}", f"{f.original_name}（{f.sha256[:12]}…）不在附件库中")
            for f in item.files if not store.exists(f.sha256)]


def precheck(st: Station, actor: Actor, year: int) -> PreCheck:
    """What the year's package would hold, and what must be settled first."""
    require(actor, Permission.EXPORT_YEAR)
    scope = Scope.of_year(year)
    return _precheck(st, scope, iter_items(st, scope))


def precheck_project(st: Station, actor: Actor, project_id: int) -> PreCheck:
    """What the project's package would hold (its items dated inside its cycle), and what must be settled."""
    require(actor, Permission.EXPORT_YEAR)
    scope = project_scope(st, project_id)
    return _precheck(st, scope, iter_items(st, scope))


def project_scope(st: Station, project_id: int) -> Scope:
    """The project's cycle; one without an end date runs to today."""
    with st.read() as s:
        row = s.get(Project, project_id)
        if row is None:
            raise NotFound(f"没有编号为 {project_id} 的服务项目（项目编号可用 sgz export-project --list 查看）。")
        return Scope.of_project(row.id, row.name, row.start_date, row.end_date, st.clock.now().date())


def _precheck(st: Station, scope: Scope | int, items: Iterable[PackageItem]) -> PreCheck:
    """Counts and blockers in one pass over ``items`` (which may be a stream from the database)."""
    scope = as_scope(scope)
    store = attachment_store(st)
    tally = GroupTally(by_year=scope.is_project)
    missing: list[Blocker] = []
    n = files = size = pages = 0
    for item in items:
        tally.add(item)
        missing += _missing_files(store, item)
        n += 1
        files += len(item.files)
        size += item.bytes
        pages += item.pages
    blockers = _drafts(st, scope) + _unreviewed_ledger(st, scope) + _outside(st, scope) + missing
    what = f"{scope.year} 年" if not scope.is_project else f"{scope.short}在项目周期内"
    if files + PACKAGE_ENTRIES_PER_ITEM * n + PACKAGE_OTHER_ENTRIES > MAX_ENTRIES:
        blockers.append(Blocker(
            "too_many", f"{what}的档案文件太多，一个移交包装不下",
            f"共 {n:,} 件、{files:,} 个文件，加上每件的元数据文件，超过一个移交包最多 {MAX_ENTRIES:,} 个文件的上限"
            "（接收方的校验程序会拒收）；请把逐页扫描的图片合并为一个 PDF 再归档"
            + ("，或按服务项目周期分别导出" if not scope.is_project else "")))
    if not n:
        blockers.append(Blocker("empty", f"{what}没有已归档的档案", "请先在“档案”中登记并归档"
                                + ("，并在档案的“服务项目”一栏选择这个项目" if scope.is_project else "")))
    return PreCheck(scope, n, files, size, pages, tally.counts(), tuple(blockers), str(get(st, DANGHAO_PATTERN)))


def archive_years(st: Station) -> list[int]:
    """Years that have archive items, newest first (the wizard's choices)."""
    with st.read() as s:
        return list(s.scalars(select(ArchiveItem.year).group_by(ArchiveItem.year)
                              .order_by(func.max(ArchiveItem.year).desc())))


@dataclass(frozen=True)
class ProjectChoice:
    """A project the archivist may package: its cycle and how many finalised items point at it."""

    id: int
    label: str  # 【基础】社会救助·低保家庭帮扶
    start_date: dt.date
    end_date: dt.date | None
    items: int


def project_choices(st: Station, actor: Actor) -> list[ProjectChoice]:
    """Every service project, in the projects page's order (the wizard's and the CLI's list)."""
    from ..projects import list_projects

    require(actor, Permission.EXPORT_YEAR)
    with st.read() as s:
        counts: dict[int, int] = {pid: n for pid, n in s.execute(
            select(ArchiveItem.project_id, func.count()).where(ArchiveItem.project_id.is_not(None),
                                                               ArchiveItem.status == "final")
            .group_by(ArchiveItem.project_id)) if pid is not None}
    return [ProjectChoice(p.id, p.label, p.start_date, p.end_date, counts.get(p.id, 0))
            for p in list_projects(st, actor)]
