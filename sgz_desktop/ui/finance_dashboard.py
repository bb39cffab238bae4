"""The finance area in the rest of the window: its dashboard chart (budget execution by category over
the contracts running today), its cards' vouchers and contracts opening on the Projects & Finance page,
and the names of its tables in the audit log. Imported at start-up through ``dashboard.AREA_MODULES``."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QWidget

from ..core.finance_budget import execution_by_category
from ..core.roles import SYSTEM
from ..core.station import Station
from . import audit_page
from .dashboard import ChartProvider, add_chart, add_people_page

translate = QCoreApplication.translate  # a plain name lupdate still recognises

audit_page.TABLES.update({
    "project": QT_TRANSLATE_NOOP("AuditPage", "Service projects"),
    "contract": QT_TRANSLATE_NOOP("AuditPage", "Purchase-of-service contracts"),
    "budget_line": QT_TRANSLATE_NOOP("AuditPage", "Contract budgets"),
    "contract_evaluation": QT_TRANSLATE_NOOP("AuditPage", "Contract evaluations"),
    "ledger_entry": QT_TRANSLATE_NOOP("AuditPage", "Ledger entries"),
    "ledger_attachment": QT_TRANSLATE_NOOP("AuditPage", "Voucher scans"),
    "ledger_close": QT_TRANSLATE_NOOP("AuditPage", "Closed periods"),
})
audit_page.ACTIONS.setdefault("ledger_chain", QT_TRANSLATE_NOOP("AuditPage", "Review chain extended"))
audit_page.ACTIONS.setdefault("reopen", QT_TRANSLATE_NOOP("AuditPage", "Period reopened"))
for _key, _label in {
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "field": QT_TRANSLATE_NOOP("AuditFields", "Service field"),
    "start_date": QT_TRANSLATE_NOOP("AuditFields", "Starts"),
    "end_date": QT_TRANSLATE_NOOP("AuditFields", "Ends"),
    "lead_staff_id": QT_TRANSLATE_NOOP("AuditFields", "Lead social worker"),
    "goals": QT_TRANSLATE_NOOP("AuditFields", "Goals"),
    "need_list": QT_TRANSLATE_NOOP("AuditFields", "Needs list"),
    "resource_list": QT_TRANSLATE_NOOP("AuditFields", "Resources list"),
    "service_list": QT_TRANSLATE_NOOP("AuditFields", "Services list"),
    "contract_no": QT_TRANSLATE_NOOP("AuditFields", "Contract number"),
    "funder": QT_TRANSLATE_NOOP("AuditFields", "Funder"),
    "operator": QT_TRANSLATE_NOOP("AuditFields", "Operator"),
    "total_fen": QT_TRANSLATE_NOOP("AuditFields", "Contract total"),
    "first_purchase": QT_TRANSLATE_NOOP("AuditFields", "First purchase"),
    "signed_on": QT_TRANSLATE_NOOP("AuditFields", "Signed on"),
    "contract_id": QT_TRANSLATE_NOOP("AuditFields", "Contract"),
    "category": QT_TRANSLATE_NOOP("AuditFields", "Category"),
    "sub_category": QT_TRANSLATE_NOOP("AuditFields", "Account"),
    "amount_fen": QT_TRANSLATE_NOOP("AuditFields", "Amount"),
    "execution_year": QT_TRANSLATE_NOOP("AuditFields", "Execution year"),
    "evaluated_on": QT_TRANSLATE_NOOP("AuditFields", "Evaluated on"),
    "evaluator": QT_TRANSLATE_NOOP("AuditFields", "Evaluator"),
    "grade": QT_TRANSLATE_NOOP("AuditFields", "Grade"),
    "score": QT_TRANSLATE_NOOP("AuditFields", "Score"),
    "year": QT_TRANSLATE_NOOP("AuditFields", "Year"),
    "voucher_no": QT_TRANSLATE_NOOP("AuditFields", "Voucher number"),
    "entry_date": QT_TRANSLATE_NOOP("AuditFields", "Date"),
    "summary": QT_TRANSLATE_NOOP("AuditFields", "Summary"),
    "direction": QT_TRANSLATE_NOOP("AuditFields", "Income or expense"),
    "counterparty": QT_TRANSLATE_NOOP("AuditFields", "Counterparty"),
    "payment_method": QT_TRANSLATE_NOOP("AuditFields", "Payment method"),
    "project_id": QT_TRANSLATE_NOOP("AuditFields", "Service project"),
    "reverses_id": QT_TRANSLATE_NOOP("AuditFields", "Reverses"),
    "over_limit_reason": QT_TRANSLATE_NOOP("AuditFields", "Reason over the limit"),
    "entered_by": QT_TRANSLATE_NOOP("AuditFields", "Entered by"),
    "entered_by_name": QT_TRANSLATE_NOOP("AuditFields", "Entered by (name)"),
    "entered_at": QT_TRANSLATE_NOOP("AuditFields", "Entered at"),
    "reviewed_by": QT_TRANSLATE_NOOP("AuditFields", "Reviewed by"),
    "reviewed_by_name": QT_TRANSLATE_NOOP("AuditFields", "Reviewed by (name)"),
    "reviewed_at": QT_TRANSLATE_NOOP("AuditFields", "Reviewed at"),
    "chain_seq": QT_TRANSLATE_NOOP("AuditFields", "Review chain position"),
    "prev_hash": QT_TRANSLATE_NOOP("AuditFields", "Previous hash"),
    "chain_hash": QT_TRANSLATE_NOOP("AuditFields", "Review hash"),
    "entry_id": QT_TRANSLATE_NOOP("AuditFields", "Voucher"),
    "file_name": QT_TRANSLATE_NOOP("AuditFields", "File name"),
    "sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256"),
    "size_bytes": QT_TRANSLATE_NOOP("AuditFields", "Size (bytes)"),
    "format": QT_TRANSLATE_NOOP("AuditFields", "Format"),
    "pages": QT_TRANSLATE_NOOP("AuditFields", "Pages"),
    "added_at": QT_TRANSLATE_NOOP("AuditFields", "Added at"),
    "month": QT_TRANSLATE_NOOP("AuditFields", "Month"),
    "closed_at": QT_TRANSLATE_NOOP("AuditFields", "Closed at"),
    "closed_by": QT_TRANSLATE_NOOP("AuditFields", "Closed by"),
    "closed_by_name": QT_TRANSLATE_NOOP("AuditFields", "Closed by (name)"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
}.items():
    audit_page.FIELDS.setdefault(_key, _label)  # another area may have named a shared key already

SHORT = {"人员劳务费": "人员劳务费", "服务质量保障经费": "服务质量保障", "承接方运营管理费": "运营管理费"}


def budget_chart(st: Station) -> QWidget:
    # Figures everyone may see: read as the system, like the checks behind the cards.
    rows = execution_by_category(st, SYSTEM)
    budget = QBarSet(translate("finance_dashboard", "Budget"))
    spent = QBarSet(translate("finance_dashboard", "Spent to date"))
    budget.append([b / 1_000_000 for _c, b, _s in rows])  # in 10 000 yuan (万元), as officials read budgets
    spent.append([s / 1_000_000 for _c, _b, s in rows])
    budget.setColor(QColor("#9db7d1"))
    spent.setColor(QColor("#35618a"))
    series = QBarSeries()
    series.append(budget)
    series.append(spent)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(4)
    chart = QChart()
    chart.addSeries(series)
    chart.setBackgroundVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis_x = QBarCategoryAxis()
    axis_x.append([SHORT.get(c, c) for c, _b, _s in rows])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max([b / 1_000_000 for _c, b, _s in rows] + [1.0])
    axis_y.setRange(0, top * 1.15)
    axis_y.applyNiceNumbers()  # round ticks (0, 50, 100 …万元)
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(translate("finance_dashboard", "10 000 yuan"))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(QColor("white"))
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(300)
    view.setToolTip(translate("finance_dashboard", "Budget and spending of the contracts running today, "
                                                   "by Art. 26 category."))
    return view


add_chart(ChartProvider("budget_execution_by_category",
                        lambda: translate("finance_dashboard", "Budget execution by category (contracts running)"),
                        budget_chart))
add_people_page("finance", "finance")
add_people_page("projects", "finance")
