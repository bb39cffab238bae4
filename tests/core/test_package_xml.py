"""The optional XML twin of each item's metadata: written when asked (or by the setting), read back
equal to the JSON by the verifier, refused when it disagrees or carries a DOCTYPE."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from sgz_desktop.core import settings
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.export import export_year
from sgz_desktop.core.package.metadata_xml import from_xml, to_xml
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.package_factory import Files, good_package
from tests.core.test_package_export import YEAR, keeper, out, station_key  # noqa: F401  (fixture)
from tests.core.test_verify_package import failed, messages


def with_xml(files: Files) -> None:
    for rel in [r for r in files if r.endswith("/" + layout.METADATA)]:
        files[rel[: -len(layout.METADATA)] + layout.METADATA_XML] = to_xml(json.loads(files[rel]))


def test_each_item_gets_an_xml_twin_that_the_verifier_holds_to_the_json(
        station: Station, keeper: Actor, tmp_path: Path, admin: Actor) -> None:  # noqa: F811
    plain = export_year(station, keeper, YEAR, out(tmp_path, "plain"))
    with zipfile.ZipFile(plain.zip_path) as z:
        assert not [n for n in z.namelist() if n.endswith(layout.METADATA_XML)]
    settings.set_value(station, admin, "package.metadata_xml", True)
    result = export_year(station, keeper, YEAR, out(tmp_path, "xml"))
    with zipfile.ZipFile(result.zip_path) as z:
        twins = sorted(n for n in z.namelist() if n.endswith(layout.METADATA_XML))
        assert len(twins) == result.items == 4
        record = from_xml(z.read(twins[0]))
        meta = json.loads(z.read(twins[0][: -len(layout.METADATA_XML)] + layout.METADATA))
    assert record["档号"] == meta["档号"] and record["题名"] == meta["题名"]
    assert record["文件"][0]["sha256"] == meta["文件"][0]["sha256"]
    report = verify_package(result.zip_path, form_pdf=result.form_path, public_key=station_key(station))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert "4 件附有 XML 元数据" in " ".join(n for c in report.checks for n in c.notes)
    # asked for one export only, against the setting
    again = export_year(station, keeper, YEAR, out(tmp_path, "no-xml"), xml=False)
    with zipfile.ZipFile(again.zip_path) as z:
        assert not [n for n in z.namelist() if n.endswith(layout.METADATA_XML)]


def test_bagit_python_accepts_a_bag_with_xml_twins(station: Station, keeper: Actor, tmp_path: Path) -> None:  # noqa: F811
    bagit = pytest.importorskip("bagit")
    result = export_year(station, keeper, YEAR, out(tmp_path), xml=True)
    with zipfile.ZipFile(result.zip_path) as z:
        z.extractall(tmp_path / "unzipped")
    bagit.Bag(str(tmp_path / "unzipped" / result.identifier)).validate()


def test_a_synthetic_package_with_twins_passes(tmp_path: Path) -> None:
    report = verify_package(good_package(tmp_path, edit=with_xml))
    assert report.passed, [(c.number, c.failures) for c in report.failed]


def test_an_xml_twin_that_disagrees_fails_check_4(tmp_path: Path) -> None:
    def disagree(files: Files) -> None:
        with_xml(files)
        rel = sorted(r for r in files if r.endswith(layout.METADATA_XML))[0]
        files[rel] = files[rel].replace("<密级>".encode(), "<密级>秘密".encode(), 1)

    report = verify_package(good_package(tmp_path, edit=disagree))
    assert failed(report) == {4}
    assert "metadata.xml 与 metadata.json 不一致（密级）" in messages(report, 4)


def test_an_xml_twin_with_a_doctype_is_not_read(tmp_path: Path) -> None:
    def bomb(files: Files) -> None:
        with_xml(files)
        rel = sorted(r for r in files if r.endswith(layout.METADATA_XML))[0]
        files[rel] = ('<?xml version="1.0"?><!DOCTYPE 档案条目 [<!ENTITY a "aaaaaaaaaa">'
                      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><档案条目>&b;</档案条目>').encode()

    report = verify_package(good_package(tmp_path, edit=bomb))
    assert failed(report) == {11}
    assert "DOCTYPE" in messages(report, 11)
