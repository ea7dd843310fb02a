"""``bag-info.txt``: the bag's description for the archive (RFC 8493 and chatsafe's
profile), built from what the bundle wrote."""

from __future__ import annotations

from chatsafe import __version__
from chatsafe.bundle.sip import SERIES

PROFILE = "urn:chatsafe:bagit-profile:business-chats:1"


def human_size(n: int) -> str:
    """RFC 8493's Bag-Size, for people: '260.4 MB'."""
    if n < 1000:
        return f"{n} B"
    size = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1000
        if size < 1000 or unit == "TB":
            break
    return f"{size:.1f} {unit}"


def one_line(value: str) -> str:
    return " ".join(value.split())


def bag_info(
    *,
    organisation: str,
    external_id: str,
    conversations: int,
    entries: int,
    contact_name: str | None,
    contact_email: str | None,
    bagging_date: str,
    payload_size: int,
    group: str,
    supersedes: str | None,
    review_log_head: str,
    sealed_lines: int,
    approved_by: str,
    leaving_digest: str,
    signer: str,
) -> list[tuple[str, str]]:
    """The labels in order, each value on one line."""
    info = [
        ("Source-Organization", organisation),
        ("External-Identifier", external_id),
        (
            "External-Description",
            f"Business chat messages ({conversations} conversations, {entries} entries) "
            "selected with chatsafe; private, party-political and out-of-period "
            f"messages withheld (data/{SERIES}/chatsafe-exclusions/chatsafe-exclusions.json).",
        ),
        *[
            (label, value)
            for label, value in (("Contact-Name", contact_name), ("Contact-Email", contact_email))
            if value
        ],
        # The organisation's day, not UTC's (a bundle made at 00:30 in The Hague).
        ("Bagging-Date", bagging_date),
        ("Bag-Size", human_size(payload_size)),
        ("Bag-Group-Identifier", group),
        ("Bag-Software-Agent", f"chatsafe {__version__}"),
        ("BagIt-Profile-Identifier", PROFILE),
        *([("Supersedes", supersedes)] if supersedes is not None else []),
        ("Review-Log-Head", review_log_head),
        ("Review-Log-Sealed-Lines", str(sealed_lines)),
        ("Approved-By", approved_by),
        ("Approval-Leaving-Digest", leaving_digest),
        # The certificate's subject exactly: verify compares it with the certificate
        # that signed.
        ("Signer", signer),
    ]
    return [(k, one_line(v)) for k, v in info]
