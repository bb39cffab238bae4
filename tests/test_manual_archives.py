"""The manual describes 转为档案 where the product has it: a button on the Archives page opening a window that
lists training sessions, reviewed vouchers and volunteer activities, with the labels the window shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def _zh(source: str) -> str:
    """The Chinese the archives screens show for an English source text."""
    tree = ET.parse(REPO / "resources" / "translations" / "archives_zh_CN.ts")
    found = {m.findtext("translation") for m in tree.iter("message") if m.findtext("source") == source}
    assert len(found) == 1, source
    return str(found.pop())


def _section(name: str, heading: str) -> str:
    text = (DOCS / name).read_text(encoding="utf-8")
    match = re.search(rf"^## \d+\. {heading}.*?$(.*?)^## ", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"{name} has no section {heading}"
    return match.group(1)


@pytest.mark.parametrize(("name", "heading", "page"), [("manual-zh.md", "档案", "“档案”页面"),
                                                       ("manual-en.md", r"Archives \(档案\)", "Archives page")])
def test_the_archives_section_describes_the_file_a_record_window(name: str, heading: str, page: str) -> None:
    section = _section(name, heading)
    labels = [_zh("File a record…"), _zh("File as archive item"), _zh("Training sessions"),
              _zh("Reviewed vouchers"), _zh("Volunteer activities"), _zh("Already filed as")]
    assert [label for label in labels if label not in section] == []
    assert page in section


def test_the_training_section_sends_the_reader_to_the_archives_page() -> None:
    assert "“档案”页面用“转为档案…”" in _section("manual-zh.md", "培训")
    assert "转为档案… on the Archives page" in _section("manual-en.md", r"Training \(培训\)")
