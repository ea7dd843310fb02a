"""The zip around the bag, checked byte for byte.

The signature covers the bag's files, not the zip that carries them. So that no byte of
the file can change unnoticed, ``verify`` accepts only the zip chatsafe writes
(chatsafe.bundle.bagit_writer): records laid end to end from byte 0 to the end record,
no comment, no bytes before, between or after them, one timestamp for every member,
fixed permissions, every local header agreeing with its central-directory entry, only
the ZIP64 extra field. chatsafe stores every member (bagit_writer): a change to a
stored member's bytes changes its content, which the CRC and the manifests catch.
Bundles made before stored everything deflated their text members; for those each
deflate stream must end exactly where its record ends with zero padding bits, but a
few bits inside a deflate stream's block headers change no inflated byte and cannot be
checked here.
"""

from __future__ import annotations

import stat
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

_EOCD = struct.Struct("<IHHHHIIH")  # 22 bytes
_Z64_LOCATOR = struct.Struct("<IIQI")  # 20 bytes
_Z64_EOCD = struct.Struct("<IQHHIIQQQQ")  # 56 bytes
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # 46 bytes
_LOCAL = struct.Struct("<IHHHHHIIIHH")  # 30 bytes
_MAX32 = 0xFFFFFFFF
_MAX16 = 0xFFFF
# Unix (3) as the system that made the archive, so permissions mean the same everywhere.
MADE_BY_SYSTEM = 3
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
FOLDER_ATTR = (0o40755 << 16) | 0x10
_CHUNK = 1024 * 1024


class ZipFormError(Exception):
    """The zip is not in the form chatsafe writes."""


@dataclass
class Record:
    name: str
    offset: int
    method: int
    crc: int
    compressed: int
    size: int
    stamp: tuple[int, int] = (0, 0)  # MS-DOS (time, date): the writer gives all one
    data_start: int = 0


def _read_at(f: BinaryIO, offset: int, n: int) -> bytes:
    f.seek(offset)
    data = f.read(n)
    if len(data) != n:
        raise ZipFormError(f"the zip ends early (at byte {offset + len(data)})")
    return data


def _zip64(extra: bytes, wanted: list[str], where: str) -> dict[str, int]:
    """The ZIP64 extra field: the only one the writer uses."""
    values: dict[str, int] = {}
    pos = 0
    while pos < len(extra):
        if pos + 4 > len(extra):
            raise ZipFormError(f"{where}: damaged extra field")
        kind, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        if kind != 0x0001 or len(body) != size or values:
            raise ZipFormError(f"{where}: unexpected extra field 0x{kind:04x}")
        if size != 8 * len(wanted):
            raise ZipFormError(f"{where}: ZIP64 field of unexpected length")
        for i, key in enumerate(wanted):
            values[key] = struct.unpack_from("<Q", body, 8 * i)[0]
        pos += 4 + size
    if wanted and not values:
        raise ZipFormError(f"{where}: ZIP64 sizes missing")
    return values


def _end(f: BinaryIO, length: int) -> tuple[int, int, int]:
    """(entries, central directory offset, where the central directory must end)."""
    if length < _EOCD.size:
        raise ZipFormError("too short to be a zip")
    eocd_at = length - _EOCD.size
    sig, disk, cd_disk, n_here, n_all, cd_size, cd_off, comment = _EOCD.unpack(
        _read_at(f, eocd_at, _EOCD.size)
    )
    if sig != 0x06054B50:
        raise ZipFormError("the zip has a comment or bytes after its end record")
    if comment:
        raise ZipFormError("the zip carries a comment")
    if disk or cd_disk or n_here != n_all:
        raise ZipFormError("the zip's end record is damaged (disk numbers or counts)")
    if _MAX16 not in (n_all,) and _MAX32 not in (cd_size, cd_off):
        return n_all, cd_off, eocd_at
    loc_at = eocd_at - _Z64_LOCATOR.size
    z64_at = loc_at - _Z64_EOCD.size
    if z64_at < 0:
        raise ZipFormError("the zip's ZIP64 end record is missing")
    lsig, ldisk, z64_off, disks = _Z64_LOCATOR.unpack(_read_at(f, loc_at, _Z64_LOCATOR.size))
    if lsig != 0x07064B50 or ldisk or disks != 1 or z64_off != z64_at:
        raise ZipFormError("the zip's ZIP64 locator is damaged or misplaced")
    fields = _Z64_EOCD.unpack(_read_at(f, z64_at, _Z64_EOCD.size))
    zsig, zsize, _made, _needed, zdisk, zcd_disk, zn_here, zn_all, zcd_size, zcd_off = fields
    if zsig != 0x06064B50 or zsize != 44 or zdisk or zcd_disk or zn_here != zn_all:
        raise ZipFormError("the zip's ZIP64 end record is damaged")
    for small, big in ((n_all, zn_all), (cd_size, zcd_size), (cd_off, zcd_off)):
        if small not in (_MAX16, _MAX32) and small != big:
            raise ZipFormError("the zip's end records disagree")
    if zcd_off + zcd_size != z64_at:
        raise ZipFormError("bytes between the central directory and the end record")
    return zn_all, zcd_off, z64_at


def _central(f: BinaryIO, count: int, start: int, end: int) -> Iterator[Record]:
    pos = start
    for _ in range(count):
        head = _read_at(f, pos, _CENTRAL.size)
        (sig, made, needed, flags, method, time, date, crc, csize, usize, nlen, xlen, clen,
         disk, iattr, eattr, offset) = _CENTRAL.unpack(head)  # fmt: skip
        if sig != 0x02014B50:
            raise ZipFormError(f"central directory damaged at byte {pos}")
        raw = _read_at(f, pos + _CENTRAL.size, nlen + xlen)
        name = raw[:nlen].decode("utf-8" if flags & 0x800 else "cp437", "replace")
        where = f"zip entry {name}"
        wanted = [
            k for k, v in (("size", usize), ("compressed", csize), ("offset", offset))
            if v == _MAX32
        ]  # fmt: skip
        z64 = _zip64(raw[nlen:], wanted, where)
        rec = Record(
            name,
            z64.get("offset", offset),
            method,
            crc,
            z64.get("compressed", csize),
            z64.get("size", usize),
            (time, date),
        )
        ascii_name = raw[:nlen].isascii()
        expected_attr = FOLDER_ATTR if name.endswith("/") else FILE_ATTR
        if (
            made >> 8 != MADE_BY_SYSTEM
            or made & 0xFF != needed
            or needed not in (20, 45)
            or flags != (0 if ascii_name else 0x800)
            or method not in (0, 8)
            or not 1 <= (date >> 5) & 0xF <= 12
            or not 1 <= date & 0x1F <= 31
            or clen
            or disk
            or iattr
            or eattr != expected_attr
        ):
            raise ZipFormError(f"{where}: header fields differ from the form chatsafe writes")
        _local(f, rec, needed, flags, raw[:nlen], where)
        yield rec
        pos += _CENTRAL.size + nlen + xlen
    if pos != end:
        raise ZipFormError("bytes after the central directory, or entries missing from it")


def _local(f: BinaryIO, rec: Record, needed: int, flags: int, name: bytes, where: str) -> None:
    head = _read_at(f, rec.offset, _LOCAL.size)
    sig, lneeded, lflags, method, time, date, crc, csize, usize, nlen, xlen = _LOCAL.unpack(head)
    if sig != 0x04034B50:
        raise ZipFormError(f"{where}: its local header is missing")
    raw = _read_at(f, rec.offset + _LOCAL.size, nlen + xlen)
    wanted = [k for k, v in (("size", usize), ("compressed", csize)) if v == _MAX32]
    z64 = _zip64(raw[nlen:], wanted, where + " (local header)")
    if (
        (lneeded, lflags, method, (time, date), crc)
        != (needed, flags, rec.method, rec.stamp, rec.crc)
        or raw[:nlen] != name
        or z64.get("size", usize) != rec.size
        or z64.get("compressed", csize) != rec.compressed
    ):
        raise ZipFormError(f"{where}: its local header disagrees with the central directory")
    rec.data_start = rec.offset + _LOCAL.size + nlen + xlen


def _inflate_exactly(f: BinaryIO, rec: Record) -> None:
    """The deflate stream ends on the record's last byte, with zero padding bits, and
    inflates to the recorded size and CRC."""
    where = f"zip entry {rec.name}"
    d = zlib.decompressobj(-15)
    f.seek(rec.data_start)
    left = rec.compressed
    size = 0
    crc = 0
    last = b""
    try:
        while left > 1:
            chunk = f.read(min(_CHUNK, left - 1))
            if not chunk:
                raise ZipFormError(f"{where}: the zip ends early")
            left -= len(chunk)
            out = d.decompress(chunk)
            size += len(out)
            crc = zlib.crc32(out, crc)
            if d.eof:
                raise ZipFormError(f"{where}: bytes after the end of its deflate stream")
        last = f.read(left)
        probe = d.copy()
        out = d.decompress(last) + d.flush()
    except zlib.error:
        raise ZipFormError(f"{where}: its compressed data is damaged") from None
    size += len(out)
    crc = zlib.crc32(out, crc)
    if not d.eof or d.unused_data or size != rec.size or crc != rec.crc:
        raise ZipFormError(f"{where}: its compressed data is damaged")
    if last:
        byte = last[0]
        for bit in range(8):
            if byte & (1 << bit):
                trial = probe.copy()
                try:
                    alt = trial.decompress(bytes([byte & ~(1 << bit)])) + trial.flush()
                except zlib.error:
                    continue
                if trial.eof and alt == out:
                    raise ZipFormError(f"{where}: padding bits set after its deflate stream")


def check(f: BinaryIO) -> list[str]:
    """Problems with the container (empty when it is exactly the form chatsafe writes)."""
    f.seek(0, 2)
    length = f.tell()
    try:
        count, cd_start, cd_end = _end(f, length)
        expected = 0
        stamps = set()
        for rec in _central(f, count, cd_start, cd_end):
            stamps.add(rec.stamp)
            if len(stamps) > 1:
                return [f"zip entry {rec.name}: its date differs from the other members'"]
            if rec.offset != expected:
                return [f"zip entry {rec.name}: bytes before it that belong to no entry"]
            expected = rec.data_start + rec.compressed
            if rec.method == 8:
                _inflate_exactly(f, rec)
        if expected != cd_start:
            return ["bytes between the last entry and the central directory"]
    except ZipFormError as exc:
        return [str(exc)]
    return []
