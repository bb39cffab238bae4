"""An archive item's metadata as XML (``metadata.xml``), beside its ``metadata.json``, for districts whose
archive systems take XML (DA/T 46 style: one element per field, named in Chinese).

Both files are written from the same record, so the verifier can hold one to the other. Reading is
hostile-input safe: a document with a DOCTYPE (where entity bombs and external entities live) is
refused before it is parsed.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

ROOT = "档案条目"
ENTRY = "条目"  # one element of a list (文件, 更正记录)


class XmlRefused(ValueError):
    """Not readable as item metadata; the message says why, in the user's words."""


def _text(value: object) -> str:
    # XML readers turn every line end into "\n": compare what survives.
    return "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")


def _add(parent: ET.Element, key: str, value: object) -> None:
    node = ET.SubElement(parent, key)
    if isinstance(value, list):
        for entry in value:
            child = ET.SubElement(node, ENTRY)
            if isinstance(entry, dict):
                for k in sorted(entry):
                    _add(child, str(k), entry[k])
            else:
                child.text = _text(entry)
    elif isinstance(value, dict):
        for k in sorted(value):
            _add(node, str(k), value[k])
    else:
        node.text = _text(value)


def to_xml(record: dict[str, Any]) -> bytes:
    """UTF-8 XML, fields in sorted order, two-space indents: the same record always gives the same bytes."""
    root = ET.Element(ROOT)
    for key in sorted(record):
        _add(root, key, record[key])
    ET.indent(root, space="  ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _read(node: ET.Element) -> object:
    children = list(node)
    if not children:
        return node.text or ""
    if all(child.tag == ENTRY for child in children):
        return [_read(child) for child in children]
    return {child.tag: _read(child) for child in children}


def from_xml(data: bytes) -> dict[str, Any]:
    """The record read back (every value as text); raises ``XmlRefused``."""
    head = data[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
        raise XmlRefused("含有 DOCTYPE/ENTITY 声明（可被用来攻击读取它的程序），不予读取")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise XmlRefused(f"不是有效的 XML（{exc}）") from None
    if root.tag != ROOT:
        raise XmlRefused(f"根元素是「{root.tag}」，应为「{ROOT}」")
    value = _read(root)
    return value if isinstance(value, dict) else {}


def as_text(value: object) -> object:
    """A JSON value the way its XML twin reads back: every scalar as text, None as empty. An empty list
    and an empty text read back alike (an element without children), so both become ""."""
    if isinstance(value, list):
        return [as_text(v) for v in value] if value else ""
    if isinstance(value, dict):
        return {str(k): as_text(v) for k, v in value.items()} if value else ""
    return _text(value)


def differences(json_record: dict[str, Any], xml_record: dict[str, Any]) -> list[str]:
    """Field names whose values differ between the two files (empty when they agree)."""
    left = as_text(json_record)
    right = as_text(xml_record)
    if not isinstance(left, dict) or not isinstance(right, dict):
        return ["（整体）"]
    return sorted(k for k in set(left) | set(right) if left.get(k) != right.get(k))
