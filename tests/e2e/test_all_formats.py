"""Every format side by side in one case, through the real CLI: detection by content,
`formats`, the stats contract per format, idempotence, and a clear refusal of unknowns."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.e2e.conftest import Cli
from tests.unit import imessage_db, signal_desktop_db, whatsapp_android_db, whatsapp_ios_db

FIX = Path(__file__).resolve().parent.parent / "fixtures"
FORMATS = {
    "whatsapp",
    "whatsapp-android",
    "whatsapp-ios",
    "signal-export",
    "signal-desktop",
    "sms",
    "imessage",
    "telegram",
    "email",
    "matrix",
}


def _inputs(work: Path) -> tuple[list[Path], Path]:
    """One input per format (copied, so nothing in the repository is touched)."""
    paths = [
        FIX / "whatsapp" / "WhatsApp-chat met Kabinetsoverleg.txt",
        FIX / "telegram" / "full_current",
        FIX / "matrix" / "room.json",
        FIX / "email" / "takeout.mbox",
        FIX / "sms" / "backup.xml",
        FIX / "signal_export" / "export",
    ]
    copies = []
    for p in paths:
        dest = work / "in" / p.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if p.is_dir():
            shutil.copytree(p, dest)
        else:
            shutil.copy(p, dest)
        copies.append(dest)
    copies.append(imessage_db.build_folder(work / "in" / "Messages"))
    signal_root = signal_desktop_db.build(work / "in" / "Signal")
    key_file = work / "signal.key"
    key_file.write_text(signal_desktop_db.KEY)
    copies.append(signal_root)
    # Its key file next to it, as IT support brings it from the phone.
    phone = whatsapp_android_db.build(work / "in" / "WhatsApp")
    (phone / "encrypted_backup.key").write_text(whatsapp_android_db.KEY_HEX)
    copies.append(phone)
    copies.append(whatsapp_ios_db.build_mac(work / "in" / "group.net.whatsapp.WhatsApp.shared"))
    return copies, key_file


def test_formats_lists_every_importer(cli: Cli) -> None:
    names = {f["name"] for f in cli.json("formats", "--json")}
    # A container: its conversations carry their app's format (whatsapp-ios, imessage).
    assert names == FORMATS | {"iphone-backup"}
    assert "WhatsApp" in cli.run("formats").stdout


def test_every_format_side_by_side(cli: Cli) -> None:
    inputs, key_file = _inputs(cli.cwd)
    args = ["import", "all.chatsafe", *map(str, inputs), "--signal-key", str(key_file)]
    cli.run(*args, "--owner", "Minister J. de Vries")
    stats = cli.json("stats", "all.chatsafe", "--json")["conversations"]
    # The Mac's WhatsApp chats are the Android database's (same JIDs) and the export's
    # (same group name): reconciled into those conversations, listed among their sources.
    assert {c["source_format"] for c in stats} == FORMATS - {"whatsapp-ios"}
    held = {s["source_format"] for c in stats for s in c["coverage"]["sources"]}
    assert held == FORMATS
    for conv in stats:
        assert conv["messages"] + conv["events"] > 0, conv["title"]
        assert conv["labels"]["business"] == conv["messages"]
        msgs = cli.json("messages", "all.chatsafe", "--conversation", str(conv["id"]), "--json")
        assert sum(m["kind"] == "message" for m in msgs) == conv["messages"]
        assert sum(m["kind"] == "event" for m in msgs) == conv["events"]
        assert [(m["time"]) for m in msgs] == sorted(m["time"] for m in msgs) or conv[
            "source_format"
        ] in ("whatsapp", "signal-export")  # wall-clock only: DST may reorder printed times
    before = sum(c["messages"] + c["events"] for c in stats)
    proc = cli.run(*args)
    assert "imported 0 new entries" in proc.stderr
    after = cli.json("stats", "all.chatsafe", "--json")["conversations"]
    assert sum(c["messages"] + c["events"] for c in after) == before


def test_unknown_input_names_the_formats(cli: Cli) -> None:
    odd = cli.cwd / "spreadsheet.csv"
    odd.write_text("a,b,c\n1,2,3\n")
    proc = cli.run("import", "x.chatsafe", str(odd), check=False)
    assert proc.returncode == 2
    assert str(odd) in proc.stderr
    for label in ("WhatsApp", "Telegram", "Signal", "Matrix"):
        assert label in proc.stderr
    assert not any(cli.cwd.glob("x.chatsafe*"))  # a refused first import leaves no case
