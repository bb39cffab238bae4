"""Sign-in sheets (签到表) typed into Excel: one row per volunteer with their hours, imported as pending
hours after a dry run that shows exactly what would be recorded.

A sheet either belongs to one chosen activity (only the volunteer columns matter), or names its
activities in columns (活动名称 + 活动日期; rows sharing them are one activity, an activity already
entered is reused). Volunteers are found by number, else by a name only one volunteer has. Every row is
checked first (overlaps, 24 hours a day, registration and withdrawal dates, duplicates); one bad row
and nothing is written, each problem named by row, column and reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from . import audit, xlsx_input
from .db.ids import assign_ids
from .errors import Problem, ValidationError
from .models import Project, ServiceRecord, VolunteerActivity
from .profile import list_communities
from .progress import Progress, quiet
from .roles import Actor, Permission, require
from .station import Station
from .training import parse_hours
from .volunteer_activities import (
    PENDING,
    ActivityInput,
    activity_problems,
    activity_row,
    clean_activity,
    insert_activity,
)
from .volunteer_hours import Candidate, DayBook, HoursInput, candidates, entry_problems
from .volunteers import ACTIVITY_TYPES
from .xlsx_input import Bad, Field

SHEET = "志愿服务签到表"
_TIME_RE = re.compile(r"^(\d{1,2})\s*[:：点]\s*(\d{1,2})\s*分?$")

ACTIVITY_FIELDS = (
    Field("活动名称", "title", False, note="同一名称、同一日期的各行算作同一次活动；已登记过的活动会沿用"),
    Field("活动日期", "held_on", False, "date", note="例如 2025-05-20，不能晚于今天"),
    Field("开始时间", "starts_at", False, note="例如 09:00；与结束时间一起填写，用于检查时间重叠"),
    Field("结束时间", "ends_at", False, note="例如 11:30"),
    Field("服务类型", "activity_type", False, "choice", "服务类型",
          note="、".join(ACTIVITY_TYPES) + "；不填视为“其他”"),
    Field("服务地点", "place", False),
    Field("活动所在社区", "community", False, "choice", "社区", note="须是本街道登记的社区（村）"),
    Field("服务项目", "project", False, "choice", "服务项目", note="“1+4+N”服务项目的名称，可不填"),
    Field("组织者", "organiser", False),
    Field("服务内容", "content", False, note="写入志愿服务证明的服务内容"),
)
PEOPLE_FIELDS = (
    Field("志愿者编号", "volunteer_no", False, note="填写编号最可靠；不填时按姓名查找（须无重名）"),
    Field("姓名", "name", False, note="志愿者编号和姓名至少填一项"),
    Field("签到时间", "signed_in", False, note="例如 09:05；不填则按活动时间"),
    Field("签退时间", "signed_out", False, note="例如 11:20"),
    Field("服务时长（小时）", "hours", False, "hours", note="最多一位小数；不填则按签到至签退（或活动时间）计算"),
    Field("备注", "note", False),
)
FIELDS = ACTIVITY_FIELDS + PEOPLE_FIELDS
GUIDE = ("1. 每行登记一名志愿者参加一次活动的服务时长；同一次活动的多名志愿者各占一行，活动信息重复填写即可。",
         "2. 在程序中选定某次活动后导入时，只读取志愿者编号、姓名、签到签退时间和服务时长，活动各列可以不填。",
         "3. 同一志愿者同一天的服务时间不能重叠，当天累计不能超过 24 小时；注册前、退出后的服务不能登记。",
         "4. 导入前先检查全部行：只要有一行有错，就一行也不导入，并列出每个错误的行号、列名和原因。",
         "5. 导入的服务时长为“待审核”，由副站长审核通过后才计入累计时长和积分。")


# --- cell parsers ---------------------------------------------------------------------------------------------

def time_cell(value: object) -> dt.time | None:
    """09:00, 9：00, 9点30, an Excel time cell or a day fraction -> time of day."""
    if value is None or xlsx_input.text(value) == "":
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        total = round(float(value) * 24 * 60)
        return dt.time(total // 60 % 24, total % 60)
    raw = xlsx_input.text(value)
    m = _TIME_RE.match(raw)
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return dt.time(int(m[1]), int(m[2]))
    raise Bad(f"「{raw}」不是有效时间，请写成 09:30 这样的格式")


def hours_cell(value: object) -> Decimal | None:
    if value is None or xlsx_input.text(value) == "":
        return None
    raw = repr(value) if isinstance(value, float) else xlsx_input.text(value)
    raw = raw.removesuffix("小时").removesuffix("h").removesuffix("H").strip()
    try:
        return parse_hours(raw)
    except ValueError as err:
        raise Bad(str(err)) from None


# --- the plan ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SignInLine:
    """One row as it would be recorded."""

    row: int
    activity_title: str
    held_on: dt.date
    new_activity: bool
    volunteer_id: int
    volunteer_no: str
    volunteer_name: str
    starts_at: dt.time | None
    ends_at: dt.time | None
    hours: Decimal


@dataclass(frozen=True)
class SignInResult:
    lines: tuple[SignInLine, ...]
    new_activities: tuple[str, ...]  # "2025-05-20 社区助老探访"
    dry_run: bool
    ignored_columns: tuple[str, ...] = ()

    @property
    def hours(self) -> Decimal:
        return sum((line.hours for line in self.lines), Decimal(0))

    @property
    def volunteers(self) -> int:
        return len({line.volunteer_id for line in self.lines})


@dataclass
class _Plan:
    activities: dict[tuple[str, dt.date], ActivityInput] = field(default_factory=dict)  # new ones
    existing: dict[tuple[str, dt.date], VolunteerActivity] = field(default_factory=dict)
    lines: list[tuple[tuple[str, dt.date], SignInLine, str]] = field(default_factory=list)  # key, line, note


class _Volunteers:
    """Lookups by number and by name (no personal numbers needed)."""

    def __init__(self, people: dict[int, Candidate]) -> None:
        self.by_no = {p.volunteer_no: p for p in people.values()}
        self.by_name: dict[str, list[Candidate]] = {}
        for p in people.values():
            self.by_name.setdefault(p.name, []).append(p)

    def find(self, number: str, name: str, row: int) -> Candidate | Problem:
        if number:
            person = self.by_no.get(number.upper())
            if person is None:
                return Problem("志愿者编号", f"没有编号为 {number} 的志愿者", row)
            if name and person.name != name:
                return Problem("姓名", f"与编号 {number} 对应的志愿者「{person.name}」不一致", row)
            return person
        if not name:
            return Problem("姓名", "志愿者编号和姓名至少填一项", row)
        found = self.by_name.get(name, [])
        if not found:
            return Problem("姓名", f"没有名叫「{name}」的志愿者，请先登记", row)
        if len(found) > 1:
            return Problem("志愿者编号", f"有 {len(found)} 名志愿者叫「{name}」，请填写志愿者编号以区分", row)
        return found[0]


def _activity_input(c: xlsx_input.Cells, communities: dict[str, int], projects: dict[str, int]) -> ActivityInput:
    text = xlsx_input.text
    community = c.get("community", lambda v: xlsx_input.choice(v, tuple(communities), "社区（村）") if text(v) else "",
                      "")
    project = c.get("project", lambda v: xlsx_input.choice(v, tuple(projects), "服务项目") if text(v) else "", "")
    return clean_activity(ActivityInput(
        title=c.get("title", text, ""), held_on=c.get("held_on", xlsx_input.date, None) or dt.date.min,
        activity_type=c.get("activity_type", lambda v: xlsx_input.choice(v, ACTIVITY_TYPES, "服务类型") if text(v)
                            else "其他", "其他"),
        starts_at=c.get("starts_at", time_cell, None), ends_at=c.get("ends_at", time_cell, None),
        place=c.get("place", text, ""), community_id=communities[community] if community else None,
        project_id=projects[project] if project else None, organiser=c.get("organiser", text, ""),
        content=c.get("content", text, "")))


def _plan(st: Station, sheet: xlsx_input.SheetRows, chosen: VolunteerActivity | None,
          problems: list[Problem], progress: Progress) -> _Plan:
    today = st.clock.now().date()
    communities = {c.name: c.id for c in list_communities(st)}
    with st.read() as s:
        projects = {name: pid for pid, name in s.execute(select(Project.id, Project.name))}
        people = _Volunteers(candidates(s))
    plan = _Plan()
    parsed: list[tuple[int, ActivityInput | VolunteerActivity, Candidate, HoursInput]] = []
    for number, cells in sheet.rows:
        c = xlsx_input.Cells(number, cells, FIELDS, problems)
        activity: ActivityInput | VolunteerActivity
        if chosen is None:
            activity = _activity_input(c, communities, projects)
            if not c.failed:
                if not activity.title:
                    problems.append(Problem("活动名称", "不能为空（或在程序中先选定活动再导入）", number))
                if activity.held_on == dt.date.min:
                    problems.append(Problem("活动日期", "不能为空", number))
        else:
            activity = chosen
        entry = HoursInput(0, c.get("hours", hours_cell, None), c.get("signed_in", time_cell, None),
                           c.get("signed_out", time_cell, None), c.get("note", xlsx_input.text, ""))
        person = people.find(c.get("volunteer_no", xlsx_input.text, ""), c.get("name", xlsx_input.text, ""), number)
        if isinstance(person, Problem):
            problems.append(person)
        elif not c.failed:
            parsed.append((number, activity, person, HoursInput(person.id, entry.hours, entry.starts_at,
                                                                entry.ends_at, entry.note)))
    progress.report(0, len(parsed), "正在检查时间重叠…")
    keys = {(a.title, a.held_on) for _n, a, _p, _e in parsed}
    with st.read() as s:
        if chosen is None:
            for row in s.scalars(select(VolunteerActivity).where(VolunteerActivity.held_on.in_({k[1] for k in keys}))):
                if (row.title, row.held_on) in keys:
                    plan.existing[row.title, row.held_on] = row
                    s.expunge(row)
        else:
            plan.existing[chosen.title, chosen.held_on] = chosen
        book = DayBook.load(s, {p.id for _n, _a, p, _e in parsed}, {k[1] for k in keys})
        ids = [a.id for a in plan.existing.values()]
        already = {(a, v): n for a, v, n in s.execute(
            select(ServiceRecord.activity_id, ServiceRecord.volunteer_id, ServiceRecord.status)
            .where(ServiceRecord.activity_id.in_(ids)))} if ids else {}
    seen: dict[tuple[tuple[str, dt.date], int], int] = {}
    first_row: dict[tuple[str, dt.date], int] = {}
    for number, activity, person, entry in parsed:
        key = (activity.title, activity.held_on)
        known = plan.existing.get(key)
        if known is not None:
            activity = known
        elif key in plan.activities:
            given = activity
            activity = plan.activities[key]
            if isinstance(given, ActivityInput) and (given.starts_at, given.ends_at, given.activity_type) != (
                    activity.starts_at, activity.ends_at, activity.activity_type):
                problems.append(Problem("活动名称", f"与第 {first_row[key]} 行是同一次活动，但时间或服务类型不一致",
                                        number))
                continue
        elif isinstance(activity, ActivityInput):
            found = activity_problems(activity, today=today, communities={v: k for k, v in communities.items()},
                                      projects=projects.values(), row=number)
            if found:
                problems += found
                continue
            plan.activities[key] = activity
            first_row[key] = number
        if (key, person.id) in seen:
            problems.append(Problem("姓名", f"{person.label} 在第 {seen[key, person.id]} 行已登记过这次活动", number))
            continue
        seen[key, person.id] = number
        if known is not None and (known.id, person.id) in already:
            problems.append(Problem("姓名", f"{person.label} 已登记过这次活动的服务时长", number))
            continue
        tenths, found = entry_problems(person, activity, entry, book, "姓名", number)
        problems += found
        if tenths is not None and not found:
            plan.lines.append((key, SignInLine(number, activity.title, activity.held_on, known is None, person.id,
                                               person.volunteer_no, person.name, entry.starts_at, entry.ends_at,
                                               Decimal(tenths) / 10), entry.note))
    return plan


def import_sign_in(st: Station, actor: Actor, path: Path, *, activity_id: int | None = None, dry_run: bool = False,
                   progress: Progress | None = None) -> SignInResult:
    """Check the whole sheet, then (unless ``dry_run``) record every line as pending hours in one
    transaction. Raises one ValidationError listing every bad row; nothing is written then."""
    require(actor, Permission.RECORD_HOURS)
    progress = progress or quiet()
    chosen = None
    if activity_id is not None:
        with st.read() as s:
            chosen = activity_row(s, activity_id)
            s.expunge(chosen)
    sheet = xlsx_input.read_sheet(path, FIELDS, SHEET, progress)
    if chosen is None:
        missing = [f.header for f in ACTIVITY_FIELDS[:2] if not any(f.key in cells for _n, cells in sheet.rows[:1])]
        if missing:
            raise ValidationError(Problem("表头", f"没有“{'”“'.join(missing)}”列：请在程序中先选定活动再导入，"
                                                "或在表中填写活动名称和日期"))
    problems: list[Problem] = []
    plan = _plan(st, sheet, chosen, problems, progress)
    if not sheet.rows:
        problems.append(Problem("文件", "没有找到任何数据行"))
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
    new = tuple(f"{a.held_on:%Y-%m-%d} {a.title}" for a in plan.activities.values())
    result = SignInResult(tuple(line for _k, line, _n in plan.lines), new, dry_run, sheet.ignored_headers)
    if dry_run:
        return result
    _write(st, actor, plan, Path(path).name, progress)
    return result


def _write(st: Station, actor: Actor, plan: _Plan, file_name: str, progress: Progress) -> None:
    now = st.clock.now()
    with st.begin(actor) as s:
        ids = {key: a.id for key, a in plan.existing.items()}
        for key, data in plan.activities.items():
            ids[key] = insert_activity(st, s, actor, data).id
        rows = []
        for done, (key, line, note) in enumerate(plan.lines, start=1):
            rows.append(ServiceRecord(activity_id=ids[key], volunteer_id=line.volunteer_id, starts_at=line.starts_at,
                                      ends_at=line.ends_at, hours_tenths=int(line.hours * 10), status=PENDING,
                                      note=note[:200], recorded_by=actor.display_name, recorded_at=now, decided_by="",
                                      decision_note=""))
            if done % 500 == 0:
                progress.report(done, len(plan.lines), f"正在写入第 {done} 条…")  # a cancel rolls it all back
        assign_ids(s, rows)  # one INSERT for the whole sheet, not one per row (see db.ids)
        s.add_all(rows)
        s.flush()
        audit.record_event(s, "import", f"从 {file_name} 导入志愿服务签到 {len(rows)} 条（新建活动 "
                                        f"{len(plan.activities)} 次），待审核", table="service_record")
    progress.report(len(plan.lines), len(plan.lines), "导入完成")


def sign_in_template(st: Station, path: Path) -> Path:
    """The sign-in sheet to fill in, with drop-down lists of types, communities and projects."""
    with st.read() as s:
        projects = tuple(s.scalars(select(Project.name).order_by(Project.id)))
    options = {"服务类型": ACTIVITY_TYPES, "社区": tuple(c.name for c in list_communities(st)),
               "服务项目": projects or ("（无）",)}
    return xlsx_input.template(path, SHEET, FIELDS, options, "志愿服务签到表填写说明", GUIDE)
