"""The bundle's review log names nothing internal (issue 15): lines the case wrote before
review-log nonces existed name rows (``message:3``) under a plain SHA-256; the bundle
re-expresses every line as a chain of its own with a keyed commitment to the case's
line, so trying every row number finds nothing, a withheld message's exact text cannot
be matched, and the case can still prove any one line by disclosing its key."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from pathlib import Path
from typing import Any

import pytest

from chatsafe import identifiers
from chatsafe.bundle import approval, builder, evidence, exclusions, reviewlog, signing
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import Role
from chatsafe.store.case import now_iso
from tests import pki
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    Certs,
    build_case,
    bundle_bytes,
    message_ids,
)

HEX64 = re.compile(rb"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")
PRIVATE_TEXT = "PRIVE: de operatie van mijn dochter"
REASON = "ziekenhuisbezoek dochter"


def spec() -> list[dict[str, Any]]:
    texts = ["Zakelijk: de begroting", PRIVATE_TEXT, "Zakelijk: de kamerbrief"]
    return [
        {
            "key": "overleg",
            "title": "Overleg",
            "messages": [
                {"sender": "A", "wallclock": f"2024-02-01T08:0{i}:00", "text": t}
                for i, t in enumerate(texts)
            ],
        }
    ]


def append_old_style(
    c: Any, *, action: str, target: str, new: Any, reason: str | None = None
) -> None:
    """A line as chatsafe wrote it before review-log nonces: no ``nonce``, so its SHA-256
    is a function of the row number alone once every other field is known."""
    seq, prev = c.execute("SELECT seq, hash FROM review_log ORDER BY seq DESC LIMIT 1").fetchone()
    entry = {
        "seq": int(seq) + 1,
        "at": now_iso(),
        "actor": "Minister",
        "role": "minister",
        "action": action,
        "target": target,
        "old": None,
        "new": new,
        "reason": reason,  # before issue 10 the written reason itself
        "prev": str(prev),
    }
    line = log.canonical(entry)
    digest = log.line_hash(line)
    c.execute(
        "INSERT INTO review_log(seq, entry, hash, mac) VALUES(?, ?, ?, ?)",
        (int(seq) + 1, line, digest, log._mac(log.secret(c), int(seq) + 1, digest)),
    )


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory, certs: Certs) -> Any:
    tmp = tmp_path_factory.mktemp("log")
    with pytest.MonkeyPatch.context() as mp:
        case = build_case(tmp / "c.chatsafe", spec(), mp)
    private = message_ids(case, "PRIVE:")
    business = message_ids(case, "Zakelijk: de begroting")
    with case.transaction() as c:
        # Old-style decisions naming a withheld and a leaving message; then the mark
        # itself, as chatsafe writes it now.
        for mid, label in ((private[0], "private"), (business[0], "business")):
            append_old_style(c, action="label", target=f"message:{mid}", new=label)
        append_old_style(
            c, action="label", target=f"message:{private[0]}", new="private", reason=REASON
        )
        labels.label_messages(c, private, Label.PRIVATE, by="Minister", role=Role.MINISTER)
    assert log.verify(case.conn) == []
    out = tmp / "b.zip"
    builder.make_bundle(
        case, out, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), by="Minister", role="minister"
    )
    yield case, out, private[0], business[0]
    case.close()


def _shipped(out: Path) -> list[str]:
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    return files[evidence.path(evidence.REVIEW_LOG, ".jsonl")].decode().splitlines()


def test_the_bundle_verifies_and_its_log_is_its_own_chain(bundled: Any, certs: Certs) -> None:
    case, out, _, _ = bundled
    report = verify_bundle(out, certs.ca_pem)
    assert report.ok, report.text()
    lines = _shipped(out)
    problems, head = reviewlog.verify_exported(lines)
    assert problems == []
    assert (
        f"Review-Log-Head: {head}"
        in bundle_bytes(out)[f"{report.info['bag']}/bag-info.txt"].decode()
    )
    case_lines = log.entries(case.conn)
    assert len(lines) <= len(case_lines)
    for shipped in lines:
        obj = json.loads(shipped)
        assert "nonce" not in obj and "hash" not in obj
        # The case discloses one line's key: the commitment proves that line.
        seq = obj["seq"]
        key = reviewlog.line_key(log.secret(case.conn), seq)
        assert (
            obj["commit"] == hmac.new(key, case_lines[seq - 1].encode(), hashlib.sha256).hexdigest()
        )


def test_trying_every_row_number_against_an_old_style_line_finds_nothing(bundled: Any) -> None:
    case, out, private, business = bundled
    everything = b"\n".join(bundle_bytes(out).values())
    # Every 64-hex value the bundle holds: hashes, commitments, digests.
    values = {m.decode() for m in HEX64.findall(everything)}
    rows = int(case.conn.execute("SELECT max(id) FROM messages").fetchone()[0]) + 50
    lines = [json.loads(x) for x in _shipped(out)]
    old_style = [e for e in lines if e.get("action") == "label" and "prev" in e]
    assert old_style
    found = []
    for entry in old_style:
        base = {k: v for k, v in entry.items() if k not in ("commit", "hash")}
        for prev in values | {log.GENESIS}:
            for n in range(1, rows):
                for kind in ("message", "conversation"):
                    guess = log.canonical({**base, "target": f"{kind}:{n}", "prev": prev})
                    if log.line_hash(guess) in values:
                        found.append((entry["seq"], n))
    assert found == []
    # Nor does any line name a row in the clear.
    assert not re.search(r"(message|conversation):\d", "\n".join(_shipped(out)))
    assert private and business


def test_a_withheld_messages_exact_text_cannot_be_matched(bundled: Any) -> None:
    case, out, private, _ = bundled
    everything = b"\n".join(bundle_bytes(out).values())
    (identity,) = case.conn.execute(
        "SELECT identity FROM messages WHERE id = ?", (private,)
    ).fetchone()
    hexid = exclusions.identity_text(identity)
    # What anyone who guessed the text, sender and time exactly can compute: the
    # message's identity and its public URN (the case's UUID is in every bundle).
    guessed = [hexid, identifiers.message_urn(case.id, bytes.fromhex(hexid)), PRIVATE_TEXT]
    for value in guessed:
        assert value.encode() not in everything
    # It is named, by the keyed URN only the case can compute.
    secret = exclusions.commitment_secret(case.conn)
    keyed = identifiers.withheld_urn(secret, "message", hexid)
    targets = [json.loads(x).get("target") for x in _shipped(out)]
    assert keyed in targets


def test_a_line_that_held_a_reason_travels_sealed_with_its_commitment(bundled: Any) -> None:
    case, out, _, _ = bundled
    everything = b"\n".join(bundle_bytes(out).values())
    assert REASON.encode() not in everything
    sealed = [json.loads(x) for x in _shipped(out) if '"sealed":true' in x]
    assert len(sealed) == 1
    assert set(sealed[0]) == {"commit", "prev", "sealed", "seq"}
    case_line = log.entries(case.conn)[sealed[0]["seq"] - 1]
    assert REASON in case_line
    key = reviewlog.line_key(log.secret(case.conn), sealed[0]["seq"])
    assert sealed[0]["commit"] == hmac.new(key, case_line.encode(), hashlib.sha256).hexdigest()


def test_the_approval_names_the_shipped_logs_head_not_the_cases(bundled: Any) -> None:
    case, out, _, _ = bundled
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    statement = json.loads(files[evidence.path(evidence.APPROVAL, ".json")])
    assert statement["review_log_form"] == approval.SHIPPED
    assert statement["review_log_head"] in reviewlog.chain_hashes(_shipped(out))
    case_hashes = {str(r[0]) for r in case.conn.execute("SELECT hash FROM review_log")}
    assert statement["review_log_head"] not in case_hashes


def test_a_log_rewritten_with_a_consistent_chain_is_caught_by_the_approval(
    bundled: Any, certs: Certs, tmp_path: Path
) -> None:
    """A forger (any certificate the CA issued) changes an early decision, relinks every
    later line and points bag-info at the new head: the chain holds, the signed approval
    no longer lies on it."""
    _, out, _, _ = bundled
    rel = evidence.path(evidence.REVIEW_LOG, ".jsonl")

    def rewrite(files: dict[str, bytes]) -> None:
        lines = files[rel].decode().splitlines()
        prev = log.GENESIS
        out_lines = []
        for n, line in enumerate(lines):
            obj = json.loads(line)
            if n == 0:
                obj["actor"] = "Iemand anders"
            obj["prev"] = prev
            text = log.canonical(obj)
            out_lines.append(text)
            prev = log.line_hash(text)
        assert reviewlog.verify_exported(out_lines)[0] == []
        files[rel] = "".join(x + "\n" for x in out_lines).encode()
        pki.set_info(files, "Review-Log-Head", prev)

    forged = tmp_path / "forged.zip"
    pki.reseal(out, forged, signing.load_p12(certs.p12, SIGNING_PASSPHRASE).sign, rewrite)
    report = verify_bundle(forged, certs.ca_pem)
    problems = [p for c in report.checks for p in c.problems]
    assert any("the review log it approved is not the start of" in p for p in problems), problems
    assert not any("Review-Log-Head" in p or "does not follow" in p for p in problems)
