"""The package's items, read from the database once and spooled to the export's work folder, then read
back by each part that needs them (the metadata files, the catalogue, the self-check). A year of tens of
thousands of items is never held in memory whole — the export's peak memory stays flat in the item
count — and every part sees the same snapshot of the database.

One file per (门类, 保管期限): the catalogue prints its groups in its own order (永久, 30 年, 10 年), the
bag in 档号 order; both read the groups they want without going through the others.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from .collect import PackageItem

GroupKey = tuple[str, str]  # (门类, 保管期限)
BATCH = 128  # items per pickle record: fewer calls, still a few hundred KB at most in memory


class PackageItems(Protocol):
    """The items of a package, in 档号 order, that can be gone through more than once."""

    def __iter__(self) -> Iterator[PackageItem]: ...

    def __len__(self) -> int: ...

    @property
    def first(self) -> PackageItem | None:
        """The first item (its 全宗号 names the package), None when there are none."""

    def keys(self) -> list[GroupKey]:
        """The (门类, 保管期限) groups, in 档号 order."""

    def group(self, key: GroupKey) -> Iterator[PackageItem]:
        """The items of one group, in 档号 order."""


def key_of(item: PackageItem) -> GroupKey:
    return item.category, item.retention


class ItemSpool:
    """Items written once (``add``, in 档号 order), read back any number of times."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder = folder
        self._files: dict[GroupKey, Path] = {}  # in order of first appearance: 档号 order
        self._key: GroupKey | None = None
        self._out: BinaryIO | None = None
        self._batch: list[PackageItem] = []
        self._count = 0
        self.first: PackageItem | None = None

    def add(self, item: PackageItem) -> None:
        key = key_of(item)
        if key != self._key:
            if key in self._files:
                raise ValueError(f"items out of 档号 order: {key} came back after another group")
            self._end_group()
            self._key = key
            self._files[key] = self._folder / f"group-{len(self._files)}.pickle"
            self._out = self._files[key].open("wb")
        self._batch.append(item)
        if len(self._batch) >= BATCH:
            self._flush()
        if self.first is None:
            self.first = item
        self._count += 1

    def filled_from(self, items: Iterable[PackageItem]) -> Iterator[PackageItem]:
        """Spool each item as it passes through (the pre-check reads the database once, for both)."""
        try:
            for item in items:
                self.add(item)
                yield item
        finally:
            self.close()

    def _flush(self) -> None:
        if self._batch and self._out is not None:
            pickle.dump(self._batch, self._out, protocol=pickle.HIGHEST_PROTOCOL)
        self._batch = []

    def _end_group(self) -> None:
        self._flush()
        if self._out is not None:
            self._out.close()
            self._out = None

    def close(self) -> None:
        self._end_group()
        self._key = None

    def __len__(self) -> int:
        return self._count

    def keys(self) -> list[GroupKey]:
        return list(self._files)

    def group(self, key: GroupKey) -> Iterator[PackageItem]:
        if key == self._key:
            raise RuntimeError("the spool is still being written")
        with self._files[key].open("rb") as fh:
            while True:
                try:
                    batch: list[PackageItem] = pickle.load(fh)  # our own file, just written
                except EOFError:
                    return
                yield from batch

    def __iter__(self) -> Iterator[PackageItem]:
        for key in self.keys():
            yield from self.group(key)


class ItemList:
    """``PackageItems`` over items already in memory (a small package, a test)."""

    def __init__(self, items: Sequence[PackageItem]) -> None:
        self._items = items

    def __iter__(self) -> Iterator[PackageItem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def first(self) -> PackageItem | None:
        return self._items[0] if self._items else None

    def keys(self) -> list[GroupKey]:
        return list(dict.fromkeys(key_of(i) for i in self._items))

    def group(self, key: GroupKey) -> Iterator[PackageItem]:
        return (i for i in self._items if key_of(i) == key)


def as_items(items: PackageItems | Sequence[PackageItem]) -> PackageItems:
    return ItemList(items) if isinstance(items, Sequence) else items
