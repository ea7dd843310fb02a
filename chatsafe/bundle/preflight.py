"""What the CLI and the app show before a bundle is made, as one typed result.

Each surface renders it (``cli/bundle_cmds.py`` as stderr lines, the bundle dialog with
translated sentences); neither indexes an untyped dict by string.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from chatsafe.review.summary import Counts, Summary


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

    @property
    def total(self) -> Counts:
        return self.summary.total

    @property
    def ready(self) -> bool:
        """No setting is missing (a bundle may be made as far as settings go)."""
        return not self.missing_settings

    def as_dict(self) -> dict[str, Any]:
        return {
            "completeness": asdict(self.completeness),
            "missing_settings": list(self.missing_settings),
            "summary": self.summary.as_dict(),
            "log_entries_with_reason": self.log_entries_with_reason,
            "approval": self.approval,
            "approval_state": self.approval_state,
        }
