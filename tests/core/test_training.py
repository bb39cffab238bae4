"""Training log: sessions, attendance, materials, interns, hours per person/type/month, CE cycles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from sgz_desktop.core import audit, internships, training, training_hours, training_materials
from sgz_desktop.core.errors import IntegrityFailure, NotFound, ValidationError
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff_tables import SessionSource, hours_table
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core.staff_factory import add, person

D = Decimal


def session(title: str = "社会救助政策解读", kind: str = "政策法规培训", on: dt.date = dt.date(2025, 5, 20),
            hours: str = "3") -> SessionInput:
    return SessionInput(title, kind, on, D(hours), organiser="江岸区民政局", trainer="李老师", place="街道会议室")


def test_session_validation_names_every_field(station: Station, admin: Actor) -> None:
    bad = SessionInput(" ", "团建", dt.date(2026, 3, 3), D("2.25"))
    with pytest.raises(ValidationError) as err:
        training.add_session(station, admin, bad)
    assert {p.field for p in err.value.problems} == {"培训主题", "培训类型", "培训日期", "学时"}
    assert "第十五条" in str(err.value) and "一位小数" in str(err.value)
    info = training.add_session(station, admin, session(hours="2.5"))
    assert info.hours == D("2.5") and info.attendees == 0 and info.as_input() == session(hours="2.5")


def test_attendance_defaults_to_the_whole_session_and_checks_people(station: Station, admin: Actor) -> None:
    a = add(station, admin, 101, hire_date=dt.date(2024, 3, 1))
    b = add(station, admin, 102, hire_date=dt.date(2025, 9, 1))
    c = add(station, admin, 103, hire_date=dt.date(2023, 1, 1))
    from sgz_desktop.core import staff

    staff.leave(station, admin, c.id, dt.date(2025, 1, 1), "离职")
    s = training.add_session(station, admin, session(hours="3"))
    with pytest.raises(ValidationError) as err:
        training.set_attendance(station, admin, s.id, [AttendanceInput(a.id, D("3.5")), AttendanceInput(b.id),
                                                       AttendanceInput(c.id), AttendanceInput(a.id)])
    text = str(err.value)
    assert "不能超过 3 小时" in text and "尚未到岗" in text and "已于 2025-01-01 离职" in text and "重复登记" in text
    assert training.list_attendance(station, admin, s.id) == []
    rows = training.set_attendance(station, admin, s.id, [AttendanceInput(a.id, note=" 全程 ")])
    assert [(r.name, r.hours, r.note) for r in rows] == [(a.name, D(3), "全程")]
    # Pre-job training may come shortly before the first day in post.
    pre = training.add_session(station, admin, session("新入职社工岗前培训", "岗前培训", dt.date(2025, 8, 15)))
    assert training.set_attendance(station, admin, pre.id, [AttendanceInput(b.id)])[0].hours == D(3)
    with pytest.raises(ValidationError, match="尚未到岗"):
        training.set_attendance(station, admin, training.add_session(
            station, admin, session("岗前培训（早）", "岗前培训", dt.date(2025, 4, 1))).id, [AttendanceInput(b.id)])


def test_replacing_attendance_keeps_unchanged_rows_and_audits_each_change(station: Station, admin: Actor) -> None:
    a, b, c = (add(station, admin, n) for n in (111, 112, 113))
    s = training.add_session(station, admin, session())
    training.set_attendance(station, admin, s.id, [AttendanceInput(a.id), AttendanceInput(b.id)])
    rows = training.set_attendance(station, admin, s.id, [AttendanceInput(a.id), AttendanceInput(c.id, D("1.5"))])
    assert sorted((r.name, r.hours) for r in rows) == sorted([(a.name, D(3)), (c.name, D("1.5"))])
    entries = audit.page_entries(station, admin, audit.AuditFilter(table_name="training_attendance"), 0, 20)
    assert sorted(e.action for e in entries) == ["delete", "insert", "insert", "insert"]  # a's row untouched
    with pytest.raises(ValidationError, match="不能超过 1 小时"):
        training.update_session(station, admin, s.id, replace(session(), hours=D(1)))
    training.delete_session(station, admin, s.id)
    with pytest.raises(NotFound):
        training.get_session(station, admin, s.id)
    entries = audit.page_entries(station, admin, audit.AuditFilter(table_name="training_attendance"), 0, 20)
    assert [e.action for e in entries].count("delete") == 3


def test_hours_by_person_type_and_month(station: Station, admin: Actor) -> None:
    a = add(station, admin, 121)
    b = add(station, admin, 122)
    idle = add(station, admin, 123)
    parttime = add(station, admin, 124, employment="兼职", post="督导", experience_years=8)
    plan = [("政策法规培训", dt.date(2025, 5, 20), "3", [a, b]), ("实务培训", dt.date(2025, 5, 28), "2.5", [a]),
            ("实务培训", dt.date(2025, 11, 3), "4", [a, b]), ("督导培训", dt.date(2024, 12, 30), "2", [a])]
    for i, (kind, on, hours, people) in enumerate(plan):
        s = training.add_session(station, admin, session(f"培训{i}", kind, on, hours))
        training.set_attendance(station, admin, s.id, [AttendanceInput(p.id) for p in people])
    rows = {r.name: r for r in training_hours.hours_by_person(station, admin, 2025)}
    assert set(rows) == {a.name, b.name, idle.name}  # a part-timer without training is not listed
    assert rows[a.name].hours("实务培训") == D("6.5") and rows[a.name].total == D("9.5")
    assert rows[a.name].sessions == 3 and rows[idle.name].total == 0 and parttime.name not in rows
    months = dict(training_hours.monthly_hours(station, admin, 2025))
    assert months[5] == (0, 0, 0, D("2.5"), D(6)) and months[11][3] == D(8) and months[12] == (0,) * 5
    table = hours_table(station, admin, 2025)
    assert table.count(TableQuery()) == 3 and len(table.columns) == 9
    assert [len(r) for r in table.page(TableQuery(), 0, 10)] == [10, 10, 10]


@given(cert=hs.dates(dt.date(2000, 1, 1), dt.date(2026, 1, 1)), days=hs.integers(0, 9000))
def test_certificate_cycles_tile_time(cert: dt.date, days: int) -> None:
    on = cert + dt.timedelta(days=days)
    start, end = training_hours.cycle_containing(cert, on)
    assert start <= on <= end and start >= cert
    assert training_hours.add_years(start, 3) - dt.timedelta(days=1) == end
    nxt = training_hours.cycle_containing(cert, end + dt.timedelta(days=1))
    assert nxt[0] == end + dt.timedelta(days=1)


def test_continuing_education_per_cycle(station: Station, admin: Actor) -> None:
    assistant = add(station, admin, 131, hire_date=dt.date(2021, 1, 4), cert_date=dt.date(2022, 7, 1))
    senior = add(station, admin, 132, hire_date=dt.date(2024, 1, 2), cert_level="社会工作师",
                 cert_date=dt.date(2024, 6, 1))
    add(station, admin, 133, cert_level="无", cert_number="", cert_date=None)
    both = [assistant, senior]
    for on, hours, kind, people in ((dt.date(2023, 5, 5), "40", "继续教育培训", [assistant]),
                                    (dt.date(2025, 4, 1), "36", "继续教育培训", both),
                                    (dt.date(2025, 6, 1), "8", "岗前培训", both),
                                    (dt.date(2025, 9, 1), "6", "督导培训", both)):
        s = training.add_session(station, admin, session(f"继续教育 {on}", kind, on, hours))
        training.set_attendance(station, admin, s.id, [AttendanceInput(p.id) for p in people])
    today = dt.date(2026, 3, 2)
    cycles = {c.name: (c, prev) for c, prev in training_hours.ce_cycles(station, admin, today)}
    assert set(cycles) == {assistant.name, senior.name}
    current, previous = cycles[assistant.name]
    assert (current.start, current.end) == (dt.date(2025, 7, 1), dt.date(2028, 6, 30))
    assert current.earned == 6 and current.required == 72  # 岗前培训 does not count
    assert previous is not None and previous.earned == 76 and previous.shortfall == 0 and previous.ended(today)
    current, previous = cycles[senior.name]
    assert (current.required, current.earned, current.shortfall, previous) == (90, 42, 48, None)
    assert current.expected_by(today) == 52  # 640 of 1095 days gone: 90 h × 640 / 1095 = 52.6


def test_prejob_training_status(station: Station, admin: Actor) -> None:
    done = add(station, admin, 141, hire_date=dt.date(2025, 10, 8))
    late = add(station, admin, 142, hire_date=dt.date(2025, 6, 1))
    missing = add(station, admin, 143, hire_date=dt.date(2025, 9, 1))
    pending = add(station, admin, 144, hire_date=dt.date(2026, 2, 2))
    add(station, admin, 145, hire_date=dt.date(2022, 2, 2))  # not new
    add(station, admin, 146, hire_date=dt.date(2025, 9, 1), post="督导", employment="兼职")  # not a social worker
    for on, people in ((dt.date(2025, 10, 1), [done]), (dt.date(2025, 12, 1), [late])):
        s = training.add_session(station, admin, session(f"岗前培训 {on}", "岗前培训", on))
        training.set_attendance(station, admin, s.id, [AttendanceInput(p.id) for p in people])
    today = dt.date(2026, 3, 2)
    status = {p.name: p for p in training_hours.prejob_status(station, admin, today)}
    assert set(status) == {done.name, late.name, missing.name, pending.name}
    assert status[done.name].done_on == dt.date(2025, 10, 1) and not status[done.name].late
    assert status[late.name].late and not status[late.name].overdue(today)
    assert status[missing.name].overdue(today) and status[missing.name].due == dt.date(2025, 11, 30)
    assert not status[pending.name].overdue(today) and status[pending.name].done_on is None


def test_interns_with_university_supervisor_and_period(station: Station, admin: Actor) -> None:
    mentor = add(station, admin, 151, post="督导", employment="兼职", experience_years=9,
                 hire_date=dt.date(2023, 1, 1))
    data = internships.InternshipInput("华中师范大学", dt.date(2025, 9, 1), dt.date(2026, 1, 15),
                                       supervisor_id=mentor.id)
    intern = person(152, post="实习生", employment="兼职", hire_date=dt.date(2025, 9, 1), cert_level="无",
                    cert_number="", cert_date=None, experience_years=0)
    info = internships.add_intern(station, admin, intern, data)
    assert (info.name, info.supervisor_name, info.major) == (intern.name, mentor.name, "社会工作")
    assert not info.in_progress(dt.date(2026, 3, 2)) and info.in_progress(dt.date(2025, 12, 1))
    assert internships.list_internships(station, admin, on=dt.date(2025, 12, 1)) == [info]
    # A refused placement leaves no half-made roster entry behind.
    other = replace(intern, name="赵实习", id_number=person(153).id_number)
    with pytest.raises(ValidationError, match="不能早于开始日期"):
        internships.add_intern(station, admin, other, replace(data, end_date=dt.date(2025, 8, 1)))
    from sgz_desktop.core import staff

    assert "赵实习" not in [p.name for p in staff.list_staff(station, admin)]
    with pytest.raises(ValidationError, match="只有实习生才登记"):
        internships.set_internship(station, admin, mentor.id, data)
    with pytest.raises(ValidationError, match="不能是实习生本人"):
        internships.set_internship(station, admin, info.staff_id, replace(data, supervisor_id=info.staff_id))


def test_materials_are_stored_by_hash_verified_and_removed(station: Station, admin: Actor, tmp_path: Path) -> None:
    s = training.add_session(station, admin, session())
    slides = tmp_path / "政策解读.PDF"
    slides.write_bytes(b"%PDF-1.4 slides")
    m1 = training_materials.add_material(station, admin, s.id, slides)
    m2 = training_materials.add_material(station, admin, s.id, slides)
    assert m1.sha256 == m2.sha256 and m1.size_bytes == 15
    path = training_materials.material_path(station, admin, m1.id, verify=True)
    assert path.suffix == ".pdf" and path.read_bytes() == b"%PDF-1.4 slides"
    assert training.get_session(station, admin, s.id).materials == 2
    path.write_bytes(b"changed")
    with pytest.raises(IntegrityFailure, match="已被改动"):
        training_materials.material_path(station, admin, m1.id, verify=True)
    training_materials.remove_material(station, admin, m1.id)
    assert path.exists()  # still used by the second entry
    training.delete_session(station, admin, s.id)
    assert not path.exists()
    with pytest.raises(ValidationError, match="找不到文件"):
        training_materials.add_material(station, admin, s.id, tmp_path / "none.pdf")


def test_a_materials_copy_in_progress_lies_where_the_store_sweeps(station: Station, admin: Actor, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy killed part-way leaves its temporary file; it must be one the attachment store removes."""
    import fnmatch
    import os

    from sgz_desktop.core.attachments import attachment_store

    s = training.add_session(station, admin, session())
    slides = tmp_path / "课件.pptx"
    slides.write_bytes(b"PK slides")
    moved: list[Path] = []
    real_replace = os.replace
    monkeypatch.setattr(training_materials.os, "replace", lambda a, b: (moved.append(Path(a)), real_replace(a, b)))
    training_materials.add_material(station, admin, s.id, slides)
    tmp = moved[0]
    assert tmp.parent == attachment_store(station).root and fnmatch.fnmatch(tmp.name, ".incoming-*.part")
    tmp.write_bytes(b"PK sli")  # as a kill would leave it, two hours ago
    os.utime(tmp, (tmp.stat().st_mtime - 7200,) * 2)
    assert attachment_store(station).sweep_incoming() == 1 and not tmp.exists()


def test_session_source_filters_sorts_and_counts(station: Station, admin: Actor) -> None:
    a = add(station, admin, 161, hire_date=dt.date(2023, 1, 1))
    for i in range(12):
        s = training.add_session(station, admin, session(f"实务督导第{i + 1}期", ("实务培训", "督导培训")[i % 2],
                                                         dt.date(2024 + i % 2, 1 + i, 10), str(1 + i % 3)))
        if i < 3:
            training.set_attendance(station, admin, s.id, [AttendanceInput(a.id)])
    source = SessionSource(station, admin)
    q = TableQuery()
    assert source.count(q) == 12 and source.count(q.with_filter("year", 2025)) == 6
    assert source.count(q.with_filter("training_type", "督导培训").with_filter("year", 2025)) == 6
    assert source.count(replace(q, text="第1")) == 4  # 第1期, 第10期, 第11期, 第12期
    rows = source.page(replace(q, sort_key="attendees", descending=True), 0, 4)
    assert [r[7] for r in rows] == [1, 1, 1, 0] and isinstance(rows[0][3], Decimal)
    assert source.page(q, 0, 1)[0][0] == dt.date(2025, 12, 10)  # newest first
