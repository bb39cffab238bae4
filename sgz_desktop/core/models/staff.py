from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base
from ..db.types import EncryptedText


class Staff(Base):
    """A person on the station's roster (Art. 12–14, 30). Never deleted once they have history."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    id_number: Mapped[str] = mapped_column(EncryptedText("staff.id_number"), default="")
    id_number_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    phone: Mapped[str] = mapped_column(EncryptedText("staff.phone"), default="")
    post: Mapped[str] = mapped_column(String(10))  # 站长 副站长 驻站社工 社区联络员 督导 实习生
    employment: Mapped[str] = mapped_column(String(4))  # 专职 / 兼职
    cert_level: Mapped[str] = mapped_column(String(20), default="无")
    cert_number: Mapped[str] = mapped_column(String(40), default="")
    cert_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    sw_background: Mapped[bool] = mapped_column(Boolean, default=False)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), nullable=True)
    hire_date: Mapped[dt.date] = mapped_column(Date)
    leave_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    leave_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contract_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    monthly_pay_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    social_insurance: Mapped[bool] = mapped_column(Boolean, default=False)  # 五险一金
    experience_years: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
