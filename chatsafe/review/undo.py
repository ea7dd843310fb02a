"""Undoing marks: what a set of conversations and messages was marked before a change,
and putting that back as a new, logged decision.

Undo never rewrites history: the review log keeps the mark that was undone, gains the
marks that restore the earlier state (by the person who undid, with the earlier reasons),
and an ``undo`` entry that says so. Doubts go the same way: a doubt that was open is
raised again (same question, same addressee), one that was not is withdrawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chatsafe.domain import Ask, Label
from chatsafe.review import doubts, labels, log, versions
from chatsafe.review.labels import Role

Mark = tuple[str | None, str | None]  # (label or None for no mark, reason)
DoubtTarget = tuple[int, int | None]  # (conversation id, message id or None)
OpenDoubt = tuple[str, str] | None  # (ask, question) of the open doubt, or None


@dataclass(frozen=True)
class MarkSnapshot:
    conversations: dict[int, Mark] = field(default_factory=dict)
    messages: dict[int, Mark] = field(default_factory=dict)
    doubts: dict[DoubtTarget, OpenDoubt] = field(default_factory=dict)


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
    open_doubts: dict[DoubtTarget, OpenDoubt] = {}
    for cid in convs:
        open_doubts[(cid, None)] = _open(c, cid, None)
    for asked in message_ids:
        row = c.execute("SELECT conversation_id FROM messages WHERE id = ?", (asked,)).fetchone()
        if row is not None:
            open_doubts[(int(row[0]), asked)] = _open(c, int(row[0]), asked)
    return MarkSnapshot(convs, msgs, open_doubts)


def _open(c: Any, conversation_id: int, message_id: int | None) -> OpenDoubt:
    d = doubts.open_on(c, conversation_id, message_id)
    return None if d is None else (d.ask, d.question)


def _restore_doubt(c: Any, target: DoubtTarget, was: OpenDoubt, by: str, role: Role) -> bool:
    cid, mid = target
    now = doubts.open_on(c, cid, mid)
    if (None if now is None else (now.ask, now.question)) == was:
        return False
    if now is not None:
        doubts.resolve(c, now.id, None, by=by, role=role)
    if was is not None:
        target_kw: dict[str, int] = {"message_id": mid} if mid is not None else {}
        doubts.raise_doubt(
            c,
            question=was[1],
            by=by,
            role=role,
            ask=Ask(was[0]),
            conversation_id=cid,
            **target_kw,
        )
    return True


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
    for target, was in snap.doubts.items():
        changed += _restore_doubt(c, target, was, by, role)
    if changed:
        log.append(
            c,
            actor=by,
            role=role.value,
            action="undo",
            target="marks",
            new={
                "conversations": len(snap.conversations),
                "messages": len(snap.messages),
                "doubts": len(snap.doubts),
            },
        )
    return changed


__all__ = ["MarkSnapshot", "restore", "snapshot"]
