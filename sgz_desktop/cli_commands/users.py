"""``sgz users list|add|reset|unlock|set-role|disable|enable``: local accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import users
from ..core.errors import NotFound
from ..core.roles import ROLE_LABELS, Actor, Permission, Role, require
from ..core.station import Station
from .base import ENV_NEW_PASSWORD, Context, UsageError, add_common, new_password, table

if TYPE_CHECKING:
    from .base import Subcommands

ROLE_HELP = "角色：" + "，".join(f"{r.value}（{r.label}）" for r in Role)


def parse_role(text: str) -> Role:
    """``finance`` or ``财务`` both name a role."""
    for role in Role:
        if text.strip() in (role.value, role.label):
            return role
    raise UsageError(f"没有角色「{text}」。可用的{ROLE_HELP}。")


def register(sub: Subcommands) -> None:
    p = sub.add_parser("users", help="用户账号", description="用户账号的查看和管理（管理操作仅副站长）。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("list", help="列出所有账号")
    add_common(a)
    a.set_defaults(handler=list_accounts)

    a = actions.add_parser("add", help="新建账号（新密码从 SGZ_NEW_PASSWORD 读取或提示输入）")
    add_common(a)
    a.add_argument("username")
    a.add_argument("--name", required=True, help="姓名")
    a.add_argument("--role", required=True, help=ROLE_HELP)
    a.set_defaults(handler=add)

    a = actions.add_parser("reset", help="重设密码并解锁（新密码从 SGZ_NEW_PASSWORD 读取或提示输入）")
    add_common(a)
    a.add_argument("username")
    a.set_defaults(handler=reset)

    a = actions.add_parser("unlock", help="解锁因输错密码被锁的账号")
    add_common(a)
    a.add_argument("username")
    a.set_defaults(handler=unlock)

    a = actions.add_parser("set-role", help="修改角色")
    add_common(a)
    a.add_argument("username")
    a.add_argument("role", help=ROLE_HELP)
    a.set_defaults(handler=set_role)

    for name, handler, text in (("disable", disable, "停用账号"), ("enable", enable, "重新启用账号")):
        a = actions.add_parser(name, help=text)
        add_common(a)
        a.add_argument("username")
        a.set_defaults(handler=handler)


def _find(st: Station, actor: Actor, username: str) -> users.UserInfo:
    for info in users.list_users(st, actor):
        if info.username == username.strip().lower():
            return info
    raise NotFound(f"没有用户名为 {username} 的账号。")


def _status(info: users.UserInfo, st: Station) -> str:
    if not info.active:
        return "已停用"
    if info.locked_until and info.locked_until > st.clock.now():
        return f"锁定至 {info.locked_until:%H:%M}"
    return "需改密码" if info.must_change_password else "正常"


def list_accounts(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    rows = [["用户名", "姓名", "角色", "状态", "上次登录"]]
    for info in users.list_users(st, actor):
        last = f"{info.last_login_at:%Y-%m-%d %H:%M}" if info.last_login_at else "—"
        rows.append([info.username, info.display_name, ROLE_LABELS[info.role], _status(info, st), last])
    for line in table(rows):
        ctx.print(line)
    return 0


def add(ctx: Context) -> int:
    actor = ctx.login()
    role = parse_role(ctx.args.role)
    require(actor, Permission.MANAGE_USERS)  # before asking for a password; the core checks again
    password = new_password(ENV_NEW_PASSWORD, f"为 {ctx.args.username} 设置初始密码：")
    info = users.create_user(ctx.station(), actor, username=ctx.args.username, display_name=ctx.args.name,
                             role=role, password=password)
    ctx.print(f"已新建账号 {info.username}（{info.display_name}，{info.role_label}），首次登录时需修改密码。")
    return 0


def reset(ctx: Context) -> int:
    actor = ctx.login()
    require(actor, Permission.MANAGE_USERS)
    target = _find(ctx.station(), actor, ctx.args.username)
    password = new_password(ENV_NEW_PASSWORD, f"为 {target.username} 设置新密码：")
    users.reset_password(ctx.station(), actor, target.id, password)
    ctx.print(f"已重设 {target.username} 的密码并解锁，下次登录时需修改密码。")
    return 0


def unlock(ctx: Context) -> int:
    actor = ctx.login()
    target = _find(ctx.station(), actor, ctx.args.username)
    users.unlock(ctx.station(), actor, target.id)
    ctx.print(f"已解锁 {target.username}。")
    return 0


def set_role(ctx: Context) -> int:
    actor = ctx.login()
    role = parse_role(ctx.args.role)
    target = _find(ctx.station(), actor, ctx.args.username)
    info = users.update_user(ctx.station(), actor, target.id, role=role)
    ctx.print(f"{info.username} 的角色已改为 {info.role_label}。")
    return 0


def disable(ctx: Context) -> int:
    actor = ctx.login()
    target = _find(ctx.station(), actor, ctx.args.username)
    users.update_user(ctx.station(), actor, target.id, active=False)
    ctx.print(f"已停用 {target.username}。")
    return 0


def enable(ctx: Context) -> int:
    actor = ctx.login()
    target = _find(ctx.station(), actor, ctx.args.username)
    users.update_user(ctx.station(), actor, target.id, active=True)
    ctx.print(f"已启用 {target.username}。")
    return 0
