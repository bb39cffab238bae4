"""The public disclosure notice of project funds (资金信息公开, Art. 28) — one A4 page to post and
publish — and the evaluation records of the contracts (Art. 33) with their renewal eligibility."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, SimpleDocTemplate, Spacer

from ..contract_evaluations import list_evaluations, renewal
from ..contracts import list_contracts, mgmt_fee_percent, share_text
from ..excel import write_table_xlsx
from ..finance_amounts import format_fen, rmb_upper
from ..finance_budget import final_accounts
from ..finance_categories import ART_28, EXPENSE_CATEGORIES, MANAGEMENT
from ..profile import get_profile
from ..roles import Actor, Permission, require
from ..station import Station
from .pdf import build, style
from .register import RegisterPage, chinese_date, frame_width, heading, note, table, widths, write_register

MARGIN = 18 * mm


def _p(text: str, size: float = 10.5, *, bold: bool = False, align: int = 0, space_after: float = 0) -> Paragraph:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, style(size, bold=bold, align=align, space_after=space_after))


def disclosure_pdf(st: Station, actor: Actor, out: Path, year: int) -> Path:
    """资金信息公开 of a year: the contracts, the funds received and how they were spent in the three
    Art. 26 categories, the management-fee share against its limit, and where to report concerns.
    Always one page: the content shrinks to fit."""
    require(actor, Permission.VIEW)
    profile = get_profile(st)
    fa = final_accounts(st, actor, year)
    percent = mgmt_fee_percent(st)
    today = st.clock.now().date()
    frame = A4[0] - 2 * MARGIN
    story: list[Flowable] = [
        _p(f"{profile.name}", 16, bold=True, align=TA_CENTER),
        _p(f"{year} 年度购买服务项目资金信息公开", 16, bold=True, align=TA_CENTER, space_after=4 * mm),
        _p(f"根据《武汉市街道（乡镇）社会工作服务站建设管理办法（试行）》（武民政规〔2022〕1号）{ART_28}“建立社工站购买服务项目资金信息公开"
           f"机制，自觉接受社会监督”的要求，现将本站 {year} 年度购买服务项目资金使用情况公开如下：",
           space_after=3 * mm),
        heading("一、购买服务项目"),
        table(("合同编号", "项目名称", "购买方", "承接方", "合同期限", "合同金额"),
              [(c.contract.contract_no, c.contract.name, c.contract.funder, c.contract.operator or profile.operator_org,
                f"{c.contract.start_date:%Y.%m.%d}–{c.contract.end_date:%Y.%m.%d}", format_fen(c.contract.total_fen))
               for c in fa.contracts], widths(frame, (19, 20, 12, 17, 16, 16)), align="lllllr"),
        Spacer(1, 3 * mm),
        heading("二、本年度资金到位及使用情况"),
    ]
    rows = []
    for c in fa.contracts:
        spent = {line.category: line.period_fen for line in c.execution.categories}
        by_category = [format_fen(spent[k]) for k in EXPENSE_CATEGORIES]
        rows.append((c.contract.contract_no, format_fen(c.income_fen), *by_category, format_fen(c.expense_fen),
                     format_fen(c.closing_fen)))
    totals = dict(fa.category_totals())
    rows.append(("合计", format_fen(fa.income_fen), *(format_fen(totals[k]) for k in EXPENSE_CATEGORIES),
                 format_fen(fa.expense_fen), format_fen(fa.closing_fen)))
    story += [
        table(("合同编号", "本年到位资金", *EXPENSE_CATEGORIES, "本年支出合计", "年末结余"), rows,
              widths(frame, (19, 14, 13, 14, 14, 14, 12)), align="lrrrrrr", total_row=True),
        _p(f"本年度到位资金合计 {format_fen(fa.income_fen)}（{rmb_upper(fa.income_fen)}）；"
           f"支出合计 {format_fen(fa.expense_fen)}（{rmb_upper(fa.expense_fen)}）。", 10, space_after=2 * mm),
        heading("三、承接方运营管理费"),
    ]
    lines = []
    for c in fa.contracts:
        ex = c.execution
        within = "未超过" if ex.mgmt_actual_fen <= ex.mgmt_limit_fen else "超过"
        share = share_text(ex.mgmt_actual_fen, c.contract.total_fen)
        lines.append(f"{c.contract.contract_no}：预算 {format_fen(c.contract.management_budget_fen)}，"
                     f"至本年末累计支出 {format_fen(ex.mgmt_actual_fen)}，占项目总经费 {share}，"
                     f"{within}{percent.normalize():f}% 的上限。")
    story += [_p(line, 10) for line in lines] or [_p("本年度没有在执行的购买服务合同。", 10)]
    story += [
        Spacer(1, 2 * mm),
        heading("四、监督方式"),
        _p("对以上资金使用情况如有疑问或意见，请在公开之日起 15 个工作日内向本站或街道（乡镇）反映。"
           f"联系电话：{profile.contact_phone or '（未填写）'}；地址：{profile.address or '（未填写）'}。", 10),
        Spacer(1, 8 * mm),
        _p(f"{profile.operator_org or profile.name}（盖章）", 10.5, align=TA_RIGHT),
        _p(chinese_date(today), 10.5, align=TA_RIGHT),
    ]
    if fa.unreviewed:
        story.insert(3, _p(f"注：本年度尚有 {fa.unreviewed} 张凭证未审核，数字以决算为准。", 9,
                           space_after=2 * mm))

    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN, title=f"{profile.name}{year}年度资金信息公开", author=profile.name,
                                creator="sgz-desktop")
        doc.build([KeepInFrame(doc.width, doc.height, story, mode="shrink")])

    return build(Path(out), make)


def disclosure_xlsx(st: Station, actor: Actor, out: Path, year: int) -> int:
    require(actor, Permission.VIEW)
    fa = final_accounts(st, actor, year)
    rows: list[Sequence[object]] = []
    for c in fa.contracts:
        spent = {line.category: line.period_fen for line in c.execution.categories}
        rows.append((c.contract.contract_no, c.contract.name, c.contract.funder, c.contract.total_fen, c.income_fen,
                     *(spent[k] for k in EXPENSE_CATEGORIES), c.expense_fen, c.closing_fen,
                     share_text(c.execution.mgmt_actual_fen, c.contract.total_fen)))
    headers = ["合同编号", "项目名称", "购买方", "合同金额", "本年到位资金", *EXPENSE_CATEGORIES, "本年支出合计",
               "年末结余", f"{MANAGEMENT}累计占比"]
    kinds = ["text", "text", "text", "fen", "fen", "fen", "fen", "fen", "fen", "fen", "text"]
    return write_table_xlsx(out, f"{year}年资金信息公开", headers, rows, None, kinds)


# --- evaluation records -----------------------------------------------------------------------------------

def evaluations_pdf(st: Station, actor: Actor, out: Path) -> Path:
    """评估记录: every contract's mid-term and year-end evaluations and what Art. 33 makes of them."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    page = RegisterPage("购买服务项目评估记录", get_profile(st).name, "依据第三十三条", today)
    frame = frame_width(page)
    evaluations = list_evaluations(st, actor)
    body: list[Flowable] = []
    for c in list_contracts(st, actor):
        mine = [e for e in evaluations if e.contract_id == c.id]
        status = renewal(c, mine, today)
        body += [heading(f"{c.contract_no} {c.name}"),
                 note(f"购买方：{c.funder}；合同期限 {c.start_date:%Y-%m-%d} 至 {c.end_date:%Y-%m-%d}；"
                      f"{'首次购买' if c.first_purchase else '续签或再次购买'}。")]
        rows = [(f"第 {e.execution_year} 年度", e.kind, e.evaluated_on.isoformat(), e.evaluator, e.grade,
                 "" if e.score is None else e.score, e.notes) for e in mine]
        if rows:
            body.append(table(("执行年度", "类型", "评估日期", "评估机构", "等级", "得分", "评估意见"), rows,
                              widths(frame, (9, 6, 10, 20, 7, 6, 30)), align="cccllcl",
                              marked=[i for i, e in enumerate(mine) if e.grade == "不合格"]))
        body += [note(f"续签资格：{status.text}。"), Spacer(1, 4)]
    if not body:
        body.append(note("还没有登记购买服务合同。"))
    return write_register(out, page, body)


def evaluations_xlsx(st: Station, actor: Actor, out: Path) -> int:
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    evaluations = list_evaluations(st, actor)
    rows: list[Sequence[object]] = []
    for c in list_contracts(st, actor):
        mine = [e for e in evaluations if e.contract_id == c.id]
        text = renewal(c, mine, today).text
        rows += [(c.contract_no, e.execution_year, e.kind, e.evaluated_on, e.evaluator, e.grade, e.score, e.notes, text)
                 for e in mine] or [(c.contract_no, None, "", None, "", "", None, "", text)]
    headers = ["合同编号", "执行年度", "评估类型", "评估日期", "评估机构", "评估等级", "得分", "评估意见", "续签资格"]
    return write_table_xlsx(out, "购买服务项目评估记录", headers, rows, None,
                            ["text", "int", "text", "date", "text", "text", "int", "text", "text"])

