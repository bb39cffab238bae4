"""Errors the core raises. Every message is meant for the station's staff, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass


class SgzError(Exception):
    """Base of every error the user may see; ``str(err)`` is a complete sentence for them."""


class NotFound(SgzError):
    pass


class PermissionDenied(SgzError):
    pass


class LoginFailed(SgzError):
    pass


class AccountLocked(LoginFailed):
    pass


class DataDirLocked(SgzError):
    pass


class SecretUnavailable(SgzError):
    """No usable OS keyring, or the station secret is missing from it."""


class SchemaTooNew(SgzError):
    pass


class IntegrityFailure(SgzError):
    pass


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is and why it is refused."""

    field: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"第 {self.row} 行，" if self.row is not None else ""
        return f"{where}「{self.field}」：{self.reason}"


class ValidationError(SgzError):
    """One or more bad values; nothing was written."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("；".join(str(p) for p in self.problems))


# Besides its own error types, what a parser of an untrusted file (pypdf) raises on a damaged one: caught
# and turned into a message, never shown as an unexpected error.
PARSE_FAULTS: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                                             RecursionError, AssertionError)
