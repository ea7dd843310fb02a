"""``chatsafe export-rsmf`` as IT support runs it: the contract of its flags and JSON,
refusals with exit 2, and SIGKILL at random moments never leaving a folder under the
final name."""

from __future__ import annotations

import json
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import Cli, whatsapp_text
from tests.rsmf_support import read_rsmf, validate


def make_case(cli: Cli, n: int = 40) -> Path:
    case = cli.cwd / "case.chatsafe"
    chat = cli.cwd / "WhatsApp-chat met Kabinet.txt"
    chat.write_text(whatsapp_text(n, seed=4), encoding="utf-8")
    cli.run("import", str(case), str(chat), "--owner", "Minister J. de Vries")
    return case


def test_export_rsmf_through_the_cli(cli: Cli) -> None:
    case = make_case(cli)
    out = cli.cwd / "woo"
    args = ["export-rsmf", str(case), "--out", str(out)]

    it = cli.run(*args, "--by", "IT", "--role", "it", check=False)
    assert it.returncode == 2 and "minister" in it.stderr
    assert not out.exists()

    done = cli.run(*args, "--by", "J. de Vries", "--role", "minister", "--json")
    result = json.loads(done.stdout)
    assert set(result) >= {"folder", "conversations", "events", "attachments", "files"}
    assert result["conversations"] == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f["name"] for f in result["files"])
    events = 0
    for f in out.iterdir():
        r = read_rsmf(f)
        validate(r)
        events += len(r.manifest["events"])
    assert events == result["events"]
    assert "wrote" in done.stderr

    again = cli.run(*args, "--by", "J. de Vries", "--role", "minister", check=False)
    assert again.returncode == 2 and "new or empty folder" in again.stderr
    assert again.stderr.count("\n") == 1

    whole = cli.cwd / "whole"
    cli.run(*args[:3], str(whole), "--slice", "conversation", "--by", "M", "--role", "minister")
    assert [p.name for p in whole.iterdir()] == ["conversation-0001.rsmf"]

    bad = cli.run(*args[:3], str(cli.cwd / "x"), "--slice", "week", "--by", "M", "--role", "it",
                  check=False)  # fmt: skip
    assert bad.returncode == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_at_random_moments_never_leaves_a_final_folder(cli: Cli) -> None:
    case = make_case(cli, 3000)
    out = cli.cwd / "out" / "woo"
    out.parent.mkdir()
    args = ["export-rsmf", str(case), "--out", str(out), "--by", "M", "--role", "minister"]
    t0 = time.monotonic()
    cli.run(*args)
    duration = time.monotonic() - t0
    expected = sorted(p.name for p in out.iterdir())
    for f in out.iterdir():
        f.unlink()
    out.rmdir()
    rnd = random.Random(11)
    complete = 0
    for _ in range(8):
        proc = cli.popen(*args)
        time.sleep(rnd.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if out.exists():  # killed after the rename: the export must be whole
            complete += 1
            assert sorted(p.name for p in out.iterdir()) == expected
            for f in out.iterdir():
                read_rsmf(f)
                f.unlink()
            out.rmdir()
        others = [p.name for p in out.parent.iterdir() if not p.name.startswith(".woo.partial-")]
        assert others == [], others
    cli.run(*args)  # a later run removes what the killed ones left
    assert [p.name for p in out.parent.iterdir()] == ["woo"]
    assert sorted(p.name for p in out.iterdir()) == expected
    assert complete < 8
