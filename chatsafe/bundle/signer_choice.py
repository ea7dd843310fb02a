"""Which certificate seals the bundle, and loading it: one function for the CLI and the app.

The CLI fills a :class:`SignerChoice` from its flags and asks for secrets on the
terminal; the app fills it from the bundle dialog and answers with what was typed there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chatsafe.bundle import signing
from chatsafe.bundle.signing import Signer
from chatsafe.errors import ChatsafeError

Ask = Callable[[str], "str | None"]


@dataclass(frozen=True)
class SignerChoice:
    kind: str  # "p12", "pem" or "pkcs11"
    p12: str = ""
    key: str = ""
    cert: str = ""
    module: str = ""
    token: str = ""

    def complete(self) -> bool:
        """Everything this kind needs is given."""
        return {
            "p12": bool(self.p12),
            "pem": bool(self.key and self.cert),
            "pkcs11": bool(self.module and self.token),
        }.get(self.kind, False)


def load_signer(choice: SignerChoice, ask: Ask, first: str | None = None) -> Signer:
    """The signer for the chosen certificate. ``ask(prompt)`` supplies a passphrase or
    PIN when one is needed; ``first`` is tried first for a PKCS#12 file (an unprotected
    one needs none). May be slow (a token): run it on the worker in the app."""
    if choice.kind == "p12":
        try:
            return signing.load_p12(Path(choice.p12), first)
        except signing.SigningError:
            return signing.load_p12(Path(choice.p12), ask(f"Passphrase for {choice.p12}: "))
    if choice.kind == "pem":
        if not choice.cert:
            raise ChatsafeError("--key needs --cert CERT.pem")
        key = Path(choice.key)
        pw = ask(f"Passphrase for {choice.key}: ") if signing.key_needs_passphrase(key) else None
        return signing.load_pem(key, Path(choice.cert), pw)
    if choice.kind == "pkcs11":
        if not choice.token:
            raise ChatsafeError("--pkcs11-module needs --token LABEL")
        from chatsafe.bundle.pkcs11_signer import open_token

        certs = signing.load_certs(Path(choice.cert)) if choice.cert else None
        return open_token(
            choice.module,
            choice.token,
            ask(f"PIN for token {choice.token}: "),
            cert=certs[0] if certs else None,
            chain=certs[1:] if certs else None,
        )
    raise ChatsafeError("choose the signing certificate: --p12, --key/--cert or --pkcs11-module")
