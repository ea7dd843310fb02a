"""How the bundle's evidence names the case's messages and conversations.

The case's review log names them by row number (``message:123``, ``conversation:7``),
which nothing outside the case maps. In a bundle they are named by the URNs the
transcripts and sidecars use (``chatsafe/identifiers.py``) when they leave, and by a
keyed URN of the case (``identifiers.withheld_urn``) when they do not: the public URN of
a withheld message would let anyone test a guessed text against it.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from chatsafe import identifiers
from chatsafe.bundle import exclusions
from chatsafe.bundle.payload import LeavingConversation

_TARGET = re.compile(r"(message|conversation):(\d+)")


class Names:
    """Target text of the case's log -> the bundle's name for it."""

    def __init__(self, c: Any, case_id: uuid.UUID, leaving: list[LeavingConversation]) -> None:
        self._c = c
        self._case_id = case_id
        self._secret = exclusions.commitment_secret(c)
        self._messages = {m for conv in leaving for m in conv.message_ids}
        self._conversations = {conv.case_id for conv in leaving}

    def __call__(self, target: str) -> str:
        m = _TARGET.fullmatch(target)
        if m is None:
            return target  # settings, lexicons, imports, the bundle: not case rows
        row_id = int(m.group(2))
        if m.group(1) == "message":
            return self.message(row_id)
        return self.conversation(row_id)

    def message(self, row_id: int) -> str:
        row = self._c.execute("SELECT identity FROM messages WHERE id = ?", (row_id,)).fetchone()
        if row is None:  # no longer in the case: still a name, of nothing
            return identifiers.withheld_urn(self._secret, "gone-message", str(row_id))
        identity = exclusions.identity_text(row[0])
        if row_id in self._messages:
            return identifiers.message_urn(self._case_id, bytes.fromhex(identity))
        return identifiers.withheld_urn(self._secret, "message", identity)

    def conversation(self, row_id: int) -> str:
        row = self._c.execute(
            "SELECT source_format, key FROM conversations WHERE id = ?", (row_id,)
        ).fetchone()
        if row is None:
            return identifiers.withheld_urn(self._secret, "gone-conversation", str(row_id))
        fmt, key = str(row[0]), str(row[1])
        if row_id in self._conversations:
            return identifiers.conversation_urn(self._case_id, fmt, key)
        return identifiers.withheld_urn(self._secret, "conversation", fmt, key)
