"""The objects directly under the Serie: its title and place in the archive, chatsafe's
own documentation, and a superseding transfer's register."""

from __future__ import annotations

from typing import Any

from chatsafe import identifiers
from chatsafe.bundle import mdto, sip, supersede
from chatsafe.bundle.sidecars import Context, export_event, to_json, write_file, write_object


def series_title(case: Any, archival: mdto.Archival) -> str:
    owner = (case.settings().get("owner") or "").strip()
    who = f" van {owner}" if owner and not sip.names_a_number(owner) else ""
    return f"Chatberichten{who} ({archival.organisation})"


def target(case: Any) -> mdto.Ref | None:
    """The collection in the archive the transfer goes into (SIP spec: the aggregation
    above, referred to from the top of the SIP)."""
    name = (case.settings().get("target_collection") or "").strip()
    return mdto.Ref(name) if name else None


def write_documentation(ctx: Context) -> mdto.Ref:
    """chatsafe's own formats and lists, as the SIP spec asks, as an information object."""
    from importlib.resources import files

    doc = (files("chatsafe") / "data" / "chatsafe-documentatie.md").read_bytes()
    folder = f"data/{sip.SERIES}/{sip.DOCS}"
    d_urn = identifiers.named_urn(ctx.case_id, "documentation")
    ref = mdto.Ref("Documentatie van de formaten en begrippenlijsten van chatsafe", d_urn)
    file_ref = write_file(
        ctx,
        f"{folder}/{sip.DOCS}.md",
        [doc],
        "text/markdown",
        ref,
        identifiers.part_urn(ctx.case_id, d_urn, "file"),
    )
    write_object(
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
            events=[export_event(ctx)],
        ),
    )
    return ref


def write_register(ctx: Context, old: supersede.Transfer) -> mdto.Ref:
    """The superseding transfer's register, as an information object of the SIP."""
    assert ctx.objects is not None and ctx.messages is not None
    # The series' own sidecar is written last; it is in both transfers.
    written = set(ctx.objects) | {ctx.series.ident or ""}
    reg = supersede.register(ctx.c, ctx.case_id, old, written, ctx.messages)
    folder = f"data/{sip.SERIES}/{supersede.REGISTER}"
    r_urn = identifiers.named_urn(ctx.case_id, f"supersede:{old.external_id}")
    ref = mdto.Ref(f"Vervanging van overbrenging {old.external_id}", r_urn)
    file_ref = write_file(
        ctx,
        f"{folder}/{supersede.REGISTER}.json",
        [to_json(reg)],
        "application/json",
        ref,
        identifiers.part_urn(ctx.case_id, r_urn, "file"),
    )
    n_out = len(reg["withdrawn"]["messages"])
    write_object(
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
            events=[export_event(ctx)],
        ),
    )
    return ref
