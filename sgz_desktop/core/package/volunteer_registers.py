"""The volunteer area's registers in the yearly package: the year summary and points register (PDF), the
registry, the year's approved hours, points ledger, redemptions and certificates (CSV and JSON). For a
project package: the project's activities, the approved hours served at them and the points they earned.

Phones are masked and ID numbers left out: the package leaves the station, personal data stays in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from ..models import PointTransaction, Redemption, ServiceRecord, Volunteer, VolunteerActivity
from ..profile import get_profile
from ..reports.package import write_scope_table_pdf
from ..reports.volunteers import write_points_pdf, write_year_pdf
from ..roles import Actor, Permission, require
from ..staff import mask_phone
from ..station import Station
from ..training import from_tenths, tidy
from ..volunteer_activities import APPROVED
from ..volunteer_certificates import list_certificates
from ..volunteer_hours import approved_tenths
from ..volunteer_points import KIND_LABELS
from ..volunteer_stars import STAR_NAMES
from ..volunteers import list_volunteers
from .registers import RegisterSection, register_section, write_csv, write_json
from .scope import Scope

REGISTRY_HEADERS = ("志愿者编号", "姓名", "性别", "所在社区", "技能特长", "注册日期", "状态", "退出日期", "手机号",
                    "本年服务时长", "累计服务时长", "星级")
HOURS_HEADERS = ("服务日期", "活动名称", "服务类型", "志愿者编号", "姓名", "服务时长", "登记人", "审核人", "审核时间")
LEDGER_HEADERS = ("流水号", "日期", "志愿者编号", "姓名", "类型", "积分", "余额", "说明", "经办人")
REDEMPTION_HEADERS = ("凭证号", "兑换日期", "志愿者编号", "姓名", "物品", "数量", "积分", "经办人", "状态")
CERTIFICATE_HEADERS = ("证明编号", "出具日期", "志愿者编号", "姓名", "服务起", "服务止", "服务时长", "服务次数",
                       "经办人")


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _hours(tenths: int) -> str:
    return str(tidy(from_tenths(tenths)))


def _rows(st: Station, actor: Actor, year: int) -> dict[str, list[list[object]]]:
    require(actor, Permission.VIEW)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with st.read() as s:
        total = approved_tenths(s, until=last)
        before = approved_tenths(s, until=first - dt.timedelta(days=1))
        hours = s.execute(select(VolunteerActivity.held_on, VolunteerActivity.title, VolunteerActivity.activity_type,
                                 Volunteer.volunteer_no, Volunteer.name, ServiceRecord.hours_tenths,
                                 ServiceRecord.recorded_by, ServiceRecord.decided_by, ServiceRecord.decided_at)
                          .join(ServiceRecord, ServiceRecord.activity_id == VolunteerActivity.id)
                          .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
                          .where(ServiceRecord.status == APPROVED, VolunteerActivity.held_on.between(first, last))
                          .order_by(VolunteerActivity.held_on, VolunteerActivity.id, Volunteer.volunteer_no)).all()
        ledger = s.execute(select(PointTransaction.id, PointTransaction.occurred_on, Volunteer.volunteer_no,
                                  Volunteer.name, PointTransaction.kind, PointTransaction.amount,
                                  PointTransaction.balance_after, PointTransaction.reason, PointTransaction.created_by)
                           .join(Volunteer, Volunteer.id == PointTransaction.volunteer_id)
                           .where(PointTransaction.occurred_on.between(first, last))
                           .order_by(PointTransaction.id)).all()
        redemptions = s.execute(select(Redemption.receipt_no, Redemption.redeemed_on, Volunteer.volunteer_no,
                                       Volunteer.name, Redemption.item_name, Redemption.quantity, Redemption.points,
                                       Redemption.handled_by, Redemption.cancelled_at)
                                .join(Volunteer, Volunteer.id == Redemption.volunteer_id)
                                .where(Redemption.redeemed_on.between(first, last))
                                .order_by(Redemption.receipt_no)).all()
    people = [p for p in list_volunteers(st, actor) if p.registered_on <= last
              and (p.left_on is None or p.left_on >= first)]
    return {
        "registry": [[p.volunteer_no, p.name, p.gender, p.community_name, p.skills, _day(p.registered_on), p.status,
                      _day(p.left_on), mask_phone(p.phone), _hours(total.get(p.id, 0) - before.get(p.id, 0)),
                      _hours(total.get(p.id, 0)), STAR_NAMES[p.star_level]] for p in people],
        "hours": [[_day(d), t, k, no, n, _hours(h), rb, db, da.isoformat(sep=" ") if da else ""]
                  for d, t, k, no, n, h, rb, db, da in hours],
        "ledger": [[i, _day(d), no, n, KIND_LABELS.get(k, k), a, b, r, by] for i, d, no, n, k, a, b, r, by in ledger],
        "redemptions": [[r, _day(d), no, n, item, q, p, h, "已作废" if c else "有效"]
                        for r, d, no, n, item, q, p, h, c in redemptions],
        "certificates": [[c.number, _day(c.issued_on), c.volunteer_no, c.volunteer_name, _day(c.period_from),
                          _day(c.period_to), str(tidy(c.hours)), c.activities, c.handler]
                         for c in list_certificates(st, actor, year=year)],
    }


def _write(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    if scope.is_project:
        return _write_project(st, actor, scope, folder)
    year = scope.year or 0
    rows = _rows(st, actor, year)
    parts = (("registry", "志愿者名册", REGISTRY_HEADERS), ("hours", "服务时长", HOURS_HEADERS),
             ("ledger", "积分明细", LEDGER_HEADERS), ("redemptions", "积分兑换", REDEMPTION_HEADERS),
             ("certificates", "志愿服务证明", CERTIFICATE_HEADERS))
    files = [write_year_pdf(st, actor, year, folder / "volunteers-summary.pdf"),
             write_points_pdf(st, actor, year, folder / "points-register.pdf")]
    files += [write_csv(folder / f"volunteer-{key}.csv", headers, rows[key]) for key, _title, headers in parts]
    files.append(write_json(folder / "volunteers.json", {"年度": year, **{
        title: [dict(zip(headers, row, strict=True)) for row in rows[key]] for key, title, headers in parts}}))
    return files


ACTIVITY_HEADERS = ("活动日期", "活动名称", "服务类型", "地点", "组织者", "服务人次", "服务时长")


def _project_rows(st: Station, actor: Actor, project_id: int) -> tuple[dict[str, list[list[object]]], int]:
    """Rows by part, and the approved hours served at the project's activities (tenths)."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        activities = s.execute(select(VolunteerActivity.id, VolunteerActivity.held_on, VolunteerActivity.title,
                                      VolunteerActivity.activity_type, VolunteerActivity.place,
                                      VolunteerActivity.organiser)
                               .where(VolunteerActivity.project_id == project_id)
                               .order_by(VolunteerActivity.held_on, VolunteerActivity.id)).all()
        ids = [a.id for a in activities]
        hours = s.execute(select(ServiceRecord.activity_id, VolunteerActivity.held_on, VolunteerActivity.title,
                                 VolunteerActivity.activity_type, Volunteer.volunteer_no, Volunteer.name,
                                 ServiceRecord.hours_tenths, ServiceRecord.recorded_by, ServiceRecord.decided_by,
                                 ServiceRecord.decided_at)
                          .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                          .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
                          .where(ServiceRecord.status == APPROVED, VolunteerActivity.project_id == project_id)
                          .order_by(VolunteerActivity.held_on, VolunteerActivity.id, Volunteer.volunteer_no)).all()
        points = s.execute(select(PointTransaction.id, PointTransaction.occurred_on, Volunteer.volunteer_no,
                                  Volunteer.name, PointTransaction.kind, PointTransaction.amount,
                                  PointTransaction.balance_after, PointTransaction.reason, PointTransaction.created_by)
                           .join(Volunteer, Volunteer.id == PointTransaction.volunteer_id)
                           .join(ServiceRecord, ServiceRecord.id == PointTransaction.service_record_id)
                           .join(VolunteerActivity, VolunteerActivity.id == ServiceRecord.activity_id)
                           .where(VolunteerActivity.project_id == project_id)
                           .order_by(PointTransaction.id)).all()
    served: dict[int, list[int]] = {i: [0, 0] for i in ids}
    for row in hours:
        served[row[0]][0] += 1
        served[row[0]][1] += row[6]
    return {
        "activities": [[_day(a.held_on), a.title, a.activity_type, a.place, a.organiser, served[a.id][0],
                        _hours(served[a.id][1])] for a in activities],
        "hours": [[_day(d), t, k, no, n, _hours(h), rb, db, da.isoformat(sep=" ") if da else ""]
                  for _a, d, t, k, no, n, h, rb, db, da in hours],
        "ledger": [[i, _day(d), no, n, KIND_LABELS.get(k, k), a, b, r, by] for i, d, no, n, k, a, b, r, by in points],
    }, sum(row[6] for row in hours)


def _write_project(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    """The project's activities, the approved hours served at them and the points those hours earned."""
    rows, tenths = _project_rows(st, actor, scope.project_id or 0)
    parts = (("activities", "志愿活动", ACTIVITY_HEADERS), ("hours", "服务时长", HOURS_HEADERS),
             ("ledger", "积分明细", LEDGER_HEADERS))
    people = len({row[3] for row in rows["hours"]})
    earned = sum(int(str(row[5])) for row in rows["ledger"])
    pdf = write_scope_table_pdf(
        folder / "volunteer-service.pdf", title="项目志愿服务记录", station=get_profile(st).name, scope=scope,
        printed_on=st.clock.now().date(), headers=ACTIVITY_HEADERS, rows=rows["activities"],
        relative=(8, 24, 8, 12, 10, 6, 7), align="lllllrr",
        summary=f"本项目志愿活动 {len(rows['activities'])} 场，{people} 名志愿者服务 {len(rows['hours'])} 人次、"
                f"共 {_hours(tenths)} 小时，获得积分 {earned} 分（手机号、身份证号不随包移交）。",
        extra=[("服务时长明细（已审核）", HOURS_HEADERS[:7], [r[:7] for r in rows["hours"]], (8, 22, 8, 9, 7, 6, 8))])
    files = [pdf]
    files += [write_csv(folder / f"volunteer-{key}.csv", headers, rows[key]) for key, _title, headers in parts]
    files.append(write_json(folder / "volunteers.json", {**scope.json_fields(), **{
        title: [dict(zip(headers, row, strict=True)) for row in rows[key]] for key, title, headers in parts}}))
    return files


register_section(RegisterSection("volunteers", "志愿者、服务时长与积分", _write,
                                 "本项目的志愿活动、服务时长与积分"))
