"""``export_year`` and ``export_project``: the archive officer's handover package of a year or of a service
project's cycle (项目周期), its ``.sha256`` and the 登记表. Both go through one path, told apart by a ``Scope``.

The zip is written under a temporary name in the target folder, checked by the verifier (trusting only
the hashes it has just computed), flushed to disk and only then renamed; a cancel, an error or a
crash leaves no file under the package's name. Refuses while the year (or the project) has drafts or
unreviewed ledger entries, or a project has items dated outside its cycle, unless the archivist gives a
reason, which goes into the audit log with the export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ..attachments import FileAttachmentStore, attachment_store
from ..audit import record_event
from ..crypto import public_key_pem, signing_key
from ..durable import DurableFile, write_small_file
from ..errors import IntegrityFailure, Problem, ValidationError
from ..profile import Profile, get_profile
from ..progress import Progress, quiet
from ..reports.package import invariant_pdfs, write_registration_form
from ..roles import Actor, Permission, require
from ..scratch import scratch_folder
from ..settings import METADATA_XML, get
from ..sizes import human_size
from ..station import Station
from . import layout
from .bag import BagResult, BagWriter
from .collect import PackageFile, PreCheck, _precheck, iter_items, project_scope
from .history import record_export
from .metadata_xml import to_xml
from .payload import (
    SelfCheck,
    catalogue_files,
    handover_files,
    item_metadata_record,
    json_bytes,
    self_check_problems,
)
from .registers import sections
from .scope import Scope
from .spool import ItemSpool
from .verify import key_fingerprint, read_whole, verify_package
from .zipread import Trusted

# What the archivist may override with a reason: left out of the package, named in the audit log.
OVERRIDABLE = ("draft", "ledger", "outside")


@dataclass(frozen=True)
class ExportResult:
    identifier: str
    zip_path: Path
    sha256_path: Path
    form_path: Path
    zip_sha256: str
    tagmanifest_sha256: str
    zip_bytes: int
    items: int
    files: int
    record_bytes: int
    pages: int
    payload_files: int
    payload_bytes: int
    key_fingerprint: str
    overridden: tuple[str, ...]  # what was still open when the archivist overrode
    scope: Scope | None = None  # the year or the project's cycle the package covers


def _refuse_or_override(pre: PreCheck, reason: str | None) -> tuple[str, ...]:
    hard = [b for b in pre.blockers if b.kind not in OVERRIDABLE]
    if hard:
        raise ValidationError([Problem(b.label, b.detail) for b in hard])
    soft = [b for b in pre.blockers if b.kind in OVERRIDABLE]
    if soft and not (reason or "").strip():
        raise ValidationError([Problem(b.label, b.detail) for b in soft] + [Problem(
            "移交", f"{_open_in(pre.scope)}还有 {len(soft)} 项未处理，暂不能导出；"
                    "处理完再导出，或由档案员填写理由后强制导出")])
    return tuple(b.label for b in soft)


def _open_in(scope: Scope) -> str:
    return f"{scope.year} 年" if not scope.is_project else scope.short


def export_year(st: Station, actor: Actor, year: int, out_dir: Path, *, override_reason: str | None = None,
                progress: Progress | None = None, batch: int = 1, replace: bool = False,
                xml: bool | None = None) -> ExportResult:
    """Write ``<out_dir>/<全宗号>-<year>-YJ<batch>.zip`` with its ``.sha256`` and ``-登记表.pdf``. ``xml``: each
    item's metadata also as ``metadata.xml`` (None: as the setting ``package.metadata_xml`` says)."""
    require(actor, Permission.EXPORT_YEAR)
    return _export(st, actor, Scope.of_year(year), Path(out_dir), override_reason, progress, batch, replace,
                   _with_xml(st, xml))


def export_project(st: Station, actor: Actor, project_id: int, out_dir: Path, *, override_reason: str | None = None,
                   progress: Progress | None = None, batch: int = 1, replace: bool = False,
                   xml: bool | None = None) -> ExportResult:
    """Write ``<out_dir>/<全宗号>-XM<项目编号>-YJ<batch>.zip`` (e.g. ``Z109-XM007-YJ01``): the project's
    finalised items dated inside its cycle, with the same catalogue, handover list, registers (the
    project's ledger and volunteer service, staff and training of the cycle), ``.sha256`` and 登记表."""
    require(actor, Permission.EXPORT_YEAR)
    return _export(st, actor, project_scope(st, project_id), Path(out_dir), override_reason, progress, batch,
                   replace, _with_xml(st, xml))


def needed_bytes(pre: PreCheck) -> int:
    """What the package will take on the target, with a margin: the files, about 2 KB an item beside them
    (its metadata, catalogue rows and manifest lines), and the registers, catalogue and handover PDFs."""
    return pre.bytes + pre.items * 3072 + (8 << 20)


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _refuse_without_room(out_dir: Path, pre: PreCheck) -> None:
    """Said before writing, not a gigabyte later when the drive fills up."""
    free, need = free_bytes(out_dir), needed_bytes(pre)
    if free is not None and free < need:
        short = f"{out_dir} 所在的磁盘只剩 {human_size(free)} 可用，移交包约需 {human_size(need)}"
        raise ValidationError(Problem("目标文件夹", short + "；请换一个空间更大的U盘，或先腾出空间"))


def _with_xml(st: Station, xml: bool | None) -> bool:
    return bool(get(st, METADATA_XML)) if xml is None else xml


def _export(st: Station, actor: Actor, scope: Scope, out_dir: Path, override_reason: str | None,
            progress: Progress | None, batch: int, replace: bool, xml: bool) -> ExportResult:
    progress = progress or quiet()
    progress.report(0, 0, "正在检查本年度档案" if not scope.is_project else "正在检查本项目的档案")
    secret = st.secret()
    profile = get_profile(st)
    out_dir = Path(out_dir)
    with scratch_folder("package") as work:
        # The items are read from the database once, into the work folder, and read back by each part
        # of the package: memory stays flat however many items the year holds.
        spool = ItemSpool(work / "items")
        pre = _precheck(st, scope, spool.filled_from(iter_items(st, scope)))
        overridden = _refuse_or_override(pre, override_reason)
        fonds = spool.first.fonds if spool.first else profile.fonds_code
        name = (layout.project_package_name(fonds, scope.project_id or 0, batch) if scope.is_project
                else layout.package_name(fonds, scope.year or 0, batch))
        if not out_dir.is_dir():
            raise ValidationError(Problem("目标文件夹", f"{out_dir} 不存在或不是文件夹"))
        zip_path = out_dir / f"{name}.zip"
        sidecar = out_dir / f"{name}.zip.sha256"
        form = out_dir / layout.form_name(name)
        if zip_path.exists() and not replace:
            raise ValidationError(Problem("目标文件夹", f"{zip_path.name} 已经存在；请换一个文件夹，或确认覆盖"))
        _refuse_without_room(out_dir, pre)
        now = st.clock.now()
        tmp = out_dir / f".{name}.zip.part"
        tmp.unlink(missing_ok=True)  # left by an export that was killed
        try:
            bag, entries = _write_package(st, actor, scope, spool, pre, work, tmp, name, now, secret, progress, xml,
                                          fonds)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    try:
        progress.report(pre.bytes, pre.bytes, "正在自检移交包")
        report = verify_package(tmp, public_key=public_key_pem(secret), trusted=_HandOver(name, entries),
                                now=lambda: now)
        del entries
        problems = [f"检查 {c.number}：{f}" for c in report.checks if not c.passed for f in c.failures]
        if problems:
            raise IntegrityFailure("移交包自检未通过，没有生成：" + "；".join(problems[:5]))
        if replace:
            for stale in (sidecar, form):
                stale.unlink(missing_ok=True)
        os.replace(tmp, zip_path)
    finally:
        tmp.unlink(missing_ok=True)
    write_small_file(sidecar, f"{bag.zip_sha256}  {zip_path.name}\n".encode())
    fingerprint = key_fingerprint(public_key_pem(secret))
    from ..reports.package import group_row

    write_registration_form(
        form, station=profile.name, recipient=_recipient(profile.subdistrict), fonds=fonds, scope=scope,
        identifier=name, zip_name=zip_path.name, zip_bytes=zip_path.stat().st_size, zip_sha256=bag.zip_sha256,
        tagmanifest_sha256=bag.tagmanifest_sha256, items=pre.items, files=pre.files, record_bytes=pre.bytes,
        pages=pre.pages, key_fingerprint=fingerprint, exported_at=now, exported_by=actor.display_name,
        group_rows=[group_row(g.category, g.category_name, g.retention, g.first_number, g.last_number, g.items, g.files,
                              g.pages, g.bytes, g.year, g.org) for g in pre.groups])
    what = (f"导出 {scope.year} 年度移交包" if not scope.is_project
            else f"导出{scope.short}（{scope.period_text}）移交包")
    summary = f"{what} {zip_path.name}：{pre.items} 件，SHA-256 {bag.zip_sha256[:16]}…"
    if overridden:
        summary += f"；强制导出，理由：{(override_reason or '').strip()}；未处理：{'、'.join(overridden[:20])}"
    with st.begin(actor) as s:
        record_event(s, "export_year", summary, table="archive_item" if not scope.is_project else "project",
                     record_id=str(scope.year) if not scope.is_project else str(scope.project_id))
        record_export(s, name=name, scope=scope, zip_path=zip_path, zip_sha256=bag.zip_sha256,
                      tagmanifest_sha256=bag.tagmanifest_sha256, zip_bytes=zip_path.stat().st_size, items=pre.items,
                      files=pre.files, record_bytes=pre.bytes, exported_at=now, exported_by=actor.display_name,
                      override_reason=(override_reason or "").strip() if overridden else "")
    return ExportResult(name, zip_path, sidecar, form, bag.zip_sha256, bag.tagmanifest_sha256, zip_path.stat().st_size,
                        pre.items, pre.files, pre.bytes, pre.pages, bag.payload_files, bag.payload_bytes, fingerprint,
                        overridden, scope)


def _recipient(subdistrict: str) -> str:
    return subdistrict if subdistrict.endswith(("办事处", "政府", "档案室")) else f"{subdistrict}办事处"


class _HandOver(Mapping[str, Trusted]):
    """The members the exporter has just written, handed to its self-check each once: the verifier looks
    every member up once, so taking it out as it is looked up leaves the verifier the only holder of what
    it describes. A second look-up finds nothing and reads the member from the zip: slower, never wrong.

    Held by the path inside the bag (``data/…``), the very strings the bag writer keeps for its manifest,
    and looked up by the member's name in the zip (``<top>/data/…``)."""

    def __init__(self, top: str, entries: dict[str, Trusted]) -> None:
        self._top = f"{top}/"
        self._entries = entries

    def _rel(self, name: object) -> str | None:
        return name[len(self._top):] if isinstance(name, str) and name.startswith(self._top) else None

    def __getitem__(self, name: str) -> Trusted:
        rel = self._rel(name)
        if rel is None:
            raise KeyError(name)
        return self._entries.pop(rel)

    def __iter__(self) -> Iterator[str]:
        return iter([self._top + rel for rel in self._entries])

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        rel = self._rel(name)
        return rel is not None and rel in self._entries

    def get(self, name: str, default: Trusted | None = None) -> Trusted | None:  # type: ignore[override]
        rel = self._rel(name)
        return default if rel is None else self._entries.pop(rel, default)


def _write_package(st: Station, actor: Actor, scope: Scope, items: ItemSpool, pre: PreCheck, work: Path,
                   tmp: Path, name: str, now: dt.datetime, secret: bytes, progress: Progress, xml: bool, fonds: str
                   ) -> tuple[BagResult, dict[str, Trusted]]:
    profile = get_profile(st)
    store = attachment_store(st)
    total = max(pre.bytes, 1)
    done = [0]

    def on_bytes(n: int) -> None:
        done[0] += n
        progress.report(done[0], total, "正在写入档案文件")

    def generate() -> tuple[list[tuple[str, Path]], list[tuple[str, Path]]]:
        with invariant_pdfs():
            generated = catalogue_files(work, profile.name, scope, pre.pattern, items, now.date())
            register_files: list[tuple[str, Path]] = []
            listed: list[tuple[str, list[str]]] = []
            for section in sections():
                progress.check()
                folder = work / "registers" / section.key
                folder.mkdir(parents=True)
                written = [(f"{layout.REGISTERS}{section.key}/{p.name}", p)
                           for p in section.write(st, actor, scope, folder)]
                register_files += written
                listed.append((section.title_for(scope), [rel for rel, _p in written]))
            generated += handover_files(work, profile.name, _recipient(profile.subdistrict), scope, name, pre, listed,
                                        now.date())
        return generated, register_files

    progress.report(0, total, "正在写入档案文件")
    # The catalogue and registers are drawn (Python, one core) while the files stream into the zip
    # (reading and hashing release the GIL): the two overlap instead of adding up.
    with ThreadPoolExecutor(1, thread_name_prefix="package-papers") as papers:
        pending = papers.submit(generate)
        try:
            return _stream(items, pre, tmp, name, now, secret, profile, actor, scope, store, on_bytes, progress,
                           pending, xml, fonds)
        finally:
            pending.cancel()
            with contextlib.suppress(BaseException):
                pending.result()  # let it finish before its folder is removed


# Streamed files' hashes are collected every so many files: what waits for them stays small, and the
# hashing lane is drained rarely enough that no core idles for it.
SETTLE_EVERY = 256


def _stream(items: ItemSpool, pre: PreCheck, tmp: Path, name: str, now: dt.datetime, secret: bytes,
            profile: Profile, actor: Actor, scope: Scope, store: FileAttachmentStore, on_bytes: Callable[[int], None],
            progress: Progress, papers: Future[tuple[list[tuple[str, Path]], list[tuple[str, Path]]]], xml: bool,
            fonds: str) -> tuple[BagResult, dict[str, Trusted]]:
    entries: dict[str, Trusted] = {}
    failures: list[str] = []
    check = SelfCheck(pre, scope)

    def add_bytes(rel: str, data: bytes, *, item: bool = False) -> None:
        """The member's hash goes to the self-check, with the bytes it reads whole; an item's metadata goes
        as it lies in the zip (deflated, a third of the size), for the self-check to inflate when it comes
        to the item."""
        entry = writer.add_bytes(rel, data)
        keep = not item and read_whole(rel, stored=entry.method == 0)
        entries[rel] = Trusted(entry.sha256, entry.head, data if keep else None, entry.body if item else None)

    expected: dict[str, tuple[str, bytes, str, PackageFile]] = {}

    def settle() -> None:
        for settled, sha256 in writer.settle().items():
            rel, head, danghao, f = expected.pop(settled)
            entries[rel] = Trusted(sha256, head)
            if sha256 != f.sha256:
                failures.append(f"{danghao} 的文件 {f.original_name}")

    with DurableFile(tmp, background=True) as fh:  # on the disk when the block ends, not only in the cache
        writer = BagWriter(fh, name, now)
        try:
            for item in items:
                check.add(item)
                record = layout.record_folder(item.category, item.retention, item.danghao)
                meta = item_metadata_record(item, pre.pattern)
                add_bytes(record + layout.METADATA, json_bytes(meta), item=True)
                if xml:
                    add_bytes(record + layout.METADATA_XML, to_xml(meta), item=True)
                for f in item.files:
                    rel = record + layout.record_file_name(item.danghao, f.seq, f.format)
                    entry = writer.add_file(rel, store.path_for(f.sha256, f.format), on_bytes)
                    expected[rel] = (rel, entry.head, item.danghao, f)
                if len(expected) >= SETTLE_EVERY:
                    settle()
            settle()
            if failures:
                raise IntegrityFailure("附件库中的文件与归档时登记的哈希不一致（文件被改动或损坏），没有生成移交包："
                                       + "、".join(failures[:10]))
            progress.report(pre.bytes, pre.bytes, "正在生成目录、移交清单和登记簿")
            generated, register_files = papers.result()
            # Streamed like the archived files (the catalogue of a large year runs to tens of megabytes);
            # the self-check reads them back from the zip.
            for rel, path in [*generated, *register_files]:
                writer.add_file(rel, path)
            result = check.result()
            bad = self_check_problems(result)
            if bad:
                raise ValidationError([Problem("自检", text) for text in bad])
            add_bytes(layout.SELF_CHECK, result)
            progress.check()
            key = signing_key(secret)
            bag = writer.finish(_bag_info(profile, actor, scope, name, now, fonds, pre.items), key.sign,
                                public_key_pem(secret))
        except BaseException:
            writer.abort()
            raise
    return bag, entries


def _bag_info(p: Profile, actor: Actor, scope: Scope, name: str, now: dt.datetime, fonds: str, items: int
              ) -> dict[str, str]:
    description = (f"{p.name} {scope.year} 年度档案移交包" if not scope.is_project
                   else f"{p.name} 服务项目「{scope.project_name}」（{scope.period_text}）档案移交包")
    info = {
        "Source-Organization": p.name,
        "Contact-Name": p.responsible_person or actor.display_name,
        "Contact-Phone": p.contact_phone,
        "External-Description": description,
        "Bagging-Date": now.date().isoformat(),
        "External-Identifier": name,
        "Bag-Count": "1 of 1",
        "BagIt-Profile-Identifier": layout.PROFILE_ID,
        "Fonds-Number": fonds,
        # A project package: the archival years its cycle spans (2023-2025); its scope follows below.
        "Archival-Year": scope.archival_years,
        "Recipient-Organization": _recipient(p.subdistrict),
        "Item-Count": str(items),
        # RFC 8493's reserved label: which program (and version) made the bag.
        "Bag-Software-Agent": f"sgz-desktop {__version__}",
        layout.PACKAGE_SCOPE: scope.kind,
    }
    if scope.is_project:
        info |= {layout.PROJECT_IDENTIFIER: str(scope.project_id), layout.PROJECT_NAME: scope.project_name,
                 layout.PROJECT_PERIOD: scope.period}
    return info
