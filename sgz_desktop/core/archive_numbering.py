"""Archive numbers: the station's code lists (门类, 机构) and the 档号 pattern (DA/T 22-2015).

The 档号 is built when an item is finalised, from the setting ``archives.danghao_pattern`` (default
``{fonds}-{category}·{year}-{retention}-{org}-{item:04d}``, e.g. ``Z109-WS·2024-Y-BGS-0001``). Districts
write their numbers differently, so the pattern is a setting; it must name every part of the group the
件号 counts in, or two items could get the same 档号.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from . import settings
from .errors import Problem, ValidationError
from .settings import DANGHAO_PATTERN, SettingDef, define
from .station import Station

WRITINGS, ACCOUNTING = "WS", "KU"
MAX_ITEM_NUMBER = 9999  # 件号 has four digits
PARTS = ("fonds", "category", "year", "retention", "org", "item")
REQUIRED_PARTS = ("category", "year", "retention", "org", "item")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,9}$")

CATEGORIES = define(SettingDef(
    "archives.categories", "档案门类（代码=名称）", "str", "WS=文书,KU=会计", article="第二十四条",
    help="逗号分隔，如 WS=文书,KU=会计,SX=声像,ZP=照片；代码为大写字母"))
ORGANISATIONS = define(SettingDef(
    "archives.org_codes", "机构（问题）代码（代码=名称）", "str", "BGS=综合办公室,FW=社工服务,CW=财务",
    article="第二十四条", help="逗号分隔，档号中的机构（问题）代码，如 BGS=综合办公室"))
DRAFT_DAYS = define(SettingDef(
    "archives.draft_max_days", "档案登记后应在几天内归档", "int", 90, article="第二十四条",
    help="草稿超过这么多天仍未归档时，仪表盘提醒", minimum=7, maximum=730))


def parse_codes(text: str) -> dict[str, str]:
    """``"WS=文书,KU=会计"`` → {"WS": "文书", "KU": "会计"}, in order; tolerant of Chinese punctuation."""
    codes: dict[str, str] = {}
    for part in re.split(r"[,，;；、\n]", text):
        code, _sep, name = part.replace("＝", "=").replace("：", "=").replace(":", "=").partition("=")
        code = code.strip().upper()
        if _CODE.match(code):
            codes.setdefault(code, name.strip() or code)
    return codes


def categories(st: Station) -> dict[str, str]:
    found = parse_codes(str(settings.get(st, CATEGORIES)))
    return found or parse_codes(str(CATEGORIES.default))


def organisations(st: Station) -> dict[str, str]:
    found = parse_codes(str(settings.get(st, ORGANISATIONS)))
    return found or parse_codes(str(ORGANISATIONS.default))


def finance_org(orgs: dict[str, str]) -> str:
    """The organisation code accounting records go under: the one named 财务 if any, else the first."""
    return next((code for code, name in orgs.items() if "财务" in name or code == "CW"), next(iter(orgs)))


@dataclass(frozen=True)
class NumberParts:
    fonds: str
    category: str
    year: int
    retention: str
    org: str
    item: int


def pattern_problem(pattern: str) -> str | None:
    """Why a 档号 pattern cannot be used, in Chinese; None when it can."""
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        return "花括号不成对"
    unknown = [f for f in fields if f not in PARTS]
    if unknown:
        return f"不认识 {'、'.join('{' + f + '}' for f in unknown)}（可用：{'、'.join('{' + p + '}' for p in PARTS)}）"
    missing = [p for p in REQUIRED_PARTS if p not in fields]
    if missing:
        return f"缺少 {'、'.join('{' + p + '}' for p in missing)}，档号会重复"
    repeated = sorted({f for f in fields if fields.count(f) > 1})
    if repeated:  # the verifier refuses such a pattern too (``layout``)
        return f"{'、'.join('{' + p + '}' for p in repeated)} 出现了不止一次，每个部分只能写一次"
    try:
        format_number(pattern, NumberParts("Z109", "WS", 2024, "Y", "BGS", 1))
    except (ValueError, TypeError, KeyError, IndexError):
        return "格式写法有误（件号可写作 {item:04d}）"
    return None


def format_number(pattern: str, parts: NumberParts) -> str:
    values: dict[str, Any] = {"fonds": parts.fonds, "category": parts.category, "year": parts.year,
                              "retention": parts.retention, "org": parts.org, "item": parts.item}
    return pattern.format(**values)


def danghao_pattern(st: Station) -> str:
    """The configured pattern, checked; a bad one stops finalising with a message naming the setting."""
    pattern = str(settings.get(st, DANGHAO_PATTERN))
    problem = pattern_problem(pattern)
    if problem:
        raise ValidationError(Problem(DANGHAO_PATTERN.label, f"「{pattern}」{problem}；请在“设置”中改正"))
    return pattern
