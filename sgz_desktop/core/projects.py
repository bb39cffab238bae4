"""Service projects in the "1+4+N" structure (Art. 20): one core project (党建引领), the four basic
projects (社会救助, 儿童关爱保护, 社区治理, 养老服务) and any number of featured projects, each with its
period, lead social worker, goals and the need / resource / service lists the regulation asks for.

Training, volunteer activities, ledger entries and archive items point at a project; a project that
anything points at is never deleted (it ends with its end date instead).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from .db.base import Base
from .errors import NotFound, Problem, ValidationError
from .models import Project, Staff
from .roles import Actor, Permission, require
from .station import Station

CORE, BASIC, FEATURED = "core", "basic", "featured"
KINDS = (CORE, BASIC, FEATURED)
KIND_LABELS = {CORE: "核心项目", BASIC: "基础项目", FEATURED: "特色项目"}
CORE_FIELD = "党建引领"
BASIC_FIELDS = ("社会救助", "儿童关爱保护", "社区治理", "养老服务")
ART_20 = "第二十条"

LABELS = {"kind": "项目类型", "name": "项目名称", "field": "服务领域", "start_date": "开始日期",
          "end_date": "结束日期", "lead_staff_id": "项目负责人", "goals": "项目目标", "need_list": "需求清单",
          "resource_list": "资源清单", "service_list": "服务清单", "notes": "备注"}


@dataclass(frozen=True)
class ProjectInput:
    kind: str
    name: str
    start_date: dt.date
    field: str = ""  # the core and basic projects: their fixed field; featured: free text
    end_date: dt.date | None = None
    lead_staff_id: int | None = None
    goals: str = ""
    need_list: str = ""  # 需求清单
    resource_list: str = ""  # 资源清单
    service_list: str = ""  # 服务清单
    notes: str = ""


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    kind: str
    name: str
    field: str
    start_date: dt.date
    end_date: dt.date | None
    lead_staff_id: int | None
    lead_name: str
    goals: str
    need_list: str
    resource_list: str
    service_list: str
    notes: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def running_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

    @property
    def label(self) -> str:
        """How lists and drop-downs name it: 【基础】社会救助·低保家庭帮扶."""
        return f"【{self.kind_label[:2]}】{self.name}"

    def as_input(self) -> ProjectInput:
        return ProjectInput(self.kind, self.name, self.start_date, self.field, self.end_date, self.lead_staff_id,
                            self.goals, self.need_list, self.resource_list, self.service_list, self.notes)


def normalised(data: ProjectInput) -> ProjectInput:
    field = data.field.strip()
    if data.kind == CORE and not field:
        field = CORE_FIELD
    return replace(data, kind=data.kind.strip(), name=data.name.strip(), field=field, goals=data.goals.strip(),
                   need_list=data.need_list.strip(), resource_list=data.resource_list.strip(),
                   service_list=data.service_list.strip(), notes=data.notes.strip())


def _overlapping(start: dt.date, end: dt.date | None) -> ColumnElement[bool]:
    """Projects whose period shares at least one day with [start, end]."""
    ends_after = or_(Project.end_date.is_(None), Project.end_date >= start)
    return and_(ends_after, Project.start_date <= end) if end is not None else ends_after


def project_problems(s: Session, data: ProjectInput, project_id: int | None) -> list[Problem]:
    """Every reason the project cannot be saved; ``data`` must be ``normalised``."""
    problems: list[Problem] = []

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(LABELS[key], reason))

    if data.kind not in KINDS:
        bad("kind", "只能是核心项目、基础项目或特色项目")
    if not data.name:
        bad("name", "不能为空")
    elif len(data.name) > 100:
        bad("name", "不能超过 100 个字")
    if len(data.field) > 20:
        bad("field", "不能超过 20 个字")
    if data.kind == CORE and data.field != CORE_FIELD:
        bad("field", f"核心项目的服务领域是“{CORE_FIELD}”")
    if data.kind == BASIC and data.field not in BASIC_FIELDS:
        bad("field", f"基础项目的服务领域只能是{'、'.join(BASIC_FIELDS)}之一")
    if data.end_date is not None and data.end_date < data.start_date:
        bad("end_date", "不能早于开始日期")
    if data.lead_staff_id is not None and s.get(Staff, data.lead_staff_id) is None:
        bad("lead_staff_id", "花名册中没有这个人")
    if data.kind in (CORE, BASIC) and not problems:
        same = select(Project.name).where(Project.kind == data.kind, Project.field == data.field,
                                          _overlapping(data.start_date, data.end_date))
        if project_id is not None:
            same = same.where(Project.id != project_id)
        other = s.scalar(same.limit(1))
        if other:
            what = "核心项目" if data.kind == CORE else f"“{data.field}”基础项目"
            bad("start_date", f"与「{other}」时间重叠：同一时期只能有一个{what}（“1+4+N”）")
    return problems


def _info(row: Project, lead_name: str) -> ProjectInfo:
    return ProjectInfo(row.id, row.kind, row.name, row.field, row.start_date, row.end_date, row.lead_staff_id,
                       lead_name, row.goals, row.need_list, row.resource_list, row.service_list, row.notes)


def _lead_name(s: Session, staff_id: int | None) -> str:
    return (s.scalar(select(Staff.name).where(Staff.id == staff_id)) or "") if staff_id else ""


def _get(s: Session, project_id: int) -> Project:
    row = s.get(Project, project_id)
    if row is None:
        raise NotFound(f"没有编号为 {project_id} 的服务项目。")
    return row


def _apply(row: Project, data: ProjectInput) -> None:
    row.kind, row.name, row.field = data.kind, data.name, data.field
    row.start_date, row.end_date, row.lead_staff_id = data.start_date, data.end_date, data.lead_staff_id
    row.goals, row.need_list, row.resource_list = data.goals, data.need_list, data.resource_list
    row.service_list, row.notes = data.service_list, data.notes


def add_project(st: Station, actor: Actor, data: ProjectInput) -> ProjectInfo:
    require(actor, Permission.EDIT_PROJECTS)
    data = normalised(data)
    with st.begin(actor) as s:
        problems = project_problems(s, data, None)
        if problems:
            raise ValidationError(problems)
        row = Project(created_at=st.clock.now().replace(microsecond=0))
        _apply(row, data)
        s.add(row)
        s.flush()
        return _info(row, _lead_name(s, row.lead_staff_id))


def update_project(st: Station, actor: Actor, project_id: int, data: ProjectInput) -> ProjectInfo:
    require(actor, Permission.EDIT_PROJECTS)
    data = normalised(data)
    with st.begin(actor) as s:
        row = _get(s, project_id)
        problems = project_problems(s, data, project_id)
        if problems:
            raise ValidationError(problems)
        _apply(row, data)
        s.flush()
        return _info(row, _lead_name(s, row.lead_staff_id))


def get_project(st: Station, actor: Actor, project_id: int) -> ProjectInfo:
    require(actor, Permission.VIEW)
    with st.read() as s:
        row = _get(s, project_id)
        return _info(row, _lead_name(s, row.lead_staff_id))


KIND_ORDER = {CORE: 0, BASIC: 1, FEATURED: 2}


def list_projects(st: Station, actor: Actor, *, on: dt.date | None = None,
                  kind: str | None = None) -> list[ProjectInfo]:
    """Every project (or those running on ``on``), the core one first, then the four, then the N."""
    require(actor, Permission.VIEW)
    stmt = select(Project, Staff.name).outerjoin(Staff, Staff.id == Project.lead_staff_id)
    if on is not None:
        stmt = stmt.where(_overlapping(on, on))
    if kind is not None:
        stmt = stmt.where(Project.kind == kind)
    with st.read() as s:
        rows = [_info(p, name or "") for p, name in s.execute(stmt)]
    basic = {f: i for i, f in enumerate(BASIC_FIELDS)}
    return sorted(rows, key=lambda p: (KIND_ORDER.get(p.kind, 3), basic.get(p.field, 9), p.start_date, p.id))


def references_to(s: Session, project_id: int) -> list[tuple[str, int]]:
    """(table, rows) of every table pointing at this project, whichever area owns it."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "project" and table.name != "project":
                count = s.scalar(select(func.count()).select_from(table).where(fk.parent == project_id)) or 0
                if count:
                    found.append((table.name, int(count)))
    return found


REFERENCE_LABELS = {"ledger_entry": "账目", "training_session": "培训", "volunteer_activity": "志愿活动",
                    "service_record": "志愿服务记录", "archive_item": "档案"}


def delete_project(st: Station, actor: Actor, project_id: int) -> None:
    """Only for a project entered by mistake: one that anything refers to stays (set its end date)."""
    require(actor, Permission.EDIT_PROJECTS)
    with st.begin(actor) as s:
        row = _get(s, project_id)
        refs = references_to(s, project_id)
        if refs:
            used = "、".join(f"{REFERENCE_LABELS.get(t, t)} {n} 条" for t, n in refs)
            raise ValidationError(Problem(
                "删除", f"「{row.name}」已被引用（{used}），不能删除；项目结束请填写结束日期"))
        s.delete(row)


def structure_gaps(projects: list[ProjectInfo], on: dt.date) -> list[str]:
    """What the "1+4+N" structure lacks on ``on``: 核心项目（党建引领）, 基础项目（养老服务）..."""
    running = [p for p in projects if p.running_on(on)]
    missing = [] if any(p.kind == CORE for p in running) else [f"核心项目（{CORE_FIELD}）"]
    fields = {p.field for p in running if p.kind == BASIC}
    missing += [f"基础项目（{f}）" for f in BASIC_FIELDS if f not in fields]
    return missing
