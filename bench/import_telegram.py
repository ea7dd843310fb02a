"""Telegram import benchmark: parse-only messages/s on a generated result.json.

    .venv/bin/python bench/import_telegram.py --n 200000

Writes a full-account export (a few chats, current schema, some services, replies,
edits, forwards, entity-list texts and missing files) to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import baselines  # noqa: E402  (bench/, the script's own folder)

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.telegram import IMPORTER  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
PEOPLE = [("Mark de Minister", 5000001), ("Sanne Jansen", 7000002), ("Piet Pieters", 7000004)]


def message(rng: random.Random, msg_id: int, unix: int) -> dict[str, Any]:
    name, uid = rng.choice(PEOPLE)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 40)))
    base: dict[str, Any] = {
        "id": msg_id,
        "type": "message",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(unix)),
        "date_unixtime": str(unix),
    }
    roll = rng.random()
    if roll < 0.03:
        base |= {
            "type": "service",
            "actor": name,
            "actor_id": f"user{uid}",
            "action": rng.choice(["phone_call", "set_messages_ttl", "pin_message"]),
            "period": 86400,
            "text": "",
            "text_entities": [],
        }
        return base
    base |= {"from": name, "from_id": f"user{uid}"}
    if roll < 0.15:
        base["text"] = [words[:10], {"type": "bold", "text": words[10:20]}, words[20:]]
        base["text_entities"] = [
            {"type": "plain", "text": words[:10]},
            {"type": "bold", "text": words[10:20]},
            {"type": "plain", "text": words[20:]},
        ]
    else:
        base["text"] = words
        base["text_entities"] = [{"type": "plain", "text": words}]
    if roll > 0.9:
        base["reply_to_message_id"] = max(1, msg_id - rng.randint(1, 20))
    if 0.85 < roll < 0.88:
        base["edited"] = base["date"]
        base["edited_unixtime"] = str(unix + 60)
    if 0.80 < roll < 0.82:
        base["forwarded_from"] = "Persbureau"
    if 0.70 < roll < 0.72:
        base["photo"] = "(File not included. Change data exporting settings to download.)"
    return base


def write_export(folder: Path, n: int, seed: int) -> Path:
    rng = random.Random(seed)
    chats = []
    per_chat = max(1, n // 4)
    msg_total = 0
    for c in range(4):
        count = per_chat if c < 3 else n - 3 * per_chat
        unix = 1_600_000_000
        messages = []
        for i in range(count):
            unix += rng.randint(5, 600)
            messages.append(message(rng, i + 1, unix))
        msg_total += count
        chats.append(
            {
                "name": f"Chat {c}",
                "type": "private_group" if c else "personal_chat",
                "id": 7000000 + c,
                "messages": messages,
            }
        )
    root = {
        "about": "bench",
        "personal_information": {
            "user_id": 5000001,
            "first_name": "Mark",
            "last_name": "de Minister",
        },
        "chats": {"list": chats},
    }
    path = folder / "result.json"
    path.write_text(json.dumps(root, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def parse_only(path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    count = 0
    with open_source(path.parent) as source:
        for conv in IMPORTER.parse(source, ImportContext()):
            for _ in conv.messages:
                count += 1
    return count, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ChatExport"
        folder.mkdir()
        path = write_export(folder, args.n, args.seed)
        size = path.stat().st_size / 1e6
        count, seconds = parse_only(path)
        floor = baselines.json_floor(path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"telegram parse-only: {count} messages ({size:.0f} MB) in {seconds:.2f} s = "
        f"{count / seconds:,.0f} messages/s; peak RSS {rss:.0f} MB (incl. generator)"
    )
    baselines.report("telegram", seconds, floor, "json.loads")


if __name__ == "__main__":
    main()
