"""Figures for the dashboard's charts. Plain values in, plain values out; no Qt."""

from __future__ import annotations

from sqlalchemy import func, select

from .checks import staff_in_post, today
from .models import Staff
from .station import Station

# Lowest to highest, so bars read left to right as the career ladder does.
CERT_LEVELS = ("无", "助理社会工作师", "社会工作师", "高级社会工作师")


def staff_by_certificate(st: Station) -> list[tuple[str, int]]:
    """Staff in post today per certificate level, every level listed (zero included), in ladder order."""
    with st.read() as s:
        rows = s.execute(select(Staff.cert_level, func.count()).where(staff_in_post(today(st)))
                         .group_by(Staff.cert_level)).all()
    counts = {str(level or "无"): int(n) for level, n in rows}
    ordered = [(level, counts.pop(level, 0)) for level in CERT_LEVELS]
    return ordered + sorted(counts.items())
