"""Read-only views the review screen pages through: conversation rows, message pages,
one message's details. Qt-free, so the CLI and the tests can use them too.

Queries stay cheap on a case of a million messages: counts use the
``messages_order`` index, message rows are fetched by id a page at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from chatsafe.review import bubble_parts, doubts
from chatsafe.review.bubble_parts import FileBrief, Quote
from chatsafe.review.doubts import Doubt
from chatsafe.review.labels import effective_label
from chatsafe.review.summary import scope


@dataclass
class ConversationRow:
    id: int
    source_format: str
    title: str
    is_group: bool
    participants: list[str]
    entries: int  # messages and events
    first: str | None
    last: str | None
    label: str | None  # the conversation's own mark
    status: str | None  # proposed | confirmed
    reason: str | None
    marked: dict[str, int] = field(default_factory=dict)  # own message marks by label
    proposals: int = 0  # marks still proposed (conversation and messages)
    reviewed_by: str | None = None
    confirmed_by: str | None = None
    confirmed_at: str | None = None
    #: messages imported after the review or confirmation: unreviewed again
    new_since_review: int = 0
    #: per source that held this chat (store/coverage.py): format, messages held, period
    sources: list[SourceHeld] = field(default_factory=list)
    #: open doubts: the conversation's own and its messages' (review/doubts.py)
    doubts: int = 0
    #: the question of the open doubt on the whole conversation, if any
    doubt_question: str | None = None


@dataclass
class SourceHeld:
    source_format: str
    held: int
    first: str | None
    last: str | None


def conversation_rows(c: Any, ids: list[int] | None = None) -> list[ConversationRow]:
    """Every conversation (or those in ``ids``) with what the conversation list shows."""
    where = ""
    params: list[Any] = []
    if ids is not None:
        where = f" WHERE c.id IN ({','.join('?' * len(ids))})"
        params = list(ids)
    rows: dict[int, ConversationRow] = {}
    for r in c.execute(
        "SELECT c.id, c.source_format, c.title, c.is_group, l.label, l.status, l.reason,"
        " r.reviewed_by, r.confirmed_by, r.confirmed_at"
        " FROM conversations c LEFT JOIN conversation_labels l ON l.conversation_id = c.id"
        f" LEFT JOIN conversation_review r ON r.conversation_id = c.id{where} ORDER BY c.id",
        params,
    ):
        cid = int(r[0])
        rows[cid] = ConversationRow(
            cid, str(r[1]), str(r[2]), bool(r[3]), [], 0, None, None,
            r[4], r[5], r[6], {}, 1 if r[5] == "proposed" else 0, r[7], r[8], r[9],
        )  # fmt: skip
    for cid, name in c.execute("SELECT conversation_id, name FROM participants ORDER BY name"):
        if int(cid) in rows:
            rows[int(cid)].participants.append(str(name))
    for cid, row in rows.items():
        # Index-only: count, first and last through messages_order.
        row.entries = int(
            c.execute("SELECT count(*) FROM messages WHERE conversation_id = ?", (cid,)).fetchone()[
                0
            ]
        )
        first = c.execute(
            "SELECT wallclock FROM messages WHERE conversation_id = ? ORDER BY instant, id LIMIT 1",
            (cid,),
        ).fetchone()
        last = c.execute(
            "SELECT wallclock FROM messages WHERE conversation_id = ?"
            " ORDER BY instant DESC, id DESC LIMIT 1",
            (cid,),
        ).fetchone()
        row.first = first[0] if first else None
        row.last = last[0] if last else None
    for cid, n in c.execute(
        "SELECT r.conversation_id, count(*) FROM conversation_review r JOIN messages m"
        " ON m.conversation_id = r.conversation_id AND m.id > r.reviewed_through"
        " GROUP BY r.conversation_id"
    ):
        if int(cid) in rows:
            rows[int(cid)].new_since_review = int(n)
    for cid, label, status, n in c.execute(
        "SELECT m.conversation_id, ml.label, ml.status, count(*) FROM message_labels ml"
        " JOIN messages m ON m.id = ml.message_id GROUP BY m.conversation_id, ml.label, ml.status"
    ):
        target = rows.get(int(cid))
        if target is None:
            continue
        target.marked[str(label)] = target.marked.get(str(label), 0) + int(n)
        if status == "proposed":
            target.proposals += int(n)
    for cid, fmt, held, first, last in c.execute(
        "SELECT conversation_id, source_format, max(held), min(first_wallclock),"
        " max(last_wallclock) FROM source_coverage GROUP BY conversation_id, source_format"
        " ORDER BY conversation_id, source_format"
    ):
        if int(cid) in rows:
            rows[int(cid)].sources.append(SourceHeld(str(fmt), int(held), first, last))
    for d in doubts.listing(c):
        target = rows.get(d.conversation_id)
        if target is None:
            continue
        target.doubts += 1
        if d.message_id is None:
            target.doubt_question = d.question
    return list(rows.values())


@dataclass
class MessageRow:
    id: int
    kind: str
    event_type: str | None
    sender: str | None
    from_owner: bool
    wallclock: str
    text: str
    deleted: bool
    edited: bool
    view_once: bool
    media_omitted: bool
    forwarded: bool
    label: str | None  # the message's own mark
    status: str | None
    reason: str | None
    attachments: int
    missing_attachments: int
    extra: dict[str, Any]
    # Computed once here for every surface (see review/summary.py):
    effective_label: str | None = None
    label_source: str | None = None  # message | conversation | default
    in_period: bool = True
    #: the conversation's own mark's status (proposed | confirmed), for inherited marks
    conversation_status: str | None = None
    #: what the bubble shows besides the text (review/bubble_parts.py)
    quote: Quote | None = None
    files: list[FileBrief] = field(default_factory=list)
    #: the question of the open doubt on this message (review/doubts.py), if any
    doubt: str | None = None


def message_ids(
    c: Any, conversation_id: int, date_from: str | None = None, date_to: str | None = None
) -> list[int]:
    """The ids of a conversation's entries in time order, optionally within dates
    (YYYY-MM-DD, both inclusive)."""
    sql = "SELECT id FROM messages WHERE conversation_id = ?"
    params: list[Any] = [conversation_id]
    if date_from:
        sql += " AND substr(wallclock, 1, 10) >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND substr(wallclock, 1, 10) <= ?"
        params.append(date_to)
    sql += " ORDER BY instant, id"
    return [int(r[0]) for r in c.execute(sql, params)]


def message_rows(c: Any, ids: list[int]) -> dict[int, MessageRow]:
    """The rows of these messages, by id (one query; pass a page, not a conversation)."""
    if not ids:
        return {}
    out: dict[int, MessageRow] = {}
    marks = ",".join("?" * len(ids))
    atts: dict[int, tuple[int, int]] = {
        int(r[0]): (int(r[1]), int(r[2] or 0))
        for r in c.execute(
            "SELECT message_id, count(*), sum(NOT present) FROM attachments"
            f" WHERE message_id IN ({marks}) GROUP BY message_id",
            ids,
        )
    }
    in_scope = scope(c)
    briefs = bubble_parts.files(c, ids)
    replies: list[tuple[int, int, str, Any]] = []
    for r in c.execute(
        "SELECT m.id, m.kind, m.event_type, m.sender, m.from_owner, m.wallclock, m.text,"
        " m.deleted, m.edited, m.view_once, m.media_omitted, m.forwarded,"
        " ml.label, ml.status, ml.reason, m.extra, cl.label, vl.label,"
        " m.conversation_id, m.reply_to, cl.status"
        " FROM messages m LEFT JOIN message_labels ml ON ml.message_id = m.id"
        " LEFT JOIN message_labels vl ON vl.message_id = m.edit_of"
        " LEFT JOIN conversation_labels cl ON cl.conversation_id = m.conversation_id"
        f" WHERE m.id IN ({marks})",
        ids,
    ):
        mid = int(r[0])
        n_att, n_missing = atts.get(mid, (0, 0))
        # An edited version without its own mark has its first version's (versions.py).
        label, source = effective_label(r[12] or r[17], r[16])
        out[mid] = MessageRow(
            mid, str(r[1]), r[2], r[3], bool(r[4]), str(r[5]), str(r[6]),
            bool(r[7]), bool(r[8]), bool(r[9]), bool(r[10]), bool(r[11]),
            r[12], r[13], r[14], n_att, n_missing, json.loads(r[15]) if r[15] else {},
            label, source, in_scope.contains(str(r[5])), r[20], None, briefs.get(mid, []),
        )  # fmt: skip
        if r[19] is not None:
            replies.append((mid, int(r[18]), str(r[19]), out[mid].extra))
    for mid, quote in bubble_parts.quotes(c, replies).items():
        out[mid].quote = quote
    for mid, question in c.execute(
        f"SELECT message_id, question FROM doubts WHERE resolved_at IS NULL"
        f" AND message_id IN ({marks})",
        ids,
    ):
        out[int(mid)].doubt = str(question)
    return out


@dataclass
class AttachmentInfo:
    id: int
    name: str
    mime: str | None
    present: bool
    size: int | None
    blob_id: int | None
    thumbnail: bytes | None  # PNG, made at import


@dataclass
class MessageDetail:
    row: MessageRow
    conversation_id: int
    wallclock_raw: str | None
    reply_to: str | None
    label_by: str | None
    label_role: str | None
    label_at: str | None
    attachments: list[AttachmentInfo]
    #: the open doubt on this message, if any (who asked whom, and the question)
    doubt: Doubt | None = None


def message_detail(c: Any, message_id: int) -> MessageDetail | None:
    rows = message_rows(c, [message_id])
    if message_id not in rows:
        return None
    conv, raw, reply = c.execute(
        "SELECT conversation_id, wallclock_raw, reply_to FROM messages WHERE id = ?",
        (message_id,),
    ).fetchone()
    by = c.execute(
        "SELECT by_name, by_role, at FROM message_labels WHERE message_id = ?", (message_id,)
    ).fetchone() or (None, None, None)
    attachments = [
        AttachmentInfo(int(a[0]), str(a[1]), a[2], bool(a[3]), a[4], a[5], a[6])
        for a in c.execute(
            "SELECT a.id, a.name, a.mime, a.present, a.size, a.blob_id, t.png"
            " FROM attachments a LEFT JOIN thumbnails t ON t.blob_id = a.blob_id"
            " WHERE a.message_id = ? ORDER BY a.position",
            (message_id,),
        )
    ]
    return MessageDetail(
        rows[message_id], int(conv), raw, reply, by[0], by[1], by[2], attachments,
        doubts.open_on(c, int(conv), message_id),
    )  # fmt: skip


def blob_bytes(c: Any, blob_id: int, limit: int = 64 * 1024 * 1024) -> bytes | None:
    """An attachment's bytes for viewing (in memory only); None when larger than ``limit``."""
    row = c.execute("SELECT size FROM blobs WHERE id = ?", (blob_id,)).fetchone()
    if row is None or int(row[0]) > limit:
        return None
    data = c.execute("SELECT data FROM blobs WHERE id = ?", (blob_id,)).fetchone()[0]
    return bytes(data)


def proposals(c: Any) -> list[tuple[int, int | None]]:
    """Marks an assistant proposed and nobody confirmed yet, in reading order: (conversation
    id, message id), or (conversation id, None) for a whole conversation's mark."""
    rows = c.execute(
        "SELECT conversation_id, NULL, 0, 0 FROM conversation_labels WHERE status = 'proposed'"
        " UNION ALL SELECT m.conversation_id, m.id, m.instant, 1 FROM message_labels l"
        " JOIN messages m ON m.id = l.message_id WHERE l.status = 'proposed'"
        " ORDER BY 1, 4, 3, 2"
    )
    return [(int(r[0]), None if r[1] is None else int(r[1])) for r in rows]


@dataclass(frozen=True)
class ReviewStop:
    """One place N / Shift+N stop at: a proposal or an open doubt."""

    conversation_id: int
    message_id: int | None  # None: the whole conversation
    kind: str  # "proposal" | "doubt"


def review_stops(c: Any) -> list[ReviewStop]:
    """Proposals and open doubts in reading order: by conversation, the conversation's
    own first, then its messages in time order (a doubt before a proposal on the same
    message)."""
    rows = c.execute(
        "SELECT conversation_id, NULL, 0, 0, 'proposal' FROM conversation_labels"
        " WHERE status = 'proposed'"
        " UNION ALL SELECT m.conversation_id, m.id, m.instant, 1, 'proposal'"
        " FROM message_labels l JOIN messages m ON m.id = l.message_id"
        " WHERE l.status = 'proposed'"
        " UNION ALL SELECT conversation_id, NULL, 0, 0, 'doubt' FROM doubts"
        " WHERE resolved_at IS NULL AND message_id IS NULL"
        " UNION ALL SELECT m.conversation_id, m.id, m.instant, 1, 'doubt' FROM doubts d"
        " JOIN messages m ON m.id = d.message_id WHERE d.resolved_at IS NULL"
        " ORDER BY 1, 4, 3, 2, 5"
    )
    return [ReviewStop(int(r[0]), None if r[1] is None else int(r[1]), str(r[4])) for r in rows]
