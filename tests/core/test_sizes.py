"""Byte counts read the same everywhere they are shown (export, backup, restore, attachments, CLI)."""

from __future__ import annotations

import pytest

from sgz_desktop.core.sizes import human_size


@pytest.mark.parametrize(("n", "shown"), [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1536, "1.5 KB"),
                                          (5 * 2**20, "5.0 MB"), (3 * 2**30 // 2, "1.5 GB")])
def test_a_byte_count_for_people(n: int, shown: str) -> None:
    assert human_size(n) == shown
