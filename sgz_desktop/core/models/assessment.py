from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class Assessment(Base):
    """A person's annual assessment (Art. 34). 不合格 stays flagged until a review outcome is recorded."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("staff_id", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    grade: Mapped[str] = mapped_column(String(6))  # 优秀 合格 基本合格 不合格
    assessor: Mapped[str] = mapped_column(String(50))
    assessed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    review_outcome: Mapped[str] = mapped_column(String(200), default="")
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
