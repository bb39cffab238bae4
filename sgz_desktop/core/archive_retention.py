"""Retention periods (保管期限) and when an item falls due for appraisal (鉴定).

Three periods as DA/T 22-2015 uses them: 永久 Y, 定期30年 D30, 定期10年 D10. Accounting records take
theirs from the 会计档案管理办法 (财政部 国家档案局令第79号, 2015), 附表1 (企业和其他组织): the period
counts from the first day after the end of the year the record belongs to.
"""

from __future__ import annotations

import datetime as dt

PERMANENT, THIRTY_YEARS, TEN_YEARS = "Y", "D30", "D10"
RETENTIONS = (PERMANENT, THIRTY_YEARS, TEN_YEARS)
RETENTION_LABELS = {PERMANENT: "永久", THIRTY_YEARS: "定期30年", TEN_YEARS: "定期10年"}
RETENTION_YEARS: dict[str, int | None] = {PERMANENT: None, THIRTY_YEARS: 30, TEN_YEARS: 10}

# 会计档案管理办法 附表1, in its order; the kinds an archive item of the 会计 category may be.
ACCOUNTING_KINDS: dict[str, str] = {
    "原始凭证": THIRTY_YEARS,
    "记账凭证": THIRTY_YEARS,
    "总账": THIRTY_YEARS,
    "明细账": THIRTY_YEARS,
    "日记账": THIRTY_YEARS,
    "其他辅助性账簿": THIRTY_YEARS,
    "月度、季度、半年度财务会计报告": TEN_YEARS,
    "年度财务会计报告": PERMANENT,
    "银行存款余额调节表": TEN_YEARS,
    "银行对账单": TEN_YEARS,
    "纳税申报表": TEN_YEARS,
    "会计档案移交清册": THIRTY_YEARS,
    "会计档案保管清册": PERMANENT,
    "会计档案销毁清册": PERMANENT,
    "会计档案鉴定意见书": PERMANENT,
}
LEDGER_ENTRY_KIND = "记账凭证"  # a ledger entry filed with its vouchers (原始凭证 attached)


def retention_label(code: str) -> str:
    return RETENTION_LABELS.get(code, code)


def retention_rank(code: str) -> int:
    """Longer periods rank higher: D10 < D30 < Y."""
    return {TEN_YEARS: 1, THIRTY_YEARS: 2, PERMANENT: 3}.get(code, 0)


def proposed_retention(record_kind: str) -> str | None:
    """The period the 会计档案管理办法 sets for an accounting record kind; None for other records."""
    return ACCOUNTING_KINDS.get(record_kind)


def accounting_problem(record_kind: str, retention: str) -> str | None:
    """Why this retention is too short for the kind of accounting record, in Chinese; None when fine."""
    minimum = proposed_retention(record_kind)
    if minimum is None or retention_rank(retention) >= retention_rank(minimum):
        return None
    return (f"《会计档案管理办法》规定{record_kind}保管期限为{retention_label(minimum)}，"
            f"不能定为{retention_label(retention)}")


def expires_after(year: int, retention: str) -> int | None:
    """The last year the item must be kept; None for permanent ones. A D10 item of 2014 is kept
    through 2024 (the count starts on 1 January 2015) and falls due for appraisal on 1 January 2025."""
    years = RETENTION_YEARS.get(retention)
    return None if years is None else year + years


def due_for_appraisal(year: int, retention: str, today: dt.date) -> bool:
    last = expires_after(year, retention)
    return last is not None and today.year > last
