"""``sgz staff|training|report``: the roster, the training log and their printed registers.

    sgz staff list [--all] [--on DATE] [--post 岗位]      sgz staff import FILE [--dry-run]
    sgz staff export FILE.xlsx                           sgz staff template FILE.xlsx
    sgz training list [--year Y]                         sgz training import FILE [--dry-run]
    sgz training export FILE.xlsx [--year Y]             sgz training template FILE.xlsx
    sgz report roster|training|assessments [--year Y] [--on DATE] --out FILE.pdf|FILE.xlsx
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import staff_excel, training_excel
from ..core.errors import ValidationError
from ..core.excel import write_table_xlsx
from ..core.reports.staff import write_assessment_pdf, write_roster_pdf, write_training_pdf
from ..core.roles import Permission, require
from ..core.staff import POSTS, list_staff
from ..core.staff_excel import ImportResult
from ..core.staff_tables import RosterSource, assessment_table
from ..core.tables import ListSource, TableQuery, iter_rows
from ..core.training import list_sessions, tidy
from .base import Context, UsageError, add_common, table

if TYPE_CHECKING:
    import argparse

    from .base import Handler, Subcommands


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
    p = sub.add_parser("staff", help="人员花名册", description="人员花名册：查看、从 Excel 导入、导出。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = _action(actions, "list", "列出在岗人员（--all 含已离职）", staff_list)
    a.add_argument("--all", action="store_true", help="包括已离职人员")
    a.add_argument("--on", type=_date, metavar="DATE", help="某一天在岗的人员（默认今天）")
    a.add_argument("--post", choices=POSTS, help="只列出某一岗位")
    a = _action(actions, "import", "从 Excel 导入花名册（有任何错误则一行也不导入）", staff_import)
    a.add_argument("file", type=Path)
    a.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    _action(actions, "export", "导出花名册到 Excel（含完整身份证号，需维护花名册权限）", staff_export).add_argument(
        "file", type=Path)
    _action(actions, "template", "生成花名册导入模板", staff_template).add_argument("file", type=Path)

    p = sub.add_parser("training", help="培训记录", description="培训记录：查看、从 Excel 导入签到、导出。")
    add_common(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _action(actions, "list", "列出培训场次", training_list).add_argument("--year", type=int, help="只列出某一年")
    a = _action(actions, "import", "从 Excel 导入培训签到（有任何错误则一行也不导入）", training_import)
    a.add_argument("file", type=Path)
    a.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    a = _action(actions, "export", "导出培训签到到 Excel", training_export)
    a.add_argument("file", type=Path)
    a.add_argument("--year", type=int, help="只导出某一年")
    _action(actions, "template", "生成培训签到导入模板", training_template).add_argument("file", type=Path)

    p = sub.add_parser("report", help="打印报表（PDF 或 Excel）",
                       description="人员花名册、培训记录汇总、年度考核表，按 --out 的扩展名生成 PDF 或 Excel。")
    add_common(p)
    p.add_argument("kind", choices=("roster", "training", "assessments"),
                   help="roster 人员花名册；training 培训记录汇总；assessments 年度考核表")
    p.add_argument("--year", type=int, help="年度（培训默认今年，考核默认去年）")
    p.add_argument("--on", type=_date, metavar="DATE", help="花名册：某一天在岗的人员（默认今天）")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="输出文件 .pdf 或 .xlsx")
    p.set_defaults(handler=report)


# --- staff ---------------------------------------------------------------------------------------------

def staff_list(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    on = None if ctx.args.all else (ctx.args.on or st.clock.now().date())
    people = list_staff(st, actor, on=on, post=ctx.args.post)
    rows = [["姓名", "性别", "岗位", "专兼职", "证书等级", "社区", "入职日期", "离职日期", "手机号"]]
    rows += [[p.name, p.gender, p.post, p.employment, p.cert_level, p.community_name or "—", p.hire_date.isoformat(),
              p.leave_date.isoformat() if p.leave_date else "—", p.phone or "—"] for p in people]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(people)} 人" + ("（含已离职）" if on is None else f"（{on:%Y-%m-%d} 在岗）"))
    return 0


def _imported(ctx: Context, what: str, run: ImportResult | ValidationError) -> int:
    if isinstance(run, ValidationError):
        print(f"sgz：{what}没有导入，文件中共有 {len(run.problems)} 处问题（改正后重新导入）：", file=sys.stderr)
        for problem in run.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if run.ignored_columns:
        ctx.print(f"以下列不认识，已忽略：{'、'.join(run.ignored_columns)}")
    if run.dry_run:
        ctx.print(f"检查通过：{run.rows} 行都可以导入（--dry-run，没有写入）。")
    else:
        extra = f"，新建培训 {run.sessions_added} 场" if run.sessions_added else ""
        ctx.print(f"已导入{what} {run.added} 条{extra}。")
    return 0


def staff_import(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result: ImportResult | ValidationError = staff_excel.import_roster(
            ctx.station(), actor, ctx.args.file, ctx.progress(), dry_run=ctx.args.dry_run)
    except ValidationError as err:
        result = err
    return _imported(ctx, "花名册", result)


def staff_export(ctx: Context) -> int:
    actor = ctx.login()
    count = staff_excel.export_roster(ctx.station(), actor, _out(ctx.args.file, ".xlsx"), ctx.progress())
    ctx.print(f"已导出 {count} 人到 {ctx.args.file}（含完整身份证号和手机号，请妥善保管）。")
    return 0


def staff_template(ctx: Context) -> int:
    staff_excel.roster_template(ctx.station(), _out(ctx.args.file, ".xlsx"))
    ctx.print(f"已生成花名册导入模板：{ctx.args.file}")
    return 0


# --- training ------------------------------------------------------------------------------------------

def training_list(ctx: Context) -> int:
    actor = ctx.login()
    sessions = list_sessions(ctx.station(), actor, ctx.args.year)
    rows = [["日期", "培训主题", "类型", "学时", "主办单位", "参训人数"]]
    rows += [[s.held_on.isoformat(), s.title, s.training_type, str(tidy(s.hours)), s.organiser or "—",
              str(s.attendees)] for s in sessions]
    for line in table(rows):
        ctx.print(line)
    ctx.print(f"共 {len(sessions)} 场")
    return 0


def training_import(ctx: Context) -> int:
    actor = ctx.login()
    try:
        result: ImportResult | ValidationError = training_excel.import_attendance(
            ctx.station(), actor, ctx.args.file, ctx.progress(), dry_run=ctx.args.dry_run)
    except ValidationError as err:
        result = err
    return _imported(ctx, "培训签到", result)


def training_export(ctx: Context) -> int:
    actor = ctx.login()
    count = training_excel.export_attendance(ctx.station(), actor, _out(ctx.args.file, ".xlsx"), ctx.args.year,
                                             ctx.progress())
    ctx.print(f"已导出培训签到 {count} 条到 {ctx.args.file}")
    return 0


def training_template(ctx: Context) -> int:
    training_excel.attendance_template(_out(ctx.args.file, ".xlsx"))
    ctx.print(f"已生成培训签到导入模板：{ctx.args.file}")
    return 0


# --- reports -------------------------------------------------------------------------------------------

def _out(path: Path, *suffixes: str) -> Path:
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"输出文件 {path} 的扩展名应为 {' 或 '.join(suffixes)}。")
    if not path.parent.exists():
        raise UsageError(f"文件夹 {path.parent} 不存在。")
    return path


def _write_list(source: ListSource | RosterSource, query: TableQuery, out: Path, title: str) -> int:
    columns = source.columns
    return write_table_xlsx(out, title, [c.title for c in columns], iter_rows(source, query),
                            kinds=[c.kind for c in columns])


def report(ctx: Context) -> int:
    actor = ctx.login()
    st = ctx.station()
    out = _out(ctx.args.out, ".pdf", ".xlsx")
    pdf = out.suffix.lower() == ".pdf"
    today = st.clock.now().date()
    kind = ctx.args.kind
    if kind == "roster":
        on = ctx.args.on or today
        if pdf:
            write_roster_pdf(st, actor, out, on)
        else:
            _write_list(RosterSource(st, actor), TableQuery().with_filter("in_post_on", on), out, "人员花名册")
        ctx.print(f"已生成人员花名册（{on:%Y-%m-%d} 在岗）：{out}")
        return 0
    year = ctx.args.year or (today.year if kind == "training" else today.year - 1)
    if kind == "training":
        if pdf:
            write_training_pdf(st, actor, out, year)
        else:
            training_excel.export_hours(st, actor, out, year)
        ctx.print(f"已生成 {year} 年培训记录汇总：{out}")
    else:
        require(actor, Permission.VIEW)
        if pdf:
            write_assessment_pdf(st, actor, out, year)
        else:
            _write_list(assessment_table(st, actor, year), TableQuery(), out, f"{year}年度考核表")
        ctx.print(f"已生成 {year} 年度考核表：{out}")
    return 0
