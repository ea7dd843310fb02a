"""Signing with a smartcard or other token through PKCS#11 (python-pkcs11).

The private key never leaves the token: the token signs the CMS signed attributes, and
chatsafe.bundle.cms builds the SignedData around that signature. The certificate is
read from the token (or given as a file when the token holds none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from chatsafe.bundle import cms
from chatsafe.bundle.signing import SigningError, describe_cert


@dataclass
class TokenSigner:
    session: Any
    key: Any
    key_kind: str  # "rsa" or "ec"
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    def _sign_attrs(self, data: bytes) -> bytes:
        from pkcs11 import Mechanism

        if self.key_kind == "rsa":
            return bytes(self.key.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))
        raw = bytes(self.key.sign(data, mechanism=Mechanism.ECDSA_SHA256))
        return cms.ecdsa_raw_to_der(raw)

    def sign(self, data: bytes) -> bytes:
        return cms.build_detached(
            data, self.certificate, self.chain, self._sign_attrs, self.key_kind
        )

    def describe(self) -> str:
        return describe_cert(self.certificate) + " (token)"

    def close(self) -> None:
        self.session.close()


def open_token(
    module: str,
    token_label: str,
    pin: str | None,
    *,
    cert: x509.Certificate | None = None,
    chain: list[x509.Certificate] | None = None,
) -> TokenSigner:
    """Log in to the token and find its signing key and certificate."""
    try:
        import pkcs11
        from pkcs11 import Attribute, KeyType, ObjectClass
    except ImportError:
        raise SigningError(
            "smartcard signing needs the python-pkcs11 package; install it and try again"
        ) from None
    try:
        lib = pkcs11.lib(module)
    except Exception as exc:  # the module is a native library: anything may go wrong
        raise SigningError(f"cannot load the PKCS#11 module ({exc})", file=module) from None
    try:
        token = lib.get_token(token_label=token_label)
    except Exception:
        raise SigningError(f"no token labelled {token_label!r}", file=module) from None
    try:
        session = token.open(user_pin=pin)
    except Exception as exc:
        raise SigningError(f"cannot log in to the token ({type(exc).__name__})") from None
    try:
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))
        if not keys:
            raise SigningError("the token holds no private key")
        if cert is None:
            certs = [
                x509.load_der_x509_certificate(bytes(o[Attribute.VALUE]))
                for o in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
            ]
            if not certs:
                raise SigningError("the token holds no certificate; give one with --cert")
        else:
            certs = [cert]
        # Pair the key with the certificate whose public key matches it (by key id).
        key = keys[0]
        if len(keys) > 1 or len(certs) > 1:
            ids = {bytes(k[Attribute.ID]): k for k in keys}
            for o in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                if bytes(o[Attribute.ID]) in ids:
                    key = ids[bytes(o[Attribute.ID])]
                    certs = [x509.load_der_x509_certificate(bytes(o[Attribute.VALUE]))]
                    break
        kind = "rsa" if getattr(key, "key_type", None) == KeyType.RSA else "ec"
        return TokenSigner(session, key, kind, certs[0], list(chain or []))
    except BaseException:
        session.close()
        raise
