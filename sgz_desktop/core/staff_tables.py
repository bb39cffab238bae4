"""The staff area's tables. The roster and the training sessions are lazy (counted and paged in SQL,
personal numbers decrypted for one page only); a year's hours, assessments and interns are short lists.

Roster filters (``TableQuery.filters``): ``post``, ``employment``, ``cert_level``, ``community_id``,
``in_post_on`` (a date), ``left`` (True: left by today, False: in post today). Its text search matches the
name, or, when the text is a whole ID number, the person with that number (through the blind index).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from .assessments import list_assessments
from .checks import staff_in_post
from .internships import list_internships
from .models import Community, Project, Staff, TrainingAttendance, TrainingMaterial, TrainingSession
from .roles import Actor, Permission, require
from .staff import ID_CONTEXT, mask_phone, post_order
from .station import Station
from .tables import Column, ListSource, TableQuery
from .training import TRAINING_TYPES, from_tenths
from .training_hours import hours_rows
from .validation import id_number_problem, mask_id_number, normalise_id_number

LOCKED = "（密钥未加载）"

ROSTER_COLUMNS = (
    Column("name", "姓名"),
    Column("gender", "性别", align="center"),
    Column("post", "岗位"),
    Column("employment", "专兼职", align="center"),
    Column("cert_level", "证书等级"),
    Column("sw_background", "社工专业", kind="bool", align="center"),
    Column("community", "所在社区"),
    Column("hire_date", "入职日期", kind="date"),
    Column("leave_date", "离职日期", kind="date"),
    Column("contract_end", "合同到期", kind="date"),
    Column("monthly_pay_fen", "月薪", kind="fen"),
    Column("social_insurance", "五险一金", kind="bool", align="center"),
    Column("experience_years", "从业年限", kind="int"),
    Column("id_number", "身份证号"),
    Column("phone", "手机号"),
)

_SORT: dict[str, Any] = {
    "name": Staff.name, "gender": Staff.gender, "post": post_order(), "employment": Staff.employment,
    "cert_level": Staff.cert_level, "sw_background": Staff.sw_background, "community": Community.name,
    "hire_date": Staff.hire_date, "leave_date": Staff.leave_date, "contract_end": Staff.contract_end,
    "monthly_pay_fen": Staff.monthly_pay_fen, "social_insurance": Staff.social_insurance,
    "experience_years": Staff.experience_years,
}  # id_number and phone are encrypted: they cannot be sorted in SQL


class RosterSource:
    """``page`` rows: the visible columns, then the staff id (hidden)."""

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        self.reveal_phone = actor.can(Permission.EDIT_STAFF)
        titles = titles or {}
        self._columns = tuple(Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in ROSTER_COLUMNS)

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        for key in ("post", "employment", "cert_level", "community_id"):
            if f.get(key) not in (None, ""):
                where.append(getattr(Staff, key) == f[key])
        on = f.get("in_post_on")
        if isinstance(on, dt.date):
            where.append(staff_in_post(on))
        left = f.get("left")
        if isinstance(left, bool):
            today = self.st.clock.now().date()
            where.append(Staff.leave_date <= today if left else staff_in_post(today))
        text = query.text.strip()
        if text:
            where.append(self._text_condition(text))
        return where

    def _text_condition(self, text: str) -> ColumnElement[bool]:
        number = normalise_id_number(text)
        if len(number) == 18 and id_number_problem(number) is None and self.st.unlocked:
            return Staff.id_number_index == self.st.require_unlocked().blind_index(number, ID_CONTEXT)
        return Staff.name.contains(text, autoescape=True)

    def count(self, query: TableQuery) -> int:
        stmt = select(func.count(Staff.id)).where(*self._conditions(query))
        with self.st.read() as s:
            return int(s.scalar(stmt) or 0)

    def _select(self) -> Select[*tuple[Any, ...]]:
        personal = (Staff.id_number, Staff.phone) if self.st.unlocked else ()
        return (select(Staff.name, Staff.gender, Staff.post, Staff.employment, Staff.cert_level, Staff.sw_background,
                       Community.name, Staff.hire_date, Staff.leave_date, Staff.contract_end, Staff.monthly_pay_fen,
                       Staff.social_insurance, Staff.experience_years, Staff.id, *personal)
                .outerjoin(Community, Community.id == Staff.community_id))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sort = _SORT.get(query.sort_key or "")
        order = [sort.desc() if query.descending else sort.asc()] if sort is not None else []
        stmt = (self._select().where(*self._conditions(query))
                .order_by(*order, post_order(), Staff.hire_date, Staff.id).offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()  # only this page is fetched, so only this page is decrypted
        return [self._row(tuple(r)) for r in rows]

    def _row(self, r: tuple[Any, ...]) -> tuple[object, ...]:
        visible, staff_id = r[:13], r[13]
        if len(r) > 14:
            id_number, phone = mask_id_number(r[14]), r[15] if self.reveal_phone else mask_phone(r[15])
        else:
            id_number = phone = LOCKED
        return (*visible[:6], visible[6] or "", *visible[7:], id_number, phone, staff_id)


# --- training sessions ----------------------------------------------------------------------------------

SESSION_COLUMNS = (
    Column("held_on", "培训日期", kind="date"),
    Column("title", "培训主题"),
    Column("training_type", "培训类型"),
    Column("hours", "学时", align="right"),
    Column("organiser", "主办单位"),
    Column("trainer", "授课人"),
    Column("place", "培训地点"),
    Column("attendees", "参训人数", kind="int"),
    Column("materials", "材料", kind="int"),
    Column("project", "服务项目"),
)


class SessionSource:
    """Training sessions; filters ``training_type``, ``year`` and ``project_id``; text matches title, organiser,
    trainer.
    ``page`` rows: the visible columns, then the session id (hidden)."""

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        titles = titles or {}
        self._columns = tuple(Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in SESSION_COLUMNS)
        self._attendees = (select(func.count(TrainingAttendance.id))
                           .where(TrainingAttendance.session_id == TrainingSession.id).scalar_subquery())
        self._materials = (select(func.count(TrainingMaterial.id))
                           .where(TrainingMaterial.session_id == TrainingSession.id).scalar_subquery())
        self._project = select(Project.name).where(Project.id == TrainingSession.project_id).scalar_subquery()

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        kind = query.filters.get("training_type")
        if kind:
            where.append(TrainingSession.training_type == kind)
        year = query.filters.get("year")
        if isinstance(year, int):
            where.append(TrainingSession.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        project = query.filters.get("project_id")
        if isinstance(project, int):
            where.append(TrainingSession.project_id == project)
        text = query.text.strip()
        if text:
            where.append(or_(TrainingSession.title.contains(text, autoescape=True),
                             TrainingSession.organiser.contains(text, autoescape=True),
                             TrainingSession.trainer.contains(text, autoescape=True)))
        return where

    def count(self, query: TableQuery) -> int:
        with self.st.read() as s:
            return int(s.scalar(select(func.count(TrainingSession.id)).where(*self._conditions(query))) or 0)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts: dict[str, Any] = {
            "held_on": TrainingSession.held_on, "title": TrainingSession.title,
            "training_type": TrainingSession.training_type, "hours": TrainingSession.hours_tenths,
            "organiser": TrainingSession.organiser, "trainer": TrainingSession.trainer,
            "place": TrainingSession.place, "attendees": self._attendees, "materials": self._materials,
            "project": self._project}
        sort = sorts.get(query.sort_key or "")
        order = [sort.desc() if query.descending else sort.asc()] if sort is not None else []
        stmt = (select(TrainingSession.held_on, TrainingSession.title, TrainingSession.training_type,
                       TrainingSession.hours_tenths, TrainingSession.organiser, TrainingSession.trainer,
                       TrainingSession.place, self._attendees, self._materials, self._project, TrainingSession.id)
                .where(*self._conditions(query))
                .order_by(*order, TrainingSession.held_on.desc(), TrainingSession.id.desc())
                .offset(offset).limit(limit))
        with self.st.read() as s:
            return [(d, t, k, from_tenths(h), o, tr, pl, int(a), int(m), pr or "", i)
                    for d, t, k, h, o, tr, pl, a, m, pr, i in s.execute(stmt)]


# --- short tables of a year (a few hundred rows at most) -------------------------------------------------

def _titled(columns: Sequence[Column], titles: Mapping[str, str] | None) -> list[Column]:
    titles = titles or {}
    return [Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in columns]


HOURS_COLUMNS = (Column("name", "姓名"), Column("post", "岗位"),
                 *(Column(kind, kind, align="right") for kind in TRAINING_TYPES),
                 Column("total", "合计", align="right"), Column("sessions", "参训次数", kind="int"))


def hours_table(st: Station, actor: Actor, year: int, titles: Mapping[str, str] | None = None) -> ListSource:
    """Training hours per person by type for ``year``; rows end with the staff id (hidden)."""
    return ListSource(_titled(HOURS_COLUMNS, titles), hours_rows(st, actor, year))


ASSESSMENT_COLUMNS = (Column("name", "姓名"), Column("post", "岗位"), Column("year", "考核年度", kind="int"),
                      Column("grade", "考核等级", align="center"), Column("assessor", "考核人"),
                      Column("assessed_on", "考核日期", kind="date"), Column("notes", "考核意见"),
                      Column("review_outcome", "处理结果"))


def assessment_table(st: Station, actor: Actor, year: int, titles: Mapping[str, str] | None = None) -> ListSource:
    """A year's assessments; rows end with the assessment id and the staff id (hidden)."""
    rows = [(a.staff_name, a.post, a.year, a.grade, a.assessor, a.assessed_on, a.notes,
             a.review_outcome or ("待处理" if a.needs_review else ""), a.id, a.staff_id)
            for a in list_assessments(st, actor, year)]
    return ListSource(_titled(ASSESSMENT_COLUMNS, titles), rows)


INTERNSHIP_COLUMNS = (Column("name", "姓名"), Column("university", "所在高校"), Column("major", "专业"),
                      Column("supervisor", "实习督导"), Column("start_date", "开始日期", kind="date"),
                      Column("end_date", "结束日期", kind="date"), Column("notes", "备注"))


def internship_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """Every placement; rows end with the intern's staff id (hidden)."""
    rows = [(i.name, i.university, i.major, i.supervisor_name, i.start_date, i.end_date, i.notes, i.staff_id)
            for i in list_internships(st, actor)]
    return ListSource(_titled(INTERNSHIP_COLUMNS, titles), rows)
