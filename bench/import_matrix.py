"""Matrix import benchmark: parse-only messages/s on a generated Element JSON export.

    .venv/bin/python bench/import_matrix.py --n 200000

One room with ``n`` events: mostly m.room.message text, some replies, edits (which
fold into their original), redactions, reactions and membership changes.
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
from chatsafe.importers.matrix import IMPORTER  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
USERS = ["@mark:gov.example", "@sanne:gov.example", "@piet:gov.example"]
ROOM = "!bench:gov.example"


def events(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    ts = 1_650_000_000_000
    out: list[dict[str, Any]] = []
    for user in USERS:
        out.append(
            {
                "type": "m.room.member",
                "sender": user,
                "state_key": user,
                "content": {"membership": "join", "displayname": user[1:].split(":")[0]},
                "origin_server_ts": ts,
                "event_id": f"$join{user}",
                "room_id": ROOM,
            }
        )
    i = 0
    shown = len(out)
    # Edits and reactions fold into other messages: generate until n messages remain.
    while shown < n:
        i += 1
        ts += rng.randint(1000, 600_000)
        sender = rng.choice(USERS)
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 40)))
        roll = rng.random()
        ev: dict[str, Any] = {
            "type": "m.room.message",
            "sender": sender,
            "origin_server_ts": ts,
            "event_id": f"$e{i}",
            "room_id": ROOM,
            "content": {"msgtype": "m.text", "body": body},
        }
        if roll < 0.05 and i > 2:
            ev["content"] = {
                "msgtype": "m.text",
                "body": " * " + body,
                "m.new_content": {"msgtype": "m.text", "body": body},
                "m.relates_to": {"rel_type": "m.replace", "event_id": f"$e{i - 1}"},
            }
        elif roll < 0.07:
            ev["content"] = {}
            ev["unsigned"] = {"redacted_because": {"type": "m.room.redaction"}}
        elif roll < 0.15 and i > 2:
            ev["content"]["m.relates_to"] = {"m.in_reply_to": {"event_id": f"$e{i - 2}"}}
        elif roll < 0.17 and i > 2:
            ev = {
                "type": "m.reaction",
                "sender": sender,
                "origin_server_ts": ts,
                "event_id": f"$e{i}",
                "room_id": ROOM,
                "content": {
                    "m.relates_to": {
                        "rel_type": "m.annotation",
                        "event_id": f"$e{i - 1}",
                        "key": "+1",
                    }
                },
            }
        if not (ev["type"] == "m.reaction" or "m.new_content" in ev["content"]):
            shown += 1
        out.append(ev)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    evs = events(args.n, args.seed)
    n_events = len(evs)
    root = {"room_name": "Bench", "export_date": "1-1-2024", "exported_by": "mark", "messages": evs}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "matrix - Bench - Chat Export.json"
        path.write_text(json.dumps(root, indent=2), encoding="utf-8")
        size = path.stat().st_size / 1e6
        del root, evs
        start = time.perf_counter()
        count = 0
        with open_source(path) as source:
            for conv in IMPORTER.parse(source, ImportContext()):
                for _ in conv.messages:
                    count += 1
        seconds = time.perf_counter() - start
        floor = baselines.json_floor(path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"matrix parse-only: {n_events} events -> {count} messages ({size:.0f} MB) in "
        f"{seconds:.2f} s = {n_events / seconds:,.0f} events/s, {count / seconds:,.0f} "
        f"messages/s; peak RSS {rss:.0f} MB (incl. generator)"
    )
    baselines.report("matrix", seconds, floor, "json.loads")


if __name__ == "__main__":
    main()
