"""Printed finance registers: 日记账 (journal), 预算执行情况表 (budget execution) and 经费决算表 (year-end
final accounts), each as a PDF with embedded Chinese fonts or as Excel. Official forms carry the totals
in Chinese capitals (人民币大写) beside ¥1,234.56. The disclosure notice and the evaluation records
are in ``finance_notice``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..contracts import get_contract, list_contracts, share_text
from ..excel import write_table_xlsx
from ..finance_amounts import format_fen, rmb_upper
from ..finance_budget import BudgetExecution, FinalAccounts, budget_execution, final_accounts, rate_text
from ..finance_categories import INCOME
from ..ledger_journal import Journal, journal
from ..profile import get_profile
from ..progress import Progress
from ..roles import Actor, Permission, require
from ..station import Station
from .pdf import FONT_BOLD, chinese_font, style
from .register import HEADER_GREY, RegisterPage, frame_width, heading, note, table, widths, write_register

JOURNAL_CHUNK = 150  # rows per table: reportlab splits long tables in quadratic time
OFFICIAL_SIGNATURES = ("单位负责人", "财务负责人", "制表人")


def _money(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)


def _capital_line(label: str, fen: int) -> Paragraph:
    return note(f"{label}：{format_fen(fen)}（大写：{rmb_upper(fen)}）")


# --- journal ----------------------------------------------------------------------------------------------

def _fast_table(rows: list[list[Any]], col_widths: Sequence[float], right_from: int, marked: Sequence[int]) -> Table:
    """Plain-string cells in the CJK font (a Paragraph per cell is too slow for a year of entries)."""
    font = chinese_font()
    t = Table(rows, colWidths=list(col_widths), repeatRows=1)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), font.name), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD if font.embedded else font.name),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")), ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    commands += [("BACKGROUND", (0, i), (-1, i), HEADER_GREY) for i in marked]
    t.setStyle(TableStyle(commands))
    return t


def _clip(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def journal_pdf(st: Station, actor: Actor, out: Path, year: int, contract_id: int | None = None,
                progress: Progress | None = None) -> Path:
    """日记账 of a year: balance brought forward, every entry with the running balance, a subtotal
    after each month and the year's total."""
    require(actor, Permission.VIEW)
    j = journal(st, actor, year, contract_id)
    scope = get_contract(st, actor, contract_id).label if contract_id is not None else "全部合同"
    page = RegisterPage("日记账", get_profile(st).name, f"{year} 年度 · {scope}", st.clock.now().date(),
                        signatures=("记账", "审核"))
    frame = frame_width(page)
    col = widths(frame, (9, 8.5, 27, 12, 11, 11, 12))
    header = ["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额"]
    lines: list[tuple[list[Any], bool]] = [([f"{year}-01-01", "", "上年结转", "", "", "", format_fen(j.opening_fen)],
                                            True)]
    balance, month = j.opening_fen, 0
    for r in j.rows:
        if month and r.entry_date.month != month:
            lines.append(_month_line(j, month, balance))
        month = r.entry_date.month
        balance = r.balance_fen
        lines.append(([r.entry_date.isoformat(), r.voucher, _clip(r.summary), r.sub_category, _money(r.income_fen),
                       _money(r.expense_fen), format_fen(r.balance_fen)], False))
    if month:
        lines.append(_month_line(j, month, balance))
    lines.append((["", "", "本年合计", "", format_fen(j.income_fen), format_fen(j.expense_fen),
                   format_fen(j.closing_fen)], True))
    body: list[Flowable] = [note(f"上年结转 {format_fen(j.opening_fen)}，本年收入 {format_fen(j.income_fen)}，"
                                 f"支出 {format_fen(j.expense_fen)}，年末余额 {format_fen(j.closing_fen)}；"
                                 f"共 {len(j.rows)} 笔。红字冲销凭证以负数列示。")]
    for start in range(0, len(lines), JOURNAL_CHUNK):
        chunk = lines[start:start + JOURNAL_CHUNK]
        body.append(_fast_table([header] + [row for row, _mark in chunk], col, 4,
                                [i + 1 for i, (_row, mark) in enumerate(chunk) if mark]))
        if progress is not None:
            progress.report(start, len(lines), "正在排版日记账…")
    return write_register(out, page, body)


def _month_line(j: Journal, month: int, balance: int) -> tuple[list[Any], bool]:
    income, expense = j.month_totals(month)
    return (["", "", f"{month} 月合计", "", format_fen(income), format_fen(expense), format_fen(balance)], True)


def journal_xlsx(st: Station, actor: Actor, out: Path, year: int, contract_id: int | None = None,
                 progress: Progress | None = None) -> int:
    require(actor, Permission.VIEW)
    j = journal(st, actor, year, contract_id)
    rows: list[Sequence[object]] = [(None, "", "上年结转", "", "", None, None, j.opening_fen)]
    rows += [(r.entry_date, r.voucher, r.summary, r.category, r.sub_category, r.income_fen, r.expense_fen,
              r.balance_fen) for r in j.rows]
    rows.append((None, "", "本年合计", "", "", j.income_fen, j.expense_fen, j.closing_fen))
    headers = ["日期", "凭证号", "摘要", "科目类别", "明细科目", "收入", "支出", "余额"]
    return write_table_xlsx(out, f"{year}年日记账", headers, rows, progress,
                            ["date", "text", "text", "text", "text", "fen", "fen", "fen"], total=len(rows))


# --- budget execution ----------------------------------------------------------------------------------

def _execution_rows(ex: BudgetExecution) -> tuple[list[tuple[object, ...]], list[int]]:
    """Each category's subtotal first (shaded), its sub-categories under it, the total last."""
    rows: list[tuple[object, ...]] = []
    marked = []
    for cat in ex.categories:
        marked.append(len(rows))
        rows.append((cat.category, "小计", format_fen(cat.budget_fen), format_fen(cat.period_fen),
                     format_fen(cat.cumulative_fen), format_fen(cat.remaining_fen), rate_text(cat.rate)))
        for line in (x for x in ex.lines if x.category == cat.category):
            rows.append(("", line.sub_category, format_fen(line.budget_fen), format_fen(line.period_fen),
                         format_fen(line.cumulative_fen), format_fen(line.remaining_fen), rate_text(line.rate)))
    t = ex.total
    rows.append(("合计", "", format_fen(t.budget_fen), format_fen(t.period_fen), format_fen(t.cumulative_fen),
                 format_fen(t.remaining_fen), rate_text(t.rate)))
    return rows, marked


def _execution_block(ex: BudgetExecution, frame: float, period: str) -> list[Flowable]:
    c = ex.contract
    rows, marked = _execution_rows(ex)
    return [
        heading(f"{c.contract_no} {c.name}"),
        note(f"购买方：{c.funder}；合同期限 {c.start_date:%Y-%m-%d} 至 {c.end_date:%Y-%m-%d}；合同总金额 "
             f"{format_fen(c.total_fen)}；{period}收到经费 {format_fen(ex.income_period_fen)}。"),
        table(("科目类别", "明细科目", "预算数", f"{period}支出", "累计支出", "预算结余", "执行率"), rows,
              widths(frame, (14, 14, 12, 12, 12, 12, 8)), align="llrrrrr", total_row=True, marked=marked),
        note(f"承接方运营管理费累计 {format_fen(ex.mgmt_actual_fen)}，占项目总经费的 "
             f"{share_text(ex.mgmt_actual_fen, c.total_fen)}，上限 {ex.mgmt_percent.normalize():f}%"
             f"（{format_fen(ex.mgmt_limit_fen)}，第二十六条）。"),
        Spacer(1, 6),
    ]


def budget_pdf(st: Station, actor: Actor, out: Path, year: int | None = None, contract_id: int | None = None) -> Path:
    """预算执行情况表: one block per contract (running in ``year``, or the one asked for)."""
    require(actor, Permission.VIEW)
    contracts = ([get_contract(st, actor, contract_id)] if contract_id is not None
                 else list_contracts(st, actor, year=year))
    subtitle = f"{year} 年度" if year is not None else "合同期内累计"
    page = RegisterPage("预算执行情况表", get_profile(st).name, subtitle, st.clock.now().date())
    frame = frame_width(page)
    body: list[Flowable] = []
    for c in contracts:
        body += _execution_block(budget_execution(st, actor, c.id, year), frame, "本年" if year else "累计")
    if not contracts:
        body.append(note("没有符合条件的购买服务合同。"))
    return write_register(out, page, body)


def budget_xlsx(st: Station, actor: Actor, out: Path, year: int | None = None, contract_id: int | None = None) -> int:
    require(actor, Permission.VIEW)
    contracts = ([get_contract(st, actor, contract_id)] if contract_id is not None
                 else list_contracts(st, actor, year=year))
    rows: list[Sequence[object]] = []
    for c in contracts:
        ex = budget_execution(st, actor, c.id, year)
        for line in (*ex.lines, *ex.categories, ex.total):
            rows.append((c.contract_no, line.category, line.sub_category or "小计", line.budget_fen, line.period_fen,
                         line.cumulative_fen, line.remaining_fen, rate_text(line.rate)))
    return write_table_xlsx(out, "预算执行情况表", ["合同编号", "科目类别", "明细科目", "预算数",
                                              "本年支出" if year else "累计支出", "累计支出", "预算结余", "执行率"],
                            rows, None, ["text", "text", "text", "fen", "fen", "fen", "fen", "text"])


# --- final accounts -------------------------------------------------------------------------------------

def final_accounts_pdf(st: Station, actor: Actor, out: Path, year: int) -> Path:
    """经费决算表: for each contract, balance brought forward, the year's income, its expenses against
    the budget, the balance carried forward; totals in Chinese capitals; three signatures."""
    require(actor, Permission.VIEW)
    fa = final_accounts(st, actor, year)
    page = RegisterPage("经费决算表", get_profile(st).name, f"{year} 年度 · 依据第二十三条、第二十六条",
                        st.clock.now().date(), signatures=())
    frame = frame_width(page)
    body: list[Flowable] = [note(_status_line(fa))]
    summary = [(c.contract.contract_no, format_fen(c.opening_fen), format_fen(c.income_fen), format_fen(c.expense_fen),
                format_fen(c.closing_fen)) for c in fa.contracts]
    summary.append(("合计", format_fen(fa.opening_fen), format_fen(fa.income_fen), format_fen(fa.expense_fen),
                    format_fen(fa.closing_fen)))
    body += [heading("一、收支总表"),
             table(("合同编号", "上年结余", "本年收入", "本年支出", "年末结余"), summary,
                   widths(frame, (20, 14, 14, 14, 14)), align="lrrrr", total_row=True),
             _capital_line("本年收入合计", fa.income_fen), _capital_line("本年支出合计", fa.expense_fen),
             _capital_line("年末结余", fa.closing_fen)]
    for n, c in enumerate(fa.contracts, start=2):
        ex = c.execution
        income_rows = [(sub, format_fen(fen)) for sub, fen in c.income] + [("合计", format_fen(c.income_fen))]
        rows, marked = _execution_rows(ex)
        body += [
            Spacer(1, 4),
            heading(f"{'二三四五六七八九'[n - 2] if n - 2 < 8 else n}、{c.contract.contract_no} {c.contract.name}"),
            note(f"购买方：{c.contract.funder}；合同总金额 {format_fen(c.contract.total_fen)}；"
                 f"上年结余 {format_fen(c.opening_fen)}。"),
            KeepTogether([Paragraph(f"（一）本年{INCOME}", _sub_style()),
                          table(("收入项目", "本年金额"), income_rows, widths(frame, (30, 20)), align="lr",
                                total_row=True)]),
            Paragraph("（二）本年支出（按第二十六条三类经费）", _sub_style()),
            table(("科目类别", "明细科目", "预算数", "本年支出", "累计支出", "预算结余", "执行率"), rows,
                  widths(frame, (14, 14, 12, 12, 12, 12, 8)), align="llrrrrr", total_row=True, marked=marked),
            _capital_line("本年支出", c.expense_fen),
            note(f"（三）年末结余 {format_fen(c.closing_fen)}（大写：{rmb_upper(c.closing_fen)}）；"
                 f"承接方运营管理费累计 {format_fen(ex.mgmt_actual_fen)}，上限 {format_fen(ex.mgmt_limit_fen)}。"),
        ]
    if not fa.contracts:
        body.append(note("该年度没有在执行的购买服务合同。"))
    body.append(official_signatures(frame))
    return write_register(out, page, body)


def official_signatures(frame: float, labels: Sequence[str] = OFFICIAL_SIGNATURES) -> Flowable:
    """单位负责人 / 财务负责人 / 制表人 on one line above the shared date line (the shared block fits two
    signatures across a portrait page, an official form has three)."""
    cells: list[Any] = []
    for label in labels:
        cells += [Paragraph(f"{label}：", style(10.5)), ""]
    label_width = max(len(label) for label in labels) * 10.5 + 14
    line = frame / len(labels) - label_width - 6
    sign = Table([cells], colWidths=[label_width, line] * len(labels), rowHeights=12 * mm, hAlign="LEFT")
    sign.setStyle(TableStyle([("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in range(1, len(cells), 2)]
                             + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return KeepTogether([Spacer(1, 8 * mm), sign])


def _sub_style() -> ParagraphStyle:
    return style(10, bold=True, space_after=1)


def _status_line(fa: FinalAccounts) -> str:
    state = "本年度已结账。" if fa.year_closed else "本年度尚未结账，数字可能变动。"
    pending = f"另有 {fa.unreviewed} 张凭证尚未审核，已计入。" if fa.unreviewed else "全部凭证均已审核。"
    return state + pending


def final_accounts_xlsx(st: Station, actor: Actor, out: Path, year: int) -> int:
    require(actor, Permission.VIEW)
    fa = final_accounts(st, actor, year)
    rows: list[Sequence[object]] = []
    for c in fa.contracts:
        no = c.contract.contract_no
        rows.append((no, "上年结余", "", None, c.opening_fen, None, None, ""))
        rows += [(no, INCOME, sub, None, fen, None, None, "") for sub, fen in c.income]
        for line in (*c.execution.lines, *c.execution.categories):
            rows.append((no, line.category, line.sub_category or "小计", line.budget_fen, line.period_fen,
                         line.cumulative_fen, line.remaining_fen, rate_text(line.rate)))
        total = c.execution.total
        rows.append((no, "本年支出合计", "", total.budget_fen, c.expense_fen, total.cumulative_fen,
                     total.remaining_fen, rate_text(total.rate)))
        rows.append((no, "年末结余", "", None, c.closing_fen, None, None, ""))
    headers = ["合同编号", "项目", "明细", "预算数", "本年金额", "累计支出", "预算结余", "执行率"]
    return write_table_xlsx(out, f"{fa.year}年经费决算表", headers, rows, None,
                            ["text", "text", "text", "fen", "fen", "fen", "fen", "text"])



