"""The signature, the names in it, its time, and the trust in its signer.

Names come from certificates: bag-info's ``Signer`` must be the subject of the
certificate that signed, and the verdict prints that certificate's name. Time comes from
an RFC 3161 timestamp or from now, never from the signing time the signer wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography import x509

from chatsafe.bundle import cms, timestamp, trust
from chatsafe.bundle.bagit_writer import SIGNATURE_NAME, TAG_MANIFEST
from chatsafe.bundle.verify_report import Check, Report

Reader = Callable[..., bytes | None]


@dataclass
class TrustInput:
    """What the archive brings: trust anchors and CRLs."""

    anchors: Sequence[x509.Certificate] = ()
    crls: Sequence[x509.CertificateRevocationList] = ()
    problems: list[str] = field(default_factory=list)  # anchor or CRL files unreadable


def check(report: Report, read: Reader, bag_info: dict[str, str], given: TrustInput) -> datetime:
    """Check the signature and trust; returns the moment certificates are checked at."""
    sig_check = report.check(f"signature ({SIGNATURE_NAME} over {TAG_MANIFEST})", "signature")
    trust_check = report.check("signer trusted (chain to a trust anchor, revocation)", "trust")
    trust_check.problems += given.problems
    sig = read(SIGNATURE_NAME, sig_check)
    content = read(TAG_MANIFEST, sig_check)
    if sig is None or content is None:
        trust_check.problems.append("not checked: there is no signature to check")
        return datetime.now(UTC)
    try:
        verified = cms.verify_detached(sig, content)
    except cms.CmsError as exc:
        sig_check.problems.append(f"{SIGNATURE_NAME}: {exc}")
        trust_check.problems.append("not checked: the signature does not hold")
        return datetime.now(UTC)
    signer = verified.signer
    name = trust.display_name(signer)
    subject = signer.subject.rfc4514_string()
    report.info["signed by"] = f"{name} (from the certificate)"
    report.facts["signature"].update(
        signer=name,
        subject=subject,
        issuer=signer.issuer.rfc4514_string(),
        claimed_signing_time=verified.signing_time.isoformat() if verified.signing_time else None,
    )
    sig_check.notes.append(f"signer: {subject}; issuer: {signer.issuer.rfc4514_string()}")
    if verified.signing_time:
        sig_check.notes.append(
            f"signing time written by the signer (not relied on): {verified.signing_time:%Y-%m-%d %H:%M} UTC"
        )
    claimed = bag_info.get("Signer")
    if claimed is None:
        sig_check.problems.append("bag-info.txt: no Signer")
    elif claimed.removesuffix(" (token)") != subject:
        sig_check.problems.append(
            f"bag-info.txt names the signer {claimed!r}, but the certificate that signed "
            f"is {subject!r}"
        )

    at, source = _time(report, verified, given, trust_check)
    path = trust.validate(
        signer,
        verified.certificates,
        given.anchors,
        at,
        crls=[*verified.crls, *given.crls],
        ocsp=verified.ocsp,
    )
    trust_check.problems += path.problems
    trust_check.notes += path.notes
    trust_check.notes.append(f"certificates checked at {at:%Y-%m-%d %H:%M} UTC ({source})")
    if path.anchor is not None:
        chain = " → ".join(trust.display_name(c) for c in path.chain)
        trust_check.notes.append(f"chain: {chain}")
        report.info["trusted through"] = trust.display_name(path.anchor)
    revocation = path.revocation if path.anchor is not None else "not checked"
    trust_check.notes.append(
        "revocation checked (CRL)"
        if revocation == "checked"
        else "revocation not checked (give the CAs' CRLs with --crl FILE)"
    )
    report.facts["trust"].update(
        anchor=trust.display_name(path.anchor) if path.anchor is not None else None,
        chain=[trust.display_name(c) for c in path.chain],
        validated_at=at.isoformat(),
        time_source=source,
        revocation=revocation,
    )
    return at


def _time(
    report: Report, verified: cms.Verified, given: TrustInput, trust_check: Check
) -> tuple[datetime, str]:
    """The moment at which certificates are checked: a trusted timestamp's, or now."""
    check = report.check("timestamp (RFC 3161)", "timestamp")
    now = datetime.now(UTC)
    if verified.timestamp_token is None:
        check.skipped = True
        check.notes.append("no timestamp: the certificates must be valid now")
        report.facts["timestamp"].update(present=False, time=None, tsa=None)
        return now, "now: the bundle carries no timestamp"
    report.facts["timestamp"].update(present=True, time=None, tsa=None)
    try:
        token = timestamp.read_token(verified.timestamp_token, verified.signature)
    except cms.CmsError as exc:
        check.problems.append(f"{SIGNATURE_NAME}: {exc}")
        return now, "now: the timestamp does not hold"
    tsa = trust.display_name(token.tsa)
    report.facts["timestamp"].update(time=token.time.isoformat(), tsa=tsa)
    # The TSA's certificate is checked when it stamped: TSA certificates expire too, and
    # a token must outlive them (the archive's trust in the TSA is the anchor's).
    path = trust.validate(
        token.tsa,
        token.certificates,
        given.anchors,
        token.time,
        crls=given.crls,
        purpose="timestamping",
    )
    if path.problems:
        # Without any anchor the TSA is as untrusted as the signer: a trust question.
        where = trust_check if not given.anchors else check
        where.problems += [f"time-stamping authority {tsa}: {p}" for p in path.problems
                           if p != trust.NO_ANCHOR]  # fmt: skip
        if given.anchors:
            return now, "now: the time-stamping authority is not trusted"
        return now, "now: the time-stamping authority is not trusted (no anchor)"
    check.notes.append(
        f"signed before {token.time:%Y-%m-%d %H:%M:%S} UTC, timestamped by {tsa} "
        f"(trusted through {trust.display_name(path.chain[-1])})"
    )
    report.info["timestamp"] = f"{token.time:%Y-%m-%d %H:%M:%S} UTC by {tsa}"
    return token.time, f"the time of the timestamp by {tsa}"
