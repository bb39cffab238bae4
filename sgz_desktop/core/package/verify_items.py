"""The verifier's checks on each archive item (4, 5, 9, 10), one item at a time: its metadata.json is
read (again, from the zip: the pass keeps none), parsed, checked against its files and the package, and
let go; only each item's 档号, 件号 and folder outlive its check (a few hundred bytes, where its parsed
metadata takes kilobytes). The optional metadata.xml is held to the JSON field by field.

A project package holds the project's items from several years and groups: dates must lie inside
``Project-Period`` instead of the archival year, and 件号 need only be unique (a selection cannot run
0001…n)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import layout
from .content import detect_format
from .members import Member
from .metadata_xml import XmlRefused, differences, from_xml
from .report import Findings
from .zipread import MAX_ENTRIES, ZipBytes, reread

if TYPE_CHECKING:
    from .verify import Bag, SortedFiles

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_NOTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # 备注 may hold line breaks
# In JSON text a control character in a string can only be written escaped (or, for DEL, raw); an escaped
# backslash is matched first so that "\\n" (a backslash and an n) is not taken for one.
_JSON_CONTROL = re.compile(r'\\\\|\\(?:[nrtbf]|u00[01][0-9a-fA-F]|u007[fF])|\x7f')


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
    """What the checks across items need: a few small values per item."""

    items: int = 0
    danghao: dict[str, str] = field(default_factory=dict)  # 档号 → folder (duplicates)
    numbers: dict[tuple[str, ...], list[int]] = field(default_factory=lambda: defaultdict(list))  # 件号 per group
    folders: set[str] = field(default_factory=set)
    twins: int = 0  # items with a metadata.xml


class ItemBytes:
    """The items' metadata.json and metadata.xml: handed over by the exporter's own check, or read again
    from the zip as each item is checked (the pass keeps none of them)."""

    def __init__(self, bag: Bag) -> None:
        self._bag = bag
        self._zip: ZipBytes | None = None

    def __call__(self, m: Member) -> bytes | None:
        data, m.kept = m.kept, None
        if data is not None or not m.read:
            return data
        if self._zip is None:
            self._zip = ZipBytes(self._bag.zip_path)
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
    payload: SortedFiles  # a folder's files lie together
    read: ItemBytes


def check_items(bag: Bag, found: Findings, *, year: str, pattern: str, project: bool,
                period: tuple[dt.date, dt.date] | None, pdf_pages: dict[str, int]) -> Seen:
    """Checks 4, 5, 9 and 10 item by item; returns what the checks across the package need (check 8)."""
    context = Context(year, pattern, project, period, pdf_pages, bag.payload.in_order(), ItemBytes(bag))
    seen = Seen()
    try:
        for item in _items(found, context):
            _check_item(bag, item, found, context, seen)
    finally:
        context.read.close()
    _check_lone_xml(bag, found, seen)
    if seen.twins:
        found.note(4, f"{seen.twins} 件附有 XML 元数据（metadata.xml），已与 JSON 逐项核对")
    _check_numbers(seen, found, selection=project)
    return seen


def is_item_metadata(rel: str) -> bool:
    return rel.startswith(layout.RECORDS) and rel.endswith("/" + layout.METADATA)


def decode_text(rel: str, data: bytes, found: Findings) -> str | None:
    try:
        return data.decode("utf-8-sig" if rel.lower().endswith(".csv") else "utf-8")
    except UnicodeDecodeError:
        found.fail(11, f"{rel} 不是 UTF-8 编码")
        return None


def parse_json(rel: str, text: str, found: Findings, hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Any:
    try:
        return json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        found.fail(11, f"{rel} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）")
        return None
    except RecursionError:  # "[[[[…" nested past any real record: a hostile file, not a crash
        found.fail(11, f"{rel} 的 JSON 嵌套层数过深，无法读取")
        return None


def has_control(text: str) -> bool:
    """Whether a JSON text may hold a control character in a value (then the values are looked at)."""
    if "\\" not in text and "\x7f" not in text:  # the usual case: no escape at all
        return False
    return any(c.group() != "\\\\" for c in _JSON_CONTROL.finditer(text))


_MAY_CONTROL = re.compile(r"\\(?:[nrtbf]|u00[01]|u007)|\x7f")


def may_control(text: str) -> bool:
    """``has_control`` for a piece of a text: without the pairing of escaped backslashes, which a piece
    may cut, so it may say yes where there is none (the values are then looked at), never no where there is."""
    return ("\\" in text or "\x7f" in text) and _MAY_CONTROL.search(text) is not None


def control_chars(value: Any, where: str, found: Findings, key: str = "") -> None:
    if isinstance(value, str):
        rule = _CONTROL_NOTES if key == "备注" else _CONTROL
        if rule.search(value):
            found.fail(4, f"{where}：「{key or '值'}」中有控制字符")
    elif isinstance(value, dict):
        for k, v in value.items():
            control_chars(v, where, found, str(k))
    elif isinstance(value, list):
        for v in value:
            control_chars(v, where, found, key)


def _items(found: Findings, context: Context) -> Iterator[Item]:
    """The items one at a time, in the order of their paths, each metadata.json parsed as it comes and its bytes
    then let go."""
    for rel, m in context.payload.items():
        if not is_item_metadata(rel):
            continue
        data = context.read(m)
        if data is None:
            if m.read or m.error:
                found.fail(11, f"{rel} 过大或无法读取，或在校验过程中被改动，未能解析")
            continue
        text = decode_text(rel, data, found)
        meta = parse_json(rel, text, found) if text is not None else None
        if meta is None:
            continue
        if not isinstance(meta, dict):
            found.fail(4, f"{rel} 不是一个 JSON 对象")
            continue
        item = Item(rel[: -len(layout.METADATA)], meta)
        if has_control(text or ""):
            try:
                control_chars(meta, item.folder, found)
            except RecursionError:
                found.fail(4, f"{item.folder}：元数据嵌套层数过深")
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
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        found.fail(9, f"{item.danghao}：件号「{number}」无效")
    elif number > MAX_ENTRIES:  # no package holds that many items; the gap check must not count up to it
        found.fail(9, f"{item.danghao}：件号 {number} 超出范围（一个移交包最多 {MAX_ENTRIES:,} 个条目）")
    else:
        group = (str(m.get("门类")), str(m.get("年度")), str(m.get("保管期限")), str(m.get("机构")))
        seen.numbers[group].append(number)


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
    for rel in context.payload.in_folder(item.folder):
        if rel not in listed:
            found.fail(15, f"{rel}：档案文件夹中有元数据未记录的文件")


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
