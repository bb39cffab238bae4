"""Make ``sgz-desktop.ico`` (Windows programs, installer, uninstaller) from the app's SVG icon.

Run by ``build_windows.ps1`` before PyInstaller; the result is committed too, so a build machine without
this step still gets the icon. Small sizes are stored as 32-bit bitmaps, 256 px as PNG (what Windows and
Inno Setup both read).

    python installers/windows/make_icon.py [OUT.ico]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parent.parent / "resources" / "icons" / "sgz-desktop.svg"
ICO = HERE / "sgz-desktop.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_FROM = 128  # sizes from here up are stored PNG-compressed


def render(size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def png_bytes(image: object) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[attr-defined]
    return bytes(data.data())


def dib_bytes(image: object, size: int) -> bytes:
    """BITMAPINFOHEADER + BGRA rows bottom-up + an all-zero AND mask (alpha does the masking)."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_ARGB32)  # type: ignore[attr-defined]
    rows = [bytes(img.constScanLine(y))[: size * 4] for y in range(size)]  # little-endian ARGB32 = B,G,R,A
    mask_row = b"\0" * (((size + 31) // 32) * 4)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + mask_row * size


def make_icon(out: Path = ICO) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    images = [(s, png_bytes(render(s)) if s >= PNG_FROM else dib_bytes(render(s), s)) for s in SIZES]
    del app
    directory, offset = b"", 6 + 16 * len(images)
    for size, blob in images:
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    out.write_bytes(struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(b for _, b in images))
    return out


if __name__ == "__main__":
    print(make_icon(Path(sys.argv[1]) if len(sys.argv) > 1 else ICO))
