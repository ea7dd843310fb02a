"""The seal: a detached CMS signature over ``tagmanifest-sha512.txt``.

Software keys come from a PKCS#12 file or a PEM key and certificate and are used with
``cryptography``'s PKCS7SignatureBuilder. A smartcard (PKIoverheid) or other token is
used through PKCS#11 (python-pkcs11): the key never leaves the token; the CMS structure
is built around the signature the token returns (chatsafe.bundle.cms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from chatsafe.errors import ChatsafeError

PASSPHRASE_ENV = "CHATSAFE_SIGNING_PASSPHRASE"


class SigningError(ChatsafeError):
    code = "signing"


class Signer(Protocol):
    certificate: x509.Certificate

    def sign(self, data: bytes) -> bytes:
        """A detached CMS signature (DER) over ``data``."""
        ...

    def describe(self) -> str: ...


def describe_cert(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


def display_name(cert: x509.Certificate) -> str:
    """The name a person reads: the subject's common name, else the whole subject."""
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(cns[0].value) if cns else cert.subject.rfc4514_string()


@dataclass
class SoftwareSigner:
    key: Any
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    def sign(self, data: bytes) -> bytes:
        builder = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(data)
            .add_signer(self.certificate, self.key, hashes.SHA256())
        )
        for cert in self.chain:
            builder = builder.add_certificate(cert)
        return builder.sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )

    def describe(self) -> str:
        return describe_cert(self.certificate)


def _check_key(key: Any, cert: x509.Certificate, where: str) -> None:
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigningError("only RSA and EC keys can sign a bundle", file=where)
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    if key.public_key().public_bytes(enc, pub) != cert.public_key().public_bytes(enc, pub):
        raise SigningError("the key does not belong to the certificate", file=where)


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read ({exc.strerror})", file=str(path)) from None


def load_p12(path: Path, passphrase: str | None) -> SoftwareSigner:
    data = _read(path)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, passphrase.encode() if passphrase else None
        )
    except ValueError:
        raise SigningError(
            "cannot open the PKCS#12 file: wrong passphrase or not a PKCS#12 file", file=str(path)
        ) from None
    if key is None or cert is None:
        raise SigningError("the PKCS#12 file holds no key and certificate", file=str(path))
    _check_key(key, cert, str(path))
    return SoftwareSigner(key, cert, list(extra or []))


def load_certs(path: Path) -> list[x509.Certificate]:
    data = _read(path)
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningError("not an X.509 certificate (PEM or DER)", file=str(path)) from None


def load_pem(key_path: Path, cert_path: Path, passphrase: str | None) -> SoftwareSigner:
    data = _read(key_path)
    try:
        key = serialization.load_pem_private_key(data, passphrase.encode() if passphrase else None)
    except TypeError:
        raise SigningError(
            f"the key is protected: give its passphrase ({PASSPHRASE_ENV} or the prompt)",
            file=str(key_path),
        ) from None
    except ValueError:
        raise SigningError(
            "cannot read the key: wrong passphrase or not a PEM private key", file=str(key_path)
        ) from None
    certs = load_certs(cert_path)
    _check_key(key, certs[0], str(key_path))
    return SoftwareSigner(key, certs[0], certs[1:])


def key_needs_passphrase(key_path: Path) -> bool:
    data = _read(key_path)
    # "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8) or "Proc-Type: 4,ENCRYPTED" (old OpenSSL)
    return b"ENCRYPTED" in data[:400]
