"""The Stars tab (who is due for a new star by cumulative approved hours) and the Certificates tab (the
issuance register of 志愿服务证明: issue, reprint, verify a number)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import volunteer_certificates, volunteer_stars
from ..core.errors import SgzError
from ..core.reports.volunteers import write_certificate_pdf
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import ListSource
from ..core.volunteer_certificates import CertificateInfo
from ..core.volunteer_tables import certificate_table, stars_table, stars_table_columns
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import FieldErrors, action_button, date_edit, to_date
from .table_page import TablePage
from .volunteers_common import RefreshableList, VolunteerPicker, hidden, hours_text, note, selected_ids

if TYPE_CHECKING:
    from .volunteers_page import VolunteersPage


class StarsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_VOLUNTEERS)
        titles = {"volunteer_no": self.tr("Volunteer no."), "name": self.tr("Name"),
                  "community": self.tr("Community"), "hours": self.tr("Approved hours"),
                  "awarded": self.tr("Stars held"), "reached": self.tr("Stars reached"),
                  "next": self.tr("Hours to the next star")}
        self.due_only = QCheckBox(self.tr("Only volunteers due for a new star"), self)
        self.due_only.setChecked(True)
        self.source = RefreshableList(lambda: self._stars(titles))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.award_button = action_button(self.tr("Award selected"), self, self.award_selected, enabled=self.can_edit)
        self.award_all_button = action_button(self.tr("Award everyone due…"), self, self.award_all,
                                              enabled=self.can_edit)
        row.addWidget(self.award_button)
        row.addWidget(self.award_all_button)
        row.addStretch(1)
        layout.addLayout(row)
        try:
            limits = "、".join(f"{h}" for h in volunteer_stars.thresholds(st))
            text = self.tr("One to five stars at %1 approved hours (Settings: volunteer star thresholds).") \
                .replace("%1", limits)
        except SgzError as err:  # a mistyped setting: say so here, the rest of the page still works
            text = str(err)
        layout.addWidget(note(self, text))
        self.table = TablePage(self.source, self.tr("Volunteer stars"), self)
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.add_filter(self.due_only)
        self.due_only.toggled.connect(lambda _on: self.reload())
        layout.addWidget(self.table, 1)

    def _stars(self, titles: dict[str, str]) -> ListSource:
        try:
            return stars_table(self.st, self.actor, due_only=self.due_only.isChecked(), titles=titles)
        except SgzError:
            return ListSource(stars_table_columns(titles), [])

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()

    def _award(self, ids: list[int]) -> None:
        try:
            raised = volunteer_stars.award_stars(self.st, self.actor, ids)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Volunteer stars"))
            return
        self.reload()
        dialogs.show_info(self, self.tr("Volunteer stars"),
                          self.tr("%1 volunteers were awarded their new star.").replace("%1", str(raised)))

    def award_selected(self) -> None:
        ids = selected_ids(self.table)
        if ids:
            self._award(ids)

    def award_all(self) -> None:
        due = [x.volunteer_id for x in volunteer_stars.star_statuses(self.st, self.actor, due_only=True)]
        if due and dialogs.confirm(self, self.tr("Volunteer stars"), self.tr(
                "Award %1 volunteers the star their hours reach?").replace("%1", str(len(due)))):
            self._award(due)


class ServiceCertificateDialog(QDialog):
    """Issue a numbered certificate for a volunteer's approved hours in a period."""

    def __init__(self, st: Station, actor: Actor, volunteer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.saved: CertificateInfo | None = None
        self.setWindowTitle(self.tr("Issue a volunteer service certificate"))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        self.picker = VolunteerPicker(st, actor, self, include_withdrawn=True)
        if volunteer_id is not None:
            self.picker.fix(volunteer_id)
        last = st.clock.now().year - 1
        self.period_from = date_edit(dt.date(last, 1, 1), self)
        self.period_to = date_edit(dt.date(last, 12, 31), self)
        form.addRow(self.tr("Volunteer"), self.picker)
        form.addRow(self.tr("Service from"), self.errors.field("服务期间", self.period_from))
        form.addRow(self.tr("to"), self.period_to)
        layout.addLayout(form)
        layout.addWidget(note(self, self.tr(
            "The certificate states the approved hours and content of the period, with the station's responsible "
            "person, the handler (you) and the contact phone; it gets the next number of the issuance register.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Issue and print"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def save(self) -> None:
        self.errors.clear()
        if self.picker.chosen is None:
            self.errors.add("志愿者", self.tr("choose a volunteer"))
            return
        try:
            self.saved = volunteer_certificates.issue_certificate(
                self.st, self.actor, self.picker.chosen, to_date(self.period_from.date()),
                to_date(self.period_to.date()))
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class CertificatesTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_VOLUNTEERS)
        self.dialog: ServiceCertificateDialog | None = None
        titles = {"number": self.tr("Certificate no."), "issued_on": self.tr("Issued on"),
                  "volunteer_no": self.tr("Volunteer no."), "name": self.tr("Name"), "period": self.tr("Period"),
                  "hours": self.tr("Hours"), "activities": self.tr("Services"), "handler": self.tr("Handler")}
        self.source = RefreshableList(lambda: certificate_table(st, actor, titles))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.issue_button = action_button(self.tr("Issue a certificate…"), self, lambda: self.issue(),
                                          enabled=self.can_edit)
        self.reprint_button = action_button(self.tr("Reprint…"), self, self.reprint)
        row.addWidget(self.issue_button)
        row.addWidget(self.reprint_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Verify a number:"), self))
        self.verify_edit = QLineEdit(self)
        self.verify_edit.setPlaceholderText("ZYFW20260001")
        self.verify_edit.returnPressed.connect(self.verify)
        row.addWidget(self.verify_edit)
        verify = QPushButton(self.tr("Verify"), self)
        verify.clicked.connect(self.verify)
        row.addWidget(verify)
        layout.addLayout(row)
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        self.verify_result.hide()
        layout.addWidget(self.verify_result)
        self.table = TablePage(self.source, self.tr("Certificate register"), self)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()

    def issue(self, volunteer_id: int | None = None) -> ServiceCertificateDialog:
        dialog = ServiceCertificateDialog(self.st, self.actor, volunteer_id, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._issued(dialog.saved))
        dialog.open()
        return dialog

    def _issued(self, saved: CertificateInfo | None) -> None:
        self.reload()
        if saved is not None:
            self._print(saved.number)

    def _print(self, number: str) -> None:
        st, actor = self.st, self.actor
        preview_report(self, self.tr("Volunteer service certificate"), f"志愿服务证明-{number}.pdf",
                       lambda path: write_certificate_pdf(st, actor, number, path))

    def reprint(self) -> None:
        number = hidden(self.table)
        if not isinstance(number, str):
            dialogs.show_error(self, self.tr("Choose a certificate in the register first."), self.tr("Certificates"))
            return
        self._print(number)

    def verify(self) -> None:
        number = self.verify_edit.text().strip()
        if not number:
            return
        try:
            found = volunteer_certificates.verify_certificate(self.st, self.actor, number)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Certificates"))
            return
        if found is None:
            self.verify_result.setObjectName("errorLabel")
            self.verify_result.setText(self.tr("No certificate numbered %1 was issued by this station.")
                                       .replace("%1", number.upper()))
        else:
            self.verify_result.setObjectName("hintLabel")
            self.verify_result.setText(self.tr(
                "%1 was issued on %2 to %3 (%4, %5 %6) for %7 hours of service from %8 to %9.")
                .replace("%1", found.number).replace("%2", f"{found.issued_on:%Y-%m-%d}")
                .replace("%3", found.volunteer_name).replace("%4", found.volunteer_no).replace("%5", found.id_type)
                .replace("%6", found.id_number_masked).replace("%7", hours_text(found.hours))
                .replace("%8", f"{found.period_from:%Y-%m-%d}").replace("%9", f"{found.period_to:%Y-%m-%d}"))
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.verify_result.show()
