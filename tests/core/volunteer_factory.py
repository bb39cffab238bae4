"""Valid volunteers and activities for tests: distinct names and ID numbers from one counter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from itertools import count

from sgz_desktop.core import volunteer_activities, volunteer_hours, volunteers
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.validation import make_id_number
from sgz_desktop.core.volunteer_activities import ActivityInfo, ActivityInput
from sgz_desktop.core.volunteer_hours import HoursInput, RecordInfo
from sgz_desktop.core.volunteers import VolunteerInfo, VolunteerInput

_serial = count(1)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
GIVEN = "一二三四五六七八九十春夏秋冬梅兰竹菊松柏"


def name_for(n: int) -> str:
    return SURNAMES[n % 20] + GIVEN[(n // 20) % 20] + GIVEN[(n // 400) % 20]


def volunteer_input(n: int | None = None, **values: object) -> VolunteerInput:
    n = next(_serial) if n is None else n
    born = dt.date(1960, 1, 1) + dt.timedelta(days=37 * (n % 400))
    base = VolunteerInput(name=name_for(n), id_number=make_id_number("420103", born, (n * 2 + 1) % 1000),
                          registered_on=dt.date(2024, 1, 1), phone=f"139{n:08d}", skills="助老")
    return replace(base, **values)  # type: ignore[arg-type]


def add_volunteer(st: Station, actor: Actor, n: int | None = None, **values: object) -> VolunteerInfo:
    return volunteers.add_volunteer(st, actor, volunteer_input(n, **values))


def add_activity(st: Station, actor: Actor, held_on: dt.date = dt.date(2025, 5, 10), *, start: str | None = "09:00",
                 end: str | None = "11:30", **values: object) -> ActivityInfo:
    data = ActivityInput(title=f"社区助老探访 {held_on:%m-%d} {start or ''}", activity_type="助老服务", held_on=held_on,
                         starts_at=dt.time.fromisoformat(start) if start else None,
                         ends_at=dt.time.fromisoformat(end) if end else None, place="社区活动室",
                         content="上门探访独居老人，陪伴聊天、打扫卫生")
    return volunteer_activities.add_activity(st, actor, replace(data, **values))  # type: ignore[arg-type]


def record(st: Station, actor: Actor, activity_id: int, volunteer_id: int, hours: str | None = "2",
           **values: object) -> RecordInfo:
    entry = replace(HoursInput(volunteer_id, Decimal(hours) if hours else None), **values)  # type: ignore[arg-type]
    return volunteer_hours.record_hours(st, actor, activity_id, [entry])[0]


def approved(st: Station, actor: Actor, volunteer_id: int, held_on: dt.date, hours: str = "2",
             activity_type: str = "助老服务") -> RecordInfo:
    """Hours recorded and approved on their own activity (no times, so nothing overlaps)."""
    activity = add_activity(st, actor, held_on, start=None, end=None, activity_type=activity_type,
                            title=f"服务 {held_on} {next(_serial)}")
    rec = record(st, actor, activity.id, volunteer_id, hours)
    volunteer_hours.approve_records(st, actor, [rec.id])
    return rec
