"""Valid roster entries for tests: distinct names, ID numbers and mobiles from one counter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import count

from sgz_desktop.core import profile, staff
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff import StaffInfo, StaffInput
from sgz_desktop.core.station import Station
from sgz_desktop.core.validation import make_id_number

_serial = count(1)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "丽伟敏强静磊婷军雪勇芳杰玲涛慧斌欣超怡明"


def name_for(n: int) -> str:
    return SURNAMES[n % 20] + GIVEN[(n // 20) % 20] + GIVEN[(n // 400) % 20]


def person(n: int | None = None, **values: object) -> StaffInput:
    n = next(_serial) if n is None else n
    born = dt.date(1970, 1, 1) + dt.timedelta(days=23 * (n % 300))
    base = StaffInput(name=name_for(n), id_number=make_id_number("420102", born, (n * 2 + 1) % 1000),
                      post="驻站社工", employment="专职", hire_date=dt.date(2024, 3, 1),
                      phone=f"138{n:08d}", cert_level="助理社会工作师", cert_number=f"ZS{n:06d}",
                      cert_date=dt.date(2023, 6, 1), sw_background=True, monthly_pay_fen=900_000,
                      social_insurance=True, experience_years=3)
    return replace(base, **values)  # type: ignore[arg-type]


def community_id(st: Station, name: str = "新华社区") -> int:
    return next(c.id for c in profile.list_communities(st) if c.name == name)


def add(st: Station, actor: Actor, n: int | None = None, **values: object) -> StaffInfo:
    return staff.add_staff(st, actor, person(n, **values))


def lock(st: Station) -> None:
    """As on a PC without the station key: nothing can decrypt personal fields."""
    from sgz_desktop.core.db import types

    st.cipher = None
    if hasattr(st.engine.dialect, types._ATTR):
        delattr(st.engine.dialect, types._ATTR)
