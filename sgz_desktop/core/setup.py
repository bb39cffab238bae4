"""Setting up a new station: database, station secret, first administrator, recovery key."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

from . import audit, profile
from .clock import Clock, SystemClock
from .crypto import key_check, new_station_secret, recovery_key_from_secret, secret_from_recovery_key
from .db import migrate
from .db.engine import make_engine
from .errors import Problem, SecretUnavailable, ValidationError
from .models import Community, StationProfile, User
from .passwords import hash_password, password_problem
from .paths import DataDir
from .roles import SYSTEM, Actor, Permission, Role, require
from .secrets import FileSecretStore, KeyringSecretStore, SecretStore, keyring_problem
from .station import Station, open_station
from .users import USERNAME_RE


@dataclass(frozen=True)
class NewStation:
    name: str
    subdistrict: str
    district: str
    district_type: str
    fonds_code: str
    admin_username: str
    admin_display_name: str
    admin_password: str
    operator_org: str = ""
    responsible_person: str = ""
    contact_phone: str = ""
    address: str = ""
    city_avg_wage_fen: int = 0
    communities: tuple[str, ...] = ()


def _validate(new: NewStation) -> list[Problem]:
    problems = profile.validate_profile({k: getattr(new, k) for k in profile.EDITABLE})
    if not USERNAME_RE.match(new.admin_username):
        problems.append(Problem("管理员用户名", "只能用小写字母、数字和 . _ -，以字母开头"))
    if not new.admin_display_name.strip():
        problems.append(Problem("管理员姓名", "不能为空"))
    weak = password_problem(new.admin_password)
    if weak:
        problems.append(Problem("管理员密码", weak))
    names = [c.strip() for c in new.communities if c.strip()]
    if len(names) != len(set(names)):
        problems.append(Problem("社区", "名称有重复"))
    return problems


def choose_secret_store(data: DataDir, allow_file: bool) -> SecretStore:
    """The OS keyring when it works; a secret file only when the user explicitly chose it."""
    problem = keyring_problem()
    if problem is None:
        return KeyringSecretStore()
    if allow_file:
        return FileSecretStore(data.secret_file)
    raise SecretUnavailable(
        f"{problem}站点密钥需要安全保存。可以改为把密钥保存在数据目录中的仅本人可读文件里"
        "（命令行加 --secret-file，或在设置向导中勾选），但请务必打印并妥善保管恢复密钥。"
    )


def init_station(data: DataDir, new: NewStation, *, secret_store: SecretStore,
                 clock: Clock | None = None) -> tuple[Station, str]:
    """Create the station; returns it opened, and the recovery key to show and print once."""
    clock = clock or SystemClock()
    if data.exists():
        raise ValidationError(Problem("数据目录", f"{data.root} 中已经有社工站数据库，不能重复初始化"))
    problems = _validate(new)
    if problems:
        raise ValidationError(problems)
    data.ensure()
    tmp = data.database.with_name("station.db.creating")
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    secret = new_station_secret()
    station_uuid = str(uuid.uuid4())
    engine = make_engine(tmp)
    try:
        migrate.upgrade(engine, data.backups, clock)
        st = Station(data=data, engine=engine, clock=clock, secret_store=secret_store)
        with st.begin(SYSTEM) as s:
            s.add(StationProfile(
                id=1, station_uuid=station_uuid, name=new.name.strip(), subdistrict=new.subdistrict.strip(),
                district=new.district.strip(), district_type=new.district_type,
                fonds_code=new.fonds_code.strip(), operator_org=new.operator_org.strip(),
                responsible_person=new.responsible_person.strip(), contact_phone=new.contact_phone.strip(),
                address=new.address.strip(), city_avg_wage_fen=new.city_avg_wage_fen,
                secret_location=secret_store.kind if secret_store.kind == "file" else "keyring",
                key_check=key_check(secret), created_at=clock.now()))
            for order, name in enumerate((c.strip() for c in new.communities if c.strip()), start=1):
                kind = "村" if name.endswith("村") else "社区"
                s.add(Community(name=name, kind=kind, sort_order=order, active=True))
            s.add(User(username=new.admin_username, display_name=new.admin_display_name.strip(),
                       role=Role.DEPUTY.value, password_hash=hash_password(new.admin_password),
                       failed_attempts=0, must_change_password=False, active=True, created_at=clock.now()))
            audit.record_event(s, "setup", f"新建站点「{new.name}」")
        engine.dispose()  # the last connection to close folds the WAL back into the file
        # The secret goes to its store only once the database is complete, then the file takes its name.
        secret_store.put(station_uuid, secret)
        for suffix in ("-wal", "-shm"):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, data.database)
    except BaseException:
        engine.dispose()
        tmp.unlink(missing_ok=True)
        raise
    return open_station(data, clock=clock, secret_store=secret_store), recovery_key_from_secret(secret)


def restore_secret(st: Station, recovery_key: str) -> None:
    """On a new or reinstalled PC: put the station secret back from the printed recovery key."""
    secret = secret_from_recovery_key(recovery_key)
    st.unlock(secret)  # refuses a key that belongs to another station
    st.secret_store.put(st.profile_row().station_uuid, secret)
    with st.begin(SYSTEM) as s:
        audit.record_event(s, "recover_key", "已用恢复密钥恢复站点密钥")


def recovery_key(st: Station, actor: Actor) -> str:
    """Show the recovery key again (an administrator re-printing a lost sheet); the showing is audited."""
    require(actor, Permission.MANAGE_USERS)
    key = recovery_key_from_secret(st.secret())
    with st.begin(actor) as s:
        audit.record_event(s, "show_recovery_key", "重新显示/打印了恢复密钥")
    return key
