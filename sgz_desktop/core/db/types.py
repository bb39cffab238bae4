"""Column types: encrypted personal fields.

The cipher belongs to one open station and is attached to its engine's dialect (each engine has its
own dialect object), so a value can never be encrypted with another station's key.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from ..crypto import FieldCipher
from ..errors import SecretUnavailable

_ATTR = "sgz_field_cipher"


def attach_cipher(engine: Engine, cipher: FieldCipher) -> None:
    setattr(engine.dialect, _ATTR, cipher)


def _cipher(dialect: Dialect) -> FieldCipher:
    cipher = getattr(dialect, _ATTR, None)
    if cipher is None:
        raise SecretUnavailable("站点密钥未加载，无法读写个人信息。")
    return cipher  # type: ignore[no-any-return]


class EncryptedText(TypeDecorator[str]):
    """Text stored as AES-GCM ciphertext bound to its column, e.g. ``EncryptedText("staff.phone")``."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or value == "":
            return value
        return _cipher(dialect).encrypt(value, self.context)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or value == "":
            return value  # type: ignore[no-any-return]
        return _cipher(dialect).decrypt(str(value), self.context)
