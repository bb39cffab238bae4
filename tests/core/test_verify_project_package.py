"""The verifier on a project package (项目周期): a selection of each group's 件号 dated inside the project's
cycle passes all 15 checks (ours and bagit-python's); a date outside the cycle, a repeated 件号 or a missing
period fail the check that names them; a year package with a gap still fails check 9."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from sgz_desktop.core.crypto import public_key_pem
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.report import VerifyReport
from sgz_desktop.core.package.verify import verify_package
from tests.core.package_factory import PROJECT, PROJECT_NAME, SECRET, Files, good_package, project_package


def failed(report: VerifyReport) -> set[int]:
    return {c.number for c in report.failed}


def _first_meta(files: Files) -> tuple[str, dict[str, object]]:
    rel = sorted(r for r in files if r.endswith(layout.METADATA))[0]
    return rel, json.loads(files[rel])


def test_a_project_package_passes_every_check_with_its_selection_noted(tmp_path: Path) -> None:
    package = project_package(tmp_path)
    assert package.name == f"{PROJECT_NAME}.zip"
    report = verify_package(package, public_key=public_key_pem(SECRET))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert any("选取" in n and "不要求连续" in n for n in report.check(9).notes)
    assert any("项目周期 2024-01-01 至 2024-06-30" in n for n in report.check(4).notes)
    assert report.summary.scope == "项目「楼栋自治·邻里守望」 2024-01-01/2024-06-30"
    assert report.summary.year == "2024" and report.summary.items == 3


def test_bagit_python_validates_the_project_bag(tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    package = project_package(tmp_path)
    with zipfile.ZipFile(package) as z:
        z.extractall(tmp_path / "unzipped")
    bag = bagit.Bag(str(tmp_path / "unzipped" / PROJECT_NAME))
    bag.validate()
    assert bag.info["Package-Scope"] == "project" and bag.info["Project-Period"] == PROJECT.period


def test_a_date_outside_the_cycle_fails_check_4(tmp_path: Path) -> None:
    def late(files: Files) -> None:
        rel, meta = _first_meta(files)
        meta["日期"] = "2024-07-01"  # the day after the cycle, still in the archival year
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(project_package(tmp_path, edit=late))
    assert failed(report) == {4}
    assert "不在项目周期 2024-01-01 至 2024-06-30 内" in "\n".join(report.check(4).failures)


def test_a_repeated_item_number_fails_check_9_in_a_project_package(tmp_path: Path) -> None:
    def same(files: Files) -> None:
        rel = sorted(r for r in files if r.endswith(layout.METADATA))[-1]
        meta = json.loads(files[rel])
        meta["件号"] = 5
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(project_package(tmp_path, edit=same))
    assert {4, 9} <= failed(report)
    assert "件号 0005 重复 2 次" in "\n".join(report.check(9).failures)


def test_a_project_package_without_its_period_fails_check_4(tmp_path: Path) -> None:
    report = verify_package(project_package(tmp_path, info=lambda labels: labels.pop(layout.PROJECT_PERIOD)))
    assert failed(report) == {4} and "Project-Period" in "\n".join(report.check(4).failures)


def test_a_year_package_still_fails_on_a_gap(tmp_path: Path) -> None:
    report = verify_package(good_package(tmp_path, numbers=(2, 5, 9)))
    assert failed(report) == {9}
    assert "件号不连续" in "\n".join(report.check(9).failures) and not report.check(9).notes
