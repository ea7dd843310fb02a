"""``chatsafe bundle`` and ``chatsafe verify`` as IT support runs them, and SIGKILL at
random moments never leaving a file under the final name."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.bundle_support import SIGNING_PASSPHRASE, Certs, make_certs
from tests.e2e.conftest import Cli, whatsapp_text

ARCHIVAL = [
    "organisation=Ministerie van Testzaken",
    "appraisal=B",
    "retention=permanent",
    "information_category=Berichten van bewindspersonen",
]


def make_case(cli: Cli, n: int = 40) -> Path:
    case = cli.cwd / "case.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Kabinet.txt"
    chat.write_text(whatsapp_text(n, seed=4), encoding="utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister J. de Vries")
    return case


def test_bundle_and_verify_through_the_cli(cli: Cli, certs: Certs) -> None:
    case = make_case(cli)
    out = cli.cwd / "bundle.zip"
    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    args = ["bundle", str(case), "--out", str(out), "--p12", str(certs.p12), "--by", "J. de Vries"]

    refused = cli.run(*args, "--role", "minister", check=False)
    assert refused.returncode == 2
    assert "organisation" in refused.stderr and "information_category" in refused.stderr
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")

    it = cli.run(*args, "--role", "it", check=False)
    assert it.returncode == 2 and "minister" in it.stderr
    assert not out.exists()

    cli.run(
        "label",
        str(case),
        "--message",
        "3",
        "--as",
        "private",
        "--by",
        "JdV",
        "--role",
        "minister",
        "--reason",
        "familie",
    )
    done = cli.run(*args, "--role", "minister", "--json")
    assert json.loads(done.stdout)["conversations"] == 1
    assert "sealed" in done.stderr  # the warning about written reasons

    ok = cli.run("verify", str(out), "--ca", str(certs.ca_pem))
    assert "all checks hold" in ok.stdout
    report = json.loads(cli.run("verify", str(out), "--json", "--ca", str(certs.ca_pem)).stdout)
    assert report["ok"] is True and report["verdict"] == "valid"
    assert report["trust"]["anchor"] == "Test CA"
    assert report["signature"]["signer"] == "Minister Test"
    # Without a trust anchor an intact bundle is not trusted: exit 1, said plainly.
    alone = cli.run("verify", str(out), "--json", check=False)
    assert alone.returncode == 1
    report = json.loads(alone.stdout)
    assert report["ok"] is False and report["verdict"] == "not trusted"
    assert report["integrity"]["ok"] is True and report["trust"]["ok"] is False
    text = cli.run("verify", str(out), check=False).stdout
    assert "NOT TRUSTED" in text and "no trust anchor" in text
    # The trust store named in the settings file is an anchor too.
    store = cli.cwd / "trust"
    store.mkdir()
    (store / "ca.pem").write_bytes(certs.ca_pem.read_bytes())
    config = cli.cwd / "chatsafe.ini"
    config.write_text(f"[trust]\nstore = {store}\n", encoding="utf-8")
    cli.env["CHATSAFE_CONFIG"] = str(config)
    assert "all checks hold" in cli.run("verify", str(out)).stdout
    del cli.env["CHATSAFE_CONFIG"]

    # IT support with the minister's approval, and a PEM key this time
    cli.run("bundle", str(case), "--approve", "--by", "JdV", "--role", "minister")
    out2 = cli.cwd / "bundle2.zip"
    cli.run(
        "bundle",
        str(case),
        "--out",
        str(out2),
        "--key",
        str(certs.key_pem),
        "--cert",
        str(certs.cert_pem),
        "--by",
        "IT",
        "--role",
        "it",
    )
    cli.run("verify", str(out2), "--ca", str(certs.ca_pem))

    # A changed bundle: exit 1 and the file named
    bad = cli.cwd / "bad.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("transcript.json"):
                data = data.replace(b"Kamerbrief", b"Kamerbrie!", 1)
            dst.writestr(info.filename, data)
    failed = cli.run("verify", str(bad), check=False)
    assert failed.returncode == 1
    assert "transcript.json" in failed.stdout and "NOT VALID" in failed.stdout
    other = make_certs(cli.cwd / "other")
    wrong_ca = cli.run("verify", str(out), "--ca", str(other.ca_pem), check=False)
    assert wrong_ca.returncode == 1 and "does not chain" in wrong_ca.stdout


def test_passphrase_never_on_the_command_line(cli: Cli, certs: Certs) -> None:
    case = make_case(cli, 5)
    cli.run("settings", str(case), "--set", *ARCHIVAL)
    cli.env.pop("CHATSAFE_SIGNING_PASSPHRASE", None)
    proc = cli.run(
        "bundle",
        str(case),
        "--out",
        str(cli.cwd / "b.zip"),
        "--p12",
        str(certs.p12),
        "--by",
        "M",
        "--role",
        "minister",
        check=False,
    )
    assert proc.returncode == 2 and "passphrase" in proc.stderr
    help_text = cli.run("bundle", "--help").stdout
    assert "--passphrase" in help_text  # the case's own flag (asks), never a value
    assert "--signing-passphrase" not in help_text


def wait_for_partial(folder: Path, proc: subprocess.Popen[bytes], limit: float = 120.0) -> None:
    """Return once a bundle's partial file is in `folder` (or the process has ended)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.startswith(".bundle.zip.partial-") for p in folder.iterdir()):
            return
        time.sleep(0.005)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_at_random_moments_never_leaves_a_final_file(cli: Cli, certs: Certs) -> None:
    case = make_case(cli, 4000)
    cli.run("settings", str(case), "--set", *ARCHIVAL)
    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    out = cli.cwd / "out" / "bundle.zip"
    out.parent.mkdir()
    args = [
        "bundle",
        str(case),
        "--out",
        str(out),
        "--p12",
        str(certs.p12),
        "--by",
        "M",
        "--role",
        "minister",
    ]
    t0 = time.monotonic()
    cli.run(*args)
    duration = time.monotonic() - t0
    out.unlink()
    rnd = random.Random(7)
    complete = 0
    for i in range(12):
        proc = cli.popen(*args)
        if i % 3 == 0:
            # Under load the CLI's start-up can outlast every random delay, and then no
            # kill lands while the bundle is being written: every third run is killed
            # once its partial file exists, so that moment is always among those tried.
            wait_for_partial(out.parent, proc)
            time.sleep(rnd.uniform(0.0, 0.05))
        else:
            time.sleep(rnd.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if out.exists():  # killed after the rename: the file must be whole
            complete += 1
            assert cli.run("verify", str(out), "--ca", str(certs.ca_pem)).returncode == 0
            out.unlink()
        others = [
            p.name for p in out.parent.iterdir() if not p.name.startswith(".bundle.zip.partial-")
        ]
        assert others == [], others
    # Each start removes what earlier killed runs left, so what is there now depends on
    # where the last random kill landed. One more run, killed once its partial file
    # exists, leaves one for certain (tried again should it finish first).
    for _ in range(5):
        proc = cli.popen(*args)
        wait_for_partial(out.parent, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not out.exists():
            break
        out.unlink()
    # The next start of the CLI, whatever the command, removes what the killed runs left.
    assert any(p.name.startswith(".bundle.zip.partial-") for p in out.parent.iterdir())
    cli.run("formats")
    assert [p.name for p in out.parent.iterdir()] == []
    cli.run(*args)
    assert sorted(p.name for p in out.parent.iterdir()) == ["bundle.zip"]
    assert complete < 12


def test_timestamp_through_the_cli_and_the_settings_file(cli: Cli, tmp_path: Path) -> None:
    """``--tsa URL`` and ``[timestamp] url`` stamp the bundle; a TSA that is gone stops it
    (exit 2, no file)."""
    from tests import pki, tsa

    root = pki.ca("Test Root CA")
    minister = pki.leaf("Minister Test", root)
    key = tmp_path / "key.pem"
    key.write_bytes(
        minister.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert = minister.pem(tmp_path, "cert.pem")
    ca = root.pem(tmp_path, "ca.pem")
    case = make_case(cli, 10)
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    out = cli.cwd / "stamped.zip"
    args = ["bundle", str(case), "--out", str(out), "--key", str(key), "--cert", str(cert)]
    args += ["--by", "Minister Test", "--role", "minister"]
    authority = tsa.Authority(tsa.tsa_holder(root), [])
    with tsa.serve(authority) as url:
        cli.run(*args, "--tsa", url)
        report = json.loads(cli.run("verify", str(out), "--ca", str(ca), "--json").stdout)
        assert report["ok"] and report["timestamp"]["present"] and report["timestamp"]["ok"]
        out.unlink()
        config = cli.cwd / "chatsafe.ini"
        config.write_text(f"[timestamp]\nurl = {url}\n", encoding="utf-8")
        cli.env["CHATSAFE_CONFIG"] = str(config)
        cli.run(*args)
        assert authority.requests == 2
        assert "timestamped by Test TSA" in cli.run("verify", str(out), "--ca", str(ca)).stdout
        out.unlink()
    gone = cli.run(*args, check=False)  # the settings file names a TSA that is gone
    assert gone.returncode == 2 and "did not answer" in gone.stderr
    assert not out.exists()
    del cli.env["CHATSAFE_CONFIG"]
