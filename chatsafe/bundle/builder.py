"""Making the bundle: the business record of a case, as a signed BagIt bag in a zip.

The order of work: check settings and the minister's confirmation, record the
confirmation, then stream every leaving conversation into the zip (transcript.json,
transcript.pdf, attachments, MDTO), then the metadata, the manifests and the signature.
The zip is written to a temporary name and renamed only when complete.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chatsafe import __version__, settings
from chatsafe.bundle import approval, completeness, exclusions, mdto, payload, reviewlog
from chatsafe.bundle.atomic import atomic_output
from chatsafe.bundle.bagit_writer import BagWriter
from chatsafe.bundle.preflight import Completeness, Preflight
from chatsafe.bundle.signing import Signer
from chatsafe.bundle.transcript_json import write_transcript
from chatsafe.bundle.transcript_pdf import render_pdf
from chatsafe.errors import CancelledError, SettingsError
from chatsafe.review import log
from chatsafe.review.labels import Role, parse_role
from chatsafe.review.summary import summarize
from chatsafe.store import queries
from chatsafe.store.blobs import iter_blob

PROFILE = "urn:chatsafe:bagit-profile:business-chats:1"
Progress = Callable[[str, int, int], None]


@dataclass
class BundleResult:
    path: Path
    external_id: str
    conversations: int
    entries: int
    attachments: int
    payload_bytes: int
    review_log_head: str
    sealed_log_lines: int
    signer: str
    warnings: list[str] = field(default_factory=list)


def preflight(case: Any) -> dict[str, Any]:
    """What the GUI and CLI show before a bundle is made (as a dict; see preflight_of)."""
    return preflight_of(case.conn).as_dict()


def preflight_of(c: Any) -> Preflight:
    """What the GUI and CLI show before a bundle is made."""
    current = {str(k): str(v) for k, v in c.execute("SELECT key, value FROM settings")}
    missing = settings.missing_for_bundle(current)
    with_reason = c.execute(
        "SELECT count(*) FROM review_log WHERE json_extract(entry, '$.reason') IS NOT NULL"
    ).fetchone()[0]
    stats = queries.case_stats(c)["conversations"]
    return Preflight(
        summary=summarize(c),
        completeness=Completeness(
            deleted=sum(s["deleted"] for s in stats),
            view_once=sum(s["view_once"] for s in stats),
            attachments_missing=sum(s["attachments"]["missing"] for s in stats),
            disappearing_notices=sum(s["disappearing_notices"] for s in stats),
        ),
        missing_settings=missing,
        log_entries_with_reason=int(with_reason),
        approval=approval.current_approval(c),
    )


def check_settings(case: Any) -> mdto.Archival:
    s = case.settings()
    missing = settings.missing_for_bundle(s)
    if missing:
        raise SettingsError(
            "cannot make a bundle until these case settings are set: "
            + ", ".join(missing)
            + " (chatsafe settings CASE --set KEY=VALUE)"
        )
    return mdto.Archival(
        s["organisation"], s["appraisal"], s["retention"], s["information_category"]
    )


def approve(case: Any, *, by: str) -> str:
    """Record the minister's approval of what will leave (without making a bundle)."""
    with case.transaction() as c:
        exclusions.commitment_secret(c)
        return approval.record_approval(c, by=by, summary=_totals(c))


def _totals(c: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(summarize(c).total)


def make_bundle(
    case: Any,
    out: Path,
    signer: Signer,
    *,
    by: str,
    role: str | Role,
    include_reasons: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BundleResult:
    role = parse_role(role) if isinstance(role, str) else role
    archival = check_settings(case)
    if not by or not by.strip():
        raise SettingsError("say who makes the bundle (--by NAME)")
    approval.check_may_bundle(case.conn, role)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise CancelledError("bundle cancelled; no file was written")

    def report(phase: str, done: int, total: int) -> None:
        check()
        if progress:
            progress(phase, done, total)

    with case.transaction() as c:
        exclusions.commitment_secret(c)
        if role is Role.MINISTER:
            approval.record_approval(c, by=by, summary=_totals(c))
    c = case.conn
    external_id = f"urn:uuid:{uuid.uuid4()}"
    now = datetime.now(UTC).replace(microsecond=0)
    now_iso = now.isoformat().replace("+00:00", "Z")
    leaving = payload.leaving_conversations(c)
    log_lines, head, sealed = reviewlog.export_lines(c)
    summary = summarize(c)
    entries = attachments = 0
    out = Path(out)
    with atomic_output(out) as f:
        bag = BagWriter(f, f"bundle-{external_id[9:]}", check)
        try:
            completeness_out: list[dict[str, Any]] = []
            import_ids: set[int] = set()
            for i, conv in enumerate(leaving):
                report("conversations", i, len(leaving))
                n, a, comp, imps = _write_conversation(
                    bag, c, conv, case.time_zone, archival, external_id, now_iso, by, check
                )
                entries += n
                attachments += a
                import_ids |= imps
                counts = summary.conversations.get(conv.case_id)
                completeness_out.append(
                    comp.result(conv.folder, counts.out_of_period if counts else 0)
                )
            report("metadata", len(leaving), len(leaving))
            excl = exclusions.build(c, leaving, include_reasons=include_reasons)
            bag.write_bytes("metadata/exclusions.json", _json(excl), tag=True)
            comp_doc = {
                "format": "chatsafe-completeness/1",
                "conversations": completeness_out,
                "imports": completeness.imports(c, import_ids),
            }
            bag.write_bytes("metadata/completeness.json", _json(comp_doc), tag=True)
            bag.write_bytes(
                "metadata/review-log.jsonl",
                "".join(line + "\n" for line in log_lines).encode("utf-8"),
                tag=True,
            )
            bag_info = [
                ("Source-Organization", archival.organisation),
                ("External-Identifier", external_id),
                (
                    "External-Description",
                    f"Business chat messages ({len(leaving)} conversations, {entries} entries) "
                    "selected with chatsafe; private, party-political and out-of-period "
                    "messages withheld (metadata/exclusions.json).",
                ),
                ("Bagging-Date", now.date().isoformat()),
                ("Bag-Software-Agent", f"chatsafe {__version__}"),
                ("BagIt-Profile-Identifier", PROFILE),
                ("Review-Log-Head", head),
                ("Review-Log-Sealed-Lines", str(sealed)),
                ("Approved-By", f"{by} ({role.value})"),
                ("Signer", signer.describe()),
            ]
            report("signing", 0, 1)
            bag.finish([(k, _one_line(v)) for k, v in bag_info], signer.sign)
            payload_bytes = sum(e.size for e in bag.payload)
        except BaseException:
            bag.abort()
            raise
    with case.transaction() as tc:
        log.append(
            tc,
            actor=by,
            role=role.value,
            action=approval.CREATED,
            target="bundle",
            new={"external_identifier": external_id, "review_log_head": head},
        )
    return BundleResult(
        out,
        external_id,
        len(leaving),
        entries,
        attachments,
        payload_bytes,
        head,
        sealed,
        signer.describe(),
    )


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _json(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _write_conversation(
    bag: BagWriter,
    c: Any,
    conv: payload.LeavingConversation,
    time_zone: str,
    archival: mdto.Archival,
    external_id: str,
    now_iso: str,
    by: str,
    check: Callable[[], None],
) -> tuple[int, int, completeness.Collector, set[int]]:
    people = payload.conversation_participants(c, conv)
    first, last = _span(c, conv)
    header = {
        "title": conv.title,
        "source_format": conv.source_format,
        "is_group": conv.is_group,
        "participants": [{"name": n, "owner": o} for n, o in people],
        "time_zone": time_zone,
        "first": first,
        "last": last,
    }
    folder = f"data/{conv.folder}"
    conv_ident = f"{external_id}/{conv.folder}"
    collector = completeness.Collector()

    def rows() -> Any:
        for r in payload.iter_rows(c, conv):
            collector.feed(r)
            yield r

    files: list[tuple[str, str, int, str | None, str]] = []  # (path, name, size, mime, sha256)
    with bag.writer(f"{folder}/transcript.json") as w:
        count = write_transcript(w, conv, header, rows())
        size, sha = w.size, w.hashes["sha256"].hexdigest()
    files.append(("transcript.json", "transcript.json", size, "application/json", sha))
    check()
    pdf = render_pdf(conv, header, payload.iter_rows(c, conv), created=_parse(now_iso), check=check)
    e = bag.write_bytes(f"{folder}/transcript.pdf", pdf)
    files.append(
        ("transcript.pdf", "transcript.pdf", e.size, "application/pdf+a-2u", e.digests["sha256"])
    )
    del pdf
    n_att = 0
    for a in payload.leaving_files(c, conv):
        assert a.path is not None and a.blob_id is not None
        e = bag.write_stream(f"{folder}/{a.path}", iter_blob(c, a.blob_id))
        files.append((a.path, a.name, e.size, a.mime, e.digests["sha256"]))
        n_att += 1
    for path, name, size, mime, sha in files:
        xml = mdto.bestand(
            ident=f"{conv_ident}/{path}",
            name=name,
            size=size,
            mime=mime,
            sha256=sha,
            checksum_time=now_iso,
            represents=(conv.title, conv_ident),
        )
        bag.write_bytes(f"{folder}/{path}.mdto.xml", xml)
    info = mdto.informatieobject(
        ident=conv_ident,
        title=conv.title,
        description=(
            f"Chat conversation ({conv.source_format}, "
            f"{'group' if conv.is_group else 'one-to-one'}): {count} business entries."
        ),
        first=first,
        last=last,
        participants=people,
        files=[(p, f"{conv_ident}/{p}") for p, *_ in files],
        archival=archival,
        event_time=now_iso,
        event_actor=by,
    )
    bag.write_bytes(f"{folder}.mdto.xml", info)
    keep = set(conv.message_ids)
    imports = {
        int(imp)
        for mid, imp in c.execute(
            "SELECT id, import_id FROM messages WHERE conversation_id = ?", (conv.case_id,)
        )
        if int(mid) in keep
    }
    return count, n_att, collector, imports


def _span(c: Any, conv: payload.LeavingConversation) -> tuple[str | None, str | None]:
    def wallclock(mid: int) -> str | None:
        row = c.execute("SELECT wallclock FROM messages WHERE id = ?", (mid,)).fetchone()
        return str(row[0]) if row else None

    return wallclock(conv.message_ids[0]), wallclock(conv.message_ids[-1])


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))
