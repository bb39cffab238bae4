"""Archive checks: the deep check names changed and missing files; 件号 gaps and missing guards are found;
the dashboard cards (archivist, drafts, appraisal); a killed ingest leaves no half file and no orphan row."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from sgz_desktop.core import archive_filing, archives, checks
from sgz_desktop.core.archive_demo_files import scanned_pdf
from sgz_desktop.core.attachments import attachment_store
from sgz_desktop.core.checks import Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.models import ArchiveFile, ArchiveItem
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM, Actor
from sgz_desktop.core.station import Station, open_station
from tests.conftest import ADMIN_PASSWORD
from tests.core.archive_factory import archivist, filed, finalised, item, write_pdf


def results(st: Station, deep: bool = False) -> dict[str, checks.CheckResult]:
    return {r.key: r for r in checks.run_integrity(st, deep=deep) + checks.run_compliance(st)}


def test_deep_check_names_a_changed_file_and_a_missing_one(station: Station, admin: Actor, tmp_path: Path) -> None:
    keeper = archivist(station, admin)
    changed = finalised(station, admin, keeper, tmp_path, item("被改动的文件"))
    gone = filed(station, admin, tmp_path, item("丢失的文件"))
    intact = results(station, deep=True)["archives.files"]
    assert intact.status is Status.OK and "重新计算校验值" in intact.detail
    store = attachment_store(station)
    path = store.path_of(archives.get_item(station, admin, changed.id).files[0].sha256)
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # same size, one byte different: only re-hashing sees it
    path.write_bytes(bytes(data))
    assert results(station)["archives.files"].status is Status.OK
    deep = results(station, deep=True)["archives.files"]
    assert deep.status is Status.FAILING and "内容已被改动 1 个" in deep.detail
    assert changed.danghao in deep.detail and deep.people[0].startswith(changed.danghao)
    store.path_of(archives.get_item(station, admin, gone.id).files[0].sha256).unlink()
    both = results(station, deep=True)["archives.files"]
    assert "丢失 1 个" in both.detail and "丢失的文件" in both.detail and "内容已被改动 1 个" in both.detail
    assert results(station)["archives.files"].status is Status.FAILING  # a missing file shows without --deep


def test_gaps_and_missing_guards_are_integrity_failures(station: Station, admin: Actor, tmp_path: Path) -> None:
    keeper = archivist(station, admin)
    for n in range(3):
        finalised(station, admin, keeper, tmp_path, item(f"件{n}"))
    found = results(station)
    assert found["archives.numbers"].status is Status.OK and found["archives.guards"].status is Status.OK
    db = sqlite3.connect(station.data.database)
    try:  # what a careless batch migration or a hand edit could do
        db.execute("DROP TRIGGER archive_item_final_keeps_number")
        db.execute("UPDATE archive_item SET item_number = 5 WHERE item_number = 2")
        db.commit()
    finally:
        db.close()
    found = results(station)
    assert found["archives.numbers"].status is Status.FAILING and "WS·2025-D30-BGS" in found["archives.numbers"].detail
    assert found["archives.guards"].status is Status.FAILING and "archive_item_final_keeps_number" in \
        found["archives.guards"].detail


def test_compliance_cards(station: Station, admin: Actor, tmp_path: Path) -> None:
    cards = results(station)
    assert cards["archives.archivist"].status is Status.FAILING and cards["archives.archivist"].article == "第二十四条"
    assert cards["archives.drafts"].status is Status.OK and cards["archives.appraisal"].status is Status.OK
    keeper = archivist(station, admin)
    filed(station, admin, tmp_path)
    old = finalised(station, admin, keeper, tmp_path, item("2014年社区服务中心会计凭证", dt.date(2014, 6, 30),
                                                            retention="D10"))
    cards = results(station)
    assert cards["archives.archivist"].status is Status.OK and cards["archives.archivist"].people == ("赵敏",)
    assert cards["archives.appraisal"].status is Status.WARNING and cards["archives.appraisal"].people[0].startswith(
        old.danghao)
    later = open_station(station.data, clock=FixedClock(dt.datetime(2026, 9, 1, 9, 0)))
    try:
        late = results(later)["archives.drafts"]
        assert late.status is Status.WARNING and "超过 90 天" in late.figure
    finally:
        later.close()


CHILD = """
import sys, time
from pathlib import Path
from sgz_desktop.core import archives, users
from sgz_desktop.core.archives import ItemInput
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import MemorySecretStore
from sgz_desktop.core.station import open_station
import datetime as dt
st = open_station(DataDir(Path(sys.argv[1])), secret_store=MemorySecretStore())
actor = users.login(st, "fuzhanzhang", sys.argv[2])
sources = sorted(Path(sys.argv[3]).glob("*.pdf"))
print("ready", flush=True)
for n, src in enumerate(sources):
    archives.register_item(st, actor, ItemInput(f"大文件{n}", dt.date(2025, 1, 1), retention="Y"), [src])
print("done", flush=True)
"""


def _big_pdfs(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):  # distinct valid PDFs of 16 MB: ingest takes long enough to be killed inside it
        (folder / f"{n:02d}.pdf").write_bytes(scanned_pdf(f"大文件{n}", 2, 16 << 20, random.Random(n)))


def test_killing_an_ingest_leaves_no_half_file_and_no_orphan_row(station: Station, tmp_path: Path) -> None:
    station.close()
    sources = tmp_path / "big"
    _big_pdfs(sources, 10)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for delay in (0.15, 0.45):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(station.data.root), ADMIN_PASSWORD, str(sources)],
                                 stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    st = open_station(DataDir(station.data.root), clock=FixedClock(dt.datetime(2026, 3, 2, 9, 30)))
    try:
        with st.read() as s:
            rows = s.execute(select(ArchiveFile.sha256, ArchiveFile.size_bytes)).all()
            assert s.scalar(select(ArchiveItem.id).where(~ArchiveItem.id.in_(select(ArchiveFile.item_id)))) is None
        store = attachment_store(st)
        for sha, size in rows:  # every recorded file is there, whole
            assert store.verify(sha) and store.path_of(sha).stat().st_size == size
        for path in (st.data.attachments / "sha256").rglob("*.*"):  # every stored file is whole
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.stem, path
        leftovers = [p.name for p in st.data.attachments.iterdir() if p.is_file()]
        assert all(name.startswith(".incoming-") and name.endswith(".part") for name in leftovers), leftovers
        assert results(st, deep=True)["archives.files"].status is Status.OK
        assert len(rows) >= 1  # the children got somewhere before they were killed
    finally:
        st.close()


def test_finalise_after_a_check_still_numbers_correctly(station: Station, admin: Actor, tmp_path: Path) -> None:
    keeper = archivist(station, admin)
    ids = [archives.register_item(station, SYSTEM, item(f"件{n}"), [write_pdf(tmp_path)]).id for n in range(3)]
    archive_filing.finalise(station, keeper, ids[::-1])
    assert results(station, deep=True)["archives.numbers"].status is Status.OK
