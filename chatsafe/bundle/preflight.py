"""What the CLI and the app show before a bundle is made, as one typed result.

Each surface renders it (``cli/bundle_cmds.py`` as stderr lines, the bundle dialog with
translated sentences); neither indexes an untyped dict by string.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from chatsafe import settings
from chatsafe.bundle import approval
from chatsafe.review import doubts
from chatsafe.review.doubts import Doubt
from chatsafe.review.summary import Counts, Summary, summarize
from chatsafe.store import queries


@dataclass(frozen=True)
class Completeness:
    deleted: int = 0
    view_once: int = 0
    attachments_missing: int = 0
    disappearing_notices: int = 0
    possibly_truncated: int = 0  # conversations whose export may have been cut


@dataclass(frozen=True)
class Preflight:
    summary: Summary
    completeness: Completeness
    missing_settings: list[str]
    log_entries_with_reason: int
    approval: dict[str, Any] | None  # the minister's approval that still holds
    #: the newest approval even when void, with "void", "signed", "signer" and the
    #: "description" every surface shows ("claimed by NAME, not signed", ...)
    approval_state: dict[str, Any] | None = None
    #: open doubts (chatsafe.review.doubts), in reading order: they block the bundle
    doubts: list[Doubt] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        return self.summary.total

    @property
    def ready(self) -> bool:
        """No setting is missing and no doubt is open (a bundle may be made as far as
        settings and doubts go)."""
        return not self.missing_settings and not self.doubts

    def as_dict(self) -> dict[str, Any]:
        return {
            "completeness": asdict(self.completeness),
            "missing_settings": list(self.missing_settings),
            "summary": self.summary.as_dict(),
            "log_entries_with_reason": self.log_entries_with_reason,
            "approval": self.approval,
            "approval_state": self.approval_state,
            "doubts": [
                {"id": d.id, "conversation": d.conversation_id, "message": d.message_id}
                for d in self.doubts
            ],
        }


def preflight(case: Any) -> dict[str, Any]:
    """What the GUI and CLI show before a bundle is made (as a dict; see preflight_of)."""
    return preflight_of(case.conn).as_dict()


def preflight_of(c: Any) -> Preflight:
    """What the GUI and CLI show before a bundle is made."""
    current = {str(k): str(v) for k, v in c.execute("SELECT key, value FROM settings")}
    missing = settings.missing_for_bundle(current)
    with_reason = c.execute(
        "SELECT count(*) FROM review_log WHERE json_extract(entry, '$.reason') IS NOT NULL"
        " OR json_extract(entry, '$.reason_hmac') IS NOT NULL"
    ).fetchone()[0]
    stats = queries.case_stats(c)["conversations"]
    state = approval.approval_state(c)
    return Preflight(
        summary=summarize(c),
        completeness=Completeness(
            deleted=sum(s["deleted"] for s in stats),
            view_once=sum(s["view_once"] for s in stats),
            attachments_missing=sum(s["attachments"]["missing"] for s in stats),
            disappearing_notices=sum(s["disappearing_notices"] for s in stats),
            possibly_truncated=sum(s["possibly_truncated"] for s in stats),
        ),
        missing_settings=missing,
        log_entries_with_reason=int(with_reason),
        approval=approval.current_approval(c),
        approval_state=None if state is None else state.as_dict(),
        doubts=doubts.listing(c),
    )
