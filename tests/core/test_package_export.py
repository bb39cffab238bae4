"""export_year on a real station: the package verifies, bagit-python accepts it, the form carries the
zip's hash, unchanged data gives the same payload manifest, and drafts or unreviewed ledger entries stop
the export unless the archivist overrides with a recorded reason."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sgz_desktop import __version__
from sgz_desktop.core import audit, durable
from sgz_desktop.core.attachments import attachment_store
from sgz_desktop.core.errors import IntegrityFailure, PermissionDenied, ValidationError, os_error_text
from sgz_desktop.core.models import AuditEntry
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.collect import precheck
from sgz_desktop.core.package.export import export_year, needed_bytes
from sgz_desktop.core.package.form import read_form
from sgz_desktop.core.package.registers import sections
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.progress import Cancelled, Progress
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import archivist, filed, finalised, item, social_worker, write_jpeg

YEAR = 2025


@pytest.fixture
def keeper(station: Station, admin: Actor, tmp_path: Path) -> Actor:
    keeper = archivist(station, admin)
    src = tmp_path / "src"
    src.mkdir()
    for n in range(3):
        finalised(station, keeper, keeper, src, item(f"关于第{n}次走访的通知", dt.date(YEAR, 3, 1 + n)))
    from sgz_desktop.core import archive_filing, archives
    photo = archives.register_item(station, keeper, item("活动照片", dt.date(YEAR, 6, 1), retention="Y"),
                                   [write_jpeg(src), write_jpeg(src)])
    archive_filing.finalise(station, keeper, [photo.id])
    return keeper


def out(tmp_path: Path, name: str = "usb") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


def test_export_verifies_and_matches_its_form(station: Station, keeper: Actor, tmp_path: Path) -> None:
    result = export_year(station, keeper, YEAR, out(tmp_path))
    assert result.zip_path.name == f"Z109-{YEAR}-YJ01.zip" and result.items == 4 and result.files == 5
    assert result.sha256_path.read_text().split()[0] == result.zip_sha256
    form = read_form(result.form_path)
    assert not isinstance(form, str)
    assert form.zip_sha256 == result.zip_sha256 and form.tagmanifest_sha256 == result.tagmanifest_sha256
    assert (form.items, form.bytes) == (4, result.record_bytes)
    report = verify_package(result.zip_path, form_pdf=result.form_path, public_key=station_key(station))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert {p.name for p in result.zip_path.parent.iterdir()} == {
        result.zip_path.name, result.sha256_path.name, result.form_path.name}
    with zipfile.ZipFile(result.zip_path) as z:
        names = z.namelist()
        info = z.read(f"{result.identifier}/{layout.BAG_INFO}").decode()
        stored = {i.filename: i.compress_type for i in z.infolist()}
    assert all(n.startswith(result.identifier + "/") for n in names)
    for label in layout.BAG_INFO_LABELS:
        assert f"\n{label}: " in "\n" + info
    assert f"Payload-Oxum: {result.payload_bytes}.{result.payload_files}" in info
    assert f"Bag-Software-Agent: sgz-desktop {__version__}" in info
    assert any(n.endswith("/data/registers/staff/roster.pdf") for n in names)
    pdfs = [n for n in names if n.endswith((".pdf", ".jpg"))]
    assert pdfs and all(stored[n] == zipfile.ZIP_STORED for n in pdfs)
    assert stored[f"{result.identifier}/{layout.CATALOGUE_JSON}"] == zipfile.ZIP_DEFLATED


def station_key(station: Station) -> bytes:
    from sgz_desktop.core.crypto import public_key_pem

    return public_key_pem(station.secret())


def test_bagit_python_accepts_the_exported_bag(station: Station, keeper: Actor, tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    result = export_year(station, keeper, YEAR, out(tmp_path))
    with zipfile.ZipFile(result.zip_path) as z:
        z.extractall(tmp_path / "unzipped")
    bagit.Bag(str(tmp_path / "unzipped" / result.identifier)).validate()


def test_unchanged_data_gives_the_same_payload_manifest(station: Station, keeper: Actor, tmp_path: Path) -> None:
    first = export_year(station, keeper, YEAR, out(tmp_path, "a"))
    second = export_year(station, keeper, YEAR, out(tmp_path, "b"))

    def manifest(path: Path) -> bytes:
        with zipfile.ZipFile(path) as z:
            return z.read(f"{first.identifier}/{layout.MANIFEST}")

    assert manifest(first.zip_path) == manifest(second.zip_path)


def test_drafts_and_unreviewed_entries_block_until_overridden(station: Station, keeper: Actor,
                                                              tmp_path: Path) -> None:
    src = tmp_path / "drafts"
    src.mkdir()
    filed(station, keeper, src, item("还没归档的会议纪要", dt.date(YEAR, 9, 9)))
    check = precheck(station, keeper, YEAR)
    assert check.blocked and [b.kind for b in check.blockers] == ["draft"]
    assert check.items == 4 and sum(g.items for g in check.groups) == 4
    target = out(tmp_path)
    with pytest.raises(ValidationError) as err:
        export_year(station, keeper, YEAR, target)
    assert "还没归档的会议纪要" in str(err.value) and "强制导出" in str(err.value)
    assert list(target.iterdir()) == []
    result = export_year(station, keeper, YEAR, target, override_reason="街道要求本周移交，草稿下次补交")
    assert result.overridden and verify_package(result.zip_path).passed
    with station.read() as s:
        summaries = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "export_year")))
    assert any("街道要求本周移交" in text and "还没归档" in text for text in summaries)
    assert audit  # the audit module records the event through the export itself


def test_only_the_archivist_or_admin_may_export(station: Station, admin: Actor, keeper: Actor,
                                                tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        export_year(station, social_worker(station, admin), YEAR, out(tmp_path))


def test_an_empty_year_is_refused(station: Station, keeper: Actor, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="没有已归档的档案"):
        export_year(station, keeper, 2019, out(tmp_path), override_reason="试试")


def test_a_year_too_large_for_one_package_is_refused_in_words_before_anything_is_written(
        station: Station, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the verifier's entry limit the package would be refused as a hostile zip at the self-check, after
    the whole export: the pre-check says so first (here the limit is lowered to the year's 4 items, 5 files)."""
    from sgz_desktop.core.package import collect

    monkeypatch.setattr(collect, "MAX_ENTRIES", 5 + 2 * 4 + collect.PACKAGE_OTHER_ENTRIES - 1)
    pre = precheck(station, keeper, YEAR)
    assert [b.kind for b in pre.blockers] == ["too_many"]
    assert "共 4 件、5 个文件" in pre.blockers[0].detail and "按服务项目周期分别导出" in pre.blockers[0].detail
    target = out(tmp_path)
    with pytest.raises(ValidationError, match="一个移交包装不下"):
        export_year(station, keeper, YEAR, target, override_reason="试试")  # not one a reason may override
    assert list(target.iterdir()) == []
    monkeypatch.setattr(collect, "MAX_ENTRIES", 5 + 2 * 4 + collect.PACKAGE_OTHER_ENTRIES)
    assert not precheck(station, keeper, YEAR).blockers


def test_cancel_leaves_nothing_at_the_target(station: Station, keeper: Actor, tmp_path: Path) -> None:
    target = out(tmp_path)
    progress = Progress(lambda done, total, text: progress.cancel() if done > 0 else None)
    with pytest.raises(Cancelled):
        export_year(station, keeper, YEAR, target, progress=progress)
    assert list(target.iterdir()) == []


def test_a_changed_file_in_the_store_stops_the_export(station: Station, keeper: Actor, tmp_path: Path) -> None:
    sha = precheck_first_sha(station, keeper)
    path = attachment_store(station).path_of(sha)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    target = out(tmp_path)
    with pytest.raises(IntegrityFailure, match="哈希不一致"):
        export_year(station, keeper, YEAR, target)
    assert list(target.iterdir()) == []


def test_a_drive_without_room_is_refused_before_anything_is_written(
        station: Station, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = out(tmp_path)
    need = needed_bytes(precheck(station, keeper, YEAR))
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=need - 1))
    with pytest.raises(ValidationError, match=r"只剩 .* 可用，移交包约需 .*请换一个空间更大的U盘"):
        export_year(station, keeper, YEAR, target)
    assert list(target.iterdir()) == []
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=need))
    result = export_year(station, keeper, YEAR, target)
    assert result.zip_bytes <= need  # the estimate holds what it estimates


def test_a_disk_full_part_way_leaves_nothing(station: Station, keeper: Actor, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def fills_up(self: durable.DurableFile, view: memoryview) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(durable.DurableFile, "_write_all", fills_up)
    target = out(tmp_path)
    with pytest.raises(OSError) as caught:
        export_year(station, keeper, YEAR, target)
    assert "磁盘已满" in os_error_text(caught.value) and list(target.iterdir()) == []


def precheck_first_sha(station: Station, keeper: Actor) -> str:
    from sgz_desktop.core.package.collect import collect_items

    return collect_items(station, YEAR)[0].files[0].sha256


def test_an_existing_package_is_not_overwritten_unless_asked(station: Station, keeper: Actor,
                                                             tmp_path: Path) -> None:
    target = out(tmp_path)
    first = export_year(station, keeper, YEAR, target)
    with pytest.raises(ValidationError, match="已经存在"):
        export_year(station, keeper, YEAR, target)
    again = export_year(station, keeper, YEAR, target, replace=True)
    assert again.zip_path == first.zip_path and verify_package(again.zip_path).passed


def test_the_staff_area_registers_its_section() -> None:
    assert "staff" in [s.key for s in sections()]


def test_each_run_of_item_numbers_has_its_own_line(station: Station, keeper: Actor, tmp_path: Path) -> None:
    """件号 run per 门类, 保管期限 and 机构: two 机构 in one 门类 and 保管期限 are two lines, each range as long as
    its count (one line "0001–0003" for 4 items would not add up on the form both sides sign)."""
    src = tmp_path / "fw"
    src.mkdir()
    finalised(station, keeper, keeper, src, item("社区服务活动记录", dt.date(YEAR, 5, 1), org_code="FW"))
    result = export_year(station, keeper, YEAR, out(tmp_path))
    with zipfile.ZipFile(result.zip_path) as z:
        listing = json.loads(z.read(f"{result.identifier}/{layout.HANDOVER_JSON}"))
    lines = [(g["门类"], g["保管期限"], g["机构"], g["件号起止"], g["件数"]) for g in listing["分类统计"]]
    assert lines == [("WS", "Y", "BGS", [1, 1], 1), ("WS", "D30", "BGS", [1, 3], 3), ("WS", "D30", "FW", [1, 1], 1)]
    form = "".join(page.extract_text() for page in PdfReader(result.form_path).pages)
    assert "BGS 0001–0003" in form and "FW 0001–0001" in form


def test_the_self_check_reads_no_item_metadata_back_from_the_disk(station: Station, keeper: Actor, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The zip goes to the disk past the cache: reading each item's metadata back would cost a disk read per
    item. The writer hands the self-check each metadata as it lies in the zip instead."""
    from sgz_desktop.core.package import zipread

    reads: list[tuple[int, int]] = []
    real = zipread.ZipBytes.read_at

    def read_at(self: zipread.ZipBytes, offset: int, n: int) -> bytes:
        reads.append((offset, n))
        return real(self, offset, n)

    monkeypatch.setattr(zipread.ZipBytes, "read_at", read_at)
    result = export_year(station, keeper, YEAR, out(tmp_path))
    with zipfile.ZipFile(result.zip_path) as z:
        metadata = [(i.header_offset, i.header_offset + 30 + len(i.filename.encode()) + i.compress_size)
                    for i in z.infolist() if i.filename.endswith("/" + layout.METADATA)]
    assert len(metadata) == result.items
    assert not [r for r in reads for start, end in metadata if start <= r[0] < end]
    assert verify_package(result.zip_path).passed
