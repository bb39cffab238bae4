"""The review hash chain: editing or removing a reviewed entry in the database file is detected, and
the check names the entry."""

from __future__ import annotations

import sqlite3

import pytest

from sgz_desktop.core import checks, ledger
from sgz_desktop.core.checks import CheckResult, Status
from sgz_desktop.core.ledger_chain import chain_key, verify
from sgz_desktop.core.secrets import MemorySecretStore
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, SECOND_CLERK, make_contract, make_entry


def _finance(st: Station) -> dict[str, CheckResult]:
    return {r.key: r for r in checks.run_integrity(st) if r.area == "finance"}


@pytest.fixture
def reviewed(station: Station) -> list[int]:
    contract = make_contract(station, CLERK)
    ids = [make_entry(station, CLERK, contract.id, summary=f"第 {i} 笔", amount_fen=10_000 + i).id for i in range(5)]
    ledger.review_entries(station, SECOND_CLERK, ids[:3])
    ledger.review_entries(station, SECOND_CLERK, ids[3:])
    return ids


def _sql(st: Station, *statements: str) -> None:
    conn = sqlite3.connect(st.data.database)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_intact_chain(station: Station, reviewed: list[int]) -> None:
    report = verify(station, chain_key(station))
    assert report.checked == 5 and report.problems == ()
    results = _finance(station)
    assert results["finance.chain"].status is Status.OK and results["finance.chain"].figure == "5 条完好"
    assert results["finance.guard"].status is Status.OK


def test_an_edited_amount_is_named(station: Station, reviewed: list[int]) -> None:
    _sql(station, "DROP TRIGGER ledger_entry_reviewed_no_update",
         f"UPDATE ledger_entry SET amount_fen = 99 WHERE id = {reviewed[1]}")
    results = _finance(station)
    chain = results["finance.chain"]
    assert chain.status is Status.FAILING and chain.people == ("2026-0002",)
    assert "凭证 2026-0002" in chain.detail and "第 1 笔" in chain.detail and "内容与审核时不符" in chain.detail
    assert results["finance.guard"].status is Status.FAILING
    assert "ledger_entry_reviewed_no_update" in results["finance.guard"].detail


def test_unmarking_a_review_is_named(station: Station, reviewed: list[int]) -> None:
    _sql(station, "DROP TRIGGER ledger_entry_reviewed_no_update",
         f"UPDATE ledger_entry SET reviewed_at = NULL, reviewed_by = NULL WHERE id = {reviewed[0]}")
    chain = _finance(station)["finance.chain"]
    assert chain.status is Status.FAILING and "2026-0001" in chain.people and "审核记录被清除" in chain.detail


def test_removed_entries_are_noticed(station: Station, reviewed: list[int]) -> None:
    _sql(station, "DROP TRIGGER ledger_entry_reviewed_no_delete",
         f"DELETE FROM ledger_entry WHERE id = {reviewed[-1]}")  # the last one: only the audit log knows
    chain = _finance(station)["finance.chain"]
    assert chain.status is Status.FAILING and "已有 5 条，数据库中只有 4 条" in chain.detail
    _sql(station, f"DELETE FROM ledger_entry WHERE id = {reviewed[1]}")
    chain = _finance(station)["finance.chain"]
    assert "审核链第 2–2 条缺失" in chain.detail


def test_a_forged_hash_without_the_secret_is_caught(station: Station, reviewed: list[int]) -> None:
    import hashlib

    fake = hashlib.sha256(b"forged").hexdigest()
    _sql(station, "DROP TRIGGER ledger_entry_reviewed_no_update",
         f"UPDATE ledger_entry SET summary = '改过', chain_hash = '{fake}' WHERE id = {reviewed[4]}")
    chain = _finance(station)["finance.chain"]
    assert chain.status is Status.FAILING and "2026-0005" in chain.people


def test_a_locked_station_says_it_cannot_check(station: Station, reviewed: list[int]) -> None:
    station.secret_store = MemorySecretStore()  # this PC has no secret for the station
    chain = _finance(station)["finance.chain"]
    assert chain.status is Status.WARNING and chain.figure == "无法校验"
