"""Checks of the archive area: compliance cards (Art. 24) and integrity (files, numbers, guards).

``sgz check`` verifies that every file of every item is in the attachment store with its size;
``sgz check --deep`` re-hashes each one and names any that is missing or changed since ingest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, select, text

from . import settings
from .archive_numbering import DRAFT_DAYS
from .archive_tables import due_items
from .archives import DRAFT, FINAL
from .attachments import attachment_store
from .checks import CheckResult, Status, compliance_check, integrity_check, today
from .errors import NotFound
from .models import ArchiveFile, ArchiveItem, User
from .roles import SYSTEM, Role
from .station import Station

ARTICLE = "第二十四条"
GUARD_TRIGGERS = ("archive_item_final_keeps_number", "archive_item_final_no_delete", "archive_file_final_no_update",
                  "archive_file_final_no_delete", "archive_amendment_no_update", "archive_amendment_no_delete")
LISTED = 10


def _names(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@compliance_check("archives")
def archivist_designated(st: Station) -> CheckResult:
    """指定专人负责档案"""
    with st.read() as s:
        names = list(s.scalars(select(User.display_name).where(User.role == Role.ARCHIVIST.value,
                                                                User.active.is_(True)).order_by(User.id)))
    return CheckResult(
        "archives.archivist", "archives", "指定专人负责档案整理和归档", ARTICLE,
        Status.OK if names else Status.FAILING, f"档案员 {len(names)} 名",
        f"档案员：{'、'.join(names)}。" if names else
        "还没有档案员账号。请在“设置 → 用户”中为负责档案的人建立“档案员”账号，只有档案员能归档。", tuple(names))


@compliance_check("archives")
def drafts_filed_in_time(st: Station) -> CheckResult:
    """档案及时归档"""
    days = int(settings.get(st, DRAFT_DAYS))
    cutoff = dt.datetime.combine(today(st) - dt.timedelta(days=days), dt.time())
    with st.read() as s:
        total = int(s.scalar(select(func.count(ArchiveItem.id)).where(ArchiveItem.status == DRAFT)) or 0)
        late = s.execute(select(ArchiveItem.title, ArchiveItem.created_at).where(
            ArchiveItem.status == DRAFT, ArchiveItem.created_at < cutoff).order_by(ArchiveItem.created_at)).all()
    people = _names(f"{t}（{c:%Y-%m-%d} 登记）" for t, c in late[:LISTED])
    return CheckResult(
        "archives.drafts", "archives", "登记的档案及时归档", ARTICLE, Status.WARNING if late else Status.OK,
        f"草稿 {total} 件" + (f"，{len(late)} 件超过 {days} 天" if late else ""),
        f"{len(late)} 件档案登记已超过 {days} 天仍是草稿，请档案员整理后归档。" if late else
        f"没有登记超过 {days} 天仍未归档的档案。", people)


@compliance_check("archives")
def appraisal_due(st: Station) -> CheckResult:
    """到期档案及时鉴定"""
    due = due_items(st, SYSTEM)
    return CheckResult(
        "archives.appraisal", "archives", "保管期满的档案及时鉴定", ARTICLE, Status.WARNING if due else Status.OK,
        f"到期 {len(due)} 件",
        f"{len(due)} 件档案保管期限已满，请组织鉴定：仍有价值的延长保管期限，确无保存价值的按规定报批销毁"
        "（会计档案须经单位负责人、档案和会计机构共同鉴定）。" if due else "没有保管期限已满、待鉴定的档案。",
        _names(f"{i.danghao} {i.title}" for i in due[:LISTED]))


# --- integrity -------------------------------------------------------------------------------------------

@integrity_check("archives")
def archive_files_intact(st: Station, deep: bool) -> CheckResult:
    """Every file of every archive item is in the store (deep: and re-hashes to its recorded SHA-256)."""
    with st.read() as s:
        rows = s.execute(select(ArchiveFile.sha256, ArchiveFile.size_bytes, ArchiveItem.danghao, ArchiveItem.title,
                                ArchiveFile.file_name)
                         .join(ArchiveItem, ArchiveItem.id == ArchiveFile.item_id)
                         .order_by(ArchiveItem.id, ArchiveFile.seq)).all()
    store = attachment_store(st)
    missing: list[str] = []
    changed: list[str] = []
    verdicts: dict[str, str] = {}  # files shared by several items are hashed once
    for sha, size, danghao, title, name in rows:
        if sha not in verdicts:
            try:
                path = store.path_of(sha)
            except NotFound:
                verdicts[sha] = "missing"
            else:
                if path.stat().st_size != size:
                    verdicts[sha] = "changed"
                else:
                    verdicts[sha] = "changed" if deep and not store.verify(sha) else "ok"
        where = f"{danghao or '草稿「' + title[:20] + '」'}：{name}"
        if verdicts[sha] == "missing":
            missing.append(where)
        elif verdicts[sha] == "changed":
            changed.append(where)
    how = "重新计算校验值（SHA-256）" if deep else "核对文件是否存在及大小"
    if not missing and not changed:
        hint = "" if deep else "用 sgz check --deep 逐个校验内容。"
        return CheckResult("archives.files", "archives", "档案文件完好", "", Status.OK, f"{len(rows)} 个文件",
                           f"已{how}，{len(verdicts)} 个文件全部完好。{hint}")
    parts = []
    if missing:
        parts.append(f"丢失 {len(missing)} 个：{'；'.join(missing[:LISTED])}")
    if changed:
        parts.append(f"内容已被改动 {len(changed)} 个：{'；'.join(changed[:LISTED])}")
    return CheckResult(
        "archives.files", "archives", "档案文件完好", "", Status.FAILING,
        f"{len(missing) + len(changed)} 个文件有问题",
        f"已{how}。" + "。".join(parts) + "。请从备份恢复这些文件（sgz restore），不要覆盖原件。",
        tuple(missing + changed))


@integrity_check("archives")
def item_numbers_consecutive(st: Station, deep: bool) -> CheckResult:
    """件号 run 1…n without gaps or repeats within each (门类, 年度, 期限, 机构)."""
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.category, ArchiveItem.year, ArchiveItem.retention, ArchiveItem.org_code,
                                ArchiveItem.item_number).where(ArchiveItem.status == FINAL)).all()
    groups: dict[tuple[str, int, str, str], list[int]] = defaultdict(list)
    for category, year, retention, org, number in rows:
        groups[(category, year, retention, org)].append(int(number or 0))
    broken = [f"{c}·{y}-{r}-{o}" for (c, y, r, o), numbers in sorted(groups.items())
              if sorted(numbers) != list(range(1, len(numbers) + 1))]
    return CheckResult(
        "archives.numbers", "archives", "档案件号连续", "", Status.FAILING if broken else Status.OK,
        f"{len(groups)} 组" + (f"，{len(broken)} 组不连续" if broken else ""),
        f"以下分组的件号有缺号或重号：{'、'.join(broken[:LISTED])}。" if broken else
        f"{len(rows)} 件已归档档案，{len(groups)} 个分组的件号均从 0001 起连续。", tuple(broken))


@integrity_check("archives")
def filing_guards_present(st: Station, deep: bool) -> CheckResult:
    """The triggers that keep finalised items read-only exist (a batch migration could drop them)."""
    if st.engine.dialect.name != "sqlite":
        return CheckResult("archives.guards", "archives", "已归档档案防篡改保护", "", Status.OK, "—",
                           "由数据库权限保证。")
    with st.engine.connect() as conn:
        found = {str(r[0]) for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    missing = [t for t in GUARD_TRIGGERS if t not in found]
    return CheckResult(
        "archives.guards", "archives", "已归档档案防篡改保护", "", Status.FAILING if missing else Status.OK,
        "保护缺失" if missing else "已保护",
        f"数据库中缺少保护触发器：{'、'.join(missing)}。已归档档案可能被改动过，请核对并从备份恢复。" if missing else
        "已归档档案的档号、件号、文件和更正记录有数据库级保护。")
