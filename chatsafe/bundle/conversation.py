"""One leaving conversation into the bag: its Dossier, the transcript Archiefstuk with
its JSON and PDF/A representations, and an Archiefstuk per business attachment."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chatsafe import identifiers
from chatsafe.bundle import completeness, evidence, formats, mdto, payload, sip
from chatsafe.bundle.sidecars import Context, describe, export_event, write_file, write_object
from chatsafe.bundle.transcript_json import write_transcript
from chatsafe.bundle.transcript_pdf import render_pdf
from chatsafe.store.blobs import iter_blob


def write_conversation(
    ctx: Context, conv: payload.LeavingConversation, number: int, time_zone: str
) -> tuple[int, int, completeness.Collector, set[int], mdto.Ref]:
    """Returns (entries, attachments, the completeness collector, the import ids the
    conversation's leaving messages came from, the Dossier)."""
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
        describe(
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
        conv,
        header,
        payload.iter_print_rows(c, conv),
        created=_parse(ctx.now_iso),
        check=ctx.check,
        shared=ctx.pdf_fonts,
    )
    ref = write_file(
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
    write_object(
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
            events=[export_event(ctx)],
        ),
    )
    n_att = 0
    for a in payload.leaving_files(c, conv):
        assert a.path is not None and a.blob_id is not None and a.sha256
        a_urn = identifiers.attachment_urn(ctx.case_id, conv_urn, a.sha256)
        a_ref = mdto.Ref(a.name or a.path.rsplit("/", 1)[-1], a_urn)
        file_ref = write_file(
            ctx,
            f"{folder}/{a.path}",
            iter_blob(c, a.blob_id),
            a.mime,
            a_ref,
            identifiers.part_urn(ctx.case_id, a_urn, "file"),
        )
        write_object(
            ctx,
            f"{folder}/{a.path.rsplit('/', 1)[0]}",
            mdto.InfoObject(
                ident=a_urn,
                name=a_ref.name,
                level="Archiefstuk",
                description="Bijlage van een zakelijk bericht in dit gesprek.",
                parent=dossier,
                representations=[file_ref],
                events=[export_event(ctx)],
            ),
        )
        pieces.append(a_ref)
        n_att += 1
    write_object(
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
            events=[export_event(ctx)],
            # The evidence that describes it (exclusions, completeness, review log,
            # approval) names it back: bundle/evidence.py.
            related=evidence.refs(ctx.case_id),
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


def _span(c: Any, conv: payload.LeavingConversation) -> tuple[str | None, str | None]:
    def wallclock(mid: int) -> str | None:
        row = c.execute("SELECT wallclock FROM messages WHERE id = ?", (mid,)).fetchone()
        return str(row[0]) if row else None

    return wallclock(conv.message_ids[0]), wallclock(conv.message_ids[-1])


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))
