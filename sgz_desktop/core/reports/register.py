"""The layout every printed register shares (花名册, 培训记录汇总, 考核表, later ledgers and catalogues):
station name and register title on each page, "第 x 页 共 y 页" and the print date in the footer, tables
whose header row repeats on every page, and signature lines (制表人 / 审核人) at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .pdf import FONT_BOLD, build, chinese_font, style

MARGIN = 15 * mm
HEADER_GREY = colors.HexColor("#E8EDF3")
MARKED = colors.HexColor("#FBE3E1")


@dataclass(frozen=True)
class RegisterPage:
    title: str  # 人员花名册
    station: str  # the station's name, on every page
    subtitle: str  # what and when, e.g. "在岗人员 · 截至 2026年03月02日"
    printed_on: dt.date
    wide: bool = False  # A4 landscape for tables with many columns
    signatures: tuple[str, ...] = ("制表人", "审核人")


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def cell(text: object, size: float = 8.5, align: int = 0, bold: bool = False) -> Paragraph:
    value = "" if text is None else str(text)
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, style(size, bold=bold, align=align, leading=size * 1.3))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
          align: Sequence[str] = (), total_row: bool = False, marked: Sequence[int] = ()) -> Table:
    """A ruled table; ``align`` per column: l, c or r; ``marked``: data rows (0-based) to shade, e.g. a
    failing grade."""
    aligns = {"l": 0, "c": TA_CENTER, "r": TA_RIGHT}
    kinds = list(align) + ["l"] * (len(headers) - len(align))
    data: list[list[Any]] = [[cell(h, 8.5, TA_CENTER, bold=True) for h in headers]]
    data += [[cell(v, align=aligns[k]) for v, k in zip(row, kinds, strict=False)] for row in rows]
    t = Table(data, colWidths=list(widths), repeatRows=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total_row and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_GREY))
    commands += [("BACKGROUND", (0, i + 1), (-1, i + 1), MARKED) for i in marked]
    t.setStyle(TableStyle(commands))
    return t


def widths(frame: float, relative: Sequence[float]) -> list[float]:
    total = sum(relative)
    return [frame * r / total for r in relative]


def heading(text: str) -> Paragraph:
    return Paragraph(text, style(11.5, bold=True, space_after=2 * mm))


def note(text: str) -> Paragraph:
    return Paragraph(text, style(9.5, space_after=2 * mm))


def _signature_block(page: RegisterPage, frame: float) -> Flowable:
    labels = [f"{label}（签字）：" for label in page.signatures] + ["日期："]
    label_widths = [(len(text) * 10.5 + 8) for text in labels]  # points: one CJK character is one em
    line = max((frame - sum(label_widths)) / len(labels) - 6, 20 * mm)
    cells: list[Any] = []
    col_widths: list[float] = []
    for text, width in zip(labels, label_widths, strict=True):
        cells += [cell(text, 10.5), ""]
        col_widths += [width, line]
    sign = Table([cells], colWidths=col_widths, rowHeights=12 * mm, hAlign="LEFT")
    sign.setStyle(TableStyle([("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in range(1, len(cells), 2)]
                             + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return KeepTogether([Spacer(1, 8 * mm), sign])


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Keeps every page until the end so the footer can say how many pages there are."""

    page: RegisterPage

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        page = self.page
        width, height = self._pagesize
        font = chinese_font().name
        self.saveState()
        self.setFont(FONT_BOLD if chinese_font().embedded else font, 9)
        self.drawString(MARGIN, height - 10 * mm, page.station)
        self.setFont(font, 9)
        self.drawRightString(width - MARGIN, height - 10 * mm, page.title)
        self.setStrokeColor(colors.HexColor("#8A8A8A"))
        self.setLineWidth(0.5)
        self.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
        self.drawCentredString(width / 2, 8 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
        self.drawRightString(width - MARGIN, 8 * mm, f"打印日期：{chinese_date(page.printed_on)}")
        self.restoreState()


def write_register(out: Path, page: RegisterPage, body: Sequence[Flowable]) -> Path:
    """Build the PDF: title block, the body flowables, the signature lines; written atomically."""
    size = landscape(A4) if page.wide else A4

    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=16 * mm, bottomMargin=15 * mm, title=f"{page.station}{page.title}",
                                author=page.station, subject=page.subtitle, creator="sgz-desktop")
        story: list[Flowable] = [
            Paragraph(page.title, style(17, bold=True, align=TA_CENTER, space_after=2 * mm)),
            Paragraph(f"{page.station} · {page.subtitle}", style(10, align=TA_CENTER, space_after=5 * mm)),
            *body,
            _signature_block(page, doc.width),
        ]

        class Numbered(_NumberedCanvas):
            pass

        Numbered.page = page
        doc.build(story, canvasmaker=Numbered)

    return build(Path(out), make)


def frame_width(page: RegisterPage) -> float:
    return float((landscape(A4) if page.wide else A4)[0] - 2 * MARGIN)
