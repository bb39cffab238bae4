"""Shared fixtures: a temp station on a real SQLite file, an in-memory OS keyring, a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.secrets import KeyringSecretStore
from sgz_desktop.core.setup import NewStation, init_station
from sgz_desktop.core.station import Station

ADMIN_PASSWORD = "Admin2026pw"
_EXIT_STATUS = [0]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS[0] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Python's teardown once the results are reported. After a session of a few hundred
    windows, PySide 6.12 sometimes over-releases ``True`` or ``False`` while the interpreter destroys the
    widgets still alive, and the process aborts ("bool_dealloc", exit 134) with every test passed. The
    same tests pass either way; the abort depends only on what is left at the end."""
    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[0])


class MemoryKeyring(KeyringBackend):
    """The real keyring API over a dict: tests never touch the machine's keyring."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "home" / var.lower()))
    monkeypatch.delenv("SGZ_DATA_DIR", raising=False)
    monkeypatch.delenv("SGZ_USER", raising=False)
    monkeypatch.delenv("SGZ_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_temp(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each test's own temporary folder, for this process and the programs it starts: what the program leaves
    there is the test's to see, and the machine's /tmp stays clean."""
    folder = tmp_path_factory.mktemp("temp")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 3, 2, 9, 30))


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "station")


def new_station_values(**overrides: object) -> NewStation:
    values: dict[str, object] = dict(
        name="江汉街道社会工作服务站", subdistrict="民意街道", district="江汉区", district_type="中心城区",
        fonds_code="Z109", admin_username="fuzhanzhang", admin_display_name="王丽",
        admin_password=ADMIN_PASSWORD, operator_org="武汉市江汉区同心社会工作服务中心",
        city_avg_wage_fen=850_000, communities=("新华社区", "民意社区", "花楼社区", "友谊村"),
    )
    values.update(overrides)
    return NewStation(**values)  # type: ignore[arg-type]


@pytest.fixture
def station(data_dir: DataDir, clock: FixedClock) -> Iterator[Station]:
    st, _recovery = init_station(data_dir, new_station_values(), secret_store=KeyringSecretStore(), clock=clock)
    yield st
    st.close()


@pytest.fixture
def admin(station: Station) -> Actor:
    from sgz_desktop.core import users

    return users.login(station, "fuzhanzhang", ADMIN_PASSWORD)
