"""The finance area's registers in the yearly package: service projects, contracts and evaluations,
the year's ledger (every voucher with its review hash, so the receiver holds the chain as it was),
the journal, the final accounts and the disclosure notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from ..contract_evaluations import list_evaluations, renewal
from ..contracts import list_contracts
from ..finance_amounts import format_fen
from ..finance_categories import DIRECTION_LABELS
from ..ledger_chain import voucher_label
from ..models import Contract, LedgerEntry, Project
from ..projects import list_projects
from ..reports.finance import final_accounts_pdf, journal_pdf
from ..reports.finance_notice import disclosure_pdf, evaluations_pdf
from ..roles import Actor, Permission, require
from ..station import Station
from .registers import RegisterSection, register_section, write_csv, write_json

LEDGER_HEADERS = ("凭证号", "日期", "摘要", "收支", "科目类别", "明细科目", "金额（元）", "金额（分）", "往来单位",
                  "结算方式", "合同编号", "服务项目", "冲销凭证", "录入人", "审核人", "审核时间",
                  "审核链序号", "审核链哈希")
PROJECT_HEADERS = ("类型", "服务领域", "项目名称", "负责人", "开始日期", "结束日期", "项目目标", "需求清单", "资源清单",
                   "服务清单")


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def ledger_rows(st: Station, actor: Actor, year: int) -> list[list[object]]:
    require(actor, Permission.VIEW)
    original = select(LedgerEntry.year, LedgerEntry.voucher_no, LedgerEntry.id).subquery()
    stmt = (select(LedgerEntry, Contract.contract_no, Project.name, original.c.year, original.c.voucher_no)
            .join(Contract, Contract.id == LedgerEntry.contract_id)
            .outerjoin(Project, Project.id == LedgerEntry.project_id)
            .outerjoin(original, original.c.id == LedgerEntry.reverses_id)
            .where(LedgerEntry.year == year).order_by(LedgerEntry.voucher_no))
    with st.read() as s:
        return [[voucher_label(e.year, e.voucher_no), e.entry_date.isoformat(), e.summary,
                 DIRECTION_LABELS.get(e.direction, e.direction), e.category, e.sub_category, _yuan(e.amount_fen),
                 e.amount_fen,
                 e.counterparty, e.payment_method, contract_no, project or "",
                 voucher_label(oy, on) if oy is not None else "", e.entered_by_name, e.reviewed_by_name,
                 e.reviewed_at.isoformat() if e.reviewed_at else "", e.chain_seq or "", e.chain_hash]
                for e, contract_no, project, oy, on in s.execute(stmt)]


def _write(st: Station, actor: Actor, year: int, folder: Path) -> list[Path]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    projects = [p for p in list_projects(st, actor)
                if p.start_date <= last and (p.end_date is None or p.end_date >= first)]
    project_rows = [[p.kind_label, p.field, p.name, p.lead_name, p.start_date.isoformat(),
                     p.end_date.isoformat() if p.end_date else "", p.goals, p.need_list, p.resource_list,
                     p.service_list] for p in projects]
    evaluations = list_evaluations(st, actor)
    contracts = [{"合同编号": c.contract_no, "项目名称": c.name, "购买方": c.funder, "承接方": c.operator,
                  "开始日期": c.start_date.isoformat(), "结束日期": c.end_date.isoformat(),
                  # Machines read integer fen; the formatted yuan text is for people opening the file.
                  "合同金额": format_fen(c.total_fen), "合同金额（分）": c.total_fen,
                  "预算": {b.sub_category: format_fen(b.amount_fen) for b in c.budget},
                  "预算（分）": {b.sub_category: b.amount_fen for b in c.budget},
                  "评估": [{"执行年度": e.execution_year, "类型": e.kind, "日期": e.evaluated_on.isoformat(),
                          "评估机构": e.evaluator, "等级": e.grade, "得分": e.score}
                         for e in evaluations if e.contract_id == c.id],
                  "续签资格": renewal(c, [e for e in evaluations if e.contract_id == c.id], last).text}
                 for c in list_contracts(st, actor, year=year)]
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


register_section(RegisterSection("finance", "服务项目与财务账目", _write))
