"""``sgz about``: version, where the program and the data are, and which keyring this PC offers."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..core.about import runtime_info
from .base import Context

if TYPE_CHECKING:
    from .base import Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("about", help="显示版本、程序与数据位置、密钥环情况（报修时使用）",
                       description="显示版本号、程序位置、数据目录、数据库结构版本和本机密钥环的情况。不需要登录。")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供脚本读取）")
    p.set_defaults(handler=about)


def about(ctx: Context) -> int:
    info = runtime_info(ctx.data)
    if ctx.args.json:
        ctx.print(json.dumps(info.as_dict(), ensure_ascii=False, indent=2))
        return 0
    ctx.print(f"社工站桌面管理套件 sgz-desktop {info.version}（{'安装版' if info.frozen else '源码运行'}）")
    ctx.print(f"程序位置：{info.program}")
    ctx.print(f"Python {info.python}，{info.platform}")
    ctx.print(f"数据目录：{info.data_dir}")
    ctx.print(f"数据库结构版本：{info.schema_head}（本程序可读取 {len(info.migrations)} 个版本）")
    if info.keyring_problem:
        ctx.print(f"密钥环：不可用。{info.keyring_problem}")
    else:
        ctx.print(f"密钥环：{info.keyring_backend}")
    for b in info.keyring_backends:
        state = f"可用（优先级 {b.priority:g}）" if b.priority is not None else f"不可用：{b.reason}"
        ctx.print(f"  {b.name}：{state}")
    return 0
