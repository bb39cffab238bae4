"""Settings page: profile, communities, users, thresholds and security, all through the core;
a role without the permission is refused by the core and the message is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import profile, settings, users
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.settings_page import SettingsPage
from sgz_desktop.ui.settings_users import AddUserDialog, NewUser


@pytest.fixture
def page(qtbot, station: Station, admin: Actor) -> SettingsPage:  # type: ignore[no-untyped-def]
    p = SettingsPage(station, admin)
    qtbot.addWidget(p)
    return p


@pytest.fixture
def head(station: Station, admin: Actor) -> Actor:
    users.create_user(station, admin, username="zhanzhang", display_name="张伟", role=Role.HEAD,
                      password="Head2026pw", must_change_password=False)
    return users.login(station, "zhanzhang", "Head2026pw")


def test_profile_edit_goes_through_the_core(page: SettingsPage, station: Station, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.profile_tab
    assert tab.edits["name"].text() == "江汉街道社会工作服务站" and tab.wage.text() == "8,500.00"
    tab.edits["responsible_person"].setText("王丽")
    tab.district_type.setCurrentText("新城区")
    tab.wage.setText("9000.5")
    tab.save()
    assert not shown.errors and shown.infos
    p = profile.get_profile(station)
    assert (p.responsible_person, p.district_type, p.city_avg_wage_fen) == ("王丽", "新城区", 900_050)


def test_profile_bad_values_are_refused(page: SettingsPage, station: Station, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.profile_tab
    tab.edits["name"].setText("  ")
    tab.save()
    assert "站点名称" in shown.errors[-1] and "不能为空" in shown.errors[-1]
    tab.wage.setText("很多")
    tab.save()
    assert "很多" in shown.errors[-1]
    assert profile.get_profile(station).name == "江汉街道社会工作服务站"


def test_communities_add_retire_reactivate(page: SettingsPage, station: Station, monkeypatch, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.profile_tab
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "二七村")
    tab.add_button.click()
    added = [c for c in profile.list_communities(station) if c.name == "二七村"]
    assert added and added[0].kind == "村"
    assert tab.communities.count() == 5
    tab.communities.setCurrentRow(0)
    tab.toggle_button.click()
    assert "新华社区" not in [c.name for c in profile.list_communities(station)]
    assert "已停用" in tab.communities.item(0).text() or "retired" in tab.communities.item(0).text()
    tab.communities.setCurrentRow(0)
    tab.toggle_button.click()
    assert "新华社区" in [c.name for c in profile.list_communities(station)]
    tab.add_button.click()  # the same name again: the core refuses, the message is shown
    assert "已存在" in shown.errors[-1]


def test_users_add_reset_role_deactivate_unlock(page: SettingsPage, station: Station, monkeypatch, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.users_tab
    monkeypatch.setattr(AddUserDialog, "ask", classmethod(
        lambda cls, parent: NewUser("caiwu", "赵敏", Role.FINANCE, "Finance2026")))
    tab.buttons["add"].click()
    assert not shown.errors
    assert [u.username for u in users.list_users(station, tab.actor)] == ["fuzhanzhang", "caiwu"]
    assert tab.table.rowCount() == 2 and tab.table.item(1, 2).text() == "财务"

    tab.select_username("caiwu")
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "Reset2026pw")
    tab.buttons["reset"].click()
    assert users.login(station, "caiwu", "Reset2026pw").role is Role.FINANCE

    tab.select_username("caiwu")
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: "档案员")
    tab.buttons["role"].click()
    assert next(u for u in users.list_users(station, tab.actor) if u.username == "caiwu").role is Role.ARCHIVIST

    for _ in range(5):
        with pytest.raises(Exception, match=r"锁定|不正确"):
            users.login(station, "caiwu", "wrong-pass-1")
    tab.load()
    tab.select_username("caiwu")
    assert "Locked" in tab.table.item(1, 3).text() or "锁定" in tab.table.item(1, 3).text()
    tab.buttons["unlock"].click()
    assert users.login(station, "caiwu", "Reset2026pw").username == "caiwu"

    tab.select_username("caiwu")
    tab.buttons["active"].click()
    assert not next(u for u in users.list_users(station, tab.actor) if u.username == "caiwu").active


def test_last_admin_cannot_be_demoted(page: SettingsPage, monkeypatch, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.users_tab
    tab.select_username("fuzhanzhang")
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: "社工")
    tab.buttons["role"].click()
    assert "副站长" in shown.errors[-1]


def test_thresholds_edit_and_reset(page: SettingsPage, station: Station, monkeypatch, shown) -> None:  # type: ignore[no-untyped-def]
    tab = page.thresholds_tab
    assert tab.table.rowCount() == len(settings.list_settings(station))
    row = next(i for i, sv in enumerate(tab.rows) if sv.definition is settings.MGMT_FEE_SHARE)
    assert tab.table.item(row, 3).text() == "第二十六条"
    tab.select_key(settings.MGMT_FEE_SHARE.key)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "8")
    tab.edit_button.click()
    assert settings.get(station, settings.MGMT_FEE_SHARE) == 8
    assert "8 %" in tab.table.item(row, 1).text()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "150")
    tab.edit()
    assert "不能大于" in shown.errors[-1] and settings.get(station, settings.MGMT_FEE_SHARE) == 8
    tab.reset_button.click()
    assert settings.get(station, settings.MGMT_FEE_SHARE) == 10


def test_a_bad_star_threshold_is_refused_with_the_reason(page: SettingsPage, station: Station,  # type: ignore[no-untyped-def]
                                                        monkeypatch, shown) -> None:
    tab = page.thresholds_tab
    tab.select_key(settings.STAR_THRESHOLDS.key)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "100,300,200,1000,1500")
    tab.edit()
    assert "志愿者星级时长门槛" in shown.errors[-1] and "逐级增大" in shown.errors[-1]
    assert settings.get(station, settings.STAR_THRESHOLDS) == "100,300,600,1000,1500"
    row = next(i for i, sv in enumerate(tab.rows) if sv.definition is settings.STAR_THRESHOLDS)
    assert "changed" not in tab.table.item(row, 1).text() and "已修改" not in tab.table.item(row, 1).text()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "50,150,300,600,900")
    tab.edit()
    assert settings.get(station, settings.STAR_THRESHOLDS) == "50,150,300,600,900"


def test_head_sees_settings_but_the_core_refuses_edits(qtbot, station: Station, head: Actor, shown,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    page = SettingsPage(station, head)
    qtbot.addWidget(page)
    assert not page.profile_tab.save_button.isEnabled()
    assert not page.users_tab.buttons["add"].isEnabled()
    assert not page.thresholds_tab.edit_button.isEnabled()
    page.profile_tab.edits["name"].setText("改名")
    page.profile_tab.save()  # reached even if a button were enabled by mistake
    assert shown.errors[-1] == "权限不足：张伟（站长）不能修改站点信息。"
    assert profile.get_profile(station).name == "江汉街道社会工作服务站"
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "3")
    page.thresholds_tab.select_key(settings.LOGIN_MAX_FAILURES.key)
    page.thresholds_tab.edit()
    assert "不能修改系统设置" in shown.errors[-1]
    monkeypatch.setattr(AddUserDialog, "ask", classmethod(
        lambda cls, parent: NewUser("xin", "新人", Role.DEPUTY, "Newbie2026")))
    page.users_tab.add_user()
    assert "不能管理用户账号" in shown.errors[-1]
    page.security_tab.print_recovery_key()
    assert "权限不足" in shown.errors[-1]


def test_security_tab_reprints_the_recovery_key(page: SettingsPage, station: Station, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch, shown) -> None:
    tab = page.security_tab
    assert "keyring" in tab.location.text() or "密钥环" in tab.location.text()
    assert tab.print_button.isVisible() or not tab.isVisible()
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: out)
    tab.print_button.click()
    assert not shown.errors and out.exists()
    from sgz_desktop.core.crypto import recovery_key_from_secret

    key = recovery_key_from_secret(station.secret())
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "")
    assert key.split("-")[2] in text
