"""Large XML exports read as a stream, safely.

Three things happen between the source's bytes and the elements an importer sees:

1. UTF-8 is checked as the bytes go by, so a wrongly encoded file is refused with the
   byte offset and line instead of an opaque "invalid token".
2. Emoji written by older exporters as *pairs of surrogate character references*
   (``&#55357;&#56832;``, which XML forbids) are joined into one reference
   (``&#128512;``); a lone surrogate reference becomes U+FFFD. The file is repaired,
   not dropped.
3. defusedxml parses with DTDs, entity declarations and external references
   forbidden: a billion-laughs bomb or an external entity is refused, never expanded.

Elements are handed out one child of the root at a time and then cleared, so memory
stays flat however large the base64 media in the file.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from chatsafe.errors import EncodingError, InputError

#: One record (an <sms>, or an <mms> with its parts' base64 media) above this is refused
#: while reading. Carriers cap an MMS at a few MB; base64 adds a third.
MAX_RECORD_BYTES = 256 * 1024 * 1024

# A character reference whose value is a UTF-16 surrogate (U+D800..U+DFFF), decimal or hex.
_SURROGATE_REF = re.compile(
    rb"&#(?:(5(?:5(?:29[6-9]|[3-9]\d\d)|6\d\d\d|7(?:[0-2]\d\d|3[0-3]\d|34[0-3])))"
    rb"|[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2}));"
)
_TRAILING_REF = re.compile(rb"&#[0-9xXa-fA-F]{1,10};\Z")
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


def _ref_value(match: re.Match[bytes]) -> int:
    dec, hexa = match.group(1), match.group(2)
    return int(dec) if dec is not None else int(hexa, 16)


def repair_surrogates(data: bytes) -> bytes:
    """Join surrogate-pair character references; lone surrogates become U+FFFD."""
    if b"&#" not in data:
        return data
    out: list[bytes] = []
    last = 0
    pending: re.Match[bytes] | None = None  # a high surrogate waiting for its partner
    for match in _SURROGATE_REF.finditer(data):
        value = _ref_value(match)
        if pending is not None:
            if value >= 0xDC00 and match.start() == pending.end():
                high = _ref_value(pending)
                combined = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                out.append(data[last : pending.start()])
                out.append(b"&#%d;" % combined)
                last = match.end()
                pending = None
                continue
            out.append(data[last : pending.start()])
            out.append(b"&#65533;")
            last = pending.end()
            pending = None
        if value < 0xDC00:
            pending = match
        else:
            out.append(data[last : match.start()])
            out.append(b"&#65533;")
            last = match.end()
    if pending is not None:
        out.append(data[last : pending.start()])
        out.append(b"&#65533;")
        last = pending.end()
    out.append(data[last:])
    return b"".join(out)


class _RepairedStream(io.RawIOBase):
    """A readable stream over source chunks: UTF-8 checked, surrogates repaired."""

    def __init__(self, chunks: Iterator[bytes], where: str) -> None:
        self._chunks = chunks
        self._where = where
        self._carry = b""
        self._out = b""
        self._done = False
        self._decoder: codecs.IncrementalDecoder | None = codecs.getincrementaldecoder("utf-8")()
        self._offset = 0
        self._lines = 1
        self._first = True
        self.taken = 0  # bytes read from the source
        self.mark = 0  # ``taken`` when the last record ended
        self.records = 0

    def readable(self) -> bool:
        return True

    def _check_utf8(self, block: bytes, final: bool) -> None:
        if self._first:
            self._first = False
            declared = _DECLARED_ENCODING.search(block[:200])
            if declared and declared.group(1).lower().replace(b"_", b"-") not in (
                b"utf-8",
                b"utf8",
            ):
                self._decoder = None  # the parser decodes what the file declares
        if self._decoder is None:
            return
        try:
            self._decoder.decode(block, final)
        except UnicodeDecodeError as exc:
            bad = max(exc.start, 0)
            raise EncodingError(
                f"not valid UTF-8 at byte offset {self._offset + bad}",
                file=self._where,
                line=self._lines + block.count(b"\n", 0, bad),
            ) from None
        self._offset += len(block)
        self._lines += block.count(b"\n")

    def _fill(self) -> None:
        while not self._out and not self._done:
            block = next(self._chunks, None)
            if block is not None:
                self.taken += len(block)
                if self.taken - self.mark > MAX_RECORD_BYTES:
                    # Refused before the parser holds it (issue 12): expat would build
                    # the whole element, several times its size, before ingest's own
                    # limit could see it.
                    raise InputError(
                        f"record {self.records + 1} (counting from the first) is larger than"
                        f" {MAX_RECORD_BYTES // (1024 * 1024)} MiB; no phone writes one"
                        " (damaged, or not an export)",
                        file=self._where,
                        line=self._lines if self._decoder is not None else None,
                    )
            if block is None:
                self._done = True
                self._check_utf8(b"", True)
                self._out = repair_surrogates(self._carry)
                self._carry = b""
                return
            self._check_utf8(block, False)
            buffer = self._carry + block
            # Never cut a reference (or a pair of them) in two: hold back from the last '&'.
            split = len(buffer)
            amp = buffer.rfind(b"&", max(0, len(buffer) - 24))
            if amp != -1:
                split = amp
                before = _TRAILING_REF.search(buffer, max(0, split - 12), split)
                if before:
                    split = before.start()
            self._carry = buffer[split:]
            self._out = repair_surrogates(buffer[:split])

    def readinto(self, target: Any) -> int:
        self._fill()
        n = min(len(target), len(self._out))
        target[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


def iter_records(chunks: Iterator[bytes], where: str) -> Iterator[tuple[Element, Element]]:
    """Yield (root, child) for each child of the root element, then clear it.

    Raises InputError (naming the file and line) for malformed XML, and refuses DTDs,
    entity declarations and external references.
    """
    raw = _RepairedStream(chunks, where)
    stream = io.BufferedReader(raw, buffer_size=256 * 1024)
    depth = 0
    root: Element | None = None
    try:
        for event, elem in SafeET.iterparse(
            stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True
        ):
            if event == "start":
                if depth == 0:
                    root = elem
                depth += 1
                continue
            depth -= 1
            if depth == 1 and root is not None:
                raw.mark, raw.records = raw.taken, raw.records + 1
                yield root, elem
                root.clear()
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"not well-formed XML ({_reason(exc)})", file=where, line=line) from None
    except defusedxml.DTDForbidden:
        raise InputError(
            "refused: the XML has a document type declaration (DTD); "
            "chatsafe never processes them (entity bombs, external files)",
            file=where,
        ) from None
    except defusedxml.EntitiesForbidden:
        raise InputError(
            "refused: the XML declares entities; chatsafe never expands them", file=where
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise InputError(
            "refused: the XML refers to an external file; chatsafe never fetches it", file=where
        ) from None
    except defusedxml.DefusedXmlException:
        raise InputError("refused: unsafe XML", file=where) from None
    if root is None:
        raise InputError("the XML file is empty", file=where)


def _reason(exc: ParseError) -> str:
    text = str(exc)
    return text.split(":", 1)[0] if ":" in text else text
