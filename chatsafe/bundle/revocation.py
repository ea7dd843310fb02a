"""Revocation of the certificates on a validated path, from the material at hand.

verify has no network. It uses CRLs given with ``--crl FILE`` or embedded in the
signature, and OCSP responses embedded in it (RFC 5940), when the signer's tooling put
them there. Each must be signed by the CA that issued the certificate it speaks about
(an OCSP response may also come from a responder that CA delegated to) and be current at
the moment checked. A certificate revoked before that moment fails; revoked later (after
a trusted timestamp) is a note. Without material for every certificate on the path the
report says "revocation not checked".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID

from chatsafe.bundle.signing import display_name


def check(
    chain: Sequence[x509.Certificate],
    at: datetime,
    crls: Sequence[x509.CertificateRevocationList],
    responses: Sequence[bytes] = (),
) -> tuple[list[str], list[str], bool]:
    """(problems, notes, whether every certificate below the anchor was checked)."""
    problems: list[str] = []
    notes: list[str] = []
    checked = 0
    for cert, issuer in zip(chain, chain[1:], strict=False):
        revoked_at, source = _from_crls(cert, issuer, at, crls, problems)
        if source is None:
            revoked_at, source = _from_ocsp(cert, issuer, at, responses, problems, notes)
        if source is None:
            continue
        checked += 1
        if revoked_at is not None and revoked_at <= at:
            problems.append(
                f"the certificate of {display_name(cert)} was revoked on "
                f"{revoked_at:%Y-%m-%d} ({source} of {display_name(issuer)})"
            )
        elif revoked_at is not None:
            notes.append(
                f"the certificate of {display_name(cert)} was revoked later, on {revoked_at:%Y-%m-%d}"
            )
    return problems, notes, bool(chain) and checked == len(chain) - 1


def _from_crls(
    cert: x509.Certificate,
    issuer: x509.Certificate,
    at: datetime,
    crls: Sequence[x509.CertificateRevocationList],
    problems: list[str],
) -> tuple[datetime | None, str | None]:
    own = [c for c in crls if c.issuer == issuer.subject]
    valid = [c for c in own if c.is_signature_valid(issuer.public_key())]  # type: ignore[arg-type]
    if own and not valid:
        problems.append(f"a CRL naming {display_name(issuer)} as issuer is not signed by that CA")
    if not valid:
        return None, None
    crl = max(valid, key=lambda c: c.last_update_utc)
    if crl.next_update_utc is not None and crl.next_update_utc < at:
        problems.append(
            f"the newest CRL of {display_name(issuer)} expired on "
            f"{crl.next_update_utc:%Y-%m-%d}, before the time checked"
        )
        return None, None
    entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
    return (entry.revocation_date_utc if entry is not None else None), "CRL"


def _from_ocsp(
    cert: x509.Certificate,
    issuer: x509.Certificate,
    at: datetime,
    responses: Sequence[bytes],
    problems: list[str],
    notes: list[str],
) -> tuple[datetime | None, str | None]:
    for der in responses:
        try:
            resp = ocsp.load_der_ocsp_response(der)
        except ValueError:
            problems.append("an OCSP response in the signature cannot be read")
            continue
        if resp.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
            continue
        for single in resp.responses:
            if not _about(single, cert, issuer):
                continue
            if not _signed_for(resp, issuer):
                problems.append(
                    f"an OCSP response about {display_name(cert)} is not signed by "
                    f"{display_name(issuer)} or a responder it delegated to"
                )
                continue
            if single.next_update_utc is not None and single.next_update_utc < at:
                notes.append(f"the OCSP response about {display_name(cert)} is out of date")
                continue
            if single.certificate_status == ocsp.OCSPCertStatus.REVOKED:
                return single.revocation_time_utc, "OCSP"
            if single.certificate_status == ocsp.OCSPCertStatus.GOOD:
                return None, "OCSP"
    return None, None


def _about(
    single: ocsp.OCSPSingleResponse, cert: x509.Certificate, issuer: x509.Certificate
) -> bool:
    if single.serial_number != cert.serial_number:
        return False
    # The library computes the issuer's name and key hashes as a request would carry them.
    req = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, single.hash_algorithm).build()
    return (req.issuer_name_hash, req.issuer_key_hash) == (
        single.issuer_name_hash,
        single.issuer_key_hash,
    )


def _signed_for(resp: ocsp.OCSPResponse, issuer: x509.Certificate) -> bool:
    candidates = [issuer] + [
        c
        for c in resp.certificates
        if c.issuer == issuer.subject and _delegated(c, issuer, resp.produced_at_utc)
    ]
    for responder in candidates:
        key_hash = x509.SubjectKeyIdentifier.from_public_key(responder.public_key()).digest
        if resp.responder_name not in (None, responder.subject) or (
            resp.responder_name is None and resp.responder_key_hash != key_hash
        ):
            continue
        if _verifies(responder, resp):
            return True
    return False


def _delegated(responder: x509.Certificate, issuer: x509.Certificate, when: datetime) -> bool:
    try:
        responder.verify_directly_issued_by(issuer)
        eku = responder.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except Exception:  # InvalidSignature, no EKU, wrong key type: not a delegate
        return False
    valid = responder.not_valid_before_utc <= when <= responder.not_valid_after_utc
    return valid and ExtendedKeyUsageOID.OCSP_SIGNING in eku


def _verifies(responder: x509.Certificate, resp: ocsp.OCSPResponse) -> bool:
    key = responder.public_key()
    algorithm = resp.signature_hash_algorithm
    if algorithm is None:
        return False
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(resp.signature, resp.tbs_response_bytes, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(resp.signature, resp.tbs_response_bytes, ec.ECDSA(algorithm))
        else:
            return False
    except Exception:  # InvalidSignature and friends
        return False
    return True
