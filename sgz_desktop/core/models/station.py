from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class StationProfile(Base):
    """The one station this database belongs to (a single row, id 1)."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    subdistrict: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100))
    district_type: Mapped[str] = mapped_column(String(10))  # 中心城区 / 新城区
    fonds_code: Mapped[str] = mapped_column(String(20))
    operator_org: Mapped[str] = mapped_column(String(200), default="")
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    city_avg_wage_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # monthly, Art. 13
    secret_location: Mapped[str] = mapped_column(String(10))  # keyring | file
    key_check: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Community(Base):
    """A 社区 or 村 of the subdistrict; every one needs a liaison (Art. 12)."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(4), default="社区")  # 社区 / 村
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Setting(Base):
    """One threshold or preference; definitions and defaults live in ``core.settings``."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
