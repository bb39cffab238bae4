"""The handover register (移交记录): every package written is recorded with its hashes and where it went;
a refused or cancelled export records nothing; the rows cannot be changed; migration 0008 adds the table
to a station of the previous version and matches the model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from sgz_desktop.core.db import migrate
from sgz_desktop.core.db.base import Base
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.package.export import export_year
from sgz_desktop.core.package.history import earlier_exports, list_exports
from sgz_desktop.core.package.scope import Scope
from sgz_desktop.core.progress import Cancelled, Progress
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import empty_folder, filed, item, keeper_of_a_year, social_worker

YEAR = 2025


@pytest.fixture
def keeper(station: Station, admin: Actor, tmp_path: Path) -> Actor:
    return keeper_of_a_year(station, admin, tmp_path / "src", YEAR, items=2)


def test_each_export_is_recorded_with_its_hashes_newest_first(station: Station, admin: Actor, keeper: Actor,
                                                              tmp_path: Path) -> None:
    assert list_exports(station, keeper) == []
    first = export_year(station, keeper, YEAR, empty_folder(tmp_path, "usb"))
    station.clock.advance(days=1)  # type: ignore[attr-defined]
    second = export_year(station, keeper, YEAR, empty_folder(tmp_path, "copy"))
    records = list_exports(station, social_worker(station, admin))  # anyone who may look at the station
    assert [r.zip_path for r in records] == [second.zip_path, first.zip_path]
    latest = records[0]
    assert (latest.name, latest.scope_kind, latest.year, latest.project_id) == (f"Z109-{YEAR}-YJ01", "year", YEAR, None)
    assert latest.scope_label == f"{YEAR} 年度"
    assert (latest.zip_sha256, latest.tagmanifest_sha256) == (second.zip_sha256, second.tagmanifest_sha256)
    assert (latest.items, latest.files, latest.record_bytes) == (2, 2, second.record_bytes)
    assert latest.zip_bytes == second.zip_path.stat().st_size
    assert latest.exported_by == "赵敏" and latest.override_reason == ""
    assert latest.form_path == second.form_path and latest.sha256_path == second.sha256_path
    assert latest.exported_at > records[1].exported_at
    assert earlier_exports(station, keeper, Scope.of_year(YEAR)) == records
    assert earlier_exports(station, keeper, Scope.of_year(YEAR - 1)) == []


def test_an_override_keeps_its_reason_and_a_refused_or_cancelled_export_records_nothing(
        station: Station, keeper: Actor, tmp_path: Path) -> None:
    src = empty_folder(tmp_path, "drafts")
    filed(station, keeper, src, item("还没归档的会议纪要", dt.date(YEAR, 9, 9)))
    with pytest.raises(ValidationError):
        export_year(station, keeper, YEAR, empty_folder(tmp_path, "refused"))
    progress = Progress(lambda done, total, text: progress.cancel() if done > 0 else None)
    with pytest.raises(Cancelled):
        export_year(station, keeper, YEAR, empty_folder(tmp_path, "cancelled"), override_reason="先交",
                    progress=progress)
    assert list_exports(station, keeper) == []
    export_year(station, keeper, YEAR, empty_folder(tmp_path, "usb"), override_reason="街道要求本周移交，草稿下次补交")
    [record] = list_exports(station, keeper)
    assert record.override_reason == "街道要求本周移交，草稿下次补交"


def test_the_register_is_append_only(station: Station, keeper: Actor, tmp_path: Path) -> None:
    export_year(station, keeper, YEAR, empty_folder(tmp_path, "usb"))
    for statement in ("UPDATE package_export SET zip_sha256 = 'forged'", "DELETE FROM package_export"):
        with pytest.raises(IntegrityError, match="移交记录只能追加"), station.engine.begin() as conn:
            conn.execute(text(statement))
    assert len(list_exports(station, keeper)) == 1


def test_migration_0008_adds_the_register_and_matches_the_model(station: Station, keeper: Actor,
                                                                tmp_path: Path) -> None:
    engine = station.engine
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        with conn.begin():
            command.downgrade(migrate._config(conn), "0007")
    assert "package_export" not in inspect(engine).get_table_names()
    result = migrate.upgrade(engine, station.data.backups, station.clock)
    assert (result.from_revision, result.to_revision) == ("0007", migrate.head_revision())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diff if "package_export" in repr(d)] == []
    export_year(station, keeper, YEAR, empty_folder(tmp_path, "usb"))
    assert len(list_exports(station, keeper)) == 1
