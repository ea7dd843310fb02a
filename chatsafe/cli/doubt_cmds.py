"""Doubts from the command line: list them, and answer or withdraw one.

Raising a doubt is ``chatsafe label CASE --message ID --as doubt --question TEXT``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chatsafe.cli.common import add_case_arg, open_from_args, print_json
from chatsafe.errors import ChatsafeError
from chatsafe.review import doubts
from chatsafe.review.doubts import Doubt
from chatsafe.review.labels import parse_role


def register(sub: Any) -> None:
    p = sub.add_parser(
        "doubts",
        help="list the doubts of a case, or answer one",
        description="List the open doubts (they block the bundle), or resolve one: "
        "--resolve ID --answer private|party-political|business|withdrawn.",
    )
    add_case_arg(p)
    p.add_argument("--all", action="store_true", help="also list resolved doubts")
    p.add_argument("--resolve", type=int, metavar="ID", help="the doubt to answer")
    p.add_argument(
        "--answer",
        help="with --resolve: private, party-political or business (marks what is in doubt), "
        "or withdrawn (no mark)",
    )
    p.add_argument("--note", default=None, help="with --resolve: why (kept in the case only)")
    p.add_argument("--by", help="your name (with --resolve; goes into the review log)")
    p.add_argument("--role", help="assistant, minister or it (with --resolve)")
    p.add_argument("--json", action="store_true", help="print JSON (the stable format)")
    p.set_defaults(func=cmd_doubts)


def as_json(d: Doubt) -> dict[str, Any]:
    return {
        "id": d.id,
        "conversation": d.conversation_id,
        "message": d.message_id,
        "ask": d.ask,
        "question": d.question,
        "raised_by": d.raised_by,
        "raised_role": d.raised_role,
        "raised_at": d.raised_at,
        "open": d.open,
        "resolved_by": d.resolved_by,
        "resolved_at": d.resolved_at,
        "answer": d.answer,
    }


def cmd_doubts(args: argparse.Namespace) -> int:
    if args.resolve is not None:
        return _resolve(args)
    if args.answer is not None:
        raise ChatsafeError("--answer goes with --resolve ID")
    with open_from_args(args) as case:
        found = doubts.listing(case.conn, open_only=not args.all)
    if args.json:
        print_json({"doubts": [as_json(d) for d in found]})
        return 0
    for d in found:
        state = "open" if d.open else f"{d.answer} by {d.resolved_by}"
        print(f"{d.id:>5}  {d.where:<32} {state:<24} asks {d.ask}: {d.question}")
    if not args.all:
        print(f"{len(found)} open doubt(s)", file=sys.stderr)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    if not args.answer or not args.by or not args.role:
        raise ChatsafeError("--resolve ID needs --answer, --by and --role")
    answer = doubts.parse_answer(args.answer)
    role = parse_role(args.role)
    with open_from_args(args) as case, case.transaction() as c:
        d = doubts.resolve(c, args.resolve, answer, by=args.by, role=role, note=args.note)
        left = len(doubts.listing(c))
    print(f"doubt {d.id} on {d.where}: {d.answer}; {left} open doubt(s) left", file=sys.stderr)
    if args.json:
        print_json(as_json(d))
    return 0
