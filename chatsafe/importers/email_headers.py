"""Mail headers read once, from the raw values, and decoded for people.

``policy.default`` re-parses a header on every access (and Content-Type on every part
type check), which made a mailbox import about 25 times slower than the parse itself;
messages are therefore parsed with ``compat32`` and the few headers chatsafe shows are
decoded here: RFC 2047 encoded words, raw 8-bit bytes (UTF-8, else Latin-1: a header
is never a reason to refuse a mailbox) and folded lines.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses

_FOLD = re.compile(r"\r?\n[ \t]+")
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _run(match: re.Match[str]) -> str:
    raw = match.group().encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _unescape(value: str) -> str:
    """Turn the parser's surrogate-escaped 8-bit bytes back into text, run by run
    (one header may mix a UTF-8 name with a Latin-1 one)."""
    return _ESCAPED.sub(_run, value) if _ESCAPED.search(value) else value


def decode_words(value: str) -> str:
    """``=?charset?q?…?=`` encoded words as text; the value as it is when they are broken."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError, AssertionError):
        return value


class Headers:
    """The header fields of one message by lower-case name, unfolded."""

    def __init__(self, msg: Message) -> None:
        self.values: dict[str, list[str]] = {}
        for name, value in msg.raw_items():
            text = _FOLD.sub(" ", _unescape(str(value))).strip()
            self.values.setdefault(name.lower(), []).append(text)

    def raw(self, name: str) -> str | None:
        found = self.values.get(name.lower())
        return found[0] if found else None

    def text(self, name: str) -> str | None:
        raw = self.raw(name)
        return None if raw is None else " ".join(decode_words(raw).split())

    def addresses(self, name: str) -> list[tuple[str, str]]:
        """(display name, address) pairs; split before decoding so commas in names hold.

        A header the standard parser cannot read whole (``a@x.nl b@x.nl`` without a
        comma, a bare name, a quoted name without brackets) is salvaged rather than cut
        to a fragment such as ``@x.nl``: every address in it is kept, and a header with
        none keeps its raw text as the name.
        """
        out: list[tuple[str, str]] = []
        for raw in self.values.get(name.lower(), []):
            found = [(n, a) for n, a in getaddresses([raw]) if n or a]
            if not all(_plausible(a) for _, a in found) or (not found and "@" in raw):
                found = salvage(raw)
            out.extend((decode_words(n).strip(), a) for n, a in found)
        return out


_ADDR = re.compile(r"[^\s<>,;:\"()\[\]]+@[^\s<>,;:\"()\[\]]+")
_EMPTY_GROUP = re.compile(r"[^:@]*:\s*;?")


def _plausible(address: str) -> bool:
    local, at, domain = address.partition("@")
    return bool(at and local and domain) and _ADDR.fullmatch(address) is not None


def salvage(raw: str) -> list[tuple[str, str]]:
    """The addresses in a header the standard parser misread, with the rest as a name."""
    found = _ADDR.findall(raw)
    if len(found) == 1:
        name = raw.replace(found[0], " ").strip(" \t<>\"'(),;")
        return [(" ".join(name.split()), found[0])]
    if found:
        return [("", address) for address in found]
    text = " ".join(raw.split())
    if not text or _EMPTY_GROUP.fullmatch(text):
        return []  # "undisclosed-recipients:;" names no one
    return [(text, "")]
