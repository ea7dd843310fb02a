"""Writing the SIP's parts: payload files and information objects with their sidecars.

Every sidecar of one bundle shares a context (the bag, the case, the archival settings,
the moment and the maker); the writers here are the only place sidecars are written, so
a superseding transfer can collect every identifier the bundle holds.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chatsafe.bundle import formats, mdto, sip
from chatsafe.bundle.bagit_writer import BagWriter


@dataclass
class Context:
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
    # The transcript PDFs' font subsets, made once for the bundle (bundle/pdf_subsets.py).
    pdf_fonts: Any = None


def write_file(
    ctx: Context, path: str, chunks: Any, mime: str | None, owner: mdto.Ref, ident: str
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
    return describe(ctx, path, e.size, e.digests["sha256"], fmt, owner, ident)


def describe(
    ctx: Context,
    path: str,
    size: int,
    sha256: str,
    fmt: mdto.Format,
    owner: mdto.Ref,
    ident: str,
) -> mdto.Ref:
    """The bestand sidecar of a payload file already in the bag."""
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


def write_object(ctx: Context, folder: str, obj: mdto.InfoObject) -> None:
    """An information object's sidecar, inside its folder."""
    sip.check_name(folder.rsplit("/", 1)[-1])
    ctx.bag.write_bytes(sip.folder_sidecar(folder), mdto.informatieobject(obj, ctx.archival))
    if ctx.objects is not None:
        ctx.objects.add(obj.ident)


def export_event(ctx: Context) -> tuple[str, str, str, str | None]:
    return (
        "Export",
        ctx.now_iso,
        ctx.by,
        "Zakelijke berichten geselecteerd voor overbrenging; privé- en partijpolitieke "
        "berichten achtergehouden (zie chatsafe-exclusions.json).",
    )


def to_json(obj: Any) -> bytes:
    """chatsafe's JSON files: UTF-8, sorted keys, one space indent, a final newline."""
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
