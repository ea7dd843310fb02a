"""The archive's own tools agree (issue 11): the "checking without chatsafe" lines of
docs/bundle.md succeed on a good bundle and fail on each forgery, run as written
(bagit-python, openssl without ``-purpose any``, find/cut/diff)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import pki
from tests.unit.test_verify_trust import World, by, edit_text, world  # noqa: F401

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle.md"


def script(ca: Path) -> str:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"## Checking without chatsafe\n\n```sh\n(.*?)```", text, re.S)
    assert block, "docs/bundle.md lost its 'Checking without chatsafe' commands"
    lines = block.group(1).replace("\\\n", " ").split("\n")
    # unzip is done here; xmllint against MDTO is tested elsewhere (it needs ../shared).
    kept = [ln for ln in lines if ln and not ln.startswith(("unzip", "xmllint", "#"))]
    body = "\n".join(kept).replace("ca.pem", str(ca))
    return body.replace("python -m bagit", f"{sys.executable} -m bagit")


def standard_tools_accept(bundle: Path, ca: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp / "unzipped"
    shutil.rmtree(folder, ignore_errors=True)
    with zipfile.ZipFile(bundle) as z:
        z.extractall(folder)
    (bag,) = folder.iterdir()
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script(ca)],
        cwd=bag,
        capture_output=True,
        text=True,
    )


def test_a_good_bundle_passes_the_standard_tools(world: World, tmp_path: Path) -> None:  # noqa: F811
    proc = standard_tools_accept(world.bundle, world.ca_pem, tmp_path)
    assert proc.returncode == 0, proc.stderr


def _signer_named(holder: pki.Holder) -> Callable[[dict[str, bytes]], None]:
    def edit(files: dict[str, bytes]) -> None:
        edit_text(files)
        pki.set_info(files, "Signer", holder.cert.subject.rfc4514_string())

    return edit


def test_each_forgery_fails_with_the_standard_tools(world: World, tmp_path: Path) -> None:  # noqa: F811
    expired = pki.leaf(
        "Minister Test",
        world.root,
        not_before=dt.datetime(2019, 1, 1, tzinfo=dt.UTC),
        not_after=dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
    )
    backdated = by(
        expired, [world.root.cert], signing_time=dt.datetime(2020, 6, 1, tzinfo=dt.UTC)
    )
    attacks: dict[str, tuple[Callable[[bytes], bytes], Callable[[dict[str, bytes]], None]]] = {
        "self-signed forgery": (by(world.forger), edit_text),
        "another holder of the CA": (by(world.eve, [world.root.cert]), edit_text),
        "expired and backdated": (backdated, _signer_named(expired)),
        "extra tagmanifest-* file": (
            by(world.minister, [world.root.cert]),
            lambda f: f.update({"tagmanifest-notes/secret.pdf": b"%PDF"}),
        ),
    }
    for label, (sign, edit) in attacks.items():
        out = tmp_path / "attack.zip"
        if label.startswith("extra"):
            root, files = pki.read_bag(world.bundle)
            edit(files)
            pki.write_bag(out, root, files)
        else:
            pki.reseal(world.bundle, out, sign, edit)
        proc = standard_tools_accept(out, world.ca_pem, tmp_path)
        assert proc.returncode != 0, f"the standard tools accepted: {label}"
    root, files = pki.read_bag(world.bundle)
    files["tagmanifest-sha512.txt"] += b"\n\n"
    pki.write_bag(tmp_path / "edited.zip", root, files)
    proc = standard_tools_accept(tmp_path / "edited.zip", world.ca_pem, tmp_path)
    assert proc.returncode != 0, "the standard tools accepted an edited tag manifest"
