"""Demo history of the staff area: people who left, interns with university and supervisor, training
with attendance over the demo's years (``sgz demo --years 3`` gives three), annual assessments with one
不合格, and a new recruit still waiting for pre-job training (so the dashboard shows reminders, as a real
station's would)."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .assessments import ASSESSED_POSTS, FAILED
from .models import Assessment, Internship, Staff, TrainingAttendance, TrainingSession
from .progress import Progress, quiet
from .roles import SYSTEM
from .staff import DEPUTY, FULL_TIME, HEAD, ID_CONTEXT, INTERN, LIAISON, NO_CERT, SOCIAL_WORKER, SUPERVISOR
from .station import Station
from .training import PREJOB
from .validation import make_id_number

if TYPE_CHECKING:
    from .demo import DemoContext

PRACTICE_TOPICS = ("个案工作实务：需求评估与服务计划", "小组工作技巧：儿童成长小组设计", "社区走访与困难群众识别",
                   "“五社联动”项目设计与资源链接", "老年人居家探访服务规范", "服务记录与档案规范化填写",
                   "心理疏导与危机干预基础", "志愿者招募与积分管理实务", "社区慈善基金运作实务")
POLICY_TOPICS = ("社会救助政策解读（低保、特困、临时救助）", "未成年人保护法与儿童关爱政策",
                 "《武汉市社工站建设管理办法》解读", "养老服务政策与家庭养老床位", "残疾人两项补贴政策解读",
                 "社会组织登记管理与公益创投政策")
CE_TOPICS = ("湖北省社会工作者继续教育专题培训班", "社会工作督导能力提升研修班", "社会工作伦理与专业反思工作坊",
             "武汉市社工站驻站社工能力提升集中培训")
ASSESS_NOTES = {"优秀": "服务成效突出，居民满意度高", "合格": "", "基本合格": "服务记录不够规范，需加强",
                FAILED: "全年个案服务记录缺失较多，未完成年度服务指标"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁"
GIVEN = "丽娟敏静婷雪芳玲慧欣怡佳伟强磊军勇杰涛斌超明文思子嘉雨天宏志建晓海春永新一博"


@dataclass
class _Person:
    id: int
    name: str
    post: str
    employment: str
    cert_level: str
    hire_date: dt.date
    leave_date: dt.date | None

    def in_post(self, on: dt.date) -> bool:
        return self.hire_date <= on and (self.leave_date is None or self.leave_date > on)


class _History:
    def __init__(self, st: Station, s: Session, rng: random.Random, today: dt.date) -> None:
        self.st, self.s, self.rng, self.today = st, s, rng, today
        self.sessions = 0
        self.attendance = 0

    def people(self) -> list[_Person]:
        rows = self.s.execute(select(Staff.id, Staff.name, Staff.post, Staff.employment, Staff.cert_level,
                                     Staff.hire_date, Staff.leave_date).order_by(Staff.id)).all()
        return [_Person(*r) for r in rows]

    def new_person(self, post: str, hired: dt.date, left: dt.date | None, reason: str, *, pay_fen: int,
                   cert: str = "助理社会工作师") -> None:
        rng, cipher = self.rng, self.st.require_unlocked()
        taken = set(self.s.scalars(select(Staff.name)))
        name = ""
        while not name or name in taken:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        birth = self.today - dt.timedelta(days=365 * rng.randint(24, 32) + rng.randrange(365))
        seq = rng.randrange(1000)
        id_number = make_id_number("420102", birth, seq)
        got = hired - dt.timedelta(days=rng.randint(30, 700)) if cert != NO_CERT else None
        self.s.add(Staff(
            name=name, gender="男" if seq % 2 else "女", id_number=id_number, phone=f"139{rng.randrange(10**8):08d}",
            id_number_index=cipher.blind_index(id_number, ID_CONTEXT), post=post, employment=FULL_TIME,
            cert_level=cert, cert_number=f"ZS{got.year}{rng.randrange(10**6):06d}" if got else "", cert_date=got,
            sw_background=True, hire_date=hired, leave_date=left, leave_reason=reason,
            contract_end=hired + dt.timedelta(days=365 * 2), monthly_pay_fen=pay_fen, social_insurance=True,
            experience_years=rng.randint(1, 4), notes=""))
        self.s.flush()

    def session(self, title: str, kind: str, on: dt.date, hours: float, organiser: str, trainer: str,
                place: str, attendees: Sequence[_Person], rate: float) -> None:
        if on >= self.today:
            return
        present = [p for p in attendees if self.rng.random() < rate]
        if not present:
            return
        row = TrainingSession(title=title, training_type=kind, held_on=on, hours_tenths=round(hours * 10),
                              organiser=organiser, trainer=trainer, place=place, notes="")
        self.s.add(row)
        self.s.flush()
        tenths = round(hours * 10)
        for p in present:
            attended = tenths if self.rng.random() > 0.1 or tenths <= 10 else tenths - 5 * self.rng.randint(1, 2)
            self.s.add(TrainingAttendance(session_id=row.id, staff_id=p.id, hours_tenths=attended,
                                          note="" if attended == tenths else "中途离会"))
        self.sessions += 1
        self.attendance += len(present)


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], dt.date(first.year, first.month, 1)
    while day <= last:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def _workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _train(h: _History, people: list[_Person], first: dt.date, recruit: int | None) -> None:
    rng = h.rng
    supervisors = [p for p in people if p.post == SUPERVISOR]
    place = "后湖街道党群服务中心三楼社工站"
    for month in _month_starts(first, h.today):
        def staff_on(day: dt.date, posts: tuple[str, ...]) -> list[_Person]:
            return [p for p in people if p.post in posts and p.in_post(day)]

        day = _workday(month + dt.timedelta(days=rng.randint(5, 12)))
        mentor = next((p.name for p in supervisors if p.in_post(day)), "区社工总站督导")
        h.session(f"{day.month}月督导会：个案研讨", "督导培训", day, rng.choice((2, 2.5, 3)), "区社会工作服务总站",
                  mentor, place, staff_on(day, (DEPUTY, SOCIAL_WORKER)), 0.9)
        if month.month % 2 == 0:
            day = _workday(month + dt.timedelta(days=rng.randint(15, 24)))
            trainer = rng.choice(("陈老师", "刘老师", "周老师"))
            h.session(rng.choice(PRACTICE_TOPICS), "实务培训", day, 3, "承接机构", trainer, place,
                      staff_on(day, (DEPUTY, SOCIAL_WORKER, LIAISON, INTERN)), 0.75)
        if month.month % 3 == 1:
            day = _workday(month + dt.timedelta(days=rng.randint(16, 26)))
            h.session(rng.choice(POLICY_TOPICS), "政策法规培训", day, 2, "江岸区民政局", "区民政局业务科室",
                      "江岸区民政局会议室", staff_on(day, (DEPUTY, SOCIAL_WORKER, LIAISON)), 0.7)
        if month.month in (5, 10):
            day = _workday(month + dt.timedelta(days=rng.randint(8, 20)))
            certified = [p for p in staff_on(day, (DEPUTY, SOCIAL_WORKER, SUPERVISOR, LIAISON))
                         if p.cert_level != NO_CERT]
            h.session(rng.choice(CE_TOPICS), "继续教育培训", day, rng.choice((12, 16)), "武汉市社会工作协会",
                      "华中师范大学社会学院", "武汉市社会福利综合服务中心", certified, 0.85)
    # Pre-job training shortly after each station social worker joins (the new recruit still waits).
    for p in people:
        if p.post == SOCIAL_WORKER and p.id != recruit and p.hire_date >= first - dt.timedelta(days=30):
            day = _workday(max(p.hire_date + dt.timedelta(days=rng.randint(3, 30)), first))
            h.session("新入职社工岗前培训", PREJOB, day, 6, "承接机构", "副站长", place, [p], 1.0)


def _assess(h: _History, people: list[_Person], first_year: int) -> None:
    rng = h.rng
    deputy = next((p.name for p in people if p.post == DEPUTY), "副站长")
    head = next((p.name for p in people if p.post == HEAD), "站长")
    last_year = h.today.year - 1
    for year in range(first_year, last_year + 1):
        end, start = dt.date(year, 12, 31), dt.date(year, 1, 1)
        rated = [p for p in people if p.post in ASSESSED_POSTS and p.hire_date <= end
                 and (p.leave_date is None or p.leave_date > start)]
        failing = next((p.id for p in rated if p.post == SOCIAL_WORKER and p.leave_date is None
                        and p.hire_date.year < year), None) if year == last_year else None
        for p in rated:
            grade = FAILED if p.id == failing else rng.choices(("优秀", "合格", "基本合格"), (2, 7, 1))[0]
            on = min(dt.date(year + 1, 1, rng.randint(8, 20)), h.today - dt.timedelta(days=1))
            if p.leave_date is not None and p.leave_date <= end:
                on = p.leave_date - dt.timedelta(days=1)
            h.s.add(Assessment(staff_id=p.id, year=year, grade=grade, assessor=head if p.post == DEPUTY else deputy,
                               assessed_on=max(on, start), notes=ASSESS_NOTES[grade], review_outcome="",
                               reviewed_on=None))


def _interns(h: _History, people: list[_Person]) -> None:
    notes = {i: n for i, n in h.s.execute(select(Staff.id, Staff.notes).where(Staff.post == INTERN))}
    for p in people:
        if p.post != INTERN:
            continue
        found = re.match(r"^(.+?(?:大学|学院))", notes.get(p.id, ""))
        mentor = next((m for m in people if m.post in (SUPERVISOR, DEPUTY) and m.in_post(p.hire_date)), None)
        end = p.hire_date + dt.timedelta(days=h.rng.choice((90, 120, 180)))
        if p.leave_date is not None:
            end = min(end, p.leave_date - dt.timedelta(days=1))
        h.s.add(Internship(staff_id=p.id, university=found[1] if found else "江汉大学", major="社会工作",
                           supervisor_id=mentor.id if mentor else None, start_date=p.hire_date, end_date=end,
                           notes="专业实习（第十六条 实习基地）"))


def add_staff_history(st: Station, rng: random.Random, years: int, scale: int,
                      progress: Progress | None = None) -> dict[str, int]:
    """Enrich a demo roster (made by ``demo.fill_staff``); returns counts for the demo's summary."""
    progress = progress or quiet()
    today = st.clock.now().date()
    first = today - dt.timedelta(days=365 * years)  # the roster's first hires (demo.DemoContext.start)
    with st.begin(SYSTEM) as s:
        h = _History(st, s, rng, today)
        for row in s.scalars(select(Staff).where(Staff.leave_date.is_not(None), Staff.leave_reason == "")):
            row.leave_reason = "合同期满，不再续签"
        pay = int(s.scalar(select(Staff.monthly_pay_fen).where(Staff.post == SOCIAL_WORKER)) or 900_000)
        for _ in range(scale):
            left = min(first + dt.timedelta(days=rng.randint(300, 500)), today - dt.timedelta(days=30))
            h.new_person(SOCIAL_WORKER, first + dt.timedelta(days=rng.randint(0, 30)), left, "考取公务员，主动辞职",
                         pay_fen=pay)
        # The last social worker hired joined a few weeks ago and has not had pre-job training yet.
        recruit = s.scalars(select(Staff).where(Staff.post == SOCIAL_WORKER, Staff.leave_date.is_(None))
                            .order_by(Staff.id.desc())).first()
        if recruit is not None:
            recruit.hire_date = today - dt.timedelta(days=rng.randint(15, 30))
            recruit.contract_end = recruit.hire_date + dt.timedelta(days=730)
            s.flush()
        people = h.people()
        progress.report(1, 3, "正在生成培训记录…")
        _train(h, people, first, recruit.id if recruit else None)
        progress.report(2, 3, "正在生成年度考核…")
        _assess(h, people, first.year)
        _interns(h, people)
        s.flush()
        counts = {"staff": int(s.scalar(select(func.count(Staff.id))) or 0), "training_sessions": h.sessions,
                  "training_attendance": h.attendance,
                  "assessments": int(s.scalar(select(func.count(Assessment.id))) or 0)}
    progress.report(3, 3, "人员与培训演示数据已生成")
    return counts


def fill_staff_history(ctx: DemoContext) -> None:
    """The demo's extension point (``demo.AREAS``)."""
    ctx.counts.update(add_staff_history(ctx.st, ctx.rnd, ctx.years, ctx.scale))
