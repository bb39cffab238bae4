"""What every ``sgz`` command receives: the data folder, the open station, the logged-in user, output."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO, TypeAlias

from ..core.errors import LoginFailed, SgzError
from ..core.paths import DataDir, resolve_data_dir
from ..core.progress import Progress
from ..core.roles import Actor

if TYPE_CHECKING:
    from ..core.station import Station

ENV_USER = "SGZ_USER"
ENV_PASSWORD = "SGZ_PASSWORD"
ENV_NEW_PASSWORD = "SGZ_NEW_PASSWORD"

Handler = Callable[["Context"], int]
if TYPE_CHECKING:
    # argparse's sub-command collection; its class is private, so it is named once here.
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


class UsageError(SgzError):
    """Wrong use of the command line: exit code 2."""


@dataclass
class Context:
    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _station: Station | None = None

    @property
    def data(self) -> DataDir:
        return resolve_data_dir(getattr(self.args, "data_dir", None))

    def station(self, *, upgrade: bool = True) -> Station:
        """The station in the data folder, opened once (migrated after a backup unless ``upgrade=False``)."""
        if self._station is None:
            from ..core.station import open_station  # here: ``sgz verify`` opens no station and need not load it

            self._station = open_station(self.data, upgrade=upgrade)
        return self._station

    def close(self) -> None:
        if self._station is not None:
            self._station.close()
            self._station = None

    def login(self) -> Actor:
        username = getattr(self.args, "user", None) or os.environ.get(ENV_USER, "")
        if not username:
            raise UsageError("这个命令需要登录：请用 --user 用户名（或环境变量 SGZ_USER）指定用户，"
                             "密码从环境变量 SGZ_PASSWORD 读取，没有时会提示输入。")
        st = self.station()
        password = os.environ.get(ENV_PASSWORD)
        if password is None:
            password = ask_secret(f"用户 {username} 的密码：")
        if not password:
            raise LoginFailed("没有输入密码。")
        from ..core import users

        return users.login(st, username, password)

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)

    def progress(self) -> Progress:
        """Progress on the terminal (stderr, one line redrawn); silent in scripts and pipes."""
        if not sys.stderr.isatty():
            return Progress()

        def show(done: int, total: int, text: str) -> None:
            percent = done * 100 // total if total else 0
            end = "\n" if total and done >= total else ""
            line = f"{percent:3d}%  {text}"
            # Spaces rather than an ANSI erase: the Windows console may not understand escapes.
            print("\r" + line + " " * max(0, 70 - display_width(line)), end=end, file=sys.stderr, flush=True)

        return Progress(show)


def ask_secret(prompt: str) -> str:
    """A prompt that shows no characters; in scripts without a terminal, the environment is the way."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UsageError("无法读取输入：请在终端中运行，或用环境变量提供（SGZ_PASSWORD 等）。") from None


def new_password(env: str, prompt: str) -> str:
    """A new password from ``env`` or typed twice."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = ask_secret(prompt)
    if ask_secret("再输入一次：") != first:
        raise UsageError("两次输入的密码不一致，没有做任何修改。")
    return first


def add_common(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``/``--user`` also after the command name (``sgz users list --user x``).

    SUPPRESS keeps a sub-command's unset option from overwriting one given before the command.
    """
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="数据目录")
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="登录用户名")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns aligned for a terminal where a Chinese character takes two cells."""
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows else []
    return ["  ".join(cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(r)).rstrip()
            for r in rows]
