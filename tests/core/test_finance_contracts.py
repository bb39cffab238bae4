"""Purchase-of-service contracts: the Art. 26 budget rule with its figures, the Art. 33 period, and
evaluations with renewal eligibility."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from sgz_desktop.core import contract_evaluations as ev
from sgz_desktop.core import contracts, settings
from sgz_desktop.core.contract_evaluations import EvaluationInput
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from tests.core.finance_factory import BUDGET, CLERK, HEAD, contract_input, make_contract, make_entry


def test_contract_with_budget_at_the_limit(station: Station) -> None:
    made = make_contract(station, CLERK)
    assert made.management_budget_fen == 10_000_000 and made.total_fen == 100_000_000
    assert [b.sub_category for b in made.budget][:2] == ["薪资", "五险一金"]
    assert contracts.find_contract(station, CLERK, "JA-MZ-2025-018").id == made.id


def test_eleven_percent_management_fee_is_refused_with_figures(station: Station) -> None:
    budget = {**BUDGET, "行政管理费": 8_000_000, "薪资": 55_000_000}  # 11 % of the total
    with pytest.raises(ValidationError) as err:
        make_contract(station, CLERK, budget=budget)
    text = str(err.value)
    assert "承接方运营管理费" in text and "¥110,000.00" in text and "¥1,000,000.00" in text
    assert "11.00%" in text and "10%" in text and "最多 ¥100,000.00" in text and "第二十六条" in text
    assert contracts.list_contracts(station, CLERK) == []


def test_limit_follows_the_setting(station: Station, admin: Actor) -> None:
    settings.set_value(station, admin, settings.MGMT_FEE_SHARE.key, 8)
    with pytest.raises(ValidationError, match="8% 上限"):
        make_contract(station, CLERK)


def test_budget_must_add_up_and_use_known_accounts(station: Station) -> None:
    with pytest.raises(ValidationError) as err:
        make_contract(station, CLERK, budget={**BUDGET, "薪资": 55_999_999, "茶水费": 1})
    assert "茶水费" in str(err.value)
    with pytest.raises(ValidationError, match=re.escape("相差 -¥0.01")):
        make_contract(station, CLERK, budget={**BUDGET, "薪资": 55_999_999})


def test_period_at_most_three_years(station: Station) -> None:
    with pytest.raises(ValidationError, match="超过第三十三条规定的最长 3 年"):
        make_contract(station, CLERK, end_date=dt.date(2028, 1, 1))
    make_contract(station, CLERK, end_date=dt.date(2027, 12, 31))


def test_number_unique_and_period_keeps_entries(station: Station) -> None:
    made = make_contract(station, CLERK)
    with pytest.raises(ValidationError, match="已经登记过"):
        make_contract(station, CLERK)
    make_entry(station, CLERK, made.id, entry_date=dt.date(2026, 2, 10))
    with pytest.raises(ValidationError, match="合同期限必须包含这些日期"):
        contracts.update_contract(station, CLERK, made.id, replace(made.as_input(), end_date=dt.date(2026, 1, 31)))
    with pytest.raises(ValidationError, match="不能删除"):
        contracts.delete_contract(station, CLERK, made.id)
    adjusted = contracts.update_contract(station, CLERK, made.id, replace(
        made.as_input(), budget={**BUDGET, "薪资": 55_000_000, "交通费": 5_000_000}))
    assert adjusted.budget_of("服务质量保障经费") == 21_000_000


def test_read_only_head_cannot_add(station: Station) -> None:
    with pytest.raises(PermissionDenied):
        contracts.add_contract(station, HEAD, contract_input())


def _evaluate(st: Station, contract_id: int, year: int, kind: str, grade: str, on: dt.date) -> None:
    ev.record_evaluation(st, CLERK, contract_id, EvaluationInput(year, kind, on, "江岸区社会工作评估中心", grade, 85))


def test_renewal_eligibility(station: Station) -> None:
    # A one-year first purchase: mid-term and year-end evaluations, then renewal if both are 良好 or better.
    one_year = make_contract(station, CLERK, contract_no="A-1", start_date=dt.date(2025, 1, 1),
                             end_date=dt.date(2025, 12, 31))
    status = ev.renewal_status(station, CLERK, one_year.id)
    assert not status.eligible and status.missing == ("第 1 执行年度中期评估", "第 1 执行年度末期评估")
    _evaluate(station, one_year.id, 1, "中期", "良好", dt.date(2025, 7, 1))
    _evaluate(station, one_year.id, 1, "末期", "优秀", dt.date(2025, 12, 20))
    status = ev.renewal_status(station, CLERK, one_year.id)
    assert status.eligible and "可按政府采购规定申请续签" in status.text
    _evaluate(station, one_year.id, 1, "末期", "合格", dt.date(2025, 12, 20))  # corrected grade
    assert "未达到“均为良好”" in ev.renewal_status(station, CLERK, one_year.id).text
    _evaluate(station, one_year.id, 1, "末期", "不合格", dt.date(2025, 12, 20))
    status = ev.renewal_status(station, CLERK, one_year.id)
    assert status.ended and "合同终止" in status.text
    assert len(ev.list_evaluations(station, CLERK, one_year.id)) == 2


def test_three_year_contract_cannot_be_renewed(station: Station) -> None:
    full = make_contract(station, CLERK)
    assert "不能续签" in ev.renewal_status(station, CLERK, full.id).text
    with pytest.raises(ValidationError, match="中期评估只在首次购买项目的第一个执行年度"):
        _evaluate(station, full.id, 2, "中期", "良好", dt.date(2026, 1, 5))
    with pytest.raises(ValidationError, match="只有 3 个执行年度"):
        _evaluate(station, full.id, 4, "末期", "良好", dt.date(2026, 1, 5))
