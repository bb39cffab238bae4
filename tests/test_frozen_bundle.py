"""The Linux one-folder bundle, built with PyInstaller from ``installers/sgz-desktop.spec``, really runs.

Built once per run (about 30-60 s) into a temp folder, then the frozen programs are run as a user would:
``sgz --version``, ``sgz demo`` on a temp data folder, ``sgz check``, a PDF report, a backup, a yearly
package exported and verified, and the window offscreen visiting every page. What would break a release
is a failure here: a module or resource or migration left out of the bundle, or keyring silently on its
fail backend because its backends were not bundled. The frozen programs' output is written to the
terminal (not captured), so the CI log shows them running.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sgz_desktop import __version__
from sgz_desktop.core.db.migrate import MIGRATIONS

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "installers" / "sgz-desktop.spec"
ISS = REPO / "installers" / "windows" / "sgz-desktop.iss"
PASSWORD = "Smoke2026pw"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Bundle:
    root: Path
    home: Path  # a throw-away HOME: the frozen programs never see the developer's own

    @property
    def sgz(self) -> Path:
        return self.root / "sgz"

    @property
    def gui(self) -> Path:
        return self.root / "sgz-desktop"

    def env(self, **extra: str) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("SGZ_", "PYTHON", "QT_", "XDG_")) and k not in ("HOME", "VIRTUAL_ENV")}
        return {**keep, "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", **extra}

    def files(self) -> set[str]:
        return {str(p.relative_to(self.root)) for p in self.root.rglob("*")}


_capture: Any = None  # pytest's capture manager, so show() can write past it


@pytest.fixture(scope="module", autouse=True)
def _terminal(pytestconfig: pytest.Config) -> Iterator[None]:
    global _capture
    _capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    yield
    _capture = None


def show(text: str) -> None:
    """Straight to the terminal (and the CI log), past pytest's capture."""
    if _capture is None:
        print(text.rstrip(), flush=True)
        return
    with _capture.global_and_fixture_disabled():
        print(text.rstrip(), flush=True)


def run(bundle: Bundle, program: Path, *args: str, timeout: float = 120,
        **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(program), *args], capture_output=True, text=True, timeout=timeout,
                            env=bundle.env(**env), cwd=bundle.home, check=False)
    shown = "\n".join(f"    {line}" for line in (result.stdout + result.stderr).rstrip().splitlines()[-25:])
    show(f"\n[frozen] $ {program.name} {' '.join(args)}   → exit {result.returncode}\n{shown}")
    return result


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: install the test extra (pip install -e '.[test]')")
    if not sys.platform.startswith("linux"):
        pytest.skip("the smoke build runs on Linux; Windows builds with installers/build_windows.ps1")
    work = tmp_path_factory.mktemp("pyinstaller")
    home = tmp_path_factory.mktemp("frozen-home")
    show(f"\n[frozen] building the one-folder bundle with PyInstaller from {SPEC.relative_to(REPO)} …")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        capture_output=True, text=True, timeout=900, cwd=REPO, check=False)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    root = work / "dist" / "sgz-desktop"
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    show(f"[frozen] built {root} ({size / 2**20:.0f} MB): {', '.join(sorted(p.name for p in root.iterdir()))}")
    yield Bundle(root, home)


@pytest.fixture(scope="module")
def demo(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo station made by the frozen ``sgz demo``."""
    data = tmp_path_factory.mktemp("frozen-data") / "demo"
    result = run(bundle, bundle.sgz, "--data-dir", str(data), "demo", "--password", PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "已建立演示站点" in result.stdout
    return data


def test_both_programs_report_the_version(bundle: Bundle) -> None:
    assert {p.name for p in bundle.root.iterdir()} >= {"sgz", "sgz-desktop", "_internal"}
    assert run(bundle, bundle.sgz, "--version").stdout.strip() == f"sgz {__version__}"
    assert run(bundle, bundle.gui, "--version").stdout.strip() == f"sgz-desktop {__version__}"


def test_resources_translations_migrations_and_manual_are_bundled(bundle: Bundle) -> None:
    inside = bundle.root / "_internal"
    for qm in (REPO / "resources" / "translations").glob("*.qm"):
        assert (inside / "resources" / "translations" / qm.name).is_file(), qm.name
    for icon in (REPO / "resources" / "icons").glob("*.svg"):
        assert (inside / "resources" / "icons" / icon.name).is_file(), icon.name
    assert (inside / "resources" / "styles" / "app.qss").is_file()
    bundled = inside / "sgz_desktop" / "core" / "db" / "migrations"
    assert (bundled / "env.py").is_file()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        assert (bundled / "versions" / script.name).is_file(), f"migration {script.name} not bundled"
    for doc in (REPO / "docs").glob("*.md"):
        assert (inside / "docs" / doc.name).is_file(), doc.name
    for image in (REPO / "docs" / "images").glob("*.png"):
        assert (inside / "docs" / "images" / image.name).is_file(), image.name
    assert list((inside / "PySide6" / "Qt" / "translations").glob("qtbase_zh_CN.qm")), "Qt's own translations"


def test_keyring_backends_match_the_source_tree(bundle: Bundle) -> None:
    """Same machine, same environment: the frozen program must see the keyring backends Python sees."""
    frozen = run(bundle, bundle.sgz, "about", "--json")
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run([sys.executable, "-m", "sgz_desktop.cli", "about", "--json"], capture_output=True,
                            text=True, env=bundle.env(), cwd=REPO, timeout=60, check=False)
    assert source.returncode == 0, source.stderr
    f, s = json.loads(frozen.stdout), json.loads(source.stdout)
    assert f["frozen"] is True and s["frozen"] is False
    assert f["version"] == __version__
    assert f["migrations"] == s["migrations"] and f["schema_head"] == s["schema_head"]
    assert f["keyring_backend"] == s["keyring_backend"], "the frozen program chose another keyring backend"
    assert f["keyring_problem"] == s["keyring_problem"]

    def usable(info: dict[str, object]) -> dict[str, bool]:
        return {b["name"]: b["priority"] is not None for b in info["keyring_backends"]}  # type: ignore[attr-defined]

    assert usable(f) == usable(s), "keyring backends differ between the bundle and the source tree"
    missing = [b for b in f["keyring_backends"] if "No module named" in b["reason"]]
    assert not missing, f"keyring backends missing a module in the bundle: {missing}"
    if f["keyring_backend"].endswith("fail.Keyring"):
        # Allowed only when the program says so plainly (a headless Linux has no keyring).
        assert f["keyring_problem"], "keyring fell back to the fail backend without saying so"
    show(f"[frozen] keyring: {f['keyring_backend']} — {f['keyring_problem'] or 'usable'}")


def test_demo_check_report_and_backup(bundle: Bundle, demo: Path, tmp_path: Path) -> None:
    check = run(bundle, bundle.sgz, "--data-dir", str(demo), "check")
    assert check.returncode == 0, check.stderr
    assert "数据完整性：完好" in check.stdout
    login = {"SGZ_USER": "fuzhanzhang", "SGZ_PASSWORD": PASSWORD}
    pdf = tmp_path / "花名册.pdf"
    report = run(bundle, bundle.sgz, "--data-dir", str(demo), "report", "roster", "--out", str(pdf), **login)
    assert report.returncode == 0, report.stderr
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) >= 1 and "花名册" in PdfReader(pdf).pages[0].extract_text().replace(" ", "")
    backup = run(bundle, bundle.sgz, "--data-dir", str(demo), "backup", "--to", str(tmp_path / "usb"), **login)
    assert backup.returncode == 0, backup.stderr
    assert "已校验无误" in backup.stdout


def test_yearly_package_exports_and_verifies(bundle: Bundle, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "U盘"
    out.mkdir()
    export = run(bundle, bundle.sgz, "--data-dir", str(demo), "export-year", "2025", "--out", str(out),
                 "--override-reason", "冒烟测试", "--quiet", SGZ_USER="dangan", SGZ_PASSWORD=PASSWORD)
    assert export.returncode == 0, export.stderr
    package = Path(export.stdout.strip().splitlines()[-1])
    forms = list(out.glob("*登记表.pdf"))
    assert package.is_file() and len(forms) == 1
    verify = run(bundle, bundle.sgz, "verify", str(package), "--form", str(forms[0]), "--quiet")
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_window_opens_every_page_offscreen(bundle: Bundle, demo: Path) -> None:
    before = bundle.files()
    result = run(bundle, bundle.gui, "--demo", "--data-dir", str(demo), "--exit-after", "3", timeout=180,
                 SGZ_USER="fuzhanzhang", SGZ_PASSWORD=PASSWORD, SGZ_TIMING="1", SGZ_SMOKE_PAGES="1")
    assert result.returncode == 0, result.stderr
    assert re.search(r"main window shown in \d+ ms", result.stderr), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "FAILED" not in result.stderr, result.stderr
    assert re.search(r"smoke: \d+ pages opened", result.stderr), result.stderr
    assert "smoke: icons ok" in result.stderr and "smoke: translations ok" in result.stderr, result.stderr
    # closing the window made the automatic backup in the data folder
    assert any(p.name.startswith("sgz-backup-") for p in (demo / "backups").iterdir())
    # nothing was written into the program folder (data lives in the data folder only)
    assert bundle.files() == before


def test_inno_setup_names_every_file_of_the_bundle(bundle: Bundle) -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    defines = dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"', text, flags=re.MULTILINE))
    sources = re.findall(r'^Source:\s*"([^"]+)"', text, flags=re.MULTILINE)
    named = set()
    for source in sources:
        path = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), source)
        assert path.startswith("{#DistDir}\\"), source
        first = path.removeprefix("{#DistDir}\\").split("\\")[0]
        named.add(first.removesuffix(".exe"))
        if first == "_internal":
            assert path.endswith("\\*") and "recursesubdirs" in text, "the library folder is copied whole"
    assert named == {p.name for p in bundle.root.iterdir()}, "the installer and the spec disagree"
