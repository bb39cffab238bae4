"""Training sessions may belong to a service project (migration 0007): the column keeps old rows, the
core creates, changes and filters sessions by project and refuses an unknown one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from sgz_desktop.core import projects, training, training_excel
from sgz_desktop.core.db import migrate
from sgz_desktop.core.db.base import Base
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.projects import BASIC, FEATURED, ProjectInput
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff_tables import SessionSource
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core.staff_factory import add
from tests.core.test_staff_excel import fill_template

START = dt.date(2025, 1, 1)


def session(title: str, project_id: int | None = None) -> SessionInput:
    return SessionInput(title, "实务培训", dt.date(2025, 5, 20), Decimal(3), organiser="街道", project_id=project_id)


def test_a_session_is_created_changed_and_filtered_by_project(station: Station, admin: Actor) -> None:
    elderly = projects.add_project(station, admin, ProjectInput(BASIC, "养老服务", START, "养老服务"))
    heart = projects.add_project(station, admin, ProjectInput(FEATURED, "心灵港湾", START))
    tagged = training.add_session(station, admin, session("长者照护技巧", elderly.id))
    assert (tagged.project_id, tagged.project_name) == (elderly.id, "养老服务")
    assert tagged.as_input().project_id == elderly.id
    plain = training.add_session(station, admin, session("个案记录规范"))
    assert (plain.project_id, plain.project_name) == (None, "")
    assert [s.title for s in training.list_sessions(station, admin, project_id=elderly.id)] == ["长者照护技巧"]
    assert len(training.list_sessions(station, admin)) == 2
    moved = training.update_session(station, admin, plain.id, session("个案记录规范", heart.id))
    assert moved.project_name == "心灵港湾"
    assert [s.title for s in training.list_sessions(station, admin, 2025, project_id=heart.id)] == ["个案记录规范"]
    assert training.list_sessions(station, admin, 2024, project_id=heart.id) == []
    untagged = training.update_session(station, admin, tagged.id, replace(tagged.as_input(), project_id=None))
    assert untagged.project_id is None and training.list_sessions(station, admin, project_id=elderly.id) == []
    # The sessions table on the Training page filters the same way.
    source = SessionSource(station, admin)
    assert source.count(TableQuery(filters={"project_id": heart.id})) == 1
    assert source.count(TableQuery(filters={"project_id": elderly.id})) == 0
    titles = [c.title for c in source.columns]
    assert titles[-1] == "服务项目"
    by_title = {row[1]: row[len(titles) - 1] for row in source.page(TableQuery(sort_key="project"), 0, 10)}
    assert by_title == {"个案记录规范": "心灵港湾", "长者照护技巧": ""}
    # A project that training refers to is not deleted.
    with pytest.raises(ValidationError, match="培训 1 条"):
        projects.delete_project(station, admin, heart.id)


def test_an_unknown_project_is_refused_and_nothing_changes(station: Station, admin: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        training.add_session(station, admin, session("长者照护技巧", 999))
    assert str(err.value) == "「服务项目」：没有编号为 999 的服务项目"
    assert training.list_sessions(station, admin) == []
    kept = training.add_session(station, admin, session("长者照护技巧"))
    with pytest.raises(ValidationError, match="服务项目"):
        training.update_session(station, admin, kept.id, session("改了题目", 999))
    assert training.get_session(station, admin, kept.id).title == "长者照护技巧"


def test_migration_matches_the_model(station: Station) -> None:
    with station.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diff if "training_session" in repr(d)] == []


def test_upgrading_to_0007_keeps_sessions_attendance_and_links(station: Station, admin: Actor) -> None:
    person = add(station, admin, 101, hire_date=dt.date(2024, 3, 1))
    made = training.add_session(station, admin, session("长者照护技巧"))
    training.set_attendance(station, admin, made.id, [AttendanceInput(person.id, note="全程")])
    before = training.list_sessions(station, admin)
    engine = station.engine
    with engine.connect() as conn:  # back to the schema of 0006, as a station of the previous version has it
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        with conn.begin():
            command.downgrade(migrate._config(conn), "0006")
    assert "project_id" not in {c["name"] for c in inspect(engine).get_columns("training_session")}
    assert migrate.current_revision(engine) == "0006"
    result = migrate.upgrade(engine, station.data.backups, station.clock)
    assert (result.from_revision, result.to_revision) == ("0006", migrate.head_revision())
    assert result.backup is not None and result.backup.exists()
    assert training.list_sessions(station, admin) == before
    assert [(a.name, a.note) for a in training.list_attendance(station, admin, made.id)] == [(person.name, "全程")]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        fks = conn.exec_driver_sql("PRAGMA foreign_key_list(training_attendance)").all()
    assert any(fk[2] == "training_session" for fk in fks)


def test_excel_import_and_export_carry_the_project(station: Station, admin: Actor, tmp_path: Path) -> None:
    a, b = add(station, admin, 580), add(station, admin, 581)
    heart = projects.add_project(station, admin, ProjectInput(FEATURED, "心灵港湾", START))
    projects.add_project(station, admin, ProjectInput(FEATURED, "五社联动", START))
    known = training.add_session(station, admin, session("督导会", heart.id))
    headers = [f.header for f in training_excel.FIELDS]

    def line(title: str, name: str, project: str | None) -> list[object]:
        values = {"培训主题": title, "培训类型": "实务培训", "培训日期": dt.date(2025, 5, 20), "学时": 3, "姓名": name,
                  "服务项目": project}
        return [values.get(h) for h in headers]

    bad = [line("小组技巧", a.name, "心灵港湾"), line("小组技巧", b.name, "五社联动"),
           line("社区走访", a.name, "查无此项目"), line("督导会", b.name, "五社联动")]
    template = training_excel.attendance_template(tmp_path / "签到.xlsx")
    with pytest.raises(ValidationError) as err:
        training_excel.import_attendance(station, admin, fill_template(template, bad, training_excel.SHEET))
    assert {(p.row, p.field) for p in err.value.problems} == {(3, "服务项目"), (4, "服务项目"), (5, "服务项目")}
    text = str(err.value)
    assert "与第 2 行同一场培训的服务项目不一致" in text and "没有名为「查无此项目」的服务项目" in text
    assert [s.title for s in training.list_sessions(station, admin)] == ["督导会"]
    good = [line("小组技巧", a.name, "心灵港湾"), line("小组技巧", b.name, "心灵港湾"), line("社区走访", a.name, None),
            line("督导会", b.name, None)]
    template = training_excel.attendance_template(tmp_path / "签到2.xlsx")
    result = training_excel.import_attendance(station, admin, fill_template(template, good, training_excel.SHEET))
    assert (result.added, result.sessions_added) == (4, 2)
    by_title = {s.title: s.project_name for s in training.list_sessions(station, admin)}
    assert by_title == {"督导会": "心灵港湾", "小组技巧": "心灵港湾", "社区走访": ""}
    assert training.get_session(station, admin, known.id).attendees == 1
    out = tmp_path / "导出.xlsx"
    assert training_excel.export_attendance(station, admin, out) == 4
    rows = list(read_rows(out))
    assert rows[0][-1] == "服务项目"
    assert sorted((r[0], r[-1] or "") for r in rows[1:]) == [
        ("小组技巧", "心灵港湾"), ("小组技巧", "心灵港湾"), ("督导会", "心灵港湾"), ("社区走访", "")]
