"""The registration form's (登记表) figures, as printed and as read back by the verifier.

The labels are shared so the form the exporter prints is always one the verifier can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ZIP_HASH = "压缩包 SHA-256"
TAG_HASH = "标签清单 SHA-256"
ITEMS = "档案件数"
BYTES = "档案文件字节数"
IDENTIFIER = "移交包编号"


@dataclass(frozen=True)
class FormFacts:
    identifier: str
    zip_sha256: str
    tagmanifest_sha256: str
    items: int | None
    bytes: int | None


def read_form(path: Path) -> FormFacts | str:
    """The figures on a registration form PDF, or why they cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            return "登记表 PDF 设有密码"
        text = "".join(page.extract_text() or "" for page in reader.pages[:3])
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        return f"登记表 PDF 无法读取（{type(exc).__name__}）"
    flat = re.sub(r"\s+", "", text)

    def after(label: str, value: str) -> str:
        m = re.search(re.escape(label.replace(" ", "")) + r"[：:]?" + value, flat)
        return m.group(1) if m else ""

    zip_sha = after(ZIP_HASH, r"([0-9a-fA-F]{64})").lower()
    if not zip_sha:
        return "登记表中找不到压缩包 SHA-256"
    items = after(ITEMS, r"([\d,]+)")
    size = after(BYTES, r"([\d,]+)")
    return FormFacts(after(IDENTIFIER, r"([A-Za-z0-9\-]+)"), zip_sha, after(TAG_HASH, r"([0-9a-fA-F]{64})").lower(),
                     int(items.replace(",", "")) if items else None, int(size.replace(",", "")) if size else None)
