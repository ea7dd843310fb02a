"""One chat from several sources: an "Export chat" file and the app's own database.

WhatsApp's export and its databases (Android ``msgstore.db``, iPhone/Mac
``ChatStorage.sqlite``) describe the same chats. Imported side by side they must be one
conversation, each message once, with the marks already made kept:

- **Conversation.** A WhatsApp conversation from one source joins the existing
  WhatsApp conversation of another source with the same JID (the two databases), else
  with the same title (the contact's name or the group's subject, as the phone shows
  it), when exactly one such conversation exists. The newcomer's key is kept as an alias, so later imports of that source land
  in the same conversation without matching again.
- **Message.** A message with WhatsApp's own id (databases) is the row that already
  carries that id. Otherwise it is matched by (sender, wall-clock minute, text), the
  owner's messages by "from the owner" rather than by name (exports and databases name
  the owner differently). A database message that matches an export row gives that row
  its native id: the row, its identity and its marks stay; nothing is inserted.

Existing identities never change (:func:`chatsafe.ingest.message_identity` is untouched):
a case imported before reconciliation existed reads the same.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict, deque
from typing import Any

from chatsafe.domain import ParsedConversation, ParsedMessage

WHATSAPP_FAMILY = frozenset({"whatsapp", "whatsapp-android", "whatsapp-ios"})
_OWNER = "\x00owner"


def alias(c: Any, conv: ParsedConversation) -> int | None:
    row = c.execute(
        "SELECT conversation_id FROM conversation_aliases WHERE source_format = ? AND key = ?",
        (conv.source_format, conv.key),
    ).fetchone()
    return int(row[0]) if row else None


def find_partner(c: Any, conv: ParsedConversation) -> int | None:
    """The one conversation of another source of the same app and title, if unambiguous."""
    if conv.source_format not in WHATSAPP_FAMILY or not conv.title:
        return None
    others = sorted(WHATSAPP_FAMILY - {conv.source_format})
    # The databases key a chat by its JID: the same JID is the same chat, whatever the
    # title (Android shows numbers where the iPhone shows names).
    rows = c.execute(
        "SELECT id FROM conversations WHERE key = ? AND source_format IN (?, ?) AND key LIKE '%@%'",
        (conv.key, *others),
    ).fetchall()
    if not rows:
        rows = c.execute(
            "SELECT id FROM conversations WHERE title = ? AND source_format IN (?, ?)",
            (conv.title, *others),
        ).fetchall()
    if len(rows) != 1:
        return None  # none, or ambiguous: two chats with one name stay apart
    conv_id = int(rows[0][0])
    c.execute(
        "INSERT OR IGNORE INTO conversation_aliases(source_format, key, conversation_id)"
        " VALUES(?, ?, ?)",
        (conv.source_format, conv.key, conv_id),
    )
    return conv_id


def _content(from_owner: bool, sender: str | None, wallclock: str, text: str) -> bytes:
    # A digest, not the text: the matcher holds a key for every row of the conversation,
    # and holding their texts would hold the whole conversation (issue 12).
    who = _OWNER if from_owner else (sender or "")
    key = "\x1f".join((who, wallclock[:16], text.strip()))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Matcher:
    """The rows already in a conversation, for matching one import's messages against."""

    def __init__(self, c: Any, conversation_id: int, owner: str | None) -> None:
        self.c = c
        self.owner = owner
        self.native: dict[str, int] = {}
        self.plain: dict[bytes, deque[int]] = defaultdict(deque)  # no native id
        self.with_id: dict[bytes, deque[int]] = defaultdict(deque)
        for row_id, source_id, from_owner, sender, wallclock, text in c.execute(
            "SELECT id, source_id, from_owner, sender, wallclock, text FROM messages"
            " WHERE conversation_id = ? AND kind = 'message' ORDER BY instant, id",
            (conversation_id,),
        ):
            key = _content(bool(from_owner), sender, wallclock, text or "")
            if source_id:
                self.native[str(source_id)] = int(row_id)
                self.with_id[key].append(int(row_id))
            else:
                self.plain[key].append(int(row_id))
        self.matched = 0

    def match(self, msg: ParsedMessage) -> bool:
        """True when ``msg`` is already a row here (and then nothing is to be inserted)."""
        if msg.kind.value != "message":
            return False
        from_owner = msg.from_owner if msg.from_owner is not None else msg.sender == self.owner
        key = _content(bool(from_owner), msg.sender, msg.wallclock, msg.text)
        if msg.source_id is not None:
            if msg.source_id in self.native:
                self.matched += 1
                return True
            queue = self.plain.get(key)
            if not queue:
                return False
            row_id = queue.popleft()
            # The export's row learns the database's id: same row, same marks.
            self.c.execute("UPDATE messages SET source_id = ? WHERE id = ? AND source_id IS NULL",
                           (msg.source_id, row_id))  # fmt: skip
            self.native[msg.source_id] = row_id
            self.matched += 1
            return True
        queue = self.with_id.get(key)
        if not queue:
            return False
        queue.popleft()
        self.matched += 1
        return True
