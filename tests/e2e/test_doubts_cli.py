"""Doubts as IT support and an assistant script them (issue 14, item 4): ``label --as
doubt --question``, ``doubts`` to list and resolve, ``stats --json`` counts, and the
bundle and the approval refused with exit 2 and one line while a doubt is open."""

from __future__ import annotations

import json

from tests.bundle_support import SIGNING_PASSPHRASE, bundle_bytes
from tests.e2e.conftest import Cli
from tests.e2e.test_bundle_cli import ARCHIVAL, make_case

QUESTION = "Is dit over VRAAG-GEHEIM? Dan privé."


def test_a_doubt_blocks_the_bundle_until_it_is_resolved(cli: Cli, certs) -> None:
    case = make_case(cli, n=12)
    cli.run("settings", str(case), "--set", *ARCHIVAL, "--by", "IT")
    who = ["--by", "Ada", "--role", "assistant"]
    cli.run("label", str(case), "--message", "3", "--as", "doubt", "--question", QUESTION, *who)
    raised = cli.run(
        "label", str(case), "--conversation", "1", "--as", "doubt", "--question", "Heel gesprek?",
        "--ask", "records-officer", *who,
    )  # fmt: skip
    assert "doubt 2 raised on conversation 1" in raised.stderr

    stats = cli.json("stats", str(case), "--json")
    assert stats["doubts"] == {"open": 2, "resolved": 0}
    assert stats["conversations"][0]["doubts"] == 2
    listed = cli.json("doubts", str(case), "--json")["doubts"]
    assert [(d["id"], d["message"], d["ask"]) for d in listed] == [
        (2, None, "records_officer"),
        (1, 3, "minister"),
    ]
    assert listed[1]["question"] == QUESTION and listed[1]["open"] is True

    cli.env["CHATSAFE_SIGNING_PASSPHRASE"] = SIGNING_PASSPHRASE
    out = cli.cwd / "bundle.zip"
    bundle = ["bundle", str(case), "--out", str(out), "--p12", str(certs.p12)]
    refused = cli.run(*bundle, "--by", "JdV", "--role", "minister", check=False)
    assert refused.returncode == 2 and not out.exists()
    (line,) = refused.stderr.strip().splitlines()
    assert line.startswith("chatsafe: 2 open doubts block the bundle")
    assert "conversation 1; conversation 1, message 3" in line
    assert "VRAAG-GEHEIM" not in refused.stderr
    approve = cli.run(
        "bundle", str(case), "--approve", "--by", "JdV", "--role", "minister", check=False
    )
    assert approve.returncode == 2 and "block the approval" in approve.stderr

    # a doubt needs a question, and a contact cannot be in doubt
    bad = cli.run("label", str(case), "--message", "4", "--as", "doubt", *who, check=False)
    assert bad.returncode == 2 and "--question" in bad.stderr
    bad = cli.run(
        "label", str(case), "--contact", "Anna", "--as", "doubt", "--question", "?", *who,
        check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and "contact" in bad.stderr
    bad = cli.run("doubts", str(case), "--resolve", "1", "--answer", "maybe", *who, check=False)
    assert bad.returncode == 2 and "unknown answer" in bad.stderr

    cli.run("doubts", str(case), "--resolve", "1", "--answer", "private", "--by", "JdV",
            "--role", "minister")  # fmt: skip
    done = cli.run("doubts", str(case), "--resolve", "2", "--answer", "withdrawn", *who, "--json")
    assert json.loads(done.stdout)["answer"] == "withdrawn"
    assert "0 open doubt(s) left" in done.stderr
    assert cli.json("doubts", str(case), "--json")["doubts"] == []
    assert len(cli.json("doubts", str(case), "--all", "--json")["doubts"]) == 2
    assert cli.json("stats", str(case), "--json")["doubts"] == {"open": 0, "resolved": 2}
    messages = cli.json("messages", str(case), "--conversation", "1", "--json")
    assert next(m for m in messages if m["id"] == 3)["label"] == "private"

    cli.run(*bundle, "--by", "JdV", "--role", "minister")
    for name, data in bundle_bytes(out).items():  # every member, inflated
        assert b"VRAAG-GEHEIM" not in data, name
