"""The hash chain over reviewed ledger entries (Art. 23: 财务审核 records kept for the long term).

When an entry is reviewed it takes the next place in the chain (``chain_seq``) and its hash covers
its content, its voucher scans, who entered and reviewed it, and the hash before it. The hash is an
HMAC keyed by a key derived from the station secret, so someone who edits the database file cannot
forge a matching hash without the secret. Each review also leaves the chain's end in the append-only
audit log, so removing the last entries is noticed too. ``verify`` names every entry that disagrees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit
from .crypto import derive
from .finance_amounts import format_fen
from .models import AuditEntry, LedgerAttachment, LedgerEntry
from .station import Station

CHAIN_EVENT = "ledger_chain"
_ANCHOR = re.compile(r"第 (\d+) 条，末条哈希 ([0-9a-f]{64})")
HASHED_FIELDS = ("id", "year", "voucher_no", "entry_date", "summary", "direction", "category", "sub_category",
                 "amount_fen", "counterparty", "payment_method", "contract_id", "project_id", "reverses_id",
                 "over_limit_reason", "notes", "entered_by", "entered_at", "reviewed_by", "reviewed_at", "chain_seq")


def chain_key(st: Station) -> bytes:
    return derive(st.secret(), "sgz/ledger-chain/hmac/v1")


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def payload(values: Mapping[str, Any], scans: Iterable[str]) -> bytes:
    """The canonical bytes hashed for one entry: its hashed fields and the hashes of its scans."""
    content = {name: _plain(values[name]) for name in HASHED_FIELDS}
    content["scans"] = sorted(scans)
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def hash_values(key: bytes, prev_hash: str, values: Mapping[str, Any], scans: Iterable[str]) -> str:
    return hmac.new(key, prev_hash.encode("ascii") + b"\n" + payload(values, scans), hashlib.sha256).hexdigest()


def entry_hash(key: bytes, prev_hash: str, row: LedgerEntry, scans: Iterable[str]) -> str:
    return hash_values(key, prev_hash, {name: getattr(row, name) for name in HASHED_FIELDS}, scans)


def head(s: Session) -> tuple[int, str]:
    """(seq, hash) of the chain's last entry; (0, "") before the first review."""
    last = s.execute(select(LedgerEntry.chain_seq, LedgerEntry.chain_hash).where(LedgerEntry.chain_seq.is_not(None))
                     .order_by(LedgerEntry.chain_seq.desc()).limit(1)).first()
    return (int(last[0] or 0), str(last[1])) if last else (0, "")


def scans_of(s: Session, entry_ids: Iterable[int]) -> dict[int, list[str]]:
    ids = list(entry_ids)
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for entry_id, sha in s.execute(select(LedgerAttachment.entry_id, LedgerAttachment.sha256)
                                       .where(LedgerAttachment.entry_id.in_(chunk))):
            found[entry_id].append(sha)
    return found


def link(s: Session, key: bytes, rows: list[LedgerEntry], reviewer: str, reviewer_name: str,
         at: dt.datetime) -> None:
    """Mark the rows reviewed and append them to the chain, in the given order, in one UPDATE each (the
    database refuses any later change to a reviewed row); then leave the new end in the audit log."""
    with s.no_autoflush:
        seq, prev = head(s)
        scans = scans_of(s, [r.id for r in rows])
    for row in rows:
        seq += 1
        row.reviewed_by, row.reviewed_by_name, row.reviewed_at = reviewer, reviewer_name, at
        row.chain_seq = seq
        row.prev_hash = prev
        row.chain_hash = prev = entry_hash(key, prev, row, scans.get(row.id, []))
    if rows:
        s.flush()
        anchor(s, rows[-1].id, seq, prev)


def anchor(s: Session, entry_id: int, seq: int, chain_hash: str) -> None:
    audit.record_event(s, CHAIN_EVENT, f"账目审核链延伸至第 {seq} 条，末条哈希 {chain_hash}", table="ledger_entry",
                       record_id=str(entry_id))


def voucher_label(year: int, voucher_no: int) -> str:
    return f"{year}-{voucher_no:04d}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: tuple[str, ...]  # one Chinese sentence each, naming the voucher
    bad_entry_ids: tuple[int, ...]


def _describe(row: Any) -> str:
    return (f"凭证 {voucher_label(row.year, row.voucher_no)}（{row.entry_date:%Y-%m-%d}，{row.summary}，"
            f"{format_fen(row.amount_fen)}）")


def verify(st: Station, key: bytes) -> ChainReport:
    """Recompute the whole chain; every entry whose content, link or review state disagrees is named."""
    problems: list[str] = []
    bad: list[int] = []

    def flag(row: Any, reason: str) -> None:
        problems.append(f"{_describe(row)}{reason}")
        bad.append(row.id)

    checked, seq, prev = 0, 0, ""
    with st.read() as s:
        for row in s.scalars(select(LedgerEntry).where(LedgerEntry.chain_seq.is_(None),
                                                       LedgerEntry.reviewed_at.is_not(None))):
            flag(row, "标记为已审核，但不在审核链中，可能被直接改动过")
        scans = _all_scans(s)
        stmt = (select(LedgerEntry).where(LedgerEntry.chain_seq.is_not(None)).order_by(LedgerEntry.chain_seq)
                .execution_options(yield_per=2000))
        for row in s.scalars(stmt):
            checked += 1
            seq += 1
            if row.chain_seq != seq:
                problems.append(f"审核链第 {seq}–{(row.chain_seq or seq) - 1} 条缺失（已审核的账目可能被删除）")
                seq = row.chain_seq or seq
            if row.reviewed_at is None or not row.reviewed_by:
                flag(row, "在审核链中，但审核记录被清除，可能被直接改动过")
            elif row.prev_hash != prev:
                flag(row, "与前一条审核记录的链接不符，可能被直接改动过")
            elif not hmac.compare_digest(entry_hash(key, prev, row, scans.get(row.id, [])), row.chain_hash):
                flag(row, "的内容与审核时不符，可能被直接改动过")
            prev = row.chain_hash
        problems += _anchor_problems(s, seq, prev)
    return ChainReport(checked, tuple(problems), tuple(bad))


def _all_scans(s: Session) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for entry_id, sha in s.execute(select(LedgerAttachment.entry_id, LedgerAttachment.sha256)):
        found[entry_id].append(sha)
    return found


def _anchor_problems(s: Session, last_seq: int, last_hash: str) -> list[str]:
    summary = s.scalar(select(AuditEntry.summary).where(AuditEntry.action == CHAIN_EVENT)
                       .order_by(AuditEntry.id.desc()).limit(1))
    match = _ANCHOR.search(summary or "")
    if match is None:
        return [] if last_seq == 0 else ["操作日志中没有审核链的记录，无法确认审核链是否完整"]
    seq, expected = int(match[1]), match[2]
    if last_seq < seq:
        return [f"操作日志记录审核链已有 {seq} 条，数据库中只有 {last_seq} 条：已审核的账目被删除"]
    if last_seq == seq and last_hash != expected:
        return [f"审核链第 {seq} 条的哈希与操作日志中的记录不符"]
    if last_seq > seq:
        return [f"审核链有 {last_seq} 条，操作日志只记录到第 {seq} 条：有账目未经本程序审核"]
    return []
