"""The generated part of the payload: each item's metadata.json, the catalogue (归档文件目录) as PDF,
CSV and JSON, the handover list (移交清单) as PDF and JSON, and the exporter's own four-property check.

JSON keys are the Chinese field names of DA/T 22-2015 so the receiving archivist reads them as they
are; keys are sorted and nothing depends on the moment of export, so unchanged data gives the same
bytes (the PDFs carry only the print date).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..reports.package import group_row, write_catalogue_pdf, write_handover_pdf
from ..sizes import human_size
from . import layout
from .collect import PackageItem, PreCheck
from .registers import json_text, write_csv, write_json
from .scope import Scope, as_scope
from .spool import GroupKey, PackageItems, as_items


def json_bytes(value: dict[str, Any]) -> bytes:
    """A generated JSON member as written into the package (``registers.json_text``, UTF-8)."""
    return json_text(value).encode("utf-8")


def item_record(item: PackageItem) -> dict[str, Any]:
    return {
        "档号": item.danghao, "全宗号": item.fonds, "门类": item.category, "门类名称": item.category_name,
        "年度": item.year, "保管期限": item.retention, "机构": item.org, "机构名称": item.org_name,
        "件号": item.item_number, "文号": item.doc_number, "责任者": item.responsible, "题名": item.title,
        "日期": item.doc_date.isoformat(), "密级": item.classification, "页数": item.pages, "备注": item.notes,
        "会计档案类别": item.record_kind, "服务项目": item.project,
        "归档时间": item.finalised_at.isoformat(timespec="seconds") if item.finalised_at else "",
        "归档人": item.finalised_by,
        "文件": [{"序号": f.seq, "文件名": layout.record_file_name(item.danghao, f.seq, f.format),
                "原文件名": f.original_name, "字节数": f.size, "sha256": f.sha256, "格式": f.format, "页数": f.pages}
               for f in item.files],
        "更正记录": [{"时间": a.at.isoformat(timespec="seconds"), "更正人": a.by, "字段": a.field, "原值": a.old,
                  "新值": a.new, "理由": a.reason} for a in item.amendments],
    }


def item_metadata_record(item: PackageItem, pattern: str) -> dict[str, Any]:
    return {**item_record(item), "档号格式": pattern}


def item_metadata(item: PackageItem, pattern: str) -> bytes:
    return json_bytes(item_metadata_record(item, pattern))


class _GroupRows:
    """One (门类, 保管期限)'s catalogue rows, read afresh from the items each time they are gone through."""

    def __init__(self, items: PackageItems, key: GroupKey) -> None:
        self._items, self._key = items, key

    def __iter__(self) -> Iterator[list[object]]:
        return ([i.danghao, i.doc_number, i.responsible, i.title, i.doc_date.isoformat(), i.classification, i.pages,
                 i.notes] for i in self._items.group(self._key))


def catalogue_files(work: Path, station: str, scope: Scope | int, pattern: str,
                    items: PackageItems | Sequence[PackageItem], printed_on: dt.date) -> list[tuple[str, Path]]:
    """Each file is written in one pass over ``items`` (generators all the way): a year of tens of
    thousands of items is never copied whole, nor held whole when it comes from the export's spool."""
    scope = as_scope(scope)
    source = as_items(items)
    folder = work / "catalogue"
    folder.mkdir()
    rows = ([i.danghao, i.doc_number, i.responsible, i.title, i.doc_date.isoformat(), i.classification, i.pages,
             i.notes, i.category, i.year, i.retention, i.org, i.item_number, len(i.files), i.bytes] for i in source)
    file_rows = ([i.danghao, f.seq, layout.record_file_name(i.danghao, f.seq, f.format), f.original_name, f.size,
                  f.sha256, f.format, f.pages] for i in source for f in i.files)
    n = files = size = pages = 0
    for i in source:
        n, files, size, pages = n + 1, files + len(i.files), size + i.bytes, pages + i.pages
    first = source.first
    catalogue = {
        "站点": station, "全宗号": first.fonds if first else "", **scope.json_fields(), "档号格式": pattern,
        "件数": n, "文件数": files, "字节数": size, "页数": pages,
        "条目": ({**item_record(i), "文件夹": layout.record_folder(i.category, i.retention, i.danghao)}
               for i in source),
    }
    order = {"Y": 0, "D30": 1, "D10": 2}
    keys = sorted(source.keys(), key=lambda k: (k[0], order.get(k[1], 9)))
    groups: list[tuple[str, Iterable[Sequence[object]]]] = [(_group_title(source, k), _GroupRows(source, k))
                                                              for k in keys]
    return [
        (layout.CATALOGUE_PDF, write_catalogue_pdf(folder / "catalogue.pdf", station, scope, groups, printed_on)),
        (layout.CATALOGUE_CSV, write_csv(folder / "catalogue.csv", layout.CATALOGUE_COLUMNS, rows)),
        (layout.CATALOGUE_FILES_CSV, write_csv(folder / "catalogue-files.csv", layout.FILE_COLUMNS, file_rows)),
        (layout.CATALOGUE_JSON, write_json(folder / "catalogue.json", catalogue)),
    ]


def _group_title(items: PackageItems, key: GroupKey) -> str:
    category_name = next((i.category_name for i in items.group(key)), key[0])
    return f"{category_name}（{key[0]}）· {layout.RETENTION_LABELS[key[1]]}"


def handover_files(work: Path, station: str, recipient: str, scope: Scope | int, identifier: str, pre: PreCheck,
                   registers: list[tuple[str, list[str]]], printed_on: dt.date) -> list[tuple[str, Path]]:
    scope = as_scope(scope)
    folder = work / "handover"
    folder.mkdir()
    rows = [group_row(g.category, g.category_name, g.retention, g.first_number, g.last_number, g.items, g.files,
                      g.pages, g.bytes, g.year, g.org) for g in pre.groups]
    totals = ["合计", "", "", pre.items, pre.files, pre.pages, human_size(pre.bytes)]
    listing = {
        "移交单位": station, "接收单位": recipient, **scope.json_fields(), "移交包编号": identifier,
        "件数": pre.items, "文件数": pre.files, "字节数": pre.bytes, "页数": pre.pages,
        "分类统计": [{"门类": g.category, "门类名称": g.category_name, "保管期限": g.retention, "机构": g.org,
                  "件数": g.items,
                  "文件数": g.files, "字节数": g.bytes, "页数": g.pages,
                  "件号起止": [g.first_number, g.last_number], **({"年度": g.year} if g.year else {})}
                 for g in pre.groups],
        "登记簿册": [{"名称": title, "文件": files} for title, files in registers],
    }
    return [
        (layout.HANDOVER_PDF, write_handover_pdf(folder / "handover-list.pdf", station, recipient, scope, identifier,
                                                 rows, totals, [t for t, _f in registers], printed_on)),
        (layout.HANDOVER_JSON, write_json(folder / "handover-list.json", listing)),
    ]


class SelfCheck:
    """The exporter's four-property pre-check, from the database and the hashes taken while writing:
    fed one item at a time (while the items stream into the zip), written out at the end."""

    def __init__(self, pre: PreCheck, scope: Scope | int) -> None:
        self.pre, self.scope = pre, as_scope(scope)
        self._regex = layout.danghao_regex(pre.pattern)
        self._bad_values: list[str] = []
        self._numbers: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._no_files: list[str] = []
        self._bad_formats: list[str] = []

    def add(self, i: PackageItem) -> None:
        if (i.retention not in layout.RETENTIONS or i.classification not in layout.CLASSIFICATIONS
                or not _dated_in(i, self.scope) or self._regex is None or not self._regex.fullmatch(i.danghao)):
            self._bad_values.append(i.danghao)
        self._numbers[(i.category, str(i.year), i.retention, i.org)].append(i.item_number)
        if not i.files:
            self._no_files.append(i.danghao)
        self._bad_formats += [i.danghao for f in i.files
                              if f.format not in layout.RECORD_FORMATS or (f.format == "pdf" and not f.pages)]

    def result(self) -> bytes:
        scope, pre = self.scope, self.pre
        if scope.is_project:  # a selection from each group: numbers unique, not consecutive
            gaps = ["·".join(k) for k, numbers in self._numbers.items() if len(set(numbers)) != len(numbers)]
            numbering = "件号在每个（门类、年度、期限、机构）内不重复（项目选取，不要求连续）"
        else:
            gaps = ["·".join(k) for k, numbers in self._numbers.items()
                    if sorted(numbers) != list(range(1, len(numbers) + 1))]
            numbering = "件号在每个（门类、年度、期限、机构）内连续"

        def part(checks: list[tuple[str, list[str]]]) -> dict[str, Any]:
            return {"通过": all(not bad for _t, bad in checks),
                    "检查": [{"内容": text, "通过": not bad, "问题": bad[:50]} for text, bad in checks]}

        return json_bytes({
            **scope.json_fields(), "件数": pre.items, "文件数": pre.files, "字节数": pre.bytes,
            "真实性": part([("每个档案文件写入时重新计算的 SHA-256 与归档时登记的一致", []),
                          ("保管期限、密级、日期和档号取值合规", self._bad_values)]),
            "完整性": part([(numbering, gaps), ("每件至少有一个文件", self._no_files)]),
            "可用性": part([("文件格式为 PDF/JPEG/PNG/TIFF，PDF 可读取页数", self._bad_formats)]),
            "安全性": part([("添加文件时已按内容拒绝可执行程序、脚本和加密 PDF", [])]),
        })


def self_check(items: Iterable[PackageItem], pre: PreCheck, scope: Scope | int) -> bytes:
    """The exporter's four-property pre-check over ``items`` (one pass)."""
    check = SelfCheck(pre, scope)
    for item in items:
        check.add(item)
    return check.result()


def _dated_in(item: PackageItem, scope: Scope) -> bool:
    """A year package: 年度 and 日期 in the year. A project package: 日期 inside the project's cycle."""
    if not scope.is_project:
        return item.doc_date.year == scope.year and item.year == scope.year
    return scope.contains(item.doc_date)


def self_check_problems(data: bytes) -> list[str]:
    value = json.loads(data)
    return [f"{prop}：{c['内容']}（{'、'.join(c['问题'][:5])}）" for prop in ("真实性", "完整性", "可用性", "安全性")
            for c in value[prop]["检查"] if not c["通过"]]
