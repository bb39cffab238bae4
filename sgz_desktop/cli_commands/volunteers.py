"""``sgz volunteers|hours|points`` and ``sgz report volunteers``: the registry, sign-in sheets, the points
ledger, certificates and the year summary.

    sgz volunteers list [--status 在册] [--community 名称]   sgz volunteers import FILE [--dry-run]
    sgz volunteers export FILE.xlsx                          sgz volunteers template FILE.xlsx
    sgz volunteers certificate VOLUNTEER --from D --to D --out FILE.pdf
    sgz volunteers certificate --verify NUMBER               sgz volunteers certificate --reprint NUMBER --out FILE.pdf
    sgz hours import FILE [--activity ID] [--dry-run]        sgz hours template FILE.xlsx
    sgz hours list [--pending] [--activity ID] [--limit N]   sgz hours approve ID [ID ...]
    sgz points balance VOLUNTEER                             sgz points history VOLUNTEER [--limit N]
    sgz points expire
    sgz report volunteers --year Y --out FILE.pdf|FILE.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import (
    volunteer_certificates,
    volunteer_excel,
    volunteer_hours,
    volunteer_points,
    volunteer_signin,
    volunteers,
)
from ..core.errors import ValidationError
from ..core.reports.volunteers import write_certificate_pdf, write_year_pdf, write_year_xlsx
from ..core.training import tidy
from ..core.volunteer_activities import PENDING
from .base import Context, UsageError, add_common, table

if TYPE_CHECKING:
    from .base import Handler, Subcommands

REPORT_KIND = "volunteers"


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


def _group(sub: Subcommands, name: str, text: str) -> Subcommands:
    p = sub.add_parser(name, help=text, description=text)
    add_common(p)
    return p.add_subparsers(dest="action", metavar="ACTION", required=True)


def register(sub: Subcommands) -> None:
    actions = _group(sub, "volunteers", "志愿者名册：查看、从 Excel 导入、导出，志愿服务证明。")
    a = _action(actions, "list", "列出志愿者（默认不含已退出）", volunteers_list)
    a.add_argument("--status", choices=volunteers.STATUSES, help="只列出某一状态")
    a.add_argument("--community", metavar="名称", help="只列出某一社区（村）")
    a = _action(actions, "import", "从 Excel 导入志愿者（有任何错误则一行也不导入）", volunteers_import)
    a.add_argument("file", type=Path)
    a.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    _action(actions, "export", "导出志愿者名册到 Excel（含完整身份证号，需维护志愿者权限）",
            volunteers_export).add_argument("file", type=Path)
    _action(actions, "template", "生成志愿者名册导入模板", volunteers_template).add_argument("file", type=Path)
    a = _action(actions, "certificate", "出具、补打或查验志愿服务证明", certificate)
    a.add_argument("volunteer", nargs="?", help="志愿者编号、身份证号或姓名（出具新证明时）")
    a.add_argument("--from", dest="period_from", type=_date, metavar="DATE", help="服务期间开始日期")
    a.add_argument("--to", dest="period_to", type=_date, metavar="DATE", help="服务期间结束日期")
    a.add_argument("--out", type=Path, metavar="FILE.pdf", help="证明 PDF 保存位置")
    a.add_argument("--verify", metavar="NUMBER", help="查验证明编号：是否出具过、出具给谁")
    a.add_argument("--reprint", metavar="NUMBER", help="按登记簿补打已出具的证明")

    actions = _group(sub, "hours", "志愿服务时长：导入签到表，查看和审核登记的时长。")
    a = _action(actions, "import", "从 Excel 导入签到表（待副站长审核；有任何错误则一行也不导入）", hours_import)
    a.add_argument("file", type=Path)
    a.add_argument("--activity", type=int, metavar="ID", help="导入到已登记的某次活动（表中可不填活动各列）")
    a.add_argument("--dry-run", action="store_true", help="只检查并列出将登记的内容，不写入")
    _action(actions, "template", "生成签到表模板", hours_template).add_argument("file", type=Path)
    a = _action(actions, "list", "列出登记的服务时长（最近的在前），带记录编号", hours_list)
    a.add_argument("--pending", action="store_true", help="只列出待审核的（全部列出）")
    a.add_argument("--activity", type=int, metavar="ID", help="只列出某次活动的")
    a.add_argument("--limit", type=int, metavar="N", help="最多列出几条（默认 50；--pending 时默认全部）")
    a = _action(actions, "approve", "审核通过待审核的服务时长并按服务当天的规则计积分（副站长；"
                                    "有一条不能审核则一条也不审核）", hours_approve)
    a.add_argument("ids", type=int, nargs="+", metavar="ID", help="记录编号（见 sgz hours list --pending）")

    actions = _group(sub, "points", "志愿积分：余额、明细、过期处理。")
    _action(actions, "balance", "某位志愿者的积分余额", points_balance).add_argument(
        "volunteer", help="志愿者编号、身份证号或姓名")
    a = _action(actions, "history", "某位志愿者的积分明细（最近的在前）", points_history)
    a.add_argument("volunteer", help="志愿者编号、身份证号或姓名")
    a.add_argument("--limit", type=int, default=50, help="最多列出几笔（默认 50）")
    _action(actions, "expire", "按“志愿积分有效期”设置清除过期积分（副站长）", points_expire)

    _extend_report(sub)


def _extend_report(sub: Subcommands) -> None:
    """Add ``volunteers`` to ``sgz report`` (made by the staff commands), or make the command if absent."""
    report = sub.choices.get("report")
    if report is None:
        report = sub.add_parser("report", help="打印报表（PDF 或 Excel）")
        add_common(report)
        report.add_argument("kind", choices=(REPORT_KIND,))
        report.add_argument("--year", type=int)
        report.add_argument("--out", type=Path, required=True, metavar="FILE")
        report.set_defaults(handler=volunteers_report)
        return
    for action in report._actions:  # argparse keeps no public handle on an added argument
        if action.dest == "kind" and action.choices is not None and REPORT_KIND not in action.choices:
            action.choices = (*action.choices, REPORT_KIND)
            action.help = f"{action.help}；volunteers 志愿服务年度汇总"
    report.description = f"{report.description or ''}志愿服务年度汇总同样按扩展名生成。"
    previous: Handler = report.get_default("handler")

    def dispatch(ctx: Context) -> int:
        return volunteers_report(ctx) if ctx.args.kind == REPORT_KIND else previous(ctx)

    report.set_defaults(handler=dispatch)


def _out(path: Path, *suffixes: str) -> Path:
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"输出文件 {path} 的扩展名应为 {' 或 '.join(suffixes)}。")
    if not path.parent.exists():
        raise UsageError(f"文件夹 {path.parent} 不存在。")
    return path


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise UsageError(f"找不到文件 {path}。")
    return path


def _problems(what: str, err: ValidationError) -> int:
    print(f"sgz：{what}没有导入，文件中共有 {len(err.problems)} 处问题（改正后重新导入）：", file=sys.stderr)
    for problem in err.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


# --- volunteers -----------------------------------------------------------------------------------------

def volunteers_list(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    community_id = None
    if ctx.args.community:
        from ..core.profile import list_communities

        found = [c.id for c in list_communities(st, include_inactive=True) if c.name == ctx.args.community]
        if not found:
            raise UsageError(f"没有名为「{ctx.args.community}」的社区（村）。")
        community_id = found[0]
    people = volunteers.list_volunteers(st, actor, status=ctx.args.status, community_id=community_id)
    if ctx.args.status is None:
        people = [p for p in people if p.status != volunteers.WITHDRAWN]
    rows = [["编号", "姓名", "性别", "社区", "技能特长", "注册日期", "状态", "手机号"]]
    rows += [[p.volunteer_no, p.name, p.gender, p.community_name or "—", p.skills or "—", p.registered_on.isoformat(),
              p.status, p.phone or "—"] for p in people]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(people)} 人")
    return 0


def volunteers_import(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result = volunteer_excel.import_registry(ctx.station(), actor, _existing(ctx.args.file), ctx.progress(),
                                                 dry_run=ctx.args.dry_run)
    except ValidationError as err:
        return _problems("志愿者", err)
    if result.ignored_columns:
        ctx.print(f"以下列不认识，已忽略：{'、'.join(result.ignored_columns)}")
    ctx.print(f"检查通过：{result.rows} 人都可以导入（--dry-run，没有写入）。" if result.dry_run
              else f"已导入志愿者 {result.added} 人。")
    return 0


def volunteers_export(ctx: Context) -> int:
    actor = ctx.login()
    count = volunteer_excel.export_registry(ctx.station(), actor, _out(ctx.args.file, ".xlsx"), ctx.progress())
    ctx.print(f"已导出 {count} 名志愿者到 {ctx.args.file}（含完整身份证号和手机号，请妥善保管）。")
    return 0


def volunteers_template(ctx: Context) -> int:
    volunteer_excel.registry_template(ctx.station(), _out(ctx.args.file, ".xlsx"))
    ctx.print(f"已生成志愿者名册导入模板：{ctx.args.file}")
    return 0


def certificate(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.login()
    st = ctx.station()
    if a.verify:
        found = volunteer_certificates.verify_certificate(st, actor, a.verify)
        if found is None:
            print(f"sgz：登记簿中没有编号为 {a.verify} 的志愿服务证明，这份证明不是本站出具的。", file=sys.stderr)
            return 1
        ctx.print(f"证明编号 {found.number} 已于 {found.issued_on:%Y-%m-%d} 出具（经办人 {found.handler}）：")
        ctx.print(f"  志愿者 {found.volunteer_name}（{found.volunteer_no}，{found.id_type} {found.id_number_masked}）")
        ctx.print(f"  服务期间 {found.period_from:%Y-%m-%d} 至 {found.period_to:%Y-%m-%d}，"
                  f"服务 {found.activities} 次，共 {tidy(found.hours)} 小时")
        return 0
    if a.out is None:
        raise UsageError("请用 --out 指定证明 PDF 的保存位置（或用 --verify 查验证明编号）。")
    out = _out(a.out, ".pdf")
    if a.reprint:
        write_certificate_pdf(st, actor, a.reprint, out)
        ctx.print(f"已补打志愿服务证明 {a.reprint.upper()}：{out}")
        return 0
    if not a.volunteer or a.period_from is None or a.period_to is None:
        raise UsageError("出具新证明需要：志愿者、--from 开始日期、--to 结束日期、--out 文件。")
    person = volunteers.find_volunteer(st, actor, a.volunteer)
    issued = volunteer_certificates.issue_certificate(st, actor, person.id, a.period_from, a.period_to)
    write_certificate_pdf(st, actor, issued.number, out)
    ctx.print(f"已出具志愿服务证明 {issued.number}（{person.name}，{tidy(issued.hours)} 小时）：{out}")
    return 0


# --- hours --------------------------------------------------------------------------------------------------

def hours_import(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result = volunteer_signin.import_sign_in(ctx.station(), actor, _existing(ctx.args.file),
                                                 activity_id=ctx.args.activity,
                                                 dry_run=ctx.args.dry_run, progress=ctx.progress())
    except ValidationError as err:
        return _problems("签到表", err)
    if result.dry_run:
        rows = [["行号", "活动日期", "活动", "志愿者编号", "姓名", "时长（小时）"]]
        rows += [[str(line.row), line.held_on.isoformat(),
                  line.activity_title + ("（新）" if line.new_activity else ""), line.volunteer_no, line.volunteer_name,
                  str(tidy(line.hours))] for line in result.lines]
        for line in table(rows):
            ctx.print(line)
    if result.ignored_columns:
        ctx.print(f"以下列不认识，已忽略：{'、'.join(result.ignored_columns)}")
    summary = (f"{len(result.lines)} 条服务时长，{result.volunteers} 名志愿者，共 {tidy(result.hours)} 小时"
               + (f"；新建活动 {len(result.new_activities)} 次" if result.new_activities else ""))
    ctx.print(f"检查通过，将登记 {summary}（--dry-run，没有写入）。" if result.dry_run
              else f"已登记 {summary}，等待副站长审核。")
    return 0


def hours_template(ctx: Context) -> int:
    volunteer_signin.sign_in_template(ctx.station(), _out(ctx.args.file, ".xlsx"))
    ctx.print(f"已生成签到表模板：{ctx.args.file}")
    return 0


def hours_list(ctx: Context) -> int:
    actor = ctx.login()
    a = ctx.args
    records = volunteer_hours.list_records(ctx.station(), actor, activity_id=a.activity,
                                           status=PENDING if a.pending else None)
    records.reverse()  # the latest first
    limit = a.limit if a.limit is not None else (None if a.pending else 50)
    shown = records[:max(1, limit)] if limit is not None else records
    rows = [["编号", "活动日期", "活动", "志愿者编号", "姓名", "时长（小时）", "状态", "登记人"]]
    rows += [[str(r.id), r.held_on.isoformat(), r.activity_title, r.volunteer_no, r.volunteer_name, str(tidy(r.hours)),
              r.status_label, r.recorded_by] for r in shown]
    for line in table(rows):
        ctx.print(line)
    what = "待审核的服务时长" if a.pending else "服务时长记录"
    ctx.print(f"共 {len(records)} 条{what}" + (f"，列出最近 {len(shown)} 条（用 --limit 调整）"
                                           if len(shown) < len(records) else ""))
    return 0


def hours_approve(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result = volunteer_hours.approve_records(ctx.station(), actor, ctx.args.ids)
    except ValidationError as err:
        print(f"sgz：没有审核任何记录，共有 {len(err.problems)} 处问题"
              "（用 sgz hours list --pending 查看待审核的记录编号）：", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    ctx.print(f"已审核通过 {result.approved} 条，共 {tidy(result.hours)} 小时，获得积分 {result.points} 分。")
    if result.without_points:
        ctx.print(f"其中 {result.without_points} 条的服务日期没有适用的积分规则，未获积分。")
    return 0


# --- points -------------------------------------------------------------------------------------------------

def points_balance(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    person = volunteers.find_volunteer(st, actor, ctx.args.volunteer)
    ctx.print(f"{person.name}（{person.volunteer_no}）积分余额：{volunteer_points.balance(st, actor, person.id)} 分")
    return 0


def points_history(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    person = volunteers.find_volunteer(st, actor, ctx.args.volunteer)
    rows = [["流水号", "日期", "类型", "积分", "余额", "说明"]]
    history = volunteer_points.history(st, actor, person.id, max(1, ctx.args.limit))
    rows += [[str(t.id), t.occurred_on.isoformat(), t.kind_label, f"{t.amount:+d}", str(t.balance_after), t.reason]
             for t in history]
    ctx.print(f"{person.name}（{person.volunteer_no}）的积分明细：")
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"当前余额 {history[0].balance_after if history else 0} 分")
    return 0


def points_expire(ctx: Context) -> int:
    actor = ctx.login()
    result = volunteer_points.expire_points(ctx.station(), actor, progress=ctx.progress())
    if result.cutoff is None:
        ctx.print("未设置积分有效期（设置项“志愿积分有效期（月）”为 0），没有积分过期。")
    else:
        ctx.print(f"{result.cutoff:%Y-%m-%d} 及以前获得的未使用积分已过期："
                  f"{result.volunteers} 人，共 {result.points} 分。")
    return 0


# --- report -------------------------------------------------------------------------------------------------

def volunteers_report(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    out = _out(ctx.args.out, ".pdf", ".xlsx")
    year = ctx.args.year or st.clock.now().year
    if out.suffix.lower() == ".pdf":
        write_year_pdf(st, actor, year, out)
    else:
        write_year_xlsx(st, actor, year, out)
    ctx.print(f"已生成 {year} 年志愿服务年度汇总：{out}")
    return 0
