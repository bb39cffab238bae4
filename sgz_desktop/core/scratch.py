"""Private temporary folders for work that puts the station's records on the disk outside the database (an
export's registers and item metadata, a record's papers while it is filed as an archive item).

Each is removed when the work ends. When the program is killed first (power cut, Task Manager), the folder
would stay in the user's temporary folder with those records in plain text; so each folder holds an OS lock
on a marker file while in use, and the next program to make one, or to start, removes every folder whose
lock is free.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .lock import let_go, try_hold

PREFIX = "sgz-work-"
MARKER = ".in-use"
# Folders without the marker (made by versions before it, or killed in the instant between making the folder
# and marking it) are removed once a day old, when no work can still be using one.
_UNMARKED = ("sgz-package-", "sgz-archive-", "sgz-verify-")
_UNMARKED_AGE = 86400.0


@contextmanager
def scratch_folder(purpose: str) -> Iterator[Path]:
    """A new private folder ``<temp>/sgz-work-<purpose>-…``, removed with everything in it on leaving."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{purpose}-"))
    held = try_hold(folder / MARKER)  # nobody else knows the folder yet: this cannot be refused
    try:
        yield folder
    finally:
        if held is not None:
            let_go(held)  # first: Windows removes no file another handle has open
        shutil.rmtree(folder, ignore_errors=True)


def sweep(root: Path | None = None) -> list[Path]:
    """Remove the scratch folders their programs left behind; returns them. Folders in use are left alone,
    as are other users' folders and anything that is not a folder of ours."""
    root = Path(root) if root is not None else Path(tempfile.gettempdir())
    removed = []
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith((PREFIX, *_UNMARKED))]
    except OSError:
        return []
    for folder in candidates:
        try:
            if folder.is_symlink() or not folder.is_dir() or not _ours(folder) or not _abandoned(folder):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    marker = folder / MARKER
    if not marker.exists():
        return time.time() - folder.stat().st_mtime > _UNMARKED_AGE
    held = try_hold(marker)
    if held is None:
        return False  # its program is still running
    let_go(held)
    return True


def _ours(folder: Path) -> bool:
    getuid = getattr(os, "getuid", None)  # Windows: the temporary folder is the user's own
    return getuid is None or folder.stat().st_uid == getuid()
