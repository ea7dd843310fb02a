"""Signal import benchmarks: parse-only messages/s for signal-export and Signal Desktop.

    .venv/bin/python bench/import_signal.py --n 200000

signal-export: 100 chat folders with ``n`` messages in all, read once from data.json
and once from chat.md alone. Signal Desktop: an SQLCipher database with ``n`` message
rows over 100 conversations, opened read-only with its key.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import sqlcipher3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import baselines  # noqa: E402  (bench/, the script's own folder)
from signal_desktop_db import KEY, SCHEMA  # noqa: E402

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.signal_desktop import IMPORTER as DESKTOP  # noqa: E402
from chatsafe.importers.signal_export import IMPORTER as EXPORT  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
CHATS = 100


def write_export(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    per_chat = n // CHATS
    for c in range(CHATS):
        folder = root / f"Contact{c:03d}"
        folder.mkdir(parents=True)
        t = datetime(2022, 1, 1)
        md, js = [], []
        for i in range(per_chat):
            t += timedelta(seconds=rng.randint(1, 900))
            sender = "Me" if rng.random() < 0.5 else f"Contact{c:03d}"
            lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
                     for _ in range(rng.choice((1, 1, 1, 2, 3)))]  # fmt: skip
            body = "\n".join(lines) + "  "
            deleted = i % 97 == 0
            stamp = t.strftime("%Y-%m-%d %H:%M:%S")
            md.append(f"[{stamp}] {sender}: {'(This message was deleted)' if deleted else body}\n")
            js.append(json.dumps({"date": t.isoformat(), "sender": sender,
                                  "body": "" if deleted else body, "quote": "", "sticker": None,
                                  "reactions": [], "attachments": [], "deleted": deleted,
                                  "call": False, "missed": False}))  # fmt: skip
        (folder / "chat.md").write_text("\n".join(md) + "\n", encoding="utf-8")
        (folder / "data.json").write_text("\n".join(js) + "\n", encoding="utf-8")


def write_desktop(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    (root / "sql").mkdir(parents=True)
    conn = sqlcipher3.connect(str(root / "sql" / "db.sqlite"))
    conn.execute(f"PRAGMA key = \"x'{KEY}'\"")
    conn.executescript(SCHEMA)
    for c in range(CHATS):
        data = {"serviceId": f"aci-{c}"}
        conn.execute(
            "INSERT INTO conversations (id, json, type, profileFullName) VALUES (?, ?, ?, ?)",
            (f"conv-{c}", json.dumps(data), "private", f"Contact {c}"),
        )
    t = 1_640_995_200_000
    rows = []
    for i in range(n):
        t += rng.randint(1000, 900_000)
        c = rng.randrange(CHATS)
        kind = "outgoing" if rng.random() < 0.5 else "incoming"
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 30)))
        data = {"id": f"m{i}", "type": kind, "body": body, "sent_at": t,
                "sourceServiceId": f"aci-{c}" if kind == "incoming" else None}  # fmt: skip
        if i % 50 == 0:
            data["reactions"] = [{"emoji": "\U0001f44d", "fromId": f"conv-{c}"}]
        rows.append((f"m{i}", json.dumps(data), t, f"conv-{c}", kind, body))
    conn.executemany(
        "INSERT INTO messages (id, json, sent_at, conversationId, type, body)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("CREATE INDEX messages_conversation ON messages (conversationId)")
    conn.commit()
    conn.close()


def timed(label: str, run: Callable[[], int]) -> None:
    start = time.perf_counter()
    count = run()
    elapsed = time.perf_counter() - start
    print(f"{label}: {count} messages in {elapsed:.2f} s, {count / elapsed:,.0f} messages/s")


def count_all(path: Path, importer: object, ctx: ImportContext) -> int:
    count = 0
    with open_source(path) as source:
        for conv in importer.parse(source, ctx):  # type: ignore[attr-defined]
            count += sum(1 for _ in conv.messages)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export"
        write_export(export, args.n, args.seed)
        t0 = time.perf_counter()
        timed("signal-export (data.json)", lambda: count_all(export, EXPORT, ImportContext()))
        ours = time.perf_counter() - t0
        floor = baselines.json_lines_floor(sorted(export.glob("*/data.json")))
        baselines.report("signal-export", ours, floor, "json.loads per data.json line")
        for folder in export.iterdir():
            (folder / "data.json").unlink()
        timed("signal-export (chat.md)", lambda: count_all(export, EXPORT, ImportContext()))
        desktop = Path(tmp) / "Signal"
        write_desktop(desktop, args.n, args.seed)
        ctx = ImportContext(signal_key=KEY)
        timed("signal-desktop (SQLCipher)", lambda: count_all(desktop, DESKTOP, ctx))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"signal: peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
