"""Training sessions may belong to a service project (migration 0007): the column keeps old rows, the
core creates, changes and filters sessions by project and refuses an unknown one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from sgz_desktop.core import projects, training
from sgz_desktop.core.db import migrate
from sgz_desktop.core.db.base import Base
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.projects import BASIC, FEATURED, ProjectInput
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.staff_tables import SessionSource
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core.staff_factory import add

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
