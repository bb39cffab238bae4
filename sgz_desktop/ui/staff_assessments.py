"""Annual assessments (Art. 34): a year's grades, who is still unassessed, 不合格 flagged in red until the
review's outcome is recorded, and the 年度考核表 to print. A person's whole history is in their roster entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core import assessments, profile, staff
from ..core.assessments import FAILED, GRADES, AssessmentInfo
from ..core.errors import SgzError
from ..core.reports.staff import write_assessment_pdf
from ..core.roles import Actor, Permission
from ..core.staff_tables import assessment_table
from ..core.station import Station
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import FieldErrors, OptionalDate, action_button, date_edit, read_only_note, to_date
from .table_page import TablePage

FAILED_RED = QColor("#b3261e")
FIRST_YEAR = 2000
PENDING = "待处理"  # what the core's assessment table shows while a 不合格 awaits its review
D = TypeVar("D", bound=QDialog)


class FlagFailed(QStyledItemDelegate):
    """Rows graded 不合格 in red, bold while the review is pending."""

    def __init__(self, grade_column: int, outcome_column: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.grade_column, self.outcome_column = grade_column, outcome_column

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if model.index(index.row(), self.grade_column).data() == FAILED:
            option.palette.setColor(option.palette.ColorRole.Text, FAILED_RED)
            pending = model.index(index.row(), self.outcome_column).data(Qt.ItemDataRole.UserRole) == PENDING
            if not pending or index.column() not in (self.grade_column, self.outcome_column):
                return
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


def assessment_years(st: Station) -> list[int]:
    """This year back to the first year anyone was hired (at most 15 years shown)."""
    this = st.clock.now().year
    return list(range(this, max(this - 15, FIRST_YEAR - 1), -1))


class AssessmentsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_STAFF)
        self.dialog: QDialog | None = None
        self.titles = {"name": self.tr("Name"), "post": self.tr("Post"), "year": self.tr("Year"),
                       "grade": self.tr("Grade"), "assessor": self.tr("Assessor"), "assessed_on": self.tr("Date"),
                       "notes": self.tr("Remarks"), "review_outcome": self.tr("Review outcome")}
        self.year = QComboBox(self)
        for year in assessment_years(st):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(self._default_year()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot record assessments.")))
        self.table = TablePage(assessment_table(st, actor, self.current_year(), self.titles),
                               self.tr("Annual assessments"), self)
        self.table.add_filter(self.year, self.tr("Year"))
        width = len(self.table.model.columns)
        self.table.view.setItemDelegate(FlagFailed(3, 7, self.table.view))
        self.table.row_activated.connect(lambda _row: self.edit_grade())
        self.table.current_row_changed.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setObjectName("hintLabel")
        self.missing.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.missing)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self._width = width
        self.reload()

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("Record a grade…"), self, self.add_grade, enabled=self.can_edit)
        self.edit_button = action_button(self.tr("Change…"), self, self.edit_grade, enabled=self.can_edit)
        self.review_button = action_button(self.tr("Record the review outcome…"), self, self.record_review,
                                           enabled=self.can_edit)
        self.delete_button = action_button(self.tr("Delete"), self, self.delete_grade, enabled=self.can_edit)
        self.print_button = action_button(self.tr("Print the assessment table…"), self, self.print_table)
        for button in (self.add_button, self.edit_button, self.review_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        return row

    def _default_year(self) -> int:
        """The latest year with grades (assessments of a year are made early the next one)."""
        this = self.st.clock.now().year
        for year in (this, this - 1):
            if assessments.list_assessments(self.st, self.actor, year):
                return year
        return this - 1

    def current_year(self) -> int:
        return int(self.year.currentData())

    def reload(self) -> None:
        year = self.current_year()
        try:
            rows = assessment_table(self.st, self.actor, year, self.titles).rows
            missing = assessments.unassessed(self.st, self.actor, year)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Annual assessments"))
            return
        self.table.model.source.rows = rows  # type: ignore[attr-defined]
        self.table.refresh()
        if missing:
            self.missing.setText(self.tr("Not yet assessed for %1 (%2): %3").replace("%1", str(year))
                                 .replace("%2", str(len(missing))).replace("%3", "、".join(n for _i, n, _p in missing)))
        else:
            self.missing.setText(self.tr("Everyone to be assessed for %1 has a grade.").replace("%1", str(year)))

    def selected(self) -> AssessmentInfo | None:
        values = self.table.current_values()
        if values is None:
            dialogs.show_error(self, self.tr("Choose an assessment in the list first."),
                               self.tr("Annual assessments"))
            return None
        assessment_id = values[self._width]
        year = self.current_year()
        return next(a for a in assessments.list_assessments(self.st, self.actor, year) if a.id == assessment_id)

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        chosen = values is not None
        self.edit_button.setEnabled(self.can_edit and chosen)
        self.delete_button.setEnabled(self.can_edit and chosen)
        self.review_button.setEnabled(self.can_edit and chosen and values is not None and values[3] == FAILED)

    def add_grade(self) -> AssessmentDialog:
        return self._open(AssessmentDialog(self.st, self.actor, self.current_year(), None, self))

    def edit_grade(self) -> AssessmentDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._open(AssessmentDialog(self.st, self.actor, chosen.year, chosen, self))

    def record_review(self) -> ReviewDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._open(ReviewDialog(self.st, self.actor, chosen, self))

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def delete_grade(self) -> None:
        chosen = self.selected()
        if chosen is None or not dialogs.confirm(self, self.tr("Delete an assessment"), self.tr(
                "Delete the %1 grade of %2 for %3?").replace("%1", chosen.grade).replace("%2", chosen.staff_name)
                .replace("%3", str(chosen.year))):
            return
        try:
            assessments.delete_assessment(self.st, self.actor, chosen.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Annual assessments"))
        self.reload()

    def print_table(self) -> None:
        st, actor, year = self.st, self.actor, self.current_year()
        preview_report(self, self.tr("Annual assessment table"), f"年度考核表-{year}.pdf",
                       lambda path: write_assessment_pdf(st, actor, path, year))


class AssessmentDialog(QDialog):
    """A grade for one person and year (new, or a correction of ``existing``)."""

    def __init__(self, st: Station, actor: Actor, year: int, existing: AssessmentInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.existing = st, actor, existing
        self.saved: AssessmentInfo | None = None
        self.setWindowTitle(self.tr("Annual assessment") if existing is None
                            else self.tr("Annual assessment of %1").replace("%1", existing.staff_name))
        layout = QVBoxLayout(self)
        self.errors = FieldErrors(QLabel(self))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        e = self.errors
        self.person = QComboBox(self)
        self.year = QComboBox(self)
        for y in assessment_years(st):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(year), 0))
        self.grade = QComboBox(self)
        self.grade.addItems(list(GRADES))
        self.grade.setCurrentText("合格")
        # the station's person in charge usually signs; whoever records it otherwise
        self.assessor = QLineEdit(profile.get_profile(st).responsible_person or actor.display_name, self)
        self.assessed_on = OptionalDate(self.tr("on"), None, self, today=st.clock.now().date())
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(72)
        self.notes.setPlaceholderText(self.tr("Required for 不合格: the reasons."))
        form.addRow(self.tr("Person"), e.field("人员", self.person))
        form.addRow(self.tr("Year"), e.field("考核年度", self.year))
        form.addRow(self.tr("Grade"), e.field("考核等级", self.grade))
        form.addRow(self.tr("Assessor"), e.field("考核人", self.assessor))
        form.addRow(self.tr("Date"), e.field("考核日期", self.assessed_on))
        form.addRow(self.tr("Remarks"), e.field("考核意见", self.notes))
        layout.addLayout(form)
        self.flag = QLabel(self.tr("不合格 flags the person for review (Art. 34): record the outcome once decided."),
                           self)
        self.flag.setObjectName("errorLabel")
        self.flag.setWordWrap(True)
        layout.addWidget(self.flag)
        self.grade.currentTextChanged.connect(lambda text: self.flag.setVisible(text == FAILED))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if existing is not None:
            self.person.addItem(f"{existing.staff_name}（{existing.post}）", existing.staff_id)
            self.person.setEnabled(False)
            self.year.setEnabled(False)
            self.grade.setCurrentText(existing.grade)
            self.assessor.setText(existing.assessor)
            self.assessed_on.set_value(existing.assessed_on)
            self.notes.setPlainText(existing.notes)
        else:
            self._fill_people()
            self.year.currentIndexChanged.connect(lambda _i: self._fill_people())
        self.flag.setVisible(self.grade.currentText() == FAILED)
        self.setMinimumWidth(520)

    def _fill_people(self) -> None:
        """Those still without a grade for the year first, then everyone else in post during it."""
        year = int(self.year.currentData())
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        waiting = assessments.unassessed(self.st, self.actor, year)
        graded = {a.staff_id for a in assessments.list_assessments(self.st, self.actor, year)}
        self.person.clear()
        for staff_id, name, post in waiting:
            self.person.addItem(f"{name}（{post}）", staff_id)
        shown = {i for i, _n, _p in waiting} | graded
        for p in staff.list_staff(self.st, self.actor):
            if p.id not in shown and p.hire_date <= last and (p.leave_date is None or p.leave_date > first):
                self.person.addItem(f"{p.name}（{p.post}）", p.id)

    def save(self) -> None:
        if self.person.currentData() is None:
            self.errors.show(self.tr("Nobody to assess for that year."))
            return
        try:
            self.saved = assessments.set_assessment(
                self.st, self.actor, int(self.person.currentData()), int(self.year.currentData()),
                self.grade.currentText(), assessor=self.assessor.text(), assessed_on=self.assessed_on.value(),
                notes=self.notes.toPlainText())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class ReviewDialog(QDialog):
    """The outcome of reviewing a 不合格 grade, which clears the flag."""

    def __init__(self, st: Station, actor: Actor, assessment: AssessmentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.assessment = st, actor, assessment
        self.saved: AssessmentInfo | None = None
        self.setWindowTitle(self.tr("Review of %1").replace("%1", assessment.staff_name))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 was graded %2 for %3. Remarks: %4").replace("%1", assessment.staff_name)
                       .replace("%2", assessment.grade).replace("%3", str(assessment.year))
                       .replace("%4", assessment.notes or "—"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.errors = FieldErrors(QLabel(self))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        self.outcome = QComboBox(self)
        self.outcome.setEditable(True)
        self.outcome.addItems(["解聘", "整改后续聘", "调整岗位"])
        self.outcome.setCurrentText(assessment.review_outcome or "")
        self.on = date_edit(assessment.reviewed_on or st.clock.now().date(), self)
        form.addRow(self.tr("Outcome"), self.errors.field("处理结果", self.outcome))
        form.addRow(self.tr("Decided on"), self.errors.field("处理日期", self.on))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        try:
            self.saved = assessments.record_review(self.st, self.actor, self.assessment.id,
                                                   self.outcome.currentText(), to_date(self.on.date()))
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()
