"""Demo projects and money: the "1+4+N" service projects, two purchase-of-service contracts of three
years with realistic budgets, evaluations, and a ledger of thousands of entries (salaries, social
insurance, supervision, training, transport, meals, volunteers, administration, taxes; quarterly funds)
with reversals, review by a second person, closed months and years, a few entries left unreviewed,
and the second contract close to its management-fee limit. ``--scale 10`` gives over 50 000 entries.

Entries are written in bulk (one INSERT per few thousand rows) with their review hash chain computed
here; the audit log gets one summary event and the chain's end, as a real review leaves.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from . import audit
from .contract_evaluations import EvaluationInput, record_evaluation
from .contracts import ContractInfo, ContractInput, add_contract, management_limit_fen, mgmt_fee_percent
from .db.base import Base
from .finance_categories import EXPENSE_CATEGORIES, EXPENSE_DIR, MANAGEMENT, category_of
from .ledger_chain import anchor, chain_key, hash_values
from .ledger_periods import YEAR, month_bounds
from .models import LedgerClose, LedgerEntry, Staff
from .projects import BASIC, CORE, FEATURED, ProjectInfo, ProjectInput, add_project
from .roles import SYSTEM
from .station import Station

if TYPE_CHECKING:
    from .demo import DemoContext

SMALL_PER_MONTH = {"交通费": 40, "误餐费": 38, "组织志愿者费用": 50, "行政管理费": 32}  # times --scale
MGMT_NEAR_LIMIT = 0.965  # the second contract has used this share of its management-fee limit
EVALUATOR = "武汉市江岸区社会工作评估中心"
CLERK_USERNAME, DEPUTY_USERNAME = "caiwu", "fuzhanzhang"

PROJECTS = (
    (CORE, "党建引领", "“红色引擎”党建引领社会工作服务",
     "以社区党组织为核心，组织党员志愿者参与困难群众帮扶和社区议事，全年开展党建联建活动 12 场。",
     "社区党员参与服务的渠道少；流动党员联系不紧密。", "街道党工委、社区党委、在职党员报到单位。",
     "党员志愿服务队；“党建+社工”联席会议；红色议事会。"),
    (BASIC, "社会救助", "“暖心帮”困难群众社会救助服务",
     "为低保、特困、低边家庭提供需求评估、政策链接和个案帮扶，入户探访覆盖率 100%。",
     "低保、特困家庭 126 户，其中独居 31 户；就业、就医和子女教育需求突出。",
     "街道民政办、社区网格员、慈善超市、爱心企业 5 家。",
     "入户探访与需求评估；临时救助转介；个案管理 40 例；“微心愿”认领。"),
    (BASIC, "儿童关爱保护", "“护苗成长”儿童关爱保护服务",
     "为困境儿童、留守儿童建立档案，开展课业辅导、安全教育和亲子活动。",
     "困境儿童 18 名、留守儿童 43 名；课后无人照看、心理支持不足。",
     "儿童主任、学校社工室、大学生志愿者、社区图书室。", "“四点半课堂”；暑期安全教育营；困境儿童个案跟进。"),
    (BASIC, "社区治理", "“邻里议事厅”社区治理服务",
     "培育社区社会组织，搭建居民议事平台，推动老旧小区公共事务协商解决。",
     "老旧小区停车、加装电梯等公共议题多；居民参与意识弱。", "社区居委会、物业公司、居民骨干、社区社会组织 12 个。",
     "居民议事会每月 1 次；社区社会组织孵化；楼栋长培训。"),
    (BASIC, "养老服务", "“银龄守护”居家养老服务",
     "为高龄、独居、失能老人提供探访关爱、健康讲座和居家安全评估。",
     "80 岁以上老人 640 名，其中独居 95 名；助餐、助医、精神慰藉需求大。",
     "社区卫生服务中心、老年大学、助餐点 3 个、邻里互助队。", "电话问安与探访；健康讲座；居家适老化评估；重阳节活动。"),
    (FEATURED, "五社联动", "“五社联动”社区慈善基金项目",
     "设立社区慈善基金，链接辖区企业和居民捐赠，资助社区微项目。", "社区微项目缺少资金来源。",
     "社区慈善基金、辖区企业 8 家、公益基金会。", "慈善募捐活动；微项目评审与资助；资金公开公示。"),
    (FEATURED, "心理健康", "“心灵港湾”社区心理健康服务",
     "为有需要的居民提供心理疏导、情绪支持小组和危机转介。", "失业、慢病家庭心理压力大；缺少可及的心理服务。",
     "区精神卫生中心、心理咨询师志愿者。", "心理支持小组；个案心理疏导；心理健康讲座。"),
)

EXPENSE_PARTIES = {
    "外聘督导补贴": ("华中师范大学社会学院", "武汉市社会工作督导人才库", "湖北省社会工作联合会"),
    "专业能力提升": ("湖北省社会工作联合会", "武汉市社会工作协会", "江岸区社会工作服务总站"),
    "交通费": ("滴滴出行", "武汉公交集团", "个人报销", "武汉地铁集团"),
    "误餐费": ("后湖社区长者食堂", "个人报销", "百步亭社区爱心餐厅"),
    "组织志愿者费用": ("中国人寿保险武汉分公司", "中百仓储后湖店", "武商超市", "个人报销"),
    "行政管理费": ("晨光文具后湖店", "江岸区图文快印店", "中国电信武汉分公司", "顺丰速运", "武汉东信会计师事务所"),
    "相关税费": ("国家税务总局武汉市江岸区税务局",),
}
SUMMARIES = {
    "交通费": ("入户探访交通费", "外出活动交通费", "陪同就医交通费", "送物资上门车费"),
    "误餐费": ("社区活动误餐补助", "入户探访误餐费", "大型活动工作餐"),
    "组织志愿者费用": ("志愿者饮用水及物资", "志愿者保险费", "志愿服务活动物资", "志愿者表彰纪念品"),
    "行政管理费": ("购买办公用品", "打印复印费", "办公电话及网络费", "快递费", "办公耗材"),
    "相关税费": ("缴纳增值税及附加", "缴纳印花税"),
    "外聘督导补贴": ("外聘督导补贴", "个案督导费", "专题督导补贴"),
    "专业能力提升": ("社工继续教育培训费", "专业能力提升培训费", "外出学习交流费"),
}


@dataclass
class _Ledger:
    st: Station
    rnd: random.Random
    today: dt.date
    scale: int
    key: bytes
    clerk_name: str
    deputy_name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    reverses: dict[int, dict[str, Any]] = field(default_factory=dict)  # row index -> the row it reverses

    def add(self, contract_id: int, day: dt.date, summary: str, sub: str, fen: int, party: str,
            method: str = "银行转账", project_id: int | None = None,
            reverses: dict[str, Any] | None = None) -> dict[str, Any]:
        """A row of the ledger; ids and voucher numbers are given once every row exists (``number``)."""
        found = category_of(sub)
        assert found is not None
        direction, category = found
        by_deputy = sub in ("薪资", "五险一金") and self.rnd.random() < 0.5
        row = dict(id=0, year=day.year, voucher_no=0, entry_date=day, summary=summary[:200], direction=direction,
                   category=category, sub_category=sub, amount_fen=-fen if reverses else fen, counterparty=party,
                   payment_method=method, contract_id=contract_id, project_id=project_id, reverses_id=None,
                   over_limit_reason="", notes="", entered_by=DEPUTY_USERNAME if by_deputy else CLERK_USERNAME,
                   entered_by_name=self.deputy_name if by_deputy else self.clerk_name,
                   entered_at=dt.datetime.combine(day, dt.time(16, self.rnd.randrange(60))),
                   reviewed_by=None, reviewed_by_name="", reviewed_at=None, chain_seq=None, prev_hash="",
                   chain_hash="")
        self.rows.append(row)
        if reverses is not None:
            self.reverses[len(self.rows) - 1] = reverses
        return row

    def number(self) -> None:
        """Ids in date order, voucher numbers 1, 2, 3 … per year in the same order, reversal links."""
        order = sorted(range(len(self.rows)), key=lambda i: (self.rows[i]["entry_date"], i))
        counters: dict[int, int] = {}
        for new_id, i in enumerate(order, start=1):
            row = self.rows[i]
            counters[row["year"]] = counters.get(row["year"], 0) + 1
            row["id"], row["voucher_no"] = new_id, counters[row["year"]]
        for i, original in self.reverses.items():
            self.rows[i]["reverses_id"] = original["id"]
            self.rows[i]["summary"] = f"冲销 {original['year']}-{original['voucher_no']:04d} 号凭证：金额录错"
        self.rows = [self.rows[i] for i in order]


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], dt.date(first.year, first.month, 1)
    while day <= last:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def _split(rnd: random.Random, total: int, parts: int, unit: int) -> list[int]:
    """``total`` fen in ``parts`` random positive amounts, each a multiple of ``unit`` fen (the last
    one takes the rounding)."""
    parts = max(1, min(parts, total // unit))
    weights = [rnd.uniform(0.4, 1.6) for _ in range(parts)]
    scale = total / sum(weights)
    amounts = [max(unit, int(w * scale) // unit * unit) for w in weights[:-1]]
    last = total - sum(amounts)
    if last <= 0:
        return [total]
    return [*amounts, last]


def _contracts(ctx: DemoContext) -> tuple[ContractInfo, ContractInfo]:
    year = ctx.today.year - 2
    first = add_contract(ctx.st, SYSTEM, ContractInput(
        f"JAMZ-GM-{year}-017", "后湖街道社会工作服务站运营项目", "武汉市江岸区民政局", dt.date(year, 1, 1),
        dt.date(year + 2, 12, 31), 180_000_000, {
            "薪资": 100_800_000, "五险一金": 25_200_000, "外聘督导补贴": 7_200_000, "专业能力提升": 6_000_000,
            "交通费": 7_200_000, "误餐费": 5_400_000, "组织志愿者费用": 12_000_000, "行政管理费": 11_400_000,
            "相关税费": 4_800_000},
        operator="武汉市江岸区同心社会工作服务中心", first_purchase=True, signed_on=dt.date(year - 1, 12, 20),
        notes="政府购买服务，公开招标；每年度期末开展第三方评估"))
    second = add_contract(ctx.st, SYSTEM, ContractInput(
        f"HHJD-GY-{year}-006", "“五社联动”困境儿童与长者关爱项目", "江岸区后湖街道办事处", dt.date(year, 7, 1),
        dt.date(year + 3, 6, 30), 60_000_000, {
            "薪资": 28_800_000, "五险一金": 7_200_000, "外聘督导补贴": 3_000_000, "专业能力提升": 1_800_000,
            "交通费": 3_000_000, "误餐费": 2_400_000, "组织志愿者费用": 7_800_000, "行政管理费": 4_200_000,
            "相关税费": 1_800_000},
        operator="武汉市江岸区同心社会工作服务中心", signed_on=dt.date(year, 6, 18),
        notes="街道公益创投项目，慈善资金配套"))
    return first, second


def _projects(ctx: DemoContext, start: dt.date, end: dt.date) -> list[ProjectInfo]:
    with ctx.st.read() as s:
        leads = list(s.scalars(select(Staff.id).where(Staff.post.in_(("副站长", "驻站社工")),
                                                      Staff.leave_date.is_(None)).order_by(Staff.id)))
    made = []
    for i, (kind, area, name, goals, needs, resources, services) in enumerate(PROJECTS):
        begins = start if kind != FEATURED else start + dt.timedelta(days=180 * (i - 4))
        made.append(add_project(ctx.st, SYSTEM, ProjectInput(
            kind, name, begins, area, end, leads[i % len(leads)] if leads else None, goals, needs, resources,
            services)))
    return made


def _payroll(ctx: DemoContext) -> list[str]:
    with ctx.st.read() as s:
        return list(s.scalars(select(Staff.name).where(Staff.post.in_(("副站长", "驻站社工")),
                                                       Staff.employment == "专职").order_by(Staff.id)))


@dataclass(frozen=True)
class _Month:
    """Random booking days within one month, never after the last day the ledger reaches."""

    rnd: random.Random
    first: dt.date
    last: dt.date

    def day(self, lo: int = 1, hi: int = 28) -> dt.date:
        return min(self.first.replace(day=min(self.rnd.randint(lo, hi), self.last.day)), self.last)


def _book(led: _Ledger, contract: ContractInfo, projects: list[ProjectInfo], staff: list[str],
          mgmt_share: float) -> None:
    """Every month from the contract's start to today: funds each quarter, interest, and each budget
    line spent at its monthly pace (the management fee at ``mgmt_share`` of its limit when given)."""
    rnd = led.rnd
    last_day = min(led.today, contract.end_date)
    months = _month_starts(contract.start_date, last_day)
    total_months = len(_month_starts(contract.start_date, contract.end_date))
    budget = {b.sub_category: b.amount_fen for b in contract.budget}
    limit = management_limit_fen(contract.total_fen, mgmt_fee_percent(led.st))
    mgmt_budget = sum(budget[s] for s in EXPENSE_CATEGORIES[MANAGEMENT])
    activity = [p.id for p in projects]
    for n, start in enumerate(months):
        month = _Month(rnd, start, min(month_bounds(start.year, start.month)[1], last_day))
        if n % 3 == 0:  # 30 % on signing, the rest quarter by quarter
            quarters = max(total_months // 3 - 1, 1)
            grant = contract.total_fen * 3 // 10 if n == 0 else contract.total_fen * 7 // 10 // quarters
            led.add(contract.id, month.day(3, 10), f"收到{contract.funder}拨付第 {n // 3 + 1} 期项目经费", "财政拨款",
                    grant, contract.funder)
        if n % 3 == 2:
            led.add(contract.id, month.day(20, 21), "银行存款利息", "利息收入", rnd.randint(3_000, 30_000), "开户银行")
        for sub, fen in budget.items():
            if sub in EXPENSE_CATEGORIES[MANAGEMENT] and mgmt_share:
                target = int(limit * mgmt_share / len(months) * fen / mgmt_budget)
            else:
                target = int(fen / total_months * rnd.uniform(0.88, 1.0))
            _spend(led, contract, sub, target, month, staff, activity)


def _spend(led: _Ledger, contract: ContractInfo, sub: str, target: int, month: _Month, staff: list[str],
           activity: list[int]) -> None:
    rnd = led.rnd
    if target <= 0:
        return
    if sub == "薪资":
        people = staff[: max(2, len(staff) * contract.total_fen // 240_000_000)] or ["社工"]
        for who, fen in zip(people, _split(rnd, target, len(people), 100), strict=False):
            led.add(contract.id, month.day(8, 12), f"{month.first.month}月工资（{who}）", sub, fen, who)
    elif sub == "五险一金":
        led.add(contract.id, month.day(10, 15), "缴纳社会保险及住房公积金（单位部分）", sub, target,
                "武汉市社会保险中心")
    elif sub in SMALL_PER_MONTH:
        count = max(1, SMALL_PER_MONTH[sub] * led.scale * contract.total_fen // 180_000_000)
        for fen in _split(rnd, target, count, 100 if sub == "误餐费" else 10):
            project = rnd.choice(activity) if sub != "行政管理费" else None
            led.add(contract.id, month.day(), rnd.choice(SUMMARIES[sub]), sub, fen, rnd.choice(EXPENSE_PARTIES[sub]),
                    rnd.choice(("现金", "公务卡", "网上支付", "银行转账")), project)
    else:
        for fen in _split(rnd, target, 2 if sub == "外聘督导补贴" else 1, 100):
            led.add(contract.id, month.day(), rnd.choice(SUMMARIES[sub]), sub, fen, rnd.choice(EXPENSE_PARTIES[sub]))


def _reversals(led: _Ledger) -> int:
    """About one entry in a hundred was wrong: reversed a few days later, then booked again correctly."""
    rnd = led.rnd
    settled = led.today - dt.timedelta(days=10)  # corrections come a few days after the mistake
    originals = [r for r in led.rows
                 if r["direction"] == EXPENSE_DIR and r["category"] != MANAGEMENT and r["entry_date"] < settled]
    chosen = rnd.sample(originals, max(3, len(originals) // 100))
    for row in chosen:
        _first, last = month_bounds(row["year"], row["entry_date"].month)
        on = min(row["entry_date"] + dt.timedelta(days=rnd.randint(1, 6)), last, led.today)
        fen = row["amount_fen"]
        led.add(row["contract_id"], on, "冲销", row["sub_category"], fen, row["counterparty"], row["payment_method"],
                row["project_id"], reverses=row)
        correct = max(10, fen + rnd.choice((-1, 1)) * rnd.randint(1, 9) * 100)
        led.add(row["contract_id"], on, f"{row['summary']}（更正）", row["sub_category"], correct, row["counterparty"],
                row["payment_method"], row["project_id"])
    return len(chosen)


def _first_open_month(today: dt.date) -> dt.date:
    """The books stay open for this month and the two before it."""
    back = dt.date(today.year, today.month, 1) - dt.timedelta(days=35)
    return dt.date(back.year, back.month, 1)


def _review_and_close(led: _Ledger) -> tuple[int, int]:
    """Review everything but the last few weeks (and a handful left behind), in voucher order; close
    the months before the last three and every year whose months are all closed."""
    rnd, today = led.rnd, led.today
    first_open = _first_open_month(today)
    recent = today - dt.timedelta(days=20)
    stale = today - dt.timedelta(days=31)
    open_rows = [r for r in led.rows if first_open <= r["entry_date"] < stale]
    left_behind = {id(r) for r in rnd.sample(open_rows, min(5, len(open_rows)))}
    seq, prev = 0, ""
    for row in led.rows:
        if row["entry_date"] >= recent or id(row) in left_behind:
            continue
        seq += 1
        row.update(reviewed_by=DEPUTY_USERNAME if row["entered_by"] == CLERK_USERNAME else CLERK_USERNAME,
                   reviewed_by_name=led.deputy_name if row["entered_by"] == CLERK_USERNAME else led.clerk_name,
                   reviewed_at=row["entered_at"] + dt.timedelta(days=rnd.randint(1, 5)), chain_seq=seq,
                   prev_hash=prev)
        row["reviewed_at"] = min(row["reviewed_at"], dt.datetime.combine(today, dt.time(9)))
        row["chain_hash"] = prev = hash_values(led.key, prev, row, [])
    return seq, len(led.rows) - seq


def _closings(ctx: DemoContext, clerk: str, first_year: int) -> int:
    today = ctx.today
    open_from = _first_open_month(today)
    rows = []
    for year in range(first_year, today.year + 1):
        closed = 0
        for month in range(1, 13):
            if dt.date(year, month, 1) >= open_from:
                break
            _first, last = month_bounds(year, month)
            rows.append(LedgerClose(year=year, month=month, closed_by=DEPUTY_USERNAME, closed_by_name=clerk,
                                    closed_at=dt.datetime.combine(last + dt.timedelta(days=5), dt.time(17)), note=""))
            closed += 1
        if closed == 12:
            rows.append(LedgerClose(year=year, month=YEAR, closed_by=DEPUTY_USERNAME, closed_by_name=clerk,
                                    closed_at=dt.datetime(year + 1, 1, 20, 17), note="年度决算完成"))
    with ctx.st.begin(SYSTEM) as s:
        s.add_all(rows)
    return len(rows)


def _evaluations(ctx: DemoContext, first: ContractInfo, second: ContractInfo) -> None:
    today = ctx.today
    plan = [(first, 1, "中期", first.start_date + dt.timedelta(days=190), "良好", 86),
            (first, 1, "末期", dt.date(first.start_date.year, 12, 20), "优秀", 92),
            (first, 2, "末期", dt.date(first.start_date.year + 1, 12, 18), "良好", 88),
            (second, 1, "末期", second.start_date + dt.timedelta(days=372), "良好", 85),
            (second, 2, "末期", second.start_date + dt.timedelta(days=737), "良好", 87)]
    notes = {"优秀": "服务指标全部完成，居民满意度 96%，财务管理规范",
             "良好": "服务成效明显；服务记录和台账需进一步规范"}
    for contract, n, kind, on, grade, score in plan:
        if on < today:
            record_evaluation(ctx.st, SYSTEM, contract.id, EvaluationInput(n, kind, on, EVALUATOR, grade, score,
                                                                          notes[grade]))


def fill_finance(ctx: DemoContext) -> None:
    """The demo's extension point (``demo.AREAS``)."""
    st = ctx.st
    clerk = ctx.user_names.setdefault("caiwu", ctx.people.person(*ctx.birth_range(28, 45), gender="女").name)
    deputy = ctx.deputy.name
    first, second = _contracts(ctx)
    projects = _projects(ctx, first.start_date, first.end_date)
    led = _Ledger(st, ctx.rnd, ctx.today, ctx.scale, chain_key(st), clerk, deputy)
    staff = _payroll(ctx)
    _book(led, first, projects, staff, 0.0)
    _book(led, second, projects, staff[::-1], MGMT_NEAR_LIMIT)
    reversals = _reversals(led)
    led.number()
    reviewed, pending = _review_and_close(led)
    with st.begin(SYSTEM) as s:
        table = Base.metadata.tables[LedgerEntry.__tablename__]
        for start in range(0, len(led.rows), 5000):
            # Core INSERT of plain rows: the ORM's bulk path would build 50 000 objects for nothing.
            s.connection().execute(insert(table), led.rows[start:start + 5000])
        audit.record_event(s, "import", f"演示数据：账目 {len(led.rows)} 笔（已审核 {reviewed} 笔）",
                           table="ledger_entry")
        last = max((r for r in led.rows if r["chain_seq"]), key=lambda r: r["chain_seq"], default=None)
        if last is not None:
            anchor(s, last["id"], last["chain_seq"], last["chain_hash"])
    closings = _closings(ctx, deputy, first.start_date.year)
    _evaluations(ctx, first, second)
    ctx.counts.update(projects=len(projects), contracts=2, ledger_entries=len(led.rows), reversals=reversals,
                      unreviewed=pending, closings=closings)
