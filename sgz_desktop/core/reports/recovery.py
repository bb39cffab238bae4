"""The printable recovery sheet: the station secret written for a locked cabinet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..profile import Profile
from .pdf import build, style

INSTRUCTIONS = (
    "这是本站点的<b>站点密钥恢复单</b>。系统中人员和志愿者的身份证号、电话等个人信息都用站点密钥加密保存，"
    "站点密钥平时保存在本电脑的系统密钥库中，年度移交包的电子签名也由它生成。",
    "当电脑重装系统、更换电脑、或从备份恢复数据到另一台电脑时，需要输入这份恢复密钥，"
    "否则个人信息无法读取，也不能为移交包签名。",
    "请把本页打印后锁入档案柜保管，<b>不要与备份U盘放在一起</b>，不要拍照或发到微信群："
    "任何人拿到恢复密钥和数据备份，就能读取其中的个人信息。",
    "输入时不区分大小写，连字符可省略。",
)


def write_recovery_sheet(out: Path, profile: Profile, recovery_key: str, made_at: dt.datetime) -> Path:
    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                                topMargin=20 * mm, bottomMargin=20 * mm, title="站点密钥恢复单",
                                author=profile.name, subject="sgz-desktop recovery key")
        groups = recovery_key.split("-")
        rows = [groups[i : i + 4] for i in range(0, len(groups), 4)]
        rows[-1] += [""] * (4 - len(rows[-1]))
        key_table = Table([[Paragraph(f'<font name="Courier-Bold" size="17">{g}</font>', style(17, align=TA_CENTER))
                            for g in row] for row in rows], colWidths=[38 * mm] * 4, rowHeights=12 * mm)
        key_table.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        facts = Table([
            [Paragraph("站点名称", style()), Paragraph(profile.name, style())],
            [Paragraph("所属街道", style()), Paragraph(f"{profile.district} {profile.subdistrict}", style())],
            [Paragraph("全宗号", style()), Paragraph(profile.fonds_code, style())],
            [Paragraph("站点编号", style()), Paragraph(profile.station_uuid, style(9))],
            [Paragraph("生成时间", style()), Paragraph(f"{made_at:%Y年%m月%d日 %H:%M}", style())],
        ], colWidths=[30 * mm, 122 * mm])
        facts.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story = [
            Paragraph("站点密钥恢复单", style(20, bold=True, align=TA_CENTER, space_after=4 * mm)),
            Paragraph("（机密 · 请妥善保管）", style(11, align=TA_CENTER, space_after=6 * mm)),
            facts, Spacer(1, 8 * mm),
            Paragraph("恢复密钥", style(13, bold=True, space_after=3 * mm)),
            key_table, Spacer(1, 8 * mm),
        ]
        story += [Paragraph(f"{n}. {text}", style(11, space_after=2.5 * mm)) for n, text in
                  enumerate(INSTRUCTIONS, start=1)]
        sign = Table([[Paragraph("保管人（签字）：", style(11)), "", Paragraph("保管日期：", style(11)), ""]],
                     colWidths=[32 * mm, 50 * mm, 22 * mm, 48 * mm], rowHeights=14 * mm)
        sign.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                                  ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        story += [Spacer(1, 10 * mm), sign]
        doc.build(story)

    return build(out, make)
