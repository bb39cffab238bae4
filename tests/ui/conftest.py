"""GUI tests run offscreen. Fixtures: the app in Simplified Chinese, dialog helpers that record instead
of blocking, and stations with a secret file (for subprocess runs that have no test keyring)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.setup import init_station
from tests.conftest import new_station_values


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    """The app's translations installed (Chinese UI) for the length of one test."""
    from PySide6.QtCore import QCoreApplication

    from sgz_desktop.ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


@dataclass
class Shown:
    """What the dialog helpers were asked to show."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    from sgz_desktop.ui import dialogs

    record = Shown()
    monkeypatch.setattr(dialogs, "show_error", lambda parent, error, title=None: record.errors.append(str(error)))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: record.infos.append(text))
    return record


@pytest.fixture
def file_station_dir(tmp_path: Path) -> DataDir:
    """A closed station whose secret is in a file, so a separate process can open it."""
    data = DataDir(tmp_path / "filestation")
    st, _key = init_station(data, new_station_values(), secret_store=FileSecretStore(data.secret_file))
    st.close()
    return data
