"""``sgz init``, ``sgz demo``, ``sgz check``, ``sgz recovery-key``, ``sgz recover``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import checks, profile, setup
from ..core.db import migrate
from ..core.demo import make_demo
from ..core.lock import DataDirLock
from ..core.setup import NewStation, choose_secret_store, init_station, restore_secret
from ..core.station import Station
from .base import ENV_PASSWORD, Context, add_common, ask_secret, new_password

if TYPE_CHECKING:
    from .base import Subcommands

ENV_RECOVERY_KEY = "SGZ_RECOVERY_KEY"
KEY_WARNING = ("请立即抄写或打印这个恢复密钥，锁入档案柜（不要和备份U盘放在一起）。"
               "电脑重装或更换时，没有它就无法读取人员的身份证号、电话等个人信息。本密钥只显示这一次。")


def register(sub: Subcommands) -> None:
    p = sub.add_parser("init", help="建立新的社工站", description="建立新的社工站：站点信息、第一个管理员、恢复密钥。")
    add_common(p)
    p.add_argument("--name", default="", help="站点名称，如 江岸区后湖街道社会工作服务站")
    p.add_argument("--subdistrict", default="", help="街道（乡镇）")
    p.add_argument("--district", default="", help="区")
    p.add_argument("--district-type", default="", help="中心城区 或 新城区")
    p.add_argument("--fonds", default="", help="全宗号，如 Z109")
    p.add_argument("--operator", default="", help="承接机构")
    p.add_argument("--responsible", default="", help="负责人")
    p.add_argument("--phone", default="", help="联系电话")
    p.add_argument("--city-wage", type=float, default=0.0, metavar="YUAN", help="全市职工月平均工资（元）")
    p.add_argument("--admin", default="", metavar="USERNAME", help="管理员（副站长）登录名")
    p.add_argument("--admin-name", default="", metavar="NAME", help="管理员姓名")
    p.add_argument("--communities", default="", help="社区（村）名称，用逗号分隔")
    p.add_argument("--secret-file", action="store_true",
                   help="没有系统密钥环时，把站点密钥存在数据目录中的仅本人可读文件里")
    p.add_argument("--recovery-pdf", type=Path, metavar="FILE", help="同时把恢复密钥写成可打印的 PDF")
    p.set_defaults(handler=init)

    p = sub.add_parser("demo", help="建立演示站点", description="建立一个虚构的演示站点（武汉市江岸区后湖街道）。")
    add_common(p)
    p.add_argument("--years", type=int, default=3, help="演示数据覆盖的年数（默认 3）")
    p.add_argument("--scale", type=int, default=1, help="人员等记录数的倍数（性能测试用）")
    p.add_argument("--password", help="演示账号的共同密码（默认随机生成）")
    p.add_argument("--files-mb", type=int, metavar="MB",
                   help="演示档案扫描件的总大小（默认 60 MB，每增加一倍多 110 MB；快速试用可设小些）")
    p.set_defaults(handler=demo)

    p = sub.add_parser("check", help="检查数据完整性和合规情况",
                       description="数据库完整性、外键、结构版本、站点密钥，以及各项合规检查。数据有损坏时退出码为 1。")
    add_common(p)
    p.add_argument("--deep", action="store_true", help="逐项解密所有个人信息字段（较慢）")
    p.set_defaults(handler=check)

    p = sub.add_parser("recovery-key", help="再次显示或打印恢复密钥（仅副站长）")
    add_common(p)
    p.add_argument("--pdf", type=Path, metavar="FILE", help="写成可打印的 PDF")
    p.set_defaults(handler=recovery_key)

    p = sub.add_parser("recover", help="在新电脑上用恢复密钥恢复站点密钥",
                       description="恢复密钥从环境变量 SGZ_RECOVERY_KEY 读取，没有时提示输入。")
    add_common(p)
    p.add_argument("--key", action="store_true", help="用打印的恢复密钥恢复（默认方式）")
    p.set_defaults(handler=recover)


def _communities(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.replace("，", ",").replace("、", ",").split(",") if c.strip())


def init(ctx: Context) -> int:
    a, data = ctx.args, ctx.data
    store = choose_secret_store(data, allow_file=a.secret_file)
    password = new_password(ENV_PASSWORD, f"为管理员 {a.admin} 设置密码：")
    new = NewStation(
        name=a.name, subdistrict=a.subdistrict, district=a.district, district_type=a.district_type,
        fonds_code=a.fonds, operator_org=a.operator, responsible_person=a.responsible, contact_phone=a.phone,
        city_avg_wage_fen=round(a.city_wage * 100), admin_username=a.admin, admin_display_name=a.admin_name,
        admin_password=password, communities=_communities(a.communities))
    data.root.mkdir(parents=True, exist_ok=True)
    with DataDirLock(data.lock_file):
        st, key = init_station(data, new, secret_store=store)
        try:
            ctx.print(f"已建立站点「{new.name}」，数据目录 {data.root}")
            ctx.print(f"管理员（副站长）登录名：{new.admin_username}")
            ctx.print("")
            ctx.print(f"恢复密钥：{key}")
            ctx.print(KEY_WARNING)
            if a.recovery_pdf:
                _write_sheet(ctx, st, a.recovery_pdf, key)
        finally:
            st.close()
    return 0


def _write_sheet(ctx: Context, st: Station, out: Path, key: str) -> None:
    from ..core.reports.recovery import write_recovery_sheet  # reportlab loads only when a PDF is asked for

    path = write_recovery_sheet(out, profile.get_profile(st), key, st.clock.now())
    ctx.print(f"恢复密钥单已写入 {path}，打印后请删除这个文件。")


def demo(ctx: Context) -> int:
    a, data = ctx.args, ctx.data
    data.root.mkdir(parents=True, exist_ok=True)
    with DataDirLock(data.lock_file):
        result = make_demo(data, password=a.password, years=a.years, scale=a.scale, progress=ctx.progress(),
                           files_mb=a.files_mb)
    ctx.print(f"已建立演示站点「{result.station_name}」，数据目录 {data.root}")
    counts = result.counts
    ctx.print(f"社区（村）{counts.get('communities', 0)} 个，人员 {counts.get('staff', 0)} 名。")
    ctx.print("登录账号（密码相同）：")
    for username, role in result.logins.items():
        ctx.print(f"  {username:<12} {role}")
    ctx.print(f"密码：{result.password}")
    ctx.print(f"恢复密钥（演示用）：{result.recovery_key}")
    return 0


_MARK = {checks.Status.OK: "[通过]", checks.Status.WARNING: "[提醒]", checks.Status.FAILING: "[问题]"}


def _line(r: checks.CheckResult) -> str:
    article = f"〔{r.article}〕" if r.article else ""
    detail = "" if r.status is checks.Status.OK else f"。{r.detail}"
    return f"  {_MARK[r.status]} {r.title}{article}：{r.figure}{detail}"


def check(ctx: Context) -> int:
    # Opened like everywhere else: an older schema is upgraded (after its automatic backup) so the
    # checks, written for the current schema, can read it.
    st = ctx.station()
    integrity = checks.run_integrity(st, deep=ctx.args.deep)
    ctx.print(f"{st.profile_row().name}（{ctx.data.root}）")
    ctx.print("数据完整性")
    for r in integrity:
        ctx.print(_line(r))
    broken = [r for r in integrity if r.status is checks.Status.FAILING]
    if migrate.current_revision(st.engine) != migrate.head_revision():
        ctx.print("数据库结构不是最新版本，无法做合规检查。")
        return 1 if broken else 0
    compliance = checks.run_compliance(st)
    ctx.print("合规检查")
    for r in compliance:
        ctx.print(_line(r))
    tally = {s: sum(1 for r in compliance if r.status is s) for s in checks.Status}
    ctx.print("")
    ctx.print(("数据完整性：发现问题，请尽快处理。" if broken else "数据完整性：完好。")
              + f"合规检查：{tally[checks.Status.OK]} 项符合，{tally[checks.Status.WARNING]} 项提醒，"
              f"{tally[checks.Status.FAILING]} 项不符合。")
    return 1 if broken else 0


def recovery_key(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    key = setup.recovery_key(st, actor)
    ctx.print(f"恢复密钥：{key}")
    ctx.print("请妥善保管，不要拍照或发到聊天群。")
    if ctx.args.pdf:
        _write_sheet(ctx, st, ctx.args.pdf, key)
    return 0


def recover(ctx: Context) -> int:
    ctx.login()  # who did it is on record; the key itself is the proof
    st = ctx.station()
    if st.unlocked:
        ctx.print("本机已有本站点的密钥，无需恢复。")
        return 0
    key = os.environ.get(ENV_RECOVERY_KEY) or ask_secret("请输入恢复密钥（56 个字母数字，连字符可省略）：")
    restore_secret(st, key)
    ctx.print("站点密钥已恢复，个人信息可以正常读取了。")
    return 0
