"""The station secret behind a small protocol: the OS keyring, an owner-only file, or memory (tests)."""

from __future__ import annotations

import base64
import os
import sys
from pathlib import Path
from typing import Protocol

from .errors import SecretUnavailable

SERVICE = "sgz-desktop"


class SecretStore(Protocol):
    """Keeps one small secret per station id."""

    kind: str

    def get(self, station_id: str) -> bytes | None: ...

    def put(self, station_id: str, secret: bytes) -> None: ...


class MemorySecretStore:
    kind = "memory"

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def get(self, station_id: str) -> bytes | None:
        return self.secrets.get(station_id)

    def put(self, station_id: str, secret: bytes) -> None:
        self.secrets[station_id] = secret


class KeyringSecretStore:
    """The OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""

    kind = "keyring"

    def __init__(self) -> None:
        import keyring

        self._keyring = keyring

    def get(self, station_id: str) -> bytes | None:
        try:
            value = self._keyring.get_password(SERVICE, station_id)
        except Exception as exc:  # keyring backends raise many types; the user needs one sentence
            raise SecretUnavailable(f"无法读取系统密钥环：{exc}") from exc
        return base64.b64decode(value) if value else None

    def put(self, station_id: str, secret: bytes) -> None:
        try:
            # base64 keeps it far below Windows Credential Manager's 2560-byte limit.
            self._keyring.set_password(SERVICE, station_id, base64.b64encode(secret).decode("ascii"))
        except Exception as exc:
            raise SecretUnavailable(f"无法写入系统密钥环：{exc}") from exc


class FileSecretStore:
    """A secret file in the data folder readable by its owner only: for PCs without a working keyring."""

    kind = "file"

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, station_id: str) -> bytes | None:
        if not self.path.exists():
            return None
        lines = self.path.read_text(encoding="ascii").split()
        if len(lines) != 2 or lines[0] != station_id:
            return None
        return base64.b64decode(lines[1])

    def put(self, station_id: str, secret: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(f"{station_id}\n{base64.b64encode(secret).decode('ascii')}\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        if sys.platform != "win32":
            os.chmod(self.path, 0o600)


def keyring_problem() -> str | None:
    """None when a real OS keyring is usable, else a sentence saying why not."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return "未安装 keyring 组件。"
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return "本机没有可用的系统密钥环（例如无桌面会话的 Linux）。"
    try:
        if backend.priority < 1:
            return f"系统密钥环 {type(backend).__name__} 不安全或不可用。"
    except Exception:
        return "系统密钥环不可用。"
    return None
