"""The per-message marking and undo code as it was before issue 14's set-based rewrite.

Kept only as the oracle of ``test_bulk_marks.py``: the set-based path must leave the
case and the review log exactly as this one did, one query (or several) per message.
"""

from __future__ import annotations

from typing import Any

from chatsafe.domain import Ask, Label
from chatsafe.review import doubts, log
from chatsafe.review.labels import ReviewError, Role, status_for
from chatsafe.review.undo import Mark, MarkSnapshot, OpenDoubt
from chatsafe.store.case import now_iso


def version_group(c: Any, message_id: int) -> list[int]:
    found = c.execute("SELECT coalesce(edit_of, id) FROM messages WHERE id = ?", (message_id,))
    row = found.fetchone()
    if row is None:
        return [message_id]
    root = int(row[0])
    sql = "SELECT id FROM messages WHERE id = ? OR edit_of = ? ORDER BY id"
    return [int(r[0]) for r in c.execute(sql, (root, root))] or [message_id]


def _set(c: Any, kind: str, target_id: int, label: Label | None, by: str, role: Role,
         reason: str | None) -> bool:  # fmt: skip
    table, column = ("message_labels", "message_id") if kind == "message" else (
        "conversation_labels", "conversation_id")  # fmt: skip
    row = c.execute(
        f"SELECT label, status, reason FROM {table} WHERE {column} = ?", (target_id,)
    ).fetchone()
    current = None if row is None else (str(row[0]), str(row[1]), row[2] or None)
    old = None if current is None else current[:2]
    new = None if label is None else (label.value, status_for(role))
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
            (target_id, label.value, status_for(role), reason, by, role.value, now_iso()),
        )
    log.append(
        c, actor=by, role=role.value, action="label" if label is not None else "clear",
        target=f"{kind}:{target_id}",
        old=None if old is None else {"label": old[0], "status": old[1]},
        new=None if new is None else {"label": new[0], "status": new[1]}, reason=reason,
    )  # fmt: skip
    return True


def label_messages(c: Any, message_ids: list[int], label: Label | None, *, by: str,
                   role: Role, reason: str | None = None) -> int:  # fmt: skip
    changed = 0
    done: set[int] = set()
    for asked in message_ids:
        if c.execute("SELECT kind FROM messages WHERE id = ?", (asked,)).fetchone() is None:
            raise ReviewError(f"no message {asked} in this case")
        group = [m for m in version_group(c, asked) if m not in done]
        done.update(group)
        for mid in group:
            changed += _set(c, "message", mid, label, by, role, reason)
    return changed


def snapshot(c: Any, conversation_ids: list[int], message_ids: list[int]) -> MarkSnapshot:
    convs: dict[int, Mark] = {}
    for cid in conversation_ids:
        row = c.execute(
            "SELECT label, reason FROM conversation_labels WHERE conversation_id = ?", (cid,)
        ).fetchone()
        convs[cid] = (None, None) if row is None else (str(row[0]), row[1])
    msgs: dict[int, Mark] = {}
    for asked in message_ids:
        for mid in version_group(c, asked):
            if mid in msgs:
                continue
            row = c.execute(
                "SELECT label, reason FROM message_labels WHERE message_id = ?", (mid,)
            ).fetchone()
            msgs[mid] = (None, None) if row is None else (str(row[0]), row[1])
    open_doubts: dict[tuple[int, int | None], OpenDoubt] = {}
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


def restore(c: Any, snap: MarkSnapshot, *, by: str, role: Role) -> int:
    changed = 0
    for cid, (label, reason) in snap.conversations.items():
        changed += _set(c, "conversation", cid, None if label is None else Label(label), by,
                        role, reason)  # fmt: skip
    for mid, (label, reason) in snap.messages.items():
        changed += _set(c, "message", mid, None if label is None else Label(label), by, role,
                        reason)  # fmt: skip
    for (cid, mid), was in snap.doubts.items():
        now = doubts.open_on(c, cid, mid)
        if (None if now is None else (now.ask, now.question)) == was:
            continue
        if now is not None:
            doubts.resolve(c, now.id, None, by=by, role=role)
        if was is not None:
            kw: dict[str, int] = {"message_id": mid} if mid is not None else {}
            doubts.raise_doubt(c, question=was[1], by=by, role=role, ask=Ask(was[0]),
                               conversation_id=cid, **kw)  # fmt: skip
        changed += 1
    if changed:
        log.append(
            c, actor=by, role=role.value, action="undo", target="marks",
            new={"conversations": len(snap.conversations), "messages": len(snap.messages),
                 "doubts": len(snap.doubts)},
        )  # fmt: skip
    return changed
