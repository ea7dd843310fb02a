"""The review log, the exclusion register and the completeness report name messages and
conversations by the URNs of the transcripts and sidecars, never by the case's row
numbers; what does not leave by a keyed URN of the case that nothing else names
(issue 15, items 5 and 6)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chatsafe import identifiers
from chatsafe.bundle import builder, evidence, exclusions, reviewlog, signing
from chatsafe.bundle.payload import leaving_conversations
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import Role
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    Certs,
    build_case,
    conversation,
    message_ids,
)

URN = re.compile(r"urn:uuid:[0-9a-f-]{36}")
ROW = re.compile(r"(message|conversation):\d+")


def spec() -> list[dict[str, Any]]:
    return [
        conversation("begroting", ["Zakelijk een", "PRIVE-EEN", "Zakelijk drie"]),
        conversation("kamerbrief", ["Zakelijk twee"]),
        conversation("familie", ["PRIVE-FAMILIE"]),
    ]


def _bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs) -> tuple[Any, Path]:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    with case.transaction() as c:
        ids = {k: int(v) for k, v in c.execute("SELECT key, id FROM conversations")}
        labels.label_messages(
            c, message_ids(case, "PRIVE-EEN"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
        labels.label_messages(
            c, message_ids(case, "Zakelijk drie"), Label.PRIVATE, by="Assistent",
            role=Role.ASSISTANT,
        )  # fmt: skip
        labels.label_messages(  # and cleared again: it leaves, and the log names it
            c, message_ids(case, "Zakelijk drie"), None, by="Minister", role=Role.MINISTER
        )
        labels.label_conversation(
            c, ids["familie"], Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
        labels.mark_reviewed(c, ids["begroting"], by="Minister", role=Role.MINISTER)
        labels.confirm_conversation(c, ids["begroting"], by="Minister", role=Role.MINISTER)
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    out = tmp_path / "b.zip"
    builder.make_bundle(case, out, signer, by="Minister", role="minister")
    return case, out


def _members(out: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(out) as z:
        root = z.namelist()[0].split("/", 1)[0]
        return {n[len(root) + 1 :]: z.read(n) for n in z.namelist() if not n.endswith("/")}


def _public(files: dict[str, bytes]) -> set[str]:
    """Every identifier the bundle's sidecars and transcripts carry."""
    out: set[str] = set()
    for rel, data in files.items():
        if rel.endswith(".mdto.xml"):
            out |= set(re.findall(r"<identificatieKenmerk>([^<]+)<", data.decode()))
        elif rel.endswith("-transcript.json"):
            doc = json.loads(data)
            out.add(doc["conversation"]["urn"])
            out |= {m["id"] for m in doc["messages"]}
    return out


def _withheld(case: Any) -> dict[str, str]:
    """The keyed URN of every message and conversation of the case that does not leave."""
    c = case.conn
    secret = exclusions.commitment_secret(c)
    leaving = leaving_conversations(c)
    out_msgs = {m for conv in leaving for m in conv.message_ids}
    out_convs = {conv.case_id for conv in leaving}
    names: dict[str, str] = {}
    for mid, identity in c.execute("SELECT id, identity FROM messages"):
        if int(mid) not in out_msgs:
            hexid = exclusions.identity_text(identity)
            names[identifiers.withheld_urn(secret, "message", hexid)] = f"message:{mid}"
    for cid, fmt, key in c.execute("SELECT id, source_format, key FROM conversations"):
        if int(cid) not in out_convs:
            names[identifiers.withheld_urn(secret, "conversation", fmt, key)] = f"c:{cid}"
    return names


def test_every_id_in_the_evidence_resolves_to_an_urn_of_the_bundle_or_a_withheld_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case, out = _bundle(tmp_path, monkeypatch, certs)
    assert verify_bundle(out, certs.ca_pem).ok  # the renamed lines still chain to the head
    files = _members(out)
    public = _public(files)
    withheld = _withheld(case)
    assert withheld and not set(withheld) & public
    log_rel = evidence.path(evidence.REVIEW_LOG, ".jsonl")
    lines = [json.loads(x) for x in files[log_rel].decode().splitlines()]
    texts = {
        "review log": files[log_rel].decode(),
        "exclusions": files[evidence.path(evidence.EXCLUSIONS, ".json")].decode(),
        "completeness": files[evidence.path(evidence.COMPLETENESS, ".json")].decode(),
    }
    for what, text in texts.items():
        assert not ROW.search(text), what  # no case-internal row numbers
        for urn in URN.findall(text):
            # the case's own URN (the Serie) is public too
            assert urn in public or urn in withheld, (what, urn)
    targets = [e["target"] for e in lines if str(e.get("target", "")).startswith("urn:")]
    named = {withheld.get(t, "public" if t in public else "?") for t in targets}
    assert "?" not in named
    # The private message and the private conversation are named, by keyed URNs; the
    # cleared message and the business conversation by their transcripts' URNs.
    assert sum(1 for t in targets if t in withheld) >= 2
    assert sum(1 for t in targets if t in public) >= 3
    imports = [e for e in lines if e.get("action") == "import"]
    assert imports and all(URN.fullmatch(x) for e in imports for x in e["new"]["conversations"])
    doc = json.loads(texts["exclusions"])
    assert {c["urn"] for c in doc["conversations"]} <= public
    comp = json.loads(texts["completeness"])
    assert {c["urn"] for c in comp["conversations"]} <= public
    # The public URN of a withheld message (guessable from its text) is nowhere.
    everything = b"\n".join(files.values())
    for (identity,) in case.conn.execute(
        "SELECT identity FROM messages WHERE text LIKE 'PRIVE-%'"
    ).fetchall():
        urn = identifiers.message_urn(case.id, bytes.fromhex(exclusions.identity_text(identity)))
        assert urn.encode() not in everything
    case.close()


def test_a_renamed_line_keeps_the_chain_and_an_edit_breaks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case, out = _bundle(tmp_path, monkeypatch, certs)
    case.close()
    files = _members(out)
    lines = files[evidence.path(evidence.REVIEW_LOG, ".jsonl")].decode().splitlines()
    assert reviewlog.verify_exported(lines)[0] == []
    renamed = [i for i, x in enumerate(lines[:-1]) if '"target":"urn:' in x]
    assert renamed
    # Neither the case's line hash nor anything else that would give the row number
    # back to someone trying them all travels (tests/unit/test_review_log_commitments.py).
    for i in renamed:
        entry = json.loads(lines[i])
        assert "nonce" not in entry and "hash" not in entry
        for kind in ("message", "conversation"):
            for n in range(1, 200):
                guess = {**entry, "target": f"{kind}:{n}"}
                guess.pop("commit")
                assert log.line_hash(log.canonical(guess)) not in "\n".join(lines)
    # Naming another message in a renamed line breaks the chain at the next line.
    obj = json.loads(lines[renamed[0]])
    obj["target"] = "urn:uuid:00000000-0000-8000-8000-000000000000"
    forged = list(lines)
    forged[renamed[0]] = json.dumps(obj, sort_keys=True, separators=(",", ":"))
    problems, _ = reviewlog.verify_exported(forged)
    assert any(f"line {renamed[0] + 2}: does not follow" in p for p in problems), problems
