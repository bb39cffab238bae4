"""Filing (归档): 件号 without gaps in any order, 档号 by the configured pattern, only the archivist files,
finalised items are read-only everywhere, corrections are recorded amendments."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as hs
from sqlalchemy import select

from sgz_desktop.core import archive_filing, archives, audit, settings
from sgz_desktop.core.archive_numbering import pattern_problem
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.models import ArchiveFile, ArchiveItem, StationProfile
from sgz_desktop.core.roles import SYSTEM, Actor
from sgz_desktop.core.station import Station
from tests.core.archive_factory import archivist, filed, finalised, item, social_worker, write_jpeg, write_pdf


@pytest.fixture
def keeper(station: Station, admin: Actor) -> Actor:
    return archivist(station, admin)


def numbers(st: Station) -> dict[tuple[str, int, str, str], list[int]]:
    groups: dict[tuple[str, int, str, str], list[int]] = defaultdict(list)
    with st.read() as s:
        for c, y, r, o, n in s.execute(select(ArchiveItem.category, ArchiveItem.year, ArchiveItem.retention,
                                              ArchiveItem.org_code, ArchiveItem.item_number)
                                       .where(ArchiveItem.status == "final")):
            groups[(c, y, r, o)].append(n)
    return {k: sorted(v) for k, v in groups.items()}


def test_finalise_gives_numbers_and_danghao(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    first = finalised(station, admin, keeper, tmp_path)
    assert (first.status, first.item_number, first.danghao) == ("final", 1, "Z109-WS·2025-D30-BGS-0001")
    assert first.finalised_by == "赵敏" and first.fonds_code == "Z109" and first.finalised_at is not None
    other_group = finalised(station, admin, keeper, tmp_path, item(retention="Y"))
    second = finalised(station, admin, keeper, tmp_path)
    assert other_group.danghao == "Z109-WS·2025-Y-BGS-0001" and second.danghao == "Z109-WS·2025-D30-BGS-0002"


def test_numbers_stay_consecutive_in_any_order_and_after_deleting_drafts(station: Station, admin: Actor,
                                                                         keeper: Actor, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path)
    drafts = [archives.register_item(station, admin, item(f"件{i}", dt.date(2025, 1 + i, 1)), [pdf]).id
              for i in range(6)]
    archives.delete_item(station, admin, drafts[2])
    archive_filing.finalise(station, keeper, [drafts[5]])
    archive_filing.finalise(station, keeper, [drafts[4], drafts[0]])  # numbered in date order
    archives.delete_item(station, admin, drafts[1])
    archive_filing.finalise(station, keeper, [drafts[3]])
    got = {i.title: i.item_number for i in archives.list_items(station, keeper, status="final")}
    assert got == {"件5": 1, "件0": 2, "件4": 3, "件3": 4}
    assert numbers(station) == {("WS", 2025, "D30", "BGS"): [1, 2, 3, 4]}


@hsettings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=hs.lists(hs.tuples(hs.sampled_from(["register", "finalise", "delete"]), hs.integers(0, 30),
                               hs.sampled_from([("Y", 2024), ("D10", 2024), ("D10", 2025)])),
                     min_size=1, max_size=25))
def test_numbers_never_have_gaps(station: Station, keeper: Actor, tmp_path: Path,
                                 plan: list[tuple[str, int, tuple[str, int]]]) -> None:
    pdf = tmp_path / "shared.pdf"
    if not pdf.exists():
        pdf.write_bytes(write_pdf(tmp_path).read_bytes())
    for action, pick, (retention, year) in plan:
        drafts = [i.id for i in archives.list_items(station, SYSTEM, status="draft")]
        if action == "register" or not drafts:
            archives.register_item(station, SYSTEM, item(f"件{pick}", dt.date(year, 5, 1 + pick % 28),
                                                         retention=retention), [pdf])
        elif action == "finalise":
            archive_filing.finalise(station, keeper, [drafts[pick % len(drafts)]])
        else:
            archives.delete_item(station, SYSTEM, drafts[pick % len(drafts)])
    for group, got in numbers(station).items():
        assert got == list(range(1, len(got) + 1)), group


def test_only_the_archivist_finalises(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    draft = filed(station, admin, tmp_path)
    with pytest.raises(PermissionDenied, match="档案归档定稿"):
        archive_filing.finalise(station, admin, [draft.id])  # the deputy head registers but does not file
    worker = social_worker(station, admin)
    with pytest.raises(PermissionDenied):
        archive_filing.finalise(station, worker, [draft.id])
    # Nor through the ORM: the flush guard checks who is acting.
    with pytest.raises(PermissionDenied), station.begin(admin) as s:
        row = s.get(ArchiveItem, draft.id)
        assert row is not None
        row.status, row.item_number, row.danghao = "final", 1, "X-1"
    assert archives.get_item(station, admin, draft.id).item.status == "draft"


def test_finalise_refuses_items_without_files_or_already_filed(station: Station, admin: Actor, keeper: Actor,
                                                               tmp_path: Path) -> None:
    empty = archives.register_item(station, admin, item("没有文件的件"))
    done = finalised(station, admin, keeper, tmp_path)
    ok = filed(station, admin, tmp_path)
    with pytest.raises(ValidationError) as err:
        archive_filing.finalise(station, keeper, [empty.id, done.id, ok.id])
    assert "还没有文件" in str(err.value) and "已于 2026-03-02 归档" in str(err.value)
    assert archives.get_item(station, admin, ok.id).item.status == "draft"  # all or nothing


def test_finalised_items_are_read_only_to_the_services(station: Station, admin: Actor, keeper: Actor,
                                                       tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    file_id = archives.get_item(station, admin, done.id).files[0].id
    for attempt in (lambda: archives.update_item(station, keeper, done.id, item("改题名")),
                    lambda: archives.delete_item(station, keeper, done.id),
                    lambda: archives.add_files(station, keeper, done.id, [write_jpeg(tmp_path)]),
                    lambda: archives.remove_file(station, keeper, file_id)):
        with pytest.raises(ValidationError, match="已归档"):
            attempt()
    worker = social_worker(station, admin)
    with pytest.raises(PermissionDenied):
        archives.update_item(station, worker, done.id, item("改题名"))
    assert archives.get_item(station, admin, done.id).item == done


def test_finalised_items_are_read_only_through_the_orm_too(station: Station, admin: Actor, keeper: Actor,
                                                           tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    for change in (lambda r: setattr(r, "title", "偷偷改"), lambda r: setattr(r, "item_number", 7)):
        with pytest.raises(ValidationError, match="已归档"), station.begin(keeper) as s:
            row = s.get(ArchiveItem, done.id)
            change(row)
    with pytest.raises(ValidationError, match="不能删除"), station.begin(SYSTEM) as s:
        s.delete(s.get(ArchiveItem, done.id))
    with pytest.raises(ValidationError, match="文件"), station.begin(SYSTEM) as s:
        s.delete(s.scalars(select(ArchiveFile).where(ArchiveFile.item_id == done.id)).one())
    assert archives.get_item(station, admin, done.id).item == done


def test_database_triggers_guard_numbers_even_against_raw_sql(station: Station, admin: Actor, keeper: Actor,
                                                              tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    db = sqlite3.connect(station.data.database)
    try:
        for sql in (f"UPDATE archive_item SET item_number = 9 WHERE id = {done.id}",
                    f"UPDATE archive_item SET status = 'draft' WHERE id = {done.id}",
                    f"DELETE FROM archive_item WHERE id = {done.id}",
                    f"DELETE FROM archive_file WHERE item_id = {done.id}",
                    f"UPDATE archive_file SET sha256 = 'x' WHERE item_id = {done.id}"):
            with pytest.raises(sqlite3.IntegrityError, match="已归档"):
                db.execute(sql)
    finally:
        db.close()


def test_amendments_are_recorded_with_reason(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    fixed = archive_filing.amend_item(station, keeper, done.id,
                                      item("关于开展2025年度困难群众走访慰问活动的通知",
                                           doc_number="后社工〔2025〕4号"),
                                      "题名漏了“活动”二字，文号抄错")
    assert fixed.title.endswith("活动的通知") and fixed.danghao == done.danghao and fixed.item_number == 1
    amendments = archives.get_item(station, admin, done.id).amendments
    assert [(a.field_label, a.old_value, a.new_value) for a in amendments] == [
        ("题名", done.title, fixed.title), ("文号", "后社工〔2025〕3号", "后社工〔2025〕4号")]
    assert all(a.reason == "题名漏了“活动”二字，文号抄错" and a.amended_by == "赵敏" for a in amendments)
    page = audit.page_entries(station, admin, audit.AuditFilter(), 0, 50, "at", True)
    assert any(r.table_name == "archive_amendment" for r in page)


def test_amendment_rules(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    with pytest.raises(ValidationError, match="原因"):
        archive_filing.amend_item(station, keeper, done.id, item("新题名"), "  ")
    with pytest.raises(ValidationError) as err:
        archive_filing.amend_item(station, keeper, done.id, item(retention="Y", on=dt.date(2024, 5, 1)), "期限定错")
    assert "归档后不能更改" in str(err.value) and "2025 年内" in str(err.value)
    with pytest.raises(ValidationError, match="没有任何改动"):
        archive_filing.amend_item(station, keeper, done.id, item(), "无")
    with pytest.raises(PermissionDenied):
        archive_filing.amend_item(station, admin, done.id, item("新题名"), "改题名")
    draft = filed(station, admin, tmp_path)
    with pytest.raises(ValidationError, match="草稿"):
        archive_filing.amend_item(station, keeper, draft.id, item("新题名"), "改题名")


def test_a_missed_page_is_added_by_amendment(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    done = finalised(station, admin, keeper, tmp_path)
    more = archive_filing.amend_add_files(station, keeper, done.id, [write_jpeg(tmp_path, "补扫第3页.jpg")],
                                          "扫描时漏了签批页")
    assert (more.file_count, more.pages) == (2, done.pages + 1)
    fields = [a.field for a in archives.get_item(station, admin, done.id).amendments]
    assert fields == ["files", "pages"]


def test_danghao_pattern_is_a_setting(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    pattern = "{fonds}·{year}-{category}-{org}-{retention}-{item:03d}"
    settings.set_value(station, admin, "archives.danghao_pattern", pattern)
    assert finalised(station, admin, keeper, tmp_path).danghao == "Z109·2025-WS-BGS-D30-001"
    settings.set_value(station, admin, "archives.danghao_pattern", "{fonds}-{category}-{item:04d}")
    with pytest.raises(ValidationError, match=r"档号格式.*缺少 \{year\}、\{retention\}、\{org\}"):
        finalised(station, admin, keeper, tmp_path)
    assert pattern_problem("{fonds}-{category}·{year}-{retention}-{org}-{item:04d}") is None
    assert "不认识" in (pattern_problem("{fonds}-{category}{year}{retention}{org}{item}{x}") or "")
    assert "花括号" in (pattern_problem("{fonds-{category}") or "")
    repeated = "{fonds}-{category}·{year}-{retention}-{org}-{item}{item}"
    assert "{item} 出现了不止一次" in (pattern_problem(repeated) or "")


def test_finalise_needs_the_fonds_code(station: Station, admin: Actor, keeper: Actor, tmp_path: Path) -> None:
    draft = filed(station, admin, tmp_path)
    with station.begin(SYSTEM) as s:  # the profile form refuses an empty one; an old database may have none
        s.scalars(select(StationProfile)).one().fonds_code = ""
    with pytest.raises(ValidationError, match="全宗号"):
        archive_filing.finalise(station, keeper, [draft.id])
