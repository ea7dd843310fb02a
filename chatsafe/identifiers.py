"""Stable identifiers for what leaves a case: the same in every bundle and export.

A conversation's and a message's identifier derive from the case's UUID and what the
case already keeps stable (a conversation's source format and key; a message's 16-byte
identity, see ``ingest.message_identity``), so bundling twice, marking, or exporting to
another format (MDTO bundle, RSMF) names the same thing with the same URN. They are name-
based UUIDs (RFC 9562 version 5) under the case's UUID, written as ``urn:uuid:`` URNs
(RFC 4122 section 3), which archives and review platforms accept as identifiers.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import uuid


def case_urn(case_id: uuid.UUID) -> str:
    """The case itself (the archive creator's collection of this phone's chats)."""
    return f"urn:uuid:{case_id}"


def conversation_urn(case_id: uuid.UUID, source_format: str, key: str) -> str:
    """A conversation, by the (source format, key) pair the case keeps unique."""
    return _urn(case_id, "conversation", source_format, key)


def message_urn(case_id: uuid.UUID, identity: bytes) -> str:
    """A message or event, by its stable 16-byte identity."""
    return _urn(case_id, "message", identity.hex())


def participant_urn(case_id: uuid.UUID, name: str) -> str:
    """A person as the case names them (a sender), the same in every conversation."""
    return _urn(case_id, "participant", name)


def named_urn(case_id: uuid.UUID, name: str) -> str:
    """Any other information object of the case (an exclusion register, a review log)."""
    return _urn(case_id, "object", name)


def part_urn(case_id: uuid.UUID, parent_urn: str, part: str) -> str:
    """A part of an identified object: a conversation's transcript, one of its files.

    ``part`` names the part within its parent (e.g. ``transcript``, ``json``, or an
    attachment's SHA-256), so the same part keeps its URN in every bundle of the case.
    """
    return _urn(case_id, "part", parent_urn, part)


def attachment_urn(case_id: uuid.UUID, conversation_urn: str, sha256: str) -> str:
    """An attachment file of a conversation (the bundle's Archiefstuk, RSMF's archive id),
    by its content: the same file sent twice in one conversation is one object."""
    return part_urn(case_id, conversation_urn, f"attachment:{sha256}")


def withheld_urn(secret: bytes, *parts: str) -> str:
    """A message or conversation that does not leave, as the bundle's evidence names it.

    Not the public URN: that derives from the case's UUID (public) and the message's
    identity, which for exports without native ids hashes the text, so anyone could test
    a guessed text against it. This one is keyed with the case's commitment secret
    (``meta.commitment_secret``): stable across bundles of the case, opaque to everyone
    else, and provable later by disclosing the key, like the commitments. Written as a
    version 8 (custom) UUID, RFC 9562.
    """
    digest = hmac.new(secret, chr(0).join(("withheld", *parts)).encode(), hashlib.sha256)
    b = bytearray(digest.digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x80  # version 8
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 9562 variant
    return f"urn:uuid:{uuid.UUID(bytes=bytes(b))}"


def _urn(case_id: uuid.UUID, *parts: str) -> str:
    """``urn:uuid:`` and ``uuid.uuid5(case_id, NUL.join(parts))``, made directly: a bundle
    names each leaving message twice (360,000 URNs for 180,000 messages), and the
    uuid module's UUID object and its formatting took about 2 s of that. Tests compare
    it with uuid.uuid5."""
    # NUL cannot occur in a source format, a key or a hex identity, so parts never run together.
    name = chr(0).join(parts).encode("utf-8")
    b = bytearray(hashlib.sha1(_namespace(case_id) + name, usedforsecurity=False).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50  # version 5
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 9562 variant
    h = b.hex()
    return f"urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@functools.lru_cache(maxsize=16)
def _namespace(case_id: uuid.UUID) -> bytes:
    return case_id.bytes


__all__ = [
    "attachment_urn",
    "case_urn",
    "conversation_urn",
    "message_urn",
    "named_urn",
    "part_urn",
    "participant_urn",
    "withheld_urn",
]
