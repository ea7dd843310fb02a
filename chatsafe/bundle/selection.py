"""What an approval covers: the exact set of entries that would leave, and the settings.

- The *selection digest* is the SHA-256 of the leaving entries' identities with their
  effective label, the settings and the period. Any import, mark, rule or setting that
  changes what leaves (or under which settings) gives another digest: the case compares
  it with the approval's and treats a differing approval as void. Open doubts are part
  of it too (chatsafe.review.doubts), so a new doubt voids an approval.
- The *leaving digest* is the SHA-256 of the sorted message URNs (one per line) of the
  leaving entries. The bundle's transcripts carry the same URNs as ``id``, so ``verify``
  recomputes it from the bundle alone and tells whether the approval covers exactly
  what the bundle holds.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from chatsafe import identifiers
from chatsafe.review import doubts
from chatsafe.review.summary import leaving_message_ids, period


def leaving_digest(urns: Iterable[str]) -> str:
    """SHA-256 (hex) of the sorted URNs, each followed by a newline."""
    h = hashlib.sha256()
    for urn in sorted(urns):
        h.update(urn.encode("utf-8") + b"\n")
    return h.hexdigest()


def _leaving_identities(c: Any) -> Iterator[bytes]:
    for (cid,) in c.execute("SELECT id FROM conversations ORDER BY id").fetchall():
        ids = leaving_message_ids(c, int(cid))
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for (identity,) in c.execute(
                f"SELECT identity FROM messages WHERE id IN ({marks})", part
            ):
                yield bytes(identity)


def selection_digest(c: Any) -> str:
    """The digest an approval must match to hold (see the module's docstring)."""
    settings = {str(k): str(v) for k, v in c.execute("SELECT key, value FROM settings")}
    start, end = period(c)
    # Every leaving entry's effective label is business by definition; it is named so
    # that the digest says what it covers.
    leaving = sorted(i.hex() + ":business" for i in _leaving_identities(c))
    chosen: dict[str, object] = {"leaving": leaving, "period": [start, end], "settings": settings}
    # An open doubt is a change like a mark: it voids an approval. Named only when there
    # is one, so the digests of cases without doubts stay what they were.
    in_doubt = doubts.open_targets(c)
    if in_doubt:
        chosen["doubts"] = in_doubt
    text = json.dumps(
        chosen,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compute(c: Any, case_id: uuid.UUID) -> dict[str, Any]:
    """The selection as an approval statement records it."""
    urns = [identifiers.message_urn(case_id, i) for i in _leaving_identities(c)]
    start, end = period(c)
    return {
        "leaving_digest": leaving_digest(urns),
        "leaving_count": len(urns),
        "period": {"start": start, "end": end},
        "selection_digest": selection_digest(c),
    }
