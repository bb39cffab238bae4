"""Training attendance in Excel: one row per person per session (a sign-in sheet typed up).

Rows with the same title, type and date are one session; a session already in the log is reused. A
person is found by ID number when given, otherwise by a name that is unique on the roster. The optional
服务项目 column names the service project a new session belongs to. All rows are checked before anything
is written, exactly like the roster import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from . import audit, xlsx_input
from .errors import Problem, ValidationError
from .excel import write_table_xlsx
from .models import Project, Staff, TrainingAttendance, TrainingSession
from .progress import Progress, quiet
from .roles import Actor, Permission, require
from .staff import ID_CONTEXT
from .staff_excel import ImportResult
from .station import Station
from .training import (
    MAX_SESSION_HOURS,
    TRAINING_TYPES,
    Attendee,
    SessionInput,
    attendance_problems,
    from_tenths,
    hours_problem,
    parse_hours,
    session_problems,
    to_tenths,
)
from .training_hours import HOURS_HEADERS, hours_rows
from .validation import id_number_problem, normalise_id_number
from .xlsx_input import Bad, Field

SHEET = "培训签到"

FIELDS = (
    Field("培训主题", "title", True, note="同一主题、类型、日期的各行算作同一场培训"),
    Field("培训类型", "training_type", True, "choice", "培训类型", note="、".join(TRAINING_TYPES) + "（第十五条）"),
    Field("培训日期", "held_on", True, "date", note="例如 2025-05-20，不能晚于今天"),
    Field("学时", "hours", True, "hours", note="这场培训的总学时，最多一位小数"),
    Field("主办单位", "organiser", False),
    Field("授课人", "trainer", False),
    Field("培训地点", "place", False),
    Field("姓名", "name", True, note="须是花名册中的人员"),
    Field("身份证号", "id_number", False, "id", note="花名册中有同名人员时必填"),
    Field("参训学时", "attended", False, "hours", note="不填表示全程参加；不能超过这场培训的学时"),
    Field("备注", "note", False),
    Field("服务项目", "project", False,
          note="培训所属服务项目的名称（须已在“项目与财务”中登记）；不填表示不属于具体项目；同一场培训的各行须一致"),
)
GUIDE = ("1. 每行登记一人参加一场培训；同一场培训的多名参训人员各占一行，培训信息重复填写即可。",
         "2. 已登记过的培训（主题、类型、日期都相同）会沿用原记录，只添加参训人员。",
         "3. 导入时先检查全部行：只要有一行有错，就一行也不导入，并列出每个错误的行号、列名和原因。")


def attendance_template(path: Path) -> Path:
    return xlsx_input.template(path, SHEET, FIELDS, {"培训类型": TRAINING_TYPES}, "培训签到导入说明", GUIDE)


def _hours_cell(value: object) -> Decimal | None:
    if value is None or xlsx_input.text(value) == "":
        return None
    try:
        return parse_hours(repr(value) if isinstance(value, float) else value)
    except ValueError as err:
        raise Bad(str(err)) from None


@dataclass(frozen=True)
class _Line:
    number: int
    session: SessionInput
    name: str
    id_number: str
    attended: Decimal | None
    note: str
    project: str  # the service project's name, "" for none


def _parse(number: int, cells: dict[str, object], problems: list[Problem]) -> _Line | None:
    c = xlsx_input.Cells(number, cells, FIELDS, problems)
    text = xlsx_input.text
    kind = c.get("training_type", lambda v: xlsx_input.choice(v, TRAINING_TYPES, "培训类型"), "")
    held_on = c.get("held_on", xlsx_input.date, None) or dt.date.min
    hours = c.get("hours", _hours_cell, None) or Decimal(0)
    session = SessionInput(c.get("title", text, ""), kind, held_on, hours, organiser=c.get("organiser", text, ""),
                           trainer=c.get("trainer", text, ""), place=c.get("place", text, ""))
    id_number = normalise_id_number(c.get("id_number", xlsx_input.id_number, ""))
    line = _Line(number, session, c.get("name", text, ""), id_number, c.get("attended", _hours_cell, None),
                 c.get("note", text, ""), c.get("project", text, ""))
    return None if c.failed else line


class _People:
    """Roster lookups by blind index and by name (no decryption needed)."""

    def __init__(self, st: Station) -> None:
        self.cipher = st.require_unlocked()
        with st.read() as s:
            rows = s.execute(select(Staff.id, Staff.name, Staff.post, Staff.hire_date, Staff.leave_date,
                                    Staff.id_number_index)).all()
        self.by_index = {r[5]: Attendee(*r[:5]) for r in rows}
        self.by_name: dict[str, list[Attendee]] = {}
        for r in rows:
            self.by_name.setdefault(r[1], []).append(Attendee(*r[:5]))

    def find(self, line: _Line, today: dt.date) -> Attendee | Problem:
        if line.id_number:
            if reason := id_number_problem(line.id_number, today=today):
                return Problem("身份证号", reason, line.number)
            person = self.by_index.get(self.cipher.blind_index(line.id_number, ID_CONTEXT))
            if person is None:
                return Problem("身份证号", "花名册中没有这个身份证号的人员", line.number)
            if person.name != line.name:
                return Problem("姓名", f"与身份证号对应的花名册姓名「{person.name}」不一致", line.number)
            return person
        found = self.by_name.get(line.name, [])
        if not found:
            return Problem("姓名", f"花名册中没有「{line.name}」，请先在花名册中登记", line.number)
        if len(found) > 1:
            return Problem("身份证号", f"花名册中有 {len(found)} 人叫「{line.name}」，请填写身份证号以区分",
                           line.number)
        return found[0]


def _project_ids(st: Station) -> dict[str, list[int]]:
    with st.read() as s:
        found: dict[str, list[int]] = {}
        for pid, name in s.execute(select(Project.id, Project.name).order_by(Project.id)):
            found.setdefault(name, []).append(pid)
    return found


def _with_project(line: _Line, projects: dict[str, list[int]]) -> SessionInput | Problem:
    """The line's session with the project its 服务项目 cell names."""
    if not line.project:
        return line.session
    ids = projects.get(line.project, [])
    if not ids:
        return Problem("服务项目", f"没有名为「{line.project}」的服务项目，请先在“项目与财务”中登记", line.number)
    if len(ids) > 1:
        return Problem("服务项目", f"有 {len(ids)} 个服务项目叫「{line.project}」，请导入后在培训记录中选择",
                       line.number)
    return replace(line.session, project_id=ids[0])


def import_attendance(st: Station, actor: Actor, path: Path, progress: Progress | None = None,
                      dry_run: bool = False) -> ImportResult:
    """Add the file's sessions and attendance, or nothing: any bad row raises one ValidationError."""
    require(actor, Permission.EDIT_TRAINING)
    progress = progress or quiet()
    sheet = xlsx_input.read_sheet(path, FIELDS, SHEET, progress)
    today = st.clock.now().date()
    people = _People(st)
    problems: list[Problem] = []
    lines = [line for number, cells in sheet.rows if (line := _parse(number, cells, problems)) is not None]
    projects = _project_ids(st)
    with st.read() as s:
        known = {(r.title, r.training_type, r.held_on): (r.id, SessionInput(r.title, r.training_type, r.held_on,
                                                                            from_tenths(r.hours_tenths),
                                                                            project_id=r.project_id))
                 for r in s.scalars(select(TrainingSession))}
        already = {(sid, pid) for sid, pid in s.execute(select(TrainingAttendance.session_id,
                                                                TrainingAttendance.staff_id))}
    sessions: dict[tuple[str, str, dt.date], tuple[int, SessionInput]] = {}  # key -> (first row, session)
    seen: dict[tuple[tuple[str, str, dt.date], int], int] = {}
    plan: list[tuple[tuple[str, str, dt.date], Attendee, Decimal, str]] = []
    for line in lines:
        key = (line.session.title, line.session.training_type, line.session.held_on)
        typed = _with_project(line, projects)
        if isinstance(typed, Problem):
            problems.append(typed)
            continue
        session = typed
        if key in known:
            session = known[key][1]
            if line.session.hours != session.hours:
                problems.append(Problem("学时", f"这场培训已登记为 {session.hours} 学时，与本行不一致", line.number))
                continue
            if line.project and typed.project_id != session.project_id:
                problems.append(Problem("服务项目", "这场培训已登记的服务项目与本行不一致（请在培训记录中修改）",
                                        line.number))
                continue
        elif key in sessions:
            first, session = sessions[key]
            if line.session.hours != session.hours:
                problems.append(Problem("学时", f"与第 {first} 行同一场培训的学时 {session.hours} 不一致", line.number))
                continue
            if typed.project_id != session.project_id:
                problems.append(Problem("服务项目", f"与第 {first} 行同一场培训的服务项目不一致", line.number))
                continue
        else:
            found = session_problems(session, today=today, row=line.number)
            if found:
                problems += found
                continue
            sessions[key] = (line.number, session)
        person = people.find(line, today)
        if isinstance(person, Problem):
            problems.append(person)
            continue
        hours = session.hours if line.attended is None else line.attended
        person_problems = attendance_problems(person, hours, session, line.number)
        if line.attended is not None and (reason := hours_problem(line.attended, MAX_SESSION_HOURS)):
            person_problems.append(Problem("参训学时", reason, line.number))
        problems += person_problems
        if (key, person.id) in seen:
            earlier = seen[key, person.id]
            problems.append(Problem("姓名", f"{person.name} 在第 {earlier} 行已登记过这场培训", line.number))
        elif key in known and (known[key][0], person.id) in already:
            problems.append(Problem("姓名", f"{person.name} 已登记参加过这场培训", line.number))
        seen.setdefault((key, person.id), line.number)
        if not person_problems:
            plan.append((key, person, hours, line.note))
    if not sheet.rows:
        problems.append(Problem("文件", "没有找到任何数据行"))
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
    if dry_run:
        return ImportResult(len(lines), 0, True, sheet.ignored_headers, 0)
    with st.begin(actor) as s:
        ids = {key: session_id for key, (session_id, _s) in known.items()}
        for key, (_first, session) in sessions.items():
            new = TrainingSession(title=session.title, training_type=session.training_type, held_on=session.held_on,
                                  hours_tenths=to_tenths(session.hours), organiser=session.organiser,
                                  trainer=session.trainer, place=session.place, notes="",
                                  project_id=session.project_id)
            s.add(new)
            s.flush()
            ids[key] = new.id
        for done, (key, person, hours, note) in enumerate(plan, start=1):
            s.add(TrainingAttendance(session_id=ids[key], staff_id=person.id, hours_tenths=to_tenths(hours),
                                     note=note[:200]))
            if done % 200 == 0:
                progress.report(done, len(plan), f"正在写入第 {done} 条…")
        s.flush()
        audit.record_event(s, "import", f"从 {Path(path).name} 导入培训 {len(sessions)} 场、签到 {len(plan)} 条",
                           table="training_attendance")
    return ImportResult(len(lines), len(plan), False, sheet.ignored_headers, len(sessions))


def export_attendance(st: Station, actor: Actor, path: Path, year: int | None = None,
                      progress: Progress | None = None) -> int:
    """Every attendance line in the import layout (ID numbers left out: names identify people here)."""
    require(actor, Permission.VIEW)
    stmt = (select(TrainingSession.title, TrainingSession.training_type, TrainingSession.held_on,
                   TrainingSession.hours_tenths, TrainingSession.organiser, TrainingSession.trainer,
                   TrainingSession.place, Staff.name, TrainingAttendance.hours_tenths, TrainingAttendance.note,
                   Project.name)
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .join(Staff, Staff.id == TrainingAttendance.staff_id)
            .outerjoin(Project, Project.id == TrainingSession.project_id)
            .order_by(TrainingSession.held_on, TrainingSession.id, Staff.id))
    if year is not None:
        stmt = stmt.where(TrainingSession.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    with st.read() as s:
        rows = [(t, k, d, from_tenths(h), o, tr, pl, n, "", from_tenths(a), note, project or "")
                for t, k, d, h, o, tr, pl, n, a, note, project in s.execute(stmt)]
    kinds = ["date" if f.kind == "date" else "text" for f in FIELDS]
    return write_table_xlsx(Path(path), SHEET, [f.header for f in FIELDS], rows, progress, kinds, total=len(rows))


def export_hours(st: Station, actor: Actor, path: Path, year: int, progress: Progress | None = None) -> int:
    """培训记录汇总 as a spreadsheet: each person's hours of ``year`` by type."""
    rows = hours_rows(st, actor, year)
    return write_table_xlsx(Path(path), f"{year}年培训学时汇总", HOURS_HEADERS, rows, progress,
                            ["text", "text", *["text"] * len(TRAINING_TYPES), "text", "int"], total=len(rows))
