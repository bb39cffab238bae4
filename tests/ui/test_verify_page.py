"""The verify tab: a good package shows four properties passed; a damaged one names its failed checks
with every failure; the report opens and saves as PDF and JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sgz_desktop.ui import dialogs, pdf_preview
from sgz_desktop.ui.verify_page import VerifyPage
from tests.core.package_factory import good_package, resign_sidecar

SHOTS = Path(os.environ.get("SGZ_SHOTS", "/tmp/shots"))


def test_a_good_package(qtbot, zh, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    package = good_package(tmp_path)
    page = VerifyPage()
    qtbot.addWidget(page)
    page.resize(1000, 680)
    page.show()
    assert not page.open_report.isEnabled()
    page.package.setText(str(package))
    page.run()
    assert page.report is not None and page.report.passed
    assert page.tree.topLevelItemCount() == 4
    assert [page.tree.topLevelItem(i).text(0) for i in range(4)] == ["真实性", "完整性", "可用性", "安全性"]
    assert all(page.tree.topLevelItem(i).text(1) == "通过" for i in range(4))
    assert "通过：15 项检查全部合格" in page.verdict.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "package-verify-passed.png"))
    opened: list[Path] = []
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", lambda parent, path, title: opened.append(path))
    page.open_report.click()
    assert opened and opened[0].suffix == ".pdf" and opened[0].stat().st_size > 1000
    assert opened[0].parent == pdf_preview.report_folder()  # emptied of day-old files, not a new folder each time
    saved = tmp_path / "reports"
    saved.mkdir()
    monkeypatch.setattr(dialogs, "ask_directory", lambda parent, title: saved)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: None)
    page.save_report.click()
    data = json.loads((saved / f"{package.stem}-校验报告.json").read_text(encoding="utf-8"))
    assert data["passed"] and (saved / f"{package.stem}-校验报告.pdf").exists()


def test_a_damaged_package(qtbot, zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    package = good_package(tmp_path)
    blob = bytearray(package.read_bytes())
    blob[blob.find(b"%PDF-") + 300] ^= 0x01
    package.write_bytes(bytes(blob))
    resign_sidecar(package)
    page = VerifyPage()
    qtbot.addWidget(page)
    page.resize(1000, 680)
    page.show()
    page.package.setText(str(package))
    page.run()
    assert page.report is not None and not page.report.passed
    authenticity = page.tree.topLevelItem(0)
    assert authenticity.text(1) == "未通过"
    hashes = authenticity.child(2)
    assert hashes.text(0).startswith("3.") and hashes.text(1).startswith("未通过") and hashes.isExpanded()
    assert "SHA-256" in hashes.child(0).text(0)
    assert "不通过" in page.verdict.text()
    page.grab().save(str(SHOTS / "package-verify-failed.png"))


def test_missing_package_is_an_error_line(qtbot, zh, shown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = VerifyPage()
    qtbot.addWidget(page)
    page.package.setText(str(tmp_path / "nothing.zip"))
    page.run()
    assert shown.errors == ["请选择要校验的移交包（.zip）。"]
