"""``chatsafe verify``: everything an archive checks on a bundle, in one report.

The zip is checked byte for byte (chatsafe.bundle.zipcheck) and read safely in memory
(chatsafe.sources.ZipSource: no extraction, limits on names, sizes and ratios). Then:
the bag's declaration; every file accounted for (payload files in both payload
manifests, every other file in the signed tag manifest, nothing else but the signature);
fixity and Payload-Oxum; the CMS signature over the tag manifest, the names in bag-info
against the certificate, and the signer's chain to a trust anchor
(chatsafe.bundle.verify_signature); every MDTO file against the MDTO 1.0.1 schema; and
the review-log chain and its head in bag-info; the evidence a bundle must carry
(chatsafe.bundle.verify_evidence). Each failure names the file it concerns.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from chatsafe.bundle import evidence, reviewlog, sip, trust, verify_signature, zipcheck
from chatsafe.bundle.bagit_writer import (
    ALGORITHMS,
    SIGNATURE_NAME,
    TAG_ALGORITHM,
    TAG_MANIFEST,
    decode_path,
)
from chatsafe.bundle.verify_approval import check_approval
from chatsafe.bundle.verify_evidence import check_evidence
from chatsafe.bundle.verify_report import Check, Report
from chatsafe.errors import ChatsafeError
from chatsafe.sources import Limits, ZipSource

__all__ = ["Check", "Report", "verify_bundle"]
_DIGEST_LENGTH = {"sha256": 64, "sha512": 128}

_TAG_LIMIT = 256 * 1024 * 1024
LIMITS = Limits(max_members=1_000_000, max_member_bytes=8 * 1024**3, max_total_bytes=64 * 1024**3)


@functools.lru_cache(maxsize=1)
def _schema() -> Any:
    import xmlschema

    xsd = resources.files("chatsafe.data").joinpath("MDTO-XML1.0.1.xsd")
    with resources.as_file(xsd) as path:
        return xmlschema.XMLSchema(str(path))


def parse_tag_file(text: str) -> list[tuple[str, str]]:
    """bag-info style ``Label: value`` lines (continuations start with whitespace)."""
    out: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if line[0] in " \t" and out:
            out[-1] = (out[-1][0], out[-1][1] + " " + line.strip())
            continue
        label, sep, value = line.partition(":")
        out.append((label.strip(), value.strip() if sep else "\x00"))
    return out


def parse_manifest(text: str, name: str, problems: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    alg = name.rsplit("-", 1)[-1].removesuffix(".txt")
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        digest, sep, path = line.partition(" ")
        path = path.lstrip(" ").lstrip("*")
        if (
            not sep
            or not path
            or not all(ch in "0123456789abcdef" for ch in digest.lower())
            or len(digest) != _DIGEST_LENGTH.get(alg, len(digest))
        ):
            problems.append(f"{name}:{n}: not a manifest line")
            continue
        rel = decode_path(path)
        if rel in entries:
            problems.append(f"{name}:{n}: {rel} is listed twice")
        entries[rel] = digest.lower()
    return entries


def verify_bundle(
    path: Path,
    ca: Path | Iterable[Path] | None = None,
    *,
    crls: Iterable[Path] = (),
    trust_stores: Iterable[Path] = (),
) -> Report:
    """Check the bundle at ``path``. ``ca`` files and ``trust_stores`` folders hold the
    trust anchors; without any, the signer is not trusted and the report is not ok."""
    report = Report(str(path))
    given = verify_signature.TrustInput()
    ca_files = [ca] if isinstance(ca, (str, Path)) else list(ca or [])
    try:
        given.anchors = trust.load_anchors(ca_files, trust_stores)
        given.crls = trust.load_crls(crls)
    except trust.TrustError as exc:
        given.problems.append(str(exc))
    container = report.check("zip container (exactly as chatsafe writes it)")
    try:
        with open(path, "rb") as f:
            container.problems += zipcheck.check(f)
    except OSError as exc:
        container.problems.append(f"{path}: cannot be read ({exc.strerror})")
        return report
    opened = report.check("zip archive (read safely in memory)")
    try:
        src = ZipSource(Path(path), LIMITS)
    except ChatsafeError as exc:
        opened.problems.append(str(exc))
        return report
    except Exception as exc:  # a damaged central directory can raise many things
        opened.problems.append(f"{path}: not a readable zip archive ({type(exc).__name__})")
        return report
    with src:
        try:
            _verify(src, report, given)
        except Exception as exc:  # never a traceback for a damaged bundle: a failure
            report.check("reading the bundle").problems.append(
                f"the bundle is damaged ({type(exc).__name__}: {exc})"
            )
    return report


def _folder_entries(path: Path, root: str, files: Iterable[str], check: Check) -> None:
    """Folder entries hold no bytes; only data/ (RFC 8493 requires it even when empty)
    and folders that hold files may appear, so nothing can hide in an empty one."""
    holding = {f"{root}/data/"}
    for rel in files:
        parts = rel.split("/")[:-1]
        holding |= {f"{root}/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if not info.is_dir():
                continue
            if info.filename not in holding:
                check.problems.append(f"{info.filename}: a folder that is not part of the bag")
            try:
                if z.read(info):
                    check.problems.append(f"{info.filename}: a folder entry with content")
            except Exception as exc:  # BadZipFile and friends
                check.problems.append(f"{info.filename}: damaged folder entry ({exc})")


def _read_tag(src: ZipSource, member: str, check: Check, label: str) -> bytes | None:
    try:
        if src.size(member) > _TAG_LIMIT:
            check.problems.append(f"{label}: too large for a tag file")
            return None
        return src.read(member)
    except (KeyError, ChatsafeError) as exc:
        check.problems.append(f"{label}: cannot be read ({exc})")
        return None


def _verify(src: ZipSource, report: Report, given: verify_signature.TrustInput) -> None:
    structure = report.check("bag structure (one bag folder, bagit.txt)")
    names = [n for n in src.names() if not n.endswith("/")]
    roots = {n.split("/", 1)[0] for n in names}
    if len(roots) != 1 or any("/" not in n for n in names):
        structure.problems.append(
            f"the zip must hold exactly one bag folder, found {sorted(roots)}"
        )
        return
    root = roots.pop()
    report.info["bag"] = root
    files = {n[len(root) + 1 :]: n for n in names}
    _folder_entries(src.path, root, files, structure)
    tag = {k: v for k, v in files.items() if not k.startswith("data/")}
    data = {k: v for k, v in files.items() if k.startswith("data/")}

    def read(rel: str, check: Check) -> bytes | None:
        if rel not in files:
            check.problems.append(f"{rel}: missing")
            return None
        return _read_tag(src, files[rel], check, rel)

    bagit_txt = read("bagit.txt", structure)
    if bagit_txt is not None:
        decl = dict(parse_tag_file(bagit_txt.decode("utf-8", "replace")))
        if decl.get("BagIt-Version") != "1.0":
            structure.problems.append("bagit.txt: BagIt-Version is not 1.0")
        if decl.get("Tag-File-Character-Encoding", "").upper() != "UTF-8":
            structure.problems.append("bagit.txt: Tag-File-Character-Encoding is not UTF-8")

    info_check = report.check("bag-info.txt")
    bag_info: dict[str, str] = {}
    raw_info = read("bag-info.txt", info_check)
    if raw_info is not None:
        try:
            bag_info = dict(parse_tag_file(raw_info.decode("utf-8")))
        except UnicodeDecodeError:
            info_check.problems.append("bag-info.txt: not UTF-8")
        for label in (
            "Source-Organization",
            "External-Identifier",
            "Bagging-Date",
            "Payload-Oxum",
            "Bag-Software-Agent",
            "Review-Log-Head",
        ):
            if label not in bag_info:
                info_check.problems.append(f"bag-info.txt: no {label}")
        for label in ("Source-Organization", "External-Identifier", "Bagging-Date"):
            if label in bag_info:
                report.info[label] = bag_info[label]

    _fixity(src, report, files, data, read, bag_info)
    _tags(src, report, tag, read)
    at = verify_signature.check(report, read, bag_info, given)
    _mdto(src, report, data)
    _review_log(report, read, files, bag_info)
    check_evidence(report, files, read, bag_info)
    check_approval(report, files, read, bag_info, given, at)


def _fixity(
    src: ZipSource,
    report: Report,
    files: dict[str, str],
    data: dict[str, str],
    read: Any,
    bag_info: dict[str, str],
) -> None:
    check = report.check("payload: completeness and fixity (manifest-sha256, manifest-sha512)")
    manifests: dict[str, dict[str, str]] = {}
    for alg in ALGORITHMS:
        raw = read(f"manifest-{alg}.txt", check)
        if raw is not None:
            manifests[alg] = parse_manifest(
                raw.decode("utf-8", "replace"), f"manifest-{alg}.txt", check.problems
            )
    total = 0
    for rel in sorted(data):
        hashes = {a: hashlib.new(a) for a in ALGORITHMS}
        size = 0
        try:
            for chunk in src.chunks(data[rel]):
                size += len(chunk)
                for h in hashes.values():
                    h.update(chunk)
        except ChatsafeError as exc:
            check.problems.append(f"{rel}: cannot be read ({exc})")
            continue
        total += size
        for alg, entries in manifests.items():
            if rel not in entries:
                check.problems.append(f"{rel}: not listed in manifest-{alg}.txt (added?)")
            elif entries[rel] != hashes[alg].hexdigest():
                check.problems.append(
                    f"{rel}: {alg.upper()} does not match manifest-{alg}.txt (changed?)"
                )
    for alg, entries in manifests.items():
        for rel in sorted(set(entries) - set(data)):
            check.problems.append(f"{rel}: listed in manifest-{alg}.txt but missing (removed?)")
    oxum = bag_info.get("Payload-Oxum")
    if oxum is not None:
        expected = f"{total}.{len(data)}"
        if oxum != expected:
            check.problems.append(
                f"bag-info.txt: Payload-Oxum {oxum} but the payload is {expected}"
            )
    check.notes.append(f"{len(data)} payload files, {total:,} bytes")
    report.info["payload files"] = len(data)


def _tags(src: ZipSource, report: Report, tag: dict[str, str], read: Any) -> None:
    check = report.check(f"tag files (every file outside data/ listed in {TAG_MANIFEST})")
    raw = read(TAG_MANIFEST, check)
    if raw is None:
        return
    entries = parse_manifest(raw.decode("utf-8", "replace"), TAG_MANIFEST, check.problems)
    # Whatever its name, a file the signed manifest does not list is not covered by the
    # signature: it fails, so nothing can be slipped in beside the sealed record.
    for rel in sorted(set(tag) - set(entries) - {TAG_MANIFEST, SIGNATURE_NAME}):
        check.problems.append(
            f"{rel}: not listed in {TAG_MANIFEST}, so not covered by the signature (added?)"
        )
    for rel, digest in sorted(entries.items()):
        if rel in (TAG_MANIFEST, SIGNATURE_NAME) or rel.startswith("data/"):
            check.problems.append(f"{TAG_MANIFEST}: lists {rel}, which is no tag file")
            continue
        if rel not in tag:
            check.problems.append(f"{rel}: listed in {TAG_MANIFEST} but missing (removed?)")
            continue
        body = _read_tag(src, tag[rel], check, rel)
        if body is not None and hashlib.new(TAG_ALGORITHM, body).hexdigest() != digest:
            check.problems.append(
                f"{rel}: {TAG_ALGORITHM.upper()} does not match {TAG_MANIFEST} (changed?)"
            )


def _mdto(src: ZipSource, report: Report, data: dict[str, str]) -> None:
    check = report.check("MDTO 1.0.1 metadata (every .mdto.xml against the schema)")
    import xmlschema

    schema = _schema()
    sidecars = {k for k in data if k.endswith(sip.SIDECAR)}
    # The MDTO SIP layout (bundle/sip.py): a file's sidecar beside it, a folder's inside it.
    for rel in sorted(set(data) - sidecars):
        if sip.file_sidecar(rel) not in sidecars:
            check.problems.append(f"{rel}: has no MDTO file ({sip.file_sidecar(rel)})")
    folders = {k.rsplit("/", i)[0] for k in data for i in range(1, k.count("/"))}
    for folder in sorted(folders - {"data"}):
        if sip.folder_sidecar(folder) not in sidecars:
            check.problems.append(
                f"{folder}: has no MDTO informatieobject ({sip.folder_sidecar(folder)})"
            )
    for rel in sorted(sidecars):
        body = _read_tag(src, data[rel], check, rel)
        if body is None:
            continue
        try:
            resource = xmlschema.XMLResource(io.BytesIO(body), defuse="always")
            errors = list(schema.iter_errors(resource))
        except Exception as exc:  # malformed or hostile XML
            check.problems.append(f"{rel}: not well-formed XML ({type(exc).__name__})")
            continue
        for err in errors[:3]:
            check.problems.append(f"{rel}: {err.reason or err.message}")
    check.notes.append(f"{len(sidecars)} MDTO files")


def _review_log(report: Report, read: Any, files: dict[str, str], bag_info: dict[str, str]) -> None:
    check = report.check("review log (hash chain, head in bag-info)")
    rel = evidence.locate(files, evidence.REVIEW_LOG)
    raw = read(rel, check)
    if raw is None:
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        check.problems.append(f"{rel}: not UTF-8")
        return
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems, head = reviewlog.verify_exported(lines)
    check.problems += [f"{rel}: {p}" for p in problems]
    expected = bag_info.get("Review-Log-Head")
    if expected is not None and expected != head:
        check.problems.append(f"{rel}: its head does not match Review-Log-Head in bag-info.txt")
    sealed = sum(1 for line in lines if '"sealed":true' in line)
    check.notes.append(f"{len(lines)} entries, {sealed} sealed (they carried a written reason)")
