"""Service projects in the "1+4+N" structure (Art. 20).

Other areas (training, volunteers, ledgers, archives) point at ``project.id``; a project is never
deleted once anything refers to it, it is closed by its end date instead.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class Project(Base):
    """One service project: the core project, one of the four basic ones, or a featured one."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), index=True)  # core / basic / featured
    name: Mapped[str] = mapped_column(String(100), index=True)
    field: Mapped[str] = mapped_column(String(20), default="")  # 党建引领 / 社会救助 / ... / free text for N
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    lead_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True, index=True)
    goals: Mapped[str] = mapped_column(Text, default="")
    need_list: Mapped[str] = mapped_column(Text, default="")  # 需求清单
    resource_list: Mapped[str] = mapped_column(Text, default="")  # 资源清单
    service_list: Mapped[str] = mapped_column(Text, default="")  # 服务清单
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
