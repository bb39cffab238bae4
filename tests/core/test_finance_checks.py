"""Dashboard cards of the finance area: the management fee per contract, contract periods, entries
left unreviewed, evaluations due."""

from __future__ import annotations

import datetime as dt

from sgz_desktop.core import checks
from sgz_desktop.core.checks import CheckResult, Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.finance_budget import execution_by_category
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, make_contract, make_entry


def _cards(st: Station) -> dict[str, CheckResult]:
    return {r.key: r for r in checks.run_compliance(st) if r.area in ("finance", "projects")}


def test_management_fee_share_per_contract(station: Station) -> None:
    contract = make_contract(station, CLERK)
    key = f"finance.mgmt_fee.{contract.id}"
    card = _cards(station)[key]
    assert card.status is Status.OK and card.article == "第二十六条" and card.figure == "已支 0.00%（上限 10%）"
    make_entry(station, CLERK, contract.id, sub_category="行政管理费", amount_fen=9_200_000)
    card = _cards(station)[key]
    assert card.status is Status.WARNING and "已用去上限的 92.00%" in card.detail
    make_entry(station, CLERK, contract.id, sub_category="相关税费", amount_fen=1_000_000, over_limit_reason="补税")
    card = _cards(station)[key]
    assert card.status is Status.FAILING and card.figure.startswith("已支 10.20%")


def test_contract_periods(station: Station, clock: FixedClock) -> None:
    assert _cards(station)["finance.contracts"].figure == "没有在执行的合同"
    make_contract(station, CLERK, contract_no="A", start_date=dt.date(2025, 6, 1), end_date=dt.date(2026, 5, 31))
    card = _cards(station)["finance.contracts"]
    assert card.status is Status.WARNING and "A 于 2026-05-31 到期（还有 90 天）" in card.detail
    clock.advance(days=-1)
    assert _cards(station)["finance.contracts"].status is Status.OK


def test_entries_unreviewed_for_more_than_30_days(station: Station) -> None:
    contract = make_contract(station, CLERK)
    make_entry(station, CLERK, contract.id, entry_date=dt.date(2026, 2, 10))
    card = _cards(station)["finance.unreviewed"]
    assert card.status is Status.OK and card.figure == "待审核 1 张"
    make_entry(station, CLERK, contract.id, entry_date=dt.date(2026, 1, 20))
    card = _cards(station)["finance.unreviewed"]
    assert card.status is Status.WARNING and card.people == ("2026-0002",) and card.article == "第二十三条"


def test_evaluations_due(station: Station) -> None:
    make_contract(station, CLERK, contract_no="A", start_date=dt.date(2025, 1, 1), end_date=dt.date(2026, 6, 30))
    card = _cards(station)["finance.evaluations"]
    assert card.status is Status.WARNING and "A 第 1 执行年度中期评估" in card.detail


def test_execution_by_category_for_the_chart(station: Station) -> None:
    contract = make_contract(station, CLERK)
    make_entry(station, CLERK, contract.id, amount_fen=1_000)
    make_entry(station, CLERK, contract.id, sub_category="财政拨款", direction="income", amount_fen=50_000)
    rows = execution_by_category(station, CLERK)
    assert rows == [("人员劳务费", 70_000_000, 1_000), ("服务质量保障经费", 20_000_000, 0),
                    ("承接方运营管理费", 10_000_000, 0)]
