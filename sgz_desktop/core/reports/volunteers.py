"""Printed papers of the volunteer area: 志愿服务证明 (one per certificate number), 积分兑换凭证 (one per
redemption), the 志愿者名册 and the 志愿服务年度汇总 (PDF and Excel)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..excel import display_width, sheet_title
from ..profile import get_profile
from ..roles import Actor, Permission, require
from ..staff import mask_phone
from ..station import Station
from ..training import tidy
from ..validation import mask_id_number
from ..volunteer_certificates import CertificateInfo, get_certificate, list_certificates
from ..volunteer_hours import approved_tenths
from ..volunteer_points import KIND_LABELS, KINDS, points_by_kind, yearly_points
from ..volunteer_rewards import RedemptionInfo, get_redemption
from ..volunteer_stars import STAR_NAMES, star_counts
from ..volunteer_stats import hours_by_community, hours_by_month, top_volunteers, year_figures
from ..volunteers import WITHDRAWN, list_volunteers
from ..xlsx_input import save_atomically
from .pdf import build, chinese_font, style
from .register import RegisterPage, chinese_date, frame_width, heading, note, table, widths, write_register

BASIS = "依据《志愿服务条例》《志愿服务记录与证明出具办法（试行）》出具"


def _h(value: Decimal) -> str:
    return str(tidy(value)) if value else "0"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _SealPlace(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A dashed circle where the issuing organisation's seal goes."""

    def __init__(self, diameter: float) -> None:
        super().__init__()
        self.diameter = diameter

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        d = Drawing(self.diameter, self.diameter)
        r = self.diameter / 2
        d.add(Circle(r, r, r - 1, strokeColor=colors.HexColor("#C0504D"), strokeDashArray=[3, 3], fillColor=None,
                     strokeWidth=0.8))
        d.add(String(r, r - 4, "（盖章处）", fontName=chinese_font().name, fontSize=10,
                     fillColor=colors.HexColor("#C0504D"), textAnchor="middle"))
        d.drawOn(self.canv, 0, 0)


# --- 志愿服务证明 -----------------------------------------------------------------------------------------

def _certificate_story(c: CertificateInfo, frame: float) -> list[Flowable]:
    body = style(13, leading=25)
    hours = _h(c.hours)
    intro = (f"兹证明 <b>{_esc(c.volunteer_name)}</b>（证件类型：{c.id_type}，证件号码：{c.id_number_masked}，"
             f"志愿者编号：{_esc(c.volunteer_no)}）于 {chinese_date(c.period_from)} 至 {chinese_date(c.period_to)} "
             f"期间，在{_esc(c.organisation)}参加志愿服务 {c.activities} 次，累计志愿服务时长 <b>{hours} 小时</b>。")
    label = style(11.5, bold=True)
    value = style(11.5)
    fields = [("服务内容", c.content), ("服务时长", f"{hours} 小时（以审核通过的服务记录为准）"),
              ("出具组织", c.organisation), ("负责人", c.responsible_person), ("经办人", c.handler),
              ("联系方式", c.contact), ("证明编号", c.number), ("出具日期", chinese_date(c.issued_on))]
    grid = Table([[Paragraph(k, label), Paragraph(_esc(v), value)] for k, v in fields],
                 colWidths=[28 * mm, frame - 28 * mm])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#6B6B6B")),
                              ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF2F6")),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    sign = Table([[Paragraph(f"出具组织（盖章）：{_esc(c.organisation)}<br/>{chinese_date(c.issued_on)}",
                             style(12, align=TA_RIGHT, leading=22)), _SealPlace(34 * mm)]],
                 colWidths=[frame - 40 * mm, 40 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [
        Paragraph(f"证明编号：{c.number}", style(10.5, align=TA_RIGHT, space_after=6 * mm)),
        Paragraph("志愿服务证明", style(24, bold=True, align=TA_CENTER, space_after=10 * mm)),
        Paragraph(intro, body), Spacer(1, 3 * mm),
        Paragraph("特此证明。", body), Spacer(1, 8 * mm),
        grid, Spacer(1, 12 * mm), sign, Spacer(1, 14 * mm),
        Paragraph(f"{BASIS}。本证明可凭证明编号向出具组织查验（联系电话：{_esc(c.contact)}）；"
                  "证件号码已部分隐藏以保护个人信息。", style(9, leading=14)),
    ]


def write_certificate_pdf(st: Station, actor: Actor, number: str, out: Path) -> Path:
    """The certificate with this number, from its register entry (a reprint reads the same)."""
    c = get_certificate(st, actor, number)
    margin = 25 * mm

    def border(canvas: Canvas, _doc: Any) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#9C2B23"))
        canvas.setLineWidth(2)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        canvas.setLineWidth(0.6)
        canvas.rect(14 * mm, 14 * mm, width - 28 * mm, height - 28 * mm)
        canvas.restoreState()

    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=28 * mm,
                                bottomMargin=22 * mm, title=f"志愿服务证明 {c.number}", author=c.organisation,
                                subject=f"{c.volunteer_name} 志愿服务证明", creator="sgz-desktop")
        doc.build(_certificate_story(c, doc.width), onFirstPage=border, onLaterPages=border)

    return build(Path(out), make)


# --- 积分兑换凭证 ------------------------------------------------------------------------------------------

def _receipt_story(r: RedemptionInfo, station: str, frame: float) -> list[Flowable]:
    label, value = style(11, bold=True), style(11)
    rows = [("凭证号", r.receipt_no, "兑换日期", chinese_date(r.redeemed_on)),
            ("志愿者", f"{r.volunteer_name}（{r.volunteer_no}）", "经办人", r.handled_by),
            ("兑换物品", r.item_name, "数量", f"{r.quantity} 件"),
            ("扣除积分", f"{r.points} 分", "兑换后余额", f"{r.balance_after} 分")]
    grid = Table([[Paragraph(a, label), Paragraph(_esc(b), value), Paragraph(c, label), Paragraph(_esc(d), value)]
                  for a, b, c, d in rows], colWidths=[frame * w for w in (0.16, 0.38, 0.16, 0.30)])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#6B6B6B")),
                              ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF2F6")),
                              ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#EEF2F6")),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story: list[Flowable] = [Paragraph(_esc(station), style(11, align=TA_CENTER)),
                             Paragraph("志愿积分兑换凭证", style(18, bold=True, align=TA_CENTER, space_after=5 * mm)),
                             grid, Spacer(1, 10 * mm),
                             Paragraph("志愿者签名：________________　　　　经办人签名：________________",
                                       style(11, leading=18))]
    if r.cancelled_at is not None:
        story.insert(2, Paragraph(f"【已作废】{r.cancelled_at:%Y-%m-%d} 作废：{_esc(r.cancel_reason)}",
                                  style(11, bold=True, align=TA_CENTER, space_after=3 * mm)))
    return story


def write_receipt_pdf(st: Station, actor: Actor, redemption_id: int, out: Path) -> Path:
    """The receipt handed over with the items (A5 landscape), signed by the volunteer and the clerk."""
    r = get_redemption(st, actor, redemption_id)
    station = get_profile(st).name

    def make(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A5), leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=12 * mm, bottomMargin=12 * mm, title=f"积分兑换凭证 {r.receipt_no}",
                                author=station, creator="sgz-desktop")
        doc.build(_receipt_story(r, station, doc.width))

    return build(Path(out), make)


# --- 志愿者名册 ---------------------------------------------------------------------------------------------

def write_registry_pdf(st: Station, actor: Actor, out: Path) -> Path:
    """Volunteers still registered (在册 and 暂停), A4 landscape, ID numbers and phones masked."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    people = [p for p in list_volunteers(st, actor) if p.status != WITHDRAWN]
    with st.read() as s:
        hours = approved_tenths(s)
    page = RegisterPage("志愿者名册", get_profile(st).name, f"在册志愿者 · 截至 {chinese_date(today)}", today,
                        wide=True)
    rows = [(i, p.volunteer_no, p.name, p.gender, p.community_name or "—", p.skills or "—", p.registered_on.isoformat(),
             p.status, _h(Decimal(hours.get(p.id, 0)) / 10), STAR_NAMES[p.star_level], mask_phone(p.phone),
             mask_id_number(p.id_number)) for i, p in enumerate(people, start=1)]
    by_status = Counter(p.status for p in people)
    body: list[Flowable] = [
        note(f"在册 {by_status.get('在册', 0)} 人，暂停 {by_status.get('暂停', 0)} 人；证件号码和手机号已部分隐藏。"),
        table(("序号", "志愿者编号", "姓名", "性别", "所在社区", "技能特长", "注册日期", "状态", "累计时长", "星级",
               "手机号", "身份证号"), rows, widths(frame_width(page), (4, 8, 6, 4, 8, 10, 7, 4, 6, 5, 8, 12)),
              align="cccclccccccc")]
    return write_register(out, page, body)


# --- 志愿积分台账 ---------------------------------------------------------------------------------------------

def write_points_pdf(st: Station, actor: Actor, year: int, out: Path) -> Path:
    """志愿积分台账 of a year: each volunteer's opening balance, the year's points by kind, closing balance."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    rows = yearly_points(st, actor, year)
    page = RegisterPage("志愿积分台账", get_profile(st).name, f"{year} 年度 · 依据第二十一条", today, wide=True)
    totals = [sum(r.opening for r in rows), *(sum(r.by_kind[k] for r in rows) for k in KINDS),
              sum(r.closing for r in rows)]
    table_rows: list[tuple[object, ...]] = [
        (i, r.volunteer_no, r.name, r.opening, *(r.by_kind[k] or "" for k in KINDS), r.closing)
        for i, r in enumerate(rows, start=1)]
    table_rows.append(("", "", "合计", *totals))
    body: list[Flowable] = [
        note("积分以服务日期、兑换日期等业务日期归属年度；年初余额 + 本年各类变动 = 年末余额。"
             f"共 {len(rows)} 名志愿者。"),
        table(("序号", "志愿者编号", "姓名", "年初余额", *(KIND_LABELS[k] for k in KINDS), "年末余额"), table_rows,
              widths(frame_width(page), (4, 9, 7, 7, 7, 7, 7, 7, 7, 7)), align="ccc" + "r" * 7, total_row=True)]
    return write_register(out, page, body)


# --- 志愿服务年度汇总 -------------------------------------------------------------------------------------

def _year_rows(st: Station, actor: Actor, year: int) -> dict[str, Any]:
    figures = year_figures(st, actor, year)
    points = points_by_kind(st, actor, year)
    certificates = list_certificates(st, actor, year=year)
    return {"figures": figures, "points": points, "certificates": certificates,
            "months": hours_by_month(st, year), "communities": hours_by_community(st, year),
            "top": top_volunteers(st, year, 20), "stars": star_counts(st, actor)}


def write_year_pdf(st: Station, actor: Actor, year: int, out: Path) -> Path:
    """志愿服务年度汇总: figures, hours per month and community, the most active volunteers, points,
    stars and the certificates issued (Art. 21, 22)."""
    require(actor, Permission.VIEW)
    today = st.clock.now().date()
    d = _year_rows(st, actor, year)
    f, p = d["figures"], d["points"]
    page = RegisterPage("志愿服务年度汇总", get_profile(st).name, f"{year} 年度", today, wide=True)
    frame = frame_width(page)
    summary = (f"年末在册志愿者 {f.registered} 人（本年新注册 {f.new_volunteers} 人）；"
               f"全年开展志愿服务活动 {f.activities} 次，{f.volunteers_served} 名志愿者参加服务 {f.services} 人次，"
               f"审核通过的服务时长合计 {_h(f.hours)} 小时"
               + (f"；另有 {f.pending} 条时长待审核" if f.pending else "") + "。"
               f"积分：服务获得 {p['earn']} 分，兑换 {-p['redeem']} 分，调整 {p['adjust']:+d} 分，"
               f"过期 {-p['expire']} 分，冲正 {p['reversal']:+d} 分。出具志愿服务证明 {len(d['certificates'])} 份。")
    months = d["months"]
    total_hours = sum((h for _m, h in months), Decimal(0))
    body: list[Flowable] = [
        heading("一、概况"), note(summary),
        heading("二、各月服务时长（小时）"),
        table([f"{m}月" for m, _h2 in months] + ["合计"], [[_h(h) for _m, h in months] + [_h(total_hours)]],
              widths(frame, [1] * 13), align="r" * 13),
        Spacer(1, 4 * mm), heading("三、各社区服务时长（按志愿者所在社区）"),
        table(("序号", "社区", "服务人数", "服务时长（小时）", "占比"),
              [(i, name, n, _h(h), f"{h * 100 / total_hours:.1f}%" if total_hours else "—")
               for i, (name, h, n) in enumerate(d["communities"], start=1)],
              widths(frame, (4, 16, 8, 10, 8)), align="clrrr"),
        Spacer(1, 4 * mm), heading("四、服务时长前 20 名"),
        table(("名次", "志愿者编号", "姓名", "所在社区", "服务次数", "服务时长（小时）"),
              [(i, v.volunteer_no, v.name, v.community_name or "—", v.services, _h(v.hours))
               for i, v in enumerate(d["top"], start=1)], widths(frame, (4, 8, 8, 12, 6, 8)), align="cccccr"),
        Spacer(1, 4 * mm), heading("五、星级分布（在册志愿者现有星级）"),
        table([name for name, _n in d["stars"]], [[n for _name, n in d["stars"]]], widths(frame, [1] * 6),
              align="c" * 6),
        Spacer(1, 4 * mm), heading("六、志愿服务证明出具登记"),
        table(("证明编号", "出具日期", "志愿者编号", "姓名", "服务期间", "时长（小时）", "经办人"),
              [(c.number, c.issued_on.isoformat(), c.volunteer_no, c.volunteer_name,
                f"{c.period_from:%Y-%m-%d} 至 {c.period_to:%Y-%m-%d}", _h(c.hours), c.handler)
               for c in d["certificates"]], widths(frame, (10, 8, 8, 7, 16, 7, 7)), align="ccccccc"),
    ]
    if not d["certificates"]:
        body.append(note("本年度未出具志愿服务证明。"))
    return write_register(out, page, body)


def write_year_xlsx(st: Station, actor: Actor, year: int, out: Path) -> Path:
    """The year summary as a workbook: one sheet per table of the PDF."""
    require(actor, Permission.VIEW)
    d = _year_rows(st, actor, year)
    f, p = d["figures"], d["points"]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        ("概况", ["项目", "数值"], [
            ["年末在册志愿者（人）", f.registered], ["本年新注册（人）", f.new_volunteers],
            ["志愿服务活动（次）", f.activities], ["参加服务志愿者（人）", f.volunteers_served],
            ["服务人次", f.services], ["服务时长（小时）", float(f.hours)], ["待审核时长（条）", f.pending],
            ["服务获得积分", p["earn"]], ["兑换积分", -p["redeem"]], ["调整积分", p["adjust"]],
            ["过期积分", -p["expire"]], ["冲正积分", p["reversal"]],
            ["出具志愿服务证明（份）", len(d["certificates"])]]),
        ("各月服务时长", ["月份", "服务时长（小时）"], [[f"{m}月", float(h)] for m, h in d["months"]]),
        ("各社区服务时长", ["社区", "服务人数", "服务时长（小时）"],
         [[name, n, float(h)] for name, h, n in d["communities"]]),
        ("服务时长前20名", ["名次", "志愿者编号", "姓名", "所在社区", "服务次数", "服务时长（小时）"],
         [[i, v.volunteer_no, v.name, v.community_name, v.services, float(v.hours)]
          for i, v in enumerate(d["top"], start=1)]),
        ("星级分布", ["星级", "人数"], [[name, n] for name, n in d["stars"]]),
        ("证明出具登记", ["证明编号", "出具日期", "志愿者编号", "姓名", "服务起", "服务止", "服务时长（小时）",
                    "经办人"],
         [[c.number, c.issued_on, c.volunteer_no, c.volunteer_name, c.period_from, c.period_to, float(c.hours),
           c.handler] for c in d["certificates"]]),
    ]
    wb = Workbook()
    for blank in list(wb.worksheets):
        wb.remove(blank)
    wb.properties.title = f"{year}年志愿服务年度汇总"
    for title, headers, rows in sheets:
        ws = wb.create_sheet(sheet_title(title))
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        for row in rows:
            ws.append(row)
        for i, header in enumerate(headers, start=1):
            longest = max([display_width(header)] + [display_width(str(r[i - 1])) for r in rows])
            ws.column_dimensions[get_column_letter(i)].width = min(longest + 4, 50)
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
    save_atomically(wb, Path(out))
    return Path(out)
