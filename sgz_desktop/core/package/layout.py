"""What a yearly package looks like: file names, bag-info labels, value sets and the 档号 rule.

Shared by the exporter and the verifier, so the two can never disagree about the layout. Nothing here
needs a station: the verifier runs on the subdistrict's PC with only the package in hand.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
BAG_INFO = "bag-info.txt"
BAGIT = "bagit.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
PUBLIC_KEY = "signature/station-public-key.pem"
SIGNATURE = "signature/tagmanifest-sha256.txt.sig"
TAG_FILES = (BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, PUBLIC_KEY, SIGNATURE)
PROFILE_ID = "urn:sgz-desktop:bagit-profile:yearly-handover:1.0"

RECORDS = "data/records/"
METADATA = "metadata.json"
METADATA_XML = "metadata.xml"  # optional twin (setting package.metadata_xml / --xml)
METADATA_SUFFIXES = ("/" + METADATA, "/" + METADATA_XML)  # an item folder's files that are not records
CATALOGUE_PDF = "data/catalogue/catalogue.pdf"
CATALOGUE_CSV = "data/catalogue/catalogue.csv"
CATALOGUE_FILES_CSV = "data/catalogue/catalogue-files.csv"
CATALOGUE_JSON = "data/catalogue/catalogue.json"
HANDOVER_PDF = "data/handover/handover-list.pdf"
HANDOVER_JSON = "data/handover/handover-list.json"
REGISTERS = "data/registers/"
SELF_CHECK = "data/self-check.json"

# bag-info.txt, in the order written (yearly-package.md)
BAG_INFO_LABELS = (
    "Source-Organization", "Contact-Name", "Contact-Phone", "External-Description", "Bagging-Date",
    "External-Identifier", "Bag-Size", "Payload-Oxum", "Bag-Count", "BagIt-Profile-Identifier",
    "Fonds-Number", "Archival-Year", "Recipient-Organization", "Item-Count",
)
# What the package covers (scope.py): "year", or "project" with the project's name, number and cycle.
PACKAGE_SCOPE = "Package-Scope"
PROJECT_IDENTIFIER = "Project-Identifier"
PROJECT_NAME = "Project-Name"
PROJECT_PERIOD = "Project-Period"  # ISO 8601 interval: 2023-03-01/2025-02-28
SCOPE_PROJECT = "project"

RETENTIONS = ("Y", "D30", "D10")
RETENTION_LABELS = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}
CLASSIFICATIONS = ("公开", "内部", "秘密", "机密", "绝密", "非密", "限制")  # 密级 a district may use
RECORD_FORMATS = ("pdf", "jpeg", "png", "tiff")  # what an archive item's files may be
RECORD_EXTENSIONS = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png", "tiff": ".tif"}
TEXT_EXTENSIONS = (".json", ".csv", ".txt", ".xml", ".pem", ".sig")
# Stored as they are: compressing them again gains nothing and costs a core.
STORED_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".docx", ".xlsx", ".pptx", ".zip", ".ofd")

# Catalogue columns (归档文件目录), DA/T 22-2015 order first, then the grouping parts and the files.
CATALOGUE_COLUMNS = ("档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注", "门类", "年度", "保管期限",
                     "机构", "件号", "文件数", "字节数")
FILE_COLUMNS = ("档号", "序号", "文件名", "原文件名", "字节数", "sha256", "格式", "页数")


def package_name(fonds: str, year: int, batch: int = 1) -> str:
    """``Z109-2024-YJ01``: 全宗号, year, 移交 batch of that year."""
    return f"{fonds}-{year}-YJ{batch:02d}"


def project_package_name(fonds: str, project_id: int, batch: int = 1) -> str:
    """``Z109-XM007-YJ01``: 全宗号, 项目 (XM) and its number, 移交 batch of that project."""
    return f"{fonds}-XM{project_id:03d}-YJ{batch:02d}"


def parse_period(text: str) -> tuple[dt.date, dt.date] | None:
    """``2023-03-01/2025-02-28`` → the two days; None when malformed or reversed."""
    start, sep, end = text.strip().partition("/")
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    return (first, last) if sep and first <= last else None


def form_name(name: str) -> str:
    return f"{name}-登记表.pdf"


def key_file_name(fonds: str) -> str:
    """The station's public key as saved for the subdistrict to register (``station_key``)."""
    return f"{fonds}-站点公钥.pem"


def record_folder(category: str, retention: str, danghao: str) -> str:
    return f"{RECORDS}{category}/{retention}/{danghao}/"


def record_file_name(danghao: str, seq: int, fmt: str) -> str:
    return f"{danghao}-{seq:03d}{RECORD_EXTENSIONS.get(fmt, '.bin')}"


# --- manifests: paths are percent-encoded for CR, LF and % only (RFC 8493 §2.1.3) ------------------

def encode_path(path: str) -> str:
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")


def decode_path(path: str) -> str:
    return re.sub(r"%(0A|0D|25)", lambda m: {"0A": "\n", "0D": "\r", "25": "%"}[m.group(1).upper()], path,
                  flags=re.IGNORECASE)


def manifest_text(digests: dict[str, str]) -> bytes:
    """Sorted by path, so unchanged data gives the same manifest byte for byte."""
    return b"".join(manifest_pieces(digests))


def manifest_pieces(digests: dict[str, str], lines: int = 1024) -> Iterator[bytes]:
    """``manifest_text`` a thousand lines at a time: a large year's payload manifest runs to megabytes."""
    paths = sorted(digests)
    for at in range(0, len(paths), lines):
        yield "".join(f"{digests[p]}  {encode_path(p)}\n" for p in paths[at:at + lines]).encode("utf-8")


def parse_manifest(text: str) -> tuple[dict[str, str], list[str]]:
    """(path → sha256, problems). Duplicate paths and malformed lines are problems."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    for number, path, sha in manifest_lines(text.splitlines()):
        if sha is None:
            problems.append(f"第 {number} 行格式不对：{path[:80]}")
            continue
        if path in entries:
            problems.append(f"第 {number} 行重复列出 {path}")
        entries[path] = sha
    return entries, problems


def manifest_lines(lines: Iterable[str]) -> Iterator[tuple[int, str, str | None]]:
    """Each line of a manifest as (line number, path, sha256 in lower case); a malformed line as (number, the
    line, None). Blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.split(None, 1)
        if len(parts) != 2 or not _SHA256.fullmatch(parts[0]):
            yield number, line.rstrip("\r\n"), None
            continue
        yield number, decode_path(parts[1].strip()), parts[0].lower()


_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def parse_bag_info(text: str) -> dict[str, list[str]]:
    """Labels to values (a label may repeat); continuation lines start with whitespace."""
    info: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and last is not None:
            info[last][-1] += " " + line.strip()
            continue
        label, sep, value = line.partition(":")
        if not sep:
            continue
        last = label.strip()
        info.setdefault(last, []).append(value.strip())
    return info


def payload_oxum(total_bytes: int, count: int) -> str:
    return f"{total_bytes}.{count}"


# --- 档号: the station's pattern travels in the package; it is applied here without str.format, so a
# hostile pattern cannot reach attributes or ask for a gigabyte of padding. ----------------------------

PART_REGEX = {
    "fonds": r"[A-Za-z0-9]{1,20}", "category": r"[A-Z][A-Z0-9]{0,9}", "year": r"\d{4}",
    "retention": r"Y|D30|D10", "org": r"[A-Z][A-Z0-9]{0,9}",
}
_FIELD = re.compile(r"\{(fonds|category|year|retention|org|item)(?::(0?)(\d{1,2})d)?\}")


@dataclass(frozen=True)
class DanghaoParts:
    fonds: str
    category: str
    year: int
    retention: str
    org: str
    item: int


@functools.lru_cache(maxsize=64)
def _tokens(pattern: str) -> tuple[tuple[str, str, int], ...] | None:
    """('lit', text, 0) or ('field', name, width); None when the pattern is not one we can apply."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    for m in _FIELD.finditer(pattern):
        literal = pattern[pos:m.start()]
        if "{" in literal or "}" in literal:
            return None
        if literal:
            out.append(("lit", literal, 0))
        width = int(m.group(3)) if m.group(3) and m.group(2) == "0" else 0
        out.append(("field", m.group(1), width))
        pos = m.end()
    tail = pattern[pos:]
    if "{" in tail or "}" in tail or len(pattern) > 200:
        return None
    if tail:
        out.append(("lit", tail, 0))
    names = [t[1] for t in out if t[0] == "field"]
    if not {"category", "year", "retention", "org", "item"} <= set(names) or len(names) != len(set(names)):
        return None  # each part once: a part repeated means nothing, and "{item}{item}…" would make the
        # pattern's regex backtrack without end on a hostile 档号
    return tuple(out)


def pattern_usable(pattern: str) -> bool:
    return _tokens(pattern) is not None


def format_danghao(pattern: str, parts: DanghaoParts) -> str:
    tokens = _tokens(pattern)
    if tokens is None:
        raise ValueError(f"档号格式无法使用：{pattern!r}")
    out = []
    for kind, text, width in tokens:
        if kind == "lit":
            out.append(text)
        elif text == "item":
            out.append(str(parts.item).zfill(width))
        else:
            out.append(str(getattr(parts, text)))
    return "".join(out)


@functools.lru_cache(maxsize=64)  # a package's thousands of items share one pattern
def danghao_regex(pattern: str) -> re.Pattern[str] | None:
    tokens = _tokens(pattern)
    if tokens is None:
        return None
    body = []
    for kind, text, width in tokens:
        if kind == "lit":
            body.append(re.escape(text))
        elif text == "item":
            body.append(rf"\d{{{max(width, 1)},}}")
        else:
            body.append(f"(?:{PART_REGEX[text]})")
    return re.compile("".join(body))
