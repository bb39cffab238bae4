"""归档文件目录 (PDF and Excel) and the appraisal list, read back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from sgz_desktop.core import archive_filing, archives
from sgz_desktop.core.archive_tables import due_table
from sgz_desktop.core.reports.archives import write_catalogue_pdf, write_catalogue_xlsx, write_due_pdf
from sgz_desktop.core.roles import SYSTEM, Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import archivist, item, write_pdf


def _fill(station: Station, admin: Actor, tmp_path: Path, count: int = 40) -> list[archives.ItemInfo]:
    keeper = archivist(station, admin)
    pdf = write_pdf(tmp_path)
    ids = []
    for n in range(count):
        retention = ("Y", "D30", "D10")[n % 3]
        category = "KU" if n % 5 == 0 else "WS"
        org = "CW" if category == "KU" else "BGS"
        ids.append(archives.register_item(station, SYSTEM, item(
            f"2025年第{n}号文件：关于社区养老服务站点建设情况的报告（第{n}件）", dt.date(2025, 1 + n % 12, 1 + n % 27),
            retention=retention, category=category, org_code=org, doc_number=f"后社工〔2025〕{n}号"), [pdf]).id)
    archives.register_item(station, SYSTEM, item("另一年度的文件", dt.date(2024, 5, 5)), [pdf])
    archives.register_item(station, SYSTEM, item("还没归档的草稿"), [pdf])
    return archive_filing.finalise(station, keeper, ids)


def test_catalogue_pdf_lists_every_finalised_item_of_the_year(station: Station, admin: Actor, tmp_path: Path) -> None:
    filed = _fill(station, admin, tmp_path)
    out = write_catalogue_pdf(station, admin, tmp_path / "目录.pdf", 2025)
    reader = PdfReader(out)
    text = "".join(p.extract_text() for p in reader.pages)
    found = set(re.findall(r"Z109-(?:WS|KU)·2025-(?:Y|D30|D10)-(?:BGS|CW)-\d{4}", text))
    assert found == {i.danghao for i in filed} and len(found) == 40
    for header in ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"):
        assert header in text
    assert "归档文件目录" in text and "共 40 件" in text and "还没归档的草稿" not in text and "另一年度" not in text
    assert "20250101" in text and "保管期限：永久（Y）" in text and "整理人" in text
    assert len(reader.pages) >= 6  # a section per (门类, 期限, 机构), each from a new page
    only = write_catalogue_pdf(station, admin, tmp_path / "永久.pdf", 2025, category="WS", retention="Y")
    only_text = "".join(p.extract_text() for p in PdfReader(only).pages)
    assert "-D30-" not in only_text and "KU·" not in only_text
    assert set(re.findall(r"Z109-WS·2025-Y-BGS-\d{4}", only_text)) == {
        i.danghao for i in filed if i.category == "WS" and i.retention == "Y"}


def test_catalogue_xlsx(station: Station, admin: Actor, tmp_path: Path) -> None:
    filed = _fill(station, admin, tmp_path, count=12)
    count = write_catalogue_xlsx(station, admin, tmp_path / "目录.xlsx", 2025)
    ws = load_workbook(tmp_path / "目录.xlsx", read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert count == 12 and rows[0][:9] == ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
    assert rows[0][9:] == ("门类", "年度", "保管期限", "机构", "件号")
    assert {r[1] for r in rows[1:]} == {i.danghao for i in filed} and [r[0] for r in rows[1:]] == list(range(1, 13))


def test_empty_year_still_prints(station: Station, admin: Actor, tmp_path: Path) -> None:
    out = write_catalogue_pdf(station, admin, tmp_path / "空.pdf", 2019)
    assert "还没有已归档的档案" in PdfReader(out).pages[0].extract_text()


def test_due_for_appraisal_list(station: Station, admin: Actor, tmp_path: Path) -> None:
    keeper = archivist(station, admin)
    pdf = write_pdf(tmp_path)
    ids = [archives.register_item(station, SYSTEM, item(title, on, retention=r), [pdf]).id for title, on, r in (
        ("2014年活动记录", dt.date(2014, 3, 1), "D10"), ("2016年活动记录", dt.date(2016, 3, 1), "D10"),
        ("1995年会计凭证", dt.date(1995, 3, 1), "D30"), ("1990年建站批复", dt.date(1990, 3, 1), "Y"))]
    archive_filing.finalise(station, keeper, ids)
    table = due_table(station, admin)
    assert [r[1] for r in table.rows] == ["1995年会计凭证", "2014年活动记录"] and table.rows[1][4] == 2024
    out = write_due_pdf(station, admin, tmp_path / "鉴定.pdf")
    text = PdfReader(out).pages[0].extract_text()
    assert "到期档案鉴定清单" in text and "2014年活动记录" in text and "1990年建站批复" not in text


def test_a_sealed_page_is_compressed_at_once_and_the_pdf_is_byte_for_byte_the_same(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from sgz_desktop.core.reports.package import invariant_pdfs
    from sgz_desktop.core.reports.pdf import chinese_font, seal_page

    def draw(path: Path, seal: bool) -> list[object]:
        c = Canvas(str(path))
        font = chinese_font().name
        for page in range(3):
            c.setFont(font, 10)
            for line in range(40):
                c.drawString(40, 800 - 18 * line, f"第{page + 1}页 第{line + 1}行 关于社区走访与困难群众帮扶的通知")
            c.showPage()
            if seal:
                seal_page(c)
        streams = [p.stream for p in c._doc.Pages.pages]
        c.save()
        return streams

    with invariant_pdfs():
        assert all(draw(tmp_path / "sealed.pdf", True)[i] is None for i in range(3))
        assert all(draw(tmp_path / "plain.pdf", False))
    assert (tmp_path / "sealed.pdf").read_bytes() == (tmp_path / "plain.pdf").read_bytes()
