"""The minister's approval (issue 10): it covers exactly what leaves, any change that
alters that voids it, it is signed with the approver's own certificate (PKCS#12 or a
smartcard) or shown as a claim, and ``verify`` rejects a forged one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from chatsafe.bundle import approval, builder, preflight, signing
from chatsafe.bundle.verify import Report, verify_bundle
from chatsafe.bundle.verify_approval import SIGNATURE, STATEMENT, check_approval
from chatsafe.domain import Label
from chatsafe.review import labels
from chatsafe.review.labels import ReviewError, Role
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case, make_certs, message_ids
from tests.unit.test_review_decisions import _reimport, spec

SOFTHSM_LIB = "/usr/lib/softhsm/libsofthsm2.so"


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """Someone else's certificate, under another CA."""
    return make_certs(tmp_path_factory.mktemp("other"))


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    yield case
    case.close()


def _signer(certs: Certs) -> signing.SoftwareSigner:
    return signing.load_p12(certs.p12, SIGNING_PASSPHRASE)


def _state(case: Any) -> approval.ApprovalState:
    state = approval.approval_state(case.conn)
    assert state is not None
    return state


def test_an_approval_is_void_after_an_import_that_changes_what_leaves(
    case: Any, tmp_path: Path, certs: Certs
) -> None:
    builder.approve(case, by="Minister")
    assert not _state(case).void
    _reimport(case, tmp_path, spec())  # the same export again: nothing changes
    assert not _state(case).void
    convs = spec()
    convs[0]["messages"].append(
        {"sender": "Piet", "wallclock": "2024-03-05T09:00:00", "text": "NIEMAND-GEZIEN"}
    )
    _reimport(case, tmp_path, convs)
    assert _state(case).void
    with pytest.raises(ReviewError, match="no longer covers"):
        builder.make_bundle(case, tmp_path / "b.zip", _signer(certs), by="IT", role="it")
    assert not (tmp_path / "b.zip").exists()


def test_an_approval_is_void_after_a_mark_or_a_setting(case: Any) -> None:
    builder.approve(case, by="Minister")
    with case.transaction() as c:
        labels.label_messages(
            c, message_ids(case, "ZAKELIJK"), Label.PRIVATE, by="A", role=Role.ASSISTANT
        )
    assert _state(case).void
    builder.approve(case, by="Minister")
    assert not _state(case).void
    case.set_setting("period_end", "2024-03-01")
    assert _state(case).void
    assert "VOID" in _state(case).describe()
    pre = preflight.preflight(case)
    assert pre["approval"] is None and pre["approval_state"]["void"] is True


def test_a_claimed_approval_is_shown_as_a_claim_everywhere(
    case: Any, tmp_path: Path, certs: Certs
) -> None:
    builder.approve(case, by="J. de Vries")
    assert _state(case).describe() == "claimed by J. de Vries, not signed"
    out = tmp_path / "b.zip"
    result = builder.make_bundle(case, out, _signer(certs), by="IT", role="it")
    assert result.approval and result.approval["description"].startswith("claimed by")
    with zipfile.ZipFile(out) as z:
        (info,) = [n for n in z.namelist() if n.endswith("bag-info.txt")]
        assert "Approved-By: claimed by J. de Vries, not signed" in z.read(info).decode()
        assert not [n for n in z.namelist() if n.endswith(SIGNATURE)]
    report = verify_bundle(out, certs.ca_pem)
    assert report.ok, report.text()
    assert report.info["approved by"] == "claimed by J. de Vries, not signed"


def test_a_signed_approval_names_the_approver_from_the_certificate(
    case: Any, tmp_path: Path, certs: Certs, other: Certs
) -> None:
    # The name typed is a claim; the certificate says who signed.
    builder.approve(case, by="Iemand Anders", signer=_signer(certs))
    assert _state(case).signed
    out = tmp_path / "b.zip"
    builder.make_bundle(case, out, _signer(other), by="IT", role="it")
    # Both CAs are anchors here: without one nothing is trusted (issue 11).
    assert not verify_bundle(out).ok
    report = verify_bundle(out, [certs.ca_pem, other.ca_pem])
    assert report.ok, report.text()
    assert "CN=Minister Test" in report.info["approved by"]
    assert report.info["approved by"].endswith("(signed)")
    assert "Iemand Anders" not in report.info["approved by"]


def _members(path: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    with zipfile.ZipFile(path) as z:
        root = z.namelist()[0].split("/", 1)[0]
        data = {n[len(root) + 1 :]: z.read(n) for n in z.namelist() if not n.endswith("/")}
    bag_info = dict(
        line.split(": ", 1) for line in data["bag-info.txt"].decode().splitlines() if ": " in line
    )
    return data, bag_info


def _check(data: dict[str, bytes], bag_info: dict[str, str], ca: Path | None) -> Report:
    report = Report("x")
    # Only the approval is under test: the bundle's own signature and trust hold here.
    report.check("signature", "signature")
    report.check("trust", "trust")
    check_approval(report, {k: k for k in data}, lambda rel, _c: data.get(rel), bag_info, ca)
    return report


def test_a_forged_approval_is_rejected(
    case: Any, tmp_path: Path, certs: Certs, other: Certs
) -> None:
    builder.approve(case, by="Minister", signer=_signer(certs))
    out = tmp_path / "b.zip"
    builder.make_bundle(case, out, _signer(certs), by="IT", role="it")
    data, bag_info = _members(out)
    assert _check(data, bag_info, certs.ca_pem).ok
    # An edited digest: the minister's signature no longer holds.
    statement = json.loads(data[STATEMENT])
    statement["leaving_digest"] = "0" * 64
    edited = {**data, STATEMENT: json.dumps(statement).encode()}
    assert not _check(edited, bag_info, certs.ca_pem).ok
    # Re-signed with another certificate: it does not chain to the archive's CA.
    forged = json.dumps(statement).encode()
    resigned = {**edited, SIGNATURE: _signer(other).sign(forged), STATEMENT: forged}
    report = _check(resigned, bag_info, certs.ca_pem)
    assert not report.ok
    assert any("chain" in p for c in report.checks for p in c.problems)
    # A look-alike certificate (same name, made under another CA) over the true
    # statement: refused, because it does not chain to the archive's CA.
    true_other = {**data, SIGNATURE: _signer(other).sign(data[STATEMENT])}
    report = _check(true_other, bag_info, certs.ca_pem)
    assert not report.ok
    assert any("chain" in p for c in report.checks for p in c.problems)
    # A transcript entry the approval did not cover.
    transcript = sorted(k for k in data if k.endswith("-transcript.json"))[0]
    doc = json.loads(data[transcript])
    doc["messages"].append({**doc["messages"][0], "id": "urn:uuid:niet-goedgekeurd"})
    grown = {**data, transcript: json.dumps(doc).encode()}
    assert not _check(grown, bag_info, certs.ca_pem).ok


@pytest.mark.skipif(
    not os.path.exists(SOFTHSM_LIB) or not shutil.which("softhsm2-util"),
    reason="SoftHSM2 is not installed (Debian package softhsm2)",
)
def test_the_minister_signs_the_approval_with_a_smartcard(
    case: Any, tmp_path: Path, certs: Certs, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pkcs11")
    conf = tmp_path / "softhsm2.conf"
    (tmp_path / "tokens").mkdir()
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    util = ["softhsm2-util", "--pin", "1234"]
    subprocess.run([*util, "--init-token", "--free", "--label", "rijkspas", "--so-pin", "5678"],
                   check=True, capture_output=True, env=env)  # fmt: skip
    plain = tmp_path / "plain.pem"
    plain.write_bytes(
        certs.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run([*util, "--import", str(plain), "--token", "rijkspas", "--label", "m",
                    "--id", "01"], check=True, capture_output=True, env=env)  # fmt: skip
    plain.unlink()
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    from chatsafe.bundle.pkcs11_signer import open_token

    # SoftHSM reads SOFTHSM2_CONF when it is initialised, once per process: another
    # test's token folder would hide this one's.
    pkcs11.lib(SOFTHSM_LIB).reinitialize()
    token = pkcs11.lib(SOFTHSM_LIB).get_token(token_label="rijkspas")
    with token.open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.ID: b"\x01",
                Attribute.LABEL: "m",
                Attribute.SUBJECT: certs.cert.subject.public_bytes(),
                Attribute.VALUE: certs.cert.public_bytes(serialization.Encoding.DER),
            }
        )
    card = open_token(SOFTHSM_LIB, "rijkspas", "1234", chain=[certs.ca_cert])
    try:
        builder.approve(case, by="Minister", signer=card)
    finally:
        card.close()
    out = tmp_path / "b.zip"
    builder.make_bundle(case, out, _signer(certs), by="IT", role="it")
    report = verify_bundle(out, certs.ca_pem)
    assert report.ok, report.text()
    assert "CN=Minister Test" in report.info["approved by"]
