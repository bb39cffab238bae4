"""Reading what people type into Excel, and making the templates they type it into.

Shared by every import (roster, training attendance, later volunteers and sign-in sheets): columns are
found by their Chinese header wherever they are, rows keep the numbers Excel shows, and every cell
parser returns a value or a Chinese reason, so an import can list every bad cell before writing any.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .errors import Problem, ValidationError, os_error_text
from .excel import display_width
from .progress import Progress

T = TypeVar("T")
HEADER_SEARCH_ROWS = 10  # a title row or two above the header is common
TEMPLATE_ROWS = 2000  # rows formatted and validated in a template
OPTIONS_SHEET = "选项"
GUIDE_SHEET = "填写说明"
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
YES = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓", "已缴", "缴纳"})
NO = frozenset({"否", "无", "没有", "n", "no", "false", "0", "×", "✗", "未缴", "不缴纳", ""})


class Bad(Exception):
    """A cell that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Field:
    header: str
    key: str
    required: bool = False
    kind: str = "text"  # text id phone date bool yuan int hours choice
    options: str = ""  # name of the option list for a choice (data validation)
    note: str = ""  # for the 填写说明 sheet


@dataclass(frozen=True)
class SheetRows:
    """The data rows of a sheet: (Excel row number, values by field key); unknown headers listed."""

    rows: list[tuple[int, dict[str, object]]]
    ignored_headers: tuple[str, ...]


# --- reading ----------------------------------------------------------------------------------------------

def _header_text(value: object) -> str:
    return re.sub(r"\s+|[*＊]", "", str(value or ""))  # "姓名*" and "姓 名" both mean 姓名


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls files and of password-protected workbooks


def _not_a_workbook(path: Path) -> str:
    """Why openpyxl could not open it, in the terms of someone who works in Excel."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as err:
        return os_error_text(err)
    if head == _OLE:
        return (f"{path.name} 是旧版 Excel（.xls）文件，或设置了打开密码。请在 Excel 中打开它，取消密码，"
                "再“另存为” Excel 工作簿（*.xlsx）后导入")
    return (f"{path.name} 不是 Excel 工作簿（.xlsx），或文件已损坏。请在 Excel 中打开它，"
            "“另存为” Excel 工作簿（*.xlsx）后导入")


def read_sheet(path: Path, fields: Sequence[Field], sheet: str, progress: Progress | None = None) -> SheetRows:
    """Read the named sheet (or the first one) with openpyxl's read-only mode; find the header row,
    refuse a file without a required column, skip blank rows."""
    try:
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except OSError as err:  # missing, on a drive pulled out, held by another program
        raise ValidationError(Problem("文件", os_error_text(err))) from None
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(Problem("文件", _not_a_workbook(Path(path)))) from None
    try:
        ws = wb[sheet] if sheet in wb.sheetnames else wb.worksheets[0]
        total = ws.max_row or 0
        by_header = {f.header: f for f in fields}
        columns: dict[int, Field] | None = None
        ignored: list[str] = []
        rows: list[tuple[int, dict[str, object]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if columns is None:
                texts = [_header_text(v) for v in values]
                if number > HEADER_SEARCH_ROWS:
                    break
                if sum(t in by_header for t in texts) >= 2:
                    columns = {i: by_header[t] for i, t in enumerate(texts) if t in by_header}
                    ignored = [t for t in texts if t and t not in by_header]
                    _require_headers(fields, columns, number)
                continue
            if progress is not None and number % 200 == 0:
                progress.report(number, total, f"正在读取第 {number} 行…")
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            rows.append((number, {f.key: values[i] if i < len(values) else None for i, f in columns.items()}))
        if columns is None:
            raise ValidationError(Problem("表头", f"前 {HEADER_SEARCH_ROWS} 行中找不到表头（应包含"
                                          f"“{'”“'.join(f.header for f in fields if f.required)}”等列）。"
                                          "请使用下载的模板填写"))
        return SheetRows(rows, tuple(ignored))
    finally:
        wb.close()


def _require_headers(fields: Sequence[Field], columns: dict[int, Field], row: int) -> None:
    present = {f.key for f in columns.values()}
    missing = [Problem(f.header, "表头中没有这一列", row) for f in fields if f.required and f.key not in present]
    if missing:
        raise ValidationError(missing)


class Cells:
    """One data row: ``get`` parses a cell, or records why it cannot and returns the fallback."""

    def __init__(self, row: int, values: dict[str, object], fields: Sequence[Field], problems: list[Problem]) -> None:
        self.row, self.values, self.problems = row, values, problems
        self.fields = {f.key: f for f in fields}
        self.failed = False

    def get(self, key: str, parse: Callable[[object], T], fallback: T) -> T:
        f = self.fields[key]
        try:
            value = parse(self.values.get(key))
        except Bad as bad:
            self.problems.append(Problem(f.header, str(bad), self.row))
            self.failed = True
            return fallback
        if f.required and value in ("", None):
            self.problems.append(Problem(f.header, "不能为空", self.row))
            self.failed = True
            return fallback
        return value


# --- cell parsers: value or Bad(reason) -------------------------------------------------------------------------

def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a text column: 12345.0 -> "12345"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def id_number(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Bad("身份证号被 Excel 存成了数字，末几位已经丢失；请把这一列设为“文本”格式后重新输入")
    return text(value)


def phone(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value))  # 11 digits survive as a number
    return text(value)


def date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2_958_466:
        result = from_excel(value)  # a date cell that lost its date format: Excel's day number
        return result.date() if isinstance(result, dt.datetime) else None
    raw = str(value).strip()
    if re.fullmatch(r"\d{8}", raw):
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    m = _DATE_RE.match(raw)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise Bad(f"「{raw}」不是有效日期，请写成 2024-03-01 这样的格式")


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raw = text(value).lower()
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise Bad(f"「{raw}」应填“是”或“否”")


def yuan_to_fen(value: object) -> int:
    """Money typed in yuan ("8,500.00", ¥8500, 8500) to integer fen, exactly."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    raw = text(value) if not isinstance(value, float) else repr(value)
    try:
        amount = Decimal(raw.replace(",", "").replace("，", "").replace("¥", "").replace("元", "").strip())
    except InvalidOperation:
        raise Bad(f"「{raw}」不是金额") from None
    if not amount.is_finite() or amount < 0:
        raise Bad(f"「{raw}」不是有效金额（不能为负数）")
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise Bad(f"「{raw}」最多保留两位小数（到分）")
    return int(fen)


def integer(value: object) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = text(value)
    if not re.fullmatch(r"\d+", raw):
        raise Bad(f"「{raw}」应为整数")
    return int(raw)


def choice(value: object, options: Sequence[str], what: str) -> str:
    raw = text(value)
    if raw not in options:
        shown = "、".join(options[:12]) + ("…" if len(options) > 12 else "")
        raise Bad(f"「{raw}」不是可选的{what}（可选：{shown}）")
    return raw


# --- templates ------------------------------------------------------------------------------------------

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")


def template(path: Path, sheet_name: str, fields: Sequence[Field], options: Mapping[str, Sequence[str]],
             guide_title: str, guide_lines: Sequence[str]) -> Path:
    """A workbook to fill in: header row (required columns red), text/date formats, drop-down lists
    from a hidden options sheet (lists of any length), and a sheet explaining each column."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = sheet_name
    opts = wb.create_sheet(OPTIONS_SHEET)
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(options.items(), start=1):
        letter = get_column_letter(col)
        opts.cell(1, col, name)
        for row, value in enumerate(values, start=2):
            opts.cell(row, col, value)
        ranges[name] = f"{quote_sheetname(OPTIONS_SHEET)}!${letter}$2:${letter}${max(len(values), 1) + 1}"
    opts.sheet_state = "hidden"
    for col, f in enumerate(fields, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(1, col, f.header)
        cell.font = REQUIRED_FONT if f.required else Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[letter].width = max(display_width(f.header) + 4, _WIDTHS.get(f.kind, 12))
        fmt = _FORMATS.get(f.kind)
        if fmt:
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row, col).number_format = fmt
        area = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if f.options in ranges:
            dv = DataValidation(type="list", formula1=ranges[f.options], allow_blank=not f.required,
                                showErrorMessage=True, errorTitle="无效的选项", error=f"请从下拉列表中选择{f.header}")
            dv.add(area)
            ws.add_data_validation(dv)
        elif f.kind == "date":
            dv = DataValidation(type="date", operator="between", formula1="DATE(1950,1,1)", formula2="DATE(2100,12,31)",
                                allow_blank=True, showErrorMessage=True, errorTitle="日期无效",
                                error="请输入日期，例如 2024-03-01")
            dv.add(area)
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    _guide(wb.create_sheet(GUIDE_SHEET), fields, guide_title, guide_lines)
    save_atomically(wb, Path(path))
    return Path(path)


_WIDTHS = {"id": 22, "phone": 14, "date": 13, "text": 14}
_FORMATS = {"id": "@", "phone": "@", "date": "yyyy-mm-dd", "text": "@"}


def _guide(ws: Worksheet, fields: Sequence[Field], title: str, lines: Sequence[str]) -> None:
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    for line in lines:
        ws.append([line])
    ws.append([])
    ws.append(["列名", "是否必填", "填写要求"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for f in fields:
        ws.append([f.header, "必填" if f.required else "选填", f.note])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 90


def save_atomically(wb: Workbook, path: Path) -> None:
    """Write under a temporary name in the target folder, fsync, then rename (no half file on a crash)."""
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


def problems_in(rows: Iterator[Problem]) -> list[Problem]:
    """Problems in sheet order (row, then as found)."""
    return sorted(rows, key=lambda p: p.row or 0)
