"""``verify_package``: the receiving side's 15 checks over a yearly package, every failure reported.

It needs the zip only (plus, when given, the pinned public key, the expected hash or the registration
form): no station database, no keyring, nothing extracted to disk. The zip is read once (``zipread``);
then the checks work on what that pass found. Checks about the bag's structure and the zip itself are
here; checks about the archive items and file contents are in ``verify_records``.
"""

from __future__ import annotations

import base64
import bisect
import contextlib
import datetime as dt
import hashlib
import operator
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..progress import Progress
from . import layout
from .form import FormFacts, read_form
from .members import Member, Names
from .report import CHECKS, Findings, PackageSummary, VerifyReport
from .zipread import (
    KEEP_LIMIT,
    Directory,
    FileDigest,
    MemberChanged,
    Trusted,
    ZipBytes,
    member_text,
    read_directory,
    reread,
    scan,
)

_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)
_BAD_CHARS = re.compile(r'[<>:"|?*\\\x00-\x1f\x7f]')
MAX_PATH = 240  # characters of a member name, leaving room for the folder it is unpacked into
# Text in the payload larger than this is not kept by the pass but read again in pieces when it is parsed.
STREAM_OVER = 1024 * 1024
STREAMED_TEXT = (".json", ".csv", ".txt")
_KEEP_SUFFIXES = (".txt", ".json", ".csv", ".xml", ".pem", ".sig", ".docx", ".xlsx", ".pptx", ".docm", ".xlsm",
                  ".pptm")


@dataclass
class Bag:
    """What the pass found, by name inside the bag (``data/...``, ``bagit.txt``)."""

    zip_path: Path
    directory: Directory
    top: str = ""
    members: Names = field(default_factory=Names)
    zip_sha256: str = ""
    info: dict[str, list[str]] = field(default_factory=dict)
    form: FormFacts | None = None
    _payload: Payload | None = None
    unreadable: dict[str, None] = field(default_factory=dict)  # the key and signature, when not read again

    def bytes_of(self, rel: str) -> bytes | None:
        """A tag file's bytes: kept by the pass or, when the pass's budget ran out on a payload of many texts,
        read again from the zip (held to the pass's hash) and kept from then on."""
        m = self.members.get(rel)
        if m is None:
            return None
        if m.kept is None and m.read and m.size <= KEEP_LIMIT:
            with ZipBytes(self.zip_path) as source:
                m.kept = reread(source, m)
            if m.kept is None and not rel.lower().endswith(STREAMED_TEXT):
                self.unreadable[rel] = None  # named once, at the end (check 11); texts are named by their parse
        return m.kept

    def lacks(self, rel: str, what: str) -> str:
        """Why a tag file's bytes cannot be had: it is not in the package, or it is there and could not be read
        (damaged, or changed while being checked: check 11 says which)."""
        if rel not in self.members:
            return f"缺少{' ' if what[:1].isascii() else ''}{what}"
        return f"{what} 无法读取（见第 11 项）"

    def text(self, rel: str) -> str | None:
        data = self.bytes_of(rel)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def info_value(self, label: str) -> str:
        values = self.info.get(label) or [""]
        return values[0]

    @property
    def payload(self) -> Payload:
        """The files under data/."""
        if self._payload is None:
            self._payload = Payload(self.members, self.top)
        return self._payload


class Payload(Mapping[str, Member]):
    """The files under data/: a list of their members over the bag's table (a table of their own took 8 MB at
    200 000 entries, the list takes 1.6). Paths are read from the members' names as they are asked for."""

    def __init__(self, members: Names, top: str) -> None:
        self._members = members
        self._prefix = f"{top}/".encode()
        data = self._prefix + b"data/"
        self._files = [m for key, m in members.members() if key.startswith(data) and not key.endswith(b"/")]

    def __getitem__(self, rel: str) -> Member:
        if not rel.startswith("data/") or rel.endswith("/"):  # a folder's entry: its path ends with a slash
            raise KeyError(rel)
        return self._members[rel]

    def get(self, rel: str, default: Member | None = None) -> Member | None:  # type: ignore[override]
        if not rel.startswith("data/") or rel.endswith("/"):  # as above, without raising for each miss
            return default
        return self._members.get(rel, default)

    def __iter__(self) -> Iterator[str]:
        cut = len(self._prefix)
        return (m.utf8[cut:].decode() for m in self._files)

    def __len__(self) -> int:
        return len(self._files)

    def items(self) -> Iterator[tuple[str, Member]]:  # type: ignore[override]
        """Each path with its member, not looked up again by its path (an encoding and a search for each)."""
        cut = len(self._prefix)
        return ((m.utf8[cut:].decode(), m) for m in self._files)

    def values(self) -> Iterator[Member]:  # type: ignore[override]
        return iter(self._files)

    def in_order(self) -> SortedFiles:
        files = sorted(self._files, key=_name_of)
        return SortedFiles(files, [m.utf8 for m in files], self._prefix)


_name_of = operator.attrgetter("utf8")


@dataclass(frozen=True)
class SortedFiles:
    """The payload's members in the order of their names (UTF-8 sorts as the text does), so that a folder's files
    lie together; ``prefix`` is the top folder and its slash, where their paths begin."""

    members: list[Member]
    names: list[bytes]  # theirs, in the same order: searched without a call a step
    prefix: bytes

    def items(self) -> Iterator[tuple[str, Member]]:
        cut = len(self.prefix)
        return ((m.utf8[cut:].decode(), m) for m in self.members)

    def in_folder(self, folder: str) -> Iterator[str]:
        """The paths of the files directly in ``folder`` (which ends in "/"): found by bisection, not by a table of
        every folder (a hostile package may hold a folder per entry, 200 000 of them)."""
        names, cut = self.names, len(self.prefix)
        whole = self.prefix + folder.encode("utf-8", "surrogatepass")
        at = bisect.bisect_left(names, whole)
        while at < len(names) and (name := names[at]).startswith(whole):
            sub, slash, _rest = name[len(whole):].partition(b"/")
            if not slash:
                yield name[cut:].decode()
                at += 1
            else:  # a subfolder's files are skipped at once: "…/sub0" is the first name past "…/sub/…"
                at = bisect.bisect_left(names, whole + sub + b"0", at)


def _load_key(public_key: bytes | Path | None) -> bytes | None:
    if public_key is None:
        return None
    return public_key.read_bytes() if isinstance(public_key, Path) else public_key


def verify_package(zip_path: Path, *, public_key: bytes | Path | None = None, expect_sha256: str | None = None,
                   form_pdf: Path | None = None, progress: Progress | None = None,
                   now: Callable[[], dt.datetime] = dt.datetime.now,
                   trusted: Mapping[str, Trusted] | None = None) -> VerifyReport:
    """Run all 15 checks. ``trusted`` (for the exporter's own check) describes members it has just
    written: those are not read again."""
    from .verify_records import check_records

    progress = progress or Progress()
    zip_path = Path(zip_path)
    found = Findings()
    # The zip's own hash runs beside everything else (a thread reading the file on its own), and stops with the
    # checks however they end (cancelled, or an error).
    hashed = trusted is None and zip_path.is_file()
    with FileDigest(zip_path) if hashed else contextlib.nullcontext() as digest:
        directory = read_directory(zip_path)
        bag = Bag(zip_path, directory)
        total = max(directory.size, 1)
        done = [0]

        def on_bytes(n: int) -> None:
            done[0] += n
            progress.report(done[0], total, "正在校验移交包")

        progress.report(0, total, "正在读取移交包目录")
        for problem in directory.problems:
            found.fail(13, problem)
        if directory.usable:
            scan(directory, _keep, on_bytes, trusted=trusted)
            _index(bag, found)
            info_text = bag.text(layout.BAG_INFO)
            bag.info = layout.parse_bag_info(info_text) if info_text else {}
        else:
            for number in CHECKS:
                if number != 13:
                    found.fail(number, "无法读取压缩包内容，未能检查")
        if form_pdf is not None:
            facts = read_form(Path(form_pdf))
            if isinstance(facts, str):
                found.fail(1, facts)
            else:
                bag.form = facts
        pinned = _load_key(public_key)
        if directory.usable:
            check_records(bag, found, trusted=trusted is not None)  # first: it lets go of the items' metadata
            _check_signature(bag, found, pinned)
            _check_manifests(bag, found)
            _check_structure(bag, found)
            _check_oxum(bag, found)
            _check_zip_entries(bag, found)
            _check_safety(bag, found)
            _check_carrier(bag, found, trusted is not None)
            for rel in bag.unreadable:
                found.fail(11, f"{rel} 无法再次读取，或在校验过程中被改动")
        bag.zip_sha256 = digest.hexdigest() if digest is not None else ""
        _check_hash(bag, found, expect_sha256, trusted is not None)
        progress.report(total, total, "校验完成")
        return VerifyReport(str(zip_path), bag.zip_sha256, directory.size, now(), found.results(),
                            _summary(bag, pinned))


def _keep(m: Member) -> bool:
    """Kept in memory by the pass: what ``read_whole`` names, except the items' own metadata, which the item
    checks read again one at a time (``zipread.reread``): a year of any size then never holds them all."""
    rel = m.rel
    if rel.startswith(layout.RECORDS) and rel.endswith(("/" + layout.METADATA, "/" + layout.METADATA_XML)):
        return False
    if m.size > STREAM_OVER and rel.startswith("data/") and rel.lower().endswith(STREAMED_TEXT):
        return False  # the catalogue of a large year: parsed in pieces from the zip (``verify_records``)
    if rel == layout.MANIFEST:
        return False  # read again line by line (``_check_payload_manifest``)
    return read_whole(rel, stored=m.method == 0)


def read_whole(name: str, *, stored: bool) -> bool:
    """Members the checks read whole: text, Office files (macros) and PDFs that are not stored."""
    name = name.lower()
    return name.endswith(_KEEP_SUFFIXES) or (name.endswith(".pdf") and not stored)


def _index(bag: Bag, found: Findings) -> None:
    """Names inside the one top-level folder; anything outside it is a failure of check 6."""
    # The top folder is the one holding most members; counted in one pass (a hostile zip may hold a top folder
    # per entry: comparing every folder with every name took hours at 200 000 entries).
    # Names as bytes, as the members hold them (UTF-8 sorts as the text does).
    inside = Counter(m.utf8[:m.cut] for m in bag.directory.members)  # b"x/": the members under x
    tops = {top[:-1] for top in inside if top} | {m.utf8 for m in bag.directory.members if not m.cut}
    top, most = b"", -1
    for candidate in sorted(tops):  # the first of those holding the most members
        if inside[candidate + b"/"] > most:
            top, most = candidate, inside[candidate + b"/"]
    bag.top = top.decode()
    if len(tops) > 1:
        shown = "、".join(t.decode() for t in sorted(tops)[:10])
        found.fail(6, f"压缩包中应只有一个顶层文件夹，实际有 {len(tops)} 个：{shown}")
    del inside, tops
    prefix = bag.top + "/"
    bag.members = Names(prefix)
    for m in bag.directory.members:
        if m.cut != len(top) + 1 or not m.utf8.startswith(top + b"/"):
            found.fail(6, f"{m.name} 不在包的顶层文件夹 {prefix} 中")
            continue
        if not bag.members.add(m):  # the member's own name: a copy of every name would cost 25 MB at 200 000
            found.fail(12, f"{m.name} 在压缩包中出现了不止一次")


def _check_hash(bag: Bag, found: Findings, expect: str | None, trusted: bool) -> None:
    actual = bag.zip_sha256
    sidecar = bag.zip_path.with_name(bag.zip_path.name + ".sha256")
    compared = False
    if sidecar.is_file():
        text = sidecar.read_text(encoding="utf-8", errors="replace").strip()
        claimed = text.split()[0].lower() if text else ""
        compared = True
        if claimed != actual:
            found.fail(1, f"压缩包的 SHA-256 为 {actual}，与 {sidecar.name} 中的 {claimed or '（空）'} 不一致")
    if expect:
        compared = True
        if expect.strip().lower() != actual:
            found.fail(1, f"压缩包的 SHA-256 为 {actual}，与给定的 {expect.strip().lower()} 不一致")
    if bag.form is not None:
        compared = True
        if bag.form.zip_sha256 != actual:
            found.fail(1, f"压缩包的 SHA-256 为 {actual}，与登记表上的 {bag.form.zip_sha256} 不一致")
        tag = bag.members.get(layout.TAGMANIFEST)
        if bag.form.tagmanifest_sha256 and tag is not None and tag.sha256 != bag.form.tagmanifest_sha256:
            found.fail(1, "登记表上的标签清单 SHA-256 与包中的 tagmanifest-sha256.txt 不一致")
    if not compared and not trusted:
        found.fail(1, f"没有可对照的哈希：{sidecar.name} 不在压缩包旁边，也没有给出登记表或 --expect-sha256")


def key_fingerprint(pem: bytes) -> str:
    from ..crypto import load_public_key

    raw = load_public_key(pem).public_bytes_raw()
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def _check_signature(bag: Bag, found: Findings, pinned: bytes | None) -> None:
    from cryptography.exceptions import InvalidSignature

    from ..crypto import load_public_key

    key_pem = bag.bytes_of(layout.PUBLIC_KEY)
    sig = bag.text(layout.SIGNATURE)
    tag = bag.bytes_of(layout.TAGMANIFEST)
    if key_pem is None:
        found.fail(2, bag.lacks(layout.PUBLIC_KEY, f"站点公钥 {layout.PUBLIC_KEY}"))
        return
    if sig is None or tag is None:
        for rel, what, data in ((layout.SIGNATURE, "签名", sig), (layout.TAGMANIFEST, "标签清单", tag)):
            if data is None:
                found.fail(2, bag.lacks(rel, f"{what} {rel}"))
        return
    try:
        key = load_public_key(key_pem)
        key.verify(base64.b64decode(sig.strip(), validate=True), tag)
    except InvalidSignature:
        found.fail(2, "签名与标签清单不符：标签清单在签名后被改动，或签名不是用包内公钥对应的密钥做的")
    except ValueError as exc:
        found.fail(2, f"站点公钥或签名无法读取（{exc}）")
    if pinned is not None:
        try:
            same = load_public_key(pinned).public_bytes_raw() == load_public_key(key_pem).public_bytes_raw()
        except ValueError:
            found.fail(2, "给定的登记公钥不是有效的 Ed25519 公钥（PEM）")
            return
        if not same:
            found.fail(2, "包内的站点公钥与街道登记的公钥不一致：这个包不是用登记的站点密钥签名的")
    else:
        found.note(2, "未提供登记公钥（--public-key），只核对了包内公钥对应的签名；请与登记表上的公钥指纹核对")


def _check_manifests(bag: Bag, found: Findings) -> None:
    tag_text = bag.text(layout.TAGMANIFEST)
    if tag_text is None:
        found.fail(3, f"缺少或无法读取 {layout.TAGMANIFEST}")
    else:
        entries, problems = layout.parse_manifest(tag_text)
        for p in problems:
            found.fail(3, f"{layout.TAGMANIFEST}：{p}")
        for rel, sha in entries.items():
            m = bag.members.get(rel)
            if m is None:
                found.fail(3, f"{layout.TAGMANIFEST} 列出的 {rel} 不在包中")
            elif rel.startswith("data/"):
                found.fail(6, f"{layout.TAGMANIFEST} 列出了内容文件 {rel}")
            elif m.sha256 != sha:
                found.fail(3, f"{rel} 的 SHA-256 与 {layout.TAGMANIFEST} 不一致（文件被改动）")
    manifests = [rel for rel in bag.members.tags() if re.fullmatch(r"manifest-[a-z0-9]+\.txt", rel)]
    if layout.MANIFEST not in manifests:
        found.fail(6, f"缺少内容清单 {layout.MANIFEST}")
    for rel in manifests:
        if rel != layout.MANIFEST:
            found.fail(3, f"{rel}：只支持 SHA-256 内容清单，无法核对这个清单")
            continue
        _check_payload_manifest(bag, rel, found)


def _check_payload_manifest(bag: Bag, rel: str, found: Findings) -> None:
    """The manifest read again from the zip line by line (a line per file: a large year's runs to megabytes),
    each line held to the member it names; the members it lists are marked, not collected."""
    m = bag.members[rel]
    payload = bag.payload
    listed = bytearray(len(bag.directory.members))  # by member index: 1 once a line lists it
    absent: set[str] = set()
    with ZipBytes(bag.zip_path) as source:
        try:
            for number, path, sha in layout.manifest_lines(member_text(source, m)):
                if sha is None:
                    found.fail(3, f"{rel}：第 {number} 行格式不对：{path[:80]}")
                    continue
                member = payload.get(path)
                if (member is not None and listed[member.index]) or path in absent:
                    found.fail(3, f"{rel}：第 {number} 行重复列出 {path}")
                if member is None:
                    if path not in absent:
                        found.fail(6, f"{rel} 列出的 {path} 不在包中（文件缺失）")
                    absent.add(path)
                    continue
                listed[member.index] = 1
                if member.read and member.sha256 != sha:
                    found.fail(3, f"{path} 的 SHA-256 与 {rel} 不一致（文件被改动）")
        except (UnicodeDecodeError, MemberChanged):
            found.fail(3, f"{rel} 无法读取")
            return
    for member in payload.values():
        if not listed[member.index]:
            found.fail(6, f"{member.rel} 不在 {rel} 中（多出的文件，或清单被删去一行）")


def _check_structure(bag: Bag, found: Findings) -> None:
    bagit = bag.bytes_of(layout.BAGIT)
    if bagit is None:
        found.fail(6, bag.lacks(layout.BAGIT, layout.BAGIT))
    elif bagit != layout.BAGIT_TXT:
        found.fail(6, "bagit.txt 的内容应恰为 “BagIt-Version: 1.0” 和 “Tag-File-Character-Encoding: UTF-8” 两行，"
                      "UTF-8 无 BOM")
    if not bag.payload:
        found.fail(6, "缺少 data/ 文件夹或其中没有文件")
    tag_text = bag.text(layout.TAGMANIFEST)
    if tag_text is not None:
        listed, _p = layout.parse_manifest(tag_text)
        for rel in bag.members.tags():
            if re.fullmatch(r"manifest-[a-z0-9]+\.txt", rel) and rel not in listed:
                found.fail(6, f"{layout.TAGMANIFEST} 没有列出内容清单 {rel}")
    if bag.info:
        ident = bag.info_value("External-Identifier")
        if ident and ident != bag.top:
            found.fail(6, f"顶层文件夹 {bag.top}/ 与 bag-info.txt 中的编号 {ident} 不一致")
        if bag.zip_path.stem != bag.top:
            found.note(6, f"压缩包文件名 {bag.zip_path.name} 与包的顶层文件夹 {bag.top} 不同（可能被改过名）")
    else:
        found.fail(6, "缺少或无法读取 bag-info.txt")


def _check_oxum(bag: Bag, found: Findings) -> None:
    oxum = bag.info_value("Payload-Oxum")
    payload = bag.payload
    real = f"{sum(m.size for m in payload.values())}.{len(payload)}"
    if not re.fullmatch(r"\d+\.\d+", oxum):
        found.fail(7, f"bag-info.txt 中的 Payload-Oxum 缺失或格式不对（{oxum or '空'}）")
    elif oxum != real:
        found.fail(7, f"Payload-Oxum 为 {oxum}，实际为 {real}（字节数.文件数）")


def _part_problem(part: str) -> str | None:
    """Why a name (one part of a member's path) cannot be used on Windows, or None."""
    if _WINDOWS_RESERVED.match(part) or _BAD_CHARS.search(part) or part.endswith((".", " ")):
        return "windows"
    if len(part.encode("utf-8")) > 255:
        return "long"
    return None


FOLDERS_KEPT = 4096
TWIN_SLOTS = 1 << 22  # 4 MB: 200 000 names leave about one slot in twenty holding two


def _check_zip_entries(bag: Bag, found: Findings) -> None:
    members = bag.directory.members
    counts, slots = _twin_slots(members)
    folded: dict[bytes, int] = {}  # the folded names of the few members that may have a twin
    folders: dict[str, str | None] = {}  # folder names recur in every member under them: each judged once
    for m in members:
        name = m.name  # read from its bytes on each use
        if m.encrypted:
            found.fail(12, f"{name} 被加密（设有密码）")
        if m.method not in (0, 8):
            found.fail(12, f"{name} 使用了不允许的压缩方法 {m.method}（只允许存储或 Deflate）")
        if not m.local_name_ok:
            found.fail(12, f"{name} 的本地文件头中的文件名与目录不一致")
        if m.read and not m.crc_ok:
            found.fail(12, f"{name} 的 CRC-32 校验值不符，解压工具会报错")
        if not name.isascii() and not m.flags & 0x800:
            found.fail(12, f"{name} 的文件名未标为 UTF-8 编码，在 Windows 下会显示乱码")
        if len(name) > MAX_PATH:
            found.fail(12, f"{name[:60]}… 路径过长（{len(name)} 个字符，上限 {MAX_PATH}）")
        *path, last = name.rstrip("/").split("/")
        for part in [*path, last]:
            if part is last:
                problem = _part_problem(part)  # a file's own name seldom recurs: not kept
            elif part in folders:
                problem = folders[part]
            else:
                if len(folders) >= FOLDERS_KEPT:
                    folders.clear()  # a folder per item: 200 000 of them took 25 MB
                problem = folders[part] = _part_problem(part)
            if problem == "windows":
                found.fail(12, f"{name} 中的名称“{part}”在 Windows 下不能使用")
                break
            if problem == "long":
                found.fail(12, f"{name[:60]}… 中有超过 255 字节的名称")
                break
        if counts[slots[m.index]] > 1:
            first = folded.setdefault(_folded(name).encode(), m.index)  # as text, 4 bytes a character past U+FFFF
            twin = members[first].name
            if first != m.index and twin != name:
                found.fail(12, f"{name} 与 {twin} 只有大小写或 Unicode 写法不同，在 Windows 下会互相覆盖")


def _twin_slots(members: list[Member]) -> tuple[bytearray, array[int]]:
    """Each member's slot (of a few million, by its folded name's hash) and how many members fall in each slot,
    up to 2. Only a member whose slot holds two may have a twin under Windows (the same name but for case or
    Unicode form), and only those are compared by name: a table of every folded name, or of every name's hash,
    took 20 MB at 200 000 entries."""
    counts = bytearray(TWIN_SLOTS)
    slots = array("I", (hash(_folded(m.name)) % len(counts) for m in members))
    for at in slots:
        counts[at] = min(counts[at] + 1, 2)
    return counts, slots


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _check_safety(bag: Bag, found: Findings) -> None:
    for m in bag.directory.members:
        name = m.name
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
            found.fail(13, f"{name} 是绝对路径")
        if ".." in re.split(r"[/\\]", name):
            found.fail(13, f"{name} 含有“..”，解压时会写到包外")
        if m.is_link:
            found.fail(13, f"{name} 是符号链接")
        if m.ratio_too_high:
            found.fail(13, f"{name} 声明解压后 {m.size:,} 字节、压缩后仅 {m.compressed:,} 字节，压缩比过高（zip 炸弹）")
        if m.error:
            found.fail(13, f"{name}：{m.error}")


_EXPECTED_TAGS = set(layout.TAG_FILES)
_CARRIER_DANGER = re.compile(
    r"(?i)^(autorun\.inf|desktop\.ini)$|\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|lnk|hta|msi|pif)$")


def _check_carrier(bag: Bag, found: Findings, trusted: bool) -> None:
    for rel, m in bag.members.items():
        if m.is_dir:
            continue
        if rel.startswith("data/"):
            if not rel.startswith((layout.RECORDS, "data/catalogue/", "data/handover/", layout.REGISTERS)) \
                    and rel != layout.SELF_CHECK:
                found.fail(15, f"包中有不属于移交包结构的文件：{rel}")
        elif rel not in _EXPECTED_TAGS:
            found.fail(15, f"包中有不应有的文件：{rel}")
        base = rel.rsplit("/", 1)[-1]
        if base in (".DS_Store", "Thumbs.db", "desktop.ini") or rel.startswith("__MACOSX"):
            found.fail(15, f"包中混入了系统文件：{rel}")
    for rel in layout.TAG_FILES:  # in their order, not a set's: the same package gives the same report
        if rel not in bag.members:
            found.fail(15, f"包中缺少 {rel}")
    if trusted:
        return
    folder = bag.zip_path.parent
    name = bag.zip_path.name
    # The station's public key may travel beside its first package, for the subdistrict to register.
    expected = {name, name + ".sha256", layout.form_name(bag.zip_path.stem),
                layout.key_file_name(bag.info_value("Fonds-Number"))}
    others = []
    try:
        siblings = list(folder.iterdir())
    except OSError:
        siblings = []
    for sibling in siblings:
        if sibling.name in expected or sibling.name.startswith((bag.zip_path.stem + "-校验报告", ".")):
            continue
        if _CARRIER_DANGER.search(sibling.name) or sibling.is_symlink():
            found.fail(15, f"载体中有可疑文件：{sibling.name}（可执行程序、脚本、快捷方式或自动运行文件）")
        else:
            others.append(sibling.name)
    if others:
        found.note(15, f"移交包所在文件夹中还有其他文件：{'、'.join(sorted(others)[:10])}"
                       + (f" 等 {len(others)} 个" if len(others) > 10 else ""))


def _summary(bag: Bag, pinned: bytes | None) -> PackageSummary:
    fingerprint = ""
    key = bag.bytes_of(layout.PUBLIC_KEY)
    if key is not None:
        try:
            fingerprint = key_fingerprint(key)
        except ValueError:
            fingerprint = ""
    oxum = bag.info_value("Payload-Oxum")
    items = bag.info_value("Item-Count")
    size, _dot, count = oxum.partition(".")
    return PackageSummary(
        identifier=bag.info_value("External-Identifier") or bag.top,
        station=bag.info_value("Source-Organization"), year=bag.info_value("Archival-Year"),
        items=int(items) if items.isdigit() else None, files=int(count) if count.isdigit() else None,
        payload_bytes=int(size) if size.isdigit() else None, key_fingerprint=fingerprint, pinned_key=pinned is not None,
        scope=_scope_text(bag))


def _scope_text(bag: Bag) -> str:
    """A project package's scope for the summary line: 项目「名称」 2023-03-01/2025-02-28."""
    if bag.info_value(layout.PACKAGE_SCOPE) != layout.SCOPE_PROJECT:
        return ""
    return f"项目「{bag.info_value(layout.PROJECT_NAME)}」 {bag.info_value(layout.PROJECT_PERIOD)}".strip()
