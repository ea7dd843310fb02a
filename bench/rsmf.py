"""RSMF export benchmark: time and throughput of `export_rsmf` on the bundle bench's
generated case, against a floor measured in the same run: the standard library alone
writing the same files' bytes (json.dumps of each manifest, zipfile, base64, write and
fsync), with the manifests and attachments already in memory.

    .venv/bin/python bench/rsmf.py                                  # 200,000 messages, 200 MB
    .venv/bin/python bench/rsmf.py --messages 50000 --media-mb 50   # a quick run

The case is the one bench/bundle.py builds (10 % private, 1 MB incompressible media on
business messages, 20 conversations, a message every 30 s: about 145 days).
"""

from __future__ import annotations

import argparse
import base64
import email
import io
import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle import build_case  # noqa: E402

from chatsafe.export.rsmf import export_rsmf  # noqa: E402
from chatsafe.store import open_case  # noqa: E402


def floor(files: list[Path], folder: Path) -> float:
    """The same manifests and files written with the standard library only."""
    loaded = []
    for f in files:
        msg = email.message_from_bytes(f.read_bytes())
        (att,) = [p for p in msg.walk() if p.get_filename() == "rsmf.zip"]
        with zipfile.ZipFile(io.BytesIO(att.get_payload(decode=True))) as z:
            manifest = json.loads(z.read("rsmf_manifest.json"))
            members = [(n, z.read(n)) for n in z.namelist() if n != "rsmf_manifest.json"]
        loaded.append((manifest, members))
    target = folder / "floor.bin"
    t0 = time.perf_counter()
    for manifest, members in loaded:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("rsmf_manifest.json", json.dumps(manifest, ensure_ascii=False))
            for name, data in members:
                z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
        with open(target, "wb") as out:
            out.write(base64.encodebytes(buf.getvalue()))
            out.flush()
            os.fsync(out.fileno())
    elapsed = time.perf_counter() - t0
    target.unlink()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=200_000)
    ap.add_argument("--media-mb", type=int, default=200)
    ap.add_argument("--conversations", type=int, default=20)
    ap.add_argument("--slice", choices=["day", "conversation"], default="day")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        build_case(folder / "bench.chatsafe", args.messages, args.media_mb, args.conversations)
        print(
            f"case: {args.messages:,} messages, {args.media_mb} MB media "
            f"({time.perf_counter() - t0:.1f} s to generate)"
        )
        case = open_case(folder / "bench.chatsafe", passphrase="bench-passphrase")
        out = folder / "rsmf"
        t0 = time.perf_counter()
        result = export_rsmf(case, out, by="Bench", role="minister", slicing=args.slice)
        export_time = time.perf_counter() - t0
        case.close()
        files = sorted(out.iterdir())
        size = sum(f.stat().st_size for f in files) / 1e6
        base = floor(files, folder)
        print(
            f"export:   {export_time:8.1f} s  {result.events / export_time:10,.0f} events/s  "
            f"{size / export_time:7.1f} MB/s  ({len(files):,} files, {result.events:,} events, "
            f"{result.attachments} attachments, {size:.0f} MB)"
        )
        print(
            f"floor:    {base:8.1f} s  {result.events / base:10,.0f} events/s  "
            f"{size / base:7.1f} MB/s  (stdlib json + zipfile + base64 of the same files)"
        )
        print(f"export throughput = {base / export_time:.0%} of the floor")


if __name__ == "__main__":
    main()
