"""The project finance ledger (Art. 23): entries with automatic voucher numbers, review by a second
person, reversing entries, voucher scans.

- Voucher numbers run 1, 2, 3 … within each year with no gaps: an entry keeps its number for life, and
  only the year's last entry may be deleted, before review.
- Review (财务审核) is done by a user other than the one who entered the entry; a reviewed entry is
  never edited or deleted. A correction is a reversing entry (红字冲销: the negative amount) pointing
  at the original, followed by a new entry if needed.
- Spending that would bring a contract's actual 承接方运营管理费 past its limit (Art. 26) is refused
  with the figures until a reason is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .attachments import attachment_store
from .contracts import management_limit_fen, mgmt_fee_percent, share_text
from .errors import NotFound, Problem, ValidationError
from .finance_amounts import format_fen
from .finance_categories import (
    ART_23,
    ART_26,
    DIRECTION_LABELS,
    DIRECTIONS,
    EXPENSE_DIR,
    MANAGEMENT,
    PAYMENT_METHODS,
    categories_of,
    category_of,
)
from .ledger_chain import chain_key, link, voucher_label
from .ledger_periods import closed_problem, is_closed
from .models import Contract, LedgerAttachment, LedgerEntry, Project
from .roles import Actor, Permission, require
from .station import Station

UNREVIEWED, REVIEWED, REVERSED, REVERSAL = "未审核", "已审核", "已冲销", "冲销凭证"
STATUSES = (UNREVIEWED, REVIEWED, REVERSED, REVERSAL)
LABELS = {"entry_date": "日期", "summary": "摘要", "direction": "收支", "category": "科目类别",
          "sub_category": "明细科目", "amount_fen": "金额", "counterparty": "往来单位", "payment_method": "结算方式",
          "contract_id": "合同", "project_id": "服务项目", "notes": "备注", "over_limit_reason": "超限说明"}


class ManagementFeeOverLimit(ValidationError):
    """The entry would bring actual management fees past the limit: it needs a reason to go ahead."""

    def __init__(self, problem: Problem, *, spent_fen: int, limit_fen: int, after_fen: int) -> None:
        super().__init__(problem)
        self.spent_fen, self.limit_fen, self.after_fen = spent_fen, limit_fen, after_fen


@dataclass(frozen=True)
class EntryInput:
    entry_date: dt.date
    summary: str
    direction: str  # income / expense
    sub_category: str
    amount_fen: int  # positive
    contract_id: int
    counterparty: str = ""
    payment_method: str = "银行转账"
    project_id: int | None = None
    notes: str = ""
    over_limit_reason: str = ""
    category: str = ""  # derived from the sub-category when empty


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    entry_id: int
    file_name: str
    sha256: str
    size_bytes: int
    format: str
    pages: int | None
    added_at: dt.datetime


@dataclass(frozen=True)
class EntryInfo:
    id: int
    year: int
    voucher_no: int
    entry_date: dt.date
    summary: str
    direction: str
    category: str
    sub_category: str
    amount_fen: int  # negative for a reversing entry
    counterparty: str
    payment_method: str
    contract_id: int
    contract_no: str
    project_id: int | None
    project_name: str
    reverses_id: int | None
    reverses_voucher: str
    reversed_by_id: int | None
    reversed_by_voucher: str
    over_limit_reason: str
    notes: str
    entered_by: str
    entered_by_name: str
    entered_at: dt.datetime
    reviewed_by: str | None
    reviewed_by_name: str
    reviewed_at: dt.datetime | None
    period_closed: bool
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def voucher(self) -> str:
        return voucher_label(self.year, self.voucher_no)

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None

    @property
    def status(self) -> str:
        if self.reverses_id is not None:
            return REVERSAL
        if self.reversed_by_id is not None:
            return REVERSED
        return REVIEWED if self.reviewed else UNREVIEWED

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS.get(self.direction, self.direction)

    @property
    def editable(self) -> bool:
        return not self.reviewed and not self.period_closed and self.reverses_id is None

    def as_input(self) -> EntryInput:
        return EntryInput(self.entry_date, self.summary, self.direction, self.sub_category, self.amount_fen,
                          self.contract_id, self.counterparty, self.payment_method, self.project_id, self.notes,
                          self.over_limit_reason, self.category)


# --- validation -----------------------------------------------------------------------------------------

def normalised(data: EntryInput) -> EntryInput:
    found = category_of(data.sub_category.strip())
    category = data.category.strip() or (found[1] if found else "")
    return replace(data, summary=data.summary.strip(), direction=data.direction.strip(),
                   sub_category=data.sub_category.strip(), category=category, counterparty=data.counterparty.strip(),
                   payment_method=data.payment_method.strip(), notes=data.notes.strip(),
                   over_limit_reason=data.over_limit_reason.strip())


def entry_problems(data: EntryInput, *, today: dt.date, row: int | None = None) -> list[Problem]:
    """What is wrong with the values themselves (no database); ``data`` must be ``normalised``."""
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason, row))

    if not data.summary:
        bad("summary", "不能为空")
    elif len(data.summary) > 200:
        bad("summary", "不能超过 200 个字")
    if data.direction not in DIRECTIONS:
        bad("direction", "只能是收入或支出")
    else:
        accounts = categories_of(data.direction)
        if data.category not in accounts:
            bad("category", f"「{data.category or data.sub_category}」不是{DIRECTION_LABELS[data.direction]}科目"
                            f"（可选：{'、'.join(accounts)}）")
        elif data.sub_category not in accounts[data.category]:
            bad("sub_category", f"「{data.sub_category}」不是「{data.category}」的明细科目"
                                f"（可选：{'、'.join(accounts[data.category])}）")
    if data.amount_fen <= 0:
        bad("amount_fen", "必须大于零")
    if data.entry_date > today:
        bad("entry_date", "不能晚于今天")
    if data.payment_method not in PAYMENT_METHODS:
        bad("payment_method", f"只能是{'、'.join(PAYMENT_METHODS)}之一")
    if len(data.counterparty) > 100:
        bad("counterparty", "不能超过 100 个字")
    return problems


def management_spent(s: Session, contract_id: int, *, excluding: int | None = None) -> int:
    """Net 承接方运营管理费 booked on the contract so far (every entry, reviewed or not, reversals netted)."""
    stmt = select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(
        LedgerEntry.contract_id == contract_id, LedgerEntry.direction == EXPENSE_DIR,
        LedgerEntry.category == MANAGEMENT)
    if excluding is not None:
        stmt = stmt.where(LedgerEntry.id != excluding)
    return int(s.scalar(stmt) or 0)


def _management_check(st: Station, s: Session, contract: Contract, data: EntryInput, excluding: int | None,
                      row: int | None = None) -> ManagementFeeOverLimit | None:
    if data.direction != EXPENSE_DIR or data.category != MANAGEMENT:
        return None
    limit = management_limit_fen(contract.total_fen, mgmt_fee_percent(st))
    spent = management_spent(s, contract.id, excluding=excluding)
    after = spent + data.amount_fen
    if after <= limit or data.over_limit_reason:
        return None
    problem = Problem(LABELS["over_limit_reason"], (
        f"合同「{contract.contract_no}」已列支承接方运营管理费 {format_fen(spent)}，"
        f"加上这笔 {format_fen(data.amount_fen)} 后为 {format_fen(after)}，"
        f"占项目总经费 {format_fen(contract.total_fen)} 的 {share_text(after, contract.total_fen)}，"
        f"超过{ART_26}的上限 {format_fen(limit)}；如确需支出，请填写超限说明"), row)
    return ManagementFeeOverLimit(problem, spent_fen=spent, limit_fen=limit, after_fen=after)


def check_entry(st: Station, s: Session, data: EntryInput, entry_id: int | None = None,
                row: int | None = None) -> list[Problem]:
    """Every problem with a ``normalised`` entry against the database; raises ManagementFeeOverLimit
    alone when that is the only thing standing in the way."""
    problems = entry_problems(data, today=st.clock.now().date(), row=row)
    contract = s.get(Contract, data.contract_id)
    if contract is None:
        problems.append(Problem(LABELS["contract_id"], "没有这个购买服务合同", row))
    elif not contract.start_date <= data.entry_date <= contract.end_date:
        problems.append(Problem(LABELS["entry_date"], f"不在合同「{contract.contract_no}」的期限内"
                                f"（{contract.start_date:%Y-%m-%d} 至 {contract.end_date:%Y-%m-%d}）", row))
    if data.project_id is not None and s.get(Project, data.project_id) is None:
        problems.append(Problem(LABELS["project_id"], "没有这个服务项目", row))
    closed = closed_problem(s, data.entry_date, LABELS["entry_date"], row)
    if closed is not None:
        problems.append(closed)
    if not problems and contract is not None:
        over = _management_check(st, s, contract, data, entry_id, row)
        if over is not None:
            raise over
    return problems


# --- reading ----------------------------------------------------------------------------------------------

def _attachments(s: Session, entry_id: int) -> tuple[AttachmentInfo, ...]:
    rows = s.scalars(select(LedgerAttachment).where(LedgerAttachment.entry_id == entry_id)
                     .order_by(LedgerAttachment.id))
    return tuple(AttachmentInfo(a.id, a.entry_id, a.file_name, a.sha256, a.size_bytes, a.format, a.pages, a.added_at)
                 for a in rows)


def _info(s: Session, row: LedgerEntry) -> EntryInfo:
    contract_no = s.scalar(select(Contract.contract_no).where(Contract.id == row.contract_id)) or ""
    project = s.scalar(select(Project.name).where(Project.id == row.project_id)) if row.project_id else ""
    original = s.get(LedgerEntry, row.reverses_id) if row.reverses_id else None
    reversal = s.execute(select(LedgerEntry.id, LedgerEntry.year, LedgerEntry.voucher_no)
                         .where(LedgerEntry.reverses_id == row.id)).first()
    return EntryInfo(
        row.id, row.year, row.voucher_no, row.entry_date, row.summary, row.direction, row.category, row.sub_category,
        row.amount_fen, row.counterparty, row.payment_method, row.contract_id, contract_no, row.project_id,
        project or "", row.reverses_id, voucher_label(original.year, original.voucher_no) if original else "",
        reversal[0] if reversal else None, voucher_label(reversal[1], reversal[2]) if reversal else "",
        row.over_limit_reason, row.notes, row.entered_by, row.entered_by_name, row.entered_at, row.reviewed_by,
        row.reviewed_by_name, row.reviewed_at, is_closed(s, row.entry_date), _attachments(s, row.id))


def _get(s: Session, entry_id: int) -> LedgerEntry:
    row = s.get(LedgerEntry, entry_id)
    if row is None:
        raise NotFound(f"没有编号为 {entry_id} 的账目。")
    return row


def get_entry(st: Station, actor: Actor, entry_id: int) -> EntryInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        return _info(s, _get(s, entry_id))


def find_voucher(st: Station, actor: Actor, year: int, voucher_no: int) -> EntryInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.scalars(select(LedgerEntry).where(LedgerEntry.year == year,
                                                  LedgerEntry.voucher_no == voucher_no)).first()
        if row is None:
            raise NotFound(f"没有 {voucher_label(year, voucher_no)} 号凭证。")
        return _info(s, row)


def list_entries(st: Station, actor: Actor, *, year: int | None = None, month: int | None = None,
                 contract_id: int | None = None, unreviewed_only: bool = False) -> list[EntryInfo]:
    """Entries in voucher order (for the CLI and small views; the GUI pages through ``EntrySource``)."""
    require(actor, Permission.VIEW)
    stmt = select(LedgerEntry).order_by(LedgerEntry.year, LedgerEntry.voucher_no)
    if year is not None:
        stmt = stmt.where(LedgerEntry.year == year)
        if month is not None:
            first = dt.date(year, month, 1)
            stmt = stmt.where(LedgerEntry.entry_date >= first,
                              LedgerEntry.entry_date < dt.date(year + month // 12, month % 12 + 1, 1))
    if contract_id is not None:
        stmt = stmt.where(LedgerEntry.contract_id == contract_id)
    if unreviewed_only:
        stmt = stmt.where(LedgerEntry.reviewed_at.is_(None))
    with st.read() as s:
        return [_info(s, r) for r in s.scalars(stmt)]


# --- writing ----------------------------------------------------------------------------------------------

def next_voucher_no(s: Session, year: int) -> int:
    return int(s.scalar(select(func.max(LedgerEntry.voucher_no)).where(LedgerEntry.year == year)) or 0) + 1


def new_row(s: Session, actor: Actor, data: EntryInput, now: dt.datetime,
            reverses_id: int | None = None) -> LedgerEntry:
    """A new entry with the next voucher number of its year (inside the caller's transaction)."""
    year = data.entry_date.year
    row = LedgerEntry(year=year, voucher_no=next_voucher_no(s, year), entered_by=actor.username,
                      entered_by_name=actor.display_name, entered_at=now, reverses_id=reverses_id,
                      reviewed_by_name="", prev_hash="", chain_hash="")
    _apply(row, data)
    s.add(row)
    s.flush()
    return row


def _apply(row: LedgerEntry, data: EntryInput) -> None:
    row.entry_date, row.summary, row.direction = data.entry_date, data.summary, data.direction
    row.category, row.sub_category, row.amount_fen = data.category, data.sub_category, data.amount_fen
    row.counterparty, row.payment_method, row.contract_id = data.counterparty, data.payment_method, data.contract_id
    row.project_id, row.notes, row.over_limit_reason = data.project_id, data.notes, data.over_limit_reason


def add_entry(st: Station, actor: Actor, data: EntryInput) -> EntryInfo:
    require(actor, Permission.EDIT_LEDGER)
    data = normalised(data)
    with st.begin(actor) as s:
        problems = check_entry(st, s, data)
        if problems:
            raise ValidationError(problems)
        row = new_row(s, actor, data, st.clock.now().replace(microsecond=0))
        return _info(s, row)


def _editable(s: Session, row: LedgerEntry, action: str) -> None:
    what = f"{voucher_label(row.year, row.voucher_no)} 号凭证"
    if row.reviewed_at is not None:
        raise ValidationError(Problem(action, f"{what}已经审核，不能{action}；更正请做红字冲销凭证"))
    closed = closed_problem(s, row.entry_date)
    if closed is not None:
        raise ValidationError(Problem(action, f"{what}：{closed.reason}"))


def update_entry(st: Station, actor: Actor, entry_id: int, data: EntryInput) -> EntryInfo:
    """Change an entry before review; it keeps its voucher number, so it stays in its year."""
    require(actor, Permission.EDIT_LEDGER)
    data = normalised(data)
    with st.begin(actor) as s:
        row = _get(s, entry_id)
        _editable(s, row, "修改")
        if row.reverses_id is not None:
            raise ValidationError(Problem("修改", "冲销凭证不能修改；如有误，请审核前删除后重做"))
        problems = check_entry(st, s, data, entry_id)
        if data.entry_date.year != row.year:
            problems.append(Problem(LABELS["entry_date"], f"凭证号按年编排，{voucher_label(row.year, row.voucher_no)} "
                                    f"只能在 {row.year} 年内改日期；如属另一年度，请删除后在该年重新录入"))
        if problems:
            raise ValidationError(problems)
        _apply(row, data)
        s.flush()
        return _info(s, row)


def delete_entry(st: Station, actor: Actor, entry_id: int) -> None:
    """Only the last voucher of its year, before review, so numbers never have gaps."""
    require(actor, Permission.EDIT_LEDGER)
    with st.begin(actor) as s:
        row = _get(s, entry_id)
        _editable(s, row, "删除")
        last = next_voucher_no(s, row.year) - 1
        if row.voucher_no != last:
            raise ValidationError(Problem("删除", (
                f"凭证号不能留空号：只能删除 {row.year} 年最后一张凭证（{voucher_label(row.year, last)}）；"
                f"{voucher_label(row.year, row.voucher_no)} 请在审核前修改为正确内容，或审核后做红字冲销")))
        for scan in s.scalars(select(LedgerAttachment).where(LedgerAttachment.entry_id == entry_id)):
            s.delete(scan)
        s.flush()
        s.delete(row)


def review_entries(st: Station, actor: Actor, entry_ids: list[int]) -> list[EntryInfo]:
    """财务审核: mark the entries reviewed, in voucher order, and chain them. The reviewer must not be
    the person who entered any of them; all or nothing."""
    require(actor, Permission.REVIEW_LEDGER)
    if not entry_ids:
        raise ValidationError(Problem("审核", "没有选择要审核的凭证"))
    key = chain_key(st)
    with st.begin(actor) as s:
        rows = sorted((_get(s, i) for i in set(entry_ids)), key=lambda r: (r.year, r.voucher_no))
        problems = []
        for row in rows:
            what = f"{voucher_label(row.year, row.voucher_no)} 号凭证"
            if row.reviewed_at is not None:
                problems.append(Problem("审核", f"{what}已由{row.reviewed_by_name}审核过"))
            elif row.entered_by == actor.username:
                problems.append(Problem("审核", f"{what}是您本人录入的；财务审核须由录入人以外的人员进行"
                                                f"（{ART_23}）"))
        if problems:
            raise ValidationError(problems)
        link(s, key, rows, actor.username, actor.display_name, st.clock.now().replace(microsecond=0))
        return [_info(s, r) for r in rows]


def reverse_entry(st: Station, actor: Actor, entry_id: int, on: dt.date, reason: str) -> EntryInfo:
    """红字冲销: a new entry on ``on`` with the negative amount, pointing at the reviewed original.
    It gets its own voucher number and is reviewed like any other entry."""
    require(actor, Permission.EDIT_LEDGER)
    reason = reason.strip()
    with st.begin(actor) as s:
        original = _get(s, entry_id)
        what = f"{voucher_label(original.year, original.voucher_no)} 号凭证"
        problems = []
        if not reason:
            problems.append(Problem("冲销原因", "必须说明原因"))
        if original.reviewed_at is None:
            problems.append(Problem("冲销", f"{what}尚未审核，直接修改即可，不必冲销"))
        if original.reverses_id is not None:
            problems.append(Problem("冲销", f"{what}本身是冲销凭证，不能再冲销"))
        done = s.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == original.id))
        if done is not None:
            problems.append(Problem("冲销", f"{what}已经冲销过"))
        if on < original.entry_date:
            problems.append(Problem("冲销日期", f"不能早于原凭证日期 {original.entry_date:%Y-%m-%d}"))
        if problems:
            raise ValidationError(problems)
        data = EntryInput(on, f"冲销 {what}：{reason}"[:200], original.direction, original.sub_category,
                          original.amount_fen, original.contract_id, original.counterparty, original.payment_method,
                          original.project_id, category=original.category)
        problems = [p for p in check_entry(st, s, data) if p.field != LABELS["amount_fen"]]
        if problems:
            raise ValidationError(problems)
        row = new_row(s, actor, replace(data, amount_fen=-original.amount_fen), st.clock.now().replace(microsecond=0),
                      reverses_id=original.id)
        return _info(s, row)


# --- voucher scans ----------------------------------------------------------------------------------------

def add_attachment(st: Station, actor: Actor, entry_id: int, source: Path) -> AttachmentInfo:
    """Keep a voucher scan (PDF or image) with an entry before it is reviewed."""
    require(actor, Permission.EDIT_LEDGER)
    with st.read() as s:
        _editable(s, _get(s, entry_id), "添加附件")
    stored = attachment_store(st).ingest(Path(source))
    with st.begin(actor) as s:
        row = _get(s, entry_id)
        _editable(s, row, "添加附件")
        same = s.scalar(select(LedgerAttachment.id).where(LedgerAttachment.entry_id == entry_id,
                                                          LedgerAttachment.sha256 == stored.sha256))
        if same is not None:
            raise ValidationError(Problem("附件", f"{stored.original_name} 已经添加过（内容相同）"))
        scan = LedgerAttachment(entry_id=entry_id, file_name=stored.original_name[:255], sha256=stored.sha256,
                                size_bytes=stored.size, format=stored.format, pages=stored.pages,
                                added_at=st.clock.now().replace(microsecond=0))
        s.add(scan)
        s.flush()
        return AttachmentInfo(scan.id, entry_id, scan.file_name, scan.sha256, scan.size_bytes, scan.format, scan.pages,
                              scan.added_at)


def remove_attachment(st: Station, actor: Actor, attachment_id: int) -> None:
    require(actor, Permission.EDIT_LEDGER)
    with st.begin(actor) as s:
        scan = s.get(LedgerAttachment, attachment_id)
        if scan is None:
            raise NotFound(f"没有编号为 {attachment_id} 的凭证附件。")
        _editable(s, _get(s, scan.entry_id), "删除附件")
        s.delete(scan)


def attachment_path(st: Station, actor: Actor, attachment_id: int) -> Path:
    """Where the stored scan is, after checking it is intact (for opening it)."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        scan = s.get(LedgerAttachment, attachment_id)
        if scan is None:
            raise NotFound(f"没有编号为 {attachment_id} 的凭证附件。")
        sha = scan.sha256
    return attachment_store(st).require_intact(sha)
