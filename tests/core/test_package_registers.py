"""The yearly package on the demo station carries the volunteer and finance registers (PDF for people, CSV
and JSON for machines), no volunteer ID number or phone in clear, and still passes every verifier check."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from sgz_desktop.core import demo, users
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.crypto import public_key_pem
from sgz_desktop.core.package.export import ExportResult, export_year
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.station import Station, open_station
from sgz_desktop.core.volunteers import list_volunteers

NOW = dt.datetime(2026, 3, 2, 9, 30)
PASSWORD = "demo-pass1"
YEAR = 2025

VOLUNTEER_FILES = {"volunteers-summary.pdf", "points-register.pdf", "volunteer-registry.csv", "volunteer-hours.csv",
                   "volunteer-ledger.csv", "volunteer-redemptions.csv", "volunteer-certificates.csv",
                   "volunteers.json"}
FINANCE_FILES = {"projects.csv", "contracts.json", "ledger.csv", "ledger.json", "journal.pdf", "final-accounts.pdf",
                 "disclosure.pdf", "evaluations.pdf"}


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Station]:
    data = DataDir(tmp_path_factory.mktemp("demo") / "station")
    demo.make_demo(data, password=PASSWORD, years=2, files_mb=1, clock=FixedClock(NOW))
    st = open_station(data, clock=FixedClock(NOW), secret_store=FileSecretStore(data.secret_file))
    yield st
    st.close()


@pytest.fixture(scope="module")
def exported(demo_station: Station, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    keeper = users.login(demo_station, "dangan", PASSWORD)
    # The demo leaves some work open on purpose (drafts, unreviewed vouchers): the archivist overrides.
    return export_year(demo_station, keeper, YEAR, tmp_path_factory.mktemp("usb"), override_reason="演示数据移交测试")


def _members(result: ExportResult) -> dict[str, bytes]:
    with zipfile.ZipFile(result.zip_path) as z:
        return {i.filename.removeprefix(f"{result.identifier}/"): z.read(i) for i in z.infolist() if not i.is_dir()}


def _folder(members: dict[str, bytes], key: str) -> dict[str, bytes]:
    prefix = f"data/registers/{key}/"
    return {name.removeprefix(prefix): data for name, data in members.items() if name.startswith(prefix)}


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() for page in reader.pages)


def _check_machine_copies(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        if name.endswith(".csv"):
            assert data.startswith("\ufeff".encode()), name  # Excel reads it as UTF-8
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            assert rows and rows[0] and all(len(row) == len(rows[0]) for row in rows), name
        elif name.endswith(".json"):
            value = json.loads(data.decode("utf-8"))
            assert value["年度"] == YEAR, name


def test_volunteer_registers_in_the_package(exported: ExportResult) -> None:
    files = _folder(_members(exported), "volunteers")
    assert set(files) >= VOLUNTEER_FILES
    _check_machine_copies(files)
    registry = list(csv.reader(io.StringIO(files["volunteer-registry.csv"].decode("utf-8-sig"))))
    assert registry[0][:2] == ["志愿者编号", "姓名"] and len(registry) > 1  # the demo has volunteers in 2025
    data = json.loads(files["volunteers.json"])
    assert data["志愿者名册"] and data["服务时长"] and data["积分明细"]
    assert "志愿" in _pdf_text(files["volunteers-summary.pdf"])
    assert "志愿积分台账" in _pdf_text(files["points-register.pdf"])


def test_finance_registers_in_the_package(exported: ExportResult) -> None:
    files = _folder(_members(exported), "finance")
    assert set(files) >= FINANCE_FILES
    _check_machine_copies(files)
    ledger = json.loads(files["ledger.json"])["凭证"]
    assert ledger and all(e["金额（元）"] for e in ledger)
    assert all(isinstance(e["金额（分）"], int) and f"{e['金额（分）'] / 100:.2f}" == e["金额（元）"].lstrip("+")
               for e in ledger)
    assert json.loads(files["contracts.json"])["购买服务合同"]
    assert "经费决算表" in _pdf_text(files["final-accounts.pdf"])
    for name in ("journal.pdf", "disclosure.pdf", "evaluations.pdf"):
        text = _pdf_text(files[name])
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), name  # Chinese text, not empty boxes


def test_no_volunteer_id_number_or_phone_in_clear(demo_station: Station, exported: ExportResult) -> None:
    deputy = users.login(demo_station, "fuzhanzhang", PASSWORD)  # sees the numbers in full
    people = list_volunteers(demo_station, deputy)
    secrets = {v.id_number for v in people if v.id_number} | {v.phone for v in people if v.phone}
    assert secrets and not any("*" in s for s in secrets)
    members = _members(exported)
    texts = [data.decode("utf-8", errors="replace") for data in members.values()]
    # PDF text is compressed in the raw bytes: read back the PDFs that list volunteers.
    texts += [_pdf_text(data) for name, data in _folder(members, "volunteers").items() if name.endswith(".pdf")]
    leaked = sorted(s for s in secrets if any(s in t for t in texts))
    assert leaked == []


def test_the_export_still_verifies(demo_station: Station, exported: ExportResult) -> None:
    report = verify_package(exported.zip_path, form_pdf=exported.form_path,
                            public_key=public_key_pem(demo_station.secret()))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
