"""Money and dates as Chinese office staff read and type them. Money is integer fen inside the app."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation


def fen_to_yuan_text(fen: int) -> str:
    """850000 → '8,500.00' (the ¥ sign is left to the label)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def yuan_text_to_fen(text: str) -> int | None:
    """'8500', '8,500.5', '¥8500' → fen; None when it is not an amount with at most two decimals."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").replace("元", "")
    if not cleaned:
        return 0
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    fen = amount * 100
    if fen != fen.to_integral_value() or not amount.is_finite():
        return None
    return int(fen)


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"
