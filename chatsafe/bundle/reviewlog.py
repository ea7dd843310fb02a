"""``metadata/review-log.jsonl``: the case's review log, sealed where it holds user text.

The log is a chain: each canonical line carries the SHA-256 of the line before it. Most
lines name only numbers, labels and settings, and travel as they are. A line with a
written ``reason`` may describe what was withheld ("about my daughter's operation"), so
it travels *sealed*: ``{"hash":…,"sealed":true,"seq":n}`` keeps the line's hash and
nothing else. The chain still verifies: the next line's ``prev`` must equal the sealed
hash, the head must equal bag-info's ``Review-Log-Head``, and if the case later
discloses the original line, it hashes to the sealed value.

(Editing the lines instead would break the chain; shipping them whole would ship the
reasons. Sealing is the only choice that keeps both the chain and the secrets.)

Lines that name a message or conversation by the case's row number (``message:123``)
travel *renamed* (issue 15): the target becomes the URN the transcripts use, or a keyed
URN of the case for what does not leave (``bundle/targets.py``), as do the conversations
an ``import`` line lists; the line then states its own ``hash`` (the case's line's), so
``prev`` links and the head still verify, but its content is no longer bound to that hash
for anyone without the case (which can disclose the original line to prove it). Such
lines carry a random ``nonce`` in the case, dropped when renamed, so the stated hash
cannot be inverted by trying every row number (lines written before the nonce can be).
Lines naming nothing of the case travel whole and are bound as before.

Since issue 10 a line never holds a reason: it holds ``reason_hmac``, a keyed, salted
commitment (chatsafe.review.log), and travels whole. Only lines written before that
(with the reason itself) are still sealed; their hash could be brute-forced when every
other field is guessable, which is why the format changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from chatsafe.review import log


def export_lines(c: Any, names: Callable[[str], str] | None = None) -> tuple[list[str], str, int]:
    """(lines to ship, head hash, number of sealed lines); ``names`` renames a target
    (``targets.Names``)."""
    out: list[str] = []
    sealed = 0
    head = log.GENESIS
    for seq, line, digest in c.execute("SELECT seq, entry, hash FROM review_log ORDER BY seq"):
        head = str(digest)
        obj = json.loads(line)
        if obj.get("reason"):
            out.append(log.canonical({"hash": head, "sealed": True, "seq": int(seq)}))
            sealed += 1
        elif names is not None and _rename(obj, names):
            obj.pop("nonce", None)  # it keeps the stated hash from giving the rows back
            obj["hash"] = head
            out.append(log.canonical(obj))
        else:
            out.append(str(line))
    return out, head, sealed


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
    """Problems in an exported chain, and its head hash."""
    problems: list[str] = []
    prev = log.GENESIS
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
