"""Purchase-of-service contracts, their budgets and evaluations, and the project finance ledger
(Art. 23, 25–28, 33).

Ledger rows are append-only once reviewed: the service layer refuses to change them, SQLite triggers
(migration 0004) refuse it too, and a keyed hash chain over reviewed entries lets ``sgz check`` name
any row edited in the database file behind the application's back. Money is integer fen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class Contract(Base):
    """A purchase-of-service contract (购买服务合同): at most three years (Art. 33)."""

    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_no: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    funder: Mapped[str] = mapped_column(String(100))  # 购买方
    operator: Mapped[str] = mapped_column(String(100), default="")  # 承接方
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    first_purchase: Mapped[bool] = mapped_column(Boolean, default=False)  # 首次购买: mid-term evaluation too
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BudgetLine(Base):
    """The budget of one sub-category of one of the three Art. 26 categories, for the whole contract."""

    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("contract_id", "sub_category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    sub_category: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class ContractEvaluation(Base):
    """A third-party performance evaluation (Art. 33): mid-term or year-end of one execution year."""

    __tablename__ = "contract_evaluation"
    __table_args__ = (UniqueConstraint("contract_id", "execution_year", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    execution_year: Mapped[int] = mapped_column(Integer)  # 1, 2 or 3
    kind: Mapped[str] = mapped_column(String(4))  # 中期 / 末期
    evaluated_on: Mapped[dt.date] = mapped_column(Date)
    evaluator: Mapped[str] = mapped_column(String(100))
    grade: Mapped[str] = mapped_column(String(6))  # 优秀 良好 合格 不合格
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class LedgerEntry(Base):
    """One voucher of the ledger. ``amount_fen`` is positive; a reversing entry (红字冲销) carries the
    negative amount of the entry it reverses and points at it with ``reverses_id``."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        UniqueConstraint("year", "voucher_no"),
        # The journal reads a year in date order, streaming its running balance from this index.
        Index("ix_ledger_entry_journal", "year", "entry_date", "voucher_no"),
        # Budget execution and final accounts sum a contract's accounts from the index alone.
        Index("ix_ledger_entry_sums", "contract_id", "direction", "sub_category", "entry_date", "amount_fen"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    voucher_no: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 ... within the year, no gaps
    entry_date: Mapped[dt.date] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(8))  # income / expense
    category: Mapped[str] = mapped_column(String(20), index=True)
    sub_category: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    counterparty: Mapped[str] = mapped_column(String(100), default="")
    payment_method: Mapped[str] = mapped_column(String(10), default="")
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))  # indexed by ix_ledger_entry_sums
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"), nullable=True, index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"), nullable=True, unique=True)
    over_limit_reason: Mapped[str] = mapped_column(Text, default="")  # why the management fee may pass its limit
    notes: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(40))  # username
    entered_by_name: Mapped[str] = mapped_column(String(50))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reviewed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reviewed_by_name: Mapped[str] = mapped_column(String(50), default="")
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    chain_seq: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)  # order of review
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    chain_hash: Mapped[str] = mapped_column(String(64), default="")


class LedgerAttachment(Base):
    """A voucher scan kept with an entry, stored by content hash in the attachment store."""

    __tablename__ = "ledger_attachment"
    __table_args__ = (UniqueConstraint("entry_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    format: Mapped[str] = mapped_column(String(10))
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LedgerClose(Base):
    """A closed period (结账): ``month`` 1–12 for a month, 0 for the whole year."""

    __tablename__ = "ledger_close"
    __table_args__ = (UniqueConstraint("year", "month"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(40))
    closed_by_name: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(String(200), default="")
