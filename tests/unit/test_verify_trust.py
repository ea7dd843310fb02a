"""``verify`` is a trust decision (issue 11): each attack on a bundle fails with a reason
that names it, with and without a trust anchor, and a good bundle passes only with one.

The test PKI: a CA, the minister's certificate from it, a second holder ("Eve") of a
certificate from the same CA, and an attacker's self-signed certificate with the
minister's name. Forged bundles are re-sealed completely (manifests recomputed, zip in
chatsafe's own form), so what fails is the question each test asks.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zipfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from chatsafe.bundle import builder
from chatsafe.bundle.bagit_writer import SIGNATURE_NAME, TAG_MANIFEST
from chatsafe.bundle.signing import SoftwareSigner
from chatsafe.bundle.verify import Report, verify_bundle
from tests import pki
from tests.bundle_support import build_case
from tests.unit.test_bundle_tamper import SPEC

NOW = pki.NOW


class World:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.root = pki.ca("Test Root CA")
        self.minister = pki.leaf("Minister Test", self.root)
        self.eve = pki.leaf("Eve", self.root)
        self.forger = pki.leaf("Minister Test", None)  # self-signed, the minister's name
        self.ca_pem = self.root.pem(tmp, "ca.pem")
        self.bundle = tmp / "good.zip"

    def path(self, name: str) -> Path:
        return self.tmp / name


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    w = World(tmp_path_factory.mktemp("trust"))
    mp = pytest.MonkeyPatch()
    try:
        case = build_case(w.tmp / "c.chatsafe", SPEC, mp)
    finally:
        mp.undo()
    signer = SoftwareSigner(w.minister.key, w.minister.cert, [w.root.cert])
    builder.make_bundle(case, w.bundle, signer, by="Minister Test", role="minister")
    case.close()
    return w


def problems(report: Report) -> str:
    return "\n".join(p for c in report.checks for p in c.problems)


def fails(path: Path, reason: str, ca: Path | list[Path] | None) -> Report:
    report = verify_bundle(path, ca)
    assert not report.ok, "verify accepted it"
    assert reason in problems(report), problems(report)
    return report


def fails_both_ways(path: Path, reason: str, world: World) -> None:
    """Fails with ``reason`` with the archive's CA, and without any anchor too."""
    fails(path, reason, world.ca_pem)
    fails(path, reason, None)


def by(holder: pki.Holder, chain: list[x509.Certificate] | None = None, **kw: object):  # type: ignore[no-untyped-def]
    return lambda content: pki.sign_cms(content, holder, chain or [], **kw)  # type: ignore[arg-type]


def edit_text(files: dict[str, bytes]) -> None:
    rel = next(r for r in files if r.endswith("transcript.json"))
    files[rel] = files[rel].replace(b"Nota morgen", b"Nota vandaag")


# -- the verdict needs an anchor -------------------------------------------------------
def test_a_good_bundle_passes_only_with_a_trust_anchor(world: World) -> None:
    good = verify_bundle(world.bundle, world.ca_pem)
    assert good.ok, good.text()
    assert good.verdict == "valid"
    assert "Verdict: all checks hold" in good.text()
    data = good.as_dict()
    assert data["trust"]["ok"] and data["trust"]["anchor"] == "Test Root CA"
    assert data["signature"]["signer"] == "Minister Test"
    assert data["integrity"]["ok"] and data["approval"]["ok"]
    assert data["timestamp"]["present"] is False
    assert data["trust"]["revocation"] == "not checked"
    assert data["trust"]["time_source"].startswith("now")

    alone = verify_bundle(world.bundle)
    assert not alone.ok
    assert alone.verdict == "not trusted"
    assert alone.as_dict()["integrity"]["ok"] and not alone.as_dict()["trust"]["ok"]
    assert "NOT TRUSTED" in alone.text() and "no trust anchor" in alone.text()
    assert "all checks hold" not in alone.text()


def test_a_trust_store_folder_is_an_anchor(world: World, tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    world.root.pem(store, "root.crt")
    assert verify_bundle(world.bundle, trust_stores=[store]).ok
    other = tmp_path / "other"
    other.mkdir()
    pki.ca("Another CA").pem(other, "x.pem")
    report = verify_bundle(world.bundle, trust_stores=[other])
    assert not report.ok and "does not chain to a trust anchor" in problems(report)


# -- forgeries -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "edit",
    [
        edit_text,
        lambda f: f.pop(next(r for r, d in f.items() if d == b"bijlage")),  # the attachment
        pki.rewrite_review_log,
    ],
    ids=["edited content", "removed attachment", "rewritten review log"],
)
def test_forged_with_a_self_signed_certificate_in_the_ministers_name(
    world: World, edit: object
) -> None:
    out = world.path("forged.zip")
    pki.reseal(world.bundle, out, by(world.forger), edit)  # type: ignore[arg-type]
    report = fails(out, "no trust anchor", None)
    assert report.verdict == "not trusted"
    fails(out, "does not chain to a trust anchor", world.ca_pem)


def test_resigned_by_another_holder_of_the_same_ca(world: World) -> None:
    out = world.path("eve.zip")
    pki.reseal(world.bundle, out, by(world.eve, [world.root.cert]), edit_text)
    fails_both_ways(out, "but the certificate that signed is", world)
    # Eve cannot keep the minister's approval either: once she names herself, the
    # verdict names her, from her certificate, and the approval is only a claim.
    honest = world.path("eve2.zip")

    def edit(files: dict[str, bytes]) -> None:
        edit_text(files)
        pki.set_info(files, "Signer", world.eve.cert.subject.rfc4514_string())

    pki.reseal(world.bundle, honest, by(world.eve, [world.root.cert]), edit)
    report = verify_bundle(honest, world.ca_pem)
    assert report.info["signed by"].startswith("Eve")
    # The minister's signed approval still names the minister, from her certificate.
    assert report.facts["approval"]["status"] == "approved by Minister Test"


def test_expired_certificate_backdated_signature(world: World) -> None:
    old = pki.leaf(
        "Minister Test",
        world.root,
        not_before=dt.datetime(2019, 1, 1, tzinfo=dt.UTC),
        not_after=dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
    )
    out = world.path("backdated.zip")
    sign = by(old, [world.root.cert], signing_time=dt.datetime(2020, 6, 1, tzinfo=dt.UTC))

    def edit(files: dict[str, bytes]) -> None:
        edit_text(files)
        pki.set_info(files, "Signer", old.cert.subject.rfc4514_string())

    pki.reseal(world.bundle, out, sign, edit)
    fails_both_ways(out, "was not valid at", world)


# -- every byte is covered ----------------------------------------------------------------
def added(world: World, rel: str, data: bytes, name: str) -> Path:
    root, files = pki.read_bag(world.bundle)
    files[rel] = data
    out = world.path(name)
    pki.write_bag(out, root, files)
    return out


@pytest.mark.parametrize(
    "rel", ["tagmanifest-notes/secret.pdf", "tagmanifest-sha256.txt", "manifest-md5.txt"]
)
def test_a_file_outside_the_signed_manifest_fails_whatever_its_name(world: World, rel: str) -> None:
    out = added(world, rel, b"%PDF-1.4 secret", "extra.zip")
    fails_both_ways(out, f"{rel}: not listed in {TAG_MANIFEST}", world)


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.replace(b"a", b"A", 1),
        lambda b: b + b"\n\n",
        lambda b: b.replace(b"  ", b" *", 1),
    ],
    ids=["upper-cased hex digit", "blank lines appended", "binary marker"],
)
def test_the_tag_manifest_is_signed_byte_for_byte(world: World, change: object) -> None:
    root, files = pki.read_bag(world.bundle)
    files[TAG_MANIFEST] = change(files[TAG_MANIFEST])  # type: ignore[operator]
    out = world.path("tagman.zip")
    pki.write_bag(out, root, files)
    fails_both_ways(out, "the signed digest does not match", world)


def test_zip_comment_and_bytes_around_the_zip(world: World) -> None:
    raw = world.bundle.read_bytes()
    commented = world.path("comment.zip")
    commented.write_bytes(raw)
    with zipfile.ZipFile(commented, "a") as z:
        z.comment = b"hello"
    fails_both_ways(commented, "comment", world)
    appended = world.path("appended.zip")
    appended.write_bytes(raw + b"trailing bytes")
    fails_both_ways(appended, "bytes after its end record", world)
    prepended = world.path("prepended.zip")
    prepended.write_bytes(b"MZ" + bytes(64) + raw)
    report = verify_bundle(prepended, world.ca_pem)
    assert not report.ok
    assert not report.as_dict()["integrity"]["ok"]


def test_an_extra_empty_folder(world: World) -> None:
    out = world.path("folder.zip")
    root, files = pki.read_bag(world.bundle)
    pki.write_bag(out, root, files)
    assert verify_bundle(out, world.ca_pem).ok  # the helper itself writes a good bag
    with zipfile.ZipFile(out, "a") as z:
        info = zipfile.ZipInfo(f"{root}/tagmanifest-x/", date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (0o40755 << 16) | 0x10
        info.create_system = 3
        z.writestr(info, b"")
    fails_both_ways(out, "a folder that is not part of the bag", world)


# -- the CMS holds what chatsafe puts in it and nothing more -----------------------------
def test_extra_signed_or_unsigned_attribute(world: World) -> None:
    out = world.path("attr.zip")
    root, files = pki.read_bag(world.bundle)
    for kw, reason in (
        ({"extra_signed": [pki.extra_attribute()]}, "unexpected signed attribute"),
        ({"unsigned": [pki.extra_attribute()]}, "unexpected unsigned attribute"),
    ):
        files[SIGNATURE_NAME] = pki.sign_cms(
            files[TAG_MANIFEST], world.minister, [world.root.cert], **kw
        )  # type: ignore[arg-type]
        pki.write_bag(out, root, files)
        fails_both_ways(out, reason, world)


def test_extra_certificate(world: World) -> None:
    out = world.path("certs.zip")
    root, files = pki.read_bag(world.bundle)
    files[SIGNATURE_NAME] = pki.sign_cms(
        files[TAG_MANIFEST], world.minister, [world.root.cert, world.eve.cert]
    )
    pki.write_bag(out, root, files)
    fails_both_ways(out, "not on the signer's chain: CN=Eve", world)


def test_the_signers_own_chain_is_not_extra(world: World) -> None:
    # cryptography's builder (what chatsafe signs with) gives the same verdict.
    out = world.path("builder.zip")
    root, files = pki.read_bag(world.bundle)
    from cryptography.hazmat.primitives import hashes

    files[SIGNATURE_NAME] = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(files[TAG_MANIFEST])
        .add_signer(world.minister.cert, world.minister.key, hashes.SHA256())
        .add_certificate(world.root.cert)
        .sign(Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    pki.write_bag(out, root, files)
    assert verify_bundle(out, world.ca_pem).ok


# -- a real chain check ---------------------------------------------------------------------
def signed_through(world: World, signer: pki.Holder, chain: list[x509.Certificate]) -> Path:
    out = world.path("chain.zip")

    def edit(files: dict[str, bytes]) -> None:
        pki.set_info(files, "Signer", signer.cert.subject.rfc4514_string())

    pki.reseal(world.bundle, out, by(signer, chain), edit)
    return out


def test_ca_without_key_cert_sign(world: World, tmp_path: Path) -> None:
    bad = pki.ca("Lax CA", key_cert_sign=False)
    out = signed_through(world, pki.leaf("Minister Test", bad), [bad.cert])
    # The archive's CA stays an anchor: the minister's signed approval chains to it.
    anchors = [bad.pem(tmp_path, "b.pem"), world.ca_pem]
    report = fails(out, "may not sign certificates (no keyCertSign)", anchors)
    fails(out, "no trust anchor", None)
    assert report.verdict == "not trusted"


def test_a_certificate_that_is_no_ca(world: World, tmp_path: Path) -> None:
    out = signed_through(world, pki.leaf("Minister Test", world.eve), [world.eve.cert])
    fails(out, "is not a CA", world.ca_pem)  # Eve's certificate is no CA


def test_path_length_violation(world: World, tmp_path: Path) -> None:
    root = pki.ca("Strict Root", path_length=0)
    sub = pki.ca("Sub CA", issuer=root)
    out = signed_through(world, pki.leaf("Minister Test", sub), [sub.cert, root.cert])
    fails(out, "path length", [root.pem(tmp_path, "r.pem"), world.ca_pem])
    fails(out, "no trust anchor", None)
    # The same chain under a root that allows one CA below it holds.
    ok_root = pki.ca("Root", path_length=1)
    ok_sub = pki.ca("Sub CA", issuer=ok_root)
    good = signed_through(world, pki.leaf("Minister Test", ok_sub), [ok_sub.cert])
    report = verify_bundle(good, [ok_root.pem(tmp_path, "ok.pem"), world.ca_pem])
    assert report.ok, report.text()


def test_name_constraints(world: World, tmp_path: Path) -> None:
    only_ministry = x509.NameConstraints(
        permitted_subtrees=[
            x509.DirectoryName(
                x509.Name(
                    [
                        x509.NameAttribute(x509.NameOID.COUNTRY_NAME, "NL"),
                        x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "Test Ministerie"),
                    ]
                )
            )
        ],
        excluded_subtrees=None,
    )
    root = pki.ca("Constrained Root", name_constraints=only_ministry)
    outsider = pki.leaf("Minister Test", root, org="Elders BV")
    out = signed_through(world, outsider, [root.cert])
    fails(out, "does not chain", [root.pem(tmp_path, "nc.pem"), world.ca_pem])


# -- revocation ------------------------------------------------------------------------------
def test_revocation(world: World, tmp_path: Path) -> None:
    clean = tmp_path / "clean.crl"
    clean.write_bytes(pki.crl(world.root, []))
    report = verify_bundle(world.bundle, world.ca_pem, crls=[clean])
    assert report.ok and report.facts["trust"]["revocation"] == "checked"
    revoked = tmp_path / "revoked.crl"
    revoked.write_bytes(pki.crl(world.root, [(world.minister.cert, NOW - dt.timedelta(hours=2))]))
    report = verify_bundle(world.bundle, world.ca_pem, crls=[revoked])
    assert not report.ok and "was revoked on" in problems(report)
    forged = tmp_path / "forged.crl"
    forged.write_bytes(pki.crl(pki.ca("Test Root CA"), []))
    report = verify_bundle(world.bundle, world.ca_pem, crls=[forged])
    assert not report.ok and "not signed by that CA" in problems(report)


def test_ocsp_responses_embedded_in_the_signature(world: World) -> None:
    root, files = pki.read_bag(world.bundle)
    out = world.path("ocsp.zip")
    hour_ago = NOW - dt.timedelta(hours=1)
    cases = {
        "good": pki.ocsp_response(world.minister.cert, world.root),
        "revoked": pki.ocsp_response(world.minister.cert, world.root, revoked_at=hour_ago),
        "forged": pki.ocsp_response(world.minister.cert, world.root, signed_by=world.eve),
    }
    reports = {}
    for label, response in cases.items():
        files[SIGNATURE_NAME] = pki.sign_cms(
            files[TAG_MANIFEST], world.minister, [world.root.cert], ocsp=[response]
        )
        pki.write_bag(out, root, files)
        reports[label] = verify_bundle(out, world.ca_pem)
    assert reports["good"].ok, reports["good"].text()
    assert reports["good"].facts["trust"]["revocation"] == "checked"
    assert not reports["revoked"].ok and "was revoked on" in problems(reports["revoked"])
    assert not reports["forged"].ok
    assert "is not signed by Test Root CA" in problems(reports["forged"])


# -- random damage --------------------------------------------------------------------------
def test_200_byte_flips_inside_the_bags_files_all_fail(world: World) -> None:
    root, files = pki.read_bag(world.bundle)
    names = sorted(files)
    rnd = random.Random(20261126)
    out = world.path("flip.zip")
    for _ in range(200):
        rel = rnd.choice(names)
        data = bytearray(files[rel])
        pos = rnd.randrange(len(data))
        data[pos] ^= rnd.randrange(1, 256)
        pki.write_bag(out, root, {**files, rel: bytes(data)})
        report = verify_bundle(out, world.ca_pem)
        assert not report.ok, (rel, pos)
        assert not report.as_dict()["integrity"]["ok"] or not report.as_dict()["signature"]["ok"], (
            rel,
            pos,
        )


def test_200_raw_flips_in_the_zip_all_fail(world: World) -> None:
    raw = world.bundle.read_bytes()
    rnd = random.Random(3161)
    out = world.path("raw.zip")
    for pos in rnd.sample(range(len(raw)), 200):
        changed = bytearray(raw)
        changed[pos] ^= rnd.randrange(1, 256)
        out.write_bytes(bytes(changed))
        assert not verify_bundle(out, world.ca_pem).ok, f"a flip at byte {pos} went unnoticed"


def test_json_fields_of_the_cli(world: World) -> None:
    data = verify_bundle(world.bundle, world.ca_pem).as_dict()
    for field in ("ok", "verdict", "integrity", "signature", "trust", "approval", "timestamp"):
        assert field in data
    json.dumps(data)
