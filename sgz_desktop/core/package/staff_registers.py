"""The staff area's registers in a handover package: roster, training log and yearly assessments; for a
project package, the staff in post during the project's cycle and the training held within it (training
has no project link, and assessments are yearly, so they stay with the year packages)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from ..assessments import list_assessments
from ..profile import get_profile
from ..reports.package import write_scope_table_pdf
from ..reports.staff import write_assessment_pdf, write_roster_pdf, write_training_pdf
from ..roles import Actor
from ..staff import StaffInfo, list_staff, mask_phone
from ..station import Station
from ..training import TRAINING_TYPES, list_sessions, tidy
from ..training_hours import hours_by_person
from .registers import RegisterSection, register_section, write_csv, write_json
from .scope import Scope

ROSTER_HEADERS = ("姓名", "性别", "岗位", "专兼职", "证书等级", "社工专业背景", "社区", "入职日期", "离职日期",
                  "合同到期", "联系电话", "五险一金")
SESSION_HEADERS = ("日期", "培训主题", "类型", "学时", "主办单位", "授课人", "地点", "参训人数")
ASSESSMENT_HEADERS = ("姓名", "岗位", "年度", "考核等级", "考核人", "考核日期", "考核意见", "不合格处理")


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _write(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    if scope.is_project:
        return _write_cycle(st, actor, scope, folder)
    year = scope.year or 0
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    on = min(last, st.clock.now().date())
    # Everyone who was in post at some time in the year; phones masked and no ID numbers: the package
    # leaves the station, personal data stays in it.
    people = [p for p in list_staff(st, actor)
              if p.hire_date <= last and (p.leave_date is None or p.leave_date > first)]
    roster = [[p.name, p.gender, p.post, p.employment, p.cert_level, "是" if p.sw_background else "否",
               p.community_name, _day(p.hire_date), _day(p.leave_date), _day(p.contract_end), mask_phone(p.phone),
               "是" if p.social_insurance else "否"] for p in people]
    sessions = list_sessions(st, actor, year)
    session_rows = [[_day(s.held_on), s.title, s.training_type, str(tidy(s.hours)), s.organiser, s.trainer, s.place,
                     s.attendees] for s in sessions]
    hours = hours_by_person(st, actor, year)
    hour_headers = ("姓名", "岗位", *TRAINING_TYPES, "合计", "参训次数")
    hour_rows = [[h.name, h.post, *(str(tidy(v)) for v in h.by_type), str(h.total), h.sessions] for h in hours]
    grades = list_assessments(st, actor, year)
    grade_rows = [[a.staff_name, a.post, a.year, a.grade, a.assessor, _day(a.assessed_on), a.notes, a.review_outcome]
                  for a in grades]
    return [
        write_roster_pdf(st, actor, folder / "roster.pdf", on),
        write_csv(folder / "roster.csv", ROSTER_HEADERS, roster),
        write_json(folder / "roster.json", {"年度": year, "截至": on.isoformat(), "人员": [
            dict(zip(ROSTER_HEADERS, row, strict=True)) for row in roster]}),
        write_training_pdf(st, actor, folder / "training.pdf", year),
        write_csv(folder / "training-sessions.csv", SESSION_HEADERS, session_rows),
        write_csv(folder / "training-hours.csv", hour_headers, hour_rows),
        write_json(folder / "training.json", {"年度": year, "培训场次": [
            dict(zip(SESSION_HEADERS, row, strict=True)) for row in session_rows], "个人学时": [
            dict(zip(hour_headers, row, strict=True)) for row in hour_rows]}),
        write_assessment_pdf(st, actor, folder / "assessments.pdf", year),
        write_csv(folder / "assessments.csv", ASSESSMENT_HEADERS, grade_rows),
        write_json(folder / "assessments.json", {"年度": year, "考核": [
            dict(zip(ASSESSMENT_HEADERS, row, strict=True)) for row in grade_rows]}),
    ]


def _roster_row(p: StaffInfo) -> list[object]:
    return [p.name, p.gender, p.post, p.employment, p.cert_level, "是" if p.sw_background else "否",
            p.community_name, _day(p.hire_date), _day(p.leave_date), _day(p.contract_end), mask_phone(p.phone),
            "是" if p.social_insurance else "否"]


CYCLE_SESSION_HEADERS = (*SESSION_HEADERS, "本项目培训")


def _for_project(session: object, scope: Scope) -> bool:
    return getattr(session, "project_id", None) == scope.project_id


def _write_cycle(st: Station, actor: Actor, scope: Scope, folder: Path) -> list[Path]:
    """A project's cycle: everyone in post at some time in it, and the training sessions held within it."""
    people = [p for p in list_staff(st, actor)
              if p.hire_date <= scope.last and (p.leave_date is None or p.leave_date > scope.first)]
    roster = [_roster_row(p) for p in people]
    # Training held within the cycle; a session tagged with the project (training is gaining a project
    # link) comes in even if held outside it, and the last column says which were held for the project.
    sessions = [s for s in list_sessions(st, actor)
                if scope.contains(s.held_on) or _for_project(s, scope)]
    session_rows = [[_day(s.held_on), s.title, s.training_type, str(tidy(s.hours)), s.organiser, s.trainer, s.place,
                     s.attendees, "是" if _for_project(s, scope) else ""] for s in sessions]
    station, today = get_profile(st).name, st.clock.now().date()
    fields = scope.json_fields()
    return [
        write_scope_table_pdf(folder / "roster.pdf", title="项目周期在岗人员名册", station=station, scope=scope,
                              printed_on=today, headers=ROSTER_HEADERS, rows=roster,
                              relative=(6, 3, 7, 4, 7, 5, 8, 7, 7, 7, 8, 4),
                              summary=f"项目周期内曾在岗 {len(people)} 人（手机号已隐去中间四位，不含身份证号）。"),
        write_csv(folder / "roster.csv", ROSTER_HEADERS, roster),
        write_json(folder / "roster.json", {**fields, "人员": [dict(zip(ROSTER_HEADERS, row, strict=True))
                                                              for row in roster]}),
        write_scope_table_pdf(folder / "training.pdf", title="项目周期内培训记录", station=station, scope=scope,
                              printed_on=today, headers=CYCLE_SESSION_HEADERS, rows=session_rows,
                              relative=(7, 20, 6, 4, 10, 7, 9, 5, 5), align="llcrllllc",
                              summary=f"项目周期内的培训及为本项目举办的培训共 {len(sessions)} 场，"
                                      f"合计 {tidy(sum((s.hours for s in sessions), Decimal(0)))} 学时。"),
        write_csv(folder / "training-sessions.csv", CYCLE_SESSION_HEADERS, session_rows),
        write_json(folder / "training.json", {**fields, "培训场次": [
            dict(zip(CYCLE_SESSION_HEADERS, row, strict=True)) for row in session_rows]}),
    ]


register_section(RegisterSection("staff", "人员、培训与考核", _write, "项目周期内的人员与培训"))
