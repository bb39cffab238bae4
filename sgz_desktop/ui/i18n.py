"""Install the app's translations: every ``resources/translations/*_<lang>.qm`` plus Qt's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import translations_dir

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """English is the source language, so ``en`` installs nothing. Returns the translators installed
    (keep them alive: Qt does not own them)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    # Qt's own strings (dialog buttons, context menus) first; ours are searched before them.
    files = [qt_own / f"qtbase_{lang}.qm", *sorted(translations_dir().glob(f"*_{lang}.qm"))]
    for path in files:
        if not path.exists():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
