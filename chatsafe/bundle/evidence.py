"""The bundle's evidence as information objects of the SIP (issue 15, item 6).

The exclusion register, the completeness report, the review log and the minister's
approval prove what was withheld and why the rest may leave. Sidecar-based ingest keeps
only what ``data/`` describes, so each is an Archiefstuk under the Serie with its own
sidecar and its files as Bestand, and each names the conversations it describes with
``gerelateerdInformatieobject`` ("Refereert aan"), each conversation naming it back
("Wordt aangehaald door"). Their identifiers are stable per case, so a conversation's
sidecar can name them before they are written.

Bundles made before this kept them as tag files under ``metadata/``; ``locate`` finds
either, so verify, supersede and the approval check read old and new bundles alike.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from chatsafe import identifiers
from chatsafe.bundle import mdto, sip
from chatsafe.bundle.sidecars import Context, export_event, write_file, write_object

REFERS_TO = "Refereert aan"
REFERRED_BY = "Wordt aangehaald door"


@dataclass(frozen=True)
class Evidence:
    key: str  # the stable part of its URN
    folder: str  # its folder under data/chats/, and the stem of its files
    ext: str  # its main file's extension
    name: str  # MDTO naam
    description: str
    legacy: str  # where bundles before issue 15 item 6 kept it (a tag file)


EXCLUSIONS = Evidence(
    "exclusions",
    "chatsafe-exclusions",
    ".json",
    "Register van achtergehouden berichten",
    "Wat is achtergehouden (privé, partijpolitiek, buiten de periode), hoeveel, wanneer en "
    "op welke grond, met een gezouten commitment per bericht; geen inhoud.",
    "metadata/exclusions.json",
)
COMPLETENESS = Evidence(
    "completeness",
    "chatsafe-completeness",
    ".json",
    "Volledigheidsverslag",
    "Per gesprek: verwijderde en eenmalig zichtbare berichten, verdwijnende berichten, "
    "ontbrekende bijlagen, lange stiltes, en per bron hoeveel berichten die bevatte en over "
    "welke periode (aantallen, geen inhoud).",
    "metadata/completeness.json",
)
REVIEW_LOG = Evidence(
    "review-log",
    "chatsafe-review-log",
    ".jsonl",
    "Beoordelingslog",
    "Elke beslissing over wat vertrekt, als hashketen; berichten en gesprekken genoemd met "
    "hun identificatie, redenen alleen als commitment.",
    "metadata/review-log.jsonl",
)
APPROVAL = Evidence(
    "approval",
    "chatsafe-approval",
    ".json",
    "Goedkeuring door de bewindspersoon",
    "De verklaring waarmee de bewindspersoon goedkeurde wat vertrekt (met de digest van "
    "precies die berichten) en, indien ondertekend, de losse CMS-handtekening.",
    "metadata/approval.json",
)
ALL = (EXCLUSIONS, COMPLETENESS, REVIEW_LOG, APPROVAL)


def urn(case_id: uuid.UUID, evidence: Evidence) -> str:
    return identifiers.named_urn(case_id, evidence.key)


def refs(case_id: uuid.UUID) -> list[tuple[mdto.Ref, str]]:
    """What a conversation's Dossier names in gerelateerdInformatieobject."""
    return [(mdto.Ref(e.name, urn(case_id, e)), REFERRED_BY) for e in ALL]


def file_name(evidence: Evidence, suffix: str) -> str:
    """``.json`` -> ``chatsafe-exclusions.json``."""
    return f"{evidence.folder}{suffix}"


def path(evidence: Evidence, suffix: str) -> str:
    return f"data/{sip.SERIES}/{evidence.folder}/{file_name(evidence, suffix)}"


def locate(files: dict[str, str] | set[str], evidence: Evidence, extra: str = "") -> str:
    """Where a bundle holds this evidence's main file (``extra`` ``.p7s``: its signature):
    in data/ (since issue 15 item 6) or, in bundles made before, under metadata/."""
    new = path(evidence, evidence.ext + extra)
    return new if new in files else evidence.legacy + extra


def write(
    ctx: Context,
    evidence: Evidence,
    files: list[tuple[str, bytes, str]],
    conversations: list[mdto.Ref],
) -> mdto.Ref:
    """One evidence Archiefstuk: ``files`` are (suffix, bytes, media type)."""
    ident = urn(ctx.case_id, evidence)
    ref = mdto.Ref(evidence.name, ident)
    reps = [
        write_file(
            ctx,
            path(evidence, suffix),
            [body],
            mime,
            ref,
            identifiers.part_urn(ctx.case_id, ident, suffix.lstrip(".")),
        )
        for suffix, body, mime in files
    ]
    write_object(
        ctx,
        f"data/{sip.SERIES}/{evidence.folder}",
        mdto.InfoObject(
            ident=ident,
            name=evidence.name,
            level="Archiefstuk",
            description=evidence.description,
            parent=ctx.series,
            representations=reps,
            events=[export_event(ctx)],
            related=[(conv, REFERS_TO) for conv in conversations],
        ),
    )
    return ref
