"""The demo's staff history: believable, consistent with the services' own rules, and showing reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sgz_desktop.core import assessments, checks, demo, internships, staff, training, users
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.station import open_station

NOW = dt.datetime(2026, 3, 2, 9, 30)


def test_demo_staff_history(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "demo")
    made = demo.make_demo(data, password="demo-pass1", years=3, clock=FixedClock(NOW))
    st = open_station(data, clock=FixedClock(NOW), secret_store=FileSecretStore(data.secret_file))
    try:
        admin = users.login(st, "fuzhanzhang", "demo-pass1")
        people = staff.list_staff(st, admin)
        left = [p for p in people if p.leave_date is not None]
        assert len(left) >= 2 and all(p.leave_reason for p in left)
        interns = internships.list_internships(st, admin)
        assert interns and all(i.university and i.supervisor_name and i.end_date > i.start_date for i in interns)
        sessions = training.list_sessions(st, admin)
        assert {s.held_on.year for s in sessions} == {2023, 2024, 2025, 2026}  # three years back from 2026-03
        assert set(training.TRAINING_TYPES) == {s.training_type for s in sessions}
        assert made.counts["training_sessions"] == len(sessions)
        # Every session still passes the services' own rules for its attendees.
        for s in sessions[:: max(len(sessions) // 12, 1)]:
            training.update_session(st, admin, s.id, s.as_input())
        pending = assessments.pending_reviews(st, admin)
        assert len(pending) == 1 and pending[0].year == 2025
        results = {r.key: r for r in checks.run_compliance(st)}
        for key in ("staff.fulltime_count", "staff.qualified", "staff.intermediate", "staff.pay", "staff.supervisors"):
            assert results[key].status is Status.OK, results[key]
        warnings = [r for r in results.values() if r.area in ("staff", "training") and r.status is Status.WARNING]
        assert {"staff.assessment_review", "training.prejob"} <= {r.key for r in warnings}
        assert not [r for r in results.values() if r.status is Status.FAILING]
    finally:
        st.close()
