"""What a handover package covers: one archival year (年度), or one service project's cycle (项目周期).

The same value travels through collect, precheck, export, payload and the registers, so the two kinds of
package share one export path. Nothing here needs a station (the verifier reads the scope back from
bag-info.txt with ``layout.parse_period``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

YEAR, PROJECT = "year", "project"


@dataclass(frozen=True)
class Scope:
    kind: str  # YEAR / PROJECT
    first: dt.date
    last: dt.date
    year: int | None = None  # the archival year (year packages)
    project_id: int | None = None
    project_name: str = ""
    open_ended: bool = False  # a project without an end date: its cycle runs to the day of export

    @classmethod
    def of_year(cls, year: int) -> Scope:
        return cls(YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), year=year)

    @classmethod
    def of_project(cls, project_id: int, name: str, start: dt.date, end: dt.date | None, today: dt.date) -> Scope:
        return cls(PROJECT, start, end if end is not None else max(today, start), project_id=project_id,
                   project_name=name, open_ended=end is None)

    @property
    def is_project(self) -> bool:
        return self.kind == PROJECT

    @property
    def period(self) -> str:
        """ISO 8601 interval, as bag-info.txt carries it: ``2023-03-01/2025-02-28``."""
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    @property
    def period_text(self) -> str:
        text = f"{self.first.isoformat()} 至 {self.last.isoformat()}"
        return text + "（项目尚未结束，周期计至导出当日）" if self.open_ended else text

    @property
    def short(self) -> str:
        """``2025 年度`` or ``项目「社区治理·楼栋自治」``: for sentences."""
        return f"{self.year} 年度" if not self.is_project else f"项目「{self.project_name}」"

    @property
    def label(self) -> str:
        """For subtitles: the year, or the project with its period."""
        return self.short if not self.is_project else f"{self.short} {self.period_text}"

    @property
    def archival_years(self) -> str:
        """The Archival-Year value: ``2025``, or the years a project's cycle spans, ``2023-2025``."""
        if self.year is not None:
            return str(self.year)
        return str(self.first.year) if self.first.year == self.last.year else f"{self.first.year}-{self.last.year}"

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def json_fields(self) -> dict[str, Any]:
        """What the package's JSON files say about their scope (Chinese keys like the rest)."""
        if not self.is_project:
            return {"年度": self.year}
        return {"移交范围": "项目周期", "服务项目": self.project_name, "项目编号": self.project_id,
                "项目周期": {"开始": self.first.isoformat(), "结束": self.last.isoformat(),
                         "尚未结束": self.open_ended}}


def as_scope(value: Scope | int) -> Scope:
    """Callers that still pass a year (tests, the year export) get the year's scope."""
    return value if isinstance(value, Scope) else Scope.of_year(int(value))
