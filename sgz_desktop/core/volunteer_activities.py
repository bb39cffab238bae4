"""Volunteer service activities (title, type, date and times, place, project, community, organiser): the
sheet volunteers sign in on. Their hours are in ``volunteer_hours``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, Problem, ValidationError
from .models import Community, Project, ServiceRecord, Volunteer, VolunteerActivity
from .roles import Actor, Permission, require
from .station import Station
from .training import from_tenths
from .volunteers import ACTIVITY_TYPES, active_communities

PENDING, APPROVED, REJECTED, REVOKED = "pending", "approved", "rejected", "revoked"
RECORD_STATUSES = (PENDING, APPROVED, REJECTED, REVOKED)
STATUS_LABELS = {PENDING: "待审核", APPROVED: "已通过", REJECTED: "未通过", REVOKED: "已撤销"}
COUNTED = (PENDING, APPROVED)  # statuses that take up a volunteer's time on a day

LABELS = {"title": "活动名称", "activity_type": "服务类型", "held_on": "活动日期", "starts_at": "开始时间",
          "ends_at": "结束时间", "place": "服务地点", "project_id": "服务项目", "community_id": "所在社区",
          "organiser": "组织者", "content": "服务内容"}


def hm(value: dt.time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


# --- activities -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActivityInput:
    title: str
    activity_type: str
    held_on: dt.date
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    place: str = ""
    project_id: int | None = None
    community_id: int | None = None
    organiser: str = ""
    content: str = ""


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    title: str
    activity_type: str
    held_on: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    place: str
    project_id: int | None
    project_name: str
    community_id: int | None
    community_name: str
    organiser: str
    content: str
    volunteers: int
    hours: Decimal  # pending and approved
    pending: int

    @property
    def time_text(self) -> str:
        return f"{hm(self.starts_at)}–{hm(self.ends_at)}" if self.starts_at and self.ends_at else ""

    def as_input(self) -> ActivityInput:
        return ActivityInput(self.title, self.activity_type, self.held_on, self.starts_at, self.ends_at, self.place,
                             self.project_id, self.community_id, self.organiser, self.content)


def clean_activity(data: ActivityInput) -> ActivityInput:
    return replace(data, title=data.title.strip(), activity_type=data.activity_type.strip(), place=data.place.strip(),
                   organiser=data.organiser.strip(), content=data.content.strip(),
                   starts_at=data.starts_at.replace(second=0, microsecond=0) if data.starts_at else None,
                   ends_at=data.ends_at.replace(second=0, microsecond=0) if data.ends_at else None)


def activity_problems(data: ActivityInput, *, today: dt.date, communities: Mapping[int, str],
                      projects: Iterable[int], row: int | None = None) -> list[Problem]:
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason, row))

    if not data.title:
        bad("title", "不能为空")
    elif len(data.title) > 200:
        bad("title", "不能超过 200 个字")
    if data.activity_type not in ACTIVITY_TYPES:
        bad("activity_type", f"「{data.activity_type}」不是可选的服务类型（{'、'.join(ACTIVITY_TYPES)}）")
    if data.held_on > today:
        bad("held_on", "不能晚于今天（登记的是已开展的服务）")
    elif data.held_on.year < 2000:
        bad("held_on", "不能早于 2000 年")
    if (data.starts_at is None) != (data.ends_at is None):
        bad("ends_at" if data.ends_at is None else "starts_at", "开始时间和结束时间要么都填，要么都不填")
    elif data.starts_at and data.ends_at and data.ends_at <= data.starts_at:
        bad("ends_at", "应晚于开始时间（跨夜的服务请按日期分成两次登记）")
    for key, limit in (("place", 100), ("organiser", 100)):
        if len(getattr(data, key)) > limit:
            bad(key, f"不能超过 {limit} 个字")
    if data.community_id is not None and data.community_id not in communities:
        bad("community_id", "不是本街道在用的社区（村）")
    if data.project_id is not None and data.project_id not in set(projects):
        bad("project_id", "没有这个服务项目")
    return problems


def project_names(s: Session) -> dict[int, str]:
    return {pid: name for pid, name in s.execute(select(Project.id, Project.name))}


def project_choices(st: Station) -> list[tuple[int, str]]:
    """(id, name) of the service projects an activity may be tagged with."""
    with st.read() as s:
        return [(pid, name) for pid, name in s.execute(select(Project.id, Project.name).order_by(Project.id))]


def _activity_info(s: Session, row: VolunteerActivity) -> ActivityInfo:
    counts = s.execute(select(func.count(), func.coalesce(func.sum(ServiceRecord.hours_tenths), 0),
                              func.count().filter(ServiceRecord.status == PENDING))
                       .where(ServiceRecord.activity_id == row.id, ServiceRecord.status.in_(COUNTED))).one()
    project = s.scalar(select(Project.name).where(Project.id == row.project_id)) if row.project_id else ""
    community = s.scalar(select(Community.name).where(Community.id == row.community_id)) if row.community_id else ""
    return ActivityInfo(row.id, row.title, row.activity_type, row.held_on, row.starts_at, row.ends_at, row.place,
                        row.project_id, project or "", row.community_id, community or "", row.organiser, row.content,
                        int(counts[0]), from_tenths(int(counts[1])), int(counts[2]))


def activity_row(s: Session, activity_id: int) -> VolunteerActivity:
    row = s.get(VolunteerActivity, activity_id)
    if row is None:
        raise NotFound(f"没有编号为 {activity_id} 的志愿服务活动。")
    return row


def get_activity(st: Station, actor: Actor, activity_id: int) -> ActivityInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _activity_info(s, activity_row(s, activity_id))


def _check_activity(st: Station, s: Session, data: ActivityInput, current: VolunteerActivity | None) -> None:
    communities = active_communities(s)
    if current is not None and current.community_id is not None:
        communities.setdefault(current.community_id, "")
    problems = activity_problems(data, today=st.clock.now().date(), communities=communities,
                                 projects=project_names(s))
    if problems:
        raise ValidationError(problems)


def _apply(row: VolunteerActivity, data: ActivityInput) -> None:
    row.title, row.activity_type, row.held_on = data.title, data.activity_type, data.held_on
    row.starts_at, row.ends_at, row.place = data.starts_at, data.ends_at, data.place
    row.project_id, row.community_id = data.project_id, data.community_id
    row.organiser, row.content = data.organiser, data.content


def insert_activity(st: Station, s: Session, actor: Actor, data: ActivityInput) -> VolunteerActivity:
    row = VolunteerActivity(created_by=actor.display_name, created_at=st.clock.now())
    _apply(row, data)
    s.add(row)
    s.flush()
    return row


def add_activity(st: Station, actor: Actor, data: ActivityInput) -> ActivityInfo:
    require(actor, Permission.RECORD_HOURS)
    data = clean_activity(data)
    with st.begin(actor) as s:
        _check_activity(st, s, data, None)
        return _activity_info(s, insert_activity(st, s, actor, data))


def update_activity(st: Station, actor: Actor, activity_id: int, data: ActivityInput) -> ActivityInfo:
    """Change an activity. Once hours are approved its date, times and type stay (points were earned on
    them); with hours still pending the new date and times must fit every volunteer's day."""
    require(actor, Permission.RECORD_HOURS)
    data = clean_activity(data)
    with st.begin(actor) as s:
        row = activity_row(s, activity_id)
        _check_activity(st, s, data, row)
        moved = (row.held_on, row.starts_at, row.ends_at, row.activity_type) != (
            data.held_on, data.starts_at, data.ends_at, data.activity_type)
        records = s.scalars(select(ServiceRecord).where(ServiceRecord.activity_id == activity_id,
                                                        ServiceRecord.status.in_(COUNTED))).all()
        if moved and any(r.status == APPROVED for r in records):
            raise ValidationError(Problem("活动", "已有审核通过的服务时长，不能再修改日期、时间和服务类型"))
        if moved and records:
            from .volunteer_hours import DayBook, span_of  # the hours module builds on this one

            book = DayBook.load(s, {r.volunteer_id for r in records}, {data.held_on}, exclude_activity=activity_id)
            names = dict(s.execute(select(Volunteer.id, Volunteer.name)
                                   .where(Volunteer.id.in_([r.volunteer_id for r in records]))).all())
            problems = []
            for r in records:
                span = span_of(r.starts_at, r.ends_at) or span_of(data.starts_at, data.ends_at)
                for reason in book.conflicts(r.volunteer_id, data.held_on, span, r.hours_tenths):
                    problems.append(Problem(names.get(r.volunteer_id, "志愿者"), reason))
                book.add(r.volunteer_id, data.held_on, span, r.hours_tenths, data.title)
            if problems:
                raise ValidationError(problems)
        _apply(row, data)
        s.flush()
        return _activity_info(s, row)


def delete_activity(st: Station, actor: Actor, activity_id: int) -> None:
    """Only an activity without hours (delete its pending hours first)."""
    require(actor, Permission.RECORD_HOURS)
    with st.begin(actor) as s:
        row = activity_row(s, activity_id)
        n = s.scalar(select(func.count()).select_from(ServiceRecord).where(ServiceRecord.activity_id == activity_id))
        if n:
            raise ValidationError(Problem("删除", f"「{row.title}」已登记 {n} 人次的服务时长，不能删除"))
        s.delete(row)
