"""Small real files for the demo archive (and tests): scanned-looking pages as JPEG, PNG or TIFF, and
PDFs made of such pages.

A few page images are drawn once with Pillow (grey text lines, a title, a red seal); every file is then
one of them with a comment segment carrying its own text and padding, so thousands of distinct files
of a chosen size cost almost nothing to make. The PDFs are written by hand: one JPEG (DCTDecode) image
per A4 page, which every viewer opens and whose pages can be previewed without a PDF renderer.
"""

from __future__ import annotations

import io
import random
import struct
from dataclasses import dataclass
from functools import lru_cache

A4_POINTS = (595, 842)
PAGE_PIXELS = (496, 702)  # A4 at 60 dpi: enough to recognise a page, small enough for thousands
_COM_MAX = 65533
_NOISE = 8 << 20


@dataclass(frozen=True)
class PageImage:
    jpeg: bytes
    width: int
    height: int


def _font(size: int) -> object | None:
    from PIL import ImageFont

    from .reports.pdf import chinese_font

    path = chinese_font().path
    if path is None:
        return None
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return None


@lru_cache(maxsize=256)
def page_template(kind: int, heading: str = "") -> PageImage:
    """A scanned-looking page: ``kind`` varies the layout (a letter, a form, a voucher with a table)."""
    from PIL import Image, ImageDraw

    rnd = random.Random(kind)
    width, height = PAGE_PIXELS
    img = Image.new("RGB", PAGE_PIXELS, (247, 246, 240))
    draw = ImageDraw.Draw(img)
    font = _font(22)
    top = 60
    if heading and font is not None:
        draw.text((width // 2, top), heading, fill=(40, 40, 40), font=font, anchor="mm")  # type: ignore[arg-type]
    else:
        draw.rectangle((width // 2 - 110, top - 10, width // 2 + 110, top + 10), fill=(70, 70, 70))
    y = top + 50
    if kind % 3 == 2:  # a voucher: a ruled table
        for row in range(12):
            draw.line((50, y + row * 28, width - 50, y + row * 28), fill=(120, 120, 120), width=1)
        for x in (50, 130, 300, width - 110, width - 50):
            draw.line((x, y, x, y + 11 * 28), fill=(120, 120, 120), width=1)
        for row in range(11):
            for x0, x1 in ((60, 120), (140, 290), (310, width - 120), (width - 100, width - 60)):
                draw.rectangle((x0, y + row * 28 + 10, x0 + rnd.randint(20, x1 - x0), y + row * 28 + 18),
                               fill=(95, 95, 110))
        y += 12 * 28
    while y < height - 140:
        indent = 80 if rnd.random() < 0.15 else 50
        draw.rectangle((indent, y, rnd.randint(width // 2, width - 50), y + 7), fill=(90, 90, 100))
        y += 22 if rnd.random() < 0.85 else 40
    cx, cy, r = width - 140, height - 110, 48  # the seal
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 40, 40), width=4)
    draw.regular_polygon((cx, cy, 14), 5, fill=(200, 40, 40))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=55)
    return PageImage(out.getvalue(), width, height)


@lru_cache(maxsize=1)
def _noise() -> bytes:
    """Incompressible bytes (like a real scan's) shared by all padding; each file takes its own slice."""
    return random.Random(20220907).randbytes(_NOISE)


def padding(size: int, rnd: random.Random) -> bytes:
    if size <= 0:
        return b""
    noise = _noise()
    parts = []
    while size > 0:
        take = min(size, _NOISE // 2)
        start = rnd.randrange(_NOISE - take + 1)
        parts.append(noise[start:start + take])
        size -= take
    return b"".join(parts)


@lru_cache(maxsize=16)
def photo_template(kind: int, banner: str = "") -> PageImage:
    """A photo-like picture of an activity: a room, a red banner, people standing in a row."""
    from PIL import Image, ImageDraw

    rnd = random.Random(100 + kind)
    width, height = 640, 427
    img = Image.new("RGB", (width, height), (226, 221, 208))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(150, 128, 104))  # the floor
    draw.rectangle((110, 40, width - 110, 100), fill=(196, 32, 38))  # the banner
    font = _font(24)
    if banner and font is not None:
        draw.text((width // 2, 70), banner, fill=(255, 236, 160), font=font, anchor="mm")  # type: ignore[arg-type]
    for i in range(rnd.randint(5, 9)):
        x = 50 + i * (width - 100) // 9 + rnd.randint(-10, 10)
        top = rnd.randint(170, 210)
        colour = rnd.choice(((52, 82, 140), (60, 120, 80), (170, 60, 60), (90, 90, 90), (200, 150, 40)))
        draw.ellipse((x, top, x + 34, top + 34), fill=(236, 196, 160))
        draw.rounded_rectangle((x - 8, top + 36, x + 42, top + 150), radius=12, fill=colour)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return PageImage(out.getvalue(), width, height)


def _comment_segments(text: str, pad: int, rnd: random.Random) -> bytes:
    payload = text.encode("utf-8") + (b"\n" + padding(pad, rnd) if pad > 0 else b"")
    out = bytearray()
    for start in range(0, len(payload), _COM_MAX):
        chunk = payload[start:start + _COM_MAX]
        out += b"\xff\xfe" + struct.pack(">H", len(chunk) + 2) + chunk
    return bytes(out)


def scan_jpeg(template: PageImage, text: str, size: int, rnd: random.Random) -> bytes:
    """The template page as a distinct JPEG of about ``size`` bytes (at least the template's)."""
    base = template.jpeg
    pad = max(0, size - len(base) - len(text.encode("utf-8")) - 8 * (size // _COM_MAX + 1))
    return base[:2] + _comment_segments(text, pad, rnd) + base[2:]


def scan_png(template: PageImage, text: str, size: int, rnd: random.Random) -> bytes:
    """The page as PNG, with an ancillary chunk (ignored by viewers) carrying text and padding."""
    import zlib

    from PIL import Image

    img = Image.open(io.BytesIO(template.jpeg)).convert("L")
    out = io.BytesIO()
    img.save(out, "PNG", optimize=False)
    png = out.getvalue()
    data = text.encode("utf-8") + b"\n" + padding(size - len(png) - 32, rnd)
    chunk = struct.pack(">I", len(data)) + b"sgZd" + data + struct.pack(">I", zlib.crc32(b"sgZd" + data))
    return png[:33] + chunk + png[33:]  # after the 8-byte signature and the 25-byte IHDR chunk


def scan_tiff(template: PageImage) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(template.jpeg)).convert("L").save(out, "TIFF", compression="tiff_deflate")
    return out.getvalue()


def _pdf_text(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def image_pdf(pages: list[PageImage], title: str) -> bytes:
    """A PDF with one full-page JPEG per A4 page (PDF 1.4, written by hand: fast and predictable)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # the page tree, filled in below
    kids = []
    w, h = A4_POINTS
    for page in pages:
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (page.width, page.height,
                                                                                        len(page.jpeg))
                    + page.jpeg + b"\nendstream")
        content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (w, h)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 %d 0 R >>"
                        b" >> /Contents %d 0 R >>" % (w, h, image, stream)))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = add(b"<< /Title " + _pdf_text(title) + b" /Producer (sgz-desktop demo) >>")
    return assemble_pdf(objects, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", b" /Info %d 0 R" % info)


def assemble_pdf(objects: list[bytes], header: bytes = b"%PDF-1.4\n", trailer_extra: bytes = b"") -> bytes:
    """A classic PDF file from its objects' bodies (object 1 the catalogue): one xref table, one trailer."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def scanned_pdf(title: str, pages: int, size: int, rnd: random.Random, kind: int = 0, heading: str = "") -> bytes:
    """A PDF of ``pages`` scanned-looking pages, about ``size`` bytes in all."""
    template = page_template(kind, heading)
    per_page = max(size // max(pages, 1), len(template.jpeg))
    jpegs = [PageImage(scan_jpeg(template, f"{title} 第{i}页", per_page, rnd), template.width, template.height)
             for i in range(1, pages + 1)]
    return image_pdf(jpegs, title)
