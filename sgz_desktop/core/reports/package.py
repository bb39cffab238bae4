"""Printed papers of the yearly package: 归档文件目录 (catalogue), 移交清单 (handover list), the
registration form 登记表 (outside the bag, carrying the hashes) and the verifier's report.

The catalogue and handover list sit inside the bag, so they carry nothing that changes from one export
to the next except the print date; ``invariant_pdfs`` keeps reportlab's own timestamp and random
document id out of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..package import form as form_labels
from ..package.layout import RETENTION_LABELS
from ..package.report import VerifyReport, scope_text
from ..package.scope import Scope
from ..sizes import human_size
from .pdf import build, chinese_font, style
from .register import (
    HEADER_GREY,
    MARKED,
    RegisterPage,
    cell,
    chinese_date,
    frame_width,
    heading,
    note,
    table,
    widths,
    write_register,
)

MONO = "Courier"
PASS_GREEN = colors.HexColor("#E3F4E5")


@contextmanager
def invariant_pdfs() -> Iterator[None]:
    """reportlab without its creation timestamp and random /ID, for PDFs inside the bag."""
    before = rl_config.invariant
    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = before


def _plain_table(headers: Sequence[str], rows: Sequence[Sequence[object]], col_widths: Sequence[float],
                 wrap: set[int]) -> Table:
    """A long table drawn fast: plain strings, only the columns in ``wrap`` as wrapping paragraphs (and
    only when the text is long enough to need it)."""
    font = chinese_font().name
    data: list[list[Any]] = [[cell(h, 8.5, TA_CENTER, bold=True) for h in headers]]
    for row in rows:
        data.append([cell(v) if i in wrap and len(str(v)) * 8.5 > col_widths[i] - 6 else ("" if v is None else str(v))
                     for i, v in enumerate(row)])
    t = Table(data, colWidths=list(col_widths), repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 1), (-1, -1), font), ("FONTSIZE", (0, 1), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")), ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return t


CATALOGUE_HEADERS = ("档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
# As the archives area's catalogue (reports/archives.py) without its 序号: a 文号 like 后社工〔2024〕123号 fits
# on one line, where a narrower column made most rows two lines high.
_CATALOGUE_WIDTHS = (21, 14, 12, 32, 8, 5, 5, 8)


def write_catalogue_pdf(out: Path, station: str, scope: Scope, groups: Sequence[tuple[str, Iterable[Sequence[object]]]],
                        printed_on: dt.date) -> Path:
    """归档文件目录: one table per (门类, 保管期限); rows are 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注.
    Each group's rows are iterated twice (pages counted, then drawn), never held.

    Thousands of rows: drawn straight on the canvas (platypus tables take seconds per thousand rows),
    with the same header, footer and signature lines as every register."""
    from .catalogue_canvas import draw_catalogue

    def make(tmp: Path) -> None:
        draw_catalogue(tmp, station, scope.label, CATALOGUE_HEADERS, _CATALOGUE_WIDTHS, groups, printed_on)

    return build(out, make)


def write_handover_pdf(out: Path, station: str, recipient: str, scope: Scope, identifier: str,
                       group_rows: Sequence[Sequence[object]], totals: Sequence[object],
                       registers: Sequence[str], printed_on: dt.date) -> Path:
    """移交清单: who hands what to whom, counts per 门类 and 保管期限, the registers included."""
    title = "项目档案移交清单" if scope.is_project else "档案移交清单"
    page = RegisterPage(title, station, f"{scope.label} · {identifier}", printed_on, signatures=("移交人", "接收人"))
    frame = frame_width(page)
    what = (f"服务项目：{scope.project_name}；项目周期：{scope.period_text}" if scope.is_project
            else f"档案年度：{scope.year}")
    body: list[Flowable] = [
        note(f"移交单位：{station}；接收单位：{recipient}；{what}；移交包编号：{identifier}。"),
        table(("门类", "保管期限", "件号起止", "件数", "文件数", "页数", "文件大小"), [*group_rows, totals],
              widths(frame, (12, 10, 16, 8, 8, 8, 12)), align="ccccrrr", total_row=True),
        Spacer(1, 4 * mm),
        heading("随包移交的登记簿册"),
        note("；".join(registers) + "。" if registers else "无。"),
        note("档案文件、归档文件目录和各登记簿册均在移交包 data/ 文件夹中；每个文件的 SHA-256 列于 "
             "manifest-sha256.txt，标签清单由本站密钥签名。"),
    ]
    if scope.is_project:
        body.append(note("本包为该项目周期内的档案选取：每件保留其所在年度的档号和件号，件号不要求连续。"))
    return write_register(out, page, body)


def group_row(category: str, category_name: str, retention: str, first: int, last: int, items: int, files: int,
              pages: int, size: int, year: int | None = None, org: str = "") -> list[object]:
    """A line of the per-group counts. 件号 run per 机构 (and restart each year, which a project package names),
    so the range carries them: "BGS 0001–0557", "2024 年 FW 0001–0012"."""
    numbers = " ".join(part for part in (f"{year} 年" if year is not None else "", org,
                                         f"{first:04d}–{last:04d}") if part)
    return [f"{category_name}（{category}）", RETENTION_LABELS.get(retention, retention), numbers,
            items, files, pages, human_size(size)]


def _kv_table(rows: Sequence[tuple[str, object, bool]], frame: float) -> Table:
    data: list[list[Any]] = []
    for label, value, mono in rows:
        shown: Any = (Paragraph(str(value), style(8.6, leading=11).clone("mono", fontName=MONO)) if mono
                      else cell(value, 10))
        data.append([cell(label, 10, bold=True), shown])
    t = Table(data, colWidths=[36 * mm, frame - 36 * mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")),
                           ("BACKGROUND", (0, 0), (0, -1), HEADER_GREY), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def write_registration_form(out: Path, *, station: str, recipient: str, fonds: str, scope: Scope, identifier: str,
                            zip_name: str, zip_bytes: int, zip_sha256: str, tagmanifest_sha256: str, items: int,
                            files: int, record_bytes: int, pages: int, key_fingerprint: str, exported_at: dt.datetime,
                            exported_by: str, group_rows: Sequence[Sequence[object]]) -> Path:
    """登记表: the figures both sides sign for; the verifier reads the hashes and counts back from it."""
    title = "项目档案移交登记表" if scope.is_project else "年度档案移交登记表"
    page = RegisterPage(title, station, f"{scope.label} · {identifier}", exported_at.date(),
                        signatures=("移交单位经办人", "接收单位经办人"))
    frame = frame_width(page)
    what: list[tuple[str, object, bool]] = (
        [("服务项目", scope.project_name, False), ("项目周期", scope.period_text, False)] if scope.is_project
        else [("档案年度", scope.year, False)])
    rows: list[tuple[str, object, bool]] = [
        ("移交单位", station, False), ("接收单位", recipient, False), ("全宗号", fonds, False),
        *what, (form_labels.IDENTIFIER, identifier, False),
        ("移交包文件", f"{zip_name}（{human_size(zip_bytes)}，{zip_bytes:,} 字节）", False),
        (form_labels.ITEMS, f"{items:,}", False), ("档案文件数", f"{files:,}", False),
        (form_labels.BYTES, f"{record_bytes:,}", False), ("页数", f"{pages:,}", False),
        (form_labels.ZIP_HASH, zip_sha256, True), (form_labels.TAG_HASH, tagmanifest_sha256, True),
        ("站点公钥指纹", key_fingerprint, True),
        ("导出时间", f"{chinese_date(exported_at.date())} {exported_at:%H:%M}", False), ("导出人", exported_by, False),
    ]
    sign = Table([[cell("移交单位（盖章）", 10.5), cell("接收单位（盖章）", 10.5)],
                  [cell("负责人（签字）：", 10.5), cell("负责人（签字）：", 10.5)]],
                 colWidths=[frame / 2, frame / 2], rowHeights=[10 * mm, 14 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    body: list[Flowable] = [
        _kv_table(rows, frame), Spacer(1, 4 * mm), heading("分类统计"),
        table(("门类", "保管期限", "件号起止", "件数", "文件数", "页数", "文件大小"), group_rows,
              widths(frame, (12, 10, 16, 8, 8, 8, 12)), align="ccccrrr"),
        Spacer(1, 3 * mm),
        note("接收方核对：用 sgz verify 校验移交包（可加 --form 本登记表），压缩包 SHA-256 应与上表一致，"
             "站点公钥指纹应与街道登记的一致。"),
        Spacer(1, 6 * mm), sign,
    ]
    return write_register(out, page, body)


def write_verify_pdf(out: Path, report: VerifyReport) -> Path:
    """移交包校验报告: the verdict first, then each property with its checks and every failure."""
    s = report.summary
    page = RegisterPage("移交包校验报告", s.station or "移交包校验", f"{s.identifier or Path(report.package).name}",
                        report.checked_at.date(), signatures=("校验人", "复核人"))
    frame = frame_width(page)
    verdict = "通过：四性检测全部合格" if report.passed else f"不通过：{len(report.failed)} 项检查未通过"
    rows: list[tuple[str, object, bool]] = [
        ("结论", verdict, False), ("移交包", Path(report.package).name, False),
        ("压缩包 SHA-256", report.zip_sha256 or "（未计算）", True), ("大小", f"{report.zip_bytes:,} 字节", False),
        ("站点 / 范围", f"{s.station or '—'} / {scope_text(s.year, s.scope)}", False),
        ("件数 / 包内文件数", f"{_or_dash(s.items)} / {_or_dash(s.files)}", False),
        ("站点公钥指纹", s.key_fingerprint or "—", True),
        ("登记公钥", "已核对" if s.pinned_key else "未提供（只核对了包内公钥）", False),
        ("校验时间", f"{chinese_date(report.checked_at.date())} {report.checked_at:%H:%M}", False),
    ]
    kv = _kv_table(rows, frame)
    kv.setStyle(TableStyle([("BACKGROUND", (1, 0), (1, 0), PASS_GREEN if report.passed else MARKED)]))
    body: list[Flowable] = [kv, Spacer(1, 5 * mm)]
    numerals = "一二三四"
    for i, (_key, label, checks) in enumerate(report.by_property()):
        ok = all(c.passed for c in checks)
        body.append(heading(f"{numerals[i]}、{label}：{'合格' if ok else '不合格'}"))
        body.append(table(("序号", "检查内容", "结果"), [(c.number, c.title, "通过" if c.passed else
                                                   f"未通过（{c.failure_count} 处）") for c in checks],
                          widths(frame, (6, 70, 18)), align="clc",
                          marked=[j for j, c in enumerate(checks) if not c.passed]))
        for c in checks:
            for text in c.failures:
                body.append(note(f"检查 {c.number}：{_escape(text)}"))
            for text in c.notes:
                body.append(note(f"说明（检查 {c.number}）：{_escape(text)}"))
        body.append(Spacer(1, 3 * mm))
    return write_register(out, page, body)


def write_scope_table_pdf(out: Path, *, title: str, station: str, scope: Scope, printed_on: dt.date,
                          headers: Sequence[str], rows: Sequence[Sequence[object]], relative: Sequence[float],
                          summary: str = "", align: str = "", wide: bool = True,
                          extra: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]], Sequence[float]]] = ()
                          ) -> Path:
    """A register for a project package (项目志愿服务记录, 项目收支明细...): title, the project and its cycle
    as subtitle, a summary line and one table (plus ``extra`` titled tables)."""
    page = RegisterPage(title, station, scope.label, printed_on, wide=wide)
    frame = frame_width(page)
    body: list[Flowable] = [note(_escape(summary))] if summary else []
    body.append(table(headers, rows, widths(frame, relative), align=align) if rows else note("（无记录）"))
    for heading_text, more_headers, more_rows, more_relative in extra:
        body += [Spacer(1, 4 * mm), heading(heading_text)]
        body.append(table(more_headers, more_rows, widths(frame, more_relative)) if more_rows else note("（无记录）"))
    return write_register(out, page, body)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _or_dash(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"
