"""Thresholds and preferences: one table, each with its default and the article it comes from.

Areas add their definitions with ``define``; the Settings page lists them all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .errors import Problem, ValidationError
from .models import Setting
from .roles import Actor, Permission, require
from .station import Station


@dataclass(frozen=True)
class SettingDef:
    key: str
    label: str
    kind: str  # int | float | str | bool | fen | percent
    default: Any
    article: str = ""
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    # Raises ValidationError (naming the setting and the reason) when a coerced value is unusable;
    # set_value calls it before anything is stored.
    check: Callable[[Any], object] | None = None


@dataclass(frozen=True)
class SettingValue:
    definition: SettingDef
    value: Any
    is_default: bool


REGISTRY: dict[str, SettingDef] = {}


def define(d: SettingDef) -> SettingDef:
    REGISTRY[d.key] = d
    return d


LOGIN_MAX_FAILURES = define(SettingDef("login.max_failures", "连续输错密码锁定次数", "int", 5,
                                       help="连续输错这么多次后账号被临时锁定", minimum=3, maximum=20))
LOGIN_LOCK_MINUTES = define(SettingDef("login.lock_minutes", "锁定时长（分钟）", "int", 15, minimum=1,
                                       maximum=1440))
BACKUP_KEEP = define(SettingDef("backup.keep_last", "自动备份保留份数", "int", 10, minimum=2, maximum=100))
BACKUP_WARN_DAYS = define(SettingDef("backup.warn_days", "超过几天未备份时提醒", "int", 7, minimum=1,
                                     maximum=90))
CENTRAL_MIN_SW = define(SettingDef("staff.min_fulltime_central", "中心城区专职社工最少人数", "int", 3,
                                   article="第十三条", minimum=1, maximum=50))
NEW_DISTRICT_MIN_SW = define(SettingDef("staff.min_fulltime_new", "新城区专职社工最少人数", "int", 2,
                                        article="第十三条", minimum=1, maximum=50))
SUPERVISOR_YEARS = define(SettingDef("staff.supervisor_min_years", "督导最少从业年限", "int", 5,
                                     article="第三十条", minimum=0, maximum=40))
PREJOB_DAYS = define(SettingDef("training.prejob_within_days", "新入职社工岗前培训期限（天）", "int", 90,
                                article="第十五条", minimum=1, maximum=365))
CE_HOURS_ASSISTANT = define(SettingDef("training.ce_hours_assistant", "助理社会工作师继续教育学时（每3年）",
                                       "int", 72, article="第十五条", help="社会工作者继续教育办法"))
CE_HOURS_SOCIAL_WORKER = define(SettingDef("training.ce_hours_sw", "社会工作师及以上继续教育学时（每3年）",
                                           "int", 90, article="第十五条", help="社会工作者继续教育办法"))
def _check_star_hours(raw: Any) -> None:
    from .volunteer_stars import parse_thresholds  # the stars area imports this module

    parse_thresholds(raw)


STAR_THRESHOLDS = define(SettingDef("volunteers.star_hours", "志愿者星级时长门槛（小时）", "str",
                                    "100,300,600,1000,1500", article="第二十二条",
                                    help="一星至五星的累计服务时长，逗号分隔", check=_check_star_hours))
MGMT_FEE_SHARE = define(SettingDef("finance.mgmt_fee_max_percent", "承接方运营管理费上限（%）", "percent",
                                   10, article="第二十六条", minimum=0, maximum=100))
DANGHAO_PATTERN = define(SettingDef("archives.danghao_pattern", "档号格式", "str",
                                    "{fonds}-{category}·{year}-{retention}-{org}-{item:04d}",
                                    article="第二十四条", help="DA/T 22-2015"))
METADATA_XML = define(SettingDef("package.metadata_xml", "移交包中每件档案另附 XML 元数据（metadata.xml）", "bool",
                                 False, article="第二十四条",
                                 help="接收方的档案系统要求 XML 时打开；JSON 元数据始终都有"))


def _coerce(d: SettingDef, raw: Any, row: int | None = None) -> Any:
    try:
        if d.kind in ("int", "fen"):
            value: Any = int(raw)
        elif d.kind in ("float", "percent"):
            value = float(raw)
        elif d.kind == "bool":
            value = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes", "是")
        else:
            value = str(raw).strip()
    except (TypeError, ValueError):
        raise ValidationError(Problem(d.label, f"「{raw}」不是有效的数值", row)) from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if d.minimum is not None and value < d.minimum:
            raise ValidationError(Problem(d.label, f"不能小于 {d.minimum:g}", row))
        if d.maximum is not None and value > d.maximum:
            raise ValidationError(Problem(d.label, f"不能大于 {d.maximum:g}", row))
    return value


def get(st: Station, d: SettingDef) -> Any:
    with st.read() as s:
        row = s.get(Setting, d.key)
        return json.loads(row.value) if row else d.default


def list_settings(st: Station) -> list[SettingValue]:
    from . import checks  # the areas define their settings where their checks live

    checks.load_areas()
    with st.read() as s:
        stored = {r.key: json.loads(r.value) for r in s.scalars(select(Setting))}
    return [SettingValue(d, stored.get(d.key, d.default), d.key not in stored) for d in REGISTRY.values()]


def set_value(st: Station, actor: Actor, key: str, raw: Any) -> SettingValue:
    require(actor, Permission.EDIT_SETTINGS)
    d = REGISTRY.get(key)
    if d is None:
        raise ValidationError(Problem("设置项", f"没有名为 {key} 的设置"))
    value = _coerce(d, raw)
    if d.check is not None:
        d.check(value)
    with st.begin(actor) as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
        else:
            row.value = json.dumps(value, ensure_ascii=False)
    return SettingValue(d, value, False)


def reset(st: Station, actor: Actor, key: str) -> None:
    require(actor, Permission.EDIT_SETTINGS)
    with st.begin(actor) as s:
        row = s.get(Setting, key)
        if row is not None:
            s.delete(row)
