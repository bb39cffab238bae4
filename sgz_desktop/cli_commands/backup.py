"""``sgz backup --to DIR`` and ``sgz restore --from DIR``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core import backup
from ..core.clock import SystemClock
from ..core.lock import DataDirLock
from ..core.roles import Permission, require
from ..core.sizes import human_size
from .base import Context, add_common

if TYPE_CHECKING:
    from .base import Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("backup", help="备份到文件夹或U盘（复制后自动校验）")
    add_common(p)
    p.add_argument("--to", dest="to", type=Path, required=True, metavar="DIR", help="备份到哪个文件夹")
    p.set_defaults(handler=make_backup)

    p = sub.add_parser("restore", help="从备份恢复（原数据先另存为备份）",
                       description="从备份文件夹恢复数据。程序窗口打开时不能恢复；恢复前会先校验备份，并把现有数据另存一份。")
    add_common(p)
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="DIR",
                   help="备份文件夹（名为 sgz-backup-… 的文件夹）")
    p.set_defaults(handler=restore)


def make_backup(ctx: Context) -> int:
    actor = ctx.login()
    info = backup.backup_to(ctx.station(), actor, ctx.args.to, ctx.progress())
    ctx.print(f"已备份到 {info.path}")
    checked = "无误" if info.verified else "（未校验）"
    ctx.print(f"共 {info.file_count} 个文件，{human_size(info.bytes)}，已校验{checked}。")
    return 0


def restore(ctx: Context) -> int:
    data = ctx.data
    data.root.mkdir(parents=True, exist_ok=True)
    with DataDirLock(data.lock_file):  # refuses while the window has this folder open
        if data.exists():
            # Replacing a station's data is for its administrator; an empty folder (a new PC) has no one yet.
            require(ctx.login(), Permission.RESTORE)
            ctx.close()
        result = backup.restore_from(data, ctx.args.source, SystemClock(), ctx.progress())
        info = result.restored
        ctx.print(f"已从 {info.path} 恢复「{info.station_name}」（备份于 {info.created_at:%Y-%m-%d %H:%M}）。")
        if result.previous is not None:
            ctx.print(f"恢复前的数据已另存到 {result.previous}")
        if result.set_aside_secret_file is not None:
            ctx.print(f"原站点的密钥文件已改名保存为 {result.set_aside_secret_file}")
        if not ctx.station().unlocked:
            ctx.print("本机没有这个站点的密钥，个人信息暂时无法读取。请用打印的恢复密钥恢复：sgz recover --key")
    return 0
