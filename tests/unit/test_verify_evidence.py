"""``verify`` requires the evidence in a bundle of the new layout (issue 15): the exclusion
register, the completeness report, the review log and the approval (with its signature
when bag-info says it is signed), each with its sidecars and linked both ways to the
conversations. Each bundle here is built by the real builder, has one piece removed,
and is re-signed with the test PKI, so the signature and fixity hold and only the rule
can catch it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chatsafe.bundle import builder, evidence, signing
from chatsafe.bundle.verify import verify_bundle
from chatsafe.bundle.verify_report import Report
from tests import pki
from tests.bundle_support import SIGNING_PASSPHRASE, Certs, build_case

EVIDENCE_CHECK = "evidence ("
CHATS = "data/chats"

Edit = Callable[[dict[str, bytes]], None]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, certs: Certs) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("made")
    spec = [
        {
            "key": key,
            "title": key.title(),
            "messages": [
                {"sender": "A", "wallclock": f"2024-02-01T08:0{i}:00", "text": f"{key} {i}"}
                for i in range(2)
            ],
        }
        for key in ("begroting", "kamerbrief")
    ]
    with pytest.MonkeyPatch.context() as mp:
        case = build_case(tmp / "c.chatsafe", spec, mp)
        out = tmp / "made.zip"
        signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
        builder.make_bundle(case, out, signer, by="Minister", role="minister")
        case.close()
    yield out


def _resealed(made: Path, certs: Certs, tmp: Path, edit: Edit) -> Report:
    out = tmp / "edited.zip"
    signer = signing.load_p12(certs.p12, SIGNING_PASSPHRASE)
    pki.reseal(made, out, signer.sign, edit)
    return verify_bundle(out, certs.ca_pem)


def _drop_folder(ev: evidence.Evidence) -> Edit:
    def edit(files: dict[str, bytes]) -> None:
        for rel in [r for r in files if r.startswith(f"{CHATS}/{ev.folder}/")]:
            del files[rel]

    return edit


def _drop(*names: str) -> Edit:
    def edit(files: dict[str, bytes]) -> None:
        for name in names:
            folder = name.split(".", 1)[0]
            del files[f"{CHATS}/{folder}/{name}"]

    return edit


def _unlink(which: str) -> Edit:
    """Remove one link between the exclusion register and a conversation: from the
    register's side (``register``) or from the first conversation's (``dossier``)."""
    block = re.compile(r"<gerelateerdInformatieobject>.*?</gerelateerdInformatieobject>", re.S)

    def edit(files: dict[str, bytes]) -> None:
        if which == "register":
            rel = f"{CHATS}/chatsafe-exclusions/chatsafe-exclusions.mdto.xml"
            files[rel] = block.sub("", files[rel].decode(), count=1).encode()
            return
        rel = f"{CHATS}/conversation-0001/conversation-0001.mdto.xml"
        text = files[rel].decode()
        kept = [
            b for b in block.findall(text) if evidence.EXCLUSIONS.name not in b
        ]  # the other evidence stays named
        stripped = block.sub("", text)
        head, sep, tail = stripped.partition("<archiefvormer>")
        files[rel] = (head + "".join(kept) + sep + tail).encode()

    return edit


def _to_metadata(keep_links: bool) -> Edit:
    """The evidence moved out of data/ into the tag files where bundles made before item
    6 kept it; with ``keep_links`` False, the Dossiers' links to it go too (what such a
    bundle really looked like)."""

    def edit(files: dict[str, bytes]) -> None:
        for ev in evidence.ALL:
            for rel in [r for r in files if r.startswith(f"{CHATS}/{ev.folder}/")]:
                data = files.pop(rel)
                if not rel.endswith(".mdto.xml"):
                    extra = rel.rsplit("/", 1)[-1].removeprefix(ev.folder + ev.ext)
                    files[ev.legacy + extra] = data
        if keep_links:
            return
        block = re.compile(r"<gerelateerdInformatieobject>.*?</gerelateerdInformatieobject>")
        for rel in [
            r for r in files if re.fullmatch(rf"{CHATS}/(conversation-\d+)/\1\.mdto\.xml", r)
        ]:
            files[rel] = block.sub("", files[rel].decode()).encode()

    return edit


def _problems(report: Report) -> dict[str, list[str]]:
    return {c.name: c.problems for c in report.checks if c.problems}


def test_the_resealed_bundle_itself_verifies(made: Path, certs: Certs, tmp_path: Path) -> None:
    """The control: re-signing alone breaks nothing, so each failure below is the rule's."""
    report = _resealed(made, certs, tmp_path, lambda files: None)
    assert report.ok, report.text()


# (what is removed, the line verify must give, whether only the evidence rule can see it)
CASES = [
    (
        "exclusion register",
        _drop_folder(evidence.EXCLUSIONS),
        "chatsafe-exclusions.json: missing (a bundle must carry its exclusions)",
        True,
    ),
    (
        "completeness report",
        _drop_folder(evidence.COMPLETENESS),
        "chatsafe-completeness.json: missing (a bundle must carry its completeness)",
        True,
    ),
    (
        "review log",
        _drop_folder(evidence.REVIEW_LOG),
        "chatsafe-review-log.jsonl: missing (a bundle must carry its review-log)",
        False,  # the review-log check misses it too
    ),
    (
        "approval",
        _drop_folder(evidence.APPROVAL),
        "chatsafe-approval.json: missing (a bundle must carry its approval)",
        False,  # so does the approval check
    ),
    (
        "exclusion register's file only",
        _drop("chatsafe-exclusions.json"),
        "chatsafe-exclusions.json: missing (a bundle must carry its exclusions)",
        True,
    ),
    (
        "completeness report's file and its sidecar",
        _drop("chatsafe-completeness.json", "chatsafe-completeness.json.bestand.mdto.xml"),
        "chatsafe-completeness.json: missing (a bundle must carry its completeness)",
        True,
    ),
    (
        "approval's signature",
        _drop("chatsafe-approval.json.p7s", "chatsafe-approval.json.p7s.bestand.mdto.xml"),
        "chatsafe-approval.json.p7s: missing, but bag-info.txt says the approval is signed",
        False,  # the approval check sees Approved-By disagree
    ),
    (
        "exclusion register's file sidecar",
        _drop("chatsafe-exclusions.json.bestand.mdto.xml"),
        "chatsafe-exclusions.json.bestand.mdto.xml: missing (the exclusions's MDTO)",
        False,  # the schema check names a file without its sidecar too
    ),
    (
        "review log's object sidecar",
        _drop("chatsafe-review-log.mdto.xml"),
        "chatsafe-review-log.mdto.xml: missing (the review-log's MDTO)",
        False,
    ),
    (
        "register's link to a conversation",
        _unlink("register"),
        "chatsafe-exclusions.mdto.xml: does not name the conversation",
        True,
    ),
    (
        "conversation's link back to the register",
        _unlink("dossier"),
        "conversation-0001.mdto.xml: does not name the exclusions (Wordt aangehaald door)",
        True,
    ),
    (
        "evidence moved to metadata/ to look old",
        _to_metadata(keep_links=True),
        "metadata/exclusions.json: the exclusions outside the SIP",
        True,
    ),
]


@pytest.mark.parametrize(
    ("edit", "line", "only_rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_signed_bundle_without_its_evidence_is_refused(
    made: Path, certs: Certs, tmp_path: Path, edit: Edit, line: str, only_rule: bool
) -> None:
    report = _resealed(made, certs, tmp_path, edit)
    assert not report.ok
    problems = _problems(report)
    (evidence_check,) = [name for name in problems if name.startswith(EVIDENCE_CHECK)]
    assert any(line in p for p in problems[evidence_check]), problems
    assert all("\n" not in p for p in problems[evidence_check])  # one line each
    if only_rule:
        assert list(problems) == [evidence_check], problems
        assert report.area_ok("signature") and report.area_ok("trust")


def test_a_bundle_of_the_old_layout_still_verifies(
    made: Path, certs: Certs, tmp_path: Path
) -> None:
    report = _resealed(made, certs, tmp_path, _to_metadata(keep_links=False))
    assert report.ok, report.text()
    (check,) = [c for c in report.checks if c.name.startswith(EVIDENCE_CHECK)]
    assert "before the evidence moved" in " ".join(check.notes)
