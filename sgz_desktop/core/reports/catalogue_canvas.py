"""The catalogue (归档文件目录) drawn directly on a reportlab canvas: a year can hold thousands of items,
and a platypus table lays out such a list about ten times slower. Same look as the other registers:
station and title on every page, "第 x 页 共 y 页" and the print date, header row repeated, signatures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .pdf import FONT_BOLD, chinese_font, seal_page
from .register import HEADER_GREY, MARGIN, chinese_date

SIZE, LEADING, PAD = 8.0, 10.0, 2.5
GRID = colors.HexColor("#8A8A8A")
_NO_LINE_START = "，。、；：！？）》」』】…％"
# A whole string measured at once may round differently from the sum character by character: only a
# string this far inside the width is taken as one line without the careful loop.
_SLACK = 0.01


@lru_cache(maxsize=4096)
def _width(ch: str, font: str, size: float) -> float:
    return float(stringWidth(ch, font, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, breaking anywhere (Chinese has no spaces) but not before
    closing punctuation."""
    text = text or ""
    if "\\n" not in text and float(stringWidth(text, font, size)) <= width - _SLACK:
        return [text]  # most cells fit on one line: measured whole (in C), not character by character
    lines: list[str] = []
    for paragraph in text.split("\\n"):
        line, used = "", 0.0
        for ch in paragraph:
            w = _width(ch, font, size)
            if used + w > width and line and ch not in _NO_LINE_START:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
    return lines or [""]


def draw_catalogue(out: Path, station: str, scope: str, headers: Sequence[str], relative: Sequence[float],
                   groups: Sequence[tuple[str, Iterable[Sequence[object]]]], printed_on: dt.date) -> None:
    """Each group's rows are gone through twice — once to count the pages ("共 y 页" is on every page),
    once to draw them — and never held: give an iterable that can be iterated again (a list, or rows
    read back from the export's spool)."""
    font = chinese_font().name
    bold = FONT_BOLD if chinese_font().embedded else font
    width, height = landscape(A4)
    frame = width - 2 * MARGIN
    cols = [frame * r / sum(relative) for r in relative]
    top, bottom = height - 18 * mm, 16 * mm
    header_h = LEADING + 2 * PAD
    total = 1 + sum(kind == "page" for kind, _arg in _layout(groups, cols, font, top, bottom, header_h))

    c = Canvas(str(out), pagesize=(width, height))
    c.setTitle(f"{station}归档文件目录")
    c.setAuthor(station)
    c.setSubject(scope)
    c.setCreator("sgz-desktop")
    number = 1
    _frame(c, station, number, total, printed_on, font, bold, width, height)
    for kind, arg in _layout(groups, cols, font, top, bottom, header_h):
        if kind == "page":
            c.showPage()
            seal_page(c)
            number += 1
            _frame(c, station, number, total, printed_on, font, bold, width, height)
        elif kind == "title":
            c.setFont(bold, 17)
            c.drawCentredString(width / 2, top - 4 * mm, "归档文件目录")
            c.setFont(font, 10)
            c.drawCentredString(width / 2, top - 11 * mm, f"{station} · {scope}")
        elif kind == "heading":
            text, at = arg
            c.setFont(bold, 11)
            c.drawString(MARGIN, at - 11, text)
        elif kind == "header":
            _row(c, [[h] for h in headers], cols, float(arg), header_h, bold, shade=True)
        elif kind == "row":
            cells, at, h = arg
            _row(c, cells, cols, at, h, font)
        elif kind == "sign":
            _signatures(c, float(arg), font, frame)
    c.showPage()
    c.save()


def _layout(groups: Sequence[tuple[str, Iterable[Sequence[object]]]], cols: Sequence[float], font: str, top: float,
            bottom: float, header_h: float) -> Iterator[tuple[str, Any]]:
    """What goes where, one step at a time: ("page", None) starts a new page; the other steps are drawn
    on the current one."""
    y = top - 16 * mm  # room for the title block on the first page
    yield "title", None
    for title, rows in groups:
        if y - (14 + header_h + LEADING + 2 * PAD) < bottom:
            yield "page", None
            y = top
        yield "heading", (title, y)
        y -= 14
        yield "header", y
        y -= header_h
        for row in rows:
            cells = [wrap("" if v is None else str(v), font, SIZE, cols[i] - 2 * PAD) for i, v in enumerate(row)]
            h = max(len(c) for c in cells) * LEADING + 2 * PAD
            if y - h < bottom:
                yield "page", None
                y = top
                yield "heading", (f"{title}（续）", y)
                y -= 14
                yield "header", y
                y -= header_h
            yield "row", (cells, y, h)
            y -= h
        y -= 6 * mm
    if y - 14 * mm < bottom:
        yield "page", None
        y = top
    yield "sign", y - 12 * mm


def _row(c: Canvas, cells: Sequence[Sequence[str]], cols: Sequence[float], y: float, h: float, font: str,
         shade: bool = False) -> None:
    """One row: its outline as one rectangle, its column rules in one call, its text as one text object. A
    catalogue has tens of thousands of cells, and a drawString per cell (a text object each) was half the
    drawing time."""
    total = sum(cols)
    if shade:
        c.setFillColor(HEADER_GREY)
        c.rect(MARGIN, y - h, total, h, stroke=0, fill=1)
        c.setFillColor(colors.black)
    c.setStrokeColor(GRID)
    c.setLineWidth(0.4)
    c.rect(MARGIN, y - h, total, h, stroke=1, fill=0)
    rules, text = [], c.beginText()
    text.setFont(font, SIZE)
    x = MARGIN
    for n, (lines, w) in enumerate(zip(cells, cols, strict=True)):
        if n:
            rules.append((x, y - h, x, y))
        for i, line in enumerate(lines):
            if not line:
                continue
            baseline = y - PAD - (i + 1) * LEADING + 2
            left = x + w / 2 - stringWidth(line, font, SIZE) / 2 if shade else x + PAD
            text.setTextOrigin(left, baseline)
            text.textOut(line)
        x += w
    c.lines(rules)
    c.drawText(text)


def _frame(c: Canvas, station: str, number: int, total: int, printed_on: dt.date, font: str, bold: str,
           width: float, height: float) -> None:
    c.saveState()
    c.setFont(bold, 9)
    c.drawString(MARGIN, height - 10 * mm, station)
    c.setFont(font, 9)
    c.drawRightString(width - MARGIN, height - 10 * mm, "归档文件目录")
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    c.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
    c.drawCentredString(width / 2, 8 * mm, f"第 {number} 页 共 {total} 页")
    c.drawRightString(width - MARGIN, 8 * mm, f"打印日期：{chinese_date(printed_on)}")
    c.restoreState()


def _signatures(c: Canvas, y: float, font: str, frame: float) -> None:
    c.setFont(font, 10.5)
    x = MARGIN
    step = frame / 3
    for label in ("编制人（签字）：", "审核人（签字）：", "日期："):
        c.drawString(x, y, label)
        lw = stringWidth(label, font, 10.5)
        c.line(x + lw, y - 2, x + step - 10, y - 2)
        x += step
