"""Filing another area's record in one action: a training session (its sign-in record and materials), a
reviewed ledger entry (its voucher scans, 30-year retention) and a volunteer activity (its service record)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import (
    archive_filing,
    archive_sources,
    archives,
    ledger,
    training,
    training_materials,
    volunteer_hours,
)
from sgz_desktop.core.archive_sources import ACTIVITY, LEDGER, TRAINING
from sgz_desktop.core.archives import SourceRef
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import AttendanceInput, SessionInput
from tests.core import finance_factory, volunteer_factory
from tests.core.archive_factory import archivist, social_worker, write_jpeg, write_pdf
from tests.core.staff_factory import add


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_training_session_filed_with_record_and_materials(station: Station, admin: Actor, tmp_path: Path) -> None:
    worker = add(station, admin, name="陈思思")
    session = training.add_session(station, admin, SessionInput(
        "个案工作实务：需求评估", "实务培训", dt.date(2025, 6, 12), Decimal(3), organiser="承接机构", trainer="陈老师",
        place="社工站会议室"))
    training.set_attendance(station, admin, session.id, [AttendanceInput(worker.id)])
    training_materials.add_material(station, admin, session.id, write_pdf(tmp_path, "课件.pdf", pages=4))
    note = tmp_path / "讲稿.docx"
    note.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    training_materials.add_material(station, admin, session.id, note)
    found = archive_sources.candidates(station, admin, TRAINING, 2025)
    assert [(c.title, c.files, c.filed_as) for c in found] == [("个案工作实务：需求评估", 3, "")]
    done = archive_sources.file_from(station, admin, SourceRef(TRAINING, session.id))
    item = done.item
    assert done.skipped == ("讲稿.docx",)
    assert item.title == "2025年06月12日实务培训“个案工作实务：需求评估”记录及材料"
    assert (item.doc_date, item.category, item.retention, item.responsible) == (dt.date(2025, 6, 12), "WS", "D10",
                                                                                 "承接机构")
    assert (item.source_kind, item.source_id, item.file_count, item.pages) == (TRAINING, session.id, 2, 1 + 4)
    detail = archives.get_item(station, admin, item.id)
    assert [f.file_name for f in detail.files] == ["培训记录-20250612.pdf", "课件.pdf"]
    record = _text(archives.file_path(station, admin, detail.files[0].id, verify=True))
    assert "培训记录" in record and "陈思思" in record and "个案工作实务" in record
    assert archive_sources.candidates(station, admin, TRAINING)[0].filed_as == "草稿"
    with pytest.raises(ValidationError, match="已登记为档案"):
        archive_sources.file_from(station, admin, SourceRef(TRAINING, session.id))


def test_reviewed_ledger_entry_is_filed_as_accounting_record(station: Station, admin: Actor, tmp_path: Path) -> None:
    contract = finance_factory.make_contract(station, finance_factory.CLERK)
    entry = finance_factory.make_entry(station, finance_factory.CLERK, contract.id, summary="购买重阳节慰问品",
                                       sub_category="组织志愿者费用", amount_fen=123_450, counterparty="后湖超市")
    bare = finance_factory.make_entry(station, finance_factory.CLERK, contract.id, summary="银行手续费",
                                      sub_category="相关税费", amount_fen=500)
    ledger.review_entries(station, finance_factory.SECOND_CLERK, [bare.id])
    with pytest.raises(ValidationError, match="没有附件"):
        archive_sources.file_from(station, admin, SourceRef(LEDGER, bare.id))
    ref = SourceRef(LEDGER, entry.id)
    ledger.add_attachment(station, finance_factory.CLERK, entry.id, write_jpeg(tmp_path, "发票.jpg"))
    ledger.add_attachment(station, finance_factory.CLERK, entry.id, write_pdf(tmp_path, "验收单.pdf", pages=1))
    with pytest.raises(ValidationError, match="还没有财务审核"):
        archive_sources.file_from(station, admin, ref)
    assert [c.ref for c in archive_sources.candidates(station, admin, LEDGER)] == [SourceRef(LEDGER, bare.id)]
    ledger.review_entries(station, finance_factory.SECOND_CLERK, [entry.id])
    item = archive_sources.file_from(station, admin, ref).item
    assert (item.category, item.record_kind, item.retention, item.org_code) == ("KU", "记账凭证", "D30", "CW")
    assert item.doc_number == "2026-0001" and item.title == "2026-0001 号记账凭证：购买重阳节慰问品"
    assert "¥1,234.50" in item.notes and "审核 周出纳" in item.notes and item.pages == 2
    names = [f.file_name for f in archives.get_item(station, admin, item.id).files]
    assert names == ["发票.jpg", "验收单.pdf"]
    keeper = archivist(station, admin)
    final = archive_filing.finalise(station, keeper, [item.id])[0]
    assert final.danghao == "Z109-KU·2026-D30-CW-0001"


def test_volunteer_activity_is_filed_with_its_service_record(station: Station, admin: Actor, tmp_path: Path) -> None:
    activity = volunteer_factory.add_activity(station, admin, title="重阳节敬老探访")
    helper = volunteer_factory.add_volunteer(station, admin, name="孙梅")
    rec = volunteer_factory.record(station, admin, activity.id, helper.id, "2.5")
    volunteer_hours.approve_records(station, admin, [rec.id])
    photo = write_jpeg(tmp_path, "活动照片.jpg")
    done = archive_sources.file_from(station, admin, SourceRef(ACTIVITY, activity.id), extra_files=[photo])
    item = done.item
    assert item.title == "2025年05月10日志愿服务活动“重阳节敬老探访”记录" and item.retention == "D10"
    detail = archives.get_item(station, admin, item.id)
    assert [f.file_name for f in detail.files] == ["志愿服务活动记录-20250510.pdf", "活动照片.jpg"]
    text = _text(archives.file_path(station, admin, detail.files[0].id))
    assert "孙梅" in text and "2.5" in text and "重阳节敬老探访" in text and "身份证" not in text
    assert "已通过" in text and "已审核" not in text  # the volunteers area's word for approved hours


def test_the_user_may_edit_the_metadata_and_only_editors_file(station: Station, admin: Actor) -> None:
    session = training.add_session(station, admin, SessionInput("督导会", "督导培训", dt.date(2025, 9, 3), Decimal(2)))
    edited = archives.ItemInput("2025年9月督导会记录", dt.date(2025, 9, 3), retention="D30", notes="重要案例研讨")
    item = archive_sources.file_from(station, admin, SourceRef(TRAINING, session.id), edited).item
    assert (item.title, item.retention, item.notes) == ("2025年9月督导会记录", "D30", "重要案例研讨")
    worker = social_worker(station, admin)
    with pytest.raises(PermissionDenied):
        archive_sources.file_from(station, worker, SourceRef(TRAINING, session.id))
    with pytest.raises(ValidationError, match="来源"):
        archive_sources.file_from(station, admin, SourceRef("meeting", 1))


def test_a_training_session_for_a_project_is_filed_under_that_project(
        station: Station, admin: Actor, tmp_path: Path) -> None:
    from sgz_desktop.core import projects
    from sgz_desktop.core.projects import FEATURED, ProjectInput

    heart = projects.add_project(station, admin, ProjectInput(FEATURED, "心灵港湾", dt.date(2025, 1, 1)))
    session = training.add_session(station, admin, SessionInput(
        "哀伤辅导", "督导培训", dt.date(2025, 7, 3), Decimal(2), project_id=heart.id))
    done = archive_sources.file_from(station, admin, SourceRef(TRAINING, session.id))
    assert (done.item.project_id, done.item.project_name) == (heart.id, "心灵港湾")
