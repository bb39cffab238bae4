"""The demo station: believable, complete in every post, logins per role, deterministic, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sgz_desktop.core import checks, demo, profile, users
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.models import Staff
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import Role
from sgz_desktop.core.station import Station, open_station
from sgz_desktop.core.validation import id_number_problem, mobile_problem

NOW = dt.datetime(2026, 3, 2, 9, 30)
PASSWORD = "demo-pass1"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> demo.DemoResult:
    data = DataDir(tmp_path_factory.mktemp("demo") / "station")
    return demo.make_demo(data, password=PASSWORD, clock=FixedClock(NOW))


@pytest.fixture
def st(made: demo.DemoResult) -> Iterator[Station]:
    station = open_station(made.data, clock=FixedClock(NOW))
    yield station
    station.close()


def roster(st: Station) -> list[Staff]:
    with st.read() as s:
        rows = list(s.scalars(select(Staff).order_by(Staff.id)))
        s.expunge_all()
        return rows


def in_post(rows: list[Staff]) -> list[Staff]:
    today = NOW.date()
    return [r for r in rows if r.hire_date <= today and (r.leave_date is None or r.leave_date > today)]


def test_station_profile_and_communities(made: demo.DemoResult, st: Station) -> None:
    p = profile.get_profile(st)
    assert p.name == made.station_name == "江岸区后湖街道社会工作服务站"
    assert (p.district, p.district_type, p.subdistrict) == ("江岸区", "中心城区", "后湖街道")
    assert p.fonds_code and "社会工作服务中心" in p.operator_org and p.responsible_person and p.city_avg_wage_fen > 0
    assert p.secret_location == "file" and made.data.secret_file.exists()
    communities = profile.list_communities(st)
    assert 8 <= len(communities) <= 15 and made.counts["communities"] == len(communities)
    assert all(c.name.endswith(("社区", "村")) for c in communities)


def test_every_post_is_staffed(made: demo.DemoResult, st: Station) -> None:
    rows = roster(st)
    posts = Counter(r.post for r in in_post(rows))
    assert posts["站长"] == 1 and posts["副站长"] == 1
    assert 3 <= posts["驻站社工"] <= 6 and 1 <= posts["督导"] <= 2 and 1 <= posts["实习生"] <= 2
    communities = {c.id for c in profile.list_communities(st)}
    liaisons = [r for r in in_post(rows) if r.post == "社区联络员"]
    assert sorted(r.community_id or 0 for r in liaisons) == sorted(communities)
    assert all(r.employment == "专职" for r in in_post(rows) if r.post == "驻站社工")
    assert all(r.employment == "兼职" for r in liaisons)
    assert all(r.experience_years >= 5 for r in rows if r.post == "督导")
    assert any(r.leave_date is not None for r in rows)  # someone who left, with history
    assert made.counts["staff"] == len(rows)


def test_people_are_believable_and_valid(st: Station) -> None:
    rows = roster(st)
    start = NOW.date() - dt.timedelta(days=365 * 3)  # the demo covers three years by default
    for r in rows:
        assert 2 <= len(r.name) <= 3 and r.gender in ("男", "女")
        assert id_number_problem(r.id_number, today=NOW.date()) is None and r.id_number.startswith("4201")
        assert mobile_problem(r.phone) is None
        assert start <= r.hire_date <= NOW.date()
        assert r.id_number_index == st.require_unlocked().blind_index(r.id_number, "staff.id_number")
        assert int(r.id_number[16]) % 2 == (1 if r.gender == "男" else 0)
    assert len({r.id_number for r in rows}) == len(rows) and len({r.name for r in rows}) == len(rows)
    workers = [r for r in in_post(rows) if r.post == "驻站社工"]
    assert all(r.cert_level != "无" or r.sw_background for r in workers)  # Art. 13
    wage = profile.get_profile(st).city_avg_wage_fen
    assert all(wage <= r.monthly_pay_fen <= wage * 3 // 2 for r in workers)


def test_one_login_per_role(made: demo.DemoResult, st: Station) -> None:
    assert made.password == PASSWORD
    assert made.logins == {"zhanzhang": "站长", "fuzhanzhang": "副站长", "dangan": "档案员", "shegong": "社工",
                           "caiwu": "财务"}
    assert demo.demo_logins(made.data) == made.logins and demo.demo_password(made.data) == PASSWORD
    roles = {u.username: u.role for u in users.list_users(st, users.login(st, "fuzhanzhang", PASSWORD))}
    assert roles == {"zhanzhang": Role.HEAD, "fuzhanzhang": Role.DEPUTY, "dangan": Role.ARCHIVIST,
                     "shegong": Role.SOCIAL_WORKER, "caiwu": Role.FINANCE}
    actor = users.login(st, "zhanzhang", PASSWORD)
    head = next(r for r in roster(st) if r.post == "站长")
    deputy = next(r for r in roster(st) if r.post == "副站长")
    assert actor.display_name == head.name
    assert users.login(st, "fuzhanzhang", PASSWORD).display_name == deputy.name


def test_foundation_checks_are_green_except_the_backup(st: Station) -> None:
    results = {r.key: r for r in checks.run_compliance(st) + checks.run_integrity(st, deep=True)}
    assert results["backup.recent"].status is Status.WARNING
    # Later areas judge their own demo data; the foundation's checks must all pass on the demo.
    foundation = ("station.profile", "staff.head_deputy", "staff.liaisons", "db.integrity", "db.foreign_keys",
                  "db.schema", "audit.append_only", "secret.loaded", "secret.decrypts")
    assert all(results[key].status is Status.OK for key in foundation), [results[k] for k in foundation]


def test_same_seed_same_station_and_scale_multiplies(made: demo.DemoResult, st: Station, tmp_path: Path) -> None:
    bigger = demo.make_demo(DataDir(tmp_path / "x3"), password=PASSWORD, scale=3, clock=FixedClock(NOW))
    other = open_station(bigger.data, clock=FixedClock(NOW))
    try:
        first = roster(st)
        again = roster(other)
        assert [r.name for r in again[:2]] == [r.name for r in first[:2]]  # 站长 and 副站长 come first
        posts, posts3 = Counter(r.post for r in first), Counter(r.post for r in again)
        assert posts3["社区联络员"] == 3 * posts["社区联络员"]
        assert posts3["驻站社工"] - 1 == 3 * (posts["驻站社工"] - 1)  # one former worker in each
    finally:
        other.close()


def test_refuses_a_folder_with_a_station_and_bad_values(made: demo.DemoResult, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="已经有社工站数据库"):
        demo.make_demo(made.data)
    with pytest.raises(ValidationError, match="演示密码"):
        demo.make_demo(DataDir(tmp_path / "weak"), password="short")
    with pytest.raises(ValidationError, match="倍数"):
        demo.make_demo(DataDir(tmp_path / "zero"), scale=0)
    assert not (tmp_path / "weak" / "station.db").exists()


def test_generated_password_is_valid_and_printed(tmp_path: Path) -> None:
    result = demo.make_demo(DataDir(tmp_path / "gen"), clock=FixedClock(NOW))
    assert result.password.startswith("demo-") and demo.demo_password(result.data) == result.password
    st = open_station(result.data, clock=FixedClock(NOW))
    try:
        assert users.login(st, "caiwu", result.password).role is Role.FINANCE
    finally:
        st.close()


def test_a_failure_half_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: demo.DemoContext) -> None:
        raise RuntimeError("area failed")

    monkeypatch.setattr(demo, "AREAS", [*demo.AREAS, ("broken", broken)])
    data = DataDir(tmp_path / "half")
    with pytest.raises(RuntimeError):
        demo.make_demo(data, password=PASSWORD, clock=FixedClock(NOW))
    assert not data.exists() and not data.secret_file.exists() and demo.demo_logins(data) is None
