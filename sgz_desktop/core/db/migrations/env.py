"""Alembic environment: always run on the connection handed over by ``core.db.migrate``."""

from __future__ import annotations

from alembic import context

from sgz_desktop.core import models  # noqa: F401 - registers every table on the metadata
from sgz_desktop.core.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
