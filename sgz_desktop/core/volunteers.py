"""The volunteer registry (Art. 17, 22): register, edit, pause or withdraw, look up.

ID numbers and phones are encrypted at rest; the same person cannot be registered twice (found through
the keyed blind index of the ID number). A volunteer with service hours or points is never deleted: they
withdraw (已退出) and stay in the registry. Editors (EDIT_VOLUNTEERS) see personal numbers in full,
everyone else masked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, PermissionDenied, Problem, ValidationError
from .models import (
    Certificate,
    Community,
    PointTransaction,
    Redemption,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
)
from .roles import Actor, Permission, require
from .staff import mask_phone
from .station import Station
from .validation import (
    gender_from_id,
    id_number_problem,
    mask_id_number,
    mobile_problem,
    normalise_id_number,
    normalise_mobile,
)

STATUSES = ("在册", "暂停", "已退出")
# Kinds of service (an activity has one); points rules may weigh them differently.
ACTIVITY_TYPES = ("助老服务", "助残服务", "儿童关爱", "社会救助", "社区治理", "环境保护", "文明实践", "应急服务",
                  "文体服务", "其他")
ACTIVE, PAUSED, WITHDRAWN = STATUSES
ID_TYPE = "居民身份证"
ID_CONTEXT = "volunteer.id_number"
NUMBER_PREFIX = "ZY"
_NUMBER_RE = re.compile(r"^[A-Za-z0-9-]{1,30}$")

LABELS = {
    "volunteer_no": "志愿者编号", "name": "姓名", "id_number": "身份证号", "phone": "手机号",
    "community_id": "所在社区", "skills": "技能特长", "registered_on": "注册日期", "status": "状态",
    "left_on": "退出日期", "notes": "备注",
}


@dataclass(frozen=True)
class VolunteerInput:
    """What a form or an import row gives for one volunteer; an empty number gets the next free one."""

    name: str
    id_number: str
    registered_on: dt.date
    phone: str = ""
    community_id: int | None = None
    skills: str = ""
    volunteer_no: str = ""
    notes: str = ""


@dataclass(frozen=True)
class VolunteerInfo:
    id: int
    volunteer_no: str
    name: str
    gender: str
    id_number: str  # in full for editors, masked for everyone else
    phone: str  # likewise
    community_id: int | None
    community_name: str
    skills: str
    registered_on: dt.date
    status: str
    left_on: dt.date | None
    star_level: int
    star_awarded_on: dt.date | None
    notes: str
    revealed: bool

    @property
    def label(self) -> str:
        """How lists and messages name a volunteer: 张三（ZY000012）."""
        return f"{self.name}（{self.volunteer_no}）"

    def as_input(self) -> VolunteerInput:
        if not self.revealed:
            raise ValidationError(Problem(LABELS["id_number"], "没有维护志愿者的权限，看不到完整号码"))
        return VolunteerInput(self.name, self.id_number, self.registered_on, self.phone, self.community_id,
                              self.skills, self.volunteer_no, self.notes)


def require_deputy(actor: Actor, action: str) -> None:
    """Points administration (adjustments, reversals, rules, expiry) and approval are the deputy head's."""
    if not actor.can(Permission.APPROVE_HOURS):
        role = actor.role.label if actor.role else "?"
        raise PermissionDenied(f"权限不足：{actor.display_name}（{role}）不能{action}，须由副站长办理。")


def normalised(data: VolunteerInput) -> VolunteerInput:
    return replace(data, name=data.name.strip(), id_number=normalise_id_number(data.id_number),
                   phone=normalise_mobile(data.phone) if data.phone.strip() else "", skills=data.skills.strip(),
                   volunteer_no=data.volunteer_no.strip().upper(), notes=data.notes.strip())


def volunteer_problems(data: VolunteerInput, *, today: dt.date, communities: Mapping[int, str],
                       row: int | None = None) -> list[Problem]:
    """Every reason this volunteer cannot be saved as given; ``data`` must be ``normalised``."""
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason, row))

    if not data.name:
        bad("name", "不能为空")
    elif len(data.name) > 50:
        bad("name", "不能超过 50 个字")
    if reason := id_number_problem(data.id_number, today=today):
        bad("id_number", reason)
    if data.phone and (reason := mobile_problem(data.phone)):
        bad("phone", reason)
    if data.volunteer_no and not _NUMBER_RE.match(data.volunteer_no):
        bad("volunteer_no", "只能包含字母、数字和短横线，最多 30 位")
    if data.community_id is not None and data.community_id not in communities:
        bad("community_id", "不是本街道在用的社区（村）")
    if data.registered_on > today:
        bad("registered_on", "不能晚于今天")
    elif data.registered_on.year < 2000:
        bad("registered_on", "不能早于 2000 年")
    if len(data.skills) > 200:
        bad("skills", "不能超过 200 个字")
    return problems


# --- reading ------------------------------------------------------------------------------------------

def _community_names(s: Session) -> dict[int, str]:
    return {cid: name for cid, name in s.execute(select(Community.id, Community.name))}


def info_of(row: Volunteer, community_name: str, reveal: bool) -> VolunteerInfo:
    id_number = row.id_number if reveal else mask_id_number(row.id_number)
    phone = row.phone if reveal else mask_phone(row.phone)
    return VolunteerInfo(row.id, row.volunteer_no, row.name, row.gender, id_number, phone, row.community_id,
                         community_name, row.skills, row.registered_on, row.status, row.left_on, row.star_level,
                         row.star_awarded_on, row.notes, reveal)


def _info(s: Session, row: Volunteer, reveal: bool) -> VolunteerInfo:
    name = s.scalar(select(Community.name).where(Community.id == row.community_id)) if row.community_id else ""
    return info_of(row, name or "", reveal)


def volunteer_row(s: Session, volunteer_id: int) -> Volunteer:
    row = s.get(Volunteer, volunteer_id)
    if row is None:
        raise NotFound(f"没有编号为 {volunteer_id} 的志愿者。")
    return row


def get_volunteer(st: Station, actor: Actor, volunteer_id: int) -> VolunteerInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _info(s, volunteer_row(s, volunteer_id), actor.can(Permission.EDIT_VOLUNTEERS))


def list_volunteers(st: Station, actor: Actor, *, status: str | None = None,
                    community_id: int | None = None) -> list[VolunteerInfo]:
    """The registry in volunteer-number order (decrypts every row: for short lists and exports)."""
    require(actor, Permission.VIEW)
    stmt = select(Volunteer).order_by(Volunteer.volunteer_no, Volunteer.id)
    if status is not None:
        stmt = stmt.where(Volunteer.status == status)
    if community_id is not None:
        stmt = stmt.where(Volunteer.community_id == community_id)
    reveal = actor.can(Permission.EDIT_VOLUNTEERS)
    with st.read() as s:
        names = _community_names(s)
        return [info_of(r, names.get(r.community_id or 0, ""), reveal) for r in s.scalars(stmt)]


@dataclass(frozen=True)
class VolunteerChoice:
    """A light entry for pickers (no personal numbers decrypted)."""

    id: int
    volunteer_no: str
    name: str
    community_name: str
    status: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.volunteer_no}）"


def volunteer_choices(st: Station, actor: Actor, text: str = "", limit: int = 50,
                      include_withdrawn: bool = False) -> list[VolunteerChoice]:
    """Volunteers whose name or number contains ``text``, for a picker."""
    require(actor, Permission.VIEW)
    stmt = (select(Volunteer.id, Volunteer.volunteer_no, Volunteer.name, Community.name, Volunteer.status)
            .outerjoin(Community, Community.id == Volunteer.community_id)
            .order_by(Volunteer.volunteer_no).limit(limit))
    text = text.strip()
    if text:
        stmt = stmt.where(Volunteer.name.contains(text, autoescape=True)
                          | Volunteer.volunteer_no.contains(text.upper(), autoescape=True))
    if not include_withdrawn:
        stmt = stmt.where(Volunteer.status != WITHDRAWN)
    with st.read() as s:
        return [VolunteerChoice(i, no, name, cname or "", status) for i, no, name, cname, status in s.execute(stmt)]


def find_volunteer(st: Station, actor: Actor, key: str) -> VolunteerInfo:
    """A volunteer by number, by whole ID number, or by a name only one volunteer has."""
    require(actor, Permission.VIEW)
    key = key.strip()
    with st.read() as s:
        row = s.scalars(select(Volunteer).where(Volunteer.volunteer_no == key.upper())).first()
        number = normalise_id_number(key)
        if row is None and len(number) == 18 and id_number_problem(number) is None:
            index = st.require_unlocked().blind_index(number, ID_CONTEXT)
            row = s.scalars(select(Volunteer).where(Volunteer.id_number_index == index)).first()
        if row is None:
            named = s.scalars(select(Volunteer).where(Volunteer.name == key).limit(3)).all()
            if len(named) > 1:
                raise ValidationError(Problem("志愿者", f"有多名志愿者叫「{key}」，请用志愿者编号"))
            row = named[0] if named else None
        if row is None:
            raise NotFound(f"没有找到志愿者「{key}」（可用志愿者编号、身份证号或姓名）。")
        return _info(s, row, actor.can(Permission.EDIT_VOLUNTEERS))


def find_by_id_number(st: Station, actor: Actor, id_number: str) -> VolunteerInfo | None:
    require(actor, Permission.VIEW)
    index = st.require_unlocked().blind_index(normalise_id_number(id_number), ID_CONTEXT)
    with st.read() as s:
        row = s.scalars(select(Volunteer).where(Volunteer.id_number_index == index)).first()
        return None if row is None else _info(s, row, actor.can(Permission.EDIT_VOLUNTEERS))


# --- writing ------------------------------------------------------------------------------------------

def active_communities(s: Session) -> dict[int, str]:
    rows = s.execute(select(Community.id, Community.name).where(Community.active.is_(True))).all()
    return {cid: name for cid, name in rows}


def next_numbers(s: Session, count: int = 1) -> list[str]:
    """The next free station numbers ZY000001, ZY000002, ... (after the highest in use)."""
    used = s.scalars(select(Volunteer.volunteer_no).where(Volunteer.volunteer_no.like(f"{NUMBER_PREFIX}%"))).all()
    top = max((int(n[len(NUMBER_PREFIX):]) for n in used if n[len(NUMBER_PREFIX):].isdigit()), default=0)
    return [f"{NUMBER_PREFIX}{top + i:06d}" for i in range(1, count + 1)]


def check_volunteer(st: Station, s: Session, data: VolunteerInput, volunteer_id: int | None) -> str:
    """Validate a ``normalised`` entry against the database too; returns the ID number's blind index."""
    allowed = active_communities(s)
    current = s.get(Volunteer, volunteer_id) if volunteer_id is not None else None
    if current is not None and current.community_id is not None:
        allowed.setdefault(current.community_id, "")  # may stay in a community since retired
    problems = volunteer_problems(data, today=st.clock.now().date(), communities=allowed)
    index = st.require_unlocked().blind_index(data.id_number, ID_CONTEXT)
    if not any(p.field == LABELS["id_number"] for p in problems):
        same = s.execute(select(Volunteer.id, Volunteer.name, Volunteer.volunteer_no)
                         .where(Volunteer.id_number_index == index)).all()
        others = [f"{name}（{no}）" for vid, name, no in same if vid != volunteer_id]
        if others:
            problems.append(Problem(LABELS["id_number"], f"与已登记的志愿者 {others[0]} 相同，同一人不能登记两次"))
    if data.volunteer_no:
        taken = s.scalar(select(Volunteer.id).where(Volunteer.volunteer_no == data.volunteer_no))
        if taken is not None and taken != volunteer_id:
            problems.append(Problem(LABELS["volunteer_no"], f"{data.volunteer_no} 已被其他志愿者使用"))
    if current is not None and data.registered_on > current.registered_on:
        served = s.scalar(select(func.min(VolunteerActivity.held_on))
                          .join(ServiceRecord, ServiceRecord.activity_id == VolunteerActivity.id)
                          .where(ServiceRecord.volunteer_id == volunteer_id,
                                 ServiceRecord.status.in_(("pending", "approved"))))
        first = s.scalar(select(func.min(PointTransaction.occurred_on))
                         .where(PointTransaction.volunteer_id == volunteer_id))
        if served is not None and served < data.registered_on:
            problems.append(Problem(LABELS["registered_on"], f"不能晚于此人最早的服务日期 {served:%Y-%m-%d}"))
        elif first is not None and first < data.registered_on:
            problems.append(Problem(LABELS["registered_on"], f"不能晚于此人最早的积分记录日期 {first:%Y-%m-%d}"))
    if problems:
        raise ValidationError(problems)
    return index


def apply_input(row: Volunteer, data: VolunteerInput, index: str) -> None:
    row.name = data.name
    row.id_number = data.id_number
    row.id_number_index = index
    row.gender = gender_from_id(data.id_number)
    row.phone = data.phone
    row.community_id = data.community_id
    row.skills = data.skills
    row.registered_on = data.registered_on
    row.notes = data.notes
    if data.volunteer_no:
        row.volunteer_no = data.volunteer_no


def add_volunteer(st: Station, actor: Actor, data: VolunteerInput) -> VolunteerInfo:
    require(actor, Permission.EDIT_VOLUNTEERS)
    data = normalised(data)
    with st.begin(actor) as s:
        index = check_volunteer(st, s, data, None)
        row = Volunteer(volunteer_no=data.volunteer_no or next_numbers(s)[0], status=ACTIVE, star_level=0)
        apply_input(row, data, index)
        s.add(row)
        s.flush()
        return _info(s, row, True)


def update_volunteer(st: Station, actor: Actor, volunteer_id: int, data: VolunteerInput) -> VolunteerInfo:
    require(actor, Permission.EDIT_VOLUNTEERS)
    data = normalised(data)
    with st.begin(actor) as s:
        row = volunteer_row(s, volunteer_id)
        if not data.volunteer_no:
            data = replace(data, volunteer_no=row.volunteer_no)
        index = check_volunteer(st, s, data, volunteer_id)
        apply_input(row, data, index)
        s.flush()
        return _info(s, row, True)


def set_status(st: Station, actor: Actor, volunteer_id: int, status: str, on: dt.date | None = None) -> VolunteerInfo:
    """Pause, withdraw (on a date: hours after it are refused) or reinstate a volunteer."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    if status not in STATUSES:
        raise ValidationError(Problem(LABELS["status"], f"只能是{'、'.join(STATUSES)}之一"))
    today = st.clock.now().date()
    with st.begin(actor) as s:
        row = volunteer_row(s, volunteer_id)
        if status == WITHDRAWN:
            on = on or today
            if on < row.registered_on:
                raise ValidationError(Problem(LABELS["left_on"], f"不能早于注册日期 {row.registered_on:%Y-%m-%d}"))
            if on > today:
                raise ValidationError(Problem(LABELS["left_on"], "不能晚于今天"))
            later = s.scalar(select(func.count()).select_from(ServiceRecord)
                             .where(ServiceRecord.volunteer_id == volunteer_id,
                                    ServiceRecord.activity_id.in_(
                                        select(VolunteerActivity.id).where(VolunteerActivity.held_on > on))))
            if later:
                raise ValidationError(Problem(LABELS["left_on"], f"此人在 {on:%Y-%m-%d} 之后还有 {later} 条服务记录"))
            row.left_on = on
        else:
            row.left_on = None
        row.status = status
        s.flush()
        return _info(s, row, True)


def history_of(s: Session, volunteer_id: int) -> list[str]:
    """What ties a volunteer to the station's records (a reason not to delete them)."""
    found = []
    for label, model in (("服务记录", ServiceRecord), ("积分记录", PointTransaction), ("兑换记录", Redemption),
                         ("志愿服务证明", Certificate)):
        if s.scalar(select(func.count()).select_from(model).where(model.volunteer_id == volunteer_id)):
            found.append(label)
    return found


def delete_volunteer(st: Station, actor: Actor, volunteer_id: int) -> None:
    """Only for an entry made by mistake: a volunteer with any history withdraws instead."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    with st.begin(actor) as s:
        row = volunteer_row(s, volunteer_id)
        history = history_of(s, volunteer_id)
        if history:
            raise ValidationError(Problem(
                "删除", f"{row.name} 已有{'、'.join(history)}，不能删除；如不再参加，请办理退出"))
        s.delete(row)
