"""Detached CMS (RFC 5652) signatures: checking them in pure Python, and building them
for keys that live on a token.

``cryptography`` makes CMS signatures with software keys but cannot verify one, and a
smartcard's key cannot be handed to it; ``asn1crypto`` parses and builds the ASN.1, and
``cryptography`` does the public-key mathematics. No openssl binary is needed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from asn1crypto import algos, cms  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class CmsError(Exception):
    """The signature is malformed or does not hold."""


# What chatsafe's signers put into the signed attributes (cryptography's builder adds
# the S/MIME capabilities); anything else is unexplained and refused.
_REQUIRED_ATTRS = {"content_type", "message_digest"}
_ALLOWED_ATTRS = _REQUIRED_ATTRS | {"signing_time", "smime_capabilities"}
# The one unsigned attribute that may be added after signing: an RFC 3161 timestamp.
TIMESTAMP_ATTR = "signature_time_stamp_token"


@dataclass
class Verified:
    signer: x509.Certificate
    certificates: list[x509.Certificate]
    signing_time: datetime | None
    digest_algorithm: str
    signature: bytes = b""
    timestamp_token: cms.ContentInfo | None = None
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
    ocsp: list[bytes] = field(default_factory=list)  # DER OCSPResponses (RFC 5940)


def signed_attrs_der(signer_info: cms.SignerInfo) -> bytes:
    # The signature covers the attributes DER-encoded as a SET (tag 0x31), not with the
    # [0] IMPLICIT tag they carry inside SignerInfo (RFC 5652 §5.4).
    raw = signer_info["signed_attrs"].dump()
    return b"\x31" + bytes(raw[1:])


def verify_detached(signature_der: bytes, content: bytes) -> Verified:
    """Check a detached CMS SignedData over ``content``; raise CmsError when it fails."""
    try:
        info = cms.ContentInfo.load(signature_der, strict=True)
        if info["content_type"].native != "signed_data":
            raise CmsError("not a CMS SignedData structure")
        sd = info["content"]
        if sd["encap_content_info"]["content"].native is not None:
            raise CmsError("the signature is not detached")
        if any(c.name != "certificate" for c in sd["certificates"]):
            raise CmsError("the signature carries something other than X.509 certificates")
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"]]
        crls, ocsp = _revocation_info(sd)
        signer_infos = list(sd["signer_infos"])
        outer_digests = [d["algorithm"].native for d in sd["digest_algorithms"]]
        # Re-encoding must give the same bytes: no trailing data, no non-DER encodings
        # that would let bytes change without changing what is checked.
        if info.dump(force=True) != signature_der:
            raise CmsError("the signature file is not in canonical DER form (changed?)")
    except CmsError:
        raise
    except Exception as exc:  # asn1crypto raises many types on malformed input
        raise CmsError(f"the signature file cannot be read ({type(exc).__name__})") from None
    if len(signer_infos) != 1:
        raise CmsError(f"expected one signer, found {len(signer_infos)}")
    si = signer_infos[0]
    try:
        cert = find_signer(si, certs)
        digest_name = si["digest_algorithm"]["algorithm"].native
        if digest_name not in HASHES:
            raise CmsError(f"unsupported digest algorithm {digest_name}")
        if outer_digests != [digest_name]:
            raise CmsError("the signature's digest algorithms do not match its signer's")
        attrs = si["signed_attrs"]
        if not attrs:
            raise CmsError("the signature has no signed attributes")
        values = attributes(attrs, "signed")
        if not _REQUIRED_ATTRS <= set(values):
            raise CmsError("the signature lacks its message digest or content type")
        extra = sorted(set(values) - _ALLOWED_ATTRS)
        if extra:
            raise CmsError(f"unexpected signed attribute(s) in the signature: {', '.join(extra)}")
        unsigned = attributes(si["unsigned_attrs"], "unsigned") if si["unsigned_attrs"] else {}
        extra = sorted(set(unsigned) - {TIMESTAMP_ATTR})
        if extra:
            raise CmsError(f"unexpected unsigned attribute(s) in the signature: {', '.join(extra)}")
        if values["content_type"][0].native != "data":
            raise CmsError("the signed content type is not data")
        expected = hashlib.new(digest_name, content).digest()
        if values["message_digest"][0].native != expected:
            raise CmsError("the signed digest does not match the signed content (changed?)")
        signing_time = None
        if "signing_time" in values:
            signing_time = values["signing_time"][0].native
        check_signature(cert, si, signed_attrs_der(si), digest_name)
        _check_bundled_certificates(certs)
        _check_no_stray_certificates(cert, certs)
        token = unsigned[TIMESTAMP_ATTR][0] if TIMESTAMP_ATTR in unsigned else None
    except CmsError:
        raise
    except Exception as exc:
        raise CmsError(f"the signature cannot be checked ({type(exc).__name__}: {exc})") from None
    return Verified(
        cert, certs, signing_time, digest_name, bytes(si["signature"].native), token, crls, ocsp
    )


def attributes(attrs: cms.CMSAttributes, kind: str) -> dict[str, cms.SetOfAny]:
    """Attributes by name; each type once with one value, unknown types refused."""
    values: dict[str, cms.SetOfAny] = {}
    for a in attrs:
        name = a["type"].native
        if not isinstance(name, str) or name[:1].isdigit():
            raise CmsError(f"unexpected {kind} attribute {name} in the signature")
        if name in values or len(a["values"]) != 1:
            raise CmsError(f"the {kind} attribute {name} occurs more than once")
        values[name] = a["values"]
    return values


def _revocation_info(
    sd: cms.SignedData,
) -> tuple[list[x509.CertificateRevocationList], list[bytes]]:
    """CRLs and OCSP responses the signer's tooling embedded (RFC 5652
    revocationInfoChoices, RFC 5940 for OCSP)."""
    crls, ocsp = [], []
    for choice in sd["crls"] or []:
        if choice.name == "crl":
            crls.append(x509.load_der_x509_crl(choice.chosen.dump()))
        elif choice.chosen["other_rev_info_format"].native == "ocsp_response":
            ocsp.append(bytes(choice.chosen["other_rev_info"].dump()))
        else:
            raise CmsError("the signature carries revocation data chatsafe cannot read")
    return crls, ocsp


def _check_no_stray_certificates(signer: x509.Certificate, certs: list[x509.Certificate]) -> None:
    """Only the signer and the CAs on its way up may travel in the signature: anything
    else is unexplained (and could be passed off as the signer's)."""
    on_path = {signer.fingerprint(hashes.SHA256())}
    current = signer
    for _ in range(len(certs)):
        up = [
            c
            for c in certs
            if c.subject == current.issuer
            and c.fingerprint(hashes.SHA256()) not in on_path
            and _vouches(c, current)
        ]
        if not up:
            break
        current = up[0]
        on_path.add(current.fingerprint(hashes.SHA256()))
    stray = [c for c in certs if c.fingerprint(hashes.SHA256()) not in on_path]
    if stray:
        names = "; ".join(c.subject.rfc4514_string() for c in stray)
        raise CmsError(f"the signature carries certificates not on the signer's chain: {names}")


def _vouches(issuer: x509.Certificate, cert: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:  # InvalidSignature, ValueError, TypeError: all mean "no"
        return False
    return True


def _check_bundled_certificates(certs: list[x509.Certificate]) -> None:
    """Every certificate carried in the signature must be vouched for by another one in
    it (or by itself, for a root): a changed byte in any of them shows."""
    for cert in certs:
        issuers = [c for c in certs if c.subject == cert.issuer]
        if not issuers:
            continue  # issued by a CA the archive supplies (--ca); checked there
        for issuer in issuers:
            try:
                cert.verify_directly_issued_by(issuer)
                break
            except Exception:  # InvalidSignature, ValueError, TypeError: all mean "no"
                continue
        else:
            raise CmsError(
                f"certificate {cert.subject.rfc4514_string()} in the signature is not "
                "validly signed by its issuer (changed?)"
            )


def find_signer(si: cms.SignerInfo, certs: list[x509.Certificate]) -> x509.Certificate:
    sid = si["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            issuer = asn1_x509.Name.load(cert.issuer.public_bytes())
            if ias["serial_number"].native == cert.serial_number and ias["issuer"] == issuer:
                return cert
        else:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.chosen.native:
                return cert
    raise CmsError("the signer's certificate is not in the signature")


def check_signature(
    cert: x509.Certificate, si: cms.SignerInfo, signed: bytes, digest_name: str
) -> None:
    key = cert.public_key()
    sig = si["signature"].native
    algo = si["signature_algorithm"]
    name = algo.signature_algo
    try:
        hash_name = algo.hash_algo
    except ValueError:  # plain rsaEncryption: the hash is the digest algorithm's
        hash_name = digest_name
    h = HASHES[hash_name if hash_name in HASHES else digest_name]()
    try:
        if isinstance(key, rsa.RSAPublicKey) and name == "rsassa_pkcs1v15":
            key.verify(sig, signed, padding.PKCS1v15(), h)
        elif isinstance(key, rsa.RSAPublicKey) and name == "rsassa_pss":
            params = algo["parameters"]
            salt = params["salt_length"].native
            mgf_hash = HASHES[params["mask_gen_algorithm"]["parameters"]["algorithm"].native]()
            key.verify(sig, signed, padding.PSS(padding.MGF1(mgf_hash), salt), h)
        elif isinstance(key, ec.EllipticCurvePublicKey) and name == "ecdsa":
            key.verify(sig, signed, ec.ECDSA(h))
        else:
            raise CmsError(f"unsupported signature algorithm {name}")
    except InvalidSignature:
        raise CmsError("the signature does not match the signer's key (changed?)") from None


def build_detached(
    content: bytes,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    sign: Callable[[bytes], bytes],
    key_kind: str,
) -> bytes:
    """A detached SignedData over ``content`` (SHA-256), the signature over the signed
    attributes made by ``sign`` (a token's RSA PKCS#1 v1.5 or DER ECDSA signer)."""
    asn_cert = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
    attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute(
                {"type": "signing_time", "values": [cms.Time({"utc_time": datetime.now(UTC)})]}
            ),
            cms.CMSAttribute(
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]}
            ),
        ]
    )
    signature = sign(attrs.dump())
    sig_algo = "sha256_rsa" if key_kind == "rsa" else "sha256_ecdsa"
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": asn_cert.issuer, "serial_number": asn_cert.serial_number}
                    )
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": sig_algo}),
            "signature": signature,
        }
    )
    certs = [asn_cert] + [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in chain]
    sd = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            "certificates": certs,
            "signer_infos": [signer_info],
        }
    )
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump())


def ecdsa_raw_to_der(raw: bytes) -> bytes:
    """A token returns ECDSA as r||s; CMS wants the DER SEQUENCE of two INTEGERs."""
    half = len(raw) // 2
    return bytes(
        algos.DSASignature(
            {"r": int.from_bytes(raw[:half], "big"), "s": int.from_bytes(raw[half:], "big")}
        ).dump()
    )
