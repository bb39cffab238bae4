"""The demo archive: three years of 文书 and 会计 items with real files, past years filed with gap-free
numbers, this year's still drafts, records of other areas filed from their source, items due for appraisal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func, select

from sgz_desktop.core import checks, demo
from sgz_desktop.core.archive_tables import due_items
from sgz_desktop.core.attachments import attachment_store
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.models import ArchiveFile, ArchiveItem
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.station import Station, open_station

NOW = dt.datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="module")
def st(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Station]:
    data = DataDir(tmp_path_factory.mktemp("demo-archives") / "station")
    made = demo.make_demo(data, password="demo-pass1", clock=FixedClock(NOW), files_mb=20)
    assert made.counts["archive_items"] >= 600
    station = open_station(data, clock=FixedClock(NOW))
    yield station
    station.close()


def test_items_span_the_years_and_both_categories(st: Station) -> None:
    with st.read() as s:
        rows = s.execute(select(ArchiveItem.year, ArchiveItem.category, ArchiveItem.status, ArchiveItem.retention,
                                ArchiveItem.record_kind)).all()
    years = Counter(y for y, *_ in rows)
    assert {2023, 2024, 2025, 2026} <= set(years) and all(years[y] > 100 for y in (2024, 2025))
    assert {c for _y, c, *_ in rows} == {"WS", "KU"} and {r for *_x, r, _k in rows} == {"Y", "D30", "D10"}
    with st.read() as s:
        dated = s.execute(select(ArchiveItem.doc_date, ArchiveItem.status)).all()
    recent = NOW.date() - dt.timedelta(weeks=6)
    assert all(status == "final" for on, status in dated if on < recent)  # filed weekly
    assert all(status == "draft" for on, status in dated if on >= recent) and any(on >= recent for on, _s in dated)
    kinds = {k for *_x, k in rows if k}
    assert {"记账凭证", "年度财务会计报告", "总账", "银行对账单"} <= kinds


def test_files_are_real_and_intact(st: Station) -> None:
    store = attachment_store(st)
    with st.read() as s:
        formats = dict(s.execute(select(ArchiveFile.format, func.count()).group_by(ArchiveFile.format)).all())
        sample = s.execute(select(ArchiveFile.sha256, ArchiveFile.format, ArchiveFile.pages)
                           .order_by(ArchiveFile.id).limit(400)).all()
        empty = s.scalar(select(func.count(ArchiveItem.id)).where(~ArchiveItem.id.in_(select(ArchiveFile.item_id))))
    assert empty == 0 and {"pdf", "jpeg"} <= set(formats) and formats["pdf"] > 300
    seen = set()
    for sha, fmt, pages in sample:
        if fmt in seen and fmt != "pdf":
            continue
        seen.add(fmt)
        path = store.path_of(sha)
        if fmt == "pdf":
            assert len(PdfReader(path).pages) == pages >= 1
        else:
            Image.open(path).load()
    assert {"pdf", "jpeg"} <= seen


def test_numbers_checks_and_links(st: Station) -> None:
    results = {r.key: r for r in checks.run_integrity(st, deep=True) + checks.run_compliance(st)}
    for key in ("archives.files", "archives.numbers", "archives.guards", "archives.archivist", "archives.drafts"):
        assert results[key].status is Status.OK, results[key]
    assert results["archives.appraisal"].status is Status.WARNING  # the inherited 2013-2015 records
    assert {i.year for i in due_items(st, SYSTEM)} == {2013, 2014, 2015}
    with st.read() as s:
        linked = dict(s.execute(select(ArchiveItem.source_kind, func.count()).group_by(ArchiveItem.source_kind)).all())
        danghao = s.scalars(select(ArchiveItem.danghao).where(ArchiveItem.status == "final").limit(1)).one()
    assert linked.get("training_session", 0) > 10 and danghao.startswith("Z1029-")
