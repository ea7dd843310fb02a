"""The import CLI end to end: stable JSON contract, idempotence, refusals, no plaintext."""

from __future__ import annotations

import base64
import io
import os
import zipfile
from pathlib import Path

from PIL import Image

from tests.e2e.conftest import Cli, whatsapp_text

CHAT = "WhatsApp-chat met Team Kamerbrief.txt"


def test_version(cli: Cli) -> None:
    from chatsafe import __version__

    assert cli.run("--version").stdout.strip() == f"chatsafe {__version__}"


def test_import_stats_messages_contract(cli: Cli) -> None:
    export = cli.cwd / CHAT
    export.write_text(whatsapp_text(40), encoding="utf-8")
    proc = cli.run("import", "case.chatsafe", str(export), "--owner", "Minister J. de Vries")
    assert "import" in proc.stderr  # progress and the summary go to stderr
    assert proc.stdout == ""
    stats = cli.json("stats", "case.chatsafe", "--json")
    (conv,) = stats["conversations"]
    assert set(conv) >= {
        "id",
        "title",
        "source_format",
        "is_group",
        "participants",
        "messages",
        "events",
        "first",
        "last",
        "attachments",
        "deleted",
        "edited",
        "view_once",
        "disappearing_notices",
        "labels",
        "entries_read",
        "entries_not_imported",
    }
    assert set(stats) >= {"conversations", "sources"}
    assert conv["entries_read"] == conv["messages"] + conv["events"]
    assert conv["entries_not_imported"] == {"count": 0, "reasons": {}}
    assert conv["source_format"] == "whatsapp"
    assert conv["title"] == "Team Kamerbrief"
    assert conv["messages"] == 40 and conv["events"] == 1
    assert conv["labels"] == {"business": 40, "private": 0, "party_political": 0}
    assert set(conv["attachments"]) == {"referenced", "present", "missing"}
    msgs = cli.json("messages", "case.chatsafe", "--conversation", str(conv["id"]), "--json")
    assert len(msgs) == 41
    assert set(msgs[1]) >= {
        "id",
        "kind",
        "sender",
        "time",
        "text",
        "deleted",
        "edited",
        "view_once",
        "attachments",
        "label",
    }
    assert msgs[0]["kind"] == "event" and msgs[0]["label"] is None
    assert [m["time"] for m in msgs] == sorted(m["time"] for m in msgs)
    # Idempotent: the same export again adds nothing.
    cli.run("import", "case.chatsafe", str(export))
    again = cli.json("stats", "case.chatsafe", "--json")["conversations"][0]
    assert again["messages"] == 40


def test_overlapping_export_adds_only_new(cli: Cli) -> None:
    first = cli.cwd / "a" / CHAT
    later = cli.cwd / "b" / CHAT
    first.parent.mkdir()
    later.parent.mkdir()
    full = whatsapp_text(60).split("\n")
    first.write_text("\n".join(full[:41]) + "\n", encoding="utf-8")
    later.write_text("\n".join(full[21:]), encoding="utf-8")  # overlaps 20
    cli.run("import", "c.chatsafe", str(first))
    cli.run("import", "c.chatsafe", str(later))
    (conv,) = cli.json("stats", "c.chatsafe", "--json")["conversations"]
    assert conv["messages"] == 60


def test_refusals_exit_2_with_file_and_line_and_leave_case_unchanged(cli: Cli) -> None:
    good = cli.cwd / CHAT
    good.write_text(whatsapp_text(5), encoding="utf-8")
    cli.run("import", "c.chatsafe", str(good))
    before = (cli.cwd / "c.chatsafe").read_bytes()

    bad = cli.cwd / "WhatsApp-chat met Kapot.txt"
    bad.write_bytes(b"01-01-2024 08:00 - A: hallo\n01-01-2024 08:01 - B: " + b"\xff\xfe oops\n")
    proc = cli.run("import", "c.chatsafe", str(bad), check=False)
    assert proc.returncode == 2
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith(f"chatsafe: {bad}:2: ")
    assert "UTF-8" in line and "offset" in line

    notchat = cli.cwd / "notes.txt"
    notchat.write_text("just some notes\nnothing here\n", encoding="utf-8")
    proc = cli.run("import", "c.chatsafe", str(notchat), check=False)
    assert proc.returncode == 2 and str(notchat) in proc.stderr

    evil = cli.cwd / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("_chat.txt", "[01-01-2024 08:00:00] A: hallo\n")
        z.writestr("../../escape.txt", "x")
    proc = cli.run("import", "c.chatsafe", str(evil), check=False)
    assert proc.returncode == 2 and "evil.zip" in proc.stderr and ".." in proc.stderr
    assert not (cli.cwd.parent / "escape.txt").exists()

    # Good and bad together: nothing of the good one is kept either.
    proc = cli.run("import", "c.chatsafe", str(good), str(bad), check=False)
    assert proc.returncode == 2
    (conv,) = cli.json("stats", "c.chatsafe", "--json")["conversations"]
    assert conv["messages"] == 5
    del before


def _all_files(*roots: Path) -> list[Path]:
    out = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            out += [Path(dirpath) / f for f in files]
    return out


def _forms(canary: str) -> list[bytes]:
    raw = canary.encode()
    forms = [raw, canary.encode("utf-16-le")]
    for shift in range(3):
        enc = base64.b64encode(b"\0" * shift + raw)
        forms.append(enc[4 : len(enc) - 4])  # the stable middle part at each alignment
    return forms


def test_no_plaintext_on_disk(cli: Cli, isolated_home: Path) -> None:
    """A unique canary in a message and in a photo never reaches any file in the clear."""
    canary = "KANARIE-" + os.urandom(8).hex()
    pixel_canary = "FOTO-" + os.urandom(8).hex()
    text = whatsapp_text(30).rstrip("\n") + (
        f"\n02-01-2024 09:00 - Adviseur Bakker: geheim {canary}\n"
        "02-01-2024 09:01 - Adviseur Bakker: IMG-20240102-WA0001.jpg (bestand bijgevoegd)\n"
    )
    img = Image.new("RGB", (64, 64), "white")
    buf = io.BytesIO()
    img.save(buf, "JPEG", comment=pixel_canary.encode())
    export = cli.cwd / "WhatsApp-chat met Geheim.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("WhatsApp-chat met Geheim.txt", text)
        z.writestr("IMG-20240102-WA0001.jpg", buf.getvalue())
    case_dir = cli.cwd / "cases"
    cli.run("-v", "import", str(case_dir / "g.chatsafe"), str(export))
    cli.run("stats", str(case_dir / "g.chatsafe"), "--json")
    msgs = cli.run("messages", str(case_dir / "g.chatsafe"), "--conversation", "1", "--json")
    assert canary in msgs.stdout  # it is in the case, readable with the key
    export.unlink()  # the input itself is the user's plaintext, not ours
    files = _all_files(case_dir, isolated_home)
    logs = [f for f in files if f.name == "chatsafe.log"]
    assert logs and b"new entries" in logs[0].read_bytes()  # the log is there, and searched
    assert any(f.name == "g.chatsafe" for f in files)
    for path in files:
        data = path.read_bytes()
        for secret in (canary, pixel_canary):
            for form in _forms(secret):
                assert form not in data, f"{secret} found in the clear in {path}"


def test_canary_search_finds_every_form() -> None:
    """The search above must be able to fail: each encoding of a canary is found."""
    canary = "KANARIE-0123456789abcdef"
    for prefix in (b"", b"a", b"ab"):
        blob = b"head" + base64.b64encode(prefix + canary.encode() + b"tail") + b"end"
        assert any(form in blob for form in _forms(canary))
    assert any(form in canary.encode("utf-16-le") for form in _forms(canary))


def test_an_internal_error_is_one_line_and_logged_without_its_message(
    cli: Cli, isolated_home: Path
) -> None:
    """A bug (here: a stats entry that cannot be made) gives exit 1, one line, and a log
    entry with the place but not the exception's text."""
    export = cli.cwd / CHAT
    export.write_text(whatsapp_text(3), encoding="utf-8")
    cli.run("import", "c.chatsafe", str(export))
    boom = cli.cwd / "sitecustomize.py"
    boom.write_text(
        "import chatsafe.store.queries as q\n"
        "def broken(c):\n    raise ValueError('GEHEIM-uit-de-chat')\n"
        "q.case_stats = broken\n"
    )
    # Keep the code under test on the path (a worktree's PYTHONPATH), after the hook.
    path = os.pathsep.join(p for p in (str(cli.cwd), cli.env.get("PYTHONPATH", "")) if p)
    env = dict(cli.env, PYTHONPATH=path)
    proc = Cli(env, cli.cwd).run("stats", "c.chatsafe", "--json", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("chatsafe: internal error (ValueError)")
    assert "Traceback" not in proc.stderr
    (log,) = [p for p in isolated_home.rglob("chatsafe.log")]
    text = log.read_text()
    assert "internal error in stats: ValueError" in text
    assert "cli/__init__.py" in text  # where it happened
    assert "GEHEIM" not in text and "GEHEIM" not in proc.stderr


def test_entries_not_imported_are_summed_up_by_import_and_stats(cli: Cli) -> None:
    export = Path(__file__).parent.parent / "fixtures" / "signal_export" / "export"
    proc = cli.run("import", "c.chatsafe", str(export), "--owner", "Me")
    assert "3 of 14 entries read not imported" in proc.stderr
    text = cli.run("stats", "c.chatsafe").stdout
    assert "import 1 (export): 3 of 14 entries not imported (empty-entry 3)" in text
    (source,) = cli.json("stats", "c.chatsafe", "--json")["sources"]
    assert source["entries_read"] == 14
    assert [e["reason"] for e in source["entries_not_imported"]["entries"]] == ["empty-entry"] * 3


def test_import_reports_what_the_whatsapp_importer_assumed(cli: Cli) -> None:
    """Lines before the first header and an assumed year are said, not silent."""
    fixtures = Path(__file__).parent.parent / "fixtures" / "whatsapp"
    paged = fixtures / "WhatsApp Chat with Page.txt"
    yearless = cli.cwd / "WhatsApp-chat met Ruud.txt"
    yearless.write_bytes((fixtures / yearless.name).read_bytes())
    os.utime(yearless, (1396440000, 1396440000))  # 2014-04-02 12:00 UTC
    proc = cli.run("import", "case.chatsafe", str(paged), str(yearless))
    assert (
        "note: Page: 2 line(s) before the first message are not chat messages (line 1, 2)"
        in proc.stderr
    )
    assert "note: Ruud: the export prints no years: 2014 assumed" in proc.stderr
    given = cli.run("import", "given.chatsafe", str(yearless), "--first-year", "2011")
    assert "2011 assumed for the first message (given for this import)" in given.stderr
    stats = cli.json("stats", "case.chatsafe", "--json")
    assert sorted(c["messages"] for c in stats["conversations"]) == [3, 3]
    # Neither begins with the encryption notice: both may be tails of longer chats.
    assert [c["possibly_truncated"] for c in stats["conversations"]] == [True, True]
    assert stats["conversations"][0]["truncation"]["reasons"] == ["starts_mid_conversation"]
    missing = [s["entries_not_imported"] for s in stats["sources"]]
    assert {"count": 2, "reasons": {"not-a-chat-line": 2}} in [
        {"count": m["count"], "reasons": m["reasons"]} for m in missing
    ]
