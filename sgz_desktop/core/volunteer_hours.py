"""Volunteers' hours at activities: recorded by a 社工 (pending), approved or rejected by the deputy head,
who and when kept on the record. Approval earns points at the rule of the service day; revoking approved
hours reverses those points.

A volunteer's hours on one day may not overlap (the sign-in/sign-out times, or else the activity's
times) and may not add up to more than 24 hours. Hours are exact tenths, as in the training log.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, Problem, ValidationError
from .models import PointTransaction, ServiceRecord, Volunteer, VolunteerActivity
from .roles import Actor, Permission, require
from .station import Station
from .training import from_tenths, hours_problem, tidy, to_tenths
from .volunteer_activities import (
    APPROVED,
    COUNTED,
    PENDING,
    REJECTED,
    REVOKED,
    STATUS_LABELS,
    ActivityInput,
    activity_row,
    minutes,
)
from .volunteer_points import EARN, balance_in, earn_in, reverse_in
from .volunteers import WITHDRAWN, require_deputy

MAX_DAY_TENTHS = 240


# --- one volunteer's day: overlaps and the 24-hour limit -----------------------------------------------------

Span = tuple[int, int]  # minutes from midnight, start < end


def span_of(starts_at: dt.time | None, ends_at: dt.time | None) -> Span | None:
    if starts_at is None or ends_at is None:
        return None
    return minutes(starts_at), minutes(ends_at)


def _span_text(span: Span) -> str:
    return f"{span[0] // 60:02d}:{span[0] % 60:02d}–{span[1] // 60:02d}:{span[1] % 60:02d}"


@dataclass
class DayBook:
    """What is already booked on a volunteer's days: time spans and total tenths."""

    spans: dict[tuple[int, dt.date], list[tuple[Span, str]]] = field(default_factory=lambda: defaultdict(list))
    tenths: dict[tuple[int, dt.date], int] = field(default_factory=lambda: defaultdict(int))

    @classmethod
    def load(cls, s: Session, volunteers: set[int], days: set[dt.date],
             exclude_activity: int | None = None) -> DayBook:
        book = cls()
        day_list = sorted(days)
        for i in range(0, len(day_list), 400):
            stmt = (select(ServiceRecord.volunteer_id, VolunteerActivity.held_on, ServiceRecord.starts_at,
                           ServiceRecord.ends_at, VolunteerActivity.starts_at, VolunteerActivity.ends_at,
                           ServiceRecord.hours_tenths, VolunteerActivity.title)
                    .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                    .where(VolunteerActivity.held_on.in_(day_list[i:i + 400]), ServiceRecord.status.in_(COUNTED)))
            if exclude_activity is not None:
                stmt = stmt.where(ServiceRecord.activity_id != exclude_activity)
            if len(volunteers) <= 400:
                stmt = stmt.where(ServiceRecord.volunteer_id.in_(volunteers))
            for vid, day, r_start, r_end, a_start, a_end, tenths, title in s.execute(stmt):
                if vid in volunteers:
                    book.add(vid, day, span_of(r_start, r_end) or span_of(a_start, a_end), tenths, title)
        return book

    def add(self, volunteer_id: int, day: dt.date, span: Span | None, tenths: int, title: str) -> None:
        if span is not None:
            self.spans[volunteer_id, day].append((span, title))
        self.tenths[volunteer_id, day] += tenths

    def conflicts(self, volunteer_id: int, day: dt.date, span: Span | None, tenths: int) -> list[str]:
        reasons = []
        if span is not None:
            for other, title in self.spans.get((volunteer_id, day), []):
                if span[0] < other[1] and other[0] < span[1]:
                    reasons.append(f"与同日「{title}」的服务时间 {_span_text(other)} 重叠")
                    break
        total = self.tenths.get((volunteer_id, day), 0) + tenths
        if total > MAX_DAY_TENTHS:
            reasons.append(f"{day:%Y-%m-%d} 当天累计服务时长将达 {from_tenths(total)} 小时，超过 24 小时")
        return reasons


# --- recording hours ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HoursInput:
    """One volunteer's hours at an activity: the hours, or the sign-in and sign-out times, or both."""

    volunteer_id: int
    hours: Decimal | None = None
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    note: str = ""


@dataclass(frozen=True)
class Candidate:
    """A volunteer as the checks need them (no personal numbers)."""

    id: int
    volunteer_no: str
    name: str
    registered_on: dt.date
    status: str
    left_on: dt.date | None

    @property
    def label(self) -> str:
        return f"{self.name}（{self.volunteer_no}）"


def candidates(s: Session, ids: Iterable[int] | None = None) -> dict[int, Candidate]:
    stmt = select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, Volunteer.registered_on, Volunteer.status,
                  Volunteer.left_on)
    wanted = sorted(set(ids)) if ids is not None else None
    if wanted is not None and len(wanted) <= 400:
        stmt = stmt.where(Volunteer.id.in_(wanted))
    found = {r[0]: Candidate(*r) for r in s.execute(stmt)}
    return found if wanted is None else {i: found[i] for i in wanted if i in found}


def hours_of(entry: HoursInput, activity_span: Span | None = None) -> tuple[int | None, str | None]:
    """(tenths, None) or (None, reason): the hours given, else the time between sign-in and sign-out,
    else the activity's length. Hours never exceed the time they were served in."""
    if (entry.starts_at is None) != (entry.ends_at is None):
        return None, "签到时间和签退时间要么都填，要么都不填"
    own = span_of(entry.starts_at, entry.ends_at)
    if own is not None and own[1] <= own[0]:
        return None, "签退时间应晚于签到时间（跨夜的服务请按日期分成两次登记）"
    span = own or activity_span
    within = "签到到签退" if own is not None else f"活动时间 {_span_text(span)} " if span is not None else ""
    if entry.hours is None:
        if span is None:
            return None, "请填写服务时长，或签到和签退时间"
        tenths = (span[1] - span[0]) // 6
        return (tenths, None) if tenths > 0 else (None, f"{within}不足 0.1 小时")
    if reason := hours_problem(entry.hours, Decimal(24)):
        return None, reason
    tenths = to_tenths(entry.hours)
    if span is not None and tenths * 6 > span[1] - span[0]:
        return None, f"{tidy(entry.hours)} 小时超过{within}的时长 {from_tenths((span[1] - span[0]) // 6)} 小时"
    return tenths, None


def entry_problems(person: Candidate, activity: VolunteerActivity | ActivityInput, entry: HoursInput,
                   book: DayBook, where: str, row: int | None = None) -> tuple[int | None, list[Problem]]:
    """Every reason one volunteer's hours at ``activity`` cannot be recorded; adds them to ``book`` when
    they can (so later rows of the same sheet see them)."""
    problems = []
    if activity.held_on < person.registered_on:
        problems.append(Problem(where, f"{person.label} {person.registered_on:%Y-%m-%d} 才注册，"
                                       "注册前的服务不能登记", row))
    if person.status == WITHDRAWN and person.left_on is not None and activity.held_on > person.left_on:
        problems.append(Problem(where, f"{person.label} 已于 {person.left_on:%Y-%m-%d} 退出", row))
    activity_span = span_of(activity.starts_at, activity.ends_at)
    tenths, reason = hours_of(entry, activity_span)
    if reason:
        problems.append(Problem("服务时长", reason, row))
    if tenths is None or problems:
        return None, problems
    span = span_of(entry.starts_at, entry.ends_at) or activity_span
    problems += [Problem(where, f"{person.label} {reason}", row)
                 for reason in book.conflicts(person.id, activity.held_on, span, tenths)]
    if not problems:
        book.add(person.id, activity.held_on, span, tenths, activity.title)
    return tenths, problems


@dataclass(frozen=True)
class RecordInfo:
    id: int
    activity_id: int
    activity_title: str
    held_on: dt.date
    volunteer_id: int
    volunteer_no: str
    volunteer_name: str
    starts_at: dt.time | None
    ends_at: dt.time | None
    hours: Decimal
    status: str
    note: str
    recorded_by: str
    recorded_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    decision_note: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _record_infos(s: Session, ids: Sequence[int]) -> list[RecordInfo]:
    out: list[RecordInfo] = []
    for i in range(0, len(ids), 400):
        stmt = (select(ServiceRecord, VolunteerActivity.title, VolunteerActivity.held_on, Volunteer.volunteer_no,
                       Volunteer.name)
                .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
                .where(ServiceRecord.id.in_(ids[i:i + 400])).order_by(ServiceRecord.id))
        for r, title, held_on, number, name in s.execute(stmt):
            out.append(RecordInfo(r.id, r.activity_id, title, held_on, r.volunteer_id, number, name, r.starts_at,
                                  r.ends_at, from_tenths(r.hours_tenths), r.status, r.note, r.recorded_by,
                                  r.recorded_at, r.decided_by, r.decided_at, r.decision_note))
    return out


def list_records(st: Station, actor: Actor, *, activity_id: int | None = None, volunteer_id: int | None = None,
                 status: str | None = None) -> list[RecordInfo]:
    require(actor, Permission.VIEW)
    stmt = select(ServiceRecord.id).order_by(ServiceRecord.id)
    if activity_id is not None:
        stmt = stmt.where(ServiceRecord.activity_id == activity_id)
    if volunteer_id is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id == volunteer_id)
    if status is not None:
        stmt = stmt.where(ServiceRecord.status == status)
    with st.read() as s:
        return _record_infos(s, list(s.scalars(stmt)))


def get_record(st: Station, actor: Actor, record_id: int) -> RecordInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        found = _record_infos(s, [record_id])
    if not found:
        raise NotFound(f"没有编号为 {record_id} 的服务时长记录。")
    return found[0]


def record_hours(st: Station, actor: Actor, activity_id: int, entries: Sequence[HoursInput]) -> list[RecordInfo]:
    """Record several volunteers' hours at one activity, all or none; they wait for approval."""
    require(actor, Permission.RECORD_HOURS)
    if not entries:
        raise ValidationError(Problem("志愿者", "请至少选择一名志愿者"))
    now = st.clock.now()
    with st.begin(actor) as s:
        activity = activity_row(s, activity_id)
        people = candidates(s, [e.volunteer_id for e in entries])
        book = DayBook.load(s, set(people), {activity.held_on})
        already = set(s.scalars(select(ServiceRecord.volunteer_id).where(ServiceRecord.activity_id == activity_id)))
        problems: list[Problem] = []
        rows = []
        seen: set[int] = set()
        for entry in entries:
            person = people.get(entry.volunteer_id)
            if person is None:
                problems.append(Problem("志愿者", f"没有编号为 {entry.volunteer_id} 的志愿者"))
                continue
            if person.id in already or person.id in seen:
                problems.append(Problem(person.label, "已登记过这次活动的服务时长"))
                continue
            seen.add(person.id)
            if len(entry.note.strip()) > 200:
                problems.append(Problem("备注", f"{person.label} 的备注不能超过 200 个字"))
            tenths, found = entry_problems(person, activity, entry, book, person.label)
            problems += found
            if tenths is not None and not found:
                rows.append(ServiceRecord(activity_id=activity_id, volunteer_id=person.id, starts_at=entry.starts_at,
                                          ends_at=entry.ends_at, hours_tenths=tenths, status=PENDING,
                                          note=entry.note.strip(), recorded_by=actor.display_name, recorded_at=now,
                                          decided_by="", decision_note=""))
        if problems:
            raise ValidationError(problems)
        s.add_all(rows)
        s.flush()
        return _record_infos(s, [r.id for r in rows])


def _record(s: Session, record_id: int) -> ServiceRecord:
    row = s.get(ServiceRecord, record_id)
    if row is None:
        raise NotFound(f"没有编号为 {record_id} 的服务时长记录。")
    return row


def update_record(st: Station, actor: Actor, record_id: int, entry: HoursInput) -> RecordInfo:
    """Correct pending hours, or resubmit rejected ones (they become pending again)."""
    require(actor, Permission.RECORD_HOURS)
    with st.begin(actor) as s:
        row = _record(s, record_id)
        if row.status not in (PENDING, REJECTED):
            raise ValidationError(Problem("服务时长", f"这条记录{STATUS_LABELS[row.status]}，不能再修改"))
        if entry.volunteer_id != row.volunteer_id:
            raise ValidationError(Problem("志愿者", "不能改成另一名志愿者；请删除后重新登记"))
        activity = activity_row(s, row.activity_id)
        person = candidates(s, [row.volunteer_id])[row.volunteer_id]
        book = DayBook.load(s, {row.volunteer_id}, {activity.held_on}, exclude_activity=activity.id)
        tenths, problems = entry_problems(person, activity, entry, book, person.label)
        if problems or tenths is None:
            raise ValidationError(problems)
        row.hours_tenths, row.starts_at, row.ends_at = tenths, entry.starts_at, entry.ends_at
        row.note = entry.note.strip()[:200]
        if row.status == REJECTED:
            row.status, row.decided_by, row.decided_at, row.decision_note = PENDING, "", None, ""
        s.flush()
        return _record_infos(s, [row.id])[0]


def delete_record(st: Station, actor: Actor, record_id: int) -> None:
    """Pending or rejected hours entered by mistake; approved ones are revoked instead."""
    require(actor, Permission.RECORD_HOURS)
    with st.begin(actor) as s:
        row = _record(s, record_id)
        if row.status not in (PENDING, REJECTED):
            raise ValidationError(Problem("服务时长", f"这条记录{STATUS_LABELS[row.status]}，不能删除；"
                                                  "审核通过的时长请由副站长撤销"))
        s.delete(row)


# --- approval ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ApprovalResult:
    approved: int
    hours: Decimal
    points: int
    without_points: int  # approved on a day no points rule covers (or worth 0 points)


def _pending(s: Session, record_ids: Sequence[int]) -> list[ServiceRecord]:
    rows: list[ServiceRecord] = []
    wanted = sorted(set(record_ids))
    for i in range(0, len(wanted), 400):
        rows += s.scalars(select(ServiceRecord).where(ServiceRecord.id.in_(wanted[i:i + 400]))).all()
    missing = set(wanted) - {r.id for r in rows}
    problems = [Problem("服务时长", f"没有编号为 {m} 的记录") for m in sorted(missing)]
    problems += [Problem("服务时长", f"第 {r.id} 号记录{STATUS_LABELS[r.status]}，不是待审核") for r in rows
                 if r.status != PENDING]
    if problems:
        raise ValidationError(problems)
    return rows


def approve_records(st: Station, actor: Actor, record_ids: Sequence[int]) -> ApprovalResult:
    """Approve pending hours (deputy head): each earns points at the rule of its service day."""
    require_deputy(actor, "审核服务时长")
    now = st.clock.now()
    points = without = tenths = 0
    with st.begin(actor) as s:
        rows = _pending(s, record_ids)
        activities = {a.id: a for a in s.scalars(select(VolunteerActivity).where(
            VolunteerActivity.id.in_({r.activity_id for r in rows})))}
        for row in rows:
            row.status, row.decided_by, row.decided_at, row.decision_note = APPROVED, actor.display_name, now, ""
            activity = activities[row.activity_id]
            earned = earn_in(s, actor, row, activity.held_on, activity.activity_type, now)
            points += earned.amount if earned else 0
            without += earned is None
            tenths += row.hours_tenths
        s.flush()
    return ApprovalResult(len(rows), from_tenths(tenths), points, without)


def reject_records(st: Station, actor: Actor, record_ids: Sequence[int], reason: str) -> int:
    require_deputy(actor, "审核服务时长")
    reason = reason.strip()
    if not reason:
        raise ValidationError(Problem("不通过原因", "必须填写，让登记人知道如何改正"))
    now = st.clock.now()
    with st.begin(actor) as s:
        rows = _pending(s, record_ids)
        for row in rows:
            row.status, row.decided_by, row.decided_at = REJECTED, actor.display_name, now
            row.decision_note = reason[:200]
    return len(rows)


def revoke_record(st: Station, actor: Actor, record_id: int, reason: str) -> RecordInfo:
    """Withdraw approved hours found to be wrong: the record is kept as 已撤销 and its points are reversed
    (refused when the volunteer has already spent them)."""
    require_deputy(actor, "撤销服务时长")
    reason = reason.strip()
    if not reason:
        raise ValidationError(Problem("撤销原因", "必须填写"))
    now = st.clock.now()
    with st.begin(actor) as s:
        row = _record(s, record_id)
        if row.status != APPROVED:
            raise ValidationError(Problem("服务时长", f"这条记录{STATUS_LABELS[row.status]}，只有审核通过的才能撤销"))
        earned = s.scalars(select(PointTransaction).where(PointTransaction.service_record_id == record_id,
                                                          PointTransaction.kind == EARN)).first()
        if earned is not None:
            have = balance_in(s, row.volunteer_id)
            if have < earned.amount:
                name = s.scalar(select(Volunteer.name).where(Volunteer.id == row.volunteer_id))
                raise ValidationError(Problem("撤销", f"{name} 的积分余额 {have} 分，少于这条时长获得的 "
                                                    f"{earned.amount} 分（积分已兑换使用），不能撤销"))
            reverse_in(s, actor, earned, f"撤销服务时长：{reason}", now)
        row.status, row.decided_by, row.decided_at = REVOKED, actor.display_name, now
        row.decision_note = f"撤销：{reason}"[:200]
        s.flush()
        return _record_infos(s, [row.id])[0]


def approved_tenths(s: Session, volunteer_ids: Iterable[int] | None = None,
                    until: dt.date | None = None) -> dict[int, int]:
    """Cumulative approved hours (tenths) per volunteer."""
    stmt = (select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.hours_tenths))
            .where(ServiceRecord.status == APPROVED).group_by(ServiceRecord.volunteer_id))
    if until is not None:
        stmt = stmt.join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id).where(
            VolunteerActivity.held_on <= until)
    if volunteer_ids is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id.in_(list(volunteer_ids)))
    return {int(v): int(t or 0) for v, t in s.execute(stmt)}
