"""``sgz``: the command line over the same core as the window.

Errors are one Chinese line on stderr and a non-zero exit (2 for wrong usage, 1 for everything else),
never a traceback unless ``SGZ_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from typing import NoReturn

from . import __version__
from .cli_commands import COMMAND_MODULES, LIGHT_COMMANDS
from .cli_commands.base import Context, UsageError
from .core.errors import SgzError, fault_text

ENV_DEBUG = "SGZ_DEBUG"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"sgz：命令用法不对：{message}（sgz --help 查看用法）\n")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for every command; for a command in ``LIGHT_COMMANDS``, given in ``argv``, that command's
    alone (``sgz --help`` and a mistyped command still see them all)."""
    parser = Parser(prog="sgz", description="社工站桌面管理套件的命令行工具。")
    parser.add_argument("--version", action="version", version=f"sgz {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="数据目录（也可用环境变量 SGZ_DATA_DIR）")
    parser.add_argument("--user", metavar="NAME",
                        help="登录用户名（也可用环境变量 SGZ_USER；密码用 SGZ_PASSWORD 或提示输入）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=Parser)
    light = LIGHT_COMMANDS.get(_command(argv or []) or "")
    for name in [light] if light else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The command named in ``argv``: its first word that is not an option or the value of one."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--user"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _say(text: str) -> None:
    print(f"sgz：{text}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A console or pipe that cannot show Chinese must not turn a message into a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    debug = os.environ.get(ENV_DEBUG, "") not in ("", "0")
    try:
        args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    ctx = Context(args)
    try:
        return int(args.handler(ctx))
    except UsageError as err:
        _say(str(err))
        return 2
    except SgzError as err:
        if debug:
            traceback.print_exc()
        _say(str(err))
        return 1
    except KeyboardInterrupt:
        _say("已取消。")
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        said = fault_text(exc)  # a USB drive full or pulled out, a folder without write permission
        if said is not None:
            _say(said)
            return 1
        _say(f"出现意外错误（{type(exc).__name__}：{exc}）。设置环境变量 {ENV_DEBUG}=1 后重新运行可查看详细信息。")
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
