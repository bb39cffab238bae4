"""The registers each area puts into a handover package (``data/registers/``).

An area adds a section by writing, in a module of its own::

    from .package.registers import RegisterSection, register_section

    def _write(st, actor, scope, folder):         # folder: an empty temporary directory
        ...write ledger.pdf, ledger.csv, ledger.json into folder...
        return [folder / "ledger.pdf", ...]

``scope`` (``scope.Scope``) is a year (``scope.year``) or a service project's cycle (``scope.is_project``:
``scope.project_id``, ``scope.first`` … ``scope.last``): for a project, write what the area holds for that
project (or, where the area has no project link, for the cycle's dates).

    register_section(RegisterSection("finance", "项目与财务", _write))

and appending that module's name to ``SECTION_MODULES`` (additive edit). Files keep the names given,
under ``data/registers/<key>/``; PDFs are for people, CSV (UTF-8 with BOM, opens in Excel) and JSON for
machines. Write no dates or random values besides the data, so an unchanged year exports the same
payload manifest twice (JSON files carry ``scope.json_fields()``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..roles import Actor
from ..station import Station
from .scope import Scope

WriteFn = Callable[[Station, Actor, Scope, Path], list[Path]]


@dataclass(frozen=True)
class RegisterSection:
    key: str  # folder name under data/registers/, ASCII
    title: str  # for the handover list and progress
    write: WriteFn
    project_title: str = ""  # the title in a project package, when what it holds differs from a year's

    def title_for(self, scope: Scope) -> str:
        return self.project_title or self.title if scope.is_project else self.title


_SECTIONS: dict[str, RegisterSection] = {}

# Modules whose import registers their sections. An area adds its module here.
SECTION_MODULES: list[str] = ["sgz_desktop.core.package.staff_registers", "sgz_desktop.core.package.finance_registers",
                              "sgz_desktop.core.package.volunteer_registers"]


def register_section(section: RegisterSection) -> RegisterSection:
    _SECTIONS[section.key] = section
    return section


def sections() -> list[RegisterSection]:
    for name in SECTION_MODULES:
        importlib.import_module(name)
    return [_SECTIONS[key] for key in sorted(_SECTIONS)]


# --- helpers for sections: machine-readable copies written the same way by every area ------------------

def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """UTF-8 with a BOM (so Excel shows Chinese), CRLF line ends as RFC 4180 asks."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    return path


def json_chunks(value: object) -> Iterator[str]:
    """JSON text, piece by piece: sorted keys, one field per line and one list entry per line — readable,
    deterministic, and encoded by json's C encoder (``indent=`` would switch to its pure-Python one, ~8×
    slower on a year's catalogue). A field may be an iterator: its entries are encoded as they come, so a
    catalogue of thousands of items is never held whole."""
    import json

    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode
    if not isinstance(value, dict):
        yield encode(value) + "\n"
        return
    yield "{"
    for n, (key, v) in enumerate(sorted(value.items())):
        yield f"{',' if n else ''}\n {encode(key)}: "
        if isinstance(v, Iterator) or (isinstance(v, list) and v):
            yield "["
            for m, entry in enumerate(v):
                yield f"{',' if m else ''}\n  {encode(entry)}"
            yield "\n ]"
        else:
            yield encode(v)
    yield "\n}\n"


def json_text(value: object) -> str:
    return "".join(json_chunks(value))


def write_json(path: Path, value: object) -> Path:
    """Sorted keys, no timestamps of its own: the same data always gives the same bytes."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(json_chunks(value))
    return path
