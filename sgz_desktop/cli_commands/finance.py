"""``sgz projects|contracts|ledger`` and the finance kinds of ``sgz report``.

    sgz projects list [--on DATE]                      sgz contracts list
    sgz ledger list [--year Y] [--month M] [--contract NO] [--unreviewed]
    sgz ledger import FILE [--dry-run] [--allow-duplicates]
    sgz ledger export FILE.xlsx [--year Y]             sgz ledger template FILE.xlsx
    sgz ledger review VOUCHER...                        sgz ledger reverse VOUCHER --reason TEXT [--on DATE]
    sgz ledger close --year Y [--month M]
    sgz report journal|budget|final-accounts|disclosure|evaluations --year Y [--contract NO] --out FILE.pdf|.xlsx

``sgz report`` is shared with the staff area: its kinds are extended here, and each kind goes to the
area that owns it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import ledger, ledger_excel, ledger_periods
from ..core.contract_evaluations import list_evaluations, renewal
from ..core.contracts import find_contract, list_contracts
from ..core.errors import ValidationError
from ..core.finance_amounts import format_fen
from ..core.finance_categories import DIRECTION_LABELS
from ..core.projects import list_projects
from ..core.reports import finance as finance_reports
from ..core.reports import finance_notice
from .base import Context, UsageError, add_common, table

if TYPE_CHECKING:
    from .base import Handler, Subcommands

REPORT_KINDS = {
    "journal": "日记账", "budget": "预算执行情况表", "final-accounts": "经费决算表", "disclosure": "资金信息公开",
    "evaluations": "购买服务项目评估记录"}
_VOUCHER = re.compile(r"^(\d{4})-(\d{1,6})$")


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
    p = sub.add_parser("projects", help="“1+4+N”服务项目", description="服务项目（第二十条）。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _action(actions, "list", "列出服务项目", projects_list).add_argument(
        "--on", type=_date, metavar="DATE", help="只列出某一天在执行的项目")

    p = sub.add_parser("contracts", help="购买服务合同", description="购买服务合同、管理费与续签资格。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _action(actions, "list", "列出购买服务合同", contracts_list)

    p = sub.add_parser("ledger", help="项目财务账目", description="项目财务账目：查看、导入、导出、审核、冲销、结账。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = _action(actions, "list", "列出账目（凭证）", ledger_list)
    a.add_argument("--year", type=int, help="年度")
    a.add_argument("--month", type=int, help="月份（须同时给出 --year）")
    a.add_argument("--contract", metavar="NO", help="合同编号")
    a.add_argument("--unreviewed", action="store_true", help="只列出未审核的")
    a = _action(actions, "import", "从 Excel 导入账目（有任何错误则一笔也不导入）", ledger_import)
    a.add_argument("file", type=Path)
    a.add_argument("--dry-run", action="store_true", help="只检查并预览，不写入")
    a.add_argument("--allow-duplicates", action="store_true", help="确认“可能重复”的行也要导入")
    a = _action(actions, "export", "导出账目到 Excel", ledger_export)
    a.add_argument("file", type=Path)
    a.add_argument("--year", type=int, help="只导出某一年")
    _action(actions, "template", "生成账目导入模板", ledger_template).add_argument("file", type=Path)
    a = _action(actions, "review", "财务审核（审核人不能是录入人）", ledger_review)
    a.add_argument("vouchers", nargs="+", metavar="VOUCHER", help="凭证号，如 2026-0012")
    a = _action(actions, "reverse", "红字冲销一张已审核的凭证", ledger_reverse)
    a.add_argument("voucher", metavar="VOUCHER", help="凭证号，如 2026-0012")
    a.add_argument("--reason", required=True, help="冲销原因")
    a.add_argument("--on", type=_date, metavar="DATE", help="冲销日期（默认今天）")
    a = _action(actions, "close", "结账：锁定一个月或一整年的账目", ledger_close)
    a.add_argument("--year", type=int, required=True)
    a.add_argument("--month", type=int, help="月份；不给则为年度结账")
    _extend_report(sub)


def _extend_report(sub: Subcommands) -> None:
    """Add the finance kinds to ``sgz report`` (made by the staff area), or make it if it is not there."""
    parser = sub.choices.get("report")
    if parser is None:
        parser = sub.add_parser("report", help="打印报表（PDF 或 Excel）")
        add_common(parser)
        parser.add_argument("kind", choices=tuple(REPORT_KINDS))
        parser.add_argument("--year", type=int, help="年度（默认今年）")
        parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="输出文件 .pdf 或 .xlsx")
        previous: Handler | None = None
    else:
        kind = next(a for a in parser._actions if a.dest == "kind")
        kind.choices = (*(kind.choices or ()), *REPORT_KINDS)
        kind.help = (kind.help or "") + "；" + "；".join(f"{k} {v}" for k, v in REPORT_KINDS.items())
        previous = parser.get_default("handler")
    parser.add_argument("--contract", metavar="NO", help="财务报表：只含某一合同（合同编号）")

    def dispatch(ctx: Context) -> int:
        if ctx.args.kind in REPORT_KINDS:
            return finance_report(ctx)
        if previous is None:
            raise UsageError(f"不认识的报表「{ctx.args.kind}」。")
        return previous(ctx)

    parser.set_defaults(handler=dispatch)


# --- projects and contracts -----------------------------------------------------------------------------

def projects_list(ctx: Context) -> int:
    actor = ctx.login()
    projects = list_projects(ctx.station(), actor, on=ctx.args.on)
    rows = [["类型", "服务领域", "项目名称", "负责人", "开始日期", "结束日期"]]
    rows += [[p.kind_label, p.field or "—", p.name, p.lead_name or "—", p.start_date.isoformat(),
              p.end_date.isoformat() if p.end_date else "—"] for p in projects]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(projects)} 个项目")
    return 0


def contracts_list(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    evaluations = list_evaluations(st, actor)
    today = st.clock.now().date()
    contracts = list_contracts(st, actor)
    rows = [["合同编号", "项目名称", "购买方", "期限", "合同金额", "管理费预算", "续签资格"]]
    for c in contracts:
        status = renewal(c, [e for e in evaluations if e.contract_id == c.id], today)
        rows.append([c.contract_no, c.name, c.funder, f"{c.start_date} 至 {c.end_date}", format_fen(c.total_fen),
                     format_fen(c.management_budget_fen), status.text])
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(contracts)} 份合同")
    return 0


def _contract_id(ctx: Context, number: str | None) -> int | None:
    if not number:
        return None
    return find_contract(ctx.station(), ctx.login(), number).id


# --- ledger ---------------------------------------------------------------------------------------------

def ledger_list(ctx: Context) -> int:
    actor = ctx.login()
    if ctx.args.month is not None and ctx.args.year is None:
        raise UsageError("--month 须与 --year 一起使用。")
    entries = ledger.list_entries(ctx.station(), actor, year=ctx.args.year, month=ctx.args.month,
                                  contract_id=_contract_id(ctx, ctx.args.contract),
                                  unreviewed_only=ctx.args.unreviewed)
    rows = [["凭证号", "日期", "摘要", "收支", "明细科目", "金额", "合同", "录入人", "审核人", "状态"]]
    rows += [[e.voucher, e.entry_date.isoformat(), e.summary, DIRECTION_LABELS.get(e.direction, e.direction),
              e.sub_category, format_fen(e.amount_fen), e.contract_no, e.entered_by_name, e.reviewed_by_name or "—",
              e.status] for e in entries]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(entries)} 笔")
    return 0


def ledger_import(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result = ledger_excel.import_ledger(ctx.station(), actor, ctx.args.file, ctx.progress(),
                                            dry_run=ctx.args.dry_run, allow_duplicates=ctx.args.allow_duplicates)
    except ValidationError as err:
        print(f"sgz：账目没有导入，文件中共有 {len(err.problems)} 处问题（改正后重新导入）：", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        if any("可能重复" in p.reason for p in err.problems):
            print("  如确认不是重复，请加 --allow-duplicates 重新导入。", file=sys.stderr)
        return 1
    if result.ignored_columns:
        ctx.print(f"以下列不认识，已忽略：{'、'.join(result.ignored_columns)}")
    for warning in result.warnings:
        ctx.print(f"提醒：{warning}")
    if result.dry_run:
        income = sum(r.amount_fen for r in result.rows if r.direction == "income")
        expense = sum(r.amount_fen for r in result.rows if r.direction == "expense")
        ctx.print(f"检查通过：{len(result.rows)} 笔都可以导入（收入 {format_fen(income)}，支出 {format_fen(expense)}；"
                  "--dry-run，没有写入）。")
    else:
        ctx.print(f"已导入账目 {result.added} 笔，凭证号 {result.first_voucher} 至 {result.last_voucher}，"
                  "均为“未审核”，请由录入人以外的人员审核。")
    return 0


def _out(path: Path, *suffixes: str) -> Path:
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"输出文件 {path} 的扩展名应为 {' 或 '.join(suffixes)}。")
    if not path.parent.exists():
        raise UsageError(f"文件夹 {path.parent} 不存在。")
    return path


def ledger_export(ctx: Context) -> int:
    actor = ctx.login()
    count = ledger_excel.export_ledger(ctx.station(), actor, _out(ctx.args.file, ".xlsx"), ctx.args.year,
                                       ctx.progress())
    ctx.print(f"已导出账目 {count} 笔到 {ctx.args.file}")
    return 0


def ledger_template(ctx: Context) -> int:
    actor = ctx.login()
    ledger_excel.ledger_template(ctx.station(), actor, _out(ctx.args.file, ".xlsx"))
    ctx.print(f"已生成账目导入模板：{ctx.args.file}")
    return 0


def _voucher(ctx: Context, text: str) -> ledger.EntryInfo:
    match = _VOUCHER.match(text.strip())
    if match is None:
        raise UsageError(f"凭证号「{text}」的格式不对，请写成 2026-0012。")
    return ledger.find_voucher(ctx.station(), ctx.login(), int(match[1]), int(match[2]))


def ledger_review(ctx: Context) -> int:
    actor = ctx.login()
    entries = [_voucher(ctx, v) for v in ctx.args.vouchers]
    done = ledger.review_entries(ctx.station(), actor, [e.id for e in entries])
    ctx.print(f"已审核 {len(done)} 张凭证：{'、'.join(e.voucher for e in done)}")
    return 0


def ledger_reverse(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    original = _voucher(ctx, ctx.args.voucher)
    made = ledger.reverse_entry(st, actor, original.id, ctx.args.on or st.clock.now().date(), ctx.args.reason)
    ctx.print(f"已做红字冲销凭证 {made.voucher}（{format_fen(made.amount_fen)}），冲销 {original.voucher}；"
              "冲销凭证同样需要审核。")
    return 0


def ledger_close(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    if ctx.args.month is None:
        closing = ledger_periods.close_year(st, actor, ctx.args.year)
    else:
        closing = ledger_periods.close_month(st, actor, ctx.args.year, ctx.args.month)
    ctx.print(f"{closing.label}已结账，该期间的账目不能再录入、修改或删除。")
    return 0


# --- reports --------------------------------------------------------------------------------------------

def finance_report(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    out = _out(ctx.args.out, ".pdf", ".xlsx")
    pdf = out.suffix.lower() == ".pdf"
    year = ctx.args.year or st.clock.now().year
    contract = _contract_id(ctx, getattr(ctx.args, "contract", None))
    kind = ctx.args.kind
    if kind == "journal":
        if pdf:
            finance_reports.journal_pdf(st, actor, out, year, contract, ctx.progress())
        else:
            finance_reports.journal_xlsx(st, actor, out, year, contract, ctx.progress())
    elif kind == "budget":
        (finance_reports.budget_pdf if pdf else finance_reports.budget_xlsx)(st, actor, out, year, contract)
    elif kind == "final-accounts":
        (finance_reports.final_accounts_pdf if pdf else finance_reports.final_accounts_xlsx)(st, actor, out, year)
    elif kind == "disclosure":
        (finance_notice.disclosure_pdf if pdf else finance_notice.disclosure_xlsx)(st, actor, out, year)
    else:
        (finance_notice.evaluations_pdf if pdf else finance_notice.evaluations_xlsx)(st, actor, out)
    scope = "" if kind == "evaluations" else f"{year} 年"
    ctx.print(f"已生成{scope}{REPORT_KINDS[kind]}：{out}")
    return 0

