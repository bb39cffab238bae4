"""The one place with SQLite-only settings (platform.md): WAL, synchronous=FULL, foreign keys,
busy timeout, and BEGIN IMMEDIATE for writes so a writer never fails half-way with "database is locked".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

READ_ONLY = "sgz_read_only"


def make_engine(path: Path, *, wal: bool = True) -> Engine:
    # NullPool: every session gets a fresh connection, so no connection outlives a backup or restore
    # and no pooled connection is shared by the GUI thread and the worker.
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's begin event emit BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def is_network_path(path: Path) -> bool:
    """WAL does not work on network shares (platform.md)."""
    text = str(path)
    return text.startswith("\\\\") or text.startswith("//")
