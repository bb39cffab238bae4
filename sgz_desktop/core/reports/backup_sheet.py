"""The printable backup sheet: where the station's data and backups are, and how to get them back.

Kept in the office file (not with the recovery key): it holds no secret, only places and steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ... import __version__
from .pdf import build, style


@dataclass(frozen=True)
class BackupPlaces:
    station_name: str
    data_folder: Path
    automatic_backups: Path
    second_folder: Path | None
    keep_last: int
    warn_days: int
    last_backup: str  # e.g. "2026-03-02 09:30，/media/usb/sgz-backup-…", or "" for none yet


STEPS = (
    "每次关闭程序时自动备份到“自动备份”文件夹，保留最近 {keep} 份和每月一份；升级程序前也会自动备份。",
    "自动备份在本机上，电脑坏了会一起丢失：请设置第二备份文件夹（U盘），并至少每周用“文件 → 立即备份…”备份到U盘。"
    "超过 {warn} 天没有备份，程序底部状态栏会变红提醒。",
    "换电脑或重装系统：在新电脑上安装程序，启动向导中选“从备份目录恢复”，选择U盘上的备份文件夹；"
    "恢复后按提示输入<b>站点密钥恢复单</b>上的恢复密钥，再用原来的账号登录。",
    "恢复密钥单与备份U盘<b>分开存放</b>。本说明单不含任何密码或密钥，可以放在办公文件夹中。",
)


def write_backup_sheet(out: Path, places: BackupPlaces, made_at: dt.datetime) -> Path:
    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                                topMargin=20 * mm, bottomMargin=20 * mm, title="数据与备份说明单",
                                author=places.station_name, subject=f"sgz-desktop {__version__} backup sheet")
        rows = [
            ("站点名称", places.station_name),
            ("数据目录", str(places.data_folder)),
            ("自动备份", str(places.automatic_backups)),
            ("第二备份文件夹", str(places.second_folder) if places.second_folder else "未设置（请设置为U盘）"),
            ("上次成功备份", places.last_backup or "还没有备份"),
            ("程序版本", f"sgz-desktop {__version__}"),
            ("打印时间", f"{made_at:%Y年%m月%d日 %H:%M}"),
        ]
        facts = Table([[Paragraph(k, style()), Paragraph(_breakable(v), style())] for k, v in rows],
                      colWidths=[32 * mm, 134 * mm])
        facts.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story = [
            Paragraph("数据与备份说明单", style(20, bold=True, align=TA_CENTER, space_after=8 * mm)),
            facts, Spacer(1, 8 * mm),
        ]
        story += [Paragraph(f"{n}. {text.format(keep=places.keep_last, warn=places.warn_days)}",
                            style(11, space_after=2.5 * mm)) for n, text in enumerate(STEPS, start=1)]
        doc.build(story)

    return build(out, make)


def _breakable(text: str) -> str:
    """Escaped for a Paragraph; the CJK word wrap of ``style()`` breaks long paths anywhere."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
