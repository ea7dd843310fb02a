"""The command line: a thin layer over the core. IT support scripts depend on it.

Commands and JSON fields are a contract: add, never rename. Errors are one line on
stderr, ``chatsafe: <file>[:<line>]: <what is wrong>``, with exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from chatsafe import __version__
from chatsafe.errors import CancelledError, ChatsafeError

# Each module adds its commands with register(subparsers).
_COMMAND_MODULES = (
    "case_cmds",
    "review_cmds",
    "doubt_cmds",
    "bundle_cmds",
    "export_cmds",
    "app_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatsafe",
        description="Separate business messages from private and party-political ones, "
        "and hand the business record to the archive.",
    )
    parser.add_argument("--version", action="version", version=f"chatsafe {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")
    parser.add_argument(
        "--portable", action="store_true", help="keep settings and logs beside the program"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"chatsafe.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"chatsafe.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.INFO if args.verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("chatsafe %(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(lambda record: not getattr(record, "file_only", False))
    from chatsafe.logfile import own_or_warning

    stderr.addFilter(own_or_warning)  # -v shows chatsafe's INFO, not other libraries' data
    logging.getLogger().addHandler(stderr)
    logging.getLogger().setLevel(logging.INFO)
    if args.portable:
        from chatsafe import paths

        paths.enable_portable()
    from chatsafe import logfile

    logfile.install()
    logging.getLogger("chatsafe").info("chatsafe %s: %s", __version__, args.command)
    from chatsafe.bundle import atomic

    # A bundle killed half-way left a temporary file next to its target: remove it now.
    atomic.remove_recorded_stale()
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except CancelledError:
        print("chatsafe: cancelled; nothing was changed", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("chatsafe: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except ChatsafeError as exc:
        # The code and the place, not the message: it may quote a file name from a chat.
        logging.getLogger("chatsafe").info("%s refused: %s", args.command, exc.code)
        print(f"chatsafe: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: say so plainly, and log where, not what
        from chatsafe import logfile

        logging.getLogger("chatsafe").error(
            "internal error in %s: %s\n%s",
            args.command,
            type(exc).__name__,
            logfile.frames(exc.__traceback__),
            extra={"file_only": True},  # the user gets one line below, not the frames
        )
        print(
            f"chatsafe: internal error ({type(exc).__name__}); nothing was changed. "
            "Please report it with the log file chatsafe.log.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
