"""Durable files: every size round-trips byte for byte, direct or through the cache, and a filesystem that
refuses direct writes falls back without losing a byte."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from pathlib import Path

import pytest

from sgz_desktop.core import durable
from sgz_desktop.core.durable import ALIGN, DurableFile, copy_durably

SIZES = [0, 1, ALIGN - 1, ALIGN, ALIGN + 1, 64 * 1024, 64 * 1024 + 3, 200_001]


@pytest.mark.parametrize("size", SIZES)
def test_copy_round_trips_and_hashes(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    target = tmp_path / "copy"
    digest, written = copy_durably(io.BufferedReader(io.BytesIO(data)), target, block=64 * 1024)
    assert written == size
    assert target.read_bytes() == data
    assert digest == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("background", [False, True])
@pytest.mark.parametrize("size", SIZES)
def test_small_writes_are_gathered(tmp_path: Path, size: int, background: bool) -> None:
    data = os.urandom(size)
    target = tmp_path / "out"
    with DurableFile(target, block=8 * ALIGN, background=background) as out:
        for start in range(0, size, 777):
            out.write(data[start:start + 777])
    assert out.size == size
    assert target.read_bytes() == data


def test_without_direct_io_the_cache_path_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(durable, "_DIRECT", 0)
    data = os.urandom(3 * ALIGN + 5)
    with DurableFile(tmp_path / "out") as out:
        out.write(data)
    assert not out.direct
    assert (tmp_path / "out").read_bytes() == data


@pytest.mark.skipif(not durable._DIRECT, reason="O_DIRECT is Linux-only")
def test_a_refused_direct_write_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    refused = []

    def picky_write(fd: int, data: object) -> int:
        import fcntl

        if fcntl.fcntl(fd, fcntl.F_GETFL) & durable._DIRECT:
            refused.append(fd)
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "write", picky_write)
    data = os.urandom(5 * ALIGN + 1)
    with DurableFile(tmp_path / "out", block=2 * ALIGN) as out:
        out.write(data)
    assert refused and not out.direct
    assert (tmp_path / "out").read_bytes() == data


def test_an_error_inside_aborts_without_flushing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), DurableFile(tmp_path / "out", block=2 * ALIGN, background=True) as out:
        out.write(b"x" * (3 * ALIGN))
        raise RuntimeError("cancelled")
    # The caller removes the temporary file; the buffer goes back to the pool unharmed.
    with DurableFile(tmp_path / "again", block=2 * ALIGN) as again:
        again.write(b"y" * 10)
    assert (tmp_path / "again").read_bytes() == b"y" * 10
