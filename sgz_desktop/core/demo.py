"""A believable demo station: a Wuhan subdistrict's social work station with its staff and users.

Each area adds its demo data with one function ``fill_<area>(ctx)`` appended to ``AREAS``; the
context carries the open station, a seeded random generator and a people factory, so the same seed
always gives the same station (only keys and the generated password differ).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from .clock import Clock, SystemClock
from .demo_archives import fill_archives
from .demo_finance import fill_finance
from .demo_staff import fill_staff_history
from .demo_volunteers import fill_volunteers
from .errors import Problem, ValidationError
from .models import Community, Staff
from .passwords import password_problem
from .paths import DataDir
from .progress import Progress, quiet
from .roles import SYSTEM, Role
from .secrets import FileSecretStore
from .setup import NewStation, init_station
from .station import Station
from .users import create_user
from .validation import make_id_number

DEMO_FILE = "demo.json"
DEFAULT_SEED = 20220907  # the day the Wuhan regulation came into force

# --- the station -------------------------------------------------------------------------------------

STATION_NAME = "江岸区后湖街道社会工作服务站"
CITY_AVG_WAGE_FEN = 1_008_600  # monthly, 武汉市城镇单位在岗职工平均工资 (demo figure)
COMMUNITIES = (
    "百步亭社区", "后湖社区", "塔子湖社区", "金桥社区", "幸福湾社区", "惠民苑社区", "安居苑社区", "丹水池社区",
    "育才社区", "新湖社区", "怡康苑社区", "花园社区", "兴业路社区", "东方恒星社区", "三金潭村",
)

# --- people -----------------------------------------------------------------------------------------

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁"
            "任沈姚卢熊万汪喻涂夏")
GIVEN_FEMALE = "丽娟敏静婷雪芳玲慧欣怡佳倩颖晶琳梅洁萍蓉悦楠瑶雯露琴燕"
GIVEN_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆晨峰"
GIVEN_ANY = "文思子嘉雨天宏志建晓海春永新一博诗梓俊家"
WUHAN_REGIONS = ("420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112", "420113",
                 "420114", "420115", "420116", "420117")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                   "155", "156", "157", "158", "159", "166", "177", "180", "185", "186", "187", "188", "189",
                   "198", "199")
UNIVERSITIES = ("华中师范大学", "武汉大学", "华中科技大学", "中南财经政法大学", "湖北大学", "江汉大学")


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    id_number: str
    phone: str


class People:
    """Unique Chinese names, valid Wuhan ID numbers and mobile numbers from one seeded generator."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self._names: set[str] = set()
        self._ids: set[str] = set()
        self._phones: set[str] = set()

    def person(self, birth_from: dt.date, birth_to: dt.date, gender: str | None = None) -> Person:
        rnd = self.rnd
        gender = gender or rnd.choice("男女")
        chars = (GIVEN_MALE if gender == "男" else GIVEN_FEMALE) + GIVEN_ANY
        name = ""
        while not name or name in self._names:
            given = "".join(rnd.choice(chars) for _ in range(rnd.choice((1, 2, 2, 2))))
            name = rnd.choice(SURNAMES) + given
            if len(self._names) > 5000:  # huge scales: allow repeated names, as real rosters have
                break
        self._names.add(name)
        id_number = ""
        while not id_number or id_number in self._ids:
            birth = birth_from + dt.timedelta(days=rnd.randrange(max((birth_to - birth_from).days, 1)))
            seq = rnd.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
            id_number = make_id_number(rnd.choice(WUHAN_REGIONS), birth, seq)
        self._ids.add(id_number)
        phone = ""
        while not phone or phone in self._phones:
            phone = rnd.choice(MOBILE_PREFIXES) + f"{rnd.randrange(10**8):08d}"
        self._phones.add(phone)
        return Person(name, gender, id_number, phone)


# --- the context every area's demo function receives ---------------------------------------------------

@dataclass
class DemoContext:
    st: Station
    rnd: random.Random
    people: People
    today: dt.date
    years: int
    scale: int
    deputy: Person  # 副站长, also the first administrator made at setup
    counts: dict[str, int] = field(default_factory=dict)
    # Names given to the demo's user accounts, chosen from the roster by the staff area.
    user_names: dict[str, str] = field(default_factory=dict)
    files_mb: int | None = None  # bytes of the demo archive's files; None: 60 MB, 110 MB more per scale

    @property
    def start(self) -> dt.date:
        return self.today - dt.timedelta(days=365 * self.years)

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rnd.randrange(max((last - first).days, 1)))

    def birth_range(self, min_age: int, max_age: int) -> tuple[dt.date, dt.date]:
        return (self.today - dt.timedelta(days=365 * max_age), self.today - dt.timedelta(days=365 * min_age))


@dataclass(frozen=True)
class DemoResult:
    data: DataDir
    password: str
    logins: dict[str, str]  # username → role label
    counts: dict[str, int]
    station_name: str = ""
    recovery_key: str = ""


# --- staff roster (Art. 12–14, 30) ----------------------------------------------------------------------

def _pay(ctx: DemoContext, low: float, high: float) -> int:
    return int(CITY_AVG_WAGE_FEN * ctx.rnd.uniform(low, high)) // 100 * 100  # whole yuan


def _cert(ctx: DemoContext, level: str, before: dt.date) -> tuple[str, str, dt.date | None]:
    if level == "无":
        return "无", "", None
    got = ctx.day_between(before - dt.timedelta(days=365 * 6), before)
    return level, f"ZS{got.year}{ctx.rnd.randrange(10**6):06d}", got


def _staff_row(ctx: DemoContext, post: str, employment: str, ages: tuple[int, int], hired: dt.date,
               person: Person | None = None, *, cert: tuple[str, str, dt.date | None], **values: object) -> Staff:
    p = person or ctx.people.person(*ctx.birth_range(*ages))
    cipher = ctx.st.require_unlocked()
    return Staff(name=p.name, gender=p.gender, id_number=p.id_number, phone=p.phone,
                 id_number_index=cipher.blind_index(p.id_number, "staff.id_number"), post=post,
                 employment=employment, hire_date=hired, cert_level=cert[0], cert_number=cert[1],
                 cert_date=cert[2], **values)


def fill_staff(ctx: DemoContext) -> None:
    rnd, start, today = ctx.rnd, ctx.start, ctx.today
    recent = today - dt.timedelta(days=14)
    with ctx.st.begin(SYSTEM) as s:
        communities = s.execute(select(Community.id, Community.name).order_by(Community.sort_order)).all()
        rows: list[Staff] = []
        head = _staff_row(ctx, "站长", "兼职", (42, 55), start, monthly_pay_fen=0, experience_years=0,
                          notes="街道分管民政工作的领导兼任", cert=_cert(ctx, "无", start))
        deputy = _staff_row(ctx, "副站长", "专职", (32, 45), start, ctx.deputy, sw_background=True,
                            social_insurance=True,
                            monthly_pay_fen=_pay(ctx, 1.25, 1.4), experience_years=rnd.randint(8, 12),
                            contract_end=start + dt.timedelta(days=365 * 3),
                            notes="承接机构负责人", cert=_cert(ctx, "社会工作师", start))
        rows += [head, deputy]
        workers = []
        for i in range(rnd.randint(3, 6) * ctx.scale):
            hired = start if i < 2 else ctx.day_between(start, recent)
            level = ("社会工作师", "助理社会工作师", "助理社会工作师", "无")[i % 4]
            workers.append(_staff_row(
                ctx, "驻站社工", "专职", (23, 40), hired, sw_background=level == "无" or rnd.random() < 0.6,
                social_insurance=True, monthly_pay_fen=_pay(ctx, 1.0, 1.2), experience_years=rnd.randint(1, 8),
                contract_end=hired + dt.timedelta(days=365 * rnd.randint(1, 3)), cert=_cert(ctx, level, hired)))
        rows += workers
        # One who left: the roster keeps people with history.
        left_on = ctx.day_between(start + dt.timedelta(days=60), recent)
        rows.append(_staff_row(ctx, "驻站社工", "专职", (24, 35), start, sw_background=True, social_insurance=True,
                               monthly_pay_fen=_pay(ctx, 1.0, 1.1), experience_years=2, leave_date=left_on,
                               leave_reason="合同期满离职", cert=_cert(ctx, "助理社会工作师", start)))
        for cid, cname in communities:
            for _ in range(ctx.scale):
                rows.append(_staff_row(ctx, "社区联络员", "兼职", (28, 55), ctx.day_between(start, recent),
                                       community_id=cid, monthly_pay_fen=30_000, experience_years=rnd.randint(0, 5),
                                       notes=f"{cname}工作人员", cert=_cert(ctx, rnd.choice(("无", "助理社会工作师")),
                                                                       start)))
        for _ in range(rnd.randint(1, 2) * ctx.scale):
            rows.append(_staff_row(ctx, "督导", "兼职", (38, 58), ctx.day_between(start, recent), sw_background=True,
                                   monthly_pay_fen=80_000, experience_years=rnd.randint(6, 15),
                                   cert=_cert(ctx, rnd.choice(("社会工作师", "高级社会工作师")), start)))
        for _ in range(rnd.randint(1, 2) * ctx.scale):
            hired = ctx.day_between(today - dt.timedelta(days=120), recent)
            rows.append(_staff_row(ctx, "实习生", "兼职", (20, 23), hired, sw_background=True, monthly_pay_fen=150_000,
                                   contract_end=hired + dt.timedelta(days=180),
                                   notes=f"{rnd.choice(UNIVERSITIES)}社会工作专业实习", cert=_cert(ctx, "无", hired)))
        s.add_all(rows)
    ctx.counts["staff"] = len(rows)
    ctx.counts["communities"] = len(communities)
    ctx.user_names.update(zhanzhang=head.name, fuzhanzhang=deputy.name, dangan=workers[0].name,
                          shegong=workers[1].name)


# --- user accounts, one per role -----------------------------------------------------------------------

DEMO_USERS = (("zhanzhang", Role.HEAD), ("fuzhanzhang", Role.DEPUTY), ("dangan", Role.ARCHIVIST),
              ("shegong", Role.SOCIAL_WORKER), ("caiwu", Role.FINANCE))


def fill_users(ctx: DemoContext, password: str) -> None:
    clerk = ctx.people.person(*ctx.birth_range(26, 45), gender="女").name
    names = {**ctx.user_names, "caiwu": ctx.user_names.get("caiwu", clerk)}
    for username, role in DEMO_USERS:
        if role is Role.DEPUTY:
            continue  # the first administrator, made by init_station
        create_user(ctx.st, SYSTEM, username=username, display_name=names.get(username, username), role=role,
                    password=password, must_change_password=False)
    ctx.counts["users"] = len(DEMO_USERS)


# Later areas append ("area", fill_area) here; each runs in order after the roster and the users.
AREAS: list[tuple[str, Callable[[DemoContext], None]]] = [("staff", fill_staff),
                                                           ("staff_history", fill_staff_history),
                                                           ("finance", fill_finance),
                                                           ("volunteers", fill_volunteers),
                                                           ("archives", fill_archives)]


# --- making the demo ----------------------------------------------------------------------------------

def generate_password() -> str:
    alphabet = string.ascii_lowercase + string.digits
    while True:
        tail = "".join(secrets.choice(alphabet) for _ in range(6))
        candidate = f"demo-{tail}"
        if any(c.isdigit() for c in tail) and password_problem(candidate) is None:
            return candidate


def make_demo(data: DataDir, *, password: str | None = None, years: int = 3, scale: int = 1,
              clock: Clock | None = None, progress: Progress | None = None,
              seed: int = DEFAULT_SEED, files_mb: int | None = None) -> DemoResult:
    """Create the demo station in an empty data folder; remove everything again if it fails."""
    progress = progress or quiet()
    if data.exists():
        raise ValidationError(Problem("数据目录", f"{data.root} 中已经有社工站数据库，演示站点不会覆盖它"))
    if password is not None and password_problem(password):
        raise ValidationError(Problem("演示密码", password_problem(password) or ""))
    if not 1 <= years <= 10:
        raise ValidationError(Problem("年数", "应在 1 到 10 之间"))
    if not 1 <= scale <= 1000:
        raise ValidationError(Problem("倍数", "应在 1 到 1000 之间"))
    if files_mb is not None and not 0 <= files_mb <= 1_000_000:
        raise ValidationError(Problem("档案文件大小", "应在 0 到 1000000 MB 之间"))
    password = password or generate_password()
    clock = clock or SystemClock()
    rnd = random.Random(seed)
    people = People(rnd)
    total = len(AREAS) + 2
    progress.report(0, total, "正在建立演示站点…")
    today = clock.now().date()
    deputy = people.person(today - dt.timedelta(days=365 * 45), today - dt.timedelta(days=365 * 32))
    new = NewStation(
        name=STATION_NAME, subdistrict="后湖街道", district="江岸区", district_type="中心城区", fonds_code="Z1029",
        operator_org="武汉市江岸区同心社会工作服务中心", contact_phone="027-82876315",
        address="武汉市江岸区后湖大道 188 号后湖街道党群服务中心三楼", responsible_person=deputy.name,
        city_avg_wage_fen=CITY_AVG_WAGE_FEN, admin_username="fuzhanzhang", admin_display_name=deputy.name,
        admin_password=password, communities=tuple(rnd.sample(COMMUNITIES, rnd.randint(8, len(COMMUNITIES)))))
    ctx: DemoContext
    try:
        st, recovery_key = init_station(data, new, secret_store=FileSecretStore(data.secret_file), clock=clock)
        try:
            ctx = DemoContext(st, rnd, people, today, years, scale, deputy, files_mb=files_mb)
            for done, (label, fill) in enumerate(AREAS, start=1):
                progress.report(done, total, f"正在生成演示数据：{AREA_LABELS.get(label, label)}…")
                fill(ctx)
            progress.report(total - 1, total, "正在创建用户账号…")
            fill_users(ctx, password)
        finally:
            st.close()
        logins = {username: role.label for username, role in DEMO_USERS}
        _write_demo_file(data, password, logins, seed, years, scale, clock)
    except BaseException:
        _remove_partial(data)
        raise
    progress.report(total, total, "演示站点已建好")
    return DemoResult(data=data, password=password, logins=logins, counts=dict(ctx.counts),
                      station_name=STATION_NAME, recovery_key=recovery_key)


AREA_LABELS = {"staff": "人员花名册", "staff_history": "培训、考核与实习", "finance": "服务项目与财务账目",
               "volunteers": "志愿者、服务时长与积分", "archives": "档案及其扫描件"}


def _write_demo_file(data: DataDir, password: str, logins: dict[str, str], seed: int, years: int, scale: int,
                     clock: Clock) -> None:
    content = {"password": password, "logins": logins, "seed": seed, "years": years, "scale": scale,
               "created_at": clock.now().isoformat(),
               "note": "这是演示站点，数据均为虚构；密码写在此文件中仅为方便试用。"}
    tmp = data.root / (DEMO_FILE + ".tmp")
    tmp.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(data.root / DEMO_FILE)


def _remove_partial(data: DataDir) -> None:
    db = data.database
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), data.secret_file,
                 data.root / DEMO_FILE):
        path.unlink(missing_ok=True)


def _read_demo_file(data: DataDir) -> dict[str, object] | None:
    path: Path = data.root / DEMO_FILE
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return content if isinstance(content, dict) else None


def demo_logins(data: DataDir) -> dict[str, str] | None:
    """username → role label when this data folder holds a demo station, else None."""
    content = _read_demo_file(data)
    logins = content.get("logins") if content else None
    return {str(k): str(v) for k, v in logins.items()} if isinstance(logins, dict) else None


def demo_password(data: DataDir) -> str | None:
    content = _read_demo_file(data)
    password = content.get("password") if content else None
    return password if isinstance(password, str) else None
