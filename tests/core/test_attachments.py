"""The content-addressed attachment store."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from sgz_desktop.core.attachments import FileAttachmentStore, attachment_store, detect_format
from sgz_desktop.core.errors import IntegrityFailure, NotFound, ValidationError
from sgz_desktop.core.station import Station


def make_pdf(path: Path, pages: int = 2, password: str | None = None) -> Path:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in range(pages):
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    if password:
        from pypdf import PdfReader

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(buf.getvalue())).pages:
            writer.add_page(page)
        writer.encrypt(password)
        out = io.BytesIO()
        writer.write(out)
        buf = out
    path.write_bytes(buf.getvalue())
    return path


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def test_ingest_hashes_counts_pages_and_stores_once(tmp_path: Path) -> None:
    store = FileAttachmentStore(tmp_path / "att")
    pdf = make_pdf(tmp_path / "会议纪要.pdf", pages=3)
    first = store.ingest(pdf)
    assert first.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert (first.format, first.pages, first.size) == ("pdf", 3, pdf.stat().st_size)
    assert first.original_name == "会议纪要.pdf"
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(pdf.read_bytes())
    again = store.ingest(copy)
    assert again.sha256 == first.sha256
    assert len(list((tmp_path / "att").rglob("*.pdf"))) == 1
    assert not list((tmp_path / "att").glob(".incoming-*"))
    assert store.verify(first.sha256) and store.path_of(first.sha256).suffix == ".pdf"


def test_format_is_taken_from_content_not_name(tmp_path: Path) -> None:
    disguised = tmp_path / "scan.pdf"
    disguised.write_bytes(PNG)
    assert FileAttachmentStore(tmp_path / "att").ingest(disguised).format == "png"
    assert detect_format(b"II*\x00rest") == "tiff" and detect_format(b"\xff\xd8\xff\xe0") == "jpeg"


@pytest.mark.parametrize(("content", "reason"), [
    (b"MZ\x90\x00" + b"\x00" * 60, "可执行程序"),
    (b"\x7fELF\x02\x01", "可执行程序"),
    (b"#!/bin/sh\nrm -rf /\n", "脚本"),
    (b"PK\x03\x04docx", "另存为 PDF"),
    (b"hello", "只能添加 PDF"),
])
def test_refused_files_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "附件.pdf"
    bad.write_bytes(content)
    with pytest.raises(ValidationError, match=reason):
        FileAttachmentStore(tmp_path / "att").ingest(bad)
    assert not list((tmp_path / "att").rglob("*.*"))


def test_password_protected_and_broken_pdfs_are_refused(tmp_path: Path) -> None:
    store = FileAttachmentStore(tmp_path / "att")
    with pytest.raises(ValidationError, match="密码保护"):
        store.ingest(make_pdf(tmp_path / "locked.pdf", password="1234"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(ValidationError, match="PDF"):
        store.ingest(broken)
    # A cross-reference table claiming a trillion entries: pypdf stops with its own LimitReachedError, which
    # once reached the user as an unexpected error instead of this message.
    body = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 1 >>\n")
    huge = tmp_path / "huge-xref.pdf"
    huge.write_bytes(body + b"endobj\nxref\n0 1000000000000\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R >>\n"
                     b"startxref\n%d\n%%%%EOF\n" % (len(body) + 7))
    with pytest.raises(ValidationError, match="PDF 文件已损坏"):
        store.ingest(huge)
    assert not list((tmp_path / "att").rglob("*.pdf"))


def test_changed_or_missing_files_are_detected(station: Station, tmp_path: Path) -> None:
    store = attachment_store(station)
    assert store.root == station.data.attachments
    img = tmp_path / "凭证.png"
    img.write_bytes(PNG + b"voucher")
    stored = store.ingest(img)
    path = store.path_of(stored.sha256)
    path.write_bytes(path.read_bytes() + b"x")
    assert not store.verify(stored.sha256)
    with pytest.raises(IntegrityFailure, match="改动"):
        store.require_intact(stored.sha256)
    path.unlink()
    assert not store.exists(stored.sha256)
    with pytest.raises(NotFound, match="丢失"):
        store.path_of(stored.sha256)


def test_leftovers_of_a_killed_ingest_are_swept(tmp_path: Path) -> None:
    import os
    import time

    store = FileAttachmentStore(tmp_path / "att")
    store.root.mkdir(parents=True)
    stale = store.root / ".incoming-dead.part"
    stale.write_bytes(b"half a file")
    fresh = store.root / ".incoming-running.part"
    fresh.write_bytes(b"another ingest in progress")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    img = tmp_path / "scan.png"
    img.write_bytes(PNG + b"a")
    store.ingest(img)
    assert not stale.exists() and fresh.exists()


@pytest.mark.parametrize("slow_probe_s", [1e9, 0.0])  # fast probes stay on the calling thread; slow go to threads
def test_many_files_are_probed_and_stored_in_order_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             slow_probe_s: float) -> None:
    import threading

    from sgz_desktop.core import attachments

    monkeypatch.setattr(attachments, "SLOW_PROBE_S", slow_probe_s)
    probed_on: set[str] = set()
    real_probe = FileAttachmentStore.probe

    def probe(self: FileAttachmentStore, source: Path) -> attachments.Probe:
        probed_on.add(threading.current_thread().name)
        return real_probe(self, source)

    monkeypatch.setattr(FileAttachmentStore, "probe", probe)
    sources = []
    for n in range(40):
        path = tmp_path / f"scan{n}.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0" + bytes([n]) * 5000 if n != 30 else b"MZ\x90\x00program")
        sources.append(path)
    store = FileAttachmentStore(tmp_path / "store")
    outcome = store.ingest_many(sources)
    assert isinstance(outcome[30], ValidationError) and "可执行程序" in str(outcome[30])
    for n, got in enumerate(outcome):
        if n != 30:
            assert not isinstance(got, ValidationError)
            assert got.original_name == f"scan{n}.jpg"
            assert got.sha256 == hashlib.sha256(sources[n].read_bytes()).hexdigest()
            assert store.path_of(got.sha256).read_bytes() == sources[n].read_bytes()
    threaded = any(name.startswith("ingest-probe") for name in probed_on)
    assert threaded == (slow_probe_s == 0.0)


def test_a_copy_failing_midway_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sgz_desktop.core import attachments

    sources = []
    for n in range(24):
        path = tmp_path / f"scan{n}.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0" + bytes([n]) * 4000)
        sources.append(path)
    real_stage = FileAttachmentStore._stage

    def disk_full_at_the_tenth(self: FileAttachmentStore, probe: attachments.Probe) -> attachments._Staged:
        if probe.name == "scan9.jpg":
            raise OSError(28, "No space left on device")
        return real_stage(self, probe)

    monkeypatch.setattr(FileAttachmentStore, "_stage", disk_full_at_the_tenth)
    store = FileAttachmentStore(tmp_path / "store")
    with pytest.raises(OSError, match="No space left"):
        store.ingest_many(sources, threads=4)
    assert not list((tmp_path / "store").glob(".incoming-*"))  # the copies made before the failure are gone
    assert not list((tmp_path / "store").rglob("*.jpg"))
