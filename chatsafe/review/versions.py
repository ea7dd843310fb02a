"""Edited messages: a later export's edited text is a version of the message it edits.

WhatsApp's text export shows only the newest text of an edited message, with an
"edited" marker. Re-imported, that text has a new identity, so without this module it
would be a new message with no mark: business, and it would leave although the earlier
version was marked private. A new message that carries the edited marker is linked to
the earlier version of the same conversation, sender and wall-clock minute that the new
export no longer holds; both texts stay in the case as edit history, and the new version
inherits the earlier one's mark (see ``EFFECTIVE_LABEL_SQL``). A mark given to any
version applies to all of them (:func:`version_groups`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from chatsafe.review import batches

#: A stored candidate's row (id, sender, wallclock, text, deleted, edit_of, attachment
#: names joined by U+001F, source_id, identity) -> was it in the new export too?
Reappeared = Callable[[tuple[Any, ...]], bool]
_DAY_AND_A_HALF_MS = 36 * 3600 * 1000  # more than any two zones' offsets apart (26 h)


def link_edits(c: Any, conversation_id: int, import_id: int, reappeared: Reappeared) -> int:
    """Link this import's edited messages to their earlier versions; returns how many."""
    linked = 0
    new_edits = c.execute(
        "SELECT id, sender, wallclock, instant FROM messages WHERE conversation_id = ?"
        " AND import_id = ? AND edited = 1 AND kind = 'message' AND edit_of IS NULL",
        (conversation_id, import_id),
    ).fetchall()
    for mid, sender, wallclock, instant in new_edits:
        candidates = c.execute(
            "SELECT m.id, m.sender, m.wallclock, m.text, m.deleted, m.edit_of,"
            " (SELECT group_concat(name, char(31)) FROM (SELECT name FROM attachments"
            "  WHERE message_id = m.id ORDER BY position)), m.source_id, m.identity"
            " FROM messages m WHERE m.conversation_id = ?"
            # The same wall-clock minute is within a day of the same instant whatever zone
            # either import assumed: the range keeps this an index lookup, not a scan of
            # the whole conversation per edited message (quadratic on big chats).
            " AND m.instant BETWEEN ? AND ?"
            " AND m.import_id != ?"
            " AND m.kind = 'message' AND m.sender IS ? AND substr(m.wallclock, 1, 16) = ?"
            " ORDER BY m.id",
            (
                conversation_id,
                int(instant) - _DAY_AND_A_HALF_MS,
                int(instant) + _DAY_AND_A_HALF_MS,
                import_id,
                sender,
                str(wallclock)[:16],
            ),
        ).fetchall()
        gone = [r for r in candidates if not reappeared(r)]
        if not gone:
            continue
        first = gone[0]
        root = int(first[5]) if first[5] is not None else int(first[0])
        c.execute("UPDATE messages SET edit_of = ? WHERE id = ?", (root, int(mid)))
        linked += 1
    return linked


def version_groups(c: Any, message_ids: Sequence[int]) -> tuple[list[int], list[int]]:
    """Every version of each of these messages (itself included), and the ids that name
    no message.

    In the order asked: each message's versions in id order, where the message (or an
    earlier one of its versions) first appears, each id once; an id that names no message
    stands alone in its place. One query per piece of ids (issue 14).
    """
    group: dict[int, None] = {}
    missing: list[int] = []
    for piece in batches.pieces(message_ids):
        rows = c.execute(
            "WITH asked(pos, id) AS (SELECT key, value FROM json_each(?)),"
            " roots(pos, root, missing) AS (SELECT min(a.pos), coalesce(m.edit_of, m.id, a.id),"
            "  m.id IS NULL FROM asked a LEFT JOIN messages m ON m.id = a.id GROUP BY 2)"
            " SELECT pos, root, missing FROM roots"
            " UNION ALL SELECT r.pos, v.id, 0 FROM roots r JOIN messages v ON v.edit_of = r.root"
            " ORDER BY 1, 2",
            (batches.id_list(piece),),
        )
        for _pos, mid, absent in rows:
            group.setdefault(int(mid))
            if absent:
                missing.append(int(mid))
    return list(group), missing
