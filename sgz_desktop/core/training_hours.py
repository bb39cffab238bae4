"""Training hours: per person per year by type, per month for the dashboard, continuing education per
3-year certificate cycle (社会工作者继续教育办法) and pre-job training of new social workers (Art. 15)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from . import settings
from .checks import staff_in_post
from .models import Staff, TrainingAttendance, TrainingSession
from .roles import Actor, Permission, require
from .settings import SettingDef
from .staff import ASSISTANT, FULL_TIME, NO_CERT, SOCIAL_WORKER, post_order
from .station import Station
from .training import PREJOB, TRAINING_TYPES, from_tenths, tidy

CE_CYCLE_YEARS = 3
CE_TYPES = settings.define(SettingDef(
    "training.ce_types", "计入继续教育学时的培训类型", "str", "继续教育培训,督导培训,实务培训,政策法规培训",
    article="第十五条", help="逗号分隔；可选：" + "、".join(TRAINING_TYPES)))
NEW_HIRE_DAYS = settings.define(SettingDef(
    "training.prejob_new_hire_days", "岗前培训检查范围（入职后天数）", "int", 365, article="第十五条",
    help="入职不超过这么多天的驻站社工才检查岗前培训", minimum=30, maximum=3650))


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# --- per person per year --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonHours:
    staff_id: int
    name: str
    post: str
    by_type: tuple[Decimal, ...]  # in the order of TRAINING_TYPES
    sessions: int

    @property
    def total(self) -> Decimal:
        return tidy(sum(self.by_type, Decimal(0)))

    def hours(self, training_type: str) -> Decimal:
        return self.by_type[TRAINING_TYPES.index(training_type)]


def hours_by_person(st: Station, actor: Actor, year: int) -> list[PersonHours]:
    """Everyone who trained in ``year``, plus full-time staff in post that year who did not (zero hours)."""
    require(actor, Permission.VIEW)
    first, last = _year_range(year)
    in_year = TrainingSession.held_on.between(first, last)
    trained = (select(TrainingAttendance.staff_id, TrainingSession.training_type,
                      func.sum(TrainingAttendance.hours_tenths), func.count())
               .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
               .where(in_year).group_by(TrainingAttendance.staff_id, TrainingSession.training_type))
    with st.read() as s:
        tenths: dict[int, list[int]] = defaultdict(lambda: [0] * len(TRAINING_TYPES))
        counts: dict[int, int] = defaultdict(int)
        for staff_id, kind, total, n in s.execute(trained):
            if kind in TRAINING_TYPES:
                tenths[staff_id][TRAINING_TYPES.index(kind)] += int(total)
                counts[staff_id] += int(n)
        during = or_(Staff.id.in_(list(tenths)),
                     (Staff.employment == FULL_TIME) & (Staff.hire_date <= last)
                     & (Staff.leave_date.is_(None) | (Staff.leave_date > first)))
        people = s.execute(select(Staff.id, Staff.name, Staff.post).where(during)
                           .order_by(post_order(), Staff.hire_date, Staff.id)).all()
    return [PersonHours(i, n, p, tuple(from_tenths(t) for t in tenths[i]), counts[i]) for i, n, p in people]


HOURS_HEADERS = ("姓名", "岗位", *TRAINING_TYPES, "合计", "参训次数")


def hours_rows(st: Station, actor: Actor, year: int) -> list[tuple[object, ...]]:
    """``hours_by_person`` as table rows under HOURS_HEADERS, then the staff id."""
    return [(p.name, p.post, *p.by_type, p.total, p.sessions, p.staff_id) for p in hours_by_person(st, actor, year)]


def monthly_hours(st: Station, actor: Actor, year: int) -> list[tuple[int, tuple[Decimal, ...]]]:
    """Attended person-hours per month (1–12) by type, for the dashboard chart."""
    require(actor, Permission.VIEW)
    first, last = _year_range(year)
    stmt = (select(TrainingSession.held_on, TrainingSession.training_type, TrainingAttendance.hours_tenths)
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingSession.held_on.between(first, last)))
    grid = [[0] * len(TRAINING_TYPES) for _ in range(12)]
    with st.read() as s:
        for held_on, kind, tenths in s.execute(stmt):
            if kind in TRAINING_TYPES:
                grid[held_on.month - 1][TRAINING_TYPES.index(kind)] += tenths
    return [(m + 1, tuple(from_tenths(t) for t in row)) for m, row in enumerate(grid)]


# --- continuing education per certificate cycle ------------------------------------------------------------

@dataclass(frozen=True)
class CeCycle:
    """One 3-year registration cycle of a certificate holder, as far as this station's log can tell:
    hours from before the person joined are not in it, so the requirement is judged pro rata from
    ``tracked_from`` (the cycle start, or the hire date if later)."""

    staff_id: int
    name: str
    cert_level: str
    start: dt.date
    end: dt.date  # last day of the cycle
    tracked_from: dt.date
    required: Decimal
    earned: Decimal

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def _share(self, until: dt.date) -> Decimal:
        """The requirement pro rata for the tracked days up to ``until`` (whole hours, rounded down)."""
        tracked = min(max((until - self.tracked_from).days + 1, 0), self.days)
        return Decimal(int(self.required * tracked / self.days))

    def expected_by(self, on: dt.date) -> Decimal:
        return self._share(on)

    @property
    def due(self) -> Decimal:
        """What the tracked part of the cycle should hold by its end (the full requirement if tracked whole)."""
        return self.required if self.tracked_from == self.start else self._share(self.end)

    @property
    def shortfall(self) -> Decimal:
        return max(self.due - self.earned, Decimal(0))

    def ended(self, on: dt.date) -> bool:
        return self.end < on

    def behind(self, on: dt.date) -> bool:
        """More than a year's share behind pace, or short in the cycle's final year."""
        year_share = self.required / CE_CYCLE_YEARS
        final_year = (self.end - on).days < 365
        return self.earned + year_share < self.expected_by(on) or (final_year and self.earned < self.due)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def cycle_containing(cert_date: dt.date, on: dt.date) -> tuple[dt.date, dt.date]:
    """The 3-year cycle, counted from the certificate date, that ``on`` falls in."""
    k = max((on.year - cert_date.year) // CE_CYCLE_YEARS, 0)
    while k > 0 and add_years(cert_date, CE_CYCLE_YEARS * k) > on:
        k -= 1
    while add_years(cert_date, CE_CYCLE_YEARS * (k + 1)) <= on:
        k += 1
    start = add_years(cert_date, CE_CYCLE_YEARS * k)
    return start, add_years(cert_date, CE_CYCLE_YEARS * (k + 1)) - dt.timedelta(days=1)


def ce_types(st: Station) -> tuple[str, ...]:
    raw = str(settings.get(st, CE_TYPES))
    return tuple(t.strip() for t in raw.replace("，", ",").split(",") if t.strip() in TRAINING_TYPES)


def required_hours(st: Station, cert_level: str) -> Decimal:
    d = settings.CE_HOURS_ASSISTANT if cert_level == ASSISTANT else settings.CE_HOURS_SOCIAL_WORKER
    return Decimal(int(settings.get(st, d)))


@dataclass(frozen=True)
class _Holder:
    id: int
    name: str
    cert_level: str
    cert_date: dt.date
    hire_date: dt.date


def ce_cycles(st: Station, actor: Actor, on: dt.date) -> list[tuple[CeCycle, CeCycle | None]]:
    """For each certificate holder in post on ``on``: the current cycle, and the previous one when the
    person was in post for the whole of it (hours from before they joined are not in this log)."""
    require(actor, Permission.VIEW)
    kinds = ce_types(st)
    with st.read() as s:
        holders = [_Holder(i, n, level, got, hired) for i, n, level, got, hired in s.execute(
            select(Staff.id, Staff.name, Staff.cert_level, Staff.cert_date, Staff.hire_date)
            .where(staff_in_post(on), Staff.cert_level != NO_CERT, Staff.cert_date.is_not(None))
            .order_by(post_order(), Staff.hire_date, Staff.id)) if got is not None]
        attended = s.execute(
            select(TrainingAttendance.staff_id, TrainingSession.held_on, TrainingAttendance.hours_tenths)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(TrainingSession.training_type.in_(kinds),
                   TrainingAttendance.staff_id.in_([h.id for h in holders]))).all()
    by_person: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for staff_id, held_on, tenths in attended:
        by_person[staff_id].append((held_on, tenths))

    def cycle(h: _Holder, start: dt.date, end: dt.date) -> CeCycle:
        earned = sum(t for d, t in by_person[h.id] if start <= d <= end)
        return CeCycle(h.id, h.name, h.cert_level, start, end, max(start, h.hire_date),
                       required_hours(st, h.cert_level), from_tenths(earned))

    result = []
    for h in holders:
        start, end = cycle_containing(h.cert_date, on)
        previous = None
        if start > h.cert_date:
            p_start, p_end = cycle_containing(h.cert_date, start - dt.timedelta(days=1))
            if p_start >= h.hire_date:
                previous = cycle(h, p_start, p_end)
        result.append((cycle(h, start, end), previous))
    return result


# --- pre-job training of new social workers -------------------------------------------------------------------

@dataclass(frozen=True)
class PrejobStatus:
    staff_id: int
    name: str
    hire_date: dt.date
    due: dt.date  # the last day it counts as in time
    done_on: dt.date | None

    def overdue(self, on: dt.date) -> bool:
        return self.done_on is None and on > self.due

    @property
    def late(self) -> bool:
        return self.done_on is not None and self.done_on > self.due


def prejob_status(st: Station, actor: Actor, on: dt.date) -> list[PrejobStatus]:
    """Station social workers in post on ``on`` hired within the configured window, and their first
    pre-job training (Art. 15) if any."""
    require(actor, Permission.VIEW)
    within = int(settings.get(st, settings.PREJOB_DAYS))
    window = int(settings.get(st, NEW_HIRE_DAYS))
    first_prejob = (select(TrainingAttendance.staff_id, func.min(TrainingSession.held_on).label("done_on"))
                    .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                    .where(TrainingSession.training_type == PREJOB, TrainingSession.held_on <= on)
                    .group_by(TrainingAttendance.staff_id).subquery())
    stmt = (select(Staff.id, Staff.name, Staff.hire_date, first_prejob.c.done_on)
            .outerjoin(first_prejob, first_prejob.c.staff_id == Staff.id)
            .where(Staff.post == SOCIAL_WORKER, staff_in_post(on),
                   Staff.hire_date >= on - dt.timedelta(days=window))
            .order_by(Staff.hire_date, Staff.id))
    with st.read() as s:
        rows = s.execute(stmt).all()
    return [PrejobStatus(i, n, h, h + dt.timedelta(days=within), d) for i, n, h, d in rows]
