"""Filing (归档) by the designated archivist (Art. 24), and amendments of filed items.

件号 is given when an item is finalised: the next number of its group (门类, 年度, 保管期限, 机构), so
numbers stay consecutive whatever order items are finalised in, and deleting a draft leaves no gap
(drafts have none). The write transaction (BEGIN IMMEDIATE on SQLite) serialises finalising; the unique
constraint on the group and number guards other databases. A finalised item is read-only; the
archivist corrects it by a recorded amendment that keeps the old and new value and the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .archive_guard import amendment
from .archive_numbering import MAX_ITEM_NUMBER, NumberParts, danghao_pattern, format_number
from .archives import (
    DRAFT,
    FINAL,
    LABELS,
    CodeLists,
    ItemInfo,
    ItemInput,
    apply_input,
    attach,
    check_item,
    get_row,
    ingest_files,
    item_info,
    item_problems,
    normalised,
)
from .errors import Problem, ValidationError
from .models import ArchiveAmendment, ArchiveFile, ArchiveItem, Project
from .profile import get_profile
from .roles import Actor, Permission, require
from .station import Station

Group = tuple[str, int, str, str]
AMENDABLE = ("title", "responsible", "doc_number", "doc_date", "classification", "record_kind", "notes", "project_id")
FIXED = ("category", "retention", "org_code")


def _group(row: ArchiveItem) -> Group:
    return (row.category, row.year, row.retention, row.org_code)


def last_number(s: Session, group: Group) -> int:
    category, year, retention, org = group
    return int(s.scalar(select(func.max(ArchiveItem.item_number)).where(
        ArchiveItem.category == category, ArchiveItem.year == year, ArchiveItem.retention == retention,
        ArchiveItem.org_code == org)) or 0)


def _short(title: str) -> str:
    return title if len(title) <= 24 else title[:23] + "…"


def _as_input(row: ArchiveItem) -> ItemInput:
    return ItemInput(row.title, row.doc_date, row.responsible, row.category, row.retention, row.org_code,
                     row.doc_number, row.classification, row.record_kind, row.notes, row.project_id)


def fonds_code(st: Station) -> str:
    fonds = get_profile(st).fonds_code.strip()
    if not fonds:
        raise ValidationError(Problem(LABELS["fonds_code"],
                                      "站点信息中还没有填写全宗号，无法编档号；请在“设置 → 站点信息”中填写"))
    return fonds


def finalise(st: Station, actor: Actor, item_ids: Sequence[int]) -> list[ItemInfo]:
    """File drafts (归档): each gets the next 件号 of its group and its 档号, then is read-only.

    Several at once are numbered in date order. All are checked first; if any cannot be filed,
    none is, and every reason is listed."""
    require(actor, Permission.FINALISE_ARCHIVES)
    if not item_ids:
        raise ValidationError(Problem("归档", "没有选择要归档的档案"))
    pattern = danghao_pattern(st)
    fonds = fonds_code(st)
    codes = CodeLists.of(st)
    today, now = st.clock.now().date(), st.clock.now()
    with st.begin(actor) as s:
        rows = [get_row(s, i) for i in dict.fromkeys(item_ids)]
        problems: list[Problem] = []
        for row in rows:
            where = _short(row.title)
            if row.status == FINAL:
                problems.append(Problem(where, f"已于 {row.finalised_at:%Y-%m-%d} 归档，档号 {row.danghao}"))
                continue
            if not s.scalar(select(func.count(ArchiveFile.id)).where(ArchiveFile.item_id == row.id)):
                problems.append(Problem(where, "还没有文件（扫描件或电子文件），不能归档"))
            # The settings may have changed since registration: a filed item must be valid now.
            problems += [Problem(where, f"{p.field}：{p.reason}")
                         for p in item_problems(_as_input(row), codes, today=today)]
        if problems:
            raise ValidationError(problems)
        numbers: dict[Group, int] = {}
        for row in sorted(rows, key=lambda r: (r.doc_date, r.id)):
            group = _group(row)
            number = numbers.get(group, last_number(s, group)) + 1
            if number > MAX_ITEM_NUMBER:
                raise ValidationError(Problem(_short(row.title), f"这一组的件号已到 {MAX_ITEM_NUMBER}，无法再编号"))
            numbers[group] = number
            danghao = format_number(pattern, NumberParts(fonds, row.category, row.year, row.retention, row.org_code,
                                                         number))
            taken = s.scalar(select(ArchiveItem.id).where(ArchiveItem.danghao == danghao))
            if taken is not None:
                raise ValidationError(Problem(LABELS["danghao"], f"{danghao} 已被另一件档案使用，请检查档号格式设置"))
            row.fonds_code, row.item_number, row.danghao = fonds, number, danghao
            row.status, row.finalised_at, row.finalised_by = FINAL, now, actor.display_name
            s.flush()
        return [item_info(s, row.id) for row in rows]


# --- amendments ---------------------------------------------------------------------------------------

def _text(s: Session, key: str, value: object) -> str:
    if value is None:
        return ""
    if key == "project_id" and isinstance(value, int):
        name = s.scalar(select(Project.name).where(Project.id == value))
        return f"{name}（{value}）" if name else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(Problem("更正原因", "请写明更正的原因（将与更正内容一起留档）"))
    if len(reason) > 500:
        raise ValidationError(Problem("更正原因", "不能超过 500 个字"))
    return reason


def _require_final(row: ArchiveItem) -> None:
    if row.status == DRAFT:
        raise ValidationError(Problem("更正", "这件档案还是草稿，可以直接修改，不需要更正"))


def amend_item(st: Station, actor: Actor, item_id: int, data: ItemInput, reason: str) -> ItemInfo:
    """Correct a finalised item's description (题名, 责任者, 文号, 日期 within its year, 密级, 备注, project,
    accounting kind). Its group and number cannot change. Each changed field is recorded."""
    require(actor, Permission.FINALISE_ARCHIVES)
    reason = _reason(reason)
    codes = CodeLists.of(st)
    data = normalised(data, codes)
    with st.begin(actor) as s:
        row = get_row(s, item_id)
        _require_final(row)
        problems = [Problem(LABELS[key], f"是档号的一部分（{row.danghao}），归档后不能更改")
                    for key in FIXED if getattr(data, key) != getattr(row, key)]
        if data.doc_date.year != row.year:
            problems.append(Problem(LABELS["doc_date"], f"归档后只能在 {row.year} 年内更正（年度是档号的一部分）"))
        if problems:
            raise ValidationError(problems)
        check_item(s, data, codes, st.clock.now().date())
        before = {key: getattr(row, key) for key in AMENDABLE}
        changed = [key for key in AMENDABLE if getattr(data, key) != before[key]]
        if not changed:
            raise ValidationError(Problem("更正", "没有任何改动"))
        now = st.clock.now()
        with amendment(s):
            apply_input(row, replace(data, category=row.category, retention=row.retention, org_code=row.org_code))
            s.add_all(ArchiveAmendment(item_id=row.id, amended_at=now, amended_by=actor.display_name, field=key,
                                       old_value=_text(s, key, before[key]),
                                       new_value=_text(s, key, getattr(data, key)), reason=reason)
                      for key in changed)
            s.flush()
        return item_info(s, row.id)


def amend_add_files(st: Station, actor: Actor, item_id: int, files: Sequence[Path], reason: str) -> ItemInfo:
    """Add files to a finalised item (a page found later), recorded as an amendment."""
    require(actor, Permission.FINALISE_ARCHIVES)
    reason = _reason(reason)
    if not files:
        raise ValidationError(Problem(LABELS["files"], "没有选择文件"))
    with st.read() as s:
        _require_final(get_row(s, item_id))
    stored = ingest_files(st, files)
    with st.begin(actor) as s:
        row = get_row(s, item_id)
        _require_final(row)
        now = st.clock.now()
        with amendment(s):
            old_pages = row.pages
            added = attach(s, row, stored, now)
            s.add_all(ArchiveAmendment(item_id=row.id, amended_at=now, amended_by=actor.display_name, field="files",
                                       old_value="", new_value=f"补充 {f.file_name}（SHA-256 {f.sha256}）",
                                       reason=reason) for f in added)
            s.add(ArchiveAmendment(item_id=row.id, amended_at=now, amended_by=actor.display_name, field="pages",
                                   old_value=str(old_pages), new_value=str(row.pages), reason=reason))
            s.flush()
        return item_info(s, row.id)
