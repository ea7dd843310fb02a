"""A bundle made from each importer's fixtures verifies with chatsafe and with the
archive's standard tools: bagit-python, openssl cms and xmlschema (against the schema
in ../shared/standards)."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import builder, signing
from chatsafe.bundle.verify import verify_bundle
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.settings import apply
from chatsafe.store import create_case
from tests.bundle_support import (
    ARCHIVAL,
    SIGNING_PASSPHRASE,
    XSD,
    Certs,
    openssl_verifies,
)
from tests.sip_check import check_sip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


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


# format (importer module) -> how to get an export of it
TABLE: dict[str, Callable[[Path], tuple[Path, dict[str, Any]]]] = {
    "whatsapp": _fixed("whatsapp/WhatsApp-chat met Kabinetsoverleg.txt"),
    "whatsapp_android": _whatsapp_android,
    "whatsapp_ios": _whatsapp_ios,
    "iphone_backup": _iphone_backup,
    "signal_export": _fixed("signal_export/export"),
    "signal_desktop": _signal_desktop,
    "sms_backup": _fixed("sms/backup.xml"),
    "imessage": _imessage,
    "telegram": _fixed("telegram/full_current"),
    "email_mbox": _fixed("email/takeout.mbox"),
    "matrix": _fixed("matrix/room.json"),
}


@pytest.mark.parametrize("fmt", sorted(TABLE))
def test_bundle_from_importer_fixture(fmt: str, tmp_path: Path, certs: Certs) -> None:
    try:
        module = importlib.import_module(f"chatsafe.importers.{fmt}")
    except ModuleNotFoundError:
        pytest.skip(f"the {fmt} importer is not there yet")
    try:
        export, ctx_args = TABLE[fmt](tmp_path)
    except ImportError:
        pytest.skip(f"no fixture builder for {fmt}")
    if not export.exists():
        pytest.skip(f"no fixture for {fmt}: {export}")
    case = create_case(tmp_path / "c.chatsafe", passphrase="fixture-pass")
    import_paths(
        case,
        [export],
        ImportContext(owner="Minister", **ctx_args),
        format_name=module.IMPORTER.name,
    )
    apply(case, ARCHIVAL, by="IT")
    out = tmp_path / "bundle.zip"
    result = builder.make_bundle(
        case, out, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), by="Minister", role="minister"
    )
    case.close()
    assert result.conversations >= 1
    report = verify_bundle(out, certs.ca_pem)
    assert report.ok, report.text()

    import bagit
    import xmlschema

    target = tmp_path / "unzipped"
    with zipfile.ZipFile(out) as z:
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
