"""The station's public key for the subdistrict to register: the file is the key that signs the packages, its
fingerprint is the one on the registration form, a package verifies against it (check 2 pinned) and fails
against another station's key; only those who may export can save it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.models import AuditEntry
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.export import export_year
from sgz_desktop.core.package.station_key import save_station_key, station_key
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import empty_folder, keeper_of_a_year, social_worker
from tests.core.package_factory import good_package

YEAR = 2025


@pytest.fixture
def keeper(station: Station, admin: Actor, tmp_path: Path) -> Actor:
    return keeper_of_a_year(station, admin, tmp_path / "src", YEAR, items=2)


def test_the_saved_key_is_the_packages_key_and_pins_its_signature(station: Station, keeper: Actor,
                                                                  tmp_path: Path) -> None:
    usb = empty_folder(tmp_path, "usb")
    result = export_year(station, keeper, YEAR, usb)
    key_file = save_station_key(station, keeper, usb)  # beside the first package, as handed over
    assert key_file.name == "Z109-站点公钥.pem" and key_file.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    with zipfile.ZipFile(result.zip_path) as z:
        assert z.read(f"{result.identifier}/{layout.PUBLIC_KEY}") == key_file.read_bytes()
    fingerprint = station_key(station, keeper).fingerprint
    assert fingerprint == result.key_fingerprint and len(fingerprint.split()) == 8
    form_text = "".join(page.extract_text() for page in PdfReader(result.form_path).pages)
    assert fingerprint.replace(" ", "") in form_text.replace(" ", "")
    report = verify_package(result.zip_path, public_key=key_file)
    assert report.passed and report.summary.pinned_key
    assert not report.check(15).notes  # the key is expected on the carrier, not an "other file"
    (usb / "readme.txt").write_text("x", encoding="utf-8")
    assert "readme.txt" in "".join(verify_package(result.zip_path).check(15).notes)
    with station.read() as s:
        summaries = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "export_public_key")))
    assert summaries == [f"导出站点公钥 Z109-站点公钥.pem，指纹 {fingerprint}"]


def test_another_stations_package_fails_against_the_registered_key(station: Station, keeper: Actor,
                                                                   tmp_path: Path) -> None:
    key_file = save_station_key(station, keeper, empty_folder(tmp_path, "usb"))
    other = good_package(empty_folder(tmp_path, "other"))  # signed with a key of its own
    assert verify_package(other).passed
    report = verify_package(other, public_key=key_file)
    [signature] = [c for c in report.checks if c.number == 2]
    assert not report.passed and not signature.passed


def test_only_those_who_may_export_save_the_key_and_the_folder_must_exist(station: Station, admin: Actor,
                                                                          keeper: Actor, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        save_station_key(station, social_worker(station, admin), empty_folder(tmp_path, "usb"))
    with pytest.raises(ValidationError, match="不存在"):
        save_station_key(station, keeper, tmp_path / "no-such-drive")
    assert not (tmp_path / "usb" / "Z109-站点公钥.pem").exists()
