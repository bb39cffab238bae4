"""Third-party performance evaluations of a contract (Art. 33) and what they mean for renewal.

Each execution year ends with a year-end evaluation (末期); a first purchase also has a mid-term one
(中期) in its first year. A contract whose evaluations are all 良好 or better may apply for renewal; a
year-end 不合格, or three years completed, ends it and the purchase is made anew.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .contracts import ContractInfo, add_years, get_contract, get_row
from .errors import NotFound, Problem, ValidationError
from .finance_categories import ART_33
from .models import ContractEvaluation
from .roles import Actor, Permission, require
from .station import Station

MID, YEAR_END = "中期", "末期"
KINDS = (MID, YEAR_END)
GRADES = ("优秀", "良好", "合格", "不合格")
GOOD = frozenset({"优秀", "良好"})
FAILED = "不合格"


@dataclass(frozen=True)
class EvaluationInput:
    execution_year: int
    kind: str
    evaluated_on: dt.date
    evaluator: str
    grade: str
    score: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    contract_id: int
    execution_year: int
    kind: str
    evaluated_on: dt.date
    evaluator: str
    grade: str
    score: int | None
    notes: str

    @property
    def label(self) -> str:
        return f"第 {self.execution_year} 执行年度{self.kind}评估"


@dataclass(frozen=True)
class Renewal:
    """What Art. 33 says for the contract now."""

    eligible: bool  # may apply for renewal
    ended: bool  # terminated (year-end 不合格) or three years completed
    text: str
    missing: tuple[str, ...]  # evaluations due but not recorded


def execution_years(contract: ContractInfo) -> list[tuple[int, dt.date, dt.date]]:
    """(number, first day, last day) of each execution year of the contract."""
    years, start, n = [], contract.start_date, 1
    while start <= contract.end_date:
        end = min(add_years(contract.start_date, n) - dt.timedelta(days=1), contract.end_date)
        years.append((n, start, end))
        start, n = end + dt.timedelta(days=1), n + 1
    return years


def _info(row: ContractEvaluation) -> EvaluationInfo:
    return EvaluationInfo(row.id, row.contract_id, row.execution_year, row.kind, row.evaluated_on, row.evaluator,
                          row.grade, row.score, row.notes)


def _problems(contract: ContractInfo, data: EvaluationInput) -> list[Problem]:
    problems = []
    count = len(execution_years(contract))
    if not 1 <= data.execution_year <= count:
        problems.append(Problem("执行年度", f"该合同只有 {count} 个执行年度"))
    if data.kind not in KINDS:
        problems.append(Problem("评估类型", "只能是中期或末期"))
    if data.kind == MID and not (contract.first_purchase and data.execution_year == 1):
        problems.append(Problem("评估类型", f"中期评估只在首次购买项目的第一个执行年度开展（{ART_33}）"))
    if data.grade not in GRADES:
        problems.append(Problem("评估等级", f"只能是{'、'.join(GRADES)}之一"))
    if not data.evaluator.strip():
        problems.append(Problem("评估机构", "不能为空（第三方评估机构的名称）"))
    if data.score is not None and not 0 <= data.score <= 100:
        problems.append(Problem("评估得分", "应在 0 到 100 之间"))
    if data.evaluated_on < contract.start_date:
        problems.append(Problem("评估日期", "不能早于合同开始日期"))
    return problems


def record_evaluation(st: Station, actor: Actor, contract_id: int, data: EvaluationInput) -> EvaluationInfo:
    """Add, or correct, the evaluation of one execution year and kind."""
    require(actor, Permission.EDIT_PROJECTS)
    contract = get_contract(st, actor, contract_id)
    problems = _problems(contract, data)
    if data.evaluated_on > st.clock.now().date():
        problems.append(Problem("评估日期", "不能晚于今天"))
    if problems:
        raise ValidationError(problems)
    with st.begin(actor) as s:
        get_row(s, contract_id)
        row = s.scalars(select(ContractEvaluation).where(
            ContractEvaluation.contract_id == contract_id, ContractEvaluation.execution_year == data.execution_year,
            ContractEvaluation.kind == data.kind)).first()
        if row is None:
            row = ContractEvaluation(contract_id=contract_id, execution_year=data.execution_year, kind=data.kind)
            s.add(row)
        row.evaluated_on, row.evaluator, row.grade = data.evaluated_on, data.evaluator.strip(), data.grade
        row.score, row.notes = data.score, data.notes.strip()
        s.flush()
        return _info(row)


def delete_evaluation(st: Station, actor: Actor, evaluation_id: int) -> None:
    require(actor, Permission.EDIT_PROJECTS)
    with st.begin(actor) as s:
        row = s.get(ContractEvaluation, evaluation_id)
        if row is None:
            raise NotFound(f"没有编号为 {evaluation_id} 的评估记录。")
        s.delete(row)


def _list(s: Session, contract_id: int | None) -> list[EvaluationInfo]:
    stmt = select(ContractEvaluation).order_by(ContractEvaluation.contract_id, ContractEvaluation.execution_year,
                                               ContractEvaluation.kind)  # 中期 sorts before 末期
    if contract_id is not None:
        stmt = stmt.where(ContractEvaluation.contract_id == contract_id)
    return [_info(r) for r in s.scalars(stmt)]


def list_evaluations(st: Station, actor: Actor, contract_id: int | None = None) -> list[EvaluationInfo]:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _list(s, contract_id)


def renewal(contract: ContractInfo, evaluations: list[EvaluationInfo], today: dt.date) -> Renewal:
    """Art. 33 applied to the contract's evaluations as of ``today``."""
    done = {(e.execution_year, e.kind): e for e in evaluations}
    due = []
    for n, _first, last in execution_years(contract):
        if contract.first_purchase and n == 1 and today > _first + (last - _first) / 2:
            due.append((n, MID))
        if today > last:
            due.append((n, YEAR_END))
    missing = tuple(f"第 {n} 执行年度{kind}评估" for n, kind in due if (n, kind) not in done)
    failed = [e for e in evaluations if e.kind == YEAR_END and e.grade == FAILED]
    if failed:
        return Renewal(False, True, f"第 {failed[0].execution_year} 执行年度期末评估不合格：合同终止，"
                                    f"须重新履行购买程序（{ART_33}）", missing)
    if add_years(contract.start_date, 3) - dt.timedelta(days=1) <= contract.end_date:
        if today > contract.end_date:
            return Renewal(False, True, f"服务合同三年期满，合同终止，须重新履行购买程序（{ART_33}）", missing)
        return Renewal(False, False, f"合同期限已达最长 3 年，期满后须重新履行购买程序，不能续签（{ART_33}）", missing)
    if missing:
        return Renewal(False, False, f"尚缺{'、'.join(missing)}，暂不能判断能否续签", missing)
    if not evaluations:
        return Renewal(False, False, "尚无评估结果", missing)
    below = [e for e in evaluations if e.grade not in GOOD]
    if below:
        return Renewal(False, False, f"{below[0].label}为“{below[0].grade}”，未达到“均为良好”的续签条件（{ART_33}）",
                       missing)
    return Renewal(True, False, f"运行期间评估结果均为良好及以上，可按政府采购规定申请续签服务合同（{ART_33}）",
                   missing)


def renewal_status(st: Station, actor: Actor, contract_id: int) -> Renewal:
    contract = get_contract(st, actor, contract_id)
    return renewal(contract, list_evaluations(st, actor, contract_id), st.clock.now().date())
