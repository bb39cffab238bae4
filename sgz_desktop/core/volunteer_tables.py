"""The volunteer area's tables, counted and paged in SQL (personal numbers decrypted for one page only):
the registry, activities, service hours, the points ledger and redemptions. Short lists (catalogue,
rules, certificates, stars due) are ``ListSource``s.

Filters (``TableQuery.filters``) per source are listed on each class. Every ``page`` row ends with hidden
values the GUI uses (the record's id first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from .models import (
    Community,
    PointTransaction,
    Project,
    Redemption,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
)
from .roles import Actor, Permission, require
from .staff import mask_phone
from .station import Station
from .tables import Column, ListSource, TableQuery
from .training import from_tenths
from .validation import id_number_problem, mask_id_number, normalise_id_number
from .volunteer_activities import APPROVED, COUNTED, PENDING, STATUS_LABELS, hm
from .volunteer_certificates import list_certificates
from .volunteer_points import KIND_LABELS, list_rules
from .volunteer_rewards import list_items
from .volunteer_stars import STAR_NAMES, star_statuses
from .volunteers import ID_CONTEXT

LOCKED = "（密钥未加载）"


def _titled(columns: Sequence[Column], titles: Mapping[str, str] | None) -> tuple[Column, ...]:
    titles = titles or {}
    return tuple(Column(c.key, titles.get(c.key, c.title), c.align, c.kind) for c in columns)


def _year(year: object, column: Any) -> ColumnElement[bool] | None:
    if isinstance(year, int) and not isinstance(year, bool):
        return column.between(dt.date(year, 1, 1), dt.date(year, 12, 31))  # type: ignore[no-any-return]
    return None


def _order(sorts: Mapping[str, Any], query: TableQuery) -> list[Any]:
    sort = sorts.get(query.sort_key or "")
    return [sort.desc() if query.descending else sort.asc()] if sort is not None else []


class _Source:
    columns_def: tuple[Column, ...] = ()

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        require(actor, Permission.VIEW)
        self.st = st
        self.actor = actor
        self._columns = _titled(self.columns_def, titles)

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        raise NotImplementedError

    def _count_from(self) -> Select[Any]:
        raise NotImplementedError

    def count(self, query: TableQuery) -> int:
        with self.st.read() as s:
            return int(s.scalar(self._count_from().where(*self._conditions(query))) or 0)


def _volunteer_text(st: Station, text: str) -> ColumnElement[bool]:
    """Name or number contains the text, or the volunteer with this whole ID number."""
    number = normalise_id_number(text)
    if len(number) == 18 and id_number_problem(number) is None and st.unlocked:
        return Volunteer.id_number_index == st.require_unlocked().blind_index(number, ID_CONTEXT)
    return or_(Volunteer.name.contains(text, autoescape=True),
               Volunteer.volunteer_no.contains(text.upper(), autoescape=True))


# --- registry ---------------------------------------------------------------------------------------------

class RegistrySource(_Source):
    """Filters ``status``, ``community_id``, ``star`` (level held), ``names`` (a tuple). Rows end with the
    volunteer id."""

    columns_def = (
        Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("gender", "性别", align="center"),
        Column("community", "所在社区"), Column("skills", "技能特长"),
        Column("registered_on", "注册日期", kind="date"), Column("status", "状态", align="center"),
        Column("hours", "累计时长（小时）", align="right"), Column("star", "星级", align="center"),
        Column("balance", "积分余额", kind="int"), Column("phone", "手机号"), Column("id_number", "身份证号"))

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        super().__init__(st, actor, titles)
        self.reveal_phone = actor.can(Permission.EDIT_VOLUNTEERS)
        self.hours = (select(func.coalesce(func.sum(ServiceRecord.hours_tenths), 0))
                      .where(ServiceRecord.volunteer_id == Volunteer.id, ServiceRecord.status == APPROVED)
                      .correlate(Volunteer).scalar_subquery())
        self.balance = (select(PointTransaction.balance_after).where(PointTransaction.volunteer_id == Volunteer.id)
                        .order_by(PointTransaction.id.desc()).limit(1).correlate(Volunteer).scalar_subquery())

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        if f.get("status"):
            where.append(Volunteer.status == f["status"])
        if isinstance(f.get("community_id"), int):
            where.append(Volunteer.community_id == f["community_id"])
        if isinstance(f.get("star"), int):
            where.append(Volunteer.star_level == f["star"])
        names = f.get("names")
        if isinstance(names, tuple):  # the people a dashboard card names
            where.append(Volunteer.name.in_(names))
        if query.text.strip():
            where.append(_volunteer_text(self.st, query.text.strip()))
        return where

    def _count_from(self) -> Select[Any]:
        return select(func.count(Volunteer.id))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts = {"volunteer_no": Volunteer.volunteer_no, "name": Volunteer.name, "gender": Volunteer.gender,
                 "community": Community.name, "skills": Volunteer.skills, "registered_on": Volunteer.registered_on,
                 "status": Volunteer.status, "hours": self.hours, "star": Volunteer.star_level,
                 "balance": self.balance}
        personal = (Volunteer.phone, Volunteer.id_number) if self.st.unlocked else ()
        stmt = (select(Volunteer.volunteer_no, Volunteer.name, Volunteer.gender, Community.name, Volunteer.skills,
                       Volunteer.registered_on, Volunteer.status, self.hours, Volunteer.star_level, self.balance,
                       Volunteer.id, *personal)
                .outerjoin(Community, Community.id == Volunteer.community_id).where(*self._conditions(query))
                .order_by(*_order(sorts, query), Volunteer.volunteer_no, Volunteer.id).offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        out: list[Sequence[object]] = []
        for r in rows:
            if len(r) > 11:
                phone = r[11] if self.reveal_phone else mask_phone(r[11])
                id_number = mask_id_number(r[12])
            else:
                phone = id_number = LOCKED
            out.append((r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6], from_tenths(int(r[7])), STAR_NAMES[r[8]],
                        int(r[9] or 0), phone, id_number, r[10]))
        return out


# --- activities -------------------------------------------------------------------------------------------

class ActivitySource(_Source):
    """Filters ``year``, ``activity_type``, ``project_id``, ``community_id``, ``pending`` (True: with hours
    awaiting approval). Text matches title, place, organiser. Rows end with the activity id."""

    columns_def = (
        Column("held_on", "活动日期", kind="date"), Column("time", "时间", align="center"),
        Column("title", "活动名称"), Column("activity_type", "服务类型"), Column("place", "服务地点"),
        Column("community", "所在社区"), Column("project", "服务项目"), Column("organiser", "组织者"),
        Column("volunteers", "人数", kind="int"), Column("hours", "时长合计", align="right"),
        Column("pending", "待审核", kind="int"))

    def __init__(self, st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> None:
        super().__init__(st, actor, titles)
        counted = and_(ServiceRecord.activity_id == VolunteerActivity.id, ServiceRecord.status.in_(COUNTED))
        self.people = select(func.count(ServiceRecord.id)).where(counted).correlate(VolunteerActivity).scalar_subquery()
        self.hours = (select(func.coalesce(func.sum(ServiceRecord.hours_tenths), 0)).where(counted)
                      .correlate(VolunteerActivity).scalar_subquery())
        self.pending = (select(func.count(ServiceRecord.id))
                        .where(ServiceRecord.activity_id == VolunteerActivity.id, ServiceRecord.status == PENDING)
                        .correlate(VolunteerActivity).scalar_subquery())

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        if (year := _year(f.get("year"), VolunteerActivity.held_on)) is not None:
            where.append(year)
        for key in ("activity_type", "project_id", "community_id"):
            if f.get(key) not in (None, ""):
                where.append(getattr(VolunteerActivity, key) == f[key])
        if f.get("pending") is True:
            where.append(self.pending > 0)
        text = query.text.strip()
        if text:
            where.append(or_(VolunteerActivity.title.contains(text, autoescape=True),
                             VolunteerActivity.place.contains(text, autoescape=True),
                             VolunteerActivity.organiser.contains(text, autoescape=True)))
        return where

    def _count_from(self) -> Select[Any]:
        return select(func.count(VolunteerActivity.id))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts = {"held_on": VolunteerActivity.held_on, "time": VolunteerActivity.starts_at,
                 "title": VolunteerActivity.title, "activity_type": VolunteerActivity.activity_type,
                 "place": VolunteerActivity.place, "community": Community.name, "project": Project.name,
                 "organiser": VolunteerActivity.organiser, "volunteers": self.people, "hours": self.hours,
                 "pending": self.pending}
        stmt = (select(VolunteerActivity.held_on, VolunteerActivity.starts_at, VolunteerActivity.ends_at,
                       VolunteerActivity.title, VolunteerActivity.activity_type, VolunteerActivity.place,
                       Community.name, Project.name, VolunteerActivity.organiser, self.people, self.hours,
                       self.pending, VolunteerActivity.id)
                .outerjoin(Community, Community.id == VolunteerActivity.community_id)
                .outerjoin(Project, Project.id == VolunteerActivity.project_id)
                .where(*self._conditions(query))
                .order_by(*_order(sorts, query), VolunteerActivity.held_on.desc(), VolunteerActivity.id.desc())
                .offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        return [(d, f"{hm(a)}–{hm(b)}" if a and b else "", t, k, pl, c or "", p or "", o, int(n),
                 from_tenths(int(h)), int(pe), i) for d, a, b, t, k, pl, c, p, o, n, h, pe, i in rows]


# --- service hours ----------------------------------------------------------------------------------------

class RecordSource(_Source):
    """Filters ``status``, ``volunteer_id``, ``activity_id``, ``year``. Text matches the volunteer's name or
    number and the activity's title. Rows end with the record id and its status code."""

    columns_def = (
        Column("held_on", "服务日期", kind="date"), Column("activity", "活动名称"),
        Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("time", "签到–签退", align="center"),
        Column("hours", "时长（小时）", align="right"), Column("status", "状态", align="center"),
        Column("recorded_by", "登记人"), Column("recorded_at", "登记时间", kind="datetime"),
        Column("decided_by", "审核人"), Column("decided_at", "审核时间", kind="datetime"),
        Column("decision_note", "审核意见"))

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        if f.get("status"):
            where.append(ServiceRecord.status == f["status"])
        for key in ("volunteer_id", "activity_id"):
            if isinstance(f.get(key), int):
                where.append(getattr(ServiceRecord, key) == f[key])
        if (year := _year(f.get("year"), VolunteerActivity.held_on)) is not None:
            where.append(year)
        text = query.text.strip()
        if text:
            where.append(or_(_volunteer_text(self.st, text), VolunteerActivity.title.contains(text, autoescape=True)))
        return where

    def _count_from(self) -> Select[Any]:
        return (select(func.count(ServiceRecord.id))
                .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts = {"held_on": VolunteerActivity.held_on, "activity": VolunteerActivity.title,
                 "volunteer_no": Volunteer.volunteer_no, "name": Volunteer.name, "time": ServiceRecord.starts_at,
                 "hours": ServiceRecord.hours_tenths, "status": ServiceRecord.status,
                 "recorded_by": ServiceRecord.recorded_by, "recorded_at": ServiceRecord.recorded_at,
                 "decided_by": ServiceRecord.decided_by, "decided_at": ServiceRecord.decided_at,
                 "decision_note": ServiceRecord.decision_note}
        stmt = (select(VolunteerActivity.held_on, VolunteerActivity.title, Volunteer.volunteer_no, Volunteer.name,
                       ServiceRecord.starts_at, ServiceRecord.ends_at, ServiceRecord.hours_tenths,
                       ServiceRecord.status, ServiceRecord.recorded_by, ServiceRecord.recorded_at,
                       ServiceRecord.decided_by, ServiceRecord.decided_at, ServiceRecord.decision_note,
                       ServiceRecord.id)
                .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
                .where(*self._conditions(query))
                .order_by(*_order(sorts, query), VolunteerActivity.held_on.desc(), ServiceRecord.id.desc())
                .offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        return [(d, t, no, n, f"{hm(a)}–{hm(b)}" if a and b else "", from_tenths(h), STATUS_LABELS.get(st, st), rb,
                 ra, db, da, note, i, st) for d, t, no, n, a, b, h, st, rb, ra, db, da, note, i in rows]


# --- points ledger ----------------------------------------------------------------------------------------

class LedgerSource(_Source):
    """Filters ``volunteer_id``, ``kind``, ``year`` (of the business date). Text matches the volunteer's name
    or number, or the reason. Newest first. Rows end with the transaction id and its kind code."""

    columns_def = (
        Column("id", "流水号", kind="int"), Column("occurred_on", "日期", kind="date"),
        Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("kind", "类型", align="center"),
        Column("amount", "积分", kind="int"), Column("balance_after", "余额", kind="int"), Column("reason", "说明"),
        Column("created_by", "经办人"), Column("created_at", "记账时间", kind="datetime"))

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        if isinstance(f.get("volunteer_id"), int):
            where.append(PointTransaction.volunteer_id == f["volunteer_id"])
        if f.get("kind"):
            where.append(PointTransaction.kind == f["kind"])
        if (year := _year(f.get("year"), PointTransaction.occurred_on)) is not None:
            where.append(year)
        text = query.text.strip()
        if text:
            people = select(Volunteer.id).where(_volunteer_text(self.st, text))
            where.append(or_(PointTransaction.volunteer_id.in_(people),
                             PointTransaction.reason.contains(text, autoescape=True)))
        return where

    def _count_from(self) -> Select[Any]:
        return select(func.count(PointTransaction.id))

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts = {"id": PointTransaction.id, "occurred_on": PointTransaction.occurred_on,
                 "volunteer_no": Volunteer.volunteer_no, "name": Volunteer.name, "kind": PointTransaction.kind,
                 "amount": PointTransaction.amount, "balance_after": PointTransaction.balance_after,
                 "reason": PointTransaction.reason, "created_by": PointTransaction.created_by,
                 "created_at": PointTransaction.created_at}
        stmt = (select(PointTransaction.id, PointTransaction.occurred_on, Volunteer.volunteer_no, Volunteer.name,
                       PointTransaction.kind, PointTransaction.amount, PointTransaction.balance_after,
                       PointTransaction.reason, PointTransaction.created_by, PointTransaction.created_at)
                .join(Volunteer, Volunteer.id == PointTransaction.volunteer_id)
                .where(*self._conditions(query))
                .order_by(*_order(sorts, query), PointTransaction.id.desc()).offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        return [(i, d, no, n, KIND_LABELS.get(k, k), a, b, r, by, at, i, k) for i, d, no, n, k, a, b, r, by, at in rows]


# --- redemptions ------------------------------------------------------------------------------------------

class RedemptionSource(_Source):
    """Filters ``year``, ``volunteer_id``. Text matches receipt number, item, volunteer. Rows end with the
    redemption id and whether it was cancelled."""

    columns_def = (
        Column("receipt_no", "凭证号"), Column("redeemed_on", "兑换日期", kind="date"),
        Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("item", "兑换物品"),
        Column("quantity", "数量", kind="int"), Column("points", "积分", kind="int"), Column("handled_by", "经办人"),
        Column("state", "状态", align="center"))

    def _conditions(self, query: TableQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        where: list[ColumnElement[bool]] = []
        if (year := _year(f.get("year"), Redemption.redeemed_on)) is not None:
            where.append(year)
        if isinstance(f.get("volunteer_id"), int):
            where.append(Redemption.volunteer_id == f["volunteer_id"])
        text = query.text.strip()
        if text:
            where.append(or_(Redemption.receipt_no.contains(text.upper(), autoescape=True),
                             Redemption.item_name.contains(text, autoescape=True), _volunteer_text(self.st, text)))
        return where

    def _count_from(self) -> Select[Any]:
        return select(func.count(Redemption.id)).join(Volunteer, Volunteer.id == Redemption.volunteer_id)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        sorts = {"receipt_no": Redemption.receipt_no, "redeemed_on": Redemption.redeemed_on,
                 "volunteer_no": Volunteer.volunteer_no, "name": Volunteer.name, "item": Redemption.item_name,
                 "quantity": Redemption.quantity, "points": Redemption.points, "handled_by": Redemption.handled_by,
                 "state": Redemption.cancelled_at}
        stmt = (select(Redemption.receipt_no, Redemption.redeemed_on, Volunteer.volunteer_no, Volunteer.name,
                       Redemption.item_name, Redemption.quantity, Redemption.points, Redemption.handled_by,
                       Redemption.cancelled_at, Redemption.id)
                .join(Volunteer, Volunteer.id == Redemption.volunteer_id).where(*self._conditions(query))
                .order_by(*_order(sorts, query), Redemption.id.desc()).offset(offset).limit(limit))
        with self.st.read() as s:
            rows = s.execute(stmt).all()
        return [(r, d, no, n, item, q, p, h, "已作废" if c else "有效", i, c is not None)
                for r, d, no, n, item, q, p, h, c, i in rows]


# --- short lists ------------------------------------------------------------------------------------------

ITEM_COLUMNS = (Column("name", "物品名称"), Column("points_cost", "所需积分", kind="int"),
                Column("stock", "库存", kind="int"), Column("redeemed", "已兑换", kind="int"),
                Column("active", "可兑换", kind="bool", align="center"), Column("notes", "备注"))


def catalogue_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """The redemption catalogue; rows end with the item id."""
    rows = [(i.name, i.points_cost, i.stock, i.redeemed, i.active, i.notes, i.id) for i in list_items(st, actor)]
    return ListSource(_titled(ITEM_COLUMNS, titles), rows)


RULE_COLUMNS = (Column("effective_from", "生效日期", kind="date"), Column("points_per_hour", "每小时积分", kind="int"),
                Column("multipliers", "服务类型倍数"), Column("note", "说明"), Column("created_by", "设定人"),
                Column("earned_rows", "已按此发放（笔）", kind="int"))


def rule_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """Points rules, newest first; rows end with the rule id."""
    rows = [(r.effective_from, r.points_per_hour, r.multiplier_text, r.note, r.created_by, r.earned_rows, r.id)
            for r in list_rules(st, actor)]
    return ListSource(_titled(RULE_COLUMNS, titles), rows)


CERTIFICATE_COLUMNS = (Column("number", "证明编号"), Column("issued_on", "出具日期", kind="date"),
                       Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("period", "服务期间"),
                       Column("hours", "服务时长（小时）", align="right"), Column("activities", "服务次数", kind="int"),
                       Column("handler", "经办人"))


def certificate_table(st: Station, actor: Actor, titles: Mapping[str, str] | None = None) -> ListSource:
    """The issuance register, newest number first; rows end with the certificate number."""
    rows = [(c.number, c.issued_on, c.volunteer_no, c.volunteer_name,
             f"{c.period_from:%Y-%m-%d} 至 {c.period_to:%Y-%m-%d}", c.hours, c.activities, c.handler, c.number)
            for c in reversed(list_certificates(st, actor))]
    return ListSource(_titled(CERTIFICATE_COLUMNS, titles), rows)


STAR_COLUMNS = (Column("volunteer_no", "志愿者编号"), Column("name", "姓名"), Column("community", "所在社区"),
                Column("hours", "累计时长（小时）", align="right"), Column("awarded", "现有星级", align="center"),
                Column("reached", "应评星级", align="center"), Column("next", "距下一星级（小时）", align="right"))


def stars_table_columns(titles: Mapping[str, str] | None = None) -> tuple[Column, ...]:
    return _titled(STAR_COLUMNS, titles)


def stars_table(st: Station, actor: Actor, *, due_only: bool = True,
                titles: Mapping[str, str] | None = None) -> ListSource:
    """Volunteers and their stars (by default only those due for a new star); rows end with the id."""
    rows = [(x.volunteer_no, x.name, x.community_name, x.hours, STAR_NAMES[x.awarded], STAR_NAMES[x.reached],
             "—" if x.next_level_hours is None else x.next_level_hours - x.hours, x.volunteer_id)
            for x in star_statuses(st, actor, due_only=due_only)]
    return ListSource(_titled(STAR_COLUMNS, titles), rows)
