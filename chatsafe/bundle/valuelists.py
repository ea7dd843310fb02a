"""The value lists (begrippenlijsten) a bundle's MDTO metadata draws from, as data.

MDTO's own lists are copied from the Nationaal Archief's ``MDTO-Metagegevensschema``
(``markdown/begrippenlijsten.md``, commit 8749d98be07343e1b2fba34fa63240a9e144bfbb,
MDTO 1.0.1; CC BY-SA, Nationaal Archief). A list's name in ``begripBegrippenlijst`` is
the one the NA's example files use ("Begrippenlijst <list> MDTO"). Where chatsafe needs
a concept MDTO has no list for, it uses a list of its own whose documentation travels in
every bundle as an information object (``chatsafe/data/chatsafe-lists.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

MDTO_SOURCE = (
    "NationaalArchief/MDTO-Metagegevensschema markdown/begrippenlijsten.md "
    "@8749d98be07343e1b2fba34fa63240a9e144bfbb (MDTO 1.0.1)"
)


@dataclass(frozen=True)
class ValueList:
    name: str  # as written in begripBegrippenlijst/verwijzingNaam
    labels: tuple[str, ...]
    codes: dict[str, str] | None = None  # code -> label, for lists with codes
    closed: bool = False


AGGREGATIENIVEAU = ValueList(
    "Begrippenlijst Aggregatieniveaus MDTO", ("Archief", "Serie", "Dossier", "Archiefstuk")
)
EVENT_TYPE = ValueList(
    "Begrippenlijst EventTypeLijst MDTO",
    (
        "Creatie",
        "Ontvangst",
        "Verzending",
        "Opname",
        "Digitalisering",
        "Vervanging",
        "Bevriezing",
        "Conversie",
        "Export",
        "Import",
        "Kopie",
        "Migratie",
        "Vernietigen",
        "Overbrenging",
        "Uitplaatsing",
        "Wijziging",
        "Publicatie",
        "Accordering",
        "Validatie Handtekening",
    ),
)
WAARDERING = ValueList(
    "Begrippenlijst Waarderingen MDTO",
    ("Blijvend te bewaren", "Tijdelijk te bewaren", "Nader te bepalen"),
    {"B": "Blijvend te bewaren", "V": "Tijdelijk te bewaren", "N": "Nader te bepalen"},
    closed=True,
)
BEPERKING_GEBRUIK = ValueList(
    "Begrippenlijst BeperkingGebruikTypeLijst MDTO",
    ("Geen beperking", "Nader te bepalen", "Overig"),
)
CHECKSUM = ValueList(
    "Begrippenlijst ChecksumAlgoritme MDTO", ("SHA-224", "SHA-256", "SHA-384", "SHA-512")
)
RELATIE_BETROKKENE = ValueList(
    "Begrippenlijst Relatietypen (betrokkene) MDTO",
    ("Belanghebbende", "Indiener", "Rechthebbende"),
)
RELATIE_INFORMATIEOBJECT = ValueList(
    "Begrippenlijst Relatietypen (informatieobject) MDTO",
    (
        "Heeft Versie",
        "Wordt aangehaald door",
        "Is vervangen door",
        "Is vereist door",
        "Is een versie van",
        "Refereert aan",
        "Vervangt",
        "Heeft nodig",
    ),
)

# The NA's PRONOM registry (The National Archives, UK) for bestandsformaat, and IANA's
# media types when no PUID identifies a file.
PRONOM = "PRONOM-register"
IANA_MEDIA_TYPES = "IANA Media Types"

MDTO_LISTS = (
    AGGREGATIENIVEAU,
    EVENT_TYPE,
    WAARDERING,
    BEPERKING_GEBRUIK,
    CHECKSUM,
    RELATIE_INFORMATIEOBJECT,
)

# chatsafe's own lists, documented in chatsafe/data/chatsafe-lists.md (shipped in the SIP).
CHATSAFE_BETROKKENE = ValueList("Begrippenlijst Betrokkenen chatsafe", ("Eigenaar", "Deelnemer"))
CHATSAFE_DEKKING_IN_TIJD = ValueList(
    "Begrippenlijst Dekking in tijd chatsafe", ("Looptijd gesprek",)
)
CHATSAFE_LISTS = (CHATSAFE_BETROKKENE, CHATSAFE_DEKKING_IN_TIJD)
