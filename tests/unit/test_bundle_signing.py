"""The seal: PKCS#12, PEM and PKCS#11 (SoftHSM2) signers; chatsafe's own CMS check
agrees with openssl's; the certificate chain is checked against --ca."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding

from chatsafe.bundle import cms, signing, trust
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, make_certs, openssl_verifies

NOW = datetime.now(UTC)

CONTENT = b"0123abcd  bagit.txt\n"
SOFTHSM_LIB = next(
    (
        p
        for p in (
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
        )
        if os.path.exists(p)
    ),
    None,
)


def openssl_accepts(sig: bytes, content: bytes, ca: Path, tmp: Path) -> None:
    (tmp / "s.p7s").write_bytes(sig)
    (tmp / "c.txt").write_bytes(content)
    openssl_verifies(tmp / "s.p7s", tmp / "c.txt", ca)


def test_p12_and_pem_sign_the_same_way(certs: Certs, tmp_path: Path) -> None:
    for signer in (
        signing.load_p12(certs.p12, SIGNING_PASSPHRASE),
        signing.load_pem(certs.key_pem, certs.cert_pem, SIGNING_PASSPHRASE),
    ):
        sig = signer.sign(CONTENT)
        verified = cms.verify_detached(sig, CONTENT)
        assert verified.signer == certs.cert
        path = trust.validate(verified.signer, verified.certificates, [certs.ca_cert], NOW)
        assert path.problems == [] and path.anchor == certs.ca_cert
        openssl_accepts(sig, CONTENT, certs.ca_pem, tmp_path)
        with pytest.raises(cms.CmsError, match="digest does not match"):
            cms.verify_detached(sig, CONTENT + b"x")


def test_wrong_passphrase_and_mismatched_key(certs: Certs, tmp_path: Path) -> None:
    with pytest.raises(signing.SigningError, match="wrong passphrase"):
        signing.load_p12(certs.p12, "nope")
    with pytest.raises(signing.SigningError, match="passphrase"):
        signing.load_pem(certs.key_pem, certs.cert_pem, None)
    other = make_certs(tmp_path / "other")
    with pytest.raises(signing.SigningError, match="does not belong"):
        signing.load_pem(certs.key_pem, other.cert_pem, SIGNING_PASSPHRASE)
    assert signing.key_needs_passphrase(certs.key_pem)


def test_chain_to_another_ca_fails(certs: Certs, tmp_path: Path) -> None:
    other = make_certs(tmp_path / "other")
    sig = signing.load_p12(certs.p12, SIGNING_PASSPHRASE).sign(CONTENT)
    v = cms.verify_detached(sig, CONTENT)
    problems = trust.validate(v.signer, v.certificates, [other.ca_cert], NOW).problems
    assert problems and "does not chain" in problems[0]


def test_token_style_builder_rsa_and_ec(certs: Certs, tmp_path: Path) -> None:
    """The CMS built around an external signature (as for a smartcard) verifies with
    chatsafe and with openssl."""
    key = certs.key
    sig = cms.build_detached(
        CONTENT,
        certs.cert,
        [certs.ca_cert],
        lambda data: key.sign(data, padding.PKCS1v15(), hashes.SHA256()),
        "rsa",
    )
    assert cms.verify_detached(sig, CONTENT).signer == certs.cert
    openssl_accepts(sig, CONTENT, certs.ca_pem, tmp_path)

    from cryptography import x509

    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_cert = (
        x509.CertificateBuilder()
        .subject_name(certs.cert.subject)
        .issuer_name(certs.ca_cert.subject)
        .public_key(ec_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(certs.cert.not_valid_before_utc)
        .not_valid_after(certs.cert.not_valid_after_utc)
        .sign(ec_key, hashes.SHA256())  # self-made: only the CMS maths is under test here
    )
    sig = cms.build_detached(
        CONTENT, ec_cert, [], lambda d: ec_key.sign(d, ec.ECDSA(hashes.SHA256())), "ec"
    )
    assert cms.verify_detached(sig, CONTENT).signer == ec_cert
    raw = b"\x00" * 31 + b"\x01" + b"\x00" * 31 + b"\x02"  # r = 1, s = 2 as a token gives it
    assert cms.ecdsa_raw_to_der(raw) == bytes.fromhex("3006020101020102")


def test_garbage_is_a_clean_failure() -> None:
    for bad in (b"", b"\x30\x03\x02\x01\x01", os.urandom(300)):
        with pytest.raises(cms.CmsError):
            cms.verify_detached(bad, CONTENT)


@pytest.mark.skipif(
    SOFTHSM_LIB is None or not shutil.which("softhsm2-util"),
    reason="SoftHSM2 is not installed (Debian package softhsm2)",
)
def test_pkcs11_token_with_softhsm(
    certs: Certs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pkcs11")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "chatsafe-test",
            "--pin",
            "1234",
            "--so-pin",
            "5678",
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    plain = tmp_path / "plain.pem"
    plain.write_bytes(
        certs.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [
            "softhsm2-util",
            "--import",
            str(plain),
            "--token",
            "chatsafe-test",
            "--label",
            "signer",
            "--id",
            "01",
            "--pin",
            "1234",
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    plain.unlink()
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    # SoftHSM reads SOFTHSM2_CONF when it is initialised, once per process: another
    # test's token folder would hide this one's.
    pkcs11.lib(SOFTHSM_LIB).reinitialize()
    token = pkcs11.lib(SOFTHSM_LIB).get_token(token_label="chatsafe-test")
    with token.open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.ID: b"\x01",
                Attribute.LABEL: "signer",
                Attribute.SUBJECT: certs.cert.subject.public_bytes(),
                Attribute.VALUE: certs.cert.public_bytes(serialization.Encoding.DER),
            }
        )
    from chatsafe.bundle.pkcs11_signer import open_token

    with pytest.raises(signing.SigningError):
        open_token(SOFTHSM_LIB, "no-such-token", "1234")
    signer = open_token(SOFTHSM_LIB, "chatsafe-test", "1234", chain=[certs.ca_cert])
    try:
        assert signer.certificate == certs.cert
        sig = signer.sign(CONTENT)
    finally:
        signer.close()
    verified = cms.verify_detached(sig, CONTENT)
    assert verified.signer == certs.cert
    openssl_accepts(sig, CONTENT, certs.ca_pem, tmp_path)
