"""RFC 3161 timestamps (issue 11): a bundle stamped by a trusted TSA is checked at the
timestamp's time, so it still verifies after the signer's certificate expired; a token
that is over another signature, from an untrusted TSA, or missing falls back to now.

The TSA is tests.tsa on the loopback address; the clock is simulated by certificate
dates and the TSA's chosen time, never by sleeping.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms  # type: ignore[import-untyped]

from chatsafe.bundle import builder
from chatsafe.bundle.bagit_writer import SIGNATURE_NAME
from chatsafe.bundle.signing import SoftwareSigner
from chatsafe.bundle.timestamp import TimestampError, Tsa
from chatsafe.bundle.verify import Report, verify_bundle
from tests import pki, tsa
from tests.bundle_support import build_case
from tests.unit.test_bundle_tamper import SPEC

UTC = dt.UTC
IN_2020 = dt.datetime(2020, 6, 1, 12, 0, tzinfo=UTC)


class World:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.root = pki.ca("Test Root CA")
        self.ca_pem = self.root.pem(tmp, "ca.pem")
        self.tsa = tsa.Authority(tsa.tsa_holder(self.root), [])
        self.minister = pki.leaf("Minister Test", self.root)
        # A certificate that expired in 2021: it signed in 2020, as the TSA attests.
        self.expired = pki.leaf(
            "Minister Test",
            self.root,
            not_before=dt.datetime(2019, 1, 1, tzinfo=UTC),
            not_after=dt.datetime(2021, 1, 1, tzinfo=UTC),
        )
        self.n = 0

    def bundle(self, holder: pki.Holder, url: str | None) -> Path:
        self.n += 1
        mp = pytest.MonkeyPatch()
        try:
            case = build_case(self.tmp / f"c{self.n}.chatsafe", SPEC, mp)
        finally:
            mp.undo()
        out = self.tmp / f"b{self.n}.zip"
        signer = SoftwareSigner(holder.key, holder.cert, [self.root.cert])
        try:
            builder.make_bundle(
                case,
                out,
                signer,
                by="Minister Test",
                role="minister",
                tsa=Tsa(url) if url else None,
            )
        finally:
            case.close()
        return out


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("ts"))


def problems(report: Report) -> str:
    return "\n".join(p for c in report.checks for p in c.problems)


def test_a_timestamped_bundle_verifies_at_the_timestamps_time(world: World) -> None:
    world.tsa.time = pki.NOW
    with tsa.serve(world.tsa) as url:
        out = world.bundle(world.minister, url)
    report = verify_bundle(out, world.ca_pem)
    assert report.ok, report.text()
    facts = report.as_dict()
    assert facts["timestamp"]["present"] is True and facts["timestamp"]["ok"] is True
    assert facts["timestamp"]["tsa"] == "Test TSA"
    assert "timestamp" in facts["trust"]["time_source"]
    assert "timestamped by Test TSA" in report.text()
    # Without an anchor neither the signer nor the TSA is trusted.
    alone = verify_bundle(out)
    assert alone.verdict == "not trusted", alone.text()


def test_still_verifies_after_the_signers_certificate_expired(world: World) -> None:
    world.tsa.time = IN_2020
    with tsa.serve(world.tsa) as url:
        out = world.bundle(world.expired, url)
    world.tsa.time = pki.NOW
    report = verify_bundle(out, world.ca_pem)
    assert report.ok, report.text()
    assert report.facts["trust"]["validated_at"].startswith("2020-06-01")
    # The same certificate without a timestamp is checked now, and has expired.
    plain = world.bundle(world.expired, None)
    report = verify_bundle(plain, world.ca_pem)
    assert not report.ok and "was not valid at" in problems(report)


def test_a_timestamp_before_the_certificate_was_issued_fails(world: World) -> None:
    world.tsa.time = dt.datetime(2018, 1, 1, tzinfo=UTC)
    with tsa.serve(world.tsa) as url:
        out = world.bundle(world.expired, url)
    world.tsa.time = pki.NOW
    report = verify_bundle(out, world.ca_pem)
    assert not report.ok and "was not valid at 2018-01-01" in problems(report)


def _token(path: Path) -> asn1_cms.CMSAttributes:
    root, files = pki.read_bag(path)
    info = asn1_cms.ContentInfo.load(files[SIGNATURE_NAME])
    return info["content"]["signer_infos"][0]["unsigned_attrs"]


def test_a_token_moved_from_another_bundle_fails(world: World) -> None:
    world.tsa.time = pki.NOW
    with tsa.serve(world.tsa) as url:
        donor = world.bundle(world.minister, url)
    target = world.bundle(world.minister, None)
    root, files = pki.read_bag(target)
    info = asn1_cms.ContentInfo.load(files[SIGNATURE_NAME])
    info["content"]["signer_infos"][0]["unsigned_attrs"] = _token(donor)
    files[SIGNATURE_NAME] = info.dump(force=True)
    out = world.tmp / "moved.zip"
    pki.write_bag(out, root, files)
    report = verify_bundle(out, world.ca_pem)
    assert not report.ok and "imprint does not match" in problems(report)


def test_a_tsa_the_archive_does_not_trust(world: World) -> None:
    stranger = tsa.Authority(tsa.tsa_holder(pki.ca("Other CA")), [])
    with tsa.serve(stranger) as url:
        out = world.bundle(world.minister, url)
    report = verify_bundle(out, world.ca_pem)
    assert not report.ok
    assert "time-stamping authority Test TSA" in problems(report)
    assert "does not chain to a trust anchor" in problems(report)


def test_a_tsa_that_signs_another_imprint_is_refused_when_bundling(world: World) -> None:
    liar = tsa.Authority(world.tsa.holder, [], imprint_override=b"\x00" * 32)
    with tsa.serve(liar) as url, pytest.raises(TimestampError, match="imprint"):
        world.bundle(world.minister, url)
    assert not list(world.tmp.glob(f"b{world.n}.zip"))


def test_a_tsa_that_does_not_answer_stops_the_bundle(world: World) -> None:
    with tsa.serve(world.tsa) as url:
        pass  # the server is gone: nothing listens on that port any more
    with pytest.raises(TimestampError, match="did not answer"):
        world.bundle(world.minister, url)
    assert not list(world.tmp.glob(f"b{world.n}.zip"))
