"""What will leave: the numbers the review screen shows and the bundle carries.

One definition, used by the GUI, the CLI and the bundle:
- a message is *out of period* when its local date falls outside the case's in-scope
  period (period_start..period_end, both inclusive); out-of-period messages never leave;
- otherwise its *effective label* decides: its own mark, else its conversation's, else
  business (the legal default); only business leaves;
- a message is *unconfirmed* while its conversation has not been confirmed by the
  minister or its mark is still a proposal; *unreviewed* while nobody has reviewed or
  confirmed its conversation.
System events ("X added Y") are markable like messages and have an effective label the
same way: an event leaves only when it is in period, its effective label is business
(so an event of a conversation marked private stays in, whatever its messages are),
and its conversation has business messages that leave.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from chatsafe.review.labels import EFFECTIVE_LABEL_SQL

EFFECTIVE_STATUS_SQL = (
    "COALESCE((SELECT status FROM message_labels WHERE message_id = m.id),"
    " (SELECT status FROM conversation_labels WHERE conversation_id = m.conversation_id),"
    " 'none')"
)


@dataclass
class Counts:
    business: int = 0
    private: int = 0
    party_political: int = 0
    out_of_period: int = 0
    unreviewed: int = 0
    unconfirmed: int = 0
    events: int = 0

    def add(self, other: Counts) -> None:
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)


@dataclass
class Summary:
    conversations: dict[int, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": asdict(self.total),
            "conversations": {str(k): asdict(v) for k, v in self.conversations.items()},
        }


def period(c: Any) -> tuple[str | None, str | None]:
    rows = dict(
        c.execute("SELECT key, value FROM settings WHERE key IN ('period_start', 'period_end')")
    )
    return rows.get("period_start"), rows.get("period_end")


def in_period_sql(start: str | None, end: str | None) -> str:
    """A SQL condition on ``m.wallclock`` (safe: the dates are validated ISO dates)."""
    parts = []
    if start:
        parts.append(f"substr(m.wallclock, 1, 10) >= '{start}'")
    if end:
        parts.append(f"substr(m.wallclock, 1, 10) <= '{end}'")
    return " AND ".join(parts) or "1"


def summarize(c: Any) -> Summary:
    """Counts per conversation and in total."""
    start, end = period(c)
    cond = in_period_sql(start, end)
    summary = Summary()
    for (cid,) in c.execute("SELECT id FROM conversations ORDER BY id").fetchall():
        summary.conversations[int(cid)] = Counts()
    rows = c.execute(
        "SELECT m.conversation_id, m.kind, "
        f"({cond}) AS in_period, {EFFECTIVE_LABEL_SQL} AS label,"
        f" {EFFECTIVE_STATUS_SQL} AS status,"
        " r.confirmed_at IS NOT NULL AS confirmed, r.conversation_id IS NOT NULL AS reviewed,"
        " count(*)"
        " FROM messages m LEFT JOIN conversation_review r ON r.conversation_id = m.conversation_id"
        " GROUP BY m.conversation_id, m.kind, in_period, label, status, confirmed, reviewed"
    )
    for cid, kind, in_p, label, status, confirmed, reviewed, n in rows:
        counts = summary.conversations.setdefault(int(cid), Counts())
        if kind != "message":
            if in_p and label == "business":
                counts.events += n
            continue
        if not in_p:
            counts.out_of_period += n
            continue
        setattr(counts, str(label), getattr(counts, str(label)) + n)
        if not reviewed:
            counts.unreviewed += n
        if not confirmed or status == "proposed":
            counts.unconfirmed += n
    for counts in summary.conversations.values():
        summary.total.add(counts)
    return summary


def leaving_message_ids(c: Any, conversation_id: int) -> list[int]:
    """The business messages and events of a conversation that leave, in time order.

    Events leave only when their own effective label is business (never with a
    conversation marked private or party-political), and only with a conversation that
    has business messages in the period.
    """
    start, end = period(c)
    cond = in_period_sql(start, end)
    rows = c.execute(
        f"SELECT m.id, m.kind, {EFFECTIVE_LABEL_SQL} FROM messages m"
        f" WHERE m.conversation_id = ? AND ({cond}) ORDER BY m.instant, m.id",
        (conversation_id,),
    ).fetchall()
    if not any(kind == "message" and label == "business" for _, kind, label in rows):
        return []
    return [int(mid) for mid, _kind, label in rows if label == "business"]
