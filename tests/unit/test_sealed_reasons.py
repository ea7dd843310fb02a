"""Reasons that cannot be guessed (issue 10): a dictionary attack on a bundle's review
log and exclusions finds no written reason, even for an adversary who knows every other
field of every line; a disclosed reason can still be proven."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from pathlib import Path

import pytest

from chatsafe.bundle import builder, evidence, signing
from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import Role
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    Certs,
    build_case,
    bundle_bytes,
    message_ids,
)
from tests.unit.test_review_decisions import spec

REASONS = ("gezin", "tandarts")
_ROOT = Path(__file__).resolve().parents[2]


def dutch_words(n: int = 10_000) -> list[str]:
    """n Dutch words: the lexicon's, common ones, and compounds of them; the real reasons
    are among them, so a search that cannot find them proves the commitments hold."""
    base = [w.strip() for w in (_ROOT / "resources/lexicons/nl.txt").read_text().split()]
    base += (
        "gezin tandarts huisarts ziekenhuis vakantie verjaardag familie school kinderen oma "
        "opa moeder vader zus broer dokter kerk sport voetbal tennis feest bruiloft "
        "begrafenis verhuizing kapper garage bank hypotheek belasting privé persoonlijk "
        "partij congres campagne stemadvies fractie vergadering overleg"
    ).split()
    words = list(dict.fromkeys(w.lower() for w in base if w.isalpha()))
    for a, b in itertools.product(words, repeat=2):
        if len(words) >= n:
            break
        words.append(a + b)
    return words[:n]


def test_a_dictionary_attack_finds_no_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    with case.transaction() as c:
        for text, reason in zip(("PRIVE-TEKST", "ZAKELIJK"), REASONS, strict=True):
            labels.label_messages(
                c, message_ids(case, text), Label.PRIVATE, by="M", role=Role.MINISTER,
                reason=reason,
            )  # fmt: skip
    in_case = [json.loads(line) for line in log.entries(case.conn)]
    out = tmp_path / "b.zip"
    builder.make_bundle(
        case, out, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), by="M", role="minister"
    )
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    shipped = files[evidence.path(evidence.REVIEW_LOG, ".jsonl")].decode().splitlines()
    everything = b"\n".join(files.values())
    words = dutch_words()
    assert len(words) == 10_000 and set(REASONS) <= set(words)

    # What the bundle offers to test a guess against: every hash, commitment and sealed
    # value in the review log and the exclusion register.
    targets: set[str] = set()
    for line in shipped:
        obj = json.loads(line)
        targets |= {
            str(v) for k, v in obj.items() if k in ("hash", "prev", "reason_hmac", "commit")
        }
    targets |= {
        m.decode()
        for m in re.findall(rb"[0-9a-f]{64}", files[evidence.path(evidence.EXCLUSIONS, ".json")])
    }
    found = []
    for entry in in_case:
        if not entry.get("reason_hmac") and not entry.get("reason"):
            continue
        for word in words:
            # The strongest adversary knows every other field of the line.
            guess = {**entry, "reason": word}
            guess.pop("reason_hmac", None)
            candidates = {
                log.line_hash(log.canonical(guess)),
                log.line_hash(log.canonical({**entry, "reason_hmac": word})),
                hashlib.sha256(word.encode()).hexdigest(),
                hashlib.sha256(f"{entry['seq']}:{word}".encode()).hexdigest(),
            }
            if candidates & targets:
                found.append(word)
    assert found == []
    for reason in REASONS:
        assert reason.encode() not in everything
    # The case can still disclose one reason and prove it, and only that one.
    secret = log.secret(case.conn)
    committed = [e for e in in_case if e.get("reason_hmac")]
    assert len(committed) == 2
    for entry in committed:
        reason = log.reason_of(case.conn, entry["seq"])
        key = log.reason_key(secret, entry["seq"])
        assert log.reason_commitment(key, str(reason)) == entry["reason_hmac"]
        assert entry["reason_hmac"] in shipped[entry["seq"] - 1]
    case.close()


def test_deleting_a_decision_and_recomputing_the_chain_is_detected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "PRIVE-TEKST"), Label.PRIVATE, by="M", role=Role.MINISTER
        )
        labels.label_messages(
            c, message_ids(case, "ZAKELIJK"), Label.PRIVATE, by="M", role=Role.MINISTER
        )
    assert log.verify(case.conn) == []
    # The adversary deletes the first mark and recomputes every later line and hash.
    with case.transaction() as c:
        rows = c.execute("SELECT seq, entry FROM review_log ORDER BY seq").fetchall()
        victim = next(int(s) for s, e in rows if '"action":"label"' in e)
        c.execute("DELETE FROM review_log WHERE seq >= ?", (victim,))
        prev = c.execute("SELECT hash FROM review_log WHERE seq = ?", (victim - 1,)).fetchone()[0]
        for seq, line in rows:
            if int(seq) <= victim:
                continue
            obj = {**json.loads(line), "seq": int(seq) - 1, "prev": prev}
            text = log.canonical(obj)
            prev = log.line_hash(text)
            c.execute(
                "INSERT INTO review_log(seq, entry, hash) VALUES(?, ?, ?)",
                (int(seq) - 1, text, prev),
            )
    problems = log.verify(case.conn)
    assert problems and any("not keyed" in p for p in problems)
    case.close()
