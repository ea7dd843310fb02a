"""Phone backup benchmark: an encrypted iPhone backup with WhatsApp, and a crypt15 msgstore.

    .venv/bin/python bench/import_backup.py --messages 500000 --media-mb 2048

Two inputs are generated (synthetic Dutch chat text, random media bytes):

- an encrypted iPhone backup whose ChatStorage.sqlite holds ``--messages`` rows over
  300 chats, with ``--media-mb`` MB of media in 2 MB files (each file decrypted in
  memory when its message is read);
- a WhatsApp for Android ``msgstore.db.crypt15`` with the same number of rows.

Each is parsed the way an import reads it (every message and attachment consumed, the
store left out) and reported as messages/s, media MB/s and peak RSS, beside the same
run's floor: the standard library's plain SQLite read of the same rows (the unencrypted
database, which only the benchmark writes to disk). The key bag uses low PBKDF2 counts;
``--real-kdf`` also times the 10,000,000 + 10,000 rounds a real backup asks for.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import baselines  # noqa: E402  (bench/, the script's own folder)

from chatsafe.importers import iphone_keybag  # noqa: E402
from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.iphone_backup import IMPORTER as BACKUP  # noqa: E402
from chatsafe.importers.iphone_backup import PASSWORD_EXTRA, WHATSAPP_DOMAIN  # noqa: E402
from chatsafe.importers.whatsapp_android import IMPORTER as ANDROID  # noqa: E402
from chatsafe.importers.whatsapp_android import KEY_EXTRA  # noqa: E402
from chatsafe.importers.whatsapp_crypt import encrypt_for_tests  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402
from tests.unit import iphone_backup_db, whatsapp_android_db, whatsapp_ios_db  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
MEDIA_FILE = 2 * 1024 * 1024


def chat_storage(n: int, media_files: int, seed: int) -> bytes:
    rng = random.Random(seed)
    conn = sqlite3.connect(":memory:")
    conn.executescript(whatsapp_ios_db.SCHEMA)
    conn.executemany(
        "INSERT INTO ZWACHATSESSION(Z_PK, ZCONTACTJID, ZPARTNERNAME, ZSESSIONTYPE) VALUES (?,?,?,?)",
        [(c, f"3161{c:07d}@{'g.us' if c % 10 == 0 else 's.whatsapp.net'}", f"Chat {c}",
          int(c % 10 == 0)) for c in range(1, 301)],
    )  # fmt: skip
    rows = []
    media = []
    t = 700_000_000.0
    for i in range(1, n + 1):
        t += rng.randint(1, 300)
        with_media = i <= media_files
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 30)))
        rows.append((i, rng.randint(1, 300), int(rng.random() < 0.5), t, 1 if with_media else 0,
                     text, f"3EB0{i:012X}", i if with_media else None))  # fmt: skip
        if with_media:
            media.append((i, i, f"Media/x/{i % 256:02x}/{i}.jpg"))
    conn.executemany(
        "INSERT INTO ZWAMESSAGE(Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZMESSAGETYPE,"
        " ZTEXT, ZSTANZAID, ZMEDIAITEM) VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.executemany(
        "INSERT INTO ZWAMEDIAITEM(Z_PK, ZMESSAGE, ZMEDIALOCALPATH) VALUES (?,?,?)", media
    )
    conn.execute("CREATE INDEX ZWAMESSAGE_ZCHATSESSION_INDEX ON ZWAMESSAGE (ZCHATSESSION)")
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def msgstore(n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    conn = sqlite3.connect(":memory:")
    conn.executescript(whatsapp_android_db.SCHEMA)
    conn.executemany("INSERT INTO jid(_id, user, server, raw_string) VALUES (?,?,?,?)",
                     [(c, f"3161{c:07d}", "s.whatsapp.net", f"3161{c:07d}@s.whatsapp.net")
                      for c in range(1, 301)])  # fmt: skip
    conn.executemany("INSERT INTO chat(_id, jid_row_id) VALUES (?, ?)",
                     [(c, c) for c in range(1, 301)])  # fmt: skip
    t = 1_600_000_000_000
    rows = []
    for i in range(1, n + 1):
        t += rng.randint(1, 300_000)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 30)))
        rows.append((i, rng.randint(1, 300), int(rng.random() < 0.5), f"3EB0{i:012X}", t, 0,
                     text, i))  # fmt: skip
    conn.executemany(
        "INSERT INTO message(_id, chat_row_id, from_me, key_id, timestamp, message_type,"
        " text_data, sort_id) VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.execute("CREATE INDEX message_chat ON message(chat_row_id, sort_id)")
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def consume(importer: object, path: Path, ctx: ImportContext) -> tuple[int, int, float]:
    start = time.perf_counter()
    count = media = 0
    with open_source(path) as source:
        for conv in importer.parse(source, ctx):  # type: ignore[attr-defined]
            for msg in conv.messages:
                count += 1
                media += sum(len(a.data or b"") for a in msg.attachments)
    return count, media, time.perf_counter() - start


def rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=500_000)
    parser.add_argument("--media-mb", type=int, default=2048)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--real-kdf", action="store_true")
    args = parser.parse_args()
    files = args.media_mb * 1024 * 1024 // MEDIA_FILE
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = chat_storage(args.messages, files, args.seed)
        blob = os.urandom(MEDIA_FILE)
        app = [(WHATSAPP_DOMAIN, "ChatStorage.sqlite", db)] + [
            (WHATSAPP_DOMAIN, f"Message/Media/x/{i % 256:02x}/{i}.jpg", blob[: MEDIA_FILE - i])
            for i in range(1, files + 1)
        ]
        backup = iphone_backup_db.build(work / "backup", iphone_backup_db.PASSWORD, files=app)
        del app
        plain = work / "ChatStorage.sqlite"
        plain.write_bytes(db)
        del db
        before = rss()
        count, media, seconds = consume(
            BACKUP, backup, ImportContext(extra={PASSWORD_EXTRA: iphone_backup_db.PASSWORD})
        )
        floor = baselines.sqlite_floor(plain, "ZWAMESSAGE")
        print(f"iphone-backup: {count:,} messages, {media / 1e6:,.0f} MB media in "
              f"{seconds:.2f} s: {count / seconds:,.0f} messages/s, "
              f"{media / 1e6 / seconds:,.1f} MB/s; peak RSS {rss():.0f} MB "
              f"(before: {before:.0f} MB)")  # fmt: skip
        baselines.report("iphone-backup", seconds, floor, "SELECT * FROM ZWAMESSAGE")

        plain_android = msgstore(args.messages, args.seed)
        crypt = work / "msgstore.db.crypt15"
        crypt.write_bytes(encrypt_for_tests(plain_android, whatsapp_android_db.KEY, bytes(16)))
        plain = work / "msgstore.db"
        plain.write_bytes(plain_android)
        del plain_android
        count, _, seconds = consume(
            ANDROID, crypt, ImportContext(extra={KEY_EXTRA: whatsapp_android_db.KEY_HEX})
        )
        floor = baselines.sqlite_floor(plain, "message")
        print(f"crypt15: {count:,} messages in {seconds:.2f} s: {count / seconds:,.0f} "
              f"messages/s; peak RSS {rss():.0f} MB")  # fmt: skip
        baselines.report("crypt15", seconds, floor, "SELECT * FROM message")
    if args.real_kdf:
        bag = iphone_keybag.Keybag(salt=b"s" * 20, iterations=10_000, dp_salt=b"d" * 20,
                                   dp_iterations=10_000_000)  # fmt: skip
        start = time.perf_counter()
        iphone_keybag.derive("wachtwoord", bag)
        print(f"key bag: a real backup's PBKDF2 (10,000,000 + 10,000 rounds) takes "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
