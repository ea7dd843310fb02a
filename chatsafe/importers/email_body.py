"""The text and attachments of one e-mail.

The text is the text/plain body, else the HTML body turned into text with the standard
library's ``html.parser`` (scripts and styles dropped, entities decoded; nothing is
fetched). Text that does not decode in its declared charset is refused rather than
guessed at, unless the user names a fallback encoding.
"""

from __future__ import annotations

import mimetypes
import re
from email.message import Message
from html.parser import HTMLParser

from chatsafe import media
from chatsafe.domain import ParsedAttachment
from chatsafe.errors import EncodingError
from chatsafe.importers.email_headers import decode_words

_SKIP = {"script", "style", "head", "title", "template", "noscript"}
_BLOCK = {
    "p", "div", "tr", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", "header", "footer", "hr", "dl", "dt", "dd",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in _BLOCK:
            self.out.append("\n")
            if tag == "li":
                self.out.append("- ")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK and tag != "li":
            self.out.append("\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.out.append(data if self.pre else _SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """Readable text of an HTML mail body."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.out).split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def decode_part(part: Message, where: str, entry: str | None, fallback: str | None) -> str:
    """A text part's payload as text, strictly in its charset (or the user's fallback)."""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    declared = (part.get_content_charset() or "").lower()
    tries = [declared] if declared and declared not in ("us-ascii", "ascii") else []
    tries.append("utf-8")  # undeclared or "ascii" 8-bit text is nearly always UTF-8
    if fallback:
        tries.append(fallback)
    for charset in tries:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
    raise EncodingError(
        f"a text part is not valid {declared or 'UTF-8'}; "
        "if you know its encoding, give it with --encoding",
        file=where,
        entry=entry,
    )


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or bool(part.get_filename())


def find_body(msg: Message) -> Message | None:
    """The text/plain part a reader sees, else the text/html one (like ``get_body``)."""
    html: Message | None = None
    for part in _leaves(msg):
        ctype = part.get_content_type()
        if ctype == "text/plain" and not _is_attachment(part):
            return part
        if ctype == "text/html" and html is None and not _is_attachment(part):
            html = part
    return html


def body_text(
    msg: Message, where: str, entry: str | None, fallback: str | None
) -> tuple[str, Message | None]:
    """(text, the part it came from) — text/plain preferred, else HTML as text."""
    body = find_body(msg)
    if body is None:
        return "", None
    text = decode_part(body, where, entry, fallback)
    if body.get_content_type() == "text/html":
        text = html_to_text(text)
    return text, body


def _leaves(part: Message) -> list[Message]:
    if part.get_content_type() == "message/rfc822" or not part.is_multipart():
        return [part]
    found: list[Message] = []
    payload = part.get_payload()
    for sub in payload if isinstance(payload, list) else []:
        if isinstance(sub, Message):
            found.extend(_leaves(sub))
    return found


def attachments(msg: Message, body: Message | None) -> list[ParsedAttachment]:
    """Every part that is not the body or its alternative, with its bytes."""
    found: list[ParsedAttachment] = []
    for part in _leaves(msg):
        if part is body:
            continue
        ctype = part.get_content_type()
        raw_name = part.get_filename()
        filename = decode_words(raw_name) if isinstance(raw_name, str) else None
        if ctype in ("text/plain", "text/html") and not _is_attachment(part):
            continue  # the other half of multipart/alternative, not a file
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else None
            data = inner_msg.as_bytes() if isinstance(inner_msg, Message) else b""
            name = filename or f"message-{len(found) + 1}.eml"
        else:
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            name = (
                filename or f"attachment-{len(found) + 1}{mimetypes.guess_extension(ctype) or ''}"
            )
        mime = ctype if ctype != "application/octet-stream" else media.sniff_mime(data, name)
        found.append(ParsedAttachment(name, mime, data))
    return found
