"""Doubts ("bij twijfel overleg"): a conversation or a message someone is not sure about.

Besides marking private or party-political, a reviewer can put a conversation or a
message *in doubt* with a question to the minister or the records officer. A doubt does
not change what the message is (unmarked stays business); it blocks the bundle, and an
approval, until it is resolved: answered with a mark (private, party-political or
business, made as a decision of whoever answers) or withdrawn.

The question is chat-adjacent text ("is dit over haar operatie?"): it stays in the
encrypted case (table ``doubts`` and ``review_reasons``); the review log's ``doubt``
entry carries only its keyed commitment, like a written reason (chatsafe.review.log).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chatsafe.domain import WITHDRAWN, Ask, Label
from chatsafe.review import labels, log
from chatsafe.review.labels import ReviewError, Role
from chatsafe.store.case import now_iso

#: Long enough for a real question, short enough that nobody pastes a message into it.
MAX_QUESTION = 1000


@dataclass(frozen=True)
class Doubt:
    id: int
    conversation_id: int
    message_id: int | None  # None: the whole conversation is in doubt
    ask: str  # Ask
    question: str
    raised_by: str
    raised_role: str
    raised_at: str
    resolved_by: str | None = None
    resolved_at: str | None = None
    answer: str | None = None  # a Label value or WITHDRAWN; None while open

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def target(self) -> str:
        """How the review log names what is in doubt."""
        if self.message_id is None:
            return f"conversation:{self.conversation_id}"
        return f"message:{self.message_id}"

    @property
    def where(self) -> str:
        """Where it is, for a one-line message ("conversation 3, message 17")."""
        text = f"conversation {self.conversation_id}"
        return text if self.message_id is None else f"{text}, message {self.message_id}"


class DoubtsOpenError(ReviewError):
    """Open doubts block the bundle and the approval."""

    key = "doubts-open"


def parse_ask(value: str) -> Ask:
    norm = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Ask(norm)
    except ValueError:
        raise ReviewError(f"unknown addressee {value!r}; use minister or records-officer") from None


def parse_answer(value: str) -> Label | None:
    """An answer: a label, or ``withdrawn`` (None)."""
    if value.strip().lower() == WITHDRAWN:
        return None
    try:
        return labels.parse_label(value)
    except ReviewError:
        raise ReviewError(
            f"unknown answer {value!r}; use private, party-political, business or withdrawn"
        ) from None


_COLUMNS = (
    "id, conversation_id, message_id, ask, question, raised_by, raised_role, raised_at,"
    " resolved_by, resolved_at, answer"
)


def _doubt(r: Any) -> Doubt:
    return Doubt(
        int(r[0]), int(r[1]), None if r[2] is None else int(r[2]), str(r[3]), str(r[4]),
        str(r[5]), str(r[6]), str(r[7]), r[8], r[9], r[10],
    )  # fmt: skip


def get(c: Any, doubt_id: int) -> Doubt:
    row = c.execute(f"SELECT {_COLUMNS} FROM doubts WHERE id = ?", (doubt_id,)).fetchone()
    if row is None:
        raise ReviewError(f"no doubt {doubt_id} in this case")
    return _doubt(row)


def open_on(c: Any, conversation_id: int, message_id: int | None) -> Doubt | None:
    """The open doubt on this conversation (``message_id`` None) or message, if any."""
    row = c.execute(
        f"SELECT {_COLUMNS} FROM doubts WHERE resolved_at IS NULL AND conversation_id = ?"
        " AND coalesce(message_id, 0) = ?",
        (conversation_id, message_id or 0),
    ).fetchone()
    return None if row is None else _doubt(row)


def _conversation_of(c: Any, message_id: int) -> int:
    row = c.execute("SELECT conversation_id FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise ReviewError(f"no message {message_id} in this case")
    return int(row[0])


def raise_doubt(
    c: Any,
    *,
    question: str,
    by: str,
    role: Role,
    ask: Ask = Ask.MINISTER,
    conversation_id: int | None = None,
    message_id: int | None = None,
) -> Doubt:
    """Put a conversation (or, with ``message_id``, one message) in doubt. Inside the
    caller's transaction; logged with a commitment to the question, never the question."""
    if not by or not by.strip():
        raise ReviewError("say who you are: a reviewer's name is required")
    question = (question or "").strip()
    if not question:
        raise ReviewError("a doubt needs a question (--question TEXT): what should be decided?")
    if len(question) > MAX_QUESTION:
        raise ReviewError(f"the question is longer than {MAX_QUESTION} characters; shorten it")
    if message_id is not None:
        conversation_id = _conversation_of(c, message_id)
    elif conversation_id is None:
        raise ReviewError("say what is in doubt: a conversation or a message")
    elif (
        c.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone() is None
    ):
        raise ReviewError(f"no conversation {conversation_id} in this case")
    existing = open_on(c, conversation_id, message_id)
    if existing is not None:
        raise ReviewError(
            f"{existing.where} already has an open doubt ({existing.id}); resolve it first"
        )
    cur = c.execute(
        "INSERT INTO doubts(conversation_id, message_id, ask, question, raised_by, raised_role,"
        " raised_at) VALUES(?, ?, ?, ?, ?, ?, ?)",
        (conversation_id, message_id, ask.value, question, by, role.value, now_iso()),
    )
    doubt = get(c, int(cur.lastrowid))
    log.append(
        c,
        actor=by,
        role=role.value,
        action="doubt",
        target=doubt.target,
        new={"doubt": doubt.id, "ask": ask.value},
        reason=question,  # committed in the line, kept in review_reasons
    )
    return doubt


def resolve(
    c: Any,
    doubt_id: int,
    answer: Label | None,
    *,
    by: str,
    role: Role,
    note: str | None = None,
) -> Doubt:
    """Resolve an open doubt: mark its target with ``answer`` (a decision of ``by``, like
    any mark), or with None withdraw the question. Inside the caller's transaction."""
    if not by or not by.strip():
        raise ReviewError("say who you are: a reviewer's name is required")
    doubt = get(c, doubt_id)
    if not doubt.open:
        raise ReviewError(f"doubt {doubt_id} ({doubt.where}) is already resolved")
    if answer is not None:
        if doubt.message_id is None:
            labels.label_conversation(c, doubt.conversation_id, answer, by=by, role=role)
        else:
            labels.label_messages(c, [doubt.message_id], answer, by=by, role=role)
    value = WITHDRAWN if answer is None else answer.value
    c.execute(
        "UPDATE doubts SET resolved_by = ?, resolved_role = ?, resolved_at = ?, answer = ?"
        " WHERE id = ?",
        (by, role.value, now_iso(), value, doubt_id),
    )
    log.append(
        c,
        actor=by,
        role=role.value,
        action="doubt-resolved",
        target=doubt.target,
        old={"doubt": doubt.id},
        new={"answer": value},
        reason=(note or "").strip() or None,
    )
    return get(c, doubt_id)


def listing(c: Any, *, open_only: bool = True) -> list[Doubt]:
    """Doubts in reading order: by conversation, the conversation's own first, then its
    messages in time order."""
    where = "WHERE d.resolved_at IS NULL" if open_only else ""
    rows = c.execute(
        f"SELECT {', '.join('d.' + k.strip() for k in _COLUMNS.split(','))} FROM doubts d"
        f" LEFT JOIN messages m ON m.id = d.message_id {where}"
        " ORDER BY d.conversation_id, d.message_id IS NOT NULL, m.instant, d.message_id, d.id"
    )
    return [_doubt(r) for r in rows]


def open_counts(c: Any) -> dict[int, int]:
    """Open doubts per conversation (the conversation's own and its messages')."""
    return {
        int(cid): int(n)
        for cid, n in c.execute(
            "SELECT conversation_id, count(*) FROM doubts WHERE resolved_at IS NULL"
            " GROUP BY conversation_id"
        )
    }


def counts(c: Any) -> dict[str, int]:
    """``stats --json``'s ``doubts``: open and resolved."""
    row = c.execute(
        "SELECT coalesce(sum(resolved_at IS NULL), 0), coalesce(sum(resolved_at IS NOT NULL), 0)"
        " FROM doubts"
    ).fetchone()
    return {"open": int(row[0]), "resolved": int(row[1])}


def check_none_open(c: Any, what: str = "the bundle") -> None:
    """Refuse (one line: how many and where) while any doubt is open."""
    found = listing(c)
    if not found:
        return
    shown = "; ".join(d.where for d in found[:5]) + ("; …" if len(found) > 5 else "")
    raise DoubtsOpenError(
        f"{len(found)} open doubt{'s' if len(found) != 1 else ''} block {what} ({shown}): "
        "answer or withdraw them first (chatsafe doubts CASE)"
    )


def open_targets(c: Any) -> list[str]:
    """The open doubts as stable names (message and conversation identities) for the
    selection digest: raising or resolving a doubt voids an approval like a mark does."""
    out = []
    for kind, ident in c.execute(
        "SELECT 'message', hex(m.identity) FROM doubts d JOIN messages m ON m.id = d.message_id"
        " WHERE d.resolved_at IS NULL UNION ALL"
        " SELECT 'conversation', v.source_format || ':' || v.key FROM doubts d"
        " JOIN conversations v ON v.id = d.conversation_id"
        " WHERE d.resolved_at IS NULL AND d.message_id IS NULL"
    ):
        out.append(f"{kind}:{str(ident).lower()}")
    return sorted(out)


__all__ = [
    "Doubt",
    "DoubtsOpenError",
    "check_none_open",
    "counts",
    "get",
    "listing",
    "open_counts",
    "open_on",
    "open_targets",
    "parse_answer",
    "parse_ask",
    "raise_doubt",
    "resolve",
]
