"""One ``.rsmf`` file: an RFC 5322 message whose one attachment is ``rsmf.zip``.

The headers and the plain-text body are made by the standard library's ``email`` package
(RFC 2047 words for names in any script, folding, quoted-printable), with a placeholder
where the attachment's content goes. The zip is then streamed through a base64 encoder
into that place, so attachments are never held whole in memory and never touch the disk
unencrypted anywhere but in the output itself.
"""

from __future__ import annotations

import base64
import json
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from email.charset import QP, Charset
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime
from typing import Any, BinaryIO

ZIP_NAME = "rsmf.zip"
MANIFEST_NAME = "rsmf_manifest.json"
_POLICY = compat32.clone(linesep="\r\n")
_LINE = 57  # raw bytes per base64 line of 76 characters (RFC 2045)


@dataclass
class ZipMember:
    """A file for the root of rsmf.zip, streamed from the case."""

    name: str
    size: int
    chunks: Callable[[], Iterable[bytes]]


@dataclass
class Headers:
    generator: str
    begin: str
    end: str
    end_time: datetime
    events: int
    application: str
    custodian: str | None
    participants: list[str]
    attachments: int
    collection_id: str
    subject: str


class _Base64Lines:
    """A write-only stream that writes what it is given as base64 lines of 76 characters.

    It has no ``tell``: ``zipfile`` then writes data descriptors instead of seeking back.
    """

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.pending = b""
        self.written = 0  # bytes of zip given to it

    def write(self, data: bytes) -> int:
        self.written += len(data)
        buf = self.pending + bytes(data)
        cut = len(buf) - len(buf) % _LINE
        if cut:
            # encodebytes writes lines of 76 characters (57 bytes) in C; RFC 5322 wants CRLF.
            self.out.write(base64.encodebytes(buf[:cut]).replace(b"\n", b"\r\n"))
        self.pending = buf[cut:]
        return len(data)

    def flush(self) -> None:
        pass

    def close_lines(self) -> None:
        if self.pending:
            self.out.write(base64.b64encode(self.pending) + b"\r\n")
            self.pending = b""


def envelope(h: Headers, body: str) -> tuple[bytes, bytes]:
    """The bytes before and after the base64 content of rsmf.zip.

    Built with the ``compat32`` classes: the modern header registry took 60 ms a file,
    which is minutes for a year of daily slices.
    """
    msg = MIMEMultipart()
    for name, value in (
        ("From", "chatsafe <export@chatsafe.invalid>"),
        ("Subject", h.subject),
        ("Date", format_datetime(h.end_time)),
        ("X-RSMF-Version", "2.0.0"),
        ("X-RSMF-Generator", h.generator),
        ("X-RSMF-BeginDate", h.begin),
        ("X-RSMF-EndDate", h.end),
        ("X-RSMF-EventCount", str(h.events)),
        ("X-RSMF-Application", h.application),
        ("X-RSMF-Custodian", h.custodian or ""),
        ("X-RSMF-Participants", ", ".join(h.participants)),
        ("X-RSMF-AttachmentCount", str(h.attachments)),
        ("X-RSMF-EventCollectionID", h.collection_id),
    ):
        if value:
            # RFC 2047 words for names in any script; folded at 78 characters.
            # (compat32 takes a Header where typeshed says str.)
            msg[name] = value if value.isascii() else Header(value, "utf-8", header_name=name)  # type: ignore[assignment]
    text_charset = Charset("utf-8")
    text_charset.body_encoding = QP  # readable in any editor, lines within RFC 5322's limit
    msg.attach(MIMEText(body, "plain", text_charset))  # type: ignore[arg-type]
    marker = "RSMFZIP" + os.urandom(12).hex()
    part = MIMEBase("application", "zip")
    part.add_header("Content-Disposition", "attachment", filename=ZIP_NAME)
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(marker)
    msg.attach(part)
    raw = msg.as_bytes(policy=_POLICY)
    before, after = raw.split(marker.encode("ascii") + b"\r\n", 1)
    return before, after


def upper_bound(h: Headers, body: str, manifest_bytes: int, members: list[ZipMember]) -> int:
    """A size the file will not exceed (for slicing under the format's 2 GB limit)."""
    zip_bytes = 22 + 98 + manifest_bytes + manifest_bytes // 1000 + 200 + 2 * len(MANIFEST_NAME)
    zip_bytes += sum(m.size + 200 + 2 * len(m.name.encode()) for m in members)
    encoded = -(-zip_bytes // _LINE) * (76 + 2)
    head = 8192 + 4 * sum(len(p.encode()) + 2 for p in h.participants) + 4 * len(h.subject.encode())
    text = 4 * len(body.encode()) + 1024
    return head + text + encoded


def write_rsmf(
    out: BinaryIO,
    h: Headers,
    body: str,
    manifest_bytes: bytes,
    members: list[ZipMember],
    check: Callable[[], None],
) -> None:
    before, after = envelope(h, body)
    out.write(before)
    sink = _Base64Lines(out)
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as z:  # type: ignore[call-overload]
        z.writestr(MANIFEST_NAME, manifest_bytes)
        for m in members:
            info = zipfile.ZipInfo(m.name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED  # photos and videos are compressed already
            info.file_size = m.size  # so zipfile knows up front whether it needs zip64
            with z.open(info, "w") as w:
                for chunk in m.chunks():
                    check()
                    w.write(chunk)
    sink.close_lines()
    out.write(after)


def manifest_json(manifest: dict[str, Any]) -> bytes:
    # No indent: indented output goes through json's pure-Python encoder, 5x slower.
    return json.dumps(manifest, ensure_ascii=False).encode("utf-8")
