"""The staff roster (Art. 12–14, 30): add, edit, leave, look up.

A person with history is never deleted: they leave with a date and stay on the roster. ID numbers and
phones are encrypted at rest; duplicates are found through the keyed blind index of the ID number.
Editors (EDIT_STAFF) see personal numbers in full, everyone else masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from .checks import staff_in_post
from .errors import NotFound, Problem, ValidationError
from .models import Assessment, Community, Internship, Staff, TrainingAttendance, TrainingSession
from .roles import Actor, Permission, require
from .station import Station
from .validation import (
    birth_date_from_id,
    gender_from_id,
    id_number_problem,
    mask_id_number,
    mobile_problem,
    normalise_id_number,
    normalise_mobile,
)

# Posts in the order rosters list them.
POSTS = ("站长", "副站长", "驻站社工", "督导", "社区联络员", "实习生")
HEAD, DEPUTY, SOCIAL_WORKER, SUPERVISOR, LIAISON, INTERN = POSTS
EMPLOYMENTS = ("专职", "兼职")
FULL_TIME, PART_TIME = EMPLOYMENTS
# Lowest to highest; 社会工作师 is the 中级 level of Art. 13.
CERT_LEVELS = ("无", "助理社会工作师", "社会工作师", "高级社会工作师")
NO_CERT, ASSISTANT, SOCIAL_WORK_CERT, SENIOR = CERT_LEVELS
ID_CONTEXT = "staff.id_number"
MIN_WORKING_AGE = 16

LABELS = {
    "name": "姓名", "id_number": "身份证号", "phone": "手机号", "post": "岗位", "employment": "专兼职",
    "cert_level": "证书等级", "cert_number": "证书编号", "cert_date": "取证日期", "sw_background": "社工专业背景",
    "community_id": "所在社区", "hire_date": "入职日期", "leave_date": "离职日期", "leave_reason": "离职原因",
    "contract_end": "合同到期", "monthly_pay_fen": "月薪", "social_insurance": "五险一金",
    "experience_years": "社工从业年限", "notes": "备注",
}


@dataclass(frozen=True)
class StaffInput:
    """What a form or an import row gives for one person."""

    name: str
    id_number: str
    post: str
    employment: str
    hire_date: dt.date
    phone: str = ""
    cert_level: str = NO_CERT
    cert_number: str = ""
    cert_date: dt.date | None = None
    sw_background: bool = False
    community_id: int | None = None
    contract_end: dt.date | None = None
    monthly_pay_fen: int = 0
    social_insurance: bool = False
    experience_years: int = 0
    notes: str = ""


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    gender: str
    id_number: str  # in full for roster editors, masked for everyone else
    phone: str  # likewise
    post: str
    employment: str
    cert_level: str
    cert_number: str
    cert_date: dt.date | None
    sw_background: bool
    community_id: int | None
    community_name: str
    hire_date: dt.date
    leave_date: dt.date | None
    leave_reason: str
    contract_end: dt.date | None
    monthly_pay_fen: int
    social_insurance: bool
    experience_years: int
    notes: str
    revealed: bool  # False: id_number and phone are masked

    def in_post(self, on: dt.date) -> bool:
        return self.hire_date <= on and (self.leave_date is None or self.leave_date > on)

    @property
    def certified(self) -> bool:
        return self.cert_level != NO_CERT

    def as_input(self) -> StaffInput:
        """The editable values, to change with ``dataclasses.replace`` and pass to ``update_staff``."""
        if not self.revealed:
            raise ValidationError(Problem("身份证号", "没有修改花名册的权限，看不到完整号码"))
        return StaffInput(self.name, self.id_number, self.post, self.employment, self.hire_date, self.phone,
                          self.cert_level, self.cert_number, self.cert_date, self.sw_background,
                          self.community_id, self.contract_end, self.monthly_pay_fen, self.social_insurance,
                          self.experience_years, self.notes)


def mask_phone(phone: str) -> str:
    """138****5678: enough to tell people apart on paper, not enough to call them."""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else "*" * len(phone)


def normalised(data: StaffInput) -> StaffInput:
    return replace(data, name=data.name.strip(), id_number=normalise_id_number(data.id_number),
                   phone=normalise_mobile(data.phone) if data.phone.strip() else "",
                   cert_number=data.cert_number.strip(), notes=data.notes.strip(), post=data.post.strip(),
                   employment=data.employment.strip(), cert_level=data.cert_level.strip() or NO_CERT)


# --- validation (shared by the form and the Excel import) ---------------------------------------------

def staff_problems(data: StaffInput, *, today: dt.date, communities: Mapping[int, str],
                   row: int | None = None) -> list[Problem]:
    """Every reason this person cannot be saved as given; ``data`` must be ``normalised``.

    ``communities`` are the active communities a person may be assigned to.
    """
    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason, row))

    problems: list[Problem] = []
    if not data.name:
        bad("name", "不能为空")
    elif len(data.name) > 50:
        bad("name", "不能超过 50 个字")
    id_problem = id_number_problem(data.id_number, today=today)
    if id_problem:
        bad("id_number", id_problem)
    if data.phone and (phone_problem := mobile_problem(data.phone)):
        bad("phone", phone_problem)
    if data.post not in POSTS:
        bad("post", f"「{data.post}」不是可选的岗位（{'、'.join(POSTS)}）")
    if data.employment not in EMPLOYMENTS:
        bad("employment", "只能是“专职”或“兼职”")
    _cert_problems(data, today, bad)
    if data.community_id is not None and data.community_id not in communities:
        bad("community_id", "不是本街道在用的社区（村）")
    if data.post == LIAISON and data.community_id is None:
        bad("community_id", "社区联络员必须填写所在社区（村）")
    if not id_problem:
        birth = birth_date_from_id(data.id_number)
        if data.hire_date < _add_years(birth, MIN_WORKING_AGE):
            bad("hire_date", f"入职时未满 {MIN_WORKING_AGE} 周岁（出生于 {birth:%Y-%m-%d}），请核对入职日期或身份证号")
    if data.hire_date > today + dt.timedelta(days=366):
        bad("hire_date", "不能晚于一年以后")
    if data.contract_end is not None and data.contract_end < data.hire_date:
        bad("contract_end", "不能早于入职日期")
    if data.monthly_pay_fen < 0:
        bad("monthly_pay_fen", "不能为负数")
    if not 0 <= data.experience_years <= 60:
        bad("experience_years", "应在 0 到 60 年之间")
    return problems


def _cert_problems(data: StaffInput, today: dt.date, bad: Callable[[str, str], None]) -> None:
    if data.cert_level not in CERT_LEVELS:
        bad("cert_level", f"「{data.cert_level}」不是可选的证书等级（{'、'.join(CERT_LEVELS)}）")
    elif data.cert_level == NO_CERT:
        if data.cert_number or data.cert_date:
            bad("cert_level", "填写了证书编号或取证日期，请同时选择证书等级")
    else:
        if not data.cert_number:
            bad("cert_number", "持证人员必须填写证书编号")
        if data.cert_date is None:
            bad("cert_date", "持证人员必须填写取证日期（继续教育按取证日期起算每 3 年一个周期）")
        elif data.cert_date > today:
            bad("cert_date", "不能晚于今天")


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def active_communities(s: Session) -> dict[int, str]:
    rows = s.execute(select(Community.id, Community.name).where(Community.active.is_(True))).all()
    return {cid: name for cid, name in rows}


# --- reading ------------------------------------------------------------------------------------------

def _info(row: Staff, community_name: str, reveal: bool) -> StaffInfo:
    id_number = row.id_number if reveal else mask_id_number(row.id_number)
    phone = row.phone if reveal else mask_phone(row.phone)
    return StaffInfo(row.id, row.name, row.gender, id_number, phone, row.post, row.employment, row.cert_level,
                     row.cert_number, row.cert_date, row.sw_background, row.community_id, community_name,
                     row.hire_date, row.leave_date, row.leave_reason, row.contract_end, row.monthly_pay_fen,
                     row.social_insurance, row.experience_years, row.notes, reveal)


def _community_names(s: Session) -> dict[int, str]:
    return {cid: name for cid, name in s.execute(select(Community.id, Community.name))}


def post_order() -> ColumnElement[int]:
    """Sort key putting posts in roster order (站长 first, 实习生 last)."""
    return case({post: i for i, post in enumerate(POSTS)}, value=Staff.post, else_=len(POSTS))


def get_staff(st: Station, actor: Actor, staff_id: int) -> StaffInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = _get(s, staff_id)
        return _info(row, _community_names(s).get(row.community_id or 0, ""), actor.can(Permission.EDIT_STAFF))


def list_staff(st: Station, actor: Actor, *, on: dt.date | None = None, post: str | None = None) -> list[StaffInfo]:
    """Everyone on the roster (or only those in post on ``on``), in roster order."""
    require(actor, Permission.VIEW)
    stmt = select(Staff).order_by(post_order(), Staff.hire_date, Staff.id)
    if on is not None:
        stmt = stmt.where(staff_in_post(on))
    if post is not None:
        stmt = stmt.where(Staff.post == post)
    reveal = actor.can(Permission.EDIT_STAFF)
    with st.read() as s:
        names = _community_names(s)
        return [_info(r, names.get(r.community_id or 0, ""), reveal) for r in s.scalars(stmt)]


def find_by_id_number(st: Station, actor: Actor, id_number: str) -> StaffInfo | None:
    """Exact lookup through the blind index (the ID numbers themselves are encrypted)."""
    require(actor, Permission.VIEW)
    index = st.require_unlocked().blind_index(normalise_id_number(id_number), ID_CONTEXT)
    with st.read() as s:
        row = s.scalars(select(Staff).where(Staff.id_number_index == index)).first()
        if row is None:
            return None
        return _info(row, _community_names(s).get(row.community_id or 0, ""), actor.can(Permission.EDIT_STAFF))


def _get(s: Session, staff_id: int) -> Staff:
    row = s.get(Staff, staff_id)
    if row is None:
        raise NotFound(f"花名册中没有编号为 {staff_id} 的人员。")
    return row


# --- writing ------------------------------------------------------------------------------------------

def check_staff(st: Station, s: Session, data: StaffInput, staff_id: int | None) -> str:
    """Validate a ``normalised`` entry against the database too (duplicates, communities); raises
    ValidationError, or returns the blind index of the ID number."""
    allowed = active_communities(s)
    current = s.get(Staff, staff_id) if staff_id is not None else None
    if current is not None and current.community_id is not None:
        # A person may stay assigned to a community that has since been retired.
        allowed.setdefault(current.community_id, "")
    problems = staff_problems(data, today=st.clock.now().date(), communities=allowed)
    index = st.require_unlocked().blind_index(data.id_number, ID_CONTEXT)
    if not any(p.field == LABELS["id_number"] for p in problems):
        same = s.execute(select(Staff.id, Staff.name).where(Staff.id_number_index == index)).all()
        others = [name for sid, name in same if sid != staff_id]
        if others:
            problems.append(Problem(LABELS["id_number"], f"与花名册中的「{others[0]}」相同，同一人不能登记两次"))
    if problems:
        raise ValidationError(problems)
    return index


def apply_input(row: Staff, data: StaffInput, index: str) -> None:
    row.name = data.name
    row.id_number = data.id_number
    row.id_number_index = index
    row.gender = gender_from_id(data.id_number)
    row.phone = data.phone
    row.post = data.post
    row.employment = data.employment
    row.cert_level = data.cert_level
    row.cert_number = data.cert_number
    row.cert_date = data.cert_date
    row.sw_background = data.sw_background
    row.community_id = data.community_id
    row.hire_date = data.hire_date
    row.contract_end = data.contract_end
    row.monthly_pay_fen = data.monthly_pay_fen
    row.social_insurance = data.social_insurance
    row.experience_years = data.experience_years
    row.notes = data.notes


def insert_staff(st: Station, s: Session, data: StaffInput) -> Staff:
    """Validate and add one person inside the caller's transaction (permission checked by the caller)."""
    data = normalised(data)
    index = check_staff(st, s, data, None)
    row = Staff(leave_reason="")
    apply_input(row, data, index)
    s.add(row)
    s.flush()
    return row


def add_staff(st: Station, actor: Actor, data: StaffInput) -> StaffInfo:
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = insert_staff(st, s, data)
        return _info(row, _community_names(s).get(row.community_id or 0, ""), True)


def update_staff(st: Station, actor: Actor, staff_id: int, data: StaffInput) -> StaffInfo:
    require(actor, Permission.EDIT_STAFF)
    data = normalised(data)
    with st.begin(actor) as s:
        row = _get(s, staff_id)
        index = check_staff(st, s, data, staff_id)
        if row.leave_date is not None and row.leave_date <= data.hire_date:
            raise ValidationError(Problem(LABELS["hire_date"], f"必须早于离职日期 {row.leave_date:%Y-%m-%d}"))
        latest = _latest_hire(s, staff_id)
        if latest is not None and latest[0] < data.hire_date:
            raise ValidationError(Problem(LABELS["hire_date"], f"不能晚于 {latest[0]:%Y-%m-%d}（此人 {latest[1]}）"))
        apply_input(row, data, index)
        s.flush()
        return _info(row, _community_names(s).get(row.community_id or 0, ""), True)


def leave(st: Station, actor: Actor, staff_id: int, on: dt.date, reason: str = "") -> StaffInfo:
    """Mark a person as left: ``on`` is their first day no longer in post. They stay on the roster."""
    require(actor, Permission.EDIT_STAFF)
    today = st.clock.now().date()
    with st.begin(actor) as s:
        row = _get(s, staff_id)
        problems = []
        if row.leave_date is not None:
            problems.append(Problem(LABELS["leave_date"], f"{row.name} 已于 {row.leave_date:%Y-%m-%d} 离职"))
        if on <= row.hire_date:
            problems.append(Problem(LABELS["leave_date"], f"必须晚于入职日期 {row.hire_date:%Y-%m-%d}"))
        if on > today + dt.timedelta(days=366):
            problems.append(Problem(LABELS["leave_date"], "不能晚于一年以后"))
        if len(reason.strip()) > 200:
            problems.append(Problem(LABELS["leave_reason"], "不能超过 200 个字"))
        later = s.scalar(select(func.max(TrainingAttendance.id)).where(TrainingAttendance.staff_id == staff_id)
                         .where(TrainingAttendance.session_id.in_(_sessions_on_or_after(on))))
        if later:
            problems.append(Problem(LABELS["leave_date"], "这一天及以后还有此人的培训签到记录，请先核对培训记录"))
        if problems:
            raise ValidationError(problems)
        row.leave_date = on
        row.leave_reason = reason.strip()
        return _info(row, _community_names(s).get(row.community_id or 0, ""), True)


def _latest_hire(s: Session, staff_id: int) -> tuple[dt.date, str] | None:
    """The latest hire date the person's training allows (pre-job training may come up to 90 days
    before the hire, other training only after), and why."""
    from .training import PREJOB, PREJOB_BEFORE_HIRE_DAYS  # training imports this module

    rows = s.execute(select(TrainingSession.training_type, func.min(TrainingSession.held_on))
                     .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
                     .where(TrainingAttendance.staff_id == staff_id).group_by(TrainingSession.training_type)).all()
    limits = [(day + dt.timedelta(days=PREJOB_BEFORE_HIRE_DAYS) if kind == PREJOB else day,
               f"{day:%Y-%m-%d} 已参加{kind}") for kind, day in rows]
    return min(limits, default=None)


def _sessions_on_or_after(on: dt.date) -> ColumnElement[int]:
    return select(TrainingSession.id).where(TrainingSession.held_on >= on).scalar_subquery()


def reinstate(st: Station, actor: Actor, staff_id: int) -> StaffInfo:
    """Undo a leave entered by mistake (the audit log keeps the earlier values)."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = _get(s, staff_id)
        if row.leave_date is None:
            raise ValidationError(Problem(LABELS["leave_date"], f"{row.name} 没有离职记录"))
        row.leave_date = None
        row.leave_reason = ""
        return _info(row, _community_names(s).get(row.community_id or 0, ""), True)


def history_of(s: Session, staff_id: int) -> list[str]:
    """What ties a person to the station's records (a reason not to delete them)."""
    found = []
    for label, stmt in (
        ("培训记录", select(func.count()).where(TrainingAttendance.staff_id == staff_id)),
        ("年度考核", select(func.count()).where(Assessment.staff_id == staff_id)),
        ("实习登记", select(func.count()).where(Internship.staff_id == staff_id)),
        ("实习指导", select(func.count()).where(Internship.supervisor_id == staff_id)),
    ):
        if s.scalar(stmt):
            found.append(label)
    return found


def delete_staff(st: Station, actor: Actor, staff_id: int) -> None:
    """Only for an entry made by mistake: a person with any history leaves instead."""
    require(actor, Permission.EDIT_STAFF)
    with st.begin(actor) as s:
        row = _get(s, staff_id)
        history = history_of(s, staff_id)
        if history:
            raise ValidationError(Problem(
                "删除", f"{row.name} 已有{'、'.join(history)}，不能删除；如已离开本站，请办理离职"))
        s.delete(row)
