"""``metadata/completeness.json``: what the archive should know about the record's gaps.

Per conversation, from the entries that leave only (so it says nothing about withheld
messages): deleted-message markers, disappearing-message settings and the periods they
were on, view-once messages, attachments the export lacked, media left out by the
export, unusually long silences, and how many messages fell outside the period.
Duplicates merged on re-import are counted per import run.

The builder adds each conversation's per-source ``coverage`` (``store/coverage.py``, as
``stats --json`` gives it): counts and periods only, and those counts include withheld
messages (docs/bundle.md says why).
"""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import Any

from chatsafe.bundle.payload import Row

_DISAPPEARING = {"disappearing_on", "disappearing_off", "disappearing_changed"}
_DAY = 86400


class Collector:
    """Fed every leaving row of one conversation, in order."""

    def __init__(self) -> None:
        self.deleted: list[int] = []
        self.view_once: list[int] = []
        self.media_omitted: list[int] = []
        self.missing: list[dict[str, Any]] = []
        self.disappearing: list[dict[str, Any]] = []
        self.times: list[tuple[int, str]] = []
        self.first: str | None = None
        self.last: str | None = None

    def feed(self, r: Row) -> None:
        if self.first is None:
            self.first = r.wallclock
        self.last = r.wallclock
        if r.deleted:
            self.deleted.append(r.n)
        if r.view_once:
            self.view_once.append(r.n)
        if r.media_omitted:
            self.media_omitted.append(r.n)
        for a in r.attachments:
            if not a.present:
                self.missing.append({"n": r.n, "name": a.name})
        if r.kind == "event" and r.event_type in _DISAPPEARING:
            self.disappearing.append(
                {
                    "n": r.n,
                    "wallclock": r.wallclock,
                    "event": r.event_type,
                    "setting": r.extra.get("disappearing"),
                }
            )
        if r.kind == "message":
            self.times.append((r.instant_ms // 1000, r.wallclock))

    def _periods(self) -> list[dict[str, Any]]:
        periods: list[dict[str, Any]] = []
        current: dict[str, Any] | None = None
        for d in self.disappearing:
            if d["event"] in ("disappearing_on", "disappearing_changed"):
                if current is None:
                    current = {"from": d["wallclock"], "to": None, "settings": []}
                    periods.append(current)
                if d["setting"]:
                    current["settings"].append(d["setting"])
            elif current is not None:
                current["to"] = d["wallclock"]
                current = None
        return periods

    def _gaps(self) -> list[dict[str, Any]]:
        if len(self.times) < 3:
            return []
        diffs = [b[0] - a[0] for a, b in zip(self.times, self.times[1:], strict=False)]
        threshold = max(7 * _DAY, 10 * statistics.median(diffs))
        gaps: list[dict[str, Any]] = [
            {"from": self.times[i][1], "to": self.times[i + 1][1], "days": round(d / _DAY, 1)}
            for i, d in enumerate(diffs)
            if d > threshold
        ]
        return sorted(gaps, key=lambda g: -g["days"])[:20]

    def result(self, folder: str, out_of_period: int) -> dict[str, Any]:
        return {
            "conversation": folder,
            "first": self.first,
            "last": self.last,
            "deleted_markers": {"count": len(self.deleted), "entries": self.deleted},
            "view_once": {"count": len(self.view_once), "entries": self.view_once},
            "media_omitted_by_export": {
                "count": len(self.media_omitted),
                "entries": self.media_omitted,
            },
            "attachments_missing": {"count": len(self.missing), "entries": self.missing},
            "disappearing_messages": {
                "notices": self.disappearing,
                "periods_on": self._periods(),
            },
            "long_gaps": self._gaps(),
            "messages_out_of_period": out_of_period,
        }


def imports(c: Any, import_ids: set[int]) -> list[dict[str, Any]]:
    """Import runs that brought leaving entries; ``duplicates_merged`` are entries a
    re-import found already in the case. The source file names are not given."""
    if not import_ids:
        return []
    marks = ",".join("?" * len(import_ids))
    return [
        {
            "import": int(i),
            "format": fmt,
            "started_at": started,
            "added": int(added),
            "duplicates_merged": int(skipped),
        }
        for i, fmt, started, added, skipped in c.execute(
            "SELECT id, format, started_at, added_messages, skipped_messages FROM imports"
            f" WHERE id IN ({marks}) ORDER BY id",
            sorted(import_ids),
        )
    ]


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
