"""docs/bundle.md shows the bundle's layout as a tree (issue 15); this keeps the tree true:
a bundle of one conversation with one photo and a signed approval holds exactly the
files the tree names, no more and no fewer."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from chatsafe.bundle import builder, signing
from chatsafe.bundle.verify import verify_bundle
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case
from tests.media_samples import MEDIA

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle.md"
SIDECAR = "(+ .bestand.mdto.xml)"


def doc_tree(doc: str | None = None) -> set[str]:
    """The files of the first tree under "## Layout" (paths below the bag folder)."""
    text = (DOC.read_text("utf-8") if doc is None else doc).split("## Layout", 1)[1]
    block = re.search(r"```\n(bundle-<uuid>/\n.*?)```", text, re.S)
    assert block, "docs/bundle.md: no tree under ## Layout"
    files: set[str] = set()
    stack: list[tuple[int, str]] = []  # (indent, folder path)
    for line in block.group(1).split("\n")[1:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        name = line.split()[0]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (stack[-1][1] if stack else "") + name
        if name.endswith("/"):
            stack.append((indent, path))
            continue
        files.add(path)
        if SIDECAR in line:
            files.add(path + ".bestand.mdto.xml")
    return files


def test_the_docs_tree_is_a_real_bundles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, certs: Certs
) -> None:
    spec = [
        {
            "key": "begroting",
            "title": "Begroting",
            "messages": [
                {
                    "sender": "A",
                    "wallclock": "2024-02-01T08:00:00",
                    "text": "De foto van de begroting",
                    "attachments": [{"name": "foto.jpg", "hex": MEDIA["jfif.jpg"]().hex()}],
                },
                {"sender": "A", "wallclock": "2024-02-01T08:01:00", "text": "Zakelijk"},
            ],
        }
    ]
    case = build_case(tmp_path / "c.chatsafe", spec, monkeypatch)
    out = tmp_path / "b.zip"
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    builder.make_bundle(case, out, signer, by="Minister", role="minister")
    case.close()
    assert verify_bundle(out, certs.ca_pem).ok
    with zipfile.ZipFile(out) as z:
        names = [n for n in z.namelist() if not n.endswith("/")]
    root = names[0].split("/", 1)[0]
    assert re.fullmatch(r"bundle-[0-9a-f-]{36}", root)
    real = {n.split("/", 1)[1] for n in names}
    documented = doc_tree()
    assert sorted(documented - real) == [], "in docs/bundle.md but not in the bundle"
    assert sorted(real - documented) == [], "in the bundle but not in docs/bundle.md"


def test_the_tree_reader_sees_a_wrong_tree() -> None:
    """The comparison can fail: a tree missing one line, or one sidecar mark, reads as
    that file fewer."""
    text = DOC.read_text("utf-8")
    full = doc_tree(text)
    short = doc_tree(text.replace("      chatsafe-exclusions.mdto.xml\n", "", 1))
    assert full - short == {"data/chats/chatsafe-exclusions/chatsafe-exclusions.mdto.xml"}
    unmarked = doc_tree(
        text.replace(
            "chatsafe-review-log.jsonl (+ .bestand.mdto.xml)", "chatsafe-review-log.jsonl", 1
        )
    )
    assert full - unmarked == {
        "data/chats/chatsafe-review-log/chatsafe-review-log.jsonl.bestand.mdto.xml"
    }
