"""Password hashing with Argon2id (memory-hard), parameters stored with each hash."""

from __future__ import annotations

import base64
import hmac
import os

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. Tens of milliseconds on an office PC.
MEMORY_KIB = 19 * 1024
ITERATIONS = 2
LANES = 1


def _kdf(password: str, salt: bytes, memory: int, iterations: int, lanes: int) -> bytes:
    return Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory).derive(
        password.encode("utf-8")
    )


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = _kdf(password, salt, MEMORY_KIB, ITERATIONS, LANES)
    b64 = base64.b64encode
    return f"argon2id$m={MEMORY_KIB},t={ITERATIONS},p={LANES}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, params, salt_b64, digest_b64 = stored.split("$")
        opts = dict(item.split("=") for item in params.split(","))
        if scheme != "argon2id":
            return False
        digest = _kdf(password, base64.b64decode(salt_b64), int(opts["m"]), int(opts["t"]), int(opts["p"]))
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


def password_problem(password: str) -> str | None:
    """A reason the password is too weak, or None."""
    if len(password) < 8:
        return "密码至少 8 位"
    if password.isdigit() or password.isalpha():
        return "密码需同时包含字母和数字"
    return None
