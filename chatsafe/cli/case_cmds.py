"""Commands on the case file: import, stats, messages, formats, settings."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from chatsafe import guide, import_options, importers, settings
from chatsafe.cli.common import (
    StderrProgress,
    add_case_arg,
    new_case_passphrase,
    open_from_args,
    print_json,
)
from chatsafe.errors import ChatsafeError
from chatsafe.import_options import ImportOptions
from chatsafe.importers import (
    iphone_backup,
    signal_desktop_crypto,
    whatsapp_android,
    whatsapp_crypt,
)
from chatsafe.ingest import import_paths, zone
from chatsafe.service import CaseService
from chatsafe.store import Case, queries
from chatsafe.store.case import create_case_with

WHATSAPP_KEY_ENV = "CHATSAFE_WHATSAPP_KEY"
BACKUP_PASSWORD_ENV = "CHATSAFE_BACKUP_PASSWORD"
SIGNAL_SAFE_STORAGE_ENV = "CHATSAFE_SIGNAL_SAFE_STORAGE"


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import exports into a case (created if absent)")
    add_case_arg(p)
    p.add_argument("paths", nargs="+", type=str, metavar="PATH", help="export files or folders")
    p.add_argument("--owner", help="the owner's name as it appears in the exports")
    p.add_argument("--tz", help="time zone of wall-clock times (default: the case's)")
    p.add_argument("--format", dest="format_name", help="skip detection: name the format")
    p.add_argument("--encoding", help="text encoding when the export is not UTF-8")
    p.add_argument("--signal-key", help="file holding the Signal Desktop database key (hex)")
    p.add_argument(
        "--first-year",
        type=int,
        metavar="YEAR",
        help="the year of the first message of a WhatsApp export printed without years"
        " (default: worked out from the file's date; the import says which it took)",
    )
    p.add_argument(
        "--country",
        help="country the phone was used in (ISO code, e.g. NL, BE, US): national phone"
        " numbers in SMS exports are read as its numbers (default: the case's country, NL)",
    )
    p.add_argument(
        "--whatsapp-key",
        metavar="FILE",
        help="WhatsApp for Android backup key: a file with the 64 digits, or the key file "
        f"(encrypted_backup.key, key); or set {WHATSAPP_KEY_ENV}",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("stats", help="counts per conversation")
    add_case_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON (the stable format)")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("messages", help="the messages of one conversation")
    add_case_arg(p)
    p.add_argument("--conversation", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON (the stable format)")
    p.set_defaults(func=cmd_messages)

    p = sub.add_parser("formats", help="list the export formats chatsafe reads")
    p.add_argument("--json", action="store_true")
    p.add_argument("--guide", action="store_true", help="what to bring from each platform")
    p.add_argument("--check", nargs="+", metavar="PATH", help="check inputs before a long import")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser("settings", help="show or change the case settings")
    add_case_arg(p)
    # extend: --set may repeat, and every pair is applied (it used to keep only the last).
    p.add_argument("--set", nargs="+", action="extend", default=[], metavar="KEY=VALUE")
    p.add_argument("--list", action="store_true", help="print the settings")
    p.add_argument("--json", action="store_true")
    p.add_argument("--by", default=None, help="who changes them (for the review log)")
    p.set_defaults(func=cmd_settings)


def cmd_import(args: argparse.Namespace) -> int:
    if args.tz:
        zone(args.tz)
    extra = _whatsapp_key_env() if not args.whatsapp_key else {}
    extra.update(_backup_password([Path(p) for p in args.paths]))
    if os.environ.get(SIGNAL_SAFE_STORAGE_ENV):
        # Signal Desktop's encryptedKey: the keychain's "Signal Safe Storage" password.
        extra[signal_desktop_crypto.SAFE_STORAGE_EXTRA] = os.environ[SIGNAL_SAFE_STORAGE_ENV]
    # Key files are read and options checked in one place the app shares
    # (chatsafe/import_options.py); a file, never the key itself on the command line
    # (argument lists are visible).
    options = ImportOptions(
        owner=args.owner,
        time_zone=args.tz,
        format_name=args.format_name,
        encoding=args.encoding,
        signal_key_file=Path(args.signal_key) if args.signal_key else None,
        first_year=args.first_year,
        country=args.country,
        whatsapp_key_file=Path(args.whatsapp_key) if args.whatsapp_key else None,
        extra=extra,
    )
    # Bad options and unreadable key files fail before a case is created.
    import_options.context(options, case_owner=None, case_time_zone="UTC")
    if not args.case.exists():
        # Creating the case and its first import are one step: a refusal, a cancel or a
        # kill leaves no case at all, never an empty one.
        create_case_with(
            args.case,
            lambda case: _import_into(case, args, options),
            passphrase=new_case_passphrase(args),
        )
        return 0
    case = open_from_args(args)
    try:
        _import_into(case, args, options)
    finally:
        case.close()
    return 0


def _whatsapp_key_env() -> dict[str, str]:
    """The WhatsApp backup key from the environment, never from argv."""
    if not os.environ.get(WHATSAPP_KEY_ENV):
        return {}
    key = whatsapp_crypt.parse_key(os.environ[WHATSAPP_KEY_ENV].encode(), WHATSAPP_KEY_ENV)
    return {whatsapp_android.KEY_EXTRA: key.raw.hex()}


def _backup_password(paths: list[Path]) -> dict[str, str]:
    """The iPhone backup password from the environment or a prompt, never from argv."""
    if not any(p.is_dir() and iphone_backup.is_encrypted(p) for p in paths):
        return {}
    password = os.environ.get(BACKUP_PASSWORD_ENV)
    if not password and sys.stdin.isatty():
        password = getpass.getpass("iPhone backup password: ")
    if not password:
        return {}  # the importer refuses the backup with a sentence naming the variable
    return {iphone_backup.PASSWORD_EXTRA: password}


def _import_into(case: Case, args: argparse.Namespace, options: ImportOptions) -> None:
    if args.tz and case.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0:
        case.set_setting("time_zone", args.tz)
    ctx = import_options.context(options, case_owner=case.owner, case_time_zone=case.time_zone)
    progress = StderrProgress("import")
    report = import_paths(
        case,
        [Path(p) for p in args.paths],
        ctx,
        format_name=args.format_name,
        progress=progress,
    )
    progress.done(
        f"imported {report.added} new entries in {len(report.conversations)} "
        f"conversation(s); {report.skipped} already in the case"
        + (
            f"; {report.not_imported} of {report.entries_read} entries read not imported"
            " (see stats --json, sources)"
            if report.not_imported
            else ""
        )
    )
    for conv in report.conversations:
        for note in conv.notes:
            print(f"note: {conv.title}: {note}", file=sys.stderr)


def cmd_stats(args: argparse.Namespace) -> int:
    with open_from_args(args) as case:
        stats = CaseService(case).stats()
    if args.json:
        print_json(stats)
        return 0
    for conv in stats["conversations"]:
        lab = conv["labels"]
        print(
            f"{conv['id']:>5}  {conv['source_format']:<14} {conv['title'][:40]:<40} "
            f"{conv['messages']:>7} msgs  {conv['events']:>5} events  "
            f"business {lab['business']}, private {lab['private']}, "
            f"party-political {lab['party_political']}; "
            f"{conv['leaving']} leave"
        )
    for src in stats["sources"]:
        missing = src["entries_not_imported"]
        if missing["count"]:
            why = ", ".join(f"{reason} {n}" for reason, n in missing["reasons"].items())
            print(
                f"import {src['id']} ({src['path_name']}): {missing['count']} of "
                f"{src['entries_read']} entries not imported ({why}); see stats --json"
            )
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    with open_from_args(args) as case:
        if not queries.conversation_exists(case.conn, args.conversation):
            raise ChatsafeError(f"no conversation {args.conversation}", file=str(args.case))
        rows = list(queries.iter_messages(case.conn, args.conversation))
    if args.json:
        print_json(rows)
        return 0
    for m in rows:
        who = m["sender"] or "—"
        print(f"{m['id']:>7} {m['time']} {who}: {m['text']}")
    return 0


def cmd_formats(args: argparse.Namespace) -> int:
    if args.guide:
        if args.json:
            print_json(guide.guide_json())
        else:
            print(guide.guide_text())
        return 0
    if args.check:
        findings = guide.check([Path(p) for p in args.check])
        if args.json:
            print(guide.findings_json(findings))
        for f in findings if not args.json else []:
            print(f"{'ok  ' if f.ok else 'NOT '} {f.path}: {f.format or '?'}: {f.message}")
        return 0 if all(f.ok for f in findings) else 2
    found = importers.all_importers()
    if args.json:
        print_json(
            [{"name": i.name, "label": i.label, "description": i.description} for i in found]
        )
        return 0
    for imp in found:
        print(f"{imp.name:<16} {imp.label}: {imp.description}")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    with open_from_args(args) as case:
        if args.set:
            pairs: dict[str, str] = {}
            for item in args.set:
                key, sep, value = item.partition("=")
                if not sep:
                    raise ChatsafeError(f"expected KEY=VALUE, not {item!r}")
                if key.strip() in pairs:
                    raise ChatsafeError(f"the setting {key.strip()!r} is given twice")
                pairs[key.strip()] = value
            settings.apply(case, pairs, by=args.by)
        current = case.settings()
    if args.list or not args.set:
        if args.json:
            print_json(current)
        else:
            for key in settings.SPECS:
                print(f"{key:<22} {current.get(key, '')}")
            missing = settings.missing_for_bundle(current)
            if missing:
                print(
                    f"(needed before a bundle can be made: {', '.join(missing)})", file=sys.stderr
                )
    return 0
