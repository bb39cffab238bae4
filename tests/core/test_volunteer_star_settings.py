"""The star-threshold setting is refused on save unless it is five increasing positive whole numbers."""

from __future__ import annotations

import json

import pytest

from sgz_desktop.core import settings, volunteer_stars
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.models import Setting
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station

KEY = settings.STAR_THRESHOLDS.key


@pytest.mark.parametrize(("raw", "reason"), [
    ("100,300,200,1000,1500", "逐级增大"),
    ("100,100,600,1000,1500", "逐级增大"),
    ("-100,300,600,1000,1500", "零或负数"),
    ("0,300,600,1000,1500", "零或负数"),
    ("一百,300,600,1000,1500", "应为 5 个整数"),
    ("100.5,300,600,1000,1500", "应为 5 个整数"),
    ("100,300,600,1000", "有 4 个数"),
    ("100,300,600,1000,1500,2000", "有 6 个数"),
    ("", "有 0 个数"),
])
def test_a_bad_threshold_is_refused_and_nothing_changes(station: Station, admin: Actor, raw: str,
                                                        reason: str) -> None:
    settings.set_value(station, admin, KEY, "50,100,200,400,800")
    with pytest.raises(ValidationError) as err:
        settings.set_value(station, admin, KEY, raw)
    message = str(err.value)
    assert "志愿者星级时长门槛" in message and reason in message
    assert settings.get(station, settings.STAR_THRESHOLDS) == "50,100,200,400,800"
    assert volunteer_stars.thresholds(station) == (50, 100, 200, 400, 800)


def test_a_good_threshold_is_saved_chinese_commas_too(station: Station, admin: Actor) -> None:
    settings.set_value(station, admin, KEY, " 80，200，500，900，1400 ")
    assert volunteer_stars.thresholds(station) == (80, 200, 500, 900, 1400)


def test_a_bad_value_stored_before_the_check_still_reads_as_an_error(station: Station, admin: Actor) -> None:
    with station.begin(admin) as s:  # a database from before set_value checked the value
        s.add(Setting(key=KEY, value=json.dumps("100,50")))
    with pytest.raises(ValidationError, match="有 2 个数"):
        volunteer_stars.thresholds(station)
