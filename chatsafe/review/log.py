"""The review log: every decision, hash-chained so that an edit or a deletion shows.

Each entry is one canonical JSON object (sorted keys, no spaces, UTF-8) that carries the
SHA-256 of the previous entry's line in ``prev``; the entry's own hash is the SHA-256 of
its line. Entries name conversations and messages by number, never by content.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from chatsafe.store.case import now_iso

GENESIS = "0" * 64


def canonical(obj: dict[str, Any]) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def line_hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def head(c: Any) -> str:
    """The hash of the newest entry (GENESIS for an empty log)."""
    row = c.execute("SELECT hash FROM review_log ORDER BY seq DESC LIMIT 1").fetchone()
    return GENESIS if row is None else str(row[0])


def append(
    c: Any,
    *,
    actor: str,
    role: str,
    action: str,
    target: str,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> str:
    """Add one entry inside the caller's transaction; returns its hash."""
    row = c.execute("SELECT seq, hash FROM review_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if row is None else (int(row[0]) + 1, str(row[1]))
    entry = {
        "seq": seq,
        "at": now_iso(),
        "actor": actor,
        "role": role,
        "action": action,
        "target": target,
        "old": old,
        "new": new,
        "reason": reason,
        "prev": prev,
    }
    line = canonical(entry)
    digest = line_hash(line)
    c.execute("INSERT INTO review_log(seq, entry, hash) VALUES(?, ?, ?)", (seq, line, digest))
    return digest


def entries(c: Any) -> list[str]:
    return [str(r[0]) for r in c.execute("SELECT entry FROM review_log ORDER BY seq")]


def verify_lines(lines: list[str]) -> list[str]:
    """Problems in a chain of canonical lines; empty when the chain holds."""
    problems: list[str] = []
    prev = GENESIS
    for n, line in enumerate(lines, start=1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"entry {n}: not valid JSON")
            prev = line_hash(line)
            continue
        if not isinstance(obj, dict):
            problems.append(f"entry {n}: not a JSON object")
        elif canonical(obj) != line:
            problems.append(f"entry {n}: not in canonical form (edited?)")
        elif obj.get("seq") != n:
            problems.append(f"entry {n}: sequence number {obj.get('seq')} (entry missing?)")
        elif obj.get("prev") != prev:
            problems.append(f"entry {n}: does not follow the entry before it (edited or removed?)")
        prev = line_hash(line)
    return problems


def verify(c: Any) -> list[str]:
    """Check the case's log: every stored hash and every link of the chain."""
    problems: list[str] = []
    lines: list[str] = []
    for seq, line, digest in c.execute("SELECT seq, entry, hash FROM review_log ORDER BY seq"):
        if line_hash(line) != digest:
            problems.append(f"entry {seq}: its content does not match its hash (edited?)")
        lines.append(line)
    return problems + verify_lines(lines)
