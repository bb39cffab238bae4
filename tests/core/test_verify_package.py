"""The verifier on packages built by hand: a good one passes all 15 checks; each kind of damage or attack
fails the check that names it (and the report lists every failure, not only the first)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core.crypto import public_key_pem, signing_key
from sgz_desktop.core.package import layout, verify, zipread
from sgz_desktop.core.package.content import quick_pages
from sgz_desktop.core.package.report import Findings, VerifyReport
from sgz_desktop.core.package.verify import verify_package
from sgz_desktop.core.package.zipread import read_directory
from sgz_desktop.core.progress import Cancelled, Progress
from sgz_desktop.core.reports.package import write_verify_pdf
from tests.core.package_factory import (
    NAME,
    OTHER_SECRET,
    SECRET,
    Files,
    append_raw,
    flip_in_place,
    good_package,
    resign_sidecar,
    rezip,
    zero_deflate,
)


def failed(report: VerifyReport) -> set[int]:
    return {c.number for c in report.failed}


def messages(report: VerifyReport, number: int) -> str:
    return "\n".join(report.check(number).failures)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return good_package(tmp_path_factory.mktemp("good"))


def copy(package: Path, tmp_path: Path) -> Path:
    target = tmp_path / "c" / package.name
    target.parent.mkdir()
    shutil.copy(package, target)
    shutil.copy(package.with_name(package.name + ".sha256"), target.parent)
    return target


def test_a_good_package_passes_every_check(package: Path) -> None:
    report = verify_package(package, public_key=public_key_pem(SECRET))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert len(report.checks) == 15
    assert [key for key, _label, _c in report.by_property()] == ["authenticity", "completeness", "usability",
                                                                  "security"]
    assert report.summary.items == 4 and report.summary.year == "2024" and report.summary.pinned_key


def test_report_as_json_and_pdf(package: Path, tmp_path: Path) -> None:
    report = verify_package(package)
    data = json.loads(json.dumps(report.to_json()))
    assert data["passed"] and [p["name"] for p in data["properties"]] == ["真实性", "完整性", "可用性", "安全性"]
    assert sum(len(p["checks"]) for p in data["properties"]) == 15
    pdf = write_verify_pdf(tmp_path / "report.pdf", report)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "四性检测全部合格" in text and "真实性" in text and "安全性" in text


def test_bagit_python_validates_the_unzipped_bag(package: Path, tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    with zipfile.ZipFile(package) as z:
        z.extractall(tmp_path)
    bag = bagit.Bag(str(tmp_path / NAME))
    bag.validate()  # raises BagValidationError when invalid
    assert bag.info["Payload-Oxum"] and bag.version_info == (1, 0)
    tool = Path(sys.executable).with_name("bagit.py")
    if tool.exists():
        run = subprocess.run([str(tool), "--validate", str(tmp_path / NAME)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


# --- what will be checked (issue 7) ----------------------------------------------------------------

def _payload(members: list[tuple[zipfile.ZipInfo, bytes]], suffix: str) -> int:
    return next(i for i, (info, _d) in enumerate(members) if info.filename.endswith(suffix))


def test_one_flipped_byte_in_a_payload_file(package: Path, tmp_path: Path) -> None:
    def flip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        i = _payload(members, "-001.pdf")
        info, data = members[i]
        members[i] = (info, data[:500] + bytes([data[500] ^ 1]) + data[501:])

    report = verify_package(rezip(package, tmp_path / "c" / package.name, flip))
    assert 3 in failed(report) and "SHA-256" in messages(report, 3)
    assert 5 in failed(report)
    assert 1 not in failed(report)


def test_a_payload_file_removed(package: Path, tmp_path: Path) -> None:
    report = verify_package(rezip(package, tmp_path / "c" / package.name,
                                  lambda m: m.pop(_payload(m, "-001.pdf"))))
    assert {5, 6} <= failed(report)
    assert "文件缺失" in messages(report, 6)


def test_a_file_added(package: Path, tmp_path: Path) -> None:
    def add(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        members.append((zipfile.ZipInfo(f"{NAME}/data/extra.txt"), b"not in any manifest\n"))

    report = verify_package(rezip(package, tmp_path / "c" / package.name, add))
    assert 6 in failed(report) and "extra.txt" in messages(report, 6)
    assert 15 in failed(report)


def test_a_manifest_line_removed(package: Path, tmp_path: Path) -> None:
    def drop_line(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        i = _payload(members, layout.MANIFEST)
        info, data = members[i]
        members[i] = (info, b"\n".join(data.split(b"\n")[1:]))

    report = verify_package(rezip(package, tmp_path / "c" / package.name, drop_line))
    assert {3, 6} <= failed(report)
    assert "manifest-sha256.txt" in messages(report, 3)


def test_every_bad_manifest_line_is_named_by_its_number(package: Path, tmp_path: Path) -> None:
    """The manifest is read line by line from the zip: a line listed twice, a line that is not "hash  path",
    a missing file listed twice (named once), a wrong hash, and a file no line lists are each named."""
    def edit(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        i = _payload(members, layout.MANIFEST)
        info, data = members[i]
        lines = data.decode().splitlines()
        first, second, third = lines[0], lines[1], lines[2]
        wrong = ("0" if third[0] != "0" else "1") + third[1:]
        ghost = "a" * 64 + "  data/records/ghost.pdf"
        lines = [first, first, "not a manifest line", ghost, ghost, wrong, *lines[3:]]
        members[i] = (info, ("\r\n".join(lines) + "\r\n").encode())
        assert second  # its file is now listed by no line

    report = verify_package(rezip(package, tmp_path / "c" / package.name, edit))
    text3, text6 = messages(report, 3), messages(report, 6)
    path = lambda line: line.split("  ", 1)[1]  # noqa: E731
    with zipfile.ZipFile(package) as z:
        lines = z.read(f"{NAME}/{layout.MANIFEST}").decode().splitlines()
    assert f"manifest-sha256.txt：第 2 行重复列出 {path(lines[0])}" in text3
    assert "manifest-sha256.txt：第 3 行格式不对：not a manifest line" in text3
    assert "manifest-sha256.txt：第 5 行重复列出 data/records/ghost.pdf" in text3
    assert f"{path(lines[2])} 的 SHA-256 与 manifest-sha256.txt 不一致" in text3
    assert text6.count("data/records/ghost.pdf 不在包中（文件缺失）") == 1
    assert f"{path(lines[1])} 不在 manifest-sha256.txt 中" in text6


def test_signature_made_with_another_key(package: Path, tmp_path: Path) -> None:
    def resign(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        tag = members[_payload(members, layout.TAGMANIFEST)][1]
        i = _payload(members, layout.SIGNATURE)
        import base64
        members[i] = (members[i][0], base64.b64encode(signing_key(OTHER_SECRET).sign(tag)) + b"\n")

    report = verify_package(rezip(package, tmp_path / "c" / package.name, resign))
    assert failed(report) == {2}
    assert "签名" in messages(report, 2)


def test_a_missing_signature_is_named_as_missing(package: Path, tmp_path: Path) -> None:
    def drop(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        del members[_payload(members, layout.SIGNATURE)]

    report = verify_package(rezip(package, tmp_path / "c" / package.name, drop))
    assert messages(report, 2) == f"缺少签名 {layout.SIGNATURE}"


def test_a_signature_that_happens_to_begin_with_mz_is_not_taken_for_a_program(package: Path, tmp_path: Path) -> None:
    """One package in 4 096 has a base64 signature beginning "MZ" (a Windows program's first bytes): the package
    is re-keyed with the first of a run of keys whose signature does (a few thousand tries, well under a second)."""
    with zipfile.ZipFile(package) as z:
        lines = z.read(f"{NAME}/{layout.TAGMANIFEST}").decode().splitlines()
    for n in range(100_000):
        secret = hashlib.sha256(b"mz%d" % n).digest()
        pem = public_key_pem(secret)
        tag = "".join((f"{hashlib.sha256(pem).hexdigest()}  {layout.PUBLIC_KEY}" if ln.endswith(layout.PUBLIC_KEY)
                       else ln) + "\n" for ln in lines).encode()
        sig = base64.b64encode(signing_key(secret).sign(tag)) + b"\n"
        if sig.startswith(b"MZ"):
            break

    def rekey(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        for rel, data in ((layout.PUBLIC_KEY, pem), (layout.TAGMANIFEST, tag), (layout.SIGNATURE, sig)):
            i = _payload(members, rel)
            members[i] = (members[i][0], data)

    report = verify_package(rezip(package, tmp_path / "c" / package.name, rekey), public_key=pem)
    assert sig.startswith(b"MZ") and report.passed, [(c.number, c.failures) for c in report.failed]


def test_a_program_in_place_of_the_signature_is_still_named(package: Path, tmp_path: Path) -> None:
    def swap(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        i = _payload(members, layout.SIGNATURE)
        members[i] = (members[i][0], b"MZ\x90\x00\x03" + bytes(200))

    report = verify_package(rezip(package, tmp_path / "c" / package.name, swap))
    assert {2, 14} <= failed(report) and "Windows 可执行程序" in messages(report, 14)


def test_a_forger_who_replaces_key_and_signature_is_caught_by_the_pinned_key(package: Path, tmp_path: Path) -> None:
    import base64

    def forge(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        k = _payload(members, layout.PUBLIC_KEY)
        members[k] = (members[k][0], public_key_pem(OTHER_SECRET))
        t = _payload(members, layout.TAGMANIFEST)
        lines = [ln for ln in members[t][1].decode().splitlines() if not ln.endswith(layout.PUBLIC_KEY)]
        import hashlib
        lines.append(f"{hashlib.sha256(public_key_pem(OTHER_SECRET)).hexdigest()}  {layout.PUBLIC_KEY}")
        tag = ("\n".join(sorted(lines, key=lambda ln: ln.split()[1])) + "\n").encode()
        members[t] = (members[t][0], tag)
        s = _payload(members, layout.SIGNATURE)
        members[s] = (members[s][0], base64.b64encode(signing_key(OTHER_SECRET).sign(tag)) + b"\n")

    forged = rezip(package, tmp_path / "c" / package.name, forge)
    assert verify_package(forged).passed  # self-consistent: only a pinned key tells
    report = verify_package(forged, public_key=public_key_pem(SECRET))
    assert failed(report) == {2} and "登记的公钥不一致" in messages(report, 2)


def test_an_entry_named_dot_dot(package: Path, tmp_path: Path) -> None:
    def evil(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        members.append((zipfile.ZipInfo("../evil.txt"), b"pwned\n"))

    report = verify_package(rezip(package, tmp_path / "c" / package.name, evil))
    assert 13 in failed(report) and "../evil.txt" in messages(report, 13)
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "c" / "evil.txt").exists()


def test_a_symlink_entry(package: Path, tmp_path: Path) -> None:
    def link(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        info = zipfile.ZipInfo(f"{NAME}/data/records/link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        members.append((info, b"/etc/passwd"))

    report = verify_package(rezip(package, tmp_path / "c" / package.name, link))
    assert 13 in failed(report) and "符号链接" in messages(report, 13)


def test_a_gigabyte_of_zeros_compressed_to_a_megabyte(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    append_raw(target, f"{NAME}/data/bomb.txt", zero_deflate(1 << 30), 1 << 30)
    report = verify_package(target)
    assert 13 in failed(report) and "zip 炸弹" in messages(report, 13)


def test_a_few_kilobytes_declared_as_a_gigabyte(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    append_raw(target, f"{NAME}/data/bomb2.txt", zero_deflate(4 << 20), 1 << 30)
    assert 13 in failed(verify_package(target))


def test_a_member_that_inflates_past_its_declared_size(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    append_raw(target, f"{NAME}/data/liar.txt", zero_deflate(2 << 20), 1000)
    report = verify_package(target)
    assert 13 in failed(report) and "超过声明的大小" in messages(report, 13)


@pytest.mark.parametrize("size", [3_000, 300_000])  # read whole by the reader / streamed through the lanes
def test_corrupt_compressed_data_is_a_failure_not_a_crash(package: Path, tmp_path: Path, size: int) -> None:
    target = copy(package, tmp_path)
    garbage = bytes([0xFF]) * 16 + bytes(range(256)) * (size // 256)  # 0xFF opens an invalid deflate block
    append_raw(target, f"{NAME}/data/broken.txt", garbage, size * 4)
    report = verify_package(target)
    assert 13 in failed(report) and "broken.txt：压缩数据不完整或已损坏" in messages(report, 13)


def test_a_gap_in_item_numbers(tmp_path: Path) -> None:
    report = verify_package(good_package(tmp_path, numbers=(1, 2, 4)))
    assert failed(report) == {9}
    assert "缺 0003" in messages(report, 9)


@pytest.mark.parametrize(("value", "says"), [(10**15, "超出范围"), (True, "无效"), (2.0, "无效")])
def test_an_item_number_far_out_of_range_is_a_failure_not_a_runaway(package: Path, tmp_path: Path, value: object,
                                                                    says: str) -> None:
    """A hostile 件号 of 10¹⁵ once made the gap check count up to it (memory without end)."""
    def change(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        at = next(i for i, (info, _) in enumerate(members) if info.filename.endswith(layout.METADATA))
        info, data = members[at]
        meta = json.loads(data)
        meta["件号"] = value
        members[at] = (info, json.dumps(meta, ensure_ascii=False).encode())

    report = verify_package(rezip(package, tmp_path / "c" / package.name, change))
    assert 9 in failed(report) and says in messages(report, 9)


def test_a_pattern_that_repeats_a_part_is_refused_not_run(package: Path, tmp_path: Path) -> None:
    """A hostile 档号格式 of twenty {item} made the pattern's regex backtrack without end on a long 档号."""
    hostile = "{fonds}-{category}·{year}-{retention}-{org}-" + "{item}" * 20
    assert layout.danghao_regex(hostile) is None  # checked first: on a regression the run below would hang

    def change(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        at = next(i for i, (info, _) in enumerate(members) if info.filename.endswith(layout.METADATA))
        info, data = members[at]
        meta = json.loads(data)
        meta["档号格式"], meta["档号"] = hostile, "Z109-WS·2024-Y-BGS-" + "1" * 40 + "x"
        members[at] = (info, json.dumps(meta, ensure_ascii=False).encode())

    report = verify_package(rezip(package, tmp_path / "c" / package.name, change))
    assert 4 in failed(report) and "无法使用" in messages(report, 4)


def test_a_huge_value_quoted_in_a_failure_is_cut(package: Path, tmp_path: Path) -> None:
    """A 件号 of two hundred thousand characters was quoted whole: the report PDF took seconds per such line."""
    def change(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        at = next(i for i, (info, _) in enumerate(members) if info.filename.endswith(layout.METADATA))
        info, data = members[at]
        meta = json.loads(data)
        meta["件号"] = "x" * 200_000
        members[at] = (info, json.dumps(meta, ensure_ascii=False).encode())

    report = verify_package(rezip(package, tmp_path / "c" / package.name, change))
    line = next(m for m in report.check(9).failures if "件号「xxx" in m)
    assert len(line) < 600 and line.endswith("（过长，已截断）")
    write_verify_pdf(tmp_path / "r.pdf", report)
    assert "已截断" in "".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)


def test_duplicate_item_numbers(tmp_path: Path) -> None:
    def same(files: Files) -> None:
        rel = sorted(r for r in files if r.endswith(layout.METADATA))[-1]
        meta = json.loads(files[rel])
        meta["件号"] = 1
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=same))
    assert {4, 9} <= failed(report)
    assert "件号 0001 重复 2 次" in messages(report, 9)


def test_catalogue_rows_disagree_with_the_bag(tmp_path: Path) -> None:
    def drop_row(files: Files) -> None:
        lines = files[layout.CATALOGUE_CSV].decode("utf-8-sig").splitlines()
        files[layout.CATALOGUE_CSV] = ("\r\n".join(lines[:-1]) + "\r\n").encode("utf-8-sig")

    report = verify_package(good_package(tmp_path, edit=drop_row))
    assert failed(report) == {8}
    assert "catalogue.csv" in messages(report, 8)


# --- more of the rules -----------------------------------------------------------------------------

def test_every_failure_is_reported_not_only_the_first(tmp_path: Path) -> None:
    def damage(files: Files) -> None:
        for rel in list(files):
            if rel.endswith(layout.METADATA):
                meta = json.loads(files[rel])
                meta["保管期限"] = "D5"
                meta["密级"] = "很机密"
                meta["日期"] = "2023-12-31"
                files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=damage))
    assert 4 in failed(report)
    text = messages(report, 4)
    assert text.count("保管期限") == 4 and text.count("不是已知的密级") == 4 and text.count("不在档案年度") == 4


def test_metadata_that_lies_about_its_file(tmp_path: Path) -> None:
    def lie(files: Files) -> None:
        rel = next(r for r in files if r.endswith(layout.METADATA))
        meta = json.loads(files[rel])
        meta["文件"][0]["字节数"] += 1
        meta["文件"][0]["格式"] = "tiff"
        meta["文件"][0]["sha256"] = "0" * 64
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=lie))
    text = messages(report, 5)
    assert "记录的大小" in text and "记录的格式" in text and "SHA-256" in text


def test_danghao_must_agree_with_its_parts_and_control_characters_are_refused(tmp_path: Path) -> None:
    def tamper(files: Files) -> None:
        rel = next(r for r in files if r.endswith(layout.METADATA))
        meta = json.loads(files[rel])
        meta["机构"] = "CW"
        meta["题名"] = "通知\x07"
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    text = messages(verify_package(good_package(tmp_path, edit=tamper)), 4)
    assert "与其组成部分不一致" in text and "控制字符" in text


def test_pdf_pages_must_match_the_record(tmp_path: Path) -> None:
    def pages(files: Files) -> None:
        rel = next(r for r in files if r.endswith(layout.METADATA))
        meta = json.loads(files[rel])
        meta["文件"][0]["页数"] = 9
        meta["页数"] = 9
        files[rel] = json.dumps(meta, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=pages))
    assert 10 in failed(report) and "实际" in messages(report, 10)


def _replace_first_pdf(files: Files, data: bytes) -> None:
    rel = next(r for r in files if r.endswith("-001.pdf") and r.startswith(layout.RECORDS))
    files[rel] = data
    meta_rel = rel.rsplit("/", 1)[0] + "/" + layout.METADATA
    meta = json.loads(files[meta_rel])
    import hashlib
    meta["文件"][0].update({"字节数": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    files[meta_rel] = json.dumps(meta, ensure_ascii=False).encode()


@pytest.mark.parametrize("action", [b"/S /JavaScript /JS (app.alert(1))", b"/S /Launch /F (cmd.exe)",
                                    b"/S /J#61vaScript /JS (x)"])
def test_pdf_active_content_is_named(tmp_path: Path, action: bytes) -> None:
    def active(files: Files) -> None:
        rel = next(r for r in files if r.endswith("-001.pdf"))
        data = files[rel]
        _replace_first_pdf(files, data.replace(b"%%EOF", b"% " + action + b"\n%%EOF"))

    report = verify_package(good_package(tmp_path, edit=active))
    assert 14 in failed(report) and "PDF 中含有" in messages(report, 14)


def test_a_pdf_whose_cross_reference_claims_a_trillion_entries(tmp_path: Path) -> None:
    """Its page count was once read by looping over the claimed count: the verifier never finished."""
    body = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 1 >>\nendobj\n")
    hostile = body + (b"xref\n0 1000000000000\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n"
                      b"<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % len(body))
    assert quick_pages(io.BytesIO(hostile), len(hostile)) is None  # first: on a regression the run below hangs
    report = verify_package(good_package(tmp_path, edit=lambda f: _replace_first_pdf(f, hostile)))
    assert 11 in failed(report) and "PDF 无法打开" in messages(report, 11)


def test_an_executable_disguised_as_a_pdf(tmp_path: Path) -> None:
    report = verify_package(good_package(tmp_path, edit=lambda f: _replace_first_pdf(f, b"MZ\x90\x00" + bytes(400))))
    assert {5, 11, 14} <= failed(report)
    assert "Windows 可执行程序" in messages(report, 14)


@pytest.mark.parametrize("budget", [None, 0])  # 0: the pass keeps nothing, the document is read again from the zip
def test_office_macros_are_found(tmp_path: Path, budget: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from sgz_desktop.core.package import zipread
    if budget is not None:
        monkeypatch.setattr(zipread, "KEEP_TOTAL", budget)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")

    def macro(files: Files) -> None:
        files["data/registers/report.docm"] = buf.getvalue()

    report = verify_package(good_package(tmp_path, edit=macro))
    assert 14 in failed(report) and "宏" in messages(report, 14)
    assert 11 in failed(report)


@pytest.mark.parametrize("kept", [4096, 1])  # 1: the folders judged are forgotten at every new one
def test_encrypted_entries_and_windows_unfriendly_names(package: Path, tmp_path: Path, kept: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "FOLDERS_KEPT", kept)

    def names(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        members.append((zipfile.ZipInfo(f"{NAME}/data/registers/CON.txt"), b"x"))
        members.append((zipfile.ZipInfo(f"{NAME}/data/registers/A.txt"), b"x"))
        members.append((zipfile.ZipInfo(f"{NAME}/data/registers/a.txt"), b"y"))
        # a bad folder name is named for every member under it (each name is judged once, then remembered)
        members += [(zipfile.ZipInfo(f"{NAME}/data/registers/备份 /{n}.txt"), b"z") for n in range(2)]
        members.append((zipfile.ZipInfo(f"{NAME}/data/registers/{'长' * 90}.txt"), b"l"))

    target = rezip(package, tmp_path / "c" / package.name, names)
    append_raw(target, f"{NAME}/data/registers/locked.txt", b"\x00" * 24, 12, method=0, flags=0x801)
    report = verify_package(target)
    text = messages(report, 12)
    assert "CON.txt" in text and "大小写" in text and "加密" in text
    assert all(f"备份 /{n}.txt 中的名称“备份 ”在 Windows 下不能使用" in text for n in range(2))
    assert "中有超过 255 字节的名称" in text


@pytest.mark.parametrize("slots", [verify.TWIN_SLOTS, 1])  # 1: every name may have a twin and is compared
def test_names_that_differ_only_in_unicode_form_or_case_are_named_once_each(package: Path, tmp_path: Path, slots: int,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "TWIN_SLOTS", slots)

    def names(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        for name in ("Caf\u00e9.txt", "cafe\u0301.txt", "CAFÉ.TXT", "other.txt"):  # é composed, decomposed, upper
            members.append((zipfile.ZipInfo(f"{NAME}/data/registers/{name}"), b"x"))

    text = messages(verify_package(rezip(package, tmp_path / "c" / package.name, names)), 12)
    assert text.count("只有大小写或 Unicode 写法不同") == 2 and "other.txt" not in text
    assert f"{NAME}/data/registers/cafe\u0301.txt 与 {NAME}/data/registers/Caf\u00e9.txt" in text


def test_a_zip_with_a_top_folder_for_every_entry_is_judged_in_one_pass(tmp_path: Path) -> None:
    """Twenty thousand top folders (comparing each with every name once took minutes here, hours at the entry
    limit): the folder holding most entries is taken for the bag's, the others named."""
    path = tmp_path / "tops.zip"
    with zipfile.ZipFile(path, "w") as z:
        for n in range(20_000):
            z.writestr(f"T{n:05d}/x.txt", b"x")
        z.writestr("T07777/y.txt", b"y")
    report = verify_package(path)
    assert "压缩包中应只有一个顶层文件夹，实际有 20000 个" in messages(report, 6)
    assert "T00000/x.txt 不在包的顶层文件夹 T07777/ 中" in messages(report, 6)


def test_each_name_is_held_once_as_utf8_and_is_the_key_of_the_bags_table(tmp_path: Path) -> None:
    """A member's name is its UTF-8 bytes (a package may hold 200 000), which are also the very key of the bag's
    table: no name is held twice. Every kind of name gives itself back, and so do its two parts."""
    names = ["a.txt", "/abs/b.txt", "B/", "B/data/", "B/data/c.txt", "B/data/d/e.txt", "B/bagit.txt", "C/x",
             "B/data/档案/扫描件😀.pdf"]
    path = tmp_path / "n.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name in names:
            z.writestr(name, b"" if name.endswith("/") else b"x")
    members = read_directory(path).members
    assert [m.name for m in members] == names and [m.utf8 for m in members] == [n.encode() for n in names]
    assert [m.is_dir for m in members] == [n.endswith("/") for n in names]
    assert (members[0].top, members[0].rel) == ("", "a.txt") and (members[1].top, members[1].rel) == ("/", "abs/b.txt")
    assert (members[8].top, members[8].rel) == ("B/", "data/档案/扫描件😀.pdf")
    assert all(m.raw == b"" for m in members)  # the bytes are the name: not held a second time
    bag = verify.Bag(path, read_directory(path))
    verify._index(bag, Findings())
    inside = [m for m in bag.directory.members if m.name.startswith("B/")]
    assert bag.top == "B" and all(bag.members[m.rel] is m for m in inside)
    assert all(key is m.utf8 for key, m in bag.members.members()) and len(bag.members) == len(inside)
    assert "C/x" not in bag.members and "x" not in bag.members and "data/\udc80" not in bag.members
    assert list(bag.members.tags()) == ["bagit.txt"]
    assert list(bag.payload) == ["data/c.txt", "data/d/e.txt", "data/档案/扫描件😀.pdf"] and len(bag.payload) == 3
    assert dict(bag.payload.items()) == {rel: bag.members[rel] for rel in bag.payload}
    assert bag.payload.get("data/") is None and bag.payload.get("bagit.txt") is None
    assert bag.payload["data/c.txt"].name == "B/data/c.txt"
    ordered = bag.payload.in_order()
    assert [rel for rel, _m in ordered.items()] == sorted(bag.payload)
    assert list(ordered.in_folder("data/")) == ["data/c.txt"] and list(ordered.in_folder("data/档案/")) == [
        "data/档案/扫描件😀.pdf"]


def test_names_not_flagged_as_utf8_or_not_valid_utf8_read_as_before(tmp_path: Path) -> None:
    """A name in code page 437 (no UTF-8 flag) and one flagged UTF-8 whose bytes are not: read as text as the zip
    tools read them, compared with the local header as the bytes they are."""
    path = tmp_path / "raw.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("B/bagit.txt", b"BagIt-Version: 1.0\n")
    append_raw(path, b"B/data/caf\x82.txt", b"x", 1, method=0, flags=0)
    append_raw(path, b"B/data/bad\xff.txt", b"y", 1, method=0)
    directory = read_directory(path)
    cp437, broken = directory.members[1:]
    assert cp437.name == "B/data/café.txt" and cp437.raw == b""  # code page 437 gives its bytes back
    assert broken.name == "B/data/bad\ufffd.txt" and broken.raw == b"B/data/bad\xff.txt"
    report = verify_package(path)
    assert "B/data/café.txt 的文件名未标为 UTF-8 编码，在 Windows 下会显示乱码" in messages(report, 12)
    assert "本地文件头中的文件名与目录不一致" not in messages(report, 12)


def test_names_past_u_ffff_are_held_in_their_utf8_size(tmp_path: Path) -> None:
    """As text, a name with one character past U+FFFF takes four bytes a character: a directory of 64 MB of such
    names took 250 MB, past the verifier's 200. As UTF-8 a name takes its size in the zip. Measured on the
    directory of 10 000 such names: what is held a member, the table's columns included, beside its name's bytes."""
    path = tmp_path / "emoji.zip"
    with zipfile.ZipFile(path, "w") as z:
        for n in range(10_000):
            z.writestr(f"B/data/x/{'a' * 200}😀{n}.txt", b"x")
    utf8 = len(f"B/data/x/{'a' * 200}😀0000.txt".encode())  # 222 bytes; 912 as text
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        directory = read_directory(path)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(directory.members) == 10_000
    # The name's bytes, and about 220 more (the member's view, its index, the columns); as text, ~1 275 in all.
    assert held / 10_000 < utf8 + 300, held / 10_000


def test_the_same_package_gives_the_same_report_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Missing tag files were listed in a set's order, which changes from one run to the next."""
    path = tmp_path / "bare.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("B/data/a.txt", b"a")
    probe = ("import sys; from pathlib import Path; from sgz_desktop.core.package.verify import verify_package; "
             "print(verify_package(Path(sys.argv[1])).check(15).failures)")
    seen = {subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(4)}
    assert len(seen) == 1 and "包中缺少 bagit.txt" in seen.pop()


def test_a_huge_entry_count_is_refused_without_reading(tmp_path: Path) -> None:
    bomb = tmp_path / "many.zip"
    bomb.write_bytes(b"PK\x05\x06" + (0).to_bytes(4, "little") + (0xFFFE).to_bytes(2, "little") * 2
                     + b"\x00" * 10)
    zip64 = tmp_path / "many64.zip"
    rec = (b"PK\x06\x06" + (44).to_bytes(8, "little") + (45).to_bytes(2, "little") * 2 + bytes(8)
           + (10**9).to_bytes(8, "little") * 2 + (46 * 10**9).to_bytes(8, "little") + bytes(8))
    loc = b"PK\x06\x07" + bytes(4) + (0).to_bytes(8, "little") + (1).to_bytes(4, "little")
    zip64.write_bytes(rec + loc + b"PK\x05\x06" + bytes(4) + b"\xff\xff" * 2 + b"\xff" * 8 + bytes(2))
    assert 13 in failed(verify_package(bomb))
    report = verify_package(zip64)
    assert "条目数" in messages(report, 13)
    assert not report.passed and all(not c.passed for c in report.checks)


def test_overlapping_entries(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    blob = bytearray(target.read_bytes())
    end = blob.rfind(b"PK\x05\x06")
    cd = int.from_bytes(blob[end + 16:end + 20], "little")
    first = blob.find(b"PK\x01\x02", cd)
    second = blob.find(b"PK\x01\x02", first + 4)
    blob[second + 42:second + 46] = blob[first + 42:first + 46]  # the second entry points at the first's data
    target.write_bytes(bytes(blob))
    resign_sidecar(target)
    report = verify_package(target)
    assert 13 in failed(report) or 12 in failed(report)


def test_hash_against_sidecar_form_and_expected_value(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    target.with_name(target.name + ".sha256").write_text("0" * 64 + "  x.zip\n")
    assert 1 in failed(verify_package(target))
    target.with_name(target.name + ".sha256").unlink()
    assert "没有可对照的哈希" in messages(verify_package(target), 1)
    report = verify_package(target, expect_sha256="ab" * 32)
    assert 1 in failed(report)
    digest = verify_package(target).zip_sha256
    assert verify_package(target, expect_sha256=digest.upper()).check(1).passed


def test_the_carrier_holds_only_the_expected_files(package: Path, tmp_path: Path) -> None:
    target = copy(package, tmp_path)
    (target.parent / "autorun.inf").write_text("[autorun]\nopen=x.exe\n")
    (target.parent / "notes.txt").write_text("hello")
    report = verify_package(target)
    assert failed(report) == {15}
    assert "autorun.inf" in messages(report, 15) and any("notes.txt" in n for n in report.check(15).notes)


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"hello")
    report = verify_package(path)
    assert not report.passed and 13 in failed(report)


def test_a_cancelled_check_stops_reading_the_package(package: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The zip's own hash, read on a thread of its own, stops with the checks and closes the file: a package on
    a USB stick can be ejected as soon as the check is cancelled, not after the rest of it was read."""
    started = threading.Event()

    def slow_start() -> None:  # the hash thread has not read the file yet when the check is cancelled
        started.set()
        time.sleep(0.5)

    monkeypatch.setattr(zipread, "yield_to_others", slow_start)
    progress = Progress(lambda done, total, text: progress.cancel())
    with pytest.raises(Cancelled):
        verify_package(copy(package, tmp_path), progress=progress)
    assert started.is_set()
    assert [t for t in threading.enumerate() if t.name == "zip-sha"] == []


@pytest.mark.parametrize("step", [1, 7, 100, 191, 4096, 10**6])
def test_pdf_scan_finds_names_across_any_block_boundary(step: int) -> None:
    from sgz_desktop.core.package.content import PdfScan

    data = b"x" * 5000 + b"/S /Launch " + b"y" * 3000 + b"/J#61vaScript" + b"/ObjStm " + b"z" * 50
    scan = PdfScan()
    for i in range(0, len(data), step):
        scan.feed(data[i:i + step])
    scan.finish()
    assert scan.found == {"启动外部程序（Launch）", "JavaScript 脚本"} and scan.object_streams


@pytest.mark.parametrize("seed", range(6))
def test_pdf_scan_agrees_with_the_token_pattern_over_the_whole_file(seed: int) -> None:
    """The clue-guided scan must find exactly what the token pattern finds over the whole file, whatever
    the pieces: random bytes (slashes and #xx by chance) with plain, escaped and near-miss names."""
    import random

    from sgz_desktop.core.package import content

    rnd = random.Random(seed)
    tokens = [b"/Launch", b"/JavaScriptX", b"/J#61vaScript", b"/#4Aava#53cript", b"/Embedded#46iles", b"/Obj#53tm",
              b"/XF#41", b"/J#53", b"/RichMedia#20", b"/Launc#68", b"/Lau" + b"#6e" * 20 + b"ch", b"/ObjStm"]
    parts = []
    for _ in range(40):
        parts.append(rnd.randbytes(rnd.randint(0, 600)).replace(b"\x00", b"/"))
        if rnd.random() < 0.4:
            parts.append(rnd.choice(tokens) + rnd.choice([b" ", b"", b"#", b"a", b"/"]))
    data = b"".join(parts)
    expected = content.PdfScan()
    for m in content._PDF_TOKENS.finditer(data):
        expected._record(m)
    scan = content.PdfScan()
    at = 0
    while at < len(data):
        step = rnd.choice([1, 3, 50, 161, 320, 4096, 10**5])
        scan.feed(data[at:at + step])
        at += step
    scan.finish()
    assert (scan.found, scan.object_streams) == (expected.found, expected.object_streams)


def test_control_characters_in_the_catalogue_and_handover_list_are_named(tmp_path: Path) -> None:
    def tamper(files: Files) -> None:
        rel = next(r for r in files if r.endswith(layout.CATALOGUE_JSON))
        catalogue = json.loads(files[rel])
        catalogue["条目"][0]["题名"] = "通知\x1b"
        files[rel] = json.dumps(catalogue, ensure_ascii=False).encode()
        rel = next(r for r in files if r.endswith(layout.HANDOVER_JSON))
        handover = json.loads(files[rel])
        handover["移交单位"] = "后湖\x00街道"
        files[rel] = json.dumps(handover, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=tamper))
    text = messages(report, 4)
    assert "catalogue.json：「题名」中有控制字符" in text and "handover-list.json：「移交单位」中有控制字符" in text
    assert 8 not in failed(report)  # the entries were still counted


def test_an_item_metadata_read_again_must_still_be_what_the_pass_hashed(tmp_path: Path) -> None:
    from sgz_desktop.core.package.zipread import ZipBytes, read_directory, reread, scan

    path = tmp_path / "p.zip"
    text = json.dumps({"题名": "关于开展社区走访的通知" * 20}, ensure_ascii=False).encode()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("P/data/records/WS/Y/X/metadata.json", text, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("P/bagit.txt", b"BagIt-Version: 1.0\n", compress_type=zipfile.ZIP_STORED)
    directory = read_directory(path)
    scan(directory, lambda m: False)
    meta, tag = directory.members
    assert meta.kept is None and meta.read
    with ZipBytes(path) as fh:
        assert reread(fh, meta) == text and reread(fh, tag) == b"BagIt-Version: 1.0\n"
    flip_in_place(path, [tag.data_offset], 1)  # changed after the pass
    with ZipBytes(path) as fh:
        assert reread(fh, tag) is None and reread(fh, meta) == text


@pytest.mark.parametrize("depth", [950, 100_000])
def test_deeply_nested_metadata_is_a_failure_not_a_crash(tmp_path: Path, depth: int) -> None:
    def nest(files: Files) -> None:
        rel = next(r for r in files if r.endswith(layout.METADATA))
        meta = json.loads(files[rel])
        text = json.dumps(meta, ensure_ascii=False)
        deep = "[" * depth + '"\\u0007"' + "]" * depth
        files[rel] = (text[:-1] + f', "备注2": {deep}}}').encode()

    report = verify_package(good_package(tmp_path, edit=nest))
    assert not report.passed and ({4, 11} & failed(report))
