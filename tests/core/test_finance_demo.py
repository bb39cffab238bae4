"""The demo's money: for every year, the journal, the budget execution and the final accounts agree
to the fen; the chain is intact; reversals, unreviewed entries and a contract near its limit exist."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgz_desktop.core import checks, demo
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.contracts import list_contracts
from sgz_desktop.core.finance_budget import budget_execution, final_accounts
from sgz_desktop.core.finance_tables import EntrySource, JournalSource
from sgz_desktop.core.ledger_journal import journal
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.station import Station, open_station
from sgz_desktop.core.tables import TableQuery

NOW = dt.datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Station, dict[str, int]]]:
    data = DataDir(Path(tmp_path_factory.mktemp("finance-demo")) / "demo")
    made = demo.make_demo(data, password="demo-pass1", clock=FixedClock(NOW))
    st = open_station(data, clock=FixedClock(NOW), secret_store=FileSecretStore(data.secret_file))
    yield st, made.counts
    st.close()


def test_sums_agree_to_the_fen_for_every_year(demo_station: tuple[Station, dict[str, int]]) -> None:
    st, _counts = demo_station
    for year in (2024, 2025, 2026):
        j = journal(st, SYSTEM, year)
        fa = final_accounts(st, SYSTEM, year)
        executions = [budget_execution(st, SYSTEM, c.id, year) for c in list_contracts(st, SYSTEM, year=year)]
        assert j.income_fen == fa.income_fen == sum(e.income_period_fen for e in executions) > 0
        assert j.expense_fen == fa.expense_fen == sum(e.total.period_fen for e in executions) > 0
        assert j.opening_fen == fa.opening_fen and j.closing_fen == fa.closing_fen
        assert j.rows[-1].balance_fen == j.closing_fen
        by_category: dict[str, int] = defaultdict(int)
        for row in j.rows:
            if row.expense_fen is not None:
                by_category[row.category] += row.expense_fen
        assert dict(fa.category_totals()) == dict(by_category)
        # Each contract's budget execution and its final-accounts block are the same figures.
        for c, ex in zip(fa.contracts, executions, strict=True):
            assert c.execution == ex
        # The journal page shows the same running balance as the report.
        source = JournalSource(st, SYSTEM)
        query = TableQuery(filters={"year": year})
        last = source.page(query, source.count(query) - 1, 1)[0]
        assert last[6] == j.closing_fen
    # Every way of paging the journal shows each entry's true balance (streamed, by month, searched, sorted).
    j = journal(st, SYSTEM, 2025)
    balance = {r.voucher: r.balance_fen for r in j.rows}
    source = JournalSource(st, SYSTEM)
    for query in (TableQuery(filters={"year": 2025}), TableQuery(filters={"year": 2025, "month": 6}),
                  TableQuery(text="交通", filters={"year": 2025}),
                  TableQuery(sort_key="expense", descending=True, filters={"year": 2025, "month": 6})):
        rows = source.page(query, 3, 50)
        assert rows and all(row[6] == balance[str(row[1])] for row in rows), query
    # Next year's opening is this year's closing.
    assert journal(st, SYSTEM, 2025).opening_fen == journal(st, SYSTEM, 2024).closing_fen


def test_demo_ledger_is_believable(demo_station: tuple[Station, dict[str, int]]) -> None:
    st, counts = demo_station
    assert counts["ledger_entries"] > 3000 and counts["reversals"] >= 10 and counts["contracts"] == 2
    entries = EntrySource(st, SYSTEM)
    assert entries.count(TableQuery(filters={"status": "冲销凭证"})) == counts["reversals"]
    assert entries.count(TableQuery(filters={"status": "未审核"})) == counts["unreviewed"] > 0
    integrity = {r.key: r for r in checks.run_integrity(st)}
    assert integrity["finance.chain"].status is Status.OK, integrity["finance.chain"].detail
    compliance = {r.key: r for r in checks.run_compliance(st)}
    fees = [r for key, r in compliance.items() if key.startswith("finance.mgmt_fee.")]
    assert sorted(r.status for r in fees) == [Status.OK, Status.WARNING]  # one contract near its limit
    assert compliance["finance.unreviewed"].status is Status.WARNING
    assert compliance["projects.structure"].status is Status.OK


def test_demo_vouchers_have_no_gaps(demo_station: tuple[Station, dict[str, int]]) -> None:
    from sqlalchemy import func, select

    from sgz_desktop.core.models import LedgerEntry

    st, _counts = demo_station
    with st.read() as s:
        for year, count, top in s.execute(select(LedgerEntry.year, func.count(), func.max(LedgerEntry.voucher_no))
                                          .group_by(LedgerEntry.year)):
            assert count == top, year
