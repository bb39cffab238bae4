"""First-run wizard: create a new station, open the demo station, or restore from a backup folder."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core import profile as core_profile
from ..core.clock import Clock, SystemClock
from ..core.errors import SgzError
from ..core.passwords import password_problem
from ..core.paths import DataDir
from ..core.secrets import keyring_problem
from ..core.setup import NewStation, choose_secret_store, init_station
from ..core.station import Station
from .busy import run_and_wait
from .formatting import yuan_text_to_fen
from .recovery import key_font, save_recovery_sheet


class Choice(enum.Enum):
    NEW = "new"
    DEMO = "demo"
    RESTORE = "restore"


PAGE_CHOICE, PAGE_PROFILE, PAGE_ADMIN, PAGE_SECRET, PAGE_FINISH, PAGE_RESTORE = range(6)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    return label


class ChoicePage(QWizardPage):
    def __init__(self, data: DataDir) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to the social work station suite"))
        self.setSubTitle(self.tr("No station data was found in %1. What would you like to do?")
                         .replace("%1", str(data.root)))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        options = (
            (Choice.NEW, self.tr("Create a new station"),
             self.tr("Enter your station's details and the first administrator account.")),
            (Choice.DEMO, self.tr("Open the demo station"),
             self.tr("A practice station with invented people, to look around safely. "
                     "It is kept in a separate demo folder and never mixes with real data.")),
            (Choice.RESTORE, self.tr("Restore from a backup folder"),
             self.tr("For a new or reinstalled PC: bring back a backup made with “Backup now”.")),
        )
        self.buttons: dict[Choice, QRadioButton] = {}
        for choice, title, hint in options:
            button = QRadioButton(title)
            button.setObjectName(f"choice_{choice.value}")
            self.group.addButton(button)
            self.buttons[choice] = button
            layout.addWidget(button)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setObjectName("hintLabel")
            note.setContentsMargins(24, 0, 0, 12)
            layout.addWidget(note)
        layout.addStretch()
        self.buttons[Choice.NEW].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def choice(self) -> Choice:
        return next(c for c, b in self.buttons.items() if b.isChecked())

    def nextId(self) -> int:
        return {Choice.NEW: PAGE_PROFILE, Choice.RESTORE: PAGE_RESTORE, Choice.DEMO: -1}[self.choice()]


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Station details"))
        self.setSubTitle(self.tr("These appear on reports and archive numbers. You can change them later in "
                                 "Settings."))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Minyi Subdistrict Social Work Service Station"))
        self.subdistrict = QLineEdit()
        self.district = QLineEdit()
        self.district_type = QComboBox()
        self.district_type.addItems(list(core_profile.DISTRICT_TYPES))
        self.fonds_code = QLineEdit()
        self.fonds_code.setPlaceholderText("Z109")
        self.operator_org = QLineEdit()
        self.wage = QLineEdit()
        self.wage.setPlaceholderText(self.tr("yuan per month, e.g. 8500"))
        self.communities = QPlainTextEdit()
        self.communities.setPlaceholderText(self.tr("One community or village per line"))
        self.communities.setMinimumHeight(90)
        form.addRow(self.tr("Station name"), self.name)
        form.addRow(self.tr("Subdistrict (township)"), self.subdistrict)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("District type"), self.district_type)
        form.addRow(self.tr("Fonds code"), self.fonds_code)
        form.addRow(self.tr("Operating organisation"), self.operator_org)
        form.addRow(self.tr("City average monthly wage"), self.wage)
        form.addRow(self.tr("Communities and villages"), self.communities)
        self.error = _error_label()
        form.addRow(self.error)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(), "subdistrict": self.subdistrict.text().strip(),
            "district": self.district.text().strip(), "district_type": self.district_type.currentText(),
            "fonds_code": self.fonds_code.text().strip(), "operator_org": self.operator_org.text().strip(),
        }

    def wage_fen(self) -> int | None:
        return yuan_text_to_fen(self.wage.text())

    def community_names(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.communities.toPlainText().splitlines() if line.strip())

    def validatePage(self) -> bool:
        problems = [str(p) for p in core_profile.validate_profile(self.values())]
        if self.wage_fen() is None:
            problems.append(self.tr("“City average monthly wage”: “%1” is not an amount in yuan")
                            .replace("%1", self.wage.text()))
        self.error.setText("\n".join(problems))
        return not problems


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("Usually the deputy head (副站长). This account manages users and settings."))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.username.setPlaceholderText("fuzhanzhang")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        hint = QLabel(self.tr("At least 8 characters, with both letters and digits."))
        hint.setObjectName("hintLabel")
        form.addRow(hint)
        self.error = _error_label()
        form.addRow(self.error)

    def validatePage(self) -> bool:
        problems = []
        if not self.username.text().strip():
            problems.append(self.tr("“Username” must not be empty"))
        if not self.display_name.text().strip():
            problems.append(self.tr("“Full name” must not be empty"))
        weak = password_problem(self.password.text())
        if weak:
            problems.append(weak)
        elif self.password.text() != self.password_again.text():
            problems.append(self.tr("The two passwords are not the same"))
        self.error.setText("\n".join(problems))
        return not problems


class SecretPage(QWizardPage):
    """Where the station key will live; pressing Create makes the station."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Station key"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the station"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.allow_file = QCheckBox(self.tr("Keep the station key in an owner-only file in the data folder"))
        layout.addWidget(self.allow_file)
        self.file_note = QLabel(self.tr(
            "Anyone who can copy the data folder with this file can read the personal data. Choose this only "
            "if this PC has no working keyring, and keep the printed recovery key safe."))
        self.file_note.setWordWrap(True)
        self.file_note.setObjectName("hintLabel")
        layout.addWidget(self.file_note)
        layout.addStretch()
        self.error = _error_label()
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        problem = keyring_problem()
        if problem is None:
            self.status.setText(self.tr(
                "A new random station key protects personal data (ID numbers, phones, addresses) and signs "
                "the yearly handover packages. It will be kept in this PC's system keyring.\n\nOn the next "
                "page you get a recovery key: print it, because it is the only way to read the data on a "
                "reinstalled or new PC."))
            self.allow_file.hide()
            self.file_note.hide()
        else:
            self.status.setText(self.tr(
                "%1\nThe station key protects personal data and signs "
                "the yearly handover packages. It can instead be kept in a file that only your user account "
                "may read.").replace("%1", problem))
            self.allow_file.show()
            self.file_note.show()

    def validatePage(self) -> bool:
        try:
            self.owner.create_station(self.allow_file.isChecked())
        except SgzError as err:
            self.error.setText(str(err))
            return False
        self.error.clear()
        return True


class FinishPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Your recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The station was created. Below is its recovery key. You need it if Windows is reinstalled or "
            "the data moves to a new PC: without it, ID numbers and phone numbers can never be read "
            "again.\nPrint it now (or save it as PDF and print it) and keep it locked away, apart from this "
            "PC."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(key_font(16))
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setMargin(12)
        layout.addWidget(self.key_label)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print / save as PDF…"))
        self.print_button.clicked.connect(self.print_sheet)
        row.addWidget(self.print_button)
        row.addStretch()
        layout.addLayout(row)
        from .backup_status import BackupPlaceNote  # where the data and backups are, printable

        self.backup_note = BackupPlaceNote()
        layout.addWidget(self.backup_note)
        layout.addStretch()

    def initializePage(self) -> None:
        self.key_label.setText(_grouped(self.owner.recovery_key or ""))
        if self.owner.station is not None:
            self.backup_note.set_station(self.owner.station)

    def print_sheet(self) -> None:
        st = self.owner.station
        if st is None or not self.owner.recovery_key:
            return
        save_recovery_sheet(self, core_profile.get_profile(st), self.owner.recovery_key, st.clock.now())


def _grouped(key: str) -> str:
    """Four groups per line, so the key reads like the printed sheet."""
    groups = key.split("-")
    return "\n".join("  ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))


class RestorePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Restore from a backup folder"))
        self.setSubTitle(self.tr("Choose the folder made by “Backup now” (for example on the USB drive)."))
        layout = QVBoxLayout(self)
        from .restore_dialog import BackupPreview  # what the backup holds, verified, before restoring

        self.preview = BackupPreview(self, new_pc_note=True)
        self.folder = self.preview.folder
        layout.addWidget(self.preview, 1)
        self.error = _error_label()
        layout.addWidget(self.error)

    def browse(self) -> None:
        self.preview.browse()

    def validatePage(self) -> bool:
        text = self.folder.text().strip()
        if not text:
            self.error.setText(self.tr("Choose the backup folder first."))
            return False
        chosen = self.preview.chosen()
        try:
            self.owner.restore(chosen.path if chosen is not None else Path(text))
        except SgzError as err:
            self.error.setText(str(err))
            return False
        return True


class FirstRunWizard(QWizard):
    """After ``exec()``: ``choice`` says what was chosen; ``station`` is open for NEW and RESTORE."""

    def __init__(self, data: DataDir, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.clock = clock or SystemClock()
        self.station: Station | None = None
        self.recovery_key: str | None = None
        self.setWindowTitle(self.tr("Social work station suite — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(680, 560)
        self.choice_page = ChoicePage(data)
        self.profile_page = ProfilePage()
        self.admin_page = AdminPage()
        self.secret_page = SecretPage(self)
        self.finish_page = FinishPage(self)
        self.restore_page = RestorePage(self)
        for page_id, page in ((PAGE_CHOICE, self.choice_page), (PAGE_PROFILE, self.profile_page),
                              (PAGE_ADMIN, self.admin_page), (PAGE_SECRET, self.secret_page),
                              (PAGE_FINISH, self.finish_page), (PAGE_RESTORE, self.restore_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_CHOICE)

    @property
    def choice(self) -> Choice:
        return self.choice_page.choice()

    def new_station_values(self) -> NewStation:
        p, a = self.profile_page, self.admin_page
        values = p.values()
        return NewStation(
            name=str(values["name"]), subdistrict=str(values["subdistrict"]), district=str(values["district"]),
            district_type=str(values["district_type"]), fonds_code=str(values["fonds_code"]),
            operator_org=str(values["operator_org"]), city_avg_wage_fen=p.wage_fen() or 0,
            communities=p.community_names(), admin_username=a.username.text().strip().lower(),
            admin_display_name=a.display_name.text().strip(), admin_password=a.password.text())

    def create_station(self, allow_file: bool) -> None:
        if self.station is not None:
            return
        store = choose_secret_store(self.data, allow_file)
        self.station, self.recovery_key = init_station(self.data, self.new_station_values(),
                                                       secret_store=store, clock=self.clock)

    def restore(self, source: Path) -> None:
        try:
            from ..core.backup import restore_from
        except ImportError:
            raise SgzError(self.tr("Restoring from a backup is not available in this version.")) from None
        from ..core.station import open_station

        run_and_wait(self, self.tr("Restoring the backup…"),
                     lambda progress: restore_from(self.data, source, self.clock, progress))
        self.station = open_station(self.data, clock=self.clock)
