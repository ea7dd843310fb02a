"""``export-rsmf``: the business record as RSMF 2.0 files for Woo teams and lawyers.

What leaves is exactly what a bundle carries: the conversations and rows come from the
bundle's own selection (:func:`chatsafe.bundle.payload.leaving_conversations` and
:func:`~chatsafe.bundle.payload.iter_rows`), so a change to what leaves changes both.
Like a bundle, an export needs the minister (``--role minister``) or the minister's
current approval, and it is recorded in the review log.

Files are sliced per conversation and per local day (or per conversation), and a slice
is cut again before 10,000 events or 2 GB, as Relativity's guidance asks. The whole
export is written into a temporary folder beside the target, every file fsynced, and
the folder renamed into place only when complete: a crash or a cancel leaves nothing
under the final name, and an earlier export is never mixed with a newer one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from chatsafe import __version__, durable
from chatsafe.bundle import approval, payload
from chatsafe.bundle.atomic import temp_name
from chatsafe.errors import CancelledError, CaseError, SettingsError
from chatsafe.export import rsmf_file, rsmf_manifest
from chatsafe.identifiers import conversation_urn, message_urn
from chatsafe.review import doubts, log
from chatsafe.review.labels import Role, parse_role
from chatsafe.store.blobs import iter_blob

MAX_EVENTS = 10_000
MAX_BYTES = 2_000_000_000 - 64 * 1024 * 1024  # under 2 GB with room to spare
EXPORTED = approval.RSMF_EXPORTED
SLICES = ("day", "conversation")
Progress = Callable[[str, int, int], None]


@dataclass
class RsmfFile:
    name: str  # inside the export folder
    conversation: str  # the conversation's URN
    begin: str
    end: str
    events: int
    attachments: int
    size: int


@dataclass
class RsmfResult:
    folder: Path
    files: list[RsmfFile] = field(default_factory=list)
    conversations: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(f.events for f in self.files)

    @property
    def attachments(self) -> int:
        return sum(f.attachments for f in self.files)

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "conversations": self.conversations,
            "events": self.events,
            "attachments": self.attachments,
            "files": [vars(f) for f in self.files],
            "warnings": self.warnings,
        }


def check_folder(out: Path) -> None:
    """The target must be new or an empty folder: an earlier export there may hold
    messages that no longer leave, and they must not be mixed with this one."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SettingsError(
            "choose a new or empty folder for the RSMF files: this one already holds files",
            file=str(out),
        )


def export_rsmf(
    case: Any,
    out: Path,
    *,
    by: str,
    role: str | Role,
    slicing: str = "day",
    max_events: int = MAX_EVENTS,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RsmfResult:
    """Write the RSMF files of everything that leaves into the new folder ``out``."""
    role = parse_role(role) if isinstance(role, str) else role
    if not by or not by.strip():
        raise SettingsError("say who makes the export (--by NAME)")
    if slicing not in SLICES:
        raise SettingsError(f"--slice must be one of: {', '.join(SLICES)}")
    out = Path(out)
    check_folder(out)
    _remove_stale(out)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise CancelledError("RSMF export cancelled; no files were written")

    c = case.conn
    # One read transaction: the approval, the selection and every row come from one state
    # of the case, even if another window or command marks messages meanwhile.
    c.execute("BEGIN")
    tmp = temp_name(out)
    try:
        approval.check_may_bundle(c, role)
        # What someone still asks about does not go to a review platform either.
        doubts.check_none_open(c, "the RSMF export")
        head = log.head(c)
        leaving = payload.leaving_conversations(c)
        result = RsmfResult(out, conversations=len(leaving))
        total = sum(conv.business_count for conv in leaving)
        done = 0
        tmp.mkdir(mode=0o700)
        for conv in leaving:
            if progress:
                progress("events", done, total)
            writer = _ConversationWriter(case, conv, tmp, slicing, max_events, max_bytes, check)
            for r in payload.iter_rows(c, conv):
                writer.add(r)
                done += 1
                if done % 200 == 0:
                    check()
                    if progress:
                        progress("events", done, total)
            writer.flush()
            result.files += writer.files
            result.warnings += writer.warnings
        if progress:
            progress("events", total, total)
        # Everything written is still there (on Windows another run's cleanup cannot tell
        # a live folder from a dead one), or nothing is renamed into place.
        if sorted(p.name for p in tmp.iterdir()) != sorted(f.name for f in result.files):
            raise CaseError("the RSMF files were changed while they were written", file=str(tmp))
        durable.fsync_dir(tmp)
        if out.exists():
            out.rmdir()  # empty, checked above; os.replace cannot replace a folder on Windows
        os.replace(tmp, out)
        durable.fsync_dir(out.parent)
    except BaseException:
        c.execute("ROLLBACK")
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    c.execute("COMMIT")  # nothing was written in it; this ends the read snapshot
    with case.transaction() as tc:
        log.append(
            tc,
            actor=by,
            role=role.value,
            action=EXPORTED,
            target="rsmf",
            new={
                "files": len(result.files),
                "conversations": result.conversations,
                "events": result.events,
                "attachments": result.attachments,
                "review_log_head": head,  # the state of the case the files show
            },
        )
    return result


class _ConversationWriter:
    """Collects one conversation's rows into slices and writes each as a file."""

    def __init__(
        self,
        case: Any,
        conv: payload.LeavingConversation,
        folder: Path,
        slicing: str,
        max_events: int,
        max_bytes: int,
        check: Callable[[], None],
    ) -> None:
        self.c = case.conn
        self.case_id = case.id
        self.conv = conv
        self.folder = folder
        self.slicing = slicing
        self.max_events = max_events
        self.max_bytes = max_bytes
        self.check = check
        self.zone = ZoneInfo(case.time_zone)
        self.time_zone = case.time_zone
        people = payload.conversation_participants(self.c, conv)
        owner = next((n for n, o in people if o), None) or case.owner
        if owner and owner not in {n for n, _ in people}:
            people = [(owner, True), *people]
        self.info = rsmf_manifest.ConversationInfo(
            conversation_urn(case.id, conv.source_format, conv.key),
            conv.title,
            conv.source_format,
            conv.is_group,
            conv.folder,
            people,
            owner or None,
        )
        self.participants = [rsmf_manifest.participant(case.id, n, o) for n, o in people]
        self.parents: dict[int, str] = {}
        # Edited versions and the earlier version each links to (review/versions.py); the
        # earlier text is kept only for those, and used only when it leaves itself.
        self.edit_of: dict[int, int] = {
            int(mid): int(root)
            for mid, root in self.c.execute(
                "SELECT id, edit_of FROM messages WHERE conversation_id = ?"
                " AND edit_of IS NOT NULL",
                (conv.case_id,),
            )
        }
        self.roots = set(self.edit_of.values())
        self.earlier: dict[int, tuple[str, str]] = {}
        self.rows: list[payload.Row] = []
        self.slice_key = ""
        self.estimate = 0
        self.part: dict[str, int] = {}
        self.files: list[RsmfFile] = []
        self.warnings: list[str] = []

    def add(self, r: payload.Row) -> None:
        self.parents[r.n] = message_urn(self.case_id, bytes.fromhex(r.identity))
        if r.id in self.roots:
            self.earlier[r.id] = (self.parents[r.n], r.text)
        key = r.wallclock[:10] if self.slicing == "day" else ""
        cost = _row_cost(r)
        if self.rows and (
            key != self.slice_key
            or len(self.rows) >= self.max_events
            or self.estimate + cost > self.max_bytes
        ):
            self.flush()
        if not self.rows:
            self.slice_key = key
            self.estimate = _BASE_COST
        self.rows.append(r)
        self.estimate += cost

    def flush(self) -> None:
        if not self.rows:
            return
        rows, self.rows = self.rows, []
        self.check()
        stem = f"{self.conv.folder}_{self.slice_key}" if self.slice_key else self.conv.folder
        n = self.part[stem] = self.part.get(stem, 0) + 1
        name = f"{stem}.rsmf" if n == 1 else f"{stem}_{n}.rsmf"
        self._write(name, rows)

    def _write(self, name: str, rows: list[payload.Row]) -> None:
        m = rsmf_manifest
        in_slice = {self.parents[r.n] for r in rows}
        events = [
            m.event(
                r,
                case_id=self.case_id,
                conversation_urn=self.info.urn,
                zone=self.zone,
                parents=self.parents,
                in_slice=in_slice,
                earlier=self.earlier.get(self.edit_of.get(r.id, -1)),
                urn=self.parents[r.n],
            )
            for r in rows
        ]
        members: dict[str, rsmf_file.ZipMember] = {}
        for r in rows:
            for a in r.attachments:
                if a.path is not None and a.blob_id is not None:
                    mid = m.attachment_id(a.path)
                    blob = a.blob_id
                    members.setdefault(
                        mid,
                        rsmf_file.ZipMember(
                            mid, int(a.size or 0), partial(iter_blob, self.c, blob)
                        ),
                    )
        conv = m.conversation(self.case_id, self.info, self.time_zone)
        manifest = m.manifest(self.participants, conv, events, self.info.urn)
        begin, end = events[0]["timestamp"], events[-1]["timestamp"]
        headers = rsmf_file.Headers(
            generator=f"chatsafe {__version__}",
            begin=begin,
            end=end,
            end_time=datetime.fromisoformat(end),
            events=len(events),
            application=m.application(self.conv.source_format),
            custodian=self.info.owner,
            participants=[n for n, _ in self.info.people],
            attachments=sum(len(e.get("attachments", [])) for e in events),
            collection_id=self.info.urn,
            subject=f"{self.conv.title} ({begin[:10]})",
        )
        body = _body(self.info, rows, begin, end)
        manifest_bytes = rsmf_file.manifest_json(manifest)
        bound = rsmf_file.upper_bound(headers, body, len(manifest_bytes), list(members.values()))
        if bound > self.max_bytes:
            self.warnings.append(
                f"{name}: its {len(rows)} entries with their attachments may pass the RSMF "
                f"size limit ({bound:,} bytes at most); one entry cannot be split further"
            )
        path = self.folder / name
        with open(path, "xb") as f:
            rsmf_file.write_rsmf(
                f, headers, body, manifest_bytes, list(members.values()), self.check
            )
            f.flush()
            os.fsync(f.fileno())
            size = f.tell()
        self.files.append(
            RsmfFile(name, self.info.urn, begin, end, len(events), headers.attachments, size)
        )


# An upper bound of what one row adds to its file: its text in the body (quoted-printable,
# at most 3 bytes a byte plus soft breaks) and in the manifest (JSON escapes at most 6 bytes
# a byte, base64 4/3 with line breaks), fixed fields, and its attachments in base64.
_BASE_COST = 64 * 1024
_PER_ROW = 4096


def _row_cost(r: payload.Row) -> int:
    text = len(r.text.encode("utf-8")) + sum(len(a.name.encode()) for a in r.attachments)
    files = sum(
        int(a.size or 0) + 300 for a in r.attachments if a.path is not None
    )  # shared files counted each time: an over-estimate, never an under-estimate
    return _PER_ROW + text * 12 + (files * 78) // 57 + 78


def _body(
    info: rsmf_manifest.ConversationInfo, rows: list[payload.Row], begin: str, end: str
) -> str:
    """The plain-text body: the conversation as it reads, for search and for people."""
    kind = "group" if info.is_group else "one-to-one"
    lines = [
        info.title,
        f"{rsmf_manifest.application(info.source_format)}, {kind}, {begin} - {end}",
        "Business record exported by chatsafe; identifiers and details in rsmf_manifest.json.",
        "",
    ]
    for r in rows:
        when = r.wallclock[:16].replace("T", " ")
        marks = [f"[{flag}]" for flag, on in _marks(r) if on]
        marks += [f"[attachment: {a.name}]" for a in r.attachments if a.path is not None]
        marks += [
            f"[attachment not in the export: {a.name}]" for a in r.attachments if a.path is None
        ]
        who = f"{r.sender}: " if r.sender else "* "
        text = r.text.replace("\r\n", "\n").replace("\n", "\n    ")
        lines.append(" ".join((f"[{when}] {who}{text}".rstrip(), *marks)))
    return "\n".join(lines) + "\n"


def _marks(r: payload.Row) -> list[tuple[str, bool]]:
    return [
        ("deleted", r.deleted),
        ("edited", r.edited),
        ("view once", r.view_once),
        ("media omitted from the export", r.media_omitted),
        ("forwarded", r.forwarded),
    ]


def _remove_stale(out: Path) -> None:
    """Remove temporary folders of earlier exports to ``out`` whose process is gone."""
    prefix = f".{out.name}.partial-"
    with contextlib.suppress(FileNotFoundError):
        for entry in out.parent.iterdir():
            if entry.is_dir() and entry.name.startswith(prefix):
                pid = entry.name[len(prefix) :].split("-", 1)[0]
                if pid.isdigit() and not durable.process_alive(int(pid)):
                    shutil.rmtree(entry, ignore_errors=True)


__all__ = ["RsmfFile", "RsmfResult", "check_folder", "export_rsmf"]
