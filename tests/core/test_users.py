"""Accounts, passwords, lock-out and permissions enforced in the core."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sgz_desktop.core import profile, settings, users
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import AccountLocked, LoginFailed, PermissionDenied, ValidationError
from sgz_desktop.core.models import User
from sgz_desktop.core.passwords import hash_password, verify_password
from sgz_desktop.core.roles import ROLE_PERMISSIONS, Actor, Permission, Role
from sgz_desktop.core.station import Station
from tests.conftest import ADMIN_PASSWORD


def _add(st: Station, admin: Actor, username: str, role: Role) -> users.UserInfo:
    return users.create_user(st, admin, username=username, display_name=f"{role.label}甲", role=role,
                             password="Start2026pw", must_change_password=False)


def test_passwords_are_argon2id_hashes() -> None:
    stored = hash_password("Secret123")
    assert stored.startswith("argon2id$m=19456,t=2,p=1$")
    assert "Secret123" not in stored
    assert verify_password("Secret123", stored)
    assert not verify_password("Secret124", stored)
    assert not verify_password("Secret123", "garbage")
    assert hash_password("Secret123") != stored  # salted


def test_login_and_wrong_password(station: Station) -> None:
    actor = users.login(station, "FuZhanZhang ", ADMIN_PASSWORD)
    assert actor.role is Role.DEPUTY and actor.display_name == "王丽"
    with pytest.raises(LoginFailed, match="用户名或密码不正确"):
        users.login(station, "fuzhanzhang", "wrong-password1")
    with pytest.raises(LoginFailed, match="用户名或密码不正确"):
        users.login(station, "nobody", ADMIN_PASSWORD)


def test_lock_out_after_repeated_failures_and_admin_unlock(station: Station, admin: Actor,
                                                           clock: FixedClock) -> None:
    info = _add(station, admin, "shegong", Role.SOCIAL_WORKER)
    for _ in range(4):
        with pytest.raises(LoginFailed):
            users.login(station, "shegong", "bad-guess-1")
    with pytest.raises(AccountLocked, match="已锁定 15 分钟"):
        users.login(station, "shegong", "bad-guess-1")
    # Even the right password is refused while locked.
    with pytest.raises(AccountLocked):
        users.login(station, "shegong", "Start2026pw")
    clock.advance(minutes=16)
    assert users.login(station, "shegong", "Start2026pw").username == "shegong"
    for _ in range(5):
        with pytest.raises(LoginFailed):
            users.login(station, "shegong", "bad-guess-1")
    users.unlock(station, admin, info.id)
    assert users.login(station, "shegong", "Start2026pw").username == "shegong"


def test_lock_out_threshold_is_a_setting(station: Station, admin: Actor) -> None:
    settings.set_value(station, admin, "login.max_failures", "3")
    _add(station, admin, "caiwu", Role.FINANCE)
    for _ in range(2):
        with pytest.raises(LoginFailed):
            users.login(station, "caiwu", "nope-nope-1")
    with pytest.raises(AccountLocked):
        users.login(station, "caiwu", "nope-nope-1")


def test_change_and_reset_password(station: Station, admin: Actor) -> None:
    info = _add(station, admin, "dangan", Role.ARCHIVIST)
    archivist = users.login(station, "dangan", "Start2026pw")
    with pytest.raises(ValidationError, match="原密码"):
        users.change_password(station, archivist, "not-it-123", "NewPass2026")
    with pytest.raises(ValidationError, match="至少 8 位"):
        users.change_password(station, archivist, "Start2026pw", "short1")
    users.change_password(station, archivist, "Start2026pw", "NewPass2026")
    assert users.login(station, "dangan", "NewPass2026")
    reset = users.reset_password(station, admin, info.id, "Reset2026pw")
    assert reset.must_change_password
    assert users.login(station, "dangan", "Reset2026pw")


def test_bad_user_values_are_refused(station: Station, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="用户名"):
        users.create_user(station, admin, username="张三", display_name="张三", role=Role.HEAD, password="Good2026pw")
    with pytest.raises(ValidationError, match="已被使用"):
        users.create_user(station, admin, username="fuzhanzhang", display_name="某", role=Role.HEAD,
                          password="Good2026pw")
    with pytest.raises(ValidationError, match="字母和数字"):
        users.create_user(station, admin, username="abc", display_name="某", role=Role.HEAD, password="abcdefghij")


def test_the_last_admin_cannot_be_demoted(station: Station, admin: Actor) -> None:
    assert admin.user_id is not None
    with pytest.raises(ValidationError, match="至少要保留一个"):
        users.update_user(station, admin, admin.user_id, role=Role.HEAD)
    with pytest.raises(ValidationError, match="至少要保留一个"):
        users.update_user(station, admin, admin.user_id, active=False)


def test_disabled_user_cannot_log_in(station: Station, admin: Actor) -> None:
    info = _add(station, admin, "shixi", Role.SOCIAL_WORKER)
    users.update_user(station, admin, info.id, active=False)
    with pytest.raises(LoginFailed):
        users.login(station, "shixi", "Start2026pw")


@pytest.mark.parametrize("role", [Role.HEAD, Role.SOCIAL_WORKER, Role.FINANCE, Role.ARCHIVIST])
def test_forbidden_roles_are_refused_in_the_core(station: Station, admin: Actor, role: Role) -> None:
    _add(station, admin, "someone", role)
    actor = users.login(station, "someone", "Start2026pw")
    with pytest.raises(PermissionDenied, match="权限不足"):
        users.create_user(station, actor, username="x2", display_name="某", role=Role.HEAD, password="Good2026pw")
    with pytest.raises(PermissionDenied, match="不能修改站点信息"):
        profile.update_profile(station, actor, name="改名")
    with pytest.raises(PermissionDenied):
        settings.set_value(station, actor, "login.max_failures", 4)
    assert profile.get_profile(station).name == "江汉街道社会工作服务站"
    with station.read() as s:
        assert s.scalar(select(User).where(User.username == "x2")) is None


def test_head_reads_but_changes_nothing() -> None:
    assert ROLE_PERMISSIONS[Role.HEAD] == {Permission.VIEW, Permission.VIEW_AUDIT}
    # Art. 24: only the designated archivist finalises archive items, not even the admin.
    assert Permission.FINALISE_ARCHIVES not in ROLE_PERMISSIONS[Role.DEPUTY]
    assert Permission.FINALISE_ARCHIVES in ROLE_PERMISSIONS[Role.ARCHIVIST]
