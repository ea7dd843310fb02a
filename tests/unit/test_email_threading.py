"""E-mail threads are the same whatever the reader keeps in memory.

The reader threads on compact keys (digests of Message-IDs and subjects in arrays) so
that a mailbox of 600,000 small mails fits issue 12's memory target. These tests compare
its conversations with a plain reference: union-find over the Message-ID, References,
In-Reply-To and reply-subject *strings* of every mail, which is how threads were built
before. Mailboxes are generated with replies, missing parents, duplicate Message-IDs,
replies that lost their references (subject threading), mails without Message-ID,
without subject or date, quoted ``>From`` lines and Content-Length, in one mbox, in
several mbox files of one folder and as a folder of .eml files.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from chatsafe.importers.base import ImportContext
from chatsafe.importers.email_headers import Headers
from chatsafe.importers.email_mbox import _PREFIX, IMPORTER, _date, normal_subject
from chatsafe.importers.email_split import envelope_date, ids_in, parse_headers, split_mbox
from chatsafe.sources import open_source

_SUBJECTS = ["Begroting 2024", "Kamerbrief", "Debat morgen", "kamerbrief", "Nota  over  x", ""]
_PREFIXES = ["", "", "Re: ", "RE: ", "AW: ", "Antw: ", "Fwd: ", "Re: Re: "]


@dataclass
class _Mail:
    position: int
    data: bytes
    message_id: str | None
    refs: list[str]
    subject: str
    has_prefix: bool
    sort_key: tuple[int, float]


def _mail(rng: random.Random, i: int, sent: list[str], when: datetime) -> tuple[bytes, str]:
    """One generated mail (its bytes as in the mbox, unquoted) and its envelope line."""
    lines = [f"From: {rng.choice(['Sanne <s@gov.example>', 'mark@minister.example'])}"]
    lines.append("To: Piet <p@gov.example>, Renée <r@gov.example>")
    roll = rng.random()
    if roll < 0.75:
        mid = f"<m{i}@gov.example>"
    elif roll < 0.85 and sent:
        mid = rng.choice(sent)  # a duplicate Message-ID (a copy in Sent and Inbox)
    else:
        mid = ""  # no Message-ID at all
    if mid:
        lines.append(f"Message-ID: {mid}")
        sent.append(mid)
    kind = rng.random()
    if kind < 0.3 and sent:
        parent = rng.choice(sent)
        lines.append(f"In-Reply-To: {parent}")
        if rng.random() < 0.6:
            lines.append(f"References: <root{rng.randint(0, 3)}@gov.example> {parent}")
    elif kind < 0.4:
        lines.append(f"In-Reply-To: <gone{rng.randint(0, 5)}@elsewhere.example>")  # missing parent
    elif kind < 0.45:
        lines.append("References: <a@x.example>\n <b@x.example>")  # folded
    subject = rng.choice(_PREFIXES) + rng.choice(_SUBJECTS)
    if rng.random() < 0.9:
        lines.append(f"Subject: {subject}")
    if rng.random() < 0.85:
        lines.append(f"Date: {format_datetime(when)}")
    elif rng.random() < 0.5:
        lines.append("Date: not a date")
    if rng.random() < 0.5:
        lines.append(f"Date: {format_datetime(when)}")  # a second Date: the first counts
    body = f"Bericht {i}.\n"
    if rng.random() < 0.2:
        body += "From the office: an unquoted line\n" if rng.random() < 0.5 else ">From x\n"
    data = ("\n".join(lines) + "\n\n" + body).encode()
    envelope = f"From sender@gov.example {when.strftime('%a %b %d %H:%M:%S %Y')}"
    if rng.random() < 0.1:
        envelope = "From -"  # no envelope date
    return data, envelope


def _quote(data: bytes) -> bytes:
    return b"\n".join(b">" + line if line.startswith(b"From ") or line.startswith(b">From ")
                      else line for line in data.split(b"\n"))  # fmt: skip


def write_mailbox(folder: Path, seed: int, n: int, style: str) -> Path:
    """``style``: ``mbox`` (one file), ``mboxes`` (three files in a folder), ``eml``."""
    rng = random.Random(seed)
    sent: list[str] = []
    when = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)
    mails = []
    for i in range(n):
        when += timedelta(minutes=rng.randint(-30, 90))
        mails.append(_mail(rng, i, sent, when))
    folder.mkdir()
    if style == "eml":
        for i, (data, _) in enumerate(mails):
            (folder / f"{i:04d}.eml").write_bytes(data)
        return folder
    files = 1 if style == "mbox" else 3
    chunks: list[list[bytes]] = [[] for _ in range(files)]
    for i, (data, envelope) in enumerate(mails):
        if rng.random() < 0.15:  # mboxcl2: a consistent Content-Length, body not quoted
            head, body = data.split(b"\n\n", 1)
            data = head + f"\nContent-Length: {len(body)}".encode() + b"\n\n" + body
        else:
            data = _quote(data)
        chunks[i * files // n].append(envelope.encode() + b"\n" + data + b"\n")
    for k, chunk in enumerate(chunks):
        (folder / f"box{k}.mbox").write_bytes(b"".join(chunk))
    return folder / "box0.mbox" if style == "mbox" else folder


def _reference_mails(path: Path) -> list[_Mail]:
    """Every mail's header facts, read with the module's header helpers."""
    files = [path] if path.is_file() else sorted(path.iterdir())
    out: list[_Mail] = []
    for file in files:
        raw = file.read_bytes()
        found = split_mbox(raw) if file.suffix == ".mbox" else [(b"", raw)]
        for envelope, data in found:
            headers = Headers(parse_headers(data))
            mid = ids_in(headers.raw("Message-ID"))
            refs = ids_in(headers.raw("References")) + ids_in(headers.raw("In-Reply-To"))
            subject = headers.text("Subject") or ""
            when = _date(headers)[0] or envelope_date(envelope)
            sort_key = (0, when.timestamp()) if when else (1, 0.0)
            out.append(_Mail(len(out), data, mid[0] if mid else None,
                             list(dict.fromkeys(refs)), subject,
                             bool(_PREFIX.match(subject)), sort_key))  # fmt: skip
    return out


def reference_threads(path: Path) -> list[tuple[str, str, list[int]]]:
    """(key, title, positions in order) of each thread, by string union-find."""
    mails = _reference_mails(path)
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    anchors: dict[str, str] = {}
    for m in mails:
        node = f"#{m.position}"
        find(node)
        if m.message_id:
            union(node, m.message_id)
        for ref in m.refs:
            union(node, ref)
        subject = normal_subject(m.subject).casefold()
        if subject and not m.refs and not m.has_prefix:
            anchors.setdefault(subject, node)
    for m in mails:
        subject = normal_subject(m.subject).casefold()
        if subject and m.has_prefix and not m.refs and subject in anchors:
            union(f"#{m.position}", anchors[subject])
    groups: dict[str, list[_Mail]] = {}
    for m in mails:
        groups.setdefault(find(f"#{m.position}"), []).append(m)
    out = []
    for group in sorted(groups.values(), key=lambda g: min(m.position for m in g)):
        group.sort(key=lambda m: (m.sort_key, m.position))
        out.append((_reference_key(group), normal_subject(group[0].subject) or "(no subject)",
                    [m.position for m in group]))  # fmt: skip
    return out


def _reference_key(group: list[_Mail]) -> str:
    roots = [m for m in group if not m.refs and m.message_id]
    if roots:
        return min(roots, key=lambda m: (m.has_prefix, m.sort_key, m.position)).message_id or ""
    with_refs = [m for m in group if m.refs]
    if with_refs:
        return min(with_refs, key=lambda m: (m.sort_key, m.position)).refs[0]
    subject = normal_subject(group[0].subject)
    if subject:
        return f"subject:{subject.casefold()}"
    return "message:" + hashlib.sha256(group[0].data[:4096]).hexdigest()[:32]


def imported_threads(path: Path) -> list[tuple[str, str, list[int]]]:
    out = []
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ImportContext()):
            out.append((conv.key, conv.title, [m.position for m in conv.messages]))
    return out


@pytest.mark.parametrize("style", ["mbox", "mboxes", "eml"])
@pytest.mark.parametrize("seed", range(4))
def test_threads_match_the_string_reference(tmp_path: Path, style: str, seed: int) -> None:
    path = write_mailbox(tmp_path / "mail", seed, 120, style)
    expected = reference_threads(path)
    assert imported_threads(path) == expected
    # Every mail is in exactly one thread: none dropped, none twice.
    positions = sorted(p for _, _, group in expected for p in group)
    assert positions == list(range(120))
    # The generator makes every kind of thread the reader must handle.
    keys = [key for key, _, _ in expected]
    assert any(len(group) > 1 for _, _, group in expected)
    assert any(k.startswith("<gone") for k in keys) or any(k.startswith("<root") for k in keys)
    assert any(k.startswith("subject:") or k.startswith("message:") for k in keys)


def test_messages_keep_their_ids_and_replies(tmp_path: Path) -> None:
    """Each built message carries the Message-ID and the parent it had in the reference."""
    path = write_mailbox(tmp_path / "mail", 7, 80, "mbox")
    mails = {m.position: m for m in _reference_mails(path)}
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ImportContext()):
            for msg in conv.messages:
                mail = mails.pop(msg.position)
                assert msg.source_id == mail.message_id
                assert msg.reply_to == (mail.refs[-1] if mail.refs else None)
                assert msg.text.startswith(f"Bericht {msg.position}.")
    assert not mails
