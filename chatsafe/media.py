"""Media types by content, and thumbnails made in memory.

Pillow opens only the formats listed here (never EPS, which would start Ghostscript
and write temporary files), with a pixel limit, and decompression-bomb warnings are
errors. Thumbnails are re-encoded without EXIF (which can hold GPS positions) and
never touch the disk.
"""

from __future__ import annotations

import io
import mimetypes
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from chatsafe.errors import DecompressionBombError, ImageTooLargeError, InputError

# Thumbnails are made up to 60 megapixels; a bigger photo (64, 108 and 200 MP phones are
# common) is kept as an attachment without one, never refused.
MAX_PIXELS = 60_000_000
# Beyond any camera or stitched panorama: a decompression bomb, refused.
BOMB_PIXELS = 1_000_000_000
# A photo compresses to a few pixels per byte; an 18 KB PNG declaring 144 MP is 8,000.
MAX_PIXELS_PER_BYTE = 1000
THUMB_SIZE = (320, 320)
_IMAGE_FORMATS = ["JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF"]

_MAGIC: list[tuple[bytes, int, str]] = [
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"%PDF-", 0, "application/pdf"),
    (b"OggS", 0, "audio/ogg"),
    (b"ID3", 0, "audio/mpeg"),
    (b"BM", 0, "image/bmp"),
    (b"PK\x03\x04", 0, "application/zip"),
]


def sniff_mime(data: bytes, name: str = "") -> str:
    """The MIME type of ``data`` by its magic bytes, then by the name's extension."""
    head = data[:64]
    for magic, offset, mime in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1"):
            return "image/heic"
        if brand.startswith(b"M4A"):
            return "audio/mp4"
        return "video/mp4"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def is_image(mime: str | None) -> bool:
    return bool(mime) and mime in {
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/bmp",
        "image/tiff",
    }


def thumbnail(data: bytes, where: str = "") -> tuple[bytes, int, int]:
    """A PNG thumbnail of an image, made in memory: (png bytes, width, height).

    Raises ImageTooLargeError for a real image above MAX_PIXELS (no thumbnail is made),
    DecompressionBombError for one that declares more pixels than any camera makes or
    far more than its bytes can hold, and InputError for images Pillow cannot read.
    """
    Image.MAX_IMAGE_PIXELS = BOMB_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=_IMAGE_FORMATS) as opened:
                w, h = opened.size
                if w * h > BOMB_PIXELS or w * h > MAX_PIXELS_PER_BYTE * max(len(data), 1):
                    raise DecompressionBombError(
                        f"refused: image declares {w}x{h} pixels in {len(data):,} bytes",
                        file=where,
                    )
                if w * h > MAX_PIXELS:
                    raise ImageTooLargeError(
                        f"{w}x{h} pixels, more than a thumbnail is made of", file=where
                    )
                opened.draft("RGB", THUMB_SIZE)
                img: Image.Image = ImageOps.exif_transpose(opened) or opened
                img.thumbnail(THUMB_SIZE)
                if img.mode not in ("RGB", "RGBA", "L"):
                    img = img.convert("RGBA")
                out = io.BytesIO()
                img.save(out, format="PNG")  # PNG from Pillow carries no EXIF
                return out.getvalue(), img.width, img.height
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise DecompressionBombError(f"refused: {exc}", file=where) from None
        except (DecompressionBombError, ImageTooLargeError):
            raise
        except (OSError, ValueError, SyntaxError, UnidentifiedImageError) as exc:
            raise InputError(f"unreadable image ({type(exc).__name__})", file=where) from None
