"""The streaming zip writer: members streamed from files (stored, or deflated piece by piece) and given
in memory read back byte for byte with Python's zipfile and Info-ZIP's unzip, Zip64 where a member or an
offset needs it, a file that changes while it is read refused, duplicate names refused by the bag."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from sgz_desktop.core.errors import IntegrityFailure
from sgz_desktop.core.package import zipwriter
from sgz_desktop.core.package.bag import BagWriter
from sgz_desktop.core.package.zipwriter import DEFLATED, STORED, ZipStreamWriter

WHEN = dt.datetime(2025, 1, 20, 10, 0)


def _text(n: int) -> bytes:
    return "".join(f"WS·2024-Y-BGS-{i:04d},关于社区养老服务的通知,{i * 37 % 1000}\r\n" for i in range(n)).encode()


def _write(path: Path, members: list[tuple[str, Path | bytes, bool]]) -> dict[str, zipwriter.Entry]:
    entries = {}
    with path.open("wb") as out:
        writer = ZipStreamWriter(out, WHEN)
        for name, source, deflate in members:
            if isinstance(source, Path):
                entries[name] = writer.add_file(name, source, deflate=deflate)
            else:
                entries[name] = writer.add_bytes(name, source, deflate=deflate)
        settled = writer.settle()
        writer.close()
    for name, sha in settled.items():
        assert sha == hashlib.sha256(Path(dict((n, s) for n, s, _d in members)[name]).read_bytes()).hexdigest()
    return entries


def _read_back(path: Path, expected: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert {i.filename: z.read(i) for i in z.infolist()} == expected
    if shutil.which("unzip"):
        test = subprocess.run(["unzip", "-tq", str(path)], capture_output=True, text=True)
        assert test.returncode == 0, test.stdout + test.stderr


def test_streamed_text_is_deflated_piece_by_piece_and_reads_back(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipwriter, "CHUNK", 64 * 1024)  # several pieces, and a last short one
    text = tmp_path / "catalogue.csv"
    text.write_bytes(_text(9_000))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 900)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    entries = _write(tmp_path / "t.zip", [("top/data/catalogue.csv", text, True), ("top/data/scan.pdf", scan, False),
                                          ("top/data/empty.csv", empty, True), ("top/bagit.txt", b"BagIt", True)])
    assert entries["top/data/catalogue.csv"].method == DEFLATED
    assert entries["top/data/catalogue.csv"].compressed < text.stat().st_size // 3
    assert entries["top/data/scan.pdf"].method == STORED
    _read_back(tmp_path / "t.zip", {"top/data/catalogue.csv": text.read_bytes(), "top/data/scan.pdf": scan.read_bytes(),
                                    "top/data/empty.csv": b"", "top/bagit.txt": b"BagIt"})


@pytest.mark.parametrize("deflate", [False, True])
def test_zip64_where_a_member_or_an_offset_needs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    deflate: bool) -> None:
    # The 2 GiB limit lowered, so that sizes and offsets past it take Zip64 fields without writing gigabytes.
    monkeypatch.setattr(zipwriter, "ZIP64_LIMIT", 50_000)
    big = tmp_path / "big.bin"
    big.write_bytes(random.Random(1).randbytes(120_000))  # past the limit, deflated (it does not shrink) or not
    small = tmp_path / "small.csv"
    small.write_bytes(_text(10))
    zip_path = tmp_path / "z.zip"
    _write(zip_path, [("a/big.bin", big, deflate), ("a/after.csv", small, deflate), ("a/tag.txt", b"x", True)])
    _read_back(zip_path, {"a/big.bin": big.read_bytes(), "a/after.csv": small.read_bytes(), "a/tag.txt": b"x"})
    with zipfile.ZipFile(zip_path) as z:
        big_info, after = z.getinfo("a/big.bin"), z.getinfo("a/after.csv")
    assert big_info.file_size > 50_000 and after.header_offset > 50_000
    assert big_info.extra[:2] == after.extra[:2] == b"\x01\x00"  # each with its Zip64 extra field


def test_a_file_that_grows_while_it_is_read_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "growing.pdf"
    source.write_bytes(b"%PDF-1.4\n" + bytes(1000))

    real = zipwriter._file_size  # measured a byte short: as if the file grew after it was measured
    with (tmp_path / "g.zip").open("wb") as out:
        writer = ZipStreamWriter(out, WHEN)
        zipwriter._file_size = lambda fh: real(fh) - 1  # type: ignore[assignment]
        try:
            with pytest.raises(IntegrityFailure, match="被改动"):
                writer.add_file("g/growing.pdf", source)
        finally:
            zipwriter._file_size = real  # type: ignore[assignment]
            writer.abort()


def test_the_bag_refuses_a_name_twice(tmp_path: Path) -> None:
    with (tmp_path / "d.zip").open("wb") as out:
        bag = BagWriter(out, "top", WHEN)
        bag.add_bytes("data/a.json", b"{}")
        with pytest.raises(ValueError, match="duplicate"):
            bag.add_bytes("data/a.json", b"{}")
        source = tmp_path / "a.json"
        source.write_bytes(b"{}")
        with pytest.raises(ValueError, match="duplicate"):
            bag.add_file("data/a.json", source)
        bag.abort()


def test_a_text_given_in_pieces_is_deflated_as_it_comes_and_reads_back(tmp_path: Path) -> None:
    """The payload manifest of a large year is written a thousand lines at a time (``add_pieces``): its hash
    is known at once, and the manifest is the same bytes as when it was made whole."""
    from sgz_desktop.core.package import layout

    digests = {f"data/records/WS/Y/Z109-WS·2024-Y-BGS-{i:04d}/metadata.json": hashlib.sha256(b"%d" % i).hexdigest()
               for i in range(2_500)}
    pieces = list(layout.manifest_pieces(digests))
    whole = layout.manifest_text(digests)
    assert len(pieces) == 3 and b"".join(pieces) == whole
    path = tmp_path / "p.zip"
    with path.open("wb") as out:
        writer = ZipStreamWriter(out, WHEN)
        entry = writer.add_pieces("P/manifest-sha256.txt", iter(pieces))
        writer.add_bytes("P/bagit.txt", b"BagIt-Version: 1.0\n")
        writer.close()
    assert entry.sha256 == hashlib.sha256(whole).hexdigest() and entry.method == DEFLATED
    assert entry.size == len(whole) and entry.compressed < len(whole) // 3
    _read_back(path, {"P/manifest-sha256.txt": whole, "P/bagit.txt": b"BagIt-Version: 1.0\n"})
