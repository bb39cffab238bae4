"""The volunteer registry in Excel: a template, an all-or-nothing import, an export in the same layout.

Every row is checked before anything is written (ID check digit, mobile, dates, community, status, the
same person twice in the file or already registered, a number already taken); one ValidationError lists
each bad row, column and reason with the row numbers Excel shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from . import audit, xlsx_input
from .errors import Problem, ValidationError
from .excel import write_table_xlsx
from .models import Volunteer
from .profile import list_communities
from .progress import Progress, quiet
from .roles import Actor, Permission, require
from .station import Station
from .volunteers import (
    ACTIVE,
    ID_CONTEXT,
    STATUSES,
    WITHDRAWN,
    VolunteerInput,
    apply_input,
    list_volunteers,
    next_numbers,
    normalised,
    volunteer_problems,
)
from .xlsx_input import Field

SHEET = "志愿者名册"

FIELDS = (
    Field("志愿者编号", "volunteer_no", False,
          note="不填则自动编号（ZY000001 起）；也可填全国志愿服务信息系统的注册编号"),
    Field("姓名", "name", True, note="与身份证一致"),
    Field("身份证号", "id_number", True, "id",
          note="18 位，最后一位可以是 X；请保持“文本”格式，否则 Excel 会丢掉末几位"),
    Field("手机号", "phone", False, "phone", note="11 位手机号"),
    Field("所在社区", "community", False, "choice", "社区", note="须是本街道登记的社区（村）"),
    Field("技能特长", "skills", False, note="例如 理发、家电维修、心理咨询"),
    Field("注册日期", "registered_on", True, "date", note="例如 2024-03-01，不能晚于今天"),
    Field("状态", "status", False, "choice", "状态", note="在册、暂停 或 已退出；不填视为在册"),
    Field("退出日期", "left_on", False, "date", note="状态为“已退出”时必填"),
    Field("备注", "notes", False),
)
GUIDE = ("1. 第一行是表头，请勿修改；从第二行起每行一名志愿者。红色表头为必填列。",
         "2. 身份证号会校验出生日期和校验位；同一人（身份证号相同）不能出现两次，也不能与已登记的志愿者重复。",
         "3. 导入时先检查全部行：只要有一行有错，就一行也不导入，并列出每个错误的行号、列名和原因。")


@dataclass(frozen=True)
class ImportResult:
    rows: int  # data rows read
    added: int  # records written (0 for a dry run)
    dry_run: bool
    ignored_columns: tuple[str, ...] = ()


def registry_template(st: Station, path: Path) -> Path:
    options = {"社区": tuple(c.name for c in list_communities(st)), "状态": STATUSES}
    return xlsx_input.template(path, SHEET, FIELDS, options, "志愿者名册导入说明", GUIDE)


@dataclass(frozen=True)
class _Row:
    number: int
    data: VolunteerInput
    status: str
    left_on: dt.date | None


def _parse(number: int, cells: dict[str, object], communities: dict[str, int], problems: list[Problem]) -> _Row | None:
    c = xlsx_input.Cells(number, cells, FIELDS, problems)
    text = xlsx_input.text
    community = c.get("community", lambda v: xlsx_input.choice(v, tuple(communities), "社区（村）") if text(v) else "",
                      "")
    data = VolunteerInput(
        name=c.get("name", text, ""), id_number=c.get("id_number", xlsx_input.id_number, ""),
        registered_on=c.get("registered_on", xlsx_input.date, None) or dt.date.min,
        phone=c.get("phone", xlsx_input.phone, ""), community_id=communities[community] if community else None,
        skills=c.get("skills", text, ""), volunteer_no=c.get("volunteer_no", text, ""), notes=c.get("notes", text, ""))
    status = c.get("status", lambda v: xlsx_input.choice(v, STATUSES, "状态") if text(v) else ACTIVE, ACTIVE)
    left_on = c.get("left_on", xlsx_input.date, None)
    return None if c.failed else _Row(number, normalised(data), status, left_on)


def _row_problems(row: _Row, today: dt.date, community_ids: dict[int, str]) -> list[Problem]:
    problems = volunteer_problems(row.data, today=today, communities=community_ids, row=row.number)
    if row.status == WITHDRAWN:
        if row.left_on is None:
            problems.append(Problem("退出日期", "状态为“已退出”时必须填写", row.number))
        elif row.left_on < row.data.registered_on or row.left_on > today:
            problems.append(Problem("退出日期", "应在注册日期和今天之间", row.number))
    elif row.left_on is not None:
        problems.append(Problem("退出日期", "填写了退出日期，但状态不是“已退出”", row.number))
    return problems


def _duplicates(st: Station, rows: list[_Row]) -> tuple[dict[int, str], list[Problem]]:
    """Blind indexes by row, and problems: the same person or number twice, or already registered."""
    cipher = st.require_unlocked()
    indexes = {r.number: cipher.blind_index(r.data.id_number, ID_CONTEXT) for r in rows}
    problems = []
    first_index: dict[str, int] = {}
    first_number: dict[str, int] = {}
    for r in rows:
        earlier = first_index.setdefault(indexes[r.number], r.number)
        if earlier != r.number:
            problems.append(Problem("身份证号", f"与第 {earlier} 行是同一人（身份证号相同）", r.number))
        if r.data.volunteer_no:
            other = first_number.setdefault(r.data.volunteer_no, r.number)
            if other != r.number:
                problems.append(Problem("志愿者编号", f"与第 {other} 行的编号相同", r.number))
    with st.read() as s:
        existing = dict(s.execute(select(Volunteer.id_number_index, Volunteer.volunteer_no)).all())
        numbers = set(s.scalars(select(Volunteer.volunteer_no)))
    for r in rows:
        if indexes[r.number] in existing:
            problems.append(Problem("身份证号", f"此人已登记为志愿者（{existing[indexes[r.number]]}）", r.number))
        elif r.data.volunteer_no in numbers:
            problems.append(Problem("志愿者编号", f"{r.data.volunteer_no} 已被已登记的志愿者使用", r.number))
    return indexes, problems


def import_registry(st: Station, actor: Actor, path: Path, progress: Progress | None = None,
                    dry_run: bool = False) -> ImportResult:
    """Register every volunteer of the file, or nobody: any bad row raises one ValidationError listing all."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    progress = progress or quiet()
    sheet = xlsx_input.read_sheet(path, FIELDS, SHEET, progress)
    communities = {c.name: c.id for c in list_communities(st)}
    community_ids = {v: k for k, v in communities.items()}
    today = st.clock.now().date()
    problems: list[Problem] = []
    rows: list[_Row] = []
    for number, cells in sheet.rows:
        parsed = _parse(number, cells, communities, problems)
        if parsed is not None:
            found = _row_problems(parsed, today, community_ids)
            problems += found
            if not found:
                rows.append(parsed)
    indexes, duplicates = _duplicates(st, rows)
    problems += duplicates
    if not sheet.rows:
        problems.append(Problem("文件", "没有找到任何数据行"))
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
    if dry_run:
        return ImportResult(len(rows), 0, True, sheet.ignored_headers)
    with st.begin(actor) as s:
        numbers = iter(next_numbers(s, sum(1 for r in rows if not r.data.volunteer_no)))
        for done, r in enumerate(rows, start=1):
            person = Volunteer(volunteer_no=r.data.volunteer_no or next(numbers), status=r.status, left_on=r.left_on,
                               star_level=0)
            apply_input(person, r.data, indexes[r.number])
            s.add(person)
            if done % 100 == 0:
                progress.report(done, len(rows), f"正在写入第 {done} 人…")
        s.flush()
        audit.record_event(s, "import", f"从 {Path(path).name} 导入志愿者 {len(rows)} 人", table="volunteer")
    progress.report(len(rows), len(rows), "导入完成")
    return ImportResult(len(rows), len(rows), False, sheet.ignored_headers)


def export_registry(st: Station, actor: Actor, path: Path, progress: Progress | None = None) -> int:
    """Every volunteer in the import layout, with full ID numbers and phones (so it needs the right to
    edit the registry, and is logged)."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    people = list_volunteers(st, actor)
    rows = [(p.volunteer_no, p.name, p.id_number, p.phone, p.community_name, p.skills, p.registered_on, p.status,
             p.left_on, p.notes) for p in people]
    kinds = ["date" if f.kind == "date" else "text" for f in FIELDS]
    count = write_table_xlsx(Path(path), SHEET, [f.header for f in FIELDS], rows, progress, kinds, total=len(rows))
    with st.begin(actor) as s:
        audit.record_event(s, "export", f"导出志愿者名册（含身份证号、手机号）{count} 人到 {Path(path).name}",
                           table="volunteer")
    return count
