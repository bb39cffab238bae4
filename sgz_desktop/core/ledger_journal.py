"""The journal (日记账): a year's entries in date order with the running balance.

The balance is computed by the database with a window function over the whole year (SQLite 3.25+
and PostgreSQL alike), so a page from the middle of the year, a month or a text search still shows
the true balance after each entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select

from .finance_categories import INCOME_DIR
from .ledger_chain import voucher_label
from .models import LedgerEntry
from .roles import Actor, Permission, require
from .station import Station


def signed_amount() -> Any:
    """Income adds to the balance, expense takes from it (a reversal's negative amount undoes)."""
    return case((LedgerEntry.direction == INCOME_DIR, LedgerEntry.amount_fen), else_=-LedgerEntry.amount_fen)


def opening_balance(st: Station, year: int, contract_id: int | None = None) -> int:
    """Balance brought forward into ``year``: everything booked before it."""
    stmt = select(func.coalesce(func.sum(signed_amount()), 0)).where(LedgerEntry.entry_date < dt.date(year, 1, 1))
    if contract_id is not None:
        stmt = stmt.where(LedgerEntry.contract_id == contract_id)
    with st.read() as s:
        return int(s.scalar(stmt) or 0)


def running_balance() -> Any:
    """The balance after each entry of the rows selected, in date then voucher order. Its window order
    matches the journal index and the query's ORDER BY, so the database streams it: the first page of a
    year of 30 000 entries costs a millisecond, not a sort of the whole year."""
    return func.sum(signed_amount()).over(order_by=(LedgerEntry.entry_date, LedgerEntry.voucher_no), rows=(None, 0))


def year_with_balance(year: int, contract_id: int | None) -> Select[Any]:
    """The year's entries with ``running`` (the balance after each entry, within the year) as a subquery
    source, for views that filter or sort after the balance is known."""
    stmt = select(LedgerEntry, running_balance().label("running")).where(LedgerEntry.year == year)
    if contract_id is not None:
        stmt = stmt.where(LedgerEntry.contract_id == contract_id)
    return stmt


@dataclass(frozen=True)
class JournalRow:
    entry_id: int
    entry_date: dt.date
    voucher: str
    summary: str
    category: str
    sub_category: str
    income_fen: int | None
    expense_fen: int | None
    balance_fen: int
    reviewed: bool


@dataclass(frozen=True)
class Journal:
    year: int
    contract_id: int | None
    opening_fen: int
    rows: tuple[JournalRow, ...]

    @property
    def income_fen(self) -> int:
        return sum(r.income_fen or 0 for r in self.rows)

    @property
    def expense_fen(self) -> int:
        return sum(r.expense_fen or 0 for r in self.rows)

    @property
    def closing_fen(self) -> int:
        return self.opening_fen + self.income_fen - self.expense_fen

    def month_totals(self, month: int) -> tuple[int, int]:
        rows = [r for r in self.rows if r.entry_date.month == month]
        return sum(r.income_fen or 0 for r in rows), sum(r.expense_fen or 0 for r in rows)


def journal(st: Station, actor: Actor, year: int, contract_id: int | None = None) -> Journal:
    require(actor, Permission.VIEW)
    opening = opening_balance(st, year, contract_id)
    stmt = (select(LedgerEntry.id, LedgerEntry.entry_date, LedgerEntry.year, LedgerEntry.voucher_no,
                   LedgerEntry.summary, LedgerEntry.category, LedgerEntry.sub_category, LedgerEntry.direction,
                   LedgerEntry.amount_fen, running_balance(), LedgerEntry.reviewed_at)
            .where(LedgerEntry.year == year).order_by(LedgerEntry.entry_date, LedgerEntry.voucher_no))
    if contract_id is not None:
        stmt = stmt.where(LedgerEntry.contract_id == contract_id)
    with st.read() as s:
        rows = tuple(
            JournalRow(i, d, voucher_label(y, n), summary, cat, subcat, amount if direction == INCOME_DIR else None,
                       None if direction == INCOME_DIR else amount, opening + int(running), reviewed is not None)
            for i, d, y, n, summary, cat, subcat, direction, amount, running, reviewed in s.execute(stmt))
    return Journal(year, contract_id, opening, rows)
