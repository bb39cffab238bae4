"""Demo archive: the station's 文书 and 会计 items over the demo's years, with real small files.

The archivist files (归档) every week, so only the last weeks' items are still drafts.
Training sessions, volunteer activities and reviewed ledger entries present in the demo are filed from
their records. A few items inherited from the subdistrict's former community service centre are past
their retention and await appraisal. Scale 1 is a believable station: about 600 items over three years
and 60 MB of files; each further scale adds 1 100 items and 110 MB (unless ``files_mb`` says otherwise),
so ``--scale 10`` gives over 10 000 items and 1 GB.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from .archive_demo_files import page_template, photo_template, scan_jpeg, scan_png, scan_tiff, scanned_pdf
from .archive_numbering import NumberParts, danghao_pattern, format_number
from .archive_retention import ACCOUNTING_KINDS, PERMANENT, TEN_YEARS, THIRTY_YEARS
from .archives import DRAFT, FINAL, count_pages
from .attachments import StoredFile, attachment_store
from .models import ArchiveFile, ArchiveItem, LedgerAttachment, LedgerEntry, Project, TrainingSession, VolunteerActivity
from .profile import get_profile
from .roles import SYSTEM
from .station import Station

if TYPE_CHECKING:
    from .demo import DemoContext

BASE_ITEMS, ITEMS_PER_SCALE = 600, 1100
BASE_MB, MB_PER_SCALE = 60, 110
BATCH = 250
DRAFT_WEEKS = 6  # items of the last six weeks are still drafts
LEGACY_YEARS = (2013, 2014, 2015)


@dataclass
class _Item:
    title: str
    on: dt.date
    category: str
    retention: str
    org: str
    responsible: str
    doc_number: str = ""
    record_kind: str = ""
    notes: str = ""
    project_id: int | None = None
    source: tuple[str, int] | None = None
    shape: str = "pdf"  # pdf / photos / png / tiff / ledger
    pages: int = 2
    heading: str = ""
    stored: tuple[StoredFile, ...] = ()


Maker = Callable[[random.Random, dt.date, int], _Item]


def _station_doc(station: str) -> list[tuple[int, Maker]]:
    """(weight, maker) of the items a station produces month by month."""
    def plan(r: random.Random, d: dt.date, n: int) -> _Item:
        kind = r.choice(("工作计划", "服务计划", "工作要点", "工作总结"))
        # plans are written late in the year before, summaries at the turn of the year
        year = d.year + 1 if kind != "工作总结" and d.month >= 10 else d.year - 1 if kind == "工作总结" and \
            d.month <= 2 else d.year
        return _Item(f"{station}{year}年度{kind}", d, "WS", PERMANENT, "BGS", station, f"后社工〔{d.year}〕{n}号",
                     pages=r.randint(3, 6), heading=kind)

    def minutes(r: random.Random, d: dt.date, n: int) -> _Item:
        return _Item(f"{d.year}年{d.month}月站务会议纪要", d, "WS", THIRTY_YEARS, "BGS", station, pages=r.randint(2, 3),
                     heading="会议纪要")

    def notice(r: random.Random, d: dt.date, n: int) -> _Item:
        topic = r.choice(("开展社工站星级评估", "做好困难群众走访慰问", "报送社会救助服务数据", "开展“五社联动”试点",
                          "加强社工站档案管理", "开展未成年人保护宣传", "做好汛期安全工作", "开展养老服务质量提升行动"))
        sender = r.choice(("江岸区民政局", "后湖街道办事处", "武汉市民政局"))
        prefix = {"江岸区民政局": "岸民", "后湖街道办事处": "后湖办", "武汉市民政局": "武民"}[sender]
        return _Item(f"{sender}关于{topic}的通知", d, "WS", THIRTY_YEARS, "BGS", sender,
                     f"{prefix}〔{d.year}〕{r.randint(1, 90)}号", pages=r.randint(1, 4), heading="通知")

    def activity(r: random.Random, d: dt.date, n: int) -> _Item:
        what = r.choice(("社区长者生日会", "困境儿童暑期成长小组", "独居老人入户探访", "社区议事会", "反诈宣传进社区",
                         "残疾人康复互助小组", "“微心愿”认领活动", "邻里节", "低保家庭政策宣讲会", "亲子阅读会"))
        return _Item(f"{d.month}月“{what}”活动记录", d, "WS", TEN_YEARS, "FW", station, pages=r.randint(2, 5),
                     heading="活动记录")

    def photos(r: random.Random, d: dt.date, n: int) -> _Item:
        seasonal = {1: "迎新春送温暖活动", 3: "学雷锋志愿服务活动", 6: "儿童节关爱活动", 10: "重阳节敬老活动"}
        what = seasonal.get(d.month) or r.choice(("社区志愿服务", "儿童关爱活动", "社工督导会", "社区议事协商会",
                                                  "长者生日会"))
        return _Item(f"{d.year}年{d.month}月{what}照片", d, "WS", TEN_YEARS, "FW", station, shape="photos",
                     pages=r.randint(1, 3), heading=what.removesuffix("活动"))

    def case(r: random.Random, d: dt.date, n: int) -> _Item:
        kind = r.choice(("个案服务", "小组工作", "社区工作"))
        return _Item(f"{d.year}年第{n}号{kind}结案报告", d, "WS", THIRTY_YEARS, "FW", station, pages=r.randint(3, 6),
                     heading="结案报告")

    return [(1, plan), (6, minutes), (8, notice), (14, activity), (5, photos), (4, case)]


def _finance_doc(station: str) -> list[tuple[int, Maker]]:
    def vouchers(r: random.Random, d: dt.date, n: int) -> _Item:
        first = r.randint(1, 40)
        return _Item(f"{d.year}年{d.month}月记账凭证（第{first}—{first + r.randint(5, 30)}号）", d, "KU", THIRTY_YEARS,
                     "CW", station, record_kind="记账凭证", pages=r.randint(3, 8), heading="记账凭证")

    def statement(r: random.Random, d: dt.date, n: int) -> _Item:
        kind = r.choice(("银行对账单", "银行存款余额调节表", "纳税申报表"))
        return _Item(f"{d.year}年{d.month}月{kind}", d, "KU", ACCOUNTING_KINDS[kind], "CW", station, record_kind=kind,
                     pages=r.randint(1, 2), heading=kind, shape=r.choice(("pdf", "pdf", "png", "tiff")))

    def monthly(r: random.Random, d: dt.date, n: int) -> _Item:
        kind = "月度、季度、半年度财务会计报告"
        return _Item(f"{d.year}年{d.month}月财务报表", d, "KU", ACCOUNTING_KINDS[kind], "CW", station, record_kind=kind,
                     pages=r.randint(2, 3), heading="财务报表")

    return [(10, vouchers), (5, statement), (2, monthly)]


def _yearly_accounts(station: str, year: int) -> list[_Item]:
    end = dt.date(year, 12, 31)
    return [_Item(f"{year}年度{kind}", end, "KU", ACCOUNTING_KINDS[kind], "CW", station, record_kind=kind, pages=pages,
                  heading=kind)
            for kind, pages in (("总账", 6), ("明细账", 8), ("日记账", 6), ("年度财务会计报告", 5))]


def _linked(st: Station, rnd: random.Random, start: dt.date, station: str) -> list[_Item]:
    """Items filed from the demo's training sessions, volunteer activities and reviewed ledger entries."""
    items: list[_Item] = []
    with st.read() as s:
        for sid, title, kind, on, organiser in s.execute(select(
                TrainingSession.id, TrainingSession.title, TrainingSession.training_type, TrainingSession.held_on,
                TrainingSession.organiser).where(TrainingSession.held_on >= start)):
            items.append(_Item(f"{on:%Y年%m月%d日}{kind}“{title}”记录及材料", on, "WS", TEN_YEARS, "BGS",
                               organiser or station, source=("training_session", sid), pages=rnd.randint(1, 3),
                               heading="培训记录"))
        for aid, title, kind, on, project, organiser in s.execute(select(
                VolunteerActivity.id, VolunteerActivity.title, VolunteerActivity.activity_type,
                VolunteerActivity.held_on, VolunteerActivity.project_id, VolunteerActivity.organiser)
                .where(VolunteerActivity.held_on >= start)):
            if rnd.random() < 0.2:  # the larger activities' records are filed on their own
                items.append(_Item(f"{on:%Y年%m月%d日}志愿服务活动“{title}”记录", on, "WS", TEN_YEARS, "FW",
                                   organiser or station, notes=kind, project_id=project,
                                   source=("volunteer_activity", aid), pages=1, heading="志愿服务活动记录"))
        scans: dict[int, list[StoredFile]] = defaultdict(list)
        for a in s.scalars(select(LedgerAttachment).order_by(LedgerAttachment.id)):
            scans[a.entry_id].append(StoredFile(a.sha256, a.size_bytes, a.format, a.pages, a.file_name))
        for e in s.scalars(select(LedgerEntry).where(LedgerEntry.reviewed_at.is_not(None),
                                                     LedgerEntry.id.in_(list(scans)))):
            items.append(_Item(f"{e.year}-{e.voucher_no:04d} 号记账凭证：{e.summary}", e.entry_date, "KU", THIRTY_YEARS,
                               "CW", station, f"{e.year}-{e.voucher_no:04d}", "记账凭证",
                               project_id=e.project_id, source=("ledger_entry", e.id), shape="ledger",
                               stored=tuple(scans[e.id])))
    return items


def _plan(ctx: DemoContext, station: str, projects: list[int]) -> list[_Item]:
    rnd, today = ctx.rnd, ctx.today
    items = _linked(ctx.st, rnd, ctx.start, station)
    target = BASE_ITEMS + ITEMS_PER_SCALE * (ctx.scale - 1)
    makers = _station_doc(station) + _finance_doc(station)
    weights = [w for w, _m in makers]
    years = range(ctx.start.year, today.year + 1)
    for year in years:
        if year < today.year:
            items += _yearly_accounts(station, year)
    counter: dict[str, int] = defaultdict(int)
    titles = {i.title for i in items}
    span = (today - ctx.start).days
    while len(items) < target:
        day = ctx.start + dt.timedelta(days=rnd.randrange(span))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        maker = rnd.choices(makers, weights)[0][1]
        counter[f"{day.year}{maker.__name__}"] += 1
        made = maker(rnd, day, counter[f"{day.year}{maker.__name__}"])
        if made.title in titles:  # one 4月纳税申报表 a month, not two
            continue
        titles.add(made.title)
        if made.org == "FW" and projects and rnd.random() < 0.6:
            made.project_id = rnd.choice(projects)
        items.append(made)
    for year in LEGACY_YEARS:  # inherited, past their ten years: the appraisal card has something to show
        centre = "后湖街道社区服务中心"
        items.append(_Item(f"{centre}{year}年度志愿服务活动记录（移交）", dt.date(year, 12, 20), "WS", TEN_YEARS, "FW",
                           centre, notes="街道社区服务中心撤并时移交本站保管", pages=rnd.randint(2, 4),
                           heading="活动记录"))
    return items


class _Files:
    """Makes each demo file and ingests it like a user's file (copied, hashed, flushed, renamed), on a few
    threads: most of an ingest is waiting for the disk to confirm the write."""

    def __init__(self, st: Station, budget_bytes: int, count: int, seed: int) -> None:
        self.store = attachment_store(st)
        self.scratch = Path(tempfile.mkdtemp(prefix="sgz-demo-archive-"))
        self.mean = max(budget_bytes // max(count, 1), 30_000)
        self.rnd = random.Random(seed)
        self.pool = ThreadPoolExecutor(max_workers=4)

    def _ingest(self, key: str, name: str, data: bytes) -> StoredFile:
        folder = self.scratch / key  # a folder of its own: the file keeps the name the user sees
        folder.mkdir()
        path = folder / name.replace("/", "-")
        path.write_bytes(data)
        try:
            return self.store.ingest(path)
        finally:
            path.unlink(missing_ok=True)
            folder.rmdir()

    def _bytes(self, item: _Item, n: int, r: random.Random) -> list[tuple[str, bytes]]:
        size = int(self.mean * r.uniform(0.5, 1.5))
        text = f"演示文件 {n}：{item.title}"
        # one layout per kind of document (a ledger's pages are ruled tables): few templates to draw
        kind = 2 if item.record_kind else sum(map(ord, item.heading)) % 2
        if item.shape == "photos":
            return [(f"IMG_{item.on:%Y%m%d}_{n:05d}_{i}.jpg",
                     scan_jpeg(photo_template(i % 4, item.heading), f"{text} 照片{i}", size // item.pages, r))
                    for i in range(1, item.pages + 1)]
        if item.shape == "png":
            return [(f"{item.title}.png", scan_png(page_template(kind, item.heading), text, size, r))]
        if item.shape == "tiff":
            return [(f"{item.title}.tif", scan_tiff(page_template(kind, item.heading)))]
        return [(f"{item.title}.pdf", scanned_pdf(text, item.pages, size, r, kind, item.heading))]

    def _make(self, item: _Item, n: int, seed: int) -> list[StoredFile]:
        """On a worker thread: draw the item's files (its own seeded generator: the same files every run,
        whatever the threads' order) and ingest them."""
        return [self._ingest(f"{n}-{i}", name, data)
                for i, (name, data) in enumerate(self._bytes(item, n, random.Random(seed)))]

    def make_all(self, items: list[_Item], progress: Callable[[int], None]) -> list[list[StoredFile]]:
        page_template(0), page_template(1), page_template(2)  # the common layouts, drawn once up front
        seeds = [self.rnd.randrange(1 << 30) for _ in items]
        made: list[Future[list[StoredFile]] | None] = []
        for n, (item, seed) in enumerate(zip(items, seeds, strict=True), start=1):
            made.append(None if item.shape == "ledger" else self.pool.submit(self._make, item, n, seed))
            if n % 64 == 0:  # keep at most a few dozen files in memory
                for pending in made[-64:]:
                    if pending is not None:
                        pending.result()
                progress(n)
        return [list(item.stored) if future is None else future.result()
                for item, future in zip(items, made, strict=True)]

    def close(self) -> None:
        import shutil

        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)


def _row(item: _Item, fonds: str, rnd: random.Random, today: dt.date) -> ArchiveItem:
    registered = dt.datetime.combine(min(item.on + dt.timedelta(days=rnd.randint(1, 20)), today),
                                     dt.time(9 + rnd.randint(0, 7), rnd.randint(0, 59)))
    return ArchiveItem(status=DRAFT, fonds_code=fonds, category=item.category, year=item.on.year,
                       retention=item.retention, org_code=item.org, title=item.title, responsible=item.responsible,
                       doc_number=item.doc_number, doc_date=item.on,
                       classification="内部" if rnd.random() < 0.8 else "公开", record_kind=item.record_kind,
                       notes=item.notes, project_id=item.project_id, source_kind=item.source[0] if item.source else "",
                       source_id=item.source[1] if item.source else None, created_at=registered, created_by="档案员",
                       finalised_by="", pages=0)


def fill_archives(ctx: DemoContext, files_mb: int | None = None) -> None:
    """The demo's extension point (``demo.AREAS``); ``files_mb`` (or ``ctx.files_mb``) caps the files' bytes."""
    st, rnd, today = ctx.st, ctx.rnd, ctx.today
    profile = get_profile(st)
    with st.read() as s:
        projects = list(s.scalars(select(Project.id)))
    items = sorted(_plan(ctx, profile.name, projects), key=lambda i: (i.on, i.title))
    budget_mb = files_mb if files_mb is not None else ctx.files_mb
    budget = (budget_mb if budget_mb is not None else BASE_MB + MB_PER_SCALE * (ctx.scale - 1)) * 1024 * 1024
    maker = _Files(st, budget, len(items), rnd.randrange(1 << 30))
    try:
        stored_files = maker.make_all(items, lambda _n: None)
    finally:
        maker.close()
    pattern = danghao_pattern(st)
    filed_by = today - dt.timedelta(days=DRAFT_WEEKS * 7)
    numbers: dict[tuple[str, int, str, str], int] = defaultdict(int)
    final = 0
    with st.begin(SYSTEM) as s:
        for first in range(0, len(items), BATCH):
            batch = list(zip(items[first:first + BATCH], stored_files[first:first + BATCH], strict=True))
            rows = [_row(item, profile.fonds_code, rnd, today) for item, _stored in batch]
            s.add_all(rows)
            s.flush()  # the items get their ids; their files and filing go out with the next flush
            for row, (item, stored) in zip(rows, batch, strict=True):
                files = [ArchiveFile(item_id=row.id, seq=i, file_name=f.original_name[:255], sha256=f.sha256,
                                     size_bytes=f.size, format=f.format, pages=f.pages, added_at=row.created_at)
                         for i, f in enumerate(stored, start=1)]
                s.add_all(files)
                row.pages = count_pages(files)
                if item.on < filed_by:  # the archivist files weekly: only the last weeks' items are drafts
                    group = (item.category, item.on.year, item.retention, item.org)
                    numbers[group] += 1
                    row.status, row.item_number = FINAL, numbers[group]
                    row.danghao = format_number(pattern, NumberParts(profile.fonds_code, *group, numbers[group]))
                    row.finalised_at = min(row.created_at + dt.timedelta(days=rnd.randint(2, 30), hours=2),
                                           dt.datetime.combine(today, dt.time(8)))
                    row.finalised_by = "档案员"
                    final += 1
            s.flush()
    ctx.counts["archive_items"] = len(items)
    ctx.counts["archive_items_final"] = final
    ctx.counts["archive_bytes"] = sum(f.size for stored in stored_files for f in stored)
