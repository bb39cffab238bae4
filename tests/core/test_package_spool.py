"""The export's item spool and the catalogue drawn from row iterators: what keeps the export's memory
flat in the item count."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core.package.payload import catalogue_files
from sgz_desktop.core.package.spool import ItemList, ItemSpool
from sgz_desktop.core.reports.catalogue_canvas import draw_catalogue, wrap
from sgz_desktop.core.reports.package import _CATALOGUE_WIDTHS, CATALOGUE_HEADERS, invariant_pdfs
from sgz_desktop.core.reports.pdf import chinese_font

from .package_factory import PATTERN, WHEN, items_for


def _mixed() -> list:
    """Items of three (门类, 保管期限) groups in 档号 order (D10 before Y, as the database sorts)."""
    items, _blobs = items_for(tuple(range(1, 8)))
    retention = ["D10", "D10", "D30", "Y", "Y", "Y", "Y"]
    return [dataclasses.replace(i, retention=r) for i, r in zip(items, retention, strict=True)]


def test_spool_gives_back_every_item_in_order_as_often_as_asked(tmp_path: Path) -> None:
    items = _mixed()
    spool = ItemSpool(tmp_path / "items")
    passed = list(spool.filled_from(iter(items)))
    assert passed == items
    assert list(spool) == items and list(spool) == items  # read back twice, from the files
    assert len(spool) == 7 and spool.first == items[0]
    assert spool.keys() == [("WS", "D10"), ("WS", "D30"), ("WS", "Y")]
    assert list(spool.group(("WS", "Y"))) == items[3:]
    assert ItemList(items).keys() == spool.keys()


def test_spool_refuses_items_out_of_order(tmp_path: Path) -> None:
    items = _mixed()
    spool = ItemSpool(tmp_path / "items")
    with pytest.raises(ValueError, match="档号 order"):
        for item in [items[0], items[3], items[1]]:  # D10, Y, then D10 again
            spool.add(item)


def test_catalogue_from_the_spool_is_byte_identical_to_one_from_a_list(tmp_path: Path) -> None:
    items = _mixed()
    spool = ItemSpool(tmp_path / "items")
    for item in items:
        spool.add(item)
    spool.close()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with invariant_pdfs():
        from_list = catalogue_files(tmp_path / "a", "后湖街道社工站", 2024, PATTERN, items, WHEN.date())
        from_spool = catalogue_files(tmp_path / "b", "后湖街道社工站", 2024, PATTERN, spool, WHEN.date())
    for (rel, one), (rel2, other) in zip(from_list, from_spool, strict=True):
        assert rel == rel2 and one.read_bytes() == other.read_bytes(), rel


class _Rows:
    """Rows made afresh on every pass, counting the passes: nothing holds them between passes."""

    def __init__(self, n: int) -> None:
        self.n, self.passes = n, 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.passes += 1
        return ([f"Z109-WS·2024-Y-BGS-{i:04d}", "", "后湖街道社工站", f"关于第{i}项工作的通知" * (1 + i % 3),
                 "2024-01-01", "内部", 1, ""] for i in range(1, self.n + 1))


def test_catalogue_is_drawn_from_rows_gone_through_twice(tmp_path: Path) -> None:
    rows = _Rows(120)
    out = tmp_path / "catalogue.pdf"
    with invariant_pdfs():
        draw_catalogue(out, "后湖街道社工站", "2024 年度", CATALOGUE_HEADERS, _CATALOGUE_WIDTHS,
                       [("文书（WS）· 永久", rows)], dt.date(2025, 1, 20))
    assert rows.passes == 2  # once to count the pages, once to draw them
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages > 2
    assert f"第 {pages} 页 共 {pages} 页" in reader.pages[-1].extract_text()
    assert "Z109-WS·2024-Y-BGS-0120" in "".join(p.extract_text() for p in reader.pages)


def test_a_cell_that_fits_is_one_line_and_a_long_one_wraps_as_before() -> None:
    font = chinese_font().name
    assert wrap("后湖街道社工站", font, 8.0, 200) == ["后湖街道社工站"]
    assert wrap("", font, 8.0, 50) == [""]
    long = "关于社区走访与困难群众帮扶情况的通知，。" * 3
    lines = wrap(long, font, 8.0, 60)
    assert len(lines) > 1 and "".join(lines) == long
    assert all(not line.startswith(("，", "。")) for line in lines[1:])
    assert wrap("第一行\\n第二行", font, 8.0, 200) == ["第一行", "第二行"]
