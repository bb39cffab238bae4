"""Keys derived from the one station secret: personal-data encryption, blind index, package signing.

The station secret (32 random bytes) lives in the OS keyring; everything else is derived from it with
HKDF, so a recovery key that restores the secret restores every key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import SecretUnavailable

SECRET_BYTES = 32
_CIPHER_PREFIX = "v1:"


def new_station_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


def derive(secret: bytes, purpose: str, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=purpose.encode()).derive(secret)


def key_check(secret: bytes) -> str:
    """A value stored in the database that tells whether a secret belongs to this station."""
    return derive(secret, "sgz/key-check/v1", 16).hex()


class FieldCipher:
    """AES-GCM for personal fields, plus a keyed blind index for exact-match lookups."""

    def __init__(self, secret: bytes) -> None:
        self._aead = AESGCM(derive(secret, "sgz/personal-data/aes-gcm/v1"))
        self._index_key = derive(secret, "sgz/personal-data/blind-index/v1")

    def encrypt(self, plaintext: str, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode())
        return _CIPHER_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str, context: str) -> str:
        if not token.startswith(_CIPHER_PREFIX):
            raise SecretUnavailable("个人信息字段的密文格式无法识别，数据可能已损坏。")
        raw = base64.b64decode(token[len(_CIPHER_PREFIX) :])
        try:
            return self._aead.decrypt(raw[:12], raw[12:], context.encode()).decode("utf-8")
        except InvalidTag:
            raise SecretUnavailable(
                "无法解密个人信息：本机的站点密钥与数据库不匹配。请用恢复密钥恢复站点密钥。"
            ) from None

    def blind_index(self, value: str, context: str) -> str:
        norm = normalise_for_index(value)
        return hmac.new(self._index_key, f"{context}\x00{norm}".encode(), hashlib.sha256).hexdigest()[:32]


def normalise_for_index(value: str) -> str:
    # Full-width digits and a lower-case x are common when ID numbers are typed in Chinese IMEs.
    return unicodedata.normalize("NFKC", value).strip().upper().replace(" ", "")


def signing_key(secret: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(derive(secret, "sgz/package-signing/ed25519/v1"))


def public_key_pem(secret: bytes) -> bytes:
    return (
        signing_key(secret)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("不是 Ed25519 公钥")
    return key


# --- recovery key: the secret written for people, 4-character groups with a checksum ---------------

_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def recovery_key_from_secret(secret: bytes) -> str:
    check = hashlib.sha256(b"sgz-recovery" + secret).digest()[:3]
    text = base64.b32encode(secret + check).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def secret_from_recovery_key(text: str) -> bytes:
    # People confuse 0/O, 1/I and 8/B when copying from paper; base32 has no 0, 1 or 8.
    typed = unicodedata.normalize("NFKC", text).upper().translate(str.maketrans("018", "OIB"))
    cleaned = "".join(ch for ch in typed if ch in _B32)
    if len(cleaned) != 56:
        raise SecretUnavailable("恢复密钥长度不对：应为 56 个字母或数字（不计连字符）。请对照打印件逐组核对。")
    raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if hashlib.sha256(b"sgz-recovery" + secret).digest()[:3] != check:
        raise SecretUnavailable("恢复密钥校验失败：有字符抄错了。请对照打印件逐组核对。")
    return secret
