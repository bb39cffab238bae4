"""The handover register (移交记录): every package the station has written, newest first.

A row is added in the same transaction as the export's audit entry, after the package, its ``.sha256`` and
its registration form are in place; rows are never changed (a trigger refuses). The register answers what
the archive officer is asked a year later: which years went out, when, by whom, and with which hash."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import PackageExport
from ..roles import Actor, Permission, require
from ..station import Station
from .layout import form_name
from .scope import Scope


@dataclass(frozen=True)
class ExportRecord:
    id: int
    name: str
    scope_kind: str
    year: int | None
    project_id: int | None
    scope_label: str
    zip_path: Path
    zip_sha256: str
    tagmanifest_sha256: str
    zip_bytes: int
    items: int
    files: int
    record_bytes: int
    exported_at: dt.datetime
    exported_by: str
    override_reason: str

    @property
    def sha256_path(self) -> Path:
        return self.zip_path.with_name(self.zip_path.name + ".sha256")

    @property
    def form_path(self) -> Path:
        return self.zip_path.with_name(form_name(self.zip_path.stem))


def record_export(s: Session, *, name: str, scope: Scope, zip_path: Path, zip_sha256: str, tagmanifest_sha256: str,
                  zip_bytes: int, items: int, files: int, record_bytes: int, exported_at: dt.datetime,
                  exported_by: str, override_reason: str) -> None:
    s.add(PackageExport(
        name=name, scope_kind=scope.kind, year=scope.year, project_id=scope.project_id, scope_label=scope.label,
        zip_path=str(zip_path), zip_sha256=zip_sha256, tagmanifest_sha256=tagmanifest_sha256, zip_bytes=zip_bytes,
        items=items, files=files, record_bytes=record_bytes, exported_at=exported_at, exported_by=exported_by,
        override_reason=override_reason))


def list_exports(st: Station, actor: Actor) -> list[ExportRecord]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        rows = s.scalars(select(PackageExport).order_by(PackageExport.exported_at.desc(), PackageExport.id.desc()))
        return [ExportRecord(r.id, r.name, r.scope_kind, r.year, r.project_id, r.scope_label, Path(r.zip_path),
                             r.zip_sha256, r.tagmanifest_sha256, r.zip_bytes, r.items, r.files, r.record_bytes,
                             r.exported_at, r.exported_by, r.override_reason) for r in rows]


def earlier_exports(st: Station, actor: Actor, scope: Scope) -> list[ExportRecord]:
    """The packages already written for this year or this project, newest first (the wizard says so before
    a second export: a new package has a new hash, and its form must be signed again)."""
    return [r for r in list_exports(st, actor) if r.scope_kind == scope.kind
            and (r.project_id == scope.project_id if scope.is_project else r.year == scope.year)]
