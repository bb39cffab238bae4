"""Volunteers, their service hours and points (Art. 17, 21, 22).

The points ledger is append-only (database triggers refuse UPDATE and DELETE) and every row carries the
volunteer's running balance after it, so a balance is one indexed lookup and can never go below zero (a
CHECK constraint). No ORM relationships, as in the other areas: services query children explicitly.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base
from ..db.types import EncryptedText


class Volunteer(Base):
    """A registered volunteer. Never deleted once they have service hours or points."""

    __tablename__ = "volunteer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_no: Mapped[str] = mapped_column(String(30), unique=True)  # ZY000123, or the national number
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    id_number: Mapped[str] = mapped_column(EncryptedText("volunteer.id_number"), default="")
    id_number_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    phone: Mapped[str] = mapped_column(EncryptedText("volunteer.phone"), default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), nullable=True, index=True)
    skills: Mapped[str] = mapped_column(String(200), default="")
    registered_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(4), default="在册", index=True)  # 在册 / 暂停 / 已退出
    left_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    star_level: Mapped[int] = mapped_column(Integer, default=0)  # the star last awarded (0-5)
    star_awarded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class VolunteerActivity(Base):
    """One service activity (a sign-in sheet), optionally tagged with a "1+4+N" project."""

    __tablename__ = "volunteer_activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    activity_type: Mapped[str] = mapped_column(String(10), index=True)  # 助老服务 ... (points multipliers)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    starts_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    ends_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"), nullable=True, index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), nullable=True, index=True)
    organiser: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text, default="")  # what was done, for certificates
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ServiceRecord(Base):
    """A volunteer's hours at one activity: pending, then approved or rejected by the deputy head; an
    approved record may later be revoked (its points are then reversed)."""

    __tablename__ = "service_record"
    __table_args__ = (
        UniqueConstraint("activity_id", "volunteer_id"),
        CheckConstraint("hours_tenths > 0 AND hours_tenths <= 240", name="hours_in_a_day"),
        Index("ix_service_record_volunteer_status", "volunteer_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("volunteer_activity.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    starts_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)  # signed in (else the activity's)
    ends_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)  # signed out
    hours_tenths: Mapped[int] = mapped_column(Integer)  # 2.5 h -> 25
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    decision_note: Mapped[str] = mapped_column(String(200), default="")


class PointRule(Base):
    """Points per hour from ``effective_from`` until the next rule; percent multipliers per activity type
    as JSON ({"助老服务": 150}). A rule that has earned points is never changed."""

    __tablename__ = "point_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    points_per_hour: Mapped[int] = mapped_column(Integer)
    multipliers: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RewardItem(Base):
    """An item of the redemption catalogue."""

    __tablename__ = "reward_item"
    __table_args__ = (CheckConstraint("stock >= 0", name="stock_not_negative"),
                      CheckConstraint("points_cost > 0", name="cost_positive"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    points_cost: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(String(200), default="")


class Redemption(Base):
    """Points exchanged for catalogue items, with its receipt number; cancelling it reverses the points
    and returns the stock."""

    __tablename__ = "redemption"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("reward_item.id"), index=True)
    item_name: Mapped[str] = mapped_column(String(100))  # as it was called on the day
    quantity: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)
    redeemed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    handled_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")


class PointTransaction(Base):
    """One line of the points ledger. ``amount`` is signed; ``balance_after`` is the volunteer's balance
    after this line. Rows are only ever added; a mistake is undone by a ``reversal`` row."""

    __tablename__ = "point_transaction"
    __table_args__ = (
        CheckConstraint("balance_after >= 0", name="balance_not_negative"),
        CheckConstraint("kind IN ('earn', 'redeem', 'adjust', 'expire', 'reversal')", name="kind_known"),
        Index("ix_point_transaction_volunteer_id_id", "volunteer_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    kind: Mapped[str] = mapped_column(String(10), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    balance_after: Mapped[int] = mapped_column(Integer)
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)  # the service day, redemption day...
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(String(200), default="")
    service_record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"), nullable=True, index=True)
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("point_rule.id"), nullable=True, index=True)
    redemption_id: Mapped[int | None] = mapped_column(ForeignKey("redemption.id"), nullable=True, index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("point_transaction.id"), nullable=True, unique=True)


class Certificate(Base):
    """The issuance register of 志愿服务证明: what each numbered certificate said, kept so a number can be
    verified and the certificate reprinted exactly."""

    __tablename__ = "volunteer_certificate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    volunteer_name: Mapped[str] = mapped_column(String(50))
    id_type: Mapped[str] = mapped_column(String(20))
    id_number_masked: Mapped[str] = mapped_column(String(30))
    volunteer_no: Mapped[str] = mapped_column(String(30))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    hours_tenths: Mapped[int] = mapped_column(Integer)
    activities: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(String(200))
    responsible_person: Mapped[str] = mapped_column(String(50))
    handler: Mapped[str] = mapped_column(String(50))
    contact: Mapped[str] = mapped_column(String(50))
    issued_on: Mapped[dt.date] = mapped_column(Date, index=True)
    issued_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
