"""Figures of the frozen app in dist/chatsafe/: size, zip size, start to first paint.

    .venv/bin/python packaging/build.py --no-smoke     # once
    .venv/bin/python bench/frozen_app.py [--runs 5]

Start time: the frozen GUI opens a demo case offscreen; the entry point prints the wall
clock of the main window's first paint (CHATSAFE_REPORT_PAINT=1). Baseline in the same
run: the frozen CLI's `--version` (bootloader + Python start, no Qt).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import buildinfo  # noqa: E402
import smoke  # noqa: E402

# "build" is also a PyPI package's name: load packaging/build.py by its path.
_spec = importlib.util.spec_from_file_location("chatsafe_build", ROOT / "packaging" / "build.py")
assert _spec and _spec.loader
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = build.APP
    if not (app / "chatsafe").exists() and not (app / "chatsafe.exe").exists():
        print("bench: no dist/chatsafe/: run packaging/build.py --no-smoke first")
        return 1
    zip_path = build.DIST / buildinfo.zip_name()
    print(f"frozen folder: {build.folder_size(app) / 1e6:.1f} MB (target < 200 MB)")
    if zip_path.exists():
        print(f"portable zip:  {zip_path.stat().st_size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory(prefix="chatsafe-bench-") as tmp:
        s = smoke.Smoke(app, Path(tmp), buildinfo.package_version())
        versions = []
        for _ in range(args.runs):
            t = time.perf_counter()
            s.run("--version")
            versions.append(time.perf_counter() - t)
        s.check_import()
        paints = []
        s.env["CHATSAFE_REPORT_PAINT"] = "1"
        for _ in range(args.runs):
            started = time.time()
            proc = s.run("gui", s.case, "--quit-after", "1500", timeout=120)
            m = smoke.PAINT_RE.search(proc.stderr)
            if m:
                paints.append(float(m.group(1)) - started)
    print(f"CLI --version (baseline): median {statistics.median(versions):.3f} s")
    if paints:
        print(
            f"GUI start to first paint: first {paints[0]:.3f} s, median "
            f"{statistics.median(paints):.3f} s, best {min(paints):.3f} s (target < 2 s)"
        )
    else:
        print("GUI start to first paint: not reported (no gui command yet?)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
