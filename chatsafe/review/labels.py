"""Marking conversations and messages, and confirming marks: the decisions of review.

A mark made by an assistant or IT support is *proposed*; one made by the minister is
*confirmed*, and the minister confirms the proposals of others. A message's own mark
overrides its conversation's; no mark at all means business. Every change goes into the
review log in the same transaction as the change itself.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from chatsafe.domain import Label
from chatsafe.errors import ChatsafeError
from chatsafe.review import log, versions
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


def _current(c: Any, table: str, column: str, target_id: int) -> tuple[str, str, str | None] | None:
    row = c.execute(
        f"SELECT label, status, reason FROM {table} WHERE {column} = ?", (target_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]), row[2] or None)


def _set(
    c: Any,
    table: str,
    column: str,
    target: str,
    target_id: int,
    label: Label | None,
    by: str,
    role: Role,
    reason: str | None,
) -> bool:
    current = _current(c, table, column, target_id)
    old = None if current is None else current[:2]
    status = status_for(role)
    new = None if label is None else (label.value, status)
    # A new reason for the same mark is a decision too: it is recorded and logged.
    old_reason = None if current is None else current[2]
    if old == new and (label is None or (reason or None) == old_reason):
        return False
    if label is None:
        c.execute(f"DELETE FROM {table} WHERE {column} = ?", (target_id,))
    else:
        c.execute(
            f"INSERT INTO {table}({column}, label, status, reason, by_name, by_role, at)"
            " VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET label = excluded.label,"
            " status = excluded.status, reason = excluded.reason, by_name = excluded.by_name,"
            " by_role = excluded.by_role, at = excluded.at",
            (target_id, label.value, status, reason, by, role.value, now_iso()),
        )
    log.append(
        c,
        actor=by,
        role=role.value,
        action="label" if label is not None else "clear",
        target=target,
        old=None if old is None else {"label": old[0], "status": old[1]},
        new=None if new is None else {"label": new[0], "status": new[1]},
        reason=reason,
    )
    return True


def _require_name(by: str) -> None:
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
    _require_name(by)
    if c.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone() is None:
        raise ReviewError(f"no conversation {conversation_id} in this case")
    return _set(
        c,
        "conversation_labels",
        "conversation_id",
        f"conversation:{conversation_id}",
        conversation_id,
        label,
        by,
        role,
        reason,
    )


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
    _require_name(by)
    changed = 0
    done: set[int] = set()
    for asked in message_ids:
        row = c.execute("SELECT kind FROM messages WHERE id = ?", (asked,)).fetchone()
        if row is None:
            raise ReviewError(f"no message {asked} in this case")
        # One decision covers every version of an edited message: otherwise the text
        # before or after the edit would leave with no mark.
        group = [m for m in versions.version_group(c, asked) if m not in done]
        done.update(group)
        for mid in group:
            changed += _set(
                c, "message_labels", "message_id", f"message:{mid}", mid, label, by, role, reason
            )
    return changed


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
    _require_name(by)
    return _set(
        c,
        "message_labels",
        "message_id",
        f"message:{message_id}",
        message_id,
        label,
        by,
        role,
        reason,
    )


def _last_id(c: Any, conversation_id: int) -> int:
    row = c.execute(
        "SELECT coalesce(max(id), 0) FROM messages WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()
    return int(row[0])


def mark_reviewed(c: Any, conversation_id: int, *, by: str, role: Role) -> None:
    """Record that someone read a conversation through (the first pass)."""
    _require_name(by)
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
    _require_name(by)
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
