"""Tampering: changing, adding or removing any single byte or file of a bundle makes
``chatsafe verify`` fail, and the report names what is wrong.

Positions are sampled (every file, a few positions each) rather than every byte.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from chatsafe.bundle import builder, signing
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.review import labels
from chatsafe.review.labels import Role
from tests import pki
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case, make_certs, message_ids

SPEC = [
    {
        "key": "k",
        "title": "Overleg",
        "messages": [
            {"sender": "Minister", "wallclock": "2024-03-01T09:00:00", "text": "Nota morgen"},
            {
                "sender": "Adviseur",
                "wallclock": "2024-03-01T09:05:00",
                "text": "Hier",
                "attachments": [{"name": "a.txt", "mime": "text/plain", "data": "bijlage"}],
            },
            {"sender": "Adviseur", "wallclock": "2024-03-01T09:06:00", "text": "prive ding"},
        ],
    }
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Certs]:
    tmp = tmp_path_factory.mktemp("tamper")
    certs = make_certs(tmp / "certs")
    mp = pytest.MonkeyPatch()
    try:
        case = build_case(tmp / "c.chatsafe", SPEC, mp)
    finally:
        mp.undo()
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "prive"), Label.PRIVATE, by="M", role=Role.MINISTER, reason="x"
        )
    out = tmp / "bundle.zip"
    builder.make_bundle(
        case, out, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), by="M", role="minister"
    )
    case.close()
    assert verify_bundle(out, certs.ca_pem).ok
    return out, certs


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def rezip(path: Path, items: list[tuple[str, bytes]]) -> None:
    """The members in chatsafe's own zip form, so that only the change itself fails."""
    root = items[0][0].split("/")[0]
    pki.write_bag(path, root, {n[len(root) + 1 :]: d for n, d in items if not n.endswith("/")})


def failures(path: Path, certs: Certs) -> str:
    report = verify_bundle(path, certs.ca_pem)
    assert not report.ok, "verify accepted a changed bundle"
    return "\n".join(p for c in report.checks for p in c.problems)


def test_changing_one_byte_of_any_file_is_named(made: tuple[Path, Certs], tmp_path: Path) -> None:
    out, certs = made
    original = members(out)
    rnd = random.Random(5)
    for index, (info, data) in enumerate(original):
        rel = info.filename.split("/", 1)[1]
        if info.is_dir():
            continue  # a folder entry holds no bytes to change
        positions = {0, len(data) - 1} | {rnd.randrange(len(data)) for _ in range(3)}
        for pos in sorted(positions):
            changed = bytearray(data)
            changed[pos] ^= 0x01 if changed[pos] not in (0x0A,) else 0x20
            items = [(i.filename, d) for i, d in original]
            items[index] = (info.filename, bytes(changed))
            target = tmp_path / "t.zip"
            rezip(target, items)
            text = failures(target, certs)
            # The bundle's signature names what it signs; any other file (the approval's
            # .p7s too, a payload file) is named itself.
            name = "tagmanifest-sha512.txt" if rel == "tagmanifest-sha512.txt.p7s" else rel
            assert name in text, (rel, pos, text)


def test_adding_a_file_is_named(made: tuple[Path, Certs], tmp_path: Path) -> None:
    out, certs = made
    original = [(i.filename, d) for i, d in members(out)]
    root = original[0][0].split("/")[0]
    for rel in ("data/extra.txt", "data/conversation-0001/x.json", "extra.txt", "metadata/x.json"):
        target = tmp_path / "t.zip"
        rezip(target, [*original, (f"{root}/{rel}", b"added")])
        assert rel in failures(target, certs)


def test_removing_any_file_is_named(made: tuple[Path, Certs], tmp_path: Path) -> None:
    out, certs = made
    original = [(i.filename, d) for i, d in members(out)]
    for index, (name, _) in enumerate(original):
        rel = name.split("/", 1)[1]
        if name.endswith("/"):
            continue  # a folder entry: the folder is still implied by its files
        target = tmp_path / "t.zip"
        rezip(target, original[:index] + original[index + 1 :])
        assert rel in failures(target, certs), rel


def test_raw_zip_bytes(made: tuple[Path, Certs], tmp_path: Path) -> None:
    """A flipped byte anywhere in the zip fails verification, zip bookkeeping such as a
    timestamp included (the container must be exactly as chatsafe writes it)."""
    out, certs = made
    raw = out.read_bytes()
    rnd = random.Random(11)
    for pos in sorted(rnd.sample(range(len(raw)), 120)):
        changed = bytearray(raw)
        changed[pos] ^= 0xFF
        target = tmp_path / "t.zip"
        target.write_bytes(bytes(changed))
        assert not verify_bundle(target, certs.ca_pem).ok, f"byte {pos} went unnoticed"


def test_every_member_is_stored_so_no_byte_of_the_zip_is_slack(made: tuple[Path, Certs]) -> None:
    # A deflate stream has bits that change no inflated byte (one whole byte of a
    # transcript PDF's stream was found so): the writer stores every member, and then
    # every byte of the zip is a checked header field or content under the CRC and
    # the signed manifests.
    out, _ = made
    with zipfile.ZipFile(out) as z:
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
