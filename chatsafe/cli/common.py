"""What every command shares: unlocking a case, progress on stderr, JSON on stdout."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from pathlib import Path
from typing import Any

from chatsafe import keys
from chatsafe.errors import NoKeyError
from chatsafe.store import Case, create_case, open_case


def add_case_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", type=Path, metavar="CASE", help="the case file (.chatsafe)")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help=f"ask for the case's passphrase (or set {keys.PASSPHRASE_ENV})",
    )


def _ask(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def passphrase(args: argparse.Namespace, *, new: bool = False) -> str | None:
    """The passphrase from the environment, or asked for when --passphrase is given."""
    env = keys.passphrase_from_env()
    if env is not None:
        return env
    if getattr(args, "passphrase", False):
        first = _ask("Passphrase for the case: ")
        if first is None:
            raise NoKeyError(f"no terminal to ask for a passphrase: set {keys.PASSPHRASE_ENV}")
        if new and _ask("Same passphrase again: ") != first:
            raise NoKeyError("the two passphrases differ")
        return first
    return None


def new_case_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase for a new case: given, asked for without a keyring, or None."""
    pw = passphrase(args, new=True)
    if pw is None and not keys.keyring_available():
        pw = _ask("No keyring on this computer. Choose a passphrase for the case: ")
        if pw is not None and _ask("Same passphrase again: ") != pw:
            raise NoKeyError("the two passphrases differ")
    return pw


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Case:
    """Open CASE (creating it when asked and absent): keyring first, then passphrase."""
    path: Path = args.case
    if create and not path.exists():
        return create_case(path, passphrase=new_case_passphrase(args))
    try:
        return open_case(path, passphrase=passphrase(args))
    except NoKeyError:
        pw = _ask("Passphrase for the case: ")
        if pw is None:
            raise
        return open_case(path, passphrase=pw)


class StderrProgress:
    """Progress on stderr: a rewritten line on a terminal, a line a second otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.shown = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 1.0):
            return
        self.last = now
        amount = f"{done * 100 // total}%" if total else (f"{done:,}" if done else "")
        line = f"{self.label}: {phase} {amount}".rstrip()
        if self.tty:
            sys.stderr.write("\r\x1b[K" + line)
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
        self.shown = True

    def done(self, message: str = "") -> None:
        if self.tty and self.shown:
            sys.stderr.write("\r\x1b[K")
        if message:
            sys.stderr.write(message + "\n")
        sys.stderr.flush()


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
