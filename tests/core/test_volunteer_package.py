"""The volunteer area's registers in the yearly package: summary and points register PDFs, CSV and JSON
copies of the year's registry, hours, ledger, redemptions and certificates, without ID numbers."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader

from sgz_desktop.core import profile, volunteer_certificates, volunteer_points, volunteer_rewards
from sgz_desktop.core.package import volunteer_registers
from sgz_desktop.core.package.registers import sections
from sgz_desktop.core.package.scope import Scope
from sgz_desktop.core.reports.volunteers import write_points_pdf
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.volunteer_points import RuleInput, yearly_points
from sgz_desktop.core.volunteer_rewards import ItemInput
from tests.core.volunteer_factory import add_volunteer, approved


def test_year_points_and_package_section(station: Station, admin: Actor, tmp_path: Path) -> None:
    profile.update_profile(station, admin, responsible_person="王丽", contact_phone="027-85551234")
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    v = add_volunteer(station, admin, 901)
    approved(station, admin, v.id, dt.date(2024, 11, 1), "3")  # 30 before 2025
    approved(station, admin, v.id, dt.date(2025, 4, 1), "2")  # 20 in 2025
    volunteer_points.adjust(station, admin, v.id, 5, "奖励", on=dt.date(2025, 6, 1))
    item = volunteer_rewards.add_item(station, admin, ItemInput("毛巾", 40, 3))
    volunteer_rewards.redeem(station, admin, v.id, item.id)  # 2026
    volunteer_certificates.issue_certificate(station, admin, v.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    year = yearly_points(station, admin, 2025)
    assert [(p.opening, p.by_kind["earn"], p.by_kind["adjust"], p.closing) for p in year] == [(30, 20, 5, 55)]
    text = PdfReader(write_points_pdf(station, admin, 2025, tmp_path / "p.pdf")).pages[0].extract_text()
    assert "志愿积分台账" in text and v.name in text and "55" in text

    assert "volunteers" in [s.key for s in sections()]
    folder = tmp_path / "volunteers"
    folder.mkdir()
    files = volunteer_registers._write(station, admin, Scope.of_year(2025), folder)
    assert sorted(f.name for f in files) == sorted([
        "volunteers-summary.pdf", "points-register.pdf", "volunteer-registry.csv", "volunteer-hours.csv",
        "volunteer-ledger.csv", "volunteer-redemptions.csv", "volunteer-certificates.csv", "volunteers.json"])
    with (folder / "volunteer-registry.csv").open(encoding="utf-8-sig") as fh:
        registry = list(csv.reader(fh))
    assert registry[0][:2] == ["志愿者编号", "姓名"] and registry[1][9:11] == ["2", "5"]
    everything = "".join(f.read_text(encoding="utf-8-sig") for f in files if f.suffix in (".csv", ".json"))
    assert v.id_number not in everything and v.phone not in everything
    data = json.loads((folder / "volunteers.json").read_text(encoding="utf-8"))
    assert data["年度"] == 2025 and len(data["积分明细"]) == 2 and data["积分兑换"] == []
    assert data["志愿服务证明"] == []  # issued in 2026
