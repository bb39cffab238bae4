"""Help → About: version, data folder, runtime versions, licence and the regulation served."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import __version__
from ..core.station import Station


class AboutDialog(QDialog):
    def __init__(self, st: Station | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Social work station suite (sgz-desktop) %1").replace("%1", __version__))
        title.setObjectName("heading")
        layout.addWidget(title)
        rows = [
            self.tr("Office administration for a street/township social work service station: staff, "
                    "training, volunteers, projects and finance, archives and the yearly handover."),
            "",
            self.tr("Regulation served: Wuhan Social Work Service Station Construction and Management Measures "
                    "(Trial), 武民政规〔2022〕1号."),
            self.tr("Licence: MIT. Free to use, copy and change."),
            "",
            self.tr("Data folder: %1").replace("%1", str(st.data.root) if st else "—"),
            self.tr("Python %1, Qt %2, PySide6 %3, %4").replace("%1", platform.python_version())
            .replace("%2", qVersion()).replace("%3", PySide6.__version__).replace("%4", platform.platform(terse=True)),
        ]
        self.text = QLabel("\n".join(rows))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._frozen = bool(getattr(sys, "frozen", False))
