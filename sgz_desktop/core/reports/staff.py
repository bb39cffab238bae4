"""Printed registers of the staff area: 人员花名册, 培训记录汇总 (per year), 年度考核表 (per year)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from ..assessments import FAILED, GRADES, list_assessments, unassessed
from ..profile import get_profile
from ..roles import Actor, Permission, require
from ..staff import CERT_LEVELS, FULL_TIME, list_staff, mask_phone
from ..station import Station
from ..training import TRAINING_TYPES, list_sessions, tidy
from ..training_hours import hours_by_person
from .register import RegisterPage, chinese_date, frame_width, heading, note, table, widths, write_register


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _hours(value: Decimal) -> str:
    return str(tidy(value)) if value else "—"


def write_roster_pdf(st: Station, actor: Actor, out: Path, on: dt.date | None = None, *,
                     full_phone: bool = False) -> Path:
    """人员花名册: everyone in post on ``on`` (default today), A4 landscape; phones masked unless
    ``full_phone`` (which needs the right to edit the roster)."""
    require(actor, Permission.VIEW)
    if full_phone:
        require(actor, Permission.EDIT_STAFF)
    today = st.clock.now().date()
    on = on or today
    people = list_staff(st, actor, on=on)
    page = RegisterPage("人员花名册", get_profile(st).name, f"在岗人员 · 截至 {chinese_date(on)}", today, wide=True)
    rows = [(i, p.name, p.gender, p.post, p.employment, p.cert_level if p.certified else "—",
             "社工专业" if p.sw_background else "—", p.community_name or "—", _day(p.hire_date), _day(p.contract_end),
             p.phone if full_phone else mask_phone(p.phone), _yes(p.social_insurance))
            for i, p in enumerate(people, start=1)]
    levels = Counter(p.cert_level for p in people if p.certified)
    full = sum(p.employment == FULL_TIME for p in people)
    summary = (f"在岗 {len(people)} 人：专职 {full} 人，兼职 {len(people) - full} 人；持证 {sum(levels.values())} 人"
               + (f"（{'，'.join(f'{lv} {levels[lv]} 人' for lv in CERT_LEVELS if levels[lv])}）" if levels else "")
               + f"；有社会工作专业背景 {sum(p.sw_background for p in people)} 人。")
    headers = ("序号", "姓名", "性别", "岗位", "专/兼职", "证书等级", "专业背景", "社区", "入职日期", "合同到期",
               "联系电话", "五险一金")
    body: list[Flowable] = [note(summary), table(
        headers, rows, widths(frame_width(page), (4, 7, 4, 7, 5, 9, 6, 9, 8, 8, 9, 5)),
        align="clclclclcccc")]
    if not people:
        body.append(note("该日期没有在岗人员。"))
    return write_register(out, page, body)


def write_training_pdf(st: Station, actor: Actor, out: Path, year: int) -> Path:
    """培训记录汇总 of a year: every session, then each person's hours by type (Art. 15)."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    sessions = list_sessions(st, actor, year)
    people = hours_by_person(st, actor, year)
    page = RegisterPage("培训记录汇总", get_profile(st).name, f"{year} 年度", today, wide=True)
    frame = frame_width(page)
    by_type = Counter[str]()
    for s in sessions:
        by_type[s.training_type] += 1
    kinds = "，".join(f"{k} {by_type[k]} 场" for k in TRAINING_TYPES if by_type[k])
    total_hours = sum((s.hours for s in sessions), Decimal(0))
    body: list[Flowable] = [
        heading("一、培训场次"),
        note(f"全年共举办（参加）培训 {len(sessions)} 场、{_hours(total_hours)} 学时"
             + (f"：{kinds}。" if kinds else "。")),
        table(("序号", "日期", "培训主题", "类型", "学时", "主办单位", "授课人", "地点", "参训人数"),
              [(i, _day(s.held_on), s.title, s.training_type, _hours(s.hours), s.organiser, s.trainer, s.place,
                s.attendees) for i, s in enumerate(sessions, start=1)],
              widths(frame, (4, 8, 24, 9, 5, 14, 8, 12, 6)), align="cclccllcc"),
        Spacer(1, 6),
        heading("二、个人培训学时"),
        note("按培训类型统计每人全年参训学时；专职人员全年未参训的也列出。"),
    ]
    totals = [sum((p.by_type[i] for p in people), Decimal(0)) for i in range(len(TRAINING_TYPES))]
    rows: list[tuple[object, ...]] = [
        (i, p.name, p.post, *(_hours(h) for h in p.by_type), _hours(p.total), p.sessions)
        for i, p in enumerate(people, start=1)]
    rows.append(("", "合计", "", *(_hours(h) for h in totals), _hours(sum(totals, Decimal(0))),
                 sum(p.sessions for p in people)))
    body.append(table(("序号", "姓名", "岗位", *TRAINING_TYPES, "合计", "参训次数"), rows,
                      widths(frame, (4, 8, 8, 8, 8, 9, 8, 9, 7, 6)), align="cll" + "r" * 7, total_row=True))
    return write_register(out, page, body)


def write_assessment_pdf(st: Station, actor: Actor, out: Path, year: int) -> Path:
    """年度考核表 (Art. 34): each person's grade, assessor and remarks; who is still unassessed."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    graded = list_assessments(st, actor, year)
    missing = unassessed(st, actor, year)
    page = RegisterPage("年度考核表", get_profile(st).name, f"{year} 年度 · 依据第三十四条", today)
    counts = Counter(a.grade for a in graded)
    summary = f"已考核 {len(graded)} 人：" + "，".join(f"{g} {counts[g]} 人" for g in GRADES) + "。"
    if missing:
        summary += f"尚未考核 {len(missing)} 人：{'、'.join(name for _i, name, _p in missing)}。"
    rows = [(i, a.staff_name, a.post, a.grade, a.assessor, _day(a.assessed_on), a.notes,
             a.review_outcome or ("待处理" if a.needs_review else ""))
            for i, a in enumerate(graded, start=1)]
    body: list[Flowable] = [
        note(summary),
        table(("序号", "姓名", "岗位", "考核等级", "考核人", "考核日期", "考核意见", "不合格处理"), rows,
              widths(frame_width(page), (5, 8, 9, 7, 7, 9, 19, 11)), align="clccccll",
              marked=[i for i, a in enumerate(graded) if a.grade == FAILED]),
        Spacer(1, 4),
        note("年度考核不合格的，由街道（乡镇）和承接机构依法予以解聘（第三十四条）；“待处理”表示尚未登记处理结果。"),
    ]
    return write_register(out, page, body)

