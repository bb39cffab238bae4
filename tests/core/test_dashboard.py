"""Dashboard figures (no Qt): staff in post per certificate level."""

from __future__ import annotations

import datetime as dt

from sgz_desktop.core.dashboard import CERT_LEVELS, staff_by_certificate
from sgz_desktop.core.models import Staff
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.station import Station


def _staff(name: str, level: str, hired: dt.date, left: dt.date | None = None) -> Staff:
    return Staff(name=name, post="驻站社工", employment="专职", cert_level=level, hire_date=hired, leave_date=left)


def test_empty_station_lists_every_level_with_zero(station: Station) -> None:
    assert staff_by_certificate(station) == [(level, 0) for level in CERT_LEVELS]


def test_counts_only_staff_in_post_today(station: Station) -> None:
    today = station.clock.now().date()
    with station.begin(SYSTEM) as s:
        s.add_all([
            _staff("甲", "社会工作师", dt.date(2020, 1, 1)),
            _staff("乙", "社会工作师", dt.date(2021, 5, 1)),
            _staff("丙", "助理社会工作师", dt.date(2022, 5, 1)),
            _staff("丁", "无", dt.date(2023, 5, 1)),
            _staff("戊", "高级社会工作师", dt.date(2019, 1, 1), left=today),  # left today: no longer in post
            _staff("己", "助理社会工作师", today + dt.timedelta(days=1)),  # not hired yet
            _staff("庚", "督导证书", dt.date(2020, 1, 1)),  # a level this module does not know still shows
        ])
    assert staff_by_certificate(station) == [("无", 1), ("助理社会工作师", 1), ("社会工作师", 2),
                                             ("高级社会工作师", 0), ("督导证书", 1)]
