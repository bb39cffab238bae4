"""Materials kept with a training session (slides, sign-in sheet scans, photos).

Files are copied into the station's attachment folder under their SHA-256, taken while copying, so the
same file added twice is stored once and a changed file is detected later (the archive area will turn
materials into archive items with the same hash).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .errors import IntegrityFailure, NotFound, Problem, ValidationError
from .models import TrainingMaterial, TrainingSession
from .paths import DataDir
from .roles import Actor, Permission, require
from .station import Station

MAX_BYTES = 200 * 1024 * 1024
FOLDER = "training"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class MaterialInfo:
    id: int
    session_id: int
    file_name: str
    sha256: str
    size_bytes: int
    added_at: dt.datetime


def _info(m: TrainingMaterial) -> MaterialInfo:
    return MaterialInfo(m.id, m.session_id, m.file_name, m.sha256, m.size_bytes, m.added_at)


def stored_path(data: DataDir, sha256: str, file_name: str) -> Path:
    return data.attachments / FOLDER / sha256[:2] / f"{sha256}{Path(file_name).suffix.lower()}"


def _copy_hashed(source: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy to a temporary file beside the store, hashing on the way; fsync before it is renamed."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".incoming-{os.getpid()}-{dt.datetime.now().timestamp():.6f}.part"
    digest, size = hashlib.sha256(), 0
    try:
        with source.open("rb") as src, tmp.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, digest.hexdigest(), size


def add_material(st: Station, actor: Actor, session_id: int, source: Path) -> MaterialInfo:
    require(actor, Permission.EDIT_TRAINING)
    source = Path(source)
    problems = []
    if not source.is_file():
        problems.append(Problem("培训材料", f"找不到文件 {source}"))
    elif source.stat().st_size > MAX_BYTES:
        problems.append(Problem("培训材料", f"{source.name} 超过 {MAX_BYTES // 1024 // 1024} MB，请压缩后再添加"))
    elif len(source.name) > 255:
        problems.append(Problem("培训材料", "文件名太长（超过 255 个字符）"))
    if problems:
        raise ValidationError(problems)
    with st.read() as s:
        if s.get(TrainingSession, session_id) is None:
            raise NotFound(f"没有编号为 {session_id} 的培训记录。")
    # the temporary copy lies where the attachment store sweeps what a killed copy leaves
    tmp, sha, size = _copy_hashed(source, st.data.attachments)
    target = stored_path(st.data, sha, source.name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)  # same content under the same name: replacing is harmless
    finally:
        tmp.unlink(missing_ok=True)
    with st.begin(actor) as s:
        row = TrainingMaterial(session_id=session_id, file_name=source.name, sha256=sha, size_bytes=size,
                               added_at=st.clock.now())
        s.add(row)
        s.flush()
        return _info(row)


def list_materials(st: Station, actor: Actor, session_id: int) -> list[MaterialInfo]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        rows = s.scalars(select(TrainingMaterial).where(TrainingMaterial.session_id == session_id)
                         .order_by(TrainingMaterial.id))
        return [_info(m) for m in rows]


def material_path(st: Station, actor: Actor, material_id: int, *, verify: bool = False) -> Path:
    """Where the file is, to open it; ``verify`` re-hashes it first."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.get(TrainingMaterial, material_id)
        if row is None:
            raise NotFound(f"没有编号为 {material_id} 的培训材料。")
        info = _info(row)
    path = stored_path(st.data, info.sha256, info.file_name)
    if not path.is_file():
        raise IntegrityFailure(f"培训材料「{info.file_name}」的文件不见了（{path}）。请从备份恢复。")
    if verify:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != info.sha256:
            raise IntegrityFailure(f"培训材料「{info.file_name}」的文件内容已被改动，与登记时的校验值不符。")
    return path


def remove_material(st: Station, actor: Actor, material_id: int) -> None:
    require(actor, Permission.EDIT_TRAINING)
    with st.begin(actor) as s:
        row = s.get(TrainingMaterial, material_id)
        if row is None:
            raise NotFound(f"没有编号为 {material_id} 的培训材料。")
        s.delete(row)
    remove_unreferenced_files(st)


def remove_unreferenced_files(st: Station) -> int:
    """Delete stored files no material row points at any more (after the rows' deletion committed)."""
    folder = st.data.attachments / FOLDER
    if not folder.is_dir():
        return 0
    with st.read() as s:
        kept = {stored_path(st.data, sha, name) for sha, name in
                s.execute(select(TrainingMaterial.sha256, TrainingMaterial.file_name))}
    removed = 0
    for path in folder.glob("??/*"):
        if path.is_file() and path not in kept:
            path.unlink()
            removed += 1
    return removed
