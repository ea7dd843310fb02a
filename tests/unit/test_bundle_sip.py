"""The bundle as the archive's MDTO-aware ingest reads it: identified formats, stable
identifiers, titles without numbers, the NA's value lists and retention per MDTO."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chatsafe import settings
from chatsafe.bundle import builder, formats, retention, signing
from chatsafe.bundle import valuelists as vl
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.errors import SettingsError
from chatsafe.review import labels
from chatsafe.review.labels import Role
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case, message_ids
from tests.media_samples import MEDIA
from tests.sip_check import check_sip, na_lists

pytestmark = pytest.mark.skipif(not formats.available(), reason="no in-memory identification")


def media_spec() -> list[dict[str, Any]]:
    return [
        {
            "key": "+31612345678",
            "title": "+31 6 12345678",
            "participants": ["Minister", "+31 6 12345678"],
            "messages": [
                {
                    "sender": "+31 6 12345678",
                    "wallclock": f"2024-03-01T09:{i:02d}:00",
                    "text": f"Bijlage {name}",
                    "attachments": [{"name": name, "hex": make().hex()}],
                }
                for i, (name, make) in enumerate(MEDIA.items())
            ]
            + [{"sender": "Minister", "wallclock": "2024-03-01T10:00:00", "text": "PRIVE-X"}],
        }
    ]


def make(case: Any, out: Path, certs: Certs) -> Path:
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    builder.make_bundle(case, out, signer, by="Minister", role="minister")
    return out


def unzip(bundle: Path, target: Path) -> Path:
    with zipfile.ZipFile(bundle) as z:
        z.extractall(target)
    (bag,) = list(target.iterdir())
    return bag


def test_written_formats_are_what_siegfried_identifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    import pygfried

    case = build_case(tmp_path / "c.chatsafe", media_spec(), monkeypatch)
    bag = unzip(make(case, tmp_path / "b.zip", certs), tmp_path / "u")
    case.close()
    problems, _ = check_sip(bag / "data")
    assert problems == []
    written: dict[str, str] = {}
    for sidecar in (bag / "data").rglob("*.bestand.mdto.xml"):
        text = sidecar.read_text(encoding="utf-8")
        code = re.search(r"<bestandsformaat>.*?</bestandsformaat>", text, re.S)
        assert code is not None
        m = re.search(r"<begripCode>([^<]+)</begripCode>", code.group(0))
        assert m is not None and "PRONOM-register" in code.group(0), text
        target = sidecar.with_name(sidecar.name[: -len(".bestand.mdto.xml")])
        written[target.name] = m.group(1)
        if target.suffix == ".json":
            # JSON has no byte signature (siegfried reads it as text); chatsafe states its own.
            assert m.group(1) == "fmt/817"
            continue
        # The identifier on the same bytes, from a real file (no extension, as in memory).
        plain = tmp_path / "plain" / target.name.replace(".", "_")
        plain.parent.mkdir(exist_ok=True)
        plain.write_bytes(target.read_bytes())
        assert m.group(1) == pygfried.identify(str(plain)), target.name
    by_suffix = {name.rsplit(".", 1)[-1]: puid for name, puid in written.items()}
    # What the issue found siegfried and fido say, for the kinds chatsafe imports.
    assert by_suffix["png"] == "fmt/11" and by_suffix["gif"] == "fmt/3"
    assert by_suffix["webp"] == "fmt/566" and by_suffix["docx"] == "fmt/412"
    assert by_suffix["xlsx"] == "fmt/214" and by_suffix["opus"] == "fmt/946"
    assert by_suffix["heic"] == "fmt/1101" and by_suffix["mp4"] == "fmt/199"
    assert by_suffix["vcf"] == "fmt/1880"
    jpegs = sorted(p for n, p in written.items() if n.endswith(".jpg"))
    assert jpegs == ["fmt/41", "fmt/43"]  # Exif-only and JFIF
    pdfs = {p for n, p in written.items() if n.endswith(".pdf")}
    assert "fmt/18" in pdfs  # the PDF 1.4 attachment


def test_large_files_are_identified_from_head_and_tail_in_bounded_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(formats, "HEAD", 1024)
    monkeypatch.setattr(formats, "TAIL", 1024)
    data = MEDIA["a.pdf"]() + b"%" + bytes(50_000) + b"\n%%EOF\n"
    chunks = [data[i : i + 700] for i in range(0, len(data), 700)]
    assert formats.identify(chunks, "application/pdf").puid == "fmt/18"
    png = MEDIA["a.png"]()
    assert formats.identify([png], None).puid == "fmt/11"


def test_titles_and_participants_name_no_phone_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    case = build_case(tmp_path / "c.chatsafe", media_spec(), monkeypatch)
    bag = unzip(make(case, tmp_path / "b.zip", certs), tmp_path / "u")
    case.close()
    for sidecar in (bag / "data").rglob("*.mdto.xml"):
        text = sidecar.read_text(encoding="utf-8")
        assert "12345678" not in text, sidecar.name
    dossier = next((bag / "data" / "chats").glob("conversation-0001/conversation-0001.mdto.xml"))
    assert "<naam>Gesprek met contact 1</naam>" in dossier.read_text(encoding="utf-8")
    transcript = next((bag / "data").rglob("*-transcript.json")).read_text(encoding="utf-8")
    assert "+31 6 12345678" in transcript  # the number stays where it belongs


def test_identifiers_are_stable_across_bundles_and_marking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    spec = media_spec()[:1]
    spec[0]["messages"] = spec[0]["messages"][:2] + spec[0]["messages"][-1:]
    spec.insert(
        0,
        {
            "key": "eerst",
            "title": "Eerst",
            "messages": [{"sender": "A", "wallclock": "2024-01-01T08:00:00", "text": "WEG"}],
        },
    )
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    first = unzip(make(case, tmp_path / "1.zip", certs), tmp_path / "u1")
    # Marking the first conversation private shifts every folder number.
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "WEG"), Label.PRIVATE, by="Minister", role=Role.MINISTER
        )
    second = unzip(make(case, tmp_path / "2.zip", certs), tmp_path / "u2")
    case.close()

    def urns(bag: Path) -> tuple[str, set[str], set[str]]:
        (t,) = [
            json.loads(p.read_text(encoding="utf-8"))
            for p in (bag / "data").rglob("*-transcript.json")
            if "12345678" in p.read_text(encoding="utf-8")
        ]
        ids = {m["id"] for m in t["messages"]}
        objects = {
            re.findall(r"<identificatieKenmerk>([^<]+)<", p.read_text(encoding="utf-8"))[0]
            for p in (bag / "data").rglob("*.mdto.xml")
        }
        return t["conversation"]["urn"], ids, objects

    conv1, ids1, objects1 = urns(first)
    conv2, ids2, objects2 = urns(second)
    assert conv1 == conv2 and ids1 == ids2 and len(ids1) == 3
    assert conv2 in objects2 and objects2 < objects1  # the withdrawn conversation is gone
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", u) for u in objects1 | ids1)


def test_value_lists_are_the_nationaal_archiefs() -> None:
    na = na_lists()
    for ours in vl.MDTO_LISTS:
        section = next(
            title
            for title in na
            if ours.name.removeprefix("Begrippenlijst ").removesuffix(" MDTO").startswith(title)
        )
        assert set(ours.labels) == set(na[section]), ours.name
        if ours.codes:
            assert {v: k for k, v in ours.codes.items()} == na[section]


RETENTION_CASES: list[tuple[str, dict[str, str], retention.Retention | str]] = [
    ("B", {"retention": "permanent"}, retention.Retention()),
    ("N", {"retention": "nader te bepalen"}, retention.Retention()),
    ("B", {"retention": "10 jaar"}, "only for V"),
    ("N", {"retention": "P5Y"}, "only for V"),
    ("B", {"retention": "permanent", "retention_end": "2040-01-01"}, "only for V"),
    ("V", {"retention": "permanent"}, "needs a retention term"),
    ("V", {"retention": "10 jaar"}, "retention_trigger and retention_start"),
    ("V", {"retention": "10", "retention_trigger": "Bevriezing"}, "retention_start"),
    (
        "V",
        {
            "retention": "10 jaar",
            "retention_trigger": "bevriezing",
            "retention_start": "2024-01-01",
        },
        retention.Retention("P10Y", "Bevriezing", "2024-01-01"),
    ),
    (
        "V",
        {"retention": "permanent", "retention_end": "2034-01-01"},
        retention.Retention(end="2034-01-01"),
    ),
    (
        "V",
        {"retention": "6 maanden", "retention_start": "2024-02-01", "retention_end": "2024-01-01"},
        "after retention_end",
    ),
]


@pytest.mark.parametrize(("appraisal", "values", "expected"), RETENTION_CASES)
def test_retention_per_mdto(
    appraisal: str, values: dict[str, str], expected: retention.Retention | str
) -> None:
    if isinstance(expected, str):
        with pytest.raises(SettingsError, match=expected):
            retention.from_settings(values, appraisal)
    else:
        assert retention.from_settings(values, appraisal) == expected


@pytest.mark.parametrize("text", ["7 jaar na sluiting", "tien jaar", "10 decennia", "0", "P10D"])
def test_retention_text_that_does_not_parse_is_refused_when_set(text: str) -> None:
    with pytest.raises(SettingsError, match="not a term chatsafe can record"):
        settings.validate("retention", text)


def test_a_term_is_written_only_for_v(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    spec = [
        {
            "key": "k",
            "title": "Overleg",
            "messages": [{"sender": "A", "wallclock": "2024-01-01T08:00:00", "text": "Hallo"}],
        }
    ]
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    settings.apply(case, {"appraisal": "B", "retention": "10 jaar"}, by="IT")
    with pytest.raises(SettingsError, match="only for V"):
        make(case, tmp_path / "b.zip", certs)
    assert not (tmp_path / "b.zip").exists()
    settings.apply(
        case,
        {
            "appraisal": "V",
            "retention_trigger": "Overbrenging",
            "retention_start": "2024-06-01",
            "selection_list": "Selectielijst Ministerie van Testzaken 2024",
            "information_category_code": "3.1",
            "language": "nl",
        },
        by="IT",
    )
    out = make(case, tmp_path / "b.zip", certs)
    case.close()
    assert verify_bundle(out, certs.ca_pem).ok
    bag = unzip(out, tmp_path / "u")
    assert check_sip(bag / "data")[0] == []
    dossier = (bag / "data/chats/conversation-0001/conversation-0001.mdto.xml").read_text("utf-8")
    assert "<termijnLooptijd>P10Y</termijnLooptijd>" in dossier
    assert "<termijnStartdatumLooptijd>2024-06-01</termijnStartdatumLooptijd>" in dossier
    assert "<begripLabel>Tijdelijk te bewaren</begripLabel><begripCode>V</begripCode>" in dossier
    assert "<begripCode>3.1</begripCode>" in dossier
    assert "Selectielijst Ministerie van Testzaken 2024" in dossier
    assert "<taal>nl</taal>" in dossier


def test_pakbon_bag_info_and_zip_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    import stat
    import xml.etree.ElementTree as ET
    from datetime import datetime
    from zoneinfo import ZoneInfo

    case = build_case(tmp_path / "c.chatsafe", media_spec(), monkeypatch)
    settings.apply(
        case,
        {
            "contact_name": "J. Archivaris",
            "contact_email": "archief@example.nl",
            "target_collection": "Archief Ministerie van Testzaken 2.99",
        },
        by="IT",
    )
    case_urn = f"urn:uuid:{case.id}"
    out = make(case, tmp_path / "b.zip", certs)
    case.close()
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    with zipfile.ZipFile(out) as z:
        for info in z.infolist():
            mode = info.external_attr >> 16
            if info.filename.endswith("/"):
                assert stat.S_ISDIR(mode)
            else:
                assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644, info.filename
            assert info.date_time[:3] in {
                today.timetuple()[:3],
                (today.year, today.month, today.day),
            }
    bag = unzip(out, tmp_path / "u")
    info = dict(
        line.split(": ", 1) for line in (bag / "bag-info.txt").read_text("utf-8").splitlines()
    )
    assert info["Contact-Name"] == "J. Archivaris"
    assert info["Contact-Email"] == "archief@example.nl"
    assert info["Bag-Group-Identifier"] == case_urn
    assert info["Bagging-Date"] == today.isoformat()
    assert re.fullmatch(r"\d+(\.\d)? (B|KB|MB|GB|TB)", info["Bag-Size"])
    slip = ET.parse(bag / "pakbon.xml").getroot()
    ns = {"p": "urn:chatsafe:pakbon:1"}
    data = bag / "data"
    content = [p for p in data.rglob("*") if p.is_file() and not p.name.endswith(".mdto.xml")]
    assert slip.findtext("p:aantalBestandenZonderMdto", "", ns) == str(len(content))
    assert slip.findtext("p:omvangInhoudBytes", "", ns) == str(
        sum(p.stat().st_size for p in content)
    )
    assert slip.findtext("p:aantalBestanden", "", ns) == str(
        len(list(data.rglob("*.bestand.mdto.xml")))
    )
    folders = [p for p in data.rglob("*") if p.is_dir()]
    assert slip.findtext("p:aantalInformatieobjecten", "", ns) == str(len(folders))
    assert slip.findtext("p:locatieDoelsysteem", "", ns) == "Archief Ministerie van Testzaken 2.99"
    assert slip.findtext("p:contactEmail", "", ns) == "archief@example.nl"
    series = (data / "chats" / "chats.mdto.xml").read_text("utf-8")
    assert "<isOnderdeelVan><verwijzingNaam>Archief Ministerie van Testzaken 2.99" in series
    # the pakbon is a tag file, covered by the signed tag manifest
    assert "pakbon.xml" in (bag / "tagmanifest-sha512.txt").read_text("utf-8")


def test_a_superseding_bundle_withdraws_a_message_and_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    from chatsafe.bundle import supersede
    from chatsafe.errors import InputError

    spec = [
        {
            "key": "k",
            "title": "Overleg",
            "messages": [
                {"sender": "A", "wallclock": "2024-01-01T08:00:00", "text": "Zakelijk een"},
                {"sender": "A", "wallclock": "2024-01-01T08:01:00", "text": "ACHTERAF-PRIVE"},
                {"sender": "A", "wallclock": "2024-01-01T08:02:00", "text": "Zakelijk twee"},
            ],
        }
    ]
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    old = make(case, tmp_path / "old.zip", certs)
    with case.transaction() as c:
        labels.label_messages(
            c,
            message_ids(case, "ACHTERAF-PRIVE"),
            Label.PRIVATE,
            by="Minister",
            role=Role.MINISTER,
            reason="PRIVE-REDEN achteraf",
        )
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    new = tmp_path / "new.zip"
    result = builder.make_bundle(case, new, signer, by="Minister", role="minister", supersedes=old)
    other = build_case(tmp_path / "other.chatsafe", spec, monkeypatch)
    with pytest.raises(InputError, match="another case"):
        builder.make_bundle(
            other, tmp_path / "x.zip", signer, by="Minister", role="minister", supersedes=old
        )
    assert not (tmp_path / "x.zip").exists()
    other_bundle = make(other, tmp_path / "other.zip", certs)
    other.close()
    case.close()

    old_t = supersede.read_transfer(old)
    assert result.supersedes == old_t.external_id
    assert verify_bundle(new, certs.ca_pem).ok
    assert supersede.check(new, old) == []
    assert supersede.check(new, other_bundle) != []  # not the transfer it names
    bag = unzip(new, tmp_path / "u")
    assert check_sip(bag / "data")[0] == []
    raw = (bag / "data/chats/chatsafe-vervanging/chatsafe-vervanging.json").read_bytes()
    assert b"ACHTERAF-PRIVE" not in raw and b"PRIVE-REDEN" not in raw
    reg = json.loads(raw)
    (gone,) = reg["withdrawn"]["messages"]
    assert gone["ground"] == "private" and re.fullmatch(r"[0-9a-f]{64}", gone["commitment"])
    assert gone["id"] in old_t.messages and gone["id"] not in supersede.read_transfer(new).messages
    assert reg["added"]["messages"] == []
    info = (bag / "bag-info.txt").read_text("utf-8")
    assert f"Supersedes: {old_t.external_id}" in info
    series = (bag / "data/chats/chats.mdto.xml").read_text("utf-8")
    assert "<begripLabel>Vervanging</begripLabel>" in series
    # IT support checks the reference with the CLI (exit 0), and a wrong one fails (exit 1).
    from chatsafe.cli import main

    base = ["verify", str(new), "--ca", str(certs.ca_pem), "--json", "--supersedes"]
    assert main([*base, str(old)]) == 0
    assert main([*base, str(other_bundle)]) == 1
