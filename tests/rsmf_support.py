"""Reading RSMF files the way a review platform does, with the standard library only
(``email`` and ``zipfile``), and checking them against the RSMF 2.0 JSON Schema in
../shared/standards/rsmf/ and the references the schema cannot express."""

from __future__ import annotations

import email
import email.policy
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any


def _schema() -> Path:
    # ../shared beside the repository (CI's clone, /work/main); a git worktree sits deeper.
    for up in Path(__file__).resolve().parents[1:]:
        found = up / "shared" / "standards" / "rsmf" / "rsmf_schema_2_0_0.json"
        if found.is_file():
            return found
    raise FileNotFoundError("../shared/standards/rsmf/rsmf_schema_2_0_0.json")


SCHEMA = _schema()


@dataclass
class Rsmf:
    headers: dict[str, str]  # decoded (RFC 2047), one value each
    body: str
    manifest: dict[str, Any]
    members: dict[str, bytes]  # the files of rsmf.zip
    raw: bytes


def read_rsmf(path: Path) -> Rsmf:
    raw = path.read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    headers = {k: str(make_header(decode_header(v))) for k, v in msg.items()}
    assert headers["X-RSMF-Version"] == "2.0.0"
    parts = [p for p in msg.walk() if not p.is_multipart()]
    attachments = [p for p in parts if p.get_content_disposition() == "attachment"]
    assert len(attachments) == 1, "exactly one attachment, rsmf.zip"
    (att,) = attachments
    assert att.get_filename() == "rsmf.zip"
    assert att["Content-Transfer-Encoding"].lower() == "base64"
    texts = [p for p in parts if p.get_content_type() == "text/plain" and p is not att]
    assert len(texts) == 1
    body = texts[0].get_payload(decode=True).decode(texts[0].get_content_charset() or "utf-8")
    body = body.replace("\r\n", "\n")  # the message's line ends are CRLF (RFC 5322)
    data = att.get_payload(decode=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert all("/" not in n for n in names), "every file at the root of rsmf.zip"
        members = {n: z.read(n) for n in names}
    manifest = json.loads(members["rsmf_manifest.json"])
    return Rsmf(headers, body, manifest, members, raw)


def all_text(r: Rsmf) -> str:
    """Every byte a reader of the file can reach, decoded, for canary searches."""
    blobs = [r.raw, r.body.encode(), "\n".join(f"{k}: {v}" for k, v in r.headers.items()).encode()]
    blobs += list(r.members.values())
    blobs.append("\n".join(r.members).encode())
    return b"\n".join(blobs).decode("utf-8", "replace")


def validate(r: Rsmf) -> None:
    """The schema, with formats checked (date-time, idn-email), and the references."""
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(r.manifest), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    m = r.manifest
    people = {p["id"] for p in m["participants"]}
    assert len(people) == len(m["participants"])
    convs = {c["id"]: c for c in m["conversations"]}
    for c in convs.values():
        assert set(c["participants"]) <= people
        assert c.get("custodian") is None or c["custodian"] in c["participants"]
    ids = [e["id"] for e in m["events"]]
    assert len(set(ids)) == len(ids)
    for e in m["events"]:
        assert e["conversation"] in convs
        assert e.get("participant") is None or e["participant"] in people
        assert e.get("parent") is None or e["parent"] in ids
        for edit in e.get("edits", []):
            assert edit["participant"] in people
        for a in e.get("attachments", []):
            assert a["id"] in r.members, f"attachment {a['id']} not in rsmf.zip"
            assert a["size"] == len(r.members[a["id"]])
    # RFC 3339 date-times with an offset (FormatChecker skips date-time without an extra
    # package, so this is checked here).
    for e in m["events"]:
        assert datetime.fromisoformat(e["timestamp"]).tzinfo is not None, e["timestamp"]
    # The headers agree with the manifest.
    assert int(r.headers["X-RSMF-EventCount"]) == len(m["events"])
    assert int(r.headers["X-RSMF-AttachmentCount"]) == sum(
        len(e.get("attachments", [])) for e in m["events"]
    )
    assert r.headers["X-RSMF-BeginDate"] == m["events"][0]["timestamp"]
    assert r.headers["X-RSMF-EndDate"] == m["events"][-1]["timestamp"]
    assert r.headers["X-RSMF-EventCollectionID"] == m["eventcollectionid"]
