"""A BagIt 1.0 bag (RFC 8493) written straight into a zip, one member at a time.

Nothing is staged on disk: each payload member is hashed (SHA-256 and SHA-512) while it
is written, and the manifests, bag-info and tag manifests are written last from those
hashes. Member names are neutral (``data/conversation-0001/…``); chatsafe never uses a
conversation title or a contact's name as a path.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, BinaryIO

ALGORITHMS = ("sha256", "sha512")
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
TAG_ALGORITHM = "sha512"
TAG_MANIFEST = "tagmanifest-sha512.txt"
SIGNATURE_NAME = "tagmanifest-sha512.txt.p7s"

# Every member is stored, none deflated: a deflate stream can be changed without
# changing a byte it inflates to (a few bits of a block's header; one whole byte of a
# transcript PDF's stream was found so), and verify accepts only the zip exactly as it
# is written (bundle/zipcheck.py). A stored member has no such bits: each byte is a
# checked header field or content that the CRC and the signed manifests cover. The
# PDFs and media are compressed already; the JSON and XML cost more room.


def encode_path(path: str) -> str:
    """RFC 8493 §2.1.3: percent-encode CR, LF and % in manifest paths."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(path: str) -> str:
    return (
        path.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%0d", "\r")
        .replace("%0a", "\n")
        .replace("%25", "%")
    )


_PARALLEL_FROM = 256 * 1024
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="chatsafe-hash")


class _HashingWriter:
    """A file-like object that hashes what passes through it to a zip member."""

    def __init__(self, member: IO[bytes], check: Callable[[], None]) -> None:
        self._member = member
        self._check = check
        self.hashes = {a: hashlib.new(a) for a in ALGORITHMS}
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        data = bytes(data)
        if len(data) >= _PARALLEL_FROM:
            # hashlib and file writes release the GIL: on large media chunks the two
            # digests and the write run side by side (each hash object in one thread).
            done = [_POOL.submit(h.update, data) for h in self.hashes.values()]
            self._member.write(data)
            for f in done:
                f.result()
        else:
            for h in self.hashes.values():
                h.update(data)
            self._member.write(data)
        self.size += len(data)
        if self.size % (8 * 1024 * 1024) < len(data):
            self._check()
        return len(data)


@dataclass
class Entry:
    name: str  # relative to the bag folder
    size: int
    digests: dict[str, str]


@dataclass
class BagWriter:
    """Writes one bag into an open binary file as a zip; ``bag_name`` is its folder."""

    out: BinaryIO
    bag_name: str
    check: Callable[[], None] = lambda: None
    payload: list[Entry] = field(default_factory=list)
    tags: list[Entry] = field(default_factory=list)
    # Members' modification time (local time of the organisation, as zip stores it);
    # archivists' unzip tools show it, and 1980-01-01 looked like a broken clock.
    when: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    def __post_init__(self) -> None:
        self.zip = zipfile.ZipFile(self.out, "w", compression=zipfile.ZIP_STORED, allowZip64=True)
        # The payload folder exists even when nothing leaves (RFC 8493 requires it).
        folder = zipfile.ZipInfo(f"{self.bag_name}/data/", date_time=self.when)
        folder.external_attr = (0o40755 << 16) | 0x10
        folder.create_system = 3  # Unix on every platform: verify accepts only this form
        self.zip.writestr(folder, b"")
        self._names: set[str] = set()

    def _open(self, name: str) -> IO[bytes]:
        if name in self._names or name.startswith("/") or ".." in name.split("/"):
            raise ValueError(f"bad or repeated bag member {name!r}")
        self._names.add(name)
        info = zipfile.ZipInfo(f"{self.bag_name}/{name}", date_time=self.when)
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = (stat.S_IFREG | 0o644) << 16  # a regular file, rw-r--r--
        info.create_system = 3
        return self.zip.open(info, "w", force_zip64=True)

    def write_stream(self, name: str, chunks: Iterable[bytes], *, tag: bool = False) -> Entry:
        with self._open(name) as member:
            w = _HashingWriter(member, self.check)
            for chunk in chunks:
                w.write(chunk)
        entry = Entry(name, w.size, {a: h.hexdigest() for a, h in w.hashes.items()})
        (self.tags if tag else self.payload).append(entry)
        return entry

    def write_bytes(self, name: str, data: bytes, *, tag: bool = False) -> Entry:
        return self.write_stream(name, [data], tag=tag)

    def writer(self, name: str) -> _MemberContext:
        """A context manager giving a writable file-like object for a payload member."""
        return _MemberContext(self, name)

    def payload_oxum(self) -> str:
        return f"{sum(e.size for e in self.payload)}.{len(self.payload)}"

    def finish(self, bag_info: list[tuple[str, str]], sign: Callable[[bytes], bytes]) -> None:
        """Write bagit.txt, bag-info, manifests, tag manifests and the signature."""
        self.write_bytes("bagit.txt", BAGIT_TXT, tag=True)
        lines = [f"{k}: {v}" for k, v in [*bag_info, ("Payload-Oxum", self.payload_oxum())]]
        self.write_bytes("bag-info.txt", ("\n".join(lines) + "\n").encode("utf-8"), tag=True)
        for alg in ALGORITHMS:
            self.write_bytes(f"manifest-{alg}.txt", _manifest(self.payload, alg), tag=True)
        # One tag manifest, the signed one: a second (tagmanifest-sha256.txt) could not be
        # covered by the signature, so its bytes could change unnoticed (RFC 8493 makes
        # tag manifests optional; bagit-python validates with the one there is).
        signed = _manifest(self.tags, TAG_ALGORITHM)
        self._write_raw(TAG_MANIFEST, signed)
        self._write_raw(SIGNATURE_NAME, sign(signed))
        self.zip.close()

    def _write_raw(self, name: str, data: bytes) -> None:
        with self._open(name) as member:
            member.write(data)

    def abort(self) -> None:
        try:
            self.zip.close()
        except Exception:  # the file is deleted anyway
            pass


class _MemberContext:
    def __init__(self, bag: BagWriter, name: str) -> None:
        self.bag = bag
        self.name = name

    def __enter__(self) -> _HashingWriter:
        self._member = self.bag._open(self.name)
        self._writer = _HashingWriter(self._member, self.bag.check)
        return self._writer

    def __exit__(self, *exc: object) -> None:
        self._member.close()
        if exc[0] is None:
            w = self._writer
            self.bag.payload.append(
                Entry(self.name, w.size, {a: h.hexdigest() for a, h in w.hashes.items()})
            )


def _manifest(entries: list[Entry], alg: str) -> bytes:
    lines = [
        f"{e.digests[alg]}  {encode_path(e.name)}" for e in sorted(entries, key=lambda e: e.name)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
