"""``chatsafe bundle`` and ``chatsafe verify``: seal the business record, check a bundle.

Passphrases and PINs never go on the command line (argument lists are visible to other
users): they come from CHATSAFE_SIGNING_PASSPHRASE or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatsafe.cli.common import StderrProgress, add_case_arg, open_from_args, print_json
from chatsafe.errors import ChatsafeError

if TYPE_CHECKING:
    from chatsafe.bundle.preflight import Preflight


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bundle",
        help="make the signed business-only bundle for the archive",
        description="Make the signed business-only BagIt bundle. Needs the minister "
        "(--role minister) or the minister's prior approval (--approve).",
    )
    add_case_arg(p)
    p.add_argument("--out", type=Path, metavar="FILE.zip", help="the bundle to write")
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--p12", type=Path, metavar="FILE", help="PKCS#12 file with key and certificate"
    )
    key.add_argument("--key", type=Path, metavar="KEY.pem", help="PEM private key (with --cert)")
    key.add_argument("--pkcs11-module", metavar="LIB", help="PKCS#11 library of the smartcard")
    p.add_argument("--cert", type=Path, metavar="CERT.pem", help="the signer's certificate (PEM)")
    p.add_argument("--token", metavar="LABEL", help="the token's label (with --pkcs11-module)")
    p.add_argument("--by", required=True, metavar="NAME", help="who makes or approves the bundle")
    p.add_argument("--role", required=True, metavar="ROLE", help="minister, assistant or it")
    p.add_argument(
        "--approve",
        action="store_true",
        help="the minister approves what will leave, without making a bundle; with a "
        "certificate (--p12, --key/--cert, --pkcs11-module) the approval is signed, "
        "without one it is only a claim",
    )
    p.add_argument(
        "--include-reasons",
        action="store_true",
        help="put the written reasons for withheld messages into exclusions.json",
    )
    p.add_argument(
        "--supersedes",
        type=Path,
        metavar="OLD.zip",
        help="an earlier bundle of this case that this one replaces: the new bundle lists "
        "what it withdraws and adds against it (chatsafe-vervanging.json)",
    )
    p.add_argument(
        "--tsa",
        metavar="URL",
        help="an RFC 3161 time-stamping authority (default: [timestamp] url in the settings "
        "file); its timestamp lets the bundle verify after the certificate expires",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_bundle)

    p = sub.add_parser(
        "verify",
        help="check a bundle: bag, fixity, signature, trust, MDTO, review log",
        description="Check a bundle. Exit 0 only when every byte is as sealed and the "
        "signer chains to a trust anchor (--ca, or the trust store in the settings file); "
        "1 otherwise.",
    )
    p.add_argument("file", type=Path, metavar="FILE.zip")
    p.add_argument(
        "--ca",
        type=Path,
        action="append",
        metavar="CA.pem",
        help="a trusted CA certificate file (repeatable; adds to the settings' trust store)",
    )
    p.add_argument(
        "--crl",
        type=Path,
        action="append",
        metavar="FILE",
        help="a certificate revocation list to check against (PEM or DER; repeatable)",
    )
    p.add_argument(
        "--supersedes",
        type=Path,
        metavar="OLD.zip",
        help="also check that FILE supersedes OLD.zip as its register says",
    )
    p.add_argument("--json", action="store_true", help="print a machine-readable report")
    p.set_defaults(func=cmd_verify)


def _secret(prompt: str) -> str | None:
    from chatsafe.bundle.signing import PASSPHRASE_ENV

    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def _signer(args: argparse.Namespace) -> Any:
    from chatsafe.bundle.signer_choice import SignerChoice, load_signer

    kind = "p12" if args.p12 else "pem" if args.key else "pkcs11" if args.pkcs11_module else ""
    choice = SignerChoice(
        kind,
        p12=str(args.p12 or ""),
        key=str(args.key or ""),
        cert=str(args.cert or ""),
        module=str(args.pkcs11_module or ""),
        token=str(args.token or ""),
    )
    first = _secret_or_none(args.p12) if args.p12 else None
    return load_signer(choice, _secret, first)


def _secret_or_none(path: Path) -> str | None:
    # An unprotected PKCS#12 file needs no prompt; try the environment, then nothing.
    from chatsafe.bundle.signing import PASSPHRASE_ENV

    return os.environ.get(PASSPHRASE_ENV)


def preflight_lines(pre: Preflight, *, include_reasons: bool) -> list[str]:
    """The preflight as the command line says it (the app has its own renderer)."""
    t, k = pre.total, pre.completeness
    lines = [
        f"leaving: {t.leaving} business messages; withheld: {t.private} private, "
        f"{t.party_political} party-political, {t.out_of_period} out of period; "
        f"unreviewed {t.unreviewed}, unconfirmed {t.unconfirmed}, open doubts {t.doubts}",
        f"completeness: {k.deleted} deleted-message markers, {k.view_once} view-once, "
        f"{k.attachments_missing} attachments missing from the export, "
        f"{k.disappearing_notices} disappearing-message notices",
    ]
    if k.possibly_truncated:
        lines.append(
            f"warning: {k.possibly_truncated} conversation(s) possibly cut by WhatsApp's"
            " export limit: export again without media or use the phone backup route"
            " (stats --json: possibly_truncated)"
        )
    if pre.log_entries_with_reason:
        lines.append(
            f"note: {pre.log_entries_with_reason} review-log entries carry a written "
            "reason; only a keyed commitment to it travels (older entries: sealed)"
            + (
                "; --include-reasons puts the reasons of withheld messages in the bundle"
                if include_reasons
                else ""
            )
        )
    return lines


def cmd_bundle(args: argparse.Namespace) -> int:
    from chatsafe.bundle import builder
    from chatsafe.review.labels import Role, parse_role
    from chatsafe.service import CaseService

    role = parse_role(args.role)
    with open_from_args(args) as case:
        pre = CaseService(case).preflight()
        total = pre.total
        from chatsafe.review import doubts

        # Before any prompt for a passphrase: nothing can be approved or sealed while
        # someone still asks whether it may leave.
        doubts.check_none_open(case.conn, "the approval" if args.approve else "the bundle")
        if args.approve:
            if role is not Role.MINISTER:
                raise ChatsafeError("only the minister can approve a bundle (--role minister)")
            builder.check_settings(case)
            # With a certificate (--p12, --key/--cert or a smartcard) the minister signs
            # the approval; without one it is recorded as a claim, and shown as one.
            signer = _signer(args) if (args.p12 or args.key or args.pkcs11_module) else None
            try:
                builder.approve(case, by=args.by, signer=signer)
            finally:
                close = getattr(signer, "close", None)
                if close:
                    close()
            from chatsafe.bundle import approval

            state = approval.approval_state(case.conn)
            described = state.describe() if state else ""
            print(
                f"{described}: {total.leaving} business messages will leave; "
                f"{total.private + total.party_political} withheld",
                file=sys.stderr,
            )
            if args.json:
                print_json({"approval": state.as_dict() if state else None})
            return 0
        if not args.out:
            raise ChatsafeError("say where the bundle goes: --out FILE.zip")
        builder.check_settings(case)
        from chatsafe.bundle import approval

        approval.check_may_bundle(case.conn, role)
        state = approval.approval_state(case.conn)
        if state is not None:
            print(f"approval: {state.describe()}", file=sys.stderr)
        signer = _signer(args)
        for line in preflight_lines(pre, include_reasons=args.include_reasons):
            print(line, file=sys.stderr)
        from chatsafe.bundle.timestamp import configured_tsa

        tsa = configured_tsa(args.tsa)
        progress = StderrProgress("bundle")
        try:
            result = builder.make_bundle(
                case,
                args.out,
                signer,
                by=args.by,
                role=role,
                include_reasons=args.include_reasons,
                progress=progress,
                supersedes=args.supersedes,
                tsa=tsa,
            )
        finally:
            close = getattr(signer, "close", None)
            if close:
                close()
        progress.done(
            f"wrote {result.path}: {result.conversations} conversations, {result.entries} "
            f"entries, {result.attachments} attachments, signed by {result.signer}"
        )
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "external_identifier": result.external_id,
                "conversations": result.conversations,
                "entries": result.entries,
                "attachments": result.attachments,
                "payload_bytes": result.payload_bytes,
                "review_log_head": result.review_log_head,
                "signer": result.signer,
                "approval": result.approval,
                "supersedes": result.supersedes,
            }
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from chatsafe import appconfig
    from chatsafe.bundle.verify import verify_bundle

    config = appconfig.load()
    stores = [config.trust_store] if config.trust_store else []
    report = verify_bundle(args.file, args.ca or [], crls=args.crl or [], trust_stores=stores)
    if getattr(args, "supersedes", None):
        from chatsafe.bundle import supersede

        check = report.check(f"supersedes {args.supersedes} (chatsafe-vervanging.json)")
        try:
            check.problems += supersede.check(args.file, args.supersedes)
        except ChatsafeError as exc:
            check.problems.append(str(exc))
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.text())
    return 0 if report.ok else 1
