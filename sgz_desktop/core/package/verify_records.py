"""The verifier's checks on what the package holds: the archive items' metadata (4, 9), their files
(5, 10), the counts across catalogue, handover list, bag-info and form (8), whether everything opens
(11) and whether anything is active or executable (14).

A project package (bag-info ``Package-Scope: project``) holds the project's items from several years and
groups: check 4 asks for dates inside ``Project-Period`` instead of the archival year, and check 9 asks
for unique 件号 (a selection cannot run 0001…n)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from . import layout
from .content import SCRIPT_EXTENSIONS, detect_format, executable_kind, inspect_pdf, office_macros
from .metadata_xml import XmlRefused, differences, from_xml
from .report import Findings
from .zipread import Member, MemberSlice, reread

if TYPE_CHECKING:
    from .verify import Bag

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_NOTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # 备注 may hold line breaks
# In JSON text a control character in a string can only be written escaped (or, for DEL, raw); an escaped
# backslash is matched first so that "\\n" (a backslash and an n) is not taken for one.
_JSON_CONTROL = re.compile(r'\\\\|\\(?:[nrtbf]|u00[01][0-9a-fA-F]|u007[fF])|\x7f')
_ALLOWED_OTHER = (".json", ".csv", ".pdf", ".xml", ".txt")


@dataclass
class Item:
    """One archive item while it is checked; only ``Seen`` outlives it."""

    folder: str  # data/records/WS/Y/<档号>/
    meta: dict[str, Any]

    @property
    def danghao(self) -> str:
        return str(self.meta.get("档号", ""))

    @property
    def files(self) -> list[dict[str, Any]]:
        files = self.meta.get("文件")
        return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []


@dataclass
class Seen:
    """What the checks across items need, a few small values per item: a year of tens of thousands of
    items is checked one item at a time, with memory flat."""

    items: int = 0
    danghao: dict[str, str] = field(default_factory=dict)  # 档号 → folder (duplicates)
    numbers: dict[tuple[str, ...], list[int]] = field(default_factory=lambda: defaultdict(list))  # 件号 per group
    folders: set[str] = field(default_factory=set)
    twins: int = 0  # items with a metadata.xml


@dataclass
class Claims:
    """What the catalogue, handover list and bag-info say about the package as a whole (check 8)."""

    pattern: str = ""  # the catalogue's 档号格式
    catalogue_entries: int | None = None
    catalogue_items: int | None = None
    catalogue_bytes: int | None = None
    catalogue_json: bool = False
    csv_rows: int | None = None
    handover_items: int | None = None
    handover_bytes: int | None = None
    handover: bool = False


class ItemBytes:
    """The items' metadata.json and metadata.xml: handed over by the exporter's own check, or read again
    from the zip as each item is checked (the pass keeps none of them)."""

    def __init__(self, bag: Bag) -> None:
        self._bag = bag
        self._zip: IO[bytes] | None = None

    def __call__(self, m: Member) -> bytes | None:
        data, m.kept = m.kept, None
        if data is not None or not m.read:
            return data
        if self._zip is None:
            self._zip = self._bag.zip_path.open("rb")
        return reread(self._zip, m)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


@dataclass
class Context:
    year: str
    pattern: str
    project: bool
    period: tuple[dt.date, dt.date] | None
    pdf_pages: dict[str, int]
    by_folder: dict[str, list[str]]
    trusted: bool
    read: ItemBytes


def check_records(bag: Bag, found: Findings, *, trusted: bool) -> None:
    claims = _parse_texts(bag, found)
    pdf_pages = _inspect_pdfs(bag, found, trusted)
    project = bag.info_value(layout.PACKAGE_SCOPE) == layout.SCOPE_PROJECT
    period = layout.parse_period(bag.info_value(layout.PROJECT_PERIOD)) if project else None
    if project and period is None:
        found.fail(4, f"bag-info.txt 中的 {layout.PROJECT_PERIOD} 缺失或格式不对"
                      f"（{bag.info_value(layout.PROJECT_PERIOD) or '空'}，应为 开始日期/结束日期）")
    if project and period is not None:
        found.note(4, f"项目移交包：按项目周期 {period[0].isoformat()} 至 {period[1].isoformat()} 核对档案日期")
    by_folder: dict[str, list[str]] = defaultdict(list)
    for rel in bag.payload:
        by_folder[rel.rsplit("/", 1)[0] + "/"].append(rel)
    context = Context(bag.info_value("Archival-Year"), claims.pattern, project, period, pdf_pages, by_folder,
                      trusted, ItemBytes(bag))
    seen = Seen()
    try:
        for item in _items(bag, found, context.read):
            _check_item(bag, item, found, context, seen)
    finally:
        context.read.close()
    _check_lone_xml(bag, found, seen)
    if seen.twins:
        found.note(4, f"{seen.twins} 件附有 XML 元数据（metadata.xml），已与 JSON 逐项核对")
    _check_counts(bag, seen, found, claims)
    _check_numbers(seen, found, selection=project)
    _check_formats(bag, found)
    _check_active(bag, found)


def _parse_texts(bag: Bag, found: Findings) -> Claims:
    """Every JSON and CSV in the payload but the items' metadata (read item by item later) parsed (check 11);
    of the catalogue and handover list only the figures check 8 compares are kept."""
    claims = Claims()
    for rel, m in bag.members.items():
        lower = rel.lower()
        if m.is_dir or not lower.endswith((".json", ".csv", ".txt")) or _is_item_metadata(rel):
            continue
        if m.kept is None:
            if m.read or m.error:
                found.fail(11, f"{rel} 过大或无法读取，未能解析")
            continue
        text = _decode(rel, m.kept, found)
        if text is None:
            continue
        if rel in (layout.CATALOGUE_JSON, layout.HANDOVER_JSON):
            value = _json(rel, text, found, _Outline(rel, found, _has_control(text)))
            if value is not None:
                _claim(claims, rel, value)
        elif lower.endswith(".json"):
            _json(rel, text, found)
        elif lower.endswith(".csv"):
            try:
                rows = sum(1 for row in csv.reader(io.StringIO(text, newline="")) if row)
            except csv.Error as exc:
                found.fail(11, f"{rel} 不是有效的 CSV（{exc}）")
                continue
            if rel == layout.CATALOGUE_CSV:
                claims.csv_rows = max(rows - 1, 0)
    return claims


def _is_item_metadata(rel: str) -> bool:
    return rel.startswith(layout.RECORDS) and rel.endswith("/" + layout.METADATA)


def _decode(rel: str, data: bytes, found: Findings) -> str | None:
    try:
        return data.decode("utf-8-sig" if rel.lower().endswith(".csv") else "utf-8")
    except UnicodeDecodeError:
        found.fail(11, f"{rel} 不是 UTF-8 编码")
        return None


class _Outline:
    """A JSON parse hook for the catalogue and handover list, whose entries run to tens of thousands: each
    object's strings are looked at for control characters (when the text may hold any) and only the
    objects carrying totals are kept, the entries becoming None (counted, not held)."""

    def __init__(self, rel: str, found: Findings, control: bool) -> None:
        self.rel, self.found, self.control = rel, found, control

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any] | None:
        if self.control:
            for key, value in pairs:
                for text in (value if isinstance(value, list) else [value]):
                    if isinstance(text, str):
                        _control_chars(text, self.rel, self.found, key)
        keys = {key for key, _value in pairs}
        return dict(pairs) if keys & {"条目", "件数", "字节数"} else None


def _json(rel: str, text: str, found: Findings, hook: _Outline | None = None) -> Any:
    try:
        return json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        found.fail(11, f"{rel} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）")
        return None


def _has_control(text: str) -> bool:
    """Whether a JSON text may hold a control character in a value (then the values are looked at)."""
    return any(c.group() != "\\\\" for c in _JSON_CONTROL.finditer(text))


def _claim(claims: Claims, rel: str, value: Any) -> None:
    if not isinstance(value, dict):
        return
    if rel == layout.CATALOGUE_JSON:
        entries = value.get("条目")
        claims.catalogue_json = True
        claims.pattern = str(value.get("档号格式", ""))
        claims.catalogue_entries = len(entries) if isinstance(entries, list) else None
        claims.catalogue_items, claims.catalogue_bytes = _int(value.get("件数")), _int(value.get("字节数"))
    else:
        claims.handover = True
        claims.handover_items, claims.handover_bytes = _int(value.get("件数")), _int(value.get("字节数"))


def _inspect_pdfs(bag: Bag, found: Findings, trusted: bool) -> dict[str, int]:
    """Open every PDF in the payload (check 11); pages by name; active content noted for check 14."""
    pages: dict[str, int] = {}
    with bag.zip_path.open("rb") as zf:
        for rel, m in bag.payload.items():
            if not m.head.startswith(b"%PDF-") or not m.read:
                continue
            if m.pdf is None and trusted:
                continue  # the exporter's own check: pages and content were checked when the file was added
            if m.method == 0:
                # pypdf reads a byte at a time: a buffer in front of the slice saves a million small reads.
                stream: IO[bytes] = io.BufferedReader(MemberSlice(zf, m.data_offset, m.size), buffer_size=16 * 1024)
            elif m.kept is not None:
                stream = io.BytesIO(m.kept)
            else:
                found.fail(11, f"{rel}：PDF 以压缩方式存放且过大，无法检查")
                continue
            facts = inspect_pdf(stream, deep=bool(m.pdf and m.pdf.object_streams),
                                found=m.pdf.found if m.pdf else None, size=m.size)
            if facts.encrypted:
                found.fail(11, f"{rel}：PDF 设有密码，无法直接打开")
            elif facts.error:
                found.fail(11, f"{rel}：{facts.error}")
            if facts.pages is not None:
                pages[rel] = facts.pages
            for what in facts.active:
                found.fail(14, f"{rel}：PDF 中含有{what}")
    return pages


def _items(bag: Bag, found: Findings, read: ItemBytes) -> Iterator[Item]:
    """The items one at a time, each metadata.json parsed as it comes and its bytes then let go."""
    for rel in sorted(rel for rel in bag.payload if _is_item_metadata(rel)):
        m = bag.payload[rel]
        data = read(m)
        if data is None:
            if m.read or m.error:
                found.fail(11, f"{rel} 过大或无法读取，或在校验过程中被改动，未能解析")
            continue
        text = _decode(rel, data, found)
        meta = _json(rel, text, found) if text is not None else None
        if meta is None:
            continue
        if not isinstance(meta, dict):
            found.fail(4, f"{rel} 不是一个 JSON 对象")
            continue
        item = Item(rel[: -len(layout.METADATA)], meta)
        if _has_control(text or ""):
            _control_chars(meta, item.folder, found)
        yield item


def _check_item(bag: Bag, item: Item, found: Findings, context: Context, seen: Seen) -> None:
    seen.items += 1
    seen.folders.add(item.folder)
    _check_metadata(item, found, context)
    _check_danghao(item, found, str(item.meta.get("档号格式") or context.pattern), seen.danghao)
    seen.twins += _check_xml_twin(bag, item, found, context.read)
    _check_files(bag, item, found, context)
    m = item.meta
    number = m.get("件号")
    if not isinstance(number, int) or number < 1:
        found.fail(9, f"{item.danghao}：件号「{number}」无效")
    else:
        group = (str(m.get("门类")), str(m.get("年度")), str(m.get("保管期限")), str(m.get("机构")))
        seen.numbers[group].append(number)


def _control_chars(value: Any, where: str, found: Findings, key: str = "") -> None:
    if isinstance(value, str):
        rule = _CONTROL_NOTES if key == "备注" else _CONTROL
        if rule.search(value):
            found.fail(4, f"{where}：「{key or '值'}」中有控制字符")
    elif isinstance(value, dict):
        for k, v in value.items():
            _control_chars(v, where, found, str(k))
    elif isinstance(value, list):
        for v in value:
            _control_chars(v, where, found, key)


def _check_metadata(item: Item, found: Findings, context: Context) -> None:
    meta, where, year, period = item.meta, item.folder, context.year, context.period
    if meta.get("保管期限") not in layout.RETENTIONS:
        found.fail(4, f"{where}：保管期限「{meta.get('保管期限')}」不在 Y、D30、D10 之中")
    if meta.get("密级") not in layout.CLASSIFICATIONS:
        found.fail(4, f"{where}：密级「{meta.get('密级')}」不是已知的密级")
    if not context.project and str(meta.get("年度")) != year:
        found.fail(4, f"{where}：年度「{meta.get('年度')}」与移交包的年度 {year} 不一致")
    try:
        day = dt.date.fromisoformat(str(meta.get("日期")))
        if not context.project and str(day.year) != year:
            found.fail(4, f"{where}：日期 {day.isoformat()} 不在档案年度 {year} 内")
        elif period is not None and not period[0] <= day <= period[1]:
            found.fail(4, f"{where}：日期 {day.isoformat()} 不在项目周期 {period[0].isoformat()} 至 "
                          f"{period[1].isoformat()} 内")
    except ValueError:
        found.fail(4, f"{where}：日期「{meta.get('日期')}」不是有效日期（应为 YYYY-MM-DD）")


def _check_xml_twin(bag: Bag, item: Item, found: Findings, read: ItemBytes) -> bool:
    """An item's optional metadata.xml must be safe to read (11) and say what its metadata.json says (4).
    True when the item has one."""
    rel = item.folder + layout.METADATA_XML
    m = bag.payload.get(rel)
    if m is None:
        return False
    data = read(m)
    if data is None:
        found.fail(11, f"{rel} 过大或无法读取，或在校验过程中被改动，未能检查")
        return True
    try:
        record = from_xml(data)
    except XmlRefused as exc:
        found.fail(11, f"{rel}：{exc}")
        return True
    differ = differences(item.meta, record)
    if differ:
        found.fail(4, f"{rel} 与 metadata.json 不一致（{'、'.join(differ[:5])}）")
    return True


def _check_lone_xml(bag: Bag, found: Findings, seen: Seen) -> None:
    for rel in bag.payload:
        if rel.startswith(layout.RECORDS) and rel.endswith("/" + layout.METADATA_XML) \
                and rel[: -len(layout.METADATA_XML)] not in seen.folders:
            found.fail(4, f"{rel}：同一文件夹中没有 metadata.json 与之对应")


def _check_danghao(item: Item, found: Findings, pattern: str, seen: dict[str, str]) -> None:
    meta, where, danghao = item.meta, item.folder, item.danghao
    regex = layout.danghao_regex(pattern)
    if regex is None:
        found.fail(4, f"{where}：档号格式「{pattern[:60]}」无法使用")
        return
    if not regex.fullmatch(danghao):
        found.fail(4, f"{where}：档号「{danghao}」不符合档号格式 {pattern}")
    try:
        parts = layout.DanghaoParts(str(meta.get("全宗号", "")), str(meta.get("门类", "")), int(meta.get("年度", 0)),
                                    str(meta.get("保管期限", "")), str(meta.get("机构", "")), int(meta.get("件号", 0)))
        composed = layout.format_danghao(pattern, parts)
    except (TypeError, ValueError):
        found.fail(4, f"{where}：档号的组成部分（全宗号、门类、年度、保管期限、机构、件号）不完整")
        return
    if composed != danghao:
        found.fail(4, f"{where}：档号「{danghao}」与其组成部分不一致（应为 {composed}）")
    expected = layout.record_folder(parts.category, parts.retention, danghao)
    if item.folder != expected:
        found.fail(4, f"{where}：文件夹应为 {expected}")
    if danghao in seen:
        found.fail(4, f"档号「{danghao}」重复：{seen[danghao]} 与 {where}")
    seen.setdefault(danghao, where)


def _check_files(bag: Bag, item: Item, found: Findings, context: Context) -> None:
    payload = bag.payload
    files = item.files
    listed = {item.folder + layout.METADATA, item.folder + layout.METADATA_XML}
    if not files:
        found.fail(10, f"{item.danghao or item.folder}：没有任何文件")
    pages_total = 0
    for f in files:
        rel = item.folder + str(f.get("文件名", ""))
        listed.add(rel)
        m = payload.get(rel)
        recorded_pages = f.get("页数")
        pages_total += recorded_pages if isinstance(recorded_pages, int) and recorded_pages > 0 else 1
        if m is None:
            found.fail(5, f"{rel}：元数据记录了这个文件，但包中没有")
            continue
        if f.get("字节数") != m.size:
            found.fail(5, f"{rel}：记录的大小 {f.get('字节数')} 字节，实际 {m.size} 字节")
        if m.read and f.get("sha256") != m.sha256:
            found.fail(5, f"{rel}：记录的 SHA-256 与实际文件不一致")
        real_format = detect_format(m.head)
        if f.get("格式") != real_format:
            found.fail(5, f"{rel}：记录的格式为 {f.get('格式')}，按文件内容判断为 {real_format or '未知格式'}")
        pages = context.pdf_pages.get(rel)
        if real_format == "pdf" and pages is not None and pages != recorded_pages:
            found.fail(10, f"{rel}：记录 {recorded_pages} 页，实际 {pages} 页")
    if item.meta.get("页数") != pages_total:
        found.fail(10, f"{item.danghao}：记录页数 {item.meta.get('页数')}，按文件计为 {pages_total}")
    for rel in context.by_folder.get(item.folder, ()):
        if rel not in listed:
            found.fail(15, f"{rel}：档案文件夹中有元数据未记录的文件")


def _int(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.replace(",", "").isdigit():
        return int(value.replace(",", ""))
    return None


def _check_counts(bag: Bag, seen: Seen, found: Findings, given: Claims) -> None:
    real_items = seen.items
    real_bytes = sum(m.size for rel, m in bag.payload.items()
                     if rel.startswith(layout.RECORDS) and not rel.endswith(layout.METADATA_SUFFIXES))
    claims: list[tuple[str, int | None, int | None]] = []
    if given.catalogue_json:
        claims.append(("目录 catalogue.json 的条目", given.catalogue_entries, None))
        claims.append(("目录 catalogue.json", given.catalogue_items, given.catalogue_bytes))
    else:
        found.fail(8, f"缺少或无法读取 {layout.CATALOGUE_JSON}")
    if given.csv_rows is not None:
        claims.append(("目录 catalogue.csv 的行", given.csv_rows, None))
    else:
        found.fail(8, f"缺少或无法读取 {layout.CATALOGUE_CSV}")
    if given.handover:
        claims.append(("移交清单", given.handover_items, given.handover_bytes))
    else:
        found.fail(8, f"缺少或无法读取 {layout.HANDOVER_JSON}")
    claims.append(("bag-info.txt 的 Item-Count", _int(bag.info_value("Item-Count")), None))
    if bag.form is not None:
        claims.append(("登记表", bag.form.items, bag.form.bytes))
    for where, count, size in claims:
        if count != real_items:
            found.fail(8, f"{where}记为 {count if count is not None else '（无）'} 件，包中实有 {real_items} 件")
        if size is not None and size != real_bytes:
            found.fail(8, f"{where}记为 {size:,} 字节，包中档案文件实有 {real_bytes:,} 字节")


def _check_numbers(seen: Seen, found: Findings, *, selection: bool = False) -> None:
    """0001…n without gaps or repeats; a project package (``selection``) holds some items of each group, so
    its 件号 need only be unique."""
    if selection:
        found.note(9, "项目移交包是各（门类、年度、期限、机构）中属于本项目的档案选取：只核对件号不重复，不要求连续")
    for group, numbers in sorted(seen.numbers.items()):
        label = "·".join(group)
        counts: dict[int, int] = defaultdict(int)
        for n in numbers:
            counts[n] += 1
        for n, c in sorted(counts.items()):
            if c > 1:
                found.fail(9, f"{label}：件号 {n:04d} 重复 {c} 次")
        if selection:
            continue
        missing = [n for n in range(1, max(numbers) + 1) if n not in counts]
        if missing:
            shown = "、".join(f"{n:04d}" for n in missing[:20]) + ("……" if len(missing) > 20 else "")
            found.fail(9, f"{label}：件号不连续，缺 {shown}（共 {len(missing)} 个）")


def _check_formats(bag: Bag, found: Findings) -> None:
    for rel, m in bag.payload.items():
        if not m.read:
            continue
        fmt = detect_format(m.head)
        if rel.startswith(layout.RECORDS) and not rel.endswith(layout.METADATA_SUFFIXES):
            if fmt not in layout.RECORD_FORMATS:
                found.fail(11, f"{rel}：档案文件只允许 PDF、JPEG、PNG、TIFF，这个文件是 {fmt or '未知格式'}")
            continue
        if not rel.lower().endswith(_ALLOWED_OTHER):
            found.fail(11, f"{rel}：不允许的文件类型")
        elif rel.lower().endswith(".pdf") and fmt != "pdf":
            found.fail(11, f"{rel}：扩展名是 .pdf，内容却不是 PDF")


def _check_active(bag: Bag, found: Findings) -> None:
    for m in bag.directory.members:
        if m.is_dir:
            continue
        kind = executable_kind(m.head)
        if kind:
            found.fail(14, f"{m.name}：这是{kind}")
        elif m.name.lower().endswith(SCRIPT_EXTENSIONS):
            found.fail(14, f"{m.name}：可执行程序或脚本类型的文件")
        fmt = detect_format(m.head)
        if fmt == "zip" and m.kept is not None and office_macros(m.kept):
            found.fail(14, f"{m.name}：Office 文档中含有宏")
        elif fmt == "ole":
            found.fail(14, f"{m.name}：旧版 Office 文档（可能含宏），不允许")
