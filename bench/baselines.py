"""Floors for the import benchmarks, measured on the same file in the same run: what the
standard library alone takes to read that format, with no chatsafe logic at all.

Each returns (units read, seconds). An importer's time divided by its floor says how much
chatsafe adds on top of just reading the file.
"""

from __future__ import annotations

import json
import sqlite3
import time
import xml.etree.ElementTree as ET
from pathlib import Path


def json_floor(path: Path) -> tuple[int, float]:
    """``json.loads`` of the whole file (Telegram, Matrix); counts the messages in it."""
    start = time.perf_counter()
    root = json.loads(path.read_bytes())
    seconds = time.perf_counter() - start
    chats = root.get("chats", {}).get("list", [root]) if isinstance(root, dict) else []
    return sum(len(c.get("messages", [])) for c in chats), seconds


def json_lines_floor(paths: list[Path]) -> tuple[int, float]:
    """``json.loads`` of every line (signal-export's data.json)."""
    start = time.perf_counter()
    n = 0
    for path in paths:
        for line in path.read_bytes().splitlines():
            if line.strip():
                json.loads(line)
                n += 1
    return n, time.perf_counter() - start


def xml_floor(path: Path) -> tuple[int, float]:
    """The C ElementTree parser over the file, elements cleared as it goes (SMS).

    Old backups write emoji as surrogate character references, which expat refuses;
    they are blanked here with one regular expression (chatsafe repairs them instead).
    """
    import io
    import re

    start = time.perf_counter()
    data = re.sub(rb"&#5[5-7][0-9]{3};", b"?", path.read_bytes())
    n = 0
    for _, elem in ET.iterparse(io.BytesIO(data)):
        if elem.tag in ("sms", "mms"):
            n += 1
            elem.clear()
    return n, time.perf_counter() - start


def sqlite_floor(path: Path, table: str) -> tuple[int, float]:
    """Every row of one table, read-only (iMessage's ``message``)."""
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    n = len(conn.execute(f"SELECT * FROM {table}").fetchall())  # noqa: S608 - bench only
    conn.close()
    return n, time.perf_counter() - start


def mbox_floor(path: Path) -> tuple[int, float]:
    """The stdlib ``email`` parser over each message of an mbox (compat32 policy)."""
    import email

    start = time.perf_counter()
    data = path.read_bytes()
    parts = data.split(b"\nFrom ")
    for part in parts:
        email.message_from_bytes(part)
    return len(parts), time.perf_counter() - start


def report(name: str, ours: float, floor: tuple[int, float], what: str) -> None:
    n, seconds = floor
    print(
        f"{name} baseline ({what}, same file, same run): {seconds:.2f} s for {n:,} items;"
        f" the importer takes {ours / seconds:.1f}x that"
    )
