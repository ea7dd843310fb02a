"""The plain text inside an Apple ``attributedBody`` (an NSAttributedString archived
with the old NeXT "typedstream" format, ``\\x04\\x0bstreamtyped…``).

Recent macOS and iOS versions leave ``message.text`` NULL and keep the text only
here. A full typedstream reader is not needed to get the text out: the archive names
the class ``NSString`` (or ``NSMutableString``), and a few bytes later the string is
written as the type code ``+`` followed by a length and the UTF-8 bytes. The length is
a typedstream integer: one byte below 0x80, or the tag 0x81 and a 2-byte little-endian
integer, or 0x82 and a 4-byte one.
"""

from __future__ import annotations

_CLASS_NAMES = (b"NSString", b"NSMutableString")
_MAX_GAP = 12  # bytes between the class name and the '+' that starts the string


def attributed_text(blob: bytes | None) -> str | None:
    """The string stored in ``blob``, or None when it holds no readable string."""
    if not blob:
        return None
    for class_name in _CLASS_NAMES:
        start = blob.find(class_name)
        if start == -1:
            continue
        after = start + len(class_name)
        plus = blob.find(b"+", after, after + _MAX_GAP)
        if plus == -1:
            continue
        pos = plus + 1
        if pos >= len(blob):
            return None
        tag = blob[pos]
        pos += 1
        if tag == 0x81:
            width = 2
        elif tag == 0x82:
            width = 4
        elif tag < 0x80:
            width = 0
        else:
            return None
        if width:
            if pos + width > len(blob):
                return None
            length = int.from_bytes(blob[pos : pos + width], "little")
            pos += width
        else:
            length = tag
        raw = blob[pos : pos + length]
        if len(raw) != length:
            return None
        return raw.decode("utf-8", errors="replace")
    return None


def archive_text(text: str) -> bytes:
    """An attributedBody-like blob holding ``text`` (for tests and benchmarks)."""
    raw = text.encode("utf-8")
    if len(raw) < 0x80:
        length = bytes([len(raw)])
    elif len(raw) < 0x10000:
        length = b"\x81" + len(raw).to_bytes(2, "little")
    else:
        length = b"\x82" + len(raw).to_bytes(4, "little")
    return (
        b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00"
        b"\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+"
        + length
        + raw
        + b"\x86\x84\x02iI\x01\x05\x92\x84\x84\x84\x0cNSDictionary\x00\x94\x84\x01i\x01\x86"
    )
