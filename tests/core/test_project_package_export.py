"""export_project on a real station: the project's finalised items dated inside its cycle (from two archival
years, a selection of each group's 件号) go into one package that verifies (ours and bagit-python), whose
papers say 项目 and the cycle, whose registers hold the project's ledger and volunteer service; the
project's drafts, unreviewed vouchers and items dated outside the cycle block until overridden."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sgz_desktop.core import ledger, volunteer_hours
from sgz_desktop.core.crypto import public_key_pem
from sgz_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from sgz_desktop.core.models import AuditEntry
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.collect import precheck_project, project_choices
from sgz_desktop.core.package.export import ExportResult, export_project, export_year
from sgz_desktop.core.package.form import read_form
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.projects import FEATURED, ProjectInfo, ProjectInput, add_project
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import archivist, filed, finalised, item, social_worker
from tests.core.finance_factory import CLERK, SECOND_CLERK, make_contract, make_entry
from tests.core.volunteer_factory import add_activity, add_volunteer, record

START, END = dt.date(2024, 3, 1), dt.date(2025, 2, 28)


def make_project(station: Station, admin: Actor, end: dt.date | None = END) -> ProjectInfo:
    return add_project(station, admin, ProjectInput(FEATURED, "楼栋自治·邻里守望", START, "社区治理", end))


@pytest.fixture
def project(station: Station, admin: Actor) -> ProjectInfo:
    return make_project(station, admin)


@pytest.fixture
def keeper(station: Station, admin: Actor, project: ProjectInfo, tmp_path: Path) -> Actor:
    """2024: 件号 1 (other), 2 (project), 3 (other), 4 (project); 2025: 1 (project), 2 (other)."""
    keeper = archivist(station, admin)
    src = tmp_path / "src"
    src.mkdir()
    for day, mine in ((dt.date(2024, 2, 1), False), (dt.date(2024, 5, 6), True), (dt.date(2024, 6, 1), False),
                      (dt.date(2024, 9, 9), True), (dt.date(2025, 1, 15), True), (dt.date(2025, 2, 1), False)):
        title = f"{'楼栋议事会纪要' if mine else '站务会议纪要'}（{day:%m-%d}）"
        finalised(station, keeper, keeper, src, item(title, day, project_id=project.id if mine else None))
    return keeper


def out(tmp_path: Path, name: str = "usb") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


def _members(result: ExportResult) -> dict[str, bytes]:
    with zipfile.ZipFile(result.zip_path) as z:
        return {i.filename.removeprefix(f"{result.identifier}/"): z.read(i) for i in z.infolist() if not i.is_dir()}


def _pdf_text(data: bytes | Path) -> str:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _project_ledger(station: Station, admin: Actor, project: ProjectInfo) -> None:
    contract = make_contract(station, CLERK)
    entry = make_entry(station, CLERK, contract.id, entry_date=dt.date(2025, 2, 10), summary="楼栋议事会物料",
                       sub_category="组织志愿者费用", amount_fen=12_345, project_id=project.id)
    ledger.review_entries(station, SECOND_CLERK, [entry.id])
    make_entry(station, CLERK, contract.id, entry_date=dt.date(2025, 2, 11), summary="站务办公用品",
               sub_category="行政管理费", amount_fen=5_000)  # not the project's, and unreviewed: no blocker
    volunteer = add_volunteer(station, admin)
    activity = add_activity(station, admin, dt.date(2024, 10, 12), title="楼栋清洁日", project_id=project.id)
    volunteer_hours.approve_records(station, admin, [record(station, admin, activity.id, volunteer.id, "2").id])


def test_project_package_verifies_and_speaks_of_the_project(station: Station, admin: Actor, keeper: Actor,
                                                            project: ProjectInfo, tmp_path: Path) -> None:
    _project_ledger(station, admin, project)
    check = precheck_project(station, keeper, project.id)
    assert not check.blocked and check.items == 3
    assert [(g.year, g.first_number, g.last_number) for g in check.groups] == [(2024, 2, 4), (2025, 1, 1)]
    result = export_project(station, keeper, project.id, out(tmp_path))
    assert result.zip_path.name == f"Z109-XM{project.id:03d}-YJ01.zip" and result.items == 3
    assert result.scope is not None and result.scope.is_project
    report = verify_package(result.zip_path, form_pdf=result.form_path, public_key=public_key_pem(station.secret()))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert report.summary.scope == "项目「楼栋自治·邻里守望」 2024-03-01/2025-02-28"
    form = read_form(result.form_path)
    assert not isinstance(form, str) and form.items == 3 and form.identifier == result.identifier

    members = _members(result)
    info = layout.parse_bag_info(members[layout.BAG_INFO].decode())
    for label in layout.BAG_INFO_LABELS:
        assert label in info, label
    assert info["Package-Scope"] == ["project"] and info["Project-Period"] == ["2024-03-01/2025-02-28"]
    assert info["Project-Name"] == ["楼栋自治·邻里守望"] and info["Archival-Year"] == ["2024-2025"]
    catalogue = json.loads(members[layout.CATALOGUE_JSON])
    assert catalogue["服务项目"] == "楼栋自治·邻里守望" and "年度" not in catalogue
    assert [e["件号"] for e in catalogue["条目"]] == [2, 4, 1] and all("楼栋" in e["题名"] for e in catalogue["条目"])

    handover = _pdf_text(members[layout.HANDOVER_PDF])
    assert "项目档案移交清单" in handover and "2024-03-01 至 2025-02-28" in handover and "楼栋自治" in handover
    assert "年度 ·" not in handover and "本项目的账目与预算执行" in handover and "考核" not in handover
    form_text = _pdf_text(result.form_path)
    assert "项目档案移交登记表" in form_text and "项目周期" in form_text and "档案年度" not in form_text

    vouchers = json.loads(members["data/registers/finance/ledger.json"])["凭证"]
    assert [v["摘要"] for v in vouchers] == ["楼栋议事会物料"]
    execution = json.loads(members["data/registers/finance/budget-execution.json"])["收支汇总"]
    assert [(e["明细科目"], e["金额（分）"]) for e in execution] == [("组织志愿者费用", 12_345)]
    volunteers = json.loads(members["data/registers/volunteers/volunteers.json"])
    assert [a["活动名称"] for a in volunteers["志愿活动"]] == ["楼栋清洁日"] and len(volunteers["服务时长"]) == 1
    assert "项目志愿服务记录" in _pdf_text(members["data/registers/volunteers/volunteer-service.pdf"])
    assert "项目收支明细账" in _pdf_text(members["data/registers/finance/ledger.pdf"])
    assert "项目周期" in _pdf_text(members["data/registers/staff/training.pdf"])


def test_bagit_python_accepts_the_project_bag(station: Station, keeper: Actor, project: ProjectInfo,
                                              tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    result = export_project(station, keeper, project.id, out(tmp_path))
    with zipfile.ZipFile(result.zip_path) as z:
        z.extractall(tmp_path / "unzipped")
    bagit.Bag(str(tmp_path / "unzipped" / result.identifier)).validate()


def test_unchanged_project_gives_the_same_payload_manifest(station: Station, keeper: Actor, project: ProjectInfo,
                                                           tmp_path: Path) -> None:
    first = export_project(station, keeper, project.id, out(tmp_path, "a"))
    second = export_project(station, keeper, project.id, out(tmp_path, "b"))
    assert _members(first)[layout.MANIFEST] == _members(second)[layout.MANIFEST]


def test_project_blockers_until_overridden(station: Station, admin: Actor, keeper: Actor, project: ProjectInfo,
                                           tmp_path: Path) -> None:
    src = tmp_path / "more"
    src.mkdir()
    filed(station, keeper, src, item("楼栋议事会草稿", dt.date(2024, 11, 1), project_id=project.id))
    finalised(station, keeper, keeper, src, item("项目结项后的回访记录", dt.date(2025, 4, 1), project_id=project.id))
    contract = make_contract(station, CLERK)
    make_entry(station, CLERK, contract.id, entry_date=dt.date(2025, 2, 10), summary="未审核的物料费",
               amount_fen=800, sub_category="组织志愿者费用", project_id=project.id)
    check = precheck_project(station, keeper, project.id)
    assert sorted(b.kind for b in check.blockers) == ["draft", "ledger", "outside"] and check.items == 3
    target = out(tmp_path)
    with pytest.raises(ValidationError) as err:
        export_project(station, keeper, project.id, target)
    assert "项目「楼栋自治·邻里守望」还有 3 项未处理" in str(err.value)
    assert list(target.iterdir()) == []
    result = export_project(station, keeper, project.id, target, override_reason="街道要求结项即移交")
    assert result.items == 3 and len(result.overridden) == 3 and verify_package(result.zip_path).passed
    assert not any("回访记录" in name for name in _members(result))
    with station.read() as s:
        summaries = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "export_year")))
    assert any("楼栋自治" in text and "街道要求结项即移交" in text for text in summaries)


def test_a_project_without_an_end_runs_to_today(station: Station, admin: Actor, tmp_path: Path) -> None:
    open_project = make_project(station, admin, end=None)
    keeper = archivist(station, admin)
    src = tmp_path / "src"
    src.mkdir()
    finalised(station, keeper, keeper, src, item("持续服务记录", dt.date(2026, 1, 5), project_id=open_project.id))
    result = export_project(station, keeper, open_project.id, out(tmp_path))
    assert result.scope is not None and result.scope.last == dt.date(2026, 3, 2)  # the station's clock
    handover = _pdf_text(_members(result)[layout.HANDOVER_PDF])
    assert "2024-03-01 至 2026-03-02" in handover and "项目尚未结束" in handover
    assert verify_package(result.zip_path).passed


def test_unknown_project_empty_project_and_permissions(station: Station, admin: Actor, project: ProjectInfo,
                                                       tmp_path: Path) -> None:
    keeper = archivist(station, admin)
    with pytest.raises(NotFound, match="export-project --list"):
        export_project(station, keeper, 999, out(tmp_path))
    with pytest.raises(ValidationError, match="没有已归档的档案"):
        export_project(station, keeper, project.id, out(tmp_path, "b"), override_reason="试试")
    with pytest.raises(PermissionDenied):
        export_project(station, social_worker(station, admin), project.id, out(tmp_path, "c"))
    assert [(c.id, c.items) for c in project_choices(station, keeper)] == [(project.id, 0)]


def test_the_year_package_still_holds_the_whole_year(station: Station, keeper: Actor, tmp_path: Path) -> None:
    result = export_year(station, keeper, 2024, out(tmp_path))
    assert result.zip_path.name == "Z109-2024-YJ01.zip" and result.items == 4
    info = layout.parse_bag_info(_members(result)[layout.BAG_INFO].decode())
    assert info["Package-Scope"] == ["year"] and "Project-Period" not in info
    assert verify_package(result.zip_path).passed
