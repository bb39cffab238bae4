"""One version number everywhere; the installer takes it from the package; the manual and its pictures
cover every page of the window; the Windows icon is a real multi-size icon."""

from __future__ import annotations

import json
import re
import struct
import sys
from pathlib import Path

import pytest

from sgz_desktop import __version__

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
INSTALLERS = REPO / "installers"


def test_the_changelog_has_the_current_version() -> None:
    text = (DOCS / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", text, flags=re.MULTILINE), (
        f"docs/CHANGELOG.md has no section for {__version__}")


def test_pyproject_reads_the_version_from_the_package() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text and 'version = { attr = "sgz_desktop.__version__" }' in text


def test_the_installer_takes_its_version_from_the_build() -> None:
    iss = (INSTALLERS / "windows" / "sgz-desktop.iss").read_text(encoding="utf-8-sig")
    assert "AppVersion={#AppVersion}" in iss and "OutputBaseFilename=sgz-desktop-{#AppVersion}-setup" in iss
    assert __version__ not in iss, "no version written into the installer script by hand"
    ps1 = (INSTALLERS / "build_windows.ps1").read_text(encoding="utf-8")
    assert "sgz_desktop.__version__" in ps1 and "/DAppVersion=$version" in ps1
    assert "PrivilegesRequired=lowest" in iss and r"DefaultDirName={autopf}\sgz-desktop" in iss
    assert "ChineseSimplified.isl" in iss and "Default.isl" in iss
    # ISCC reads a script without a byte-order mark in the PC's ANSI code page: the Chinese would garble
    assert (INSTALLERS / "windows" / "sgz-desktop.iss").read_bytes().startswith(b"\xef\xbb\xbf")


def test_windows_version_numbers() -> None:
    sys.path.insert(0, str(INSTALLERS / "windows"))
    try:
        from version_info import numeric
    finally:
        sys.path.remove(str(INSTALLERS / "windows"))
    assert numeric("0.1.0") == (0, 1, 0, 0)
    assert numeric("1.2.3rc1") == (1, 2, 3, 0)
    assert numeric("2.0.dev4") == (2, 0, 0, 0)


def test_about_dialog_and_both_command_lines_show_the_version(qapp, capsys) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop import app, cli
    from sgz_desktop.ui.about import AboutDialog

    assert __version__ in AboutDialog(None).findChild(type(AboutDialog(None).text), "heading").text()
    assert app.main(["--version"]) == 0 and capsys.readouterr().out.strip() == f"sgz-desktop {__version__}"
    assert cli.main(["--version"]) == 0 and capsys.readouterr().out.strip() == f"sgz {__version__}"
    assert cli.main(["about", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == __version__


def test_backups_carry_the_version(station, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core.backup import backup_to

    info = backup_to(station, admin, tmp_path / "usb")
    assert info.app_version == __version__
    assert json.loads((info.path / "manifest.json").read_text(encoding="utf-8"))["app_version"] == __version__


def _images(markdown: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)


@pytest.mark.parametrize("name", ["manual-zh.md", "manual-en.md"])
def test_every_picture_of_the_manual_exists(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    images = _images(text)
    assert len(images) >= 10
    for image in images:
        assert image.startswith("images/") and (DOCS / image).is_file(), f"{name} shows a missing {image}"


def test_the_manual_has_a_picture_of_every_page(qapp) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.ui.pages import page_specs

    shown = set(_images((DOCS / "manual-zh.md").read_text(encoding="utf-8")))
    made = {p.name for p in (DOCS / "images").glob("page-*.png")}
    for spec in page_specs():
        assert f"page-{spec.key}.png" in made, f"docs/screenshots.py made no picture of the {spec.key} page"
    areas = {"dashboard", "staff", "training", "volunteers", "finance", "archives", "export"}
    assert {f"images/page-{key}.png" for key in areas} <= shown


def test_the_screenshot_script_names_what_the_manual_shows() -> None:
    script = (DOCS / "screenshots.py").read_text(encoding="utf-8")
    for image in set(_images((DOCS / "manual-zh.md").read_text(encoding="utf-8"))):
        stem = Path(image).stem
        assert f'"{stem}"' in script or (stem.startswith("page-") and 'f"page-{spec.key}"' in script), stem


def test_the_committed_icon_holds_every_size() -> None:
    data = (INSTALLERS / "windows" / "sgz-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 6
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert bits == 32 and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_the_icon_script_makes_the_same_sizes(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(INSTALLERS / "windows"))
    try:
        from make_icon import SIZES, make_icon
    finally:
        sys.path.remove(str(INSTALLERS / "windows"))
    out = make_icon(tmp_path / "fresh.ico")
    assert struct.unpack_from("<HHH", out.read_bytes())[2] == len(SIZES)
