"""Annual assessments (Art. 34): one grade per person per year, 不合格 flagged until reviewed."""

from __future__ import annotations

import datetime as dt

import pytest

from sgz_desktop.core import assessments, audit, staff, users
from sgz_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.staff_tables import assessment_table
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from tests.core.staff_factory import add, lock


def test_one_grade_per_person_per_year_corrected_in_place(station: Station, admin: Actor) -> None:
    p = add(station, admin, 701, hire_date=dt.date(2023, 5, 1))
    first = assessments.set_assessment(station, admin, p.id, 2024, "合格", assessor=" 王丽 ",
                                       assessed_on=dt.date(2025, 1, 10))
    again = assessments.set_assessment(station, admin, p.id, 2024, "优秀", assessor="王丽", notes="表现突出")
    assert again.id == first.id and (again.grade, again.assessor, again.notes) == ("优秀", "王丽", "表现突出")
    assessments.set_assessment(station, admin, p.id, 2025, "基本合格", assessor="王丽")
    assert [(a.year, a.grade) for a in assessments.history(station, admin, p.id)] == [(2025, "基本合格"),
                                                                                      (2024, "优秀")]
    assert [a.staff_name for a in assessments.list_assessments(station, admin, 2024)] == [p.name]
    actions = [e.action for e in audit.page_entries(station, admin, audit.AuditFilter(table_name="assessment"), 0, 9)]
    assert actions == ["insert", "update", "insert"][::-1]


def test_bad_assessments_are_refused_with_every_reason(station: Station, admin: Actor) -> None:
    p = add(station, admin, 702, hire_date=dt.date(2025, 3, 1))
    with pytest.raises(ValidationError) as err:
        assessments.set_assessment(station, admin, p.id, 2024, "良好", assessor=" ", assessed_on=dt.date(2023, 1, 1))
    assert {pr.field for pr in err.value.problems} == {"考核年度", "考核等级", "考核人", "考核日期"}
    assert "2024 年不在岗（入职 2025-03-01）" in str(err.value)
    with pytest.raises(ValidationError, match="考核不合格时必须写明理由"):
        assessments.set_assessment(station, admin, p.id, 2025, "不合格", assessor="王丽")
    with pytest.raises(ValidationError, match="应在 2000 到 2026 年之间"):
        assessments.set_assessment(station, admin, p.id, 2027, "合格", assessor="王丽")
    staff.leave(station, admin, p.id, dt.date(2026, 1, 1), "辞职")
    with pytest.raises(ValidationError, match="离职 2026-01-01"):
        assessments.set_assessment(station, admin, p.id, 2026, "合格", assessor="王丽")
    with pytest.raises(NotFound):
        assessments.set_assessment(station, admin, 9999, 2025, "合格", assessor="王丽")


def test_a_failing_grade_waits_for_its_review(station: Station, admin: Actor) -> None:
    p = add(station, admin, 703, hire_date=dt.date(2023, 5, 1))
    ok = assessments.set_assessment(station, admin, p.id, 2024, "合格", assessor="王丽")
    with pytest.raises(ValidationError, match="只有“不合格”的考核需要登记处理结果"):
        assessments.record_review(station, admin, ok.id, "续聘", dt.date(2025, 2, 1))
    failed = assessments.set_assessment(station, admin, p.id, 2025, "不合格", assessor="王丽", notes="服务记录缺失")
    assert failed.needs_review and assessments.pending_reviews(station, admin) == [failed]
    reviewed = assessments.record_review(station, admin, failed.id, "约谈整改，续聘观察", dt.date(2026, 2, 1))
    assert not reviewed.needs_review and assessments.pending_reviews(station, admin) == []
    # A new grade for that year clears the outcome: the new grade is what counts.
    regraded = assessments.set_assessment(station, admin, p.id, 2025, "基本合格", assessor="王丽")
    assert (regraded.review_outcome, regraded.reviewed_on) == ("", None)
    assessments.set_assessment(station, admin, p.id, 2025, "不合格", assessor="王丽", notes="复核仍不合格")
    staff.leave(station, admin, p.id, dt.date(2026, 2, 15), "解聘")
    assert assessments.pending_reviews(station, admin) == []  # dismissed: no longer in post


def test_who_is_still_unassessed_and_the_year_table(station: Station, admin: Actor) -> None:
    worker = add(station, admin, 704, hire_date=dt.date(2023, 5, 1))
    waiting = add(station, admin, 705, hire_date=dt.date(2025, 11, 1))
    add(station, admin, 706, hire_date=dt.date(2026, 1, 5))  # not in post in 2025
    add(station, admin, 707, post="督导", employment="兼职", experience_years=9)  # not the station's staff
    graded = assessments.set_assessment(station, admin, worker.id, 2025, "优秀", assessor="王丽")
    assert assessments.unassessed(station, admin, 2025) == [(waiting.id, waiting.name, "驻站社工")]
    table = assessment_table(station, admin, 2025)
    rows = table.page(TableQuery(), 0, 10)
    assert rows == [(worker.name, "驻站社工", 2025, "优秀", "王丽", None, "", "", graded.id, worker.id)]
    assert [c.title for c in table.columns][:4] == ["姓名", "岗位", "考核年度", "考核等级"]
    assessments.delete_assessment(station, admin, graded.id)
    assert assessments.list_assessments(station, admin, 2025) == []


def test_only_roster_editors_grade_and_grades_read_without_the_key(station: Station, admin: Actor) -> None:
    p = add(station, admin, 708, hire_date=dt.date(2023, 5, 1))
    assessments.set_assessment(station, admin, p.id, 2025, "合格", assessor="王丽")
    users.create_user(station, admin, username="shegong", display_name="李社工", role=Role.SOCIAL_WORKER,
                      password="Worker2026pw", must_change_password=False)
    worker = users.login(station, "shegong", "Worker2026pw")
    with pytest.raises(PermissionDenied, match="不能维护人员花名册"):
        assessments.set_assessment(station, worker, p.id, 2024, "合格", assessor="李社工")
    assert len(assessments.list_assessments(station, worker, 2025)) == 1
    lock(station)  # grades hold no personal numbers: they read on a PC without the key
    assert assessments.history(station, admin, p.id)[0].grade == "合格"
