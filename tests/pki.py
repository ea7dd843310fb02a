"""A small test PKI and an attacker's toolkit: certificates with chosen flaws, CMS
signatures with chosen attributes, and re-sealing a bundle after changing it (manifests
recomputed, zip written in chatsafe's own form) so that only the trust question is left.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import algos, cms, core  # type: ignore[import-untyped]
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from chatsafe.bundle.bagit_writer import SIGNATURE_NAME, TAG_MANIFEST, BagWriter

NOW = dt.datetime.now(dt.UTC)
_KEYS: list[Any] = []


def new_key() -> Any:
    # RSA key generation is the slow part of a test PKI: reuse a few keys.
    if len(_KEYS) < 6:
        _KEYS.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
        return _KEYS[-1]
    _KEYS.append(_KEYS.pop(0))
    return _KEYS[-1]


def name(cn: str, org: str = "Test Ministerie") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


@dataclass
class Holder:
    key: Any
    cert: x509.Certificate

    def pem(self, folder: Path, file: str) -> Path:
        path = folder / file
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


def _builder(
    subject: x509.Name,
    key: Any,
    issuer: Holder | None,
    not_before: dt.datetime,
    not_after: dt.datetime,
    basic: x509.BasicConstraints,
    usage: x509.KeyUsage,
) -> x509.CertificateBuilder:
    """What every test certificate has; the caller adds its own extensions."""
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(basic, critical=True)
        .add_extension(usage, critical=True)
    )


def _signed(b: x509.CertificateBuilder, key: Any, issuer: Holder | None) -> Holder:
    """The certificate with its key identifiers, signed by ``issuer`` (or itself)."""
    b = b.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    if issuer is not None:
        b = b.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    return Holder(key, b.sign(issuer.key if issuer else key, hashes.SHA256()))


def ca(
    cn: str,
    *,
    issuer: Holder | None = None,
    path_length: int | None = None,
    key_cert_sign: bool = True,
    is_ca: bool = True,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    name_constraints: x509.NameConstraints | None = None,
    crl_sign: bool = True,
) -> Holder:
    key = new_key()
    b = _builder(
        name(cn),
        key,
        issuer,
        not_before or NOW - dt.timedelta(days=3650),
        not_after or NOW + dt.timedelta(days=3650),
        x509.BasicConstraints(ca=is_ca, path_length=path_length),
        x509.KeyUsage(True, False, False, False, False, key_cert_sign, crl_sign, False, False),
    )
    if name_constraints is not None:
        b = b.add_extension(name_constraints, critical=True)
    return _signed(b, key, issuer)


def leaf(
    cn: str,
    issuer: Holder | None,
    *,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
    org: str = "Test Ministerie",
) -> Holder:
    """A signing certificate issued by ``issuer``, or self-signed when it is None."""
    key = new_key()
    b = _builder(
        name(cn, org),
        key,
        issuer,
        not_before or NOW - dt.timedelta(days=1),
        not_after or NOW + dt.timedelta(days=365),
        x509.BasicConstraints(ca=False, path_length=None),
        x509.KeyUsage(True, True, False, False, False, False, False, False, False),
    )
    b = b.add_extension(x509.ExtendedKeyUsage(eku or [ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
    return _signed(b, key, issuer)


def crl(issuer: Holder, revoked: list[tuple[x509.Certificate, dt.datetime]]) -> bytes:
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW - dt.timedelta(hours=1))
        .next_update(NOW + dt.timedelta(days=7))
    )
    for cert, when in revoked:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(when)
            .build()
        )
    return b.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def ocsp_response(
    cert: x509.Certificate,
    issuer: Holder,
    *,
    revoked_at: dt.datetime | None = None,
    signed_by: Holder | None = None,
) -> bytes:
    """An OCSP response about ``cert``, signed by its issuer (or by ``signed_by``)."""
    from cryptography.x509 import ocsp

    responder = signed_by or issuer
    resp = (
        ocsp.OCSPResponseBuilder()
        .add_response(
            cert=cert,
            issuer=issuer.cert,
            algorithm=hashes.SHA1(),
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked_at else ocsp.OCSPCertStatus.GOOD,
            this_update=NOW - dt.timedelta(hours=1),
            next_update=NOW + dt.timedelta(days=7),
            revocation_time=revoked_at,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked_at else None,
        )
        .responder_id(ocsp.OCSPResponderEncoding.HASH, responder.cert)
        .sign(responder.key, hashes.SHA256())
    )
    return resp.public_bytes(serialization.Encoding.DER)


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def sign_cms(
    content: bytes,
    signer: Holder,
    chain: list[x509.Certificate] = (),  # type: ignore[assignment]
    *,
    signing_time: dt.datetime | None = None,
    extra_signed: list[cms.CMSAttribute] = (),  # type: ignore[assignment]
    unsigned: list[cms.CMSAttribute] = (),  # type: ignore[assignment]
    ocsp: list[bytes] = (),  # type: ignore[assignment]
) -> bytes:
    """A detached CMS SignedData, as any signer's tool could make it."""
    cert = _asn1(signer.cert)
    attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute(
                {
                    "type": "signing_time",
                    "values": [cms.Time({"utc_time": signing_time or NOW})],
                }
            ),
            cms.CMSAttribute(
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]}
            ),
            *extra_signed,
        ]
    )
    signature = signer.key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    si: dict[str, Any] = {
        "version": "v1",
        "sid": cms.SignerIdentifier(
            {
                "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                    {"issuer": cert.issuer, "serial_number": cert.serial_number}
                )
            }
        ),
        "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
        "signed_attrs": attrs,
        "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
        "signature": signature,
    }
    if unsigned:
        si["unsigned_attrs"] = cms.CMSAttributes(list(unsigned))
    sd = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cert, *(_asn1(c) for c in chain)],
            "signer_infos": [cms.SignerInfo(si)],
        }
    )
    if ocsp:  # RFC 5940: OCSP responses among the revocationInfoChoices
        sd["crls"] = [
            cms.RevocationInfoChoice(
                name="other",
                value={
                    "other_rev_info_format": "ocsp_response",
                    "other_rev_info": asn1_ocsp.OCSPResponse.load(r),
                },
            )
            for r in ocsp
        ]
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump())


def extra_attribute(oid: str = "1.2.3.4.5") -> cms.CMSAttribute:
    return cms.CMSAttribute({"type": oid, "values": [core.OctetString(b"unexplained")]})


# -- a bundle's members, changed and sealed again ------------------------------------
def read_bag(path: Path) -> tuple[str, dict[str, bytes]]:
    with zipfile.ZipFile(path) as z:
        names = [i.filename for i in z.infolist() if not i.is_dir()]
        root = names[0].split("/")[0]
        return root, {n[len(root) + 1 :]: z.read(n) for n in names}


def write_bag(path: Path, root: str, files: dict[str, bytes]) -> None:
    """The members as a zip in chatsafe's own form (so the container check passes)."""
    buf = io.BytesIO()
    bag = BagWriter(buf, root)
    for rel, data in files.items():
        bag._write_raw(rel, data)
    bag.zip.close()
    path.write_bytes(buf.getvalue())


def _manifest(files: dict[str, bytes], alg: str) -> bytes:
    lines = [f"{hashlib.new(alg, d).hexdigest()}  {r}" for r, d in sorted(files.items())]
    return ("\n".join(lines) + "\n").encode()


def reseal(
    src: Path,
    out: Path,
    sign: Callable[[bytes], bytes],
    edit: Callable[[dict[str, bytes]], None] = lambda files: None,
) -> None:
    """Change the bag's files with ``edit``, recompute every manifest, and sign again:
    what a forger with any certificate can do."""
    root, files = read_bag(src)
    edit(files)
    for rel in (TAG_MANIFEST, SIGNATURE_NAME):
        files.pop(rel, None)
    data = {r: d for r, d in files.items() if r.startswith("data/")}
    set_info(files, "Payload-Oxum", f"{sum(len(d) for d in data.values())}.{len(data)}")
    for alg in ("sha256", "sha512"):
        files[f"manifest-{alg}.txt"] = _manifest(data, alg)
    tags = {r: d for r, d in files.items() if not r.startswith("data/")}
    files[TAG_MANIFEST] = _manifest(tags, "sha512")
    files[SIGNATURE_NAME] = sign(files[TAG_MANIFEST])
    write_bag(out, root, files)


def rewrite_review_log(files: dict[str, bytes]) -> None:
    """Drop the log's last decision and point bag-info at the shorter chain's head."""
    from chatsafe.bundle import evidence, reviewlog

    rel = evidence.path(evidence.REVIEW_LOG, ".jsonl")
    lines = files[rel].decode().split("\n")[:-1][:-1]
    problems, head = reviewlog.verify_exported(lines)
    assert not problems
    files[rel] = "".join(line + "\n" for line in lines).encode()
    set_info(files, "Review-Log-Head", head)


def set_info(files: dict[str, bytes], label: str, value: str) -> None:
    lines = files["bag-info.txt"].decode().split("\n")
    files["bag-info.txt"] = "\n".join(
        f"{label}: {value}" if line.startswith(f"{label}:") else line for line in lines
    ).encode()
