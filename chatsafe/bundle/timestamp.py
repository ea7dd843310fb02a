"""RFC 3161 timestamps on the bundle's signature.

A signer's certificate expires in two or three years; a bundle is kept for twenty. A
time-stamping authority (TSA) signs "this signature existed at time T" over a hash of
the signature value, and the token travels as the signature's one unsigned attribute
(id-aa-signatureTimeStampToken, RFC 3161 appendix A). ``verify`` then checks the signer's
certificate at T, so the bundle still verifies after the certificate has expired, and
never trusts a time the signer wrote itself.

The TSA is named in the settings file (chatsafe.appconfig). A configured TSA that does not
answer stops the bundle: it is never silently made without the timestamp.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]
from asn1crypto import tsp
from cryptography import x509

from chatsafe.bundle import cms
from chatsafe.errors import ChatsafeError

_TIMEOUT = 30
_MAX_REPLY = 1024 * 1024
# What a TSA puts into its token's signed attributes (ESS signing-certificate binds the
# TSA's certificate, RFC 5816).
_TSA_ATTRS = {
    "content_type",
    "message_digest",
    "signing_time",
    "signing_certificate",
    "signing_certificate_v2",
}


class TimestampError(ChatsafeError):
    code = "timestamp"


@dataclass(frozen=True)
class Tsa:
    """A time-stamping authority reached over HTTP(S), with optional basic auth."""

    url: str
    username: str | None = None
    password: str | None = None

    def request(self, query: bytes) -> bytes:
        req = urllib.request.Request(
            self.url,
            data=query,
            headers={"Content-Type": "application/timestamp-query"},
            method="POST",
        )
        if self.username:
            cred = f"{self.username}:{self.password or ''}".encode()
            req.add_header("Authorization", "Basic " + base64.b64encode(cred).decode())
        try:
            with urllib.request.urlopen(req, timeout=_TIMEOUT) as reply:  # noqa: S310
                body: bytes = reply.read(_MAX_REPLY + 1)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TimestampError(
                f"the time-stamping authority did not answer ({reason}); the bundle was "
                "not made. Try again, or ask IT support to check the [timestamp] settings",
                file=self.url,
            ) from None
        if len(body) > _MAX_REPLY:
            raise TimestampError("the time-stamping authority's answer is too large", file=self.url)
        return body


def configured_tsa(url: str | None = None) -> Tsa | None:
    """The TSA to use: ``url`` (``--tsa``) or the settings file's, with its credentials."""
    from chatsafe import appconfig

    config = appconfig.load()
    url = url or config.tsa_url
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        raise TimestampError("the time-stamping authority must be an http or https address")
    return Tsa(url, config.tsa_username, config.tsa_password)


def add_timestamp(signature_der: bytes, tsa: Tsa) -> bytes:
    """``signature_der`` with a token from ``tsa`` over its signature value."""
    info = asn1_cms.ContentInfo.load(signature_der)
    si = info["content"]["signer_infos"][0]
    value = bytes(si["signature"].native)
    nonce = secrets.randbits(63)
    query = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": hashlib.sha256(value).digest(),
            },
            "nonce": nonce,
            "cert_req": True,
        }
    ).dump()
    try:
        reply = tsp.TimeStampResp.load(tsa.request(query))
        status = reply["status"]["status"].native
        token = reply["time_stamp_token"]
    except ChatsafeError:
        raise
    except Exception:  # asn1crypto raises many types on a malformed answer
        raise TimestampError(
            "the time-stamping authority's answer is not RFC 3161", file=tsa.url
        ) from None
    if status not in ("granted", "granted_with_mods") or token.native is None:
        text = reply["status"]["status_string"].native
        raise TimestampError(
            f"the time-stamping authority refused ({status}: {text})", file=tsa.url
        )
    try:
        tst = read_token(token, value)
    except cms.CmsError as exc:
        raise TimestampError(
            f"the time-stamping authority's token is wrong: {exc}", file=tsa.url
        ) from None
    if tst.nonce != nonce:
        raise TimestampError("the time-stamping authority answered another request", file=tsa.url)
    si["unsigned_attrs"] = asn1_cms.CMSAttributes(
        [asn1_cms.CMSAttribute({"type": cms.TIMESTAMP_ATTR, "values": [token]})]
    )
    return bytes(info.dump(force=True))


@dataclass
class Token:
    time: datetime
    tsa: x509.Certificate
    certificates: list[x509.Certificate]
    nonce: int | None


def read_token(token: asn1_cms.ContentInfo, signature_value: bytes) -> Token:
    """Check a timestamp token over ``signature_value``: the TSA's signature over its
    TSTInfo and the imprint. Trust in the TSA is the caller's (chatsafe.bundle.trust)."""
    try:
        if token["content_type"].native != "signed_data":
            raise cms.CmsError("the timestamp is not a CMS SignedData")
        sd = token["content"]
        encap = sd["encap_content_info"]
        if encap["content_type"].native != "tst_info":
            raise cms.CmsError("the timestamp holds no TSTInfo")
        tst_der = bytes(encap["content"].contents)
        tst = tsp.TSTInfo.load(tst_der)
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"] or []]
        signer_infos = list(sd["signer_infos"])
    except cms.CmsError:
        raise
    except Exception as exc:
        raise cms.CmsError(f"the timestamp cannot be read ({type(exc).__name__})") from None
    if len(signer_infos) != 1:
        raise cms.CmsError("the timestamp must have exactly one signer")
    si = signer_infos[0]
    imprint = tst["message_imprint"]
    alg = imprint["hash_algorithm"]["algorithm"].native
    if alg not in cms.HASHES:
        raise cms.CmsError(f"the timestamp uses an unsupported hash ({alg})")
    if imprint["hashed_message"].native != hashlib.new(alg, signature_value).digest():
        raise cms.CmsError("the timestamp is over another signature (imprint does not match)")
    tsa_cert = cms.find_signer(si, certs)
    digest_name = si["digest_algorithm"]["algorithm"].native
    if digest_name not in cms.HASHES:
        raise cms.CmsError(f"the timestamp uses an unsupported digest ({digest_name})")
    attrs = cms.attributes(si["signed_attrs"], "timestamp signed") if si["signed_attrs"] else {}
    extra = sorted(set(attrs) - _TSA_ATTRS)
    if extra:
        raise cms.CmsError(f"unexpected attribute(s) in the timestamp: {', '.join(extra)}")
    if (
        not {"message_digest", "content_type"} <= set(attrs)
        or attrs["content_type"][0].native != "tst_info"
    ):
        raise cms.CmsError("the timestamp's signed attributes are incomplete")
    if attrs["message_digest"][0].native != hashlib.new(digest_name, tst_der).digest():
        raise cms.CmsError("the timestamp's TSTInfo was changed")
    cms.check_signature(tsa_cert, si, cms.signed_attrs_der(si), digest_name)
    nonce = tst["nonce"].native
    return Token(tst["gen_time"].native, tsa_cert, certs, nonce)
