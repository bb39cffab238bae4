"""The clock behind a small protocol, so tests can fix the time."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        # Local wall time without tzinfo: the station lives in one time zone and its staff read it.
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + dt.timedelta(**delta)
