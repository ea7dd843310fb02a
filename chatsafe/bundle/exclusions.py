"""``metadata/exclusions.json``: what was withheld, how much, when, and on what ground,
without revealing anything of it.

Every withheld message gets a salted commitment: ``HMAC-SHA-256(k_i, record_i)`` where
``k_i = HMAC-SHA-256(secret, identity_i)`` and the secret is made once per case and
kept in it (``meta.commitment_secret``). If a withheld message is disclosed later, the
case can give out its ``k_i`` and record, and anyone can check the commitment; the other
commitments stay as opaque as before, because each has its own key.

Written reasons are user text: they may describe what was withheld. They stay in the
case unless the bundle is made with ``include_reasons`` (the CLI and GUI warn first).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Iterable
from typing import Any

from chatsafe import identifiers
from chatsafe.bundle.payload import LeavingConversation
from chatsafe.review.labels import EFFECTIVE_LABEL_SQL
from chatsafe.review.summary import in_period_sql, period

CATEGORIES = ("private", "party_political", "out_of_period")
SCHEME = (
    "commitment = HMAC-SHA-256(key, record) with key = HMAC-SHA-256(case secret, identity "
    "as lowercase hex, UTF-8); record = canonical JSON (sorted keys, no spaces, UTF-8) of {identity, "
    "sender, wallclock, text, attachments: [sha256 or null]}; all values hex"
)
_REASON_SQL = (
    "COALESCE((SELECT reason FROM message_labels WHERE message_id = m.id),"
    " (SELECT reason FROM conversation_labels WHERE conversation_id = m.conversation_id))"
)


def commitment_secret(c: Any) -> bytes:
    """The case's secret for commitments, made on first use (inside the caller's
    transaction or on its own)."""
    row = c.execute("SELECT value FROM meta WHERE key = 'commitment_secret'").fetchone()
    if row:
        return bytes.fromhex(str(row[0]))
    secret = os.urandom(32)
    c.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES('commitment_secret', ?)", (secret.hex(),)
    )
    row = c.execute("SELECT value FROM meta WHERE key = 'commitment_secret'").fetchone()
    return bytes.fromhex(str(row[0]))


def identity_text(identity: Any) -> str:
    """The message identity as text (the case stores it as 16 bytes; hex here)."""
    if isinstance(identity, (bytes, bytearray, memoryview)):
        return bytes(identity).hex()
    return str(identity)


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def message_key(secret: bytes, identity: str) -> bytes:
    return hmac.new(secret, identity.encode("utf-8"), hashlib.sha256).digest()


def commitment(key: bytes, record: dict[str, Any]) -> str:
    return hmac.new(key, canonical(record), hashlib.sha256).hexdigest()


def _attachment_hashes(c: Any, conversation_id: int) -> dict[int, list[str | None]]:
    out: dict[int, list[str | None]] = {}
    for mid, sha in c.execute(
        "SELECT a.message_id, a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id"
        " WHERE m.conversation_id = ? ORDER BY a.message_id, a.position",
        (conversation_id,),
    ):
        out.setdefault(int(mid), []).append(sha)
    return out


class _Bucket:
    def __init__(self) -> None:
        self.count = 0
        self.first: str | None = None
        self.last: str | None = None
        self.commitments: list[str] = []
        self.reasons: dict[str, int] = {}
        self.with_reason = 0

    def add(self, wallclock: str, commit: str, reason: str | None, keep_reason: bool) -> None:
        self.count += 1
        self.first = wallclock if self.first is None else min(self.first, wallclock)
        self.last = wallclock if self.last is None else max(self.last, wallclock)
        self.commitments.append(commit)
        if reason:
            self.with_reason += 1
            if keep_reason:
                self.reasons[reason] = self.reasons.get(reason, 0) + 1

    def as_dict(self, *, span: bool, keep_reason: bool) -> dict[str, Any]:
        d: dict[str, Any] = {"messages": self.count}
        if span:
            d["first"], d["last"] = self.first, self.last
        d["marks_with_written_reason"] = self.with_reason
        if keep_reason:
            d["reasons"] = [{"reason": r, "messages": n} for r, n in sorted(self.reasons.items())]
        # Sorted, so the order reveals nothing about when each message was written.
        d["commitments"] = sorted(self.commitments)
        return d


def _withheld_events(c: Any, conversation_id: int, keep: set[int], cond: str) -> dict[str, int]:
    """System events that stay in, counted by why (issue 10: events are withheld with
    their conversation or by their own mark, and nothing withheld goes unreported).
    "business" counts events whose conversation has nothing that leaves."""
    counts: dict[str, int] = {}
    for mid, in_p, label in c.execute(
        f"SELECT m.id, ({cond}), {EFFECTIVE_LABEL_SQL} FROM messages m"
        " WHERE m.conversation_id = ? AND m.kind = 'event'",
        (conversation_id,),
    ):
        if int(mid) not in keep:
            cat = "out_of_period" if not in_p else str(label)
            counts[cat] = counts.get(cat, 0) + 1
    return counts


def build(
    c: Any,
    leaving: Iterable[LeavingConversation],
    *,
    include_reasons: bool = False,
    case_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """The register; with ``case_id`` each conversation also names its URN (the one its
    transcript and Dossier carry)."""
    secret = commitment_secret(c)
    start, end = period(c)
    cond = in_period_sql(start, end)
    by_case_id = {lc.case_id: lc for lc in leaving}
    per_conv: list[dict[str, Any]] = []
    pooled = {cat: _Bucket() for cat in CATEGORIES}
    whole: dict[str, int] = {cat: 0 for cat in CATEGORIES}
    whole_total = whole_events = 0
    for (cid,) in c.execute("SELECT id FROM conversations ORDER BY id").fetchall():
        conv = by_case_id.get(int(cid))
        keep = set(conv.message_ids) if conv else set()
        buckets = {cat: _Bucket() for cat in CATEGORIES} if conv else pooled
        atts = _attachment_hashes(c, int(cid))
        seen_cats: set[str] = set()
        for mid, identity, sender, wallclock, text, in_p, label, reason in c.execute(
            f"SELECT m.id, m.identity, m.sender, m.wallclock, m.text, ({cond}),"
            f" {EFFECTIVE_LABEL_SQL}, {_REASON_SQL}"
            " FROM messages m WHERE m.conversation_id = ? AND m.kind = 'message'",
            (int(cid),),
        ):
            if int(mid) in keep:
                continue
            cat = "out_of_period" if not in_p else str(label)
            if cat not in buckets:  # business in a conversation that does not leave: impossible
                cat = "out_of_period"
            identity = identity_text(identity)
            record = {
                "identity": identity,
                "sender": sender,
                "wallclock": wallclock,
                "text": text,
                "attachments": atts.get(int(mid), []),
            }
            commit = commitment(message_key(secret, identity), record)
            buckets[cat].add(str(wallclock), commit, reason, include_reasons and bool(in_p))
            seen_cats.add(cat)
        events = _withheld_events(c, int(cid), keep, cond)
        if conv:
            urn = (
                {"urn": identifiers.conversation_urn(case_id, conv.source_format, conv.key)}
                if case_id is not None
                else {}
            )
            per_conv.append(
                {
                    **urn,
                    "conversation": conv.folder,
                    "withheld": {
                        cat: b.as_dict(span=True, keep_reason=include_reasons)
                        for cat, b in buckets.items()
                        if b.count
                    },
                    "withheld_events": events,
                }
            )
        elif seen_cats or events:
            whole_total += 1
            for cat in seen_cats:
                whole[cat] += 1
            whole_events += sum(events.values())
    return {
        "format": "chatsafe-exclusions/1",
        "period": {"start": start, "end": end},
        "commitment_scheme": SCHEME,
        "reasons_included": include_reasons,
        "conversations": per_conv,
        "withheld_conversations": {
            "count": whole_total,
            "events": whole_events,
            "by_category": {
                cat: {
                    "conversations": whole[cat],
                    # Reasons of conversations withheld entirely too, as the docs
                    # promise; pooled and sorted, so none is tied to a conversation.
                    **pooled[cat].as_dict(span=False, keep_reason=include_reasons),
                }
                for cat in CATEGORIES
            },
        },
    }
