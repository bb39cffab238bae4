"""Byte counts for people, one way everywhere: the export, backups, restore, attachments, the command line."""

from __future__ import annotations


def human_size(n: int) -> str:
    """1.5 GB, 12.3 MB, 4.0 KB, 512 B (binary units, as Windows shows them)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"
