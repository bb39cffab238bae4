"""志愿服务证明 and their issuance register (志愿服务记录与证明出具办法): each certificate gets the next
number of its year and a snapshot of what it says, so a number can be verified (issued? to whom? for
what?) and the certificate reprinted exactly, whatever changes later.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound, Problem, ValidationError
from .models import Certificate, ServiceRecord, VolunteerActivity
from .profile import get_profile
from .roles import Actor, Permission, require
from .station import Station
from .training import from_tenths, tidy
from .validation import mask_id_number
from .volunteer_activities import APPROVED
from .volunteers import ID_TYPE, volunteer_row

NUMBER_PREFIX = "ZYFW"
TITLES_IN_CONTENT = 3


@dataclass(frozen=True)
class CertificateInfo:
    id: int
    number: str
    volunteer_id: int
    volunteer_name: str
    id_type: str
    id_number_masked: str
    volunteer_no: str
    period_from: dt.date
    period_to: dt.date
    hours: Decimal
    activities: int
    content: str
    organisation: str
    responsible_person: str
    handler: str
    contact: str
    issued_on: dt.date
    issued_by: str


def _info(row: Certificate) -> CertificateInfo:
    return CertificateInfo(row.id, row.number, row.volunteer_id, row.volunteer_name, row.id_type,
                           row.id_number_masked, row.volunteer_no, row.period_from, row.period_to,
                           from_tenths(row.hours_tenths), row.activities, row.content, row.organisation,
                           row.responsible_person, row.handler, row.contact, row.issued_on, row.issued_by)


def _service(s: Session, volunteer_id: int, first: dt.date, last: dt.date) -> list[tuple[str, str, int]]:
    """(activity title, type, tenths) of the volunteer's approved hours in the period, by date."""
    rows = s.execute(select(VolunteerActivity.title, VolunteerActivity.activity_type, ServiceRecord.hours_tenths)
                     .join(ServiceRecord, ServiceRecord.activity_id == VolunteerActivity.id)
                     .where(ServiceRecord.volunteer_id == volunteer_id, ServiceRecord.status == APPROVED,
                            VolunteerActivity.held_on.between(first, last))
                     .order_by(VolunteerActivity.held_on, VolunteerActivity.id)).all()
    return [(t, k, int(h)) for t, k, h in rows]


def content_text(service: list[tuple[str, str, int]]) -> str:
    """服务内容: the kinds of service with their hours, and the most frequent activities by name."""
    by_type: dict[str, int] = defaultdict(int)
    for _title, kind, tenths in service:
        by_type[kind] += tenths
    kinds = "、".join(f"{k} {tidy(from_tenths(t))} 小时" for k, t in sorted(by_type.items(), key=lambda kv: -kv[1]))
    titles = [t for t, _n in Counter(t for t, _k, _h in service).most_common(TITLES_IN_CONTENT)]
    more = "等" if len({t for t, _k, _h in service}) > len(titles) else ""
    return f"参加“{'”“'.join(titles)}”{more}志愿服务活动；服务类别：{kinds}。"


def _next_number(s: Session, year: int) -> str:
    prefix = f"{NUMBER_PREFIX}{year}"
    last = s.scalar(select(func.max(Certificate.number)).where(Certificate.number.like(f"{prefix}%")))
    return f"{prefix}{(int(last[len(prefix):]) + 1 if last else 1):04d}"


def issue_certificate(st: Station, actor: Actor, volunteer_id: int, period_from: dt.date,
                      period_to: dt.date) -> CertificateInfo:
    """Enter a certificate in the register for the volunteer's approved hours in the period; print it
    with ``reports.volunteers.write_certificate_pdf``."""
    require(actor, Permission.EDIT_VOLUNTEERS)
    st.require_unlocked()  # the ID number is read to print it masked
    profile = get_profile(st)
    now = st.clock.now()
    problems = []
    if period_from > period_to:
        problems.append(Problem("服务期间", "开始日期不能晚于结束日期"))
    if period_to > now.date():
        problems.append(Problem("服务期间", "结束日期不能晚于今天"))
    missing = [label for label, value in (("负责人", profile.responsible_person), ("联系电话", profile.contact_phone))
               if not value.strip()]
    if missing:
        problems.append(Problem("出具组织", f"请先在“设置 → 站点信息”中填写{'、'.join(missing)}（证明上必须载明）"))
    if problems:
        raise ValidationError(problems)
    with st.begin(actor) as s:
        person = volunteer_row(s, volunteer_id)
        service = _service(s, volunteer_id, period_from, period_to)
        if not service:
            raise ValidationError(Problem("服务期间", f"{person.name} 在 {period_from:%Y-%m-%d} 至 "
                                                  f"{period_to:%Y-%m-%d} 没有审核通过的服务时长，不能出具证明"))
        row = Certificate(
            number=_next_number(s, now.year), volunteer_id=volunteer_id, volunteer_name=person.name, id_type=ID_TYPE,
            id_number_masked=mask_id_number(person.id_number), volunteer_no=person.volunteer_no,
            period_from=period_from, period_to=period_to, hours_tenths=sum(t for _a, _k, t in service),
            activities=len(service), content=content_text(service), organisation=profile.name,
            responsible_person=profile.responsible_person.strip(), handler=actor.display_name,
            contact=profile.contact_phone.strip(), issued_on=now.date(), issued_by=actor.username, created_at=now)
        s.add(row)
        s.flush()
        return _info(row)


def verify_certificate(st: Station, actor: Actor, number: str) -> CertificateInfo | None:
    """The register's entry for a certificate number, or None when no such number was issued."""
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = s.scalars(select(Certificate).where(Certificate.number == number.strip().upper())).first()
        return _info(row) if row is not None else None


def get_certificate(st: Station, actor: Actor, number: str) -> CertificateInfo:
    found = verify_certificate(st, actor, number)
    if found is None:
        raise NotFound(f"登记簿中没有编号为 {number} 的志愿服务证明。")
    return found


def list_certificates(st: Station, actor: Actor, *, year: int | None = None,
                      volunteer_id: int | None = None) -> list[CertificateInfo]:
    require(actor, Permission.VIEW)
    stmt = select(Certificate).order_by(Certificate.number)
    if year is not None:
        stmt = stmt.where(Certificate.issued_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if volunteer_id is not None:
        stmt = stmt.where(Certificate.volunteer_id == volunteer_id)
    with st.read() as s:
        return [_info(r) for r in s.scalars(stmt)]
