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
from chatsafe.review import batches, doubts, labels, log, versions
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
    edited message, which a mark covers too). Set-based, a piece of ids at a time."""
    cids = list(dict.fromkeys(conversation_ids))
    asked = list(message_ids)
    conv_marks = _marks(c, "conversation_labels", "conversation_id", cids)
    convs: dict[int, Mark] = {cid: conv_marks.get(cid, (None, None)) for cid in cids}
    group, _missing = versions.version_groups(c, asked)
    msg_marks = _marks(c, "message_labels", "message_id", group)
    msgs: dict[int, Mark] = {mid: msg_marks.get(mid, (None, None)) for mid in group}
    conv_of: dict[int, int] = {}
    for piece in batches.pieces(asked):
        conv_of.update(
            (int(r[0]), int(r[1]))
            for r in c.execute(
                "SELECT id, conversation_id FROM messages"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (batches.id_list(piece),),
            )
        )
    now_open = _open_doubts(c, cids, list(conv_of))
    open_doubts: dict[DoubtTarget, OpenDoubt] = {}
    for cid in convs:
        open_doubts[(cid, None)] = now_open.get((cid, None))
    for mid in asked:
        if mid in conv_of:
            open_doubts[(conv_of[mid], mid)] = now_open.get((conv_of[mid], mid))
    return MarkSnapshot(convs, msgs, open_doubts)


def _marks(c: Any, table: str, column: str, ids: list[int]) -> dict[int, Mark]:
    out: dict[int, Mark] = {}
    for piece in batches.pieces(ids):
        out.update(
            (int(r[0]), (str(r[1]), r[2]))
            for r in c.execute(
                f"SELECT {column}, label, reason FROM {table}"
                f" WHERE {column} IN (SELECT value FROM json_each(?))",
                (batches.id_list(piece),),
            )
        )
    return out


def _open_doubts(
    c: Any, conversation_ids: list[int], message_ids: list[int]
) -> dict[DoubtTarget, OpenDoubt]:
    """The open doubts on these conversations (their own) and these messages."""
    out: dict[DoubtTarget, OpenDoubt] = {}
    sql = "SELECT conversation_id, message_id, ask, question FROM doubts WHERE resolved_at IS NULL"
    for piece in batches.pieces(conversation_ids):
        out.update(
            ((int(r[0]), None), (str(r[2]), str(r[3])))
            for r in c.execute(
                f"{sql} AND message_id IS NULL"
                " AND conversation_id IN (SELECT value FROM json_each(?))",
                (batches.id_list(piece),),
            )
        )
    for piece in batches.pieces(message_ids):
        out.update(
            ((int(r[0]), int(r[1])), (str(r[2]), str(r[3])))
            for r in c.execute(
                f"{sql} AND message_id IN (SELECT value FROM json_each(?))",
                (batches.id_list(piece),),
            )
        )
    return out


def _restore_doubt(
    c: Any, target: DoubtTarget, was: OpenDoubt, now: OpenDoubt, by: str, role: Role
) -> bool:
    if now == was:
        return False
    cid, mid = target
    if now is not None:
        found = doubts.open_on(c, cid, mid)
        assert found is not None
        doubts.resolve(c, found.id, None, by=by, role=role)
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
    marks changed; logs an ``undo`` entry when any did. The same decisions and log
    entries as restoring one mark at a time, written set-based (issue 14)."""
    labels.require_name(by)
    known = {int(r[0]) for r in c.execute("SELECT id FROM conversations")}
    for cid in snap.conversations:
        if cid not in known:
            raise labels.ReviewError(f"no conversation {cid} in this case")

    def decisions(marks: dict[int, Mark]) -> list[labels.Decision]:
        return [
            (i, None if label is None else Label(label), reason)
            for i, (label, reason) in marks.items()
        ]

    changed = labels.apply_marks(c, "conversation", decisions(snap.conversations), by=by, role=role)
    changed += labels.apply_marks(c, "message", decisions(snap.messages), by=by, role=role)
    targets = list(snap.doubts)
    now_open = _open_doubts(
        c,
        [cid for cid, mid in targets if mid is None],
        [mid for _, mid in targets if mid is not None],
    )
    for target, was in snap.doubts.items():
        changed += _restore_doubt(c, target, was, now_open.get(target), by, role)
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
