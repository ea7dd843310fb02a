"""Small media files of every kind chatsafe imports, made here by hand (no fixture copied):
JPEG (JFIF and Exif-only), PNG, GIF87a, lossy WebP, PDF 1.4, DOCX, XLSX, vCard, Ogg Opus,
MP4 and HEIC. Each is the least a signature-based identifier needs to name its format."""

from __future__ import annotations

import io
import struct
import zipfile

from PIL import Image


def img(fmt, **kw):
    b = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(b, fmt, **kw)
    return b.getvalue()


def jpeg_exif_only():
    jfif = img("JPEG")
    assert jfif[2:4] == b"\xff\xe0"
    n = struct.unpack(">H", jfif[4:6])[0]
    exif = Image.Exif()
    exif[0x010F] = "Test"
    payload = b"Exif\x00\x00" + exif.tobytes()
    return b"\xff\xd8\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jfif[4 + n :]


def ooxml(kind):
    b = io.BytesIO()
    main = {
        "docx": (
            "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        "xlsx": (
            "xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        ),
    }[kind]
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{}" ContentType="{}"/></Types>'.format(
                *main
            ),
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main[0]}"/></Relationships>',
        )
        z.writestr(main[0], "<x/>")
    return b.getvalue()


def ogg_opus():
    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", 312, 48000, 0, 0)

    def page(seq, data, flag):
        hdr = (
            b"OggS" + bytes([0, flag]) + struct.pack("<qIII", 0, 1, seq, 0) + bytes([1, len(data)])
        )
        return hdr + data

    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    return page(0, head, 2) + page(1, tags, 0) + page(2, b"\xf8\xff\xfe", 4)


def ftyp(brand, compat):
    box = brand + struct.pack(">I", 0) + b"".join(compat)
    return struct.pack(">I", 8 + len(box)) + b"ftyp" + box + struct.pack(">I", 8) + b"free"


def pdf14():
    return img("PDF")  # Pillow writes %PDF-1.4


def mp4():
    mvhd = _box(b"mvhd", bytes(12) + struct.pack(">IIIH", 1000, 0, 0x00010000, 0x0100) + bytes(74))
    return _box(b"ftyp", b"isom" + bytes(4) + b"isomiso2avc1mp41") + _box(b"moov", mvhd)


def _box(kind, body):
    return struct.pack(">I", 8 + len(body)) + kind + body


MEDIA = {
    "jfif.jpg": lambda: img("JPEG"),
    "exif.jpg": jpeg_exif_only,
    "a.png": lambda: img("PNG"),
    "a87.gif": lambda: img("GIF"),
    "a.webp": lambda: img("WEBP", quality=80),
    "a.pdf": pdf14,
    "a.docx": lambda: ooxml("docx"),
    "a.xlsx": lambda: ooxml("xlsx"),
    "a.vcf": lambda: (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Test Persoon\r\nTEL:+31201234567\r\nEND:VCARD\r\n"
    ),
    "a.opus": ogg_opus,
    "a.mp4": mp4,
    "a.heic": lambda: ftyp(b"heic", [b"mif1", b"heic"]),
}
