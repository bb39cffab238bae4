"""Certificates, receipts, the registry and the year summary, read back as a person (pdftoppm) and as
text (pypdf) would."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sgz_desktop.core import profile, volunteer_certificates, volunteer_points, volunteer_rewards
from sgz_desktop.core.errors import NotFound, ValidationError
from sgz_desktop.core.reports.volunteers import (
    write_certificate_pdf,
    write_receipt_pdf,
    write_registry_pdf,
    write_year_pdf,
    write_year_xlsx,
)
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.validation import mask_id_number
from sgz_desktop.core.volunteer_points import RuleInput
from sgz_desktop.core.volunteer_rewards import ItemInput
from sgz_desktop.core.volunteers import VolunteerInfo
from tests.core.staff_factory import community_id
from tests.core.volunteer_factory import add_volunteer, approved


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _looks_like_a_page(pdf: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


@pytest.fixture
def served(station: Station, admin: Actor) -> VolunteerInfo:
    profile.update_profile(station, admin, responsible_person="王丽", contact_phone="027-85551234")
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    v = add_volunteer(station, admin, 501, community_id=community_id(station))
    for month, kind in ((3, "助老服务"), (5, "环境保护"), (9, "助老服务")):
        approved(station, admin, v.id, dt.date(2025, month, 12), "2.5", activity_type=kind)
    approved(station, admin, v.id, dt.date(2024, 12, 1), "4")  # outside the period below
    return v


def test_certificate_carries_every_required_field_and_its_number_verifies(
        station: Station, admin: Actor, served: VolunteerInfo, tmp_path: Path) -> None:
    cert = volunteer_certificates.issue_certificate(station, admin, served.id, dt.date(2025, 1, 1),
                                                    dt.date(2025, 12, 31))
    assert cert.number == "ZYFW20260001" and str(cert.hours) == "7.5" and cert.activities == 3
    out = write_certificate_pdf(station, admin, cert.number, tmp_path / "证明.pdf")
    pages, text = _text(out)
    flat = text.replace("\n", "").replace(" ", "")
    assert pages == 1
    for required in ("志愿服务证明", served.name, "居民身份证", mask_id_number(served.id_number).replace(" ", ""),
                     served.volunteer_no, "7.5小时", "服务内容", "助老服务5小时", "环境保护2.5小时",
                     "出具组织", "江汉街道社会工作服务站", "负责人", "王丽", "经办人", "联系方式", "027-85551234",
                     "证明编号", "ZYFW20260001", "出具日期", "2026年03月02日", "盖章"):
        assert required in flat, required
    assert served.id_number not in flat  # the number is masked
    _looks_like_a_page(out, tmp_path)
    found = volunteer_certificates.verify_certificate(station, admin, "zyfw20260001")
    assert found is not None and found.volunteer_name == served.name and found.volunteer_id == served.id
    assert volunteer_certificates.verify_certificate(station, admin, "ZYFW20260002") is None
    second = volunteer_certificates.issue_certificate(station, admin, served.id, dt.date(2024, 1, 1),
                                                      dt.date(2024, 12, 31))
    assert second.number == "ZYFW20260002" and str(second.hours) == "4"


def test_certificate_refused_without_hours_or_station_contacts(station: Station, admin: Actor,
                                                              served: VolunteerInfo) -> None:
    with pytest.raises(ValidationError, match="没有审核通过的服务时长"):
        volunteer_certificates.issue_certificate(station, admin, served.id, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    profile.update_profile(station, admin, contact_phone="")
    with pytest.raises(ValidationError, match="请先在“设置 → 站点信息”中填写联系电话"):
        volunteer_certificates.issue_certificate(station, admin, served.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with pytest.raises(NotFound):
        volunteer_certificates.get_certificate(station, admin, "ZYFW20269999")


def test_receipt(station: Station, admin: Actor, served: VolunteerInfo, tmp_path: Path) -> None:
    item = volunteer_rewards.add_item(station, admin, ItemInput("食用油（5L）", 60, 3))
    r = volunteer_rewards.redeem(station, admin, served.id, item.id)
    assert r.receipt_no == "DH202600001" and r.balance_after == 55
    _pages, text = _text(write_receipt_pdf(station, admin, r.id, tmp_path / "凭证.pdf"))
    flat = text.replace("\n", "").replace(" ", "")
    for shown in ("志愿积分兑换凭证", "DH202600001", served.name, "食用油（5L）", "60分", "55分", "志愿者签名"):
        assert shown in flat, shown
    volunteer_rewards.cancel_redemption(station, admin, r.id, "物品有破损，改日再换")
    _pages, text = _text(write_receipt_pdf(station, admin, r.id, tmp_path / "作废.pdf"))
    assert "已作废" in text


def test_registry_and_year_summary(station: Station, admin: Actor, served: VolunteerInfo, tmp_path: Path) -> None:
    _pages, text = _text(write_registry_pdf(station, admin, tmp_path / "名册.pdf"))
    assert "志愿者名册" in text and served.name in text and served.id_number not in text and "第 1 页" in text
    volunteer_certificates.issue_certificate(station, admin, served.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    pdf = write_year_pdf(station, admin, 2025, tmp_path / "年度.pdf")
    _pages, text = _text(pdf)
    flat = text.replace("\n", "").replace(" ", "")
    assert "志愿服务年度汇总" in flat and "审核通过的服务时长合计7.5小时" in flat and "新华社区" in flat
    _looks_like_a_page(pdf, tmp_path)
    wb = load_workbook(write_year_xlsx(station, admin, 2026, tmp_path / "年度.xlsx"))
    assert wb.sheetnames[:3] == ["概况", "各月服务时长", "各社区服务时长"]
    assert wb["证明出具登记"]["A2"].value == "ZYFW20260001"
