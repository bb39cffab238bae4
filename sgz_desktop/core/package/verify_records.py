"""The verifier's checks on what the package holds beyond each item (those are ``verify_items``): the
counts across catalogue, handover list, bag-info and form (8), whether everything opens (11) and whether
anything is active or executable (14)."""

from __future__ import annotations

import base64
import csv
import io
import json
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from ..sizes import human_size
from . import layout
from .content import SCRIPT_EXTENSIONS, detect_format, executable_kind, inspect_pdf, office_macros
from .json_stream import TooLarge, parse_pieces
from .members import Member
from .report import Findings
from .verify_items import Seen, check_items, control_chars, is_item_metadata, may_control
from .zipread import KEEP_LIMIT, MemberChanged, MemberSlice, ZipBytes, kept_or_reread, member_text

if TYPE_CHECKING:
    from .verify import Bag

_ALLOWED_OTHER = (".json", ".csv", ".pdf", ".xml", ".txt")


@dataclass
class Claims:
    """What the catalogue and handover list say about the package as a whole (check 8)."""

    pattern: str = ""  # the catalogue's 档号格式
    catalogue_entries: int | None = None
    catalogue_items: int | None = None
    catalogue_bytes: int | None = None
    catalogue_json: bool = False
    csv_rows: int | None = None
    handover_items: int | None = None
    handover_bytes: int | None = None
    handover: bool = False


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
    seen = check_items(bag, found, year=bag.info_value("Archival-Year"), pattern=claims.pattern, project=project,
                       period=period, pdf_pages=pdf_pages)
    _check_counts(bag, seen, found, claims)
    _check_formats(bag, found)
    _check_active(bag, found)


def _parse_texts(bag: Bag, found: Findings) -> Claims:
    """Every JSON and CSV in the payload but the items' metadata (read item by item later) parsed (check 11);
    of the catalogue and handover list only the figures check 8 compares are kept. Each is read in pieces,
    from its kept bytes or again from the zip (a large year's catalogue is never held whole)."""
    claims = Claims()
    with ZipBytes(bag.zip_path) as source:
        for rel, m in bag.members.items():
            lower = rel.lower()
            if m.is_dir or not lower.endswith((".json", ".csv", ".txt")) or is_item_metadata(rel):
                continue
            if m.kept is None and not (m.read and m.size <= TEXT_LIMIT):
                if m.read or m.error:
                    found.fail(11, f"{rel} 过大或无法读取，未能解析")
                continue
            text = member_text(source, m, encoding="utf-8-sig" if lower.endswith(".csv") else "utf-8", newline="")
            if rel.startswith("data/") and detect_format(m.head) != "zip":  # (an Office file's macros: later)
                m.kept = None  # parsed here only: not held until the end
            try:
                _parse_text(rel, lower, text, found, claims)
            except UnicodeDecodeError:
                found.fail(11, f"{rel} 不是 UTF-8 编码")
            except MemberChanged:
                found.fail(11, f"{rel} 无法再次读取，或在校验过程中被改动，未能解析")
            except TooLarge:
                # No text this system writes holds a value anywhere near the limit: the file is damaged (an
                # unclosed string runs to its end) or was not written by it.
                found.fail(11, f"{rel} 中有一个值超过 {human_size(KEEP_LIMIT)}"
                               "（文件已损坏，或不是本系统导出的），未能解析")
    return claims


PIECE = 256 * 1024  # characters: the JSON window holds two or three such pieces
TEXT_LIMIT = 1024**3  # a payload text is parsed in pieces up to this size (the catalogue of 500 000 items)


def _parse_text(rel: str, lower: str, text: io.TextIOWrapper, found: Findings, claims: Claims) -> None:
    if lower.endswith(".csv"):
        try:
            rows = sum(1 for row in csv.reader(text) if row)
        except csv.Error as exc:
            found.fail(11, f"{rel} 不是有效的 CSV（{exc}）")
            return
        if rel == layout.CATALOGUE_CSV:
            claims.csv_rows = max(rows - 1, 0)
        return
    pieces = iter(lambda: text.read(PIECE), "")
    if not lower.endswith(".json"):
        for _piece in pieces:  # plain text: only its encoding is checked
            pass
        return
    outline = _Outline(rel, found) if rel in (layout.CATALOGUE_JSON, layout.HANDOVER_JSON) else None
    try:
        value = parse_pieces(map(outline.see, pieces) if outline else pieces, outline or _nothing,
                             limit=KEEP_LIMIT)
    except json.JSONDecodeError as exc:
        found.fail(11, f"{rel} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）")
        return
    except RecursionError:  # "[[[[…" nested past any real record: a hostile file, not a crash
        found.fail(11, f"{rel} 的 JSON 嵌套层数过深，无法读取")
        return
    if outline is not None and value is not None:
        _claim(claims, rel, value)


def _nothing(_pairs: list[tuple[str, Any]]) -> None:
    """The parse hook for JSON that is only checked to be JSON: no object is built."""


class _Outline:
    """A JSON parse hook for the catalogue and handover list, whose entries run to tens of thousands: each
    object's strings are looked at for control characters (when the text may hold any) and only the
    objects carrying totals are kept, the entries becoming None (counted, not held)."""

    def __init__(self, rel: str, found: Findings) -> None:
        self.rel, self.found, self.control = rel, found, False
        self._tail = ""

    def see(self, piece: str) -> str:
        """Each piece of the text passes here before it is parsed: once one may hold a control character
        (an escape that may be one, or DEL), the values are looked at from then on."""
        if not self.control and may_control(self._tail + piece):
            self.control = True
        self._tail = piece[-6:]  # an escape cut between two pieces ("\u00" | "1f") is seen whole
        return piece

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any] | None:
        if self.control:
            for key, value in pairs:
                for text in (value if isinstance(value, list) else [value]):
                    if isinstance(text, str):
                        control_chars(text, self.rel, self.found, key)
        keys = {key for key, _value in pairs}
        return dict(pairs) if keys & {"条目", "件数", "字节数"} else None


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
    with ZipBytes(bag.zip_path) as zf:
        for m in bag.payload.values():
            if not m.read or not m.head.startswith(b"%PDF-"):
                continue
            rel = m.rel  # read as text only for the PDFs
            pdf, size, kept = m.pdf, m.size, m.kept
            if pdf is None and trusted:
                continue  # the exporter's own check: pages and content were checked when the file was added
            stream: IO[bytes] | MemberSlice
            if m.method == 0:
                stream = MemberSlice(zf, m.data_offset, size)  # read where it lies; inspect_pdf buffers it for pypdf
            elif kept is not None:
                stream = io.BytesIO(kept)
            else:
                found.fail(11, f"{rel}：PDF 以压缩方式存放且过大，无法检查")
                continue
            facts = inspect_pdf(stream, deep=bool(pdf and pdf.object_streams), found=pdf.found if pdf else None,
                                size=size)
            if facts.encrypted:
                found.fail(11, f"{rel}：PDF 设有密码，无法直接打开")
            elif facts.error:
                found.fail(11, f"{rel}：{facts.error}")
            if facts.pages is not None:
                pages[rel] = facts.pages
            for what in facts.active:
                found.fail(14, f"{rel}：PDF 中含有{what}")
    return pages


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
    signature = _base64_signature(bag)
    with ZipBytes(bag.zip_path) as source:
        for m in bag.directory.members:
            if m.is_dir:
                continue
            head, name = m.head, m.name
            kind = executable_kind(head) if m is not signature else None
            if kind:
                found.fail(14, f"{name}：这是{kind}")
            elif name.lower().endswith(SCRIPT_EXTENSIONS):
                found.fail(14, f"{name}：可执行程序或脚本类型的文件")
            fmt = detect_format(head)
            if fmt == "zip" and (data := kept_or_reread(source, m)) is not None and office_macros(data):
                found.fail(14, f"{m.name}：Office 文档中含有宏")
            elif fmt == "ole":
                found.fail(14, f"{m.name}：旧版 Office 文档（可能含宏），不允许")


def _base64_signature(bag: Bag) -> Member | None:
    """The signature member when it is plain base64 text, which no program can be. A base64 signature begins
    with "MZ", the mark of a Windows program, once in 4 096 packages: judged by its first bytes alone it failed
    check 14 (and the exporter's self-check) at random. Anything else at that name is still looked at."""
    m = bag.members.get(layout.SIGNATURE)
    text = bag.text(layout.SIGNATURE)
    if m is None or text is None:
        return None
    try:
        base64.b64decode(text.strip(), validate=True)
    except ValueError:
        return None
    return m
