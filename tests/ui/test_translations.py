"""Every UI string has a finished Simplified Chinese translation, and every committed .qm is current.

lupdate is run over the whole GUI (``sgz_desktop/ui/*.py`` and ``app.py``) into a temporary .ts; each
(context, source) it finds must be finished in one of the repo's ``*_zh_CN.ts`` files. Strings passed
through a home-made wrapper (``_tr("...")``) are invisible to lupdate, so such calls are checked too.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sgz_desktop.resources import translations_dir

REPO = Path(__file__).resolve().parents[2]
GUI_FILES = [*sorted((REPO / "sgz_desktop" / "ui").glob("*.py")), REPO / "sgz_desktop" / "app.py"]


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, or None when unfinished/empty."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "obsolete",
                                                                                   "vanished")
            text = (translation.text or "") if translation is not None else ""
            out[(name, message.findtext("source") or "")] = text if finished and text.strip() else None
    return out


def _translated() -> dict[tuple[str, str], str]:
    union: dict[tuple[str, str], str] = {}
    for ts in sorted(translations_dir().glob("*_zh_CN.ts")):
        union.update({k: v for k, v in _messages(ts).items() if v})
    return union


def _ui_strings(tmp_path: Path) -> dict[tuple[str, str], str | None]:
    """Every (context, source) lupdate finds in the GUI now."""
    found = tmp_path / "found_zh_CN.ts"
    subprocess.run([_tool("pyside6-lupdate"), *map(str, GUI_FILES), "-ts", str(found), "-no-obsolete"],
                   check=True, capture_output=True)
    return _messages(found)


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    sources = _ui_strings(tmp_path)
    assert len(sources) > 100  # lupdate really read the files
    done = _translated()
    missing = sorted(f"{ctx}: {src!r}" for ctx, src in sources if (ctx, src) not in done)
    assert not missing, "no finished zh_CN translation for:\n" + "\n".join(missing)


@pytest.mark.parametrize("ts", sorted(translations_dir().glob("*_zh_CN.ts")), ids=lambda p: p.name)
def test_no_obsolete_entries_are_kept(ts: Path, tmp_path: Path) -> None:
    """Translations of texts the GUI no longer has (marked obsolete/vanished by lupdate, or left behind
    when a string was removed by hand) are dropped, so the files say what the program shows."""
    marked = [repr(m.findtext("source")) for m in ET.parse(ts).getroot().iter("message")
              if (t := m.find("translation")) is not None and t.get("type") in ("obsolete", "vanished")]
    assert not marked, f"{ts.name} keeps obsolete entries:\n" + "\n".join(marked)
    wrapped = {(args[0], args[1]) for path in GUI_FILES for _line, args in _wrapper_calls(path) if len(args) > 1}
    used = set(_ui_strings(tmp_path)) | wrapped
    left = sorted(f"{ctx}: {src!r}" for ctx, src in _messages(ts) if (ctx, src) not in used)
    assert not left, f"{ts.name} translates texts the GUI no longer has:\n" + "\n".join(left)


def _wrapper_calls(path: Path) -> list[tuple[int, list[str]]]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_tr"
                and node.args and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)):
            calls.append((node.lineno, [a.value for a in node.args]))  # type: ignore[union-attr]
    return calls


def test_strings_behind_wrappers_are_translated_too() -> None:
    done = _translated()
    problems = []
    for path in GUI_FILES:
        for line, args in _wrapper_calls(path):
            where = f"{path.relative_to(REPO)}:{line}"
            if len(args) == 1:
                problems.append(f"{where}: _tr({args[0]!r}) hides the string from lupdate; call "
                                "QCoreApplication.translate(context, text) or self.tr(text)")
            elif (args[0], args[1]) not in done:
                problems.append(f"{where}: no finished zh_CN translation for {args[0]}: {args[1]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts", sorted(translations_dir().glob("*.ts")), ids=lambda p: p.name)
def test_committed_qm_matches_its_ts(ts: Path, tmp_path: Path) -> None:
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing: run pyside6-lrelease {ts.name}"
    fresh = tmp_path / committed.name
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == committed.read_bytes(), f"{committed.name} is older than {ts.name}: recompile it"


def test_install_translators_loads_ours_and_qts(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from sgz_desktop.ui.i18n import install_translators

    assert install_translators(qapp, "en") == []
    translators = install_translators(qapp, "zh_CN")
    try:
        files = {Path(t.filePath()).name for t in translators}
        assert {p.with_suffix(".qm").name for p in translations_dir().glob("*_zh_CN.ts")} <= files
        assert QCoreApplication.translate("pages", "Dashboard") == "仪表盘"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert QCoreApplication.translate("pages", "Dashboard") == "Dashboard"
