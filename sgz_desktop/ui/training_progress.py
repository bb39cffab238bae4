"""How far each person's training has come: hours per year by type, continuing education per 3-year
certificate cycle (社会工作者继续教育办法), and pre-job training of new social workers (Art. 15).

Short lists (a row per person) on ``TablePage`` over ``ListSource``, so they sort and export like every
other table; rows needing attention are drawn in red.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core import settings
from ..core.errors import SgzError
from ..core.reports.staff import write_training_pdf
from ..core.roles import Actor
from ..core.staff_tables import hours_table
from ..core.station import Station
from ..core.tables import Column, ListSource
from ..core.training import tidy
from ..core.training_hours import NEW_HIRE_DAYS, ce_cycles, prejob_status
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import action_button, date_edit, read_only_note, to_date
from .table_page import TablePage

translate = QCoreApplication.translate  # a plain name lupdate still recognises
ATTENTION = QColor("#b3261e")
FIRST_YEAR = 2000


class MarkRows(QStyledItemDelegate):
    """Rows for which ``marked(model, row)`` is true in red; ``bold`` columns of those rows in bold."""

    def __init__(self, marked: Callable[[QAbstractItemModel, int], bool], bold: Sequence[int],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.marked, self.bold = marked, tuple(bold)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if self.marked(index.model(), index.row()):
            option.palette.setColor(option.palette.ColorRole.Text, ATTENTION)
            if index.column() in self.bold:
                font = QFont(option.font)
                font.setBold(True)
                option.font = font


def training_years(st: Station) -> list[int]:
    this = st.clock.now().year
    return list(range(this, max(this - 15, FIRST_YEAR - 1), -1))


def year_combo(st: Station, parent: QWidget, *, everything: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if everything:
        combo.addItem(everything, None)
    for year in training_years(st):
        combo.addItem(str(year), year)
    return combo


def print_training_summary(parent: QWidget, st: Station, actor: Actor, year: int) -> None:
    """培训记录汇总 of ``year``: every session, then each person's hours by type."""
    preview_report(parent, translate("training", "Training summary %1").replace("%1", str(year)),
                   f"培训记录汇总-{year}.pdf", lambda path: write_training_pdf(st, actor, path, year))


class _ListTab(QWidget):
    """A short list that is read again when its year or date changes, or the tab is shown."""

    title = ""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.action_row = QHBoxLayout()
        self.action_row.setContentsMargins(8, 8, 8, 0)
        self.column.addLayout(self.action_row)

    def build_table(self, source: ListSource, title: str) -> TablePage:
        self.table = TablePage(source, title, self)
        self.column.addWidget(self.table, 1)
        return self.table

    def rows(self) -> list[Sequence[object]]:
        raise NotImplementedError

    def reload(self) -> None:
        try:
            rows = self.rows()
        except SgzError as err:
            dialogs.show_error(self, err, self.title)
            return
        self.table.model.source.rows = rows  # type: ignore[attr-defined]
        self.table.refresh()


class HoursTab(_ListTab):
    """Each person's hours of a year by type (the second half of 培训记录汇总)."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(st, actor, parent)
        self.title = self.tr("Hours per person")
        self.titles = {"name": self.tr("Name"), "post": self.tr("Post"), "total": self.tr("Total"),
                       "sessions": self.tr("Sessions")}
        self.year = year_combo(st, self)
        self.action_row.addStretch(1)
        self.print_button = action_button(self.tr("Print the training summary…"), self,
                                          lambda: print_training_summary(self, st, actor, self.current_year()))
        self.action_row.addWidget(self.print_button)
        table = self.build_table(hours_table(st, actor, self.current_year(), self.titles), self.title)
        table.add_filter(self.year, self.tr("Year"))
        width = len(table.model.columns)
        total_column = width - 2
        table.view.setItemDelegate(MarkRows(lambda m, r: str(m.index(r, total_column).data()) == "0",
                                            [0, total_column], table.view))
        note = read_only_note(self, self.tr("Everyone who trained in the year, and full-time staff in post who did "
                                            "not (in red, with 0 hours)."))
        note.setContentsMargins(8, 0, 8, 8)
        self.column.addWidget(note)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())

    def current_year(self) -> int:
        return int(self.year.currentData())

    def rows(self) -> list[Sequence[object]]:
        return hours_table(self.st, self.actor, self.current_year(), self.titles).rows


class ContinuingEducationTab(_ListTab):
    """Certificate holders' continuing-education hours in their current cycle (and the previous one)."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(st, actor, parent)
        self.title = self.tr("Continuing education")
        self.on = date_edit(st.clock.now().date(), self)
        self.on.dateChanged.connect(lambda _d: self.reload())
        columns = [Column("name", self.tr("Name")), Column("level", self.tr("Certificate")),
                   Column("cycle", self.tr("Current cycle")), Column("required", self.tr("Required"), "right"),
                   Column("expected", self.tr("Expected by now"), "right"),
                   Column("earned", self.tr("Earned"), "right"), Column("status", self.tr("Status")),
                   Column("previous", self.tr("Previous cycle"))]
        table = self.build_table(ListSource(columns, self.rows()), self.title)
        table.add_filter(self.on, self.tr("On"))
        table.view.setItemDelegate(MarkRows(lambda m, r: m.index(r, 6).data() != self.tr("On track"), [0, 6],
                                            table.view))
        hint = read_only_note(self, self.tr(
            "Each certificate holder owes %1 hours (助理社会工作师) or %2 hours (社会工作师 and higher) per 3-year "
            "cycle counted from the certificate date. Hours before the person joined the station are not in this "
            "log, so for someone hired during a cycle the requirement is counted from the hire date.")
            .replace("%1", str(settings.get(st, settings.CE_HOURS_ASSISTANT)))
            .replace("%2", str(settings.get(st, settings.CE_HOURS_SOCIAL_WORKER))))
        hint.setContentsMargins(8, 0, 8, 8)
        self.column.addWidget(hint)
        self.action_row.addStretch(1)

    def rows(self) -> list[Sequence[object]]:
        on = to_date(self.on.date()) if hasattr(self, "on") else self.st.clock.now().date()
        out: list[Sequence[object]] = []
        for current, previous in ce_cycles(self.st, self.actor, on):
            if previous is not None and previous.shortfall > 0:
                status = self.tr("Previous cycle short by %1 h").replace("%1", str(tidy(previous.shortfall)))
            elif current.behind(on):
                status = self.tr("Behind")
            else:
                status = self.tr("On track")
            prev = "" if previous is None else self.tr("%1 – %2: %3 of %4 h").replace(
                "%1", f"{previous.start:%Y-%m-%d}").replace("%2", f"{previous.end:%Y-%m-%d}").replace(
                "%3", str(tidy(previous.earned))).replace("%4", str(tidy(previous.due)))
            cycle = f"{current.start:%Y-%m-%d} – {current.end:%Y-%m-%d}"
            if current.tracked_from > current.start:
                cycle += self.tr(" (from hire %1)").replace("%1", f"{current.tracked_from:%Y-%m-%d}")
            out.append((current.name, current.cert_level, cycle, str(tidy(current.due)),
                        str(tidy(current.expected_by(on))), str(tidy(current.earned)), status, prev,
                        current.staff_id))
        return out


class PrejobTab(_ListTab):
    """New station social workers and their pre-job training (Art. 15)."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(st, actor, parent)
        self.title = self.tr("Pre-job training")
        self.on = date_edit(st.clock.now().date(), self)
        self.on.dateChanged.connect(lambda _d: self.reload())
        columns = [Column("name", self.tr("Name")), Column("hire_date", self.tr("Hired on"), kind="date"),
                   Column("due", self.tr("Due by"), kind="date"), Column("done_on", self.tr("Trained on"), kind="date"),
                   Column("status", self.tr("Status"))]
        table = self.build_table(ListSource(columns, self.rows()), self.title)
        table.add_filter(self.on, self.tr("On"))
        good = {self.tr("Trained in time")}
        table.view.setItemDelegate(MarkRows(lambda m, r: m.index(r, 4).data() not in good, [0, 4], table.view))
        hint = read_only_note(self, self.tr(
            "Station social workers hired in the last %1 days must attend 岗前培训 within %2 days of their hire "
            "date (settings: Training).").replace("%1", str(settings.get(st, NEW_HIRE_DAYS)))
            .replace("%2", str(settings.get(st, settings.PREJOB_DAYS))))
        hint.setContentsMargins(8, 0, 8, 8)
        self.column.addWidget(hint)
        self.action_row.addStretch(1)

    def rows(self) -> list[Sequence[object]]:
        on = to_date(self.on.date()) if hasattr(self, "on") else self.st.clock.now().date()
        out: list[Sequence[object]] = []
        for p in prejob_status(self.st, self.actor, on):
            if p.done_on is None:
                status = (self.tr("Overdue: not trained") if p.overdue(on)
                          else self.tr("Waiting: %1 days left").replace("%1", str((p.due - on).days)))
            else:
                status = self.tr("Trained late") if p.late else self.tr("Trained in time")
            out.append((p.name, p.hire_date, p.due, p.done_on, status, p.staff_id))
        return out

