"""The staff area's registers in the yearly package: roster, training log and yearly assessments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..assessments import list_assessments
from ..reports.staff import write_assessment_pdf, write_roster_pdf, write_training_pdf
from ..roles import Actor
from ..staff import list_staff, mask_phone
from ..station import Station
from ..training import TRAINING_TYPES, list_sessions, tidy
from ..training_hours import hours_by_person
from .registers import RegisterSection, register_section, write_csv, write_json

ROSTER_HEADERS = ("姓名", "性别", "岗位", "专兼职", "证书等级", "社工专业背景", "社区", "入职日期", "离职日期",
                  "合同到期", "联系电话", "五险一金")
SESSION_HEADERS = ("日期", "培训主题", "类型", "学时", "主办单位", "授课人", "地点", "参训人数")
ASSESSMENT_HEADERS = ("姓名", "岗位", "年度", "考核等级", "考核人", "考核日期", "考核意见", "不合格处理")


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _write(st: Station, actor: Actor, year: int, folder: Path) -> list[Path]:
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


register_section(RegisterSection("staff", "人员、培训与考核", _write))
