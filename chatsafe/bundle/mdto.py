"""MDTO 1.0.1 metadata (Nationaal Archief): one ``informatieobject`` per conversation and
one ``bestand`` per file, written next to what they describe.

The archival values (archive creator, appraisal, retention, information category) come
from the case settings IT support configures; chatsafe never guesses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

NS = "https://www.nationaalarchief.nl/mdto"
SOURCE = "chatsafe"

# PRONOM identifiers (The National Archives, UK) for the formats a bundle holds.
PRONOM: dict[str, tuple[str, str]] = {
    "application/json": ("fmt/817", "JSON Data Interchange Format"),
    "application/pdf+a-2u": ("fmt/478", "Acrobat PDF/A - Portable Document Format 2u"),
    "application/pdf": ("fmt/276", "Acrobat PDF 1.7 - Portable Document Format"),
    "image/jpeg": ("fmt/43", "JPEG File Interchange Format 1.01"),
    "image/png": ("fmt/13", "Portable Network Graphics 1.2"),
    "image/gif": ("fmt/4", "Graphics Interchange Format 89a"),
    "image/webp": ("fmt/567", "WebP"),
    "video/mp4": ("fmt/199", "MPEG-4 Media File"),
    "audio/mpeg": ("fmt/134", "MPEG 1/2 Audio Layer 3"),
    "text/plain": ("x-fmt/111", "Plain Text File"),
    "application/xml": ("fmt/101", "Extensible Markup Language"),
}

APPRAISAL = {
    "B": "Blijvend te bewaren",
    "V": "Te vernietigen",
    "N": "Nog niet gewaardeerd",
}


@dataclass(frozen=True)
class Archival:
    organisation: str
    appraisal: str  # B, V or N
    retention: str
    information_category: str


def _e(text: str) -> str:
    # XML 1.0 cannot hold most control characters at all, not even escaped.
    clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return escape(clean)


def _ref(tag: str, name: str, ident: str | None = None) -> str:
    inner = f"<verwijzingNaam>{_e(name)}</verwijzingNaam>"
    if ident:
        inner += (
            "<verwijzingIdentificatie>"
            f"<identificatieKenmerk>{_e(ident)}</identificatieKenmerk>"
            f"<identificatieBron>{SOURCE}</identificatieBron>"
            "</verwijzingIdentificatie>"
        )
    return f"<{tag}>{inner}</{tag}>"


def _begrip(tag: str, label: str, lijst: str, code: str | None = None) -> str:
    c = f"<begripCode>{_e(code)}</begripCode>" if code else ""
    return (
        f"<{tag}><begripLabel>{_e(label)}</begripLabel>{c}"
        f"{_ref('begripBegrippenlijst', lijst)}</{tag}>"
    )


def _ident(ident: str) -> str:
    return (
        f"<identificatie><identificatieKenmerk>{_e(ident)}</identificatieKenmerk>"
        f"<identificatieBron>{SOURCE}</identificatieBron></identificatie>"
    )


def _wrap(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<MDTO xmlns="{NS}">\n{body}\n</MDTO>\n'
    ).encode()


def retention_duration(retention: str) -> str | None:
    """'10', '10 years', '10 jaar' or 'P10Y' as an xsd:duration; None for 'permanent'."""
    text = retention.strip().lower()
    if re.fullmatch(r"p\d+y", text):
        return text.upper()
    m = re.fullmatch(r"(\d+)\s*(years?|jaar|jaren|y)?", text)
    return f"P{m.group(1)}Y" if m else None


def informatieobject(
    *,
    ident: str,
    title: str,
    description: str,
    first: str | None,
    last: str | None,
    participants: list[tuple[str, bool]],
    files: list[tuple[str, str]],
    archival: Archival,
    event_time: str,
    event_actor: str,
) -> bytes:
    """``files``: (name, identifier) of every bestand that represents this object."""
    parts = [
        "<informatieobject>",
        _ident(ident),
        f"<naam>{_e(title)}</naam>",
        _begrip("aggregatieniveau", "Dossier", "Begrippenlijst Aggregatieniveau MDTO"),
        f"<omschrijving>{_e(description)}</omschrijving>",
    ]
    if first:
        end = f"<dekkingInTijdEinddatum>{last[:10]}</dekkingInTijdEinddatum>" if last else ""
        parts.append(
            "<dekkingInTijd>"
            + _begrip("dekkingInTijdType", "Looptijd", "Begrippenlijst Dekking in Tijd MDTO")
            + f"<dekkingInTijdBegindatum>{first[:10]}</dekkingInTijdBegindatum>{end}"
            "</dekkingInTijd>"
        )
    parts.append(
        "<event>"
        + _begrip("eventType", "Export", "Begrippenlijst Events chatsafe")
        + f"<eventTijd>{_e(event_time)}</eventTijd>"
        + _ref("eventVerantwoordelijkeActor", event_actor)
        + "<eventResultaat>Business messages selected for transfer; private and "
        "party-political messages withheld (see metadata/exclusions.json).</eventResultaat>"
        "</event>"
    )
    code = archival.appraisal
    parts.append(
        _begrip("waardering", APPRAISAL.get(code, code), "Begrippenlijst Waarderingen MDTO", code)
    )
    duration = retention_duration(archival.retention)
    if duration:
        parts.append(
            f"<bewaartermijn><termijnLooptijd>{duration}</termijnLooptijd></bewaartermijn>"
        )
    parts.append(_begrip("informatiecategorie", archival.information_category, "Selectielijst"))
    for name, fid in files:
        parts.append(_ref("heeftRepresentatie", name, fid))
    parts.append(_ref("archiefvormer", archival.organisation))
    for name, owner in participants:
        role = "Eigenaar" if owner else "Deelnemer"
        parts.append(
            "<betrokkene>"
            + _begrip("betrokkeneTypeRelatie", role, "Begrippenlijst Betrokkenen chatsafe")
            + _ref("betrokkeneActor", name)
            + "</betrokkene>"
        )
    parts.append(
        "<beperkingGebruik>"
        + _begrip(
            "beperkingGebruikType",
            "Openbaarheid nog niet beoordeeld",
            "Begrippenlijst Beperking Gebruik chatsafe",
        )
        + "<beperkingGebruikNadereBeschrijving>Chat messages of a minister; openness is to be "
        "decided under the Archiefwet and the Woo before any release."
        "</beperkingGebruikNadereBeschrijving></beperkingGebruik>"
    )
    parts.append("</informatieobject>")
    return _wrap("\n".join(parts))


def bestand(
    *,
    ident: str,
    name: str,
    size: int,
    mime: str | None,
    sha256: str,
    checksum_time: str,
    represents: tuple[str, str],
) -> bytes:
    code, label = PRONOM.get(mime or "", (None, mime or "unknown"))
    parts = [
        "<bestand>",
        _ident(ident),
        f"<naam>{_e(name)}</naam>",
        f"<omvang>{size}</omvang>",
        _begrip("bestandsformaat", label, "PRONOM-register", code),
        "<checksum>"
        + _begrip("checksumAlgoritme", "SHA-256", "Begrippenlijst Checksum Algoritme MDTO")
        + f"<checksumWaarde>{sha256}</checksumWaarde>"
        f"<checksumDatum>{_e(checksum_time)}</checksumDatum></checksum>",
        _ref("isRepresentatieVan", represents[0], represents[1]),
        "</bestand>",
    ]
    return _wrap("\n".join(parts))
