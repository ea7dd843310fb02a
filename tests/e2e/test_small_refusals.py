"""Issue 12's small ones, as IT support meets them on the command line."""

from __future__ import annotations

from tests.e2e.conftest import Cli, whatsapp_text

CHAT = "WhatsApp-chat met Team.txt"


def test_set_may_repeat_and_a_key_given_twice_is_refused(cli: Cli) -> None:
    export = cli.cwd / CHAT
    export.write_text(whatsapp_text(3), encoding="utf-8")
    cli.run("import", "c.chatsafe", str(export))
    cli.run("settings", "c.chatsafe", "--set", "organisation=AZ", "--set", "appraisal=B")
    current = cli.json("settings", "c.chatsafe", "--json")
    assert (current["organisation"], current["appraisal"]) == ("AZ", "B")
    proc = cli.run(
        "settings", "c.chatsafe", "--set", "retention=permanent", "--set", "retention=10",
        check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "'retention' is given twice" in proc.stderr
    assert "retention" not in cli.json("settings", "c.chatsafe", "--json")
