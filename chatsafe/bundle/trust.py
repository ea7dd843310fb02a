"""Whom ``verify`` trusts: the anchors, the path from a signer to one, and revocation.

A signature alone proves only that someone holding a key signed; the bundle is trusted
when the signer's certificate chains to an anchor the archive chose (``--ca FILE`` or a
trust store folder named in the settings file, e.g. the PKIoverheid roots). The path is
validated by ``cryptography``'s RFC 5280 verifier (PyCA, already a dependency): every
issuer must be a CA (basicConstraints) allowed to sign certificates (keyCertSign), path
lengths and name constraints hold, and every certificate is valid at the moment given:
the time of an RFC 3161 timestamp, or now; never the time the signer wrote itself.

Revocation is checked against the CRLs and OCSP responses at hand
(chatsafe.bundle.revocation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.x509 import verification
from cryptography.x509.oid import ExtendedKeyUsageOID

from chatsafe.bundle import revocation
from chatsafe.bundle.signing import display_name as display_name

MAX_DEPTH = 8
NO_ANCHOR = (
    "no trust anchor: give the archive's trusted CA with --ca FILE or name a trust store "
    "in the settings file (anyone can make a certificate with any name)"
)
_CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


class TrustError(Exception):
    """An anchor or CRL file cannot be read."""


def _load_certs(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrustError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise TrustError(f"{path}: not an X.509 certificate (PEM or DER)") from None


def load_anchors(files: Iterable[Path], folders: Iterable[Path] = ()) -> list[x509.Certificate]:
    """The trust anchors in ``files`` and in the certificate files of ``folders``."""
    anchors: list[x509.Certificate] = []
    for f in files:
        anchors += _load_certs(Path(f))
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise TrustError(f"{folder}: the trust store folder does not exist")
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.suffix.lower() in _CERT_SUFFIXES:
                anchors += _load_certs(f)
    return anchors


def load_crls(files: Iterable[Path]) -> list[x509.CertificateRevocationList]:
    crls = []
    for f in files:
        try:
            data = Path(f).read_bytes()
        except OSError as exc:
            raise TrustError(f"{f}: cannot read ({exc.strerror})") from None
        try:
            if b"-----BEGIN" in data:
                crls.append(x509.load_pem_x509_crl(data))
            else:
                crls.append(x509.load_der_x509_crl(data))
        except ValueError:
            raise TrustError(f"{f}: not a certificate revocation list (PEM or DER)") from None
    return crls


@dataclass
class PathResult:
    chain: list[x509.Certificate] = field(default_factory=list)  # signer first, anchor last
    problems: list[str] = field(default_factory=list)
    revocation: str = "not checked"  # or "checked"
    notes: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> x509.Certificate | None:
        return self.chain[-1] if self.chain and not self.problems else None


def validate(
    cert: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    anchors: Sequence[x509.Certificate],
    at: datetime,
    *,
    crls: Sequence[x509.CertificateRevocationList] = (),
    ocsp: Sequence[bytes] = (),
    purpose: str = "signing",
) -> PathResult:
    """The path from ``cert`` to one of ``anchors``, valid at ``at``; with problems when
    there is none. ``purpose`` is "signing" (a bundle or approval) or "timestamping"."""
    result = PathResult()
    result.problems += _leaf_problems(cert, at, purpose)
    if not anchors:
        result.problems.append(NO_ANCHOR)
        return result
    builder = (
        verification.PolicyBuilder()
        .store(verification.Store(list(anchors)))
        .time(at)
        .max_chain_depth(MAX_DEPTH)
        .extension_policies(
            # webpki's CA profile: basicConstraints CA=true, keyCertSign, path length,
            # name constraints. The leaf's own uses are checked above, for signing (the
            # web profile would demand a TLS client or server key usage).
            ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
            ee_policy=verification.ExtensionPolicy.permit_all(),
        )
    )
    try:
        verified = builder.build_client_verifier().verify(cert, list(intermediates))
    except verification.VerificationError as exc:
        if result.problems:  # the leaf's own problem is the reason a person needs
            result.notes.append(f"path validation: {exc}")
        else:
            result.problems.append(f"{_explain(cert, intermediates, anchors, at)} ({exc})")
        return result
    result.chain = list(verified.chain)
    problems, notes, complete = revocation.check(result.chain, at, crls, ocsp)
    result.problems += problems
    result.notes += notes
    result.revocation = "checked" if complete else "not checked"
    return result


def _leaf_problems(cert: x509.Certificate, at: datetime, purpose: str) -> list[str]:
    problems = []
    if not cert.not_valid_before_utc <= at <= cert.not_valid_after_utc:
        problems.append(
            f"the certificate of {display_name(cert)} was not valid at {at:%Y-%m-%d %H:%M} UTC "
            f"(valid {cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d})"
        )
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            problems.append(f"the certificate of {display_name(cert)} is not for signing")
    except x509.ExtensionNotFound:
        pass
    try:
        eku = list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    except x509.ExtensionNotFound:
        eku = []
    if purpose == "timestamping":
        if eku != [ExtendedKeyUsageOID.TIME_STAMPING]:
            problems.append(f"{display_name(cert)} is not a time-stamping authority")
    elif eku and ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE not in eku:
        if set(eku) <= {ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.TIME_STAMPING}:
            problems.append(f"the certificate of {display_name(cert)} is not a signing one")
    return problems


def _explain(
    cert: x509.Certificate,
    pool: Sequence[x509.Certificate],
    anchors: Sequence[x509.Certificate],
    at: datetime,
) -> str:
    """A plain reason for a failed path, for the commonest causes."""
    candidates = [*anchors, *pool]
    current = cert
    for depth in range(MAX_DEPTH):
        issuers = [c for c in candidates if c.subject == current.issuer and c != current]
        if not issuers:
            if current == cert:
                return f"the certificate of {display_name(cert)} does not chain to a trust anchor"
            return f"{display_name(current)} does not chain to a trust anchor"
        issuer = issuers[0]
        try:
            bc = issuer.extensions.get_extension_for_class(x509.BasicConstraints).value
        except x509.ExtensionNotFound:
            bc = None
        if bc is None or not bc.ca:
            return f"{display_name(issuer)} issued a certificate but is not a CA (basicConstraints)"
        try:
            ku = issuer.extensions.get_extension_for_class(x509.KeyUsage).value
            if not ku.key_cert_sign:
                return f"CA {display_name(issuer)} may not sign certificates (no keyCertSign)"
        except x509.ExtensionNotFound:
            pass
        if bc.path_length is not None and depth > bc.path_length:
            return f"CA {display_name(issuer)} allows {bc.path_length} CAs below it (path length)"
        if not issuer.not_valid_before_utc <= at <= issuer.not_valid_after_utc:
            return f"CA {display_name(issuer)} was not valid at {at:%Y-%m-%d %H:%M} UTC"
        if issuer in anchors:
            break
        current = issuer
    return f"the certificate of {display_name(cert)} does not chain to a trust anchor"
