"""The record sheets filed with an archive item made from another area's record: a training session's
sign-in record (培训记录) and a volunteer activity's service record (志愿服务活动记录). Names only, no
personal numbers: these go into the yearly package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.platypus import Flowable

from .register import RegisterPage, frame_width, note, table, widths, write_register


def _tidy(hours: Decimal) -> str:
    text = f"{hours.normalize():f}"
    return text


def write_session_record(out: Path, station: str, printed_on: dt.date, *, title: str, kind: str, held_on: dt.date,
                         hours: Decimal, organiser: str, trainer: str, place: str,
                         attendees: Sequence[tuple[str, str, Decimal, str]]) -> Path:
    """培训记录: the session and everyone who attended (name, post, hours attended, note)."""
    page = RegisterPage("培训记录", station, f"{held_on:%Y年%m月%d日} · {kind}", printed_on,
                        signatures=("记录人", "负责人"))
    facts = (f"培训主题：{title}；类型：{kind}；日期：{held_on:%Y-%m-%d}；学时：{_tidy(hours)}；"
             f"主办单位：{organiser or '—'}；授课人：{trainer or '—'}；地点：{place or '—'}；"
             f"参训 {len(attendees)} 人。")
    rows = [(i, name, post, _tidy(h), remark) for i, (name, post, h, remark) in enumerate(attendees, start=1)]
    body: list[Flowable] = [note(facts), table(("序号", "姓名", "岗位", "参训学时", "备注"), rows,
                                               widths(frame_width(page), (6, 14, 14, 10, 30)), align="cllrl")]
    if not attendees:
        body.append(note("本次培训没有登记参训人员。"))
    return write_register(out, page, body)


def write_activity_record(out: Path, station: str, printed_on: dt.date, *, title: str, kind: str, held_on: dt.date,
                          time_text: str, place: str, organiser: str, content: str, project: str,
                          volunteers: Sequence[tuple[str, str, Decimal, str]]) -> Path:
    """志愿服务活动记录: the activity and each volunteer (number, name, hours, status)."""
    page = RegisterPage("志愿服务活动记录", station, f"{held_on:%Y年%m月%d日} · {kind}", printed_on,
                        signatures=("记录人", "负责人"))
    total = sum((h for _n, _name, h, _s in volunteers), Decimal(0))
    facts = (f"活动名称：{title}；类型：{kind}；日期：{held_on:%Y-%m-%d} {time_text}；地点：{place or '—'}；"
             f"组织者：{organiser or '—'}" + (f"；服务项目：{project}" if project else "")
             + f"；参加志愿者 {len(volunteers)} 人，服务时长合计 {_tidy(total)} 小时。")
    body: list[Flowable] = [note(facts)]
    if content:
        body.append(note(f"服务内容：{content}"))
    rows = [(i, number, name, _tidy(h), status) for i, (number, name, h, status) in enumerate(volunteers, start=1)]
    body.append(table(("序号", "志愿者编号", "姓名", "服务时长（小时）", "状态"), rows,
                      widths(frame_width(page), (6, 16, 14, 12, 12)), align="cclrc"))
    return write_register(out, page, body)
