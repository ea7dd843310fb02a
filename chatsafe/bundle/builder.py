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

from chatsafe import __version__, identifiers, settings
from chatsafe.bundle import (
    approval,
    completeness,
    exclusions,
    formats,
    mdto,
    pakbon,
    payload,
    retention,
    reviewlog,
    sip,
    supersede,
)
from chatsafe.bundle.atomic import atomic_output
from chatsafe.bundle.bagit_writer import BagWriter
from chatsafe.bundle.preflight import Completeness, Preflight
from chatsafe.bundle.signing import Signer, describe_cert
from chatsafe.bundle.timestamp import Tsa, add_timestamp
from chatsafe.bundle.transcript_json import write_transcript
from chatsafe.bundle.transcript_pdf import render_pdf
from chatsafe.errors import CancelledError, InputError, SettingsError
from chatsafe.review import log
from chatsafe.review.labels import ReviewError, Role, parse_role
from chatsafe.review.summary import summarize
from chatsafe.store import queries
from chatsafe.store.blobs import iter_blob

PROFILE = "urn:chatsafe:bagit-profile:business-chats:1"
APPROVAL_NAME = "metadata/approval.json"
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
    #: the approval the bundle carries ("description": "claimed by NAME, not signed", ...)
    approval: dict[str, Any] | None = None
    supersedes: str | None = None  # the External-Identifier of the transfer it replaces


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
    )


def _truncation(c: Any, conversation_id: int) -> dict[str, Any] | None:
    row = c.execute("SELECT extra FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
    return queries.truncation(row[0] if row else None)


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
        organisation=s["organisation"],
        appraisal=s["appraisal"],
        retention=retention.from_settings(s, s["appraisal"]),
        information_category=s["information_category"],
        selection_list=s.get("selection_list") or None,
        category_code=s.get("information_category_code") or None,
        organisation_id=s.get("organisation_id") or None,
        language=s.get("language") or None,
    )


def approve(case: Any, *, by: str, signer: Signer | None = None) -> str:
    """Record the minister's approval of what will leave (without making a bundle);
    signed with ``signer`` (the minister's own certificate) when given, else a claim."""
    with case.transaction() as c:
        exclusions.commitment_secret(c)
        return approval.record_approval(
            c, by=by, summary=_totals(c), case_id=case.id, signer=signer
        )


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
    supersedes: Path | None = None,
    tsa: Tsa | None = None,
) -> BundleResult:
    """Make the bundle; ``supersedes``: an earlier transfer of this case it replaces; with
    ``tsa``, the signature carries an RFC 3161 timestamp."""
    role = parse_role(role) if isinstance(role, str) else role
    archival = check_settings(case)
    old = supersede.read_transfer(Path(supersedes)) if supersedes else None
    if old is not None and old.group != identifiers.case_urn(case.id):
        raise InputError(
            f"{supersedes}: is a transfer of another case ({old.group}); a bundle can only "
            "supersede a transfer of the same case"
        )
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
        held = approval.approval_state(c)
        if role is Role.MINISTER and (held is None or held.void or not held.signed):
            # The minister making the bundle approves it with the bundle's signer, so
            # the certificate, not the --by/--role claim, says who approved.
            approval.record_approval(c, by=by, summary=_totals(c), case_id=case.id, signer=signer)
        state = approval.approval_state(c)
        if state is None or state.void:  # checked above; the case changed in between
            raise ReviewError("the approval no longer covers what would leave; approve again")
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
        local = now.astimezone(_zone(case.time_zone))
        when = (local.year, local.month, local.day, local.hour, local.minute, local.second)
        bag = BagWriter(f, f"bundle-{external_id[9:]}", check, when=when)
        try:
            completeness_out: list[dict[str, Any]] = []
            import_ids: set[int] = set()
            series = mdto.Ref(_series_title(case, archival), identifiers.case_urn(case.id))
            ctx = _Context(bag, c, case.id, archival, now_iso, by, check, series)
            if old is not None:
                ctx.objects, ctx.messages = set(), set()
            dossiers: list[mdto.Ref] = []
            for i, conv in enumerate(leaving):
                report("conversations", i, len(leaving))
                n, a, comp, imps, dossier = _write_conversation(ctx, conv, i + 1, case.time_zone)
                dossiers.append(dossier)
                entries += n
                attachments += a
                import_ids |= imps
                counts = summary.conversations.get(conv.case_id)
                completeness_out.append(
                    comp.result(conv.folder, counts.out_of_period if counts else 0)
                    | {"possibly_truncated": _truncation(c, conv.case_id)}
                )
            dossiers.append(_write_documentation(ctx))
            series_events = [_export_event(ctx)]
            if old is not None:
                dossiers.append(_write_register(ctx, old))
                series_events.append(
                    (
                        "Vervanging",
                        now_iso,
                        by,
                        f"Vervangt overbrenging {old.external_id}: zie chatsafe-vervanging.json "
                        "voor wat is ingetrokken en toegevoegd.",
                    )
                )
            _write_object(
                ctx,
                f"data/{sip.SERIES}",
                mdto.InfoObject(
                    ident=series.ident or "",
                    name=series.name,
                    level="Serie",
                    description=(
                        f"Zakelijke chatberichten ({len(leaving)} gesprekken, {entries} berichten "
                        "en gebeurtenissen), geselecteerd met chatsafe."
                    ),
                    parent=_target(case),
                    parts=dossiers,
                    events=series_events,
                ),
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
            # The approval travels whole: verify checks it covers exactly the
            # transcripts' entries and, when signed, names the approver from the
            # certificate.
            bag.write_bytes(APPROVAL_NAME, state.statement.encode("utf-8"), tag=True)
            if state.signature is not None:
                bag.write_bytes(APPROVAL_NAME + ".p7s", state.signature, tag=True)
            bag.write_bytes(
                "metadata/review-log.jsonl",
                "".join(line + "\n" for line in log_lines).encode("utf-8"),
                tag=True,
            )
            s = case.settings()
            sip_counts = pakbon.count((e.name, e.size) for e in bag.payload)
            bag.write_bytes(
                "pakbon.xml",
                pakbon.pakbon(
                    identifier=external_id,
                    title=_series_title(case, archival),
                    target=s.get("target_collection") or None,
                    created=now_iso,
                    organisation=archival.organisation,
                    contact_name=s.get("contact_name") or None,
                    contact_email=s.get("contact_email") or None,
                    counts=sip_counts,
                    remarks=(
                        "Chatberichten als transcript (JSON, chatsafe-transcript/1, beschreven "
                        "in chatsafe-documentatie.md, en PDF/A-2u) met bijlagen in hun "
                        "oorspronkelijke formaat."
                    ),
                ),
                tag=True,
            )
            payload_size = sum(e.size for e in bag.payload)
            bag_info = [
                ("Source-Organization", archival.organisation),
                ("External-Identifier", external_id),
                (
                    "External-Description",
                    f"Business chat messages ({len(leaving)} conversations, {entries} entries) "
                    "selected with chatsafe; private, party-political and out-of-period "
                    "messages withheld (metadata/exclusions.json).",
                ),
                *[
                    (label, value)
                    for label, value in (
                        ("Contact-Name", s.get("contact_name")),
                        ("Contact-Email", s.get("contact_email")),
                    )
                    if value
                ],
                # The organisation's day, not UTC's (a bundle made at 00:30 in The Hague).
                ("Bagging-Date", local.date().isoformat()),
                ("Bag-Size", _human_size(payload_size)),
                ("Bag-Group-Identifier", identifiers.case_urn(case.id)),
                ("Bag-Software-Agent", f"chatsafe {__version__}"),
                ("BagIt-Profile-Identifier", PROFILE),
                *([("Supersedes", old.external_id)] if old is not None else []),
                ("Review-Log-Head", head),
                ("Review-Log-Sealed-Lines", str(sealed)),
                ("Approved-By", state.describe()),
                ("Approval-Leaving-Digest", json.loads(state.statement)["leaving_digest"]),
                # The certificate's subject exactly: verify compares it with the
                # certificate that signed.
                ("Signer", describe_cert(signer.certificate)),
            ]
            report("signing", 0, 1)
            bag.finish([(k, _one_line(v)) for k, v in bag_info], _sealer(signer, tsa))
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
        approval=state.as_dict(),
        supersedes=old.external_id if old is not None else None,
    )


def _zone(name: str) -> Any:
    from chatsafe.ingest import zone

    return zone(name)


def _human_size(n: int) -> str:
    """RFC 8493's Bag-Size, for people: '260.4 MB'."""
    if n < 1000:
        return f"{n} B"
    size = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1000
        if size < 1000 or unit == "TB":
            break
    return f"{size:.1f} {unit}"


def _sealer(signer: Signer, tsa: Tsa | None) -> Callable[[bytes], bytes]:
    if tsa is None:
        return signer.sign
    return lambda content: add_timestamp(signer.sign(content), tsa)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _json(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


@dataclass
class _Context:
    """What every sidecar of one bundle shares."""

    bag: BagWriter
    c: Any
    case_id: uuid.UUID
    archival: mdto.Archival
    now_iso: str
    by: str
    check: Callable[[], None]
    series: mdto.Ref
    # Identifiers written, kept only for a superseding transfer (supersede.register).
    objects: set[str] | None = None
    messages: set[str] | None = None


def _write_file(
    ctx: _Context, path: str, chunks: Any, mime: str | None, owner: mdto.Ref, ident: str
) -> mdto.Ref:
    """A payload file, identified while it is written, and its bestand sidecar."""
    found = formats.Identification()
    try:
        e = ctx.bag.write_stream(path, found.tee(chunks))
        fmt = found.result(mime)
    finally:
        found.close()
    if mime == "application/json" and fmt.puid in (None, "x-fmt/111"):
        fmt = formats.OWN_JSON  # chatsafe's own JSON (no byte signature exists for JSON)
    return _describe(ctx, path, e.size, e.digests["sha256"], fmt, owner, ident)


def _describe(
    ctx: _Context,
    path: str,
    size: int,
    sha256: str,
    fmt: mdto.Format,
    owner: mdto.Ref,
    ident: str,
) -> mdto.Ref:
    name = sip.check_name(path.rsplit("/", 1)[-1])
    xml = mdto.bestand(
        ident=ident,
        name=name,
        size=size,
        fmt=fmt,
        sha256=sha256,
        checksum_time=ctx.now_iso,
        represents=owner,
    )
    ctx.bag.write_bytes(sip.file_sidecar(path), xml)
    if ctx.objects is not None:
        ctx.objects.add(ident)
    return mdto.Ref(name, ident)


def _export_event(ctx: _Context) -> tuple[str, str, str, str | None]:
    return (
        "Export",
        ctx.now_iso,
        ctx.by,
        "Zakelijke berichten geselecteerd voor overbrenging; privé- en partijpolitieke "
        "berichten achtergehouden (zie metadata/exclusions.json).",
    )


def _write_conversation(
    ctx: _Context, conv: payload.LeavingConversation, number: int, time_zone: str
) -> tuple[int, int, completeness.Collector, set[int], mdto.Ref]:
    c, bag = ctx.c, ctx.bag
    people = payload.conversation_participants(c, conv)
    first, last = _span(c, conv)
    conv_urn = identifiers.conversation_urn(ctx.case_id, conv.source_format, conv.key)
    header = {
        "title": conv.title,
        "urn": conv_urn,
        "source_format": conv.source_format,
        "is_group": conv.is_group,
        "participants": [{"name": n, "owner": o} for n, o in people],
        "time_zone": time_zone,
        "first": first,
        "last": last,
    }
    title = sip.public_title(conv.title, conv.is_group, number)
    dossier = mdto.Ref(title, conv_urn)
    folder = sip.conversation_folder(conv.folder)
    collector = completeness.Collector()

    def rows() -> Any:
        for r in payload.iter_rows(c, conv):
            collector.feed(r)
            yield r

    def message_urn(r: payload.Row) -> str:
        urn = identifiers.message_urn(ctx.case_id, bytes.fromhex(r.identity))
        if ctx.messages is not None:
            ctx.messages.add(urn)
        return urn

    # The transcript: one Archiefstuk with two representations (the exact JSON record
    # and the PDF/A rendition).
    t_urn = identifiers.part_urn(ctx.case_id, conv_urn, "transcript")
    t_ref = mdto.Ref(f"Transcript: {title}", t_urn)
    reps: list[mdto.Ref] = []
    json_path = sip.transcript_file(conv.folder, "json")
    with bag.writer(json_path) as w:
        count = write_transcript(w, conv, header, rows(), message_urn)
        size, sha = w.size, w.hashes["sha256"].hexdigest()
    reps.append(
        _describe(
            ctx,
            json_path,
            size,
            sha,
            formats.OWN_JSON,
            t_ref,
            identifiers.part_urn(ctx.case_id, t_urn, "json"),
        )
    )
    ctx.check()
    pdf = render_pdf(
        conv, header, payload.iter_rows(c, conv), created=_parse(ctx.now_iso), check=ctx.check
    )
    ref = _write_file(
        ctx,
        sip.transcript_file(conv.folder, "pdf"),
        [pdf],
        "application/pdf",
        t_ref,
        identifiers.part_urn(ctx.case_id, t_urn, "pdf"),
    )
    reps.append(ref)
    del pdf
    pieces = [t_ref]
    _write_object(
        ctx,
        sip.transcript_folder(conv.folder),
        mdto.InfoObject(
            ident=t_urn,
            name=t_ref.name,
            level="Archiefstuk",
            description=f"Transcript van {count} zakelijke berichten en gebeurtenissen.",
            parent=dossier,
            representations=reps,
            first=first,
            last=last,
            events=[_export_event(ctx)],
        ),
    )
    n_att = 0
    for a in payload.leaving_files(c, conv):
        assert a.path is not None and a.blob_id is not None and a.sha256
        a_urn = identifiers.attachment_urn(ctx.case_id, conv_urn, a.sha256)
        a_ref = mdto.Ref(a.name or a.path.rsplit("/", 1)[-1], a_urn)
        file_ref = _write_file(
            ctx,
            f"{folder}/{a.path}",
            iter_blob(c, a.blob_id),
            a.mime,
            a_ref,
            identifiers.part_urn(ctx.case_id, a_urn, "file"),
        )
        _write_object(
            ctx,
            f"{folder}/{a.path.rsplit('/', 1)[0]}",
            mdto.InfoObject(
                ident=a_urn,
                name=a_ref.name,
                level="Archiefstuk",
                description="Bijlage van een zakelijk bericht in dit gesprek.",
                parent=dossier,
                representations=[file_ref],
                events=[_export_event(ctx)],
            ),
        )
        pieces.append(a_ref)
        n_att += 1
    _write_object(
        ctx,
        folder,
        mdto.InfoObject(
            ident=conv_urn,
            name=title,
            level="Dossier",
            description=(
                f"Chatgesprek ({conv.source_format}, "
                f"{'groep' if conv.is_group else 'een-op-een'}): {count} zakelijke berichten "
                "en gebeurtenissen."
            ),
            parent=ctx.series,
            parts=pieces,
            first=first,
            last=last,
            participants=sip.public_participants(people),
            events=[_export_event(ctx)],
        ),
    )
    keep = set(conv.message_ids)
    imports = {
        int(imp)
        for mid, imp in c.execute(
            "SELECT id, import_id FROM messages WHERE conversation_id = ?", (conv.case_id,)
        )
        if int(mid) in keep
    }
    return count, n_att, collector, imports, dossier


def _series_title(case: Any, archival: mdto.Archival) -> str:
    owner = (case.settings().get("owner") or "").strip()
    who = f" van {owner}" if owner and not sip.names_a_number(owner) else ""
    return f"Chatberichten{who} ({archival.organisation})"


def _target(case: Any) -> mdto.Ref | None:
    """The collection in the archive the transfer goes into (SIP spec: the aggregation
    above, referred to from the top of the SIP)."""
    target = (case.settings().get("target_collection") or "").strip()
    return mdto.Ref(target) if target else None


def _write_documentation(ctx: _Context) -> mdto.Ref:
    """chatsafe's own formats and lists, as the SIP spec asks, as an information object."""
    from importlib.resources import files

    doc = (files("chatsafe") / "data" / "chatsafe-documentatie.md").read_bytes()
    folder = f"data/{sip.SERIES}/{sip.DOCS}"
    d_urn = identifiers.named_urn(ctx.case_id, "documentation")
    ref = mdto.Ref("Documentatie van de formaten en begrippenlijsten van chatsafe", d_urn)
    file_ref = _write_file(
        ctx,
        f"{folder}/{sip.DOCS}.md",
        [doc],
        "text/markdown",
        ref,
        identifiers.part_urn(ctx.case_id, d_urn, "file"),
    )
    _write_object(
        ctx,
        folder,
        mdto.InfoObject(
            ident=d_urn,
            name=ref.name,
            level="Archiefstuk",
            description="Beschrijving van het transcriptformaat, de identificatie en de eigen "
            "begrippenlijsten van chatsafe.",
            parent=ctx.series,
            representations=[file_ref],
            events=[_export_event(ctx)],
        ),
    )
    return ref


def _write_object(ctx: _Context, folder: str, obj: mdto.InfoObject) -> None:
    sip.check_name(folder.rsplit("/", 1)[-1])
    ctx.bag.write_bytes(sip.folder_sidecar(folder), mdto.informatieobject(obj, ctx.archival))
    if ctx.objects is not None:
        ctx.objects.add(obj.ident)


def _write_register(ctx: _Context, old: supersede.Transfer) -> mdto.Ref:
    """The superseding transfer's register, as an information object of the SIP."""
    assert ctx.objects is not None and ctx.messages is not None
    # The series' own sidecar is written last; it is in both transfers.
    written = set(ctx.objects) | {ctx.series.ident or ""}
    reg = supersede.register(ctx.c, ctx.case_id, old, written, ctx.messages)
    folder = f"data/{sip.SERIES}/{supersede.REGISTER}"
    r_urn = identifiers.named_urn(ctx.case_id, f"supersede:{old.external_id}")
    ref = mdto.Ref(f"Vervanging van overbrenging {old.external_id}", r_urn)
    file_ref = _write_file(
        ctx,
        f"{folder}/{supersede.REGISTER}.json",
        [_json(reg)],
        "application/json",
        ref,
        identifiers.part_urn(ctx.case_id, r_urn, "file"),
    )
    n_out = len(reg["withdrawn"]["messages"])
    _write_object(
        ctx,
        folder,
        mdto.InfoObject(
            ident=r_urn,
            name=ref.name,
            level="Archiefstuk",
            description=(
                f"Register van wat deze overbrenging intrekt ({n_out} berichten, "
                f"{len(reg['withdrawn']['objects'])} informatieobjecten en bestanden) en "
                "toevoegt ten opzichte van de eerdere overbrenging."
            ),
            parent=ctx.series,
            representations=[file_ref],
            events=[_export_event(ctx)],
        ),
    )
    return ref


def _span(c: Any, conv: payload.LeavingConversation) -> tuple[str | None, str | None]:
    def wallclock(mid: int) -> str | None:
        row = c.execute("SELECT wallclock FROM messages WHERE id = ?", (mid,)).fetchone()
        return str(row[0]) if row else None

    return wallclock(conv.message_ids[0]), wallclock(conv.message_ids[-1])


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))
