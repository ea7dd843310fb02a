"""The bundle's evidence (exclusion register, completeness report, review log, approval)
as information objects in ``data/`` with their own MDTO sidecars, linked both ways to the
conversations they describe (issue 15, item 6); and verify, the approval check and
supersede still reading bundles made before, which kept them under ``metadata/``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import builder, evidence, signing, supersede
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.review import labels
from chatsafe.review.labels import Role
from tests import pki
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    Certs,
    build_case,
    conversation,
    message_ids,
)
from tests.sip_check import NS, check_sip


def spec() -> list[dict[str, Any]]:
    return [
        conversation("begroting", ["Zakelijk een", "PRIVE-EEN"]),
        conversation("kamerbrief", ["Zakelijk twee"]),
        conversation("familie", ["PRIVE-FAMILIE"]),
    ]


def make(case: Any, out: Path, certs: Certs, **kw: Any) -> Path:
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    builder.make_bundle(case, out, signer, by="Minister", role="minister", **kw)
    return out


def prepared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "PRIVE-"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
    return case


def unzip(bundle: Path, target: Path) -> Path:
    with zipfile.ZipFile(bundle) as z:
        z.extractall(target)
    (bag,) = list(target.iterdir())
    return bag


def _object(folder: Path) -> ET.Element:
    el = ET.parse(folder / f"{folder.name}.mdto.xml").getroot().find("m:informatieobject", NS)
    assert el is not None
    return el


def _related(el: ET.Element) -> set[tuple[str, str]]:
    return {
        (
            g.findtext(
                "m:gerelateerdInformatieobjectVerwijzing/m:verwijzingIdentificatie/"
                "m:identificatieKenmerk",
                "",
                NS,
            ),
            g.findtext("m:gerelateerdInformatieobjectTypeRelatie/m:begripLabel", "", NS),
        )
        for g in el.findall("m:gerelateerdInformatieobject", NS)
    }


def _ident(el: ET.Element) -> str:
    return el.findtext("m:identificatie/m:identificatieKenmerk", "", NS)


def test_evidence_is_in_data_with_sidecars_linked_to_its_conversations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = prepared(tmp_path, monkeypatch)
    out = make(case, tmp_path / "b.zip", certs)
    case.close()
    assert verify_bundle(out, certs.ca_pem).ok
    bag = unzip(out, tmp_path / "u")
    assert not (bag / "metadata").exists()  # nothing of it outside the payload any more
    assert check_sip(bag / "data")[0] == []
    chats = bag / "data" / "chats"
    series = _ident(_object(chats))
    dossiers = {_ident(_object(p)) for p in chats.glob("conversation-*")}
    assert len(dossiers) == 2  # the family conversation is withheld entirely
    expected = {
        evidence.EXCLUSIONS: ["chatsafe-exclusions.json"],
        evidence.COMPLETENESS: ["chatsafe-completeness.json"],
        evidence.REVIEW_LOG: ["chatsafe-review-log.jsonl"],
        evidence.APPROVAL: ["chatsafe-approval.json", "chatsafe-approval.json.p7s"],
    }
    for ev, names in expected.items():
        folder = chats / ev.folder
        el = _object(folder)
        assert el.findtext("m:aggregatieniveau/m:begripLabel", "", NS) == "Archiefstuk"
        assert _ident(el) == evidence.urn(case.id, ev)
        assert (
            el.findtext("m:isOnderdeelVan/m:verwijzingIdentificatie/m:identificatieKenmerk", "", NS)
            == series
        )
        content = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".mdto.xml"))
        assert content == names
        for name in names:
            assert (folder / f"{name}.bestand.mdto.xml").is_file()
        # It names every conversation it describes, and each names it back.
        assert _related(el) == {(d, "Refereert aan") for d in dossiers}
        for conv in chats.glob("conversation-*"):
            assert (_ident(el), "Wordt aangehaald door") in _related(_object(conv))


def test_the_sip_checker_finds_a_relation_named_one_way_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = prepared(tmp_path, monkeypatch)
    bag = unzip(make(case, tmp_path / "b.zip", certs), tmp_path / "u")
    case.close()
    sidecar = next((bag / "data" / "chats").glob("conversation-*/conversation-*.mdto.xml"))
    text = sidecar.read_text("utf-8")
    one_way = re.sub(
        r"<gerelateerdInformatieobject>.*?</gerelateerdInformatieobject>", "", text, count=1
    )
    assert one_way != text
    sidecar.write_text(one_way, "utf-8")
    problems, _ = check_sip(bag / "data")
    assert any("does not name it back" in p for p in problems), problems


def _legacy(files: dict[str, bytes]) -> None:
    """The layout of bundles made before item 6: the evidence as tag files in metadata/,
    and conversations that name no evidence object (verify reads such links as the mark
    of the new layout, tests/unit/test_verify_evidence.py)."""
    for ev in evidence.ALL:
        for rel in [r for r in files if r.startswith(f"data/chats/{ev.folder}/")]:
            data = files.pop(rel)
            if not rel.endswith(".mdto.xml"):
                extra = rel.rsplit("/", 1)[-1].removeprefix(ev.folder + ev.ext)
                files[ev.legacy + extra] = data
    link = re.compile(r"<gerelateerdInformatieobject>.*?</gerelateerdInformatieobject>")
    for rel in [
        r for r in files if re.fullmatch(r"data/chats/(conversation-\d+)/\1\.mdto\.xml", r)
    ]:
        files[rel] = link.sub("", files[rel].decode()).encode()


def test_verify_and_supersede_read_bundles_made_before_the_evidence_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = prepared(tmp_path, monkeypatch)
    made = make(case, tmp_path / "made.zip", certs)
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    old = tmp_path / "old.zip"
    pki.reseal(made, old, signer.sign, _legacy)
    _, files = pki.read_bag(old)
    assert "metadata/approval.json.p7s" in files and "metadata/review-log.jsonl" in files
    assert not any(r.startswith("data/chats/chatsafe-approval") for r in files)
    report = verify_bundle(old, certs.ca_pem)
    assert report.ok, report.text()
    assert report.info["approved by"].endswith("(signed)")
    assert "entries" in " ".join(c.notes[0] for c in report.checks if "review log" in c.name)
    # The approval check still finds (and judges) the old place: an edited statement fails.
    edited = tmp_path / "edited.zip"
    pki.reseal(
        old,
        edited,
        signer.sign,
        lambda f: f.update({"metadata/approval.json": f["metadata/approval.json"] + b" "}),
    )
    assert not verify_bundle(edited, certs.ca_pem).ok
    # A new transfer supersedes the old-layout one: it adds the evidence objects.
    new = make(case, tmp_path / "new.zip", certs, supersedes=old)
    case.close()
    assert supersede.check(new, old) == []
    added = set(supersede.read_transfer(new).register["added"]["objects"])  # type: ignore[index]
    assert evidence.urn(case.id, evidence.APPROVAL) in added
