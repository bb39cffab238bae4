"""Interns (Art. 16): a person on the roster with the post 实习生, their university, supervisor and period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from .errors import NotFound, Problem, ValidationError
from .models import Internship, Staff
from .roles import Actor, Permission, require
from .staff import INTERN, StaffInput, insert_staff
from .station import Station
from .training import Attendee, attendee

MAX_DAYS = 2 * 366


@dataclass(frozen=True)
class InternshipInput:
    university: str
    start_date: dt.date
    end_date: dt.date
    major: str = "社会工作"
    supervisor_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class InternshipInfo:
    id: int
    staff_id: int
    name: str
    university: str
    major: str
    supervisor_id: int | None
    supervisor_name: str
    start_date: dt.date
    end_date: dt.date
    notes: str

    def in_progress(self, on: dt.date) -> bool:
        return self.start_date <= on <= self.end_date


def _problems(s: Session, intern: Attendee, data: InternshipInput) -> list[Problem]:
    problems = []
    if intern.post != INTERN:
        problems.append(Problem("岗位", f"{intern.name} 的岗位是{intern.post}，只有实习生才登记实习信息"))
    if not data.university.strip() or len(data.university.strip()) > 100:
        problems.append(Problem("所在高校", "不能为空，且不超过 100 个字"))
    if data.end_date < data.start_date:
        problems.append(Problem("实习结束日期", "不能早于开始日期"))
    elif (data.end_date - data.start_date).days > MAX_DAYS:
        problems.append(Problem("实习结束日期", "实习期不能超过两年"))
    if data.start_date < intern.hire_date:
        problems.append(Problem("实习开始日期", f"不能早于到岗日期 {intern.hire_date:%Y-%m-%d}"))
    if intern.leave_date is not None and data.end_date >= intern.leave_date:
        problems.append(Problem("实习结束日期", f"应早于离站日期 {intern.leave_date:%Y-%m-%d}"))
    if data.supervisor_id is not None:
        mentor = attendee(s, data.supervisor_id)
        if mentor is None or mentor.id == intern.id or mentor.post == INTERN:
            problems.append(Problem("实习督导", "应是花名册中的在岗社工或督导，不能是实习生本人或其他实习生"))
        elif mentor.hire_date > data.start_date or (mentor.leave_date and mentor.leave_date <= data.start_date):
            problems.append(Problem("实习督导", f"{mentor.name} 在实习开始时不在岗"))
    return problems


def _save(s: Session, staff_id: int, data: InternshipInput) -> InternshipInfo:
    intern = attendee(s, staff_id)
    if intern is None:
        raise NotFound(f"花名册中没有编号为 {staff_id} 的人员。")
    problems = _problems(s, intern, data)
    if problems:
        raise ValidationError(problems)
    row = s.scalar(select(Internship).where(Internship.staff_id == staff_id)) or Internship(staff_id=staff_id)
    row.university, row.major = data.university.strip(), data.major.strip()
    row.supervisor_id, row.start_date, row.end_date = data.supervisor_id, data.start_date, data.end_date
    row.notes = data.notes.strip()
    s.add(row)
    s.flush()
    return _list(s, Internship.id == row.id)[0]


def set_internship(st: Station, actor: Actor, staff_id: int, data: InternshipInput) -> InternshipInfo:
    """Record or correct an intern's placement."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        return _save(s, staff_id, data)


def add_intern(st: Station, actor: Actor, person: StaffInput, data: InternshipInput) -> InternshipInfo:
    """Put a new intern on the roster and record the placement, in one transaction."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = insert_staff(st, s, person)
        return _save(s, row.id, data)


def _list(s: Session, *where: ColumnElement[bool]) -> list[InternshipInfo]:
    mentor = aliased(Staff)
    stmt = (select(Internship, Staff.name, mentor.name)
            .join(Staff, Staff.id == Internship.staff_id)
            .outerjoin(mentor, mentor.id == Internship.supervisor_id)
            .where(*where)
            .order_by(Internship.start_date.desc(), Internship.id))
    return [InternshipInfo(i.id, i.staff_id, name, i.university, i.major, i.supervisor_id, mentor_name or "",
                           i.start_date, i.end_date, i.notes) for i, name, mentor_name in s.execute(stmt)]


def list_internships(st: Station, actor: Actor, on: dt.date | None = None) -> list[InternshipInfo]:
    """Every placement, newest first (or only those in progress on ``on``)."""
    require(actor, Permission.VIEW)
    where: list[ColumnElement[bool]] = [] if on is None else [Internship.start_date <= on,
                                                              Internship.end_date >= on]
    with st.read() as s:
        return _list(s, *where)


def get_internship(st: Station, actor: Actor, staff_id: int) -> InternshipInfo | None:
    require(actor, Permission.VIEW)
    with st.read() as s:
        found = _list(s, Internship.staff_id == staff_id)
        return found[0] if found else None
