"""Ledger entries in Excel: a template, an all-or-nothing import (for example a bank statement export
with the accounts filled in) with a preview, and an export of the entries.

Every row is checked before anything is written: date, summary, exactly one of income or expense,
an existing sub-category, a contract covering the date (found by itself when only one does), a month
not yet closed, and the management-fee limit counting the rows above it. Rows that look like entries
already booked (same contract, date, amount, summary and counterparty) are reported as possible
duplicates and imported only when the user confirms.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from . import audit, xlsx_input
from .contracts import ContractInfo, list_contracts, management_limit_fen, mgmt_fee_percent, share_text
from .errors import Problem, ValidationError
from .excel import write_table_xlsx
from .finance_amounts import format_fen
from .finance_categories import (
    ART_26,
    DIRECTION_LABELS,
    EXPENSE_CATEGORIES,
    EXPENSE_DIR,
    INCOME,
    INCOME_DIR,
    MANAGEMENT,
    PAYMENT_METHODS,
    all_sub_categories,
    category_of,
)
from .finance_tables import EntrySource
from .ledger import EntryInput, entry_problems, management_spent, new_row, normalised
from .ledger_chain import voucher_label
from .ledger_periods import closed_problem
from .models import LedgerEntry
from .progress import Progress, quiet
from .projects import list_projects
from .roles import Actor, Permission, require
from .station import Station
from .tables import TableQuery, iter_rows
from .xlsx_input import Field

SHEET = "账目"
FIELDS = (
    Field("日期", "entry_date", True, "date", note="记账日期，例如 2026-03-01；必须在合同期限内、未结账的月份"),
    Field("摘要", "summary", True, note="例如“3 月社工工资”“购买活动物资”"),
    Field("收入金额", "income", False, "yuan", note="单位元，最多两位小数；与“支出金额”只填一个"),
    Field("支出金额", "expense", False, "yuan", note="单位元，最多两位小数；与“收入金额”只填一个"),
    Field("明细科目", "sub_category", True, "choice", "明细科目", note="、".join(all_sub_categories())),
    Field("科目类别", "category", False, "choice", "科目类别", note="可不填，按明细科目自动确定"),
    Field("往来单位", "counterparty", False, note="付款或收款的单位或个人"),
    Field("结算方式", "payment_method", False, "choice", "结算方式",
          note="不填视为银行转账；" + "、".join(PAYMENT_METHODS)),
    Field("合同编号", "contract_no", False, "choice", "合同编号", note="只有一份合同覆盖该日期时可不填"),
    Field("服务项目", "project", False, "choice", "服务项目", note="选填，“1+4+N”服务项目名称"),
    Field("备注", "notes", False),
    Field("超限说明", "over_limit_reason", False,
          note="承接方运营管理费超过上限（第二十六条）时必须说明原因，否则该行不能导入"),
)
# Column names of common bank statement exports, read as the fields above.
ALIASES = (Field("交易日期", "entry_date", False, "date"), Field("记账日期", "entry_date", False, "date"),
           Field("对方户名", "counterparty", False), Field("对方名称", "counterparty", False),
           Field("贷方发生额", "income", False, "yuan"), Field("借方发生额", "expense", False, "yuan"))
GUIDE = ("1. 第一行是表头，请勿修改；从第二行起每行一笔。红色表头为必填列。银行流水可直接粘贴后补充“明细科目”等列，"
         "“交易日期”“对方户名”也能识别。",
         "2. 导入时先检查全部行：只要有一行有错，就一行也不导入，并列出每个错误的行号、列名和原因。",
         "3. 导入的账目按日期顺序自动编凭证号，状态为“未审核”，须由录入人以外的人员审核（第二十三条）。")


@dataclass(frozen=True)
class PreviewRow:
    row: int
    entry_date: dt.date
    summary: str
    direction: str
    category: str
    sub_category: str
    amount_fen: int
    counterparty: str
    contract_no: str
    project_name: str


@dataclass(frozen=True)
class LedgerImport:
    rows: tuple[PreviewRow, ...]
    warnings: tuple[Problem, ...]  # possible duplicates
    ignored_columns: tuple[str, ...]
    dry_run: bool
    added: int = 0
    first_voucher: str = ""
    last_voucher: str = ""


def ledger_template(st: Station, actor: Actor, path: Path) -> Path:
    require(actor, Permission.VIEW)
    options = {"明细科目": all_sub_categories(), "科目类别": (INCOME, *EXPENSE_CATEGORIES),
               "结算方式": PAYMENT_METHODS, "合同编号": tuple(c.contract_no for c in list_contracts(st, actor)),
               "服务项目": tuple(p.name for p in list_projects(st, actor))}
    return xlsx_input.template(path, SHEET, FIELDS, options, "账目导入说明", GUIDE)


@dataclass(frozen=True)
class _Parsed:
    row: int
    data: EntryInput
    contract: ContractInfo
    project_name: str


def _contract_for(day: dt.date, number: str, contracts: list[ContractInfo], row: int,
                  problems: list[Problem]) -> ContractInfo | None:
    if number:
        found = next((c for c in contracts if c.contract_no == number), None)
        if found is None:
            problems.append(Problem("合同编号", f"没有合同「{number}」", row))
        return found
    covering = [c for c in contracts if c.running_on(day)]
    if len(covering) == 1:
        return covering[0]
    problems.append(Problem("合同编号", "该日期有多份合同在执行，请填写合同编号" if covering else
                            "没有覆盖该日期的合同，请填写合同编号或先登记合同", row))
    return None


def _parse(number: int, cells: dict[str, object], contracts: list[ContractInfo], projects: dict[str, int],
           today: dt.date, problems: list[Problem]) -> _Parsed | None:
    c = xlsx_input.Cells(number, cells, FIELDS, problems)
    text = xlsx_input.text
    day = c.get("entry_date", xlsx_input.date, None)
    income = c.get("income", xlsx_input.yuan_to_fen, 0)
    expense = c.get("expense", xlsx_input.yuan_to_fen, 0)
    sub = c.get("sub_category", lambda v: xlsx_input.choice(v, all_sub_categories(), "明细科目"), "")
    category = c.get("category", text, "")
    method = c.get("payment_method", lambda v: xlsx_input.choice(v, PAYMENT_METHODS, "结算方式") if text(v) else
                   "银行转账", "银行转账")
    project = c.get("project", lambda v: xlsx_input.choice(v, tuple(projects), "服务项目") if text(v) else "", "")
    contract_no = c.get("contract_no", text, "")
    summary, counterparty = c.get("summary", text, ""), c.get("counterparty", text, "")
    notes, reason = c.get("notes", text, ""), c.get("over_limit_reason", text, "")
    if c.failed or day is None:
        return None
    if bool(income) == bool(expense):
        problems.append(Problem("收入金额", "“收入金额”和“支出金额”必须填且只填一个", number))
        return None
    direction = INCOME_DIR if income else EXPENSE_DIR
    found = category_of(sub)
    if found is not None and found[0] != direction:
        problems.append(Problem("明细科目", f"「{sub}」是{DIRECTION_LABELS[found[0]]}科目，这一行却是"
                                          f"{DIRECTION_LABELS[direction]}", number))
        return None
    if category and found is not None and category != found[1]:
        problems.append(Problem("科目类别", f"「{sub}」属于「{found[1]}」，不是「{category}」", number))
        return None
    contract = _contract_for(day, contract_no, contracts, number, problems)
    if contract is None:
        return None
    data = normalised(EntryInput(day, summary, direction, sub, income or expense, contract.id, counterparty, method,
                                 projects.get(project), notes, reason))
    bad = entry_problems(data, today=today, row=number)
    if not contract.running_on(day):
        bad.append(Problem("日期", f"不在合同「{contract.contract_no}」的期限内（{contract.start_date:%Y-%m-%d} 至 "
                                  f"{contract.end_date:%Y-%m-%d}）", number))
    problems += bad
    return None if bad else _Parsed(number, data, contract, project)


def _management_problems(st: Station, rows: list[_Parsed]) -> list[Problem]:
    """The limit, counting what is booked and the file's rows above each one."""
    percent = mgmt_fee_percent(st)
    problems = []
    with st.read() as s:
        spent = {c: management_spent(s, c) for c in {r.contract.id for r in rows}}
    for r in rows:
        if r.data.direction != EXPENSE_DIR or r.data.category != MANAGEMENT:
            continue
        limit = management_limit_fen(r.contract.total_fen, percent)
        before = spent[r.contract.id]
        spent[r.contract.id] = after = before + r.data.amount_fen
        if after > limit and not r.data.over_limit_reason:
            problems.append(Problem("超限说明", (
                f"合同「{r.contract.contract_no}」的承接方运营管理费加上这一行后为 {format_fen(after)}，"
                f"占总经费 {share_text(after, r.contract.total_fen)}，超过{ART_26}的上限 {format_fen(limit)}；"
                "如确需支出请填写超限说明"),
                r.row))
    return problems


def _duplicates(st: Station, rows: list[_Parsed]) -> list[Problem]:
    def key(contract: int, d: dt.date, direction: str, amount: int, summary: str, party: str) -> tuple[object, ...]:
        return (contract, d, direction, amount, summary, party)

    warnings: list[Problem] = []
    if not rows:
        return warnings
    first, last = min(r.data.entry_date for r in rows), max(r.data.entry_date for r in rows)
    with st.read() as s:
        booked = {key(*r[:6]): voucher_label(r[6], r[7]) for r in s.execute(select(
            LedgerEntry.contract_id, LedgerEntry.entry_date, LedgerEntry.direction, LedgerEntry.amount_fen,
            LedgerEntry.summary, LedgerEntry.counterparty, LedgerEntry.year, LedgerEntry.voucher_no)
            .where(LedgerEntry.entry_date.between(first, last)))}
    seen: dict[tuple[object, ...], int] = {}
    for r in rows:
        d = r.data
        k = key(d.contract_id, d.entry_date, d.direction, d.amount_fen, d.summary, d.counterparty)
        if k in booked:
            warnings.append(Problem(
                "摘要", f"与已有凭证 {booked[k]} 相同（日期、金额、摘要、往来单位一致），可能重复导入", r.row))
        elif k in seen:
            warnings.append(Problem("摘要", f"与第 {seen[k]} 行完全相同，可能重复", r.row))
        seen.setdefault(k, r.row)
    return warnings


def import_ledger(st: Station, actor: Actor, path: Path, progress: Progress | None = None, *, dry_run: bool = False,
                  allow_duplicates: bool = False) -> LedgerImport:
    """Check every row; with ``dry_run`` return the preview, otherwise book every row (in date order,
    with the next voucher numbers) or none. Possible duplicates stop the import unless allowed."""
    require(actor, Permission.EDIT_LEDGER)
    progress = progress or quiet()
    sheet = xlsx_input.read_sheet(path, FIELDS + ALIASES, SHEET, progress)
    contracts = list_contracts(st, actor)
    projects = {p.name: p.id for p in list_projects(st, actor)}
    today = st.clock.now().date()
    problems: list[Problem] = []
    rows: list[_Parsed] = []
    for number, cells in sheet.rows:
        parsed = _parse(number, cells, contracts, projects, today, problems)
        if parsed is not None:
            rows.append(parsed)
    rows.sort(key=lambda r: (r.data.entry_date, r.row))
    with st.read() as s:
        problems += [p for r in rows if (p := closed_problem(s, r.data.entry_date, "日期", r.row)) is not None]
    problems += _management_problems(st, rows)
    if not sheet.rows:
        problems.append(Problem("文件", "没有找到任何数据行"))
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
    warnings = _duplicates(st, rows)
    preview = tuple(PreviewRow(r.row, r.data.entry_date, r.data.summary, r.data.direction, r.data.category,
                               r.data.sub_category, r.data.amount_fen, r.data.counterparty, r.contract.contract_no,
                               r.project_name) for r in rows)
    result = LedgerImport(preview, tuple(sorted(warnings, key=lambda p: p.row or 0)), sheet.ignored_headers, dry_run)
    if dry_run:
        return result
    if warnings and not allow_duplicates:
        raise ValidationError(list(result.warnings))
    with st.begin(actor) as s:
        now = st.clock.now().replace(microsecond=0)
        made = []
        for done, r in enumerate(rows, start=1):
            made.append(new_row(s, actor, r.data, now))
            if done % 200 == 0:
                progress.report(done, len(rows), f"正在写入第 {done} 笔…")  # a cancel here rolls everything back
        first, last = voucher_label(made[0].year, made[0].voucher_no), voucher_label(made[-1].year, made[-1].voucher_no)
        audit.record_event(s, "import", f"从 {Path(path).name} 导入账目 {len(made)} 笔（凭证 {first} 至 {last}）",
                           table="ledger_entry")
    progress.report(len(rows), len(rows), "导入完成")
    return replace(result, dry_run=False, added=len(made), first_voucher=first, last_voucher=last)


def export_ledger(st: Station, actor: Actor, path: Path, year: int | None = None,
                  progress: Progress | None = None) -> int:
    """Every entry (of a year) with its voucher number, status and reviewer, in voucher order."""
    require(actor, Permission.VIEW)
    source = EntrySource(st, actor)
    query = TableQuery(sort_key="voucher").with_filter("year", year)
    columns = source.columns
    return write_table_xlsx(Path(path), f"{year or '全部'}年账目", [c.title for c in columns],
                            iter_rows(source, query, progress), progress, [c.kind for c in columns],
                            total=source.count(query))


def count_by_status(st: Station, actor: Actor, year: int) -> Counter[str]:
    """How many entries of the year are in each status (for summaries)."""
    source = EntrySource(st, actor)
    return Counter({status: source.count(TableQuery(filters={"year": year, "status": status}))
                    for status in ("未审核", "已审核", "已冲销", "冲销凭证")})
