"""Kill an import with SIGKILL at random moments: the case opens, is intact, and holds
none or all of that import."""

from __future__ import annotations

import random
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import PASSPHRASE, Cli, whatsapp_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

N = 30_000
RUNS = 20


def _count(path: Path) -> tuple[list[str], int, int]:
    from chatsafe.store import open_case

    case = open_case(path, passphrase=PASSPHRASE)
    try:
        problems = case.check_integrity()
        total = case.conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        imports = case.conn.execute("SELECT count(*) FROM imports").fetchone()[0]
        return problems, total, imports
    finally:
        case.close()


def test_kill_during_import_leaves_none_or_all(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    base = cli.cwd / "base.chatsafe"
    small = cli.cwd / "WhatsApp-chat met Klein.txt"
    small.write_text(whatsapp_text(10, seed=2), encoding="utf-8")
    cli.run("import", str(base), str(small))
    big = cli.cwd / "WhatsApp-chat met Groot.txt"
    big.write_text(whatsapp_text(N, seed=3), encoding="utf-8")
    _, base_total, _ = _count(base)

    # How long a whole import takes here, to spread the kills over it.
    probe = cli.cwd / "probe.chatsafe"
    shutil.copy(base, probe)
    t0 = time.monotonic()
    cli.run("import", str(probe), str(big))
    duration = time.monotonic() - t0
    _, full_total, _ = _count(probe)
    assert full_total == base_total + N + 1

    rnd = random.Random(42)
    # "inside": killed after the import reported progress, i.e. inside its transaction.
    # Only those show that a half-done import rolls back; a kill before the process got
    # that far proves nothing, so it is counted apart.
    outcomes = {"before": 0, "inside": 0, "all": 0}
    for run in range(RUNS):
        case = cli.cwd / f"run{run}.chatsafe"
        shutil.copy(base, case)
        proc = cli.popen("import", str(case), str(big), stderr=True)
        time.sleep(rnd.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        started = b"import: " in err
        problems, total, _ = _count(case)
        assert problems == [], f"run {run}: {problems}"
        assert total in (base_total, full_total), f"run {run}: {total} rows"
        if total == full_total:
            outcomes["all"] += 1
        else:
            outcomes["inside" if started else "before"] += 1
        for leftover in case.parent.glob(f"{case.name}*"):
            leftover.unlink()
    # The kills must have landed inside imports, not only before or after them.
    assert outcomes["inside"] >= 5, outcomes
    del monkeypatch


def test_kill_during_the_first_import_leaves_no_case_or_the_whole_one(cli: Cli) -> None:
    """Creating a case and its first import are one step (issue 12): never an empty case."""
    n = 8000
    export = cli.cwd / "WhatsApp-chat met Eerste.txt"
    export.write_text(whatsapp_text(n, seed=4), encoding="utf-8")
    t0 = time.monotonic()
    cli.run("import", "probe.chatsafe", str(export))
    duration = time.monotonic() - t0
    rnd = random.Random(12)
    outcomes = {"none": 0, "all": 0}
    for run in range(8):
        case = cli.cwd / f"first{run}.chatsafe"
        proc = cli.popen("import", str(case), str(export))
        time.sleep(rnd.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if case.exists():
            problems, total, imports = _count(case)
            assert problems == [] and (total, imports) == (n + 1, 1), f"run {run}"
            outcomes["all"] += 1
        else:
            outcomes["none"] += 1
    assert outcomes["none"] >= 2, outcomes
    # A later import under a killed run's name starts afresh and tidies the leftovers.
    cli.run("import", "first0.chatsafe", str(export), check=False)
    assert [p.name for p in cli.cwd.glob(".first0.chatsafe.creating-*")] == []
    assert _count(cli.cwd / "first0.chatsafe")[1] == n + 1
