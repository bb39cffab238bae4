"""Checks of the service projects and the finance ledger (Art. 20, 23, 26, 33).

Integrity: the review hash chain recomputed entry by entry (any reviewed entry edited in the database
file is named) and the triggers that guard reviewed entries. Compliance: the management fee of each
contract against its limit (budget and actual), contracts ending soon or longer than three years,
entries left unreviewed, evaluations due, and the "1+4+N" project structure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select, text

from . import settings
from .checks import CheckResult, Status, compliance_check, integrity_check, today
from .contract_evaluations import list_evaluations, renewal
from .contracts import MAX_YEARS, ContractInfo, latest_end, list_contracts, mgmt_fee_percent, share_text
from .errors import SecretUnavailable
from .finance_amounts import format_fen
from .finance_budget import budget_execution
from .finance_categories import ART_23, ART_26, ART_33
from .ledger_chain import chain_key, verify, voucher_label
from .models import LedgerEntry
from .projects import ART_20, list_projects, structure_gaps
from .roles import SYSTEM
from .settings import SettingDef
from .station import Station

UNREVIEWED_DAYS = settings.define(SettingDef(
    "finance.unreviewed_warn_days", "账目录入后几天内应完成财务审核", "int", 30, article=ART_23,
    help="超过这个天数仍未审核的凭证在首页提醒", minimum=1, maximum=365))
CONTRACT_END_DAYS = settings.define(SettingDef(
    "finance.contract_end_warn_days", "购买服务合同到期前几天提醒", "int", 90, article=ART_33,
    help="提前安排评估、续签或重新购买", minimum=7, maximum=365))
MGMT_WARN_SHARE = Decimal("0.9")  # actual management fee at 90 % of its limit: amber
TRIGGER_NAMES = ("ledger_entry_reviewed_no_update", "ledger_entry_reviewed_no_delete",
                 "ledger_attachment_reviewed_no_insert", "ledger_attachment_reviewed_no_delete",
                 "ledger_attachment_reviewed_no_update")
MAX_SHOWN = 8


# --- integrity -----------------------------------------------------------------------------------------

@integrity_check("finance")
def _review_chain(st: Station, deep: bool) -> list[CheckResult]:
    title = "已审核账目未被改动（审核哈希链）"
    try:
        key = chain_key(st)
    except SecretUnavailable as err:
        return [CheckResult("finance.chain", "finance", title, ART_23, Status.WARNING, "无法校验", str(err))]
    report = verify(st, key)
    ok = not report.problems
    detail = (f"{report.checked} 条已审核账目逐条核对，内容与审核时一致。" if ok else
              "；".join(report.problems[:MAX_SHOWN]) + (f"；等共 {len(report.problems)} 处" if len(report.problems) >
                                                        MAX_SHOWN else "")
              + "。请从备份恢复，或请财务人员核实后做更正凭证。")
    with st.read() as s:
        bad = [voucher_label(y, n) for y, n in s.execute(select(LedgerEntry.year, LedgerEntry.voucher_no)
                                                          .where(LedgerEntry.id.in_(report.bad_entry_ids)))]
    return [CheckResult("finance.chain", "finance", title, ART_23, Status.OK if ok else Status.FAILING,
                        f"{report.checked} 条完好" if ok else f"{len(report.problems)} 处不符", detail, tuple(bad)),
            _guard_triggers(st)]


def _guard_triggers(st: Station) -> CheckResult:
    title = "已审核账目受数据库保护"
    if st.engine.dialect.name != "sqlite":
        return CheckResult("finance.guard", "finance", title, ART_23, Status.OK, "—", "由数据库权限保证。")
    with st.engine.connect() as conn:
        found = {str(r[0]) for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    missing = [name for name in TRIGGER_NAMES if name not in found]
    return CheckResult(
        "finance.guard", "finance", title, ART_23, Status.FAILING if missing else Status.OK,
        "保护缺失" if missing else "已保护",
        f"防止修改已审核账目的触发器缺失：{'、'.join(missing)}；账目可能被其他工具改动过。" if missing else
        "数据库拒绝修改或删除已审核的账目及其凭证附件。")


# --- compliance ----------------------------------------------------------------------------------------

def _current(st: Station) -> list[ContractInfo]:
    """Contracts running today or ended within the last year."""
    on = today(st)
    return [c for c in list_contracts(st, SYSTEM) if c.start_date <= on and c.end_date >= on - dt.timedelta(days=365)]


@compliance_check("finance")
def management_fee_share(st: Station) -> list[CheckResult]:
    """承接方运营管理费不超过项目总经费的比例"""
    percent = mgmt_fee_percent(st)
    results = []
    for contract in _current(st):
        ex = budget_execution(st, SYSTEM, contract.id)
        limit, actual, budget = ex.mgmt_limit_fen, ex.mgmt_actual_fen, contract.management_budget_fen
        title = f"管理费占比 · {contract.contract_no}"
        figure = f"已支 {share_text(actual, contract.total_fen)}（上限 {percent.normalize():f}%）"
        facts = (f"合同「{contract.name}」总经费 {format_fen(contract.total_fen)}，承接方运营管理费预算 "
                 f"{format_fen(budget)}（{share_text(budget, contract.total_fen)}），已支出 {format_fen(actual)}，"
                 f"上限 {format_fen(limit)}。")
        if budget > limit:
            status, advice = Status.FAILING, "预算超过上限，请调整预算。"
        elif actual > limit:
            status, advice = Status.FAILING, "实际支出已超过上限，每笔超支都应有超限说明。"
        elif actual >= limit * MGMT_WARN_SHARE:
            status = Status.WARNING
            advice = f"已用去上限的 {share_text(actual, limit)}，剩余 {format_fen(limit - actual)}。"
        else:
            status, advice = Status.OK, ""
        results.append(CheckResult(f"finance.mgmt_fee.{contract.id}", "finance", title, ART_26, status, figure,
                                   facts + advice, (contract.contract_no,)))
    return results


@compliance_check("finance")
def contract_periods(st: Station) -> CheckResult:
    """购买服务合同期限"""
    on = today(st)
    days = int(settings.get(st, CONTRACT_END_DAYS))
    contracts = list_contracts(st, SYSTEM)
    too_long = [c for c in contracts if c.end_date > latest_end(c.start_date)]
    ending = [c for c in contracts if on <= c.end_date <= on + dt.timedelta(days=days)]
    running = [c for c in contracts if c.running_on(on)]
    title = "购买服务合同期限"
    if too_long:
        names = "、".join(f"{c.contract_no}（{c.start_date:%Y-%m-%d} 至 {c.end_date:%Y-%m-%d}）" for c in too_long)
        return CheckResult("finance.contracts", "finance", title, ART_33, Status.FAILING,
                           f"{len(too_long)} 份超过 3 年", f"服务合同期限最长 {MAX_YEARS} 年：{names}。",
                           tuple(c.contract_no for c in too_long))
    if ending:
        names = "、".join(f"{c.contract_no} 于 {c.end_date:%Y-%m-%d} 到期（还有 {(c.end_date - on).days} 天）"
                         for c in ending)
        return CheckResult("finance.contracts", "finance", title, ART_33, Status.WARNING,
                           f"{len(ending)} 份 {days} 天内到期",
                           f"{names}。请安排期末评估，并按评估结果申请续签或重新购买。",
                           tuple(c.contract_no for c in ending))
    if not running:
        return CheckResult("finance.contracts", "finance", title, ART_33, Status.WARNING, "没有在执行的合同",
                           "目前没有在执行期内的购买服务合同，请登记合同后再记账。")
    return CheckResult("finance.contracts", "finance", title, ART_33, Status.OK, f"{len(running)} 份在执行",
                       "在执行的合同期限均不超过 3 年，且近期没有到期的。")


@compliance_check("finance")
def unreviewed_entries(st: Station) -> CheckResult:
    """账目及时财务审核"""
    days = int(settings.get(st, UNREVIEWED_DAYS))
    cutoff = today(st) - dt.timedelta(days=days)
    with st.read() as s:
        old = s.execute(select(LedgerEntry.year, LedgerEntry.voucher_no).where(
            LedgerEntry.reviewed_at.is_(None), LedgerEntry.entry_date < cutoff)
            .order_by(LedgerEntry.entry_date, LedgerEntry.voucher_no)).all()
        pending = s.scalar(select(func.count(LedgerEntry.id)).where(LedgerEntry.reviewed_at.is_(None))) or 0
    vouchers = tuple(voucher_label(y, n) for y, n in old)
    if vouchers:
        shown = "、".join(vouchers[:MAX_SHOWN]) + (f" 等 {len(vouchers)} 张" if len(vouchers) > MAX_SHOWN else "")
        return CheckResult("finance.unreviewed", "finance", "账目及时财务审核", ART_23, Status.WARNING,
                           f"{len(vouchers)} 张超过 {days} 天未审核",
                           f"以下凭证录入已超过 {days} 天仍未审核：{shown}。审核须由录入人以外的人员进行。", vouchers)
    return CheckResult("finance.unreviewed", "finance", "账目及时财务审核", ART_23, Status.OK,
                       f"待审核 {pending} 张" if pending else "全部已审核",
                       f"没有超过 {days} 天未审核的凭证。")


@compliance_check("finance")
def evaluations_due(st: Station) -> CheckResult:
    """购买服务项目绩效评估"""
    on = today(st)
    evaluations = list_evaluations(st, SYSTEM)
    missing: list[str] = []
    ended: list[str] = []
    for contract in _current(st):
        status = renewal(contract, [e for e in evaluations if e.contract_id == contract.id], on)
        missing += [f"{contract.contract_no} {m}" for m in status.missing]
        if status.ended and contract.end_date >= on:
            ended.append(f"{contract.contract_no}：{status.text}")
    if ended:
        return CheckResult("finance.evaluations", "finance", "购买服务项目绩效评估", ART_33, Status.FAILING,
                           f"{len(ended)} 份合同应终止", "；".join(ended) + "。")
    if missing:
        return CheckResult("finance.evaluations", "finance", "购买服务项目绩效评估", ART_33, Status.WARNING,
                           f"缺 {len(missing)} 次评估", f"尚未登记：{'、'.join(missing)}。", tuple(missing))
    return CheckResult("finance.evaluations", "finance", "购买服务项目绩效评估", ART_33, Status.OK, "已按期评估",
                       "应开展的中期、期末评估均已登记。")


@compliance_check("projects")
def project_structure(st: Station) -> CheckResult:
    """“1+4+N”服务项目"""
    on = today(st)
    projects = list_projects(st, SYSTEM)
    gaps = structure_gaps(projects, on)
    running = [p for p in projects if p.running_on(on)]
    featured = sum(1 for p in running if p.kind == "featured")
    figure = f"1+4+{featured}" if not gaps else f"缺 {len(gaps)} 个"
    return CheckResult(
        "projects.structure", "projects", "“1+4+N”服务项目", ART_20, Status.WARNING if gaps else Status.OK, figure,
        (f"目前没有在执行的：{'、'.join(gaps)}。请在“项目与财务 → 服务项目”中登记。" if gaps else
         f"核心项目、4 个基础项目均在执行，另有特色项目 {featured} 个。"), tuple(gaps))
