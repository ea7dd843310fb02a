"""MDTO 1.0.1 metadata (Nationaal Archief): the sidecar of each information object and
each file of the SIP (see ``bundle/sip.py`` for where each sidecar goes).

The archival values (archive creator, appraisal, retention, information category) come
from the case settings IT support configures; chatsafe never guesses them. Every value
list named here is in ``bundle/valuelists.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from chatsafe.bundle import valuelists as vl
from chatsafe.bundle.retention import Retention

NS = "https://www.nationaalarchief.nl/mdto"
# The SIP specification asks for the MDTO version in every sidecar: the schema location.
SCHEMA_LOCATION = f"{NS} https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
SOURCE = "chatsafe"
ROO = "Register van Overheidsorganisaties"


@dataclass(frozen=True)
class Archival:
    organisation: str
    appraisal: str  # B, V or N
    retention: Retention
    information_category: str
    selection_list: str | None = None  # the adopted selectielijst, e.g. "Selectielijst ... 2023"
    category_code: str | None = None  # the category's number in that list
    organisation_id: str | None = None  # e.g. https://organisaties.overheid.nl/...
    language: str | None = None  # the messages' language (xsd:language), e.g. nl


@dataclass(frozen=True)
class Ref:
    """A verwijzing: a name and, when known, an identifier."""

    name: str
    ident: str | None = None
    source: str = SOURCE


@dataclass
class InfoObject:
    ident: str
    name: str
    level: str  # a label of vl.AGGREGATIENIVEAU
    description: str
    parent: Ref | None = None
    parts: list[Ref] = field(default_factory=list)
    representations: list[Ref] = field(default_factory=list)
    first: str | None = None  # coverage in time, ISO dates or date-times
    last: str | None = None
    participants: list[tuple[str, bool]] = field(default_factory=list)  # (name, is owner)
    events: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    # (event type label, time, actor, result)
    # gerelateerdInformatieobject: (the other object, a label of vl.RELATIE_INFORMATIEOBJECT)
    related: list[tuple[Ref, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Format:
    """What identification found: a PRONOM PUID (or None) with its name, and a media type."""

    puid: str | None
    label: str
    mime: str


def _e(text: str) -> str:
    # XML 1.0 cannot hold most control characters at all, not even escaped.
    clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return escape(clean)


def _ref(tag: str, ref: Ref) -> str:
    inner = f"<verwijzingNaam>{_e(ref.name)}</verwijzingNaam>"
    if ref.ident:
        inner += (
            "<verwijzingIdentificatie>"
            f"<identificatieKenmerk>{_e(ref.ident)}</identificatieKenmerk>"
            f"<identificatieBron>{_e(ref.source)}</identificatieBron>"
            "</verwijzingIdentificatie>"
        )
    return f"<{tag}>{inner}</{tag}>"


def _begrip(tag: str, label: str, lijst: vl.ValueList | str, code: str | None = None) -> str:
    if isinstance(lijst, vl.ValueList):
        if lijst.closed and label not in lijst.labels:
            raise ValueError(f"{label!r} is not in {lijst.name}")
        lijst = lijst.name
    c = f"<begripCode>{_e(code)}</begripCode>" if code else ""
    return (
        f"<{tag}><begripLabel>{_e(label)}</begripLabel>{c}"
        f"{_ref('begripBegrippenlijst', Ref(lijst))}</{tag}>"
    )


def _ident(ident: str) -> str:
    return (
        f"<identificatie><identificatieKenmerk>{_e(ident)}</identificatieKenmerk>"
        f"<identificatieBron>{SOURCE}</identificatieBron></identificatie>"
    )


def _wrap(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<MDTO xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{SCHEMA_LOCATION}">\n{body}\n</MDTO>\n'
    ).encode()


def _bewaartermijn(archival: Archival) -> str:
    """MDTO records a retention term only for appraisal V (``Retention`` enforces it)."""
    r = archival.retention
    if archival.appraisal != "V" or r.is_permanent:
        return ""
    parts = []
    if r.trigger:
        parts.append(_begrip("termijnTriggerStartLooptijd", r.trigger, vl.EVENT_TYPE))
    if r.start:
        parts.append(f"<termijnStartdatumLooptijd>{r.start}</termijnStartdatumLooptijd>")
    if r.duration:
        parts.append(f"<termijnLooptijd>{r.duration}</termijnLooptijd>")
    if r.end:
        parts.append(f"<termijnEinddatum>{r.end}</termijnEinddatum>")
    return "<bewaartermijn>" + "".join(parts) + "</bewaartermijn>"


def informatieobject(obj: InfoObject, archival: Archival) -> bytes:
    if obj.level not in vl.AGGREGATIENIVEAU.labels:
        raise ValueError(f"unknown aggregatieniveau {obj.level!r}")
    parts = [
        "<informatieobject>",
        _ident(obj.ident),
        f"<naam>{_e(obj.name)}</naam>",
        _begrip("aggregatieniveau", obj.level, vl.AGGREGATIENIVEAU),
        f"<omschrijving>{_e(obj.description)}</omschrijving>",
    ]
    if obj.first:
        end = (
            f"<dekkingInTijdEinddatum>{obj.last[:10]}</dekkingInTijdEinddatum>" if obj.last else ""
        )
        parts.append(
            "<dekkingInTijd>"
            + _begrip("dekkingInTijdType", "Looptijd gesprek", vl.CHATSAFE_DEKKING_IN_TIJD)
            + f"<dekkingInTijdBegindatum>{obj.first[:10]}</dekkingInTijdBegindatum>{end}"
            "</dekkingInTijd>"
        )
    if archival.language:
        parts.append(f"<taal>{_e(archival.language)}</taal>")
    for etype, when, actor, result in obj.events:
        if etype not in vl.EVENT_TYPE.labels:
            raise ValueError(f"unknown event type {etype!r}")
        res = f"<eventResultaat>{_e(result)}</eventResultaat>" if result else ""
        parts.append(
            "<event>"
            + _begrip("eventType", etype, vl.EVENT_TYPE)
            + f"<eventTijd>{_e(when)}</eventTijd>"
            + _ref("eventVerantwoordelijkeActor", Ref(actor))
            + res
            + "</event>"
        )
    code = archival.appraisal
    parts.append(_begrip("waardering", vl.WAARDERING.codes[code], vl.WAARDERING, code))  # type: ignore[index]
    parts.append(_bewaartermijn(archival))
    parts.append(
        _begrip(
            "informatiecategorie",
            archival.information_category,
            archival.selection_list or "Selectielijst",
            archival.category_code,
        )
    )
    if obj.parent:
        parts.append(_ref("isOnderdeelVan", obj.parent))
    parts += [_ref("bevatOnderdeel", p) for p in obj.parts]
    parts += [_ref("heeftRepresentatie", r) for r in obj.representations]
    for other, relation in obj.related:
        if relation not in vl.RELATIE_INFORMATIEOBJECT.labels:
            raise ValueError(f"unknown relation type {relation!r}")
        parts.append(
            "<gerelateerdInformatieobject>"
            + _ref("gerelateerdInformatieobjectVerwijzing", other)
            + _begrip(
                "gerelateerdInformatieobjectTypeRelatie", relation, vl.RELATIE_INFORMATIEOBJECT
            )
            + "</gerelateerdInformatieobject>"
        )
    org_id = archival.organisation_id
    parts.append(_ref("archiefvormer", Ref(archival.organisation, org_id, ROO)))
    for name, owner in obj.participants:
        role = "Eigenaar" if owner else "Deelnemer"
        parts.append(
            "<betrokkene>"
            + _begrip("betrokkeneTypeRelatie", role, vl.CHATSAFE_BETROKKENE)
            + _ref("betrokkeneActor", Ref(name))
            + "</betrokkene>"
        )
    parts.append(
        "<beperkingGebruik>"
        + _begrip("beperkingGebruikType", "Nader te bepalen", vl.BEPERKING_GEBRUIK)
        + "<beperkingGebruikNadereBeschrijving>Chatberichten van een bewindspersoon; de "
        "openbaarheid is niet beoordeeld en wordt onder de Archiefwet en de Woo bepaald "
        "voordat iets openbaar wordt. Een beperking kan afzonderlijke berichten noemen met "
        "hun identificatie (het veld id in het transcript)."
        "</beperkingGebruikNadereBeschrijving></beperkingGebruik>"
    )
    parts.append("</informatieobject>")
    return _wrap("\n".join(p for p in parts if p))


def bestand(
    *,
    ident: str,
    name: str,
    size: int,
    fmt: Format,
    sha256: str,
    checksum_time: str,
    represents: Ref,
) -> bytes:
    # PRONOM only with a PUID; a file no signature identifies is described by its
    # media type, under IANA's list (bestandsformaat occurs once).
    if fmt.puid:
        fmt_xml = _begrip("bestandsformaat", fmt.label, vl.PRONOM, fmt.puid)
    else:
        fmt_xml = _begrip("bestandsformaat", fmt.mime, vl.IANA_MEDIA_TYPES, fmt.mime)
    parts = [
        "<bestand>",
        _ident(ident),
        f"<naam>{_e(name)}</naam>",
        f"<omvang>{size}</omvang>",
        fmt_xml,
        "<checksum>"
        + _begrip("checksumAlgoritme", "SHA-256", vl.CHECKSUM)
        + f"<checksumWaarde>{sha256}</checksumWaarde>"
        f"<checksumDatum>{_e(checksum_time)}</checksumDatum></checksum>",
        _ref("isRepresentatieVan", represents),
        "</bestand>",
    ]
    return _wrap("\n".join(parts))
