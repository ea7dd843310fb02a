"""Protobuf's wire format, read just far enough for the importers' binary fields.

WhatsApp keeps small protobuf messages in its backup headers (crypt14/crypt15) and in
``ChatStorage.sqlite``'s blob columns. Both importers read them with these functions, so
a hostile or damaged value is refused the same way everywhere: with ``ValueError``,
which each importer turns into its own refusal or into "kept raw" (never a crash, never
an endless loop). No schema is known here; callers pick fields by number.
"""

from __future__ import annotations

# A 64-bit value needs at most ten 7-bit groups; protobuf itself refuses longer ones.
MAX_VARINT_BYTES = 10
_LIMIT = 1 << 64

Field = tuple[int, int, int | bytes]  # (number, wire type, varint value or bytes)

# Fixed-size wire types: 1 is 64 bits, 5 is 32 bits. 3 and 4 (groups) are refused.
_FIXED = {1: 8, 5: 4}


def varint(data: bytes, pos: int) -> tuple[int, int]:
    """(value, position after it) of the varint at ``pos``.

    ValueError when it is cut short, longer than ten bytes or beyond 64 bits."""
    value = 0
    for i in range(MAX_VARINT_BYTES):
        if pos >= len(data):
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            if value >= _LIMIT:
                raise ValueError("varint beyond 64 bits")
            return value, pos
    raise ValueError("varint longer than ten bytes")


def fields(data: bytes) -> list[Field]:
    """One protobuf message's fields in order; ValueError when it is not one."""
    out: list[Field] = []
    pos = 0
    while pos < len(data):
        key, pos = varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ValueError("field number 0")
        if wire == 0:
            value, pos = varint(data, pos)
            out.append((number, wire, value))
            continue
        size = _FIXED.get(wire)
        if wire == 2:
            size, pos = varint(data, pos)
        if size is None or pos + size > len(data):
            raise ValueError(f"wire type {wire} or length out of range")
        out.append((number, wire, data[pos : pos + size]))
        pos += size
    return out


def length_delimited(data: bytes) -> dict[int, bytes]:
    """The length-delimited fields of one message by number (the last one wins);
    ValueError when ``data`` is not one whole message."""
    return {n: v for n, w, v in fields(data) if w == 2 and isinstance(v, bytes)}
