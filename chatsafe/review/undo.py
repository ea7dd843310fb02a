"""Undoing marks: what a set of conversations and messages was marked before a change,
and putting that back as a new, logged decision.

Undo never rewrites history: the review log keeps the mark that was undone, gains the
marks that restore the earlier state (by the person who undid, with the earlier reasons),
and an ``undo`` entry that says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chatsafe.domain import Label
from chatsafe.review import labels, log, versions
from chatsafe.review.labels import Role

Mark = tuple[str | None, str | None]  # (label or None for no mark, reason)


@dataclass(frozen=True)
class MarkSnapshot:
    conversations: dict[int, Mark] = field(default_factory=dict)
    messages: dict[int, Mark] = field(default_factory=dict)


def snapshot(c: Any, conversation_ids: Iterable[int], message_ids: Iterable[int]) -> MarkSnapshot:
    """The current marks of these conversations and messages (and every version of an
    edited message, which a mark covers too)."""
    convs: dict[int, Mark] = {}
    for cid in conversation_ids:
        row = c.execute(
            "SELECT label, reason FROM conversation_labels WHERE conversation_id = ?", (cid,)
        ).fetchone()
        convs[cid] = (None, None) if row is None else (str(row[0]), row[1])
    msgs: dict[int, Mark] = {}
    for asked in message_ids:
        for mid in versions.version_group(c, asked):
            if mid in msgs:
                continue
            row = c.execute(
                "SELECT label, reason FROM message_labels WHERE message_id = ?", (mid,)
            ).fetchone()
            msgs[mid] = (None, None) if row is None else (str(row[0]), row[1])
    return MarkSnapshot(convs, msgs)


def restore(c: Any, snap: MarkSnapshot, *, by: str, role: Role) -> int:
    """Put the snapshot's marks back, inside the caller's transaction. Returns how many
    marks changed; logs an ``undo`` entry when any did."""
    changed = 0
    for cid, (label, reason) in snap.conversations.items():
        changed += labels.label_conversation(
            c, cid, None if label is None else Label(label), by=by, role=role, reason=reason
        )
    for mid, (label, reason) in snap.messages.items():
        changed += labels.label_one_message(
            c, mid, None if label is None else Label(label), by=by, role=role, reason=reason
        )
    if changed:
        log.append(
            c,
            actor=by,
            role=role.value,
            action="undo",
            target="marks",
            new={"conversations": len(snap.conversations), "messages": len(snap.messages)},
        )
    return changed


__all__ = ["MarkSnapshot", "restore", "snapshot"]
