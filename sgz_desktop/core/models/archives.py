"""Archive items (件) with the DA/T 22-2015 fields, their files and the amendments made after filing.

An item is a draft until the archivist finalises it (归档): then it gets its 件号 and 档号 and is
read-only; a correction is an ``ArchiveAmendment`` row, never a silent edit. The link to the record
an item came from is a plain (kind, id) pair, so archives need no foreign key into every other area.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base


class ArchiveItem(Base):
    """One archive item. ``item_number`` and ``danghao`` stay empty until it is finalised."""

    __tablename__ = "archive_item"
    __table_args__ = (
        # 件号 is unique within its group; drafts (NULL) do not count.
        UniqueConstraint("category", "year", "retention", "org_code", "item_number"),
        Index("ix_archive_item_group", "year", "category", "retention", "org_code", "item_number"),
        Index("ix_archive_item_source", "source_kind", "source_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # draft / final
    fonds_code: Mapped[str] = mapped_column(String(20))  # 全宗号
    category: Mapped[str] = mapped_column(String(10), index=True)  # 门类代码: WS 文书, KU 会计, ...
    year: Mapped[int] = mapped_column(Integer, index=True)  # 年度
    retention: Mapped[str] = mapped_column(String(4), index=True)  # 保管期限: Y / D30 / D10
    org_code: Mapped[str] = mapped_column(String(20))  # 机构（问题）代码
    item_number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 件号
    danghao: Mapped[str | None] = mapped_column(String(100), nullable=True, unique=True)  # 档号
    title: Mapped[str] = mapped_column(String(500))  # 题名
    responsible: Mapped[str] = mapped_column(String(200))  # 责任者
    doc_number: Mapped[str] = mapped_column(String(100), default="")  # 文号
    doc_date: Mapped[dt.date] = mapped_column(Date)  # 日期
    pages: Mapped[int] = mapped_column(Integer, default=0)  # 页数, counted from the files
    classification: Mapped[str] = mapped_column(String(10))  # 密级
    record_kind: Mapped[str] = mapped_column(String(40), default="")  # accounting: 记账凭证, 总账, ...
    notes: Mapped[str] = mapped_column(Text, default="")  # 备注
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"), nullable=True, index=True)
    source_kind: Mapped[str] = mapped_column(String(30), default="")  # training_session / ledger_entry / ...
    source_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(50))
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finalised_by: Mapped[str] = mapped_column(String(50), default="")


class ArchiveFile(Base):
    """A file of an item, kept in the attachment store under its SHA-256 taken at ingest."""

    __tablename__ = "archive_file"
    __table_args__ = (UniqueConstraint("item_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("archive_item.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order within the item, from 1
    file_name: Mapped[str] = mapped_column(String(255))  # the original name, as the user knew it
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    format: Mapped[str] = mapped_column(String(8))  # pdf / jpeg / png / tiff, detected from the content
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)  # PDFs only
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ArchiveAmendment(Base):
    """One field of a finalised item corrected by the archivist, with the reason (append-only)."""

    __tablename__ = "archive_amendment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("archive_item.id"), index=True)
    amended_at: Mapped[dt.datetime] = mapped_column(DateTime)
    amended_by: Mapped[str] = mapped_column(String(50))
    field: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class PackageExport(Base):
    """One handover package written (移交记录, append-only): what went out, where, and the hashes both sides
    sign on the registration form, so the station can show later what it handed over and check it again."""

    __tablename__ = "package_export"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), index=True)  # Z109-2024-YJ01
    scope_kind: Mapped[str] = mapped_column(String(10))  # year / project
    year: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)  # a yearly package's year
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"), nullable=True, index=True)
    scope_label: Mapped[str] = mapped_column(String(200))  # 2024 年度 / 服务项目「…」（周期）, as printed
    zip_path: Mapped[str] = mapped_column(Text)  # where it was written; the folder may be a USB drive since unplugged
    zip_sha256: Mapped[str] = mapped_column(String(64))
    tagmanifest_sha256: Mapped[str] = mapped_column(String(64))
    zip_bytes: Mapped[int] = mapped_column(BigInteger)
    items: Mapped[int] = mapped_column(Integer)
    files: Mapped[int] = mapped_column(Integer)
    record_bytes: Mapped[int] = mapped_column(BigInteger)
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(50))
    override_reason: Mapped[str] = mapped_column(Text, default="")  # exported anyway, past the pre-check


# Every session, whoever opens it, refuses to change a finalised item (see archive_guard).
from .. import archive_guard  # noqa: E402, F401
