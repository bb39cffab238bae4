"""Service projects in the "1+4+N" structure (Art. 20)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sgz_desktop.core import checks, projects
from sgz_desktop.core.checks import Status
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.projects import BASIC, BASIC_FIELDS, CORE, FEATURED, ProjectInput
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, WORKER, make_contract, make_entry

START = dt.date(2026, 1, 1)


def _all_five(st: Station, actor: Actor) -> None:
    projects.add_project(st, actor, ProjectInput(CORE, "红色引擎党建引领", START, lead_staff_id=None))
    for area in BASIC_FIELDS:
        projects.add_project(st, actor, ProjectInput(BASIC, f"{area}服务", START, area, dt.date(2026, 12, 31),
                                                     need_list="需求", resource_list="资源", service_list="服务"))


def test_add_list_and_update(station: Station, admin: Actor) -> None:
    made = projects.add_project(station, admin, ProjectInput(
        FEATURED, " 心灵港湾 ", START, "心理健康", goals="开展心理支持小组", need_list="失业家庭心理压力",
        resource_list="心理咨询师志愿者", service_list="小组 6 次"))
    assert made.name == "心灵港湾" and made.kind_label == "特色项目" and made.need_list == "失业家庭心理压力"
    _all_five(station, admin)
    listed = projects.list_projects(station, admin)
    assert [p.kind for p in listed] == [CORE, BASIC, BASIC, BASIC, BASIC, FEATURED]
    assert [p.field for p in listed[1:5]] == list(BASIC_FIELDS)
    assert listed[0].field == "党建引领"  # filled in for the core project
    changed = projects.update_project(station, admin, made.id, replace(made.as_input(), end_date=dt.date(2026, 6, 30)))
    assert changed.end_date == dt.date(2026, 6, 30)
    assert projects.list_projects(station, admin, on=dt.date(2026, 7, 1))[-1].kind == BASIC


def test_one_core_and_one_of_each_basic_at_a_time(station: Station, admin: Actor) -> None:
    _all_five(station, admin)
    with pytest.raises(ValidationError, match="同一时期只能有一个核心项目"):
        projects.add_project(station, admin, ProjectInput(CORE, "另一个核心项目", dt.date(2026, 5, 1)))
    with pytest.raises(ValidationError, match="“养老服务”基础项目"):
        projects.add_project(station, admin, ProjectInput(BASIC, "第二个养老", dt.date(2026, 5, 1), "养老服务"))
    # After the first one ends, the next period may have its own.
    projects.add_project(station, admin, ProjectInput(BASIC, "2027 养老服务", dt.date(2027, 1, 1), "养老服务"))


def test_bad_values_are_all_named(station: Station, admin: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        projects.add_project(station, admin, ProjectInput(BASIC, "", START, "文体活动", dt.date(2025, 1, 1),
                                                          lead_staff_id=999))
    fields = {p.field for p in err.value.problems}
    assert fields == {"项目名称", "服务领域", "结束日期", "项目负责人"}
    assert projects.list_projects(station, admin) == []


def test_structure_check_names_what_is_missing(station: Station, admin: Actor) -> None:
    result = {r.key: r for r in checks.run_compliance(station)}["projects.structure"]
    assert result.status is Status.WARNING and "核心项目（党建引领）" in result.detail and result.article == "第二十条"
    _all_five(station, admin)
    projects.add_project(station, admin, ProjectInput(FEATURED, "五社联动", START))
    result = {r.key: r for r in checks.run_compliance(station)}["projects.structure"]
    assert result.status is Status.OK and result.figure == "1+4+1"


def test_a_project_in_use_is_not_deleted(station: Station, admin: Actor) -> None:
    used = projects.add_project(station, admin, ProjectInput(FEATURED, "五社联动", START))
    spare = projects.add_project(station, admin, ProjectInput(FEATURED, "录错的项目", START))
    contract = make_contract(station, CLERK)
    make_entry(station, CLERK, contract.id, project_id=used.id, sub_category="误餐费", amount_fen=3_000)
    with pytest.raises(ValidationError, match="账目 1 条"):
        projects.delete_project(station, admin, used.id)
    projects.delete_project(station, admin, spare.id)
    assert [p.name for p in projects.list_projects(station, admin)] == ["五社联动"]


def test_social_worker_cannot_edit_projects(station: Station) -> None:
    with pytest.raises(PermissionDenied):
        projects.add_project(station, WORKER, ProjectInput(FEATURED, "x", START))
