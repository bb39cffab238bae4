"""The station's public key, for the subdistrict to register (登记) once: the verifier then checks every later
package's signature against the registered key (``sgz verify --public-key``), not only against the key the
package carries, which anyone who made a package could have put there.

The key is derived from the station secret, so it stays the same across backups, restores and new PCs; its
fingerprint is printed on every registration form for the two sides to compare."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..audit import record_event
from ..crypto import public_key_pem
from ..durable import write_small_file
from ..errors import Problem, ValidationError
from ..profile import get_profile
from ..roles import Actor, Permission, require
from ..station import Station
from .layout import key_file_name
from .verify import key_fingerprint


@dataclass(frozen=True)
class StationKey:
    pem: bytes
    fingerprint: str  # as on the registration form: eight groups of four hex digits


def station_key(st: Station, actor: Actor) -> StationKey:
    require(actor, Permission.EXPORT_YEAR)
    pem = public_key_pem(st.secret())
    return StationKey(pem, key_fingerprint(pem))


def save_station_key(st: Station, actor: Actor, out_dir: Path) -> Path:
    """Write ``<全宗号>-站点公钥.pem`` into ``out_dir`` (e.g. a USB drive for the subdistrict); logged."""
    key = station_key(st, actor)
    if not out_dir.is_dir():
        raise ValidationError(Problem("目标文件夹", f"{out_dir} 不存在或不是文件夹"))
    target = out_dir / key_file_name(get_profile(st).fonds_code)
    write_small_file(target, key.pem)
    with st.begin(actor) as s:
        record_event(s, "export_public_key", f"导出站点公钥 {target.name}，指纹 {key.fingerprint}")
    return target
