"""The leak paths of issue 10, reproduced with the CLI alone as a careful adversary
would: each bundle is searched byte for byte for what was marked private."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.bundle_support import SIGNING_PASSPHRASE, Certs
from tests.e2e.conftest import Cli

ARCHIVAL = [
    "organisation=Ministerie van Testzaken",
    "appraisal=B",
    "retention=permanent",
    "information_category=Berichten van bewindspersonen",
]


def bundle_bytes(cli: Cli, case: Path, certs: Certs, name: str = "b.zip") -> bytes:
    """Every byte of a bundle made by the minister, payload files decompressed."""
    out = cli.cwd / name
    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    cli.run(
        "bundle", str(case), "--out", str(out), "--p12", str(certs.p12),
        "--by", "Mia", "--role", "minister",
    )  # fmt: skip
    with zipfile.ZipFile(out) as zf:
        return b"".join(zf.read(i) for i in zf.infolist())


def test_sender_with_quotes_can_be_marked_and_does_not_leave(cli: Cli, certs: Certs) -> None:
    case = cli.cwd / "c.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Werkgroep.txt"
    chat.write_text(
        "01-03-2024 08:21 - Minister: Agenda ministerraad\n"
        '01-03-2024 08:22 - Jan "Jantje" Jansen: prive ziekenhuis\n'
        "01-03-2024 08:23 - Eline: stukken klaar\n",
        encoding="utf-8",
    )
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.run("label", str(case), "--message", "2", "--as", "private", "--by", "Mia",
            "--role", "minister")  # fmt: skip
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    data = bundle_bytes(cli, case, certs)
    assert b"prive ziekenhuis" not in data
    assert b"stukken klaar" in data


def test_an_edited_private_message_stays_private_after_a_new_export(cli: Cli, certs: Certs) -> None:
    case = cli.cwd / "c.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Werkgroep.txt"
    first = (
        "01-03-2024 08:21 - Minister: Agenda ministerraad\n"
        "01-03-2024 08:22 - Jan: prive ziekenhuis\n"
        "01-03-2024 08:23 - Eline: stukken klaar\n"
    )
    chat.write_text(first, encoding="utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.run("label", str(case), "--message", "2", "--as", "private", "--by", "Mia",
            "--role", "minister")  # fmt: skip
    # The message is edited on the phone; the next export shows only the new text.
    chat.write_text(
        first.replace("prive ziekenhuis", "prive ziekenhuis morgen <Dit bericht is bewerkt>")
        + "01-03-2024 08:30 - Eline: nieuw zakelijk\n",
        encoding="utf-8",
    )
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    data = bundle_bytes(cli, case, certs)
    assert b"prive ziekenhuis" not in data
    assert b"nieuw zakelijk" in data and b"stukken klaar" in data


def test_an_import_after_the_approval_voids_it(cli: Cli, certs: Certs) -> None:
    case = cli.cwd / "c.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Werkgroep.txt"
    first = "01-03-2024 08:21 - Minister: Agenda ministerraad\n"
    chat.write_text(first, encoding="utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    cli.run("bundle", str(case), "--approve", "--by", "Mia", "--role", "minister")
    chat.write_text(first + "01-03-2024 08:40 - Jan: niemand heeft dit gezien\n", "utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    out = cli.cwd / "b.zip"
    refused = cli.run(
        "bundle", str(case), "--out", str(out), "--p12", str(certs.p12), "--by", "IT",
        "--role", "it", check=False,
    )  # fmt: skip
    assert refused.returncode == 2 and "no longer covers" in refused.stderr
    assert not out.exists()


def test_a_role_is_a_claim_and_the_bundle_says_so(cli: Cli, certs: Certs) -> None:
    case = cli.cwd / "c.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Werkgroep.txt"
    chat.write_text("01-03-2024 08:21 - Minister: Agenda ministerraad\n", encoding="utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister")
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    # Anyone can type --role minister; without the minister's certificate it is a claim.
    cli.run("bundle", str(case), "--approve", "--by", "J. de Vries", "--role", "minister")
    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    out = cli.cwd / "b.zip"
    cli.run("bundle", str(case), "--out", str(out), "--p12", str(certs.p12), "--by", "IT",
            "--role", "it")  # fmt: skip
    report = json.loads(cli.run("verify", str(out), "--ca", str(certs.ca_pem), "--json").stdout)
    assert report["info"]["approved by"] == "claimed by J. de Vries, not signed"
    # Signed with the minister's certificate, the name comes from the certificate.
    signed = cli.run("bundle", str(case), "--approve", "--by", "J. de Vries", "--role",
                     "minister", "--p12", str(certs.p12), "--json")  # fmt: skip
    assert json.loads(signed.stdout)["approval"]["signed"] is True
    out2 = cli.cwd / "b2.zip"
    cli.run("bundle", str(case), "--out", str(out2), "--p12", str(certs.p12), "--by", "IT",
            "--role", "it")  # fmt: skip
    report = json.loads(cli.run("verify", str(out2), "--ca", str(certs.ca_pem), "--json").stdout)
    assert report["ok"] and "CN=Minister Test" in report["info"]["approved by"]
