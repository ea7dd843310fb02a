"""A checker of an unzipped bag's ``data/`` against the rules of the Nationaal Archief's
MDTO SIP specification (../shared/standards/mdto/sip-specificatie.md) and MDTO's value
lists, written for the tests from the specification's text, independent of chatsafe's
own layout code.

Rules checked:
- every file has its sidecar beside it, named ``<file>.bestand.mdto.xml``, holding a
  ``bestand``; every folder has its sidecar inside it, named ``<folder>.mdto.xml``, holding
  an ``informatieobject``; no other sidecar exists;
- names hold none of ``< > : " / \\ | ? * # &`` or a space and are at most 255 characters
  with their sidecar suffix, and are unique in the SIP;
- each sidecar declares the MDTO 1.0.1 schema location;
- identifiers are unique; relations go both ways: a folder's object names the object of
  the folder above in ``isOnderdeelVan`` and is named there in ``bevatOnderdeel``;
  an object's ``heeftRepresentatie`` names exactly the files in its folder, each of
  which names it back in ``isRepresentatieVan``;
- ``gerelateerdInformatieobject`` names an object of the SIP, which names it back with
  the inverse relation type (Dublin Core's pairs: references / isReferencedBy, ...);
- value lists are the NA's, parsed from begrippenlijsten.md.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"m": "https://www.nationaalarchief.nl/mdto"}
XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards" / "mdto"
FORBIDDEN = re.compile(r'[<>:"/\\|?*#& ]')
_PAIRS = [
    ("Refereert aan", "Wordt aangehaald door"),
    ("Heeft Versie", "Is een versie van"),
    ("Is vervangen door", "Vervangt"),
    ("Is vereist door", "Heeft nodig"),
]
INVERSE = dict(_PAIRS) | {b: a for a, b in _PAIRS}


def na_lists() -> dict[str, dict[str, str]]:
    """Section heading -> {label: code or ''} from the NA's begrippenlijsten.md."""
    text = (STANDARDS / "begrippenlijsten.md").read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        rows: dict[str, str] = {}
        header: list[str] = []
        for line in section.splitlines():
            if not line.startswith("|") or set(line) <= set("|- "):
                continue
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not header:
                header = cells
                continue
            if "Code" in header:
                rows[cells[header.index("Label")]] = cells[header.index("Code")]
            else:
                rows[cells[0]] = ""
        out[title] = rows
    return out


def _ref(el: ET.Element) -> tuple[str, str]:
    return (
        el.findtext("m:verwijzingNaam", "", NS),
        el.findtext("m:verwijzingIdentificatie/m:identificatieKenmerk", "", NS),
    )


def check_sip(data: Path) -> tuple[list[str], int]:
    """Problems found under ``data`` (the bag's payload folder), and the sidecar count."""
    problems: list[str] = []
    lists = na_lists()
    objects: dict[str, tuple[Path, ET.Element]] = {}  # ident -> (folder, informatieobject)
    files: dict[str, tuple[Path, ET.Element]] = {}  # ident -> (file, bestand)
    names: set[str] = set()
    sidecars = 0
    for path in sorted(data.rglob("*")):
        rel = path.relative_to(data)
        if path.name.endswith(".mdto.xml"):
            sidecars += 1
            if path.name.endswith(".bestand.mdto.xml"):
                target = path.with_name(path.name[: -len(".bestand.mdto.xml")])
                if not target.is_file():
                    problems.append(f"{rel}: describes no file beside it")
            elif path.name != f"{path.parent.name}.mdto.xml":
                problems.append(f"{rel}: not named after its folder")
            continue
        if FORBIDDEN.search(path.name) or len(path.name) + len(".bestand.mdto.xml") > 255:
            problems.append(f"{rel}: name not allowed in a SIP")
        if path.name in names:
            problems.append(f"{rel}: name is not unique in the SIP")
        names.add(path.name)
        if path.is_dir():
            sidecar = path / f"{path.name}.mdto.xml"
            kind = "informatieobject"
        else:
            sidecar = path.with_name(f"{path.name}.bestand.mdto.xml")
            kind = "bestand"
        if not sidecar.is_file():
            problems.append(f"{rel}: no sidecar {sidecar.name}")
            continue
        root = ET.parse(sidecar).getroot()
        if "MDTO-XML1.0.1.xsd" not in root.get(XSI, ""):
            problems.append(f"{sidecar.relative_to(data)}: no MDTO version (schemaLocation)")
        el = root.find(f"m:{kind}", NS)
        if el is None:
            problems.append(f"{sidecar.relative_to(data)}: holds no {kind}")
            continue
        ident = el.findtext("m:identificatie/m:identificatieKenmerk", "", NS)
        if ident in objects or ident in files:
            problems.append(f"{rel}: identifier {ident} is not unique")
        (objects if kind == "informatieobject" else files)[ident] = (path, el)
        problems += _values(el, lists, str(rel))
    problems += _relations(objects, files, data)
    return problems, sidecars


def _values(el: ET.Element, lists: dict[str, dict[str, str]], rel: str) -> list[str]:
    problems = []
    checks = {
        "m:aggregatieniveau": ("Aggregatieniveaus", "Begrippenlijst Aggregatieniveaus MDTO"),
        "m:waardering": ("Waarderingen", "Begrippenlijst Waarderingen MDTO"),
        "m:event/m:eventType": ("EventTypeLijst", "Begrippenlijst EventTypeLijst MDTO"),
        "m:checksum/m:checksumAlgoritme": (
            "ChecksumAlgoritme",
            "Begrippenlijst ChecksumAlgoritme MDTO",
        ),
        "m:beperkingGebruik/m:beperkingGebruikType": ("BeperkingGebruikTypeLijst", None),
        "m:gerelateerdInformatieobject/m:gerelateerdInformatieobjectTypeRelatie": (
            "Relatietypen (informatieobject)",
            "Begrippenlijst Relatietypen (informatieobject) MDTO",
        ),
    }
    for xpath, (section, list_name) in checks.items():
        table = next(v for k, v in lists.items() if k.startswith(section))
        for b in el.findall(xpath, NS):
            label = b.findtext("m:begripLabel", "", NS)
            lijst = b.findtext("m:begripBegrippenlijst/m:verwijzingNaam", "", NS)
            if lijst.endswith(" MDTO") or list_name:
                if label not in table:
                    problems.append(f"{rel}: {label!r} is not in the NA's list {section}")
                elif table[label] and b.findtext("m:begripCode", "", NS) != table[label]:
                    problems.append(f"{rel}: {label!r} without its code {table[label]}")
                if list_name and lijst != list_name:
                    problems.append(f"{rel}: list named {lijst!r}, not {list_name!r}")
    if (
        el.findtext("m:waardering/m:begripCode", "", NS) != "V"
        and el.find("m:bewaartermijn", NS) is not None
    ):
        problems.append(f"{rel}: a retention term without appraisal V")
    fmt = el.find("m:bestandsformaat", NS)
    if fmt is not None:
        lijst = fmt.findtext("m:begripBegrippenlijst/m:verwijzingNaam", "", NS)
        code = fmt.findtext("m:begripCode", "", NS)
        if lijst == "PRONOM-register" and not re.fullmatch(r"(x-)?fmt/\d+", code):
            problems.append(f"{rel}: PRONOM-register without a PUID")
    return problems


def _relations(
    objects: dict[str, tuple[Path, ET.Element]],
    files: dict[str, tuple[Path, ET.Element]],
    data: Path,
) -> list[str]:
    problems = []
    by_folder = {folder: ident for ident, (folder, _) in objects.items()}
    for ident, (folder, el) in objects.items():
        rel = folder.relative_to(data)
        parents = [_ref(r)[1] for r in el.findall("m:isOnderdeelVan", NS)]
        above = by_folder.get(folder.parent)
        if above is not None:
            if parents != [above]:
                problems.append(f"{rel}: isOnderdeelVan {parents}, not the folder above")
            kids = [_ref(r)[1] for r in objects[above][1].findall("m:bevatOnderdeel", NS)]
            if ident not in kids:
                problems.append(f"{rel}: not in bevatOnderdeel of the object above")
        for kid in [_ref(r)[1] for r in el.findall("m:bevatOnderdeel", NS)]:
            if kid not in objects or objects[kid][0].parent != folder:
                problems.append(f"{rel}: bevatOnderdeel {kid} is not a folder inside it")
        reps = {_ref(r)[1] for r in el.findall("m:heeftRepresentatie", NS)}
        here = {i for i, (p, _) in files.items() if p.parent == folder}
        if reps != here:
            problems.append(f"{rel}: heeftRepresentatie {reps} is not its files {here}")
        problems += _related(ident, el, objects, str(rel))
    for path, el in files.values():
        back = el.find("m:isRepresentatieVan", NS)
        owner = _ref(back)[1] if back is not None else ""
        if owner not in objects or objects[owner][0] != path.parent:
            problems.append(f"{path.relative_to(data)}: isRepresentatieVan {owner!r} is wrong")
        if el.findtext("m:omvang", "", NS) != str(path.stat().st_size):
            problems.append(f"{path.relative_to(data)}: omvang is not the file's size")
        if el.findtext("m:naam", "", NS) != path.name:
            problems.append(f"{path.relative_to(data)}: naam is not the file's name")
    return problems


def _related_pairs(el: ET.Element) -> set[tuple[str, str]]:
    out = set()
    for g in el.findall("m:gerelateerdInformatieobject", NS):
        target = g.find("m:gerelateerdInformatieobjectVerwijzing", NS)
        kind = g.findtext("m:gerelateerdInformatieobjectTypeRelatie/m:begripLabel", "", NS)
        out.add((_ref(target)[1] if target is not None else "", kind))
    return out


def _related(
    ident: str, el: ET.Element, objects: dict[str, tuple[Path, ET.Element]], rel: str
) -> list[str]:
    problems = []
    for other, kind in sorted(_related_pairs(el)):
        if other not in objects:
            problems.append(f"{rel}: gerelateerdInformatieobject {other!r} is not in the SIP")
        elif kind not in INVERSE:
            problems.append(f"{rel}: relation type {kind!r} has no inverse to check")
        elif (ident, INVERSE[kind]) not in _related_pairs(objects[other][1]):
            problems.append(f"{rel}: {kind} {other}, which does not name it back")
    return problems
