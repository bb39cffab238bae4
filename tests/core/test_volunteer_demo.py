"""The demo's volunteers: hundreds of them, years of approved hours, redemptions, pending approvals, a
consistent ledger, stars due and certificates that verify."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from sgz_desktop.core import checks, demo, volunteer_certificates, volunteer_points
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.models import PointTransaction, ServiceRecord, VolunteerActivity
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.station import Station, open_station

NOW = dt.datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> demo.DemoResult:
    return demo.make_demo(DataDir(tmp_path_factory.mktemp("vdemo") / "station"), password="demo-pass1",
                          clock=FixedClock(NOW))


@pytest.fixture
def st(made: demo.DemoResult) -> Iterator[Station]:
    station = open_station(made.data, clock=FixedClock(NOW))
    yield station
    station.close()


def test_counts_are_those_of_a_busy_station(made: demo.DemoResult, st: Station) -> None:
    c = made.counts
    assert c["volunteers"] >= 300 and c["service_records"] > 5000 and c["redemptions"] > 100
    assert c["point_transactions"] >= 10_000  # x10 with --scale 10: at least 100 000
    assert 10 <= c["pending_hours"] < 500 and c["certificates"] >= 10 and c["stars_due"] >= 1
    with st.read() as s:
        years = {d.year for d in s.scalars(select(VolunteerActivity.held_on))}
        statuses = dict(s.execute(select(ServiceRecord.status, func.count()).group_by(ServiceRecord.status)).all())
    assert years == {2023, 2024, 2025, 2026}
    assert statuses["rejected"] == statuses["revoked"] == 1 and statuses["approved"] > 5000


def test_ledger_and_cards(st: Station) -> None:
    results = {r.key: r for r in checks.run_compliance(st) + checks.run_integrity(st) if r.area == "volunteers"}
    assert results["volunteers.ledger"].status == Status.OK and results["volunteers.ledger_guard"].status == Status.OK
    assert results["volunteers.pending"].status == Status.WARNING  # one sheet waits more than 14 days
    assert results["volunteers.rule"].status == Status.OK and results["volunteers.stock"].status == Status.WARNING
    with st.read() as s:
        someone = s.scalar(select(PointTransaction.volunteer_id).where(PointTransaction.kind == "redeem").limit(1))
    assert someone is not None
    assert volunteer_points.balance(st, SYSTEM, someone) == volunteer_points.ledger_sum(st, someone)


def test_certificates_verify(st: Station) -> None:
    issued = volunteer_certificates.list_certificates(st, SYSTEM)
    first = volunteer_certificates.verify_certificate(st, SYSTEM, issued[0].number)
    assert first is not None and first.number.startswith("ZYFW2026") and "*" in first.id_number_masked
