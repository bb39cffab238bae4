"""The finance reports read back as a person and a program would: PDF text (pypdf) with embedded
Chinese fonts and capitals on official forms, the disclosure on one page, Excel values exact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import ledger
from sgz_desktop.core.contract_evaluations import EvaluationInput, record_evaluation
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.reports import finance as reports
from sgz_desktop.core.reports import finance_notice as notice
from sgz_desktop.core.station import Station
from tests.core.finance_factory import CLERK, SECOND_CLERK, make_contract, make_entry


@pytest.fixture
def booked(station: Station) -> Station:
    c = make_contract(station, CLERK)
    make_entry(station, CLERK, c.id, entry_date=dt.date(2025, 12, 1), direction="income", sub_category="财政拨款",
               amount_fen=30_000_000, summary="收到首期拨款", counterparty="江岸区民政局")
    make_entry(station, CLERK, c.id, entry_date=dt.date(2025, 12, 20), amount_fen=1_000_000, summary="12 月工资")
    make_entry(station, CLERK, c.id, entry_date=dt.date(2026, 1, 5), direction="income", sub_category="财政拨款",
               amount_fen=10_000_010, summary="收到二期拨款")
    wages = make_entry(station, CLERK, c.id, entry_date=dt.date(2026, 1, 10), amount_fen=850_000, summary="1 月工资")
    make_entry(station, CLERK, c.id, entry_date=dt.date(2026, 2, 1), sub_category="行政管理费", amount_fen=5,
               summary="复印")
    ledger.review_entries(station, SECOND_CLERK, [wages.id])
    ledger.reverse_entry(station, CLERK, wages.id, dt.date(2026, 2, 3), "金额录错")
    record_evaluation(station, CLERK, c.id, EvaluationInput(1, "中期", dt.date(2025, 7, 1), "江岸区社会工作评估中心",
                                                            "良好", 86))
    return station


def _text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", ""), reader


def _embedded(reader: PdfReader) -> bool:
    """The Chinese font travels with the file (a TrueType font program in the PDF)."""
    for font in reader.pages[0]["/Resources"]["/Font"].values():  # type: ignore[index, union-attr]
        font = font.get_object()
        for desc in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
            fd = desc.get("/FontDescriptor")
            if fd is not None and "/FontFile2" in fd.get_object():
                return True
    return False


def test_journal_pdf_with_running_balance(booked: Station, tmp_path: Path) -> None:
    text, reader = _text(reports.journal_pdf(booked, CLERK, tmp_path / "j.pdf", 2026))
    assert "日记账" in text and "上年结转" in text and "¥290,000.00" in text  # 300 000 in, 10 000 out in 2025
    assert "¥390,000.10" in text and "¥381,500.10" in text and "-¥8,500.00" in text  # the red-ink reversal
    assert "1 月合计" in text and "本年合计" in text and _embedded(reader)


def test_final_accounts_pdf_has_capitals_and_signatures(booked: Station, tmp_path: Path) -> None:
    text, reader = _text(reports.final_accounts_pdf(booked, CLERK, tmp_path / "f.pdf", 2026))
    assert _embedded(reader)
    assert "经费决算表" in text and "人民币壹拾万元零壹角" in text  # this year's income, 100 000.10
    assert "人民币伍分" in text  # the year's expense: 8 500 - 8 500 + 0.05
    assert "单位负责人" in text and "财务负责人" in text and "制表人" in text
    assert "尚未结账" in text and "张凭证尚未审核" in text


def test_budget_pdf_and_xlsx(booked: Station, tmp_path: Path) -> None:
    text, _reader = _text(reports.budget_pdf(booked, CLERK, tmp_path / "b.pdf", 2025))
    assert "预算执行情况表" in text and "¥10,000.00" in text and "1.79%" in text  # 10 000 of 560 000 薪资
    reports.budget_xlsx(booked, CLERK, tmp_path / "b.xlsx", 2025)
    rows = list(read_rows(tmp_path / "b.xlsx"))
    wages = next(r for r in rows if r[2] == "薪资")
    assert float(wages[3]) == 560_000 and float(wages[4]) == 10_000 and wages[7] == "1.79%"


def test_disclosure_is_one_page(booked: Station, tmp_path: Path) -> None:
    text, reader = _text(notice.disclosure_pdf(booked, CLERK, tmp_path / "d.pdf", 2026))
    assert len(reader.pages) == 1
    assert "资金信息公开" in text and "第二十八条" in text and "人民币壹拾万元零壹角" in text
    assert "未超过10%" in text.replace(" ", "")


def test_evaluations_pdf_and_final_accounts_xlsx(booked: Station, tmp_path: Path) -> None:
    text, _reader = _text(notice.evaluations_pdf(booked, CLERK, tmp_path / "e.pdf"))
    assert "评估记录" in text and "良好" in text and "续签资格" in text
    reports.final_accounts_xlsx(booked, CLERK, tmp_path / "f.xlsx", 2026)
    rows = list(read_rows(tmp_path / "f.xlsx"))
    closing = next(r for r in rows if r[1] == "年末结余")
    assert float(closing[4]) == 390_000.05
    reports.journal_xlsx(booked, CLERK, tmp_path / "j.xlsx", 2026)
    journal_rows = list(read_rows(tmp_path / "j.xlsx"))
    assert journal_rows[1][2] == "上年结转" and float(journal_rows[-1][7]) == 390_000.05
