"""``verify``'s check that a bundle carries its evidence (issue 15, item 6).

The signature proves that nothing was removed *after* signing; it cannot prove that a
bundle was made with its evidence at all. A bundle without its exclusion register,
completeness report, review log or approval would be intact, signed and useless as proof
of what was withheld, so verify refuses it with one line naming what is missing.

Two layouts exist. Bundles made since item 6 hold the evidence as Archiefstukken under
``data/chats/chatsafe-*/``, each with its sidecars and linked both ways to every
conversation Dossier. Bundles made before kept it as tag files under ``metadata/``; they
keep verifying as before. A bundle is judged by the *new* rules when anything of the new
layout shows: evidence under ``data/``, a Dossier that names an evidence object
("Wordt aangehaald door"), or no evidence under ``metadata/`` at all. So removing the
evidence folders from a new bundle, or moving the files to ``metadata/``, does not make
it look old: its Dossiers still name the evidence, and those links must resolve.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chatsafe.bundle import evidence, sip
from chatsafe.bundle.verify_report import Check

_M = "{https://www.nationaalarchief.nl/mdto}"
_REQUIRED = (evidence.EXCLUSIONS, evidence.COMPLETENESS, evidence.REVIEW_LOG, evidence.APPROVAL)


@dataclass
class _Object:
    """What the check needs of one information object's sidecar."""

    rel: str
    ident: str = ""
    level: str = ""
    related: set[tuple[str, str]] = field(default_factory=set)  # (identifier, relation)


def _parse(rel: str, body: bytes) -> _Object | None:
    import xmlschema

    try:
        root = xmlschema.XMLResource(io.BytesIO(body), defuse="always").root
    except Exception:  # malformed or hostile XML; the schema check reports it
        return None
    obj = root.find(f"{_M}informatieobject")
    if obj is None:
        return None
    out = _Object(rel)
    out.ident = (obj.findtext(f"{_M}identificatie/{_M}identificatieKenmerk") or "").strip()
    out.level = (obj.findtext(f"{_M}aggregatieniveau/{_M}begripLabel") or "").strip()
    for g in obj.findall(f"{_M}gerelateerdInformatieobject"):
        other = g.findtext(
            f"{_M}gerelateerdInformatieobjectVerwijzing/{_M}verwijzingIdentificatie/"
            f"{_M}identificatieKenmerk"
        )
        relation = g.findtext(f"{_M}gerelateerdInformatieobjectTypeRelatie/{_M}begripLabel")
        if other and relation:
            out.related.add((other.strip(), relation.strip()))
    return out


def _series_objects(
    files: dict[str, str], read: Callable[[str, Check], bytes | None], check: Check
) -> dict[str, _Object]:
    """The objects directly under the Serie (Dossiers and evidence), by folder name."""
    prefix = f"data/{sip.SERIES}/"
    folders = {
        rel[len(prefix) :].split("/", 1)[0]
        for rel in files
        if rel.startswith(prefix) and rel.count("/") >= 3
    }
    out: dict[str, _Object] = {}
    for folder in sorted(folders):
        rel = sip.folder_sidecar(prefix + folder)
        if rel not in files:
            continue  # the SIP check names a folder without its sidecar
        body = read(rel, check)
        parsed = _parse(rel, body) if body is not None else None
        if parsed is not None:
            out[folder] = parsed
    return out


def new_layout(files: dict[str, str], objects: dict[str, _Object]) -> bool:
    """Whether the bundle must follow the rules of the evidence in ``data/``."""
    if any(ev.folder in objects for ev in _REQUIRED):
        return True
    if any(rel.startswith(f"data/{sip.SERIES}/{ev.folder}/") for ev in _REQUIRED for rel in files):
        return True
    if any(rel == evidence.REFERRED_BY for o in objects.values() for _, rel in o.related):
        return True
    return not any(ev.legacy in files for ev in _REQUIRED)


def check_evidence(
    report: Any,
    files: dict[str, str],
    read: Callable[[str, Check], bytes | None],
    bag_info: dict[str, str],
) -> None:
    """Require the evidence, its sidecars and its links in a bundle of the new layout."""
    check = report.check(
        "evidence (exclusion register, completeness report, review log, approval; "
        "their MDTO and links)"
    )
    objects = _series_objects(files, read, check)
    if not new_layout(files, objects):
        check.notes.append("a bundle made before the evidence moved into data/ (metadata/)")
        return
    dossiers = {o.ident: o for o in objects.values() if o.level == "Dossier" and o.ident}
    for ev in _REQUIRED:
        main = evidence.path(ev, ev.ext)
        if ev.legacy in files:
            check.problems.append(
                f"{ev.legacy}: the {ev.key} outside the SIP, in a bundle whose evidence "
                f"belongs in data/ ({main})"
            )
        if main not in files:
            check.problems.append(f"{main}: missing (a bundle must carry its {ev.key})")
        _require_sidecars(ev, main, files, objects, check)
        obj = objects.get(ev.folder)
        if obj is None:
            continue
        for ident, dossier in sorted(dossiers.items()):
            if (ident, evidence.REFERS_TO) not in obj.related:
                check.problems.append(
                    f"{obj.rel}: does not name the conversation {dossier.rel.rsplit('/', 1)[-1]}"
                    f" ({evidence.REFERS_TO})"
                )
            if (obj.ident, evidence.REFERRED_BY) not in dossier.related:
                check.problems.append(
                    f"{dossier.rel}: does not name the {ev.key} ({evidence.REFERRED_BY})"
                )
    # Every Dossier's link to evidence must resolve to evidence this bundle carries.
    present = {o.ident for o in objects.values()}
    for dossier in dossiers.values():
        for ident, relation in sorted(dossier.related):
            if relation == evidence.REFERRED_BY and ident not in present:
                check.problems.append(
                    f"{dossier.rel}: names {ident}, which this bundle does not hold (removed?)"
                )
    approved = bag_info.get("Approved-By", "")
    signature = evidence.path(evidence.APPROVAL, ".json.p7s")
    if "(signed)" in approved and signature not in files:
        check.problems.append(
            f"{signature}: missing, but bag-info.txt says the approval is signed ({approved})"
        )
    check.notes.append(f"{len(dossiers)} conversations linked to the evidence")


def _require_sidecars(
    ev: evidence.Evidence,
    main: str,
    files: dict[str, str],
    objects: dict[str, _Object],
    check: Check,
) -> None:
    folder = f"data/{sip.SERIES}/{ev.folder}"
    if sip.folder_sidecar(folder) not in files:
        check.problems.append(f"{sip.folder_sidecar(folder)}: missing (the {ev.key}'s MDTO)")
    elif ev.folder not in objects:
        check.problems.append(f"{sip.folder_sidecar(folder)}: not an MDTO informatieobject")
    own = [rel for rel in files if rel.startswith(folder + "/") and not rel.endswith(sip.SIDECAR)]
    for rel in sorted(set(own) | ({main} & set(files))):
        if sip.file_sidecar(rel) not in files:
            check.problems.append(f"{sip.file_sidecar(rel)}: missing (the {ev.key}'s MDTO)")
    for rel in sorted(files):
        if rel.startswith(folder + "/") and rel.endswith(sip.FILE_SIDECAR):
            if rel.removesuffix(sip.FILE_SIDECAR) not in files:
                check.problems.append(f"{rel}: describes a file that is missing (removed?)")
