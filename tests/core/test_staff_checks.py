"""Compliance checks of the staff area, each turned red/amber and back to green on crafted rosters."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal

from sgz_desktop.core import assessments, checks, profile, settings, staff, staff_checks, training
from sgz_desktop.core.checks import Status
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core.staff_factory import add, lock


def _by_key(st: Station) -> dict[str, checks.CheckResult]:
    return {r.key: r for r in checks.run_compliance(st)}


def test_every_staff_check_runs_through_the_registry(station: Station) -> None:
    results = _by_key(station)
    assert set(staff_checks.staff_check_keys()) <= set(results)
    for key in staff_checks.staff_check_keys():
        r = results[key]
        assert r.article.startswith("第") and r.figure and r.detail.endswith("。"), r
    code = "import sgz_desktop.core.checks as c; print('sgz_desktop.core.staff_checks' in c.AREA_MODULES)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "True"


def test_art13_two_fulltime_social_workers_fail_in_a_central_district_and_a_third_fixes_it(
        station: Station, admin: Actor) -> None:
    first, second = add(station, admin, 201), add(station, admin, 202)
    add(station, admin, 203, employment="兼职")  # part-time does not count
    r = staff_checks.fulltime_social_worker_count(station)
    assert r.status is Status.FAILING and r.article == "第十三条"
    assert r.figure == "专职社工 2 人，要求 ≥ 3 人" and set(r.people) == {first.name, second.name}
    assert "中心城区" in r.detail and "还差 1 人" in r.detail
    add(station, admin, 204)
    r = staff_checks.fulltime_social_worker_count(station)
    assert r.status is Status.OK and r.figure == "专职社工 3 人，要求 ≥ 3 人"
    staff.leave(station, admin, first.id, dt.date(2026, 3, 2), "辞职")  # leaves today: no longer in post
    assert staff_checks.fulltime_social_worker_count(station).status is Status.FAILING
    profile.update_profile(station, admin, district_type="新城区")
    assert staff_checks.fulltime_social_worker_count(station).figure == "专职社工 2 人，要求 ≥ 2 人"


def test_art13_certificate_or_background_and_an_intermediate_worker(station: Station, admin: Actor) -> None:
    add(station, admin, 211, cert_level="无", cert_number="", cert_date=None, sw_background=True)
    bare = add(station, admin, 212, cert_level="无", cert_number="", cert_date=None, sw_background=False)
    r = staff_checks.fulltime_social_workers_qualified(station)
    assert r.status is Status.FAILING and r.people == (bare.name,) and r.figure == "1/2 人符合"
    assert staff_checks.intermediate_social_worker(station).status is Status.WARNING
    add(station, admin, 213, post="督导", employment="兼职", cert_level="高级社会工作师", experience_years=10)
    assert staff_checks.intermediate_social_worker(station).status is Status.WARNING  # a supervisor is not staff
    mid = add(station, admin, 214, cert_level="社会工作师")
    r = staff_checks.intermediate_social_worker(station)
    assert r.status is Status.OK and r.people == (mid.name,)


def test_art13_pay_against_the_city_average_wage(station: Station, admin: Actor) -> None:
    low = add(station, admin, 221, monthly_pay_fen=700_000)
    add(station, admin, 222, monthly_pay_fen=850_000)
    add(station, admin, 223, post="社区联络员", employment="兼职", monthly_pay_fen=30_000,
        community_id=profile.list_communities(station)[0].id)
    r = staff_checks.pay_not_below_city_average(station)
    assert r.status is Status.FAILING and r.people == (low.name,)
    assert r.figure == "1 人低于 ¥8,500.00" and "¥7,000.00" in r.detail
    profile.update_profile(station, admin, city_avg_wage_fen=0)
    assert staff_checks.pay_not_below_city_average(station).status is Status.WARNING


def test_art30_supervisor_experience_with_its_setting(station: Station, admin: Actor) -> None:
    r = staff_checks.supervisor_experience(station)
    assert r.status is Status.WARNING and r.figure == "未登记督导" and r.article == "第三十条"
    junior = add(station, admin, 231, post="督导", employment="兼职", experience_years=3)
    add(station, admin, 232, post="督导", employment="兼职", experience_years=7)
    r = staff_checks.supervisor_experience(station)
    assert r.status is Status.FAILING and r.people == (junior.name,) and "（3 年）" in r.detail
    settings.set_value(station, admin, "staff.supervisor_min_years", 3)
    assert staff_checks.supervisor_experience(station).status is Status.OK


def test_art34_failed_assessment_flags_until_reviewed(station: Station, admin: Actor) -> None:
    person = add(station, admin, 241, hire_date=dt.date(2023, 1, 1))
    assessments.set_assessment(station, admin, person.id, 2025, "合格", assessor="王丽")
    assert staff_checks.failed_assessments_reviewed(station).status is Status.OK
    failed = assessments.set_assessment(station, admin, person.id, 2025, "不合格", assessor="王丽",
                                        notes="全年服务记录缺失")
    r = staff_checks.failed_assessments_reviewed(station)
    assert r.status is Status.WARNING and r.people == (person.name,) and "2025 年度" in r.detail
    assessments.record_review(station, admin, failed.id, "约谈整改，续聘一年观察", dt.date(2026, 1, 20))
    assert staff_checks.failed_assessments_reviewed(station).status is Status.OK


def test_art15_prejob_training_overdue_pending_and_done(station: Station, admin: Actor) -> None:
    assert staff_checks.prejob_training(station).figure == "近期无新入职社工"
    pending = add(station, admin, 251, hire_date=dt.date(2026, 2, 1))
    r = staff_checks.prejob_training(station)
    assert r.status is Status.WARNING and r.people == (pending.name,) and "05月02日前" in r.detail
    overdue = add(station, admin, 252, hire_date=dt.date(2025, 10, 1))
    r = staff_checks.prejob_training(station)
    assert r.status is Status.FAILING and r.figure == "1 人逾期未培训" and r.people[0] == overdue.name
    s = training.add_session(station, admin, SessionInput("岗前培训", "岗前培训", dt.date(2025, 12, 1), Decimal(8)))
    training.set_attendance(station, admin, s.id, [AttendanceInput(overdue.id), AttendanceInput(pending.id)])
    r = staff_checks.prejob_training(station)
    assert r.status is Status.OK and r.figure == "新入职社工 2 人均已培训"


def test_continuing_education_short_cycle_fails_behind_pace_warns(station: Station, admin: Actor) -> None:
    veteran = add(station, admin, 261, hire_date=dt.date(2020, 1, 1), cert_date=dt.date(2021, 1, 1))
    r = staff_checks.continuing_education(station)
    # Cycle 2021-01-01..2023-12-31 ended with 0 of 72 hours: failing.
    assert r.status is Status.FAILING and r.people == (veteran.name,) and "0/72" in r.detail
    staff.update_staff(station, admin, veteran.id, replace(veteran.as_input(), cert_date=dt.date(2025, 1, 1)))
    # Now one cycle from 2025-01-01: 14 months in with nothing: behind pace (warning).
    r = staff_checks.continuing_education(station)
    assert r.status is Status.WARNING and "本周期学时不足" in r.detail and "按进度应约 28" in r.detail
    s = training.add_session(station, admin, SessionInput("继续教育", "继续教育培训", dt.date(2025, 6, 1), Decimal(40)))
    training.set_attendance(station, admin, s.id, [AttendanceInput(veteran.id)])
    r = staff_checks.continuing_education(station)
    assert r.status is Status.OK and r.figure == "持证 1 人学时达标"


def test_checks_run_on_a_pc_without_the_station_key(station: Station, admin: Actor) -> None:
    add(station, admin, 271)
    lock(station)
    results = _by_key(station)
    for key in staff_checks.staff_check_keys():
        assert results[key].figure != "无法检查", results[key]
