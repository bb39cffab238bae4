"""The core never imports Qt: it must run in the CLI, in tests and on a server."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "sgz_desktop" / "core"


def test_no_core_module_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "PyQt6", "shiboken6"}]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, sgz_desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'sgz_desktop.core.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
