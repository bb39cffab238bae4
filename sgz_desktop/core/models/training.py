"""Training log (Art. 15) and interns (Art. 16).

No ORM relationships on purpose: services query children explicitly and delete them one by one, so
every deleted row passes through the flush and is audited.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class TrainingSession(Base):
    """One training event: title, one of the five Art. 15 types, date and length in tenths of an hour."""

    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    training_type: Mapped[str] = mapped_column(String(10), index=True)  # 岗前培训 督导培训 ...
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    hours_tenths: Mapped[int] = mapped_column(Integer)  # 3.5 h -> 35: exact sums, no float
    organiser: Mapped[str] = mapped_column(String(100), default="")
    trainer: Mapped[str] = mapped_column(String(100), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"), nullable=True, index=True)


class TrainingAttendance(Base):
    """A person at a session, with the hours they actually attended."""

    __tablename__ = "training_attendance"
    __table_args__ = (UniqueConstraint("session_id", "staff_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    hours_tenths: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")


class TrainingMaterial(Base):
    """A file kept with a session (slides, sign-in sheet scan); stored by content hash under attachments."""

    __tablename__ = "training_material"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Internship(Base):
    """An intern's placement (Art. 16): the person is on the roster with the post 实习生."""

    __tablename__ = "internship"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), unique=True)
    university: Mapped[str] = mapped_column(String(100))
    major: Mapped[str] = mapped_column(String(100), default="")
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
