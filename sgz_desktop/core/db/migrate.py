"""Schema upgrades at start-up: back up first, foreign keys off during the migration, check after.

Foreign keys stay off because a batch ``alter_column`` recreates the table, and with foreign keys on
SQLite would cascade-delete child rows while reporting success (platform.md, DATA-LOSS TRAP).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from ..clock import Clock
from ..errors import IntegrityFailure, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([\w.-]+|None)["\']?', re.MULTILINE)


def _config(connection: Connection | None = None) -> Config:
    # Alembic (with Mako) is imported only when a schema is upgraded: ~0.1 s off every start.
    from alembic.config import Config

    # stdout must not be sys.stdout: in a windowed frozen exe it is None.
    cfg = Config(stdout=io.StringIO())
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def _chain() -> dict[str, str | None]:
    """revision → down_revision, read from the migration files as text (a test holds it equal to what
    Alembic reads)."""
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            chain[found["revision"]] = None if down in (None, "None") else down
    return chain


def head_revision() -> str:
    chain = _chain()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, heads  # one linear chain
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_chain())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no table yet: a new, empty database
            return None


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def upgrade(engine: Engine, backup_dir: Path, clock: Clock, target: str = "head") -> MigrationResult:
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return MigrationResult(current, wanted, None)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"这个数据库由更新版本的社工站程序创建（结构版本 {current}）。"
            "为免损坏数据，本程序不会打开它。请安装最新版本后再打开。"
        )
    backup = _backup_before(engine, backup_dir, current, clock) if current is not None else None
    with engine.connect() as conn:
        # Must be set outside any transaction, on the driver connection itself.
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        with conn.begin():
            from alembic import command

            command.upgrade(_config(conn), wanted)
            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if bad:
                raise IntegrityFailure(
                    f"数据库升级后发现 {len(bad)} 条外键不一致（例如表 {bad[0][0]}），已撤销升级。"
                    f"升级前的备份在 {backup}。"
                )
    return MigrationResult(current, wanted, backup)


def _backup_before(engine: Engine, backup_dir: Path, current: str, clock: Clock) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    dest = backup_dir / f"pre-migration-{current}-{clock.now():%Y%m%d-%H%M%S}.db"
    if dest.exists():
        dest.unlink()
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(dest),))  # type: ignore[union-attr]
    finally:
        raw.close()
    return dest
