"""Who may seal a bundle, and what the minister's approval covers.

An approval is a statement (``chatsafe-approval/1``, canonical JSON) of exactly what
would leave: the leaving entries' digests (:mod:`chatsafe.bundle.selection`), the period
and the review log's head. It is recorded in the review log as ``bundle-approved`` and
kept whole in the case (table ``approvals``).

- **Signed**: the minister signs the statement with their own certificate (PKCS#12 or a
  smartcard) through the same signing code as the bundle; the bundle carries the
  statement and its detached CMS signature, and ``verify`` names the approver *from the
  certificate*.
- **Claimed**: without a certificate the approval is only the claim of a name and a
  role; it is recorded and shown everywhere as "claimed by NAME, not signed".
- **Void**: an approval holds only while the selection digest of the case equals the
  one it recorded. Any import, mark, rule, lexicon decision or setting that changes
  what leaves voids it; a bundle cannot be made on a void approval.

The minister may make the bundle directly (``--role minister``): the approval is then
recorded just before (signed with the bundle's signer, whose certificate names who it
really is). Anyone else needs a current approval.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from chatsafe import identifiers
from chatsafe.bundle import payload, reviewlog, selection, targets
from chatsafe.bundle.signing import Signer
from chatsafe.review import log
from chatsafe.review.labels import ReviewError, Role
from chatsafe.store.case import now_iso

APPROVED = "bundle-approved"
CREATED = "bundle-created"
RSMF_EXPORTED = "rsmf-exported"  # an RSMF export of the same selection (chatsafe.export)
FORMAT = "chatsafe-approval/1"
#: ``review_log_form`` of statements whose ``review_log_head`` is the shipped log's head
#: (statements without it carry the case's own head)
SHIPPED = "bundle"


@dataclass
class ApprovalState:
    """The newest approval of a case and whether it still holds."""

    seq: int
    by: str  # the name claimed when approving
    at: str
    signed: bool
    signer: str | None  # the certificate's subject, when signed
    void: bool
    statement: str
    signature: bytes | None

    def describe(self) -> str:
        """How every surface names the approval: never a plain "approved" for a claim."""
        if self.signed:
            text = f"approved by {self.signer} (signed)"
        else:
            text = f"claimed by {self.by}, not signed"
        return text + ("; VOID: what leaves changed after it" if self.void else "")

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("signature")
        d.pop("statement")
        d["description"] = self.describe()
        return d


def record_approval(
    c: Any,
    *,
    by: str,
    summary: dict[str, Any],
    case_id: uuid.UUID,
    signer: Signer | None = None,
) -> str:
    """The minister's approval of what will leave; returns the log entry's hash."""
    chosen = selection.compute(c, case_id)
    statement = {
        "format": FORMAT,
        "case": identifiers.case_urn(case_id),
        "approved_by": by,
        "role": Role.MINISTER.value,
        "at": now_iso(),
        # The head of the review log as a bundle ships it (bundle/reviewlog.py), not the
        # case's: the case's head is a hash over lines that name rows, and the shipped
        # chain of a bundle made on this approval starts with exactly these lines, which
        # verify checks (verify_approval).
        "review_log_head": shipped_head(c, case_id),
        "review_log_form": SHIPPED,
        **chosen,
    }
    text = log.canonical(statement)
    signature = signer.sign(text.encode("utf-8")) if signer is not None else None
    digest = log.append(
        c,
        actor=by,
        role=Role.MINISTER.value,
        action=APPROVED,
        target="bundle",
        new={
            "business": summary.get("business", 0),
            "private": summary.get("private", 0),
            "party_political": summary.get("party_political", 0),
            "out_of_period": summary.get("out_of_period", 0),
            "unconfirmed": summary.get("unconfirmed", 0),
            "selection_digest": chosen["selection_digest"],
            "leaving_digest": chosen["leaving_digest"],
            # A role is a claim; only a signature says who approved.
            "signed": signature is not None,
            "signer": signer.describe() if signer is not None else None,
        },
    )
    seq = int(c.execute("SELECT max(seq) FROM review_log").fetchone()[0])
    c.execute(
        "INSERT INTO approvals(seq, statement, signature) VALUES(?, ?, ?)",
        (seq, text, signature),
    )
    return digest


def shipped_head(c: Any, case_id: uuid.UUID) -> str:
    """The head of the review log as a bundle made now would ship it."""
    log.secret(c)
    names = targets.Names(c, case_id, payload.leaving_conversations(c))
    return reviewlog.export_lines(c, names)[1]


def approval_state(c: Any) -> ApprovalState | None:
    """The newest minister's approval (void or not), or None when there is none."""
    row = c.execute(
        "SELECT a.seq, a.statement, a.signature, r.entry FROM approvals a"
        " JOIN review_log r ON r.seq = a.seq ORDER BY a.seq DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    entry = json.loads(row[3])
    new = entry.get("new") or {}
    return ApprovalState(
        seq=int(row[0]),
        by=str(entry.get("actor")),
        at=str(entry.get("at")),
        signed=row[2] is not None,
        signer=new.get("signer"),
        void=new.get("selection_digest") != selection.selection_digest(c),
        statement=str(row[1]),
        signature=None if row[2] is None else bytes(row[2]),
    )


def current_approval(c: Any) -> dict[str, Any] | None:
    """The minister's approval that still holds (as the log entry, with its state), or None."""
    state = approval_state(c)
    if state is None or state.void:
        return None
    line = c.execute("SELECT entry FROM review_log WHERE seq = ?", (state.seq,)).fetchone()[0]
    return {**json.loads(line), "approval": state.as_dict()}


def check_may_bundle(c: Any, role: Role) -> None:
    if role is Role.MINISTER:
        return
    state = approval_state(c)
    if state is not None and state.void:
        raise ReviewError(
            f"the minister's approval ({state.describe()}) no longer covers what would leave: "
            "an import, mark, rule or setting changed it. The minister must approve again "
            "(chatsafe bundle CASE --approve --by NAME --role minister)",
            key="approval-void",
        )
    if state is None:
        raise ReviewError(
            "a bundle needs the minister's confirmation: run it with --role minister, or let "
            "the minister approve it first (chatsafe bundle CASE --approve --by NAME --role "
            "minister); an approval is void once marks or settings change after it",
            key="approval-needed",
        )
