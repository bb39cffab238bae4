"""``sgz export-year`` and ``sgz export-project`` (the archive officer); ``sgz verify``, the receiving
subdistrict's, is in ``verify``.

    sgz export-year YEAR --out DIR [--override-reason TEXT] [--replace] [--quiet]
    sgz export-project PROJECT_ID --out DIR [--override-reason TEXT] [--replace] [--quiet]
    sgz export-project --list
    sgz handovers
    sgz station-key [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.package.collect import project_choices
from ..core.package.export import ExportResult, export_project, export_year
from ..core.package.history import list_exports
from ..core.package.station_key import save_station_key, station_key
from ..core.progress import Progress
from ..core.sizes import human_size
from .base import Context, UsageError, add_common, table

if TYPE_CHECKING:
    from .base import Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("export-year", help="导出年度档案移交包（档案员）",
                       description="导出某一年度的档案移交包（zip，内含 BagIt 包），"
                                   "并在旁边生成 .sha256 和登记表 PDF。")
    add_common(p)
    p.add_argument("year", type=int, metavar="YEAR", help="档案年度，如 2025")
    _export_options(p, out_required=True, blocked_by="本年度仍有草稿或未审核账目")
    p.set_defaults(handler=export)

    # Its own command rather than ``export-year --project``: a different positional (a project number, not a
    # year), a different package name and a list to find the number, each with its own help text.
    p = sub.add_parser("export-project", help="导出某个服务项目周期的档案移交包（档案员）",
                       description="导出一个服务项目（项目周期）的档案移交包：项目周期内属于该项目的已归档档案、"
                                   "目录、移交清单和该项目的登记簿册（账目、志愿服务、周期内的人员与培训），"
                                   "并在旁边生成 .sha256 和登记表 PDF。没有结束日期的项目计至今天。")
    add_common(p)
    p.add_argument("project", type=int, nargs="?", metavar="PROJECT_ID",
                   help="项目编号（用 --list 查看）")
    p.add_argument("--list", action="store_true", help="列出服务项目及其编号、周期和已归档件数")
    _export_options(p, out_required=False, blocked_by="项目仍有草稿、未审核账目或周期外档案")  # not with --list
    p.set_defaults(handler=export_cycle)

    p = sub.add_parser("handovers", help="移交记录：本站导出过的移交包",
                       description="列出本站导出过的每个移交包（新的在前）：导出时间、范围、包名、件数、大小、"
                                   "压缩包 SHA-256、导出人和保存位置。")
    add_common(p)
    p.set_defaults(handler=handovers)

    p = sub.add_parser("station-key", help="站点公钥：交街道登记，用于核对移交包的签名",
                       description="显示站点公钥（PEM）及其指纹（与登记表上的“站点公钥指纹”相同）；"
                                   "用 --out 保存为文件，交街道登记一次。街道校验时用 sgz verify --public-key 文件。")
    add_common(p)
    p.add_argument("--out", type=Path, metavar="DIR", help="把公钥保存到这个文件夹（如 U 盘）")
    p.set_defaults(handler=show_station_key)


def _export_options(p: argparse.ArgumentParser, *, out_required: bool, blocked_by: str) -> None:
    """The options both exports share; ``blocked_by`` says what an override reason overrides."""
    p.add_argument("--out", type=Path, required=out_required, metavar="DIR", help="保存到哪个文件夹（如 U 盘）")
    p.add_argument("--override-reason", metavar="TEXT", help=f"{blocked_by}时，强制导出的理由（记入操作日志）")
    p.add_argument("--replace", action="store_true", help="目标文件夹中已有同名移交包时覆盖")
    xml = p.add_mutually_exclusive_group()
    xml.add_argument("--xml", dest="xml", action="store_true", default=None,
                     help="每件档案另附 XML 元数据 metadata.xml（不写时按设置“移交包中每件档案另附 XML 元数据”）")
    xml.add_argument("--no-xml", dest="xml", action="store_false", help="这次不附 XML 元数据")
    p.add_argument("--quiet", action="store_true", help="不显示进度")


def export(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    progress = Progress() if ctx.args.quiet else ctx.progress()
    result = export_year(st, actor, ctx.args.year, ctx.args.out, override_reason=ctx.args.override_reason,
                         progress=progress, replace=ctx.args.replace, xml=ctx.args.xml)
    return _print_result(ctx, result, f"{ctx.args.year} 年度移交包")


def export_cycle(ctx: Context) -> int:
    args = ctx.args
    if args.list:
        return _list_projects(ctx)
    if args.project is None or args.out is None:
        raise UsageError("请给出项目编号和 --out 文件夹，如 sgz export-project 3 --out 文件夹；"
                         "项目编号用 sgz export-project --list 查看。")
    actor = ctx.login()
    st = ctx.station()
    progress = Progress() if args.quiet else ctx.progress()
    result = export_project(st, actor, args.project, args.out, override_reason=args.override_reason,
                            progress=progress, replace=args.replace, xml=args.xml)
    scope = result.scope
    what = f"{scope.short}（{scope.period_text}）移交包" if scope is not None else "项目移交包"
    return _print_result(ctx, result, what)


def _list_projects(ctx: Context) -> int:
    choices = project_choices(ctx.station(), ctx.login())
    rows = [["编号", "项目", "开始日期", "结束日期", "已归档件数"]]
    rows += [[str(c.id), c.label, c.start_date.isoformat(), c.end_date.isoformat() if c.end_date else "（未结束）",
              str(c.items)] for c in choices]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(choices)} 个项目；导出：sgz export-project 编号 --out 文件夹")
    return 0


def handovers(ctx: Context) -> int:
    records = list_exports(ctx.station(), ctx.login())
    rows = [["导出时间", "范围", "移交包", "件数", "大小", "SHA-256", "导出人", "位置"]]
    rows += [[f"{r.exported_at:%Y-%m-%d %H:%M}", r.scope_label, r.name, str(r.items), human_size(r.zip_bytes),
              r.zip_sha256, r.exported_by, str(r.zip_path) + ("" if r.zip_path.is_file() else "（现已不在）")]
             for r in records]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(records)} 次导出" if records else "还没有导出过移交包。")
    return 0


def show_station_key(ctx: Context) -> int:
    st, actor = ctx.station(), ctx.login()
    key = station_key(st, actor)
    if ctx.args.out is not None:
        path = save_station_key(st, actor, ctx.args.out)
        ctx.print(f"已保存站点公钥：{path}")
    else:
        ctx.print(key.pem.decode("ascii").rstrip("\n"))
    ctx.print(f"指纹：{key.fingerprint}（与登记表上的“站点公钥指纹”相同）")
    return 0


def _print_result(ctx: Context, result: ExportResult, what: str) -> int:
    if ctx.args.quiet:
        ctx.print(result.zip_path)
        return 0
    ctx.print(f"已导出{what}：{result.zip_path}")
    ctx.print(f"  {result.items} 件档案，{result.files} 个文件，{human_size(result.record_bytes)}；"
              f"压缩包 {human_size(result.zip_bytes)}")
    ctx.print(f"  SHA-256：{result.zip_sha256}")
    ctx.print(f"  哈希文件：{result.sha256_path.name}；登记表：{result.form_path.name}（请打印后双方签字）")
    if result.overridden:
        ctx.print(f"  注意：强制导出，仍有 {len(result.overridden)} 项未处理，理由已记入操作日志。")
    return 0


