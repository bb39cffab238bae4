"""Contracts, users and entries for the finance tests."""

from __future__ import annotations

import datetime as dt

from sgz_desktop.core.contracts import ContractInfo, ContractInput, add_contract
from sgz_desktop.core.ledger import EntryInfo, EntryInput, add_entry
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station

CLERK = Actor(user_id=90, username="caiwu", display_name="李会计", role=Role.FINANCE)
SECOND_CLERK = Actor(user_id=91, username="chuna", display_name="周出纳", role=Role.FINANCE)
WORKER = Actor(user_id=92, username="shegong", display_name="张社工", role=Role.SOCIAL_WORKER)
HEAD = Actor(user_id=93, username="zhanzhang", display_name="赵站长", role=Role.HEAD)

# ¥1,000,000.00 over three years; the management fee exactly at 10 %.
BUDGET = {"薪资": 56_000_000, "五险一金": 14_000_000, "外聘督导补贴": 5_000_000, "专业能力提升": 4_000_000,
          "交通费": 4_000_000, "误餐费": 3_000_000, "组织志愿者费用": 4_000_000, "行政管理费": 7_000_000,
          "相关税费": 3_000_000}
TOTAL = 100_000_000


def contract_input(**overrides: object) -> ContractInput:
    values: dict[str, object] = dict(
        contract_no="JA-MZ-2025-018", name="后湖街道社工站运营服务项目", funder="江岸区民政局",
        start_date=dt.date(2025, 1, 1), end_date=dt.date(2027, 12, 31), total_fen=TOTAL, budget=dict(BUDGET),
        operator="武汉市江岸区同心社会工作服务中心", first_purchase=True)
    values.update(overrides)
    return ContractInput(**values)  # type: ignore[arg-type]


def make_contract(st: Station, actor: Actor, **overrides: object) -> ContractInfo:
    return add_contract(st, actor, contract_input(**overrides))


def entry_input(contract_id: int, **overrides: object) -> EntryInput:
    values: dict[str, object] = dict(
        entry_date=dt.date(2026, 2, 10), summary="2 月社工工资", direction="expense", sub_category="薪资",
        amount_fen=850_000, contract_id=contract_id, counterparty="王丽", payment_method="银行转账")
    values.update(overrides)
    return EntryInput(**values)  # type: ignore[arg-type]


def make_entry(st: Station, actor: Actor, contract_id: int, **overrides: object) -> EntryInfo:
    return add_entry(st, actor, entry_input(contract_id, **overrides))
