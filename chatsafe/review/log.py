"""The review log: every decision, hash-chained so that an edit or a deletion shows.

Each entry is one canonical JSON object (sorted keys, no spaces, UTF-8) that carries the
SHA-256 of the previous entry's line in ``prev``; the entry's own hash is the SHA-256 of
its line. Entries name conversations and messages by number, never by content.

Written reasons never go into a line (issue 10). A line holds ``reason_hmac``, a keyed,
salted commitment: ``HMAC-SHA-256(k, reason)`` with ``k = HMAC-SHA-256(log secret,
"reason:<seq>")``; the reason itself stays in the case (``review_reasons``). So the
lines can travel whole in a bundle and nobody can test guesses against them, and
disclosing one reason with its ``k`` proves it without weakening any other. (Lines
written before this held the reason itself; they still travel sealed.)

Each stored entry also carries ``mac = HMAC-SHA-256(log secret, "<seq>:<hash>")``: a
log whose decision was deleted and whose chain was recomputed does not verify without
the case's secret. (Whoever holds the opened case can read that secret; what makes a
rewrite visible to others is the head every bundle and every signed approval carries.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from chatsafe.store.case import now_iso

GENESIS = "0" * 64
_NAMES_ROWS = re.compile(r"(message|conversation):\d+")


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(obj: dict[str, Any]) -> str:
    return _CANONICAL.encode(obj)


def line_hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def secret(c: Any) -> bytes:
    """The case's review-log secret, made on first use inside the caller's transaction."""
    row = c.execute("SELECT value FROM meta WHERE key = 'review_log_secret'").fetchone()
    if row is None:
        c.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES('review_log_secret', ?)",
            (os.urandom(32).hex(),),
        )
        row = c.execute("SELECT value FROM meta WHERE key = 'review_log_secret'").fetchone()
    return bytes.fromhex(str(row[0]))


def reason_key(log_secret: bytes, seq: int) -> bytes:
    """The key of one entry's reason commitment (disclosed to prove that one reason)."""
    return hmac.digest(log_secret, f"reason:{seq}".encode(), "sha256")


def reason_commitment(key: bytes, reason: str) -> str:
    return hmac.digest(key, reason.encode("utf-8"), "sha256").hex()


def _mac(log_secret: bytes, seq: int, digest: str) -> str:
    # hmac.digest: the one-shot C path, several times faster than hmac.new per entry.
    return hmac.digest(log_secret, f"{seq}:{digest}".encode(), "sha256").hex()


def reason_of(c: Any, seq: int) -> str | None:
    """The written reason of entry ``seq`` (kept in the case, never in the line)."""
    row = c.execute("SELECT reason FROM review_reasons WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


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
    return append_many(
        c,
        [{"actor": actor, "role": role, "action": action, "target": target, "old": old,
          "new": new, "reason": reason}],
    )  # fmt: skip


def append_many(c: Any, decisions: Iterable[Mapping[str, Any]]) -> str:
    """Add one entry per decision (keys ``actor``, ``role``, ``action``, ``target``,
    ``old``, ``new``, ``reason``), in order, inside the caller's transaction; returns the
    newest hash. The same lines as one :func:`append` each: a bulk mark of 200,000
    messages logs 200,000 decisions, but reads the head and the secret once and writes
    them in one statement (issue 14)."""
    row = c.execute("SELECT seq, hash FROM review_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (0, GENESIS) if row is None else (int(row[0]), str(row[1]))
    key = secret(c)
    at = now_iso()
    rows: list[tuple[int, str, str, str]] = []
    reasons: list[tuple[int, str]] = []
    decisions = list(decisions)
    # 16 fresh random bytes per entry, read from the OS in one call, not one each.
    nonces = os.urandom(16 * len(decisions)).hex()
    for n, d in enumerate(decisions):
        seq += 1
        target, action, reason = d["target"], d["action"], d.get("reason")
        entry = {
            "seq": seq,
            "at": at,
            "actor": d["actor"],
            "role": d["role"],
            "action": action,
            "target": target,
            "old": d.get("old"),
            "new": d.get("new"),
            "reason": None,
            "prev": prev,
        }
        if _NAMES_ROWS.fullmatch(target) or action == "import":
            # The bundle ships such a line renamed (row numbers become URNs) with this
            # line's hash stated; without a nonce that hash would give the row number
            # back to anyone trying them all (bundle/reviewlog.py).
            entry["nonce"] = nonces[32 * n : 32 * n + 32]
        if reason:
            entry["reason_hmac"] = reason_commitment(reason_key(key, seq), reason)
            reasons.append((seq, reason))
        line = canonical(entry)
        prev = line_hash(line)
        rows.append((seq, line, prev, _mac(key, seq, prev)))
    c.executemany("INSERT INTO review_log(seq, entry, hash, mac) VALUES(?, ?, ?, ?)", rows)
    if reasons:
        c.executemany("INSERT INTO review_reasons(seq, reason) VALUES(?, ?)", reasons)
    return prev


def entries(c: Any) -> list[str]:
    return [str(r[0]) for r in c.execute("SELECT entry FROM review_log ORDER BY seq")]


def _link(n: int, line: str, prev: str, problems: list[str]) -> str:
    """Check line ``n`` of a chain against the hash of the line before; its own hash."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        problems.append(f"entry {n}: not valid JSON")
        return line_hash(line)
    if not isinstance(obj, dict):
        problems.append(f"entry {n}: not a JSON object")
    elif canonical(obj) != line:
        problems.append(f"entry {n}: not in canonical form (edited?)")
    elif obj.get("seq") != n:
        problems.append(f"entry {n}: sequence number {obj.get('seq')} (entry missing?)")
    elif obj.get("prev") != prev:
        problems.append(f"entry {n}: does not follow the entry before it (edited or removed?)")
    return line_hash(line)


def verify_lines(lines: list[str]) -> list[str]:
    """Problems in a chain of canonical lines; empty when the chain holds."""
    problems: list[str] = []
    prev = GENESIS
    for n, line in enumerate(lines, start=1):
        prev = _link(n, line, prev, problems)
    return problems


def _log_key(c: Any) -> bytes | None:
    row = c.execute("SELECT value FROM meta WHERE key = 'review_log_secret'").fetchone()
    return bytes.fromhex(str(row[0])) if row else None


def _stored(
    seq: int, line: str, digest: str, mac: Any, key: bytes | None, keyed: bool, problems: list[str]
) -> bool:
    """Check one stored entry's hash and key; whether the keyed format has begun."""
    if line_hash(line) != digest:
        problems.append(f"entry {seq}: its content does not match its hash (edited?)")
    if mac is not None:
        if key is None or not hmac.compare_digest(str(mac), _mac(key, int(seq), digest)):
            problems.append(f"entry {seq}: not keyed with this case's secret (rewritten?)")
        return True
    if keyed:  # entries before the keyed format have none; none may follow one
        problems.append(f"entry {seq}: not keyed with this case's secret (inserted?)")
    return keyed


def verify(c: Any) -> list[str]:
    """Check the case's log: every stored hash and every link of the chain."""
    problems: list[str] = []
    lines: list[str] = []
    key = _log_key(c)
    keyed = False
    for seq, line, digest, mac in c.execute(
        "SELECT seq, entry, hash, mac FROM review_log ORDER BY seq"
    ):
        keyed = _stored(seq, line, digest, mac, key, keyed, problems)
        lines.append(line)
    return problems + verify_lines(lines)


class ChainCheck:
    """The same check as :func:`verify`, a piece at a time.

    The app checks the log each time a case opens, on its one worker thread; a case
    with 600,000 log lines (one per message after a bulk mark of 200,000) took about
    16 s, and every read the user asked for in that time (opening a conversation)
    waited behind it. Checked in pieces, each submitted after the one before, the
    user's reads run in between. The problems are the same as :func:`verify`'s, in
    the order the entries are met.
    """

    SIZE = 20_000  # entries per piece: about half a second of checking

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.done = False
        self._key: bytes | None = None
        self._keyed = False
        self._last = 0  # the last stored seq checked
        self._n = 0  # the number of lines checked: the next line must be number n + 1
        self._prev = GENESIS

    def step(self, c: Any, size: int | None = None) -> bool:
        """Check up to ``size`` more entries; whether the whole log has been checked."""
        size = size or self.SIZE
        if self._n == 0:
            self._key = _log_key(c)
        rows = c.execute(
            "SELECT seq, entry, hash, mac FROM review_log WHERE seq > ? ORDER BY seq LIMIT ?",
            (self._last, size),
        ).fetchall()
        for seq, line, digest, mac in rows:
            self._keyed = _stored(seq, line, digest, mac, self._key, self._keyed, self.problems)
            self._n += 1
            self._prev = _link(self._n, line, self._prev, self.problems)
            self._last = int(seq)
        self.done = len(rows) < size
        return self.done
