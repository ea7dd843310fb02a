"""A small RFC 3161 time-stamping authority for tests, served on the loopback address.

It answers TimeStampReq with a token signed by its own certificate (extended key usage
timeStamping, critical), at a time the test chooses, so a test can simulate a bundle
timestamped years ago by certificate dates instead of sleeping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from asn1crypto import algos, cms, core, tsp  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests import pki


def tsa_holder(issuer: pki.Holder, *, not_before: dt.datetime | None = None,
               not_after: dt.datetime | None = None) -> pki.Holder:  # fmt: skip
    key = pki.new_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(pki.name("Test TSA"))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or pki.NOW - dt.timedelta(days=3650))
        .not_valid_after(not_after or pki.NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
        .sign(issuer.key, hashes.SHA256())
    )
    return pki.Holder(key, cert)


@dataclass
class Authority:
    holder: pki.Holder
    chain: list[x509.Certificate]
    time: dt.datetime = field(default_factory=lambda: pki.NOW)
    requests: int = 0
    imprint_override: bytes | None = None  # a wrong imprint, for a test

    def reply(self, query: bytes) -> bytes:
        self.requests += 1
        req = tsp.TimeStampReq.load(query)
        imprint = req["message_imprint"]
        tst = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": "1.2.3.4.1",
                "message_imprint": {
                    "hash_algorithm": imprint["hash_algorithm"],
                    "hashed_message": self.imprint_override or imprint["hashed_message"].native,
                },
                "serial_number": self.requests,
                "gen_time": core.GeneralizedTime(self.time),
                "nonce": req["nonce"].native,
            }
        )
        tst_der = tst.dump()
        cert = asn1_x509.Certificate.load(self.holder.cert.public_bytes(serialization.Encoding.DER))
        attrs = cms.CMSAttributes(
            [
                cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
                cms.CMSAttribute(
                    {"type": "message_digest", "values": [hashlib.sha256(tst_der).digest()]}
                ),
            ]
        )
        sig = self.holder.key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
        sd = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": core.ParsableOctetString(tst_der),
                },
                "certificates": [
                    cert,
                    *(
                        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                        for c in self.chain
                    ),
                ],
                "signer_infos": [
                    cms.SignerInfo(
                        {
                            "version": "v1",
                            "sid": cms.SignerIdentifier(
                                {
                                    "issuer_and_serial_number": {
                                        "issuer": cert.issuer,
                                        "serial_number": cert.serial_number,
                                    }
                                }
                            ),
                            "digest_algorithm": {"algorithm": "sha256"},
                            "signed_attrs": attrs,
                            "signature_algorithm": {"algorithm": "sha256_rsa"},
                            "signature": sig,
                        }
                    )
                ],
            }
        )
        token = cms.ContentInfo({"content_type": "signed_data", "content": sd})
        return bytes(
            tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()
        )


@contextmanager
def serve(authority: Authority) -> Iterator[str]:
    """The authority on http://127.0.0.1:PORT/ for the duration of the block."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Content-Type") != "application/timestamp-query":
                self.send_error(400)
                return
            answer = authority.reply(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
