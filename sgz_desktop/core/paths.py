"""Where a station's data lives: one folder with the database, attachments and backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sgz-desktop"
ENV_DATA_DIR = "SGZ_DATA_DIR"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "station.db"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Faults the window did not expect, with their tracebacks, for whoever helps (``ui.faults``)."""
        return self.root / "logs"

    @property
    def secret_file(self) -> Path:
        return self.root / "station-secret.key"

    @property
    def lock_file(self) -> Path:
        return self.root / ".sgz-desktop.lock"

    def exists(self) -> bool:
        return self.database.exists()

    def ensure(self) -> None:
        for p in (self.root, self.attachments, self.backups):
            p.mkdir(parents=True, exist_ok=True)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """``--data-dir`` first, then ``SGZ_DATA_DIR``, then the per-user data folder of the OS."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    # On Windows this is %LOCALAPPDATA%\sgz-desktop: never the install folder, survives upgrades.
    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
