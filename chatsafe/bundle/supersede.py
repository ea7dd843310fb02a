"""A superseding transfer: a new bundle that replaces an earlier one of the same case, for
the Landsadvocaat's procedure to exclude private or party-political messages afterwards.

Identifiers are stable per case (``chatsafe/identifiers.py``), so the new bundle can name
what it withdraws and adds against what the archive already holds. The register
(``chatsafe-vervanging.json``, an information object in the SIP) records:

- the earlier transfer: its External-Identifier and the SHA-256 of its signed
  ``tagmanifest-sha512.txt``, which pins every byte of it;
- every information object and every message of the earlier transfer that is not in
  this one (withdrawn), with the ground the case gives now (private, party-political,
  out of period, or no longer in the case) and, for a message still in the case, the
  same salted commitment ``exclusions.json`` uses, so a later disclosure can prove it;
- every information object and message this one adds.

Written reasons never travel here. ``check`` is what ``chatsafe verify --supersedes``
runs: the reference pins the earlier file, and the register agrees with both bundles.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatsafe import identifiers
from chatsafe.bundle import exclusions, sip
from chatsafe.errors import InputError
from chatsafe.review.labels import EFFECTIVE_LABEL_SQL
from chatsafe.review.summary import in_period_sql, period

FORMAT = "chatsafe-supersede/1"
REGISTER = "chatsafe-vervanging"
_IDENT = re.compile(rb"<identificatieKenmerk>([^<]+)</identificatieKenmerk>")


@dataclass
class Transfer:
    """What a bundle holds, by identifier."""

    path: Path
    external_id: str
    group: str  # Bag-Group-Identifier: the case's URN
    tagmanifest_sha256: str
    objects: set[str] = field(default_factory=set)  # information objects and files
    messages: set[str] = field(default_factory=set)
    register: dict[str, Any] | None = None


def _members(z: zipfile.ZipFile) -> dict[str, str]:
    names = [n for n in z.namelist() if not n.endswith("/")]
    roots = {n.split("/", 1)[0] for n in names}
    if len(roots) != 1:
        raise InputError("not a chatsafe bundle: the zip does not hold one bag folder")
    root = roots.pop()
    return {n[len(root) + 1 :]: n for n in names}


def _message_ids(lines: Iterator[bytes]) -> Iterator[str]:
    # The transcript writes one message per line inside its array (transcript_json.py).
    for raw in lines:
        line = raw.strip().strip(b",").strip()
        if line.startswith(b"{") and line.endswith(b"}") and b'"id"' in line:
            record = json.loads(line)
            if isinstance(record.get("id"), str):
                yield record["id"]


def read_transfer(path: Path) -> Transfer:
    """The identifiers in a bundle (read, never extracted to disk)."""
    try:
        with zipfile.ZipFile(path) as z:
            files = _members(z)
            if "bag-info.txt" not in files or "tagmanifest-sha512.txt" not in files:
                raise InputError(f"{path}: not a chatsafe bundle (no bag-info or tag manifest)")
            info = dict(
                line.split(": ", 1)
                for line in z.read(files["bag-info.txt"]).decode("utf-8").splitlines()
                if ": " in line
            )
            t = Transfer(
                path,
                info.get("External-Identifier", ""),
                info.get("Bag-Group-Identifier", ""),
                hashlib.sha256(z.read(files["tagmanifest-sha512.txt"])).hexdigest(),
            )
            for rel, name in files.items():
                if not rel.startswith("data/"):
                    continue
                if rel.endswith(sip.SIDECAR):
                    m = _IDENT.search(z.read(name))
                    if m:
                        t.objects.add(m.group(1).decode("utf-8"))
                elif rel.endswith("-transcript.json"):
                    with z.open(name) as f:
                        t.messages.update(_message_ids(iter(f)))
                elif rel.endswith(f"/{REGISTER}.json"):
                    t.register = json.loads(z.read(name))
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the bundle ({exc})") from None
    if not t.external_id or not t.group:
        raise InputError(
            f"{path}: has no External-Identifier or Bag-Group-Identifier in bag-info.txt "
            "(made before chatsafe named transfers; it cannot be superseded)"
        )
    return t


def _grounds(c: Any, case_id: uuid.UUID, wanted: set[str]) -> dict[str, tuple[str, str]]:
    """message URN -> (ground, commitment) for the wanted messages still in the case."""
    secret = exclusions.commitment_secret(c)
    start, end = period(c)
    out: dict[str, tuple[str, str]] = {}
    atts: dict[int, list[str | None]] = {}
    for mid, sha in c.execute(
        "SELECT message_id, sha256 FROM attachments ORDER BY message_id, position"
    ):
        atts.setdefault(int(mid), []).append(sha)
    for mid, identity, sender, wallclock, text, in_p, label in c.execute(
        f"SELECT m.id, m.identity, m.sender, m.wallclock, m.text, ({in_period_sql(start, end)}),"
        f" {EFFECTIVE_LABEL_SQL} FROM messages m"
    ):
        ident = exclusions.identity_text(identity)
        urn = identifiers.message_urn(case_id, bytes.fromhex(ident))
        if urn not in wanted:
            continue
        record = {
            "identity": ident,
            "sender": sender,
            "wallclock": wallclock,
            "text": text,
            "attachments": atts.get(int(mid), []),
        }
        commit = exclusions.commitment(exclusions.message_key(secret, ident), record)
        out[urn] = ("out_of_period" if not in_p else str(label), commit)
    return out


def register(
    c: Any,
    case_id: uuid.UUID,
    old: Transfer,
    objects: set[str],
    messages: set[str],
) -> dict[str, Any]:
    """The register of a transfer that supersedes ``old``; refuses another case's bundle."""
    if old.group != identifiers.case_urn(case_id):
        raise InputError(
            f"{old.path}: is a transfer of another case ({old.group}); a bundle can only "
            "supersede a transfer of the same case"
        )
    gone = old.messages - messages
    grounds = _grounds(c, case_id, gone)
    return {
        "format": FORMAT,
        "supersedes": {
            "external_identifier": old.external_id,
            "tagmanifest_sha512_txt_sha256": old.tagmanifest_sha256,
        },
        "commitment_scheme": exclusions.SCHEME,
        "withdrawn": {
            "messages": [
                {
                    "id": urn,
                    "ground": grounds.get(urn, ("not_in_case", ""))[0],
                    "commitment": grounds.get(urn, ("", None))[1] or None,
                }
                for urn in sorted(gone)
            ],
            "objects": sorted(old.objects - objects),
        },
        "added": {
            "messages": sorted(messages - old.messages),
            "objects": sorted(objects - old.objects),
        },
    }


def check(new: Path, old: Path) -> list[str]:
    """Problems with ``new`` as a transfer superseding ``old`` (empty when it holds)."""
    n, o = read_transfer(new), read_transfer(old)
    if n.register is None:
        return [f"{new}: holds no {REGISTER}.json (it supersedes nothing)"]
    ref = n.register.get("supersedes", {})
    problems = []
    if ref.get("external_identifier") != o.external_id:
        problems.append(f"{REGISTER}.json: supersedes {ref.get('external_identifier')}, not {old}")
    if ref.get("tagmanifest_sha512_txt_sha256") != o.tagmanifest_sha256:
        problems.append(f"{REGISTER}.json: the earlier transfer's tag manifest does not match")
    if n.group != o.group:
        problems.append("the two transfers are of different cases (Bag-Group-Identifier)")
    withdrawn = n.register.get("withdrawn", {})
    added = n.register.get("added", {})
    pairs = [
        ("withdrawn messages", {m["id"] for m in withdrawn.get("messages", [])}, o.messages - n.messages),
        ("withdrawn objects", set(withdrawn.get("objects", [])), o.objects - n.objects),
        ("added messages", set(added.get("messages", [])), n.messages - o.messages),
        # the register itself is new in the new transfer
        ("added objects", set(added.get("objects", [])), n.objects - o.objects),
    ]  # fmt: skip
    for what, listed, actual in pairs:
        if what == "added objects":
            actual = {x for x in actual if x not in _register_objects(n)}
        if listed != actual:
            problems.append(
                f"{REGISTER}.json: its {what} ({len(listed)}) are not what the two "
                f"transfers differ by ({len(actual)})"
            )
    return problems


def _register_objects(t: Transfer) -> set[str]:
    """The register's own object and file (new in every superseding transfer)."""
    with zipfile.ZipFile(t.path) as z:
        files = _members(z)
        out = set()
        for rel, name in files.items():
            if f"/{REGISTER}/" in rel and rel.endswith(sip.SIDECAR):
                m = _IDENT.search(z.read(name))
                if m:
                    out.add(m.group(1).decode("utf-8"))
        return out
