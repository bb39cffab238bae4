"""The training log (Art. 15): sessions of the five types and who attended for how long.

Hours are exact: the database keeps tenths of an hour as integers, services speak ``Decimal`` hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, Problem, ValidationError
from .models import Project, Staff, TrainingAttendance, TrainingMaterial, TrainingSession
from .roles import Actor, Permission, require
from .staff import post_order
from .station import Station

TRAINING_TYPES = ("岗前培训", "督导培训", "继续教育培训", "实务培训", "政策法规培训")
PREJOB = TRAINING_TYPES[0]
MAX_SESSION_HOURS = Decimal(100)  # a multi-day course entered as one session
PREJOB_BEFORE_HIRE_DAYS = 90  # pre-job training may come before the first day in post

LABELS = {"title": "培训主题", "training_type": "培训类型", "held_on": "培训日期", "hours": "学时",
          "organiser": "主办单位", "trainer": "授课人", "place": "培训地点", "notes": "备注",
          "attendee": "参训人员", "attended": "参训学时", "project_id": "服务项目"}


# --- hours --------------------------------------------------------------------------------------------

def to_tenths(hours: Decimal) -> int:
    return int(hours * 10)


def from_tenths(tenths: int) -> Decimal:
    return (Decimal(tenths) / 10).normalize() if tenths % 10 else Decimal(tenths // 10)


def tidy(hours: Decimal) -> Decimal:
    """11.0 -> 11, 9.50 -> 9.5 (and never 1.5E+2): how hours are shown."""
    return hours.quantize(Decimal(1)) if hours == hours.to_integral_value() else hours.normalize()


def parse_hours(value: object) -> Decimal:
    """Hours as typed or read from Excel ("3.5", 3.5, 3); raises ValueError with a Chinese reason."""
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"「{value}」不是数字") from None
    if not hours.is_finite():
        raise ValueError(f"「{value}」不是数字")
    return hours


def hours_problem(hours: Decimal, maximum: Decimal) -> str | None:
    if hours <= 0:
        return "必须大于 0"
    if hours > maximum:
        return f"不能超过 {maximum} 小时"
    if hours * 10 != int(hours * 10):
        return "最多保留一位小数（例如 1.5）"
    return None


# --- sessions -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionInput:
    title: str
    training_type: str
    held_on: dt.date
    hours: Decimal
    organiser: str = ""
    trainer: str = ""
    place: str = ""
    notes: str = ""
    project_id: int | None = None  # the service project the training was held for, if any


@dataclass(frozen=True)
class SessionInfo:
    id: int
    title: str
    training_type: str
    held_on: dt.date
    hours: Decimal
    organiser: str
    trainer: str
    place: str
    notes: str
    attendees: int
    materials: int
    project_id: int | None = None
    project_name: str = ""

    def as_input(self) -> SessionInput:
        return SessionInput(self.title, self.training_type, self.held_on, self.hours, self.organiser, self.trainer,
                            self.place, self.notes, self.project_id)


def session_problems(data: SessionInput, *, today: dt.date, row: int | None = None,
                     projects: Iterable[int] | None = None) -> list[Problem]:
    """What is wrong with a session; the project is checked when the known project ids are given."""
    problems = []
    if not data.title.strip():
        problems.append(Problem(LABELS["title"], "不能为空", row))
    if len(data.title.strip()) > 200:
        problems.append(Problem(LABELS["title"], "不能超过 200 个字", row))
    if data.training_type not in TRAINING_TYPES:
        problems.append(Problem(LABELS["training_type"], f"只能是{'、'.join(TRAINING_TYPES)}之一（第十五条）", row))
    if data.held_on > today:
        problems.append(Problem(LABELS["held_on"], "不能晚于今天（登记的是已举办的培训）", row))
    if data.held_on.year < 2000:
        problems.append(Problem(LABELS["held_on"], "不能早于 2000 年", row))
    if reason := hours_problem(data.hours, MAX_SESSION_HOURS):
        problems.append(Problem(LABELS["hours"], reason, row))
    for key in ("organiser", "trainer", "place"):
        if len(getattr(data, key).strip()) > 100:
            problems.append(Problem(LABELS[key], "不能超过 100 个字", row))
    if data.project_id is not None and projects is not None and data.project_id not in set(projects):
        problems.append(Problem(LABELS["project_id"], f"没有编号为 {data.project_id} 的服务项目", row))
    return problems


def project_ids(s: Session) -> set[int]:
    return set(s.scalars(select(Project.id)))


def _clean(data: SessionInput) -> SessionInput:
    return replace(data, title=data.title.strip(), training_type=data.training_type.strip(),
                   organiser=data.organiser.strip(), trainer=data.trainer.strip(), place=data.place.strip(),
                   notes=data.notes.strip())


def _session(s: Session, session_id: int) -> TrainingSession:
    row = s.get(TrainingSession, session_id)
    if row is None:
        raise NotFound(f"没有编号为 {session_id} 的培训记录。")
    return row


def _session_info(s: Session, row: TrainingSession) -> SessionInfo:
    attendees = s.scalar(select(func.count()).where(TrainingAttendance.session_id == row.id)) or 0
    materials = s.scalar(select(func.count()).where(TrainingMaterial.session_id == row.id)) or 0
    project = s.scalar(select(Project.name).where(Project.id == row.project_id)) if row.project_id else ""
    return SessionInfo(row.id, row.title, row.training_type, row.held_on, from_tenths(row.hours_tenths),
                       row.organiser, row.trainer, row.place, row.notes, attendees, materials, row.project_id,
                       project or "")


def _apply(row: TrainingSession, data: SessionInput) -> None:
    row.title, row.training_type, row.held_on = data.title, data.training_type, data.held_on
    row.hours_tenths = to_tenths(data.hours)
    row.organiser, row.trainer, row.place, row.notes = data.organiser, data.trainer, data.place, data.notes
    row.project_id = data.project_id


def add_session(st: Station, actor: Actor, data: SessionInput) -> SessionInfo:
    require(actor, Permission.EDIT_TRAINING)
    data = _clean(data)
    with st.begin(actor) as s:
        problems = session_problems(data, today=st.clock.now().date(), projects=project_ids(s))
        if problems:
            raise ValidationError(problems)
        row = TrainingSession()
        _apply(row, data)
        s.add(row)
        s.flush()
        return _session_info(s, row)


def update_session(st: Station, actor: Actor, session_id: int, data: SessionInput) -> SessionInfo:
    """Change a session; its attendees must still fit (in post on the new date, hours within the new length)."""
    require(actor, Permission.EDIT_TRAINING)
    data = _clean(data)
    with st.begin(actor) as s:
        problems = session_problems(data, today=st.clock.now().date(), projects=project_ids(s))
        row = _session(s, session_id)
        for person, hours, _note in _attendance_rows(s, session_id):
            problems += attendance_problems(person, hours, data)
        if problems:
            raise ValidationError(problems)
        _apply(row, data)
        return _session_info(s, row)


def delete_session(st: Station, actor: Actor, session_id: int) -> None:
    """Remove a session entered by mistake, with its attendance and materials (each removal audited)."""
    from .training_materials import remove_unreferenced_files

    require(actor, Permission.EDIT_TRAINING)
    with st.begin(actor) as s:
        row = _session(s, session_id)
        for child in (TrainingAttendance, TrainingMaterial):
            for obj in s.scalars(select(child).where(child.session_id == session_id)):
                s.delete(obj)
        s.delete(row)
    remove_unreferenced_files(st)


def get_session(st: Station, actor: Actor, session_id: int) -> SessionInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _session_info(s, _session(s, session_id))


def list_sessions(st: Station, actor: Actor, year: int | None = None,
                  project_id: int | None = None) -> list[SessionInfo]:
    """Sessions by date (all years, or one; all, or those of one service project)."""
    require(actor, Permission.VIEW)
    stmt = select(TrainingSession).order_by(TrainingSession.held_on, TrainingSession.id)
    if year is not None:
        stmt = stmt.where(TrainingSession.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if project_id is not None:
        stmt = stmt.where(TrainingSession.project_id == project_id)
    with st.read() as s:
        return [_session_info(s, r) for r in s.scalars(stmt)]


# --- attendance ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceInput:
    staff_id: int
    hours: Decimal | None = None  # None: the whole session
    note: str = ""


@dataclass(frozen=True)
class AttendanceInfo:
    session_id: int
    staff_id: int
    name: str
    post: str
    hours: Decimal
    note: str


@dataclass(frozen=True)
class Attendee:
    """What attendance rules need to know about a person (no personal numbers)."""

    id: int
    name: str
    post: str
    hire_date: dt.date
    leave_date: dt.date | None


def attendee(s: Session, staff_id: int) -> Attendee | None:
    r = s.execute(select(Staff.id, Staff.name, Staff.post, Staff.hire_date, Staff.leave_date)
                  .where(Staff.id == staff_id)).first()
    return Attendee(*r) if r is not None else None


def attendance_problems(person: Attendee, hours: Decimal, session: SessionInput,
                        row: int | None = None) -> list[Problem]:
    problems = []
    earliest = person.hire_date
    if session.training_type == PREJOB:
        earliest -= dt.timedelta(days=PREJOB_BEFORE_HIRE_DAYS)
    if session.held_on < earliest:
        problems.append(Problem(LABELS["attendee"], f"{person.name} 于 {person.hire_date:%Y-%m-%d} 入职，"
                                f"培训日期 {session.held_on:%Y-%m-%d} 时尚未到岗", row))
    if person.leave_date is not None and person.leave_date <= session.held_on:
        problems.append(Problem(LABELS["attendee"], f"{person.name} 已于 {person.leave_date:%Y-%m-%d} 离职", row))
    if reason := hours_problem(hours, session.hours):
        problems.append(Problem(LABELS["attended"], f"{person.name}：{reason}", row))
    return problems


def _attendance_rows(s: Session, session_id: int) -> list[tuple[Attendee, Decimal, str]]:
    rows = s.execute(select(Staff.id, Staff.name, Staff.post, Staff.hire_date, Staff.leave_date,
                            TrainingAttendance.hours_tenths, TrainingAttendance.note)
                     .join(TrainingAttendance, TrainingAttendance.staff_id == Staff.id)
                     .where(TrainingAttendance.session_id == session_id)
                     .order_by(post_order(), Staff.hire_date, Staff.id)).all()
    return [(Attendee(*r[:5]), from_tenths(r[5]), r[6]) for r in rows]


def set_attendance(st: Station, actor: Actor, session_id: int,
                   attendees: Sequence[AttendanceInput]) -> list[AttendanceInfo]:
    """Replace the session's attendance list; unchanged people keep their rows (a quiet audit log)."""
    require(actor, Permission.EDIT_TRAINING)
    with st.begin(actor) as s:
        session = _session(s, session_id)
        plan = SessionInput(session.title, session.training_type, session.held_on, from_tenths(session.hours_tenths))
        problems: list[Problem] = []
        wanted: dict[int, tuple[int, str]] = {}
        for item in attendees:
            person = attendee(s, item.staff_id)
            if person is None:
                raise NotFound(f"花名册中没有编号为 {item.staff_id} 的人员。")
            if item.staff_id in wanted:
                problems.append(Problem(LABELS["attendee"], f"{person.name} 重复登记"))
                continue
            hours = plan.hours if item.hours is None else item.hours
            problems += attendance_problems(person, hours, plan)
            wanted[item.staff_id] = (to_tenths(hours), item.note.strip()[:200])
        if problems:
            raise ValidationError(problems)
        existing = {a.staff_id: a for a in s.scalars(select(TrainingAttendance)
                                                      .where(TrainingAttendance.session_id == session_id))}
        for staff_id, row in existing.items():
            if staff_id not in wanted:
                s.delete(row)
        for staff_id, (tenths, note) in wanted.items():
            row = existing.get(staff_id) or TrainingAttendance(session_id=session_id, staff_id=staff_id)
            row.hours_tenths, row.note = tenths, note
            s.add(row)
        s.flush()
        return [AttendanceInfo(session_id, p.id, p.name, p.post, h, n) for p, h, n in _attendance_rows(s, session_id)]


def list_attendance(st: Station, actor: Actor, session_id: int) -> list[AttendanceInfo]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        _session(s, session_id)
        return [AttendanceInfo(session_id, p.id, p.name, p.post, h, n) for p, h, n in _attendance_rows(s, session_id)]


@dataclass(frozen=True)
class PersonSession:
    """One line of a person's training history."""

    session_id: int
    held_on: dt.date
    title: str
    training_type: str
    hours: Decimal


def person_history(st: Station, actor: Actor, staff_id: int, year: int | None = None) -> list[PersonSession]:
    require(actor, Permission.VIEW)
    stmt = (select(TrainingSession.id, TrainingSession.held_on, TrainingSession.title, TrainingSession.training_type,
                   TrainingAttendance.hours_tenths)
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingAttendance.staff_id == staff_id).order_by(TrainingSession.held_on.desc()))
    if year is not None:
        stmt = stmt.where(TrainingSession.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    with st.read() as s:
        return [PersonSession(i, d, t, k, from_tenths(h)) for i, d, t, k, h in s.execute(stmt)]
