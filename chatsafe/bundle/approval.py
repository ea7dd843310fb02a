"""Who may seal a bundle: the minister, or IT support after the minister approved it.

The minister makes the bundle with ``--role minister`` (the approval is recorded in the
review log as ``bundle-approved`` just before the bundle is made). IT support, who often
holds the signing certificate or runs the command, may make it with another role only
when the log's most recent decision is a ``bundle-approved`` entry by a minister: any
mark, confirmation, rule or setting recorded after the approval makes it stale, so the
minister approves exactly the selection that leaves.
"""

from __future__ import annotations

import json
from typing import Any

from chatsafe.review import log
from chatsafe.review.labels import ReviewError, Role

APPROVED = "bundle-approved"
CREATED = "bundle-created"
RSMF_EXPORTED = "rsmf-exported"  # an RSMF export of the same selection (chatsafe.export)
# Making outputs of the approved selection changes nothing the minister approved.
_NEUTRAL = {APPROVED, CREATED, RSMF_EXPORTED}


def record_approval(c: Any, *, by: str, summary: dict[str, Any]) -> str:
    """The minister's confirmation of what will leave; returns the entry's hash."""
    return log.append(
        c,
        actor=by,
        role=Role.MINISTER.value,
        action=APPROVED,
        target="bundle",
        new={
            "business": summary.get("business", 0),
            "private": summary.get("private", 0),
            "party_political": summary.get("party_political", 0),
            "out_of_period": summary.get("out_of_period", 0),
            "unconfirmed": summary.get("unconfirmed", 0),
        },
    )


def current_approval(c: Any) -> dict[str, Any] | None:
    """The minister's approval that still holds, or None."""
    for (line,) in c.execute("SELECT entry FROM review_log ORDER BY seq DESC"):
        entry = json.loads(line)
        action = entry.get("action")
        if action == APPROVED and entry.get("role") == Role.MINISTER.value:
            return dict(entry)
        if action not in _NEUTRAL:
            return None
    return None


def check_may_bundle(c: Any, role: Role) -> None:
    if role is Role.MINISTER:
        return
    if current_approval(c) is None:
        raise ReviewError(
            "a bundle needs the minister's confirmation: run it with --role minister, or let "
            "the minister approve it first (chatsafe bundle CASE --approve --by NAME --role "
            "minister); an approval is void once marks or settings change after it"
        )
