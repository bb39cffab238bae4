"""First-run wizard: creates a station through the core; keeps input and shows core errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import profile, users
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import KeyringSecretStore
from sgz_desktop.ui import dialogs
from sgz_desktop.ui import wizard as wizard_module
from sgz_desktop.ui.wizard import PAGE_ADMIN, PAGE_FINISH, PAGE_PROFILE, PAGE_SECRET, Choice, FirstRunWizard
from tests.conftest import ADMIN_PASSWORD


def fill_profile(wiz: FirstRunWizard, fonds: str = "Z109") -> None:
    p = wiz.profile_page
    p.name.setText("民意街道社会工作服务站")
    p.subdistrict.setText("民意街道")
    p.district.setText("江汉区")
    p.district_type.setCurrentText("新城区")
    p.fonds_code.setText(fonds)
    p.operator_org.setText("同心社会工作服务中心")
    p.wage.setText("8,500.50")
    p.communities.setPlainText("新华社区\n\n 友谊村 \n")


def fill_admin(wiz: FirstRunWizard, again: str = ADMIN_PASSWORD) -> None:
    a = wiz.admin_page
    a.username.setText("fuzhanzhang")
    a.display_name.setText("王丽")
    a.password.setText(ADMIN_PASSWORD)
    a.password_again.setText(again)


@pytest.fixture
def wiz(qtbot, clock, tmp_path: Path) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    w = FirstRunWizard(DataDir(tmp_path / "new"), clock=clock)
    qtbot.addWidget(w)
    w.show()
    return w


def test_wizard_creates_a_station(wiz: FirstRunWizard, tmp_path: Path, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert wiz.choice is Choice.NEW
    wiz.next()
    assert wiz.currentId() == PAGE_PROFILE
    fill_profile(wiz)
    wiz.next()
    assert wiz.currentId() == PAGE_ADMIN
    fill_admin(wiz)
    wiz.next()
    assert wiz.currentId() == PAGE_SECRET
    assert wiz.secret_page.allow_file.isHidden()  # the test keyring works: no file offered
    wiz.next()
    assert wiz.currentId() == PAGE_FINISH
    st = wiz.station
    assert st is not None and st.unlocked
    p = profile.get_profile(st)
    assert (p.name, p.district_type, p.city_avg_wage_fen, p.secret_location) == (
        "民意街道社会工作服务站", "新城区", 850_050, "keyring")
    assert [c.name for c in profile.list_communities(st)] == ["新华社区", "友谊村"]
    assert [c.kind for c in profile.list_communities(st)] == ["社区", "村"]
    actor = users.login(st, "fuzhanzhang", ADMIN_PASSWORD)
    assert actor.display_name == "王丽"
    assert KeyringSecretStore().get(p.station_uuid) == st.secret()
    # the recovery key is shown, and printable to PDF
    assert wiz.recovery_key and wiz.recovery_key.split("-")[0] in wiz.finish_page.key_label.text()
    out = tmp_path / "恢复密钥.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: out)
    wiz.finish_page.print_button.click()
    assert out.exists() and shown.infos and str(out) in shown.infos[0]
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    assert wiz.recovery_key.split("-")[1] in text
    st.close()


def test_bad_profile_is_refused_on_its_page_and_input_kept(wiz: FirstRunWizard) -> None:
    wiz.next()
    fill_profile(wiz, fonds="Z 1#09")
    wiz.profile_page.wage.setText("八千")
    wiz.next()
    assert wiz.currentId() == PAGE_PROFILE
    error = wiz.profile_page.error.text()
    assert "全宗号" in error and "八千" in error
    assert wiz.profile_page.name.text() == "民意街道社会工作服务站"


def test_admin_passwords_must_match(wiz: FirstRunWizard) -> None:
    wiz.next()
    fill_profile(wiz)
    wiz.next()
    fill_admin(wiz, again="Different2026")
    wiz.next()
    assert wiz.currentId() == PAGE_ADMIN
    assert wiz.admin_page.error.text() == "The two passwords are not the same"


def test_without_keyring_the_file_is_used_only_when_ticked(wiz: FirstRunWizard, monkeypatch, zh) -> None:  # type: ignore[no-untyped-def]
    problem = "本机没有可用的系统密钥环（测试）。"
    monkeypatch.setattr(wizard_module, "keyring_problem", lambda: problem)
    monkeypatch.setattr("sgz_desktop.core.setup.keyring_problem", lambda: problem)
    wiz.next()
    fill_profile(wiz)
    wiz.next()
    fill_admin(wiz)
    wiz.next()
    page = wiz.secret_page
    assert not page.allow_file.isHidden() and problem in page.status.text()
    wiz.next()  # not ticked: refused with the core's sentence, nothing created
    assert wiz.currentId() == PAGE_SECRET
    assert "密钥" in page.error.text() and not wiz.data.exists()
    page.allow_file.setChecked(True)
    wiz.next()
    assert wiz.currentId() == PAGE_FINISH
    assert wiz.station is not None and wiz.data.secret_file.exists()
    assert profile.get_profile(wiz.station).secret_location == "file"
    wiz.station.close()


def test_demo_choice_ends_the_wizard(wiz: FirstRunWizard) -> None:
    wiz.choice_page.buttons[Choice.DEMO].setChecked(True)
    assert wiz.choice is Choice.DEMO
    assert wiz.choice_page.nextId() == -1


def test_restore_asks_for_a_folder(wiz: FirstRunWizard, tmp_path: Path) -> None:
    wiz.choice_page.buttons[Choice.RESTORE].setChecked(True)
    wiz.next()
    page = wiz.restore_page
    wiz.next()
    assert "backup folder" in page.error.text()
    page.folder.setText(str(tmp_path / "nowhere"))
    wiz.next()
    assert page.error.text()  # the core's sentence about the missing backup
    assert wiz.station is None


def test_restore_from_a_backup_folder(wiz: FirstRunWizard, station, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core.backup import backup_to

    info = backup_to(station, admin, tmp_path / "usb")
    wiz.choice_page.buttons[Choice.RESTORE].setChecked(True)
    wiz.next()
    wiz.restore_page.folder.setText(str(info.path))
    wiz.next()
    assert wiz.restore_page.error.text() == ""
    assert wiz.station is not None and wiz.station.unlocked  # the test keyring holds the same secret
    assert profile.get_profile(wiz.station).name == "江汉街道社会工作服务站"
    assert users.login(wiz.station, "fuzhanzhang", ADMIN_PASSWORD).username == "fuzhanzhang"
    wiz.station.close()
