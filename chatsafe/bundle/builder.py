"""Making the bundle: the business record of a case, as a signed BagIt bag in a zip.

The order of work: check settings and the minister's confirmation, record the
confirmation, then stream every leaving conversation into the zip (transcript.json,
transcript.pdf, attachments, MDTO), then the metadata, the manifests and the signature.
The zip is written to a temporary name and renamed only when complete.

The parts live in their own modules: ``conversation`` (one Dossier), ``series`` (the
objects under the Serie), ``sidecars`` (files and information objects with their MDTO),
``baginfo`` (bag-info.txt) and ``preflight`` (what is shown before).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chatsafe import identifiers, settings
from chatsafe.bundle import (
    approval,
    completeness,
    evidence,
    exclusions,
    mdto,
    pakbon,
    payload,
    retention,
    reviewlog,
    sip,
    supersede,
    targets,
)
from chatsafe.bundle.atomic import atomic_output
from chatsafe.bundle.baginfo import bag_info
from chatsafe.bundle.bagit_writer import BagWriter
from chatsafe.bundle.conversation import write_conversation
from chatsafe.bundle.series import series_title, target, write_documentation, write_register
from chatsafe.bundle.sidecars import Context, export_event, to_json, write_object
from chatsafe.bundle.signing import Signer, describe_cert
from chatsafe.bundle.timestamp import Tsa, add_timestamp
from chatsafe.errors import CancelledError, InputError, SettingsError
from chatsafe.review import doubts, log
from chatsafe.review.labels import ReviewError, Role, parse_role
from chatsafe.review.summary import summarize
from chatsafe.store import coverage, queries

_CMS = "application/pkcs7-signature"
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
        # The minister cannot approve what someone still asks about.
        doubts.check_none_open(c, "the approval")
        exclusions.commitment_secret(c)
        return approval.record_approval(
            c, by=by, summary=_totals(c), case_id=case.id, signer=signer
        )


def _transcript_fonts(
    c: Any, leaving: list[payload.LeavingConversation], zone: str, check: Callable[[], None]
) -> Any:
    """Each transcript font subset once for the bundle, from the characters of what
    leaves (bundle/pdf_subsets.py); every transcript PDF embeds the same subsets."""
    from chatsafe.bundle import pdf_fonts, pdf_subsets

    chars = pdf_subsets.bundle_characters(c, leaving, [zone], check)
    return pdf_subsets.BundleFonts(pdf_fonts.fonts(), chars)


def _totals(c: Any) -> dict[str, Any]:
    return asdict(summarize(c).total)


# The page cache while a bundle is made. A bundle reads every leaving message several
# times (what leaves, the summary, the fonts' first pass, each conversation's JSON record
# and PDF); with the connection's usual 64 MiB a case larger than that is decrypted
# again on every pass, and a conversation whose messages lie all over the file once per
# conversation. 256 MiB holds a case of about a million chat messages: on such a case
# (bench's, messages placed round-robin) those passes took 25 s of CPU instead of 66 s,
# for about 150 MB more memory at the peak. Only what is read is held.
BUNDLE_PAGE_CACHE_MIB = 256


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
    with case.page_cache(BUNDLE_PAGE_CACHE_MIB):
        return _make_bundle(
            case,
            out,
            signer,
            by=by,
            role=role,
            include_reasons=include_reasons,
            progress=progress,
            cancelled=cancelled,
            supersedes=supersedes,
            tsa=tsa,
        )


def _make_bundle(
    case: Any,
    out: Path,
    signer: Signer,
    *,
    by: str,
    role: str | Role,
    include_reasons: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    supersedes: Path | None,
    tsa: Tsa | None,
) -> BundleResult:
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
    doubts.check_none_open(case.conn)
    approval.check_may_bundle(case.conn, role)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise CancelledError("bundle cancelled; no file was written")

    def report(phase: str, done: int, total: int) -> None:
        check()
        if progress:
            progress(phase, done, total)

    with case.transaction() as c:
        doubts.check_none_open(c)  # again: a doubt may have been raised in between
        exclusions.commitment_secret(c)
        log.secret(c)  # the shipped review log's line commitments (bundle/reviewlog.py)
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
    log_lines, head, sealed = reviewlog.export_lines(c, targets.Names(c, case.id, leaving))
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
            title = series_title(case, archival)
            series = mdto.Ref(title, identifiers.case_urn(case.id))
            ctx = Context(bag, c, case.id, archival, now_iso, by, check, series)
            if old is not None:
                ctx.objects, ctx.messages = set(), set()
            ctx.pdf_fonts = _transcript_fonts(c, leaving, case.time_zone, check)
            dossiers: list[mdto.Ref] = []
            for i, conv in enumerate(leaving):
                report("conversations", i, len(leaving))
                n, a, comp, imps, dossier = write_conversation(ctx, conv, i + 1, case.time_zone)
                dossiers.append(dossier)
                entries += n
                attachments += a
                import_ids |= imps
                counts = summary.conversations.get(conv.case_id)
                completeness_out.append(
                    comp.result(conv.folder, counts.out_of_period if counts else 0)
                    | {
                        "urn": dossier.ident,  # as its transcript and Dossier name it
                        "possibly_truncated": _truncation(c, conv.case_id),
                        # Issue 17's reconciliation, counts only: withheld messages
                        # count too (docs/bundle.md, "completeness.json").
                        "coverage": coverage.conversation_coverage(c, conv.case_id),
                    }
                )
            conversations = list(dossiers)
            dossiers.append(write_documentation(ctx))
            report("metadata", len(leaving), len(leaving))
            # The evidence, as information objects in data/ (bundle/evidence.py), before
            # a superseding register, which lists every object this transfer holds.
            excl = exclusions.build(c, leaving, include_reasons=include_reasons, case_id=case.id)
            comp_doc = {
                "format": "chatsafe-completeness/1",
                "conversations": completeness_out,
                "imports": completeness.imports(c, import_ids),
            }
            # The approval travels whole: verify checks it covers exactly the
            # transcripts' entries and, when signed, names the approver from the
            # certificate.
            approval_files = [(".json", state.statement.encode("utf-8"), "application/json")]
            if state.signature is not None:
                approval_files.append((".json.p7s", state.signature, _CMS))
            log_bytes = "".join(line + "\n" for line in log_lines).encode("utf-8")
            for ev, ev_files in (
                (evidence.EXCLUSIONS, [(".json", to_json(excl), "application/json")]),
                (evidence.COMPLETENESS, [(".json", to_json(comp_doc), "application/json")]),
                (evidence.REVIEW_LOG, [(".jsonl", log_bytes, "text/plain")]),
                (evidence.APPROVAL, approval_files),
            ):
                dossiers.append(evidence.write(ctx, ev, ev_files, conversations))
            series_events = [export_event(ctx)]
            if old is not None:
                dossiers.append(write_register(ctx, old))
                series_events.append(
                    (
                        "Vervanging",
                        now_iso,
                        by,
                        f"Vervangt overbrenging {old.external_id}: zie chatsafe-vervanging.json "
                        "voor wat is ingetrokken en toegevoegd.",
                    )
                )
            write_object(
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
                    parent=target(case),
                    parts=dossiers,
                    events=series_events,
                ),
            )
            s = case.settings()
            sip_counts = pakbon.count((e.name, e.size) for e in bag.payload)
            bag.write_bytes(
                "pakbon.xml",
                pakbon.pakbon(
                    identifier=external_id,
                    title=title,
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
            info = bag_info(
                organisation=archival.organisation,
                external_id=external_id,
                conversations=len(leaving),
                entries=entries,
                contact_name=s.get("contact_name"),
                contact_email=s.get("contact_email"),
                bagging_date=local.date().isoformat(),
                payload_size=sum(e.size for e in bag.payload),
                group=identifiers.case_urn(case.id),
                supersedes=old.external_id if old is not None else None,
                review_log_head=head,
                sealed_lines=sealed,
                approved_by=state.describe(),
                leaving_digest=json.loads(state.statement)["leaving_digest"],
                signer=describe_cert(signer.certificate),
            )
            report("signing", 0, 1)
            bag.finish(info, _sealer(signer, tsa))
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


def _sealer(signer: Signer, tsa: Tsa | None) -> Callable[[bytes], bytes]:
    if tsa is None:
        return signer.sign
    return lambda content: add_timestamp(signer.sign(content), tsa)
