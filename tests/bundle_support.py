"""Shared by the bundle tests: test certificates, a generated case, and readers of a
bundle's bytes (unzipped, PDF streams inflated)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from chatsafe import importers, settings
from chatsafe.domain import EventType, Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import Source
from chatsafe.store import Case, create_case

SIGNING_PASSPHRASE = "test-signing-pass"
CASE_PASSPHRASE = "bundle-test-case-pass"
ARCHIVAL = {
    "organisation": "Ministerie van Testzaken",
    "appraisal": "B",
    "retention": "permanent",
    "information_category": "Berichten van bewindspersonen",
}
XSD = Path(__file__).resolve().parents[2] / "shared" / "standards" / "MDTO-XML1.0.1.xsd"


@dataclass
class Certs:
    folder: Path
    ca_pem: Path
    cert_pem: Path
    key_pem: Path  # encrypted with SIGNING_PASSPHRASE
    p12: Path  # encrypted with SIGNING_PASSPHRASE
    key: Any
    cert: x509.Certificate
    ca_cert: x509.Certificate


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Ministerie"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def make_certs(folder: Path) -> Certs:
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Test CA"))
        .issuer_name(_name("Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Minister Test"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca_cert.public_bytes(pem))
    (folder / "cert.pem").write_bytes(cert.public_bytes(pem))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            pem,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(SIGNING_PASSPHRASE.encode()),
        )
    )
    (folder / "signer.p12").write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"signer",
            key,
            cert,
            [ca_cert],
            serialization.BestAvailableEncryption(SIGNING_PASSPHRASE.encode()),
        )
    )
    return Certs(
        folder,
        folder / "ca.pem",
        folder / "cert.pem",
        folder / "key.pem",
        folder / "signer.p12",
        key,
        cert,
        ca_cert,
    )


# -- a generated case ----------------------------------------------------------------
class SpecImporter:
    """Reads a JSON description of conversations (tests only)."""

    name = "spec"
    label = "Test spec"
    description = "JSON list of conversations"

    def sniff(self, source: Source) -> int:
        return 100

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        spec = json.loads(source.read(source.names()[0]))
        for conv in spec:
            msgs = []
            for pos, m in enumerate(conv["messages"]):
                kind = Kind(m.get("kind", "message"))
                msgs.append(
                    ParsedMessage(
                        position=pos,
                        kind=kind,
                        sender=m.get("sender"),
                        wallclock=m["wallclock"],
                        text=m["text"],
                        event_type=EventType(m["event_type"]) if m.get("event_type") else None,
                        deleted=m.get("deleted", False),
                        edited=m.get("edited", False),
                        view_once=m.get("view_once", False),
                        from_owner=m.get("from_owner"),
                        source_id=m.get("source_id"),
                        reply_to=m.get("reply_to"),
                        extra=m.get("extra", {}),
                        attachments=[
                            ParsedAttachment(
                                a["name"],
                                a.get("mime"),
                                bytes.fromhex(a["hex"])
                                if "hex" in a
                                else a["data"].encode()
                                if a.get("data") is not None
                                else None,
                            )
                            for a in m.get("attachments", [])
                        ],
                    )
                )
            yield ParsedConversation(
                "spec",
                conv["key"],
                conv["title"],
                msgs,
                participants=conv.get("participants", []),
                is_group=conv.get("is_group", False),
            )


def conversation(key: str, texts: list[str]) -> dict[str, Any]:
    """A conversation for ``build_case``: one sender, a minute between messages."""
    return {
        "key": key,
        "title": key.title(),
        "messages": [
            {"sender": "A", "wallclock": f"2024-02-01T08:{i:02d}:00", "text": t}
            for i, t in enumerate(texts)
        ],
    }


def build_case(
    path: Path, spec: list[dict[str, Any]], monkeypatch: Any, *, archival: bool = True
) -> Case:
    """A case holding ``spec`` (imported through ingest), with a passphrase."""
    monkeypatch.setattr(importers, "all_importers", lambda: [SpecImporter()])
    case = create_case(path, passphrase=CASE_PASSPHRASE)
    src = path.parent / f"{path.stem}-spec.json"
    src.write_text(json.dumps(spec), encoding="utf-8")
    import_paths(case, [src], ImportContext(owner="Minister"), format_name="spec")
    src.unlink()
    if archival:
        settings.apply(case, ARCHIVAL, by="IT")
    return case


def message_ids(case: Case, text_contains: str) -> list[int]:
    return [
        int(r[0])
        for r in case.conn.execute(
            "SELECT id FROM messages WHERE instr(text, ?) > 0", (text_contains,)
        )
    ]


# -- reading a bundle ----------------------------------------------------------------
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def bundle_bytes(path: Path) -> dict[str, bytes]:
    """Every member of the zip (name -> bytes), plus each PDF stream inflated, and the
    zip's own directory (names) under the key '<names>'."""
    out: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as z:
        out["<names>"] = "\n".join(z.namelist()).encode()
        for info in z.infolist():
            data = z.read(info)
            out[info.filename] = data
            if info.filename.endswith(".pdf"):
                for i, m in enumerate(_STREAM.finditer(data)):
                    try:
                        out[f"{info.filename}#stream{i}"] = zlib.decompress(m.group(1))
                    except zlib.error:
                        pass
    out["<raw zip>"] = path.read_bytes()
    return out


def pdf_text(path: Path) -> str:
    """The text of every PDF in the bundle (pypdf, through the fonts' ToUnicode maps)."""
    import io

    from pypdf import PdfReader

    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".pdf"):
                reader = PdfReader(io.BytesIO(z.read(name)))
                texts.extend(page.extract_text() or "" for page in reader.pages)
    return "\n".join(texts)


def openssl_verifies(signature: Path, content: Path, ca: Path) -> None:
    """The archive's check, with the standard tool: ``openssl cms -verify``."""
    import pytest

    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    proc = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(signature),
         "-content", str(content), "-CAfile", str(ca), "-out", os.devnull],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
