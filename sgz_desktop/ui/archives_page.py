"""The Archives page (Art. 23–24): the list of archive items with filters, the chosen item's details,
its files and a preview of them; registering, filing (归档) by the archivist, corrections, the catalogue
and the items due for appraisal. Permissions are the core's; buttons only follow them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core import archive_filing, archives
from ..core.archive_numbering import categories
from ..core.archive_retention import RETENTIONS, retention_label
from ..core.archive_sources import FiledFrom, source_label
from ..core.archive_tables import ArchiveSource
from ..core.archives import DRAFT, FINAL, FileInfo, ItemDetail, ItemInfo
from ..core.errors import SgzError
from ..core.projects import list_projects
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import TableQuery
from . import dialogs
from .archives_dialogs import CatalogueDialog, DueDialog, FromRecordDialog
from .archives_item_dialog import ItemDialog
from .archives_preview import FilePreview
from .staff_forms import action_button, read_only_note
from .table_page import TablePage

FILE_ROLE = Qt.ItemDataRole.UserRole


class ItemPanel(QWidget):
    """The chosen item: its description, files, the preview of a file, and its corrections."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.detail: ItemDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (("danghao", self.tr("Archive number")), ("status", self.tr("Status")),
                           ("doc", self.tr("Description")), ("keep", self.tr("Retention")),
                           ("project", self.tr("Service project")), ("source", self.tr("Filed from")),
                           ("notes", self.tr("Notes"))):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)
        layout.addLayout(self.form)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(72)
        self.files.currentItemChanged.connect(lambda current, _old: self._show_file(current))
        layout.addWidget(QLabel(self.tr("Files"), self))
        layout.addWidget(self.files)
        self.preview = FilePreview(self)
        layout.addWidget(self.preview, 1)
        self.amendments = QLabel(self)
        self.amendments.setWordWrap(True)
        self.amendments.setObjectName("hintLabel")
        layout.addWidget(self.amendments)
        self.show_item(None)

    def show_item(self, item_id: int | None) -> None:
        self.files.clear()
        self.detail = None
        if item_id is not None:
            try:
                self.detail = archives.get_item(self.st, self.actor, item_id)
            except SgzError as err:
                dialogs.show_error(self, err, self.tr("Archives"))
        if self.detail is None:
            self.heading.setText(self.tr("Choose an item in the list to see it here."))
            for value in self.values.values():
                value.clear()
            self.amendments.clear()
            self.preview.set_file(None, "")
            return
        i = self.detail.item
        self.heading.setText(i.title)
        status = i.status_label if not i.is_final else self.tr("%1, filed on %2 by %3").replace(
            "%1", i.status_label).replace("%2", f"{i.finalised_at:%Y-%m-%d}").replace("%3", i.finalised_by)
        texts = {
            "danghao": i.danghao or self.tr("(given when filed)"),
            "status": status,
            "doc": " · ".join(filter(None, [i.doc_date.isoformat(), i.doc_number, i.responsible, i.classification,
                                            self.tr("%1 pages").replace("%1", str(i.pages))])),
            "keep": f"{i.retention_label}（{i.retention}）" + (f" · {i.record_kind}" if i.record_kind else ""),
            "project": i.project_name or "—",
            "source": f"{source_label(i.source_kind)} #{i.source_id}" if i.source_kind else "—",
            "notes": i.notes or "—",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        for f in self.detail.files:
            entry = QListWidgetItem(f"{f.seq}. {f.file_name}（{f.format.upper()}"
                                    + (self.tr(", %1 pages").replace("%1", str(f.pages)) if f.pages else "") + "）")
            entry.setData(FILE_ROLE, f)
            entry.setToolTip(f"SHA-256 {f.sha256}")
            self.files.addItem(entry)
        lines = [f"{a.amended_at:%Y-%m-%d} {a.amended_by}：{a.field_label}「{a.old_value}」→「{a.new_value}」"
                 f"（{a.reason}）" for a in self.detail.amendments]
        self.amendments.setText(self.tr("Corrections:") + "\n" + "\n".join(lines) if lines else "")
        if self.files.count():
            self.files.setCurrentRow(0)
        else:
            self.preview.set_file(None, "", self.tr("This item has no files yet."))

    def _show_file(self, entry: QListWidgetItem | None) -> None:
        f = entry.data(FILE_ROLE) if entry is not None else None
        if not isinstance(f, FileInfo):
            self.preview.set_file(None, "")
            return
        try:
            path = archives.file_path(self.st, self.actor, f.id)
        except SgzError as err:
            self.preview.set_file(None, "", str(err))
            return
        self.preview.set_file(path, f.format)


class ArchivesPage(QWidget):
    """档案: the items, their details and files, and what the archivist does with them."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_ARCHIVES)
        self.can_file = actor.can(Permission.FINALISE_ARCHIVES)
        self.dialog: ItemDialog | FromRecordDialog | CatalogueDialog | DueDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr("Read only: your role cannot register or file archive "
                                                          "items.")))
        elif not self.can_file:
            layout.addWidget(read_only_note(self, self.tr("You register items and their files; the archivist "
                                                          "(档案员) files them and gives their archive numbers.")))
        self.people_bar = QWidget(self)
        bar = QHBoxLayout(self.people_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.people_label = QLabel(self.people_bar)
        self.people_label.setWordWrap(True)
        show_all = QPushButton(self.tr("Show all items"), self.people_bar)
        show_all.clicked.connect(self.clear_people)
        bar.addWidget(self.people_label, 1)
        bar.addWidget(show_all)
        self.people_bar.hide()
        layout.addWidget(self.people_bar)
        titles = {"danghao": self.tr("Archive number"), "title": self.tr("Title"), "doc_date": self.tr("Date"),
                  "category": self.tr("Category"), "year": self.tr("Year"), "retention": self.tr("Retention"),
                  "org_code": self.tr("Organisation"), "item_number": self.tr("Item no."),
                  "doc_number": self.tr("Document number"), "responsible": self.tr("Responsible party"),
                  "classification": self.tr("Classification"), "pages": self.tr("Pages"), "files": self.tr("Files"),
                  "status": self.tr("Status"), "project": self.tr("Service project")}
        self.source = ArchiveSource(st, actor, titles)
        self.table = TablePage(self.source, self.tr("Archive items"), self)
        self._filters()
        self.panel = ItemPanel(st, actor, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.table.current_row_changed.connect(self._selection_changed)
        self.table.row_activated.connect(lambda _row: self.open_item())
        self._selection_changed(None)

    # --- building -------------------------------------------------------------------------------------

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = action_button(self.tr("Register…"), self, self.new_item, enabled=self.can_edit)
        self.open_button = action_button(self.tr("Edit…"), self, self.open_item)
        self.record_button = action_button(self.tr("File a record…"), self, self.file_record, enabled=self.can_edit)
        self.record_button.setToolTip(self.tr("Turn a training session, a reviewed voucher or a volunteer activity "
                                              "into an archive item with its files."))
        self.finalise_button = action_button(self.tr("File (归档)"), self, enabled=self.can_file)
        menu = QMenu(self.finalise_button)
        self.finalise_one_action = menu.addAction(self.tr("File the chosen item"), lambda: self.finalise_selected())
        self.finalise_all_action = menu.addAction(self.tr("File every draft in the list…"),
                                                  lambda: self.finalise_listed())
        self.finalise_button.setMenu(menu)
        self.delete_button = action_button(self.tr("Delete draft…"), self, self.delete_item, enabled=self.can_edit)
        self.catalogue_button = action_button(self.tr("Catalogue…"), self, self.catalogue)
        self.due_button = action_button(self.tr("Due for appraisal…"), self, self.due)
        for button in (self.new_button, self.open_button, self.record_button, self.finalise_button,
                       self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.catalogue_button)
        row.addWidget(self.due_button)
        return row

    def _filters(self) -> None:
        self.year_filter = QComboBox(self)
        self.year_filter.addItem(self.tr("All years"), None)
        for year in archives.archive_years(self.st):
            self.year_filter.addItem(str(year), year)
        self.category_filter = QComboBox(self)
        self.category_filter.addItem(self.tr("All categories"), "")
        for code, name in categories(self.st).items():
            self.category_filter.addItem(f"{name}（{code}）", code)
        self.retention_filter = QComboBox(self)
        self.retention_filter.addItem(self.tr("All periods"), "")
        for r in RETENTIONS:
            self.retention_filter.addItem(retention_label(r), r)
        self.status_filter = QComboBox(self)
        for text, value in ((self.tr("Drafts and filed"), ""), (self.tr("Drafts"), DRAFT), (self.tr("Filed"), FINAL)):
            self.status_filter.addItem(text, value)
        self.project_filter = QComboBox(self)
        self.project_filter.addItem(self.tr("All projects"), None)
        for p in list_projects(self.st, self.actor):
            self.project_filter.addItem(p.label, p.id)
        # Sized to ~8 characters, not to the longest project name: at full width the filter row alone made the
        # page wider than a 1366-pixel office screen. The drop-down list still shows whole names.
        self.project_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project_filter.setMinimumContentsLength(8)
        self.project_filter.view().setMinimumWidth(self.project_filter.view().sizeHintForColumn(0) + 24)
        self.table.filter_edit.setMinimumWidth(160)  # five filters beside it: the window fits 1280 pixels
        for key, combo in (("year", self.year_filter), ("category", self.category_filter),
                           ("retention", self.retention_filter), ("status", self.status_filter),
                           ("project_id", self.project_filter)):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self.table.set_filter(k, c.currentData()))

    # --- selection ------------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        values = self.table.current_values()
        return int(values[len(self.source.columns)]) if values is not None else None  # type: ignore[call-overload]

    def selected_item(self) -> ItemInfo | None:
        return self.panel.detail.item if self.panel.detail is not None else None

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        item_id = int(values[len(self.source.columns)]) if values is not None else None  # type: ignore[call-overload]
        self.panel.show_item(item_id)
        item = self.selected_item()
        final = item is not None and item.is_final
        self.open_button.setText(self.tr("Correct…") if final else self.tr("Edit…"))
        self.open_button.setEnabled(item is not None and (self.can_file if final else self.can_edit))
        self.delete_button.setEnabled(item is not None and not final and self.can_edit)
        self.finalise_one_action.setEnabled(item is not None and not final and self.can_file)

    def _reselect(self, item_id: int | None) -> None:
        self.table.refresh()
        for row in range(self.table.model.rowCount()):
            if self.table.model.row_values(row)[len(self.source.columns)] == item_id:
                self.table.view.selectRow(row)
                return
        self.panel.show_item(item_id)

    # --- actions --------------------------------------------------------------------------------------

    def _open(self, dialog: ItemDialog) -> ItemDialog:
        self.dialog = dialog
        dialog.saved.connect(lambda info: self._reselect(info.id))
        dialog.open()
        return dialog

    def new_item(self) -> ItemDialog:
        return self._open(ItemDialog(self.st, self.actor, None, self))

    def open_item(self) -> ItemDialog | None:
        detail = self.panel.detail
        if detail is None:
            dialogs.show_error(self, self.tr("Choose an item in the list first."), self.tr("Archives"))
            return None
        item = detail.item
        if not (self.can_file if item.is_final else self.can_edit):
            return None  # the details are on the right; nothing to change
        return self._open(ItemDialog(self.st, self.actor, item, self, files=detail.files))

    def file_record(self) -> FromRecordDialog:
        dialog = FromRecordDialog(self.st, self.actor, self)
        self.dialog = dialog
        dialog.filed.connect(self._filed_from_record)
        dialog.open()
        return dialog

    def _filed_from_record(self, result: FiledFrom) -> None:
        self._reselect(result.item.id)
        dialogs.show_info(self, self.tr("File a record"), self.tr(
            "“%1” is now a draft archive item with %2 files. Check its details; the archivist then files it.")
            .replace("%1", result.item.title).replace("%2", str(result.item.file_count)))

    def finalise_selected(self) -> list[ItemInfo]:
        item = self.selected_item()
        if item is None or item.is_final:
            return []
        return self._finalise([item.id], self.tr("File “%1”? It gets its item number and archive number and can "
                                                  "afterwards only be corrected with a recorded reason.")
                              .replace("%1", item.title))

    def finalise_listed(self) -> list[ItemInfo]:
        query = self.table.model.query.with_filter("status", DRAFT)
        ids: list[int] = []
        width = len(self.source.columns)
        total = self.source.count(query)
        while len(ids) < total:
            rows = self.source.page(query, len(ids), 1000)
            if not rows:
                break
            ids += [int(r[width]) for r in rows]  # type: ignore[call-overload]
        if not ids:
            dialogs.show_info(self, self.tr("File (归档)"), self.tr("There are no drafts in the list."))
            return []
        return self._finalise(ids, self.tr("File all %1 drafts in the list? They are numbered in date order "
                                           "within their groups.").replace("%1", str(len(ids))))

    def _finalise(self, ids: list[int], question: str) -> list[ItemInfo]:
        if not dialogs.confirm(self, self.tr("File (归档)"), question):
            return []
        try:
            done = archive_filing.finalise(self.st, self.actor, ids)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("File (归档)"))
            return []
        self._reselect(done[0].id if len(done) == 1 else self.selected_id())
        if len(done) > 1:
            dialogs.show_info(self, self.tr("File (归档)"),
                              self.tr("%1 items were filed.").replace("%1", str(len(done))))
        return done

    def delete_item(self) -> None:
        item = self.selected_item()
        if item is None or item.is_final:
            return
        if not dialogs.confirm(self, self.tr("Delete draft"), self.tr(
                "Delete the draft “%1”? Only do this for an item registered by mistake.").replace("%1", item.title)):
            return
        try:
            archives.delete_item(self.st, self.actor, item.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Delete draft"))
        self.table.refresh()

    def catalogue(self) -> CatalogueDialog:
        dialog = CatalogueDialog(self.st, self.actor, self, self.year_filter.currentData())
        self.dialog = dialog
        dialog.open()
        return dialog

    def due(self) -> DueDialog:
        dialog = DueDialog(self.st, self.actor, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the dashboard ------------------------------------------------------------------------------

    def show_people(self, names: Sequence[str], reason: str = "") -> None:
        """For a dashboard card: only the items it names (late drafts, items due for appraisal)."""
        for combo in (self.year_filter, self.category_filter, self.retention_filter, self.status_filter,
                      self.project_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.table.filter_edit.clear()
        self.table.model.set_query(TableQuery(filters={"refs": tuple(names)}))
        self.people_label.setText(self.tr("%1 — %2 items").replace("%1", reason).replace("%2", str(len(names))))
        self.people_bar.show()

    def clear_people(self) -> None:
        self.people_bar.hide()
        self.table.set_filter("refs", None)
