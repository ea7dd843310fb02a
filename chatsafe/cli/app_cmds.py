"""The desktop app from the command line: ``chatsafe gui [CASE]`` and ``chatsafe demo``.

``chatsafe demo`` builds (once) a demo case from the sample exports in the user's data
folder and opens the app on it. Where this computer has no keyring (a headless CI box),
the demo case, and only the demo case, uses the fixed passphrase ``DEMO_PASSPHRASE``:
its content is invented, so a published passphrase protects nothing real.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from chatsafe import keys
from chatsafe.demo import DEMO_PASSPHRASE, build_demo, demo_exports, demo_passphrase

# The demo is built by chatsafe.demo (the app's "Open the demo" builds it the same way);
# these names stay importable from here for scripts that used them.
__all__ = ["build_demo", "demo_exports", "demo_passphrase", "register"]


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the review app (on CASE, if given)")
    p.add_argument("case", nargs="?", type=Path, metavar="CASE", help="the case file (.chatsafe)")
    _qt_options(p)
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("demo", help="open the review app on a demo case (built on first use)")
    p.add_argument(
        "--no-gui",
        "--check",
        dest="no_gui",
        action="store_true",
        help="build the demo case and print its stats",
    )
    _qt_options(p)
    p.set_defaults(func=cmd_demo)


def _qt_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=("nl", "en"), help="the app's language (default: the system's)"
    )
    p.add_argument(
        "--quit-after",
        type=int,
        metavar="MS",
        help="close the window after MS milliseconds (smoke tests, with QT_QPA_PLATFORM=offscreen)",
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from chatsafe.store import queries

    case = build_demo()
    # Said on stderr (stdout stays the JSON scripts read): without a keyring, the app
    # asks for this passphrase when the demo is opened from its recent list.
    print(f"chatsafe: demo case {case.path} (passphrase: {DEMO_PASSPHRASE})", file=sys.stderr)
    if args.no_gui:
        with case:
            stats = queries.case_stats(case.conn)
        out = {"case": str(case.path), "passphrase": DEMO_PASSPHRASE, **stats}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    case.close()
    return _run_gui(case.path, DEMO_PASSPHRASE, args)


def cmd_gui(args: argparse.Namespace) -> int:
    return _run_gui(args.case, keys.passphrase_from_env(), args)


def _run_gui(case: Path | None, passphrase: str | None, args: argparse.Namespace) -> int:
    if args.quit_after is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        print(
            "chatsafe: --quit-after is for smoke tests with QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
        )
        return 2
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        # Qt would abort with a core dump; say what to do instead.
        print(
            "chatsafe: no screen to show the app on (neither DISPLAY nor WAYLAND_DISPLAY is"
            " set). Run it in a desktop session, or use `chatsafe demo --no-gui` to build the"
            " demo case and print its figures.",
            file=sys.stderr,
        )
        return 2
    from chatsafe.gui.app import run

    return run(case, passphrase=passphrase, quit_after_ms=args.quit_after, lang=args.lang)
