"""E-mail import benchmark: parse-only messages/s on one generated mbox.

    .venv/bin/python bench/import_email.py --n 200000

The mails are bench/mails.py's: small, in threads, some replies without references.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import baselines  # noqa: E402  (bench/, the script's own folder)
from mails import write_mbox  # noqa: E402

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.email_mbox import IMPORTER  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "All mail Including Spam and Trash.mbox"
        write_mbox(path, args.n, args.seed)
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        count = threads = 0
        with open_source(path) as source:
            for conv in IMPORTER.parse(source, ImportContext()):
                threads += 1
                for _ in conv.messages:
                    count += 1
        seconds = time.perf_counter() - start
        floor = baselines.mbox_floor(path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"email parse-only: {count} mails in {threads} threads ({size:.0f} MB) in "
        f"{seconds:.2f} s = {count / seconds:,.0f} messages/s; peak RSS {rss:.0f} MB"
    )
    baselines.report("email", seconds, floor, "email.message_from_bytes per mail")


if __name__ == "__main__":
    main()
