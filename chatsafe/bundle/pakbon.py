"""``pakbon.xml``: the packing slip the MDTO SIP specification asks for (pakbon.md), so the
archive can tell who sent the SIP and what it holds before it opens anything.

It is a tag file of the bag (outside ``data/``: it describes the SIP, it is not part of
it) and so covered by the signed tag manifest. Counts and sizes are taken from what was
actually written to ``data/``: information objects (folder sidecars), files (file
sidecars), and the content files (every file not ending in ``.mdto.xml``) with their
total size in bytes. The SIP's hash is the signed ``tagmanifest-sha512.txt`` over
``manifest-sha512.txt``: the receiving archive specifies which hash it wants, so the
slip points at the manifests rather than inventing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from chatsafe.bundle import sip

NS = "urn:chatsafe:pakbon:1"


@dataclass(frozen=True)
class Counts:
    information_objects: int
    files: int
    content_files: int
    content_bytes: int


def count(payload: Iterable[tuple[str, int]]) -> Counts:
    """(path, size) of every payload member -> the slip's counts."""
    objects = files = content = size = 0
    for name, n in payload:
        if name.endswith(sip.FILE_SIDECAR):
            files += 1
        elif name.endswith(sip.SIDECAR):
            objects += 1
        else:
            content += 1
            size += n
    return Counts(objects, files, content, size)


def pakbon(
    *,
    identifier: str,
    title: str,
    target: str | None,
    created: str,
    organisation: str,
    contact_name: str | None,
    contact_email: str | None,
    counts: Counts,
    remarks: str,
) -> bytes:
    def el(tag: str, value: str | int | None) -> str:
        return f"  <{tag}>{escape(str(value))}</{tag}>\n" if value not in (None, "") else ""

    body = (
        el("identificatie", identifier)
        + el("titel", title)
        + el("locatieDoelsysteem", target)
        + el("hashcodeSip", "SHA-512 van elk bestand: manifest-sha512.txt (ondertekend via "
             "tagmanifest-sha512.txt en tagmanifest-sha512.txt.p7s)")
        + el("tijdstipCreatie", created)
        + el("archiefvormer", organisation)
        + el("contactpersoon", contact_name)
        + el("contactEmail", contact_email)
        + el("aantalInformatieobjecten", counts.information_objects)
        + el("aantalBestanden", counts.files)
        + el("aantalBestandenZonderMdto", counts.content_files)
        + el("omvangInhoudBytes", counts.content_bytes)
        + el("bijzonderheden", remarks)
    )  # fmt: skip
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<pakbon xmlns="{NS}">\n{body}</pakbon>\n'.encode()
    )
