"""Archive items (Art. 23–24): register a draft with its files, edit it, look items up.

An item (件) carries the DA/T 22-2015 fields; its files go to the content-addressed attachment store
first (durable, hashed at ingest) and only then is the row written, so a crash leaves at most an
unreferenced file in the store, never a row without its file. Finalising (归档) and amendments are in
``archive_filing``; 档号 patterns and code lists in ``archive_numbering``; periods in ``archive_retention``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from .archive_numbering import ACCOUNTING, WRITINGS, categories, finance_org, organisations
from .archive_retention import ACCOUNTING_KINDS, RETENTIONS, accounting_problem, proposed_retention, retention_label
from .attachments import StoredFile, attachment_store
from .db.ids import assign_ids
from .errors import IntegrityFailure, NotFound, Problem, ValidationError
from .models import ArchiveAmendment, ArchiveFile, ArchiveItem, Project
from .profile import get_profile
from .progress import Progress
from .roles import Actor, Permission, require
from .station import Station

DRAFT, FINAL = "draft", "final"
STATUS_LABELS = {DRAFT: "草稿", FINAL: "已归档"}
CLASSIFICATIONS = ("公开", "内部", "秘密", "机密", "绝密")  # 密级
DEFAULT_CLASSIFICATION = "内部"
LABELS = {
    "title": "题名", "doc_date": "日期", "responsible": "责任者", "doc_number": "文号", "category": "门类",
    "retention": "保管期限", "org_code": "机构（问题）", "classification": "密级", "record_kind": "会计档案类别",
    "notes": "备注", "project_id": "服务项目", "files": "文件", "year": "年度", "pages": "页数",
    "item_number": "件号", "danghao": "档号", "fonds_code": "全宗号",
}
MAX_TITLE = 500


@dataclass(frozen=True)
class ItemInput:
    """What a form, the command line or a linked record gives for one item. The year is the year of
    ``doc_date``; an empty retention is proposed from the accounting kind; an empty organisation is the
    first configured one (财务 for accounting records); an empty responsible party is the station."""

    title: str
    doc_date: dt.date
    responsible: str = ""
    category: str = WRITINGS
    retention: str = ""
    org_code: str = ""
    doc_number: str = ""
    classification: str = DEFAULT_CLASSIFICATION
    record_kind: str = ""
    notes: str = ""
    project_id: int | None = None


@dataclass(frozen=True)
class SourceRef:
    """The record an item was filed from: ``kind`` is a key of ``archive_sources.SOURCES``."""

    kind: str
    id: int


@dataclass(frozen=True)
class ItemInfo:
    id: int
    status: str
    fonds_code: str
    category: str
    year: int
    retention: str
    org_code: str
    item_number: int | None
    danghao: str
    title: str
    responsible: str
    doc_number: str
    doc_date: dt.date
    pages: int
    classification: str
    record_kind: str
    notes: str
    project_id: int | None
    project_name: str
    source_kind: str
    source_id: int | None
    created_at: dt.datetime
    created_by: str
    finalised_at: dt.datetime | None
    finalised_by: str
    file_count: int
    total_bytes: int

    @property
    def is_final(self) -> bool:
        return self.status == FINAL

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def retention_label(self) -> str:
        return retention_label(self.retention)

    def as_input(self) -> ItemInput:
        """The editable values, to change with ``dataclasses.replace``."""
        return ItemInput(self.title, self.doc_date, self.responsible, self.category, self.retention, self.org_code,
                         self.doc_number, self.classification, self.record_kind, self.notes, self.project_id)


@dataclass(frozen=True)
class FileInfo:
    id: int
    item_id: int
    seq: int
    file_name: str
    sha256: str
    size_bytes: int
    format: str
    pages: int | None
    added_at: dt.datetime


@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    item_id: int
    amended_at: dt.datetime
    amended_by: str
    field: str
    old_value: str
    new_value: str
    reason: str

    @property
    def field_label(self) -> str:
        return LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class ItemDetail:
    item: ItemInfo
    files: tuple[FileInfo, ...]
    amendments: tuple[AmendmentInfo, ...]


# --- validation ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeLists:
    """What the station has configured, read once per action."""

    categories: Mapping[str, str]
    organisations: Mapping[str, str]
    station_name: str

    @staticmethod
    def of(st: Station) -> CodeLists:
        return CodeLists(categories(st), organisations(st), get_profile(st).name)


def normalised(data: ItemInput, codes: CodeLists) -> ItemInput:
    category = data.category.strip().upper()
    record_kind = data.record_kind.strip()
    retention = data.retention.strip().upper() or (proposed_retention(record_kind) or "")
    org = data.org_code.strip().upper()
    if not org and codes.organisations:
        org = finance_org(dict(codes.organisations)) if category == ACCOUNTING else next(iter(codes.organisations))
    return replace(data, title=" ".join(data.title.split()), responsible=data.responsible.strip() or codes.station_name,
                   category=category, retention=retention, org_code=org, doc_number=data.doc_number.strip(),
                   classification=data.classification.strip(), record_kind=record_kind, notes=data.notes.strip())


def item_problems(data: ItemInput, codes: CodeLists, *, today: dt.date, row: int | None = None) -> list[Problem]:
    """Every reason this item cannot be saved as given; ``data`` must be ``normalised``."""
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason, row))

    if not data.title:
        bad("title", "不能为空")
    elif len(data.title) > MAX_TITLE:
        bad("title", f"不能超过 {MAX_TITLE} 个字")
    if data.doc_date > today:
        bad("doc_date", "不能晚于今天")
    elif data.doc_date.year < 1949:
        bad("doc_date", "不能早于 1949 年")
    if len(data.responsible) > 200:
        bad("responsible", "不能超过 200 个字")
    if len(data.doc_number) > 100:
        bad("doc_number", "不能超过 100 个字")
    if data.category not in codes.categories:
        bad("category", f"「{data.category}」不是本站设置的门类（{_codes(codes.categories)}）")
    if data.retention not in RETENTIONS:
        bad("retention", "请选择：" + "、".join(f"{retention_label(r)}（{r}）" for r in RETENTIONS))
    if data.org_code not in codes.organisations:
        bad("org_code", f"「{data.org_code}」不是本站设置的机构（问题）代码（{_codes(codes.organisations)}）")
    if data.classification not in CLASSIFICATIONS:
        bad("classification", f"只能是{'、'.join(CLASSIFICATIONS)}之一")
    if data.record_kind:
        if data.record_kind not in ACCOUNTING_KINDS:
            bad("record_kind", f"「{data.record_kind}」不是《会计档案管理办法》列出的会计档案类别")
        elif data.category != ACCOUNTING:
            bad("record_kind", f"只有会计（{ACCOUNTING}）门类的档案才有会计档案类别")
        elif data.retention in RETENTIONS and (problem := accounting_problem(data.record_kind, data.retention)):
            bad("retention", problem)
    if len(data.notes) > 2000:
        bad("notes", "不能超过 2000 个字")
    return problems


def _codes(codes: Mapping[str, str]) -> str:
    return "、".join(f"{code} {name}" for code, name in codes.items()) or "尚未设置"


def check_item(s: Session, data: ItemInput, codes: CodeLists, today: dt.date) -> None:
    """Validate against the database too (the project must exist); raises ValidationError."""
    problems = item_problems(data, codes, today=today)
    if data.project_id is not None and s.get(Project, data.project_id) is None:
        problems.append(Problem(LABELS["project_id"], f"没有编号为 {data.project_id} 的服务项目"))
    if problems:
        raise ValidationError(problems)


def apply_input(row: ArchiveItem, data: ItemInput) -> None:
    row.title = data.title
    row.doc_date = data.doc_date
    row.year = data.doc_date.year
    row.responsible = data.responsible
    row.category = data.category
    row.retention = data.retention
    row.org_code = data.org_code
    row.doc_number = data.doc_number
    row.classification = data.classification
    row.record_kind = data.record_kind
    row.notes = data.notes
    row.project_id = data.project_id


# --- files --------------------------------------------------------------------------------------------

def ingest_files(st: Station, paths: Sequence[Path], *, distinct: bool = True) -> list[StoredFile]:
    """Copy every file into the store (hashed, flushed, renamed), several at a time; all problems at once,
    nothing recorded. The files come back in the order given; ``distinct`` refuses the same content twice."""
    return _ingested(attachment_store(st).ingest_many([Path(p) for p in paths]), distinct=distinct)


def _refused(outcomes: Sequence[object]) -> None:
    problems = [p for o in outcomes if isinstance(o, ValidationError) for p in o.problems]
    if problems:
        raise ValidationError(problems)


def _ingested(outcomes: Sequence[StoredFile | ValidationError], *, distinct: bool) -> list[StoredFile]:
    stored = [o for o in outcomes if isinstance(o, StoredFile)]
    problems = [p for o in outcomes if isinstance(o, ValidationError) for p in o.problems]
    seen: dict[str, str] = {}
    for f in stored if distinct else ():
        if f.sha256 in seen:
            problems.append(Problem(LABELS["files"], f"{f.original_name} 与 {seen[f.sha256]} 内容相同，只需添加一次"))
        seen.setdefault(f.sha256, f.original_name)
    if problems:
        raise ValidationError(problems)
    return stored


def attach(s: Session, item: ArchiveItem, files: Sequence[StoredFile], now: dt.datetime,
           existing: Sequence[ArchiveFile] | None = None) -> list[ArchiveFile]:
    """Add file rows after the item's existing ones (``[]`` for a new item: no query) and recount its pages,
    inside the caller's transaction."""
    rows = file_rows(s, item, files, now, existing)
    s.add_all(rows)
    return rows


def file_rows(s: Session, item: ArchiveItem, files: Sequence[StoredFile], now: dt.datetime,
              existing: Sequence[ArchiveFile] | None = None) -> list[ArchiveFile]:
    """``attach`` without adding the rows to the session (a batch gives them their ids first)."""
    if existing is None:
        existing = list(s.scalars(select(ArchiveFile).where(ArchiveFile.item_id == item.id)
                                  .order_by(ArchiveFile.seq)))
    known = {f.sha256: f.file_name for f in existing}
    problems = []
    for f in files:
        if f.sha256 in known:
            problems.append(Problem(LABELS["files"], f"{f.original_name} 与本件的 {known[f.sha256]} 内容相同"))
        known.setdefault(f.sha256, f.original_name)
    if problems:
        raise ValidationError(problems)
    seq = max((f.seq for f in existing), default=0)
    rows = []
    for f in files:
        seq += 1
        rows.append(ArchiveFile(item_id=item.id, seq=seq, file_name=f.original_name[:255], sha256=f.sha256,
                                size_bytes=f.size, format=f.format, pages=f.pages, added_at=now))
    pages = count_pages([*existing, *rows])
    if item.pages != pages:  # set only when it changes: an unchanged item stays out of the flush
        item.pages = pages
    return rows


def count_pages(files: Sequence[ArchiveFile]) -> int:
    """页数: a PDF's pages, one for each image."""
    return sum(f.pages or 1 for f in files)


# --- reading ------------------------------------------------------------------------------------------

def _file_count() -> ColumnElement[int]:
    return (select(func.count(ArchiveFile.id)).where(ArchiveFile.item_id == ArchiveItem.id)
            .correlate(ArchiveItem).scalar_subquery())


def _total_bytes() -> ColumnElement[int]:
    return (select(func.coalesce(func.sum(ArchiveFile.size_bytes), 0)).where(ArchiveFile.item_id == ArchiveItem.id)
            .correlate(ArchiveItem).scalar_subquery())


def info_select() -> Select[*tuple[Any, ...]]:
    """Rows of (item, project name, file count, bytes): turn each into ``ItemInfo`` with ``row_info``."""
    return (select(ArchiveItem, Project.name, _file_count(), _total_bytes())
            .outerjoin(Project, Project.id == ArchiveItem.project_id))


def group_order() -> list[Any]:
    """Catalogue order: year, category, retention (Y, D30, D10), organisation, 件号; drafts last by id."""
    from sqlalchemy import case

    return [ArchiveItem.year, ArchiveItem.category,
            case({r: i for i, r in enumerate(RETENTIONS)}, value=ArchiveItem.retention, else_=len(RETENTIONS)),
            ArchiveItem.org_code, ArchiveItem.item_number.is_(None), ArchiveItem.item_number, ArchiveItem.id]


def to_info(row: ArchiveItem, project_name: str | None, files: int, size: int) -> ItemInfo:
    return ItemInfo(row.id, row.status, row.fonds_code, row.category, row.year, row.retention, row.org_code,
                    row.item_number, row.danghao or "", row.title, row.responsible, row.doc_number, row.doc_date,
                    row.pages, row.classification, row.record_kind, row.notes, row.project_id, project_name or "",
                    row.source_kind, row.source_id, row.created_at, row.created_by, row.finalised_at,
                    row.finalised_by, int(files or 0), int(size or 0))


def row_info(r: Any) -> ItemInfo:
    return to_info(r[0], r[1], r[2], r[3])


def item_info(s: Session, item_id: int) -> ItemInfo:
    found = s.execute(info_select().where(ArchiveItem.id == item_id)).first()
    if found is None:
        raise NotFound(f"没有编号为 {item_id} 的档案。")
    return row_info(found)


def get_row(s: Session, item_id: int) -> ArchiveItem:
    row = s.get(ArchiveItem, item_id)
    if row is None:
        raise NotFound(f"没有编号为 {item_id} 的档案。")
    return row


def _file_info(f: ArchiveFile) -> FileInfo:
    return FileInfo(f.id, f.item_id, f.seq, f.file_name, f.sha256, f.size_bytes, f.format, f.pages, f.added_at)


def get_item(st: Station, actor: Actor, item_id: int) -> ItemDetail:
    require(actor, Permission.VIEW)
    with st.read() as s:
        info = item_info(s, item_id)
        files = s.scalars(select(ArchiveFile).where(ArchiveFile.item_id == item_id).order_by(ArchiveFile.seq))
        amendments = s.scalars(select(ArchiveAmendment).where(ArchiveAmendment.item_id == item_id)
                               .order_by(ArchiveAmendment.id))
        return ItemDetail(info, tuple(_file_info(f) for f in files), tuple(
            AmendmentInfo(a.id, a.item_id, a.amended_at, a.amended_by, a.field, a.old_value, a.new_value, a.reason)
            for a in amendments))


def list_items(st: Station, actor: Actor, *, year: int | None = None, category: str | None = None,
               retention: str | None = None, status: str | None = None, org_code: str | None = None,
               source: SourceRef | None = None) -> list[ItemInfo]:
    """Items in catalogue order (for the command line, the catalogue and links; the GUI pages instead)."""
    require(actor, Permission.VIEW)
    stmt = info_select().order_by(*group_order())
    for column, value in ((ArchiveItem.year, year), (ArchiveItem.category, category),
                          (ArchiveItem.retention, retention), (ArchiveItem.status, status),
                          (ArchiveItem.org_code, org_code)):
        if value is not None:
            stmt = stmt.where(column == value)
    if source is not None:
        stmt = stmt.where(ArchiveItem.source_kind == source.kind, ArchiveItem.source_id == source.id)
    with st.read() as s:
        return [row_info(r) for r in s.execute(stmt)]


def archive_years(st: Station) -> list[int]:
    """Years that have items, newest first (for filters)."""
    with st.read() as s:
        return [int(y) for y in s.scalars(select(ArchiveItem.year).distinct().order_by(ArchiveItem.year.desc()))]


def file_path(st: Station, actor: Actor, file_id: int, *, verify: bool = False) -> Path:
    """Where a file of an item is, to preview or open it; ``verify`` re-hashes it first."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.get(ArchiveFile, file_id)
        if row is None:
            raise NotFound(f"没有编号为 {file_id} 的档案文件。")
        name, sha = row.file_name, row.sha256
    store = attachment_store(st)
    if not store.exists(sha):
        raise IntegrityFailure(f"档案文件「{name}」不在附件库中（文件丢失）。请从备份恢复。")
    if verify and not store.verify(sha):
        raise IntegrityFailure(f"档案文件「{name}」的内容已被改动，与登记时的校验值（SHA-256）不符。")
    return store.path_of(sha)


# --- writing drafts -----------------------------------------------------------------------------------

def _require_draft(row: ArchiveItem, action: str) -> None:
    if row.status == FINAL:
        raise ValidationError(Problem(
            "已归档档案", f"{row.danghao} 已归档，不能{action}；如确有错误，请由档案员“更正”并写明原因"))


def register_item(st: Station, actor: Actor, data: ItemInput, files: Sequence[Path] = (), *,
                  source: SourceRef | None = None) -> ItemInfo:
    """Register a draft item with its files (it is numbered when the archivist finalises it)."""
    require(actor, Permission.EDIT_ARCHIVES)
    codes = CodeLists.of(st)
    data = normalised(data, codes)
    today = st.clock.now().date()
    with st.read() as s:
        check_item(s, data, codes, today)  # before any file is copied: bad metadata costs nothing
    stored = ingest_files(st, files)
    with st.begin(actor) as s:
        check_item(s, data, codes, today)
        row = new_row(data, codes, actor, st.clock.now(), source)
        s.add(row)
        s.flush()
        attach(s, row, stored, st.clock.now())
        s.flush()
        return item_info(s, row.id)


def register_many(st: Station, actor: Actor, entries: Sequence[tuple[ItemInput, Sequence[Path]]],
                  progress: Progress | None = None) -> list[ItemInfo]:
    """Register many drafts at once (a batch of scans): every item checked first, every file copied in,
    then one transaction records them all — or nothing, if anything is wrong."""
    require(actor, Permission.EDIT_ARCHIVES)
    codes = CodeLists.of(st)
    today = st.clock.now().date()
    values = [normalised(data, codes) for data, _files in entries]
    problems = [Problem(p.field, p.reason, row) for row, data in enumerate(values, start=1)
                for p in item_problems(data, codes, today=today)]
    if problems:
        raise ValidationError(problems)
    if progress is not None:
        progress.report(0, len(entries), "正在复制文件…")
    # The files are checked first, then copied in on threads while the items are written in the open
    # transaction (the disk and the database work overlap); it commits only once every file is on the disk.
    ingest = attachment_store(st).start_ingest([Path(f) for _data, files in entries for f in files],
                                               all_or_nothing=True)
    try:
        _refused(ingest.probes)
        with st.begin(actor) as s:
            rows: list[ArchiveItem] = []
            start = 0
            for data, (_data, files) in zip(values, entries, strict=True):
                check_item(s, data, codes, today)
                row = new_row(data, codes, actor, st.clock.now())
                # Counted now so the insert carries it: no second write (and audit entry) per item.
                row.pages = sum(p.pages or 1 for p in ingest.probes[start:start + len(files)]
                                if not isinstance(p, ValidationError))
                start += len(files)
                rows.append(row)
            assign_ids(s, rows)
            s.add_all(rows)
            s.flush()
            # The file rows are written while the copies are flushed and renamed; the transaction commits
            # (when this block ends) only after ``finish``: every file on the disk under its name.
            stored = _ingested(ingest.hashed(), distinct=False)
            start = 0
            added: list[ArchiveFile] = []
            for row, (_data, files) in zip(rows, entries, strict=True):
                added += file_rows(s, row, stored[start:start + len(files)], st.clock.now(), existing=[])
                start += len(files)
            assign_ids(s, added)
            s.add_all(added)
            s.flush()
            found: dict[int, ItemInfo] = {}
            ids = [row.id for row in rows]
            for first in range(0, len(ids), 500):
                found.update((i.id, i) for i in map(row_info, s.execute(
                    info_select().where(ArchiveItem.id.in_(ids[first:first + 500])))))
            infos = [found[i] for i in ids]
            _ingested(ingest.finish(), distinct=False)
    except BaseException:
        ingest.cancel()
        with contextlib.suppress(Exception):
            ingest.finish()  # no copy left running; the refusal above is what the user sees
        raise
    if progress is not None:
        progress.report(len(entries), len(entries), "已登记")
    return infos


def new_row(data: ItemInput, codes: CodeLists, actor: Actor, now: dt.datetime,
            source: SourceRef | None = None, fonds: str = "") -> ArchiveItem:
    row = ArchiveItem(status=DRAFT, fonds_code=fonds, pages=0, created_at=now, created_by=actor.display_name,
                      finalised_by="", source_kind=source.kind if source else "",
                      source_id=source.id if source else None)
    apply_input(row, data)
    return row


def update_item(st: Station, actor: Actor, item_id: int, data: ItemInput) -> ItemInfo:
    """Change a draft's metadata (a finalised item is corrected with ``archive_filing.amend_item``)."""
    require(actor, Permission.EDIT_ARCHIVES)
    codes = CodeLists.of(st)
    data = normalised(data, codes)
    with st.begin(actor) as s:
        row = get_row(s, item_id)
        _require_draft(row, "直接修改")
        check_item(s, data, codes, st.clock.now().date())
        apply_input(row, data)
        s.flush()
        return item_info(s, row.id)


def add_files(st: Station, actor: Actor, item_id: int, files: Sequence[Path]) -> ItemInfo:
    require(actor, Permission.EDIT_ARCHIVES)
    with st.read() as s:
        _require_draft(get_row(s, item_id), "再添加文件")
    stored = ingest_files(st, files)
    with st.begin(actor) as s:
        row = get_row(s, item_id)
        _require_draft(row, "再添加文件")
        attach(s, row, stored, st.clock.now())
        s.flush()
        return item_info(s, row.id)


def remove_file(st: Station, actor: Actor, file_id: int) -> ItemInfo:
    """Take a file off a draft (the stored copy stays: other records may share it)."""
    require(actor, Permission.EDIT_ARCHIVES)
    with st.begin(actor) as s:
        f = s.get(ArchiveFile, file_id)
        if f is None:
            raise NotFound(f"没有编号为 {file_id} 的档案文件。")
        row = get_row(s, f.item_id)
        _require_draft(row, "删除文件")
        s.delete(f)
        s.flush()
        rest = list(s.scalars(select(ArchiveFile).where(ArchiveFile.item_id == row.id).order_by(ArchiveFile.seq)))
        for seq, other in enumerate(rest, start=1):
            other.seq = seq
        row.pages = count_pages(rest)
        s.flush()
        return item_info(s, row.id)


def delete_item(st: Station, actor: Actor, item_id: int) -> None:
    """Delete a draft registered by mistake; a finalised item is never deleted."""
    require(actor, Permission.EDIT_ARCHIVES)
    with st.begin(actor) as s:
        row = get_row(s, item_id)
        _require_draft(row, "删除")
        for f in s.scalars(select(ArchiveFile).where(ArchiveFile.item_id == item_id)):
            s.delete(f)
        s.flush()
        s.delete(row)
