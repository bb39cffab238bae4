"""Station profile, communities and threshold settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import profile, settings
from sgz_desktop.core.errors import ValidationError
from sgz_desktop.core.reports.recovery import write_recovery_sheet
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station


def test_profile_edit_and_validation(station: Station, admin: Actor) -> None:
    p = profile.update_profile(station, admin, district_type="新城区", fonds_code="Z201")
    assert (p.district_type, p.fonds_code) == ("新城区", "Z201")
    with pytest.raises(ValidationError) as err:
        profile.update_profile(station, admin, district_type="郊区", name="", city_avg_wage_fen=-5)
    assert {pr.field for pr in err.value.problems} == {"城区类型", "站点名称", "全市职工月平均工资"}
    assert profile.get_profile(station).name == "江汉街道社会工作服务站"
    with pytest.raises(ValidationError, match="不能修改字段"):
        profile.update_profile(station, admin, station_uuid="x")


def test_communities_are_retired_not_deleted(station: Station, admin: Actor) -> None:
    assert [c.name for c in profile.list_communities(station)] == ["新华社区", "民意社区", "花楼社区", "友谊村"]
    assert profile.list_communities(station)[-1].kind == "村"
    added = profile.add_community(station, admin, "  北湖社区 ")
    assert added.name == "北湖社区" and added.sort_order == 5
    with pytest.raises(ValidationError, match="已存在"):
        profile.add_community(station, admin, "北湖社区")
    profile.set_community_active(station, admin, added.id, False)
    assert "北湖社区" not in [c.name for c in profile.list_communities(station)]
    assert "北湖社区" in [c.name for c in profile.list_communities(station, include_inactive=True)]


def test_settings_defaults_articles_and_bounds(station: Station, admin: Actor) -> None:
    values = {v.definition.key: v for v in settings.list_settings(station)}
    fee = values["finance.mgmt_fee_max_percent"]
    assert fee.value == 10 and fee.is_default and fee.definition.article == "第二十六条"
    settings.set_value(station, admin, "finance.mgmt_fee_max_percent", "8")
    assert settings.get(station, settings.MGMT_FEE_SHARE) == 8.0
    with pytest.raises(ValidationError, match="不能大于"):
        settings.set_value(station, admin, "finance.mgmt_fee_max_percent", 150)
    with pytest.raises(ValidationError, match="不是有效的数值"):
        settings.set_value(station, admin, "login.max_failures", "五")
    settings.reset(station, admin, "finance.mgmt_fee_max_percent")
    assert settings.get(station, settings.MGMT_FEE_SHARE) == 10


def test_recovery_sheet_pdf(station: Station, tmp_path: Path) -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST-UVWX"
    out = write_recovery_sheet(tmp_path / "恢复单.pdf", profile.get_profile(station), key,
                               dt.datetime(2026, 3, 2, 9, 30))
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "站点密钥恢复单" in text and "江汉街道社会工作服务站" in text and "Z109" in text
    assert "QRST" in text and "2026年03月02日" in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # an embedded font is present
    assert not list(tmp_path.glob(".*.part"))
