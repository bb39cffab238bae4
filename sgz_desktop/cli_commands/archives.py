"""``sgz archives``: register items with their files, file them (归档), print the catalogue.

    sgz archives list [--year Y] [--category WS] [--retention Y|D30|D10] [--status draft|final] [--text T]
    sgz archives show ID
    sgz archives add FILE... --title TITLE [--date D] [--category WS] [--retention D30] [--org BGS] ...
    sgz archives finalise ID...                     (档案员 only)
    sgz archives catalogue --year Y --out FILE.pdf|FILE.xlsx [--category WS] [--retention Y]
    sgz archives due [--out FILE.pdf|FILE.xlsx]
    sgz archives file-from training|ledger|activity ID
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import archive_filing, archive_sources, archives
from ..core.archive_retention import ACCOUNTING_KINDS, RETENTIONS
from ..core.archive_tables import DUE_COLUMNS, due_table
from ..core.archives import CLASSIFICATIONS, ItemInput, SourceRef
from ..core.excel import write_table_xlsx
from ..core.reports.archives import write_catalogue_pdf, write_catalogue_xlsx, write_due_pdf
from ..core.sizes import human_size
from ..core.tables import TableQuery, iter_rows
from .base import Context, UsageError, add_common, table

if TYPE_CHECKING:
    import argparse

    from .base import Handler, Subcommands

SOURCE_KINDS = {"training": archive_sources.TRAINING, "ledger": archive_sources.LEDGER,
                "activity": archive_sources.ACTIVITY}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期「{text}」的格式不对，请写成 2026-03-02。") from None


def _action(actions: Subcommands, name: str, text: str, handler: Handler) -> argparse.ArgumentParser:
    a = actions.add_parser(name, help=text, description=text)
    add_common(a)
    a.set_defaults(handler=handler)
    return a


def register(sub: Subcommands) -> None:
    p = sub.add_parser("archives", help="档案：登记、归档、目录",
                       description="档案（第二十三、二十四条）：登记档案及其扫描件，由档案员归档编号，打印归档文件目录。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = _action(actions, "list", "列出档案（按年度、门类、保管期限筛选）", archives_list)
    a.add_argument("--year", type=int, help="年度")
    a.add_argument("--category", help="门类代码，如 WS 文书、KU 会计")
    a.add_argument("--retention", choices=RETENTIONS, help="保管期限：Y 永久、D30 定期30年、D10 定期10年")
    a.add_argument("--status", choices=("draft", "final"), help="draft 草稿；final 已归档")
    a.add_argument("--text", default="", help="题名、档号或文号中包含的文字")
    _action(actions, "show", "显示一件档案的著录项目、文件和更正记录", archives_show).add_argument("id", type=int)

    a = _action(actions, "add", "登记一件档案（草稿），附上它的文件", archives_add)
    a.add_argument("files", type=Path, nargs="+", metavar="FILE", help="PDF 或 JPEG/PNG/TIFF 扫描件")
    a.add_argument("--title", required=True, help="题名")
    a.add_argument("--date", type=_date, help="文件日期（默认今天）")
    a.add_argument("--category", default="WS", help="门类代码（默认 WS 文书）")
    a.add_argument("--retention", choices=RETENTIONS, help="保管期限（会计档案可按类别自动确定）")
    a.add_argument("--org", default="", help="机构（问题）代码（默认第一个；会计档案默认财务）")
    a.add_argument("--responsible", default="", help="责任者（默认本站）")
    a.add_argument("--doc-number", default="", help="文号")
    a.add_argument("--classification", choices=CLASSIFICATIONS, default="内部", help="密级（默认 内部）")
    a.add_argument("--kind", choices=tuple(ACCOUNTING_KINDS), default="", metavar="KIND",
                   help="会计档案类别，如 记账凭证、总账、银行对账单、年度财务会计报告")
    a.add_argument("--notes", default="", help="备注")
    a.add_argument("--project", type=int, help="服务项目编号")

    a = _action(actions, "finalise", "归档：给草稿编件号和档号（仅档案员）", archives_finalise)
    a.add_argument("ids", type=int, nargs="+", metavar="ID")

    a = _action(actions, "catalogue", "生成归档文件目录（PDF 或 Excel）", archives_catalogue)
    a.add_argument("--year", type=int, required=True, help="年度")
    a.add_argument("--out", type=Path, required=True, metavar="FILE", help="输出文件 .pdf 或 .xlsx")
    a.add_argument("--category", help="只含某一门类")
    a.add_argument("--retention", choices=RETENTIONS, help="只含某一保管期限")

    a = _action(actions, "due", "列出保管期限已满、待鉴定的档案", archives_due)
    a.add_argument("--out", type=Path, metavar="FILE", help="同时写成 .pdf 或 .xlsx")

    a = _action(actions, "file-from", "把培训记录、已审核的财务凭证或志愿服务活动转为档案（草稿）", archives_file_from)
    a.add_argument("kind", choices=tuple(SOURCE_KINDS), help="training 培训；ledger 财务凭证；activity 志愿服务活动")
    a.add_argument("id", type=int, help="记录编号")


def _out(path: Path, *suffixes: str) -> Path:
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"输出文件 {path} 的扩展名应为 {' 或 '.join(suffixes)}。")
    if not path.parent.exists():
        raise UsageError(f"文件夹 {path.parent} 不存在。")
    return path


def archives_list(ctx: Context) -> int:
    actor = ctx.login()
    a = ctx.args
    items = archives.list_items(ctx.station(), actor, year=a.year, category=a.category.upper() if a.category else None,
                                retention=a.retention, status=a.status)
    if a.text:
        items = [i for i in items if a.text in i.title or a.text in i.danghao or a.text in i.doc_number]
    rows = [["编号", "档号", "题名", "日期", "期限", "页数", "文件", "状态"]]
    rows += [[str(i.id), i.danghao or "—", i.title if len(i.title) <= 40 else i.title[:39] + "…",
              i.doc_date.isoformat(), i.retention_label, str(i.pages), str(i.file_count), i.status_label]
             for i in items]
    for line in table(rows):
        ctx.print(line)
    drafts = sum(1 for i in items if not i.is_final)
    ctx.print(f"共 {len(items)} 件（已归档 {len(items) - drafts} 件，草稿 {drafts} 件）")
    return 0


def archives_show(ctx: Context) -> int:
    actor = ctx.login()
    detail = archives.get_item(ctx.station(), actor, ctx.args.id)
    i = detail.item
    for label, value in (("档号", i.danghao or "（尚未归档）"), ("状态", i.status_label), ("题名", i.title),
                         ("责任者", i.responsible), ("文号", i.doc_number or "—"), ("日期", i.doc_date.isoformat()),
                         ("门类", i.category), ("年度", str(i.year)), ("保管期限", i.retention_label),
                         ("机构（问题）", i.org_code), ("件号", f"{i.item_number:04d}" if i.item_number else "—"),
                         ("密级", i.classification), ("页数", str(i.pages)), ("会计档案类别", i.record_kind or "—"),
                         ("服务项目", i.project_name or "—"), ("备注", i.notes or "—"),
                         ("登记", f"{i.created_by} {i.created_at:%Y-%m-%d %H:%M}"),
                         ("归档", f"{i.finalised_by} {i.finalised_at:%Y-%m-%d %H:%M}" if i.finalised_at else "—")):
        ctx.print(f"{label}：{value}")
    ctx.print(f"文件 {len(detail.files)} 个：")
    for f in detail.files:
        pages = f"，{f.pages} 页" if f.pages else ""
        size = human_size(f.size_bytes)
        ctx.print(f"  {f.seq}. {f.file_name}（{f.format.upper()}，{size}{pages}）SHA-256 {f.sha256}")
    if detail.amendments:
        ctx.print("更正记录：")
        for m in detail.amendments:
            ctx.print(f"  {m.amended_at:%Y-%m-%d %H:%M} {m.amended_by} {m.field_label}："
                      f"「{m.old_value}」→「{m.new_value}」（原因：{m.reason}）")
    return 0


def archives_add(ctx: Context) -> int:
    actor = ctx.login()
    a = ctx.args
    st = ctx.station()
    data = ItemInput(a.title, a.date or st.clock.now().date(), a.responsible, a.category, a.retention or "", a.org,
                     a.doc_number, a.classification, a.kind, a.notes, a.project)
    info = archives.register_item(st, actor, data, a.files)
    ctx.print(f"已登记档案草稿（编号 {info.id}）：{info.title}；{info.file_count} 个文件，{info.pages} 页，"
              f"保管期限 {info.retention_label}。由档案员归档后编件号：sgz archives finalise {info.id}")
    return 0


def archives_finalise(ctx: Context) -> int:
    actor = ctx.login()
    done = archive_filing.finalise(ctx.station(), actor, ctx.args.ids)
    for i in done:
        ctx.print(f"已归档：{i.danghao}  {i.title}")
    ctx.print(f"共归档 {len(done)} 件。")
    return 0


def archives_catalogue(ctx: Context) -> int:
    actor = ctx.login()
    a = ctx.args
    out = _out(a.out, ".pdf", ".xlsx")
    category = a.category.upper() if a.category else None
    if out.suffix.lower() == ".pdf":
        write_catalogue_pdf(ctx.station(), actor, out, a.year, category, a.retention, ctx.progress())
    else:
        write_catalogue_xlsx(ctx.station(), actor, out, a.year, category, a.retention, ctx.progress())
    ctx.print(f"已生成 {a.year} 年归档文件目录：{out}")
    return 0


def archives_due(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    source = due_table(st, actor)
    rows = [["档号", "题名", "保管期限", "保管至"]]
    rows += [[str(r[0]), str(r[1]), str(r[3]), f"{r[4]} 年底"] for r in source.rows]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"保管期限已满、待鉴定的档案共 {len(source.rows)} 件。")
    if ctx.args.out:
        out = _out(ctx.args.out, ".pdf", ".xlsx")
        if out.suffix.lower() == ".pdf":
            write_due_pdf(st, actor, out)
        else:
            write_table_xlsx(out, "到期档案鉴定清单", [c.title for c in DUE_COLUMNS],
                             iter_rows(source, TableQuery()), kinds=[c.kind for c in DUE_COLUMNS])
        ctx.print(f"已写入 {out}")
    return 0


def archives_file_from(ctx: Context) -> int:
    actor = ctx.login()
    ref = SourceRef(SOURCE_KINDS[ctx.args.kind], ctx.args.id)
    done = archive_sources.file_from(ctx.station(), actor, ref)
    i = done.item
    ctx.print(f"已转为档案草稿（编号 {i.id}）：{i.title}；{i.file_count} 个文件，{i.pages} 页，"
              f"保管期限 {i.retention_label}。")
    if done.skipped:
        ctx.print(f"以下文件不是 PDF 或扫描图像，没有归入档案：{'、'.join(done.skipped)}")
    return 0
