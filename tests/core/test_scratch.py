"""Scratch folders hold records in plain text while an export or a filing runs: gone when the work ends, and
gone at the next start when the program was killed first, but never while their program still runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sgz_desktop.core.scratch import scratch_folder, sweep

HOLDER = """
import sys
from sgz_desktop.core.scratch import scratch_folder
with scratch_folder("package") as folder:
    (folder / "registers.csv").write_text("姓名,身份证号\\n", encoding="utf-8")
    print(folder, flush=True)
    sys.stdin.read()
"""


def test_the_folder_goes_when_the_work_ends_even_by_an_error(private_temp: Path) -> None:
    with scratch_folder("package") as folder:
        (folder / "a" / "b").mkdir(parents=True)
        (folder / "a" / "b" / "c.pdf").write_bytes(b"%PDF")
        assert folder.parent == private_temp and folder.name.startswith("sgz-work-package-")
    assert not folder.exists()
    with pytest.raises(RuntimeError), scratch_folder("archive") as folder:
        raise RuntimeError("cancelled")
    assert not folder.exists() and list(private_temp.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_programs_folder_is_swept_and_a_running_ones_is_not(private_temp: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "TMPDIR": str(private_temp)})
    assert holder.stdout is not None
    left = Path(holder.stdout.readline().strip())
    assert (left / "registers.csv").exists()
    with scratch_folder("package") as mine:  # another program exporting meanwhile
        assert sweep() == [] and left.exists() and mine.exists()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert left.exists()  # a kill leaves it
    with scratch_folder("archive"):
        assert not left.exists()  # the next one takes it away
    assert list(private_temp.iterdir()) == []


def test_unmarked_folders_go_once_a_day_old_and_nothing_else_is_touched(private_temp: Path) -> None:
    old = private_temp / "sgz-package-3v38izgz"  # as versions before the marker left them
    (old / "items").mkdir(parents=True)
    (old / "items" / "group-0.pickle").write_bytes(b"x")
    fresh = private_temp / "sgz-work-package-abc"  # made this instant, not yet marked
    fresh.mkdir()
    print_folder = private_temp / "sgz-desktop-print"
    print_folder.mkdir()
    other = private_temp / "someone-else"
    other.mkdir()
    day_ago = time.time() - 86400 - 60
    for folder in (old, print_folder, other):
        os.utime(folder, (day_ago, day_ago))
    link = private_temp / "sgz-verify-link"
    link.symlink_to(other, target_is_directory=True)
    assert sweep() == [old]
    assert fresh.exists() and print_folder.exists() and other.exists() and link.is_symlink()
    os.utime(fresh, (day_ago, day_ago))
    assert sweep() == [fresh]
