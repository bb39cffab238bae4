"""The verifier's findings: 15 checks under the four properties of DA/T 70-2018, every failure kept."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..durable import write_small_file

PROPERTIES = (("authenticity", "真实性"), ("completeness", "完整性"), ("usability", "可用性"), ("security", "安全性"))
PROPERTY_LABELS = dict(PROPERTIES)

# number → (property, title); the rule each one applies is in yearly-package.md
CHECKS: dict[int, tuple[str, str]] = {
    1: ("authenticity", "压缩包哈希与 .sha256 文件（及登记表）一致"),
    2: ("authenticity", "标签清单的站点签名有效（与登记公钥一致）"),
    3: ("authenticity", "标签清单和内容清单中的每个文件重新计算哈希一致"),
    4: ("authenticity", "元数据取值合规：保管期限、密级、日期在年度内、无控制字符、档号格式正确且唯一"),
    5: ("authenticity", "每个文件记录的大小、哈希和格式与实际文件一致"),
    6: ("completeness", "BagIt 结构完整：bagit.txt、data/、清单不缺不多、路径在包内"),
    7: ("completeness", "Payload-Oxum 与实际字节数和文件数一致"),
    8: ("completeness", "件数和字节数在目录、移交清单、bag-info 和登记表中一致"),
    9: ("completeness", "件号在每个（门类、年度、期限、机构）内从 0001 连续，无缺号无重号"),
    10: ("completeness", "每件至少有一个文件；PDF 页数与记录一致"),
    11: ("usability", "JSON/CSV 可按 UTF-8 解析；PDF 能打开、有页面、无密码；格式在允许范围内"),
    12: ("usability", "zip 条目只用存储或 Deflate、未加密；文件名在 Windows 下可用且不因大小写或编码冲突"),
    13: ("security", "无绝对路径或“..”路径、无链接；条目数、大小和压缩比在限度内"),
    14: ("security", "无可执行程序、脚本、PDF JavaScript/启动动作或 Office 宏"),
    15: ("security", "载体中只有预期的文件"),
}
MAX_LISTED = 200  # failures listed per check; the count keeps going
MAX_MESSAGE = 500  # characters of one failure's message


@dataclass(frozen=True)
class CheckResult:
    number: int
    prop: str  # authenticity / completeness / usability / security
    title: str
    passed: bool
    failures: tuple[str, ...]
    failure_count: int
    notes: tuple[str, ...] = ()

    @property
    def property_label(self) -> str:
        return PROPERTY_LABELS[self.prop]


@dataclass(frozen=True)
class PackageSummary:
    identifier: str = ""
    station: str = ""
    year: str = ""
    items: int | None = None
    files: int | None = None
    payload_bytes: int | None = None
    key_fingerprint: str = ""
    pinned_key: bool = False
    scope: str = ""  # a project package: 项目「名称」 and its cycle; empty for a year package


@dataclass(frozen=True)
class VerifyReport:
    package: str
    zip_sha256: str
    zip_bytes: int
    checked_at: dt.datetime
    checks: tuple[CheckResult, ...]
    summary: PackageSummary = field(default_factory=PackageSummary)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if not c.passed)

    def check(self, number: int) -> CheckResult:
        return next(c for c in self.checks if c.number == number)

    def by_property(self) -> list[tuple[str, str, tuple[CheckResult, ...]]]:
        return [(key, label, tuple(c for c in self.checks if c.prop == key)) for key, label in PROPERTIES]

    def to_json(self) -> dict[str, Any]:
        return {
            "package": self.package,
            "zip_sha256": self.zip_sha256,
            "zip_bytes": self.zip_bytes,
            "checked_at": self.checked_at.isoformat(timespec="seconds"),
            "passed": self.passed,
            "summary": asdict(self.summary),
            "properties": [
                {"key": key, "name": label, "passed": all(c.passed for c in checks),
                 "checks": [{"number": c.number, "title": c.title, "passed": c.passed,
                             "failure_count": c.failure_count, "failures": list(c.failures),
                             "notes": list(c.notes)} for c in checks]}
                for key, label, checks in self.by_property()],
        }

    def write_json(self, out: Path) -> Path:
        """The report as JSON, for a script or an archive system, written whole or not at all."""
        write_small_file(out, (json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        return out


def _shortened(message: str) -> str:
    """A message quoting a hostile package's values (a 件号 of two million characters) is cut: the report's
    PDF and the verify page lay out every character."""
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "……（过长，已截断）"


class Findings:
    """Collects failures and notes per check while the verifier runs."""

    def __init__(self) -> None:
        self._fail: dict[int, list[str]] = {n: [] for n in CHECKS}
        self._count: dict[int, int] = dict.fromkeys(CHECKS, 0)
        self._notes: dict[int, list[str]] = {n: [] for n in CHECKS}

    def fail(self, number: int, message: str) -> None:
        self._count[number] += 1
        if len(self._fail[number]) < MAX_LISTED:
            self._fail[number].append(_shortened(message))

    def note(self, number: int, message: str) -> None:
        if message not in self._notes[number]:
            self._notes[number].append(message)

    def failed(self, number: int) -> bool:
        return self._count[number] > 0

    def results(self) -> tuple[CheckResult, ...]:
        out = []
        for number, (prop, title) in CHECKS.items():
            count = self._count[number]
            listed = list(self._fail[number])
            if count > len(listed):
                listed.append(f"…… 另有 {count - len(listed)} 处同类问题未列出")
            out.append(CheckResult(number, prop, title, count == 0, tuple(listed), count, tuple(self._notes[number])))
        return tuple(out)


def scope_text(year: str, scope: str) -> str:
    """What a verified package covers, for people: its project and cycle, or its year."""
    return scope or (f"{year} 年度" if year else "—")
