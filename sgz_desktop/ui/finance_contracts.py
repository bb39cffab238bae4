"""The contracts, evaluations and service projects tabs of the Projects & Finance page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ..core import contract_evaluations, contracts, projects
from ..core.contract_evaluations import EvaluationInfo
from ..core.contracts import ContractInfo
from ..core.errors import SgzError
from ..core.finance_tables import contract_table, evaluation_table, project_table
from ..core.projects import ProjectInfo
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .finance_contract_dialog import ContractDialog, EvaluationDialog
from .finance_project_dialog import ProjectDialog
from .finance_widgets import ReloadingList
from .staff_forms import action_button
from .table_page import TablePage


def _chosen_id(table: TablePage, width: int) -> int | None:
    values = table.current_values()
    value = values[width] if values is not None else None
    return value if isinstance(value, int) else None


def _run(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    try:
        action()
    except SgzError as err:
        dialogs.show_error(parent, err, title)
        return False
    return True


class ContractsTab(QWidget):
    """购买服务合同: budgets, management-fee budget, renewal status; add, change, record an evaluation."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.dialog: ContractDialog | EvaluationDialog | None = None
        can = actor.can(Permission.EDIT_LEDGER)
        titles = {"contract_no": self.tr("Contract number"), "name": self.tr("Project name"),
                  "funder": self.tr("Funder"), "start_date": self.tr("Starts"), "end_date": self.tr("Ends"),
                  "total_fen": self.tr("Total"), "mgmt_budget": self.tr("Management fee budget"),
                  "renewal": self.tr("Renewal (Art. 33)")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("New contract…"), self, self.add_contract, enabled=can)
        self.edit_button = action_button(self.tr("Open…"), self, self.edit_contract)
        self.evaluate_button = action_button(self.tr("Record an evaluation…"), self, self.evaluate,
                                             enabled=actor.can(Permission.EDIT_PROJECTS))
        self.delete_button = action_button(self.tr("Delete (entered by mistake)…"), self, self.delete_contract,
                                           enabled=can)
        for button in (self.add_button, self.edit_button, self.evaluate_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.source = ReloadingList(lambda: contract_table(st, actor, titles))
        self.table = TablePage(self.source, self.tr("Contracts"), self)
        self.table.row_activated.connect(lambda _r: self.edit_contract())
        layout.addWidget(self.table, 1)

    def selected(self) -> ContractInfo | None:
        contract_id = _chosen_id(self.table, len(self.source.columns))
        if contract_id is None:
            dialogs.show_error(self, self.tr("Choose a contract in the list first."), self.tr("Contracts"))
            return None
        return contracts.get_contract(self.st, self.actor, contract_id)

    def select_numbers(self, numbers: Sequence[str]) -> bool:
        """Select the first contract among ``numbers``; False if none is listed."""
        self.reload()
        for row in range(self.table.model.rowCount()):
            if self.table.model.row_values(row)[0] in numbers:
                self.table.view.selectRow(row)
                return True
        return False

    def add_contract(self) -> ContractDialog:
        self.dialog = ContractDialog(self.st, self.actor, None, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def edit_contract(self) -> ContractDialog | None:
        contract = self.selected()
        if contract is None:
            return None
        self.dialog = ContractDialog(self.st, self.actor, contract, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def evaluate(self) -> EvaluationDialog | None:
        contract = self.selected()
        if contract is None:
            return None
        self.dialog = EvaluationDialog(self.st, self.actor, contract, None, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def delete_contract(self) -> bool:
        contract = self.selected()
        if contract is None or not dialogs.confirm(self, self.tr("Delete a contract"), self.tr(
                "Delete contract %1? Only a contract without vouchers or evaluations can be deleted.")
                .replace("%1", contract.contract_no)):
            return False
        done = _run(self, self.tr("Delete a contract"),
                    lambda: contracts.delete_contract(self.st, self.actor, contract.id))
        self.reload()
        return done

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()


class EvaluationsTab(QWidget):
    """评估记录 (Art. 33): every contract's mid-term and year-end evaluations."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.dialog: EvaluationDialog | None = None
        can = actor.can(Permission.EDIT_PROJECTS)
        titles = {"contract_no": self.tr("Contract number"), "execution_year": self.tr("Execution year"),
                  "kind": self.tr("Kind"), "evaluated_on": self.tr("Evaluated on"), "evaluator": self.tr("Evaluator"),
                  "grade": self.tr("Grade"), "score": self.tr("Score"), "notes": self.tr("Remarks")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.edit_button = action_button(self.tr("Correct…"), self, self.edit_evaluation, enabled=can)
        self.delete_button = action_button(self.tr("Delete…"), self, self.delete_evaluation, enabled=can)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.source = ReloadingList(lambda: evaluation_table(st, actor, titles))
        self.table = TablePage(self.source, self.tr("Evaluations"), self)
        layout.addWidget(self.table, 1)

    def _selected(self) -> tuple[EvaluationInfo, ContractInfo] | None:
        values = self.table.current_values()
        if values is None:
            dialogs.show_error(self, self.tr("Choose an evaluation in the list first."), self.tr("Evaluations"))
            return None
        width = len(self.source.columns)
        evaluation_id, contract_id = values[width], values[width + 1]
        found = [e for e in contract_evaluations.list_evaluations(self.st, self.actor) if e.id == evaluation_id]
        if not found or not isinstance(contract_id, int):
            return None
        return found[0], contracts.get_contract(self.st, self.actor, contract_id)

    def edit_evaluation(self) -> EvaluationDialog | None:
        chosen = self._selected()
        if chosen is None:
            return None
        self.dialog = EvaluationDialog(self.st, self.actor, chosen[1], chosen[0], self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def delete_evaluation(self) -> bool:
        chosen = self._selected()
        if chosen is None or not dialogs.confirm(self, self.tr("Delete an evaluation"), self.tr(
                "Delete the %1 of contract %2?").replace("%1", chosen[0].label).replace("%2", chosen[1].contract_no)):
            return False
        done = _run(self, self.tr("Delete an evaluation"),
                    lambda: contract_evaluations.delete_evaluation(self.st, self.actor, chosen[0].id))
        self.reload()
        return done

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()


class ProjectsTab(QWidget):
    """服务项目 (Art. 20): the core project, the four basic ones and the featured ones."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.dialog: ProjectDialog | None = None
        can = actor.can(Permission.EDIT_PROJECTS)
        titles = {"kind": self.tr("Kind"), "field": self.tr("Field"), "name": self.tr("Project"),
                  "lead": self.tr("Lead"), "start_date": self.tr("Starts"), "end_date": self.tr("Ends"),
                  "goals": self.tr("Goals")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("New project…"), self, self.add_project, enabled=can)
        self.edit_button = action_button(self.tr("Open…"), self, self.edit_project)
        self.delete_button = action_button(self.tr("Delete (entered by mistake)…"), self, self.delete_project,
                                           enabled=can)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.source = ReloadingList(lambda: project_table(st, actor, titles))
        self.table = TablePage(self.source, self.tr("Service projects"), self)
        self.table.row_activated.connect(lambda _r: self.edit_project())
        layout.addWidget(self.table, 1)

    def selected(self) -> ProjectInfo | None:
        project_id = _chosen_id(self.table, len(self.source.columns))
        if project_id is None:
            dialogs.show_error(self, self.tr("Choose a project in the list first."), self.tr("Service projects"))
            return None
        return projects.get_project(self.st, self.actor, project_id)

    def add_project(self) -> ProjectDialog:
        self.dialog = ProjectDialog(self.st, self.actor, None, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def edit_project(self) -> ProjectDialog | None:
        project = self.selected()
        if project is None:
            return None
        self.dialog = ProjectDialog(self.st, self.actor, project, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def delete_project(self) -> bool:
        project = self.selected()
        if project is None or not dialogs.confirm(self, self.tr("Delete a project"), self.tr(
                "Delete project %1? A project that vouchers, training or archives refer to stays; give it an end "
                "date instead.").replace("%1", project.name)):
            return False
        done = _run(self, self.tr("Delete a project"), lambda: projects.delete_project(self.st, self.actor, project.id))
        self.reload()
        return done

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()
