"""Marking conversations and messages, and confirming marks: the decisions of review.

A mark made by an assistant or IT support is *proposed*; one made by the minister is
*confirmed*, and the minister confirms the proposals of others. A message's own mark
overrides its conversation's; no mark at all means business. Every change goes into the
review log in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from chatsafe.domain import Label
from chatsafe.errors import ChatsafeError
from chatsafe.review import batches, log, versions
from chatsafe.store.case import now_iso


class Role(StrEnum):
    ASSISTANT = "assistant"
    MINISTER = "minister"
    IT = "it"


class ReviewError(ChatsafeError):
    code = "review"


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ReviewError(f"unknown role {value!r}; use assistant, minister or it") from None


def parse_label(value: str) -> Label:
    norm = value.strip().lower().replace("-", "_")
    try:
        return Label(norm)
    except ValueError:
        raise ReviewError(
            f"unknown label {value!r}; use private, party-political or business"
        ) from None


def status_for(role: Role) -> str:
    return "confirmed" if role is Role.MINISTER else "proposed"


#: (id, label or None to clear, reason): one decision on one conversation or message.
Decision = tuple[int, Label | None, str | None]
_TABLES = {"conversation": ("conversation_labels", "conversation_id"),
           "message": ("message_labels", "message_id")}  # fmt: skip


def apply_marks(c: Any, kind: str, decisions: Sequence[Decision], *, by: str, role: Role) -> int:
    """Make these decisions on conversations or messages (``kind``), in order, inside the
    caller's transaction; returns how many changed. Each change is one review-log entry,
    exactly as if each had been made alone; a decision that changes nothing is not logged.

    Set-based (issue 14): per piece of ids (``batches``) the current marks are read in
    one query and the changes written with one statement each, so 200,000 messages take
    seconds, not minutes. A later piece reads what an earlier one wrote, so an id asked
    twice ends as it would one decision at a time.
    """
    return sum(
        _apply_piece(c, kind, piece, by=by, role=role) for piece in batches.pieces(decisions)
    )


def _apply_piece(c: Any, kind: str, decisions: Sequence[Decision], *, by: str, role: Role) -> int:
    table, column = _TABLES[kind]
    current: dict[int, tuple[str, str, str | None]] = {
        int(r[0]): (str(r[1]), str(r[2]), r[3] or None)
        for r in c.execute(
            f"SELECT {column}, label, status, reason FROM {table}"
            f" WHERE {column} IN (SELECT value FROM json_each(?))",
            (batches.id_list([d[0] for d in decisions]),),
        )
    }
    status, role_value = status_for(role), role.value
    at = now_iso()
    final: dict[int, tuple[Any, ...] | None] = {}  # each changed id's row after all of it
    entries: list[dict[str, Any]] = []
    for target_id, label, reason in decisions:
        now = current.get(target_id)
        old = None if now is None else now[:2]
        value = None if label is None else label.value
        new = None if value is None else (value, status)
        # A new reason for the same mark is a decision too: it is recorded and logged.
        old_reason = None if now is None else now[2]
        if old == new and (value is None or (reason or None) == old_reason):
            continue
        if value is None:
            final[target_id] = None
            current.pop(target_id, None)
        else:
            final[target_id] = (target_id, value, status, reason, by, role_value, at)
            current[target_id] = (value, status, reason or None)
        entries.append(
            {
                "actor": by,
                "role": role_value,
                "action": "label" if value is not None else "clear",
                "target": f"{kind}:{target_id}",
                "old": None if old is None else {"label": old[0], "status": old[1]},
                "new": None if new is None else {"label": new[0], "status": new[1]},
                "reason": reason,
            }
        )
    # Each id's last change wins, as it did one statement at a time.
    c.executemany(
        f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i, r in final.items() if r is None]
    )
    c.executemany(
        f"INSERT INTO {table}({column}, label, status, reason, by_name, by_role, at)"
        " VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET label = excluded.label,"
        " status = excluded.status, reason = excluded.reason, by_name = excluded.by_name,"
        " by_role = excluded.by_role, at = excluded.at",
        [r for r in final.values() if r is not None],
    )
    log.append_many(c, entries)
    return len(entries)


def require_name(by: str) -> None:
    if not by or not by.strip():
        raise ReviewError("say who you are: a reviewer's name is required")


def label_conversation(
    c: Any,
    conversation_id: int,
    label: Label | None,
    *,
    by: str,
    role: Role,
    reason: str | None = None,
) -> bool:
    """Mark (or with None, clear) a whole conversation. Returns whether anything changed."""
    require_name(by)
    if c.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone() is None:
        raise ReviewError(f"no conversation {conversation_id} in this case")
    return apply_marks(c, "conversation", [(conversation_id, label, reason)], by=by, role=role) > 0


def label_messages(
    c: Any,
    message_ids: list[int],
    label: Label | None,
    *,
    by: str,
    role: Role,
    reason: str | None = None,
) -> int:
    """Mark (or clear) messages and system events. Returns how many changed.

    Events are markable because they can name people ("X added Y"): a reviewer must be
    able to withhold one even in a conversation that otherwise leaves.
    """
    require_name(by)
    group, missing = versions.version_groups(c, message_ids)
    if missing:
        raise ReviewError(f"no message {missing[0]} in this case")
    # One decision covers every version of an edited message: otherwise the text
    # before or after the edit would leave with no mark.
    return apply_marks(c, "message", [(mid, label, reason) for mid in group], by=by, role=role)


def label_one_message(
    c: Any,
    message_id: int,
    label: Label | None,
    *,
    by: str,
    role: Role,
    reason: str | None = None,
) -> bool:
    """Mark (or clear) exactly one message or event, not its other versions (undo puts
    each version back as it was)."""
    require_name(by)
    return apply_marks(c, "message", [(message_id, label, reason)], by=by, role=role) > 0


def _last_id(c: Any, conversation_id: int) -> int:
    row = c.execute(
        "SELECT coalesce(max(id), 0) FROM messages WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()
    return int(row[0])


def mark_reviewed(c: Any, conversation_id: int, *, by: str, role: Role) -> None:
    """Record that someone read a conversation through (the first pass)."""
    require_name(by)
    c.execute(
        "INSERT INTO conversation_review(conversation_id, reviewed_by, reviewed_role, reviewed_at,"
        " reviewed_through) VALUES(?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
        " reviewed_by = excluded.reviewed_by, reviewed_role = excluded.reviewed_role,"
        " reviewed_at = excluded.reviewed_at, reviewed_through = excluded.reviewed_through",
        (conversation_id, by, role.value, now_iso(), _last_id(c, conversation_id)),
    )
    log.append(
        c, actor=by, role=role.value, action="reviewed", target=f"conversation:{conversation_id}"
    )


def confirm_conversation(c: Any, conversation_id: int, *, by: str, role: Role) -> int:
    """The minister confirms a conversation: every proposed mark in it becomes confirmed.

    Returns how many proposals were confirmed.
    """
    require_name(by)
    if role is not Role.MINISTER:
        raise ReviewError("only the minister can confirm marks")
    at = now_iso()
    n = c.execute(
        "UPDATE conversation_labels SET status = 'confirmed' "
        "WHERE conversation_id = ? AND status = 'proposed'",
        (conversation_id,),
    ).rowcount
    n += c.execute(
        "UPDATE message_labels SET status = 'confirmed' WHERE status = 'proposed' AND message_id"
        " IN (SELECT id FROM messages WHERE conversation_id = ?)",
        (conversation_id,),
    ).rowcount
    # Confirming covers what the conversation holds now; a later import's messages are
    # unreviewed and unconfirmed again (summary.py).
    last = _last_id(c, conversation_id)
    c.execute(
        "INSERT INTO conversation_review(conversation_id, reviewed_by, reviewed_role, reviewed_at,"
        " reviewed_through, confirmed_by, confirmed_at, confirmed_through)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
        " confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at,"
        " confirmed_through = excluded.confirmed_through,"
        " reviewed_through = max(coalesce(reviewed_through, 0), excluded.reviewed_through)",
        (conversation_id, by, role.value, at, last, by, at, last),
    )
    log.append(
        c,
        actor=by,
        role=role.value,
        action="confirm",
        target=f"conversation:{conversation_id}",
        new={"confirmed_marks": n},
    )
    return int(n)


def effective_label(own: str | None, conversation: str | None) -> tuple[str, str]:
    """A message's effective label and where it comes from: its own mark, else its
    conversation's, else business (the legal default). The same rule as the SQL below."""
    if own:
        return own, "message"
    if conversation:
        return conversation, "conversation"
    return Label.BUSINESS.value, "default"


# A message's own mark, else (for an edited version) the mark of its first version, else
# its conversation's, else business. See chatsafe.review.versions.
EFFECTIVE_LABEL_SQL = (
    "COALESCE((SELECT label FROM message_labels WHERE message_id = m.id),"
    " (SELECT label FROM message_labels WHERE message_id = m.edit_of),"
    " (SELECT label FROM conversation_labels WHERE conversation_id = m.conversation_id),"
    " 'business')"
)
