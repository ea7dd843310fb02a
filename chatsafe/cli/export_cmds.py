"""``chatsafe export-rsmf``: the business record as RSMF 2.0 files for review platforms."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chatsafe.cli.common import StderrProgress, add_case_arg, open_from_args, print_json


def register(sub: Any) -> None:
    from chatsafe.export.rsmf import SLICES

    p = sub.add_parser(
        "export-rsmf",
        help="write what leaves as RSMF 2.0 files (Relativity, Nuix, Reveal, ZyLAB)",
        description="Write exactly what a bundle would carry as RSMF 2.0 files, one per "
        "conversation and day (or per conversation), into a new or empty folder. Needs "
        "the minister (--role minister) or the minister's current approval.",
    )
    add_case_arg(p)
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="a new folder")
    p.add_argument(
        "--slice",
        choices=SLICES,
        default="day",
        help="one file per conversation and day (default), or per conversation",
    )
    p.add_argument("--by", required=True, metavar="NAME", help="who makes the export")
    p.add_argument("--role", required=True, metavar="ROLE", help="minister, assistant or it")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_export_rsmf)


def cmd_export_rsmf(args: argparse.Namespace) -> int:
    from chatsafe.export.rsmf import check_folder, export_rsmf

    check_folder(args.out)  # before asking for a passphrase
    with open_from_args(args) as case:
        progress = StderrProgress("export-rsmf")
        result = export_rsmf(
            case, args.out, by=args.by, role=args.role, slicing=args.slice, progress=progress
        )
        progress.done(
            f"wrote {len(result.files)} RSMF files to {result.folder}: "
            f"{result.conversations} conversations, {result.events} entries, "
            f"{result.attachments} attachments"
        )
    for warning in result.warnings:
        print(f"chatsafe: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(result.as_dict())
    return 0
