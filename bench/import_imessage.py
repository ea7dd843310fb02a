"""iMessage import benchmark: parse-only messages/s on a generated chat.db.

    .venv/bin/python bench/import_imessage.py --n 200000

``n`` message rows over 200 chats (a tenth of them groups): most with ``text``, a
third with the text only in ``attributedBody``, some tapbacks, edits and unsends.
The database is opened read-only and immutable, as for a real import.
"""

from __future__ import annotations

import argparse
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
from imessage_db import SCHEMA, ns  # noqa: E402

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.imessage import IMPORTER  # noqa: E402
from chatsafe.importers.typedstream import archive_text  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()


def build(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    handles = [(i, f"+316{10_000_000 + i}", "iMessage") for i in range(1, 301)]
    conn.executemany("INSERT INTO handle (ROWID, id, service) VALUES (?, ?, ?)", handles)
    chats = []
    joins = []
    for c in range(1, 201):
        group = c % 10 == 0
        members = rng.sample(range(1, 301), 4) if group else [c]
        chats.append((c, f"iMessage;{'+' if group else '-'};chat{c}", 43 if group else 45,
                      f"chat{c}", "Groep {c}" if group else ""))  # fmt: skip
        joins.extend((c, h) for h in members)
    conn.executemany(
        "INSERT INTO chat (ROWID, guid, style, chat_identifier, display_name) VALUES (?,?,?,?,?)",
        chats,
    )
    conn.executemany("INSERT INTO chat_handle_join VALUES (?, ?)", joins)
    t = ns(2022, 1, 1, 0, 0)
    rows = []
    cmj = []
    last: dict[int, str] = {}
    for i in range(1, n + 1):
        t += rng.randint(1, 300) * 1_000_000_000
        chat = rng.randint(1, 200)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 30)))
        body = None
        assoc, assoc_type = None, 0
        r = rng.random()
        if r < 0.33:
            body, text = archive_text(text), None
        elif r < 0.36 and chat in last:
            assoc, assoc_type = f"p:0/{last[chat]}", 2000 + rng.randint(0, 5)
        edited = t if rng.random() < 0.02 else 0
        retracted = t if rng.random() < 0.005 else 0
        guid = f"G{i:08d}"
        rows.append((i, guid, text, body, chat if chat <= 300 else 1, rng.random() < 0.5, t,
                     assoc, assoc_type, edited, retracted))  # fmt: skip
        cmj.append((chat, i, t))
        last[chat] = guid
    conn.executemany(
        "INSERT INTO message (ROWID, guid, text, attributedBody, handle_id, is_from_me, date,"
        " associated_message_guid, associated_message_type, date_edited, date_retracted)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.executemany("INSERT INTO chat_message_join VALUES (?, ?, ?)", cmj)
    conn.execute("CREATE INDEX chat_message_join_idx ON chat_message_join (chat_id)")
    conn.commit()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.db"
        build(path, args.n, args.seed)
        size = path.stat().st_size
        start = time.perf_counter()
        count = convs = 0
        with open_source(path) as source:
            for conv in IMPORTER.parse(source, ImportContext()):
                convs += 1
                count += sum(1 for _ in conv.messages)
        elapsed = time.perf_counter() - start
        floor = baselines.sqlite_floor(path, "message")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"imessage: {args.n} rows -> {count} messages/events in {convs} chats, "
          f"{size / 1e6:.1f} MB database")  # fmt: skip
    print(f"imessage: {elapsed:.2f} s, {args.n / elapsed:,.0f} rows/s "
          f"({count / elapsed:,.0f} messages/s), peak RSS {peak:.0f} MB")  # fmt: skip
    baselines.report("imessage", elapsed, floor, "SELECT * FROM message")


if __name__ == "__main__":
    main()
