"""The finance area's registers in a handover package: service projects, contracts and evaluations,
the year's ledger (every voucher with its review hash, so the receiver holds the chain as it was),
the journal, the final accounts and the disclosure notice. For a project package: the project, every
voucher charged to it (any year), its income and spending by account (budget execution) and the
contracts those vouchers are charged to, with their budgets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from sqlalchemy import ColumnElement, select

from ..contract_evaluations import list_evaluations, renewal
from ..contracts import ContractInfo, list_contracts
from ..finance_amounts import format_fen
from ..finance_categories import DIRECTION_LABELS
from ..ledger_chain import voucher_label
from ..models import Contract, LedgerEntry, Project
from ..profile import get_profile
from ..projects import ProjectInfo, get_project, list_projects
from ..reports.finance import final_accounts_pdf, journal_pdf
from ..reports.finance_notice import disclosure_pdf, evaluations_pdf
from ..reports.package import write_scope_table_pdf
from ..roles import Actor, Permission, require
from ..station import Station
from .registers import RegisterSection, register_section, write_csv, write_json
from .scope import Scope

LEDGER_HEADERS = ("凭证号", "日期", "摘要", "收支", "科目类别", "明细科目", "金额（元）", "金额（分）", "往来单位",
                  "结算方式", "合同编号", "服务项目", "冲销凭证", "录入人", "审核人", "审核时间",
                  "审核链序号", "审核链哈希")
PROJECT_HEADERS = ("类型", "服务领域", "项目名称", "负责人", "开始日期", "结束日期", "项目目标", "需求清单", "资源清单",
                   "服务清单")


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def ledger_rows(st: Station, actor: Actor, year: int | None = None, *,
                project_id: int | None = None) -> list[list[object]]:
    """The vouchers of a year, or (``project_id``) every voucher charged to a project, in voucher order."""
    require(actor, Permission.VIEW)
    which: ColumnElement[bool] = (LedgerEntry.year == year if project_id is None
                                  else LedgerEntry.project_id == project_id)
    original = select(LedgerEntry.year, LedgerEntry.voucher_no, LedgerEntry.id).subquery()
    stmt = (select(LedgerEntry, Contract.contract_no, Project.name, original.c.year, original.c.voucher_no)
            .join(Contract, Contract.id == LedgerEntry.contract_id)
            .outerjoin(Project, Project.id == LedgerEntry.project_id)
            .outerjoin(original, original.c.id == LedgerEntry.reverses_id)
            .where(which).order_by(LedgerEntry.year, LedgerEntry.voucher_no))
    with st.read() as s:
        return [[voucher_label(e.year, e.voucher_no), e.entry_date.isoformat(), e.summary,
                 DIRECTION_LABELS.get(e.direction, e.direction), e.category, e.sub_category, _yuan(e.amount_fen),
                 e.amount_fen,
                 e.counterparty, e.payment_method, contract_no, project or "",
                 voucher_label(oy, on) if oy is not None else "", e.entered_by_name, e.reviewed_by_name,
                 e.reviewed_at.isoformat() if e.reviewed_at else "", e.chain_seq or "", e.chain_hash]
                for e, contract_no, project, oy, on in s.execute(stmt)]


def _project_row(p: ProjectInfo) -> list[object]:
    return [p.kind_label, p.field, p.name, p.lead_name, p.start_date.isoformat(),
            p.end_date.isoformat() if p.end_date else "", p.goals, p.need_list, p.resource_list, p.service_list]


def _contracts(st: Station, actor: Actor, contracts: list[ContractInfo], last: dt.date) -> list[dict[str, object]]:
    evaluations = list_evaluations(st, actor)
    return [{"合同编号": c.contract_no, "项目名称": c.name, "购买方": c.funder, "承接方": c.operator,
             "开始日期": c.start_date.isoformat(), "结束日期": c.end_date.isoformat(),
             # Machines read integer fen; the formatted yuan text is for people opening the file.
             "合同金额": format_fen(c.total_fen), "合同金额（分）": c.total_fen,
             "预算": {b.sub_category: format_fen(b.amount_fen) for b in c.budget},
             "预算（分）": {b.sub_category: b.amount_fen for b in c.budget},
             "评估": [{"执行年度": e.execution_year, "类型": e.kind, "日期": e.evaluated_on.isoformat(),
                     "评估机构": e.evaluator, "等级": e.grade, "得分": e.score}
                    for e in evaluations if e.contract_id == c.id],
             "续签资格": renewal(c, [e for e in evaluations if e.contract_id == c.id], last).text}
            for c in contracts]


def _write(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    if scope.is_project:
        return _write_project(st, actor, scope, folder)
    year = scope.year or 0
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    projects = [p for p in list_projects(st, actor)
                if p.start_date <= last and (p.end_date is None or p.end_date >= first)]
    project_rows = [_project_row(p) for p in projects]
    contracts = _contracts(st, actor, list_contracts(st, actor, year=year), last)
    entries = ledger_rows(st, actor, year)
    return [
        write_csv(folder / "projects.csv", PROJECT_HEADERS, project_rows),
        write_json(folder / "contracts.json", {"年度": year, "购买服务合同": contracts}),
        write_csv(folder / "ledger.csv", LEDGER_HEADERS, entries),
        write_json(folder / "ledger.json", {"年度": year, "凭证": [dict(zip(LEDGER_HEADERS, row, strict=True))
                                                                  for row in entries]}),
        journal_pdf(st, actor, folder / "journal.pdf", year),
        final_accounts_pdf(st, actor, folder / "final-accounts.pdf", year),
        disclosure_pdf(st, actor, folder / "disclosure.pdf", year),
        evaluations_pdf(st, actor, folder / "evaluations.pdf"),
    ]


EXECUTION_HEADERS = ("收支", "科目类别", "明细科目", "笔数", "金额（元）", "金额（分）")
_DIRECTION, _CATEGORY, _SUB, _YUAN, _FEN, _CONTRACT = 3, 4, 5, 6, 7, 10  # columns of a ledger row


def execution_rows(entries: list[list[object]]) -> list[list[object]]:
    """The project's income and spending by account (reversals net out): its budget execution."""
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in entries:
        key = (str(row[_DIRECTION]), str(row[_CATEGORY]), str(row[_SUB]))
        sums[key][0] += 1
        sums[key][1] += int(str(row[_FEN]))
    return [[d, c, sub, n, _yuan(fen), fen] for (d, c, sub), (n, fen) in sorted(sums.items())]


def _write_project(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    project = get_project(st, actor, scope.project_id or 0)
    entries = ledger_rows(st, actor, project_id=project.id)
    charged = {str(row[_CONTRACT]) for row in entries}
    contracts = _contracts(st, actor, [c for c in list_contracts(st, actor) if c.contract_no in charged], scope.last)
    execution = execution_rows(entries)
    fields = scope.json_fields()
    shown = [[r[0], r[1], r[2], r[_DIRECTION], r[_SUB], r[_YUAN], r[_CONTRACT], r[14]] for r in entries]
    return [
        write_csv(folder / "projects.csv", PROJECT_HEADERS, [_project_row(project)]),
        write_json(folder / "contracts.json", {**fields, "购买服务合同": contracts}),
        write_csv(folder / "ledger.csv", LEDGER_HEADERS, entries),
        write_json(folder / "ledger.json", {**fields, "凭证": [dict(zip(LEDGER_HEADERS, row, strict=True))
                                                            for row in entries]}),
        write_csv(folder / "budget-execution.csv", EXECUTION_HEADERS, execution),
        write_json(folder / "budget-execution.json", {**fields, "收支汇总": [
            dict(zip(EXECUTION_HEADERS, row, strict=True)) for row in execution]}),
        write_scope_table_pdf(
            folder / "ledger.pdf", title="项目收支明细账", station=get_profile(st).name, scope=scope,
            printed_on=st.clock.now().date(),
            headers=("凭证号", "日期", "摘要", "收支", "明细科目", "金额（元）", "合同编号", "审核人"), rows=shown,
            relative=(9, 8, 26, 5, 10, 9, 11, 7), align="lllcllll",
            summary=f"记入本项目的凭证 {len(entries)} 张（含红字冲销），各年度均在内。",
            extra=[("按科目汇总（预算执行）", EXECUTION_HEADERS[:5], [r[:5] for r in execution], (6, 10, 12, 5, 10))]),
    ]


register_section(RegisterSection("finance", "服务项目与财务账目", _write, "本项目的账目与预算执行"))
