"""Review from the command line: label conversations, messages and contacts."""

from __future__ import annotations

import argparse
from typing import Any

from chatsafe.cli.common import add_case_arg, open_from_args
from chatsafe.domain import Label
from chatsafe.review import labels, rules
from chatsafe.review.labels import parse_label, parse_role


def register(sub: Any) -> None:
    p = sub.add_parser("label", help="mark a conversation, a message or a contact")
    add_case_arg(p)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--conversation", type=int, metavar="ID")
    target.add_argument("--message", type=int, metavar="ID")
    target.add_argument("--contact", metavar="NAME", help="a contact rule, kept in the case")
    p.add_argument("--as", dest="label", required=True, help="private, party-political or business")
    p.add_argument("--reason", default=None)
    p.add_argument("--by", required=True, help="your name (goes into the review log)")
    p.add_argument("--role", required=True, help="assistant, minister or it")
    p.set_defaults(func=cmd_label)


def cmd_label(args: argparse.Namespace) -> int:
    label = parse_label(args.label)
    role = parse_role(args.role)
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
