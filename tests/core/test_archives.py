"""Archive items: registration with files, validation, drafts, accounting retention, the item table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sgz_desktop.core import archives, settings
from sgz_desktop.core.archive_retention import accounting_problem, due_for_appraisal, expires_after
from sgz_desktop.core.archive_tables import ArchiveSource
from sgz_desktop.core.archives import ItemInput
from sgz_desktop.core.attachments import attachment_store
from sgz_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from sgz_desktop.core.models import ArchiveFile, ArchiveItem
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from tests.core.archive_factory import item, social_worker, write_jpeg, write_pdf, write_png


def count_items(st: Station) -> int:
    with st.read() as s:
        return int(s.scalar(select(func.count(ArchiveItem.id))) or 0)


def test_register_records_hash_size_format_and_pages(station: Station, admin: Actor, tmp_path: Path) -> None:
    pdf, jpg, png = write_pdf(tmp_path, "通知.pdf", pages=3), write_jpeg(tmp_path, "签批单.JPG"), write_png(tmp_path)
    info = archives.register_item(station, admin, item(), [pdf, jpg, png])
    assert info.status == "draft" and info.item_number is None and info.danghao == ""
    assert (info.year, info.pages, info.file_count) == (2025, 3 + 1 + 1, 3)
    detail = archives.get_item(station, admin, info.id)
    assert [(f.seq, f.file_name, f.format, f.pages) for f in detail.files] == [
        (1, "通知.pdf", "pdf", 3), (2, "签批单.JPG", "jpeg", None), (3, png.name, "png", None)]
    import hashlib

    first = detail.files[0]
    assert first.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest() and first.size_bytes == pdf.stat().st_size
    stored = archives.file_path(station, admin, first.id, verify=True)
    assert stored.read_bytes() == pdf.read_bytes() and stored.name == f"{first.sha256}.pdf"


def test_same_file_twice_is_stored_once_but_refused_within_one_item(station: Station, admin: Actor,
                                                                    tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path)
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(pdf.read_bytes())
    with pytest.raises(ValidationError, match="内容相同"):
        archives.register_item(station, admin, item(), [pdf, copy])
    a = archives.register_item(station, admin, item("第一件"), [pdf])
    b = archives.register_item(station, admin, item("第二件"), [copy])
    sha = archives.get_item(station, admin, a.id).files[0].sha256
    assert archives.get_item(station, admin, b.id).files[0].sha256 == sha
    assert len(list((station.data.attachments / "sha256").rglob(f"{sha}*"))) == 1
    with pytest.raises(ValidationError, match="内容相同"):
        archives.add_files(station, admin, a.id, [copy])


def test_validation_names_every_field_and_writes_nothing(station: Station, admin: Actor, tmp_path: Path) -> None:
    bad = ItemInput(" ", dt.date(2026, 3, 3), category="XX", retention="D5", org_code="ZZ", classification="保密",
                    record_kind="记账凭证", project_id=999)
    pdf = write_pdf(tmp_path)
    with pytest.raises(ValidationError) as err:
        archives.register_item(station, admin, bad, [pdf])
    fields = {p.field for p in err.value.problems}
    assert {"题名", "日期", "门类", "保管期限", "机构（问题）", "密级", "会计档案类别"} <= fields
    assert "WS 文书" in str(err.value) and "BGS 综合办公室" in str(err.value)
    assert count_items(station) == 0 and not (station.data.attachments / "sha256").exists()  # no file copied


def test_files_that_cannot_be_archived_are_refused_with_reasons(station: Station, admin: Actor,
                                                                 tmp_path: Path) -> None:
    exe = tmp_path / "setup.pdf"
    exe.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    docx = tmp_path / "方案.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    locked = tmp_path / "加密.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ValidationError) as err:
        archives.register_item(station, admin, item(), [exe, docx, locked, tmp_path / "不存在.pdf"])
    text = str(err.value)
    assert "可执行程序" in text and "另存为 PDF" in text and "密码" in text and "找不到文件" in text
    assert count_items(station) == 0


def test_drafts_can_be_edited_and_deleted_and_files_removed(station: Station, admin: Actor, tmp_path: Path) -> None:
    info = archives.register_item(station, admin, item(), [write_pdf(tmp_path, pages=2), write_jpeg(tmp_path)])
    changed = archives.update_item(station, admin, info.id,
                                   item("更正后的题名", dt.date(2024, 12, 30), retention="Y", notes="  原件存档案室 "))
    assert (changed.title, changed.year, changed.retention) == ("更正后的题名", 2024, "Y")
    assert changed.notes == "原件存档案室"
    first = archives.get_item(station, admin, info.id).files[0]
    after = archives.remove_file(station, admin, first.id)
    files = archives.get_item(station, admin, info.id).files
    assert after.pages == 1 and after.file_count == 1 and [f.seq for f in files] == [1]
    archives.delete_item(station, admin, info.id)
    assert count_items(station) == 0
    with pytest.raises(NotFound):
        archives.get_item(station, admin, info.id)
    with station.read() as s:
        assert s.scalar(select(func.count(ArchiveFile.id))) == 0


def test_defaults_fill_responsible_and_organisation(station: Station, admin: Actor, tmp_path: Path) -> None:
    info = archives.register_item(station, admin, ItemInput("2025年度工作总结", dt.date(2025, 12, 20), retention="Y"),
                                  [write_pdf(tmp_path)])
    assert info.responsible == "江汉街道社会工作服务站" and info.org_code == "BGS" and info.category == "WS"
    assert info.classification == "内部"


def test_accounting_retention_follows_the_regulation(station: Station, admin: Actor, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path)
    voucher = archives.register_item(station, admin, ItemInput(
        "2025年第1号记账凭证", dt.date(2025, 1, 8), category="KU", record_kind="记账凭证"), [pdf])
    assert (voucher.retention, voucher.org_code) == ("D30", "CW")  # proposed; the finance organisation
    annual = archives.register_item(station, admin, ItemInput(
        "2025年度财务会计报告", dt.date(2025, 12, 31), category="KU", record_kind="年度财务会计报告"), [pdf])
    monthly = archives.register_item(station, admin, ItemInput(
        "2025年1月银行对账单", dt.date(2025, 1, 31), category="KU", record_kind="银行对账单"), [pdf])
    assert (annual.retention, monthly.retention) == ("Y", "D10")
    with pytest.raises(ValidationError, match="记账凭证保管期限为定期30年，不能定为定期10年"):
        archives.update_item(station, admin, voucher.id, ItemInput(
            "2025年第1号记账凭证", dt.date(2025, 1, 8), category="KU", record_kind="记账凭证", retention="D10"))
    longer = archives.update_item(station, admin, monthly.id, ItemInput(
        "2025年1月银行对账单", dt.date(2025, 1, 31), category="KU", record_kind="银行对账单", retention="D30"))
    assert longer.retention == "D30"
    assert accounting_problem("总账", "Y") is None and accounting_problem("纳税申报表", "D10") is None


def test_retention_expiry_and_appraisal_dates() -> None:
    assert expires_after(2014, "D10") == 2024 and expires_after(2014, "Y") is None
    assert not due_for_appraisal(2014, "D10", dt.date(2024, 12, 31))
    assert due_for_appraisal(2014, "D10", dt.date(2025, 1, 1))
    assert not due_for_appraisal(1990, "Y", dt.date(2026, 1, 1))


def test_station_configured_codes(station: Station, admin: Actor, tmp_path: Path) -> None:
    settings.set_value(station, admin, "archives.categories", "WS=文书，KU=会计，ZP=照片")
    settings.set_value(station, admin, "archives.org_codes", "BGS=办公室,XM=项目部")
    photo = archives.register_item(station, admin, item("2025年重阳节敬老活动照片", category="zp", org_code="xm",
                                                        retention="D10"), [write_jpeg(tmp_path)])
    assert (photo.category, photo.org_code) == ("ZP", "XM")
    with pytest.raises(ValidationError, match="不是本站设置的机构"):
        archives.register_item(station, admin, item(org_code="FW"), [write_pdf(tmp_path)])


def test_a_social_worker_cannot_register(station: Station, admin: Actor, tmp_path: Path) -> None:
    worker = social_worker(station, admin)
    with pytest.raises(PermissionDenied, match="登记档案"):
        archives.register_item(station, worker, item(), [write_pdf(tmp_path)])
    assert archives.list_items(station, worker) == []  # but may look


def test_item_table_filters_sorts_and_pages(station: Station, admin: Actor, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path)
    for n in range(7):
        archives.register_item(station, admin, item(f"文件{n} 慰问" if n % 2 else f"文件{n}",
                                                    dt.date(2024 + n % 2, 3, 1 + n), retention=("Y", "D10")[n % 2]),
                               [pdf])
    source = ArchiveSource(station, admin)
    assert source.count(TableQuery()) == 7
    assert source.count(TableQuery().with_filter("year", 2025)) == 3
    assert source.count(TableQuery(text="慰问")) == 3
    assert source.count(TableQuery().with_filter("retention", "Y").with_filter("year", 2024)) == 4
    rows = source.page(TableQuery(sort_key="doc_date", descending=True), 0, 3)
    assert [r[2] for r in rows] == sorted([r[2] for r in rows], reverse=True) and len(rows) == 3
    assert len(rows[0]) == len(source.columns) + 1 and isinstance(rows[0][-1], int)
    assert rows[0][13] == "草稿" and rows[0][5] in ("永久", "定期10年")
    assert source.page(TableQuery(), 5, 10)[-1][-1] in range(1, 8) and len(source.page(TableQuery(), 5, 10)) == 2


def test_missing_store_file_is_reported_when_opened(station: Station, admin: Actor, tmp_path: Path) -> None:
    info = archives.register_item(station, admin, item(), [write_pdf(tmp_path)])
    f = archives.get_item(station, admin, info.id).files[0]
    attachment_store(station).path_of(f.sha256).unlink()
    from sgz_desktop.core.errors import IntegrityFailure

    with pytest.raises(IntegrityFailure, match="文件丢失"):
        archives.file_path(station, admin, f.id)


def test_dashboard_figures_and_card_references(station: Station, admin: Actor, tmp_path: Path) -> None:
    from sgz_desktop.core.archive_tables import card_ref, items_by_year

    pdf = write_pdf(tmp_path)
    for on, category in ((dt.date(2025, 2, 1), "WS"), (dt.date(2025, 3, 1), "KU"), (dt.date(2024, 3, 1), "WS"),
                         (dt.date(2015, 3, 1), "WS")):
        archives.register_item(station, admin, item(on=on, category=category, retention="Y", org_code="BGS"), [pdf])
    assert items_by_year(station) == [(2022, {}), (2023, {}), (2024, {"WS": 1}), (2025, {"WS": 1, "KU": 1}),
                                      (2026, {})]
    assert card_ref("Z109-WS·2014-D10-FW-0001 后湖街道社区服务中心2014年度记录") == "Z109-WS·2014-D10-FW-0001"
    assert card_ref("2025年第1次站务会议纪要（2026-01-05 登记）") == "2025年第1次站务会议纪要"
    source = ArchiveSource(station, admin)
    refs = TableQuery().with_filter("refs", ("关于开展2025年度困难群众走访慰问的通知（2026-01-05 登记）",))
    assert source.count(refs) == 4


def test_register_many_is_all_or_nothing(station: Station, admin: Actor, tmp_path: Path) -> None:
    shared = write_pdf(tmp_path)
    entries = [(item(f"第{n}件"), [shared, write_jpeg(tmp_path)]) for n in range(5)]
    infos = archives.register_many(station, admin, entries)
    assert [i.title for i in infos] == [f"第{n}件" for n in range(5)] and all(i.file_count == 2 for i in infos)
    bad = [(item("好的一件"), [shared]), (item(" "), [shared])]
    with pytest.raises(ValidationError, match="第 2 行，「题名」：不能为空"):
        archives.register_many(station, admin, bad)
    assert count_items(station) == 5


def test_a_refused_file_in_a_batch_copies_nothing(station: Station, admin: Actor, tmp_path: Path) -> None:
    good = write_jpeg(tmp_path)
    program = tmp_path / "安装程序.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)  # an .exe renamed
    with pytest.raises(ValidationError, match=r"安装程序\.pdf：这是 Windows 可执行程序"):
        archives.register_many(station, admin, [(item("扫描件"), [good]), (item("程序"), [program])])
    assert count_items(station) == 0
    assert not list((station.data.attachments).rglob("*.jpg"))  # the good file was not copied either


def test_a_file_changed_while_it_is_copied_is_refused(station: Station, admin: Actor, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from sgz_desktop.core import attachments

    scan = write_jpeg(tmp_path)
    real_probe = attachments.FileAttachmentStore.probe

    def probe_then_edit(self: attachments.FileAttachmentStore, source: Path) -> attachments.Probe:
        found = real_probe(self, source)
        source.write_bytes(source.read_bytes() + b"more")  # the scanner software saves again
        return found

    monkeypatch.setattr(attachments.FileAttachmentStore, "probe", probe_then_edit)
    with pytest.raises(ValidationError, match="在添加过程中被改动"):
        archives.register_many(station, admin, [(item("扫描件"), [scan])])
    assert count_items(station) == 0


def test_a_batch_is_inserted_in_one_statement_per_table_with_ids_in_order(station: Station, admin: Actor,
                                                                          tmp_path: Path) -> None:
    from sqlalchemy import event

    archives.register_item(station, admin, item("先登记的一件"), [write_jpeg(tmp_path)])
    statements: list[tuple[str, bool]] = []

    def seen(_conn: object, _cursor: object, sql: str, _params: object, _context: object, many: bool) -> None:
        if sql.startswith("INSERT INTO archive_"):
            statements.append((sql.split()[2], many))

    event.listen(station.engine, "before_cursor_execute", seen)
    try:
        entries = [(item(f"第{n}件"), [write_jpeg(tmp_path), write_jpeg(tmp_path)]) for n in range(30)]
        infos = archives.register_many(station, admin, entries)
    finally:
        event.remove(station.engine, "before_cursor_execute", seen)
    # SQLite cannot return the ids of a multi-row insert in order: without ids given beforehand the ORM
    # would insert the 30 items and 60 files one statement each.
    assert statements == [("archive_item", True), ("archive_file", True)]
    first = infos[0].id
    assert [i.id for i in infos] == list(range(first, first + 30)) and first == 2
    assert [i.title for i in infos] == [f"第{n}件" for n in range(30)]
    for info in infos:
        files = archives.get_item(station, admin, info.id).files
        assert [f.seq for f in files] == [1, 2] and all(f.item_id == info.id for f in files)
    with station.read() as s:
        assert s.scalar(select(func.count(ArchiveFile.id))) == 61


def test_assign_ids_refuses_rows_already_in_the_session(station: Station, admin: Actor) -> None:
    from sgz_desktop.core.db.ids import assign_ids

    with station.begin(admin) as s:
        row = ArchiveFile(item_id=1, seq=1, file_name="a.jpg", sha256="0" * 64, size_bytes=1, format="jpeg",
                          pages=None, added_at=dt.datetime(2026, 1, 1))
        s.add(row)
        with pytest.raises(ValueError, match="not yet added"):
            assign_ids(s, [row])
        s.rollback()


def test_records_written_while_files_are_flushed_are_not_committed_when_the_flush_fails(
        station: Station, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sgz_desktop.core import attachments

    def disk_gone(_path: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(attachments, "_fsync_path", disk_gone)
    with pytest.raises(OSError, match="Input/output error"):
        archives.register_many(station, admin, [(item(f"第{n}件"), [write_jpeg(tmp_path)]) for n in range(12)])
    assert count_items(station) == 0
    with station.read() as s:
        assert s.scalar(select(func.count(ArchiveFile.id))) == 0
    store = station.data.attachments
    assert not list(store.rglob("*.jpg")) and not list(store.glob(".incoming-*"))  # nothing placed, nothing left
