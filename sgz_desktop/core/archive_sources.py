"""Filing another area's record as an archive item in one action (“转为档案”).

A training session, a reviewed ledger entry with its voucher scans, or a volunteer activity gives a
draft with its metadata filled in (题名, 日期, 责任者, 门类, 保管期限 — for the ledger the period the
会计档案管理办法 sets for 记账凭证) and its files: the session's materials and its sign-in record, the
entry's voucher scans, the activity's service record. Files the store cannot keep (a Word document
among training materials) are left out and named. A record is filed once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, select

from .archive_numbering import ACCOUNTING, WRITINGS
from .archive_retention import LEDGER_ENTRY_KIND, TEN_YEARS
from .archives import (
    CodeLists,
    ItemInfo,
    ItemInput,
    SourceRef,
    attach,
    check_item,
    ingest_files,
    item_info,
    list_items,
    new_row,
    normalised,
)
from .attachments import StoredFile, attachment_store, detect_format
from .errors import NotFound, Problem, ValidationError
from .models import ArchiveItem
from .profile import get_profile
from .roles import Actor, Permission, require
from .scratch import scratch_folder
from .station import Station

TRAINING, LEDGER, ACTIVITY = "training_session", "ledger_entry", "volunteer_activity"


@dataclass(frozen=True)
class SourceDraft:
    """What filing ``ref`` would register: metadata, files to copy in, files already in the store."""

    ref: SourceRef
    label: str  # e.g. 培训 2025-03-12「3月督导会：个案研讨」
    data: ItemInput
    to_ingest: tuple[tuple[Path, str], ...] = ()  # (path, the name the user knows it by)
    stored: tuple[StoredFile, ...] = ()  # already in the attachment store (voucher scans)
    skipped: tuple[str, ...] = ()  # files that are not PDF or scans, left out


@dataclass(frozen=True)
class FiledFrom:
    item: ItemInfo
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """A record that can be filed, for the “file from a record” list."""

    ref: SourceRef
    on: dt.date
    title: str
    detail: str
    files: int
    filed_as: str  # the 档号 (or 草稿) of the item already made from it; "" when not yet


@dataclass(frozen=True)
class Source:
    kind: str
    label: str  # 培训记录 / 财务凭证 / 志愿活动
    draft: Callable[[Station, Actor, int, Path], SourceDraft]  # the Path: a scratch folder for record sheets
    candidates: Callable[[Station, Actor, int | None], list[tuple[SourceRef, dt.date, str, str, int]]]


def _archivable(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return detect_format(fh.read(16)) is not None
    except OSError:
        return False


# --- training sessions ------------------------------------------------------------------------------

def _training_draft(st: Station, actor: Actor, session_id: int, scratch: Path) -> SourceDraft:
    from . import training, training_materials
    from .reports.archive_records import write_session_record

    session = training.get_session(st, actor, session_id)
    people = training.list_attendance(st, actor, session_id)
    record = write_session_record(
        scratch / f"培训记录-{session.held_on:%Y%m%d}.pdf", get_profile(st).name, st.clock.now().date(),
        title=session.title, kind=session.training_type, held_on=session.held_on, hours=session.hours,
        organiser=session.organiser, trainer=session.trainer, place=session.place,
        attendees=[(p.name, p.post, p.hours, p.note) for p in people])
    files: list[tuple[Path, str]] = [(record, record.name)]
    skipped: list[str] = []
    for m in training_materials.list_materials(st, actor, session_id):
        path = training_materials.material_path(st, actor, m.id)
        if _archivable(path):
            files.append((path, m.file_name))
        else:
            skipped.append(m.file_name)
    data = ItemInput(
        title=f"{session.held_on:%Y年%m月%d日}{session.training_type}“{session.title}”记录及材料",
        doc_date=session.held_on, responsible=session.organiser, category=WRITINGS, retention=TEN_YEARS,
        project_id=session.project_id,
        notes=f"{session.training_type}，{session.hours.normalize():f} 学时，授课人 {session.trainer or '—'}，"
              f"地点 {session.place or '—'}，参训 {len(people)} 人")
    return SourceDraft(SourceRef(TRAINING, session_id), f"培训 {session.held_on:%Y-%m-%d}「{session.title}」", data,
                       tuple(files), (), tuple(skipped))


def _training_candidates(st: Station, actor: Actor, year: int | None) -> list[tuple[SourceRef, dt.date, str, str, int]]:
    from . import training
    from .models import TrainingMaterial

    sessions = training.list_sessions(st, actor, year)
    with st.read() as s:
        counts = {sid: int(n) for sid, n in s.execute(
            select(TrainingMaterial.session_id, func.count()).group_by(TrainingMaterial.session_id))}
    return [(SourceRef(TRAINING, x.id), x.held_on, x.title, f"{x.training_type}，参训 {x.attendees} 人",
             1 + int(counts.get(x.id, 0))) for x in sessions]


# --- ledger entries ---------------------------------------------------------------------------------------

def _ledger_draft(st: Station, actor: Actor, entry_id: int, _scratch: Path) -> SourceDraft:
    from . import ledger
    from .finance_amounts import format_fen

    entry = ledger.get_entry(st, actor, entry_id)
    if not entry.reviewed:
        raise ValidationError(Problem("财务凭证", f"凭证 {entry.voucher} 还没有财务审核，审核后才能归档"))
    if not entry.attachments:
        raise ValidationError(Problem("财务凭证", f"凭证 {entry.voucher} 没有附件（原始凭证扫描件），请先添加"))
    stored = tuple(StoredFile(a.sha256, a.size_bytes, a.format, a.pages, a.file_name) for a in entry.attachments)
    data = ItemInput(
        title=f"{entry.voucher} 号记账凭证：{entry.summary}", doc_date=entry.entry_date, category=ACCOUNTING,
        record_kind=LEDGER_ENTRY_KIND, doc_number=entry.voucher, project_id=entry.project_id,
        notes=f"{entry.direction_label} {format_fen(entry.amount_fen)}，{entry.category}/{entry.sub_category}"
              + (f"，往来单位 {entry.counterparty}" if entry.counterparty else "")
              + f"；制单 {entry.entered_by_name}，审核 {entry.reviewed_by_name}；附原始凭证 {len(stored)} 件")
    return SourceDraft(SourceRef(LEDGER, entry_id), f"凭证 {entry.voucher}「{entry.summary}」", data, (), stored)


def _ledger_candidates(st: Station, actor: Actor, year: int | None) -> list[tuple[SourceRef, dt.date, str, str, int]]:
    from . import ledger
    from .finance_amounts import format_fen

    return [(SourceRef(LEDGER, e.id), e.entry_date, f"{e.voucher} {e.summary}",
             f"{e.direction_label} {format_fen(e.amount_fen)}", len(e.attachments))
            for e in ledger.list_entries(st, actor, year=year) if e.reviewed]


# --- volunteer activities ---------------------------------------------------------------------------------

def _activity_draft(st: Station, actor: Actor, activity_id: int, scratch: Path) -> SourceDraft:
    from .models import Project, ServiceRecord, Volunteer, VolunteerActivity
    from .reports.archive_records import write_activity_record

    require(actor, Permission.VIEW)
    with st.read() as s:
        a = s.get(VolunteerActivity, activity_id)
        if a is None:
            raise NotFound(f"没有编号为 {activity_id} 的志愿服务活动。")
        project = s.scalar(select(Project.name).where(Project.id == a.project_id)) if a.project_id else ""
        rows = s.execute(select(Volunteer.volunteer_no, Volunteer.name, ServiceRecord.hours_tenths,
                                ServiceRecord.status)
                         .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
                         .where(ServiceRecord.activity_id == activity_id).order_by(ServiceRecord.id)).all()
        title, kind, held_on, place, organiser = a.title, a.activity_type, a.held_on, a.place, a.organiser
        content, project_id = a.content, a.project_id
        times = f"{a.starts_at:%H:%M}–{a.ends_at:%H:%M}" if a.starts_at and a.ends_at else ""
    from decimal import Decimal

    from .volunteer_activities import STATUS_LABELS as status  # the volunteers area's words (已通过…)

    record = write_activity_record(
        scratch / f"志愿服务活动记录-{held_on:%Y%m%d}.pdf", get_profile(st).name, st.clock.now().date(), title=title,
        kind=kind, held_on=held_on, time_text=times, place=place, organiser=organiser, content=content,
        project=project or "", volunteers=[(n, name, Decimal(t) / 10, status.get(x, x)) for n, name, t, x in rows])
    data = ItemInput(title=f"{held_on:%Y年%m月%d日}志愿服务活动“{title}”记录", doc_date=held_on,
                     responsible=organiser, category=WRITINGS, retention=TEN_YEARS, project_id=project_id,
                     notes=f"{kind}，{place or '—'}，志愿者 {len(rows)} 人")
    return SourceDraft(SourceRef(ACTIVITY, activity_id), f"志愿活动 {held_on:%Y-%m-%d}「{title}」", data,
                       ((record, record.name),))


def _activity_candidates(st: Station, actor: Actor, year: int | None) -> list[tuple[SourceRef, dt.date, str, str, int]]:
    from .models import ServiceRecord, VolunteerActivity

    require(actor, Permission.VIEW)
    people = (select(func.count(ServiceRecord.id)).where(ServiceRecord.activity_id == VolunteerActivity.id)
              .scalar_subquery())
    stmt = select(VolunteerActivity.id, VolunteerActivity.held_on, VolunteerActivity.title,
                  VolunteerActivity.activity_type, people).order_by(VolunteerActivity.held_on.desc())
    if year is not None:
        stmt = stmt.where(VolunteerActivity.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    with st.read() as s:
        rows = s.execute(stmt).all()
    return [(SourceRef(ACTIVITY, i), on, title, f"{kind}，志愿者 {n} 人", 1) for i, on, title, kind, n in rows]


SOURCES: dict[str, Source] = {
    TRAINING: Source(TRAINING, "培训记录", _training_draft, _training_candidates),
    LEDGER: Source(LEDGER, "财务凭证", _ledger_draft, _ledger_candidates),
    ACTIVITY: Source(ACTIVITY, "志愿服务活动", _activity_draft, _activity_candidates),
}


def _source(kind: str) -> Source:
    if kind not in SOURCES:
        raise ValidationError(Problem("来源", f"不能从「{kind}」转为档案（可选：{'、'.join(SOURCES)}）"))
    return SOURCES[kind]


def source_label(kind: str) -> str:
    return SOURCES[kind].label if kind in SOURCES else kind


# --- the services ---------------------------------------------------------------------------------------

def candidates(st: Station, actor: Actor, kind: str, year: int | None = None) -> list[Candidate]:
    """Records of ``kind`` (of ``year``) that can be filed, newest first, with what was already filed."""
    require(actor, Permission.VIEW)
    found = _source(kind).candidates(st, actor, year)
    with st.read() as s:
        filed = {sid: (d or "草稿") for sid, d in s.execute(
            select(ArchiveItem.source_id, ArchiveItem.danghao).where(ArchiveItem.source_kind == kind))}
    rows = [Candidate(ref, on, title, detail, files, filed.get(ref.id, "")) for ref, on, title, detail, files in found]
    return sorted(rows, key=lambda c: (c.on, c.ref.id), reverse=True)


def draft_from(st: Station, actor: Actor, ref: SourceRef, scratch: Path) -> SourceDraft:
    """The draft filing ``ref`` would make (record sheets are written into ``scratch``)."""
    require(actor, Permission.EDIT_ARCHIVES)
    return _source(ref.kind).draft(st, actor, ref.id, scratch)


def already_filed(st: Station, actor: Actor, ref: SourceRef) -> list[ItemInfo]:
    return list_items(st, actor, source=ref)


def file_from(st: Station, actor: Actor, ref: SourceRef, data: ItemInput | None = None,
              extra_files: Sequence[Path] = ()) -> FiledFrom:
    """File a record as a draft archive item: its metadata (or ``data``, edited by the user) and its files."""
    require(actor, Permission.EDIT_ARCHIVES)
    done = already_filed(st, actor, ref)
    if done:
        what = f"{done[0].danghao or '草稿'}「{done[0].title}」"
        raise ValidationError(Problem("转为档案", f"这条记录已登记为档案（{what}）"))
    with scratch_folder("archive") as scratch:
        draft = draft_from(st, actor, ref, scratch)
        codes = CodeLists.of(st)
        values = normalised(data or draft.data, codes)
        today = st.clock.now().date()
        with st.read() as s:
            check_item(s, values, codes, today)
        copied = [replace(f, original_name=name) for f, (_p, name) in
                  zip(ingest_files(st, [p for p, _n in draft.to_ingest]), draft.to_ingest, strict=True)]
    store = attachment_store(st)
    missing = [f.original_name for f in draft.stored if not store.exists(f.sha256)]
    if missing:
        raise ValidationError(Problem("文件", f"附件库中找不到 {'、'.join(missing)}，请先检查数据完整性"))
    extra = ingest_files(st, extra_files)
    with st.begin(actor) as s:
        check_item(s, values, codes, today)
        if s.scalar(select(ArchiveItem.id).where(ArchiveItem.source_kind == ref.kind,
                                                 ArchiveItem.source_id == ref.id)) is not None:
            raise ValidationError(Problem("转为档案", "这条记录刚刚已被登记为档案"))
        row = new_row(values, codes, actor, st.clock.now(), ref)
        s.add(row)
        s.flush()
        attach(s, row, [*copied, *draft.stored, *extra], st.clock.now())
        s.flush()
        return FiledFrom(item_info(s, row.id), draft.skipped)
