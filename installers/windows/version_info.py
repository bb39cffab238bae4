"""The Windows version resource of both programs, made from ``sgz_desktop.__version__`` at build time."""

from __future__ import annotations

import re
from typing import Any


def numeric(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); a suffix such as ``rc1`` or ``.dev2`` is dropped from the numbers."""
    parts: list[int] = []
    for piece in version.split(".")[:4]:
        digits = re.match(r"\d+", piece)
        if digits is None:
            break
        parts.append(int(digits.group()))
        if digits.end() < len(piece):  # "3rc1": the number ends here
            break
    return tuple([*parts, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_resource(version: str) -> Any:
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    nums = numeric(version)
    strings = [
        StringStruct("CompanyName", "sgz-desktop developers"),
        StringStruct("FileDescription", "社工站桌面管理套件 Social work station suite"),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", "sgz-desktop"),
        StringStruct("LegalCopyright", "MIT License"),
        StringStruct("OriginalFilename", "sgz-desktop.exe"),
        StringStruct("ProductName", "社工站桌面管理套件 (sgz-desktop)"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=nums, prodvers=nums, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1,
                          subtype=0x0, date=(0, 0)),
        kids=[
            # 0804 = Simplified Chinese, 04B0 = Unicode (UTF-16)
            StringFileInfo([StringTable("080404B0", strings)]),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
