"""The printed registers, read back as a person (pdftoppm) and as text (pypdf) would."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import assessments, profile, staff, training, users
from sgz_desktop.core.errors import PermissionDenied
from sgz_desktop.core.reports.staff import write_assessment_pdf, write_roster_pdf, write_training_pdf
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core.staff_factory import add


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _embedded_fonts(path: Path) -> set[str]:
    reader = PdfReader(path)
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                fd = desc.get("/FontDescriptor")
                if fd is not None and "/FontFile2" in fd.get_object():
                    found.add(str(desc["/BaseFont"]))
    return found


@pytest.fixture
def roster(station: Station, admin: Actor) -> list[staff.StaffInfo]:
    cid = profile.list_communities(station)[1].id
    people = [add(station, admin, n, hire_date=dt.date(2023, 1, 1) + dt.timedelta(days=n)) for n in range(600, 640)]
    people += [add(station, admin, 640, post="社区联络员", employment="兼职", community_id=cid, cert_level="无",
                   cert_number="", cert_date=None, sw_background=False)]
    return people


def test_roster_pdf_has_every_person_chinese_text_and_page_numbers(station: Station, admin: Actor,
                                                                   roster: list[staff.StaffInfo],
                                                                   tmp_path: Path) -> None:
    gone = roster[3]
    staff.leave(station, admin, gone.id, dt.date(2026, 1, 1), "调离")
    out = write_roster_pdf(station, admin, tmp_path / "人员花名册.pdf")
    pages, text = _text(out)
    assert pages >= 2
    for n in range(1, pages + 1):
        assert f"第 {n} 页 共 {pages} 页" in text
    assert text.count("江汉街道社会工作服务站") >= pages and "打印日期：2026年03月02日" in text
    assert "人员花名册" in text and "截至 2026年03月02日" in text and "制表人" in text and "审核人" in text
    for p in roster:
        assert (p.name in text) == (p is not gone), p.name
    assert "在岗 40 人：专职 39 人，兼职 1 人" in text and "民意社区" in text
    assert roster[0].phone not in text and re.search(r"138\*{4}\d{4}", text)  # phones masked on paper
    assert _embedded_fonts(out)  # the Chinese font travels with the file
    # On 2026-01-01 the leaver was no longer in post; a year earlier they were.
    _pages, earlier = _text(write_roster_pdf(station, admin, tmp_path / "2025.pdf", dt.date(2025, 1, 1)))
    assert gone.name in earlier and "截至 2025年01月01日" in earlier


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_roster_pdf_renders(station: Station, admin: Actor, roster: list[staff.StaffInfo], tmp_path: Path) -> None:
    out = write_roster_pdf(station, admin, tmp_path / "r.pdf")
    done = subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "page")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_full_phones_only_for_roster_editors(station: Station, admin: Actor, roster: list[staff.StaffInfo],
                                             tmp_path: Path) -> None:
    _pages, text = _text(write_roster_pdf(station, admin, tmp_path / "full.pdf", full_phone=True))
    assert roster[0].phone in text
    users.create_user(station, admin, username="zhanzhang", display_name="周站长", role=Role.HEAD,
                      password="Head2026pw", must_change_password=False)
    head = users.login(station, "zhanzhang", "Head2026pw")
    write_roster_pdf(station, head, tmp_path / "head.pdf")
    with pytest.raises(PermissionDenied):
        write_roster_pdf(station, head, tmp_path / "head-full.pdf", full_phone=True)


def test_training_summary_pdf_lists_sessions_and_hours_by_type(station: Station, admin: Actor,
                                                               roster: list[staff.StaffInfo], tmp_path: Path) -> None:
    plan = [("个案工作实务", "实务培训", dt.date(2025, 3, 12), "3.5", roster[:10]),
            ("社会救助政策解读", "政策法规培训", dt.date(2025, 6, 5), "2", roster[5:30]),
            ("督导会：困难个案研讨", "督导培训", dt.date(2025, 11, 20), "4", roster[:3]),
            ("上一年的培训", "实务培训", dt.date(2024, 11, 20), "4", roster[:3])]
    for title, kind, on, hours, people in plan:
        s = training.add_session(station, admin, SessionInput(title, kind, on, Decimal(hours), organiser="民政局"))
        training.set_attendance(station, admin, s.id, [AttendanceInput(p.id) for p in people])
    out = write_training_pdf(station, admin, tmp_path / "培训记录汇总.pdf", 2025)
    pages, text = _text(out)
    assert "培训记录汇总" in text and "2025 年度" in text and f"第 {pages} 页 共 {pages} 页" in text
    assert "全年共举办（参加）培训 3 场、9.5 学时" in text and "上一年的培训" not in text
    for title in ("个案工作实务", "社会救助政策解读", "督导会：困难个案研讨"):
        assert title in text
    cells = [c.strip() for c in text.split("二、个人培训学时")[1].splitlines()]
    first = cells.index(roster[0].name)  # one cell per line: name, post, five types, total, count
    assert cells[first + 1:first + 9] == ["驻站社工", "—", "4", "—", "3.5", "—", "7.5", "2"]
    assert all(p.name in text for p in roster if p.employment == "专职")  # full-time staff listed even with 0 h


def test_assessment_pdf_shows_grades_failures_and_who_is_missing(station: Station, admin: Actor,
                                                                 roster: list[staff.StaffInfo],
                                                                 tmp_path: Path) -> None:
    for p in roster[:5]:
        assessments.set_assessment(station, admin, p.id, 2025, "优秀" if p is roster[0] else "合格", assessor="王丽",
                                   assessed_on=dt.date(2026, 1, 8))
    failed = assessments.set_assessment(station, admin, roster[5].id, 2025, "不合格", assessor="王丽",
                                        notes="多次未按时提交服务记录")
    pages, text = _text(write_assessment_pdf(station, admin, tmp_path / "考核表.pdf", 2025))
    assert pages == 1 and "年度考核表" in text and "第三十四条" in text
    assert "已考核 6 人：优秀 1 人，合格 4 人，基本合格 0 人，不合格 1 人" in text
    assert "待处理" in text and "多次未按时提交服务记录" in text and "尚未考核 35 人" in text
    assessments.record_review(station, admin, failed.id, "解聘", dt.date(2026, 2, 1))
    _pages, text = _text(write_assessment_pdf(station, admin, tmp_path / "考核表2.pdf", 2025))
    assert "待处理" not in text.split("不合格处理")[1].split("年度考核不合格的")[0] and "解聘" in text
