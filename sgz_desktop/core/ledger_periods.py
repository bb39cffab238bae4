"""Closing the books (结账): a closed month, or a closed year, locks its entries.

Months close in order, once they are over and every entry in them is reviewed; a year closes when its
twelve months have. Nothing dated in a closed period can be entered, edited, deleted or imported; a
correction goes into an open month as a reversing entry. The last closed month of a year that is not
closed can be reopened with a reason (反结账), which the audit log keeps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import audit
from .errors import Problem, ValidationError
from .ledger_chain import voucher_label
from .models import LedgerClose, LedgerEntry
from .roles import Actor, Permission, require
from .station import Station

YEAR = 0  # LedgerClose.month of a closed year


@dataclass(frozen=True)
class Closing:
    year: int
    month: int  # 0: the whole year
    closed_at: dt.datetime
    closed_by_name: str
    note: str

    @property
    def label(self) -> str:
        return f"{self.year} 年度" if self.month == YEAR else f"{self.year} 年 {self.month} 月"


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def closed_months(s: Session, year: int) -> set[int]:
    return set(s.scalars(select(LedgerClose.month).where(LedgerClose.year == year)))


def is_closed(s: Session, day: dt.date) -> bool:
    months = closed_months(s, day.year)
    return YEAR in months or day.month in months


def closed_problem(s: Session, day: dt.date, label: str = "日期", row: int | None = None) -> Problem | None:
    """Why nothing may be booked on ``day``, or None when its month is open."""
    months = closed_months(s, day.year)
    if YEAR in months:
        return Problem(label, f"{day.year} 年度已经结账，不能再录入或修改该年的账目", row)
    if day.month in months:
        return Problem(label, f"{day.year} 年 {day.month} 月已经结账，不能再录入或修改该月的账目；"
                              "更正请在未结账的月份做红字冲销", row)
    return None


def _closing(row: LedgerClose) -> Closing:
    return Closing(row.year, row.month, row.closed_at, row.closed_by_name, row.note)


def list_closings(st: Station, actor: Actor, year: int | None = None) -> list[Closing]:
    require(actor, Permission.VIEW)
    stmt = select(LedgerClose).order_by(LedgerClose.year, LedgerClose.month)
    if year is not None:
        stmt = stmt.where(LedgerClose.year == year)
    with st.read() as s:
        return [_closing(r) for r in s.scalars(stmt)]


def _month_problems(s: Session, year: int, month: int, today: dt.date, closed: set[int]) -> list[Problem]:
    first, last = month_bounds(year, month)
    what = f"{year} 年 {month} 月"
    if month in closed:
        return [Problem("结账", f"{what}已经结账")]
    problems = []
    if last >= today:
        problems.append(Problem("结账", f"{what}还没有结束（{last:%Y-%m-%d} 之后才能结账）"))
    if month > 1 and month - 1 not in closed:
        problems.append(Problem("结账", f"请先为 {year} 年 {month - 1} 月结账（按月份顺序结账）"))
    pending = s.execute(select(LedgerEntry.year, LedgerEntry.voucher_no).where(
        LedgerEntry.entry_date.between(first, last), LedgerEntry.reviewed_at.is_(None))
        .order_by(LedgerEntry.voucher_no)).all()
    if pending:
        shown = "、".join(voucher_label(y, n) for y, n in pending[:10]) + (" 等" if len(pending) > 10 else "")
        problems.append(Problem("结账", f"{what}还有 {len(pending)} 张凭证未审核：{shown}"))
    return problems


def _close(s: Session, actor: Actor, st: Station, year: int, month: int, note: str) -> None:
    s.add(LedgerClose(year=year, month=month, closed_at=st.clock.now().replace(microsecond=0),
                      closed_by=actor.username, closed_by_name=actor.display_name, note=note.strip()[:200]))
    s.flush()


def close_month(st: Station, actor: Actor, year: int, month: int, note: str = "") -> Closing:
    require(actor, Permission.REVIEW_LEDGER)
    if not 1 <= month <= 12:
        raise ValidationError(Problem("月份", "应在 1 到 12 之间"))
    with st.begin(actor) as s:
        closed = closed_months(s, year)
        if YEAR in closed:
            raise ValidationError(Problem("结账", f"{year} 年度已经结账"))
        problems = _month_problems(s, year, month, st.clock.now().date(), closed)
        if problems:
            raise ValidationError(problems)
        _close(s, actor, st, year, month, note)
        return Closing(year, month, st.clock.now().replace(microsecond=0), actor.display_name, note.strip())


def close_year(st: Station, actor: Actor, year: int, note: str = "") -> Closing:
    """Close every month still open, in order, then the year; all or nothing."""
    require(actor, Permission.REVIEW_LEDGER)
    with st.begin(actor) as s:
        closed = closed_months(s, year)
        if YEAR in closed:
            raise ValidationError(Problem("结账", f"{year} 年度已经结账"))
        today = st.clock.now().date()
        for month in range(1, 13):
            if month in closed:
                continue
            problems = _month_problems(s, year, month, today, closed)
            if problems:
                raise ValidationError(problems)
            _close(s, actor, st, year, month, note)
            closed.add(month)
        _close(s, actor, st, year, YEAR, note)
        return Closing(year, YEAR, st.clock.now().replace(microsecond=0), actor.display_name, note.strip())


def reopen_month(st: Station, actor: Actor, year: int, month: int, reason: str) -> None:
    """反结账 of the last closed month of an open year; the reason goes into the audit log."""
    require(actor, Permission.REVIEW_LEDGER)
    if not reason.strip():
        raise ValidationError(Problem("反结账原因", "必须说明原因"))
    with st.begin(actor) as s:
        closed = closed_months(s, year)
        if YEAR in closed:
            raise ValidationError(Problem("反结账", f"{year} 年度已经结账，不能再反结账"))
        if month not in closed:
            raise ValidationError(Problem("反结账", f"{year} 年 {month} 月没有结账"))
        if month != max(closed):
            raise ValidationError(Problem("反结账", f"只能从最后一个结账的月份（{max(closed)} 月）开始反结账"))
        row = s.scalars(select(LedgerClose).where(LedgerClose.year == year, LedgerClose.month == month)).one()
        s.delete(row)
        s.flush()
        audit.record_event(s, "reopen", f"{year} 年 {month} 月反结账：{reason.strip()}", table="ledger_close")


def open_months(st: Station, actor: Actor, year: int) -> list[int]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        closed = closed_months(s, year)
        if YEAR in closed:
            return []
        return [m for m in range(1, 13) if m not in closed]


def next_to_close(st: Station, actor: Actor) -> tuple[int, int]:
    """(year, month) to close next: the month after the last closed one, or the month of the first entry."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        last = last_closed_day(s)
        if last is None:
            first = s.scalar(select(func.min(LedgerEntry.entry_date)))
            today = st.clock.now().date()
            return (first.year, first.month) if first is not None else (today.year, today.month)
    following = last + dt.timedelta(days=1)
    return following.year, following.month


def last_closed_day(s: Session) -> dt.date | None:
    """The last day of the latest closed period (for hints in forms)."""
    year = s.scalar(select(func.max(LedgerClose.year)))
    if year is None:
        return None
    months = closed_months(s, year)
    return dt.date(year, 12, 31) if YEAR in months else month_bounds(year, max(months))[1]
