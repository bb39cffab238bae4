"""Shared PDF plumbing: a Chinese font that embeds, styles, atomic writing.

Font order (platform.md): Windows fonts, macOS fonts, fontconfig, then reportlab's built-in
STSong-Light, which embeds nothing (fine for drafts, not for official forms).
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.lib import textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

FONT = "SgzCJK"
FONT_BOLD = "SgzCJK-Bold"
FALLBACK = "STSong-Light"

# reportlab lets these start a line even with wordWrap="CJK" (platform.md).
_NO_LINE_START = "，：；！？、）》」』】〕…％。"
for _module in (textsplit, paragraph):
    _module.ALL_CANNOT_START = _module.ALL_CANNOT_START + _NO_LINE_START

# A TTFont must not be used by two documents being built at once.
_build_lock = threading.Lock()


@dataclass(frozen=True)
class FontChoice:
    name: str
    path: Path | None  # None: the built-in CID font, not embedded
    embedded: bool


def _candidates() -> Iterator[tuple[Path, int]]:
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name in ("msyh.ttc", "simsun.ttc", "simhei.ttf"):
            yield fonts / name, 0
    if sys.platform == "darwin":
        for p in ("/System/Library/Fonts/STHeiti Light.ttc", "/Library/Fonts/Arial Unicode.ttf"):
            yield Path(p), 0
    for p in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"):
        yield Path(p), 0
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh"], capture_output=True, text=True,
                                 timeout=5, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            yield Path(out), 0


def _twin(font: TTFont, name: str) -> TTFont:
    """The same face under a second name. Our "bold" is the same file, and parsing a CJK face costs
    ~0.2 s and ~14 MB: share the parsed face, keep the per-document subset state apart."""
    twin = copy.copy(font)
    twin.fontName = name
    twin.state = WeakKeyDictionary()
    return twin


@lru_cache(maxsize=1)
def chinese_font() -> FontChoice:
    for path, index in _candidates():
        if not path.is_file():
            continue
        try:
            regular = TTFont(FONT, str(path), subfontIndex=index)
        except Exception:  # CFF-outline fonts are refused by reportlab; try the next one
            continue
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(_twin(regular, FONT_BOLD))
        return FontChoice(FONT, path, True)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FontChoice(FALLBACK, None, False)


def style(size: float = 10.5, *, bold: bool = False, leading: float | None = None, align: int = 0,
          space_after: float = 0) -> ParagraphStyle:
    font = chinese_font()
    name = FONT_BOLD if bold and font.embedded else font.name
    return ParagraphStyle(f"sgz-{size}-{bold}-{align}", fontName=name, fontSize=size,
                          leading=leading or size * 1.5, alignment=align, wordWrap="CJK",
                          spaceAfter=space_after)


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Write to a temp name beside ``out``; rename only when complete (a crash leaves no half PDF)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def build(out: Path, make: Callable[[Path], None]) -> Path:
    with _build_lock, atomic_output(out) as tmp:
        chinese_font()
        make(tmp)
    return out


def seal_page(canvas: object) -> None:
    """Compress the page just finished now instead of at ``save()``: reportlab keeps every page's drawing as
    text until the whole file is written (~70 KB for a catalogue page of Chinese rows), so an 800-page
    catalogue would sit in memory uncompressed. The bytes written are the same: the same filter, marked as
    applied, which reportlab then leaves alone. Call right after ``showPage()``."""
    from reportlab import rl_config
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFBase85Encode, PDFName, PDFStream, PDFZCompress

    pages = canvas._doc.Pages.pages  # type: ignore[attr-defined]  # reportlab ships no type hints
    page = pages[-1] if pages else None
    if page is None or page.Contents or not page.stream or not page.compression:
        return
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content = page.stream
    for f in reversed(filters):
        content = f.encode(content)
    sealed = PDFStream(content=content)
    sealed.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])
    sealed.__Comment__ = "page stream"
    page.Contents, page.stream = sealed, None
