"""Roles and permissions. Checked inside core service functions, whoever calls them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .errors import PermissionDenied


class Role(enum.StrEnum):
    HEAD = "head"  # 站长: reads everything, changes nothing
    DEPUTY = "deputy"  # 副站长: administrator
    ARCHIVIST = "archivist"  # 档案员
    SOCIAL_WORKER = "social_worker"  # 驻站社工
    FINANCE = "finance"  # 财务

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.HEAD: "站长",
    Role.DEPUTY: "副站长",
    Role.ARCHIVIST: "档案员",
    Role.SOCIAL_WORKER: "社工",
    Role.FINANCE: "财务",
}


class Permission(enum.StrEnum):
    VIEW = "view"
    EDIT_PROFILE = "edit_profile"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"
    RESTORE = "restore"
    EDIT_STAFF = "edit_staff"
    EDIT_TRAINING = "edit_training"
    EDIT_VOLUNTEERS = "edit_volunteers"
    RECORD_HOURS = "record_hours"
    APPROVE_HOURS = "approve_hours"
    EDIT_PROJECTS = "edit_projects"
    EDIT_LEDGER = "edit_ledger"
    REVIEW_LEDGER = "review_ledger"
    EDIT_ARCHIVES = "edit_archives"
    FINALISE_ARCHIVES = "finalise_archives"
    EXPORT_YEAR = "export_year"

    @property
    def label(self) -> str:
        return PERMISSION_LABELS[self]


PERMISSION_LABELS = {
    Permission.VIEW: "查看",
    Permission.EDIT_PROFILE: "修改站点信息",
    Permission.EDIT_SETTINGS: "修改系统设置",
    Permission.MANAGE_USERS: "管理用户账号",
    Permission.VIEW_AUDIT: "查看操作日志",
    Permission.BACKUP: "备份数据",
    Permission.RESTORE: "从备份恢复",
    Permission.EDIT_STAFF: "维护人员花名册",
    Permission.EDIT_TRAINING: "登记培训",
    Permission.EDIT_VOLUNTEERS: "维护志愿者",
    Permission.RECORD_HOURS: "登记服务时长",
    Permission.APPROVE_HOURS: "审核服务时长",
    Permission.EDIT_PROJECTS: "维护服务项目",
    Permission.EDIT_LEDGER: "录入财务账目",
    Permission.REVIEW_LEDGER: "财务审核",
    Permission.EDIT_ARCHIVES: "登记档案",
    Permission.FINALISE_ARCHIVES: "档案归档定稿",
    Permission.EXPORT_YEAR: "导出年度移交包",
}

P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.HEAD: frozenset({P.VIEW, P.VIEW_AUDIT}),
    Role.DEPUTY: frozenset(Permission) - {P.FINALISE_ARCHIVES},
    Role.ARCHIVIST: frozenset({P.VIEW, P.EDIT_ARCHIVES, P.FINALISE_ARCHIVES, P.EXPORT_YEAR, P.BACKUP}),
    Role.SOCIAL_WORKER: frozenset({P.VIEW, P.EDIT_TRAINING, P.RECORD_HOURS, P.EDIT_VOLUNTEERS}),
    Role.FINANCE: frozenset({P.VIEW, P.EDIT_LEDGER, P.REVIEW_LEDGER, P.EDIT_PROJECTS, P.BACKUP}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the system itself (setup, migrations, demo)."""

    user_id: int | None
    username: str
    display_name: str
    role: Role | None  # None only for the system actor

    def can(self, permission: Permission) -> bool:
        return self.role is None or permission in ROLE_PERMISSIONS[self.role]


SYSTEM = Actor(user_id=None, username="system", display_name="系统", role=None)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        role = actor.role.label if actor.role else "?"
        raise PermissionDenied(f"权限不足：{actor.display_name}（{role}）不能{permission.label}。")
