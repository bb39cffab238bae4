"""Export of any table to an .xlsx file the station's staff open in Excel.

Write-only openpyxl keeps memory flat for 100 000 rows. The file is written under a temporary name
in the target folder, flushed and renamed, so a cancel or a crash never leaves a half file behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .progress import Progress

FEN_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
SAMPLE_ROWS = 200  # rows looked at to size the columns
REPORT_EVERY = 500
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_table_xlsx(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                     progress: Progress | None = None, kinds: Sequence[str] | None = None, *,
                     total: int | None = None) -> int:
    """Write one sheet: a bold frozen header row, then the rows. Returns the number of rows written.

    ``kinds`` are the table's column kinds (text/int/fen/date/datetime/bool): fen becomes a yuan
    number formatted ``#,##0.00``, dates real Excel dates, bools 是/否. ``total`` only feeds progress.
    """
    kinds = list(kinds) if kinds is not None else ["text"] * len(headers)
    if len(kinds) != len(headers):
        raise ValueError("kinds and headers differ in length")
    row_iter = iter(rows)
    sample = list(islice(row_iter, SAMPLE_ROWS))
    wb = Workbook(write_only=True)
    wb.properties.title = title
    ws = wb.create_sheet(sheet_title(title))
    assert isinstance(ws, WriteOnlyWorksheet)
    _set_widths(ws, headers, kinds, sample)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=_text(text))
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    try:
        for row in chain(sample, row_iter):
            ws.append([_cell(ws, value, kind) for value, kind in zip(row, kinds, strict=False)])
            count += 1
            if progress is not None and count % REPORT_EVERY == 0:
                progress.report(count, total or 0)
        if count:
            ws.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{count + 1}"
        if progress is not None:
            progress.report(count, total or count)
    except BaseException:
        _discard(ws)
        raise
    _save_atomically(wb, Path(path))
    return count


def sheet_title(title: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    cleaned = _SHEET_FORBIDDEN.sub("_", title).strip("' ") or "Sheet1"
    return cleaned[:31]


def _text(value: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def _discard(ws: WriteOnlyWorksheet) -> None:
    """Finish and delete the temp file openpyxl has streamed rows to (its private writer; best effort)."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    try:
        ws.close()
        writer.cleanup()
    except (OSError, ValueError, RuntimeError):
        pass


def _cell(ws: WriteOnlyWorksheet, value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "fen" and isinstance(value, int) and not isinstance(value, bool):
        cell = WriteOnlyCell(ws, value=Decimal(value).scaleb(-2))  # exact: 123456 -> 1234.56
        cell.number_format = FEN_FORMAT
        return cell
    if kind == "bool" or isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, int | float | Decimal):
        return value
    text = _text(str(value))
    if text.startswith("="):
        # openpyxl would store it as a formula: user text must never run in Excel
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"
        return cell
    return text


def display_width(text: str) -> int:
    """Excel column units: a Chinese character is about two Latin ones wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sample_text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "fen" and isinstance(value, int):
        return f"{value / 100:,.2f}"
    if kind == "bool":
        return "是"
    if isinstance(value, dt.datetime):
        return "2026-03-02 09:30:00"
    if isinstance(value, dt.date):
        return "2026-03-02"
    return str(value)


def _set_widths(ws: WriteOnlyWorksheet, headers: Sequence[str], kinds: Sequence[str],
                sample: Sequence[Sequence[object]]) -> None:
    for i, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        widths = [display_width(header) + 2]  # room for the filter button
        widths += [display_width(_sample_text(row[i], kind)) for row in sample if i < len(row)]
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(max(widths) + 2, 6), 60)


def _save_atomically(wb: Workbook, path: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_rows(path: Path) -> Iterator[tuple[object, ...]]:
    """Values of the first sheet, header included (for tests and checks)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        ws = wb.worksheets[0]
        width = 0  # the header's: read-only mode drops a row's trailing empty cells
        for row in ws.iter_rows(values_only=True):
            width = width or len(row)
            yield tuple(row) + (None,) * (width - len(row))
    finally:
        wb.close()
