"""Local accounts: login with lock-out, creation, password change and admin reset."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import audit, settings
from .errors import AccountLocked, LoginFailed, NotFound, Problem, ValidationError
from .models import User
from .passwords import hash_password, password_problem, verify_password
from .roles import SYSTEM, Actor, Permission, Role, require
from .station import Station

USERNAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None
    must_change_password: bool
    last_login_at: dt.datetime | None

    @property
    def role_label(self) -> str:
        return self.role.label


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.display_name, Role(u.role), u.active, u.locked_until,
                    u.must_change_password, u.last_login_at)


def _actor(u: User) -> Actor:
    return Actor(user_id=u.id, username=u.username, display_name=u.display_name, role=Role(u.role))


def _check_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise ValidationError(Problem("密码", problem))


def login(st: Station, username: str, password: str) -> Actor:
    """Check a password; after too many failures the account is locked for a while."""
    max_failures = int(settings.get(st, settings.LOGIN_MAX_FAILURES))
    lock_minutes = int(settings.get(st, settings.LOGIN_LOCK_MINUTES))
    now = st.clock.now()
    failure: LoginFailed | None = None
    with st.begin(SYSTEM) as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or not user.active:
            audit.record_event(s, "login_failed", f"未知或已停用的用户名：{username}", table="app_user")
            raise LoginFailed("用户名或密码不正确。")
        if user.locked_until and user.locked_until > now:
            raise AccountLocked(
                f"账号 {user.username} 因多次输错密码已锁定，{user.locked_until:%H:%M} 后可再试，"
                "或请副站长在“设置 → 用户”中解锁。"
            )
        if verify_password(password, user.password_hash):
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            actor = _actor(user)
            audit.record_event(s, "login", f"{user.display_name} 登录", table="app_user",
                               record_id=str(user.id), actor=actor)
            return actor
        user.failed_attempts += 1
        left = max_failures - user.failed_attempts
        if left <= 0:
            user.locked_until = now + dt.timedelta(minutes=lock_minutes)
            user.failed_attempts = 0
            failure = AccountLocked(f"密码连续输错 {max_failures} 次，账号已锁定 {lock_minutes} 分钟。")
        else:
            failure = LoginFailed(f"用户名或密码不正确。再输错 {left} 次账号将被锁定。")
        audit.record_event(s, "login_failed", f"{user.username} 密码错误", table="app_user",
                           record_id=str(user.id))
    # Raised after the commit, so the failure count is kept.
    raise failure


def create_user(st: Station, actor: Actor, *, username: str, display_name: str, role: Role,
                password: str, must_change_password: bool = True) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise ValidationError(Problem("用户名", "只能用小写字母、数字和 . _ -，以字母开头，2–40 位"))
    if not display_name.strip():
        raise ValidationError(Problem("姓名", "不能为空"))
    _check_password(password)
    with st.begin(actor) as s:
        if s.scalar(select(func.count()).where(User.username == username)):
            raise ValidationError(Problem("用户名", f"{username} 已被使用"))
        user = User(username=username, display_name=display_name.strip(), role=role.value,
                    password_hash=hash_password(password), failed_attempts=0,
                    must_change_password=must_change_password, active=True, created_at=st.clock.now())
        s.add(user)
        s.flush()
        return _info(user)


def list_users(st: Station, actor: Actor) -> list[UserInfo]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return [_info(u) for u in s.scalars(select(User).order_by(User.id))]


def _get(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound(f"没有编号为 {user_id} 的用户。")
    return user


def change_password(st: Station, actor: Actor, old_password: str, new_password: str) -> None:
    """A user changes their own password."""
    if actor.user_id is None:
        raise NotFound("系统账号没有密码。")
    _check_password(new_password)
    with st.begin(actor) as s:
        user = _get(s, actor.user_id)
        if not verify_password(old_password, user.password_hash):
            raise ValidationError(Problem("原密码", "不正确"))
        if old_password == new_password:
            raise ValidationError(Problem("新密码", "不能与原密码相同"))
        user.password_hash = hash_password(new_password)
        user.must_change_password = False


def reset_password(st: Station, actor: Actor, user_id: int, new_password: str) -> UserInfo:
    """An admin sets a new password (the user must change it at next login) and unlocks the account."""
    require(actor, Permission.MANAGE_USERS)
    _check_password(new_password)
    with st.begin(actor) as s:
        user = _get(s, user_id)
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.failed_attempts = 0
        user.locked_until = None
        return _info(user)


def _admins_left(s: Session, excluding: int) -> int:
    return s.scalar(select(func.count()).where(User.role == Role.DEPUTY.value, User.active.is_(True),
                                               User.id != excluding)) or 0


def update_user(st: Station, actor: Actor, user_id: int, *, display_name: str | None = None,
                role: Role | None = None, active: bool | None = None) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    with st.begin(actor) as s:
        user = _get(s, user_id)
        demoting = (role is not None and role != Role.DEPUTY) or active is False
        if demoting and user.role == Role.DEPUTY.value and _admins_left(s, user.id) == 0:
            raise ValidationError(Problem("角色", "至少要保留一个在用的副站长（管理员）账号"))
        if display_name is not None:
            if not display_name.strip():
                raise ValidationError(Problem("姓名", "不能为空"))
            user.display_name = display_name.strip()
        if role is not None:
            user.role = role.value
        if active is not None:
            user.active = active
        return _info(user)


def unlock(st: Station, actor: Actor, user_id: int) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    with st.begin(actor) as s:
        user = _get(s, user_id)
        user.failed_attempts = 0
        user.locked_until = None
        return _info(user)
