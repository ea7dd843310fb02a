"""The same conversation exported twice (two dates, two phones) merges without
duplicates, and review decisions made in between stay where they were."""

from __future__ import annotations

import zipfile

from tests.e2e.conftest import Cli

ANDROID = """12-03-2024 09:15 - Berichten en oproepen zijn end-to-end versleuteld.
12-03-2024 09:16 - Minister J. de Vries: Is de Kamerbrief klaar?
12-03-2024 09:17 - Adviseur Bakker: Bijna, vanmiddag.
12-03-2024 09:17 - Adviseur Bakker: Bijna, vanmiddag.
12-03-2024 21:03 - Adviseur Bakker: Fijne verjaardag aan je dochter!
"""

# The same chat from an iPhone (seconds, brackets, CRLF), a day later, with one new message.
IOS = (
    "[12-03-2024 09:16:41] Minister J. de Vries: Is de Kamerbrief klaar?\r\n"
    "[12-03-2024 09:17:02] Adviseur Bakker: Bijna, vanmiddag.\r\n"
    "[12-03-2024 09:17:40] Adviseur Bakker: Bijna, vanmiddag.\r\n"
    "[12-03-2024 21:03:12] Adviseur Bakker: Fijne verjaardag aan je dochter!\r\n"
    "[13-03-2024 08:00:00] Minister J. de Vries: Dank, ik lees hem zo.\r\n"
)


def test_two_phones_two_dates_merge_and_keep_labels(cli: Cli) -> None:
    android = cli.cwd / "WhatsApp-chat met Adviseur Bakker.txt"
    android.write_text(ANDROID, encoding="utf-8")
    ios = cli.cwd / "WhatsApp Chat - Adviseur Bakker.zip"
    with zipfile.ZipFile(ios, "w") as z:
        z.writestr("_chat.txt", IOS)
    owner = ["--owner", "Minister J. de Vries"]
    cli.run("import", "c.chatsafe", str(android), *owner)
    (conv,) = cli.json("stats", "c.chatsafe", "--json")["conversations"]
    msgs = cli.json("messages", "c.chatsafe", "--conversation", str(conv["id"]), "--json")
    birthday = next(m for m in msgs if "verjaardag" in (m["text"] or ""))
    cli.run(
        "label",
        "c.chatsafe",
        "--message",
        str(birthday["id"]),
        "--as",
        "private",
        "--by",
        "A. Assistent",
        "--role",
        "assistant",
        "--reason",
        "felicitatie",
    )
    cli.run("import", "c.chatsafe", str(ios))
    stats = cli.json("stats", "c.chatsafe", "--json")["conversations"]
    assert len(stats) == 1, [c["title"] for c in stats]
    (conv,) = stats
    assert conv["messages"] == 5  # 4 from Android (two identical) + 1 new from the iPhone
    assert conv["events"] == 1
    assert conv["labels"] == {"business": 4, "private": 1, "party_political": 0}
    msgs = cli.json("messages", "c.chatsafe", "--conversation", str(conv["id"]), "--json")
    assert [m["label"] for m in msgs if "verjaardag" in m["text"]] == ["private"]
