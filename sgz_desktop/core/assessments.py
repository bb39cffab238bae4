"""Annual performance assessments (Art. 34): one grade per person per year.

不合格 flags the person for review (Art. 34: grounds for dismissal) until the review's outcome is
recorded, e.g. "解聘" or "整改后续聘".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from .checks import staff_in_post
from .errors import NotFound, Problem, ValidationError
from .models import Assessment, Staff
from .roles import Actor, Permission, require
from .staff import DEPUTY, LIAISON, SOCIAL_WORKER, post_order
from .station import Station

_PersonRow = Row[int, str, str, dt.date, dt.date | None]  # id, name, post, hire, leave

GRADES = ("优秀", "合格", "基本合格", "不合格")
FAILED = "不合格"
# The station's own staff are assessed (Art. 34); the 站长 is a subdistrict leader, supervisors come from
# the district, interns from their university.
ASSESSED_POSTS = (DEPUTY, SOCIAL_WORKER, LIAISON)


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    staff_id: int
    staff_name: str
    post: str
    year: int
    grade: str
    assessor: str
    assessed_on: dt.date | None
    notes: str
    review_outcome: str
    reviewed_on: dt.date | None

    @property
    def needs_review(self) -> bool:
        return self.grade == FAILED and not self.review_outcome


def _info(a: Assessment, name: str, post: str) -> AssessmentInfo:
    return AssessmentInfo(a.id, a.staff_id, name, post, a.year, a.grade, a.assessor, a.assessed_on, a.notes,
                          a.review_outcome, a.reviewed_on)


def _joined() -> Select[Assessment, str, str]:
    # Columns, not the Staff entity: loading it would decrypt personal fields nobody needs here.
    return select(Assessment, Staff.name, Staff.post).join(Staff, Staff.id == Assessment.staff_id)


def _problems(person: _PersonRow, year: int, grade: str, assessor: str, assessed_on: dt.date | None, notes: str,
              today: dt.date, row: int | None = None) -> list[Problem]:
    problems = []
    if not 2000 <= year <= today.year:
        problems.append(Problem("考核年度", f"应在 2000 到 {today.year} 年之间", row))
    elif person.hire_date > dt.date(year, 12, 31) or (person.leave_date is not None
                                                     and person.leave_date <= dt.date(year, 1, 1)):
        problems.append(Problem("考核年度", f"{person.name} {year} 年不在岗（入职 {person.hire_date:%Y-%m-%d}"
                                + (f"，离职 {person.leave_date:%Y-%m-%d}" if person.leave_date else "") + "）", row))
    if grade not in GRADES:
        problems.append(Problem("考核等级", f"只能是{'、'.join(GRADES)}之一", row))
    if not assessor.strip():
        problems.append(Problem("考核人", "不能为空", row))
    elif len(assessor.strip()) > 50:
        problems.append(Problem("考核人", "不能超过 50 个字", row))
    if assessed_on is not None and not dt.date(year, 1, 1) <= assessed_on <= today:
        problems.append(Problem("考核日期", f"应在 {year} 年 1 月 1 日到今天之间", row))
    if grade == FAILED and not notes.strip():
        problems.append(Problem("考核意见", "考核不合格时必须写明理由", row))
    return problems


def _person(s: Session, staff_id: int) -> _PersonRow:
    person = s.execute(select(Staff.id, Staff.name, Staff.post, Staff.hire_date, Staff.leave_date)
                       .where(Staff.id == staff_id)).first()
    if person is None:
        raise NotFound(f"花名册中没有编号为 {staff_id} 的人员。")
    return person


def set_assessment(st: Station, actor: Actor, staff_id: int, year: int, grade: str, *, assessor: str,
                   assessed_on: dt.date | None = None, notes: str = "") -> AssessmentInfo:
    """Record (or correct) a person's grade for a year; a changed grade clears an earlier review."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        person = _person(s, staff_id)
        problems = _problems(person, year, grade, assessor, assessed_on, notes, st.clock.now().date())
        if problems:
            raise ValidationError(problems)
        row = s.scalar(select(Assessment).where(Assessment.staff_id == staff_id, Assessment.year == year))
        if row is None:
            row = Assessment(staff_id=staff_id, year=year, review_outcome="", reviewed_on=None)
            s.add(row)
        elif row.grade != grade:
            row.review_outcome, row.reviewed_on = "", None
        row.grade, row.assessor, row.assessed_on, row.notes = grade, assessor.strip(), assessed_on, notes.strip()
        s.flush()
        return _info(row, person.name, person.post)


def record_review(st: Station, actor: Actor, assessment_id: int, outcome: str, on: dt.date) -> AssessmentInfo:
    """The outcome of reviewing a 不合格 grade (Art. 34), which clears the flag."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = s.get(Assessment, assessment_id)
        if row is None:
            raise NotFound(f"没有编号为 {assessment_id} 的考核记录。")
        problems = []
        if row.grade != FAILED:
            problems.append(Problem("处理结果", f"只有“{FAILED}”的考核需要登记处理结果"))
        if not outcome.strip() or len(outcome.strip()) > 200:
            problems.append(Problem("处理结果", "不能为空，且不超过 200 个字"))
        if not dt.date(row.year, 1, 1) <= on <= st.clock.now().date():
            problems.append(Problem("处理日期", f"应在 {row.year} 年 1 月 1 日到今天之间"))
        if problems:
            raise ValidationError(problems)
        row.review_outcome, row.reviewed_on = outcome.strip(), on
        person = _person(s, row.staff_id)
        return _info(row, person.name, person.post)


def delete_assessment(st: Station, actor: Actor, assessment_id: int) -> None:
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = s.get(Assessment, assessment_id)
        if row is None:
            raise NotFound(f"没有编号为 {assessment_id} 的考核记录。")
        s.delete(row)


def list_assessments(st: Station, actor: Actor, year: int) -> list[AssessmentInfo]:
    """A year's grades in roster order."""
    require(actor, Permission.VIEW)
    stmt = _joined().where(Assessment.year == year).order_by(post_order(), Staff.hire_date, Staff.id)
    with st.read() as s:
        return [_info(a, name, post) for a, name, post in s.execute(stmt)]


def history(st: Station, actor: Actor, staff_id: int) -> list[AssessmentInfo]:
    """One person's grades, newest year first."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        _person(s, staff_id)
        stmt = _joined().where(Assessment.staff_id == staff_id).order_by(Assessment.year.desc())
        return [_info(a, name, post) for a, name, post in s.execute(stmt)]


def pending_reviews(st: Station, actor: Actor, on: dt.date | None = None) -> list[AssessmentInfo]:
    """不合格 grades without a recorded outcome, for people still in post (on ``on``, default today)."""
    require(actor, Permission.VIEW)
    on = on or st.clock.now().date()
    stmt = (_joined().where(Assessment.grade == FAILED, Assessment.review_outcome == "", staff_in_post(on))
            .order_by(Assessment.year.desc(), Staff.id))
    with st.read() as s:
        return [_info(a, name, post) for a, name, post in s.execute(stmt)]


def unassessed(st: Station, actor: Actor, year: int) -> list[tuple[int, str, str]]:
    """(staff id, name, post) of the staff assessed under Art. 34 (ASSESSED_POSTS) who were in post during
    ``year`` and have no grade for it."""
    require(actor, Permission.VIEW)
    end = dt.date(year, 12, 31)
    graded = select(Assessment.staff_id).where(Assessment.year == year)
    stmt = (select(Staff.id, Staff.name, Staff.post)
            .where(Staff.hire_date <= end, (Staff.leave_date.is_(None)) | (Staff.leave_date > dt.date(year, 1, 1)),
                   Staff.id.not_in(graded), Staff.post.in_(ASSESSED_POSTS))
            .order_by(post_order(), Staff.hire_date, Staff.id))
    with st.read() as s:
        return [(int(i), str(n), str(p)) for i, n, p in s.execute(stmt)]
