"""Where the app's data files (icons, styles, translations) live, in a source tree and when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """``resources/`` beside the package (source or editable install), or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / name


def translations_dir() -> Path:
    return resource_dir() / "translations"
