"""Star levels (一星 to 五星) from cumulative approved hours; thresholds are the setting
``volunteers.star_hours`` (default 100 / 300 / 600 / 1000 / 1500 hours). The level a volunteer holds is
the one last awarded; those whose hours now reach a higher level are "due" until it is awarded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from sqlalchemy import select

from . import settings
from .errors import Problem, ValidationError
from .models import Community, Volunteer
from .roles import Actor, Permission, require
from .station import Station
from .training import from_tenths
from .volunteer_hours import approved_tenths
from .volunteers import WITHDRAWN

STAR_NAMES = ("无星级", "一星", "二星", "三星", "四星", "五星")


def parse_thresholds(raw: object) -> tuple[int, ...]:
    """"100,300,600,1000,1500" -> (100, 300, 600, 1000, 1500); raises ValidationError naming the reason
    when these are not five increasing positive whole numbers of hours."""
    label = settings.STAR_THRESHOLDS.label
    parts = [p.strip() for p in str(raw).replace("，", ",").split(",") if p.strip()]
    try:
        hours = tuple(int(p) for p in parts)
    except ValueError:
        raise ValidationError(Problem(label, f"「{raw}」应为 5 个整数，用逗号分隔")) from None
    if len(hours) != 5:
        raise ValidationError(Problem(label, f"「{raw}」有 {len(hours)} 个数，应为 5 个（一星至五星各一个）"))
    if any(h <= 0 for h in hours):
        raise ValidationError(Problem(label, f"「{raw}」含有零或负数，每个门槛应为正整数小时"))
    if any(b <= a for a, b in pairwise(hours)):
        raise ValidationError(Problem(label, f"「{raw}」应逐级增大（一星至五星），后一个门槛须大于前一个"))
    return hours


def thresholds(st: Station) -> tuple[int, ...]:
    return parse_thresholds(settings.get(st, settings.STAR_THRESHOLDS))


def level_for(tenths: int, limits: Sequence[int]) -> int:
    """The star level cumulative hours (tenths) reach."""
    return sum(1 for h in limits if tenths >= h * 10)


@dataclass(frozen=True)
class StarStatus:
    volunteer_id: int
    volunteer_no: str
    name: str
    community_name: str
    hours: Decimal
    awarded: int  # the level held
    reached: int  # the level the hours reach
    next_level_hours: int | None  # hours needed for the next level, None at five stars

    @property
    def due(self) -> bool:
        return self.reached > self.awarded


def star_statuses(st: Station, actor: Actor, *, due_only: bool = False) -> list[StarStatus]:
    """Every volunteer still registered with their hours and stars (most hours first)."""
    require(actor, Permission.VIEW)
    limits = thresholds(st)
    with st.read() as s:
        hours = approved_tenths(s)
        people = s.execute(select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, Community.name,
                                  Volunteer.star_level)
                           .outerjoin(Community, Community.id == Volunteer.community_id)
                           .where(Volunteer.status != WITHDRAWN)).all()
    out = []
    for vid, number, name, community, awarded in people:
        tenths = hours.get(vid, 0)
        reached = level_for(tenths, limits)
        following = next((h for h in limits if tenths < h * 10), None)
        status = StarStatus(vid, number, name, community or "", from_tenths(tenths), int(awarded), reached,
                            following)
        if status.due or not due_only:
            out.append(status)
    return sorted(out, key=lambda x: (-x.hours, x.volunteer_no))


def award_stars(st: Station, actor: Actor, volunteer_ids: Sequence[int]) -> int:
    """Award each listed volunteer the level their hours reach now; returns how many went up."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    limits = thresholds(st)
    today = st.clock.now().date()
    raised = 0
    with st.begin(actor) as s:
        hours = approved_tenths(s, volunteer_ids)
        for row in s.scalars(select(Volunteer).where(Volunteer.id.in_(list(volunteer_ids)))):
            reached = level_for(hours.get(row.id, 0), limits)
            if reached > row.star_level:
                row.star_level, row.star_awarded_on = reached, today
                raised += 1
    return raised


def star_counts(st: Station, actor: Actor, on: dt.date | None = None) -> list[tuple[str, int]]:
    """Registered volunteers per level held (for reports), every level listed."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        levels = s.scalars(select(Volunteer.star_level).where(Volunteer.status != WITHDRAWN)).all()
    return [(name, sum(1 for lv in levels if lv == i)) for i, name in enumerate(STAR_NAMES)]
