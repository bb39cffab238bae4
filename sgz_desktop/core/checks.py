"""Health of the station: compliance checks (the regulation's rules) and integrity checks (the data).

Each area registers its compliance checks with ``@compliance_check("area")``; the dashboard and
``sgz check`` run them all. A check is a pure function over the database that names the article it
comes from, a figure to show on its card, and the people concerned.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, func, inspect, or_, select, text, type_coerce

from . import profile, settings
from .db import migrate
from .db.base import Base
from .db.types import EncryptedText
from .errors import SgzError
from .models import Community, Staff
from .station import Station


class Status(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILING = "failing"

    @property
    def label(self) -> str:
        return {"ok": "符合", "warning": "提醒", "failing": "不符合"}[self.value]


@dataclass(frozen=True)
class CheckResult:
    key: str
    area: str
    title: str
    article: str
    status: Status
    figure: str
    detail: str
    people: tuple[str, ...] = ()


CheckFn = Callable[[Station], "CheckResult | list[CheckResult]"]
IntegrityFn = Callable[[Station, bool], "CheckResult | list[CheckResult]"]

_COMPLIANCE: list[tuple[str, CheckFn]] = []
_INTEGRITY: list[tuple[str, IntegrityFn]] = []

# Area modules whose import registers their checks. A new area adds its module here.
AREA_MODULES: list[str] = ["sgz_desktop.core.staff_checks", "sgz_desktop.core.finance_checks",
                           "sgz_desktop.core.archive_checks", "sgz_desktop.core.volunteer_checks"]


def compliance_check(area: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        _COMPLIANCE.append((area, fn))
        return fn
    return register


def integrity_check(area: str) -> Callable[[IntegrityFn], IntegrityFn]:
    """For areas with data of their own to verify (attachment hashes, ledgers...)."""
    def register(fn: IntegrityFn) -> IntegrityFn:
        _INTEGRITY.append((area, fn))
        return fn
    return register


def load_areas() -> None:
    """Import every area's checks (and with them the settings they define)."""
    for name in AREA_MODULES:
        importlib.import_module(name)


def _unchecked(area: str, fn: Callable[..., Any], err: SgzError) -> CheckResult:
    title = (fn.__doc__ or fn.__name__).strip().splitlines()[0]
    return CheckResult(f"{area}.{fn.__name__}", area, title, "", Status.WARNING, "无法检查", str(err))


def _as_list(result: CheckResult | list[CheckResult]) -> list[CheckResult]:
    return result if isinstance(result, list) else [result]


def run_compliance(st: Station) -> list[CheckResult]:
    load_areas()
    results: list[CheckResult] = []
    for area, fn in _COMPLIANCE:
        try:
            results += _as_list(fn(st))
        except SgzError as err:  # e.g. personal data locked: the card says why, the others still show
            results.append(_unchecked(area, fn, err))
    return results


def run_integrity(st: Station, deep: bool = False) -> list[CheckResult]:
    """``deep`` decrypts every personal field instead of a sample (slower, for ``sgz check --deep``)."""
    load_areas()
    results: list[CheckResult] = []
    for area, fn in _INTEGRITY:
        try:
            results += _as_list(fn(st, deep))
        except SgzError as err:
            results.append(CheckResult(f"{area}.{fn.__name__}", area, fn.__name__, "", Status.FAILING,
                                       "无法检查", str(err)))
    return results


def worst(results: list[CheckResult]) -> Status:
    order = [Status.OK, Status.WARNING, Status.FAILING]
    return max((r.status for r in results), key=order.index, default=Status.OK)


def today(st: Station) -> dt.date:
    return st.clock.now().date()


def staff_in_post(on: dt.date) -> ColumnElement[bool]:
    """Hired by that day and not yet left (the leave date is the first day no longer in post)."""
    return and_(Staff.hire_date <= on, or_(Staff.leave_date.is_(None), Staff.leave_date > on))


# --- integrity ------------------------------------------------------------------------------------

def _pragma_rows(st: Station, pragma: str) -> list[tuple[Any, ...]]:
    with st.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]


@integrity_check("database")
def _database_file(st: Station, deep: bool) -> list[CheckResult]:
    rows = [str(r[0]) for r in _pragma_rows(st, "integrity_check")]
    ok = rows == ["ok"]
    results = [CheckResult(
        "db.integrity", "database", "数据库文件完整", "", Status.OK if ok else Status.FAILING,
        "完好" if ok else f"{len(rows)} 处损坏",
        "SQLite 完整性检查通过。" if ok else "数据库文件已损坏：" + "；".join(rows[:5])
        + "。请停止录入，从最近的备份恢复（sgz restore）。")]
    bad = _pragma_rows(st, "foreign_key_check")
    tables = sorted({str(r[0]) for r in bad})
    results.append(CheckResult(
        "db.foreign_keys", "database", "记录之间的引用一致", "", Status.FAILING if bad else Status.OK,
        f"{len(bad)} 条不一致" if bad else "一致",
        f"表 {'、'.join(tables)} 中有记录指向不存在的记录。" if bad else "外键检查通过。"))
    return results


@integrity_check("database")
def _schema_revision(st: Station, deep: bool) -> CheckResult:
    current, head = migrate.current_revision(st.engine), migrate.head_revision()
    ok = current == head
    return CheckResult(
        "db.schema", "database", "数据库结构为最新版本", "", Status.OK if ok else Status.FAILING,
        f"版本 {current}", "数据库结构已是本程序的最新版本。" if ok else
        f"数据库结构版本是 {current}，本程序需要 {head}。请重新打开程序以完成升级。")


@integrity_check("database")
def _audit_append_only(st: Station, deep: bool) -> CheckResult:
    if st.engine.dialect.name != "sqlite":
        return CheckResult("audit.append_only", "database", "操作日志只能追加", "", Status.OK, "—",
                           "由数据库权限保证。")
    with st.engine.connect() as conn:
        found = {str(r[0]) for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"))}
    missing = sorted({"audit_log_no_update", "audit_log_no_delete"} - found)
    return CheckResult(
        "audit.append_only", "database", "操作日志只能追加", "", Status.FAILING if missing else Status.OK,
        "已保护" if not missing else "保护缺失",
        "操作日志有防修改、防删除保护。" if not missing else
        f"操作日志的保护触发器缺失（{'、'.join(missing)}），日志可能被改动过。")


def _encrypted_columns() -> list[tuple[Any, Any, str]]:
    return [(table, col, col.type.context) for table in Base.metadata.sorted_tables for col in table.columns
            if isinstance(col.type, EncryptedText)]


@integrity_check("secret")
def _station_secret(st: Station, deep: bool) -> list[CheckResult]:
    if not st.unlocked:
        return [CheckResult(
            "secret.loaded", "secret", "本机有站点密钥", "", Status.WARNING, "未加载",
            "本机没有本站点的密钥，个人信息（身份证号、电话）无法读取。"
            "请用打印的恢复密钥恢复：sgz recover --key，或在程序“设置”中输入。")]
    cipher = st.require_unlocked()
    checked, failures = 0, []
    with st.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())  # an older schema may lack an area's tables
        for table, col, context in _encrypted_columns():
            if table.name not in present:
                continue
            pk = next(iter(table.primary_key.columns))
            stmt = select(pk, type_coerce(col, Text)).where(col != "").order_by(pk)
            for key, token in conn.execute(stmt if deep else stmt.limit(50)):
                checked += 1
                try:
                    cipher.decrypt(str(token), context)
                except SgzError:
                    failures.append(f"{table.name} #{key}")
    loaded = CheckResult("secret.loaded", "secret", "本机有站点密钥", "", Status.OK, "已加载",
                         "本机的站点密钥与数据库相符。")
    how = "逐项检查" if deep else "抽查"
    detail = (f"{how}的加密字段中有 {len(failures)} 项无法解密：{'、'.join(failures[:10])}。" if failures
              else f"{how}的 {checked} 项加密字段全部可以解密。")
    decrypts = CheckResult(
        "secret.decrypts", "secret", "个人信息可以解密", "", Status.FAILING if failures else Status.OK,
        f"{checked - len(failures)}/{checked} 项可解密", detail)
    return [loaded, decrypts]


# --- foundation compliance checks ------------------------------------------------------------------

@compliance_check("station")
def station_profile_complete(st: Station) -> CheckResult:
    """站点信息完整"""
    p = profile.get_profile(st)
    missing = [label for label, value in (("全宗号", p.fonds_code), ("承接机构", p.operator_org),
                                         ("负责人", p.responsible_person),
                                         ("全市职工月平均工资", p.city_avg_wage_fen)) if not value]
    return CheckResult(
        "station.profile", "station", "站点信息完整", "第十三条、第二十四条",
        Status.WARNING if missing else Status.OK, f"缺 {len(missing)} 项" if missing else "已填写",
        f"请在“设置 → 站点信息”中填写：{'、'.join(missing)}。" if missing else
        "全宗号、承接机构、负责人和全市职工月平均工资均已填写。")


@compliance_check("staff")
def head_and_deputy(st: Station) -> CheckResult:
    """设站长、副站长各 1 名"""
    on = today(st)
    with st.read() as s:
        rows = s.execute(select(Staff.post, Staff.name).where(Staff.post.in_(("站长", "副站长")),
                                                               staff_in_post(on)).order_by(Staff.id)).all()
    heads = [name for post, name in rows if post == "站长"]
    deputies = [name for post, name in rows if post == "副站长"]
    problems = [f"{post}有 {len(names)} 名" for post, names in (("站长", heads), ("副站长", deputies))
                if len(names) != 1]
    return CheckResult(
        "staff.head_deputy", "staff", "站长、副站长各 1 名", "第十二条",
        Status.FAILING if problems else Status.OK, f"站长 {len(heads)} 名 · 副站长 {len(deputies)} 名",
        ("应各 1 名，目前" + "，".join(problems) + "。") if problems else
        f"站长 {'、'.join(heads)}，副站长 {'、'.join(deputies)}。", tuple(heads + deputies))


@compliance_check("staff")
def liaison_per_community(st: Station) -> CheckResult:
    """每个社区（村）至少 1 名联络员"""
    on = today(st)
    with st.read() as s:
        communities = s.execute(select(Community.id, Community.name).where(Community.active.is_(True))
                                .order_by(Community.sort_order, Community.id)).all()
        liaisons = s.execute(select(Staff.community_id, func.count()).where(
            Staff.post == "社区联络员", staff_in_post(on)).group_by(Staff.community_id)).all()
    covered = {cid for cid, n in liaisons if n}
    missing = [name for cid, name in communities if cid not in covered]
    if not communities:
        return CheckResult("staff.liaisons", "staff", "每个社区（村）至少 1 名联络员", "第十二条",
                           Status.WARNING, "未登记社区", "请在“设置 → 站点信息”中登记本街道的社区（村）。")
    return CheckResult(
        "staff.liaisons", "staff", "每个社区（村）至少 1 名联络员", "第十二条",
        Status.FAILING if missing else Status.OK, f"{len(communities) - len(missing)}/{len(communities)} 个社区（村）",
        f"没有在岗联络员：{'、'.join(missing)}。" if missing else "每个社区（村）都有在岗联络员。")


@compliance_check("backup")
def recent_backup(st: Station) -> CheckResult:
    """近期有备份"""
    from .backup import last_backup  # backup imports the station too; keep the import local

    warn_days = int(settings.get(st, settings.BACKUP_WARN_DAYS))
    last = last_backup(st.data)
    if last is None:
        return CheckResult("backup.recent", "backup", "近期有备份", "", Status.WARNING, "从未备份",
                           "还没有做过备份。请备份到U盘：菜单“文件 → 立即备份”，或命令 sgz backup --to 文件夹。")
    age = (st.clock.now() - last.created_at).days
    stale = age > warn_days
    return CheckResult(
        "backup.recent", "backup", "近期有备份", "", Status.WARNING if stale else Status.OK,
        f"{age} 天前" if age else "今天",
        f"上次备份 {last.created_at:%Y-%m-%d %H:%M}，位置 {last.path}。"
        + (f"已超过 {warn_days} 天，请尽快备份。" if stale else ""))
