"""The finance area's tables. Entries and the journal are lazy (counted and paged in SQL; 50 000
entries page as fast as 50); projects, contracts, budget execution, evaluations and closings are short.

Entry filters (``TableQuery.filters``): ``year``, ``month``, ``contract_id``, ``project_id``,
``direction``, ``category``, ``status`` (未审核 / 已审核 / 已冲销 / 冲销凭证), ``vouchers`` (a tuple of
voucher numbers, as a dashboard card names them). Text matches the summary or
the counterparty, or a voucher number written 2026-0012. Journal filters: ``year`` (required, default
this year), ``contract_id``, ``month``; its balance always runs from the start of the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import aliased

from .contract_evaluations import list_evaluations, renewal
from .contracts import list_contracts
from .finance_budget import budget_execution, rate_text
from .finance_categories import DIRECTION_LABELS, INCOME_DIR
from .ledger import REVERSAL, REVERSED, REVIEWED, UNREVIEWED
from .ledger_chain import voucher_label
from .ledger_journal import opening_balance, running_balance, signed_amount, year_with_balance
from .ledger_periods import list_closings
from .models import Contract, LedgerAttachment, LedgerEntry, Project
from .projects import KIND_LABELS, list_projects
from .roles import Actor, Permission, require
from .station import Station
from .tables import Column, ListSource, TableQuery

MAX_VOUCHERS = 500  # a card names at most this many; the OR of pairs stays a modest query
_VOUCHER = re.compile(r"^\s*(\d{4})\s*[-－—]\s*(\d{1,6})\s*$")


def _titled(columns: Sequence[Column], titles: Mapping[str, str] | None) -> tuple[Column, ...]:
    titles = titles or {}
    return tuple(Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in columns)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, 1), nxt - dt.timedelta(days=1)


# --- entries ---------------------------------------------------------------------------------------------

ENTRY_COLUMNS = (
    Column("voucher", "凭证号"),
    Column("entry_date", "日期", kind="date"),
    Column("summary", "摘要"),
    Column("direction", "收支", align="center"),
    Column("category", "科目类别"),
    Column("sub_category", "明细科目"),
    Column("amount_fen", "金额", kind="fen"),
    Column("counterparty", "往来单位"),
    Column("payment_method", "结算方式", align="center"),
    Column("contract", "合同编号"),
    Column("project", "服务项目"),
    Column("entered_by", "录入人"),
    Column("reviewed_by", "审核人"),
    Column("status", "状态", align="center"),
    Column("scans", "附件", kind="int"),
)


class EntrySource:
    """``page`` rows: the visible columns, then the entry id and its status key (hidden)."""

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        self._columns = _titled(ENTRY_COLUMNS, titles)
        reversal = aliased(LedgerEntry)
        self._reversed = exists().where(reversal.reverses_id == LedgerEntry.id)
        self._status = case((LedgerEntry.reverses_id.is_not(None), REVERSAL), (self._reversed, REVERSED),
                            (LedgerEntry.reviewed_at.is_not(None), REVIEWED), else_=UNREVIEWED)
        self._scans = (select(func.count(LedgerAttachment.id)).where(LedgerAttachment.entry_id == LedgerEntry.id)
                       .scalar_subquery())

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        year, month = f.get("year"), f.get("month")
        if isinstance(year, int):
            where.append(LedgerEntry.year == year)
            if isinstance(month, int):
                where.append(LedgerEntry.entry_date.between(*_month_range(year, month)))
        for key in ("contract_id", "project_id", "direction", "category"):
            if f.get(key) not in (None, ""):
                where.append(getattr(LedgerEntry, key) == f[key])
        status = f.get("status")
        if status == UNREVIEWED:
            where.append(LedgerEntry.reviewed_at.is_(None))
        elif status == REVIEWED:
            where.append(and_(LedgerEntry.reviewed_at.is_not(None), LedgerEntry.reverses_id.is_(None),
                              ~self._reversed))
        elif status == REVERSED:
            where.append(self._reversed)
        elif status == REVERSAL:
            where.append(LedgerEntry.reverses_id.is_not(None))
        vouchers = f.get("vouchers")
        if isinstance(vouchers, tuple):
            pairs = [m for m in (_VOUCHER.match(str(v)) for v in vouchers[:MAX_VOUCHERS]) if m is not None]
            where.append(or_(false(), *(and_(LedgerEntry.year == int(m[1]), LedgerEntry.voucher_no == int(m[2]))
                                        for m in pairs)))
        text = query.text.strip()
        if text:
            voucher = _VOUCHER.match(text)
            if voucher:
                where.append(and_(LedgerEntry.year == int(voucher[1]), LedgerEntry.voucher_no == int(voucher[2])))
            else:
                where.append(or_(LedgerEntry.summary.contains(text, autoescape=True),
                                 LedgerEntry.counterparty.contains(text, autoescape=True)))
        return where

    def count(self, query: TableQuery) -> int:
        with self.st.read() as s:
            return int(s.scalar(select(func.count(LedgerEntry.id)).where(*self._conditions(query))) or 0)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts: dict[str, Any] = {
            "voucher": (LedgerEntry.year, LedgerEntry.voucher_no), "entry_date": (LedgerEntry.entry_date,),
            "summary": (LedgerEntry.summary,), "direction": (LedgerEntry.direction,),
            "category": (LedgerEntry.category,), "sub_category": (LedgerEntry.sub_category,),
            "amount_fen": (LedgerEntry.amount_fen,), "counterparty": (LedgerEntry.counterparty,),
            "payment_method": (LedgerEntry.payment_method,), "contract": (Contract.contract_no,),
            "project": (Project.name,), "entered_by": (LedgerEntry.entered_by_name,),
            "reviewed_by": (LedgerEntry.reviewed_by_name,), "status": (self._status,), "scans": (self._scans,)}
        keys = sorts.get(query.sort_key or "", ())
        order = [k.desc() if query.descending else k.asc() for k in keys]
        stmt = (select(LedgerEntry.year, LedgerEntry.voucher_no, LedgerEntry.entry_date, LedgerEntry.summary,
                       LedgerEntry.direction, LedgerEntry.category, LedgerEntry.sub_category, LedgerEntry.amount_fen,
                       LedgerEntry.counterparty, LedgerEntry.payment_method, Contract.contract_no, Project.name,
                       LedgerEntry.entered_by_name, LedgerEntry.reviewed_by_name, self._status, self._scans,
                       LedgerEntry.id)
                .join(Contract, Contract.id == LedgerEntry.contract_id)
                .outerjoin(Project, Project.id == LedgerEntry.project_id)
                .where(*self._conditions(query))
                .order_by(*order, LedgerEntry.year.desc(), LedgerEntry.voucher_no.desc())
                .offset(offset).limit(limit))
        with self.st.read() as s:
            return [(voucher_label(y, n), d, summary, DIRECTION_LABELS.get(direction, direction), cat, sub, amount,
                     counterparty, method, contract_no, project or "", entered, reviewed or "", status, int(scans),
                     entry_id, status)
                    for (y, n, d, summary, direction, cat, sub, amount, counterparty, method, contract_no, project,
                         entered, reviewed, status, scans, entry_id) in s.execute(stmt)]


# --- journal ---------------------------------------------------------------------------------------------

JOURNAL_COLUMNS = (
    Column("entry_date", "日期", kind="date"),
    Column("voucher", "凭证号"),
    Column("summary", "摘要"),
    Column("sub_category", "科目"),
    Column("income", "收入", kind="fen"),
    Column("expense", "支出", kind="fen"),
    Column("balance", "余额", kind="fen"),
)


class JournalSource:
    """A year's journal; ``page`` rows: the visible columns, then the entry id (hidden)."""

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        self._columns = _titled(JOURNAL_COLUMNS, titles)
        self._opening: dict[tuple[int, int | None], int] = {}  # read again at every count (a reload)

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def year_of(self, query: TableQuery) -> int:
        year = query.filters.get("year")
        return year if isinstance(year, int) else self.st.clock.now().year

    def _contract(self, query: TableQuery) -> int | None:
        value = query.filters.get("contract_id")
        return value if isinstance(value, int) else None

    def opening(self, query: TableQuery) -> int:
        """Balance brought forward into the query's year; kept from the last ``count`` (every reload
        counts first), so paging on does not sum the earlier years again."""
        key = (self.year_of(query), self._contract(query))
        if key not in self._opening:
            self._opening[key] = opening_balance(self.st, *key)
        return self._opening[key]

    def _outer(self, query: TableQuery) -> tuple[Any, list[ColumnElement[bool]]]:
        year = self.year_of(query)
        sub = year_with_balance(year, self._contract(query)).subquery()
        where: list[ColumnElement[bool]] = []
        month = query.filters.get("month")
        if isinstance(month, int):
            where.append(sub.c.entry_date.between(*_month_range(year, month)))
        text = query.text.strip()
        if text:
            where.append(or_(sub.c.summary.contains(text, autoescape=True),
                             sub.c.counterparty.contains(text, autoescape=True)))
        return sub, where

    def count(self, query: TableQuery) -> int:
        self._opening.clear()
        where: list[ColumnElement[bool]] = [LedgerEntry.year == self.year_of(query)]
        contract = self._contract(query)
        if contract is not None:
            where.append(LedgerEntry.contract_id == contract)
        month = query.filters.get("month")
        if isinstance(month, int):
            where.append(LedgerEntry.entry_date.between(*_month_range(self.year_of(query), month)))
        text = query.text.strip()
        if text:
            where.append(or_(LedgerEntry.summary.contains(text, autoescape=True),
                             LedgerEntry.counterparty.contains(text, autoescape=True)))
        with self.st.read() as s:
            return int(s.scalar(select(func.count(LedgerEntry.id)).where(*where)) or 0)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        if not query.text.strip() and query.sort_key in (None, "entry_date", "voucher") and not query.descending:
            return self._page_in_order(query, offset, limit)
        sub, where = self._outer(query)
        income = case((sub.c.direction == INCOME_DIR, sub.c.amount_fen))
        expense = case((sub.c.direction != INCOME_DIR, sub.c.amount_fen))
        sorts: dict[str, Any] = {"entry_date": sub.c.entry_date, "voucher": sub.c.voucher_no,
                                 "summary": sub.c.summary, "sub_category": sub.c.sub_category, "income": income,
                                 "expense": expense, "balance": sub.c.running}
        key = sorts.get(query.sort_key or "")
        order = [key.desc() if query.descending else key.asc()] if key is not None else []
        stmt = (select(sub.c.entry_date, sub.c.year, sub.c.voucher_no, sub.c.summary, sub.c.sub_category, income,
                       expense, sub.c.running, sub.c.id)
                .where(*where).order_by(*order, sub.c.entry_date, sub.c.voucher_no).offset(offset).limit(limit))
        opening = self.opening(query)
        with self.st.read() as s:
            return [(d, voucher_label(y, n), summary, subcat, inc, exp, opening + int(running), entry_id)
                    for d, y, n, summary, subcat, inc, exp, running, entry_id in s.execute(stmt)]

    def _page_in_order(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        """The journal as it is read, in date order: one streamed window query (a month starts from the
        balance at its first day)."""
        year, contract = self.year_of(query), self._contract(query)
        where: list[ColumnElement[bool]] = [LedgerEntry.year == year]
        if contract is not None:
            where.append(LedgerEntry.contract_id == contract)
        carried = self.opening(query)
        month = query.filters.get("month")
        with self.st.read() as s:
            if isinstance(month, int):
                first, last = _month_range(year, month)
                carried += int(s.scalar(select(func.coalesce(func.sum(signed_amount()), 0))
                                        .where(*where, LedgerEntry.entry_date < first)) or 0)
                where.append(LedgerEntry.entry_date.between(first, last))
            income = case((LedgerEntry.direction == INCOME_DIR, LedgerEntry.amount_fen))
            expense = case((LedgerEntry.direction != INCOME_DIR, LedgerEntry.amount_fen))
            stmt = (select(LedgerEntry.entry_date, LedgerEntry.year, LedgerEntry.voucher_no, LedgerEntry.summary,
                           LedgerEntry.sub_category, income, expense, running_balance(), LedgerEntry.id)
                    .where(*where).order_by(LedgerEntry.entry_date, LedgerEntry.voucher_no)
                    .offset(offset).limit(limit))
            return [(d, voucher_label(y, n), summary, subcat, inc, exp, carried + int(running), entry_id)
                    for d, y, n, summary, subcat, inc, exp, running, entry_id in s.execute(stmt)]


# --- short lists ------------------------------------------------------------------------------------------

PROJECT_COLUMNS = (Column("kind", "类型"), Column("field", "服务领域"), Column("name", "项目名称"),
                   Column("lead", "负责人"), Column("start_date", "开始日期", kind="date"),
                   Column("end_date", "结束日期", kind="date"), Column("goals", "项目目标"))


def project_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """Every project, the 1 first, then the 4, then the N; rows end with the project id (hidden)."""
    rows = [(KIND_LABELS.get(p.kind, p.kind), p.field, p.name, p.lead_name, p.start_date, p.end_date, p.goals, p.id)
            for p in list_projects(st, actor)]
    return ListSource(_titled(PROJECT_COLUMNS, titles), rows)


CONTRACT_COLUMNS = (Column("contract_no", "合同编号"), Column("name", "项目名称"), Column("funder", "购买方"),
                    Column("start_date", "开始日期", kind="date"), Column("end_date", "结束日期", kind="date"),
                    Column("total_fen", "合同总金额", kind="fen"), Column("mgmt_budget", "管理费预算", kind="fen"),
                    Column("renewal", "续签（第三十三条）"))


def contract_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """Every contract with its management-fee budget and renewal status; rows end with its id (hidden)."""
    today = st.clock.now().date()
    evaluations = list_evaluations(st, actor)
    rows = [(c.contract_no, c.name, c.funder, c.start_date, c.end_date, c.total_fen, c.management_budget_fen,
             renewal(c, [e for e in evaluations if e.contract_id == c.id], today).text, c.id)
            for c in list_contracts(st, actor)]
    return ListSource(_titled(CONTRACT_COLUMNS, titles), rows)


EXECUTION_COLUMNS = (Column("category", "科目类别"), Column("sub_category", "明细科目"),
                     Column("budget", "预算数", kind="fen"), Column("period", "本期支出", kind="fen"),
                     Column("cumulative", "累计支出", kind="fen"), Column("remaining", "预算结余", kind="fen"),
                     Column("rate", "执行率", align="right"))


def execution_table(st: Station, actor: Actor, contract_id: int, year: int | None = None,
                    titles: Mapping[str, str] | None = None) -> ListSource:
    """Budget execution of one contract: each sub-category, each category's subtotal, the total."""
    ex = budget_execution(st, actor, contract_id, year)
    rows: list[Sequence[object]] = []
    for cat in ex.categories:
        for line in (x for x in ex.lines if x.category == cat.category):
            rows.append((line.category, line.sub_category, line.budget_fen, line.period_fen, line.cumulative_fen,
                         line.remaining_fen, rate_text(line.rate)))
        rows.append((cat.category, "小计", cat.budget_fen, cat.period_fen, cat.cumulative_fen, cat.remaining_fen,
                     rate_text(cat.rate)))
    t = ex.total
    rows.append(("合计", "", t.budget_fen, t.period_fen, t.cumulative_fen, t.remaining_fen, rate_text(t.rate)))
    return ListSource(_titled(EXECUTION_COLUMNS, titles), rows)


EVALUATION_COLUMNS = (Column("contract_no", "合同编号"), Column("execution_year", "执行年度", kind="int"),
                      Column("kind", "评估类型", align="center"), Column("evaluated_on", "评估日期", kind="date"),
                      Column("evaluator", "评估机构"), Column("grade", "评估等级", align="center"),
                      Column("score", "得分", kind="int"), Column("notes", "评估意见"))


def evaluation_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    numbers = {c.id: c.contract_no for c in list_contracts(st, actor)}
    rows = [(numbers.get(e.contract_id, ""), e.execution_year, e.kind, e.evaluated_on, e.evaluator, e.grade,
             e.score, e.notes, e.id, e.contract_id) for e in list_evaluations(st, actor)]
    return ListSource(_titled(EVALUATION_COLUMNS, titles), rows)


CLOSING_COLUMNS = (Column("period", "结账期间"), Column("closed_at", "结账时间", kind="datetime"),
                   Column("closed_by", "结账人"), Column("note", "备注"))


def closing_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    latest_first = sorted(list_closings(st, actor), key=lambda c: (c.closed_at, c.year, c.month), reverse=True)
    rows = [(c.label, c.closed_at, c.closed_by_name, c.note, c.year, c.month) for c in latest_first]
    return ListSource(_titled(CLOSING_COLUMNS, titles), rows)
