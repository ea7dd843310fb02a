"""Review from the command line: label conversations, messages and contacts."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chatsafe.cli.common import add_case_arg, open_from_args
from chatsafe.domain import Label
from chatsafe.errors import ChatsafeError
from chatsafe.review import doubts, labels, rules
from chatsafe.review.labels import parse_label, parse_role


def register(sub: Any) -> None:
    p = sub.add_parser("label", help="mark a conversation, a message or a contact")
    add_case_arg(p)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--conversation", type=int, metavar="ID")
    target.add_argument("--message", type=int, metavar="ID")
    target.add_argument("--contact", metavar="NAME", help="a contact rule, kept in the case")
    p.add_argument(
        "--as",
        dest="label",
        required=True,
        help="private, party-political or business; or doubt (with --question)",
    )
    p.add_argument("--reason", default=None)
    p.add_argument(
        "--question",
        default=None,
        help="with --as doubt: what should be decided (kept in the case only)",
    )
    p.add_argument(
        "--ask",
        default="minister",
        help="with --as doubt: whom the question is for, minister or records-officer",
    )
    p.add_argument("--by", required=True, help="your name (goes into the review log)")
    p.add_argument("--role", required=True, help="assistant, minister or it")
    p.set_defaults(func=cmd_label)


def cmd_label(args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    if args.label.strip().lower() == "doubt":
        return _raise_doubt(args, role)
    if args.question is not None:
        raise ChatsafeError("--question goes with --as doubt")
    label = parse_label(args.label)
    with open_from_args(args) as case, case.transaction() as c:
        if args.conversation is not None:
            labels.label_conversation(
                c, args.conversation, label, by=args.by, role=role, reason=args.reason
            )
        elif args.message is not None:
            labels.label_messages(
                c, [args.message], label, by=args.by, role=role, reason=args.reason
            )
        else:
            if label is Label.BUSINESS:
                rules.remove_contact_rule(c, args.contact, by=args.by, role=role)
            else:
                rules.add_contact_rule(
                    c, args.contact, label, by=args.by, role=role, reason=args.reason
                )
    return 0


def _raise_doubt(args: argparse.Namespace, role: labels.Role) -> int:
    if args.contact is not None:
        raise ChatsafeError("a doubt is about a conversation or a message, not a contact")
    if args.question is None:
        raise ChatsafeError("--as doubt needs --question TEXT: what should be decided?")
    ask = doubts.parse_ask(args.ask)
    with open_from_args(args) as case, case.transaction() as c:
        d = doubts.raise_doubt(
            c,
            question=args.question,
            by=args.by,
            role=role,
            ask=ask,
            conversation_id=args.conversation,
            message_id=args.message,
        )
    print(f"doubt {d.id} raised on {d.where}; it blocks the bundle until resolved", file=sys.stderr)
    return 0
