"""What this copy of the program is and how it runs: version, frozen or not, keyring backends.

``sgz about`` prints it for support calls; the frozen-bundle smoke test compares it with the source
tree's, which is how a bundle missing a keyring backend (so silently on the fail backend) is caught.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from .db import migrate
from .paths import DataDir
from .secrets import keyring_problem


@dataclass(frozen=True)
class KeyringBackendInfo:
    name: str  # module.Class
    priority: float | None  # None: not usable here
    reason: str  # why not usable ("" when usable)


@dataclass(frozen=True)
class RuntimeInfo:
    version: str
    frozen: bool
    program: str
    python: str
    platform: str
    data_dir: str
    schema_head: str
    migrations: tuple[str, ...]
    keyring_backend: str
    keyring_problem: str  # "" when a real keyring works
    keyring_backends: tuple[KeyringBackendInfo, ...]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def keyring_backends() -> tuple[str, tuple[KeyringBackendInfo, ...]]:
    """The backend keyring chose, and every backend it knows with its priority or why it is unusable."""
    import keyring
    from keyring import backend as kb

    chosen = keyring.get_keyring()
    kb.get_all_keyring()  # loads the backends registered through entry points
    found = []
    for cls in getattr(kb.KeyringBackend, "_classes", set()):
        try:
            found.append(KeyringBackendInfo(_name(cls), float(cls.priority), ""))
        except Exception as exc:  # each backend says in its own way why it cannot work here
            found.append(KeyringBackendInfo(_name(cls), None, f"{type(exc).__name__}: {exc}"))
    return _name(type(chosen)), tuple(sorted(found, key=lambda b: b.name))


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def runtime_info(data: DataDir | None = None) -> RuntimeInfo:
    chosen, backends = keyring_backends()
    return RuntimeInfo(
        version=__version__, frozen=bool(getattr(sys, "frozen", False)), program=str(Path(sys.executable)),
        python=platform.python_version(), platform=platform.platform(terse=True),
        data_dir=str(data.root) if data else "", schema_head=migrate.head_revision(),
        migrations=tuple(sorted(migrate.known_revisions())), keyring_backend=chosen,
        keyring_problem=keyring_problem() or "", keyring_backends=backends)
