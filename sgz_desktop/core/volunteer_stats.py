"""Figures of volunteer service for the dashboard and the year summary: approved hours per month and per
community, the most active volunteers, and who has not served this year. Plain values, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from .models import Community, ServiceRecord, Volunteer, VolunteerActivity
from .roles import Actor, Permission, require
from .station import Station
from .training import from_tenths
from .volunteer_activities import APPROVED, PENDING
from .volunteers import WITHDRAWN

NO_COMMUNITY = "未指定社区"


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def hours_by_month(st: Station, year: int) -> list[tuple[int, Decimal]]:
    """Approved hours in each month of ``year`` (all twelve listed)."""
    # Grouped by day in SQL and by month here: date functions differ between SQLite and PostgreSQL.
    stmt = (select(VolunteerActivity.held_on, func.sum(ServiceRecord.hours_tenths))
            .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
            .where(ServiceRecord.status == APPROVED, VolunteerActivity.held_on.between(*_year(year)))
            .group_by(VolunteerActivity.held_on))
    found = [0] * 13
    with st.read() as s:
        for day, tenths in s.execute(stmt):
            found[day.month] += int(tenths or 0)
    return [(m, from_tenths(found[m])) for m in range(1, 13)]


def hours_by_community(st: Station, year: int) -> list[tuple[str, Decimal, int]]:
    """(community, approved hours, volunteers who served) in ``year``, by the volunteer's community,
    most hours first."""
    stmt = (select(Community.name, func.sum(ServiceRecord.hours_tenths), func.count(func.distinct(Volunteer.id)))
            .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
            .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
            .outerjoin(Community, Community.id == Volunteer.community_id)
            .where(ServiceRecord.status == APPROVED, VolunteerActivity.held_on.between(*_year(year)))
            .group_by(Community.name))
    with st.read() as s:
        rows = [(name or NO_COMMUNITY, int(t or 0), int(n)) for name, t, n in s.execute(stmt)]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return [(name, from_tenths(t), n) for name, t, n in rows]


@dataclass(frozen=True)
class VolunteerYear:
    volunteer_id: int
    volunteer_no: str
    name: str
    community_name: str
    services: int
    hours: Decimal


def top_volunteers(st: Station, year: int, limit: int = 20) -> list[VolunteerYear]:
    """The volunteers with the most approved hours in ``year``."""
    total = func.sum(ServiceRecord.hours_tenths)
    stmt = (select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, Community.name, func.count(), total)
            .join(ServiceRecord, ServiceRecord.volunteer_id == Volunteer.id)
            .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
            .outerjoin(Community, Community.id == Volunteer.community_id)
            .where(ServiceRecord.status == APPROVED, VolunteerActivity.held_on.between(*_year(year)))
            .group_by(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, Community.name)
            .order_by(total.desc(), Volunteer.volunteer_no).limit(limit))
    with st.read() as s:
        return [VolunteerYear(i, no, n, c or "", int(k), from_tenths(int(t))) for i, no, n, c, k, t in s.execute(stmt)]


def idle_volunteers(st: Station, actor: Actor, year: int) -> list[tuple[str, str]]:
    """(number, name) of volunteers registered before the end of ``year``, not withdrawn, without any
    approved or pending hours in it."""
    require(actor, Permission.VIEW)
    first, last = _year(year)
    served = (select(ServiceRecord.volunteer_id)
              .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
              .where(ServiceRecord.status.in_((APPROVED, PENDING)), VolunteerActivity.held_on.between(first, last)))
    stmt = (select(Volunteer.volunteer_no, Volunteer.name)
            .where(Volunteer.status != WITHDRAWN, Volunteer.registered_on <= last, Volunteer.id.not_in(served))
            .order_by(Volunteer.volunteer_no))
    with st.read() as s:
        return [(no, name) for no, name in s.execute(stmt)]


@dataclass(frozen=True)
class YearFigures:
    year: int
    activities: int
    volunteers_served: int
    services: int  # approved person-times
    hours: Decimal
    registered: int  # registered and not withdrawn at the end of the year
    new_volunteers: int
    pending: int  # records of the year still waiting for approval


def year_figures(st: Station, actor: Actor, year: int) -> YearFigures:
    require(actor, Permission.VIEW)
    first, last = _year(year)
    in_year = VolunteerActivity.held_on.between(first, last)
    approved = (select(func.count(), func.count(func.distinct(ServiceRecord.volunteer_id)),
                       func.coalesce(func.sum(ServiceRecord.hours_tenths), 0))
                .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                .where(ServiceRecord.status == APPROVED, in_year))
    with st.read() as s:
        services, people, tenths = s.execute(approved).one()
        activities = s.scalar(select(func.count()).select_from(VolunteerActivity).where(in_year)) or 0
        registered = s.scalar(select(func.count()).select_from(Volunteer).where(
            Volunteer.registered_on <= last, (Volunteer.left_on.is_(None)) | (Volunteer.left_on > last))) or 0
        new = s.scalar(select(func.count()).select_from(Volunteer).where(
            Volunteer.registered_on.between(first, last))) or 0
        pending = s.scalar(select(func.count()).select_from(ServiceRecord)
                           .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                           .where(ServiceRecord.status == PENDING, in_year)) or 0
    return YearFigures(year, int(activities), int(people), int(services), from_tenths(int(tenths)), int(registered),
                       int(new), int(pending))
