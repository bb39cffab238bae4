"""The ``sgz-desktop`` GUI entry point: options, then data lock → station → login → main window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__

_IMPORTED_AT = time.perf_counter()


def _seconds_since_process_start() -> float:
    """How long the process has run when this module is imported (Linux /proc; elsewhere 0)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat[stat.rindex(")") + 2:].split()[19])  # field 22, starttime
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


_STARTED_BEFORE_IMPORT = _seconds_since_process_start()


def elapsed_ms() -> int:
    """Milliseconds since the process started (as well as this platform lets us know)."""
    return round((_STARTED_BEFORE_IMPORT + time.perf_counter() - _IMPORTED_AT) * 1000)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sgz-desktop", description="社工站桌面管理套件")
    parser.add_argument("--version", action="store_true", help="显示版本号后退出")
    parser.add_argument("--data-dir", metavar="DIR", help="数据目录（默认取 SGZ_DATA_DIR 或本机用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示站点（没有时自动创建）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="界面语言，默认 zh_CN")
    parser.add_argument("--exit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def demo_data_dir(explicit: str | None) -> Path:
    """``--data-dir`` when given, else the ``demo`` folder inside the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    import platformdirs

    from .core.paths import APP_NAME

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"sgz-desktop {__version__}")
        return 0
    from PySide6.QtWidgets import QApplication

    from .core.paths import DataDir, resolve_data_dir
    from .ui.faults import FaultHandler
    from .ui.i18n import install_translators
    from .ui.shell import Shell, apply_style

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sgz-desktop"])
    assert isinstance(app, QApplication)
    app.setApplicationName("sgz-desktop")
    app.setApplicationVersion(__version__)
    translators = install_translators(app, args.lang)
    apply_style(app)
    data = DataDir(demo_data_dir(args.data_dir)) if args.demo else resolve_data_dir(args.data_dir)
    FaultHandler(data.logs).install()
    shell = Shell(app, data, demo=args.demo, demo_dir=DataDir(demo_data_dir(args.data_dir)),
                  exit_after=args.exit_after, on_first_window=_report_timing)
    code = shell.run()
    del translators
    return code


def _report_timing() -> None:
    if os.environ.get("SGZ_TIMING") == "1":
        print(f"main window shown in {elapsed_ms()} ms", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
