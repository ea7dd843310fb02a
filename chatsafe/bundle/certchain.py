"""The signer's certificate: valid when it signed, fit for signing, and (when the archive
gives its trusted CA) issued by a chain that ends at that CA.

Revocation (CRL/OCSP) is not checked: that needs the network, which an archive's
verification workstation may not have; the archive's own e-depot checks it on intake.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID

_MAX_DEPTH = 8


def _valid_at(cert: x509.Certificate, at: datetime) -> bool:
    return cert.not_valid_before_utc <= at <= cert.not_valid_after_utc


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:  # ValueError, TypeError, InvalidSignature: all mean "no"
        return False
    return True


def check_signer(cert: x509.Certificate, at: datetime | None) -> list[str]:
    """Problems with the signer's certificate itself."""
    when = at or datetime.now(UTC)
    problems = []
    if not _valid_at(cert, when):
        problems.append(
            f"the signer's certificate was not valid at {when.isoformat()} "
            f"(valid {cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d})"
        )
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            problems.append("the signer's certificate is not for signing (key usage)")
    except x509.ExtensionNotFound:
        pass
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        if (
            ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE not in eku
            and ExtendedKeyUsageOID.SERVER_AUTH in eku
            and len(list(eku)) == 1
        ):
            problems.append("the signer's certificate is a server certificate, not a signing one")
    except x509.ExtensionNotFound:
        pass
    return problems


def check_chain(
    cert: x509.Certificate,
    bundled: list[x509.Certificate],
    anchors: list[x509.Certificate],
    at: datetime | None,
) -> list[str]:
    """Problems on the way from ``cert`` to one of ``anchors``; empty when it chains."""
    when = at or datetime.now(UTC)
    anchor_fps = {a.fingerprint(_sha256()) for a in anchors}
    current = cert
    for _ in range(_MAX_DEPTH):
        if current.fingerprint(_sha256()) in anchor_fps:
            return []
        for candidate in [*anchors, *bundled]:
            if candidate is current or not _issued_by(current, candidate):
                continue
            if not _is_ca(candidate):
                return [f"{candidate.subject.rfc4514_string()} signed a certificate but is no CA"]
            if not _valid_at(candidate, when):
                return [f"CA certificate {candidate.subject.rfc4514_string()} was not valid then"]
            if candidate.fingerprint(_sha256()) in anchor_fps:
                return []
            current = candidate
            break
        else:
            return [
                "the signer's certificate does not chain to the given CA "
                f"(no issuer found for {current.issuer.rfc4514_string()})"
            ]
    return ["the certificate chain is too long"]


def _sha256() -> hashes.SHA256:

    return hashes.SHA256()
