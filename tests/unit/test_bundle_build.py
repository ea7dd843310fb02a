"""Making a bundle: what goes in, what stays out, and that the archive's tools accept it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import builder, evidence, exclusions, signing
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.errors import SettingsError
from chatsafe.review import labels
from chatsafe.review.labels import ReviewError, Role
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    XSD,
    Certs,
    build_case,
    bundle_bytes,
    make_certs,
    message_ids,
    openssl_verifies,
    pdf_text,
)
from tests.sip_check import check_sip

CONV = "data/chats/conversation-0001"
TRANSCRIPT_JSON = f"{CONV}/conversation-0001-transcript/conversation-0001-transcript.json"
TRANSCRIPT_PDF = f"{CONV}/conversation-0001-transcript/conversation-0001-transcript.pdf"
REVIEW_LOG = evidence.path(evidence.REVIEW_LOG, ".jsonl")
EXCLUSIONS = evidence.path(evidence.EXCLUSIONS, ".json")
COMPLETENESS = evidence.path(evidence.COMPLETENESS, ".json")


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("certs"))


def sample_spec() -> list[dict[str, Any]]:
    return [
        {
            "key": "werkgroep",
            "title": "Werkgroep Begroting",
            "is_group": True,
            "participants": ["Minister", "Adviseur", "Geheime Vriend"],
            "messages": [
                {
                    "sender": "Minister",
                    "wallclock": "2024-03-01T09:00:00",
                    "text": "Kamerbrief graag vandaag ☃ \U0001fae8",
                },
                {
                    "sender": "Adviseur",
                    "wallclock": "2024-03-01T09:05:00",
                    "text": "Komt eraan",
                    "attachments": [
                        {"name": "nota.txt", "mime": "text/plain", "data": "NOTA-INHOUD"}
                    ],
                },
                {
                    "sender": "Geheime Vriend",
                    "wallclock": "2024-03-01T09:06:00",
                    "text": "PRIVE-VERJAARDAG etentje?",
                    "attachments": [
                        {"name": "PRIVE-FOTO.jpg", "mime": "image/jpeg", "data": "PRIVE-BYTES"}
                    ],
                },
                {
                    "kind": "event",
                    "event_type": "disappearing_on",
                    "wallclock": "2024-03-01T09:07:00",
                    "text": "Berichten verdwijnen na 7 dagen",
                    "extra": {"disappearing": "7 days"},
                },
                {
                    "sender": "Adviseur",
                    "wallclock": "2024-03-01T09:08:00",
                    "text": "PARTIJ-CONGRES stemadvies",
                },
                {
                    "sender": "Adviseur",
                    "wallclock": "2023-12-31T23:00:00",
                    "text": "OUD-BERICHT buiten periode",
                },
                {
                    "sender": "Minister",
                    "wallclock": "2024-03-02T10:00:00",
                    "text": "Verwijderd",
                    "deleted": True,
                    "attachments": [
                        {"name": "ontbreekt.pdf", "mime": "application/pdf", "data": None}
                    ],
                },
            ],
        },
        {
            "key": "oma",
            "title": "PRIVE-TITEL Oma",
            "participants": ["Minister", "PRIVE-CONTACT Oma"],
            "messages": [
                {
                    "sender": "PRIVE-CONTACT Oma",
                    "wallclock": "2024-03-01T12:00:00",
                    "text": "PRIVE-OMA kom je eten",
                },
            ],
        },
    ]


def prepared_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    case = build_case(tmp_path / "c.chatsafe", sample_spec(), monkeypatch)
    case.set_setting("period_start", "2024-01-01")
    with case.transaction() as c:
        labels.label_messages(
            c,
            message_ids(case, "PRIVE-VERJAARDAG"),
            Label.PRIVATE,
            by="Minister",
            role=Role.MINISTER,
            reason="PRIVE-REDEN verjaardag van mijn zus",
        )
        labels.label_messages(
            c,
            message_ids(case, "PARTIJ-CONGRES"),
            Label.PARTY_POLITICAL,
            by="Assistent",
            role=Role.ASSISTANT,
        )
        oma = c.execute("SELECT id FROM conversations WHERE key = 'oma'").fetchone()[0]
        labels.label_conversation(c, oma, Label.PRIVATE, by="Minister", role=Role.MINISTER)
    return case


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs) -> tuple[Path, Any]:
    case = prepared_case(tmp_path, monkeypatch)
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    result = builder.make_bundle(case, out, signer, by="Minister", role="minister")
    yield out, result
    case.close()


def test_bundle_verifies_and_holds_only_business(bundle: tuple[Path, Any], certs: Certs) -> None:
    out, result = bundle
    report = verify_bundle(out, certs.ca_pem)
    assert report.ok, report.text()
    everything = b"\n".join(bundle_bytes(out).values())
    for secret in (b"PRIVE", b"PARTIJ-CONGRES", b"OUD-BERICHT", b"Geheime Vriend"):
        assert secret not in everything, secret
    assert b"Kamerbrief graag vandaag" in everything
    assert b"NOTA-INHOUD" in everything
    text = pdf_text(out)
    assert "Kamerbrief graag vandaag" in text
    assert "PRIVE" not in text and "Geheime" not in text
    assert result.conversations == 1


def test_layout_names_are_neutral(bundle: tuple[Path, Any]) -> None:
    out, _ = bundle
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    root = names[0].split("/")[0]
    rel = sorted(n[len(root) + 1 :] for n in names)
    conv = "data/chats/conversation-0001"
    assert f"{conv}/conversation-0001-transcript/conversation-0001-transcript.json" in rel
    assert f"{conv}/conversation-0001-transcript/conversation-0001-transcript.pdf" in rel
    assert f"{conv}/conversation-0001.mdto.xml" in rel
    assert f"{conv}/conversation-0001-attachment-0001/conversation-0001-attachment-0001.txt" in rel
    assert REVIEW_LOG in rel and "tagmanifest-sha512.txt.p7s" in rel
    assert not any(n.startswith("metadata/") for n in rel)  # the evidence is in data/
    assert not any("Werkgroep" in n for n in names)


def test_transcript_record(bundle: tuple[Path, Any]) -> None:
    out, _ = bundle
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    doc = json.loads(files[TRANSCRIPT_JSON])
    conv = doc["conversation"]
    assert conv["title"] == "Werkgroep Begroting"
    assert [p["name"] for p in conv["participants"]] == ["Minister", "Adviseur"]
    texts = [m["text"] for m in doc["messages"]]
    assert texts[0].startswith("Kamerbrief")
    assert any(m["kind"] == "event" for m in doc["messages"])
    missing = [a for m in doc["messages"] for a in m["attachments"] if not a["present"]]
    assert missing and missing[0]["path"] is None
    assert all(len(m["source_sha256"]) == 1 for m in doc["messages"])
    comp = json.loads(files[COMPLETENESS])["conversations"][0]
    assert comp["deleted_markers"]["count"] == 1
    assert comp["attachments_missing"]["count"] == 1
    assert comp["disappearing_messages"]["periods_on"][0]["settings"] == ["7 days"]
    assert comp["messages_out_of_period"] == 1
    assert comp["possibly_truncated"] is None  # its importer knows no export limit
    # Issue 17's per-source coverage, counts only; withheld messages count too (the
    # private and party-political ones, and the one out of period): 6 messages held.
    (source,) = comp["coverage"]["sources"]
    assert source["source_format"] == "spec" and source["kind"] == "export"
    assert source["held"] == comp["coverage"]["messages"] == 6
    assert (source["first"], source["last"]) == ("2023-12-31T23:00:00", "2024-03-02T10:00:00")
    assert source["disappearing_seconds"] == []
    assert set(comp["coverage"]) == {"messages", "sources", "only_in_export"}


def test_the_pdf_prints_the_json_records_entries_in_its_order(bundle: tuple[Path, Any]) -> None:
    # The two representations read the rows in passes of their own
    # (bundle/conversation.py): the PDF prints every entry of the JSON record, numbered
    # alike, in the same order.
    import io

    from pypdf import PdfReader

    out, _ = bundle
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    doc = json.loads(files[TRANSCRIPT_JSON])
    reader = PdfReader(io.BytesIO(files[TRANSCRIPT_PDF]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    at = 0
    for n, m in enumerate(doc["messages"], start=1):
        head = f"{n}. {m['wallclock'].replace('T', ' ')}"
        found = text.find(head, at)
        assert found >= at, head
        if m["text"]:
            assert text.find(m["text"].split()[0], found) > found
        at = found + len(head)
    assert f"{len(doc['messages']) + 1}. " not in text[at:]


def test_exclusions_and_commitments(bundle: tuple[Path, Any], tmp_path: Path) -> None:
    out, _ = bundle
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    doc = json.loads(files[EXCLUSIONS])
    conv = doc["conversations"][0]
    assert set(conv["withheld"]) == {"private", "party_political", "out_of_period"}
    assert conv["withheld"]["private"]["messages"] == 1
    assert conv["withheld"]["private"]["marks_with_written_reason"] == 1
    assert "reasons" not in conv["withheld"]["private"]
    whole = doc["withheld_conversations"]
    assert whole["count"] == 1 and whole["by_category"]["private"]["conversations"] == 1
    assert "first" not in whole["by_category"]["private"]
    # A withheld message disclosed later can be proven to be one of them.
    from chatsafe.store import open_case
    from tests.bundle_support import CASE_PASSPHRASE

    case = open_case(tmp_path / "c.chatsafe", passphrase=CASE_PASSPHRASE)
    secret = exclusions.commitment_secret(case.conn)
    row = case.conn.execute(
        "SELECT id, identity, sender, wallclock, text FROM messages WHERE instr(text, 'PRIVE-VERJAARDAG')"
    ).fetchone()
    sha = case.conn.execute(
        "SELECT sha256 FROM attachments WHERE message_id = ?", (row[0],)
    ).fetchone()[0]
    case.close()
    identity = exclusions.identity_text(row[1])
    key = exclusions.message_key(secret, identity)
    record = {
        "identity": identity,
        "sender": row[2],
        "wallclock": row[3],
        "text": row[4],
        "attachments": [sha],
    }
    assert exclusions.commitment(key, record) in conv["withheld"]["private"]["commitments"]


def test_review_log_carries_keyed_commitments_instead_of_reasons(
    bundle: tuple[Path, Any],
) -> None:
    out, result = bundle
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    lines = files[REVIEW_LOG].decode().splitlines()
    # Lines with a reason travel whole, with a keyed commitment (issue 10): nothing
    # needs sealing, and nothing can be brute-forced (tests/unit/test_sealed_reasons.py).
    with_reason = [json.loads(line) for line in lines if '"reason_hmac"' in line]
    assert with_reason and all(e["reason"] is None for e in with_reason)
    assert not any('"sealed":true' in line for line in lines)
    assert b"PRIVE-REDEN" not in files[REVIEW_LOG]
    info = files["bag-info.txt"].decode()
    assert f"Review-Log-Head: {result.review_log_head}" in info
    assert json.loads(lines[-1])["action"] == "bundle-approved"


def test_standard_tools_accept_the_bundle(
    bundle: tuple[Path, Any], certs: Certs, tmp_path: Path
) -> None:
    import bagit
    import xmlschema

    out, _ = bundle
    target = tmp_path / "unzipped"
    with zipfile.ZipFile(out) as z:
        z.extractall(target)
    (bag_dir,) = list(target.iterdir())
    bagit.Bag(str(bag_dir)).validate()
    schema = xmlschema.XMLSchema(str(XSD))
    sidecars = list(bag_dir.rglob("*.mdto.xml"))
    problems, count = check_sip(bag_dir / "data")
    assert problems == []
    # series, documentation (object + file), dossier, transcript (object + 2 files),
    # one attachment (object + file), and the evidence: exclusions, completeness and the
    # review log (object + file each), the signed approval (object + statement + .p7s)
    assert len(sidecars) == count == 18
    for f in sidecars:
        schema.validate(str(f))
    openssl_verifies(
        bag_dir / "tagmanifest-sha512.txt.p7s", bag_dir / "tagmanifest-sha512.txt", certs.ca_pem
    )


def test_refuses_without_archival_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = build_case(tmp_path / "c.chatsafe", sample_spec(), monkeypatch, archival=False)
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    with pytest.raises(
        SettingsError, match="organisation, appraisal, retention, information_category"
    ):
        builder.make_bundle(case, tmp_path / "b.zip", signer, by="Minister", role="minister")
    assert not (tmp_path / "b.zip").exists()
    case.close()


def test_it_support_needs_the_ministers_current_approval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = prepared_case(tmp_path, monkeypatch)
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    with pytest.raises(ReviewError, match="minister"):
        builder.make_bundle(case, tmp_path / "b.zip", signer, by="IT", role="it")
    builder.approve(case, by="Minister")
    with case.transaction() as c:  # a change after the approval voids it
        labels.label_messages(
            c, message_ids(case, "Komt eraan"), Label.PRIVATE, by="Assistent", role=Role.ASSISTANT
        )
    with pytest.raises(ReviewError):
        builder.make_bundle(case, tmp_path / "b.zip", signer, by="IT", role="it")
    builder.approve(case, by="Minister")
    builder.make_bundle(case, tmp_path / "b.zip", signer, by="IT", role="it")
    assert verify_bundle(tmp_path / "b.zip", certs.ca_pem).ok
    case.close()


def test_unicode_the_font_lacks_is_printed_as_a_code() -> None:
    from chatsafe.bundle.transcript_pdf import printable

    assert printable("a\U0001fae8b") == "a[U+1FAE8]b"
    assert printable("bell\x07") == "bell[U+0007]"
    assert printable("☃ é\nx") == "☃ é\nx"


def test_pdf_is_pdfa_2u_with_embedded_fonts(bundle: tuple[Path, Any]) -> None:
    out, _ = bundle
    files = {k.split("/", 1)[-1]: v for k, v in bundle_bytes(out).items()}
    pdf = files[TRANSCRIPT_PDF]
    xmp = b"".join(v for k, v in files.items() if "transcript.pdf#stream" in k) + pdf
    assert b"pdfaid:part" in xmp and b"FontFile2" in pdf
    assert b"/OutputIntents" in pdf
    assert "[U+1FAE8]" in pdf_text(out)


def test_a_bundle_where_nothing_leaves_is_still_a_valid_bag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    import bagit

    case = build_case(tmp_path / "c.chatsafe", sample_spec(), monkeypatch)
    with case.transaction() as c:
        for (cid,) in c.execute("SELECT id FROM conversations").fetchall():
            labels.label_conversation(c, cid, Label.PRIVATE, by="M", role=Role.MINISTER)
    out = tmp_path / "b.zip"
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    result = builder.make_bundle(case, out, signer, by="M", role="minister")
    case.close()
    assert result.conversations == 0
    assert verify_bundle(out, certs.ca_pem).ok
    with zipfile.ZipFile(out) as z:
        z.extractall(tmp_path / "x")
    (bag_dir,) = list((tmp_path / "x").iterdir())
    bagit.Bag(str(bag_dir)).validate()
    assert b"PRIVE" not in b"".join(bundle_bytes(out).values())
