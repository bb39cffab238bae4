"""The roster in Excel: a template to fill in, an all-or-nothing import, an export in the same layout.

Every row is validated before anything is written (ID check digit and birth date, mobile, dates, leave
after hire, unknown post or community, the same person twice in the file or already on the roster);
one ValidationError lists each bad row, column and reason with the row numbers Excel shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from . import audit, xlsx_input
from .errors import Problem, ValidationError
from .excel import write_table_xlsx
from .models import Staff
from .profile import list_communities
from .progress import Progress, quiet
from .roles import Actor, Permission, require
from .staff import (
    CERT_LEVELS,
    EMPLOYMENTS,
    ID_CONTEXT,
    NO_CERT,
    POSTS,
    StaffInput,
    apply_input,
    list_staff,
    normalised,
    staff_problems,
)
from .station import Station
from .xlsx_input import Field

SHEET = "人员花名册"
YES_NO = ("是", "否")

FIELDS = (
    Field("姓名", "name", True, note="与身份证一致"),
    Field("身份证号", "id_number", True, "id",
          note="18 位，最后一位可以是 X；请保持“文本”格式，否则 Excel 会丢掉末几位"),
    Field("手机号", "phone", False, "phone", note="11 位手机号"),
    Field("岗位", "post", True, "choice", "岗位", note="、".join(POSTS)),
    Field("专兼职", "employment", True, "choice", "专兼职", note="专职 或 兼职"),
    Field("证书等级", "cert_level", False, "choice", "证书等级", note="不填视为“无”；" + "、".join(CERT_LEVELS)),
    Field("证书编号", "cert_number", False, note="持证人员必填"),
    Field("取证日期", "cert_date", False, "date", note="持证人员必填；继续教育从此日起每 3 年一个周期"),
    Field("社工专业背景", "sw_background", False, "bool", "是否", note="是 / 否（社会工作专业毕业）"),
    Field("所在社区", "community", False, "choice", "社区", note="社区联络员必填，须是本街道登记的社区（村）"),
    Field("入职日期", "hire_date", True, "date", note="例如 2024-03-01"),
    Field("合同到期", "contract_end", False, "date", note="不早于入职日期"),
    Field("月薪（元）", "monthly_pay", False, "yuan", note="税前月薪，单位元，最多两位小数"),
    Field("五险一金", "social_insurance", False, "bool", "是否", note="是 / 否"),
    Field("社工从业年限", "experience_years", False, "int", note="整数，督导应不少于 5 年（第三十条）"),
    Field("离职日期", "leave_date", False, "date", note="已离职人员填写，须晚于入职日期"),
    Field("离职原因", "leave_reason", False, note="选填"),
    Field("备注", "notes", False),
)
GUIDE = ("1. 第一行是表头，请勿修改；从第二行起每行一人。红色表头为必填列。",
         "2. 身份证号会校验出生日期和校验位；同一人（身份证号相同）不能出现两次，也不能与花名册中已有人员重复。",
         "3. 导入时先检查全部行：只要有一行有错，就一行也不导入，并列出每个错误的行号、列名和原因。")


@dataclass(frozen=True)
class ImportResult:
    rows: int  # data rows read
    added: int  # records written (0 for a dry run)
    dry_run: bool
    ignored_columns: tuple[str, ...] = ()
    sessions_added: int = 0  # training imports: new sessions created


def roster_template(st: Station, path: Path) -> Path:
    """The roster template with drop-down lists (posts, employment, levels, this station's communities)."""
    options = {"岗位": POSTS, "专兼职": EMPLOYMENTS, "证书等级": CERT_LEVELS, "是否": YES_NO,
               "社区": tuple(c.name for c in list_communities(st))}
    return xlsx_input.template(path, SHEET, FIELDS, options, "人员花名册导入说明", GUIDE)


@dataclass(frozen=True)
class _Row:
    number: int
    data: StaffInput
    leave_date: dt.date | None
    leave_reason: str


def _parse(number: int, cells: dict[str, object], communities: dict[str, int],
           problems: list[Problem]) -> _Row | None:
    c = xlsx_input.Cells(number, cells, FIELDS, problems)
    text, date = xlsx_input.text, xlsx_input.date
    community = c.get("community", lambda v: xlsx_input.choice(v, tuple(communities), "社区（村）") if text(v) else "",
                      "")
    data = StaffInput(
        name=c.get("name", text, ""), id_number=c.get("id_number", xlsx_input.id_number, ""),
        post=c.get("post", lambda v: xlsx_input.choice(v, POSTS, "岗位"), ""),
        employment=c.get("employment", lambda v: xlsx_input.choice(v, EMPLOYMENTS, "专兼职"), ""),
        hire_date=c.get("hire_date", date, None) or dt.date.min, phone=c.get("phone", xlsx_input.phone, ""),
        cert_level=c.get("cert_level", lambda v: xlsx_input.choice(v, CERT_LEVELS, "证书等级") if text(v) else NO_CERT,
                         NO_CERT),
        cert_number=c.get("cert_number", text, ""), cert_date=c.get("cert_date", date, None),
        sw_background=c.get("sw_background", xlsx_input.boolean, False),
        community_id=communities[community] if community else None,
        contract_end=c.get("contract_end", date, None), monthly_pay_fen=c.get("monthly_pay", xlsx_input.yuan_to_fen, 0),
        social_insurance=c.get("social_insurance", xlsx_input.boolean, False),
        experience_years=c.get("experience_years", xlsx_input.integer, 0), notes=c.get("notes", text, ""))
    leave_date, leave_reason = c.get("leave_date", date, None), c.get("leave_reason", text, "")
    return None if c.failed else _Row(number, normalised(data), leave_date, leave_reason)


def _row_problems(row: _Row, today: dt.date, community_ids: dict[int, str]) -> list[Problem]:
    problems = staff_problems(row.data, today=today, communities=community_ids, row=row.number)
    if row.leave_date is not None:
        if row.leave_date <= row.data.hire_date:
            problems.append(Problem("离职日期", "必须晚于入职日期", row.number))
        elif row.leave_date > today + dt.timedelta(days=366):
            problems.append(Problem("离职日期", "不能晚于一年以后", row.number))
    elif row.leave_reason:
        problems.append(Problem("离职原因", "填写了离职原因，但没有离职日期", row.number))
    return problems


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def import_roster(st: Station, actor: Actor, path: Path, progress: Progress | None = None,
                  dry_run: bool = False) -> ImportResult:
    """Add every person of the file, or nobody: any bad row raises one ValidationError listing all."""
    require(actor, Permission.EDIT_STAFF)
    progress = progress or quiet()
    cipher = st.require_unlocked()
    sheet = xlsx_input.read_sheet(path, FIELDS, SHEET, progress)
    communities = {c.name: c.id for c in list_communities(st)}
    community_ids = {v: k for k, v in communities.items()}
    today = st.clock.now().date()
    problems: list[Problem] = []
    rows: list[_Row] = []
    for number, cells in sheet.rows:
        parsed = _parse(number, cells, communities, problems)
        if parsed is not None:
            row_problems = _row_problems(parsed, today, community_ids)
            problems += row_problems
            if not row_problems:
                rows.append(parsed)
    progress.report(0, len(rows), "正在检查重复人员…")
    indexes = {r.number: cipher.blind_index(r.data.id_number, ID_CONTEXT) for r in rows}
    first_seen: dict[str, int] = {}
    for r in rows:
        earlier = first_seen.setdefault(indexes[r.number], r.number)
        if earlier != r.number:
            problems.append(Problem("身份证号", f"与第 {earlier} 行是同一人（身份证号相同）", r.number))
    with st.read() as s:
        existing: dict[str, str] = {}
        for chunk in _chunks(list(first_seen)):
            existing.update((i, n) for i, n in s.execute(select(Staff.id_number_index, Staff.name)
                                                         .where(Staff.id_number_index.in_(chunk))))
    for r in rows:
        if indexes[r.number] in existing and first_seen[indexes[r.number]] == r.number:
            problems.append(Problem("身份证号", f"花名册中已有此人（{existing[indexes[r.number]]}）", r.number))
    if not sheet.rows:
        problems.append(Problem("文件", "没有找到任何数据行"))
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
    if dry_run:
        return ImportResult(len(rows), 0, True, sheet.ignored_headers)
    with st.begin(actor) as s:
        for done, r in enumerate(rows, start=1):
            person = Staff(leave_date=r.leave_date, leave_reason=r.leave_reason)
            apply_input(person, r.data, indexes[r.number])
            s.add(person)
            if done % 100 == 0:
                progress.report(done, len(rows), f"正在写入第 {done} 人…")  # a cancel here rolls everything back
        s.flush()
        audit.record_event(s, "import", f"从 {Path(path).name} 导入花名册 {len(rows)} 人", table="staff")
    progress.report(len(rows), len(rows), "导入完成")
    return ImportResult(len(rows), len(rows), False, sheet.ignored_headers)


def export_roster(st: Station, actor: Actor, path: Path, progress: Progress | None = None) -> int:
    """Everyone on the roster in the import layout, with full ID numbers and phones (so it needs the
    right to edit the roster, and is logged)."""
    require(actor, Permission.EDIT_STAFF)
    people = list_staff(st, actor)
    rows = [(p.name, p.id_number, p.phone, p.post, p.employment, p.cert_level, p.cert_number, p.cert_date,
             p.sw_background, p.community_name, p.hire_date, p.contract_end, p.monthly_pay_fen, p.social_insurance,
             p.experience_years, p.leave_date, p.leave_reason, p.notes) for p in people]
    kinds = [{"date": "date", "bool": "bool", "yuan": "fen", "int": "int"}.get(f.kind, "text") for f in FIELDS]
    count = write_table_xlsx(Path(path), SHEET, [f.header for f in FIELDS], rows, progress, kinds, total=len(rows))
    with st.begin(actor) as s:
        audit.record_event(s, "export", f"导出花名册（含身份证号、手机号）{count} 人到 {Path(path).name}",
                           table="staff")
    return count
