"""The person form of the roster: every field DESIGN.md lists, the core's reasons under the inputs, and for
someone already on the roster their assessments and training. A new 实习生 also gets the placement.

Saving calls ``staff.add_staff`` / ``update_staff`` (or ``internships.add_intern``); on a ValidationError the
dialog stays open with the user's input as typed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import assessments, internships, profile, staff, training
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.staff import LABELS, StaffInfo, StaffInput
from ..core.station import Station
from ..core.validation import gender_from_id, id_number_problem, normalise_id_number
from .formatting import fen_to_yuan_text, yuan_text_to_fen
from .staff_forms import (
    FieldErrors,
    OptionalDate,
    date_edit,
    fill_table,
    list_table,
    read_only_note,
    to_date,
    to_qdate,
)

translate = QCoreApplication.translate  # a plain name lupdate still recognises

INTERN_LABELS = ("所在高校", "实习开始日期", "实习结束日期", "实习督导", "岗位")


class PersonDialog(QDialog):
    """Add (``person`` None) or edit one person. ``saved`` holds the result after a successful save."""

    def __init__(self, st: Station, actor: Actor, person: StaffInfo | None = None, parent: QWidget | None = None,
                 *, post: str | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.person = person
        self.saved: StaffInfo | internships.InternshipInfo | None = None
        self.editable = actor.can(Permission.EDIT_STAFF)
        self.today = st.clock.now().date()
        if person is None:
            self.setWindowTitle(self.tr("Add a person to the roster"))
        else:
            self.setWindowTitle(self.tr("%1 — roster entry").replace("%1", person.name))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        if not self.editable:
            layout.addWidget(read_only_note(self, self.tr(
                "Read only: your role cannot change the roster. ID and phone numbers are shown masked.")))
        layout.addWidget(self.errors.general)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details(), self.tr("Details"))
        if person is not None:
            self.tabs.addTab(self._assessments(person), self.tr("Annual assessments"))
            self.tabs.addTab(self._training(person), self.tr("Training"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(self)
        if self.editable:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.save)
        else:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if person is not None:
            self._load(person)
        else:
            self.post.setCurrentText(post or staff.SOCIAL_WORKER)
            self.left_label.hide()
            self.left_caption.hide()
        self._post_changed()
        self.post.currentTextChanged.connect(self._post_changed)
        for box in self.findChildren(QGroupBox):
            box.setEnabled(self.editable)
        self.resize(900, 520)

    # --- the form ---------------------------------------------------------------------------------------

    def _details(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        e = self.errors
        who = QGroupBox(self.tr("Person"), page)
        form = QFormLayout(who)
        self.name = QLineEdit(who)
        self.id_number = QLineEdit(who)
        self.id_number.setPlaceholderText(self.tr("18 digits, the last may be X"))
        self.id_number.setMaxLength(22)
        self.gender = QLabel(who)
        self.gender.setObjectName("hintLabel")
        self.id_number.textChanged.connect(self._show_gender)
        self.phone = QLineEdit(who)
        self.phone.setPlaceholderText(self.tr("11-digit mobile number"))
        form.addRow(self.tr("Name"), e.field(LABELS["name"], self.name))
        form.addRow(self.tr("ID number"), e.field(LABELS["id_number"], self.id_number))
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Mobile"), e.field(LABELS["phone"], self.phone))

        job = QGroupBox(self.tr("Post"), page)
        form = QFormLayout(job)
        self.post = QComboBox(job)
        self.post.addItems(list(staff.POSTS))
        self.employment = QComboBox(job)
        self.employment.addItems(list(staff.EMPLOYMENTS))
        self.community = QComboBox(job)
        self.community.addItem(self.tr("(none)"), None)
        for c in profile.list_communities(self.st):
            self.community.addItem(c.name, c.id)
        self.hire_date = date_edit(self.today, job)
        self.contract_end = OptionalDate(self.tr("until"), None, job, today=self.today)
        form.addRow(self.tr("Post"), e.field([LABELS["post"], "岗位"], self.post))
        form.addRow(self.tr("Full or part time"), e.field(LABELS["employment"], self.employment))
        form.addRow(self.tr("Community"), e.field(LABELS["community_id"], self.community))
        form.addRow(self.tr("Hired on"), e.field(LABELS["hire_date"], self.hire_date))
        form.addRow(self.tr("Contract ends"), e.field(LABELS["contract_end"], self.contract_end))
        self.left_label = QLabel(self.tr("no, in post"), job)
        self.left_label.setWordWrap(True)
        self.left_label.setObjectName("hintLabel")
        self.left_caption = QLabel(self.tr("Left"), job)
        form.addRow(self.left_caption, self.left_label)

        quals = QGroupBox(self.tr("Qualification"), page)
        form = QFormLayout(quals)
        self.cert_level = QComboBox(quals)
        self.cert_level.addItem(self.tr("No certificate"), staff.NO_CERT)
        for level in staff.CERT_LEVELS[1:]:
            self.cert_level.addItem(level, level)
        self.cert_number = QLineEdit(quals)
        self.cert_date = OptionalDate(self.tr("obtained on"), None, quals, today=self.today)
        self.cert_level.currentIndexChanged.connect(self._cert_changed)
        self.sw_background = QCheckBox(self.tr("Graduated in social work"), quals)
        self.experience = QSpinBox(quals)
        self.experience.setRange(0, 60)
        self.experience.setSuffix(self.tr(" years"))
        form.addRow(self.tr("Certificate level"), e.field(LABELS["cert_level"], self.cert_level))
        form.addRow(self.tr("Certificate number"), e.field(LABELS["cert_number"], self.cert_number))
        form.addRow(self.tr("Certificate date"), e.field(LABELS["cert_date"], self.cert_date))
        form.addRow(self.tr("Social-work background"), e.field(LABELS["sw_background"], self.sw_background))
        form.addRow(self.tr("Social-work experience"), e.field(LABELS["experience_years"], self.experience))

        terms = QGroupBox(self.tr("Pay and insurance"), page)
        form = QFormLayout(terms)
        self.pay = QLineEdit(terms)
        self.pay.setPlaceholderText(self.tr("e.g. 6500 or 6500.50"))
        self.insurance = QCheckBox(self.tr("Five social insurances and housing fund paid"), terms)
        form.addRow(self.tr("Monthly pay (yuan, before tax)"), e.field(LABELS["monthly_pay_fen"], self.pay))
        form.addRow(self.tr("Social insurance"), e.field(LABELS["social_insurance"], self.insurance))
        self.notes = QPlainTextEdit(terms)
        self.notes.setFixedHeight(56)
        form.addRow(self.tr("Notes"), e.field(LABELS["notes"], self.notes))

        self.placement = self._placement_box(page)
        grid.addWidget(who, 0, 0)
        grid.addWidget(job, 1, 0)
        grid.addWidget(quals, 0, 1)
        grid.addWidget(terms, 1, 1)
        grid.addWidget(self.placement, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        return page

    def _placement_box(self, parent: QWidget) -> QGroupBox:
        """Only for a new intern: the placement is recorded with the person, in one transaction."""
        box = QGroupBox(self.tr("Internship (Art. 16)"), parent)
        form = QFormLayout(box)
        e = self.errors
        self.university = QLineEdit(box)
        self.major = QLineEdit("社会工作", box)
        self.supervisor = supervisor_combo(self.st, self.actor, box)
        self.intern_start = date_edit(self.today, box)
        self.intern_end = date_edit(self.today + dt.timedelta(days=90), box)
        form.addRow(self.tr("University"), e.field("所在高校", self.university))
        form.addRow(self.tr("Major"), self.major)
        form.addRow(self.tr("Supervisor"), e.field("实习督导", self.supervisor))
        form.addRow(self.tr("From"), e.field("实习开始日期", self.intern_start))
        form.addRow(self.tr("To"), e.field("实习结束日期", self.intern_end))
        return box

    def _assessments(self, person: StaffInfo) -> QWidget:
        self.assessment_table = list_table(self)
        rows = [(a.year, a.grade, a.assessor, a.assessed_on, a.notes,
                 a.review_outcome or (self.tr("pending") if a.needs_review else ""))
                for a in assessments.history(self.st, self.actor, person.id)]
        fill_table(self.assessment_table, [self.tr("Year"), self.tr("Grade"), self.tr("Assessor"), self.tr("Date"),
                                           self.tr("Remarks"), self.tr("Review outcome")], rows)
        return self._wrapped(self.assessment_table, self.tr("No assessment recorded yet.") if not rows else "")

    def _training(self, person: StaffInfo) -> QWidget:
        self.training_table = list_table(self)
        history = training.person_history(self.st, self.actor, person.id)
        rows = [(h.held_on, h.title, h.training_type, training.tidy(h.hours)) for h in history]
        fill_table(self.training_table, [self.tr("Date"), self.tr("Title"), self.tr("Type"), self.tr("Hours")], rows,
                   align_right=[3])
        total = training.tidy(sum((h.hours for h in history), Decimal(0)))
        note = self.tr("%1 sessions, %2 hours in all.").replace("%1", str(len(rows))).replace("%2", str(total))
        return self._wrapped(self.training_table, note)

    def _wrapped(self, table: QWidget, note: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        if note:
            layout.addWidget(read_only_note(page, note))
        return page

    # --- behaviour ----------------------------------------------------------------------------------------

    def _load(self, p: StaffInfo) -> None:
        self.name.setText(p.name)
        self.id_number.setText(p.id_number)
        self.phone.setText(p.phone)
        self.post.setCurrentText(p.post)
        self.employment.setCurrentText(p.employment)
        self.community.setCurrentIndex(max(self.community.findData(p.community_id), 0))
        if p.community_id is not None and self.community.findData(p.community_id) < 0:
            self.community.addItem(p.community_name, p.community_id)  # a retired community stays possible
            self.community.setCurrentIndex(self.community.count() - 1)
        self.hire_date.setDate(to_qdate(p.hire_date))
        self.contract_end.set_value(p.contract_end)
        self.cert_level.setCurrentIndex(max(self.cert_level.findData(p.cert_level), 0))
        self.cert_number.setText(p.cert_number)
        self.cert_date.set_value(p.cert_date)
        self.sw_background.setChecked(p.sw_background)
        self.experience.setValue(p.experience_years)
        self.pay.setText(fen_to_yuan_text(p.monthly_pay_fen))
        self.insurance.setChecked(p.social_insurance)
        self.notes.setPlainText(p.notes)
        self.left_label.setText(self.tr("no, in post") if p.leave_date is None else "")
        if p.leave_date:
            self.left_label.setText(self.tr("on %1. %2").replace("%1", p.leave_date.isoformat())
                                    .replace("%2", p.leave_reason))
        self._cert_changed()

    def _show_gender(self) -> None:
        number = normalise_id_number(self.id_number.text())
        valid = len(number) == 18 and id_number_problem(number) is None
        self.gender.setText(gender_from_id(number) if valid else self.tr("(from the ID number)"))

    def _post_changed(self) -> None:
        self.placement.setVisible(self.person is None and self.post.currentText() == staff.INTERN)

    def _cert_changed(self) -> None:
        certified = self.cert_level.currentData() != staff.NO_CERT
        self.cert_number.setEnabled(certified)
        self.cert_date.setEnabled(certified)
        if certified and not self.cert_date.value() and self.person is None:
            self.cert_date.check.setChecked(True)

    def values(self) -> StaffInput | None:
        """What the form holds, or None (with the reason shown) when the pay is not an amount."""
        pay = yuan_text_to_fen(self.pay.text())
        if pay is None:
            self.errors.clear()
            self.errors.add(LABELS["monthly_pay_fen"], self.tr("“%1” is not an amount in yuan (at most two decimals)")
                            .replace("%1", self.pay.text()))
            return None
        certified = self.cert_level.currentData() != staff.NO_CERT
        return StaffInput(
            name=self.name.text(), id_number=self.id_number.text(), post=self.post.currentText(),
            employment=self.employment.currentText(), hire_date=to_date(self.hire_date.date()),
            phone=self.phone.text(), cert_level=str(self.cert_level.currentData()),
            cert_number=self.cert_number.text() if certified else "",
            cert_date=self.cert_date.value() if certified else None, sw_background=self.sw_background.isChecked(),
            community_id=self.community.currentData(), contract_end=self.contract_end.value(),
            monthly_pay_fen=pay, social_insurance=self.insurance.isChecked(), experience_years=self.experience.value(),
            notes=self.notes.toPlainText())

    def placement_values(self) -> internships.InternshipInput:
        return internships.InternshipInput(
            university=self.university.text(), start_date=to_date(self.intern_start.date()),
            end_date=to_date(self.intern_end.date()), major=self.major.text(),
            supervisor_id=self.supervisor.currentData())

    def save(self) -> None:
        data = self.values()
        if data is None:
            return
        try:
            if self.person is not None:
                self.saved = staff.update_staff(self.st, self.actor, self.person.id, data)
            elif data.post == staff.INTERN:
                self.saved = internships.add_intern(self.st, self.actor, data, self.placement_values())
            else:
                self.saved = staff.add_staff(self.st, self.actor, data)
        except SgzError as err:
            self.errors.show(err)
            self.tabs.setCurrentIndex(0)
            return
        self.accept()


def supervisor_combo(st: Station, actor: Actor, parent: QWidget) -> QComboBox:
    """People who may supervise an intern: in post today and not interns themselves."""
    combo = QComboBox(parent)
    combo.addItem(translate("PersonDialog", "(none)"), None)
    today = st.clock.now().date()
    for p in staff.list_staff(st, actor, on=today):
        if p.post != staff.INTERN:
            combo.addItem(f"{p.name}（{p.post}）", p.id)
    return combo


class LeaveDialog(QDialog):
    """The leave of one person: the first day no longer in post, and why."""

    def __init__(self, st: Station, actor: Actor, person: StaffInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.person = st, actor, person
        self.saved: StaffInfo | None = None
        self.setWindowTitle(self.tr("%1 leaves the station").replace("%1", person.name))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 (%2) stays on the roster with the leave date; their training and assessments "
                               "are kept.").replace("%1", person.name).replace("%2", person.post), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.errors = FieldErrors(QLabel(self))
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        self.day = date_edit(st.clock.now().date(), self)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(["", "合同到期不再续签", "个人原因辞职", "调往其他岗位", "年度考核不合格解聘", "实习结束"])
        form.addRow(self.tr("First day no longer in post"), self.errors.field(LABELS["leave_date"], self.day))
        form.addRow(self.tr("Reason"), self.errors.field(LABELS["leave_reason"], self.reason))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        try:
            self.saved = staff.leave(self.st, self.actor, self.person.id, to_date(self.day.date()),
                                     self.reason.currentText())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()
