"""``verify``'s check of the minister's approval carried in a bundle.

The bundle carries ``data/chats/chatsafe-approval/chatsafe-approval.json`` (the approval
statement, an information object of the SIP; ``metadata/approval.json`` in bundles made
before) and, when the minister signed it, the same name with ``.p7s`` (a detached CMS
signature). This
check recomputes the leaving digest from the URNs of the bundle's transcripts, so an
approval that does not cover exactly what the bundle holds is rejected; it checks the
signature and the approver's certificate through the same CMS and trust code as the
bundle's own signature (chatsafe.bundle.trust, at the moment the bundle's certificates
are checked: a trusted timestamp's or now, never the signing time the approver wrote),
and names the approver *from the certificate*; bag-info's ``Approved-By`` must say the
same. An unsigned approval is reported as "claimed by NAME, not signed".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chatsafe.bundle import approval, cms, evidence, reviewlog, selection, trust
from chatsafe.bundle.verify_signature import TrustInput

STATEMENT = evidence.path(evidence.APPROVAL, ".json")
SIGNATURE = STATEMENT + ".p7s"


def check_approval(
    report: Any,
    files: dict[str, str],
    read: Callable[[str, Any], bytes | None],
    bag_info: dict[str, str],
    given: TrustInput | Path | None,
    at: datetime | None = None,
) -> None:
    """``given``: the trust anchors (or one CA file); ``at``: when certificates count."""
    if not isinstance(given, TrustInput):
        given = TrustInput(anchors=trust.load_anchors([given] if given else []))
    at = at or datetime.now(UTC)
    check = report.check(
        "approval (covers exactly the transcripts; approver's signature)", "approval"
    )
    statement_rel = evidence.locate(files, evidence.APPROVAL)
    signature_rel = evidence.locate(files, evidence.APPROVAL, ".p7s")
    if statement_rel not in files:
        check.problems.append(f"{statement_rel}: missing (a bundle needs the minister's approval)")
        return
    raw = read(statement_rel, check)
    if raw is None:
        return
    try:
        statement = json.loads(raw.decode("utf-8"))
        if not isinstance(statement, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError) as exc:
        check.problems.append(f"{statement_rel}: not a JSON object ({exc})")
        return
    urns: list[str] = []
    for rel in sorted(files):
        if rel.startswith("data/") and rel.endswith("-transcript.json"):
            body = read(rel, check)
            if body is None:
                continue
            try:
                doc = json.loads(body.decode("utf-8"))
                urns.extend(str(m["id"]) for m in doc["messages"])
            except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
                check.problems.append(f"{rel}: entries without identifiers ({exc})")
    if statement.get("leaving_digest") != selection.leaving_digest(urns):
        check.problems.append(
            f"{statement_rel}: the approval does not cover exactly the entries of the transcripts "
            f"({len(urns)} entries here, {statement.get('leaving_count')} approved)"
        )
    _check_log_anchor(statement, statement_rel, files, read, check)
    if bag_info.get("Approval-Leaving-Digest") not in (None, statement.get("leaving_digest")):
        check.problems.append("bag-info.txt: Approval-Leaving-Digest differs from the approval")
    claimed = str(statement.get("approved_by"))
    shown = bag_info.get("Approved-By", "")
    facts = report.facts["approval"] if hasattr(report, "facts") else {}
    if signature_rel not in files:
        report.info["approved by"] = f"claimed by {claimed}, not signed"
        check.notes.append(f"claimed by {claimed} (role {statement.get('role')}), not signed")
        facts.update(approved_by=claimed, signed=False, status=f"claimed by {claimed}, not signed")
        if not shown.startswith("claimed by "):
            check.problems.append(
                f"bag-info.txt: Approved-By says {shown!r}, but the approval is not signed"
            )
        return
    sig = read(signature_rel, check)
    if sig is None:
        return
    try:
        verified = cms.verify_detached(sig, raw)
    except cms.CmsError as exc:
        check.problems.append(f"{signature_rel}: {exc}")
        report.info["approved by"] = f"claimed by {claimed}; its signature does not hold"
        return
    subject = verified.signer.subject.rfc4514_string()
    name = trust.display_name(verified.signer)
    report.info["approved by"] = f"{subject} (signed)"
    check.notes.append(f"signed by {subject}; the name given was {claimed!r}")
    facts.update(approved_by=name, subject=subject, signed=True, status=f"approved by {name}")
    # A smartcard signer describes itself with " (token)" after the subject.
    if shown.replace(" (token)", "") != f"approved by {subject} (signed)":
        check.problems.append(
            f"bag-info.txt: Approved-By says {shown!r}, but the approval is signed by {subject!r}"
        )
    path = trust.validate(
        verified.signer,
        verified.certificates,
        given.anchors,
        at,
        crls=[*verified.crls, *given.crls],
        ocsp=verified.ocsp,
    )
    problems = [p for p in path.problems if p != trust.NO_ANCHOR]
    check.problems += [f"approver's certificate: {p}" for p in problems]
    if not given.anchors:
        check.notes.append("approver's chain not checked: no trust anchor (--ca)")


def _check_log_anchor(
    statement: dict[str, Any],
    statement_rel: str,
    files: dict[str, str],
    read: Callable[[str, Any], bytes | None],
    check: Any,
) -> None:
    """The review log the minister approved must be where this bundle's review log
    starts: a log rewritten before the bundle was made, with its chain recomputed, no
    longer passes through the head the signed statement names."""
    if statement.get("review_log_form") != approval.SHIPPED:
        check.notes.append("an approval naming the case's own review-log head (made before)")
        return
    rel = evidence.locate(files, evidence.REVIEW_LOG)
    raw = read(rel, check) if rel in files else None
    if raw is None:
        return  # the review-log check names a missing log
    lines = raw.decode("utf-8", "replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if statement.get("review_log_head") not in reviewlog.chain_hashes(lines):
        check.problems.append(
            f"{statement_rel}: the review log it approved is not the start of {rel} "
            "(rewritten before the bundle was made?)"
        )
