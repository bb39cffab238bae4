"""Station profile (name, subdistrict, fonds code, ...) and its communities (社区/村)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from .errors import NotFound, Problem, ValidationError
from .models import Community, StationProfile
from .roles import Actor, Permission, require
from .station import Station

DISTRICT_TYPES = ("中心城区", "新城区")
COMMUNITY_KINDS = ("社区", "村")


@dataclass(frozen=True)
class Profile:
    station_uuid: str
    name: str
    subdistrict: str
    district: str
    district_type: str
    fonds_code: str
    operator_org: str
    responsible_person: str
    contact_phone: str
    address: str
    city_avg_wage_fen: int
    secret_location: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CommunityInfo:
    id: int
    name: str
    kind: str
    sort_order: int
    active: bool


EDITABLE = ("name", "subdistrict", "district", "district_type", "fonds_code", "operator_org",
            "responsible_person", "contact_phone", "address", "city_avg_wage_fen")
LABELS = {
    "name": "站点名称", "subdistrict": "街道（乡镇）", "district": "区", "district_type": "城区类型",
    "fonds_code": "全宗号", "operator_org": "承接机构", "responsible_person": "负责人",
    "contact_phone": "联系电话", "address": "地址", "city_avg_wage_fen": "全市职工月平均工资",
}


def validate_profile(values: dict[str, object]) -> list[Problem]:
    problems = []
    for key in ("name", "subdistrict", "district", "fonds_code"):
        if key in values and not str(values[key]).strip():
            problems.append(Problem(LABELS[key], "不能为空"))
    if "district_type" in values and values["district_type"] not in DISTRICT_TYPES:
        problems.append(Problem(LABELS["district_type"], "只能是“中心城区”或“新城区”"))
    fonds = str(values.get("fonds_code", "X1")).strip()
    if fonds and not fonds.replace("-", "").isalnum():
        problems.append(Problem(LABELS["fonds_code"], "只能包含字母和数字，例如 Z109"))
    wage = values.get("city_avg_wage_fen", 0)
    if not isinstance(wage, int) or wage < 0:
        problems.append(Problem(LABELS["city_avg_wage_fen"], "必须是不小于 0 的金额"))
    return problems


def _profile(row: StationProfile) -> Profile:
    return Profile(row.station_uuid, row.name, row.subdistrict, row.district, row.district_type,
                   row.fonds_code, row.operator_org, row.responsible_person, row.contact_phone,
                   row.address, row.city_avg_wage_fen, row.secret_location, row.created_at)


def get_profile(st: Station) -> Profile:
    return _profile(st.profile_row())


def update_profile(st: Station, actor: Actor, **values: object) -> Profile:
    require(actor, Permission.EDIT_PROFILE)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(Problem("站点信息", f"不能修改字段 {', '.join(sorted(unknown))}"))
    problems = validate_profile(values)
    if problems:
        raise ValidationError(problems)
    with st.begin(actor) as s:
        row = s.scalar(select(StationProfile))
        if row is None:
            raise NotFound("数据库中还没有站点信息。")
        for key, value in values.items():
            setattr(row, key, value.strip() if isinstance(value, str) else value)
        return _profile(row)


def list_communities(st: Station, include_inactive: bool = False) -> list[CommunityInfo]:
    stmt = select(Community).order_by(Community.sort_order, Community.id)
    if not include_inactive:
        stmt = stmt.where(Community.active.is_(True))
    with st.read() as s:
        return [CommunityInfo(c.id, c.name, c.kind, c.sort_order, c.active) for c in s.scalars(stmt)]


def add_community(st: Station, actor: Actor, name: str, kind: str = "社区") -> CommunityInfo:
    require(actor, Permission.EDIT_PROFILE)
    name = name.strip()
    if not name:
        raise ValidationError(Problem("社区名称", "不能为空"))
    if kind not in COMMUNITY_KINDS:
        raise ValidationError(Problem("类型", "只能是“社区”或“村”"))
    with st.begin(actor) as s:
        if s.scalar(select(func.count()).where(Community.name == name)):
            raise ValidationError(Problem("社区名称", f"“{name}”已存在"))
        order = (s.scalar(select(func.max(Community.sort_order))) or 0) + 1
        c = Community(name=name, kind=kind, sort_order=order, active=True)
        s.add(c)
        s.flush()
        return CommunityInfo(c.id, c.name, c.kind, c.sort_order, c.active)


def set_community_active(st: Station, actor: Actor, community_id: int, active: bool) -> CommunityInfo:
    """Communities are retired, not deleted: staff and volunteers keep pointing at them."""
    require(actor, Permission.EDIT_PROFILE)
    with st.begin(actor) as s:
        c = s.get(Community, community_id)
        if c is None:
            raise NotFound(f"没有编号为 {community_id} 的社区。")
        c.active = active
        return CommunityInfo(c.id, c.name, c.kind, c.sort_order, c.active)
