"""WhatsApp import benchmark: parse-only and full-import messages/s, peak RSS, and
chat-miner's WhatsAppParser on the same file as the baseline measured in the same run.

    .venv/bin/python bench/import_whatsapp.py --n 1000000
    # chat-miner pulls pandas, polars and matplotlib: keep it out of the shared venv
    python -m pip install --target /tmp/chatminer chat-miner   # once, for the comparison
    PYTHONPATH=.:/tmp/chatminer .venv/bin/python bench/import_whatsapp.py --n 100000

Each stage runs in its own process (so each peak RSS is its own) and is a function
taking the export's path and returning (messages, seconds). Targets on a 2-core machine:
full import >= 100,000 messages/s; parse-only >= 10x chat-miner; peak RSS < 1 GB.
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


def full_import(path: Path) -> tuple[int, float]:
    """Parse + encrypted store + full-text index, as `chatsafe import` does it."""
    import keyring
    from keyring.backends import fail

    from chatsafe.ingest import import_paths
    from chatsafe.store import create_case

    keyring.set_keyring(fail.Keyring())
    case = create_case(path.parent / "bench.chatsafe", passphrase="benchmark passphrase")
    start = time.perf_counter()
    report = import_paths(case, [path], ImportContext(owner="Minister J. de Vries"))
    seconds = time.perf_counter() - start
    case.close()
    return report.added, seconds


def chat_miner(path: Path) -> tuple[int, float]:
    """chat-miner's WhatsAppParser (PyPI: chat-miner) on the same file."""
    from chatminer.chatparsers import WhatsAppParser

    start = time.perf_counter()
    parser = WhatsAppParser(str(path))
    parser.parse_file()
    count = len(parser.parsed_messages.get_df())
    return count, time.perf_counter() - start


def _chat_miner_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("chatminer") is not None


STAGES: dict[str, Stage] = {
    "parse-only": parse_only,
    "full-import": full_import,
    "chat-miner": chat_miner,
}


def _run_stage_in_child(name: str, path: Path) -> tuple[int, float, float]:
    """Run one stage in a fresh interpreter: (messages, seconds, peak RSS MB)."""
    import json
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--child", name, "--path", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    return int(got["count"]), float(got["seconds"]), float(got["rss"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="entries in the export")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--style", choices=STYLES, default="android_nl")
    ap.add_argument("--stage", action="append", choices=sorted(STAGES), help="default: all")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        import json

        count, seconds = STAGES[args.child](args.path)
        print(json.dumps({"count": count, "seconds": seconds, "rss": peak_rss_mb()}))
        return 0
    # The generated export is synthetic, not chat content: a temporary folder is fine here.
    with tempfile.TemporaryDirectory(prefix="chatsafe-bench-") as tmp:
        t0 = time.perf_counter()
        path = write_export(Path(tmp), args.n, args.seed, args.style)
        size = path.stat().st_size / 1024**2
        print(
            f"export: {args.n} entries, {size:.1f} MB, written in {time.perf_counter() - t0:.1f} s"
        )
        rates: dict[str, float] = {}
        for name in args.stage or list(STAGES):
            if name == "chat-miner" and not _chat_miner_available():
                print("chat-miner: not installed (pip install chat-miner); no baseline ratio")
                continue
            count, seconds, rss = _run_stage_in_child(name, path)
            rates[name] = count / seconds
            print(
                f"{name}: {count} messages in {seconds:.2f} s = {rates[name]:,.0f} messages/s,"
                f" peak RSS {rss:.0f} MB"
            )
        if "parse-only" in rates and "chat-miner" in rates:
            ratio = rates["parse-only"] / rates["chat-miner"]
            print(f"parse-only / chat-miner: {ratio:.1f}x (target >= 10x)")
        if "full-import" in rates:
            verdict = "met" if rates["full-import"] >= 100_000 else "NOT met"
            print(f"full import target 100,000 messages/s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
