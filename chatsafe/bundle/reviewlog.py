"""The bundle's review log: the case's log re-expressed so that it names nothing internal.

The case's log is a chain: each canonical line carries the SHA-256 of the line before it
(``chatsafe.review.log``). Its lines name messages and conversations by row number
(``message:123``) and an ``import`` line lists conversation rows; lines written before
issue 15 did so without a nonce, so the SHA-256 of such a line, or the ``prev`` of the
line after it, gives the row number back to anyone trying them all. Lines written before
issue 10 even held a written reason.

So the bundle does not ship the case's chain. Each line travels *re-expressed*, as a
chain of its own (``prev`` is the SHA-256 of the shipped line before it, from the same
genesis; the last line's hash is bag-info's ``Review-Log-Head``):

- a message or conversation that leaves is named by the URN its transcript carries; one
  that does not by a keyed URN of the case (``bundle/targets.py``,
  ``identifiers.withheld_urn``), which no guessed text can be tested against;
- the case's ``prev`` and ``nonce`` are dropped, and ``commit`` is added:
  ``HMAC-SHA-256(k, case line)`` with ``k = HMAC-SHA-256(log secret, "line:<seq>")``, a
  keyed commitment to the case's own line. It does not depend on how the line is named,
  so it is the same in every bundle of the case (a later bundle whose commits do not
  extend an earlier one's shows a rewritten case log), and disclosing one ``k`` with the
  case's line proves that one line without weakening any other;
- a line that held a written reason (before issue 10) travels *sealed*, as
  ``{"commit":…,"prev":…,"sealed":true,"seq":n}``.

Bundles made before this stated the case's line hash instead (``hash``, and the old
sealed form ``{"hash":…,"sealed":true,"seq":n}``); ``verify_exported`` reads both, but a
log is one form or the other.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from typing import Any

from chatsafe.review import log


def export_lines(c: Any, names: Callable[[str], str] | None = None) -> tuple[list[str], str, int]:
    """(lines to ship, the shipped chain's head, number of sealed lines); ``names``
    renames a target (``targets.Names``). Needs the case's log secret
    (``log.secret``, made inside a transaction before)."""
    key = _log_secret(c)
    out: list[str] = []
    sealed = 0
    prev = log.GENESIS
    for seq, line in c.execute("SELECT seq, entry FROM review_log ORDER BY seq"):
        commit = line_commitment(key, int(seq), str(line))
        obj = json.loads(line)
        if obj.get("reason"):
            shipped: dict[str, Any] = {"sealed": True, "seq": int(seq)}
            sealed += 1
        else:
            shipped = obj
            for internal in ("prev", "nonce", "hash", "commit"):
                shipped.pop(internal, None)
            if names is not None:
                _rename(shipped, names)
        shipped |= {"prev": prev, "commit": commit}
        text = log.canonical(shipped)
        out.append(text)
        prev = log.line_hash(text)
    return out, prev, sealed


def line_key(log_secret: bytes, seq: int) -> bytes:
    """The key of one line's commitment (disclosed to prove that one line)."""
    return hmac.new(log_secret, f"line:{seq}".encode(), hashlib.sha256).digest()


def line_commitment(log_secret: bytes, seq: int, line: str) -> str:
    return hmac.new(line_key(log_secret, seq), line.encode("utf-8"), hashlib.sha256).hexdigest()


def _log_secret(c: Any) -> bytes:
    row = c.execute("SELECT value FROM meta WHERE key = 'review_log_secret'").fetchone()
    if row is None:
        raise ValueError("the case has no review-log secret yet (log.secret in a transaction)")
    return bytes.fromhex(str(row[0]))


def _rename(obj: dict[str, Any], names: Callable[[str], str]) -> bool:
    """Rename what ``obj`` says of the case's rows; whether anything changed."""
    changed = False
    target = obj.get("target")
    if isinstance(target, str) and names(target) != target:
        obj["target"] = names(target)
        changed = True
    new = obj.get("new")
    if obj.get("action") == "import" and isinstance(new, dict):
        convs = new.get("conversations")
        if isinstance(convs, list) and convs:
            new["conversations"] = sorted(names(f"conversation:{int(i)}") for i in convs)
            changed = True
    return changed


def verify_exported(lines: list[str]) -> tuple[list[str], str]:
    """Problems in an exported chain, and its head hash. Reads both forms: re-expressed
    lines with ``commit`` (since issue 15) and the case's lines with a stated ``hash``
    (bundles made before); one log holds one form."""
    problems: list[str] = []
    prev = log.GENESIS
    form: bool | None = None  # whether the log's lines carry a commitment
    for n, line in enumerate(lines, start=1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"line {n}: not valid JSON")
            prev = log.line_hash(line)
            continue
        if not isinstance(obj, dict) or log.canonical(obj) != line:
            problems.append(f"line {n}: not a canonical JSON object (edited?)")
            prev = log.line_hash(line)
            continue
        if obj.get("seq") != n:
            problems.append(f"line {n}: sequence number {obj.get('seq')} (a line missing?)")
        committed = "commit" in obj
        if form is None:
            form = committed
        if committed != form or (committed and "hash" in obj):
            problems.append(f"line {n}: mixes the two forms of the review log (edited?)")
        if committed and not (isinstance(obj["commit"], str) and _HEX64.fullmatch(obj["commit"])):
            problems.append(f"line {n}: a commitment that is not a SHA-256 value")
        if obj.get("sealed") is True and set(obj) == {"hash", "sealed", "seq"}:
            digest = obj.get("hash")
            if not isinstance(digest, str) or len(digest) != 64:
                problems.append(f"line {n}: a sealed line without a valid hash")
                digest = log.line_hash(line)
            prev = digest
            continue
        if obj.get("prev") != prev:
            problems.append(f"line {n}: does not follow the line before it (edited or removed?)")
        if "hash" in obj:  # renamed: the case's line's hash, stated (see above)
            digest = obj["hash"]
            if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
                problems.append(f"line {n}: a renamed line without a valid hash")
                digest = log.line_hash(line)
            prev = digest
            continue
        prev = log.line_hash(line)
    return problems, prev


_HEX64 = re.compile(r"[0-9a-f]{64}")


def chain_hashes(lines: list[str]) -> set[str]:
    """The hash each line of an exported chain stands for (as ``verify_exported`` links
    them), with the genesis: the heads the log had along the way."""
    out = {log.GENESIS}
    for line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        stated = obj.get("hash") if isinstance(obj, dict) and "commit" not in obj else None
        out.add(stated if isinstance(stated, str) else log.line_hash(line))
    return out
