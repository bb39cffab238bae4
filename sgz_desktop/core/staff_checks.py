"""Compliance checks of the staff roster and the training log (Art. 13, 15, 30, 34).

Pure functions over the database, registered with ``checks.compliance_check``: the dashboard, ``sgz
check`` and the yearly package all run the same ones. Art. 12 (站长/副站长, liaisons) lives in checks.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from . import settings
from .assessments import pending_reviews
from .checks import CheckResult, Status, compliance_check, staff_in_post, today
from .models import Staff
from .profile import get_profile
from .roles import SYSTEM
from .staff import DEPUTY, FULL_TIME, INTERN, NO_CERT, SENIOR, SOCIAL_WORK_CERT, SOCIAL_WORKER, SUPERVISOR
from .station import Station
from .tables import format_fen
from .training_hours import CeCycle, ce_cycles, prejob_status

ART_13, ART_15, ART_30, ART_34 = "第十三条", "第十五条", "第三十条", "第三十四条"
MAX_NAMES = 8  # names spelled out in a card's detail; all of them are in ``people``


def _names(names: Sequence[str]) -> str:
    shown = "、".join(names[:MAX_NAMES])
    return shown + (f" 等 {len(names)} 人" if len(names) > MAX_NAMES else "")


def _fulltime_social_workers(st: Station) -> list[tuple[str, str, bool]]:
    """(name, certificate level, social-work background) of full-time station social workers in post."""
    with st.read() as s:
        rows = s.execute(select(Staff.name, Staff.cert_level, Staff.sw_background)
                         .where(staff_in_post(today(st)), Staff.post == SOCIAL_WORKER, Staff.employment == FULL_TIME)
                         .order_by(Staff.hire_date, Staff.id)).all()
    return [(n, c, bool(b)) for n, c, b in rows]


@compliance_check("staff")
def fulltime_social_worker_count(st: Station) -> CheckResult:
    """专职社工人数"""
    district = get_profile(st).district_type
    wanted = int(settings.get(st, settings.NEW_DISTRICT_MIN_SW if district == "新城区" else settings.CENTRAL_MIN_SW))
    names = [n for n, _c, _b in _fulltime_social_workers(st)]
    ok = len(names) >= wanted
    return CheckResult(
        "staff.fulltime_count", "staff", "专职社工人数", ART_13, Status.OK if ok else Status.FAILING,
        f"专职社工 {len(names)} 人，要求 ≥ {wanted} 人",
        f"{district}社工站应配备不少于 {wanted} 名专职社工。"
        + (f"目前在岗：{_names(names)}。" if names else "目前没有在岗的专职驻站社工。")
        + ("" if ok else f"还差 {wanted - len(names)} 人。"), tuple(names))


@compliance_check("staff")
def fulltime_social_workers_qualified(st: Station) -> CheckResult:
    """专职社工持证或有社工专业背景"""
    workers = _fulltime_social_workers(st)
    lacking = [n for n, cert, background in workers if cert == NO_CERT and not background]
    figure = f"{len(workers) - len(lacking)}/{len(workers)} 人符合" if workers else "无专职社工"
    return CheckResult(
        "staff.qualified", "staff", "专职社工持证或有社工专业背景", ART_13,
        Status.FAILING if lacking else Status.OK, figure,
        (f"既无社会工作职业水平证书、也无社会工作专业背景：{_names(lacking)}。" if lacking else
         "每名专职社工都持有社会工作职业水平证书或有社会工作专业背景。"), tuple(lacking))


@compliance_check("staff")
def intermediate_social_worker(st: Station) -> CheckResult:
    """至少 1 名中级社会工作师"""
    with st.read() as s:
        names = list(s.scalars(select(Staff.name).where(
            staff_in_post(today(st)), Staff.post.in_((DEPUTY, SOCIAL_WORKER)),
            Staff.cert_level.in_((SOCIAL_WORK_CERT, SENIOR))).order_by(Staff.hire_date, Staff.id)))
    return CheckResult(
        "staff.intermediate", "staff", "至少 1 名中级社会工作师", ART_13, Status.OK if names else Status.WARNING,
        f"社会工作师及以上 {len(names)} 人",
        f"站内持社会工作师（中级）及以上证书：{_names(names)}。" if names else
        "“有条件的社工站应配备至少 1 名中级社会工作师”：目前副站长和驻站社工中没有社会工作师。", tuple(names))


@compliance_check("staff")
def pay_not_below_city_average(st: Station) -> CheckResult:
    """专职人员月薪不低于全市职工月平均工资"""
    average = get_profile(st).city_avg_wage_fen
    title = "专职人员月薪不低于全市职工月平均工资"
    if average <= 0:
        return CheckResult("staff.pay", "staff", title, ART_13, Status.WARNING, "未设置平均工资",
                           "请在“设置 → 站点信息”中填写全市城镇单位在岗职工月平均工资，才能核对人力成本。")
    with st.read() as s:
        rows = s.execute(select(Staff.name, Staff.monthly_pay_fen).where(
            staff_in_post(today(st)), Staff.employment == FULL_TIME, Staff.post != INTERN)
            .order_by(Staff.monthly_pay_fen, Staff.id)).all()
    below = [(n, pay) for n, pay in rows if pay < average]
    return CheckResult(
        "staff.pay", "staff", title, ART_13, Status.FAILING if below else Status.OK,
        f"{len(below)} 人低于 {format_fen(average)}" if below else f"{len(rows)} 人均不低于 {format_fen(average)}",
        ("月薪低于全市平均工资：" + "、".join(f"{n}（{format_fen(p)}）" for n, p in below[:MAX_NAMES])
         + (f" 等 {len(below)} 人" if len(below) > MAX_NAMES else "") + "。"
         if below else "专职人员月薪均不低于全市城镇单位在岗职工月平均工资。"), tuple(n for n, _p in below))


@compliance_check("staff")
def supervisor_experience(st: Station) -> CheckResult:
    """督导具有 5 年以上社会工作服务经验"""
    years = int(settings.get(st, settings.SUPERVISOR_YEARS))
    title = f"督导具有 {years} 年以上社会工作服务经验"
    with st.read() as s:
        rows = s.execute(select(Staff.name, Staff.experience_years).where(
            staff_in_post(today(st)), Staff.post == SUPERVISOR).order_by(Staff.hire_date, Staff.id)).all()
    if not rows:
        return CheckResult("staff.supervisors", "staff", title, ART_30, Status.WARNING, "未登记督导",
                           "花名册中没有在岗督导。请登记区民政部门或承接机构安排的督导。")
    short = [(n, y) for n, y in rows if y < years]
    return CheckResult(
        "staff.supervisors", "staff", title, ART_30, Status.FAILING if short else Status.OK,
        f"{len(rows) - len(short)}/{len(rows)} 名督导符合",
        ("从业年限不足：" + "、".join(f"{n}（{y} 年）" for n, y in short) + "。") if short else
        f"督导 {_names([n for n, _y in rows])} 均有 {years} 年以上经验。", tuple(n for n, _y in short))


@compliance_check("staff")
def failed_assessments_reviewed(st: Station) -> CheckResult:
    """年度考核不合格人员已处理"""
    pending = pending_reviews(st, SYSTEM, today(st))
    return CheckResult(
        "staff.assessment_review", "staff", "年度考核不合格人员已处理", ART_34,
        Status.WARNING if pending else Status.OK, f"{len(pending)} 人待处理" if pending else "无待处理",
        ("年度考核不合格、尚未登记处理结果（续聘或解聘）："
         + "、".join(f"{a.staff_name}（{a.year} 年度）" for a in pending) + "。") if pending else
        "没有待处理的年度考核不合格人员。", tuple(dict.fromkeys(a.staff_name for a in pending)))


def _listed(label: str, items: Sequence[str]) -> str:
    return f"{label}：{'、'.join(items)}。" if items else ""


@compliance_check("training")
def prejob_training(st: Station) -> CheckResult:
    """新入职社工按期参加岗前培训"""
    on = today(st)
    within = int(settings.get(st, settings.PREJOB_DAYS))
    status = prejob_status(st, SYSTEM, on)
    overdue = [p for p in status if p.overdue(on)]
    late = [p for p in status if p.late]
    pending = [p for p in status if p.done_on is None and not p.overdue(on)]
    detail = (_listed(f"入职超过 {within} 天仍未参加岗前培训",
                      [f"{p.name}（{p.hire_date:%Y-%m-%d} 入职）" for p in overdue])
              + _listed("岗前培训晚于期限", [f"{p.name}（{p.done_on:%Y-%m-%d}）" for p in late])
              + _listed("尚在期限内、请安排岗前培训", [f"{p.name}（{p.due:%m月%d日}前）" for p in pending]))
    if overdue:
        verdict, figure = Status.FAILING, f"{len(overdue)} 人逾期未培训"
    elif pending or late:
        verdict = Status.WARNING
        figure = f"{len(pending)} 人待培训" if pending else f"{len(late)} 人逾期完成"
    else:
        verdict, figure = Status.OK, f"新入职社工 {len(status)} 人均已培训" if status else "近期无新入职社工"
    return CheckResult(
        "training.prejob", "training", "新入职社工按期参加岗前培训", ART_15, verdict, figure,
        detail or f"新入职驻站社工均在入职 {within} 天内参加了岗前培训。",
        tuple(p.name for p in overdue + late + pending))


def _behind_text(c: CeCycle, on: dt.date) -> str:
    pro_rata = "（按入职后天数折算）" if c.tracked_from > c.start else ""
    if (c.end - on).days < 365:
        return f"{c.name}（周期至 {c.end:%Y-%m-%d}，已 {c.earned}/{c.due} 学时{pro_rata}）"
    return f"{c.name}（已 {c.earned} 学时，按进度应约 {c.expected_by(on)}{pro_rata}，周期至 {c.end:%Y-%m-%d}）"


@compliance_check("training")
def continuing_education(st: Station) -> CheckResult:
    """持证社工继续教育学时"""
    on = today(st)
    cycles = ce_cycles(st, SYSTEM, on)
    short = [prev for _cur, prev in cycles if prev is not None and prev.shortfall > 0]
    behind = [cur for cur, prev in cycles if cur.behind(on) and not (prev is not None and prev.shortfall > 0)]
    detail = (_listed("上一登记周期学时不足",
                      [f"{c.name}（{c.start:%Y-%m-%d}至{c.end:%Y-%m-%d} 共 {c.earned}/{c.required} 学时）"
                       for c in short])
              + _listed("本周期学时不足", [_behind_text(c, on) for c in behind]))
    lacking = len(short) + len(behind)
    if lacking:
        figure = f"{lacking}/{len(cycles)} 人学时不足"
    else:
        figure = f"持证 {len(cycles)} 人学时达标" if cycles else "无持证人员"
    assistant = settings.get(st, settings.CE_HOURS_ASSISTANT)
    senior = settings.get(st, settings.CE_HOURS_SOCIAL_WORKER)
    return CheckResult(
        "training.continuing_education", "training", "持证社工继续教育学时", f"{ART_15}、社会工作者继续教育办法",
        Status.FAILING if short else Status.WARNING if behind else Status.OK, figure,
        detail or f"持证社工每 3 年登记周期的继续教育学时均达到要求或进度正常（助理社会工作师 {assistant} 学时，"
        f"社会工作师及以上 {senior} 学时）。", tuple(c.name for c in short + behind))


def staff_check_keys() -> tuple[str, ...]:
    """Keys of this module's checks, in dashboard order."""
    return ("staff.fulltime_count", "staff.qualified", "staff.intermediate", "staff.pay", "staff.supervisors",
            "staff.assessment_review", "training.prejob", "training.continuing_education")
