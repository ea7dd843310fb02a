"""What leaves: the business record of each conversation, and nothing else.

The one definition of what leaves is :func:`chatsafe.review.summary.leaving_message_ids`;
this module only reads the rows those ids name. Everything a bundle writes about a
conversation (transcripts, participants, metadata, attachments) comes from these rows,
so nothing of a withheld message can reach it by another path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from chatsafe.review.summary import leaving_message_ids

# Keys of a message's ``extra`` that describe the message itself. Anything else an
# importer records (reactions naming other people, raw ids) stays in the case.
EXTRA_KEYS = frozenset(
    {
        "location",
        "poll",
        "contact_card",
        "disappearing",
        "msgtype",
        "media",
        "telegram_type",
        "subject",
        "status",
        "self_destruct_seconds",
        "forwarded_from",
        "item_type",
        "membership",
        "date_sent",
        "undecryptable",
    }
)

_SAFE_SUFFIX = re.compile(r"\.([A-Za-z0-9]{1,8})$")
_MIME_SUFFIX = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "video/mp4": "mp4",
    "audio/ogg": "ogg",
    "audio/mpeg": "mp3",
    "application/pdf": "pdf",
    "text/plain": "txt",
}


@dataclass
class Attachment:
    name: str  # the name the export gave (business content, goes into metadata only)
    mime: str | None
    present: bool
    size: int | None
    sha256: str | None
    blob_id: int | None
    # the neutral path under the conversation's folder, e.g.
    # conversation-0001-attachment-0003/conversation-0001-attachment-0003.jpg (bundle/sip.py)
    path: str | None = None


@dataclass
class Row:
    id: int
    identity: str
    kind: str
    event_type: str | None
    sender: str | None
    from_owner: bool
    wallclock: str
    wallclock_raw: str | None
    instant_ms: int
    text: str
    deleted: bool
    edited: bool
    view_once: bool
    media_omitted: bool
    forwarded: bool
    reply_to: int | None  # the number (n) of a leaving message it replies to
    extra: dict[str, Any]
    source_sha256: list[str]
    attachments: list[Attachment] = field(default_factory=list)
    n: int = 0  # position in the transcript, from 1


@dataclass
class LeavingConversation:
    case_id: int
    folder: str  # conversation-0001: numbered within the bundle, never a title
    title: str
    source_format: str
    is_group: bool
    message_ids: list[int]
    key: str = ""  # the conversation's key in its source format (with it: a stable URN)

    @property
    def business_count(self) -> int:
        return len(self.message_ids)


def leaving_conversations(c: Any) -> list[LeavingConversation]:
    out: list[LeavingConversation] = []
    for cid, title, fmt, is_group, key in c.execute(
        "SELECT id, title, source_format, is_group, key FROM conversations ORDER BY id"
    ).fetchall():
        ids = leaving_message_ids(c, int(cid))
        if ids:
            folder = f"conversation-{len(out) + 1:04d}"
            out.append(
                LeavingConversation(
                    int(cid), folder, str(title), str(fmt), bool(is_group), ids, str(key)
                )
            )
    return out


def _source_hashes(c: Any) -> tuple[dict[int, str], dict[int, list[str]]]:
    by_file: dict[int, str] = {}
    by_import: dict[int, list[str]] = {}
    for fid, imp, sha in c.execute("SELECT id, import_id, sha256 FROM source_files ORDER BY id"):
        by_file[int(fid)] = str(sha)
        by_import.setdefault(int(imp), []).append(str(sha))
    return by_file, by_import


def _numbered(
    c: Any, conv: LeavingConversation, columns: str
) -> Iterator[tuple[int, int | None, Any]]:
    """The leaving rows of ``conv`` in time order, each with its number (from 1) and the
    number of the leaving message it replies to; ``columns`` follow ``id, reply_to,
    source_id``."""
    leaving = set(conv.message_ids)
    # source_id -> n, so a reply can point at the message it answers when that one leaves
    numbers: dict[str, int] = {}
    n = 0
    for r in c.execute(
        f"SELECT id, reply_to, source_id, {columns}"
        " FROM messages WHERE conversation_id = ? ORDER BY instant, id",
        (conv.case_id,),
    ):
        if r[0] not in leaving:
            continue
        n += 1
        if r[2]:
            numbers[str(r[2])] = n
        yield n, numbers.get(str(r[1])) if r[1] is not None else None, r


def iter_rows(c: Any, conv: LeavingConversation) -> Iterator[Row]:
    """The leaving entries of one conversation in time order, numbered from 1."""
    by_file, by_import = _source_hashes(c)
    atts = _attachments(c, conv, set(conv.message_ids))
    for n, reply, r in _numbered(
        c,
        conv,
        "identity, kind, event_type, sender, from_owner, wallclock, wallclock_raw, instant,"
        " text, deleted, edited, view_once, media_omitted, forwarded, extra, import_id,"
        " source_file_id",
    ):
        extra_all = json.loads(r[17]) if r[17] else {}
        extra = {k: v for k, v in extra_all.items() if k in EXTRA_KEYS}
        if isinstance(extra_all.get("reactions"), list):
            extra["reaction_count"] = len(extra_all["reactions"])
        sources = [by_file[int(r[19])]] if r[19] is not None and int(r[19]) in by_file else []
        if not sources:
            sources = by_import.get(int(r[18]), [])
        yield Row(
            id=int(r[0]),
            identity=bytes(r[3]).hex() if isinstance(r[3], bytes) else str(r[3]),
            kind=str(r[4]),
            event_type=r[5],
            sender=r[6],
            from_owner=bool(r[7]),
            wallclock=str(r[8]),
            wallclock_raw=r[9],
            instant_ms=int(r[10]),
            text=str(r[11]),
            deleted=bool(r[12]),
            edited=bool(r[13]),
            view_once=bool(r[14]),
            media_omitted=bool(r[15]),
            forwarded=bool(r[16]),
            reply_to=reply,
            extra=extra,
            source_sha256=sources,
            attachments=atts.get(int(r[0]), []),
            n=n,
        )


class PrintRow(NamedTuple):
    """What the PDF transcript prints of an entry (chatsafe/bundle/transcript_pdf.py):
    a :class:`Row` without what only the JSON record carries, read in a third of the
    time."""

    n: int
    kind: str
    event_type: str | None
    sender: str | None
    wallclock: str
    text: str
    deleted: bool
    edited: bool
    view_once: bool
    media_omitted: bool
    forwarded: bool
    reply_to: int | None
    attachments: list[Attachment]


def iter_print_rows(c: Any, conv: LeavingConversation) -> Iterator[PrintRow]:
    """The entries :func:`iter_rows` gives, numbered alike, with what the PDF prints."""
    atts = _attachments(c, conv, set(conv.message_ids))
    none: list[Attachment] = []
    for n, reply, r in _numbered(
        c,
        conv,
        "kind, event_type, sender, wallclock, text, deleted, edited, view_once,"
        " media_omitted, forwarded",
    ):
        yield PrintRow(
            n, str(r[3]), r[4], r[5], str(r[6]), str(r[7]), bool(r[8]), bool(r[9]), bool(r[10]),
            bool(r[11]), bool(r[12]), reply, atts.get(r[0], none),
        )  # fmt: skip


def leaving_files(c: Any, conv: LeavingConversation) -> list[Attachment]:
    """Each attachment file of the conversation's leaving messages, once, with its path."""
    seen: dict[str, Attachment] = {}
    for atts in _attachments(c, conv, set(conv.message_ids)).values():
        for a in atts:
            if a.path is not None and a.path not in seen:
                seen[a.path] = a
    return list(seen.values())


def _attachments(
    c: Any, conv: LeavingConversation, leaving: set[int]
) -> dict[int, list[Attachment]]:
    """Attachments of leaving messages, each present file given one neutral path."""
    out: dict[int, list[Attachment]] = {}
    paths: dict[str, str] = {}  # sha256 -> path: the same file is written once
    for mid, name, mime, blob_id, sha, size, present in c.execute(
        "SELECT a.message_id, a.name, a.mime, a.blob_id, a.sha256, a.size, a.present"
        " FROM attachments a JOIN messages m ON m.id = a.message_id"
        " WHERE m.conversation_id = ? ORDER BY m.instant, m.id, a.position",
        (conv.case_id,),
    ):
        if int(mid) not in leaving:
            continue
        att = Attachment(str(name), mime, bool(present), size, sha, blob_id)
        if att.present and att.blob_id is not None and sha:
            if sha not in paths:
                folder = f"{conv.folder}-attachment-{len(paths) + 1:04d}"
                paths[sha] = f"{folder}/{folder}.{suffix(att.name, mime)}"
            att.path = paths[sha]
        out.setdefault(int(mid), []).append(att)
    return out


def suffix(name: str, mime: str | None) -> str:
    m = _SAFE_SUFFIX.search(name)
    if m:
        return m.group(1).lower()
    return _MIME_SUFFIX.get(mime or "", "bin")


def participants(rows: list[Row]) -> list[tuple[str, bool]]:
    """Names that appear as senders of leaving entries: (name, is_owner).

    Only people who wrote something that leaves are named; a private contact who only
    appears in withheld messages is not.
    """
    seen: dict[str, bool] = {}
    for r in rows:
        if r.sender:
            seen[r.sender] = seen.get(r.sender, False) or r.from_owner
    return sorted(seen.items(), key=lambda kv: (not kv[1], kv[0].casefold()))


def conversation_participants(c: Any, conv: LeavingConversation) -> list[tuple[str, bool]]:
    """:func:`participants` without reading the texts (a cheap pass before the transcript)."""
    leaving = set(conv.message_ids)
    seen: dict[str, bool] = {}
    for mid, sender, owner in c.execute(
        "SELECT id, sender, from_owner FROM messages WHERE conversation_id = ?", (conv.case_id,)
    ):
        if sender and int(mid) in leaving:
            seen[str(sender)] = seen.get(str(sender), False) or bool(owner)
    return sorted(seen.items(), key=lambda kv: (not kv[1], kv[0].casefold()))
