"""WhatsApp import benchmark: parse-only messages/s and peak RSS.

    .venv/bin/python bench/import_whatsapp.py --n 1000000

Each stage is a function taking the export's path and returning (messages, seconds),
so the full import (parse + encrypted store + full-text index) and the chat-miner
comparison can be added as further stages; ``main`` prints one line per stage.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_whatsapp_gen import STYLES, iter_export  # noqa: E402

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.whatsapp import IMPORTER  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

Stage = Callable[[Path], tuple[int, float]]


def write_export(folder: Path, n: int, seed: int, style: str) -> Path:
    """Write an export of ``n`` entries, streaming, and return its path."""
    path = folder / "WhatsApp-chat met Kabinet bench.txt"
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for line in iter_export(n, seed, style):
            f.write(line)
    return path


def parse_only(path: Path) -> tuple[int, float]:
    """Parse every entry and drop it: the importer's own speed."""
    start = time.perf_counter()
    count = 0
    with open_source(path) as source:
        for conv in IMPORTER.parse(source, ImportContext(owner="Minister J. de Vries")):
            for _ in conv.messages:
                count += 1
    return count, time.perf_counter() - start


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


STAGES: dict[str, Stage] = {"parse-only": parse_only}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="entries in the export")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--style", choices=STYLES, default="android_nl")
    ap.add_argument("--stage", action="append", choices=sorted(STAGES), help="default: all")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chatsafe-bench-") as tmp:
        t0 = time.perf_counter()
        path = write_export(Path(tmp), args.n, args.seed, args.style)
        size = path.stat().st_size / 1024**2
        print(
            f"export: {args.n} entries, {size:.1f} MB, written in {time.perf_counter() - t0:.1f} s"
        )
        for name in args.stage or list(STAGES):
            count, seconds = STAGES[name](path)
            print(
                f"{name}: {count} messages in {seconds:.2f} s = {count / seconds:,.0f} messages/s"
            )
        print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
