"""Names of the volunteer area's tables and fields in the audit log (translated in volunteers_zh_CN.ts).

Registered into ``audit_page.TABLES`` / ``FIELDS`` without overriding labels another area already gave.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from . import audit_page

TABLES = {
    "volunteer": QT_TRANSLATE_NOOP("AuditPage", "Volunteers"),
    "volunteer_activity": QT_TRANSLATE_NOOP("AuditPage", "Volunteer activities"),
    "service_record": QT_TRANSLATE_NOOP("AuditPage", "Volunteer service hours"),
    "point_rule": QT_TRANSLATE_NOOP("AuditPage", "Points rules"),
    "point_transaction": QT_TRANSLATE_NOOP("AuditPage", "Points ledger"),
    "reward_item": QT_TRANSLATE_NOOP("AuditPage", "Rewards catalogue"),
    "redemption": QT_TRANSLATE_NOOP("AuditPage", "Redemptions"),
    "volunteer_certificate": QT_TRANSLATE_NOOP("AuditPage", "Volunteer service certificates"),
}

FIELDS = {
    "volunteer_no": QT_TRANSLATE_NOOP("AuditFields", "Volunteer number"),
    "skills": QT_TRANSLATE_NOOP("AuditFields", "Skills"),
    "registered_on": QT_TRANSLATE_NOOP("AuditFields", "Registered on"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "left_on": QT_TRANSLATE_NOOP("AuditFields", "Withdrew on"),
    "star_level": QT_TRANSLATE_NOOP("AuditFields", "Stars"),
    "star_awarded_on": QT_TRANSLATE_NOOP("AuditFields", "Stars awarded on"),
    "title": QT_TRANSLATE_NOOP("AuditFields", "Title"),
    "activity_type": QT_TRANSLATE_NOOP("AuditFields", "Type of service"),
    "held_on": QT_TRANSLATE_NOOP("AuditFields", "Date"),
    "starts_at": QT_TRANSLATE_NOOP("AuditFields", "Starts at"),
    "ends_at": QT_TRANSLATE_NOOP("AuditFields", "Ends at"),
    "place": QT_TRANSLATE_NOOP("AuditFields", "Place"),
    "project_id": QT_TRANSLATE_NOOP("AuditFields", "Service project"),
    "organiser": QT_TRANSLATE_NOOP("AuditFields", "Organiser"),
    "content": QT_TRANSLATE_NOOP("AuditFields", "Content"),
    "created_by": QT_TRANSLATE_NOOP("AuditFields", "Created by"),
    "activity_id": QT_TRANSLATE_NOOP("AuditFields", "Activity"),
    "volunteer_id": QT_TRANSLATE_NOOP("AuditFields", "Volunteer"),
    "hours_tenths": QT_TRANSLATE_NOOP("AuditFields", "Hours (tenths)"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditFields", "Recorded by"),
    "recorded_at": QT_TRANSLATE_NOOP("AuditFields", "Recorded at"),
    "decided_by": QT_TRANSLATE_NOOP("AuditFields", "Decided by"),
    "decided_at": QT_TRANSLATE_NOOP("AuditFields", "Decided at"),
    "decision_note": QT_TRANSLATE_NOOP("AuditFields", "Decision remark"),
    "effective_from": QT_TRANSLATE_NOOP("AuditFields", "Effective from"),
    "points_per_hour": QT_TRANSLATE_NOOP("AuditFields", "Points per hour"),
    "multipliers": QT_TRANSLATE_NOOP("AuditFields", "Multipliers"),
    "points_cost": QT_TRANSLATE_NOOP("AuditFields", "Points needed"),
    "stock": QT_TRANSLATE_NOOP("AuditFields", "In stock"),
    "receipt_no": QT_TRANSLATE_NOOP("AuditFields", "Receipt number"),
    "item_id": QT_TRANSLATE_NOOP("AuditFields", "Reward"),
    "item_name": QT_TRANSLATE_NOOP("AuditFields", "Reward name"),
    "quantity": QT_TRANSLATE_NOOP("AuditFields", "Quantity"),
    "points": QT_TRANSLATE_NOOP("AuditFields", "Points"),
    "redeemed_on": QT_TRANSLATE_NOOP("AuditFields", "Redeemed on"),
    "handled_by": QT_TRANSLATE_NOOP("AuditFields", "Handled by"),
    "cancelled_at": QT_TRANSLATE_NOOP("AuditFields", "Cancelled at"),
    "cancel_reason": QT_TRANSLATE_NOOP("AuditFields", "Cancel reason"),
    "number": QT_TRANSLATE_NOOP("AuditFields", "Certificate number"),
    "period_from": QT_TRANSLATE_NOOP("AuditFields", "Period from"),
    "period_to": QT_TRANSLATE_NOOP("AuditFields", "Period to"),
    "issued_on": QT_TRANSLATE_NOOP("AuditFields", "Issued on"),
    "issued_by": QT_TRANSLATE_NOOP("AuditFields", "Issued by"),
}


def register() -> None:
    for key, label in TABLES.items():
        audit_page.TABLES.setdefault(key, label)
    for key, label in FIELDS.items():
        audit_page.FIELDS.setdefault(key, label)


register()
