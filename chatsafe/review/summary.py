"""What will leave: the numbers the review screen shows and the bundle carries.

The one definition, used by ``stats``, the summary dialog, the status bar, the GUI's
message rows and the bundle (through :class:`chatsafe.service.CaseService`):

- a message is *out of period* when its local date falls outside the case's in-scope
  period (period_start..period_end, both inclusive); out-of-period entries never leave;
- otherwise its *effective label* decides: its own mark, else its conversation's, else
  business (the legal default); only business leaves;
- system events ("X added Y") are markable like messages and have an effective label
  the same way: an event leaves only when it is in period, its effective label is
  business (so an event of a conversation marked private stays in, whatever its
  messages are), and its conversation has business messages that leave;
- a message is *unconfirmed* while its conversation has not been confirmed by the
  minister or its mark is still a proposal; *unreviewed* while nobody has reviewed or
  confirmed its conversation. A review or confirmation covers the messages the
  conversation held then: a later import's messages are unreviewed and unconfirmed.
- ``doubts`` counts the open doubts (chatsafe.review.doubts) of a conversation: its own
  and its messages'. A doubt does not change what leaves; it blocks the bundle.

The rule itself is :func:`leaves`; every count and every id list below goes through it,
so a change to what leaves is made in one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from chatsafe.review import doubts
from chatsafe.review.labels import EFFECTIVE_LABEL_SQL

EFFECTIVE_STATUS_SQL = (
    "COALESCE((SELECT status FROM message_labels WHERE message_id = m.id),"
    " (SELECT status FROM message_labels WHERE message_id = m.edit_of),"
    " (SELECT status FROM conversation_labels WHERE conversation_id = m.conversation_id),"
    " 'none')"
)


@dataclass(frozen=True)
class Scope:
    """The in-scope period; ``None`` ends are open."""

    start: str | None = None
    end: str | None = None

    def contains(self, wallclock: str) -> bool:
        day = wallclock[:10]
        return not ((self.start and day < self.start) or (self.end and day > self.end))

    def sql(self) -> str:
        """A SQL condition on ``m.wallclock`` (safe: the dates are validated ISO dates)."""
        return in_period_sql(self.start, self.end)


def leaves(kind: str, in_period: bool, label: str, conversation_has_business: bool) -> bool:
    """Whether one entry leaves: the rule every count and the bundle's payload use.

    ``label`` is the entry's effective label; ``conversation_has_business`` says whether
    its conversation has a business message in the period (which events need).
    """
    if not in_period or label != "business":
        return False
    return kind == "message" or conversation_has_business


@dataclass
class Counts:
    business: int = 0  # business messages in the period: the messages that leave
    private: int = 0
    party_political: int = 0
    out_of_period: int = 0
    unreviewed: int = 0
    unconfirmed: int = 0
    events: int = 0  # events in the period whose effective label is business
    leaving_events: int = 0  # events that leave (with a conversation that has business)
    doubts: int = 0  # open doubts (conversation and messages): they block the bundle

    @property
    def in_period(self) -> int:
        """Messages (not events) inside the in-scope period."""
        return self.business + self.private + self.party_political

    @property
    def leaving(self) -> int:
        """Messages that leave."""
        return self.business

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


def scope(c: Any) -> Scope:
    return Scope(*period(c))


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
    cond = scope(c).sql()
    summary = Summary()
    for (cid,) in c.execute("SELECT id FROM conversations ORDER BY id").fetchall():
        summary.conversations[int(cid)] = Counts()
    groups = c.execute(
        "SELECT m.conversation_id, m.kind, "
        f"({cond}) AS in_period, {EFFECTIVE_LABEL_SQL} AS label,"
        f" {EFFECTIVE_STATUS_SQL} AS status,"
        " r.confirmed_at IS NOT NULL AND m.id <= r.confirmed_through AS confirmed,"
        " coalesce(m.id <= r.reviewed_through, 0) AS reviewed,"
        " count(*)"
        " FROM messages m LEFT JOIN conversation_review r ON r.conversation_id = m.conversation_id"
        " GROUP BY m.conversation_id, m.kind, in_period, label, status, confirmed, reviewed"
    ).fetchall()
    for cid, kind, in_p, label, status, confirmed, reviewed, n in groups:
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
    # Second pass: events depend on their whole conversation, so they are decided once
    # the business counts are known, by the same rule the payload uses.
    for cid, kind, in_p, label, _status, _confirmed, _reviewed, n in groups:
        counts = summary.conversations[int(cid)]
        if kind != "message" and leaves(str(kind), bool(in_p), str(label), counts.business > 0):
            counts.leaving_events += n
    for cid, n in doubts.open_counts(c).items():
        summary.conversations.setdefault(cid, Counts()).doubts = n
    for counts in summary.conversations.values():
        summary.total.add(counts)
    return summary


def leaving_message_ids(c: Any, conversation_id: int) -> list[int]:
    """The business messages and events of a conversation that leave, in time order."""
    cond = scope(c).sql()
    rows = c.execute(
        f"SELECT m.id, m.kind, ({cond}), {EFFECTIVE_LABEL_SQL} FROM messages m"
        " WHERE m.conversation_id = ? ORDER BY m.instant, m.id",
        (conversation_id,),
    ).fetchall()
    has_business = any(
        leaves(str(kind), bool(in_p), str(label), False)
        for _, kind, in_p, label in rows
        if kind == "message"
    )
    return [
        int(mid)
        for mid, kind, in_p, label in rows
        if leaves(str(kind), bool(in_p), str(label), has_business)
    ]
