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
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from . import layout
from .content import SCRIPT_EXTENSIONS, detect_format, executable_kind, inspect_pdf, office_macros
from .metadata_xml import XmlRefused, differences, from_xml
from .report import Findings
from .zipread import MemberSlice

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
    folder: str  # data/records/WS/Y/<档号>/
    meta: dict[str, Any]
    plain: bool = False  # its JSON text holds no control character: nothing to look for value by value

    @property
    def danghao(self) -> str:
        return str(self.meta.get("档号", ""))

    @property
    def files(self) -> list[dict[str, Any]]:
        files = self.meta.get("文件")
        return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []


def check_records(bag: Bag, found: Findings, *, trusted: bool) -> None:
    plain: set[str] = set()
    parsed = _parse_texts(bag, found, plain)
    pdf_pages = _inspect_pdfs(bag, found, trusted)
    items = _items(bag, found, parsed, plain)
    year = bag.info_value("Archival-Year")
    catalogue = parsed.get(layout.CATALOGUE_JSON)
    pattern = str(catalogue.get("档号格式", "")) if isinstance(catalogue, dict) else ""
    project = bag.info_value(layout.PACKAGE_SCOPE) == layout.SCOPE_PROJECT
    period = layout.parse_period(bag.info_value(layout.PROJECT_PERIOD)) if project else None
    if project and period is None:
        found.fail(4, f"bag-info.txt 中的 {layout.PROJECT_PERIOD} 缺失或格式不对"
                      f"（{bag.info_value(layout.PROJECT_PERIOD) or '空'}，应为 开始日期/结束日期）")
    _check_metadata(items, found, year, pattern, period if project else None, project)
    _check_xml_twins(bag, items, found)
    _check_files(bag, items, found, pdf_pages, trusted)
    _check_counts(bag, items, found, parsed)
    _check_numbers(items, found, selection=project)
    _check_formats(bag, found)
    _check_active(bag, found)
    for rel in (layout.CATALOGUE_JSON, layout.HANDOVER_JSON):
        value = parsed.get(rel)
        if value is not None and rel not in plain:
            _control_chars(value, rel, found)


def _parse_texts(bag: Bag, found: Findings, plain: set[str]) -> dict[str, Any]:
    """Every JSON and CSV in the payload parsed (check 11); JSON values by name, CSV as row lists. JSON texts
    without any control character are named in ``plain``: their values need no look one by one."""
    parsed: dict[str, Any] = {}
    for rel, m in bag.members.items():
        lower = rel.lower()
        if m.is_dir or not lower.endswith((".json", ".csv", ".txt")):
            continue
        if m.kept is None:
            if m.read or m.error:
                found.fail(11, f"{rel} 过大或无法读取，未能解析")
            continue
        try:
            text = m.kept.decode("utf-8-sig" if lower.endswith(".csv") else "utf-8")
        except UnicodeDecodeError:
            found.fail(11, f"{rel} 不是 UTF-8 编码")
            continue
        if lower.endswith(".json"):
            if not any(c.group() != "\\\\" for c in _JSON_CONTROL.finditer(text)):
                plain.add(rel)
            try:
                parsed[rel] = json.loads(text)
            except json.JSONDecodeError as exc:
                found.fail(11, f"{rel} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）")
            if rel.startswith(layout.RECORDS):
                m.kept = None  # parsed is all the checks use; thousands of items: keep memory flat
        elif lower.endswith(".csv"):
            try:
                parsed[rel] = list(csv.reader(io.StringIO(text, newline="")))
            except csv.Error as exc:
                found.fail(11, f"{rel} 不是有效的 CSV（{exc}）")
    return parsed


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


def _items(bag: Bag, found: Findings, parsed: dict[str, Any], plain: set[str]) -> list[Item]:
    items = []
    for rel in sorted(bag.payload):
        if not (rel.startswith(layout.RECORDS) and rel.endswith("/" + layout.METADATA)):
            continue
        meta = parsed.get(rel)
        if not isinstance(meta, dict):
            if rel in parsed:
                found.fail(4, f"{rel} 不是一个 JSON 对象")
            continue
        items.append(Item(rel[: -len(layout.METADATA)], meta, rel in plain))
    return items


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


def _check_metadata(items: list[Item], found: Findings, year: str, catalogue_pattern: str,
                    period: tuple[dt.date, dt.date] | None = None, project: bool = False) -> None:
    seen: dict[str, str] = {}
    if project and period is not None:
        found.note(4, f"项目移交包：按项目周期 {period[0].isoformat()} 至 {period[1].isoformat()} 核对档案日期")
    for item in items:
        meta, where = item.meta, item.folder
        if not item.plain:
            _control_chars(meta, where, found)
        if meta.get("保管期限") not in layout.RETENTIONS:
            found.fail(4, f"{where}：保管期限「{meta.get('保管期限')}」不在 Y、D30、D10 之中")
        if meta.get("密级") not in layout.CLASSIFICATIONS:
            found.fail(4, f"{where}：密级「{meta.get('密级')}」不是已知的密级")
        if not project and str(meta.get("年度")) != year:
            found.fail(4, f"{where}：年度「{meta.get('年度')}」与移交包的年度 {year} 不一致")
        try:
            day = dt.date.fromisoformat(str(meta.get("日期")))
            if not project and str(day.year) != year:
                found.fail(4, f"{where}：日期 {day.isoformat()} 不在档案年度 {year} 内")
            elif period is not None and not period[0] <= day <= period[1]:
                found.fail(4, f"{where}：日期 {day.isoformat()} 不在项目周期 {period[0].isoformat()} 至 "
                              f"{period[1].isoformat()} 内")
        except ValueError:
            found.fail(4, f"{where}：日期「{meta.get('日期')}」不是有效日期（应为 YYYY-MM-DD）")
        _check_danghao(item, found, str(meta.get("档号格式") or catalogue_pattern), seen)


def _check_xml_twins(bag: Bag, items: list[Item], found: Findings) -> None:
    """An item's optional metadata.xml must be safe to read (11) and say what its metadata.json says (4)."""
    by_folder = {item.folder: item for item in items}
    twins = 0
    for rel, m in bag.payload.items():
        if not (rel.startswith(layout.RECORDS) and rel.endswith("/" + layout.METADATA_XML)):
            continue
        twins += 1
        data, m.kept = m.kept, None  # read once; thousands of items: keep memory flat
        if data is None:
            found.fail(11, f"{rel} 过大或无法读取，未能检查")
            continue
        try:
            record = from_xml(data)
        except XmlRefused as exc:
            found.fail(11, f"{rel}：{exc}")
            continue
        item = by_folder.get(rel[: -len(layout.METADATA_XML)])
        if item is None:
            found.fail(4, f"{rel}：同一文件夹中没有 metadata.json 与之对应")
            continue
        differ = differences(item.meta, record)
        if differ:
            found.fail(4, f"{rel} 与 metadata.json 不一致（{'、'.join(differ[:5])}）")
    if twins:
        found.note(4, f"{twins} 件附有 XML 元数据（metadata.xml），已与 JSON 逐项核对")


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


def _check_files(bag: Bag, items: list[Item], found: Findings, pdf_pages: dict[str, int], trusted: bool) -> None:
    payload = bag.payload
    by_folder: dict[str, list[str]] = defaultdict(list)
    for rel in payload:
        by_folder[rel.rsplit("/", 1)[0] + "/"].append(rel)
    for item in items:
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
            if real_format == "pdf" and rel in pdf_pages and pdf_pages[rel] != recorded_pages:
                found.fail(10, f"{rel}：记录 {recorded_pages} 页，实际 {pdf_pages[rel]} 页")
        if item.meta.get("页数") != pages_total:
            found.fail(10, f"{item.danghao}：记录页数 {item.meta.get('页数')}，按文件计为 {pages_total}")
        for rel in by_folder.get(item.folder, ()):
            if rel not in listed:
                found.fail(15, f"{rel}：档案文件夹中有元数据未记录的文件")


def _int(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.replace(",", "").isdigit():
        return int(value.replace(",", ""))
    return None


def _check_counts(bag: Bag, items: list[Item], found: Findings, parsed: dict[str, Any]) -> None:
    real_items = len(items)
    real_bytes = sum(m.size for rel, m in bag.payload.items()
                     if rel.startswith(layout.RECORDS) and not rel.endswith(layout.METADATA_SUFFIXES))
    claims: list[tuple[str, int | None, int | None]] = []
    catalogue = parsed.get(layout.CATALOGUE_JSON)
    if isinstance(catalogue, dict):
        entries = catalogue.get("条目")
        claims.append(("目录 catalogue.json 的条目", len(entries) if isinstance(entries, list) else None, None))
        claims.append(("目录 catalogue.json", _int(catalogue.get("件数")), _int(catalogue.get("字节数"))))
    else:
        found.fail(8, f"缺少或无法读取 {layout.CATALOGUE_JSON}")
    rows = parsed.get(layout.CATALOGUE_CSV)
    if isinstance(rows, list):
        claims.append(("目录 catalogue.csv 的行", max(len([r for r in rows if r]) - 1, 0), None))
    else:
        found.fail(8, f"缺少或无法读取 {layout.CATALOGUE_CSV}")
    handover = parsed.get(layout.HANDOVER_JSON)
    if isinstance(handover, dict):
        claims.append(("移交清单", _int(handover.get("件数")), _int(handover.get("字节数"))))
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


def _check_numbers(items: list[Item], found: Findings, *, selection: bool = False) -> None:
    """0001…n without gaps or repeats; a project package (``selection``) holds some items of each group, so
    its 件号 need only be unique."""
    if selection:
        found.note(9, "项目移交包是各（门类、年度、期限、机构）中属于本项目的档案选取：只核对件号不重复，不要求连续")
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for item in items:
        m = item.meta
        number = m.get("件号")
        key = (str(m.get("门类")), str(m.get("年度")), str(m.get("保管期限")), str(m.get("机构")))
        if not isinstance(number, int) or number < 1:
            found.fail(9, f"{item.danghao}：件号「{number}」无效")
            continue
        groups[key].append(number)
    for group, numbers in sorted(groups.items()):
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
