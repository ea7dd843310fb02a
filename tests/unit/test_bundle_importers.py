"""Issue 15's "Done when", over every importer: a bundle made from each importer's
fixtures verifies with chatsafe and passes the archive's standard tools (bagit-python,
openssl cms -verify with -CAfile, the MDTO XSD from ../shared/standards) and the SIP
checker written from the NA's specification (tests/sip_check.py); and a superseding
bundle that withdraws one of its messages does too, and its reference holds."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import builder, payload, signing, supersede
from chatsafe.bundle.verify import verify_bundle
from chatsafe.domain import Label
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review import labels
from chatsafe.review.labels import Role
from chatsafe.settings import apply
from chatsafe.store import create_case, open_case
from tests.bundle_support import (
    ARCHIVAL,
    SIGNING_PASSPHRASE,
    XSD,
    Certs,
    openssl_verifies,
)
from tests.sip_check import check_sip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASE_PASS = "fixture-pass"


def _fixed(rel: str) -> Callable[[Path], tuple[Path, dict[str, Any]]]:
    return lambda tmp: (FIXTURES / rel, {})


def _imessage(tmp: Path) -> tuple[Path, dict[str, Any]]:
    from imessage_db import build_folder

    return build_folder(tmp / "Messages"), {}


def _signal_desktop(tmp: Path) -> tuple[Path, dict[str, Any]]:
    from signal_desktop_db import KEY, build

    return build(tmp / "Signal"), {"signal_key": KEY}


def _whatsapp_android(tmp: Path) -> tuple[Path, dict[str, Any]]:
    from whatsapp_android_db import KEY_HEX, build

    return build(tmp / "WhatsApp"), {"extra": {"whatsapp_key": KEY_HEX}}


def _whatsapp_ios(tmp: Path) -> tuple[Path, dict[str, Any]]:
    from whatsapp_ios_db import build_mac

    return build_mac(tmp / "group.net.whatsapp.WhatsApp.shared"), {}


def _iphone_backup(tmp: Path) -> tuple[Path, dict[str, Any]]:
    from iphone_backup_db import PASSWORD, build

    return build(tmp / "Backup", PASSWORD), {"extra": {"backup_password": PASSWORD}}


# source -> (importer module, how to get an export of it): every importer, and each
# kind of export an importer reads (text exports of both phones, e-mail as mbox, .eml
# and a folder, both Signal export versions, both Telegram layouts).
TABLE: dict[str, tuple[str, Callable[[Path], tuple[Path, dict[str, Any]]]]] = {
    "whatsapp-android-text": ("whatsapp", _fixed("whatsapp/WhatsApp-chat met Kabinetsoverleg.txt")),
    "whatsapp-ios-text": ("whatsapp", _fixed("whatsapp/ios_group_chat.txt")),
    "whatsapp-android-db": ("whatsapp_android", _whatsapp_android),
    "whatsapp-ios-db": ("whatsapp_ios", _whatsapp_ios),
    "iphone-backup": ("iphone_backup", _iphone_backup),
    "signal-export": ("signal_export", _fixed("signal_export/export")),
    "signal-export-v1": ("signal_export", _fixed("signal_export/v1")),
    "signal-desktop": ("signal_desktop", _signal_desktop),
    "sms-backup": ("sms_backup", _fixed("sms/backup.xml")),
    "imessage": ("imessage", _imessage),
    "telegram": ("telegram", _fixed("telegram/full_current")),
    "telegram-single-2020": ("telegram", _fixed("telegram/single_2020")),
    "email-mbox": ("email_mbox", _fixed("email/takeout.mbox")),
    "email-eml": ("email_mbox", _fixed("email/single.eml")),
    "email-folder": ("email_mbox", _fixed("email/folder")),
    "matrix": ("matrix", _fixed("matrix/room.json")),
}


@dataclass
class Made:
    case_path: Path
    bundle: Path
    folder: Path


@pytest.fixture(scope="module", params=sorted(TABLE))
def made(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, certs: Certs
) -> Made:
    """One case and one bundle per source, shared by the tests of this module."""
    fmt, get = TABLE[request.param]
    tmp = tmp_path_factory.mktemp(request.param)
    module = importlib.import_module(f"chatsafe.importers.{fmt}")
    export, ctx_args = get(tmp)
    assert export.exists(), export
    case = create_case(tmp / "c.chatsafe", passphrase=CASE_PASS)
    import_paths(
        case,
        [export],
        ImportContext(owner="Minister", **ctx_args),
        format_name=module.IMPORTER.name,
    )
    apply(case, ARCHIVAL, by="IT")
    out = tmp / "bundle.zip"
    result = builder.make_bundle(case, out, _signer(certs), by="Minister", role="minister")
    case.close()
    assert result.conversations >= 1
    return Made(tmp / "c.chatsafe", out, tmp)


def _signer(certs: Certs) -> signing.Signer:
    return signing.load_p12(certs.p12, SIGNING_PASSPHRASE)


def standard_checks(bundle: Path, certs: Certs, target: Path) -> Path:
    """chatsafe verify, bagit-python, the SIP checker, the XSD (xmlschema, and xmllint
    where installed) and openssl cms -verify with -CAfile; returns the unzipped bag."""
    report = verify_bundle(bundle, certs.ca_pem)
    assert report.ok, report.text()

    import bagit
    import xmlschema

    with zipfile.ZipFile(bundle) as z:
        z.extractall(target)
    (bag_dir,) = list(target.iterdir())
    bagit.Bag(str(bag_dir)).validate()
    schema = xmlschema.XMLSchema(str(XSD))
    sidecars = list(bag_dir.rglob("*.mdto.xml"))
    assert sidecars
    problems, count = check_sip(bag_dir / "data")
    assert problems == [] and count == len(sidecars)
    for f in sidecars:
        schema.validate(str(f))
    if shutil.which("xmllint"):
        proc = subprocess.run(
            ["xmllint", "--noout", "--schema", str(XSD), *map(str, sidecars)],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
    openssl_verifies(
        bag_dir / "tagmanifest-sha512.txt.p7s", bag_dir / "tagmanifest-sha512.txt", certs.ca_pem
    )
    return bag_dir


def test_bundle_from_importer_fixture(made: Made, certs: Certs) -> None:
    standard_checks(made.bundle, certs, made.folder / "unzipped")


def test_a_superseding_bundle_withdraws_a_message_of_each_source(made: Made, certs: Certs) -> None:
    case = open_case(made.case_path, passphrase=CASE_PASS)
    try:
        leaving = payload.leaving_conversations(case.conn)
        ids = [m for conv in leaving for m in conv.message_ids]
        marks = ",".join("?" * len(ids))
        (victim,) = case.conn.execute(
            f"SELECT id FROM messages WHERE id IN ({marks}) AND kind = 'message' "
            "ORDER BY id LIMIT 1",
            ids,
        ).fetchone()
        with case.transaction() as c:
            labels.label_messages(c, [victim], Label.PRIVATE, by="Minister", role=Role.MINISTER)
        new = made.folder / "superseding.zip"
        result = builder.make_bundle(
            case, new, _signer(certs), by="Minister", role="minister", supersedes=made.bundle
        )
    finally:
        case.close()
    old_t = supersede.read_transfer(made.bundle)
    assert result.supersedes == old_t.external_id
    bag = standard_checks(new, certs, made.folder / "superseding")
    assert supersede.check(new, made.bundle) == []
    reg = json.loads((bag / "data/chats/chatsafe-vervanging/chatsafe-vervanging.json").read_bytes())
    gone = {m["id"] for m in reg["withdrawn"]["messages"]}
    assert len(gone) == 1 and gone <= set(old_t.messages)
    assert not gone & set(supersede.read_transfer(new).messages)
